//! `/api/users/friend-request(s)`, `/api/users/friends`, blocks: the
//! friendship graph as the caller sees it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{FriendshipId, UserId};
use serde::{Deserialize, Serialize};
use services::records::FriendshipRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{PageQuery, UserCard};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send_friend_request))
        .routes(routes!(accept_friend_request))
        .routes(routes!(decline_friend_request))
        .routes(routes!(cancel_friend_request))
        .routes(routes!(friend_requests))
        .routes(routes!(list_friends))
        .routes(routes!(unfriend))
        .routes(routes!(mutual_friends))
        .routes(routes!(friend_suggestions))
        .routes(routes!(block_user, unblock_user))
        .routes(routes!(blocked_users))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FriendRequest {
    pub id: FriendshipId,
    pub from_user_id: UserId,
    pub to_user_id: UserId,
    /// `pending` or `accepted`; `declined` and `cancelled` in the answer that ended it.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl FriendRequest {
    fn from_record(f: FriendshipRecord, status: Option<&str>) -> Self {
        Self {
            id: f.id,
            from_user_id: f.requester_id,
            to_user_id: f.addressee_id,
            status: status.unwrap_or(f.status.as_str()).to_owned(),
            created_at: f.created_at,
            accepted_at: f.accepted_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FriendRequestBody {
    pub user_id: UserId,
}

/// Ask someone to be friends. One friendship per pair: a second request in
/// either direction is refused (409).
#[utoipa::path(post, path = "/api/users/friend-request", tag = "friends", security(("bearer" = [])),
    request_body = FriendRequestBody,
    responses((status = 201, body = FriendRequest), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn send_friend_request(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<FriendRequestBody>,
) -> Result<(StatusCode, Json<FriendRequest>), AppError> {
    let created = state.services.social.request(auth.user.id, body.user_id).await?;
    Ok((StatusCode::CREATED, Json(FriendRequest::from_record(created, None))))
}

/// Accept a friend request (its addressee only).
#[utoipa::path(put, path = "/api/users/friend-request/{id}/accept", tag = "friends", security(("bearer" = [])),
    params(("id" = FriendshipId, Path, description = "friend request id")),
    responses((status = 200, body = FriendRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn accept_friend_request(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<FriendshipId>,
) -> Result<Json<FriendRequest>, AppError> {
    let accepted = state.services.social.accept(auth.user.id, id).await?;
    Ok(Json(FriendRequest::from_record(accepted, None)))
}

/// Decline a friend request (its addressee only); the request ends.
#[utoipa::path(put, path = "/api/users/friend-request/{id}/decline", tag = "friends", security(("bearer" = [])),
    params(("id" = FriendshipId, Path, description = "friend request id")),
    responses((status = 200, body = FriendRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn decline_friend_request(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<FriendshipId>,
) -> Result<Json<FriendRequest>, AppError> {
    let declined = state.services.social.decline(auth.user.id, id).await?;
    Ok(Json(FriendRequest::from_record(declined, Some("declined"))))
}

/// Take back a friend request one sent.
#[utoipa::path(delete, path = "/api/users/friend-request/{id}", tag = "friends", security(("bearer" = [])),
    params(("id" = FriendshipId, Path, description = "friend request id")),
    responses((status = 200, body = FriendRequest), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn cancel_friend_request(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<FriendshipId>,
) -> Result<Json<FriendRequest>, AppError> {
    let cancelled = state.services.social.cancel(auth.user.id, id).await?;
    Ok(Json(FriendRequest::from_record(cancelled, Some("cancelled"))))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FriendRequestsQuery {
    /// `incoming` (default): asked of the caller; `outgoing`: asked by the caller.
    pub direction: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PendingRequest {
    #[serde(flatten)]
    pub request: FriendRequest,
    /// The other person: who asked (incoming) or who was asked (outgoing).
    pub user: UserCard,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PendingRequestPage {
    pub items: Vec<PendingRequest>,
    pub next_cursor: Option<String>,
}

/// Pending friend requests to or from the caller, newest first.
#[utoipa::path(get, path = "/api/users/friend-requests", tag = "friends", security(("bearer" = [])),
    params(FriendRequestsQuery),
    responses((status = 200, body = PendingRequestPage), (status = 400, body = ErrorBody)))]
async fn friend_requests(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<FriendRequestsQuery>,
) -> Result<Json<PendingRequestPage>, AppError> {
    let incoming = match query.direction.as_deref() {
        None | Some("incoming") => true,
        Some("outgoing") => false,
        Some(_) => return Err(AppError::malformed("invalid_query", "direction must be incoming or outgoing")),
    };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.social.pending(auth.user.id, incoming, &page).await?;
    let Page { items, next_cursor } = found.map(|(request, user)| PendingRequest {
        request: FriendRequest::from_record(request, None),
        user: user.into(),
    });
    Ok(Json(PendingRequestPage { items, next_cursor }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserCardPage {
    pub items: Vec<UserCard>,
    pub next_cursor: Option<String>,
}

fn cards(page: Page<services::records::UserRecord>) -> Json<UserCardPage> {
    let Page { items, next_cursor } = page.map(UserCard::from);
    Json(UserCardPage { items, next_cursor })
}

/// The caller's friends.
#[utoipa::path(get, path = "/api/users/friends", tag = "friends", security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = UserCardPage), (status = 401, body = ErrorBody)))]
async fn list_friends(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<UserCardPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(cards(state.services.social.friends(auth.user.id, &page).await?))
}

/// End a friendship.
#[utoipa::path(delete, path = "/api/users/friends/{id}", tag = "friends", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the friend")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn unfriend(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(friend): ApiPath<UserId>,
) -> Result<StatusCode, AppError> {
    state.services.social.unfriend(auth.user.id, friend).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Friends the caller and another user have in common.
#[utoipa::path(get, path = "/api/users/{id}/mutual-friends", tag = "friends", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the other user"), PageQuery),
    responses((status = 200, body = UserCardPage), (status = 404, body = ErrorBody)))]
async fn mutual_friends(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(other): ApiPath<UserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<UserCardPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(cards(state.services.social.mutual(auth.user.id, other, &page).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestionQuery {
    /// At most 50; 20 when absent.
    pub limit: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FriendSuggestion {
    pub user: UserCard,
    pub mutual_friends: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FriendSuggestions {
    pub items: Vec<FriendSuggestion>,
}

/// People the caller may know: friends of friends not yet connected to
/// them (no friendship, no request either way, no block), most mutual friends first.
#[utoipa::path(get, path = "/api/users/friend-suggestions", tag = "friends", security(("bearer" = [])),
    params(SuggestionQuery),
    responses((status = 200, body = FriendSuggestions), (status = 401, body = ErrorBody)))]
async fn friend_suggestions(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<SuggestionQuery>,
) -> Result<Json<FriendSuggestions>, AppError> {
    let found = state.services.social.suggestions(auth.user.id, query.limit.unwrap_or(20)).await?;
    let items =
        found.into_iter().map(|s| FriendSuggestion { user: s.user.into(), mutual_friends: s.mutual_friends }).collect();
    Ok(Json(FriendSuggestions { items }))
}

/// Block a user: any friendship or request ends, and they can no longer ask,
/// message or see the caller.
#[utoipa::path(post, path = "/api/users/{id}/block", tag = "friends", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the user to block")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn block_user(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(other): ApiPath<UserId>,
) -> Result<StatusCode, AppError> {
    state.services.social.block(auth.user.id, other).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lift a block.
#[utoipa::path(delete, path = "/api/users/{id}/block", tag = "friends", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the blocked user")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn unblock_user(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(other): ApiPath<UserId>,
) -> Result<StatusCode, AppError> {
    state.services.social.unblock(auth.user.id, other).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The users the caller blocked.
#[utoipa::path(get, path = "/api/users/blocked", tag = "friends", security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = UserCardPage), (status = 401, body = ErrorBody)))]
async fn blocked_users(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<UserCardPage>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(cards(state.services.social.blocked(auth.user.id, &page).await?))
}
