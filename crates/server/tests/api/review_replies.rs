//! The reviewed party's one public reply, and the lists reviews are read from.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::id;
use crate::support::{TestApp, TestUser, expect_error};

async fn reply(app: &TestApp, user: &TestUser, review: &Value, body: &str) -> reqwest::Response {
    app.post(&format!("/api/reviews/{}/reply", id(review)), json!({"body": body}), Some(&user.access)).await
}

#[tokio::test]
async fn only_the_reviewee_replies_once_and_only_to_a_released_review() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.finished_contract().await;
    let of_freelancer = app.reviewed(&client, &contract, 2).await;
    let stranger = app.signup("freelancer").await;

    // Hidden: the author may not reply and nobody else can find it.
    let res = reply(&app, &freelancer, &of_freelancer, "Not fair").await;
    expect_error(res, StatusCode::NOT_FOUND, "review_not_found").await;
    let res = reply(&app, &client, &of_freelancer, "Adding to my own").await;
    expect_error(res, StatusCode::FORBIDDEN, "reviewee_only").await;

    app.reviewed(&freelancer, &contract, 5).await;
    for user in [&client, &stranger] {
        let res = reply(&app, user, &of_freelancer, "Speaking for them").await;
        expect_error(res, StatusCode::FORBIDDEN, "reviewee_only").await;
    }
    let res = reply(&app, &freelancer, &of_freelancer, " ").await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = reply(&app, &freelancer, &of_freelancer, "The scope changed twice; thanks all the same.").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let replied: Value = res.json().await.expect("json");
    assert_eq!(replied["reply"]["body"], "The scope changed twice; thanks all the same.");
    assert!(replied["reply"]["created_at"].is_string());
    let res = reply(&app, &freelancer, &of_freelancer, "And another thing").await;
    expect_error(res, StatusCode::CONFLICT, "already_replied").await;
    let res = app
        .post(&format!("/api/reviews/{}/reply", uuid::Uuid::now_v7()), json!({"body": "x"}), Some(&freelancer.access))
        .await;
    expect_error(res, StatusCode::NOT_FOUND, "review_not_found").await;

    let listed = app.json(&format!("/api/reviews/{}", freelancer.id), None).await;
    assert_eq!(listed["items"][0]["reply"]["body"], "The scope changed twice; thanks all the same.");
}

#[tokio::test]
async fn a_users_reviews_page_newest_first_with_the_average_of_all() {
    let app = TestApp::spawn().await;
    let freelancer = app.signup("freelancer").await;
    let mut written = Vec::new();
    for stars in [5, 4, 3] {
        let client = app.signup("client").await;
        let contract = app.hire(&client, &freelancer).await;
        app.finish(&client, &contract).await;
        written.push(app.reviewed(&client, &contract, stars).await);
        app.reviewed(&freelancer, &contract, 5).await;
    }
    let path = format!("/api/reviews/{}?limit=2", freelancer.id);
    let first = app.json(&path, None).await;
    assert_eq!((first["count"].as_u64(), first["average"].as_f64()), (Some(3), Some(4.0)));
    assert_eq!(crate::market::ids(&first), [id(&written[2]), id(&written[1])]);
    let cursor = first["next_cursor"].as_str().expect("a second page");
    let second = app.json(&format!("{path}&cursor={cursor}"), None).await;
    assert_eq!(crate::market::ids(&second), [id(&written[0])]);
    assert!(second["next_cursor"].is_null());
    assert_eq!(second["count"], 3, "the count covers every page");
}
