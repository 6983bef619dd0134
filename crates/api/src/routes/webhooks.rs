//! The payment provider's edges: `/api/payments/checkout`, what the browser
//! needs to collect a payment method, and `/api/webhooks/{provider}`, events
//! from Stripe and PayPal. Each event is verified (signature, at most five
//! minutes old) and applied once; a repeat is acknowledged and changes nothing.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use serde::Serialize;
use services::payments::WebhookOutcome;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, ErrorBody};
use crate::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(webhook)).routes(routes!(checkout))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Checkout {
    /// `sandbox` (no payment method needed), `stripe` or `paypal`.
    pub provider: String,
    /// Stripe: the publishable key for Stripe Elements; the browser creates
    /// a payment method and sends its id as `payment_source` when funding.
    pub stripe_publishable_key: Option<String>,
    /// PayPal: the client id for the PayPal buttons; the browser sends the
    /// approved order's id as `payment_source` when funding.
    pub paypal_client_id: Option<String>,
    /// The marketplace fee added to what clients pay, in basis points (500 =
    /// 5%): a PayPal order is for the milestone's amount plus this fee,
    /// rounded half up to the cent.
    pub client_fee_bps: u32,
}

/// How the browser collects a payment method for funding.
#[utoipa::path(get, path = "/api/payments/checkout", tag = "payments",
    responses((status = 200, body = Checkout), (status = 503, body = ErrorBody)))]
async fn checkout(State(state): State<AppState>) -> Result<Json<Checkout>, AppError> {
    let provider = state.services.payments.provider_name();
    let keys = &state.config.checkout;
    let settings = state.services.settings.get().await?;
    Ok(Json(Checkout {
        provider: provider.to_owned(),
        stripe_publishable_key: keys.stripe_publishable_key.clone().filter(|_| provider == "stripe"),
        paypal_client_id: keys.paypal_client_id.clone().filter(|_| provider == "paypal"),
        client_fee_bps: settings.client_fee_bps,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookAck {
    /// `applied` (it changed something), `recorded` (nothing to do) or
    /// `duplicate` (seen before; nothing done again).
    pub outcome: String,
}

/// Receive a provider's event: `stripe` (verified by `Stripe-Signature`) or
/// `paypal` (verified with PayPal's verify-webhook-signature API).
#[utoipa::path(post, path = "/api/webhooks/{provider}", tag = "payments",
    params(("provider" = String, Path, description = "`stripe` or `paypal`")),
    request_body(content = String, description = "the provider's event, exactly as sent"),
    responses((status = 200, body = WebhookAck), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn webhook(
    State(state): State<AppState>,
    ApiPath(provider): ApiPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<WebhookAck>, AppError> {
    let headers: Vec<(String, String)> = headers
        .iter()
        .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
        .collect();
    let outcome = state.services.payments.webhook(&provider, &headers, &body).await?;
    let outcome = match outcome {
        WebhookOutcome::Applied => "applied",
        WebhookOutcome::Recorded => "recorded",
        WebhookOutcome::Duplicate => "duplicate",
    };
    Ok(Json(WebhookAck { outcome: outcome.to_owned() }))
}
