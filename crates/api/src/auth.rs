//! Who is calling: the bearer token, checked against a live session.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use domain::SessionFamilyId;
use domain::user::Role;
use services::records::UserRecord;

use crate::error::AppError;
use crate::state::AppState;

/// An authenticated caller. Extracting it answers 401 when the token is
/// missing, malformed, expired, forged or belongs to an ended session.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub user: UserRecord,
    pub session: SessionFamilyId,
}

impl AuthUser {
    pub fn require(&self, role: Role) -> Result<(), AppError> {
        if self.user.has_role(role) {
            Ok(())
        } else {
            Err(AppError::Forbidden { code: "role_required", message: format!("this needs a {role} profile") })
        }
    }
}

fn bearer(parts: &Parts) -> Option<Result<&str, AppError>> {
    let header = parts.headers.get(AUTHORIZATION)?;
    let token = header
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    Some(token.ok_or_else(|| AppError::unauthenticated("invalid_token", "expected `Authorization: Bearer <token>`")))
}

async fn authenticate(token: &str, state: &AppState) -> Result<AuthUser, AppError> {
    match state.services.accounts.authenticate(token).await? {
        Some((user, claims)) => Ok(AuthUser { user, session: claims.family }),
        None => Err(AppError::unauthenticated("invalid_token", "the access token is invalid or has expired")),
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match bearer(parts) {
            Some(token) => authenticate(token?, state).await,
            None => Err(AppError::unauthenticated("unauthenticated", "log in to do this")),
        }
    }
}

/// `Option<AuthUser>`: anonymous callers are welcome, but a token that is
/// present must be valid, so that a client learns its token has expired.
impl OptionalFromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Option<Self>, Self::Rejection> {
        match bearer(parts) {
            Some(token) => authenticate(token?, state).await.map(Some),
            None => Ok(None),
        }
    }
}

/// An administrator. Anyone else, anonymous or logged in, is answered 404:
/// the admin API does not admit to existing.
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = match bearer(parts) {
            Some(Ok(token)) => authenticate(token, state).await.ok(),
            _ => None,
        };
        match caller {
            Some(caller) if caller.user.is_admin => Ok(Self(caller)),
            _ => Err(AppError::NotFound { code: "route_not_found", message: "no such API route".into() }),
        }
    }
}
