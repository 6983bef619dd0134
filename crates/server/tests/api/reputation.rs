//! Rank scores and levels follow the track record: completed contracts,
//! released reviews, repeat clients and time.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::usd;
use crate::support::{TestApp, TestUser};

/// The freelancer's card in `GET /api/freelancers`.
async fn card(app: &TestApp, freelancer: &TestUser) -> Value {
    let page = app.json("/api/freelancers?limit=100", None).await;
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["id"] == freelancer.id.as_str())
        .cloned()
        .expect("listed")
}

async fn rank(app: &TestApp, freelancer: &TestUser) -> i64 {
    card(app, freelancer).await["rank_score"].as_i64().expect("score")
}

async fn level(app: &TestApp, freelancer: &TestUser) -> String {
    let profile = app.json("/api/users/profile", Some(&freelancer.access)).await;
    profile["freelancer"]["level"].as_str().expect("level").to_owned()
}

async fn with_levels(app: &TestApp, levels: &str) -> Vec<String> {
    app.all_ids(&format!("/api/freelancers?limit=100&level={levels}")).await
}

async fn fill_profile(app: &TestApp, freelancer: &TestUser) {
    let body = json!({
        "name": "Rae Rank",
        "freelancer": {
            "headline": "Rust services",
            "bio": "Backends that stay up.",
            "hourly_rate": usd(8_000),
            "availability": "full_time",
            "experience_level": "expert",
            "skills": ["rust", "postgresql", "go"],
        }
    });
    assert_eq!(app.put("/api/users/profile", body, &freelancer.access).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_rank_rises_with_completed_contracts_good_reviews_and_repeat_clients() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    fill_profile(&app, &freelancer).await;
    let start = rank(&app, &freelancer).await;
    // A newcomer: the 4-star prior (262.5), a profile without photo or portfolio (80), full time (50).
    assert_eq!(start, 393);

    let first = app.hire(&client, &freelancer).await;
    app.finish(&client, &first).await;
    let completed = rank(&app, &freelancer).await;
    // 200 * 0.1 for one contract, 80 for activity today.
    assert_eq!(completed, start + 100);

    app.reviewed(&client, &first, 5).await;
    assert_eq!(rank(&app, &freelancer).await, completed, "a hidden review counts for nothing");
    app.reviewed(&freelancer, &first, 5).await;
    let reviewed = rank(&app, &freelancer).await;
    assert!(reviewed > completed, "{reviewed} > {completed}");
    assert_eq!(card(&app, &freelancer).await["rating"].as_f64(), Some(5.0));

    // The same client hires again: a repeat client, and a second completed contract.
    let second = app.hire(&client, &freelancer).await;
    app.finish(&client, &second).await;
    let repeated = rank(&app, &freelancer).await;
    assert!(repeated >= reviewed + 18 + 30 - 1, "{repeated} after {reviewed}");

    // A poor review, released when the window closes, pulls the rating and rank down.
    app.reviewed(&client, &second, 1).await;
    let later = Utc::now() + Duration::days(15);
    assert_eq!(app.services.reviews.release_due(later).await.expect("sweep"), 1);
    let after_poor = rank(&app, &freelancer).await;
    assert!(after_poor < repeated, "{after_poor} < {repeated}");
    assert_eq!(card(&app, &freelancer).await["rating"].as_f64(), Some(3.0));

    // Recency fades: the daily sweep three months on recomputes a lower score.
    let months_later = Utc::now() + Duration::days(120);
    app.services.reputation.refresh_due(months_later).await.expect("sweep");
    assert_eq!(rank(&app, &freelancer).await, after_poor - 80);
}

#[tokio::test]
async fn levels_are_earned_from_the_record_and_recomputed_once_a_day() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let reputation = &app.services.reputation;
    let freelancers = app.count("freelancer_profiles").await;
    assert_eq!(reputation.refresh_due(Utc::now()).await.expect("sweep") as i64, freelancers);
    assert_eq!(level(&app, &freelancer).await, "new");

    // Three contracts of $500 each ($1,350 after fees), all five stars.
    for _ in 0..3 {
        let contract = app.hire(&client, &freelancer).await;
        app.finish(&client, &contract).await;
        app.reviewed(&client, &contract, 5).await;
        app.reviewed(&freelancer, &contract, 5).await;
    }
    // Levels wait for the daily sweep; today's is done.
    assert_eq!(reputation.refresh_due(Utc::now()).await.expect("sweep"), 0);
    assert_eq!(level(&app, &freelancer).await, "new");

    // The next day: enough for Level 1 except the account's age.
    let tomorrow = Utc::now() + Duration::days(1);
    let (a, b) = tokio::join!(reputation.refresh_due(tomorrow), reputation.refresh_due(tomorrow));
    assert_eq!((a.expect("sweep") + b.expect("sweep")) as i64, freelancers, "each freelancer once between two workers");
    assert_eq!(level(&app, &freelancer).await, "rising");
    assert_eq!(with_levels(&app, "rising").await, [freelancer.id.as_str()]);

    let month_later = Utc::now() + Duration::days(31);
    reputation.refresh_due(month_later).await.expect("sweep");
    assert_eq!(level(&app, &freelancer).await, "level_1");
    assert_eq!(card(&app, &freelancer).await["level"], "level_1");
    assert_eq!(with_levels(&app, "level_1,level_2").await, [freelancer.id.as_str()]);
    assert!(with_levels(&app, "rising").await.is_empty());
    let public = app.json(&format!("/api/users/{}", freelancer.id), None).await;
    assert_eq!(public["freelancer"]["level"], "level_1");

    // A year and more on, the earnings have aged out of the window.
    let year_later = Utc::now() + Duration::days(370);
    reputation.refresh_due(year_later).await.expect("sweep");
    assert_eq!(level(&app, &freelancer).await, "rising");
    let res = app.get("/api/freelancers?level=legend", None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn recommendations_from_different_people_raise_the_rank_and_saturate() {
    let app = TestApp::spawn().await;
    let freelancer = app.signup("freelancer").await;
    fill_profile(&app, &freelancer).await;
    let (alice, bob, carol) = (app.signup("client").await, app.signup("client").await, app.signup("client").await);
    app.befriend(&alice, &bob).await;
    app.befriend(&alice, &carol).await;
    app.befriend(&bob, &carol).await;
    let recommend = |from: &TestUser, to: &TestUser| {
        let body = json!({"to_user_id": to.id, "freelancer_id": freelancer.id, "note": "Reliable"});
        let token = from.access.clone();
        let app = &app;
        async move { app.post("/api/recommendations", body, Some(&token)).await.status() }
    };
    let start = rank(&app, &freelancer).await;
    assert_eq!(recommend(&alice, &bob).await, StatusCode::CREATED);
    let once = rank(&app, &freelancer).await;
    // One recommender: 100 * (1 - 0.8).
    assert_eq!(once, start + 20);
    // Alice telling another friend adds no one new.
    assert_eq!(recommend(&alice, &carol).await, StatusCode::CREATED);
    assert_eq!(rank(&app, &freelancer).await, once);
    assert_eq!(recommend(&bob, &carol).await, StatusCode::CREATED);
    // Two recommenders: 100 * (1 - 0.64).
    assert_eq!(rank(&app, &freelancer).await, start + 36);
}
