//! What friends do for each other: recommend freelancers and share jobs.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, id};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn a_friend_recommends_a_freelancer_and_the_freelancer_sees_the_count() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("client").await;
    let finn = app.signup("freelancer").await;
    app.befriend(&alice, &bob).await;

    let body = json!({"to_user_id": bob.id, "freelancer_id": finn.id, "note": "  Finn built our shop  "});
    let res = app.post("/api/recommendations", body, Some(&alice.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.expect("json");
    assert_eq!(made["note"], "Finn built our shop");
    assert_eq!(made["freelancer"]["id"], finn.id.as_str());

    let received = app.json("/api/recommendations", Some(&bob.access)).await;
    assert_eq!(received["items"][0]["id"], made["id"]);
    assert_eq!(received["items"][0]["from"]["id"], alice.id.as_str());
    let sent = app.json("/api/recommendations?direction=sent", Some(&alice.access)).await;
    assert_eq!(sent["items"][0]["to"]["id"], bob.id.as_str());
    assert_eq!(app.json("/api/recommendations", Some(&alice.access)).await["items"], json!([]));
    assert_eq!(app.notification_kinds(&bob).await[0], "freelancer_recommended");
    let stats = app.json("/api/recommendations/stats", Some(&finn.access)).await;
    assert_eq!(stats["times_recommended"], 1);
}

#[tokio::test]
async fn recommendations_go_to_friends_and_name_freelancers() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("client").await;
    let stranger = app.signup("client").await;
    let finn = app.signup("freelancer").await;
    app.befriend(&alice, &bob).await;
    let before = app.count("recommendations").await;

    let res = app
        .post("/api/recommendations", json!({"to_user_id": stranger.id, "freelancer_id": finn.id}), Some(&alice.access))
        .await;
    expect_error(res, StatusCode::FORBIDDEN, "not_friends").await;
    let res = app
        .post("/api/recommendations", json!({"to_user_id": bob.id, "freelancer_id": stranger.id}), Some(&alice.access))
        .await;
    expect_error(res, StatusCode::NOT_FOUND, "freelancer_not_found").await;
    let res = app
        .post("/api/recommendations", json!({"to_user_id": bob.id, "freelancer_id": bob.id}), Some(&alice.access))
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let long = json!({"to_user_id": bob.id, "freelancer_id": finn.id, "note": "x".repeat(1_001)});
    expect_error(
        app.post("/api/recommendations", long, Some(&alice.access)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let res = app.get("/api/recommendations?direction=sideways", Some(&alice.access)).await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    assert_eq!(app.count("recommendations").await, before);
}

#[tokio::test]
async fn friends_share_jobs_once_each_and_see_what_was_shared_with_them() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    let carol = app.signup("freelancer").await;
    let stranger = app.signup("freelancer").await;
    app.befriend(&client, &bob).await;
    app.befriend(&bob, &carol).await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let path = format!("/api/jobs/{}/share", id(&job));

    // Anyone who can see a public job may pass it on to their friends.
    let res = app
        .post(&path, json!({"user_ids": [carol.id, carol.id], "note": "right up your street"}), Some(&bob.access))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let shared: Value = res.json().await.expect("json");
    assert_eq!(shared["items"].as_array().expect("items").len(), 1);
    let again: Value =
        app.post(&path, json!({"user_ids": [carol.id]}), Some(&bob.access)).await.json().await.expect("json");
    assert_eq!(again["items"], json!([]), "shared once");
    assert_eq!(app.count("job_shares").await, 1);

    let mine = app.json("/api/jobs/shared-with-me", Some(&carol.access)).await;
    assert_eq!(mine["items"][0]["job"]["id"], job["id"]);
    assert_eq!(mine["items"][0]["from"]["id"], bob.id.as_str());
    assert_eq!(mine["items"][0]["note"], "right up your street");
    assert_eq!(app.notification_kinds(&carol).await[0], "job_shared");

    let res = app.post(&path, json!({"user_ids": [stranger.id]}), Some(&bob.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post(&path, json!({"user_ids": []}), Some(&bob.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let nowhere = format!("/api/jobs/{}/share", uuid::Uuid::now_v7());
    expect_error(
        app.post(&nowhere, json!({"user_ids": [carol.id]}), Some(&bob.access)).await,
        StatusCode::NOT_FOUND,
        "job_not_found",
    )
    .await;
    assert_eq!(app.count("job_shares").await, 1);
}

#[tokio::test]
async fn an_invite_only_job_is_shared_by_its_owner_only_and_the_share_lets_the_friend_see_it() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    let carol = app.signup("freelancer").await;
    app.befriend(&client, &bob).await;
    app.befriend(&bob, &carol).await;
    let job = app.post_job(&client, fixed_job(json!({"visibility": "invite_only"}))).await;
    let job_path = format!("/api/jobs/{}", id(&job));
    expect_error(app.get(&job_path, Some(&bob.access)).await, StatusCode::NOT_FOUND, "job_not_found").await;

    let res = app.post(&format!("{job_path}/share"), json!({"user_ids": [bob.id]}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(app.get(&job_path, Some(&bob.access)).await.status(), StatusCode::OK, "the owner's share lets Bob in");

    let res = app.post(&format!("{job_path}/share"), json!({"user_ids": [carol.id]}), Some(&bob.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "only_owner_shares").await;
    expect_error(app.get(&job_path, Some(&carol.access)).await, StatusCode::NOT_FOUND, "job_not_found").await;
}
