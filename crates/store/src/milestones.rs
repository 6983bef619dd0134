//! Milestones of fixed-price contracts: added and edited while unfunded,
//! then moved through their states by payments.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{MilestoneEventKind, MilestoneStatus};
use domain::{ContractId, FileId, MilestoneId, Money, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::attachments;
use crate::codec::label;
use crate::contracts::MilestoneRecord;
use crate::entity::{milestone, milestone_event as event};
use crate::error::StoreResult;

/// A milestone with the contract it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedMilestone {
    pub contract_id: ContractId,
    pub milestone: MilestoneRecord,
}

/// Adds a proposed milestone at the end of the contract's list.
pub async fn insert(
    db: &impl ConnectionTrait,
    contract: ContractId,
    title: &str,
    amount: Money,
    due_date: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> StoreResult<MilestoneId> {
    let last: Option<i32> = milestone::Entity::find()
        .select_only()
        .column(milestone::Column::Position)
        .filter(milestone::Column::ContractId.eq(contract.into_uuid()))
        .order_by_desc(milestone::Column::Position)
        .into_tuple()
        .one(db)
        .await?;
    let id = MilestoneId::new();
    milestone::Entity::insert(milestone::ActiveModel {
        id: Set(id.into_uuid()),
        contract_id: Set(contract.into_uuid()),
        position: Set(last.map_or(0, |p| p + 1)),
        title: Set(title.to_owned()),
        amount: Set(amount.amount),
        currency: Set(amount.currency.code().to_owned()),
        due_date: Set(due_date),
        status: Set(MilestoneStatus::Proposed.as_str().to_owned()),
        submitted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Reads a milestone as it is now, without locking it.
pub async fn find(db: &impl ConnectionTrait, id: MilestoneId) -> StoreResult<Option<OwnedMilestone>> {
    read(db, id, false).await
}

/// Reads a milestone and, outside SQLite, locks its row until the
/// transaction ends, so that two payments on it run one after the other.
pub async fn find_for_update(db: &impl ConnectionTrait, id: MilestoneId) -> StoreResult<Option<OwnedMilestone>> {
    read(db, id, db.get_database_backend() != sea_orm::DbBackend::Sqlite).await
}

async fn read(db: &impl ConnectionTrait, id: MilestoneId, lock: bool) -> StoreResult<Option<OwnedMilestone>> {
    let mut select = milestone::Entity::find_by_id(id.into_uuid());
    if lock {
        select = select.lock_exclusive();
    }
    let Some(model) = select.one(db).await? else { return Ok(None) };
    let contract_id = model.contract_id.into();
    Ok(Some(OwnedMilestone { contract_id, milestone: model.try_into()? }))
}

/// Moves a milestone from `from` to `to`; false when it was no longer in
/// `from` (another request moved it first), and then nothing is written.
/// A move to submitted stamps when, for the automatic release.
pub async fn transition(
    db: &impl ConnectionTrait,
    id: MilestoneId,
    from: MilestoneStatus,
    to: MilestoneStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let mut update = milestone::Entity::update_many()
        .col_expr(milestone::Column::Status, Expr::value(to.as_str()))
        .col_expr(milestone::Column::UpdatedAt, Expr::value(now));
    if to == MilestoneStatus::Submitted {
        update = update.col_expr(milestone::Column::SubmittedAt, Expr::value(now));
    }
    let result = update
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .filter(milestone::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Gives a milestone a new due date (a disputed one sent back for rework).
pub async fn set_due_date(
    db: &impl ConnectionTrait,
    id: MilestoneId,
    due_date: NaiveDate,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    milestone::Entity::update_many()
        .col_expr(milestone::Column::DueDate, Expr::value(due_date))
        .col_expr(milestone::Column::UpdatedAt, Expr::value(now))
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Rewrites an unfunded milestone; false when it was funded meanwhile.
pub async fn update_proposed(
    db: &impl ConnectionTrait,
    id: MilestoneId,
    title: &str,
    amount: Money,
    due_date: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = milestone::Entity::update_many()
        .col_expr(milestone::Column::Title, Expr::value(title.to_owned()))
        .col_expr(milestone::Column::Amount, Expr::value(amount.amount))
        .col_expr(milestone::Column::Currency, Expr::value(amount.currency.code()))
        .col_expr(milestone::Column::DueDate, Expr::value(due_date))
        .col_expr(milestone::Column::UpdatedAt, Expr::value(now))
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .filter(milestone::Column::Status.eq(MilestoneStatus::Proposed.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes an unfunded milestone; false when it was funded meanwhile.
pub async fn delete_proposed(db: &impl ConnectionTrait, id: MilestoneId) -> StoreResult<bool> {
    let result = milestone::Entity::delete_many()
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .filter(milestone::Column::Status.eq(MilestoneStatus::Proposed.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Submitted milestones nobody answered since before `submitted_before`,
/// oldest first, at most `limit`.
pub async fn unanswered(
    db: &impl ConnectionTrait,
    submitted_before: DateTime<Utc>,
    limit: u64,
) -> StoreResult<Vec<OwnedMilestone>> {
    let rows = milestone::Entity::find()
        .filter(milestone::Column::Status.eq(MilestoneStatus::Submitted.as_str()))
        .filter(milestone::Column::SubmittedAt.lte(submitted_before))
        .order_by_asc(milestone::Column::SubmittedAt)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|m| Ok(OwnedMilestone { contract_id: m.contract_id.into(), milestone: m.try_into()? }))
        .collect()
}

/// One entry of a milestone's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneEvent {
    pub id: uuid::Uuid,
    pub milestone_id: MilestoneId,
    /// Nobody when the platform acted on its own.
    pub author_id: Option<UserId>,
    pub kind: MilestoneEventKind,
    pub message: String,
    pub file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
}

/// Adds to a milestone's history; returns the entry's id for its attachments.
pub async fn add_event(
    db: &impl ConnectionTrait,
    milestone_id: MilestoneId,
    author: Option<UserId>,
    kind: MilestoneEventKind,
    message: &str,
    now: DateTime<Utc>,
) -> StoreResult<uuid::Uuid> {
    let id = uuid::Uuid::now_v7();
    event::Entity::insert(event::ActiveModel {
        id: Set(id),
        milestone_id: Set(milestone_id.into_uuid()),
        author_id: Set(author.map(UserId::into_uuid)),
        kind: Set(kind.as_str().to_owned()),
        message: Set(message.to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// The history of the given milestones, oldest first, with attached files.
pub async fn events(db: &impl ConnectionTrait, milestones: &[MilestoneId]) -> StoreResult<Vec<MilestoneEvent>> {
    if milestones.is_empty() {
        return Ok(Vec::new());
    }
    let rows = event::Entity::find()
        .filter(event::Column::MilestoneId.is_in(milestones.iter().map(|m| m.into_uuid())))
        .order_by_asc(event::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.id).collect();
    let mut files = attachments::of_submissions(db, &ids).await?;
    rows.into_iter()
        .map(|r| {
            Ok(MilestoneEvent {
                file_ids: files.remove(&r.id).unwrap_or_default(),
                id: r.id,
                milestone_id: r.milestone_id.into(),
                author_id: r.author_id.map(Into::into),
                kind: label(MilestoneEventKind::parse, &r.kind)?,
                message: r.message,
                created_at: r.created_at,
            })
        })
        .collect()
}

/// The contract a history entry belongs to.
pub async fn contract_of_event(db: &impl ConnectionTrait, event_id: uuid::Uuid) -> StoreResult<Option<ContractId>> {
    let Some(row) = event::Entity::find_by_id(event_id).one(db).await? else { return Ok(None) };
    let contract: Option<uuid::Uuid> = milestone::Entity::find_by_id(row.milestone_id)
        .select_only()
        .column(milestone::Column::ContractId)
        .into_tuple()
        .one(db)
        .await?;
    Ok(contract.map(Into::into))
}
