//! The Stripe provider against a local fake of Stripe's API (webhooks are in
//! stripe_webhooks.rs). The fake checks
//! every request as Stripe would (method, path, secret key, idempotency key,
//! form fields) and answers with the objects Stripe's API reference
//! documents; each test starts its own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use adapters::payments::{StripeConfig, StripeProvider};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Value, json};
use services::ports::{PaymentProvider, ProviderError, Receipt, Refund};
use url::Url;

mod common;

use common::{charge, closed_port, payout, usd};

const SECRET_KEY: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const WEBHOOK_SECRET: &str = "whsec_5a8d7c1e9f";

/// One request as the fake received it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    idempotency_key: String,
    form: HashMap<String, String>,
}

/// What Stripe requires of each endpoint: the form fields that must be there.
struct Endpoint {
    path: &'static str,
    required: &'static [&'static str],
    /// The documented object answering a successful request.
    answer: fn(&HashMap<String, String>) -> Value,
}

static ENDPOINTS: [Endpoint; 3] = [
    Endpoint { path: "/v1/payment_intents", required: &["amount", "currency"], answer: payment_intent },
    Endpoint { path: "/v1/refunds", required: &[], answer: refund_object },
    Endpoint { path: "/v1/transfers", required: &["amount", "currency", "destination"], answer: transfer_object },
];

#[derive(Default)]
struct Shared {
    seen: Mutex<Vec<Seen>>,
    /// Everything about a request that Stripe would not have accepted.
    problems: Mutex<Vec<String>>,
    /// Answers that replace the documented success, by path.
    canned: Mutex<HashMap<&'static str, (StatusCode, String)>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    fn problem(&self, problem: String) {
        lock(&self.problems).push(problem);
    }

    /// Checks and records one request; the form it carried.
    fn receive(
        &self,
        endpoint: &Endpoint,
        method: &Method,
        headers: &HeaderMap,
        body: &[u8],
    ) -> HashMap<String, String> {
        let path = endpoint.path;
        let header = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
        if method != Method::POST {
            self.problem(format!("{method} {path}"));
        }
        if header(header::AUTHORIZATION) != format!("Bearer {SECRET_KEY}") {
            self.problem(format!("{path}: Authorization {:?}", header(header::AUTHORIZATION)));
        }
        if header(header::CONTENT_TYPE) != "application/x-www-form-urlencoded" {
            self.problem(format!("{path}: Content-Type {:?}", header(header::CONTENT_TYPE)));
        }
        let idempotency_key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default();
        if idempotency_key.is_empty() {
            self.problem(format!("{path}: no Idempotency-Key"));
        }
        let mut form = HashMap::new();
        for (name, value) in url::form_urlencoded::parse(body) {
            if form.insert(name.to_string(), value.to_string()).is_some() {
                self.problem(format!("{path}: {name} sent twice"));
            }
        }
        for name in endpoint.required {
            if !form.contains_key(*name) {
                self.problem(format!("{path}: no {name}"));
            }
        }
        if let Some(amount) = form.get("amount")
            && !amount.parse::<i64>().is_ok_and(|amount| amount > 0)
        {
            self.problem(format!("{path}: amount {amount:?} is not a positive integer of minor units"));
        }
        if let Some(currency) = form.get("currency")
            && !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_lowercase()))
        {
            self.problem(format!("{path}: currency {currency:?} is not a lower-case ISO code"));
        }
        let seen = Seen { path: path.to_owned(), idempotency_key: idempotency_key.to_owned(), form: form.clone() };
        lock(&self.seen).push(seen);
        form
    }
}

/// A fake Stripe on a port of its own.
struct FakeStripe {
    base: Url,
    shared: Arc<Shared>,
}

impl FakeStripe {
    async fn start() -> Self {
        let shared = Arc::new(Shared::default());
        let mut router = Router::new();
        for (index, endpoint) in ENDPOINTS.iter().enumerate() {
            router = router.route(
                endpoint.path,
                any(move |State(shared): State<Arc<Shared>>, method: Method, headers: HeaderMap, body: Bytes| async move {
                    let endpoint = &ENDPOINTS[index];
                    let form = shared.receive(endpoint, &method, &headers, &body);
                    let canned = lock(&shared.canned).get(endpoint.path).cloned();
                    let (status, body) = canned.unwrap_or_else(|| (StatusCode::OK, (endpoint.answer)(&form).to_string()));
                    answer(status, body)
                }),
            );
        }
        let router = router
            .fallback(|State(shared): State<Arc<Shared>>, method: Method, uri: Uri| async move {
                shared.problem(format!("unexpected {method} {uri}"));
                answer(
                    StatusCode::NOT_FOUND,
                    stripe_error("invalid_request_error", "Unrecognized request URL.").to_string(),
                )
            })
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let base = Url::parse(&format!("http://{}", listener.local_addr().expect("has an address"))).expect("a URL");
        tokio::spawn(async move { axum::serve(listener, router).await.expect("serves") });
        Self { base, shared }
    }

    fn provider(&self) -> StripeProvider {
        provider(self.base.clone())
    }

    /// Answers requests to `path` with `status` and `body` from now on.
    fn answer(&self, path: &'static str, status: StatusCode, body: impl ToString) {
        lock(&self.shared.canned).insert(path, (status, body.to_string()));
    }

    /// What was received, once it is known that Stripe would have accepted all of it.
    fn requests(&self) -> Vec<Seen> {
        let problems = lock(&self.shared.problems).clone();
        assert!(problems.is_empty(), "requests Stripe would refuse: {problems:#?}");
        lock(&self.shared.seen).clone()
    }
}

fn answer(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json"), (header::HeaderName::from_static("request-id"), "req_fake")],
        body,
    )
        .into_response()
}

fn payment_intent(form: &HashMap<String, String>) -> Value {
    json!({
        "id": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
        "object": "payment_intent",
        "amount": form["amount"].parse::<i64>().ok(),
        "amount_capturable": 0,
        "amount_received": form["amount"].parse::<i64>().ok(),
        "automatic_payment_methods": {"allow_redirects": "never", "enabled": true},
        "capture_method": "automatic",
        "client_secret": "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH",
        "confirmation_method": "automatic",
        "created": 1_680_800_504,
        "currency": form["currency"],
        "customer": null,
        "description": form.get("description"),
        "latest_charge": "ch_3MtwBwLkdIwHu7ix2bgDbNcf",
        "livemode": false,
        "metadata": {"key": form.get("metadata[key]")},
        "next_action": null,
        "payment_method": form.get("payment_method"),
        "payment_method_types": ["card"],
        "status": "succeeded"
    })
}

fn refund_object(form: &HashMap<String, String>) -> Value {
    json!({
        "id": "re_1Nispe2eZvKYlo2Cd31jOCgZ",
        "object": "refund",
        "amount": form.get("amount").and_then(|a| a.parse::<i64>().ok()),
        "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx",
        "charge": "ch_3MtwBwLkdIwHu7ix2bgDbNcf",
        "created": 1_692_942_318,
        "currency": "usd",
        "destination_details": {"card": {"reference_status": "pending", "type": "refund"}, "type": "card"},
        "metadata": {"key": form.get("metadata[key]")},
        "payment_intent": form.get("payment_intent"),
        "reason": null,
        "receipt_number": null,
        "source_transfer_reversal": null,
        "status": "succeeded",
        "transfer_reversal": null
    })
}

fn transfer_object(form: &HashMap<String, String>) -> Value {
    json!({
        "id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA",
        "object": "transfer",
        "amount": form["amount"].parse::<i64>().ok(),
        "amount_reversed": 0,
        "balance_transaction": "txn_1MiN3gLkdIwHu7ixxapQrznl",
        "created": 1_678_043_844,
        "currency": form["currency"],
        "description": form.get("description"),
        "destination": form.get("destination"),
        "destination_payment": "py_1MiN3gQ9PRzxEwkZWTPGNq9o",
        "livemode": false,
        "metadata": {"key": form.get("metadata[key]")},
        "reversals": {"object": "list", "data": [], "has_more": false, "total_count": 0, "url": "/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals"},
        "reversed": false,
        "source_transaction": null,
        "source_type": "card",
        "transfer_group": null
    })
}

fn stripe_error(kind: &str, message: &str) -> Value {
    json!({"error": {"type": kind, "message": message, "request_log_url": "https://dashboard.stripe.com/test/logs/req_fake"}})
}

fn provider(api_base: Url) -> StripeProvider {
    StripeProvider::new(StripeConfig { api_base, secret_key: SECRET_KEY.into(), webhook_secret: WEBHOOK_SECRET.into() })
        .expect("a provider")
}

fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())).collect()
}

#[tokio::test]
async fn a_charge_confirms_a_payment_intent_with_the_approved_method() {
    let fake = FakeStripe::start().await;

    let receipt = fake.provider().charge(charge(Some("pm_card_visa"))).await;

    assert_eq!(receipt, Ok(Receipt { reference: "pi_3MtwBwLkdIwHu7ix28a3tqPa".to_owned() }));
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/v1/payment_intents");
    assert_eq!(requests[0].idempotency_key, "fund-milestone-7f3a");
    assert_eq!(
        requests[0].form,
        form(&[
            ("amount", "150075"),
            ("currency", "usd"),
            ("payment_method", "pm_card_visa"),
            ("confirm", "true"),
            ("description", "Milestone 1: wireframes"),
            ("automatic_payment_methods[enabled]", "true"),
            ("automatic_payment_methods[allow_redirects]", "never"),
            ("metadata[key]", "fund-milestone-7f3a"),
        ])
    );
}

#[tokio::test]
async fn a_payment_intent_short_of_succeeded_is_declined() {
    let fake = FakeStripe::start().await;
    let mut intent = payment_intent(&form(&[("amount", "150075"), ("currency", "usd")]));
    intent["status"] = json!("requires_action");
    intent["next_action"] = json!({"type": "use_stripe_sdk", "use_stripe_sdk": {}});
    fake.answer("/v1/payment_intents", StatusCode::OK, intent);

    let receipt = fake.provider().charge(charge(Some("pm_card_authenticationRequired"))).await;

    assert_eq!(receipt, Err(ProviderError::Declined("payment not completed: requires_action".to_owned())));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_declined_card_is_declined_with_stripes_message() {
    let fake = FakeStripe::start().await;
    let error = json!({"error": {
        "charge": "ch_3MtwBwLkdIwHu7ix2bgDbNcf",
        "code": "card_declined",
        "decline_code": "generic_decline",
        "doc_url": "https://stripe.com/docs/error-codes/card-declined",
        "message": "Your card was declined.",
        "payment_intent": {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent", "status": "requires_payment_method"},
        "request_log_url": "https://dashboard.stripe.com/test/logs/req_fake",
        "type": "card_error"
    }});
    fake.answer("/v1/payment_intents", StatusCode::PAYMENT_REQUIRED, error);

    let receipt = fake.provider().charge(charge(Some("pm_card_chargeDeclined"))).await;

    assert_eq!(receipt, Err(ProviderError::Declined("Your card was declined.".to_owned())));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn other_refusals_are_declined_with_stripes_message() {
    let fake = FakeStripe::start().await;
    let message = "No such PaymentMethod: 'pm_gone'";
    fake.answer("/v1/payment_intents", StatusCode::BAD_REQUEST, stripe_error("invalid_request_error", message));

    let receipt = fake.provider().charge(charge(Some("pm_gone"))).await;

    assert_eq!(receipt, Err(ProviderError::Declined(message.to_owned())));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_rejected_api_key_or_a_rate_limit_is_an_outage_not_a_decline() {
    let fake = FakeStripe::start().await;
    let provider = fake.provider();
    let cases = [
        (StatusCode::UNAUTHORIZED, stripe_error("invalid_request_error", "Invalid API Key provided: sk_test_****7dc")),
        (
            StatusCode::TOO_MANY_REQUESTS,
            stripe_error("invalid_request_error", "Too many requests hit the API too quickly."),
        ),
    ];
    for (status, error) in cases {
        fake.answer("/v1/payment_intents", status, error);
        let receipt = provider.charge(charge(Some("pm_card_visa"))).await;
        assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{status}: {receipt:?}");
    }
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_server_error_is_an_outage() {
    let fake = FakeStripe::start().await;
    fake.answer(
        "/v1/payment_intents",
        StatusCode::INTERNAL_SERVER_ERROR,
        stripe_error("api_error", "An unknown error occurred"),
    );

    let receipt = fake.provider().charge(charge(Some("pm_card_visa"))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn an_unreadable_answer_is_an_outage() {
    let fake = FakeStripe::start().await;
    fake.answer("/v1/payment_intents", StatusCode::OK, "<html>502 Bad Gateway</html>");

    let receipt = fake.provider().charge(charge(Some("pm_card_visa"))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_closed_port_is_an_outage() {
    let provider = provider(closed_port());

    let receipt = provider.charge(charge(Some("pm_card_visa"))).await;

    assert!(matches!(receipt, Err(ProviderError::Unavailable(_))), "{receipt:?}");
}

#[tokio::test]
async fn a_charge_without_a_payment_method_sends_nothing() {
    let fake = FakeStripe::start().await;
    let provider = fake.provider();

    for source in [None, Some(""), Some("  ")] {
        assert_eq!(provider.charge(charge(source)).await, Err(ProviderError::Missing("a payment method")));
    }
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_refund_refunds_the_payment_intent() {
    let fake = FakeStripe::start().await;
    let refund = Refund {
        key: "refund-milestone-7f3a".to_owned(),
        amount: usd(50_000),
        charge_reference: "pi_3MtwBwLkdIwHu7ix28a3tqPa".to_owned(),
    };

    let receipt = fake.provider().refund(refund).await;

    assert_eq!(receipt, Ok(Receipt { reference: "re_1Nispe2eZvKYlo2Cd31jOCgZ".to_owned() }));
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/v1/refunds");
    assert_eq!(requests[0].idempotency_key, "refund-milestone-7f3a");
    assert_eq!(
        requests[0].form,
        form(&[
            ("payment_intent", "pi_3MtwBwLkdIwHu7ix28a3tqPa"),
            ("amount", "50000"),
            ("metadata[key]", "refund-milestone-7f3a")
        ])
    );
}

#[tokio::test]
async fn a_payout_transfers_to_the_connected_account() {
    let fake = FakeStripe::start().await;

    let receipt = fake.provider().payout(payout(Some("acct_1MTfjCQ9PRzxEwkZ"))).await;

    assert_eq!(receipt, Ok(Receipt { reference: "tr_1MiN3gLkdIwHu7ixNCZvFdgA".to_owned() }));
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/v1/transfers");
    assert_eq!(requests[0].idempotency_key, "withdraw-2b91");
    assert_eq!(
        requests[0].form,
        form(&[
            ("amount", "4205"),
            ("currency", "usd"),
            ("destination", "acct_1MTfjCQ9PRzxEwkZ"),
            ("description", "Downwork withdrawal"),
            ("metadata[key]", "withdraw-2b91"),
        ])
    );
}

#[tokio::test]
async fn a_refused_transfer_is_declined() {
    let fake = FakeStripe::start().await;
    let message = "Insufficient funds in Stripe account. In test mode, you can add funds to your available balance.";
    fake.answer("/v1/transfers", StatusCode::BAD_REQUEST, stripe_error("invalid_request_error", message));

    let receipt = fake.provider().payout(payout(Some("acct_1MTfjCQ9PRzxEwkZ"))).await;

    assert_eq!(receipt, Err(ProviderError::Declined(message.to_owned())));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn a_payout_without_a_destination_sends_nothing() {
    let fake = FakeStripe::start().await;

    let receipt = fake.provider().payout(payout(None)).await;

    assert_eq!(receipt, Err(ProviderError::Missing("a payout account")));
    assert!(fake.requests().is_empty());
}
