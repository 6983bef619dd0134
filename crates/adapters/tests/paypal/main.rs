//! The PayPal provider against a local fake of PayPal's REST APIs. The fake
//! checks every request as PayPal would (method, path, credentials or bearer
//! token, `PayPal-Request-Id`, JSON body) and answers with the bodies PayPal's
//! API reference documents; each test starts its own.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use adapters::payments::{PaypalConfig, PaypalProvider};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use services::ports::{PaymentProvider, ProviderError, ProviderEvent, Receipt, Refund, WebhookError};
use url::Url;

mod fake;

use fake::*;

#[path = "../common/mod.rs"]
mod common;

use common::{charge, closed_port, payout, usd};

const CLIENT_ID: &str = "AeA1QIZXiflr1_-r0U2UbWTziOWX1GRQer5Tu3kJ7T2xpLzCsM9Kq5LO";
const CLIENT_SECRET: &str = "EGnHDxD_qRPdaLdZz8iCr8N7_MzF-YHPTkjs6NKYQvQSBngp4PTTVWkPZRbL";
const WEBHOOK_ID: &str = "4JH86294D6297924G";
const ORDER_ID: &str = "5O190127TN364715T";
const CAPTURE_ID: &str = "3C679366HH908993F";

fn provider(api_base: Url) -> PaypalProvider {
    PaypalProvider::new(PaypalConfig {
        api_base,
        client_id: CLIENT_ID.to_owned(),
        client_secret: CLIENT_SECRET.into(),
        webhook_id: WEBHOOK_ID.to_owned(),
    })
    .expect("a provider")
}

const TOKEN: &str = "/v1/oauth2/token";
const CAPTURE: &str = "/v2/checkout/orders/5O190127TN364715T/capture";
const VERIFY: &str = "/v1/notifications/verify-webhook-signature";

fn capture_receipt() -> Result<Receipt, ProviderError> {
    Ok(Receipt { reference: CAPTURE_ID.to_owned() })
}

#[tokio::test]
async fn a_charge_captures_the_approved_order() {
    let fake = FakePaypal::start().await;
    fake.approved_order(ORDER_ID, "1500.75", "USD");

    let receipt = fake.provider().charge(charge(Some(ORDER_ID))).await;

    assert_eq!(receipt, capture_receipt());
    let requests = fake.requests();
    assert_eq!(requests.iter().map(|seen| seen.path.as_str()).collect::<Vec<_>>(), [TOKEN, CAPTURE]);
    let credentials = BASE64.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    assert_eq!(requests[0].authorization, format!("Basic {credentials}"));
    assert_eq!(requests[1].authorization, "Bearer A21AAFEpH4PsADK7qSS7pSRsgzfENtu-1");
    assert_eq!(requests[1].request_id.as_deref(), Some("fund-milestone-7f3a"));
    assert_eq!(requests[1].body, json!({}));
}

#[tokio::test]
async fn one_token_serves_many_calls() {
    let fake = FakePaypal::start().await;
    fake.approved_order(ORDER_ID, "1500.75", "USD");
    let provider = fake.provider();

    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());
    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());

    assert_eq!(fake.paths(), [TOKEN, CAPTURE, CAPTURE]);
}

#[tokio::test]
async fn a_token_within_a_minute_of_expiry_is_renewed() {
    let fake = FakePaypal::start().await;
    fake.approved_order(ORDER_ID, "1500.75", "USD");
    fake.tokens_expire_in(60);
    let provider = fake.provider();

    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());
    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());

    assert_eq!(fake.paths(), [TOKEN, CAPTURE, TOKEN, CAPTURE]);
}

#[tokio::test]
async fn a_revoked_token_is_replaced_and_the_call_made_once_more() {
    let fake = FakePaypal::start().await;
    fake.approved_order(ORDER_ID, "1500.75", "USD");
    let provider = fake.provider();
    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());
    fake.revoke_tokens();

    assert_eq!(provider.charge(charge(Some(ORDER_ID))).await, capture_receipt());

    let requests = fake.requests();
    assert_eq!(
        requests.iter().map(|seen| seen.path.as_str()).collect::<Vec<_>>(),
        [TOKEN, CAPTURE, CAPTURE, TOKEN, CAPTURE]
    );
    assert_eq!(requests[4].authorization, "Bearer A21AAFEpH4PsADK7qSS7pSRsgzfENtu-2");
    assert_eq!(requests[2].request_id, requests[4].request_id, "the repeat is the same request to PayPal");
}

#[tokio::test]
async fn a_capture_of_another_amount_is_declined() {
    let fake = FakePaypal::start().await;
    let provider = fake.provider();

    for (value, currency) in [("1500.00", "USD"), ("1500.75", "EUR")] {
        fake.approved_order(ORDER_ID, value, currency);
        let receipt = provider.charge(charge(Some(ORDER_ID))).await;
        assert_eq!(receipt, Err(ProviderError::Declined("captured amount differs".to_owned())), "{value} {currency}");
    }
    assert_eq!(fake.paths(), [TOKEN, CAPTURE, CAPTURE]);
}

#[tokio::test]
async fn an_order_not_completed_is_declined() {
    let fake = FakePaypal::start().await;
    let mut order = captured_order(ORDER_ID, &json!({"currency_code": "USD", "value": "1500.75"}));
    order["status"] = json!("PAYER_ACTION_REQUIRED");
    fake.answer("capture", StatusCode::OK, order);

    let receipt = fake.provider().charge(charge(Some(ORDER_ID))).await;

    assert_eq!(receipt, Err(ProviderError::Declined("payment not completed: PAYER_ACTION_REQUIRED".to_owned())));
    assert_eq!(fake.paths(), [TOKEN, CAPTURE]);
}

#[tokio::test]
async fn a_declined_instrument_is_declined_with_paypals_description() {
    let fake = FakePaypal::start().await;
    let description =
        "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.";
    fake.answer(
        "capture",
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({
            "name": "UNPROCESSABLE_ENTITY",
            "details": [{"issue": "INSTRUMENT_DECLINED", "description": description}],
            "message": "The requested action could not be performed, semantically incorrect, or the business validation failed.",
            "debug_id": "f6e3ad5d4a1b3",
            "links": [{"href": "https://developer.paypal.com/docs/api/orders/v2/#error-INSTRUMENT_DECLINED", "rel": "information_link", "method": "GET"}]
        }),
    );

    let receipt = fake.provider().charge(charge(Some(ORDER_ID))).await;

    assert_eq!(receipt, Err(ProviderError::Declined(description.to_owned())));
    assert_eq!(fake.paths(), [TOKEN, CAPTURE]);
}

#[tokio::test]
async fn an_order_id_is_one_path_segment() {
    let fake = FakePaypal::start().await;

    let receipt = fake.provider().charge(charge(Some("../../../v1/payments/payouts"))).await;

    let description = "Specified resource ID does not exist. Please check the resource ID and try again.";
    assert_eq!(receipt, Err(ProviderError::Declined(description.to_owned())));
    assert_eq!(fake.paths(), [TOKEN, "/v2/checkout/orders/../../../v1/payments/payouts/capture"]);
}

#[tokio::test]
async fn a_server_error_is_an_outage() {
    let fake = FakePaypal::start().await;
    let error = json!({"name": "INTERNAL_SERVER_ERROR", "message": "An internal server error has occurred.", "debug_id": "f6e3ad5d4a1b3"});
    fake.answer("capture", StatusCode::INTERNAL_SERVER_ERROR, error);

    let receipt = fake.provider().charge(charge(Some(ORDER_ID))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
    assert_eq!(fake.paths(), [TOKEN, CAPTURE]);
}

#[tokio::test]
async fn a_failing_token_endpoint_is_an_outage() {
    let fake = FakePaypal::start().await;
    fake.answer(
        "token",
        StatusCode::SERVICE_UNAVAILABLE,
        json!({"name": "SERVICE_UNAVAILABLE", "message": "Service Unavailable."}),
    );

    let receipt = fake.provider().charge(charge(Some(ORDER_ID))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
    assert_eq!(fake.paths(), [TOKEN], "nothing is captured without a token");
}

#[tokio::test]
async fn wrong_credentials_are_an_outage_not_a_decline() {
    let fake = FakePaypal::start().await;
    let provider = PaypalProvider::new(PaypalConfig {
        api_base: fake.base.clone(),
        client_id: CLIENT_ID.to_owned(),
        client_secret: "not-the-secret".into(),
        webhook_id: WEBHOOK_ID.to_owned(),
    })
    .expect("a provider");

    let receipt = provider.charge(charge(Some(ORDER_ID))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
    assert_eq!(fake.paths(), [TOKEN]);
}

#[tokio::test]
async fn a_closed_port_is_an_outage() {
    let receipt = provider(closed_port()).charge(charge(Some(ORDER_ID))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
}

#[tokio::test]
async fn a_charge_without_an_approved_order_sends_nothing() {
    let fake = FakePaypal::start().await;
    let provider = fake.provider();

    for source in [None, Some(""), Some(" ")] {
        assert_eq!(provider.charge(charge(source)).await, Err(ProviderError::Missing("an approved PayPal order")));
    }
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_refund_refunds_the_capture() {
    let fake = FakePaypal::start().await;
    let refund = Refund {
        key: "refund-milestone-7f3a".to_owned(),
        amount: usd(50_000),
        charge_reference: CAPTURE_ID.to_owned(),
    };

    let receipt = fake.provider().refund(refund).await;

    assert_eq!(receipt, Ok(Receipt { reference: "1JU08902781691411".to_owned() }));
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].path, "/v2/payments/captures/3C679366HH908993F/refund");
    assert_eq!(requests[1].request_id.as_deref(), Some("refund-milestone-7f3a"));
    assert_eq!(requests[1].body, json!({"amount": {"value": "500.00", "currency_code": "USD"}}));
}

#[tokio::test]
async fn a_refund_paypal_could_not_make_is_declined() {
    let fake = FakePaypal::start().await;
    fake.answer("refund", StatusCode::CREATED, json!({"id": "1JU08902781691411", "status": "FAILED", "links": []}));
    let refund = Refund { key: "refund-1".to_owned(), amount: usd(1), charge_reference: CAPTURE_ID.to_owned() };

    let receipt = fake.provider().refund(refund).await;

    assert_eq!(receipt, Err(ProviderError::Declined("refund not completed: FAILED".to_owned())));
    assert_eq!(fake.paths(), [TOKEN, "/v2/payments/captures/3C679366HH908993F/refund"]);
}

#[tokio::test]
async fn a_payout_is_a_batch_of_one_to_the_email_address() {
    let fake = FakePaypal::start().await;

    let receipt = fake.provider().payout(payout(Some("freelancer@example.com"))).await;

    assert_eq!(receipt, Ok(Receipt { reference: "5UXD2E8A7EBQJ".to_owned() }));
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].path, "/v1/payments/payouts");
    assert_eq!(requests[1].request_id.as_deref(), Some("withdraw-2b91"));
    assert_eq!(
        requests[1].body,
        json!({
            "sender_batch_header": {"sender_batch_id": "withdraw-2b91", "email_subject": "You have a payout from Downwork"},
            "items": [{
                "recipient_type": "EMAIL",
                "amount": {"value": "42.05", "currency": "USD"},
                "receiver": "freelancer@example.com",
                "note": "Downwork withdrawal",
                "sender_item_id": "withdraw-2b91"
            }]
        })
    );
}

#[tokio::test]
async fn a_payout_without_a_destination_sends_nothing() {
    let fake = FakePaypal::start().await;

    let receipt = fake.provider().payout(payout(None)).await;

    assert_eq!(receipt, Err(ProviderError::Missing("a payout account")));
    assert!(fake.requests().is_empty());
}

// Webhooks.

/// A `PAYMENT.CAPTURE.COMPLETED` delivery, byte for byte as sent (note the
/// key order and the spacing, which must survive the round trip).
const EVENT: &str = r#"{"id":"WH-2WR32451HC0233532-67976317FL4543714","create_time":"2014-10-23T17:23:52Z","resource_type":"capture","event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"A successful sale payment was made for $ 0.48 USD","resource":{"id":"42311647XV020574X","amount":{"currency_code":"USD","value":"0.48"},"final_capture":true,"status":"COMPLETED","create_time":"2022-08-26T18:29:50Z"},"links":[{"href":"https://api.paypal.com/v1/notifications/webhooks-events/WH-2WR32451HC0233532-67976317FL4543714","rel":"self","method":"GET"}],"event_version":"1.0","resource_version":"2.0"}"#;

const TRANSMISSION_TIME: &str = "2022-08-26T18:29:55Z";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(TRANSMISSION_TIME).expect("a time").with_timezone(&Utc) + TimeDelta::seconds(2)
}

fn webhook_headers(transmission_time: &str) -> Vec<(String, String)> {
    [
        ("Content-Type", "application/json"),
        ("PAYPAL-AUTH-ALGO", "SHA256withRSA"),
        ("PAYPAL-CERT-URL", "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270"),
        ("PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55"),
        ("PAYPAL-TRANSMISSION-SIG", "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0wDugt7FlSvdKeIJenLRemUxYCPVoEZzg9VFNqOa48gMkvF+XTpxBeUx/kWy6B5cp7GkT2+pOowfRK7OaynuxUoKW3JcMWw272VKjLTtTAShncla7tGF+55rxyt2KNZIIqxNMJ48RDZheGU5w1npu9dZHnPgTXB9iomeVRoD8O/jhRpnKsGrDschyNdkeh81BJJMH4Ctc6lnCCquoP/GzCzz33MMsNdid7vL/NIWaCsekQpW26FpWPi/tfj8nLA=="),
        ("PAYPAL-TRANSMISSION-TIME", transmission_time),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value.to_owned()))
    .collect()
}

#[tokio::test]
async fn a_webhook_paypal_vouches_for_is_read() {
    let fake = FakePaypal::start().await;
    // Proxies may lower-case header names.
    let headers: Vec<_> =
        webhook_headers(TRANSMISSION_TIME).into_iter().map(|(name, value)| (name.to_lowercase(), value)).collect();

    let event = fake.provider().verify_webhook(&headers, EVENT.as_bytes(), now()).await;

    assert_eq!(
        event,
        Ok(ProviderEvent {
            id: "WH-2WR32451HC0233532-67976317FL4543714".to_owned(),
            kind: "PAYMENT.CAPTURE.COMPLETED".to_owned(),
            reference: Some("42311647XV020574X".to_owned()),
        })
    );
    let requests = fake.requests();
    assert_eq!(requests.iter().map(|seen| seen.path.as_str()).collect::<Vec<_>>(), [TOKEN, VERIFY]);
    let expected = webhook_headers(TRANSMISSION_TIME);
    assert_eq!(
        requests[1].body,
        json!({
            "auth_algo": "SHA256withRSA",
            "cert_url": expected[2].1,
            "transmission_id": "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
            "transmission_sig": expected[4].1,
            "transmission_time": TRANSMISSION_TIME,
            "webhook_id": WEBHOOK_ID,
            "webhook_event": serde_json::from_str::<Value>(EVENT).expect("JSON"),
        })
    );
    assert!(requests[1].raw.contains(&format!(r#""webhook_event":{EVENT}"#)), "the event is sent back byte for byte");
}

#[tokio::test]
async fn a_webhook_paypal_does_not_vouch_for_is_refused() {
    let fake = FakePaypal::start().await;
    fake.answer("verify", StatusCode::OK, json!({"verification_status": "FAILURE"}));

    let event = fake.provider().verify_webhook(&webhook_headers(TRANSMISSION_TIME), EVENT.as_bytes(), now()).await;

    assert_eq!(event, Err(WebhookError::BadSignature));
    assert_eq!(fake.paths(), [TOKEN, VERIFY]);
}

#[tokio::test]
async fn a_webhook_sent_more_than_five_minutes_away_is_stale_without_asking_paypal() {
    let fake = FakePaypal::start().await;
    let provider = fake.provider();
    let sent = now() - TimeDelta::seconds(2);

    for now in [sent + TimeDelta::seconds(301), sent - TimeDelta::seconds(301)] {
        let event = provider.verify_webhook(&webhook_headers(TRANSMISSION_TIME), EVENT.as_bytes(), now).await;
        assert_eq!(event, Err(WebhookError::Stale), "{now}");
    }
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_webhook_without_its_transmission_headers_is_refused_without_asking_paypal() {
    let fake = FakePaypal::start().await;
    let provider = fake.provider();

    for missing in 1..=5 {
        let mut headers = webhook_headers(TRANSMISSION_TIME);
        headers.remove(missing);
        let event = provider.verify_webhook(&headers, EVENT.as_bytes(), now()).await;
        assert_eq!(event, Err(WebhookError::BadSignature), "without {}", webhook_headers(TRANSMISSION_TIME)[missing].0);
    }
    let event = provider.verify_webhook(&webhook_headers("yesterday"), EVENT.as_bytes(), now()).await;
    assert_eq!(event, Err(WebhookError::BadSignature));
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_webhook_body_that_is_not_json_is_malformed_without_asking_paypal() {
    let fake = FakePaypal::start().await;

    let event = fake.provider().verify_webhook(&webhook_headers(TRANSMISSION_TIME), b"not json", now()).await;

    assert!(matches!(event, Err(WebhookError::Malformed(_))), "{event:?}");
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_vouched_for_body_that_is_not_an_event_is_malformed() {
    let fake = FakePaypal::start().await;

    let event = fake.provider().verify_webhook(&webhook_headers(TRANSMISSION_TIME), br#"{"id":"WH-1"}"#, now()).await;

    assert!(matches!(event, Err(WebhookError::Malformed(_))), "{event:?}");
    assert_eq!(fake.paths(), [TOKEN, VERIFY]);
}

#[tokio::test]
async fn a_verification_outage_is_reported_as_such() {
    let fake = FakePaypal::start().await;
    fake.answer(
        "verify",
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({"name": "INTERNAL_SERVER_ERROR", "message": "An internal server error has occurred."}),
    );

    let event = fake.provider().verify_webhook(&webhook_headers(TRANSMISSION_TIME), EVENT.as_bytes(), now()).await;
    assert!(matches!(event, Err(WebhookError::Unavailable(_))), "{event:?}");
    assert_eq!(fake.paths(), [TOKEN, VERIFY]);

    let event =
        provider(closed_port()).verify_webhook(&webhook_headers(TRANSMISSION_TIME), EVENT.as_bytes(), now()).await;
    assert!(matches!(event, Err(WebhookError::Unavailable(_))), "{event:?}");
}
