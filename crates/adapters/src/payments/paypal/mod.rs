//! PayPal, through its REST APIs (JSON both ways):
//!
//! - every call is authorised by an OAuth 2.0 access token from
//!   `POST /v1/oauth2/token` (<https://developer.paypal.com/api/rest/authentication/>),
//!   kept until shortly before it expires;
//! - a charge captures the order the client approved in the browser:
//!   `POST /v2/checkout/orders/{id}/capture`
//!   (<https://developer.paypal.com/docs/api/orders/v2/#orders_capture>);
//! - a refund goes against that capture: `POST /v2/payments/captures/{id}/refund`
//!   (<https://developer.paypal.com/docs/api/payments/v2/#captures_refund>);
//! - a payout is a one-item batch to the freelancer's PayPal e-mail address:
//!   `POST /v1/payments/payouts`
//!   (<https://developer.paypal.com/docs/api/payments.payouts-batch/v1/#payouts_post>);
//! - webhooks are verified by PayPal itself:
//!   `POST /v1/notifications/verify-webhook-signature`
//!   (<https://developer.paypal.com/docs/api/webhooks/v1/#verify-webhook-signature_post>).
//!
//! Money-moving calls carry the call's key as `PayPal-Request-Id`
//! (<https://developer.paypal.com/api/rest/reference/idempotency/>), so a
//! retry replays PayPal's first answer. Amounts are decimal strings in major
//! units (`"12.34"`) with upper-case currency codes, converted here with
//! integer arithmetic only. Errors follow
//! <https://developer.paypal.com/api/rest/responses/>.

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use domain::Money;
use reqwest::{Client, RequestBuilder, Response, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use services::ports::{Charge, PaymentProvider, Payout, ProviderError, ProviderEvent, Receipt, Refund, WebhookError};
use tokio::sync::Mutex;
use tokio::time::{Duration, Instant};
use url::Url;

use super::http::{self, ApiBase, Dialect, ProviderSetupError};

mod webhook;

use webhook::{Event, Transmission, VerifyAnswer, VerifyRequest};

/// How far a webhook's transmission time may be from now, either way.
const WEBHOOK_TOLERANCE: TimeDelta = TimeDelta::seconds(300);

/// A token is renewed this long before PayPal says it expires, so none
/// expires between being taken from the cache and reaching PayPal.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

const PAYPAL: Dialect = Dialect { name: "PayPal", request_id_header: "paypal-debug-id", error_message };

/// Where and as whom to reach PayPal.
#[derive(Debug, Clone)]
pub struct PaypalConfig {
    /// [`PaypalConfig::DEFAULT_API_BASE`] in production,
    /// [`PaypalConfig::SANDBOX_API_BASE`] against PayPal's sandbox; tests
    /// point it at a local fake.
    pub api_base: Url,
    /// The REST app's client id.
    pub client_id: String,
    /// The REST app's secret.
    pub client_secret: SecretString,
    /// The id PayPal gave the webhook subscription; verification is asked
    /// for that subscription.
    pub webhook_id: String,
}

impl PaypalConfig {
    pub const DEFAULT_API_BASE: &'static str = "https://api-m.paypal.com";
    pub const SANDBOX_API_BASE: &'static str = "https://api-m.sandbox.paypal.com";
}

/// Captures approved orders, refunds captures, and pays out by e-mail.
#[derive(Debug)]
pub struct PaypalProvider {
    base: ApiBase,
    client_id: String,
    client_secret: SecretString,
    webhook_id: String,
    http: Client,
    /// Held across a token request, so concurrent calls wait for one
    /// request instead of each making their own.
    token: Mutex<Option<CachedToken>>,
}

#[derive(Debug)]
struct CachedToken {
    value: SecretString,
    renew_at: Instant,
}

impl PaypalProvider {
    /// Fails only on an API base that is not an http(s) URL, or when the
    /// TLS backend cannot be set up: both are start-up configuration errors.
    pub fn new(config: PaypalConfig) -> Result<Self, ProviderSetupError> {
        Ok(Self {
            base: ApiBase::new(config.api_base)?,
            client_id: config.client_id,
            client_secret: config.client_secret,
            webhook_id: config.webhook_id,
            http: http::client()?,
            token: Mutex::new(None),
        })
    }

    /// A valid access token: the cached one, or a new one.
    async fn token(&self) -> Result<SecretString, ProviderError> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached.as_ref().filter(|token| Instant::now() < token.renew_at) {
            return Ok(token.value.clone());
        }
        let fresh = self.request_token().await?;
        let value = fresh.value.clone();
        *cached = Some(fresh);
        Ok(value)
    }

    /// Drops `rejected` from the cache, unless another call already replaced it.
    async fn forget_token(&self, rejected: &SecretString) {
        let mut cached = self.token.lock().await;
        if cached.as_ref().is_some_and(|token| token.value.expose_secret() == rejected.expose_secret()) {
            *cached = None;
        }
    }

    /// The client-credentials grant. Any failure is an outage: the caller can
    /// do nothing about our credentials.
    async fn request_token(&self) -> Result<CachedToken, ProviderError> {
        let requested_at = Instant::now();
        let response = self
            .http
            .post(self.base.endpoint(&["v1", "oauth2", "token"]))
            .basic_auth(&self.client_id, Some(self.client_secret.expose_secret()))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .map_err(|err| PAYPAL.unreachable(err))?;
        let status = response.status();
        let token: TokenAnswer = PAYPAL.read(response).await.map_err(|err| match err {
            ProviderError::Declined(message) => {
                ProviderError::Unavailable(format!("PayPal refused the credentials ({status}): {message}"))
            }
            other => other,
        })?;
        let lifetime = Duration::from_secs(token.expires_in).saturating_sub(TOKEN_MARGIN);
        Ok(CachedToken { value: token.access_token, renew_at: requested_at + lifetime })
    }

    /// POSTs `body` as JSON with a bearer token. A token PayPal rejects (it
    /// can be revoked before it expires) is replaced and the call made once
    /// more; the request id makes that repeat safe.
    async fn post<B, T>(&self, segments: &[&str], request_id: Option<&str>, body: &B) -> Result<T, ProviderError>
    where
        B: Serialize + ?Sized + Sync,
        T: DeserializeOwned,
    {
        let token = self.token().await?;
        let response = self.send(segments, request_id, body, &token).await?;
        if response.status() != StatusCode::UNAUTHORIZED {
            return PAYPAL.read(response).await;
        }
        self.forget_token(&token).await;
        let token = self.token().await?;
        let response = self.send(segments, request_id, body, &token).await?;
        PAYPAL.read(response).await
    }

    /// Asks for the full representation: by default Orders and Payments v2
    /// answer with only the id and status, and a charge must read the
    /// capture's id and amount.
    async fn send<B: Serialize + ?Sized>(
        &self,
        segments: &[&str],
        request_id: Option<&str>,
        body: &B,
        token: &SecretString,
    ) -> Result<Response, ProviderError> {
        let mut request: RequestBuilder = self
            .http
            .post(self.base.endpoint(segments))
            .bearer_auth(token.expose_secret())
            .header("Prefer", "return=representation")
            .json(body);
        if let Some(request_id) = request_id {
            request = request.header("PayPal-Request-Id", request_id);
        }
        request.send().await.map_err(|err| PAYPAL.unreachable(err))
    }

    /// Asks PayPal whether it signed this transmission of `event`.
    async fn verify_signature(&self, transmission: &Transmission<'_>, event: &RawValue) -> Result<bool, WebhookError> {
        let request = VerifyRequest {
            auth_algo: transmission.auth_algo,
            cert_url: transmission.cert_url,
            transmission_id: transmission.id,
            transmission_sig: transmission.sig,
            transmission_time: transmission.time,
            webhook_id: &self.webhook_id,
            webhook_event: event,
        };
        let answer: VerifyAnswer = self
            .post(&["v1", "notifications", "verify-webhook-signature"], None, &request)
            .await
            .map_err(|err| WebhookError::Unavailable(err.to_string()))?;
        Ok(answer.verification_status == "SUCCESS")
    }
}

/// A caller-supplied id, if it is there at all: a blank one is as missing as
/// none.
fn given(value: Option<&str>) -> Option<&str> {
    value.filter(|value| !value.trim().is_empty())
}

/// `1234` cents as PayPal writes it: `"12.34"`. Every currency the
/// marketplace settles in has two decimals.
fn decimal(minor_units: i64) -> String {
    let sign = if minor_units < 0 { "-" } else { "" };
    let magnitude = minor_units.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// PayPal's decimal string as minor units: `"12.34"`, `"12.3"` and `"12"`
/// are all read exactly; anything else (a sign, a third decimal, an
/// exponent) is `None`.
fn minor_units(decimal: &str) -> Option<i64> {
    let (whole, fraction) = decimal.split_once('.').unwrap_or((decimal, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || fraction.len() > 2 {
        return None;
    }
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)
}

fn currency_code(money: Money) -> String {
    money.currency.code().to_ascii_uppercase()
}

#[derive(Debug, Deserialize)]
struct TokenAnswer {
    access_token: SecretString,
    /// Seconds.
    expires_in: u64,
}

/// PayPal's error object: `{"name", "message", "details": [{"issue",
/// "description"}]}`. The first detail says what exactly was wrong.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    message: Option<String>,
    #[serde(default)]
    details: Vec<ErrorDetail>,
}

#[derive(Debug, Deserialize)]
struct ErrorDetail {
    description: Option<String>,
}

fn error_message(body: &[u8]) -> Option<String> {
    let error: ErrorBody = serde_json::from_slice(body).ok()?;
    error.details.into_iter().next().and_then(|detail| detail.description).or(error.message)
}

/// `{"value": "12.34", "currency_code": "USD"}`, as Orders and Payments v2 write amounts.
#[derive(Debug, Serialize, Deserialize)]
struct Amount {
    value: String,
    currency_code: String,
}

impl Amount {
    fn of(money: Money) -> Self {
        Self { value: decimal(money.amount), currency_code: currency_code(money) }
    }

    fn is(&self, money: Money) -> bool {
        self.currency_code.eq_ignore_ascii_case(money.currency.code()) && minor_units(&self.value) == Some(money.amount)
    }
}

/// The parts of a captured order a charge reads.
#[derive(Debug, Deserialize)]
struct Order {
    status: String,
    #[serde(default)]
    purchase_units: Vec<PurchaseUnit>,
}

#[derive(Debug, Deserialize)]
struct PurchaseUnit {
    payments: Option<Payments>,
}

#[derive(Debug, Deserialize)]
struct Payments {
    #[serde(default)]
    captures: Vec<Capture>,
}

#[derive(Debug, Deserialize)]
struct Capture {
    id: String,
    status: Option<String>,
    amount: Amount,
}

impl Order {
    fn into_capture(self) -> Option<Capture> {
        self.purchase_units.into_iter().next()?.payments?.captures.into_iter().next()
    }
}

/// A Refund (`{"id", "status"}`): only these are read.
#[derive(Debug, Deserialize)]
struct RefundAnswer {
    id: String,
    status: Option<String>,
}

#[derive(Debug, Serialize)]
struct RefundRequest {
    amount: Amount,
}

#[derive(Debug, Serialize)]
struct PayoutRequest<'a> {
    sender_batch_header: SenderBatchHeader<'a>,
    items: [PayoutItem<'a>; 1],
}

#[derive(Debug, Serialize)]
struct SenderBatchHeader<'a> {
    sender_batch_id: &'a str,
    email_subject: &'a str,
}

#[derive(Debug, Serialize)]
struct PayoutItem<'a> {
    recipient_type: &'a str,
    amount: PayoutAmount,
    receiver: &'a str,
    note: &'a str,
    sender_item_id: &'a str,
}

/// Payouts v1 names the currency `currency`, not `currency_code`.
#[derive(Debug, Serialize)]
struct PayoutAmount {
    value: String,
    currency: String,
}

#[derive(Debug, Deserialize)]
struct PayoutAnswer {
    batch_header: BatchHeader,
}

#[derive(Debug, Deserialize)]
struct BatchHeader {
    payout_batch_id: String,
}

#[async_trait]
impl PaymentProvider for PaypalProvider {
    fn name(&self) -> &'static str {
        "paypal"
    }

    /// Captures the approved order. The capture must be of exactly the
    /// amount being charged: the order was created in the browser, and a
    /// client could have approved a different one.
    async fn charge(&self, charge: Charge) -> Result<Receipt, ProviderError> {
        let order_id = given(charge.source.as_deref()).ok_or(ProviderError::Missing("an approved PayPal order"))?;
        let path = ["v2", "checkout", "orders", order_id, "capture"];
        let order: Order = self.post(&path, Some(&charge.key), &serde_json::json!({})).await?;
        if order.status != "COMPLETED" {
            return Err(ProviderError::Declined(format!("payment not completed: {}", order.status)));
        }
        let capture = order
            .into_capture()
            .ok_or_else(|| ProviderError::Unavailable("PayPal completed the order but named no capture".to_owned()))?;
        if let Some(status @ ("DECLINED" | "FAILED")) = capture.status.as_deref() {
            return Err(ProviderError::Declined(format!("payment not completed: {status}")));
        }
        if !capture.amount.is(charge.amount) {
            // The money did move: someone has to refund it by hand.
            tracing::error!(capture = %capture.id, order = order_id, key = %charge.key, "PayPal captured another amount");
            return Err(ProviderError::Declined("captured amount differs".to_owned()));
        }
        Ok(Receipt { reference: capture.id })
    }

    async fn refund(&self, refund: Refund) -> Result<Receipt, ProviderError> {
        let path = ["v2", "payments", "captures", refund.charge_reference.as_str(), "refund"];
        let request = RefundRequest { amount: Amount::of(refund.amount) };
        let answer: RefundAnswer = self.post(&path, Some(&refund.key), &request).await?;
        if let Some(status @ ("FAILED" | "CANCELLED")) = answer.status.as_deref() {
            return Err(ProviderError::Declined(format!("refund not completed: {status}")));
        }
        Ok(Receipt { reference: answer.id })
    }

    /// A batch of one, whose sender ids are the key: PayPal refuses a second
    /// batch with the same `sender_batch_id`, a second guard against paying
    /// twice.
    async fn payout(&self, payout: Payout) -> Result<Receipt, ProviderError> {
        let receiver = given(payout.destination.as_deref()).ok_or(ProviderError::Missing("a payout account"))?;
        let request = PayoutRequest {
            sender_batch_header: SenderBatchHeader {
                sender_batch_id: &payout.key,
                email_subject: "You have a payout from Downwork",
            },
            items: [PayoutItem {
                recipient_type: "EMAIL",
                amount: PayoutAmount { value: decimal(payout.amount.amount), currency: currency_code(payout.amount) },
                receiver,
                note: &payout.description,
                sender_item_id: &payout.key,
            }],
        };
        let answer: PayoutAnswer = self.post(&["v1", "payments", "payouts"], Some(&payout.key), &request).await?;
        Ok(Receipt { reference: answer.batch_header.payout_batch_id })
    }

    /// The age is checked before PayPal is asked, so a replayed old delivery
    /// costs no call; the event's fields are read only once it is known
    /// genuine.
    async fn verify_webhook(
        &self,
        headers: &[(String, String)],
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ProviderEvent, WebhookError> {
        let transmission = Transmission::from_headers(headers).ok_or(WebhookError::BadSignature)?;
        let sent_at = transmission.sent_at().ok_or(WebhookError::BadSignature)?;
        if (now - sent_at).abs() > WEBHOOK_TOLERANCE {
            return Err(WebhookError::Stale);
        }
        let event: &RawValue = serde_json::from_slice(body).map_err(|err| WebhookError::Malformed(err.to_string()))?;
        if !self.verify_signature(&transmission, event).await? {
            return Err(WebhookError::BadSignature);
        }
        let event: Event = serde_json::from_str(event.get()).map_err(|err| WebhookError::Malformed(err.to_string()))?;
        Ok(ProviderEvent { id: event.id, kind: event.event_type, reference: event.resource.and_then(|r| r.id) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_units_are_written_as_decimals() {
        let cases = [(0, "0.00"), (5, "0.05"), (10, "0.10"), (1234, "12.34"), (100_000, "1000.00"), (-1234, "-12.34")];
        for (minor, written) in cases {
            assert_eq!(decimal(minor), written);
        }
        assert_eq!(decimal(i64::MAX), "92233720368547758.07");
        assert_eq!(decimal(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn decimals_are_read_exactly() {
        let cases = [("12.34", 1234), ("12.3", 1230), ("12", 1200), ("0.05", 5), ("92233720368547758.07", i64::MAX)];
        for (written, minor) in cases {
            assert_eq!(minor_units(written), Some(minor), "{written}");
        }
        for bad in ["", ".5", "12.", "12.345", "-1.00", "+1.00", "1e3", "1,00", " 1.00", "92233720368547758.08"] {
            assert_eq!(minor_units(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decimals_round_trip() {
        for minor in [0, 1, 99, 100, 101, 123_456_789, i64::MAX] {
            assert_eq!(minor_units(&decimal(minor)), Some(minor));
        }
    }

    #[test]
    fn the_first_error_detail_is_the_message() {
        let body = br#"{"name":"UNPROCESSABLE_ENTITY","details":[{"issue":"INSTRUMENT_DECLINED","description":"The instrument presented was declined."}],"message":"The requested action could not be performed."}"#;
        assert_eq!(error_message(body).as_deref(), Some("The instrument presented was declined."));
        let body = br#"{"name":"RESOURCE_NOT_FOUND","message":"The specified resource does not exist."}"#;
        assert_eq!(error_message(body).as_deref(), Some("The specified resource does not exist."));
        assert_eq!(error_message(b"<html>"), None);
    }
}
