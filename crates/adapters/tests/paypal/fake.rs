//! A local fake of PayPal's REST APIs: it checks every request as PayPal
//! would (method, path, credentials or bearer token, `PayPal-Request-Id`,
//! JSON body) and answers with the bodies PayPal's API reference documents.

use super::*;

/// One request as the fake received it.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) path: String,
    pub(crate) authorization: String,
    pub(crate) request_id: Option<String>,
    /// The body as sent, and read as JSON (a form is read as an object).
    pub(crate) raw: String,
    pub(crate) body: Value,
}

#[derive(Default)]
pub(crate) struct Shared {
    pub(crate) seen: Mutex<Vec<Seen>>,
    /// Everything about a request that PayPal would not have accepted.
    pub(crate) problems: Mutex<Vec<String>>,
    /// Answers that replace the documented ones, by endpoint name.
    pub(crate) canned: Mutex<HashMap<&'static str, (StatusCode, String)>>,
    pub(crate) tokens: Mutex<Tokens>,
    /// Approved orders: id to the amount the buyer approved.
    pub(crate) orders: Mutex<HashMap<String, Value>>,
}

pub(crate) struct Tokens {
    pub(crate) issued: usize,
    pub(crate) valid: HashSet<String>,
    pub(crate) expires_in: u64,
}

impl Default for Tokens {
    fn default() -> Self {
        Self { issued: 0, valid: HashSet::new(), expires_in: 32_400 }
    }
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(crate) fn header_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

impl Shared {
    pub(crate) fn problem(&self, problem: String) {
        lock(&self.problems).push(problem);
    }

    pub(crate) fn canned(&self, endpoint: &str) -> Option<Response> {
        lock(&self.canned).get(endpoint).cloned().map(|(status, body)| answer(status, body))
    }

    pub(crate) fn record(&self, path: &str, headers: &HeaderMap, raw: &[u8], body: Value) {
        lock(&self.seen).push(Seen {
            path: path.to_owned(),
            authorization: header_value(headers, "authorization").unwrap_or_default().to_owned(),
            request_id: header_value(headers, "paypal-request-id").map(str::to_owned),
            raw: String::from_utf8_lossy(raw).into_owned(),
            body,
        });
    }

    /// `POST /v1/oauth2/token`: the client-credentials grant.
    pub(crate) fn token(&self, method: &Method, headers: &HeaderMap, raw: &[u8]) -> Response {
        let form: HashMap<String, String> = url::form_urlencoded::parse(raw).into_owned().collect();
        self.record("/v1/oauth2/token", headers, raw, json!(form));
        if method != Method::POST {
            self.problem(format!("{method} /v1/oauth2/token"));
        }
        if header_value(headers, "content-type") != Some("application/x-www-form-urlencoded") {
            self.problem(format!("token: Content-Type {:?}", header_value(headers, "content-type")));
        }
        if form != HashMap::from([("grant_type".to_owned(), "client_credentials".to_owned())]) {
            self.problem(format!("token: form {form:?}"));
        }
        if let Some(canned) = self.canned("token") {
            return canned;
        }
        let credentials = BASE64.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
        if header_value(headers, "authorization") != Some(&format!("Basic {credentials}")) {
            let error = json!({"error": "invalid_client", "error_description": "Client Authentication failed"});
            return answer(StatusCode::UNAUTHORIZED, error.to_string());
        }
        let mut tokens = lock(&self.tokens);
        tokens.issued += 1;
        let token = format!("A21AAFEpH4PsADK7qSS7pSRsgzfENtu-{}", tokens.issued);
        tokens.valid.insert(token.clone());
        answer(
            StatusCode::OK,
            json!({
                "scope": "https://uri.paypal.com/services/payments/payment/authcapture https://uri.paypal.com/services/payments/refund",
                "access_token": token,
                "token_type": "Bearer",
                "app_id": "APP-80W284485P519543T",
                "expires_in": tokens.expires_in,
                "nonce": "2020-04-03T15:35:36ZaYZlGvEkV4yVSz8g6bAKFoGSEzuy3CQcz3ljhibkOHg"
            })
            .to_string(),
        )
    }

    /// The checks every API call passes: POST, a JSON body and, where money
    /// moves, a `PayPal-Request-Id`. `None` when the bearer token is not
    /// live, which PayPal answers with [`invalid_token`].
    pub(crate) fn receive(
        &self,
        path: &str,
        method: &Method,
        headers: &HeaderMap,
        raw: &[u8],
        moves_money: bool,
    ) -> Option<Value> {
        let body: Value = serde_json::from_slice(raw).unwrap_or_else(|_| {
            self.problem(format!("{path}: body is not JSON"));
            Value::Null
        });
        self.record(path, headers, raw, body.clone());
        if method != Method::POST {
            self.problem(format!("{method} {path}"));
        }
        if header_value(headers, "content-type") != Some("application/json") {
            self.problem(format!("{path}: Content-Type {:?}", header_value(headers, "content-type")));
        }
        if moves_money && header_value(headers, "paypal-request-id").is_none_or(str::is_empty) {
            self.problem(format!("{path}: no PayPal-Request-Id"));
        }
        let token = header_value(headers, "authorization").and_then(|value| value.strip_prefix("Bearer "));
        token.is_some_and(|token| lock(&self.tokens).valid.contains(token)).then_some(body)
    }

    /// Checks an amount `{"value": "12.34", <currency_field>: "USD"}`.
    pub(crate) fn check_amount(&self, path: &str, amount: &Value, currency_field: &str) {
        let value = amount["value"].as_str().unwrap_or_default();
        let well_formed = value.split_once('.').is_some_and(|(whole, cents)| {
            !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
        });
        if !well_formed {
            self.problem(format!("{path}: amount value {value:?}"));
        }
        let currency = amount[currency_field].as_str().unwrap_or_default();
        if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
            self.problem(format!("{path}: {currency_field} {currency:?}"));
        }
        if amount.as_object().map(|fields| fields.len()) != Some(2) {
            self.problem(format!("{path}: amount {amount}"));
        }
    }

    /// `POST /v2/checkout/orders/{id}/capture`
    pub(crate) fn capture(&self, id: &str, method: &Method, headers: &HeaderMap, raw: &[u8]) -> Response {
        let path = format!("/v2/checkout/orders/{id}/capture");
        let Some(body) = self.receive(&path, method, headers, raw, true) else {
            return invalid_token();
        };
        if body != json!({}) {
            self.problem(format!("{path}: body {body}"));
        }
        // Without it PayPal answers with the order's id and status only.
        if header_value(headers, "prefer") != Some("return=representation") {
            self.problem(format!("{path}: Prefer {:?}", header_value(headers, "prefer")));
        }
        if let Some(canned) = self.canned("capture") {
            return canned;
        }
        let Some(amount) = lock(&self.orders).get(id).cloned() else {
            return answer(StatusCode::NOT_FOUND, not_found(id).to_string());
        };
        answer(StatusCode::CREATED, captured_order(id, &amount).to_string())
    }

    /// `POST /v2/payments/captures/{id}/refund`
    pub(crate) fn refund(&self, id: &str, method: &Method, headers: &HeaderMap, raw: &[u8]) -> Response {
        let path = format!("/v2/payments/captures/{id}/refund");
        let Some(body) = self.receive(&path, method, headers, raw, true) else {
            return invalid_token();
        };
        self.check_amount(&path, &body["amount"], "currency_code");
        self.canned("refund").unwrap_or_else(|| {
            answer(
                StatusCode::CREATED,
                json!({
                    "id": "1JU08902781691411",
                    "status": "COMPLETED",
                    "links": [
                        {"rel": "self", "method": "GET", "href": "https://api-m.paypal.com/v2/payments/refunds/1JU08902781691411"},
                        {"rel": "up", "method": "GET", "href": format!("https://api-m.paypal.com/v2/payments/captures/{id}")}
                    ]
                })
                .to_string(),
            )
        })
    }

    /// `POST /v1/payments/payouts`
    pub(crate) fn payouts(&self, method: &Method, headers: &HeaderMap, raw: &[u8]) -> Response {
        let path = "/v1/payments/payouts";
        let Some(body) = self.receive(path, method, headers, raw, true) else {
            return invalid_token();
        };
        let header = &body["sender_batch_header"];
        if header["sender_batch_id"].as_str().is_none_or(str::is_empty) {
            self.problem(format!("{path}: no sender_batch_id"));
        }
        let items = body["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            self.problem(format!("{path}: no items"));
        }
        for item in &items {
            self.check_amount(path, &item["amount"], "currency");
            if item["recipient_type"] != "EMAIL" || item["receiver"].as_str().is_none_or(|r| !r.contains('@')) {
                self.problem(format!("{path}: item {item}"));
            }
        }
        self.canned("payouts").unwrap_or_else(|| {
            answer(
                StatusCode::CREATED,
                json!({
                    "batch_header": {
                        "sender_batch_header": header,
                        "payout_batch_id": "5UXD2E8A7EBQJ",
                        "batch_status": "PENDING"
                    },
                    "links": [{
                        "href": "https://api-m.paypal.com/v1/payments/payouts/5UXD2E8A7EBQJ",
                        "rel": "self",
                        "method": "GET",
                        "encType": "application/json"
                    }]
                })
                .to_string(),
            )
        })
    }

    /// `POST /v1/notifications/verify-webhook-signature`; answers
    /// `SUCCESS` unless told otherwise.
    pub(crate) fn verify(&self, method: &Method, headers: &HeaderMap, raw: &[u8]) -> Response {
        let path = "/v1/notifications/verify-webhook-signature";
        let Some(body) = self.receive(path, method, headers, raw, false) else {
            return invalid_token();
        };
        for field in ["auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id"]
        {
            if body[field].as_str().is_none_or(str::is_empty) {
                self.problem(format!("{path}: no {field}"));
            }
        }
        if !body["webhook_event"].is_object() {
            self.problem(format!("{path}: webhook_event {}", body["webhook_event"]));
        }
        self.canned("verify")
            .unwrap_or_else(|| answer(StatusCode::OK, json!({"verification_status": "SUCCESS"}).to_string()))
    }
}

pub(crate) fn answer(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::HeaderName::from_static("paypal-debug-id"), "f6e3ad5d4a1b3"),
        ],
        body,
    )
        .into_response()
}

pub(crate) fn invalid_token() -> Response {
    let error = json!({"error": "invalid_token", "error_description": "Token signature verification failed"});
    answer(StatusCode::UNAUTHORIZED, error.to_string())
}

pub(crate) fn not_found(id: &str) -> Value {
    json!({
        "name": "RESOURCE_NOT_FOUND",
        "details": [{
            "field": "order_id",
            "value": id,
            "location": "path",
            "issue": "INVALID_RESOURCE_ID",
            "description": "Specified resource ID does not exist. Please check the resource ID and try again."
        }],
        "message": "The specified resource does not exist.",
        "debug_id": "f6e3ad5d4a1b3",
        "links": [{"href": "https://developer.paypal.com/docs/api/orders/v2/#error-INVALID_RESOURCE_ID", "rel": "information_link", "method": "GET"}]
    })
}

pub(crate) fn captured_order(id: &str, amount: &Value) -> Value {
    json!({
        "id": id,
        "status": "COMPLETED",
        "payment_source": {"paypal": {"name": {"given_name": "John", "surname": "Doe"}, "email_address": "customer@example.com", "account_id": "QYR5Z8XDVJNXQ"}},
        "purchase_units": [{
            "reference_id": "d9f80740-38f0-11e8-b467-0ed5f89f718b",
            "payments": {"captures": [{
                "id": CAPTURE_ID,
                "status": "COMPLETED",
                "amount": amount,
                "seller_protection": {"status": "ELIGIBLE", "dispute_categories": ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"]},
                "final_capture": true,
                "disbursement_mode": "INSTANT",
                "create_time": "2018-04-01T21:20:49Z",
                "update_time": "2018-04-01T21:20:49Z",
                "links": [{"href": format!("https://api-m.paypal.com/v2/payments/captures/{CAPTURE_ID}"), "rel": "self", "method": "GET"}]
            }]}
        }],
        "payer": {"name": {"given_name": "John", "surname": "Doe"}, "email_address": "customer@example.com", "payer_id": "QYR5Z8XDVJNXQ"},
        "links": [{"href": format!("https://api-m.paypal.com/v2/checkout/orders/{id}"), "rel": "self", "method": "GET"}]
    })
}

/// A fake PayPal on a port of its own.
pub(crate) struct FakePaypal {
    pub(crate) base: Url,
    pub(crate) shared: Arc<Shared>,
}

pub(crate) type SharedState = State<Arc<Shared>>;

impl FakePaypal {
    pub(crate) async fn start() -> Self {
        let shared = Arc::new(Shared::default());
        let router =
            Router::new()
                .route(
                    "/v1/oauth2/token",
                    any(|State(s): SharedState, method: Method, headers: HeaderMap, body: Bytes| async move {
                        s.token(&method, &headers, &body)
                    }),
                )
                .route(
                    "/v2/checkout/orders/{id}/capture",
                    any(
                        |State(s): SharedState,
                         Path(id): Path<String>,
                         method: Method,
                         headers: HeaderMap,
                         body: Bytes| async move { s.capture(&id, &method, &headers, &body) },
                    ),
                )
                .route(
                    "/v2/payments/captures/{id}/refund",
                    any(
                        |State(s): SharedState,
                         Path(id): Path<String>,
                         method: Method,
                         headers: HeaderMap,
                         body: Bytes| async move { s.refund(&id, &method, &headers, &body) },
                    ),
                )
                .route(
                    "/v1/payments/payouts",
                    any(|State(s): SharedState, method: Method, headers: HeaderMap, body: Bytes| async move {
                        s.payouts(&method, &headers, &body)
                    }),
                )
                .route(
                    "/v1/notifications/verify-webhook-signature",
                    any(|State(s): SharedState, method: Method, headers: HeaderMap, body: Bytes| async move {
                        s.verify(&method, &headers, &body)
                    }),
                )
                .fallback(|State(s): SharedState, method: Method, uri: Uri| async move {
                    s.problem(format!("unexpected {method} {uri}"));
                    answer(StatusCode::NOT_FOUND, json!({"name": "NOT_FOUND", "message": "Not found"}).to_string())
                })
                .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let base = Url::parse(&format!("http://{}", listener.local_addr().expect("has an address"))).expect("a URL");
        tokio::spawn(async move { axum::serve(listener, router).await.expect("serves") });
        Self { base, shared }
    }

    pub(crate) fn provider(&self) -> PaypalProvider {
        provider(self.base.clone())
    }

    /// An order the buyer approved for `value` in `currency_code`.
    pub(crate) fn approved_order(&self, id: &str, value: &str, currency_code: &str) {
        lock(&self.shared.orders).insert(id.to_owned(), json!({"currency_code": currency_code, "value": value}));
    }

    /// Answers requests to `endpoint` with `status` and `body` from now on.
    pub(crate) fn answer(&self, endpoint: &'static str, status: StatusCode, body: impl ToString) {
        lock(&self.shared.canned).insert(endpoint, (status, body.to_string()));
    }

    pub(crate) fn tokens_expire_in(&self, seconds: u64) {
        lock(&self.shared.tokens).expires_in = seconds;
    }

    /// Every token issued so far stops working, as when PayPal revokes them.
    pub(crate) fn revoke_tokens(&self) {
        lock(&self.shared.tokens).valid.clear();
    }

    /// What was received, once it is known that PayPal would have accepted all of it.
    pub(crate) fn requests(&self) -> Vec<Seen> {
        let problems = lock(&self.shared.problems).clone();
        assert!(problems.is_empty(), "requests PayPal would refuse: {problems:#?}");
        lock(&self.shared.seen).clone()
    }

    pub(crate) fn paths(&self) -> Vec<String> {
        self.requests().into_iter().map(|seen| seen.path).collect()
    }
}
