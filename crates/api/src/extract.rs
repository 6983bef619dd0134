//! Extractors whose rejections speak the shared error shape.

use std::net::{IpAddr, SocketAddr};

use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::state::AppState;

/// A JSON body. Broken JSON is a 400; JSON of the wrong shape is a 422 that
/// names the offending field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim();
                mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
            });
        if !is_json {
            return Err(AppError::UnsupportedMediaType("expected a JSON body (Content-Type: application/json)".into()));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(body_error)?;
        parse_json(&bytes).map(Self)
    }
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    // Syntax first, so that broken JSON is always a 400 whatever its shape.
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes)
        .map_err(|e| AppError::malformed("malformed_json", format!("the body is not valid JSON: {e}")))?;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let message = inner.to_string();
                let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
                AppError::invalid_field(&field_of(&path, &message), &message)
            }
            _ => AppError::malformed("malformed_json", format!("the body is not valid JSON: {inner}")),
        }
    })?;
    Ok(value)
}

/// The field a serde error is about: its path, plus the name of a missing field.
fn field_of(path: &str, message: &str) -> String {
    let missing = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    match (path, missing) {
        (".", Some(field)) => field.to_owned(),
        (".", None) => "body".to_owned(),
        (path, Some(field)) => format!("{path}.{field}"),
        (path, None) => path.to_owned(),
    }
}

fn body_error(rejection: BytesRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::malformed("unreadable_body", rejection.body_text())
    }
}

/// Query parameters; a bad one is a 400 naming it.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|e: QueryRejection| AppError::malformed("invalid_query", e.body_text()))
    }
}

/// Path parameters. A malformed id cannot name anything, so it is a 404.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|_: PathRejection| AppError::not_found("not_found", "resource"))
    }
}

/// The caller's address: the peer, or the first `X-Forwarded-For` hop when the
/// server is configured to sit behind a trusted proxy.
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.config.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if forwarded.is_some() {
                return Ok(Self(forwarded));
            }
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(Self(peer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        email: String,
        nested: Option<Nested>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Nested {
        count: u32,
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Invalid(f) => f.iter().map(|(k, _)| k.to_owned()).collect(),
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn wrong_shapes_name_the_field() {
        assert_eq!(fields(parse_json::<Body>(br#"{}"#).expect_err("missing")), vec!["email"]);
        assert_eq!(fields(parse_json::<Body>(br#"{"email": 1}"#).expect_err("type")), vec!["email"]);
        assert_eq!(
            fields(parse_json::<Body>(br#"{"email": "a", "nested": {"count": -1}}"#).expect_err("type")),
            vec!["nested.count"]
        );
    }

    #[test]
    fn broken_json_is_malformed() {
        assert!(matches!(parse_json::<Body>(br#"{"email": "#), Err(AppError::Malformed { .. })));
        assert!(matches!(parse_json::<Body>(br#"{"email": "a"} trailing"#), Err(AppError::Malformed { .. })));
    }
}
