//! `/api/admin/audit-log`: who did what, when and why.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use serde::{Deserialize, Serialize};
use services::admin::AuditFilter;
use services::records::AuditEntry;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(admin_audit_log))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLogEntry {
    pub id: Uuid,
    pub actor_id: UserId,
    /// `user.ban`, `user.suspend`, `user.lift`, `settings.update`, ...
    pub action: String,
    pub subject_kind: String,
    pub subject_id: Option<Uuid>,
    pub reason: String,
    pub details: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl From<AuditEntry> for AuditLogEntry {
    fn from(e: AuditEntry) -> Self {
        Self {
            id: e.id,
            actor_id: e.actor_id,
            action: e.action,
            subject_kind: e.subject_kind,
            subject_id: e.subject_id,
            reason: e.reason,
            details: e.details,
            created_at: e.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// The admin who acted.
    pub actor_id: Option<UserId>,
    /// An action (`user.ban`), or every action under a prefix ending in `.` (`user.`).
    pub action: Option<String>,
    /// The user, job, dispute, ... acted on.
    pub subject_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLogPage {
    pub items: Vec<AuditLogEntry>,
    pub next_cursor: Option<String>,
}

/// The audit log, newest first. Entries are never changed or removed.
#[utoipa::path(get, path = "/api/admin/audit-log", tag = "admin", security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, body = AuditLogPage), (status = 404, body = ErrorBody)))]
async fn admin_audit_log(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<AuditLogPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = AuditFilter {
        actor: query.actor_id,
        action: query.action,
        subject_id: query.subject_id,
        from: query.from,
        to: query.to,
    };
    let Page { items, next_cursor } = state.services.admin.audit_log(&filter, &page).await?.map(AuditLogEntry::from);
    Ok(Json(AuditLogPage { items, next_cursor }))
}
