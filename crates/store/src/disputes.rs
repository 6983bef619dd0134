//! Disputes and their timelines. A dispute is written in the transaction
//! that freezes its milestone or week, and closed in the one that moves the
//! money or unfreezes it.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::MilestoneStatus;
use domain::dispute::{DisputeEventKind, DisputeOutcome, DisputeReason, DisputeStatus, Disputed};
use domain::pagination::{Page, PageRequest};
use domain::{ContractId, DisputeEventId, DisputeId, FileId, Money, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::attachments;
use crate::codec::{currency, label};
use crate::entity::{dispute as row, dispute_event as event};
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeRecord {
    pub id: DisputeId,
    pub contract_id: ContractId,
    pub subject: Disputed,
    pub client_id: UserId,
    pub freelancer_id: UserId,
    pub opened_by: UserId,
    pub reason: DisputeReason,
    pub description: String,
    pub status: DisputeStatus,
    /// The milestone's state when the dispute opened; a withdrawal restores it.
    pub milestone_before: Option<MilestoneStatus>,
    /// What was held for the milestone or week when the dispute opened.
    pub held: Money,
    pub respond_by: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolution: Option<ResolutionRecord>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl DisputeRecord {
    pub fn is_party(&self, user: UserId) -> bool {
        user == self.client_id || user == self.freelancer_id
    }

    /// The party who did not open the dispute, who may respond.
    pub fn respondent(&self) -> UserId {
        if self.opened_by == self.client_id { self.freelancer_id } else { self.client_id }
    }
}

/// An admin's decision as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionRecord {
    pub outcome: DisputeOutcome,
    pub client_amount: Option<Money>,
    pub freelancer_amount: Option<Money>,
    pub due_date: Option<NaiveDate>,
    pub note: String,
    pub resolved_by: UserId,
}

impl TryFrom<row::Model> for DisputeRecord {
    type Error = StoreError;

    fn try_from(m: row::Model) -> StoreResult<Self> {
        let currency = currency(&m.currency)?;
        let subject = match (m.milestone_id, m.hourly_week_id) {
            (Some(milestone), None) => Disputed::Milestone(milestone.into()),
            (None, Some(week)) => Disputed::HourlyWeek(week),
            _ => return Err(StoreError::Corrupt(format!("dispute {} names no single subject", m.id))),
        };
        let resolution = match (m.outcome, m.resolved_by) {
            (Some(outcome), Some(resolved_by)) => Some(ResolutionRecord {
                outcome: label(DisputeOutcome::parse, &outcome)?,
                client_amount: m.client_amount.map(|a| Money::new(a, currency)),
                freelancer_amount: m.freelancer_amount.map(|a| Money::new(a, currency)),
                due_date: m.due_date,
                note: m.resolution_note.unwrap_or_default(),
                resolved_by: resolved_by.into(),
            }),
            _ => None,
        };
        Ok(Self {
            id: m.id.into(),
            contract_id: m.contract_id.into(),
            subject,
            client_id: m.client_id.into(),
            freelancer_id: m.freelancer_id.into(),
            opened_by: m.opened_by.into(),
            reason: label(DisputeReason::parse, &m.reason)?,
            description: m.description,
            status: label(DisputeStatus::parse, &m.status)?,
            milestone_before: m.milestone_before.as_deref().map(|s| label(MilestoneStatus::parse, s)).transpose()?,
            held: Money::new(m.amount, currency),
            respond_by: m.respond_by,
            responded_at: m.responded_at,
            resolution,
            closed_at: m.closed_at,
            created_at: m.created_at,
        })
    }
}

/// Records an open dispute. A second open dispute on the same milestone or
/// week fails with [`StoreError::Duplicate`] (the unique open key).
pub async fn insert(db: &impl ConnectionTrait, d: &DisputeRecord) -> StoreResult<()> {
    let (milestone, week, key) = match d.subject {
        Disputed::Milestone(id) => (Some(id.into_uuid()), None, id.into_uuid()),
        Disputed::HourlyWeek(id) => (None, Some(id), id),
    };
    row::Entity::insert(row::ActiveModel {
        id: Set(d.id.into_uuid()),
        contract_id: Set(d.contract_id.into_uuid()),
        milestone_id: Set(milestone),
        hourly_week_id: Set(week),
        client_id: Set(d.client_id.into_uuid()),
        freelancer_id: Set(d.freelancer_id.into_uuid()),
        opened_by: Set(d.opened_by.into_uuid()),
        reason: Set(d.reason.as_str().to_owned()),
        description: Set(d.description.clone()),
        status: Set(d.status.as_str().to_owned()),
        milestone_before: Set(d.milestone_before.map(|s| s.as_str().to_owned())),
        amount: Set(d.held.amount),
        currency: Set(d.held.currency.code().to_owned()),
        respond_by: Set(d.respond_by),
        responded_at: Set(None),
        outcome: Set(None),
        client_amount: Set(None),
        freelancer_amount: Set(None),
        due_date: Set(None),
        resolution_note: Set(None),
        resolved_by: Set(None),
        closed_at: Set(None),
        open_key: Set((d.status == DisputeStatus::Open).then_some(key)),
        created_at: Set(d.created_at),
        updated_at: Set(d.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: DisputeId) -> StoreResult<Option<DisputeRecord>> {
    row::Entity::find_by_id(id.into_uuid()).one(db).await?.map(TryInto::try_into).transpose()
}

/// Reads a dispute and, outside SQLite, locks its row until the transaction
/// ends. Lock the disputed milestone or week first, as every money flow
/// does, so that two requests never wait on each other crosswise.
pub async fn find_for_update(db: &impl ConnectionTrait, id: DisputeId) -> StoreResult<Option<DisputeRecord>> {
    let mut select = row::Entity::find_by_id(id.into_uuid());
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    select.one(db).await?.map(TryInto::try_into).transpose()
}

/// The disputes `user` is a party of, newest first; only those of
/// `contract` when given.
pub async fn for_party(
    db: &impl ConnectionTrait,
    user: UserId,
    contract: Option<ContractId>,
    page: &PageRequest<DisputeId>,
) -> StoreResult<Page<DisputeRecord>> {
    let side = Condition::any()
        .add(row::Column::ClientId.eq(user.into_uuid()))
        .add(row::Column::FreelancerId.eq(user.into_uuid()));
    let mut select = row::Entity::find().filter(side).order_by_desc(row::Column::Id).limit(page.limit + 1);
    if let Some(contract) = contract {
        select = select.filter(row::Column::ContractId.eq(contract.into_uuid()));
    }
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |d: &DisputeRecord| d.id))
}

/// The admins' queue: disputes in `status` (any when none), oldest first.
pub async fn queue(
    db: &impl ConnectionTrait,
    status: Option<DisputeStatus>,
    page: &PageRequest<DisputeId>,
) -> StoreResult<Page<DisputeRecord>> {
    let mut select = row::Entity::find().order_by_asc(row::Column::Id).limit(page.limit + 1);
    if let Some(status) = status {
        select = select.filter(row::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.gt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |d: &DisputeRecord| d.id))
}

/// Stamps the respondent's answer; false when the dispute was answered or
/// closed meanwhile.
pub async fn mark_responded(db: &impl ConnectionTrait, id: DisputeId, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = row::Entity::update_many()
        .col_expr(row::Column::RespondedAt, Expr::value(now))
        .col_expr(row::Column::UpdatedAt, Expr::value(now))
        .filter(row::Column::Id.eq(id.into_uuid()))
        .filter(row::Column::Status.eq(DisputeStatus::Open.as_str()))
        .filter(row::Column::RespondedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Closes an open dispute as `to` (withdrawn, or resolved with `resolution`)
/// and frees its milestone or week for another dispute; false when it was
/// closed meanwhile, and then nothing is written.
pub async fn close(
    db: &impl ConnectionTrait,
    id: DisputeId,
    to: DisputeStatus,
    resolution: Option<&ResolutionRecord>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let mut update = row::Entity::update_many()
        .col_expr(row::Column::Status, Expr::value(to.as_str()))
        .col_expr(row::Column::OpenKey, Expr::value(Option::<Uuid>::None))
        .col_expr(row::Column::ClosedAt, Expr::value(now))
        .col_expr(row::Column::UpdatedAt, Expr::value(now));
    if let Some(r) = resolution {
        update = update
            .col_expr(row::Column::Outcome, Expr::value(r.outcome.as_str()))
            .col_expr(row::Column::ClientAmount, Expr::value(r.client_amount.map(|m| m.amount)))
            .col_expr(row::Column::FreelancerAmount, Expr::value(r.freelancer_amount.map(|m| m.amount)))
            .col_expr(row::Column::DueDate, Expr::value(r.due_date))
            .col_expr(row::Column::ResolutionNote, Expr::value(r.note.clone()))
            .col_expr(row::Column::ResolvedBy, Expr::value(r.resolved_by.into_uuid()));
    }
    let result = update
        .filter(row::Column::Id.eq(id.into_uuid()))
        .filter(row::Column::Status.eq(DisputeStatus::Open.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// One entry of a dispute's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputeEventRecord {
    pub id: DisputeEventId,
    pub dispute_id: DisputeId,
    /// Nobody when the platform acted on its own.
    pub author_id: Option<UserId>,
    pub kind: DisputeEventKind,
    pub body: String,
    pub file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
}

/// Adds to a dispute's timeline with `files` attached; returns the entry's id.
pub async fn add_event(
    db: &impl ConnectionTrait,
    dispute: DisputeId,
    author: Option<UserId>,
    kind: DisputeEventKind,
    body: &str,
    files: &[FileId],
    now: DateTime<Utc>,
) -> StoreResult<DisputeEventId> {
    let id = DisputeEventId::new();
    event::Entity::insert(event::ActiveModel {
        id: Set(id.into_uuid()),
        dispute_id: Set(dispute.into_uuid()),
        author_id: Set(author.map(UserId::into_uuid)),
        kind: Set(kind.as_str().to_owned()),
        body: Set(body.to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    attachments::replace(db, attachments::Subject::Dispute(id), files).await?;
    Ok(id)
}

/// A dispute's timeline, oldest first, with the files of each entry.
pub async fn events(db: &impl ConnectionTrait, dispute: DisputeId) -> StoreResult<Vec<DisputeEventRecord>> {
    let rows = event::Entity::find()
        .filter(event::Column::DisputeId.eq(dispute.into_uuid()))
        .order_by_asc(event::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<DisputeEventId> = rows.iter().map(|r| r.id.into()).collect();
    let mut files = attachments::of_dispute_events(db, &ids).await?;
    rows.into_iter()
        .map(|r| {
            Ok(DisputeEventRecord {
                file_ids: files.remove(&r.id).unwrap_or_default(),
                id: r.id.into(),
                dispute_id: r.dispute_id.into(),
                author_id: r.author_id.map(Into::into),
                kind: label(DisputeEventKind::parse, &r.kind)?,
                body: r.body,
                created_at: r.created_at,
            })
        })
        .collect()
}

/// The dispute a timeline entry belongs to.
pub async fn of_event(db: &impl ConnectionTrait, event_id: DisputeEventId) -> StoreResult<Option<DisputeRecord>> {
    let dispute: Option<Uuid> = event::Entity::find_by_id(event_id.into_uuid())
        .select_only()
        .column(event::Column::DisputeId)
        .into_tuple()
        .one(db)
        .await?;
    match dispute {
        Some(id) => find(db, id.into()).await,
        None => Ok(None),
    }
}
