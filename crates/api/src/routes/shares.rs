//! `/api/jobs/{id}/share` and `/api/jobs/shared-with-me`: friends sharing jobs.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{JobId, JobShareId, UserId};
use serde::{Deserialize, Serialize};
use services::records::JobShareRecord;
use services::social::SharedJob as Found;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::job_board::JobSummary;
use super::{PageQuery, UserCard};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(share_job)).routes(routes!(jobs_shared_with_me))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareJobRequest {
    /// Friends of the caller, at most 50.
    pub user_ids: Vec<UserId>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobShare {
    pub id: JobShareId,
    pub job_id: JobId,
    pub to_user_id: UserId,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<JobShareRecord> for JobShare {
    fn from(s: JobShareRecord) -> Self {
        Self { id: s.id, job_id: s.job_id, to_user_id: s.to_user_id, note: s.note, created_at: s.created_at }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct JobShares {
    /// The new shares; friends the job was already shared with are not repeated.
    pub items: Vec<JobShare>,
}

/// Share a job with friends. An invite-only job may be shared by its owner only.
#[utoipa::path(post, path = "/api/jobs/{id}/share", tag = "friends", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    request_body = ShareJobRequest,
    responses((status = 201, body = JobShares), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn share_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ShareJobRequest>,
) -> Result<(StatusCode, Json<JobShares>), AppError> {
    let made = state.services.social.share_job(auth.user.id, id, &body.user_ids, &body.note).await?;
    Ok((StatusCode::CREATED, Json(JobShares { items: made.into_iter().map(JobShare::from).collect() })))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedJob {
    pub id: JobShareId,
    pub job: JobSummary,
    pub from: UserCard,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<Found> for SharedJob {
    fn from(s: Found) -> Self {
        Self {
            id: s.share.id,
            job: JobSummary::new(s.job, None),
            from: s.from.into(),
            note: s.share.note,
            created_at: s.share.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SharedJobPage {
    pub items: Vec<SharedJob>,
    pub next_cursor: Option<String>,
}

/// Jobs friends shared with the caller, newest first.
#[utoipa::path(get, path = "/api/jobs/shared-with-me", tag = "friends", security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = SharedJobPage), (status = 401, body = ErrorBody)))]
async fn jobs_shared_with_me(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<SharedJobPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.social.shared_with_me(auth.user.id, &page).await?;
    let Page { items, next_cursor } = found.map(SharedJob::from);
    Ok(Json(SharedJobPage { items, next_cursor }))
}
