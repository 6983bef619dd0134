//! Access tokens and refresh-token rotation.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{JWT_SECRET, TestApp, expect_error};

fn sign(claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(&Header::default(), claims, &EncodingKey::from_secret(secret.as_bytes())).expect("signs")
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("payload");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json")
}

#[tokio::test]
async fn expired_tampered_forged_and_unsigned_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let mut claims = claims_of(&user.access);
    let now = chrono::Utc::now().timestamp();

    claims["exp"] = json!(now - 60);
    let expired = sign(&claims, JWT_SECRET);

    claims["exp"] = json!(now + 600);
    let forged = sign(&claims, "some other secret that is long enough");

    let mut parts: Vec<String> = user.access.split('.').map(str::to_owned).collect();
    let mut tampered_claims = claims_of(&user.access);
    tampered_claims["sub"] = json!(uuid::Uuid::now_v7().to_string());
    parts[1] = URL_SAFE_NO_PAD.encode(tampered_claims.to_string());
    let tampered = parts.join(".");

    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let unsigned = format!("{none_header}.{}.", URL_SAFE_NO_PAD.encode(claims.to_string()));

    for token in [expired, forged, tampered, unsigned, "garbage".to_owned()] {
        let res = app.get("/api/users/profile", Some(&token)).await;
        expect_error(res, StatusCode::UNAUTHORIZED, "invalid_token").await;
    }
    let res =
        app.http.get(app.url("/api/users/profile")).header("authorization", "Basic abc").send().await.expect("sent");
    expect_error(res, StatusCode::UNAUTHORIZED, "invalid_token").await;
    expect_error(app.get("/api/users/profile", None).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(app.get("/api/users/profile", Some(&user.access)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn refresh_rotates_the_pair() {
    let app = TestApp::spawn().await;
    let user = app.signup("client").await;
    let res = app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.expect("json");
    let new_refresh = body["refresh_token"].as_str().expect("refresh");
    assert_ne!(new_refresh, user.refresh);
    let access = body["access_token"].as_str().expect("access");
    assert_eq!(app.get("/api/users/profile", Some(access)).await.status(), StatusCode::OK);
    let again = app.post("/api/auth/refresh", json!({"refresh_token": new_refresh}), None).await;
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn reusing_a_refresh_token_ends_the_whole_session() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let first: Value =
        app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await.json().await.expect("json");
    let stolen_reuse = app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await;
    expect_error(stolen_reuse, StatusCode::UNAUTHORIZED, "session_ended").await;

    // The legitimate holder's newer tokens die with the family.
    let newer = app.post("/api/auth/refresh", json!({"refresh_token": first["refresh_token"]}), None).await;
    expect_error(newer, StatusCode::UNAUTHORIZED, "session_ended").await;
    let access = first["access_token"].as_str().expect("access");
    expect_error(app.get("/api/users/profile", Some(access)).await, StatusCode::UNAUTHORIZED, "invalid_token").await;

    // Other sessions of the same user live on.
    let other: Value = app.login(&user.email, crate::support::PASSWORD).await.json().await.expect("json");
    let other_access = other["access_token"].as_str().expect("access");
    assert_eq!(app.get("/api/users/profile", Some(other_access)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn concurrent_refreshes_with_one_token_cannot_both_succeed() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let body = json!({"refresh_token": user.refresh});
    let (a, b) =
        tokio::join!(app.post("/api/auth/refresh", body.clone(), None), app.post("/api/auth/refresh", body, None));
    let ok = [a.status(), b.status()].iter().filter(|s| **s == StatusCode::OK).count();
    assert!(ok <= 1, "both refreshes succeeded");
}

#[tokio::test]
async fn unknown_refresh_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let res = app.post("/api/auth/refresh", json!({"refresh_token": "made-up"}), None).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "session_ended").await;
}

#[tokio::test]
async fn logout_ends_the_session_and_its_access_tokens() {
    let app = TestApp::spawn().await;
    let user = app.signup("client").await;
    let res = app.post("/api/auth/logout", json!({"refresh_token": user.refresh}), None).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    expect_error(app.get("/api/users/profile", Some(&user.access)).await, StatusCode::UNAUTHORIZED, "invalid_token")
        .await;
    let refresh = app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await;
    expect_error(refresh, StatusCode::UNAUTHORIZED, "session_ended").await;
}

#[tokio::test]
async fn logout_by_access_token_alone() {
    let app = TestApp::spawn().await;
    let user = app.signup("client").await;
    let res = app.post("/api/auth/logout", json!({}), Some(&user.access)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    expect_error(app.get("/api/users/profile", Some(&user.access)).await, StatusCode::UNAUTHORIZED, "invalid_token")
        .await;
}
