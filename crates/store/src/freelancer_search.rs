//! Finding freelancers for clients: filters over the profile, its skills
//! and its track record, ordered by rank score, rate or sign-up.

use chrono::{DateTime, Utc};
use domain::freelancer_search::{FreelancerCursor, FreelancerFilters, FreelancerSort, SkillsMatch};
use domain::job::ExperienceLevel;
use domain::level::FreelancerLevel;
use domain::pagination::{Page, PageRequest};
use domain::profile::{Availability, SkillTag};
use domain::{FileId, Money, UserId};
use sea_orm::sea_query::{Cond, Expr, ExprTrait, Func, Order, Query, SimpleExpr};
use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::codec::{from_json, label};
use crate::entity::{freelancer_profile as fp, freelancer_skill, skill, user};
use crate::error::{StoreError, StoreResult};
use crate::profiles::Rating;

/// A freelancer as search results show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreelancerSummary {
    pub id: UserId,
    pub name: String,
    pub avatar_file_id: Option<FileId>,
    pub location: Option<String>,
    pub headline: String,
    pub hourly_rate: Option<Money>,
    pub availability: Availability,
    pub experience_level: ExperienceLevel,
    pub skills: Vec<SkillTag>,
    pub completed_jobs: u32,
    pub rating: Option<Rating>,
    pub rank_score: i32,
    pub level: FreelancerLevel,
    pub member_since: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct Row {
    id: sea_orm::prelude::Uuid,
    name: String,
    avatar_file_id: Option<sea_orm::prelude::Uuid>,
    location: Option<String>,
    created_at: DateTime<Utc>,
    headline: String,
    hourly_rate_amount: Option<i64>,
    hourly_rate_currency: Option<String>,
    availability: String,
    experience_level: String,
    skills_json: String,
    completed_jobs: i32,
    rating_avg: Option<f64>,
    rating_count: i32,
    rank_score: i32,
    level: String,
}

impl TryFrom<Row> for FreelancerSummary {
    type Error = StoreError;

    fn try_from(r: Row) -> StoreResult<Self> {
        let hourly_rate = match (r.hourly_rate_amount, r.hourly_rate_currency) {
            (Some(amount), Some(code)) => Some(Money::new(amount, crate::codec::currency(&code)?)),
            _ => None,
        };
        Ok(Self {
            id: r.id.into(),
            avatar_file_id: r.avatar_file_id.map(Into::into),
            hourly_rate,
            availability: label(Availability::parse, &r.availability)?,
            experience_level: label(ExperienceLevel::parse, &r.experience_level)?,
            skills: from_json(&r.skills_json)?,
            completed_jobs: u32::try_from(r.completed_jobs).unwrap_or(0),
            rating: Rating::from_columns(r.rating_avg, r.rating_count),
            rank_score: r.rank_score,
            level: label(FreelancerLevel::parse, &r.level)?,
            member_since: r.created_at,
            name: r.name,
            location: r.location,
            headline: r.headline,
        })
    }
}

pub async fn search(
    db: &impl ConnectionTrait,
    filters: &FreelancerFilters,
    sort: FreelancerSort,
    page: &PageRequest<FreelancerCursor>,
) -> StoreResult<Page<FreelancerSummary>> {
    let u = |c: user::Column| Expr::col((user::Entity, c));
    let p = |c: fp::Column| Expr::col((fp::Entity, c));
    let mut select = Query::select();
    select
        .column((user::Entity, user::Column::Id))
        .column((user::Entity, user::Column::Name))
        .column((user::Entity, user::Column::AvatarFileId))
        .column((user::Entity, user::Column::Location))
        .column((user::Entity, user::Column::CreatedAt))
        .columns([
            (fp::Entity, fp::Column::Headline),
            (fp::Entity, fp::Column::HourlyRateAmount),
            (fp::Entity, fp::Column::HourlyRateCurrency),
            (fp::Entity, fp::Column::Availability),
            (fp::Entity, fp::Column::ExperienceLevel),
            (fp::Entity, fp::Column::SkillsJson),
            (fp::Entity, fp::Column::CompletedJobs),
            (fp::Entity, fp::Column::RatingAvg),
            (fp::Entity, fp::Column::RatingCount),
            (fp::Entity, fp::Column::RankScore),
            (fp::Entity, fp::Column::Level),
        ])
        .from(user::Entity)
        .inner_join(fp::Entity, u(user::Column::Id).equals((fp::Entity, fp::Column::UserId)))
        .cond_where(conditions(filters))
        .limit(page.limit + 1);
    let id = u(user::Column::Id);
    let rate = p(fp::Column::HourlyRateAmount);
    match sort {
        FreelancerSort::Rank => {
            select.order_by_expr(p(fp::Column::RankScore), Order::Desc).order_by_expr(id.clone(), Order::Desc);
        }
        FreelancerSort::RateLow => {
            select.and_where(rate.clone().is_not_null());
            select.order_by_expr(rate.clone(), Order::Asc).order_by_expr(id.clone(), Order::Asc);
        }
        FreelancerSort::RateHigh => {
            select.and_where(rate.clone().is_not_null());
            select.order_by_expr(rate.clone(), Order::Desc).order_by_expr(id.clone(), Order::Desc);
        }
        FreelancerSort::Newest => {
            select.order_by_expr(id.clone(), Order::Desc);
        }
    }
    if let Some(after) = &page.after {
        let beyond = |key: Expr, value: SimpleExpr, last: UserId, ascending: bool| {
            let (past, id_past) = if ascending {
                (key.clone().gt(value.clone()), id.clone().gt(last.into_uuid()))
            } else {
                (key.clone().lt(value.clone()), id.clone().lt(last.into_uuid()))
            };
            Cond::any().add(past).add(Cond::all().add(key.eq(value)).add(id_past))
        };
        select.cond_where(match after {
            FreelancerCursor::Rank { score, id: last } => {
                beyond(p(fp::Column::RankScore), Expr::value(*score), *last, false)
            }
            FreelancerCursor::RateLow { rate: value, id: last } => beyond(rate, Expr::value(*value), *last, true),
            FreelancerCursor::RateHigh { rate: value, id: last } => beyond(rate, Expr::value(*value), *last, false),
            FreelancerCursor::Newest { id: last } => Cond::all().add(id.lt(last.into_uuid())),
        });
    }
    let backend = db.get_database_backend();
    let rows = Row::find_by_statement(backend.build(&select)).all(db).await?;
    let found: Vec<FreelancerSummary> = rows.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?;
    Ok(Page::from_rows(found, page.limit, |f| match sort {
        FreelancerSort::Rank => FreelancerCursor::Rank { score: f.rank_score, id: f.id },
        FreelancerSort::RateLow => FreelancerCursor::RateLow { rate: f.hourly_rate.map_or(0, |r| r.amount), id: f.id },
        FreelancerSort::RateHigh => {
            FreelancerCursor::RateHigh { rate: f.hourly_rate.map_or(0, |r| r.amount), id: f.id }
        }
        FreelancerSort::Newest => FreelancerCursor::Newest { id: f.id },
    }))
}

fn conditions(f: &FreelancerFilters) -> Cond {
    let u = |c: user::Column| Expr::col((user::Entity, c));
    let p = |c: fp::Column| Expr::col((fp::Entity, c));
    let lower = |e: Expr| Expr::expr(Func::lower(e));
    let mut cond = Cond::all().add(u(user::Column::IsFreelancer).eq(true));
    // Terms are letters and digits only, so they carry no LIKE wildcards.
    for term in &f.terms {
        let pattern = format!("%{term}%");
        cond = cond.add(
            Cond::any()
                .add(lower(u(user::Column::Name)).like(pattern.clone()))
                .add(lower(p(fp::Column::Headline)).like(pattern.clone()))
                .add(lower(p(fp::Column::Bio)).like(pattern)),
        );
    }
    if !f.skills.is_empty() {
        let mut with_skills = Query::select();
        with_skills
            .column((freelancer_skill::Entity, freelancer_skill::Column::UserId))
            .from(freelancer_skill::Entity)
            .inner_join(
                skill::Entity,
                Expr::col((skill::Entity, skill::Column::Id))
                    .equals((freelancer_skill::Entity, freelancer_skill::Column::SkillId)),
            )
            .and_where(Expr::col((skill::Entity, skill::Column::Slug)).is_in(f.skills.iter().cloned()));
        if f.skills_match == SkillsMatch::All {
            let wanted = i64::try_from(f.skills.len()).unwrap_or(i64::MAX);
            with_skills.group_by_col((freelancer_skill::Entity, freelancer_skill::Column::UserId)).and_having(
                Expr::col((freelancer_skill::Entity, freelancer_skill::Column::SkillId)).count().eq(wanted),
            );
        }
        cond = cond.add(u(user::Column::Id).in_subquery(with_skills));
    }
    if let Some(level) = f.experience_level {
        cond = cond.add(p(fp::Column::ExperienceLevel).eq(level.as_str()));
    }
    if let Some(availability) = f.availability {
        cond = cond.add(p(fp::Column::Availability).eq(availability.as_str()));
    }
    if let Some(min) = f.hourly_rate_min {
        cond = cond.add(p(fp::Column::HourlyRateAmount).gte(min));
    }
    if let Some(max) = f.hourly_rate_max {
        cond = cond.add(p(fp::Column::HourlyRateAmount).lte(max));
    }
    if let Some(location) = f.location.as_deref() {
        let cleaned: String = location.to_lowercase().chars().filter(|c| !matches!(c, '%' | '_' | '\\')).collect();
        cond = cond.add(lower(u(user::Column::Location)).like(format!("%{}%", cleaned.trim())));
    }
    // A minimum of zero stars asks for nothing, and keeps the unreviewed.
    if let Some(min) = f.min_rating_centi.filter(|m| *m > 0) {
        cond = cond.add(p(fp::Column::RatingCount).gt(0)).add(p(fp::Column::RatingAvg).gte(f64::from(min) / 100.0));
    }
    if let Some(min) = f.min_completed_jobs {
        cond = cond.add(p(fp::Column::CompletedJobs).gte(i64::from(min)));
    }
    if !f.levels.is_empty() {
        cond = cond.add(p(fp::Column::Level).is_in(f.levels.iter().map(|l| l.as_str())));
    }
    cond
}
