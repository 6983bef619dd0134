//! A freelancer's track record as the rank score and level read it:
//! counted from contracts and recommendations, never cached, so that a
//! recomputation always starts from the truth.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::contract::ContractStatus;
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{contract, recommendation};
use crate::error::StoreResult;

/// What the freelancer's contracts say about them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrackRecord {
    pub completed_contracts: u32,
    /// Clients who hired the freelancer two or more times.
    pub repeat_clients: u32,
    pub last_completed_at: Option<DateTime<Utc>>,
}

pub async fn track_record(db: &impl ConnectionTrait, freelancer: UserId) -> StoreResult<TrackRecord> {
    let completed = contract::Entity::find()
        .filter(contract::Column::FreelancerId.eq(freelancer.into_uuid()))
        .filter(contract::Column::Status.eq(ContractStatus::Completed.as_str()));
    let completed_contracts = completed.clone().count(db).await?;
    let last_completed_at: Option<Option<DateTime<Utc>>> = completed
        .select_only()
        .column(contract::Column::EndedAt)
        .order_by_desc(contract::Column::EndedAt)
        .into_tuple()
        .one(db)
        .await?;
    let repeat_clients = contract::Entity::find()
        .select_only()
        .column(contract::Column::ClientId)
        .filter(contract::Column::FreelancerId.eq(freelancer.into_uuid()))
        .group_by(contract::Column::ClientId)
        .having(Expr::col(contract::Column::Id).count().gte(2))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .len();
    Ok(TrackRecord {
        completed_contracts: u32::try_from(completed_contracts).unwrap_or(u32::MAX),
        repeat_clients: u32::try_from(repeat_clients).unwrap_or(u32::MAX),
        last_completed_at: last_completed_at.flatten(),
    })
}

/// How many different people recommended the freelancer to a friend. One
/// person recommending them to many friends counts once, and a freelancer
/// cannot recommend themselves into the ranking.
pub async fn recommenders(db: &impl ConnectionTrait, freelancer: UserId) -> StoreResult<u32> {
    let count = recommendation::Entity::find()
        .select_only()
        .column(recommendation::Column::FromUserId)
        .distinct()
        .filter(recommendation::Column::FreelancerId.eq(freelancer.into_uuid()))
        .filter(recommendation::Column::FromUserId.ne(freelancer.into_uuid()))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
