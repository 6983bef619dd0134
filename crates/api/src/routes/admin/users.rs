//! `/api/admin/users`: look users up, suspend, ban and restore them.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::UserId;
use domain::moderation::Standing;
use domain::pagination::{Page, PageRequest};
use domain::user::Role;
use serde::{Deserialize, Serialize};
use services::admin::UserQuery;
use services::records::UserRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(admin_list_users))
        .routes(routes!(admin_view_user))
        .routes(routes!(admin_suspend_user))
        .routes(routes!(admin_ban_user))
        .routes(routes!(admin_lift_user))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminUserView {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// `active`, `suspended` or `banned`.
    pub standing: String,
    pub suspended_until: Option<DateTime<Utc>>,
    pub banned_at: Option<DateTime<Utc>>,
    /// Why the user was last suspended or banned.
    pub moderation_reason: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<UserRecord> for AdminUserView {
    fn from(u: UserRecord) -> Self {
        let standing = match u.standing(Utc::now()) {
            Standing::Active => "active",
            Standing::Suspended { .. } => "suspended",
            Standing::Banned => "banned",
        };
        Self {
            id: u.id,
            roles: u.roles(),
            standing: standing.to_owned(),
            email: u.email,
            name: u.name,
            suspended_until: u.suspended_until,
            banned_at: u.banned_at,
            moderation_reason: u.moderation_reason,
            email_verified_at: u.email_verified_at,
            created_at: u.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminUserQuery {
    /// Part of the name or e-mail address.
    pub q: Option<String>,
    pub role: Option<Role>,
    /// Only users suspended or banned now.
    #[serde(default)]
    pub locked_out: bool,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminUserPage {
    pub items: Vec<AdminUserView>,
    pub next_cursor: Option<String>,
}

/// Users, newest first, by name or e-mail, role and standing.
#[utoipa::path(get, path = "/api/admin/users", tag = "admin", security(("bearer" = [])),
    params(AdminUserQuery),
    responses((status = 200, body = AdminUserPage), (status = 404, body = ErrorBody)))]
async fn admin_list_users(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<AdminUserQuery>,
) -> Result<Json<AdminUserPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = UserQuery { text: query.q, role: query.role, locked_out: query.locked_out };
    let Page { items, next_cursor } = state.services.admin.users(&filter, &page).await?.map(AdminUserView::from);
    Ok(Json(AdminUserPage { items, next_cursor }))
}

/// One user, with their standing.
#[utoipa::path(get, path = "/api/admin/users/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "user id")),
    responses((status = 200, body = AdminUserView), (status = 404, body = ErrorBody)))]
async fn admin_view_user(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiPath(id): ApiPath<UserId>,
) -> Result<Json<AdminUserView>, AppError> {
    Ok(Json(state.services.admin.user(id).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SuspendRequest {
    /// When the suspension ends by itself: in the future, within a year.
    pub until: DateTime<Utc>,
    pub reason: String,
}

/// Suspend a user until a time: their sessions end now and their sockets close.
#[utoipa::path(post, path = "/api/admin/users/{id}/suspend", tag = "admin", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "user id")),
    request_body = SuspendRequest,
    responses((status = 200, body = AdminUserView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_suspend_user(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<UserId>,
    ApiJson(body): ApiJson<SuspendRequest>,
) -> Result<Json<AdminUserView>, AppError> {
    Ok(Json(state.services.admin.suspend(admin.user.id, id, body.until, &body.reason).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    pub reason: String,
}

/// Ban a user for good: their sessions end now and their sockets close.
#[utoipa::path(post, path = "/api/admin/users/{id}/ban", tag = "admin", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "user id")),
    request_body = ReasonRequest,
    responses((status = 200, body = AdminUserView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn admin_ban_user(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<UserId>,
    ApiJson(body): ApiJson<ReasonRequest>,
) -> Result<Json<AdminUserView>, AppError> {
    Ok(Json(state.services.admin.ban(admin.user.id, id, &body.reason).await?.into()))
}

/// End a suspension or ban early.
#[utoipa::path(post, path = "/api/admin/users/{id}/lift", tag = "admin", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "user id")),
    request_body = ReasonRequest,
    responses((status = 200, body = AdminUserView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_lift_user(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    ApiPath(id): ApiPath<UserId>,
    ApiJson(body): ApiJson<ReasonRequest>,
) -> Result<Json<AdminUserView>, AppError> {
    Ok(Json(state.services.admin.lift(admin.user.id, id, &body.reason).await?.into()))
}
