//! Hourly contracts as stored: the freelancer's time entries, and each
//! billed week with where its money is.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::hourly::{HourlyWeekStatus, TimeEntryInput, week_end, week_start};
use domain::{ContractId, Money, TimeEntryId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{currency, label};
use crate::entity::{hourly_week as week, time_entry as entry};
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeEntryRecord {
    pub id: TimeEntryId,
    pub contract_id: ContractId,
    pub work_date: NaiveDate,
    pub minutes: u32,
    pub memo: String,
    /// The billed week it was charged in; none while it may still change.
    pub hourly_week_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<entry::Model> for TimeEntryRecord {
    fn from(m: entry::Model) -> Self {
        Self {
            id: m.id.into(),
            contract_id: m.contract_id.into(),
            work_date: m.work_date,
            minutes: u32::try_from(m.minutes).unwrap_or_default(),
            memo: m.memo,
            hourly_week_id: m.hourly_week_id,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourlyWeekRecord {
    pub id: Uuid,
    pub contract_id: ContractId,
    pub week_start: NaiveDate,
    pub minutes: u32,
    /// What the week cost the client, before fees.
    pub amount: Money,
    /// What the freelancer was paid into pending, after the service fee.
    pub freelancer_net: Money,
    pub status: HourlyWeekStatus,
    /// When the review period ends and the money becomes available.
    pub release_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<week::Model> for HourlyWeekRecord {
    type Error = StoreError;

    fn try_from(m: week::Model) -> StoreResult<Self> {
        let currency = currency(&m.currency)?;
        Ok(Self {
            id: m.id,
            contract_id: m.contract_id.into(),
            week_start: m.week_start,
            minutes: u32::try_from(m.minutes).unwrap_or_default(),
            amount: Money::new(m.amount, currency),
            freelancer_net: Money::new(m.freelancer_net, currency),
            status: label(HourlyWeekStatus::parse, &m.status)?,
            release_after: m.release_after,
            created_at: m.created_at,
        })
    }
}

fn minutes(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

pub async fn insert_entry(
    db: &impl ConnectionTrait,
    contract: ContractId,
    input: &TimeEntryInput,
    now: DateTime<Utc>,
) -> StoreResult<TimeEntryId> {
    let id = TimeEntryId::new();
    entry::Entity::insert(entry::ActiveModel {
        id: Set(id.into_uuid()),
        contract_id: Set(contract.into_uuid()),
        work_date: Set(input.work_date),
        minutes: Set(minutes(input.minutes)),
        memo: Set(input.memo.trim().to_owned()),
        hourly_week_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

pub async fn find_entry(db: &impl ConnectionTrait, id: TimeEntryId) -> StoreResult<Option<TimeEntryRecord>> {
    Ok(entry::Entity::find_by_id(id.into_uuid()).one(db).await?.map(Into::into))
}

/// Rewrites an entry that is not billed yet; false when it was billed meanwhile.
pub async fn update_entry(
    db: &impl ConnectionTrait,
    id: TimeEntryId,
    input: &TimeEntryInput,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = entry::Entity::update_many()
        .col_expr(entry::Column::WorkDate, Expr::value(input.work_date))
        .col_expr(entry::Column::Minutes, Expr::value(minutes(input.minutes)))
        .col_expr(entry::Column::Memo, Expr::value(input.memo.trim().to_owned()))
        .col_expr(entry::Column::UpdatedAt, Expr::value(now))
        .filter(entry::Column::Id.eq(id.into_uuid()))
        .filter(entry::Column::HourlyWeekId.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes an entry that is not billed yet; false when it was billed meanwhile.
pub async fn delete_entry(db: &impl ConnectionTrait, id: TimeEntryId) -> StoreResult<bool> {
    let result = entry::Entity::delete_many()
        .filter(entry::Column::Id.eq(id.into_uuid()))
        .filter(entry::Column::HourlyWeekId.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// A contract's entries from `from` to `to`, both included, by day.
pub async fn entries(
    db: &impl ConnectionTrait,
    contract: ContractId,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<TimeEntryRecord>> {
    let rows = entry::Entity::find()
        .filter(entry::Column::ContractId.eq(contract.into_uuid()))
        .filter(entry::Column::WorkDate.gte(from))
        .filter(entry::Column::WorkDate.lte(to))
        .order_by_asc(entry::Column::WorkDate)
        .order_by_asc(entry::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Minutes logged on a contract in the week starting `monday`, leaving out
/// the entry `except` (the one being edited).
pub async fn week_minutes(
    db: &impl ConnectionTrait,
    contract: ContractId,
    monday: NaiveDate,
    except: Option<TimeEntryId>,
) -> StoreResult<u32> {
    let rows = entries(db, contract, monday, week_end(monday)).await?;
    Ok(rows.iter().filter(|e| Some(e.id) != except).map(|e| e.minutes).sum())
}

/// Contracts with unbilled time in weeks that started before `before`, with
/// those weeks' Mondays, oldest first.
pub async fn unbilled_weeks(db: &impl ConnectionTrait, before: NaiveDate) -> StoreResult<Vec<(ContractId, NaiveDate)>> {
    let rows: Vec<(Uuid, NaiveDate)> = entry::Entity::find()
        .select_only()
        .column(entry::Column::ContractId)
        .column(entry::Column::WorkDate)
        .filter(entry::Column::HourlyWeekId.is_null())
        .filter(entry::Column::WorkDate.lt(before))
        .into_tuple()
        .all(db)
        .await?;
    let mut weeks: Vec<(ContractId, NaiveDate)> =
        rows.into_iter().map(|(contract, day)| (contract.into(), week_start(day))).collect();
    weeks.sort_by_key(|(contract, monday)| (*monday, *contract));
    weeks.dedup();
    Ok(weeks)
}

/// Records a billed week. A second one for the same contract and week fails
/// with [`StoreError::Duplicate`] (a unique index), so a week is billed once.
pub async fn insert_week(db: &impl ConnectionTrait, record: &HourlyWeekRecord, now: DateTime<Utc>) -> StoreResult<()> {
    week::Entity::insert(week::ActiveModel {
        id: Set(record.id),
        contract_id: Set(record.contract_id.into_uuid()),
        week_start: Set(record.week_start),
        minutes: Set(minutes(record.minutes)),
        amount: Set(record.amount.amount),
        freelancer_net: Set(record.freelancer_net.amount),
        currency: Set(record.amount.currency.code().to_owned()),
        status: Set(record.status.as_str().to_owned()),
        release_after: Set(record.release_after),
        charge_transaction_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Remembers the ledger transaction of the week's charge, for a refund.
pub async fn set_charge_transaction(db: &impl ConnectionTrait, week_id: Uuid, transaction: Uuid) -> StoreResult<()> {
    week::Entity::update_many()
        .col_expr(week::Column::ChargeTransactionId, Expr::value(transaction))
        .filter(week::Column::Id.eq(week_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find_week(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<HourlyWeekRecord>> {
    week::Entity::find_by_id(id).one(db).await?.map(TryInto::try_into).transpose()
}

/// Reads a billed week and, outside SQLite, locks its row until the
/// transaction ends, so that a dispute and the payout sweep take turns.
pub async fn find_week_for_update(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<HourlyWeekRecord>> {
    let mut select = week::Entity::find_by_id(id);
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    select.one(db).await?.map(TryInto::try_into).transpose()
}

/// Ties a week's entries to its billed week; they no longer change.
pub async fn mark_billed(
    db: &impl ConnectionTrait,
    contract: ContractId,
    monday: NaiveDate,
    week_id: Uuid,
) -> StoreResult<()> {
    entry::Entity::update_many()
        .col_expr(entry::Column::HourlyWeekId, Expr::value(week_id))
        .filter(entry::Column::ContractId.eq(contract.into_uuid()))
        .filter(entry::Column::WorkDate.gte(monday))
        .filter(entry::Column::WorkDate.lt(monday + Duration::days(7)))
        .filter(entry::Column::HourlyWeekId.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// A contract's billed weeks, newest first.
pub async fn weeks(db: &impl ConnectionTrait, contract: ContractId) -> StoreResult<Vec<HourlyWeekRecord>> {
    let rows = week::Entity::find()
        .filter(week::Column::ContractId.eq(contract.into_uuid()))
        .order_by_desc(week::Column::WeekStart)
        .all(db)
        .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Held weeks whose review period ended by `now`, oldest first, at most `limit`.
pub async fn reviewed(db: &impl ConnectionTrait, now: DateTime<Utc>, limit: u64) -> StoreResult<Vec<HourlyWeekRecord>> {
    let rows = week::Entity::find()
        .filter(week::Column::Status.eq(HourlyWeekStatus::Held.as_str()))
        .filter(week::Column::ReleaseAfter.lte(now))
        .order_by_asc(week::Column::ReleaseAfter)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Moves a week from `from` to `to`; false when another request moved it first.
pub async fn set_week_status(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: HourlyWeekStatus,
    to: HourlyWeekStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = week::Entity::update_many()
        .col_expr(week::Column::Status, Expr::value(to.as_str()))
        .col_expr(week::Column::UpdatedAt, Expr::value(now))
        .filter(week::Column::Id.eq(id))
        .filter(week::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
