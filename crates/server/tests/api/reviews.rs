//! Reviews between the parties of finished contracts: double-blind until
//! both have written or 14 days have passed, once per party, private
//! feedback kept from users, and the refusals around them.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::id;
use crate::support::{TestApp, expect_error};

fn reviews_of(contract: &Value) -> String {
    format!("/api/contracts/{}/reviews", id(contract))
}

#[tokio::test]
async fn each_party_sees_only_their_own_review_until_both_have_written() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.finished_contract().await;
    let secret = "private-note-for-the-platform-only";
    let body = json!({
        "contract_id": contract["id"],
        "rating": 5,
        "comment": "Delivered early and communicated clearly.",
        "private_feedback": secret,
    });
    let res = app.post("/api/reviews", body, Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let text = res.text().await.expect("body");
    assert!(!text.contains(secret), "{text}");
    let mine: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(mine["rating"], 5);
    assert_eq!(mine["reviewer"]["id"], client.id.as_str());
    assert_eq!(mine["reviewee_id"], freelancer.id.as_str());
    assert_eq!(mine["reviewee_side"], "freelancer");
    assert!(mine["released_at"].is_null(), "hidden until the freelancer reviews");

    // The client sees their own; the freelancer and the public see nothing yet.
    let seen_by_client = app.json(&reviews_of(&contract), Some(&client.access)).await;
    assert_eq!(seen_by_client["from_client"]["id"], mine["id"]);
    assert_eq!(seen_by_client["can_review"], false);
    let seen_by_freelancer = app.json(&reviews_of(&contract), Some(&freelancer.access)).await;
    assert!(seen_by_freelancer["from_client"].is_null(), "{seen_by_freelancer}");
    assert_eq!(seen_by_freelancer["can_review"], true);
    let public = app.json(&format!("/api/reviews/{}", freelancer.id), None).await;
    assert_eq!((public["count"].as_u64(), public["average"].is_null()), (Some(0), true));
    assert_eq!(public["items"], json!([]));
    assert!(!app.notification_kinds(&freelancer).await.contains(&"review_received".to_owned()));

    // The freelancer's review releases both at once.
    let theirs = app.reviewed(&freelancer, &contract, 4).await;
    assert!(theirs["released_at"].is_string(), "{theirs}");
    let for_freelancer = app.json(&format!("/api/reviews/{}", freelancer.id), None).await;
    assert_eq!((for_freelancer["count"].as_u64(), for_freelancer["average"].as_f64()), (Some(1), Some(5.0)));
    assert_eq!(for_freelancer["items"][0]["id"], mine["id"]);
    assert_eq!(for_freelancer["items"][0]["title"], contract["title"]);
    let as_client = app.json(&format!("/api/reviews/{}?as=client", client.id), None).await;
    assert_eq!((as_client["count"].as_u64(), as_client["average"].as_f64()), (Some(1), Some(4.0)));
    let client_as_freelancer = app.json(&format!("/api/reviews/{}", client.id), None).await;
    assert_eq!(client_as_freelancer["count"], 0);
    let of_job = app.json(&format!("/api/reviews/{}", contract["job_id"].as_str().expect("job")), None).await;
    assert_eq!(of_job["count"], 2);
    let both = app.json(&reviews_of(&contract), Some(&freelancer.access)).await;
    assert_eq!(
        (both["from_client"]["rating"].as_u64(), both["from_freelancer"]["rating"].as_u64()),
        (Some(5), Some(4))
    );
    assert_eq!(app.notification_kinds(&freelancer).await[0], "review_received");
    assert_eq!(app.notification_kinds(&client).await[0], "review_received");

    // Ratings reach both profiles.
    let profile = app.json("/api/users/profile", Some(&freelancer.access)).await;
    assert_eq!(
        (profile["freelancer"]["rating"].as_f64(), profile["freelancer"]["rating_count"].as_u64()),
        (Some(5.0), Some(1))
    );
    let profile = app.json("/api/users/profile", Some(&client.access)).await;
    assert_eq!(
        (profile["client"]["rating"].as_f64(), profile["client"]["rating_count"].as_u64()),
        (Some(4.0), Some(1))
    );

    // The private feedback reaches no user, on any page.
    for (path, token) in [
        (format!("/api/reviews/{}", freelancer.id), None),
        (format!("/api/reviews/{}", contract["job_id"].as_str().expect("job")), Some(client.access.as_str())),
        (reviews_of(&contract), Some(client.access.as_str())),
        (reviews_of(&contract), Some(freelancer.access.as_str())),
        ("/api/notifications".to_owned(), Some(freelancer.access.as_str())),
        (format!("/api/users/{}", freelancer.id), None),
    ] {
        let text = app.get(&path, token).await.text().await.expect("body");
        assert!(!text.contains(secret), "{path}: {text}");
    }
    // The platform reads it.
    let admin = app.signup("client").await;
    let admin_id = admin.id.parse::<uuid::Uuid>().expect("uuid").into();
    store::users::grant_role(&app.db, admin_id, domain::user::Role::Admin).await.expect("made an admin");
    let seen_by_admin = app.json(&reviews_of(&contract), Some(&admin.access)).await;
    assert_eq!(seen_by_admin["from_client"]["private_feedback"], secret);
    assert!(seen_by_admin["from_freelancer"].get("private_feedback").is_none(), "none was given");
}

#[tokio::test]
async fn reviews_are_refused_before_the_end_twice_out_of_range_and_to_strangers() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let contract = app.hire(&client, &freelancer).await;
    let stranger = app.signup("client").await;
    let before = app.snapshot().await;

    let res = app.review(&client, &contract, json!(5), "Too early").await;
    expect_error(res, StatusCode::CONFLICT, "contract_not_ended").await;
    let res = app.review(&stranger, &contract, json!(5), "Who?").await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    let unknown = json!({"id": uuid::Uuid::now_v7()});
    let res = app.review(&client, &unknown, json!(5), "Nothing").await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    for rating in [json!(0), json!(6), json!(4.5), json!(-1), json!("five"), Value::Null] {
        let res = app.review(&client, &contract, rating.clone(), "Stars").await;
        let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(body["error"]["fields"]["rating"].is_string(), "{rating}: {body}");
    }
    let res = app.review(&client, &contract, json!(5), "  ").await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post("/api/reviews", json!({"contract_id": contract["id"], "rating": 5, "comment": "x"}), None).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let res = app.get(&reviews_of(&contract), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    assert_eq!(app.snapshot().await, before, "nothing was written");

    app.finish(&client, &contract).await;
    app.reviewed(&client, &contract, 5).await;
    let res = app.review(&client, &contract, json!(4), "Changed my mind").await;
    expect_error(res, StatusCode::CONFLICT, "already_reviewed").await;
    let res = app.review(&stranger, &contract, json!(1), "Never worked with them").await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    assert_eq!(app.count("reviews").await, 1);

    let res = app.get("/api/reviews/not-an-id", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app.get(&format!("/api/reviews/{}", uuid::Uuid::now_v7()), None).await;
    expect_error(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app.get(&format!("/api/reviews/{}?as=boss", freelancer.id), None).await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
}

#[tokio::test]
async fn a_double_submitted_review_is_stored_once_and_simultaneous_reviews_release_once() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.finished_contract().await;
    let (first, second) = tokio::join!(
        app.review(&client, &contract, json!(5), "Great"),
        app.review(&client, &contract, json!(5), "Great")
    );
    let mut statuses = [first.status(), second.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
    let refused = if first.status() == StatusCode::CONFLICT { first } else { second };
    expect_error(refused, StatusCode::CONFLICT, "already_reviewed").await;
    assert_eq!(app.count("reviews").await, 1);

    // Both parties of another contract at the same moment: both released, each told once.
    let (client, freelancer_2, other) = {
        let freelancer_2 = app.signup("freelancer").await;
        let other = app.hire(&client, &freelancer_2).await;
        app.finish(&client, &other).await;
        (client, freelancer_2, other)
    };
    let (a, b) = tokio::join!(
        app.review(&client, &other, json!(4), "Good"),
        app.review(&freelancer_2, &other, json!(5), "Fine")
    );
    assert_eq!((a.status(), b.status()), (StatusCode::CREATED, StatusCode::CREATED));
    let seen = app.json(&reviews_of(&other), Some(&freelancer_2.access)).await;
    assert!(seen["from_client"]["released_at"].is_string() && seen["from_freelancer"]["released_at"].is_string());
    let told = |kinds: Vec<String>| kinds.iter().filter(|k| *k == "review_received").count();
    assert_eq!(told(app.notification_kinds(&freelancer_2).await), 1);
    assert_eq!(told(app.notification_kinds(&client).await), 1);
    // The first contract's lone review is still hidden.
    assert_eq!(app.json(&format!("/api/reviews/{}", freelancer.id), None).await["count"], 0);
}

#[tokio::test]
async fn after_fourteen_days_a_lone_review_is_released_and_no_new_one_is_accepted() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.finished_contract().await;
    app.reviewed(&freelancer, &contract, 3).await;
    let window = app.json(&reviews_of(&contract), Some(&client.access)).await;
    assert!(window["window_closes_at"].is_string());
    assert!(window["from_freelancer"].is_null());

    let reviews = &app.services.reviews;
    assert_eq!(reviews.release_due(Utc::now() + Duration::days(13)).await.expect("sweep"), 0);
    let later = Utc::now() + Duration::days(14) + Duration::minutes(1);
    let (first, second) = tokio::join!(reviews.release_due(later), reviews.release_due(later));
    assert_eq!(first.expect("sweep") + second.expect("sweep"), 1, "released once between two workers");
    assert_eq!(reviews.release_due(later).await.expect("sweep"), 0);

    let as_client = app.json(&format!("/api/reviews/{}?as=client", client.id), None).await;
    assert_eq!((as_client["count"].as_u64(), as_client["average"].as_f64()), (Some(1), Some(3.0)));
    let told: Vec<String> = app.notification_kinds(&client).await;
    assert_eq!(told.iter().filter(|k| *k == "review_received").count(), 1);
    let profile = app.json("/api/users/profile", Some(&client.access)).await;
    assert_eq!(profile["client"]["rating"].as_f64(), Some(3.0));
    let seen = app.json(&reviews_of(&contract), Some(&client.access)).await;
    assert_eq!(seen["from_freelancer"]["rating"], 3);

    // The window has closed for the client too.
    app.set_ended_at(&contract, Utc::now() - Duration::days(14) - Duration::minutes(1)).await;
    assert_eq!(app.json(&reviews_of(&contract), Some(&client.access)).await["can_review"], false);
    let res = app.review(&client, &contract, json!(5), "Late but kind").await;
    expect_error(res, StatusCode::CONFLICT, "review_window_closed").await;
    assert_eq!(app.count("reviews").await, 1);
}

#[tokio::test]
async fn a_cancelled_contract_is_reviewable_only_when_money_was_paid() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;

    let paid = app.hire(&client, &freelancer).await;
    app.pay_milestone(&client, &paid, 0).await;
    assert_eq!(app.end_contract(&freelancer, &paid, "cancel").await.status(), StatusCode::OK);
    app.reviewed(&client, &paid, 4).await;

    let unpaid = app.hire(&client, &freelancer).await;
    let path = format!("/api/contracts/{}/payment", id(&unpaid));
    let fund = json!({"milestone_id": unpaid["milestones"][0]["id"], "action": "fund"});
    assert_eq!(app.post(&path, fund, Some(&client.access)).await.status(), StatusCode::OK);
    assert_eq!(app.end_contract(&freelancer, &unpaid, "cancel").await.status(), StatusCode::OK);
    let res = app.review(&client, &unpaid, json!(2), "Refunded anyway").await;
    expect_error(res, StatusCode::CONFLICT, "contract_not_paid").await;
    assert_eq!(app.json(&reviews_of(&unpaid), Some(&client.access)).await["window_closes_at"], Value::Null);
}
