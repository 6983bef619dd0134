//! `Idempotency-Key` on money-moving routes: a repeat of a request with the
//! same key and body gets the first answer again, and moves nothing.

use axum::Json;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::UserId;
use serde::Serialize;
use services::idempotency::{IdempotencyError, Keyed};

use crate::error::AppError;
use crate::state::AppState;

const KEY: HeaderName = HeaderName::from_static("idempotency-key");
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// Runs `work` once per idempotency key of `user`. `request` describes what
/// is asked (route and body); a repeat must describe the same thing.
pub async fn once<T: Serialize>(
    state: &AppState,
    headers: &HeaderMap,
    user: UserId,
    request: String,
    work: impl Future<Output = Result<T, AppError>>,
) -> Result<Response, AppError> {
    let Some(key) = headers.get(KEY) else {
        return work.await.map(|answer| Json(answer).into_response());
    };
    let key = key.to_str().map_err(|_| AppError::from(IdempotencyError::BadKey))?.to_owned();
    let idempotency = &state.services.idempotency;
    match idempotency.begin(user, &key, &request).await? {
        Keyed::Replay(status, body) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = (status, body).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
            Ok(response)
        }
        Keyed::Run => match work.await {
            Ok(answer) => {
                let body = serde_json::to_string(&answer).map_err(|e| AppError::Internal(e.to_string()))?;
                idempotency.finish(user, &key, StatusCode::OK.as_u16(), &body).await?;
                let mut response = (StatusCode::OK, body).into_response();
                response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
                Ok(response)
            }
            Err(err) => {
                // Nothing moved; the key is free for a corrected retry.
                idempotency.abandon(user, &key).await?;
                Err(err)
            }
        },
    }
}

impl From<IdempotencyError> for AppError {
    fn from(err: IdempotencyError) -> Self {
        let message = err.to_string();
        match err {
            IdempotencyError::BadKey => Self::malformed("invalid_idempotency_key", message),
            IdempotencyError::Reused => Self::Conflict { code: "idempotency_key_reused", message },
            IdempotencyError::InProgress => Self::Conflict { code: "request_in_progress", message },
            IdempotencyError::Internal(e) => e.into(),
        }
    }
}
