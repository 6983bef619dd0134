//! Stripe, through its REST API (form-encoded requests, JSON answers):
//!
//! - a charge is a PaymentIntent created and confirmed in one call with the
//!   payment method the client approved in the browser:
//!   `POST /v1/payment_intents` (<https://docs.stripe.com/api/payment_intents/create>);
//! - a refund goes against that PaymentIntent: `POST /v1/refunds`
//!   (<https://docs.stripe.com/api/refunds/create>);
//! - a payout is a transfer to the freelancer's connected account:
//!   `POST /v1/transfers` (<https://docs.stripe.com/api/transfers/create>);
//! - webhooks are verified by the `Stripe-Signature` header
//!   (<https://docs.stripe.com/webhooks#verify-manually>).
//!
//! Every POST carries the call's key as `Idempotency-Key`
//! (<https://docs.stripe.com/api/idempotent_requests>), so a retry after a
//! timeout replays Stripe's first answer instead of moving money twice.
//! Errors follow <https://docs.stripe.com/api/errors>: a 402 is a declined
//! card, other refusals carry `error.message`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use reqwest::Client;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use services::ports::{Charge, PaymentProvider, Payout, ProviderError, ProviderEvent, Receipt, Refund, WebhookError};
use sha2::Sha256;
use url::Url;

use super::http::{self, ApiBase, Dialect, ProviderSetupError};

/// How far a webhook's timestamp may be from now, either way: Stripe's own
/// libraries default to the same five minutes.
const WEBHOOK_TOLERANCE_SECS: u64 = 300;

const STRIPE: Dialect = Dialect { name: "Stripe", request_id_header: "request-id", error_message };

/// Where and as whom to reach Stripe.
#[derive(Debug, Clone)]
pub struct StripeConfig {
    /// [`StripeConfig::DEFAULT_API_BASE`] in production; tests point it at a
    /// local fake.
    pub api_base: Url,
    /// The account's secret API key (`sk_live_...` or `sk_test_...`), or a
    /// restricted key allowed to write PaymentIntents, Refunds and Transfers.
    pub secret_key: SecretString,
    /// The signing secret of the webhook endpoint (`whsec_...`), as the
    /// dashboard shows it.
    pub webhook_secret: SecretString,
}

impl StripeConfig {
    pub const DEFAULT_API_BASE: &'static str = "https://api.stripe.com";
}

/// Charges with PaymentIntents, refunds them, and pays out with transfers to
/// connected accounts.
#[derive(Debug)]
pub struct StripeProvider {
    base: ApiBase,
    secret_key: SecretString,
    webhook_secret: SecretString,
    http: Client,
}

impl StripeProvider {
    /// Fails only on an API base that is not an http(s) URL, or when the
    /// TLS backend cannot be set up: both are start-up configuration errors.
    pub fn new(config: StripeConfig) -> Result<Self, ProviderSetupError> {
        Ok(Self {
            base: ApiBase::new(config.api_base)?,
            secret_key: config.secret_key,
            webhook_secret: config.webhook_secret,
            http: http::client()?,
        })
    }

    /// POSTs `form` to `/v1/{object}` under the idempotency key `key`.
    async fn post<T: DeserializeOwned>(
        &self,
        object: &str,
        key: &str,
        form: &[(&str, String)],
    ) -> Result<T, ProviderError> {
        let response = self
            .http
            .post(self.base.endpoint(&["v1", object]))
            .bearer_auth(self.secret_key.expose_secret())
            .header("Idempotency-Key", key)
            .form(form)
            .send()
            .await
            .map_err(|err| STRIPE.unreachable(err))?;
        STRIPE.read(response).await
    }
}

/// A caller-supplied id, if it is there at all: a blank one is as missing as
/// none, and Stripe would only refuse it later.
fn given(value: Option<&str>) -> Option<&str> {
    value.filter(|value| !value.trim().is_empty())
}

/// The fields of a PaymentIntent that a charge reads.
#[derive(Debug, Deserialize)]
struct PaymentIntent {
    id: String,
    status: String,
}

/// A Refund or a Transfer: only the id is read.
#[derive(Debug, Deserialize)]
struct Created {
    id: String,
}

/// Stripe's error object: `{"error": {"type": ..., "message": ...}}`.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
struct ErrorDetail {
    message: Option<String>,
}

fn error_message(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(body).ok()?.error.message
}

#[async_trait]
impl PaymentProvider for StripeProvider {
    fn name(&self) -> &'static str {
        "stripe"
    }

    /// Creates and confirms a PaymentIntent off-session: redirect-based
    /// methods are refused up front, since no browser is there to follow
    /// them. Anything short of `succeeded` (3-D Secure wanted, still
    /// processing) has not moved the money and is declined.
    async fn charge(&self, charge: Charge) -> Result<Receipt, ProviderError> {
        let method = given(charge.source.as_deref()).ok_or(ProviderError::Missing("a payment method"))?;
        let form = [
            ("amount", charge.amount.amount.to_string()),
            ("currency", charge.amount.currency.code().to_owned()),
            ("payment_method", method.to_owned()),
            ("confirm", "true".to_owned()),
            ("description", charge.description),
            ("automatic_payment_methods[enabled]", "true".to_owned()),
            ("automatic_payment_methods[allow_redirects]", "never".to_owned()),
            ("metadata[key]", charge.key.clone()),
        ];
        let intent: PaymentIntent = self.post("payment_intents", &charge.key, &form).await?;
        if intent.status == "succeeded" {
            Ok(Receipt { reference: intent.id })
        } else {
            Err(ProviderError::Declined(format!("payment not completed: {}", intent.status)))
        }
    }

    async fn refund(&self, refund: Refund) -> Result<Receipt, ProviderError> {
        let form = [
            ("payment_intent", refund.charge_reference),
            ("amount", refund.amount.amount.to_string()),
            ("metadata[key]", refund.key.clone()),
        ];
        let created: Created = self.post("refunds", &refund.key, &form).await?;
        Ok(Receipt { reference: created.id })
    }

    async fn payout(&self, payout: Payout) -> Result<Receipt, ProviderError> {
        let destination = given(payout.destination.as_deref()).ok_or(ProviderError::Missing("a payout account"))?;
        let form = [
            ("amount", payout.amount.amount.to_string()),
            ("currency", payout.amount.currency.code().to_owned()),
            ("destination", destination.to_owned()),
            ("description", payout.description),
            ("metadata[key]", payout.key.clone()),
        ];
        let created: Created = self.post("transfers", &payout.key, &form).await?;
        Ok(Receipt { reference: created.id })
    }

    /// The signature is checked before the age, so an unsigned request learns
    /// nothing about timing; the body is read only once it is known genuine.
    async fn verify_webhook(
        &self,
        headers: &[(String, String)],
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ProviderEvent, WebhookError> {
        let header = http::header(headers, "Stripe-Signature").ok_or(WebhookError::BadSignature)?;
        let signature = SignatureHeader::parse(header).ok_or(WebhookError::BadSignature)?;
        if !signature.signs(self.webhook_secret.expose_secret().as_bytes(), body) {
            return Err(WebhookError::BadSignature);
        }
        if now.timestamp().abs_diff(signature.timestamp) > WEBHOOK_TOLERANCE_SECS {
            return Err(WebhookError::Stale);
        }
        read_event(body)
    }
}

/// `Stripe-Signature: t=1492774577,v1=5257a8...,v1=...`: a timestamp and one
/// or more signatures (several while a signing secret is being rolled).
/// Other schemes (`v0`, test-only) are ignored.
#[derive(Debug, PartialEq, Eq)]
struct SignatureHeader<'a> {
    /// The timestamp exactly as sent: it is signed as text.
    signed_timestamp: &'a str,
    timestamp: i64,
    signatures: Vec<Vec<u8>>,
}

impl<'a> SignatureHeader<'a> {
    /// `None` for a header that is not of that form at all.
    fn parse(header: &'a str) -> Option<Self> {
        let mut signed_timestamp = None;
        let mut signatures = Vec::new();
        for part in header.split(',') {
            let (scheme, value) = part.trim().split_once('=')?;
            match scheme {
                "t" if signed_timestamp.is_none() => signed_timestamp = Some(value),
                "t" => return None,
                "v1" => signatures.push(hex::decode(value).ok()?),
                _ => {}
            }
        }
        let signed_timestamp = signed_timestamp?;
        let timestamp = signed_timestamp.parse().ok()?;
        (!signatures.is_empty()).then_some(Self { signed_timestamp, timestamp, signatures })
    }

    /// Whether any `v1` is the HMAC-SHA256 of `"{t}.{body}"` under `secret`,
    /// compared in constant time.
    fn signs(&self, secret: &[u8], body: &[u8]) -> bool {
        // HMAC takes keys of any length, so this cannot fail.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
            return false;
        };
        mac.update(self.signed_timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        self.signatures.iter().any(|signature| mac.clone().verify_slice(signature).is_ok())
    }
}

/// The parts of a Stripe Event the services use.
#[derive(Debug, Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: EventObject,
}

/// Almost every object has an id; the few that do not (a balance) are events
/// about no one object.
#[derive(Debug, Deserialize)]
struct EventObject {
    id: Option<String>,
}

fn read_event(body: &[u8]) -> Result<ProviderEvent, WebhookError> {
    let event: Event = serde_json::from_slice(body).map_err(|err| WebhookError::Malformed(err.to_string()))?;
    Ok(ProviderEvent { id: event.id, kind: event.kind, reference: event.data.object.id })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_headers_are_parsed_with_every_v1() {
        let header = SignatureHeader::parse("t=1492774577, v1=00ff,v0=zz,v1=abcd").expect("parses");
        assert_eq!(header.signed_timestamp, "1492774577");
        assert_eq!(header.timestamp, 1_492_774_577);
        assert_eq!(header.signatures, vec![vec![0x00, 0xff], vec![0xab, 0xcd]]);
    }

    #[test]
    fn garbled_signature_headers_are_refused() {
        for header in ["", "t=1", "v1=00ff", "t=x,v1=00ff", "t=1,v1=xyz", "t=1,t=2,v1=00ff", "t=1;v1=00ff", "garbage"] {
            assert_eq!(SignatureHeader::parse(header), None, "{header:?}");
        }
    }

    #[test]
    fn events_without_an_object_id_have_no_reference() {
        let event = read_event(br#"{"id":"evt_1","type":"balance.available","data":{"object":{"object":"balance"}}}"#)
            .expect("an event");
        assert_eq!(event.reference, None);
    }
}
