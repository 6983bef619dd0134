//! Withdrawals, the money history and the monthly figures, all from the ledger.

use chrono::{Datelike, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{id, pay, usd};
use crate::support::{TestApp, TestUser, expect_error};

/// A freelancer with $180.00 available (a $200 milestone less the 10% fee)
/// and their client.
pub async fn paid_freelancer(app: &TestApp) -> (TestUser, TestUser, Value) {
    let (client, freelancer, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    for action in ["fund", "release"] {
        let res = app.post(&path, pay(&contract["milestones"][0], action), Some(&client.access)).await;
        assert_eq!(res.status(), StatusCode::OK, "{action}");
    }
    (client, freelancer, contract)
}

#[tokio::test]
async fn withdrawals_take_between_five_dollars_and_the_available_balance() {
    let app = TestApp::spawn().await;
    let (_, freelancer, _) = paid_freelancer(&app).await;
    let before = app.snapshot().await;
    for (amount, why) in [
        (json!(usd(499)), "under the minimum"),
        (json!(usd(18_001)), "more than available"),
        (json!({"amount": 1_000, "currency": "eur"}), "a currency not held"),
        (json!({"amount": 10.5, "currency": "usd"}), "a float"),
        (json!(usd(-1_000)), "negative"),
        (json!({"amount": 9_223_372_036_854_775_807_i64, "currency": "usd"}), "overflowing"),
    ] {
        let res = app.post("/api/balance/withdrawals", json!({"amount": amount}), Some(&freelancer.access)).await;
        assert!(
            [StatusCode::UNPROCESSABLE_ENTITY, StatusCode::BAD_REQUEST].contains(&res.status()),
            "{why}: {}",
            res.status()
        );
    }
    assert_eq!(app.snapshot().await, before, "refused withdrawals change nothing");

    let res = app.post("/api/balance/withdrawals", json!({"amount": usd(5_000)}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let withdrawal: Value = res.json().await.expect("json");
    assert_eq!((withdrawal["status"].as_str(), withdrawal["provider"].as_str()), (Some("paid"), Some("sandbox")));
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(13_000)]));
    let listed = app.json("/api/balance/withdrawals", Some(&freelancer.access)).await;
    assert_eq!(listed["items"][0]["id"], withdrawal["id"]);
    app.assert_books_balance().await;

    let history = app.json("/api/balance/transactions?limit=1", Some(&freelancer.access)).await;
    assert_eq!(history["items"][0]["movement"], "withdraw");
    assert_eq!(history["items"][0]["amount"], usd(-5_000));
    let cursor = history["next_cursor"].as_str().expect("more");
    let older = app.json(&format!("/api/balance/transactions?limit=5&cursor={cursor}"), Some(&freelancer.access)).await;
    assert_eq!(older["items"][0]["movement"], "release");
    assert_eq!(older["items"][0]["amount"], usd(18_000));
    assert!(older["next_cursor"].is_null());
}

#[tokio::test]
async fn monthly_figures_show_what_each_side_earned_and_spent() {
    let app = TestApp::spawn().await;
    let (client, freelancer, _) = paid_freelancer(&app).await;
    let today = Utc::now().date_naive();
    let this_month = today.with_day(1).expect("first");
    let from = if this_month.month() == 1 {
        this_month.with_year(this_month.year() - 1).and_then(|d| d.with_month(12))
    } else {
        this_month.with_month(this_month.month() - 1)
    }
    .expect("last month");
    let path = format!("/api/balance/monthly?from={from}&to={today}");
    let earned = app.json(&path, Some(&freelancer.access)).await;
    assert_eq!(
        earned,
        json!([
            {"month": from.to_string(), "earned": [], "spent": []},
            {"month": this_month.to_string(), "earned": [usd(18_000)], "spent": []},
        ])
    );
    let spent = app.json(&path, Some(&client.access)).await;
    assert_eq!(spent[1], json!({"month": this_month.to_string(), "earned": [], "spent": [usd(21_000)]}));
    let res = app.get(&format!("/api/balance/monthly?from={today}&to={from}"), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
