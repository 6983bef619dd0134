//! Own and public profiles, and who may change them.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::files::upload;
use crate::support::{TestApp, expect_error};
use futures::future::join_all;

fn freelancer_update(name: &str) -> Value {
    json!({
        "name": name,
        "location": "Lisbon, Portugal",
        "timezone": "Europe/Lisbon",
        "freelancer": {
            "headline": "Rust and PostgreSQL engineer",
            "bio": "I build fast, correct backends.",
            "hourly_rate": {"amount": 9500, "currency": "usd"},
            "availability": "part_time",
            "skills": ["rust", "postgresql"],
            "experience": [{"title": "Backend engineer", "company": "Acme", "start_date": "2019-03-01", "end_date": null, "description": "APIs"}],
            "education": [{"school": "University of Porto", "degree": "MSc", "field_of_study": "CS", "start_year": 2012, "end_year": 2017}],
            "portfolio": [{"title": "Payments ledger", "description": "Double entry", "link": "https://example.com/ledger", "image_file_ids": []}]
        }
    })
}

#[tokio::test]
async fn a_freelancer_fills_in_the_profile_and_the_public_sees_it_without_the_email() {
    let app = TestApp::spawn().await;
    let user = app.signup_as("ines@example.com", "freelancer").await;
    let res = app.put("/api/users/profile", freelancer_update("Inês Silva"), &user.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let own: Value = res.json().await.expect("json");
    assert_eq!(own["email"], "ines@example.com");
    assert_eq!(
        own["freelancer"]["skills"],
        json!([{"slug": "rust", "name": "Rust"}, {"slug": "postgresql", "name": "PostgreSQL"}])
    );

    let public: Value = app.get(&format!("/api/users/{}", user.id), None).await.json().await.expect("json");
    assert_eq!(public["name"], "Inês Silva");
    assert_eq!(public["timezone"], "Europe/Lisbon");
    assert_eq!(public["freelancer"]["hourly_rate"], json!({"amount": 9500, "currency": "usd"}));
    assert_eq!(public["freelancer"]["experience"][0]["company"], "Acme");
    assert_eq!(public["freelancer"]["portfolio"][0]["link"], "https://example.com/ledger");
    assert_eq!(public["client"], Value::Null);
    assert!(!public.to_string().contains("ines@example.com"), "{public}");
    assert!(public.get("email").is_none());
}

#[tokio::test]
async fn a_freelancer_can_add_a_client_profile_later() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let body = json!({"name": "Jo", "client": {"company_name": "Jo Studio", "website": "https://jo.example", "company_size": "2-10", "industry": "Design", "description": "We hire illustrators."}});
    let own: Value = app.put("/api/users/profile", body, &user.access).await.json().await.expect("json");
    assert_eq!(own["roles"], json!(["freelancer", "client"]));
    assert_eq!(own["role"], "freelancer");
    assert_eq!(own["client"]["company_size"], "2-10");
    assert!(own["freelancer"].is_object(), "the freelancer profile is untouched");
}

#[tokio::test]
async fn invalid_profiles_name_every_bad_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    app.put("/api/users/profile", freelancer_update("Kim"), &user.access).await;
    let before: Value = app.get("/api/users/profile", Some(&user.access)).await.json().await.expect("json");
    let counts = app.snapshot().await;

    let mut bad = freelancer_update("");
    bad["timezone"] = json!("Mars/Olympus Mons");
    bad["freelancer"]["hourly_rate"] = json!({"amount": -5, "currency": "usd"});
    bad["freelancer"]["skills"] = json!(["rust", "underwater-basket-weaving"]);
    bad["freelancer"]["portfolio"][0]["link"] = json!("javascript:alert(1)");
    let err = expect_error(
        app.put("/api/users/profile", bad, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields: Vec<_> = err["error"]["fields"].as_object().expect("fields").keys().cloned().collect();
    assert_eq!(fields, vec!["freelancer.hourly_rate", "freelancer.portfolio[0].link", "name", "timezone"]);

    // Unknown skills are caught after the shape checks pass.
    let mut unknown_skill = freelancer_update("Kim");
    unknown_skill["freelancer"]["skills"] = json!(["underwater-basket-weaving"]);
    let err = expect_error(
        app.put("/api/users/profile", unknown_skill, &user.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(err["error"]["fields"]["freelancer.skills"].as_str().is_some_and(|m| m.contains("underwater")));

    let after: Value = app.get("/api/users/profile", Some(&user.access)).await.json().await.expect("json");
    assert_eq!(before, after);
    assert_eq!(counts, app.snapshot().await);
}

#[tokio::test]
async fn nobody_can_change_another_users_profile() {
    let app = TestApp::spawn().await;
    let owner = app.signup("freelancer").await;
    let other = app.signup("client").await;
    app.put("/api/users/profile", freelancer_update("Owner"), &owner.access).await;

    // The only profile a caller can write is their own.
    let res = app.put("/api/users/profile", freelancer_update("Hijacked"), &other.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let owner_view: Value = app.get(&format!("/api/users/{}", owner.id), None).await.json().await.expect("json");
    assert_eq!(owner_view["name"], "Owner");

    // There is no way to address someone else's profile for writing.
    let res = app
        .http
        .put(app.url(&format!("/api/users/{}", owner.id)))
        .bearer_auth(&other.access)
        .json(&freelancer_update("Hijacked"))
        .send()
        .await
        .expect("sent");
    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let res = app.put("/api/users/profile", freelancer_update("Anon"), "not-a-token").await;
    expect_error(res, StatusCode::UNAUTHORIZED, "invalid_token").await;

    // Someone else's upload cannot become my avatar.
    let file = upload(&app, &owner.access, "avatar", crate::files::PNG.to_vec()).await;
    let body = json!({"name": "Thief", "avatar_file_id": file["id"]});
    let err = expect_error(
        app.put("/api/users/profile", body, &other.access).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(err["error"]["fields"]["avatar_file_id"].is_string());
}

#[tokio::test]
async fn avatars_and_portfolio_images_come_from_the_users_uploads() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let avatar = upload(&app, &user.access, "avatar", crate::files::PNG.to_vec()).await;
    let shot = upload(&app, &user.access, "portfolio", crate::files::PNG.to_vec()).await;
    let mut body = freelancer_update("Lena");
    body["avatar_file_id"] = avatar["id"].clone();
    body["freelancer"]["portfolio"][0]["image_file_ids"] = json!([shot["id"]]);
    let own: Value = app.put("/api/users/profile", body, &user.access).await.json().await.expect("json");
    assert_eq!(own["avatar_url"], format!("/api/files/{}", avatar["id"].as_str().expect("id")));
    assert_eq!(own["freelancer"]["portfolio"][0]["image_file_ids"], json!([shot["id"]]));

    let public_avatar = app.get(own["avatar_url"].as_str().expect("url"), None).await;
    assert_eq!(public_avatar.status(), StatusCode::OK);
    assert_eq!(public_avatar.headers()["content-type"], "image/png");
}

#[tokio::test]
async fn unknown_and_malformed_user_ids_are_not_found() {
    let app = TestApp::spawn().await;
    let res = app.get(&format!("/api/users/{}", uuid::Uuid::now_v7()), None).await;
    expect_error(res, StatusCode::NOT_FOUND, "user_not_found").await;
    expect_error(app.get("/api/users/not-a-uuid", None).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn concurrent_signups_and_profile_edits_all_succeed() {
    let app = TestApp::spawn().await;
    let users = join_all((0..12).map(|_| app.signup("freelancer"))).await;
    let edits = join_all(
        users
            .iter()
            .enumerate()
            .map(|(n, u)| app.put("/api/users/profile", freelancer_update(&format!("Parallel {n}")), &u.access)),
    )
    .await;
    for res in edits {
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(app.count("freelancer_skills").await, 24);
}
