//! Users' reports of abuse, queued for the admins.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use domain::trust::{ReportReason, ReportStatus, ReportSubject};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::label;
use crate::entity::report as row;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    pub id: Uuid,
    pub reporter_id: UserId,
    pub subject: ReportSubject,
    pub subject_id: Uuid,
    pub reason: ReportReason,
    pub details: String,
    pub status: ReportStatus,
    pub created_at: DateTime<Utc>,
    pub handled_by: Option<UserId>,
    pub handled_at: Option<DateTime<Utc>>,
}

fn record(m: row::Model) -> StoreResult<ReportRecord> {
    Ok(ReportRecord {
        id: m.id,
        reporter_id: m.reporter_id.into(),
        subject: label(ReportSubject::parse, &m.subject_kind)?,
        subject_id: m.subject_id,
        reason: label(ReportReason::parse, &m.reason)?,
        status: label(ReportStatus::parse, &m.status)?,
        details: m.details,
        created_at: m.created_at,
        handled_by: m.handled_by.map(Into::into),
        handled_at: m.handled_at,
    })
}

pub async fn insert(db: &impl ConnectionTrait, report: &ReportRecord) -> StoreResult<()> {
    row::Entity::insert(row::ActiveModel {
        id: Set(report.id),
        reporter_id: Set(report.reporter_id.into_uuid()),
        subject_kind: Set(report.subject.as_str().to_owned()),
        subject_id: Set(report.subject_id),
        reason: Set(report.reason.as_str().to_owned()),
        details: Set(report.details.clone()),
        status: Set(report.status.as_str().to_owned()),
        created_at: Set(report.created_at),
        handled_by: Set(None),
        handled_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<ReportRecord>> {
    row::Entity::find_by_id(id).one(db).await?.map(record).transpose()
}

/// The reporter's report on the subject that is still open, if any.
pub async fn open_by(
    db: &impl ConnectionTrait,
    reporter: UserId,
    subject_id: Uuid,
) -> StoreResult<Option<ReportRecord>> {
    row::Entity::find()
        .filter(row::Column::ReporterId.eq(reporter.into_uuid()))
        .filter(row::Column::SubjectId.eq(subject_id))
        .filter(row::Column::Status.eq(ReportStatus::Open.as_str()))
        .one(db)
        .await?
        .map(record)
        .transpose()
}

/// Reports in `status` (all when `None`), oldest first: the queue.
pub async fn queue(
    db: &impl ConnectionTrait,
    status: Option<ReportStatus>,
    page: &PageRequest<Uuid>,
) -> StoreResult<Page<ReportRecord>> {
    let mut select = row::Entity::find().order_by_asc(row::Column::Id).limit(page.limit + 1);
    if let Some(status) = status {
        select = select.filter(row::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.gt(after));
    }
    let rows = select.all(db).await?.into_iter().map(record).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |r| r.id))
}

/// Closes an open report; false when another admin closed it first.
pub async fn handle(
    db: &impl ConnectionTrait,
    id: Uuid,
    status: ReportStatus,
    admin: UserId,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let updated = row::Entity::update_many()
        .col_expr(row::Column::Status, Expr::value(status.as_str()))
        .col_expr(row::Column::HandledBy, Expr::value(admin.into_uuid()))
        .col_expr(row::Column::HandledAt, Expr::value(now))
        .filter(row::Column::Id.eq(id))
        .filter(row::Column::Status.eq(ReportStatus::Open.as_str()))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}
