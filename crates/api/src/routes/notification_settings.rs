//! `/api/notifications/preferences` and `/api/notifications/unsubscribe`:
//! which notifications reach the caller by e-mail, and the link in every
//! such mail that turns its kind off without a login.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use domain::notification::NotificationKind;
use serde::{Deserialize, Serialize};
use services::notification_settings::{EmailPreference, PreferenceError};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(preferences, set_preferences))
        .routes(routes!(unsubscribe, unsubscribe_one_click))
}

/// Whether one kind of notification is also sent by e-mail.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreference {
    pub kind: NotificationKind,
    pub email: bool,
}

impl From<EmailPreference> for NotificationPreference {
    fn from(p: EmailPreference) -> Self {
        Self { kind: p.kind, email: p.email }
    }
}

/// Every kind of notification, each with the caller's choice or its default
/// (on for money and hiring, off for the steps of a bid).
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPreferences {
    pub items: Vec<NotificationPreference>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferencesUpdate {
    /// The kinds to change, each at most once; kinds left out keep their setting.
    pub items: Vec<NotificationPreference>,
}

/// Which notifications the caller gets by e-mail.
#[utoipa::path(get, path = "/api/notifications/preferences", tag = "notifications", security(("bearer" = [])),
    responses((status = 200, body = NotificationPreferences), (status = 401, body = ErrorBody)))]
async fn preferences(State(state): State<AppState>, auth: AuthUser) -> Result<Json<NotificationPreferences>, AppError> {
    let found = state.services.notification_settings.preferences(auth.user.id).await?;
    Ok(Json(NotificationPreferences { items: found.into_iter().map(Into::into).collect() }))
}

/// Turn e-mails on or off per kind of notification; answers every kind.
#[utoipa::path(put, path = "/api/notifications/preferences", tag = "notifications", security(("bearer" = [])),
    request_body = NotificationPreferencesUpdate,
    responses((status = 200, body = NotificationPreferences), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn set_preferences(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<NotificationPreferencesUpdate>,
) -> Result<Json<NotificationPreferences>, AppError> {
    let changes: Vec<EmailPreference> =
        body.items.into_iter().map(|p| EmailPreference { kind: p.kind, email: p.email }).collect();
    let all = state.services.notification_settings.set_preferences(auth.user.id, &changes).await?;
    Ok(Json(NotificationPreferences { items: all.into_iter().map(Into::into).collect() }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// The token from the e-mail's link.
    pub token: String,
}

/// The kind whose e-mails were turned off.
#[derive(Debug, Serialize, ToSchema)]
pub struct Unsubscribed {
    pub kind: NotificationKind,
    /// Always false: the kind's e-mails are off now.
    pub email: bool,
}

/// The link in a notification e-mail: turns that kind's e-mails off, no login
/// needed. A browser gets a short page, anything else JSON.
#[utoipa::path(get, path = "/api/notifications/unsubscribe", tag = "notifications", params(UnsubscribeQuery),
    responses((status = 200, body = Unsubscribed, description = "JSON, or `text/html` when the client accepts it"),
        (status = 422, body = ErrorBody, description = "the link is forged or altered")))]
async fn unsubscribe(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<UnsubscribeQuery>,
) -> Result<Response, AppError> {
    answer(&state, &headers, &query.token).await
}

/// One-click unsubscribing (RFC 8058): what a mail client posts to the
/// `List-Unsubscribe` address; the body (`List-Unsubscribe=One-Click`) is ignored.
#[utoipa::path(post, path = "/api/notifications/unsubscribe", tag = "notifications", params(UnsubscribeQuery),
    responses((status = 200, body = Unsubscribed), (status = 422, body = ErrorBody)))]
async fn unsubscribe_one_click(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<UnsubscribeQuery>,
) -> Result<Response, AppError> {
    answer(&state, &headers, &query.token).await
}

async fn answer(state: &AppState, headers: &HeaderMap, token: &str) -> Result<Response, AppError> {
    let wants_html =
        headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|accept| accept.contains("text/html"));
    match state.services.notification_settings.unsubscribe(token).await {
        Ok(kind) if wants_html => Ok(Html(page(
            "Unsubscribed",
            &format!(
                "You will no longer get e-mails for \u{201c}{}\u{201d} notifications. They still appear on Downwork, \
                 and you can turn the e-mails back on in your notification settings.",
                kind.as_str().replace('_', " ")
            ),
        ))
        .into_response()),
        Ok(kind) => Ok(Json(Unsubscribed { kind, email: false }).into_response()),
        Err(PreferenceError::BadLink) if wants_html => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(page(
                "This link does not work",
                "The unsubscribe link is incomplete or was changed. Open it again from the e-mail, or log in to \
                 choose which e-mails you get.",
            )),
        )
            .into_response()),
        Err(err) => Err(err.into()),
    }
}

/// A minimal page; both strings are ours, not the caller's.
fn page(title: &str, message: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} - Downwork</title></head>\
         <body style=\"font-family:Helvetica,Arial,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;\
         color:#1f2328\"><h1 style=\"font-size:22px\">{title}</h1><p>{message}</p>\
         <p><a href=\"/notifications\">Go to Downwork</a></p></body></html>"
    )
}

impl From<PreferenceError> for AppError {
    fn from(err: PreferenceError) -> Self {
        match err {
            PreferenceError::Invalid(v) => v.into(),
            PreferenceError::BadLink => Self::invalid_field("token", &err.to_string()),
            PreferenceError::Internal(e) => e.into(),
        }
    }
}
