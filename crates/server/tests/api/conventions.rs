//! The API's shared conventions: error shape, limits, headers, operations
//! endpoints, pagination and the committed OpenAPI document.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn every_kind_of_malformed_request_gets_the_error_shape_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let before = app.snapshot().await;
    let signup = app.url("/api/users/signup");
    let raw = |body: &'static str, content_type: &'static str| {
        app.http.post(signup.clone()).header("content-type", content_type).body(body).send()
    };

    expect_error(
        raw("{\"email\": ", "application/json").await.expect("sent"),
        StatusCode::BAD_REQUEST,
        "malformed_json",
    )
    .await;
    expect_error(raw("", "application/json").await.expect("sent"), StatusCode::BAD_REQUEST, "malformed_json").await;
    expect_error(raw("{} {}", "application/json").await.expect("sent"), StatusCode::BAD_REQUEST, "malformed_json")
        .await;
    expect_error(
        raw("email=a", "application/x-www-form-urlencoded").await.expect("sent"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;

    let missing = expect_error(
        raw(r#"{"email": "a@b.co"}"#, "application/json").await.expect("sent"),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(missing["error"]["fields"]["password"].is_string(), "{missing}");
    let wrong_type = expect_error(
        raw(r#"{"email": 5, "password": "x", "name": "n", "role": "client"}"#, "application/json").await.expect("sent"),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(wrong_type["error"]["fields"]["email"].is_string(), "{wrong_type}");
    expect_error(
        raw("[1, 2]", "application/json").await.expect("sent"),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    expect_error(
        raw("null", "application/json").await.expect("sent"),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let huge = format!(
        r#"{{"email": "a@b.co", "password": "{}", "name": "n", "role": "client"}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let res =
        app.http.post(signup.clone()).header("content-type", "application/json").body(huge).send().await.expect("sent");
    expect_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;

    let long_password = json!({"email": "a@b.co", "password": "x".repeat(129), "name": "n", "role": "client"});
    expect_error(
        app.post("/api/users/signup", long_password, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let nul_email = json!({"email": "a\u{0}@b.co", "password": "long enough", "name": "n", "role": "client"});
    expect_error(
        app.post("/api/users/signup", nul_email, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let user = app.signup("freelancer").await;
    let counts_with_user = app.snapshot().await;
    let unknown_field = json!({"name": "n", "is_admin": true});
    expect_error(
        app.put("/api/users/profile", unknown_field, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let bad_money = json!({"name": "n", "freelancer": {"hourly_rate": {"amount": 12.5, "currency": "usd"}}});
    expect_error(
        app.put("/api/users/profile", bad_money, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let bad_currency = json!({"name": "n", "freelancer": {"hourly_rate": {"amount": 1250, "currency": "doge"}}});
    expect_error(
        app.put("/api/users/profile", bad_currency, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let bad_date =
        json!({"name": "n", "freelancer": {"experience": [{"title": "t", "company": "c", "start_date": "yesterday"}]}});
    expect_error(
        app.put("/api/users/profile", bad_date, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(app.snapshot().await, counts_with_user);
    assert_eq!(counts_with_user[0], before[0] + 1, "only the one deliberate signup was written");
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_answer_in_the_error_shape() {
    let app = TestApp::spawn().await;
    expect_error(app.get("/api/no-such-thing", None).await, StatusCode::NOT_FOUND, "route_not_found").await;
    expect_error(app.get("/api", None).await, StatusCode::NOT_FOUND, "route_not_found").await;
    let res = app.http.delete(app.url("/api/users/signup")).send().await.expect("sent");
    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let res = app.http.get(app.url("/api/users/login")).send().await.expect("sent");
    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test]
async fn responses_carry_a_request_id_and_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.get("/healthz", None).await;
    let id = res.headers()["x-request-id"].to_str().expect("ascii").to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    for header in ["x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy"] {
        assert!(res.headers().contains_key(header), "missing {header}");
    }
    let res = app.http.get(app.url("/healthz")).header("x-request-id", "trace-me-123").send().await.expect("sent");
    assert_eq!(res.headers()["x-request-id"], "trace-me-123");
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let app = TestApp::spawn().await;
    let health: Value = app.get("/healthz", None).await.json().await.expect("json");
    assert_eq!(health["status"], "ok");
    let ready: Value = app.get("/readyz", None).await.json().await.expect("json");
    assert_eq!(ready["status"], "ready");
    app.get("/api/skills", None).await;
    let metrics = app.get("/metrics", None).await.text().await.expect("text");
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    assert!(metrics.contains("route=\"/api/skills\""), "{metrics}");
}

#[tokio::test]
async fn cors_is_off_by_default_and_on_for_configured_origins() {
    let app = TestApp::spawn().await;
    let res = app.http.get(app.url("/healthz")).header("origin", "https://evil.example").send().await.expect("sent");
    assert!(!res.headers().contains_key("access-control-allow-origin"));

    let app = TestApp::spawn_with(|c| c.cors_origins = vec!["https://app.example".into()]).await;
    let res = app
        .http
        .request(reqwest::Method::OPTIONS, app.url("/api/users/login"))
        .header("origin", "https://app.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.headers()["access-control-allow-origin"], "https://app.example");
}

#[tokio::test]
async fn skills_page_through_with_cursors() {
    let app = TestApp::spawn().await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/skills?limit=40&cursor={c}"),
            None => "/api/skills?limit=40".to_owned(),
        };
        let page: Value = app.get(&path, None).await.json().await.expect("json");
        let items = page["items"].as_array().expect("items");
        assert!(items.len() <= 40);
        seen.extend(items.iter().map(|s| s["slug"].as_str().expect("slug").to_owned()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen, sorted, "ordered, no duplicates");
    assert!(seen.len() > 100, "the taxonomy is seeded: {}", seen.len());

    let filtered: Value = app.get("/api/skills?q=SQL", None).await.json().await.expect("json");
    let names: Vec<_> =
        filtered["items"].as_array().expect("items").iter().map(|s| s["name"].as_str().expect("name")).collect();
    assert!(names.contains(&"PostgreSQL") && names.contains(&"MySQL"), "{names:?}");

    expect_error(app.get("/api/skills?limit=0", None).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    expect_error(app.get("/api/skills?limit=101", None).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    expect_error(app.get("/api/skills?limit=abc", None).await, StatusCode::BAD_REQUEST, "invalid_query").await;
    expect_error(app.get("/api/skills?cursor=forged!", None).await, StatusCode::BAD_REQUEST, "invalid_query").await;
}

#[tokio::test]
async fn the_openapi_document_is_served_and_matches_the_committed_file() {
    let app = TestApp::spawn().await;
    let served: Value = app.get("/api/openapi.json", None).await.json().await.expect("json");
    assert_eq!(served["openapi"], "3.1.0");
    for route in [
        "/api/users/signup",
        "/api/users/login",
        "/api/users/profile",
        "/api/users/{id}",
        "/api/auth/refresh",
        "/api/files",
    ] {
        assert!(served["paths"].get(route).is_some(), "{route} is documented");
    }
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi.json");
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(committed_path).expect("openapi.json is committed"))
            .expect("json");
    assert!(served == committed, "openapi.json is out of date: run `make openapi` and commit it");

    let docs = app.get("/api/docs/", None).await;
    assert_eq!(docs.status(), StatusCode::OK);
    let html = docs.text().await.expect("html");
    assert!(html.contains("swagger-ui"), "docs page is Swagger UI");
    assert!(!html.contains("https://"), "the docs load nothing from the internet");
    let bundle = app.get("/api/docs/swagger-ui-bundle.js", None).await;
    assert_eq!(bundle.status(), StatusCode::OK, "the viewer's assets are bundled");
}
