//! `/api/auth`: sessions, e-mail verification and password reset.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::users::AuthResponse;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(refresh))
        .routes(routes!(logout))
        .routes(routes!(verify_email))
        .routes(routes!(resend_verification))
        .routes(routes!(request_password_reset))
        .routes(routes!(confirm_password_reset))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LogoutRequest {
    /// The session to end; without it, the session of the bearer token ends.
    pub refresh_token: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordResetConfirm {
    pub token: String,
    pub password: String,
}

/// Trade a refresh token for a new access and refresh token. Each refresh
/// token works once; presenting a used one ends the whole session.
#[utoipa::path(post, path = "/api/auth/refresh", tag = "accounts", request_body = RefreshRequest,
    responses((status = 200, body = AuthResponse), (status = 401, body = ErrorBody)))]
async fn refresh(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshRequest>,
) -> Result<Json<AuthResponse>, AppError> {
    Ok(Json(state.services.accounts.refresh(&body.refresh_token).await?.into()))
}

/// End a session, by its refresh token or by the bearer token.
#[utoipa::path(post, path = "/api/auth/logout", tag = "accounts", request_body = LogoutRequest,
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn logout(
    State(state): State<AppState>,
    auth: Option<AuthUser>,
    ApiJson(body): ApiJson<LogoutRequest>,
) -> Result<StatusCode, AppError> {
    match (body.refresh_token, auth) {
        (Some(token), _) => state.services.accounts.logout(&token).await?,
        (None, Some(auth)) => state.services.accounts.logout_session(auth.session).await?,
        (None, None) => return Err(AppError::unauthenticated("unauthenticated", "no session to end")),
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Confirm the e-mail address with the token from the verification e-mail.
#[utoipa::path(post, path = "/api/auth/verify-email", tag = "accounts", request_body = TokenRequest,
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn verify_email(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<StatusCode, AppError> {
    state.services.accounts.verify_email(&body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send the verification e-mail again.
#[utoipa::path(post, path = "/api/auth/verify-email/resend", tag = "accounts", security(("bearer" = [])),
    responses((status = 202), (status = 401, body = ErrorBody)))]
async fn resend_verification(State(state): State<AppState>, auth: AuthUser) -> Result<StatusCode, AppError> {
    state.services.accounts.resend_verification(auth.user.id).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Ask for a password-reset e-mail. The answer is the same whether or not
/// the address has an account.
#[utoipa::path(post, path = "/api/auth/password-reset", tag = "accounts", request_body = PasswordResetRequest,
    responses((status = 202)))]
async fn request_password_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<PasswordResetRequest>,
) -> Result<StatusCode, AppError> {
    state.services.accounts.request_password_reset(&body.email).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Choose a new password with the token from the reset e-mail. Ends every session.
#[utoipa::path(post, path = "/api/auth/password-reset/confirm", tag = "accounts", request_body = PasswordResetConfirm,
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn confirm_password_reset(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<PasswordResetConfirm>,
) -> Result<StatusCode, AppError> {
    state.services.accounts.reset_password(&body.token, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}
