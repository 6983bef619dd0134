//! Dashboards against figures worked out by hand from the data the test builds.

use chrono::{DateTime, Duration, SecondsFormat, SubsecRound, Utc};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::disputes::{self, about, disputed_milestone};
use crate::market::{fixed_job, id, pay, proposal, usd};
use crate::support::{TestApp, expect_error};

/// Moves a dispute's opening and decision to chosen times.
async fn backdate_dispute(app: &TestApp, dispute: &Value, opened: DateTime<Utc>, closed: Option<DateTime<Utc>>) {
    use store::entity::dispute as row;
    let uuid: uuid::Uuid = id(dispute).parse().expect("uuid");
    row::Entity::update_many()
        .col_expr(row::Column::CreatedAt, Expr::value(opened))
        .col_expr(row::Column::ClosedAt, Expr::value(closed))
        .filter(row::Column::Id.eq(uuid))
        .exec(&app.db)
        .await
        .expect("dispute moved in time");
}

#[tokio::test]
async fn dashboards_show_what_the_books_and_tables_say() {
    let app = TestApp::spawn().await;
    // Design ($200) and Build ($300); Design is funded and released.
    let (client, freelancer, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = &contract["milestones"][0];
    for action in ["fund", "release"] {
        let res = app.post(&path, pay(design, action), Some(&client.access)).await;
        assert_eq!(res.status(), StatusCode::OK, "{action}");
    }
    // Another open job of the client's, with one proposal.
    let open = app.post_job(&client, fixed_job(json!({"title": "A second job for the dashboard"}))).await;
    let other = app.signup("freelancer").await;
    app.bid(&other, &id(&open), proposal(40_000, json!({}))).await;

    // The freelancer: $200 less the 10% service fee earned this month.
    let board = app.json("/api/dashboard", Some(&freelancer.access)).await;
    let mine = &board["freelancer"];
    assert_eq!(board["client"], Value::Null, "no client profile");
    assert_eq!(mine["active_contracts"], 1);
    assert_eq!(mine["proposals_by_status"], json!({"hired": 1}));
    let months = mine["earnings_by_month"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    assert_eq!(months[11]["earned"], json!([usd(18_000)]));
    assert!(months[..11].iter().all(|m| m["earned"] == json!([])));
    let held: i64 = ["available", "pending"]
        .iter()
        .flat_map(|k| {
            mine["balance"][k].as_array().expect("money").iter().map(|m| m["amount"].as_i64().expect("amount"))
        })
        .sum();
    assert_eq!(held, 18_000);
    assert_eq!(mine["profile_views"].as_array().expect("days").len(), 30);
    assert_eq!(mine["job_success_score"], Value::Null, "nothing ended yet");

    // The client: $200 plus the 5% marketplace fee spent this month.
    let board = app.json("/api/dashboard", Some(&client.access)).await;
    let theirs = &board["client"];
    assert_eq!(theirs["active_contracts"], 1);
    assert_eq!(theirs["freelancers_hired"], 1);
    assert_eq!(theirs["spending_by_month"][11]["spent"], json!([usd(21_000)]));
    assert_eq!(
        theirs["open_jobs"],
        json!([{"id": open["id"], "title": "A second job for the dashboard", "proposals": 1}])
    );
    assert_eq!(theirs["open_jobs_total"], 1, "the hired job is filled, not open");

    // The platform: one $210 charge, $30 of fees ($10 + $20), nothing left in escrow.
    let admin = app.admin().await;
    let metrics = app.json("/api/admin/metrics", Some(&admin.access)).await;
    assert_eq!(metrics["jobs_posted"], 2);
    assert_eq!(metrics["contracts_started"], 1);
    assert_eq!(metrics["gross_merchandise_volume"], json!([usd(21_000)]));
    assert_eq!(metrics["platform_revenue"], json!([usd(3_000)]));
    assert_eq!(metrics["escrow_held"], json!([]));
    assert_eq!(metrics["users_by_role"]["freelancers"], 2);
    assert_eq!(metrics["users_by_role"]["admins"], 1);
    let signed_up: u64 =
        metrics["signups"].as_array().expect("days").iter().map(|d| d["freelancers"].as_u64().expect("n")).sum();
    assert_eq!(signed_up, 2);
    let today = Utc::now().date_naive().to_string();
    let days = metrics["signups"].as_array().expect("days");
    let counted = days.iter().find(|d| d["day"] == today.as_str()).expect("today is listed");
    assert_eq!((&counted["freelancers"], &counted["clients"]), (&json!(2), &json!(1)), "{days:?}");

    // Funding Build leaves $300 in escrow.
    let build = &contract["milestones"][1];
    assert_eq!(app.post(&path, pay(build, "fund"), Some(&client.access)).await.status(), StatusCode::OK);
    let metrics = app.json("/api/admin/metrics", Some(&admin.access)).await;
    assert_eq!(metrics["escrow_held"], json!([usd(30_000)]));
    assert_eq!(metrics["gross_merchandise_volume"], json!([usd(52_500)]));

    assert_eq!(metrics["disputes"], json!({"open": 0, "opened": 0, "median_seconds_to_resolve": null}));

    // Disputes: Build's, opened three hours ago and decided two hours later;
    // another opened 31 days ago (before the range) and decided an hour ago;
    // a third still open.
    let build_dispute = disputes::open(&app, &client, about(build, "quality")).await;
    let (_, _, _, old_dispute) = disputed_milestone(&app).await;
    let (_, _, _, waiting) = disputed_milestone(&app).await;
    for dispute in [&build_dispute, &old_dispute] {
        let path = format!("/api/admin/disputes/{}/resolve", id(dispute));
        let res = app.post(&path, json!({"outcome": "refund", "note": "Refunded"}), Some(&admin.access)).await;
        assert_eq!(res.status(), StatusCode::OK, "resolved");
    }
    let now = Utc::now().trunc_subsecs(0);
    backdate_dispute(&app, &build_dispute, now - Duration::hours(3), Some(now - Duration::hours(1))).await;
    backdate_dispute(&app, &old_dispute, now - Duration::days(31), Some(now - Duration::hours(1))).await;
    backdate_dispute(&app, &waiting, now - Duration::minutes(5), None).await;
    let metrics = app.json("/api/admin/metrics", Some(&admin.access)).await;
    // The median of 7,200 s and 31 days less an hour (2,674,800 s).
    let median = (7_200 + 2_674_800) / 2;
    assert_eq!(metrics["disputes"], json!({"open": 1, "opened": 2, "median_seconds_to_resolve": median}));
    let at = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let earlier =
        format!("/api/admin/metrics?from={}&to={}", at(now - Duration::days(40)), at(now - Duration::days(20)));
    let earlier = app.json(&earlier, Some(&admin.access)).await;
    assert_eq!(earlier["disputes"], json!({"open": 1, "opened": 1, "median_seconds_to_resolve": null}));

    let res =
        app.get("/api/admin/metrics?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", Some(&admin.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    expect_error(app.get("/api/admin/metrics", Some(&client.access)).await, StatusCode::NOT_FOUND, "route_not_found")
        .await;
    expect_error(app.get("/api/dashboard", None).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}
