//! `/api/invites`: a signed-in user invites a friend by e-mail with a code
//! that lets them sign up while sign-up is invite-only.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::PageRequest;
use domain::{InviteCodeId, UserId};
use serde::{Deserialize, Serialize};
use services::records::InviteCodeRecord;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{PageQuery, Paged};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(invite_friend, my_invites))
}

/// An invitation code and what became of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invite {
    pub id: InviteCodeId,
    /// What the invited person signs up with (`invite_code`).
    pub code: String,
    pub created_by: UserId,
    /// Made by an administrator rather than by a user for a friend.
    pub by_admin: bool,
    /// Who it was mailed to; only that address may use it.
    pub email: Option<String>,
    pub note: String,
    pub expires_at: DateTime<Utc>,
    /// The account that signed up with it.
    pub used_by: Option<UserId>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<InviteCodeRecord> for Invite {
    fn from(c: InviteCodeRecord) -> Self {
        Self {
            id: c.id,
            code: c.code,
            created_by: c.created_by,
            by_admin: c.by_admin,
            email: c.email,
            note: c.note,
            expires_at: c.expires_at,
            used_by: c.used_by,
            used_at: c.used_at,
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteFriendRequest {
    pub email: String,
}

/// Invite a friend: a code, good once for 14 days, is mailed to them. At
/// most 20 of the caller's codes may be out unused at once (409 `too_many_invites`).
#[utoipa::path(post, path = "/api/invites", tag = "accounts", security(("bearer" = [])),
    request_body = InviteFriendRequest,
    responses((status = 201, body = Invite), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn invite_friend(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<InviteFriendRequest>,
) -> Result<(StatusCode, Json<Invite>), AppError> {
    let code = state.services.invites.invite_friend(auth.user.id, &body.email).await?;
    Ok((StatusCode::CREATED, Json(code.into())))
}

/// The caller's invitations, newest first.
#[utoipa::path(get, path = "/api/invites", tag = "accounts", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paged<Invite>), (status = 401, body = ErrorBody)))]
async fn my_invites(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paged<Invite>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.invites.mine(auth.user.id, &page).await?.map(Invite::from).into()))
}
