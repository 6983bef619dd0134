//! Hourly contracts: time logged within the weekly limit, each finished
//! week billed once, held for the client's review, then paid out.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{hourly_job, id, proposal, usd};
use crate::support::{TestApp, TestUser, expect_error};

/// A client and a freelancer on an hourly contract at $65.00/h, 20 h a week.
pub async fn hourly_contract(app: &TestApp) -> (TestUser, TestUser, Value) {
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, hourly_job(json!({}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(6_500, json!({}))).await;
    let res = app.put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    (client, freelancer, res.json().await.expect("json"))
}

fn entry(minutes: u32, memo: &str) -> Value {
    json!({"work_date": Utc::now().date_naive(), "minutes": minutes, "memo": memo})
}

#[tokio::test]
async fn time_is_logged_within_the_weekly_limit_by_the_freelancer_alone() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = hourly_contract(&app).await;
    let stranger = app.signup("freelancer").await;
    let path = format!("/api/contracts/{}/time-entries", id(&contract));

    let res = app.post(&path, entry(600, "API endpoints"), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let first: Value = res.json().await.expect("json");
    let res = app.post(&path, entry(60, "Mine"), Some(&client.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "freelancer_only").await;
    let res = app.post(&path, entry(60, "Mine"), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    let over = app.post(&path, entry(601, "Too much"), Some(&freelancer.access)).await;
    let body = expect_error(over, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["minutes"].as_str().expect("message").contains("20 h"), "{body}");
    let tomorrow = json!({"work_date": Utc::now().date_naive() + Duration::days(1), "minutes": 60, "memo": "Later"});
    let res = app.post(&path, tomorrow, Some(&freelancer.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post(&path, entry(0, "Nothing"), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    // Two entries at once cannot both squeeze under the limit.
    let (a, b) = tokio::join!(
        app.post(&path, entry(400, "Tests"), Some(&freelancer.access)),
        app.post(&path, entry(400, "Docs"), Some(&freelancer.access)),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY]);

    let edit = format!("{path}/{}", id(&first));
    let res = app.put(&edit, entry(480, "API endpoints and tests"), &freelancer.access).await;
    assert_eq!(res.json::<Value>().await.expect("json")["minutes"], 480);
    let sheet = app.json(&path, Some(&client.access)).await;
    assert_eq!(sheet["total_minutes"], 880);
    assert_eq!((sheet["weekly_limit_hours"].as_u64(), sheet["billed"].as_bool()), (Some(20), Some(false)));
    assert_eq!(sheet["entries"].as_array().expect("entries").len(), 2);
    expect_error(app.get(&path, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "contract_not_found").await;
}

#[tokio::test]
async fn a_finished_week_is_billed_once_held_for_review_then_paid_out() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = hourly_contract(&app).await;
    let path = format!("/api/contracts/{}/time-entries", id(&contract));
    let res = app.post(&path, entry(480, "Migrations"), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let logged: Value = res.json().await.expect("json");

    let payments = &app.services.payments;
    assert_eq!(payments.bill_hourly_weeks(Utc::now()).await.expect("sweep"), 0, "the week is not over");
    let next_week = Utc::now() + Duration::days(7);
    let (a, b) = tokio::join!(payments.bill_hourly_weeks(next_week), payments.bill_hourly_weeks(next_week));
    assert_eq!(a.expect("sweep") + b.expect("sweep"), 1, "billed once between two workers");
    assert_eq!(payments.bill_hourly_weeks(next_week).await.expect("sweep"), 0);
    app.assert_books_balance().await;

    // 8 h at $65.00 = $520.00: the client pays $546.00, the freelancer gets $468.00 pending.
    let weeks = app.json(&format!("/api/contracts/{}/weeks", id(&contract)), Some(&client.access)).await;
    assert_eq!(weeks[0]["status"], "held");
    assert_eq!((weeks[0]["minutes"].as_u64(), &weeks[0]["amount"]), (Some(480), &usd(52_000)));
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, json!({"available": [], "pending": [usd(46_800)]}));
    let paid = app.json("/api/balance/transactions", Some(&client.access)).await;
    assert_eq!(paid["items"][0]["amount"], usd(-54_600));
    assert_eq!(paid["items"][0]["contract_id"], contract["id"]);
    assert!(paid["items"][0]["milestone_id"].is_null(), "an hourly week has no milestone");
    let invoice = app
        .json(&format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job")), Some(&client.access))
        .await;
    assert_eq!(invoice["kind"], "hourly_week");
    assert_eq!(invoice["period_start"], weeks[0]["week_start"]);
    assert_eq!(invoice["lines"][0]["minutes"], 480);
    assert_eq!(invoice["lines"][0]["hourly_rate"], usd(6_500));
    assert_eq!(invoice["totals"]["client_total"], usd(54_600));
    assert_eq!(weeks[0]["invoice_id"], invoice["id"]);

    // Billed time is settled.
    let res = app.put(&format!("{path}/{}", id(&logged)), entry(60, "Less"), &freelancer.access).await;
    expect_error(res, StatusCode::CONFLICT, "week_billed").await;
    assert_eq!(app.json(&path, Some(&freelancer.access)).await["billed"], true);
    let res = app.post(&path, entry(30, "Late addition"), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "week_billed").await;

    let billed_at = Utc::now() + Duration::days(7);
    assert_eq!(payments.release_reviewed_weeks(billed_at + Duration::days(4)).await.expect("sweep"), 0);
    let reviewed = billed_at + Duration::days(5) + Duration::minutes(1);
    assert_eq!(payments.release_reviewed_weeks(reviewed).await.expect("sweep"), 1);
    assert_eq!(payments.release_reviewed_weeks(reviewed).await.expect("sweep"), 0);
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance["available"], json!([usd(46_800)]));
    assert_eq!(balance["pending"], json!([usd(0)]));
    let weeks = app.json(&format!("/api/contracts/{}/weeks", id(&contract)), Some(&freelancer.access)).await;
    assert_eq!(weeks[0]["status"], "released");
    app.assert_books_balance().await;
}
