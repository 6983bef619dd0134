//! Stripe webhooks: checked locally against the `Stripe-Signature` HMAC and
//! the five-minute tolerance, so no fake API is needed; the provider points
//! at a closed port to show that nothing is asked of Stripe.

use adapters::payments::{StripeConfig, StripeProvider};
use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, Mac};
use services::ports::{PaymentProvider, ProviderEvent, WebhookError};
use sha2::Sha256;
use url::Url;

mod common;

use common::closed_port;

const SECRET_KEY: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const WEBHOOK_SECRET: &str = "whsec_5a8d7c1e9f";

fn provider(api_base: Url) -> StripeProvider {
    StripeProvider::new(StripeConfig { api_base, secret_key: SECRET_KEY.into(), webhook_secret: WEBHOOK_SECRET.into() })
        .expect("a provider")
}

const EVENT: &str = r#"{
  "id": "evt_3MtwBwLkdIwHu7ix0lHDI5o8",
  "object": "event",
  "api_version": "2024-06-20",
  "created": 1680800505,
  "data": {"object": {"id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA", "object": "transfer", "amount": 4250, "currency": "usd"}},
  "livemode": false,
  "pending_webhooks": 1,
  "request": {"id": "req_fake", "idempotency_key": "withdraw-2b91"},
  "type": "transfer.reversed"
}"#;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_680_800_505, 0).expect("a time")
}

/// Hex HMAC-SHA256 of `"{t}.{body}"`, as Stripe signs.
fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn signed(signature_header: String) -> Vec<(String, String)> {
    vec![("Content-Type".to_owned(), "application/json".to_owned()), ("Stripe-Signature".to_owned(), signature_header)]
}

async fn verify(headers: Vec<(String, String)>, body: &str) -> Result<ProviderEvent, WebhookError> {
    provider(closed_port()).verify_webhook(&headers, body.as_bytes(), now()).await
}

fn transfer_reversed() -> ProviderEvent {
    ProviderEvent {
        id: "evt_3MtwBwLkdIwHu7ix0lHDI5o8".to_owned(),
        kind: "transfer.reversed".to_owned(),
        reference: Some("tr_1MiN3gLkdIwHu7ixNCZvFdgA".to_owned()),
    }
}

#[tokio::test]
async fn a_signed_webhook_is_read() {
    let t = now().timestamp() - 30;
    let header = format!("t={t},v1={}", sign(WEBHOOK_SECRET, t, EVENT));

    assert_eq!(verify(signed(header), EVENT).await, Ok(transfer_reversed()));
}

#[tokio::test]
async fn any_matching_signature_is_enough_and_the_header_name_has_any_case() {
    // While a signing secret is rolled, Stripe signs with the old and the new one.
    let t = now().timestamp();
    let header = format!("t={t},v1={},v1={},v0=6ffbb59b", sign("whsec_old", t, EVENT), sign(WEBHOOK_SECRET, t, EVENT));
    let headers = vec![("stripe-signature".to_owned(), header)];

    assert_eq!(verify(headers, EVENT).await, Ok(transfer_reversed()));
}

#[tokio::test]
async fn a_webhook_signed_with_another_secret_or_for_another_body_is_refused() {
    let t = now().timestamp();
    let other_secret = format!("t={t},v1={}", sign("whsec_other", t, EVENT));
    let other_body = format!("t={t},v1={}", sign(WEBHOOK_SECRET, t, "{}"));
    let other_time = format!("t={},v1={}", t + 1, sign(WEBHOOK_SECRET, t, EVENT));

    for header in [other_secret, other_body, other_time] {
        assert_eq!(verify(signed(header.clone()), EVENT).await, Err(WebhookError::BadSignature), "{header}");
    }
}

#[tokio::test]
async fn a_webhook_older_or_newer_than_five_minutes_is_stale() {
    for t in [now().timestamp() - 301, now().timestamp() + 301] {
        let header = format!("t={t},v1={}", sign(WEBHOOK_SECRET, t, EVENT));
        assert_eq!(verify(signed(header), EVENT).await, Err(WebhookError::Stale), "{t}");
    }
    let t = (now() - TimeDelta::seconds(300)).timestamp();
    let header = format!("t={t},v1={}", sign(WEBHOOK_SECRET, t, EVENT));
    assert_eq!(verify(signed(header), EVENT).await, Ok(transfer_reversed()), "exactly five minutes is in time");
}

#[tokio::test]
async fn the_signature_is_checked_before_the_age() {
    let t = now().timestamp() - 3_600;
    let header = format!("t={t},v1={}", sign("whsec_other", t, EVENT));

    assert_eq!(verify(signed(header), EVENT).await, Err(WebhookError::BadSignature));
}

#[tokio::test]
async fn a_garbled_or_missing_signature_header_is_refused() {
    let t = now().timestamp();
    let valid = sign(WEBHOOK_SECRET, t, EVENT);
    for header in [
        String::new(),
        "garbage".to_owned(),
        format!("v1={valid}"),
        format!("t={t}"),
        format!("t=yesterday,v1={valid}"),
        format!("t={t},v1=not-hex"),
        format!("t={t};v1={valid}"),
    ] {
        assert_eq!(verify(signed(header.clone()), EVENT).await, Err(WebhookError::BadSignature), "{header:?}");
    }
    let unsigned = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    assert_eq!(verify(unsigned, EVENT).await, Err(WebhookError::BadSignature));
}

#[tokio::test]
async fn a_signed_body_that_is_not_an_event_is_malformed() {
    let t = now().timestamp();
    for body in ["not json", r#"{"id": "evt_1", "type": "transfer.reversed"}"#] {
        let header = format!("t={t},v1={}", sign(WEBHOOK_SECRET, t, body));
        let verdict = verify(signed(header), body).await;
        assert!(matches!(verdict, Err(WebhookError::Malformed(_))), "{body}: {verdict:?}");
    }
}
