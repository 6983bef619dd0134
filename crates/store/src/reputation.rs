//! Reputation: a freelancer's track record as the rank score and level read
//! it, counted from contracts and recommendations and never cached, so that
//! a recomputation always starts from the truth; and the figures derived from
//! it that profiles keep (ratings, level, the day of the last recomputation).

use chrono::{DateTime, NaiveDate, Utc};
use domain::UserId;
use domain::contract::ContractStatus;
use domain::level::FreelancerLevel;
use domain::review::ReviewSide;
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::{client_profile, contract, freelancer_profile, recommendation};
use crate::error::StoreResult;
use crate::reviews::Tally;

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

/// Stores a user's rating on one side from their released reviews.
pub async fn set_rating(db: &impl ConnectionTrait, id: UserId, side: ReviewSide, tally: Tally) -> StoreResult<()> {
    let count = i32::try_from(tally.count).unwrap_or(i32::MAX);
    match side {
        ReviewSide::Freelancer => {
            freelancer_profile::Entity::update_many()
                .col_expr(freelancer_profile::Column::RatingAvg, Expr::value(tally.average()))
                .col_expr(freelancer_profile::Column::RatingCount, Expr::value(count))
                .filter(freelancer_profile::Column::UserId.eq(id.into_uuid()))
                .exec(db)
                .await?;
        }
        ReviewSide::Client => {
            client_profile::Entity::update_many()
                .col_expr(client_profile::Column::RatingAvg, Expr::value(tally.average()))
                .col_expr(client_profile::Column::RatingCount, Expr::value(count))
                .filter(client_profile::Column::UserId.eq(id.into_uuid()))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

/// Locks the freelancer's profile row until the transaction ends (outside
/// SQLite, whose single writer already serialises), so that two
/// recomputations of one freelancer's reputation run one after the other.
/// Answers the day of the last daily recomputation; `None` without a profile.
pub async fn lock_reputation(db: &impl ConnectionTrait, id: UserId) -> StoreResult<Option<Option<NaiveDate>>> {
    let mut select = freelancer_profile::Entity::find_by_id(id.into_uuid())
        .select_only()
        .column(freelancer_profile::Column::ReputationCheckedOn);
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    Ok(select.into_tuple::<Option<NaiveDate>>().one(db).await?)
}

/// Stores the level the daily sweep computed, with the day it did.
pub async fn set_level(
    db: &impl ConnectionTrait,
    id: UserId,
    level: FreelancerLevel,
    day: NaiveDate,
) -> StoreResult<()> {
    freelancer_profile::Entity::update_many()
        .col_expr(freelancer_profile::Column::Level, Expr::value(level.as_str()))
        .col_expr(freelancer_profile::Column::ReputationCheckedOn, Expr::value(day))
        .filter(freelancer_profile::Column::UserId.eq(id.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Freelancers whose reputation was not yet recomputed on `day`.
pub async fn due_for_reputation(db: &impl ConnectionTrait, day: NaiveDate, limit: u64) -> StoreResult<Vec<UserId>> {
    let ids: Vec<uuid::Uuid> = freelancer_profile::Entity::find()
        .select_only()
        .column(freelancer_profile::Column::UserId)
        .filter(
            Condition::any()
                .add(freelancer_profile::Column::ReputationCheckedOn.is_null())
                .add(freelancer_profile::Column::ReputationCheckedOn.lt(day)),
        )
        .order_by_asc(freelancer_profile::Column::UserId)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(Into::into).collect())
}
