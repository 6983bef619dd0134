//! `/api/freelancers`: clients looking for freelancers.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::freelancer_search::{FreelancerFilters, FreelancerSort, SkillsMatch};
use domain::job::ExperienceLevel;
use domain::job_search::search_terms;
use domain::level::FreelancerLevel;
use domain::pagination::PageRequest;
use domain::profile::{Availability, SkillTag};
use domain::{FileId, Money, UserId};
use serde::{Deserialize, Serialize};
use services::records::FreelancerSummary;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Paged, parse_label};
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_freelancers))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FreelancerQuery {
    /// Words that must all appear in the name, headline or bio.
    pub q: Option<String>,
    /// Comma-separated skill slugs.
    pub skills: Option<String>,
    /// `all` (default): every listed skill; `any`: at least one.
    pub skills_match: Option<String>,
    pub experience_level: Option<String>,
    /// Minor units (cents) an hour.
    pub hourly_rate_min: Option<i64>,
    pub hourly_rate_max: Option<i64>,
    /// Part of the location, any case.
    pub location: Option<String>,
    /// `full_time`, `part_time` or `not_available`.
    pub availability: Option<String>,
    /// Average stars, 0 to 5 (for example 4.5).
    pub min_rating: Option<f64>,
    pub min_completed_jobs: Option<u32>,
    /// Comma-separated levels, any of them: `new`, `rising`, `level_1`, `level_2`, `top_rated`.
    pub level: Option<String>,
    /// `rank` (default), `rate_low`, `rate_high`, `newest`.
    pub sort: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerCard {
    pub id: UserId,
    pub name: String,
    pub avatar_url: Option<String>,
    pub avatar_file_id: Option<FileId>,
    pub location: Option<String>,
    pub headline: String,
    pub hourly_rate: Option<Money>,
    pub availability: Availability,
    pub experience_level: ExperienceLevel,
    pub skills: Vec<SkillTag>,
    pub completed_jobs: u32,
    /// Average stars, when reviewed.
    pub rating: Option<f64>,
    pub rating_count: u32,
    /// What `sort=rank` orders by, 0 to 1000; see the README for the formula.
    pub rank_score: i32,
    /// The badge earned from the track record, recomputed daily.
    pub level: FreelancerLevel,
    pub member_since: DateTime<Utc>,
}

impl From<FreelancerSummary> for FreelancerCard {
    fn from(f: FreelancerSummary) -> Self {
        Self {
            id: f.id,
            avatar_url: f.avatar_file_id.map(|id| format!("/api/files/{id}")),
            avatar_file_id: f.avatar_file_id,
            rating: f.rating.map(services::records::Rating::stars),
            rating_count: f.rating.map_or(0, |r| r.count),
            name: f.name,
            location: f.location,
            headline: f.headline,
            hourly_rate: f.hourly_rate,
            availability: f.availability,
            experience_level: f.experience_level,
            skills: f.skills,
            completed_jobs: f.completed_jobs,
            rank_score: f.rank_score,
            level: f.level,
            member_since: f.member_since,
        }
    }
}

/// Find freelancers by text, skills, experience, level, rate, place, availability and track record.
#[utoipa::path(get, path = "/api/freelancers", tag = "freelancers", params(FreelancerQuery),
    responses((status = 200, body = Paged<FreelancerCard>), (status = 400, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn search_freelancers(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<FreelancerQuery>,
) -> Result<Json<Paged<FreelancerCard>>, AppError> {
    let sort = query.sort.as_deref().map(|s| parse_label::<FreelancerSort>("sort", s)).transpose()?;
    let min_rating_centi = match query.min_rating {
        Some(stars) if (0.0..=5.0).contains(&stars) => {
            // Within 0..=5, so hundredths fit a u16.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some((stars * 100.0).round() as u16)
        }
        Some(_) => return Err(AppError::invalid_field("min_rating", "must be between 0 and 5")),
        None => None,
    };
    let filters = FreelancerFilters {
        terms: query.q.as_deref().map(search_terms).unwrap_or_default(),
        skills: query
            .skills
            .as_deref()
            .map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default(),
        skills_match: query
            .skills_match
            .as_deref()
            .map(|m| parse_label::<SkillsMatch>("skills_match", m))
            .transpose()?
            .unwrap_or(SkillsMatch::All),
        experience_level: query
            .experience_level
            .as_deref()
            .map(|l| parse_label::<ExperienceLevel>("experience_level", l))
            .transpose()?,
        hourly_rate_min: query.hourly_rate_min,
        hourly_rate_max: query.hourly_rate_max,
        location: query.location.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        availability: query
            .availability
            .as_deref()
            .map(|a| parse_label::<Availability>("availability", a))
            .transpose()?,
        min_rating_centi,
        min_completed_jobs: query.min_completed_jobs,
        levels: query
            .level
            .as_deref()
            .map(|levels| {
                levels
                    .split(',')
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| parse_label::<FreelancerLevel>("level", l))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?
            .unwrap_or_default(),
    };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.freelancers.search(&filters, sort.unwrap_or(FreelancerSort::Rank), &page).await?;
    Ok(Json(found.map(Into::into).into()))
}
