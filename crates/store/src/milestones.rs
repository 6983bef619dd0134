//! Milestones of fixed-price contracts: added and edited while unfunded,
//! then moved through their states by payments.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::MilestoneStatus;
use domain::{ContractId, MilestoneId, Money};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::contracts::MilestoneRecord;
use crate::entity::milestone;
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
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Reads a milestone and, outside SQLite, locks its row until the
/// transaction ends, so that two payments on it run one after the other.
pub async fn find_for_update(db: &impl ConnectionTrait, id: MilestoneId) -> StoreResult<Option<OwnedMilestone>> {
    let mut select = milestone::Entity::find_by_id(id.into_uuid());
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    let Some(model) = select.one(db).await? else { return Ok(None) };
    let contract_id = model.contract_id.into();
    Ok(Some(OwnedMilestone { contract_id, milestone: model.try_into()? }))
}

/// Moves a milestone from `from` to `to`; false when it was no longer in
/// `from` (another request moved it first), and then nothing is written.
pub async fn transition(
    db: &impl ConnectionTrait,
    id: MilestoneId,
    from: MilestoneStatus,
    to: MilestoneStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = milestone::Entity::update_many()
        .col_expr(milestone::Column::Status, Expr::value(to.as_str()))
        .col_expr(milestone::Column::UpdatedAt, Expr::value(now))
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .filter(milestone::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
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
