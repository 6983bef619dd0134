//! Disputes over a billed hourly week: the week is not paid out while
//! disputed, its pay cannot be withdrawn, and each decision moves its held
//! pay as computed by hand.
//!
//! The week is 8 h at $65.00: $520.00. The client paid $546.00 (5% fee,
//! $26.00); the freelancer's pending balance got $468.00 (10% fee, $52.00).

use chrono::{Duration, Utc};
use domain::Currency;
use domain::ledger::Account;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::hourly::hourly_contract;
use crate::market::{id, usd};
use crate::support::{TestApp, TestUser, expect_error};

/// A client, a freelancer and their hourly contract with one billed week;
/// returns the week as `GET /api/contracts/{id}/weeks` shows it.
async fn billed_week(app: &TestApp) -> (TestUser, TestUser, Value, Value) {
    let (client, freelancer, contract) = hourly_contract(app).await;
    let path = format!("/api/contracts/{}/time-entries", id(&contract));
    let entry = json!({"work_date": Utc::now().date_naive(), "minutes": 480, "memo": "Migrations"});
    assert_eq!(app.post(&path, entry, Some(&freelancer.access)).await.status(), StatusCode::CREATED);
    let billed = app.services.payments.bill_hourly_weeks(Utc::now() + Duration::days(7)).await.expect("sweep");
    assert_eq!(billed, 1);
    let weeks = app.json(&format!("/api/contracts/{}/weeks", id(&contract)), Some(&client.access)).await;
    (client, freelancer, contract, weeks[0].clone())
}

async fn open_week_dispute(app: &TestApp, user: &TestUser, week: &Value) -> Value {
    let body = json!({"hourly_week_id": week["id"], "reason": "payment", "description": "Eight hours were billed for two hours of work."});
    let res = app.post("/api/disputes", body, Some(&user.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "opening a dispute");
    res.json().await.expect("json")
}

async fn decide(app: &TestApp, dispute: &Value, decision: Value) {
    let admin = app.admin().await;
    let res = app.post(&format!("/api/admin/disputes/{}/resolve", id(dispute)), decision, Some(&admin.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "resolving");
}

async fn platform_revenue(app: &TestApp) -> i64 {
    store::ledger::balance_of(&app.db, Account::PlatformRevenue, Currency::Usd).await.expect("balance").amount
}

async fn week_status(app: &TestApp, user: &TestUser, contract: &Value) -> String {
    let weeks = app.json(&format!("/api/contracts/{}/weeks", id(contract)), Some(&user.access)).await;
    weeks[0]["status"].as_str().expect("status").to_owned()
}

/// Past the end of the week's review period, as the payout sweep sees it.
fn after_review() -> chrono::DateTime<Utc> {
    Utc::now() + Duration::days(7 + 5) + Duration::minutes(1)
}

#[tokio::test]
async fn a_disputed_week_is_not_paid_out_and_its_pay_cannot_be_withdrawn() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, week) = billed_week(&app).await;
    let dispute = open_week_dispute(&app, &client, &week).await;
    assert_eq!((dispute["hourly_week_id"].as_str(), &dispute["amount"]), (week["id"].as_str(), &usd(52_000)));
    assert!(dispute["milestone_id"].is_null());
    assert_eq!(week_status(&app, &client, &contract).await, "disputed");
    let res = app
        .post(
            "/api/disputes",
            json!({"hourly_week_id": week["id"], "reason": "other", "description": "Me too, from the other side."}),
            Some(&freelancer.access),
        )
        .await;
    expect_error(res, StatusCode::CONFLICT, "dispute_open").await;

    assert_eq!(app.services.payments.release_reviewed_weeks(after_review()).await.expect("sweep"), 0);
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, json!({"available": [], "pending": [usd(46_800)]}));
    let res = app.post("/api/balance/withdrawals", json!({"amount": usd(500)}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    app.assert_books_balance().await;

    // Withdrawn, the week is held again and paid out when its review ends.
    let res = app.post(&format!("/api/disputes/{}/withdraw", id(&dispute)), json!({}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(week_status(&app, &client, &contract).await, "held");
    assert_eq!(app.services.payments.release_reviewed_weeks(after_review()).await.expect("sweep"), 1);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(46_800)]));

    // A week whose review period is over is no longer disputable.
    let body = json!({"hourly_week_id": week["id"], "reason": "payment", "description": "Too late to complain now."});
    let res = app.post("/api/disputes", body, Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let stranger = app.signup("client").await;
    let body = json!({"hourly_week_id": week["id"], "reason": "payment", "description": "Not my contract at all."});
    let res = app.post("/api/disputes", body, Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "hourly_week_not_found").await;
    app.assert_books_balance().await;
}

#[tokio::test]
async fn refunding_a_disputed_week_gives_the_client_everything_they_paid() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, week) = billed_week(&app).await;
    let dispute = open_week_dispute(&app, &freelancer, &week).await;
    decide(&app, &dispute, json!({"outcome": "refund", "note": "The hours were not worked."})).await;
    assert_eq!(week_status(&app, &client, &contract).await, "refunded");
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await, json!({"available": [], "pending": [usd(0)]}));
    let paid = app.json("/api/balance/transactions", Some(&client.access)).await;
    assert_eq!(paid["items"][0]["amount"], usd(54_600));
    assert_eq!(platform_revenue(&app).await, 0, "both fees go back");
    assert_eq!(app.services.payments.release_reviewed_weeks(after_review()).await.expect("sweep"), 0);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn releasing_a_disputed_week_pays_it_out_at_once() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, week) = billed_week(&app).await;
    let dispute = open_week_dispute(&app, &client, &week).await;
    decide(&app, &dispute, json!({"outcome": "release", "note": "The hours are documented."})).await;
    assert_eq!(week_status(&app, &client, &contract).await, "released");
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, json!({"available": [usd(46_800)], "pending": [usd(0)]}));
    assert_eq!(platform_revenue(&app).await, 2_600 + 5_200);
    assert_eq!(app.services.payments.release_reviewed_weeks(after_review()).await.expect("sweep"), 0, "paid once");
    app.assert_books_balance().await;
}

#[tokio::test]
async fn splitting_a_disputed_week_gives_back_the_fees_on_the_clients_part() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, week) = billed_week(&app).await;
    let dispute = open_week_dispute(&app, &client, &week).await;
    let admin = app.admin().await;
    let resolve = format!("/api/admin/disputes/{}/resolve", id(&dispute));
    let rework = json!({"outcome": "rework", "due_date": "2030-01-01", "note": "Redo"});
    let res = app.post(&resolve, rework.clone(), Some(&admin.access)).await;
    let body = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["outcome"].is_string(), "billed time is not reworked: {body}");
    let split = json!({"outcome": "split", "client_amount": usd(20_000), "freelancer_amount": usd(32_000), "note": "Five of eight hours were worked."});
    let res = app.post(&resolve, split, Some(&admin.access)).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Of $520.00, $200.00 goes back with its fees: the client gets $200.00 and $10.00 of
    // their $26.00 fee; the freelancer keeps $320.00 less $32.00 of the $52.00 fee.
    assert_eq!(week_status(&app, &client, &contract).await, "split");
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, json!({"available": [usd(28_800)], "pending": [usd(0)]}));
    let paid = app.json("/api/balance/transactions", Some(&client.access)).await;
    assert_eq!(paid["items"][0]["amount"], usd(21_000));
    assert_eq!(platform_revenue(&app).await, 1_600 + 3_200);
    app.assert_books_balance().await;

    let res = app
        .post(
            "/api/disputes",
            json!({"hourly_week_id": week["id"], "reason": "other", "description": "Once more, with feeling."}),
            Some(&client.access),
        )
        .await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.post(&resolve, rework, Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_resolved").await;
}

#[tokio::test]
async fn a_week_past_its_review_period_is_not_disputable_even_before_the_payout_sweep() {
    let app = TestApp::spawn().await;
    let (client, _, _, week) = billed_week(&app).await;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use store::entity::hourly_week as row;
    let uuid: uuid::Uuid = id(&week).parse().expect("uuid");
    row::Entity::update_many()
        .col_expr(row::Column::ReleaseAfter, Expr::value(Utc::now() - Duration::minutes(1)))
        .filter(row::Column::Id.eq(uuid))
        .exec(&app.db)
        .await
        .expect("the review period ran out");
    let before = app.snapshot().await;
    let body = json!({"hourly_week_id": week["id"], "reason": "payment", "description": "Too late to complain now."});
    let res = app.post("/api/disputes", body, Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "review_period_over").await;
    assert_eq!(app.snapshot().await, before);
}
