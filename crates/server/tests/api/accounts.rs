//! Sign-up, login, rate limits, e-mail verification and password reset.

use reqwest::StatusCode;
use serde_json::{Value, json};
use server::config::Config;

use crate::support::{PASSWORD, TestApp, expect_error};

#[tokio::test]
async fn signup_answers_with_the_documented_contract() {
    let app = TestApp::spawn().await;
    let body = json!({"email": "Ann@Example.com", "password": PASSWORD, "name": " Ann ", "role": "freelancer"});
    let res = app.post("/api/users/signup", body, None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.expect("json");
    let keys: Vec<_> = body.as_object().expect("object").keys().cloned().collect();
    assert_eq!(keys, vec!["access_token", "refresh_token", "user"]);
    let user = &body["user"];
    assert_eq!(user["email"], "ann@example.com");
    assert_eq!(user["name"], "Ann");
    assert_eq!(user["role"], "freelancer");
    let id: uuid::Uuid = user["id"].as_str().expect("id").parse().expect("uuid");
    assert_eq!(id.get_version_num(), 7);
    assert!(body["access_token"].as_str().is_some_and(|t| t.split('.').count() == 3));
}

#[tokio::test]
async fn login_answers_with_the_same_shape_and_a_working_token() {
    let app = TestApp::spawn().await;
    let user = app.signup_as("bob@example.com", "client").await;
    let res = app.login("BOB@example.com", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["user"]["id"], user.id.as_str());
    assert_eq!(body["user"]["role"], "client");
    let token = body["access_token"].as_str().expect("token");
    let profile: Value = app.get("/api/users/profile", Some(token)).await.json().await.expect("json");
    assert_eq!(profile["email"], "bob@example.com");
}

#[tokio::test]
async fn a_taken_email_is_a_conflict_whatever_its_case() {
    let app = TestApp::spawn().await;
    app.signup_as("carol@example.com", "freelancer").await;
    let before = app.snapshot().await;
    let body = json!({"email": "CAROL@example.com", "password": PASSWORD, "name": "Other", "role": "client"});
    expect_error(app.post("/api/users/signup", body, None).await, StatusCode::CONFLICT, "email_taken").await;
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.signup_as("dan@example.com", "freelancer").await;
    let wrong = expect_error(
        app.login("dan@example.com", "not the password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let unknown =
        expect_error(app.login("nobody@example.com", PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials")
            .await;
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn signup_reports_every_invalid_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let before = app.snapshot().await;
    let body = json!({"email": "not-an-email", "password": "short", "name": "", "role": "admin"});
    let err = expect_error(
        app.post("/api/users/signup", body, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<_> = err["error"]["fields"].as_object().expect("fields").keys().cloned().collect();
    assert_eq!(fields, vec!["email", "name", "password", "role"]);
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn repeated_failed_logins_for_one_account_are_throttled() {
    let app = TestApp::spawn().await;
    app.signup_as("erin@example.com", "freelancer").await;
    for _ in 0..10 {
        assert_eq!(app.login("erin@example.com", "guess").await.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app.login("erin@example.com", PASSWORD).await;
    let retry_after: u64 = res.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    expect_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Another account from the same address is unaffected.
    app.signup_as("frank@example.com", "client").await;
    assert_eq!(app.login("frank@example.com", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn one_address_trying_many_accounts_is_throttled() {
    let app = TestApp::spawn_with(|c: &mut Config| c.login.address_burst = 3).await;
    for n in 0..3 {
        let status = app.login(&format!("user{n}@example.com"), PASSWORD).await.status();
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let res = app.login("user4@example.com", PASSWORD).await;
    assert!(res.headers().contains_key("retry-after"));
    expect_error(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn the_verification_email_confirms_the_address_once() {
    let app = TestApp::spawn().await;
    let user = app.signup_as("gina@example.com", "freelancer").await;
    let profile: Value = app.get("/api/users/profile", Some(&user.access)).await.json().await.expect("json");
    assert_eq!(profile["email_verified"], false);

    let token = app.mailed_token("gina@example.com", "/verify-email").await;
    let res = app.post("/api/auth/verify-email", json!({"token": token}), None).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let profile: Value = app.get("/api/users/profile", Some(&user.access)).await.json().await.expect("json");
    assert_eq!(profile["email_verified"], true);

    let again = app.post("/api/auth/verify-email", json!({"token": token}), None).await;
    expect_error(again, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn a_password_reset_sets_the_new_password_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let user = app.signup_as("hana@example.com", "client").await;

    let res = app.post("/api/auth/password-reset", json!({"email": "hana@example.com"}), None).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let token = app.mailed_token("hana@example.com", "/reset-password").await;

    let weak = app.post("/api/auth/password-reset/confirm", json!({"token": token, "password": "short"}), None).await;
    expect_error(weak, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let body = json!({"token": token, "password": "a brand new password"});
    let res = app.post("/api/auth/password-reset/confirm", body.clone(), None).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    assert_eq!(app.login("hana@example.com", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("hana@example.com", "a brand new password").await.status(), StatusCode::OK);
    expect_error(app.get("/api/users/profile", Some(&user.access)).await, StatusCode::UNAUTHORIZED, "invalid_token")
        .await;
    let refresh = app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await;
    expect_error(refresh, StatusCode::UNAUTHORIZED, "session_ended").await;
    let reused = app.post("/api/auth/password-reset/confirm", body, None).await;
    expect_error(reused, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing() {
    let app = TestApp::spawn().await;
    let res = app.post("/api/auth/password-reset", json!({"email": "ghost@example.com"}), None).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert!(app.mails_to("ghost@example.com").await.is_empty());
}
