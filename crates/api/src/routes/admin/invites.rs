//! `/api/admin/invites`: invitation codes made by admins, and every code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::pagination::PageRequest;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::routes::invites::Invite;
use crate::routes::{PageQuery, Paged};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(admin_create_invite, admin_invites))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminInviteRequest {
    /// Mail the code here; then only this address may use it.
    pub email: Option<String>,
    /// What the code is for; kept in the audit log as the reason.
    pub note: String,
}

/// Make an invitation code, good once for 14 days.
#[utoipa::path(post, path = "/api/admin/invites", tag = "admin", security(("bearer" = [])),
    request_body = AdminInviteRequest,
    responses((status = 201, body = Invite), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_create_invite(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiJson(body): ApiJson<AdminInviteRequest>,
) -> Result<(StatusCode, Json<Invite>), AppError> {
    let code = state.services.admin.create_invite(admin.user.id, body.email.as_deref(), &body.note).await?;
    Ok((StatusCode::CREATED, Json(code.into())))
}

/// Every invitation code, admins' and users', newest first.
#[utoipa::path(get, path = "/api/admin/invites", tag = "admin", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paged<Invite>), (status = 404, body = ErrorBody)))]
async fn admin_invites(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paged<Invite>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.admin.invites(&page).await?.map(Invite::from).into()))
}
