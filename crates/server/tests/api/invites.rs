//! Platform settings for postings and sign-up: how long a job stays open,
//! and invite-only sign-up with codes from admins and from friends, each
//! used once before it runs out.

use chrono::{DateTime, Duration, Utc};
use futures::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, id, ids};
use crate::support::{PASSWORD, TestApp, TestUser, expect_error};

impl TestApp {
    /// Changes some platform settings as `admin`, keeping the others.
    async fn change_settings(&self, admin: &TestUser, changes: Value) -> reqwest::Response {
        let mut settings = self.json("/api/admin/settings", Some(&admin.access)).await;
        for (key, value) in changes.as_object().expect("changes") {
            settings[key] = value.clone();
        }
        settings["reason"] = json!("testing the settings");
        self.put("/api/admin/settings", settings, &admin.access).await
    }

    async fn invite_only(&self, admin: &TestUser) {
        let res = self.change_settings(admin, json!({"signup_mode": "invite_only"})).await;
        assert_eq!(res.status(), StatusCode::OK);
    }

    async fn signup_with(&self, email: &str, code: Option<&str>) -> reqwest::Response {
        let body =
            json!({"email": email, "password": PASSWORD, "name": "Invited", "role": "freelancer", "invite_code": code});
        self.post("/api/users/signup", body, None).await
    }

    /// An admin's invitation code; returns it.
    async fn admin_invite(&self, admin: &TestUser, body: Value) -> Value {
        let res = self.post("/api/admin/invites", body, Some(&admin.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "inviting");
        res.json().await.expect("json")
    }
}

fn email() -> String {
    format!("invited-{}@example.com", uuid::Uuid::now_v7().simple())
}

fn open_for(job: &Value) -> Duration {
    let at = |key: &str| job[key].as_str().expect(key).parse::<DateTime<Utc>>().expect("time");
    at("expires_at") - at("posted_at")
}

#[tokio::test]
async fn job_open_days_sets_how_long_a_published_or_reopened_job_takes_proposals() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.signup("client").await;
    let before = app.post_job(&client, fixed_job(json!({}))).await;
    assert_eq!(open_for(&before), Duration::days(30), "the default");

    assert_eq!(app.change_settings(&admin, json!({"job_open_days": 7})).await.status(), StatusCode::OK);
    assert_eq!(open_for(&app.post_job(&client, fixed_job(json!({}))).await), Duration::days(7));
    let draft = app.post_job(&client, fixed_job(json!({"draft": true}))).await;
    let res = app.post(&format!("/api/jobs/{}/publish", id(&draft)), json!({}), Some(&client.access)).await;
    assert_eq!(open_for(&res.json().await.expect("json")), Duration::days(7), "published");
    let path = |what: &str| format!("/api/jobs/{}/{what}", id(&before));
    assert_eq!(app.post(&path("close"), json!({}), Some(&client.access)).await.status(), StatusCode::OK);
    let res = app.post(&path("reopen"), json!({}), Some(&client.access)).await;
    assert_eq!(open_for(&res.json().await.expect("json")), Duration::days(7), "reopened");

    for days in [0, 366] {
        let res = app.change_settings(&admin, json!({"job_open_days": days})).await;
        let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(body["error"]["fields"]["job_open_days"].is_string(), "{body}");
    }
    let res = app.change_settings(&admin, json!({"signup_mode": "closed"})).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.put("/api/admin/settings", json!({"open_days": 9, "reason": "typo"}), &admin.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // A change names only what changes; the rest stays as it is.
    let res =
        app.put("/api/admin/settings", json!({"client_fee_bps": 400, "reason": "promotion"}), &admin.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let settings = app.json("/api/admin/settings", Some(&admin.access)).await;
    assert_eq!((settings["job_open_days"].as_u64(), settings["client_fee_bps"].as_u64()), (Some(7), Some(400)));
}

#[tokio::test]
async fn invite_only_sign_up_needs_an_unused_unexpired_code_meant_for_the_address() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    assert_eq!(app.signup_with(&email(), None).await.status(), StatusCode::CREATED, "open by default");
    app.invite_only(&admin).await;

    let body =
        expect_error(app.signup_with(&email(), None).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    assert!(body["error"]["fields"]["invite_code"].is_string(), "{body}");
    expect_error(
        app.signup_with(&email(), Some("no-such-code")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let invite = app.admin_invite(&admin, json!({"note": "beta testers"})).await;
    let code = invite["code"].as_str().expect("code");
    assert_eq!(invite["by_admin"], true);
    let first = email();
    let res = app.signup_with(&first, Some(code)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let user: Value = res.json().await.expect("json");
    expect_error(app.signup_with(&email(), Some(code)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;

    // A code mailed to an address works for that address only.
    let ada = email();
    let mailed = app.admin_invite(&admin, json!({"email": ada.to_uppercase(), "note": "speaker"})).await;
    let code = mailed["code"].as_str().expect("code");
    assert_eq!(mailed["email"], ada.as_str());
    let mails = app.mails_to(&ada).await;
    let mail = mails.last().expect("the invitation was mailed");
    assert!(mail.contains(&format!("/signup?invite={code}")), "the link fills in the code: {mail}");
    expect_error(app.signup_with(&email(), Some(code)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(app.signup_with(&ada, Some(code)).await.status(), StatusCode::CREATED);

    // An expired code is refused.
    let old = app.admin_invite(&admin, json!({"note": "last year's meetup"})).await;
    {
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        use store::entity::invite_code as row;
        row::Entity::update_many()
            .col_expr(row::Column::ExpiresAt, Expr::value(Utc::now() - Duration::minutes(1)))
            .filter(row::Column::Code.eq(old["code"].as_str().expect("code")))
            .exec(&app.db)
            .await
            .expect("the code ran out");
    }
    expect_error(
        app.signup_with(&email(), old["code"].as_str()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let listed = app.json("/api/admin/invites", Some(&admin.access)).await;
    assert_eq!(ids(&listed), vec![id(&old), id(&mailed), id(&invite)], "newest first");
    assert_eq!(listed["items"][2]["used_by"], user["user"]["id"]);
    let log = app.json("/api/admin/audit-log?action=invite.", Some(&admin.access)).await;
    assert_eq!(log["items"].as_array().expect("items").len(), 3);
    assert_eq!(log["items"][2]["reason"], "beta testers");
    let res = app.post("/api/admin/invites", json!({"note": " "}), Some(&admin.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn a_user_invites_friends_by_email_with_at_most_twenty_codes_unused() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.signup("client").await;
    app.invite_only(&admin).await;
    let friend = email();
    let res = app.post("/api/invites", json!({"email": friend}), Some(&user.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let invite: Value = res.json().await.expect("json");
    let code = invite["code"].as_str().expect("code").to_owned();
    assert_eq!((invite["by_admin"].as_bool(), invite["created_by"].as_str()), (Some(false), Some(user.id.as_str())));
    let expires: DateTime<Utc> = invite["expires_at"].as_str().expect("expiry").parse().expect("time");
    assert!((expires - Utc::now() - Duration::days(14)).num_seconds().abs() < 60, "good for 14 days");
    assert!(app.mails_to(&friend).await.last().expect("mailed").contains(&code));

    for _ in 1..20 {
        let res = app.post("/api/invites", json!({"email": email()}), Some(&user.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let res = app.post("/api/invites", json!({"email": email()}), Some(&user.access)).await;
    expect_error(res, StatusCode::CONFLICT, "too_many_invites").await;
    assert_eq!(ids(&app.json("/api/invites?limit=100", Some(&user.access)).await).len(), 20);

    // A used code makes room for another.
    assert_eq!(app.signup_with(&friend, Some(&code)).await.status(), StatusCode::CREATED);
    let res = app.post("/api/invites", json!({"email": email()}), Some(&user.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let res = app.post("/api/invites", json!({"email": "not an address"}), Some(&user.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    expect_error(
        app.post("/api/invites", json!({"email": email()}), None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    assert_eq!(app.json("/api/invites", Some(&admin.access)).await["items"], json!([]), "each sees their own");
}

#[tokio::test]
async fn of_simultaneous_sign_ups_with_one_code_one_wins() {
    let app = TestApp::spawn_with(|config| config.database_max_connections = 16).await;
    let admin = app.admin().await;
    app.invite_only(&admin).await;
    let invite = app.admin_invite(&admin, json!({"note": "one seat"})).await;
    let code = invite["code"].as_str().expect("code");
    let users_before = app.count("users").await;
    let emails: Vec<String> = (0..8).map(|_| email()).collect();
    let statuses = join_all(emails.iter().map(|e| async { app.signup_with(e, Some(code)).await.status() })).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(app.count("users").await, users_before + 1);
}
