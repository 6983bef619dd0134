//! `/api/notifications`: what happened to the caller.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::NotificationId;
use domain::pagination::PageRequest;
use serde::{Deserialize, Serialize};
use services::records::NotificationRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Paged;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_notifications)).routes(routes!(mark_read))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: NotificationId,
    /// `job_invitation`, `proposal_received`, `proposal_declined`, `hired`, ...
    pub kind: String,
    /// Ids and titles the notification is about; depends on `kind`.
    pub payload: serde_json::Value,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<NotificationRecord> for Notification {
    fn from(n: NotificationRecord) -> Self {
        Self { id: n.id, kind: n.kind, payload: n.payload, read_at: n.read_at, created_at: n.created_at }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread notifications.
    #[serde(default)]
    pub unread: bool,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub next_cursor: Option<String>,
    /// All unread notifications of the caller, for the badge.
    pub unread_count: u64,
}

/// The caller's notifications, newest first.
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", security(("bearer" = [])),
    params(NotificationQuery),
    responses((status = 200, body = NotificationPage), (status = 401, body = ErrorBody)))]
async fn list_notifications(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<NotificationQuery>,
) -> Result<Json<NotificationPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let notifications = &state.services.notifications;
    let found = notifications.list(auth.user.id, query.unread, &page).await?;
    let unread_count = notifications.unread_count(auth.user.id).await?;
    let Paged { items, next_cursor } = found.map(Notification::from).into();
    Ok(Json(NotificationPage { items, next_cursor, unread_count }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MarkReadRequest {
    /// One notification; leave out to mark all read.
    pub id: Option<NotificationId>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkReadResponse {
    /// How many notifications changed.
    pub marked: u64,
}

/// Mark one notification, or all, as read.
#[utoipa::path(post, path = "/api/notifications/read", tag = "notifications", security(("bearer" = [])),
    request_body = MarkReadRequest,
    responses((status = 200, body = MarkReadResponse), (status = 401, body = ErrorBody)))]
async fn mark_read(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<MarkReadRequest>,
) -> Result<Json<MarkReadResponse>, AppError> {
    let marked = state.services.notifications.mark_read(auth.user.id, body.id).await?;
    Ok(Json(MarkReadResponse { marked }))
}
