//! What suggesting freelancers for a job reads: freelancers who have the
//! job's skills, their profiles' words and the titles of their finished work.

use std::collections::HashMap;

use domain::contract::ContractStatus;
use domain::profile::{PortfolioItem, SkillTag};
use domain::{JobId, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{ExprTrait, Order, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};

use crate::codec::from_json;
use crate::entity::{contract, freelancer_profile, freelancer_skill, job_skill};
use crate::error::StoreResult;

/// A freelancer as the matcher sees them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub user_id: UserId,
    pub headline: String,
    pub bio: String,
    pub skills: Vec<SkillTag>,
    pub portfolio: Vec<PortfolioItem>,
    /// Average stars and how many reviews, once reviewed.
    pub stars: Option<(f64, u32)>,
    /// Titles of the freelancer's completed contracts.
    pub past_work: Vec<String>,
}

#[derive(FromQueryResult)]
struct Matched {
    user_id: Uuid,
}

/// Up to `limit` freelancers with at least one of the job's skills, the most
/// shared skills first.
pub async fn with_job_skills(db: &impl ConnectionTrait, job: JobId, limit: u64) -> StoreResult<Vec<UserId>> {
    let backend = db.get_database_backend();
    let mut select = Query::select();
    select
        .column((freelancer_skill::Entity, freelancer_skill::Column::UserId))
        .from(freelancer_skill::Entity)
        .inner_join(
            job_skill::Entity,
            Expr::col((job_skill::Entity, job_skill::Column::SkillId))
                .equals((freelancer_skill::Entity, freelancer_skill::Column::SkillId)),
        )
        .and_where(Expr::col((job_skill::Entity, job_skill::Column::JobId)).eq(job.into_uuid()))
        .group_by_col((freelancer_skill::Entity, freelancer_skill::Column::UserId))
        .order_by_expr(Expr::cust("COUNT(*)"), Order::Desc)
        .order_by((freelancer_skill::Entity, freelancer_skill::Column::UserId), Order::Asc)
        .limit(limit);
    let rows = Matched::find_by_statement(backend.build(&select)).all(db).await?;
    Ok(rows.into_iter().map(|r| r.user_id.into()).collect())
}

/// The freelancer profiles of `ids` (users without one are left out), with
/// the titles of their completed contracts.
pub async fn candidates(db: &impl ConnectionTrait, ids: &[UserId]) -> StoreResult<Vec<Candidate>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let uuids: Vec<Uuid> = ids.iter().map(|id| id.into_uuid()).collect();
    let contracts: Vec<(Uuid, String)> = contract::Entity::find()
        .select_only()
        .columns([contract::Column::FreelancerId, contract::Column::Title])
        .filter(contract::Column::FreelancerId.is_in(uuids.clone()))
        .filter(contract::Column::Status.eq(ContractStatus::Completed.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let mut past_work: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (freelancer, title) in contracts {
        past_work.entry(freelancer).or_default().push(title);
    }
    let profiles =
        freelancer_profile::Entity::find().filter(freelancer_profile::Column::UserId.is_in(uuids)).all(db).await?;
    let mut found = Vec::with_capacity(profiles.len());
    for p in profiles {
        let count = u32::try_from(p.rating_count).unwrap_or(0);
        found.push(Candidate {
            user_id: p.user_id.into(),
            skills: from_json(&p.skills_json)?,
            portfolio: from_json(&p.portfolio_json)?,
            stars: p.rating_avg.filter(|_| count > 0).map(|avg| (avg, count)),
            past_work: past_work.remove(&p.user_id).unwrap_or_default(),
            headline: p.headline,
            bio: p.bio,
        });
    }
    Ok(found)
}
