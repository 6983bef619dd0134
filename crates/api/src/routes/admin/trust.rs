//! `/api/admin/reports` and `/api/admin/announcements`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use domain::trust::{Audience, ReportStatus};
use serde::{Deserialize, Serialize};
use services::records::AnnouncementRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::PageQuery;
use crate::routes::reports::Report;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(admin_reports))
        .routes(routes!(admin_handle_report))
        .routes(routes!(admin_announce, admin_announcements))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// `open` (default), `resolved`, `dismissed` or `all`.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportPage {
    pub items: Vec<Report>,
    pub next_cursor: Option<String>,
}

/// Users' reports, oldest first: the queue.
#[utoipa::path(get, path = "/api/admin/reports", tag = "admin", security(("bearer" = [])),
    params(ReportQuery),
    responses((status = 200, body = ReportPage), (status = 404, body = ErrorBody)))]
async fn admin_reports(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> Result<Json<ReportPage>, AppError> {
    let status =
        match query.status.as_deref() {
            None => Some(ReportStatus::Open),
            Some("all") => None,
            Some(other) => Some(ReportStatus::parse(other).ok_or_else(|| {
                AppError::malformed("invalid_query", "status must be open, resolved, dismissed or all")
            })?),
        };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let Page { items, next_cursor } = state.services.admin.reports(status, &page).await?.map(Report::from);
    Ok(Json(ReportPage { items, next_cursor }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandleReport {
    /// `resolved` (acted on) or `dismissed`.
    #[schema(value_type = String)]
    pub outcome: ReportStatus,
    pub note: String,
}

/// Close a report; the reporter is told.
#[utoipa::path(post, path = "/api/admin/reports/{id}/resolve", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "report id")),
    request_body = HandleReport,
    responses((status = 200, body = Report), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_handle_report(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<HandleReport>,
) -> Result<Json<Report>, AppError> {
    Ok(Json(state.services.admin.handle_report(admin.user.id, id, body.outcome, &body.note).await?.into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Announcement {
    pub id: Uuid,
    pub author_id: UserId,
    /// `all`, `freelancer` or `client`.
    #[schema(value_type = String)]
    pub audience: Audience,
    pub title: String,
    pub body: String,
    /// Users it is for.
    pub recipients: i64,
    /// Users told so far (in-app, pushed, and by e-mail to those who want it).
    pub delivered: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<AnnouncementRecord> for Announcement {
    fn from(a: AnnouncementRecord) -> Self {
        Self {
            id: a.id,
            author_id: a.author_id,
            audience: a.audience,
            title: a.title,
            body: a.body,
            recipients: a.recipients,
            delivered: a.delivered,
            created_at: a.created_at,
            finished_at: a.finished_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnounceRequest {
    /// `all`, `freelancer` or `client`.
    #[schema(value_type = String)]
    pub audience: Audience,
    pub title: String,
    pub body: String,
}

/// Announce something to every user or a role; it goes out in batches.
#[utoipa::path(post, path = "/api/admin/announcements", tag = "admin", security(("bearer" = [])),
    request_body = AnnounceRequest,
    responses((status = 201, body = Announcement), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_announce(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<AnnounceRequest>,
) -> Result<(StatusCode, Json<Announcement>), AppError> {
    let made = state.services.admin.announce(admin.user.id, body.audience, &body.title, &body.body).await?;
    Ok((StatusCode::CREATED, Json(made.into())))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnnouncementPage {
    pub items: Vec<Announcement>,
    pub next_cursor: Option<String>,
}

/// Announcements, newest first, with their delivery progress.
#[utoipa::path(get, path = "/api/admin/announcements", tag = "admin", security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = AnnouncementPage), (status = 404, body = ErrorBody)))]
async fn admin_announcements(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<AnnouncementPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let Page { items, next_cursor } = state.services.admin.announcements(&page).await?.map(Announcement::from);
    Ok(Json(AnnouncementPage { items, next_cursor }))
}
