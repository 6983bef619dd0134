//! `/api/admin/jobs`: find any job, hide, close and restore it.

use axum::Json;
use axum::extract::State;
use domain::JobId;
use domain::job::JobStatus;
use domain::pagination::PageRequest;
use serde::Deserialize;
use services::admin::JobQuery;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::users::ReasonRequest;
use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::jobs::Job;
use crate::routes::{Paged, parse_label};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(admin_list_jobs))
        .routes(routes!(admin_hide_job))
        .routes(routes!(admin_close_job))
        .routes(routes!(admin_restore_job))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminJobQuery {
    /// Part of the title, or of the owner's name or e-mail address.
    pub q: Option<String>,
    /// `draft`, `open`, `closed`, `filled` or `expired`.
    pub status: Option<String>,
    /// Only hidden jobs (`true`) or only jobs not hidden (`false`).
    pub hidden: Option<bool>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Every job, drafts and hidden ones included, newest first.
#[utoipa::path(get, path = "/api/admin/jobs", tag = "admin", security(("bearer" = [])),
    params(AdminJobQuery),
    responses((status = 200, body = Paged<Job>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn admin_list_jobs(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<AdminJobQuery>,
) -> Result<Json<Paged<Job>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<JobStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = JobQuery { text: query.q, status, hidden: query.hidden };
    Ok(Json(state.services.admin.jobs(&filter, &page).await?.map(Job::from).into()))
}

/// Hide a job: off the board, search and shares, its page 404 to all but
/// its owner and admins, and no proposals or hires until it is restored.
/// The owner is told why.
#[utoipa::path(post, path = "/api/admin/jobs/{id}/hide", tag = "admin", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    request_body = ReasonRequest,
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_hide_job(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ReasonRequest>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.admin.hide_job(admin.user.id, id, &body.reason).await?.into()))
}

/// Close a draft or open job; its proposals in the running close and their
/// freelancers are told. Only a restore reopens it.
#[utoipa::path(post, path = "/api/admin/jobs/{id}/close", tag = "admin", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    request_body = ReasonRequest,
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_close_job(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ReasonRequest>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.admin.close_job(admin.user.id, id, &body.reason).await?.into()))
}

/// Un-hide a job and, if an admin closed it, give it back the status it had
/// (an open job gets a fresh posting window).
#[utoipa::path(post, path = "/api/admin/jobs/{id}/restore", tag = "admin", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    request_body = ReasonRequest,
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_restore_job(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ReasonRequest>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.admin.restore_job(admin.user.id, id, &body.reason).await?.into()))
}
