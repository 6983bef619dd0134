//! `GET /api/jobs`: the job board, searched and filtered, with facet counts,
//! and the job summary every list of jobs shows.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use domain::job::{ExperienceLevel, JobStatus, PaymentType};
use domain::job_search::{JobFilters, JobSort, search_terms};
use domain::pagination::PageRequest;
use domain::profile::SkillTag;
use domain::{JobId, Money, UserId};
use serde::{Deserialize, Serialize};
use services::jobs::BoardPage;
use services::records::JobRecord;
use utoipa::{IntoParams, ToSchema};

use super::jobs::amounts;
use super::parse_label;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

/// Characters of the description shown in lists.
const SNIPPET_CHARS: usize = 280;

/// A job as lists show it: the description cut to a snippet.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobSummary {
    pub id: JobId,
    pub client_id: UserId,
    pub title: String,
    /// The start of the description.
    pub snippet: String,
    pub category: String,
    pub skills: Vec<SkillTag>,
    pub payment_type: PaymentType,
    pub budget: Option<Money>,
    pub hourly_rate_min: Option<Money>,
    pub hourly_rate_max: Option<Money>,
    pub experience_level: ExperienceLevel,
    pub status: JobStatus,
    pub deadline: Option<NaiveDate>,
    pub posted_at: Option<DateTime<Utc>>,
    /// Text relevance when sorted by relevance; higher is better.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl JobSummary {
    pub fn new(j: JobRecord, score: Option<f64>) -> Self {
        let (budget, hourly_rate_min, hourly_rate_max) = amounts(j.terms);
        let mut snippet: String = j.description.chars().take(SNIPPET_CHARS).collect();
        if snippet.len() < j.description.len() {
            snippet.push('…');
        }
        Self {
            id: j.id,
            client_id: j.client_id,
            payment_type: j.terms.payment_type(),
            budget,
            hourly_rate_min,
            hourly_rate_max,
            title: j.title,
            snippet,
            category: j.category,
            skills: j.skills,
            experience_level: j.experience_level,
            status: j.status,
            deadline: j.deadline,
            posted_at: j.posted_at,
            score,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobSearchQuery {
    /// Words that must all appear in the title or description.
    pub q: Option<String>,
    /// Category slug.
    pub category: Option<String>,
    pub payment_type: Option<String>,
    /// Fixed-price jobs with a budget of at least this many minor units (cents).
    pub budget_min: Option<i64>,
    pub budget_max: Option<i64>,
    /// Hourly jobs whose range reaches at least this rate (minor units).
    pub hourly_rate_min: Option<i64>,
    /// Hourly jobs whose range starts at most at this rate (minor units).
    pub hourly_rate_max: Option<i64>,
    /// Jobs due before this date.
    pub deadline_before: Option<NaiveDate>,
    /// Comma-separated skill slugs; jobs asking for any of them.
    pub skills: Option<String>,
    /// Jobs posted within this many days.
    pub posted_within_days: Option<u16>,
    pub experience_level: Option<String>,
    /// `newest` (default without `q`), `budget`, `deadline`, `relevance` (default with `q`).
    pub sort: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobFacets {
    /// Jobs per category, with every filter but the category applied.
    pub categories: Vec<FacetCount>,
    /// Jobs per payment type, with every filter but the payment type applied.
    pub payment_types: Vec<FacetCount>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobBoard {
    pub items: Vec<JobSummary>,
    pub next_cursor: Option<String>,
    pub facets: JobFacets,
}

impl From<BoardPage> for JobBoard {
    fn from(board: BoardPage) -> Self {
        let counts = |list: &[(String, u64)]| {
            list.iter().map(|(value, count)| FacetCount { value: value.clone(), count: *count }).collect()
        };
        Self {
            facets: JobFacets {
                categories: counts(&board.facets.categories),
                payment_types: counts(&board.facets.payment_types),
            },
            items: board.jobs.items.iter().map(|(job, score)| JobSummary::new(job.clone(), *score)).collect(),
            next_cursor: board.jobs.next_cursor.clone(),
        }
    }
}

/// The job board: open public jobs, filtered and sorted, with facet counts.
#[utoipa::path(get, path = "/api/jobs", tag = "jobs", params(JobSearchQuery),
    responses((status = 200, body = JobBoard), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(super) async fn search_jobs(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<JobSearchQuery>,
) -> Result<Json<JobBoard>, AppError> {
    let terms = query.q.as_deref().map(search_terms).unwrap_or_default();
    let sort = match query.sort.as_deref() {
        Some(sort) => parse_label::<JobSort>("sort", sort)?,
        None if terms.is_empty() => JobSort::Newest,
        None => JobSort::Relevance,
    };
    let skills: Vec<String> = query
        .skills
        .as_deref()
        .map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    let filters = JobFilters {
        terms,
        category: query.category.filter(|c| !c.is_empty()),
        payment_type: query
            .payment_type
            .as_deref()
            .map(|p| parse_label::<PaymentType>("payment_type", p))
            .transpose()?,
        budget_min: query.budget_min,
        budget_max: query.budget_max,
        hourly_rate_min: query.hourly_rate_min,
        hourly_rate_max: query.hourly_rate_max,
        deadline_before: query.deadline_before,
        skills,
        posted_within_days: query.posted_within_days,
        experience_level: query
            .experience_level
            .as_deref()
            .map(|l| parse_label::<ExperienceLevel>("experience_level", l))
            .transpose()?,
    };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.jobs.search(filters, sort, &page).await?.into()))
}
