//! Profile views: each viewer once a day, the owner's series day by day.

use chrono::{Days, Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::support::{TestApp, expect_error};

fn views(series: &Value) -> Vec<u64> {
    series["items"].as_array().expect("items").iter().map(|d| d["views"].as_u64().expect("views")).collect()
}

#[tokio::test]
async fn each_viewer_counts_once_a_day_and_the_owner_reads_a_daily_series() {
    let app = TestApp::spawn().await;
    let owner = app.signup("freelancer").await;
    let (ana, ben) = (app.signup("client").await, app.signup("client").await);
    let path = format!("/api/users/{}", owner.id);

    // Ana looks three times, two of them at once; Ben once; the owner and
    // an anonymous visitor twice each.
    let (a, b) = tokio::join!(app.get(&path, Some(&ana.access)), app.get(&path, Some(&ana.access)));
    assert_eq!((a.status(), b.status()), (StatusCode::OK, StatusCode::OK));
    for token in [Some(&ana), Some(&ben), Some(&owner), Some(&owner), None, None] {
        let res = app.get(&path, token.map(|u| u.access.as_str())).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    // A view of yesterday, as the counter stored it then.
    let yesterday = Utc::now() - Duration::days(1);
    let ana_id = ana.id.parse().expect("id");
    app.services.profile_views.record(owner.id.parse().expect("id"), Some(ana_id), None, yesterday);
    // Counted views are written in batches, many to one statement.
    assert_eq!(app.services.profile_views.flush().await.expect("written"), 4);
    assert_eq!(app.count("profile_views").await, 4);

    let today = Utc::now().date_naive();
    let from = today.checked_sub_days(Days::new(2)).expect("date");
    let series = app.json(&format!("/api/users/profile/views?from={from}&to={today}"), Some(&owner.access)).await;
    assert_eq!(views(&series), [0, 1, 3]);
    assert_eq!(series["total"], 4);
    assert_eq!(series["items"][0]["day"], from.to_string());
    let default = app.json("/api/users/profile/views", Some(&owner.access)).await;
    assert_eq!(views(&default).len(), 30);
    assert_eq!(views(&default).last(), Some(&3));
    // Someone else's views are their own: Ana's profile was not looked at.
    let theirs = app.json("/api/users/profile/views", Some(&ana.access)).await;
    assert_eq!(theirs["total"], 0);

    let cases = [
        (
            format!("/api/users/profile/views?from={today}&to={from}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "/api/users/profile/views?from=2020-01-01&to=2022-01-01".to_owned(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        ("/api/users/profile/views?from=yesterday".to_owned(), StatusCode::BAD_REQUEST, "invalid_query"),
    ];
    for (path, status, code) in cases {
        expect_error(app.get(&path, Some(&owner.access)).await, status, code).await;
    }
    expect_error(app.get("/api/users/profile/views", None).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // An unknown profile counts nothing.
    let res = app.get(&format!("/api/users/{}", uuid::Uuid::now_v7()), Some(&ana.access)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("profile_views").await, 4);
}
