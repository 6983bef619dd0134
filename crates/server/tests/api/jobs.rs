//! Posting and managing jobs, and who may see them.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, hourly_job, id, proposal, usd};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn a_client_posts_a_fixed_price_job_that_anyone_can_read() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let deadline = (Utc::now() + Duration::days(20)).date_naive().to_string();
    let body = fixed_job(json!({"deadline": deadline, "screening_questions": ["Have you used Stripe?"]}));
    let job = app.post_job(&client, body).await;

    assert_eq!(job["status"], "open");
    assert_eq!(job["client_id"], client.id.as_str());
    assert_eq!(job["budget"], usd(50_000));
    assert_eq!(job["hourly_rate_min"], Value::Null);
    assert_eq!(job["skills"], json!([{"slug": "react", "name": "React"}, {"slug": "css", "name": "CSS"}]));
    assert_eq!(job["deadline"], deadline.as_str());
    let posted: DateTime<Utc> = job["posted_at"].as_str().expect("posted").parse().expect("time");
    let expires: DateTime<Utc> = job["expires_at"].as_str().expect("expires").parse().expect("time");
    assert_eq!(expires - posted, Duration::days(30));

    let anonymous = app.json(&format!("/api/jobs/{}", id(&job)), None).await;
    assert_eq!(anonymous, job);
}

#[tokio::test]
async fn an_hourly_job_carries_its_rate_range_and_hours() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let job = app.post_job(&client, hourly_job(json!({"duration": "3_to_6_months"}))).await;
    assert_eq!(job["payment_type"], "hourly");
    assert_eq!(job["hourly_rate_min"], usd(4_000));
    assert_eq!(job["hourly_rate_max"], usd(8_000));
    assert_eq!(job["hours_per_week"], 20);
    assert_eq!(job["duration"], "3_to_6_months");
    assert_eq!(job["budget"], Value::Null);
}

#[tokio::test]
async fn only_clients_post_jobs() {
    let app = TestApp::spawn().await;
    let freelancer = app.signup("freelancer").await;
    let res = app.post("/api/jobs", fixed_job(json!({})), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "role_required").await;
    let res = app.post("/api/jobs", fixed_job(json!({})), None).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(app.count("jobs").await, 0);
}

#[tokio::test]
async fn bad_job_input_names_each_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let file =
        crate::files::upload(&app, &freelancer.access, "attachment", crate::files::PDF.to_vec()).await["id"].clone();
    let before = app.snapshot().await;
    let yesterday = (Utc::now() - Duration::days(1)).date_naive().to_string();
    let cases = [
        (fixed_job(json!({"title": "abc"})), "title"),
        (fixed_job(json!({"description": "short"})), "description"),
        (fixed_job(json!({"category": "underwater-basket-weaving"})), "category"),
        (fixed_job(json!({"skills": ["react", "no-such-skill"]})), "skills"),
        (fixed_job(json!({"skills": ["react", "react"]})), "skills"),
        (fixed_job(json!({"budget": null})), "budget"),
        (fixed_job(json!({"budget": usd(0)})), "budget"),
        (fixed_job(json!({"hourly_rate_min": usd(1_000)})), "hourly_rate_min"),
        (fixed_job(json!({"deadline": yesterday})), "deadline"),
        (fixed_job(json!({"hires_wanted": 0})), "hires_wanted"),
        (fixed_job(json!({"screening_questions": ["", "ok?"]})), "screening_questions[0]"),
        (fixed_job(json!({"attachment_file_ids": [file.clone()]})), "attachment_file_ids"),
        (hourly_job(json!({"hourly_rate_max": usd(1_000)})), "hourly_rate_max"),
        (hourly_job(json!({"hourly_rate_max": {"amount": 9_000, "currency": "eur"}})), "hourly_rate_max"),
        (hourly_job(json!({"hours_per_week": 0})), "hours_per_week"),
        (hourly_job(json!({"budget": usd(10_000)})), "budget"),
    ];
    for (body, field) in cases {
        let res = app.post("/api/jobs", body, Some(&client.access)).await;
        let err = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(err["error"]["fields"].get(field).is_some(), "{field}: {err}");
    }
    // Wrong shapes are refused before validation, naming the field.
    let res = app.post("/api/jobs", fixed_job(json!({"payment_type": "barter"})), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app
        .post("/api/jobs", fixed_job(json!({"budget": {"amount": 1.5, "currency": "usd"}})), Some(&client.access))
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn only_the_owner_edits_closes_and_reopens_a_job() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let other = app.signup("client").await;
    let job = app.post_job(&owner, fixed_job(json!({}))).await;
    let path = format!("/api/jobs/{}", id(&job));

    let edit = fixed_job(json!({"title": "Build a landing page and a blog"}));
    expect_error(app.put(&path, edit.clone(), &other.access).await, StatusCode::NOT_FOUND, "job_not_found").await;
    let res = app.post(&format!("{path}/close"), json!({}), Some(&other.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;

    let res = app.put(&path, edit, &owner.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["title"], "Build a landing page and a blog");

    let closed: Value =
        app.post(&format!("{path}/close"), json!({}), Some(&owner.access)).await.json().await.expect("json");
    assert_eq!(closed["status"], "closed");
    let res = app.put(&path, fixed_job(json!({})), &owner.access).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.post(&format!("{path}/close"), json!({}), Some(&owner.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;

    let reopened: Value =
        app.post(&format!("{path}/reopen"), json!({}), Some(&owner.access)).await.json().await.expect("json");
    assert_eq!(reopened["status"], "open");
}

#[tokio::test]
async fn a_draft_is_the_owners_alone_until_published() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&owner, fixed_job(json!({"draft": true}))).await;
    assert_eq!(job["status"], "draft");
    assert_eq!(job["posted_at"], Value::Null);
    let path = format!("/api/jobs/{}", id(&job));
    expect_error(app.get(&path, Some(&freelancer.access)).await, StatusCode::NOT_FOUND, "job_not_found").await;
    expect_error(app.get(&path, None).await, StatusCode::NOT_FOUND, "job_not_found").await;
    let res = app.post(&format!("{path}/bid"), proposal(40_000, json!({})), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;
    assert_eq!(app.json(&path, Some(&owner.access)).await["status"], "draft");

    let published: Value =
        app.post(&format!("{path}/publish"), json!({}), Some(&owner.access)).await.json().await.expect("json");
    assert_eq!(published["status"], "open");
    assert_eq!(app.json(&path, None).await["status"], "open");
}

#[tokio::test]
async fn an_invite_only_job_is_seen_by_its_owner_and_the_invited() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let invited = app.signup("freelancer").await;
    let stranger = app.signup("freelancer").await;
    let job = app.post_job(&owner, fixed_job(json!({"visibility": "invite_only"}))).await;
    let path = format!("/api/jobs/{}", id(&job));
    expect_error(app.get(&path, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "job_not_found").await;
    let board = app.json("/api/jobs", None).await;
    assert!(board["items"].as_array().expect("items").is_empty(), "{board}");

    let res = app.post(&format!("{path}/invitations"), json!({"freelancer_id": invited.id}), Some(&owner.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(app.json(&path, Some(&invited.access)).await["visibility"], "invite_only");
    let res = app.post(&format!("{path}/bid"), proposal(40_000, json!({})), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;
}

#[tokio::test]
async fn the_terms_freelancers_answered_stay_fixed_once_they_propose() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&owner, fixed_job(json!({}))).await;
    app.bid(&freelancer, &id(&job), proposal(45_000, json!({}))).await;
    let path = format!("/api/jobs/{}", id(&job));
    let res = app.put(&path, hourly_job(json!({})), &owner.access).await;
    expect_error(res, StatusCode::CONFLICT, "job_has_proposals").await;
    let res = app.put(&path, fixed_job(json!({"screening_questions": ["New question?"]})), &owner.access).await;
    expect_error(res, StatusCode::CONFLICT, "job_has_proposals").await;
    let res = app.put(&path, fixed_job(json!({"budget": usd(60_000)})), &owner.access).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn open_jobs_expire_after_thirty_days_and_their_proposals_close() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&owner, fixed_job(json!({}))).await;
    let fresh = app.post_job(&owner, fixed_job(json!({"title": "A job posted later"}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;

    // Nothing is due yet.
    let jobs = app.services.jobs.clone();
    assert_eq!(jobs.expire_due(Utc::now()).await.expect("sweep"), 0);
    // Thirty days and a minute later both are.
    let later = Utc::now() + Duration::days(30) + Duration::minutes(1);
    assert_eq!(jobs.expire_due(later).await.expect("sweep"), 2);
    assert_eq!(jobs.expire_due(later).await.expect("sweep"), 0, "an expired job is not expired twice");

    let path = format!("/api/jobs/{}", id(&job));
    assert_eq!(app.json(&path, None).await["status"], "expired");
    assert_eq!(app.json(&format!("/api/jobs/{}", id(&fresh)), None).await["status"], "expired");
    let mine = app.json(&format!("/api/proposals/{}", id(&bid)), Some(&freelancer.access)).await;
    assert_eq!(mine["status"], "closed");
    assert_eq!(app.notification_kinds(&freelancer).await, vec!["proposal_closed"]);

    let reopened: Value =
        app.post(&format!("{path}/reopen"), json!({}), Some(&owner.access)).await.json().await.expect("json");
    assert_eq!(reopened["status"], "open");
}

#[tokio::test]
async fn a_client_lists_own_jobs_with_proposal_counts() {
    let app = TestApp::spawn().await;
    let owner = app.signup("client").await;
    let other = app.signup("client").await;
    let first = app.post_job(&owner, fixed_job(json!({}))).await;
    let second = app.post_job(&owner, fixed_job(json!({"draft": true}))).await;
    app.post_job(&other, fixed_job(json!({}))).await;
    for _ in 0..3 {
        let freelancer = app.signup("freelancer").await;
        app.bid(&freelancer, &id(&first), proposal(40_000, json!({}))).await;
    }
    let mine = app.json("/api/jobs/mine", Some(&owner.access)).await;
    let items = mine["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], second["id"]);
    assert_eq!(items[0]["proposals"], 0);
    assert_eq!(items[1]["proposals"], 3);
    assert_eq!(items[1]["active_proposals"], 3);
    let drafts = app.json("/api/jobs/mine?status=draft", Some(&owner.access)).await;
    assert_eq!(drafts["items"].as_array().expect("items").len(), 1);
    expect_error(
        app.get("/api/jobs/mine?status=nope", Some(&owner.access)).await,
        StatusCode::BAD_REQUEST,
        "invalid_query",
    )
    .await;
}
