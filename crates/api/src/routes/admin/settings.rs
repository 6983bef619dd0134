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
    #[serde(flatten)]
    pub settings: PlatformSettings,
    /// Why; kept in the audit log with the values before and after.
    pub reason: String,
}

/// Replace the platform settings; every later money movement uses them.
#[utoipa::path(put, path = "/api/admin/settings", tag = "admin", security(("bearer" = [])),
    request_body = SettingsUpdate,
    responses((status = 200, body = PlatformSettings), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_update_settings(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<SettingsUpdate>,
) -> Result<Json<PlatformSettings>, AppError> {
    Ok(Json(state.services.admin.update_settings(admin.user.id, body.settings, &body.reason).await?))
}
