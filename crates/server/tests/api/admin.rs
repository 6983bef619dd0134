//! The admin API: hidden from everyone but admins; suspending, banning and
//! restoring users, with immediate effect on their tokens and sockets;
//! settings; and the audit log of it all.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp, TestUser, expect_error};

impl TestApp {
    /// A logged-in administrator.
    pub async fn admin(&self) -> TestUser {
        let email = format!("admin-{}@example.com", uuid::Uuid::now_v7().simple());
        self.services.accounts.create_admin(&email, PASSWORD, "Ada Admin").await.expect("admin created");
        let session: Value = self.login(&email, PASSWORD).await.json().await.expect("json");
        TestUser {
            id: session["user"]["id"].as_str().expect("id").to_owned(),
            access: session["access_token"].as_str().expect("access").to_owned(),
            refresh: session["refresh_token"].as_str().expect("refresh").to_owned(),
            email,
        }
    }

    pub async fn send(&self, method: Method, path: &str, body: Value, token: Option<&str>) -> reqwest::Response {
        let mut req = self.http.request(method, self.url(path)).json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    async fn audit_actions(&self, admin: &TestUser, query: &str) -> Vec<String> {
        let page = self.json(&format!("/api/admin/audit-log{query}"), Some(&admin.access)).await;
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|e| e["action"].as_str().expect("action").to_owned())
            .collect()
    }
}

#[tokio::test]
async fn every_admin_route_is_not_found_for_anyone_but_admins() {
    let app = TestApp::spawn().await;
    let freelancer = app.signup("freelancer").await;
    let client = app.signup("client").await;
    let target = app.signup("freelancer").await.id;
    let job = crate::market::id(&app.post_job(&client, crate::market::fixed_job(json!({}))).await);
    let routes = [
        (Method::GET, "/api/admin/users".to_owned(), json!(null)),
        (Method::GET, format!("/api/admin/users/{target}"), json!(null)),
        (
            Method::POST,
            format!("/api/admin/users/{target}/suspend"),
            json!({"until": "2099-01-01T00:00:00Z", "reason": "x"}),
        ),
        (Method::POST, format!("/api/admin/users/{target}/ban"), json!({"reason": "x"})),
        (Method::POST, format!("/api/admin/users/{target}/lift"), json!({"reason": "x"})),
        (Method::GET, "/api/admin/settings".to_owned(), json!(null)),
        (Method::PUT, "/api/admin/settings".to_owned(), json!({"reason": "x"})),
        (Method::GET, "/api/admin/audit-log".to_owned(), json!(null)),
        (Method::GET, "/api/admin/reports".to_owned(), json!(null)),
        (Method::POST, format!("/api/admin/reports/{target}/resolve"), json!({"outcome": "resolved", "note": "x"})),
        (Method::GET, "/api/admin/announcements".to_owned(), json!(null)),
        (
            Method::POST,
            "/api/admin/announcements".to_owned(),
            json!({"audience": "all", "title": "Hello", "body": "x"}),
        ),
        (Method::GET, "/api/admin/metrics".to_owned(), json!(null)),
        (Method::GET, "/api/admin/jobs".to_owned(), json!(null)),
        (Method::POST, format!("/api/admin/jobs/{job}/hide"), json!({"reason": "x"})),
        (Method::POST, format!("/api/admin/jobs/{job}/close"), json!({"reason": "x"})),
        (Method::POST, format!("/api/admin/jobs/{job}/restore"), json!({"reason": "x"})),
        (Method::GET, "/api/admin/payments/transactions".to_owned(), json!(null)),
        (Method::GET, "/api/admin/payments/payouts".to_owned(), json!(null)),
        (Method::POST, "/api/admin/payments/refunds".to_owned(), json!({"milestone_id": target, "reason": "x"})),
        (Method::GET, "/api/admin/invites".to_owned(), json!(null)),
        (Method::POST, "/api/admin/invites".to_owned(), json!({"note": "x"})),
    ];
    let before = app.snapshot().await;
    for (method, path, body) in &routes {
        for token in [Some(freelancer.access.as_str()), Some(client.access.as_str()), None, Some("not-a-token")] {
            let res = app.send(method.clone(), path, body.clone(), token).await;
            expect_error(res, StatusCode::NOT_FOUND, "route_not_found").await;
        }
    }
    assert_eq!(app.snapshot().await, before, "nothing changed");
    // The admin gets through.
    let admin = app.admin().await;
    assert_eq!(app.get("/api/admin/users", Some(&admin.access)).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_banned_user_is_locked_out_at_once_and_their_socket_closes() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.signup("freelancer").await;
    let mut socket = app.socket(&user.access).await;
    assert_eq!(app.get("/api/users/profile", Some(&user.access)).await.status(), StatusCode::OK);

    let res = app
        .post(&format!("/api/admin/users/{}/ban", user.id), json!({"reason": "  fraud  "}), Some(&admin.access))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let banned_at = Instant::now();
    let view: Value = res.json().await.expect("json");
    assert_eq!(view["standing"], "banned");
    assert_eq!(view["moderation_reason"], "fraud");

    let res = app.get("/api/users/profile", Some(&user.access)).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "invalid_token").await;
    assert!(banned_at.elapsed() < Duration::from_secs(1), "refused within a second");
    socket.next("close").await;
    let res = app.post("/api/auth/refresh", json!({"refresh_token": user.refresh}), None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    expect_error(app.login(&user.email, PASSWORD).await, StatusCode::FORBIDDEN, "account_banned").await;
    assert!(crate::sockets::connect_to(&app.base, json!({"token": user.access})).await.is_err());

    let entries = app.json(&format!("/api/admin/audit-log?subject_id={}", user.id), Some(&admin.access)).await;
    assert_eq!(entries["items"][0]["action"], "user.ban");
    assert_eq!(entries["items"][0]["actor_id"], admin.id.as_str());
    assert_eq!(entries["items"][0]["reason"], "fraud");

    let res = app
        .post(&format!("/api/admin/users/{}/lift", user.id), json!({"reason": "appeal upheld"}), Some(&admin.access))
        .await;
    assert_eq!(res.json::<Value>().await.expect("json")["standing"], "active");
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_suspended_user_is_restored_when_the_suspension_ends() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.signup("client").await;
    let until = chrono::Utc::now() + chrono::Duration::milliseconds(1500);
    let body = json!({"until": until, "reason": "cooling off"});
    let res = app.post(&format!("/api/admin/users/{}/suspend", user.id), body, Some(&admin.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    expect_error(app.get("/api/users/profile", Some(&user.access)).await, StatusCode::UNAUTHORIZED, "invalid_token")
        .await;
    expect_error(app.login(&user.email, PASSWORD).await, StatusCode::FORBIDDEN, "account_suspended").await;
    let locked = app.json("/api/admin/users?locked_out=true", Some(&admin.access)).await;
    assert_eq!(locked["items"][0]["id"], user.id.as_str());

    tokio::time::sleep(Duration::from_millis(1600)).await;
    let res = app.login(&user.email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK, "restored when the time passed");
    let view = app.json(&format!("/api/admin/users/{}", user.id), Some(&admin.access)).await;
    assert_eq!(view["standing"], "active");
}

#[tokio::test]
async fn moderation_needs_a_reason_a_future_end_and_a_non_admin() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let other_admin = app.admin().await;
    let user = app.signup("client").await;
    let path = |id: &str, what: &str| format!("/api/admin/users/{id}/{what}");
    let res = app.post(&path(&user.id, "ban"), json!({"reason": " "}), Some(&admin.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let past = json!({"until": "2020-01-01T00:00:00Z", "reason": "late"});
    expect_error(
        app.post(&path(&user.id, "suspend"), past, Some(&admin.access)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let res = app.post(&path(&other_admin.id, "ban"), json!({"reason": "coup"}), Some(&admin.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "cannot_moderate_admin").await;
    let nobody = uuid::Uuid::now_v7().to_string();
    expect_error(
        app.post(&path(&nobody, "ban"), json!({"reason": "x"}), Some(&admin.access)).await,
        StatusCode::NOT_FOUND,
        "user_not_found",
    )
    .await;
    assert_eq!(app.audit_actions(&admin, "").await, Vec::<String>::new(), "refusals are not actions");
}

#[tokio::test]
async fn settings_change_with_a_reason_and_the_audit_log_keeps_before_and_after() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let current = app.json("/api/admin/settings", Some(&admin.access)).await;
    assert_eq!(current["client_fee_bps"], 500);

    let mut wanted = current.clone();
    wanted["client_fee_bps"] = json!(300);
    wanted["reason"] = json!("holiday promotion");
    let res = app.put("/api/admin/settings", wanted.clone(), &admin.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.json("/api/admin/settings", Some(&admin.access)).await["client_fee_bps"], 300);
    let checkout = app.json("/api/payments/checkout", Some(&admin.access)).await;
    assert_eq!(checkout["client_fee_bps"], 300, "in force at once");

    let mut bad = wanted.clone();
    bad["freelancer_fee_bps"] = json!(20_000);
    let res = app.put("/api/admin/settings", bad, &admin.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let log = app.json("/api/admin/audit-log?action=settings.", Some(&admin.access)).await;
    assert_eq!(log["items"].as_array().expect("items").len(), 1);
    assert_eq!(log["items"][0]["details"]["before"]["client_fee_bps"], 500);
    assert_eq!(log["items"][0]["details"]["after"]["client_fee_bps"], 300);
    assert_eq!(log["items"][0]["reason"], "holiday promotion");
}
