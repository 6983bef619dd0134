//! `/api/admin/settings`: fees, review and auto-release periods.

use axum::Json;
use axum::extract::State;
use domain::settings::PlatformSettings;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(admin_get_settings, admin_update_settings))
}

/// The platform settings in force.
#[utoipa::path(get, path = "/api/admin/settings", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = PlatformSettings), (status = 404, body = ErrorBody)))]
async fn admin_get_settings(
    State(state): State<AppState>,
    _admin: AdminUser,
) -> Result<Json<PlatformSettings>, AppError> {
    Ok(Json(state.services.settings.get().await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SettingsUpdate {
    /// The settings to change; those left out keep the value in force.
    #[serde(flatten)]
    #[schema(value_type = PlatformSettings)]
    pub changes: serde_json::Map<String, serde_json::Value>,
    /// Why; kept in the audit log with the values before and after.
    pub reason: String,
}

/// Change platform settings (those left out keep their value); every later
/// money movement, posting and sign-up uses them.
#[utoipa::path(put, path = "/api/admin/settings", tag = "admin", security(("bearer" = [])),
    request_body = SettingsUpdate,
    responses((status = 200, body = PlatformSettings), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_update_settings(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<SettingsUpdate>,
) -> Result<Json<PlatformSettings>, AppError> {
    Ok(Json(state.services.admin.update_settings(admin.user.id, body.changes, &body.reason).await?))
}
