//! Money through Stripe, against a local fake of its API: the charge, the
//! payout and the webhook that reverses a payout. Webhooks with a wrong
//! signature, an old timestamp or an event id seen before change nothing.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, Uri};
use axum::routing::post;
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use secrecy::SecretString;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::market::{id, usd};
use crate::support::{TestApp, TestUser, expect_error};

const WEBHOOK_SECRET: &str = "whsec_test_secret";

/// One request the fake Stripe received.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    key: String,
    form: Vec<(String, String)>,
}

impl Seen {
    fn field(&self, name: &str) -> Option<&str> {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

type Log = Arc<Mutex<Vec<Seen>>>;

/// Answers PaymentIntents and Transfers as Stripe documents them, after
/// checking what every call must carry.
async fn stripe(
    State(log): State<Log>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> axum::Json<Value> {
    assert_eq!(headers["authorization"], "Bearer sk_test_downwork");
    let key = headers.get("idempotency-key").expect("every POST carries an Idempotency-Key").to_str().expect("key");
    let mut seen = log.lock().expect("log");
    seen.push(Seen { path: uri.path().to_owned(), key: key.to_owned(), form: form.clone() });
    let n = seen.len();
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    axum::Json(match uri.path() {
        "/v1/payment_intents" => json!({
            "id": format!("pi_{n}"), "object": "payment_intent", "status": "succeeded",
            "amount": field("amount").parse::<i64>().expect("amount"), "currency": field("currency"),
        }),
        "/v1/transfers" => json!({
            "id": format!("tr_{n}"), "object": "transfer",
            "amount": field("amount").parse::<i64>().expect("amount"), "currency": field("currency"),
            "destination": field("destination"),
        }),
        other => panic!("unexpected Stripe call {other}"),
    })
}

async fn fake_stripe() -> (String, Log) {
    let log = Log::default();
    let router = Router::new()
        .route("/v1/payment_intents", post(stripe))
        .route("/v1/transfers", post(stripe))
        .with_state(log.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serves") });
    (base, log)
}

async fn stripe_app() -> (TestApp, Log) {
    let (base, log) = fake_stripe().await;
    let app = TestApp::spawn_with(|config| {
        config.payments.provider = "stripe".to_owned();
        config.payments.stripe_api_base = base;
        config.payments.stripe_secret_key = Some(SecretString::from("sk_test_downwork"));
        config.payments.stripe_publishable_key = Some("pk_test_downwork".to_owned());
        config.payments.stripe_webhook_secret = Some(SecretString::from(WEBHOOK_SECRET));
    })
    .await;
    (app, log)
}

/// `Stripe-Signature` for `body` sent at `timestamp`, signed with `secret`.
fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}

async fn send_webhook(app: &TestApp, body: &str, signature: &str) -> reqwest::Response {
    app.http
        .post(app.url("/api/webhooks/stripe"))
        .header("Stripe-Signature", signature)
        .header("Content-Type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("sent")
}

/// A milestone funded by card and released, and the freelancer's payout
/// account; returns the freelancer.
async fn paid_through_stripe(app: &TestApp, log: &Log) -> TestUser {
    let (client, freelancer, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = &contract["milestones"][0];
    let unpaid = json!({"milestone_id": design["id"], "action": "fund"});
    let res = app.post(&path, unpaid, Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(log.lock().expect("log").is_empty(), "nothing is sent to Stripe without a payment method");

    let by_card = json!({"milestone_id": design["id"], "action": "fund", "payment_source": "pm_card_visa"});
    assert_eq!(app.post(&path, by_card, Some(&client.access)).await.status(), StatusCode::OK);
    let charge = log.lock().expect("log")[0].clone();
    assert_eq!(charge.path, "/v1/payment_intents");
    assert_eq!(charge.key, format!("fund-{}-pm_card_visa", id(design)));
    assert_eq!((charge.field("amount"), charge.field("currency")), (Some("21000"), Some("usd")));
    assert_eq!((charge.field("payment_method"), charge.field("confirm")), (Some("pm_card_visa"), Some("true")));
    let release = json!({"milestone_id": design["id"], "action": "release"});
    assert_eq!(app.post(&path, release, Some(&client.access)).await.status(), StatusCode::OK);

    let destination = json!({"destination": "someone@example.com"});
    let res = app.put("/api/balance/payout-destination", destination, &freelancer.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let destination = json!({"destination": "acct_1Freelancer"});
    let res = app.get("/api/balance/payout-destination", Some(&freelancer.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "payout_destination_not_found").await;
    let res = app.put("/api/balance/payout-destination", destination.clone(), &freelancer.access).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.json("/api/balance/payout-destination", Some(&freelancer.access)).await, destination);
    freelancer
}

#[tokio::test]
async fn a_reversed_stripe_transfer_returns_the_withdrawal_once() {
    let (app, log) = stripe_app().await;
    let freelancer = paid_through_stripe(&app, &log).await;
    let res = app.post("/api/balance/withdrawals", json!({"amount": usd(18_000)}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let withdrawal: Value = res.json().await.expect("json");
    let transfer = log.lock().expect("log").last().cloned().expect("a transfer");
    assert_eq!(transfer.path, "/v1/transfers");
    assert_eq!(transfer.key, format!("withdraw-{}", id(&withdrawal)));
    assert_eq!(transfer.field("destination"), Some("acct_1Freelancer"));
    assert_eq!(withdrawal["reference"], "tr_2");
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(0)]));

    let event = json!({"id": "evt_1", "type": "transfer.reversed", "data": {"object": {"id": "tr_2"}}}).to_string();
    let now = chrono::Utc::now().timestamp();
    let res = send_webhook(&app, &event, &signature(WEBHOOK_SECRET, now, &event)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["outcome"], "applied");
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(18_000)]));
    let listed = app.json("/api/balance/withdrawals", Some(&freelancer.access)).await;
    assert_eq!(listed["items"][0]["status"], "failed");
    assert_eq!(app.notification_kinds(&freelancer).await[0], "withdrawal_failed");
    app.assert_books_balance().await;

    // The same event again, even freshly signed, changes nothing.
    let before = app.snapshot().await;
    let res = send_webhook(&app, &event, &signature(WEBHOOK_SECRET, now + 1, &event)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["outcome"], "duplicate");
    assert_eq!(app.snapshot().await, before);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(18_000)]));
}

#[tokio::test]
async fn forged_stale_and_garbled_stripe_webhooks_change_nothing() {
    let (app, _log) = stripe_app().await;
    let csp = app.get("/api/payments/checkout", None).await.headers()["content-security-policy"].clone();
    assert!(csp.to_str().expect("csp").contains("script-src 'self' https://js.stripe.com"), "{csp:?}");
    let checkout = app.json("/api/payments/checkout", None).await;
    assert_eq!(
        checkout,
        json!({
            "provider": "stripe", "stripe_publishable_key": "pk_test_downwork", "paypal_client_id": null,
            "client_fee_bps": 500,
        })
    );
    let event = json!({"id": "evt_9", "type": "transfer.reversed", "data": {"object": {"id": "tr_9"}}}).to_string();
    let now = chrono::Utc::now().timestamp();
    let before = app.snapshot().await;
    let forged = send_webhook(&app, &event, &signature("whsec_someone_else", now, &event)).await;
    expect_error(forged, StatusCode::BAD_REQUEST, "invalid_signature").await;
    let tampered = event.replace("tr_9", "tr_8");
    let res = send_webhook(&app, &tampered, &signature(WEBHOOK_SECRET, now, &event)).await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_signature").await;
    let stale = send_webhook(&app, &event, &signature(WEBHOOK_SECRET, now - 301, &event)).await;
    expect_error(stale, StatusCode::BAD_REQUEST, "stale_webhook").await;
    let res = send_webhook(&app, &event, "t=abc").await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_signature").await;
    let res = send_webhook(&app, "not json", &signature(WEBHOOK_SECRET, now, "not json")).await;
    expect_error(res, StatusCode::BAD_REQUEST, "malformed_webhook").await;
    assert_eq!(app.snapshot().await, before, "refused webhooks change nothing");

    // The other provider's endpoint is not this deployment's.
    let res = app.http.post(app.url("/api/webhooks/paypal")).body(event).send().await.expect("sent");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A fresh, correctly signed event is recorded once.
    let fresh = json!({"id": "evt_10", "type": "charge.succeeded", "data": {"object": {"id": "ch_1"}}}).to_string();
    let res = send_webhook(&app, &fresh, &signature(WEBHOOK_SECRET, now, &fresh)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["outcome"], "recorded");
    assert_eq!(app.count("provider_events").await, 1);
}
