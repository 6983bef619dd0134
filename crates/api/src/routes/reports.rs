//! `/api/reports`: users reporting a user, a job or a message to the admins.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::trust::{ReportReason, ReportStatus, ReportSubject};
use serde::{Deserialize, Serialize};
use services::records::ReportRecord;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(file_report))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Report {
    pub id: Uuid,
    pub reporter_id: domain::UserId,
    #[schema(value_type = String)]
    pub subject_kind: ReportSubject,
    pub subject_id: Uuid,
    #[schema(value_type = String)]
    pub reason: ReportReason,
    pub details: String,
    /// `open`, `resolved` or `dismissed`.
    #[schema(value_type = String)]
    pub status: ReportStatus,
    pub created_at: DateTime<Utc>,
    pub handled_at: Option<DateTime<Utc>>,
}

impl From<ReportRecord> for Report {
    fn from(r: ReportRecord) -> Self {
        Self {
            id: r.id,
            reporter_id: r.reporter_id,
            subject_kind: r.subject,
            subject_id: r.subject_id,
            reason: r.reason,
            details: r.details,
            status: r.status,
            created_at: r.created_at,
            handled_at: r.handled_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// `user`, `job` or `message`.
    #[schema(value_type = String)]
    pub subject_kind: ReportSubject,
    pub subject_id: Uuid,
    /// `spam`, `fraud`, `harassment`, `inappropriate`, `off_platform_payment` or `other`.
    #[schema(value_type = String)]
    pub reason: ReportReason,
    #[serde(default)]
    pub details: String,
}

/// Report a user, a job or a message (one the caller received) to the admins.
#[utoipa::path(post, path = "/api/reports", tag = "trust", security(("bearer" = [])),
    request_body = ReportRequest,
    responses((status = 201, body = Report), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn file_report(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<ReportRequest>,
) -> Result<(StatusCode, Json<Report>), AppError> {
    let report = state
        .services
        .reports
        .file(auth.user.id, body.subject_kind, body.subject_id, body.reason, &body.details)
        .await?;
    Ok((StatusCode::CREATED, Json(report.into())))
}
