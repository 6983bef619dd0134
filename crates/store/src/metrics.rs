//! Figures for dashboards, computed from the tables and the ledger each time
//! (no counters that could drift from what they count).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::UserId;
use domain::dispute::DisputeStatus;
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{Alias, ExprTrait as _, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QuerySelect};

use crate::entity::{contract, dispute, job, ledger_posting as posting, proposal, user};
use crate::error::{StoreError, StoreResult};

/// A half-open time range, `[from, to)`.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// How many of the user's contracts are in each status, on one side.
pub async fn contracts_by_status(
    db: &impl ConnectionTrait,
    user: UserId,
    as_client: bool,
) -> StoreResult<BTreeMap<String, u64>> {
    let side = if as_client { contract::Column::ClientId } else { contract::Column::FreelancerId };
    counts_by(db, contract::Entity::find().filter(side.eq(user.into_uuid())), contract::Column::Status).await
}

/// How many of the client's jobs are in each status.
pub async fn jobs_by_status(db: &impl ConnectionTrait, client: UserId) -> StoreResult<BTreeMap<String, u64>> {
    counts_by(db, job::Entity::find().filter(job::Column::ClientId.eq(client.into_uuid())), job::Column::Status).await
}

/// How many of the freelancer's proposals are in each status.
pub async fn proposals_by_status(db: &impl ConnectionTrait, freelancer: UserId) -> StoreResult<BTreeMap<String, u64>> {
    counts_by(
        db,
        proposal::Entity::find().filter(proposal::Column::FreelancerId.eq(freelancer.into_uuid())),
        proposal::Column::Status,
    )
    .await
}

async fn counts_by<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: sea_orm::Select<E>,
    column: impl ColumnTrait,
) -> StoreResult<BTreeMap<String, u64>> {
    let rows: Vec<(String, i64)> = select
        .select_only()
        .column(column)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .group_by(column)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(status, n)| (status, u64::try_from(n).unwrap_or(0))).collect())
}

/// Distinct freelancers the client has hired.
pub async fn freelancers_hired(db: &impl ConnectionTrait, client: UserId) -> StoreResult<u64> {
    let ids: Vec<Uuid> = contract::Entity::find()
        .select_only()
        .column(contract::Column::FreelancerId)
        .distinct()
        .filter(contract::Column::ClientId.eq(client.into_uuid()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.len() as u64)
}

#[derive(FromQueryResult)]
struct DaySignups {
    day: String,
    freelancers: i64,
    clients: i64,
}

/// Sign-ups in the range per UTC day that had any: (day, freelancers,
/// clients), counted in the database so that a busy year sends a row per
/// day rather than one per user.
pub async fn signups(db: &impl ConnectionTrait, range: Range) -> StoreResult<Vec<(NaiveDate, u64, u64)>> {
    let backend = db.get_database_backend();
    let day = match backend {
        sea_orm::DbBackend::Postgres => "to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD')",
        sea_orm::DbBackend::MySql => "DATE_FORMAT(created_at, '%Y-%m-%d')",
        _ => "date(created_at)",
    };
    let mut select = Query::select();
    select
        .expr_as(Expr::cust(day), Alias::new("day"))
        .expr_as(Expr::cust("COUNT(CASE WHEN is_freelancer THEN 1 END)"), Alias::new("freelancers"))
        .expr_as(Expr::cust("COUNT(CASE WHEN is_client THEN 1 END)"), Alias::new("clients"))
        .from(user::Entity)
        .and_where(Expr::col(user::Column::CreatedAt).gte(range.from))
        .and_where(Expr::col(user::Column::CreatedAt).lt(range.to))
        .add_group_by([Expr::cust(day)]);
    let rows = DaySignups::find_by_statement(backend.build(&select)).all(db).await?;
    rows.into_iter()
        .map(|r| {
            let day = r.day.parse().map_err(|_| StoreError::Corrupt(format!("sign-up day {:?}", r.day)))?;
            Ok((day, u64::try_from(r.freelancers).unwrap_or(0), u64::try_from(r.clients).unwrap_or(0)))
        })
        .collect()
}

#[derive(FromQueryResult)]
struct RoleCounts {
    freelancers: i64,
    clients: i64,
    admins: i64,
}

/// Users by role, now: (freelancers, clients, admins), in one pass.
pub async fn users_by_role(db: &impl ConnectionTrait) -> StoreResult<(u64, u64, u64)> {
    let backend = db.get_database_backend();
    let select = Query::select()
        .expr_as(Expr::cust("COUNT(CASE WHEN is_freelancer THEN 1 END)"), Alias::new("freelancers"))
        .expr_as(Expr::cust("COUNT(CASE WHEN is_client THEN 1 END)"), Alias::new("clients"))
        .expr_as(Expr::cust("COUNT(CASE WHEN is_admin THEN 1 END)"), Alias::new("admins"))
        .from(user::Entity)
        .to_owned();
    let counts = RoleCounts::find_by_statement(backend.build(&select)).one(db).await?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(counts.map_or((0, 0, 0), |c| (count(c.freelancers), count(c.clients), count(c.admins))))
}

pub async fn jobs_posted(db: &impl ConnectionTrait, range: Range) -> StoreResult<u64> {
    Ok(job::Entity::find()
        .filter(job::Column::PostedAt.gte(range.from))
        .filter(job::Column::PostedAt.lt(range.to))
        .count(db)
        .await?)
}

pub async fn contracts_started(db: &impl ConnectionTrait, range: Range) -> StoreResult<u64> {
    Ok(contract::Entity::find()
        .filter(contract::Column::StartedAt.gte(range.from))
        .filter(contract::Column::StartedAt.lt(range.to))
        .count(db)
        .await?)
}

/// Disputes waiting for a decision now.
pub async fn disputes_open(db: &impl ConnectionTrait) -> StoreResult<u64> {
    Ok(dispute::Entity::find().filter(dispute::Column::Status.eq(DisputeStatus::Open.as_str())).count(db).await?)
}

pub async fn disputes_opened(db: &impl ConnectionTrait, range: Range) -> StoreResult<u64> {
    Ok(dispute::Entity::find()
        .filter(dispute::Column::CreatedAt.gte(range.from))
        .filter(dispute::Column::CreatedAt.lt(range.to))
        .count(db)
        .await?)
}

/// When each dispute decided in the range was opened and decided. Withdrawn
/// disputes are left out: nobody resolved them.
pub async fn disputes_resolved(
    db: &impl ConnectionTrait,
    range: Range,
) -> StoreResult<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let rows: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = dispute::Entity::find()
        .select_only()
        .columns([dispute::Column::CreatedAt, dispute::Column::ClosedAt])
        .filter(dispute::Column::Status.eq(DisputeStatus::Resolved.as_str()))
        .filter(dispute::Column::ClosedAt.gte(range.from))
        .filter(dispute::Column::ClosedAt.lt(range.to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(opened, closed)| Some((opened, closed?))).collect())
}

#[derive(FromQueryResult)]
struct Total {
    currency: String,
    total: i64,
}

/// Sum of the postings to accounts of `kind` per currency, of transactions
/// of `movement` (any when `None`) made in `range` (all time when `None`).
/// Postings carry their transaction's movement and time, so this reads the
/// postings alone, through the (kind, time) index.
pub async fn posted(
    db: &impl ConnectionTrait,
    kind: &str,
    movement: Option<&str>,
    range: Option<Range>,
) -> StoreResult<BTreeMap<String, i64>> {
    let backend = db.get_database_backend();
    // SUM is DECIMAL on MySQL; the cast keeps it an integer everywhere.
    let total = match backend {
        sea_orm::DbBackend::MySql => Expr::cust("CAST(SUM(amount) AS SIGNED)"),
        _ => Expr::cust("CAST(SUM(amount) AS BIGINT)"),
    };
    let mut select = Query::select();
    select
        .column(posting::Column::Currency)
        .expr_as(total, Alias::new("total"))
        .from(posting::Entity)
        .and_where(posting::Column::AccountKind.eq(kind))
        .group_by_col(posting::Column::Currency);
    if let Some(movement) = movement {
        select.and_where(posting::Column::Movement.eq(movement));
    }
    if let Some(range) = range {
        select.and_where(posting::Column::CreatedAt.gte(range.from)).and_where(posting::Column::CreatedAt.lt(range.to));
    }
    let rows = Total::find_by_statement(backend.build(&select)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.currency, r.total)).collect())
}
