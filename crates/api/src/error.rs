//! The one error type of the HTTP edge and its JSON shape:
//! `{"error": {"code": "...", "message": "...", "fields": {...}}}`.
//!
//! Services return their own errors; they become an `AppError` here, once.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::pagination::PageError;
use domain::{FieldErrors, ValidationError};
use serde::Serialize;
use services::Internal;
use services::accounts::AccountError;
use services::files::FileError;
use services::jobs::MarketError;
use services::payments::WebhookRejected;
use services::ports::WebhookError;
use services::profiles::ProfileError;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request cannot be understood (bad JSON, bad query string).
    #[error("{message}")]
    Malformed { code: &'static str, message: String },
    /// 401: no credentials, or credentials that no longer work.
    #[error("{message}")]
    Unauthenticated { code: &'static str, message: String },
    /// 403: known caller, not allowed.
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    /// 404: no such thing, or one the caller may not see.
    #[error("{message}")]
    NotFound { code: &'static str, message: String },
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409: the request conflicts with the current state.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// 402: the payment provider declined or could not be reached; nothing moved.
    #[error("{message}")]
    PaymentFailed { code: &'static str, message: String },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: well-formed but invalid, with a message per field.
    #[error("validation failed")]
    Invalid(FieldErrors),
    #[error("too many requests")]
    RateLimited { retry_after: Duration },
    /// 503: a dependency (the database) is down. The detail is logged.
    #[error("service unavailable")]
    Unavailable(String),
    /// 500: our fault. The detail is logged, never sent.
    #[error("internal error")]
    Internal(String),
}

/// The error body, for the OpenAPI document.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `email_taken`, `validation_failed`, ...
    pub code: String,
    pub message: String,
    /// Field path to message, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, String>>,
}

impl AppError {
    pub fn not_found(code: &'static str, what: &str) -> Self {
        Self::NotFound { code, message: format!("{what} not found") }
    }

    pub fn malformed(code: &'static str, message: impl Into<String>) -> Self {
        Self::Malformed { code, message: message.into() }
    }

    pub fn unauthenticated(code: &'static str, message: impl Into<String>) -> Self {
        Self::Unauthenticated { code, message: message.into() }
    }

    pub fn invalid_field(field: &str, message: &str) -> Self {
        let mut fields = FieldErrors::new();
        fields.add(field, message);
        Self::Invalid(fields)
    }

    fn status(&self) -> StatusCode {
        match self {
            Self::Malformed { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PaymentFailed { .. } => StatusCode::PAYMENT_REQUIRED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Malformed { code, .. }
            | Self::Unauthenticated { code, .. }
            | Self::Forbidden { code, .. }
            | Self::NotFound { code, .. }
            | Self::Conflict { code, .. }
            | Self::PaymentFailed { code, .. } => code,
            Self::MethodNotAllowed => "method_not_allowed",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::Invalid(_) => "validation_failed",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable(_) => "service_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }
}

impl AppError {
    /// The error's JSON body, as HTTP answers carry it and socket acks too.
    pub fn body(&self) -> ErrorBody {
        let fields = match self {
            Self::Invalid(fields) => Some(fields.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()),
            _ => None,
        };
        let message = match self {
            Self::RateLimited { retry_after } => {
                format!("too many attempts; try again in {} seconds", retry_after.as_secs().max(1))
            }
            other => other.to_string(),
        };
        ErrorBody { error: ErrorDetail { code: self.code().to_owned(), message, fields } }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) | Self::Unavailable(detail) = &self {
            tracing::error!(error = %detail, "request failed");
        }
        let mut response = (self.status(), axum::Json(self.body())).into_response();
        if let Self::RateLimited { retry_after } = self {
            // Round up: retrying a fraction of a second early would be refused again.
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        response
    }
}

impl From<ValidationError> for AppError {
    fn from(err: ValidationError) -> Self {
        Self::Invalid(err.0)
    }
}

impl From<PageError> for AppError {
    fn from(err: PageError) -> Self {
        let field = match err {
            PageError::Limit => "limit",
            PageError::Cursor => "cursor",
        };
        Self::malformed("invalid_query", format!("{field}: {err}"))
    }
}

impl From<Internal> for AppError {
    fn from(err: Internal) -> Self {
        Self::Internal(err.0)
    }
}

impl From<AccountError> for AppError {
    fn from(err: AccountError) -> Self {
        let message = err.to_string();
        match err {
            AccountError::Invalid(v) => v.into(),
            AccountError::EmailTaken => Self::Conflict { code: "email_taken", message },
            AccountError::WrongCredentials => Self::Unauthenticated { code: "invalid_credentials", message },
            AccountError::RateLimited { retry_after } => Self::RateLimited { retry_after },
            AccountError::SessionEnded => Self::Unauthenticated { code: "session_ended", message },
            AccountError::BadEmailToken => Self::invalid_field("token", &message),
            AccountError::Suspended(_) => Self::Forbidden { code: "account_suspended", message },
            AccountError::Banned => Self::Forbidden { code: "account_banned", message },
            AccountError::Internal(e) => e.into(),
        }
    }
}

impl From<ProfileError> for AppError {
    fn from(err: ProfileError) -> Self {
        match err {
            ProfileError::NotFound => Self::not_found("user_not_found", "user"),
            ProfileError::Invalid(v) => v.into(),
            ProfileError::Internal(e) => e.into(),
        }
    }
}

impl From<FileError> for AppError {
    fn from(err: FileError) -> Self {
        match err {
            FileError::TooLarge => Self::PayloadTooLarge,
            FileError::Empty => Self::invalid_field("file", "must not be empty"),
            FileError::UnsupportedType => {
                Self::invalid_field("file", "must be a PNG, JPEG, WebP or GIF image (or a PDF for attachments)")
            }
            FileError::NotFound => Self::not_found("file_not_found", "file"),
            FileError::Internal(e) => e.into(),
        }
    }
}

impl From<MarketError> for AppError {
    fn from(err: MarketError) -> Self {
        match err {
            MarketError::NotFound(what) => Self::NotFound {
                code: match what {
                    "job" => "job_not_found",
                    "proposal" => "proposal_not_found",
                    "invitation" => "invitation_not_found",
                    "contract" => "contract_not_found",
                    "milestone" => "milestone_not_found",
                    "invoice" => "invoice_not_found",
                    "time entry" => "time_entry_not_found",
                    "conversation" => "conversation_not_found",
                    "message" => "message_not_found",
                    "user" => "user_not_found",
                    "friend request" => "friend_request_not_found",
                    "friend" => "friend_not_found",
                    "freelancer" => "freelancer_not_found",
                    "block" => "block_not_found",
                    "report" => "report_not_found",
                    "review" => "review_not_found",
                    "dispute" => "dispute_not_found",
                    "hourly week" => "hourly_week_not_found",
                    _ => "not_found",
                },
                message: format!("{what} not found"),
            },
            MarketError::Forbidden { code, message } => Self::Forbidden { code, message },
            MarketError::Conflict { code, message } => Self::Conflict { code, message },
            // The provider being down is a dependency failure (503), not a refusal (402).
            MarketError::PaymentFailed { code: "payment_provider_unavailable", message } => Self::Unavailable(message),
            MarketError::PaymentFailed { code, message } => Self::PaymentFailed { code, message },
            MarketError::Invalid(v) => v.into(),
            MarketError::Internal(e) => e.into(),
        }
    }
}

impl From<WebhookRejected> for AppError {
    fn from(err: WebhookRejected) -> Self {
        let message = err.to_string();
        match err {
            WebhookRejected::Unverified(WebhookError::BadSignature) => Self::malformed("invalid_signature", message),
            WebhookRejected::Unverified(WebhookError::Stale) => Self::malformed("stale_webhook", message),
            WebhookRejected::Unverified(WebhookError::Malformed(_)) => Self::malformed("malformed_webhook", message),
            WebhookRejected::Unverified(WebhookError::Unavailable(_)) => Self::Unavailable(message),
            WebhookRejected::Market(e) => e.into(),
        }
    }
}
