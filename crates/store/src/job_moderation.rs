//! Jobs as admins see them: every job found by title or owner, drafts and
//! hidden ones included, and an admin's hold on a job (hidden, or closed
//! by an admin) written in one update.

use chrono::{DateTime, Utc};
use domain::JobId;
use domain::job::JobStatus;
use domain::pagination::{Page, PageRequest};
use sea_orm::prelude::Expr;
use sea_orm::sea_query::{ExprTrait, Func, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::{job, user};
use crate::error::StoreResult;
use crate::jobs::JobRecord;

/// Writes an admin's hold on the job: hidden or not, and the status it had
/// before an admin closed it, with the status it has now (`posted` as for
/// [`crate::jobs::set_status`]).
pub async fn set_moderation(
    db: &impl ConnectionTrait,
    id: JobId,
    moderation: Moderation,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut model = job::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id.into_uuid()),
        status: Set(moderation.status.as_str().to_owned()),
        hidden_at: Set(moderation.hidden_at),
        admin_closed_from: Set(moderation.admin_closed_from.map(|s| s.as_str().to_owned())),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some((at, until)) = moderation.posted {
        model.posted_at = Set(Some(at));
        model.expires_at = Set(Some(until));
    }
    job::Entity::update(model).exec(db).await?;
    Ok(())
}

/// What [`set_moderation`] writes.
#[derive(Debug, Clone, Copy)]
pub struct Moderation {
    pub status: JobStatus,
    pub hidden_at: Option<DateTime<Utc>>,
    pub admin_closed_from: Option<JobStatus>,
    pub posted: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// What admins look jobs up by.
#[derive(Debug, Clone, Default)]
pub struct JobQuery {
    /// Part of the title, or of the owner's name or e-mail address.
    pub text: Option<String>,
    pub status: Option<JobStatus>,
    pub hidden: Option<bool>,
}

/// Every job matching `query`, drafts included, newest first.
pub async fn search_all(
    db: &impl ConnectionTrait,
    query: &JobQuery,
    page: &PageRequest<JobId>,
) -> StoreResult<Page<JobRecord>> {
    let mut select = job::Entity::find().order_by_desc(job::Column::Id).limit(page.limit + 1);
    if let Some(text) = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        let owners = Query::select()
            .column(user::Column::Id)
            .from(user::Entity)
            .cond_where(
                Condition::any()
                    .add(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(&pattern))
                    .add(Expr::col(user::Column::Email).like(&pattern)),
            )
            .to_owned();
        select = select.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col((job::Entity, job::Column::Title)))).like(&pattern))
                .add(job::Column::ClientId.in_subquery(owners)),
        );
    }
    if let Some(status) = query.status {
        select = select.filter(job::Column::Status.eq(status.as_str()));
    }
    match query.hidden {
        Some(true) => select = select.filter(job::Column::HiddenAt.is_not_null()),
        Some(false) => select = select.filter(job::Column::HiddenAt.is_null()),
        None => {}
    }
    if let Some(after) = page.after {
        select = select.filter(job::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<JobRecord> = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?;
    Ok(Page::from_rows(rows, page.limit, |j| j.id))
}
