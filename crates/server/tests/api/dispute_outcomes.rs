//! An admin decides a disputed milestone: each outcome moves the money a
//! hand computation says it should, a split that does not add up moves
//! nothing, and sixteen decisions at once decide once.
//!
//! The milestone is Design, $200.00, funded with the 5% client fee: the
//! client paid $210.00 and the platform holds $10.00 of it.

use domain::Currency;
use domain::ledger::Account;
use futures::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::disputes::{disputed_milestone, milestone_status, submit};
use crate::market::{id, pay, usd};
use crate::support::{TestApp, TestUser, expect_error};

async fn platform_revenue(app: &TestApp) -> i64 {
    store::ledger::balance_of(&app.db, Account::PlatformRevenue, Currency::Usd).await.expect("balance").amount
}

async fn escrow(app: &TestApp, contract: &Value) -> i64 {
    let contract = id(contract).parse::<uuid::Uuid>().expect("uuid").into();
    store::ledger::balance_of(&app.db, Account::Escrow(contract), Currency::Usd).await.expect("balance").amount
}

/// What the client paid (negative) and got back, newest first.
async fn client_payments(app: &TestApp, client: &TestUser) -> Vec<(String, i64)> {
    let history = app.json("/api/balance/transactions", Some(&client.access)).await;
    history["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| {
            (t["movement"].as_str().expect("movement").to_owned(), t["amount"]["amount"].as_i64().expect("amount"))
        })
        .collect()
}

async fn resolve(app: &TestApp, admin: &TestUser, dispute: &Value, decision: Value) -> reqwest::Response {
    app.post(&format!("/api/admin/disputes/{}/resolve", id(dispute)), decision, Some(&admin.access)).await
}

async fn resolved(app: &TestApp, admin: &TestUser, dispute: &Value, decision: Value) -> Value {
    let res = resolve(app, admin, dispute, decision).await;
    assert_eq!(res.status(), StatusCode::OK, "resolving");
    res.json().await.expect("json")
}

#[tokio::test]
async fn a_refund_decision_returns_the_escrow_and_the_client_fee() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let decided =
        resolved(&app, &admin, &dispute, json!({"outcome": "refund", "note": "Not delivered as agreed."})).await;
    assert_eq!(
        (decided["status"].as_str(), decided["resolution"]["outcome"].as_str()),
        (Some("resolved"), Some("refund"))
    );
    assert_eq!(decided["resolution"]["resolved_by"], json!(admin.id));
    assert_eq!(
        decided["timeline"].as_array().expect("timeline").last().expect("entry")["body"],
        "Not delivered as agreed."
    );

    assert_eq!(client_payments(&app, &client).await, [("refund".to_owned(), 21_000), ("fund".to_owned(), -21_000)]);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await, json!({"available": [], "pending": []}));
    assert_eq!((platform_revenue(&app).await, escrow(&app, &contract).await), (0, 0));
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "refunded");
    assert_eq!(app.count("invoices").await, 0, "nothing was paid, nothing is invoiced");
    for user in [&client, &freelancer] {
        assert_eq!(app.notification_kinds(user).await[0], "dispute_resolved");
    }
    app.assert_books_balance().await;

    let audit = app.json("/api/admin/audit-log", Some(&admin.access)).await;
    assert_eq!(audit["items"][0]["action"], "dispute.resolve", "the decision is in the audit log");
    assert_eq!(audit["items"][0]["subject_id"], dispute["id"]);
    assert_eq!(audit["items"][0]["reason"], "Not delivered as agreed.");

    let res = resolve(&app, &admin, &dispute, json!({"outcome": "release", "note": "Changed my mind"})).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_resolved").await;
    let res = app.post(&format!("/api/disputes/{}/withdraw", id(&dispute)), json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_resolved").await;
}

#[tokio::test]
async fn a_release_decision_pays_the_freelancer_as_a_normal_release_with_an_invoice() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    resolved(&app, &admin, &dispute, json!({"outcome": "release", "note": "The work matches the brief."})).await;

    // $200.00 less the 10% fee; the platform keeps both fees, $10.00 + $20.00.
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance["available"], json!([usd(18_000)]));
    assert_eq!((platform_revenue(&app).await, escrow(&app, &contract).await), (3_000, 0));
    assert_eq!(client_payments(&app, &client).await, [("fund".to_owned(), -21_000)]);
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "released");
    let invoice = app
        .json(&format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job")), Some(&client.access))
        .await;
    assert_eq!(invoice["lines"][0]["amount"], usd(20_000));
    assert_eq!(
        (&invoice["lines"][0]["client_fee"], &invoice["lines"][0]["freelancer_fee"]),
        (&usd(1_000), &usd(2_000))
    );
    app.assert_books_balance().await;

    // The released money is the freelancer's to withdraw.
    let res = app.post("/api/balance/withdrawals", json!({"amount": usd(18_000)}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn a_split_decision_refunds_the_clients_part_and_pays_the_freelancers_part_less_its_fees() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let split = json!({"outcome": "split", "client_amount": usd(5_000), "freelancer_amount": usd(15_000), "note": "Three quarters was delivered."});
    let decided = resolved(&app, &admin, &dispute, split).await;
    assert_eq!(decided["resolution"]["client_amount"], usd(5_000));
    assert_eq!(decided["resolution"]["freelancer_amount"], usd(15_000));

    // The client gets $50.00 and the $2.50 fee on it; the freelancer $150.00 less $15.00;
    // the platform keeps $15.00 and the client fee on $150.00 ($7.50).
    assert_eq!(client_payments(&app, &client).await, [("refund".to_owned(), 5_250), ("fund".to_owned(), -21_000)]);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(13_500)]));
    assert_eq!((platform_revenue(&app).await, escrow(&app, &contract).await), (2_250, 0));
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "split");
    let invoice = app
        .json(&format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job")), Some(&freelancer.access))
        .await;
    assert_eq!(invoice["lines"][0]["amount"], usd(15_000));
    assert_eq!(
        (&invoice["totals"]["client_total"], &invoice["totals"]["freelancer_net"]),
        (&usd(15_750), &usd(13_500))
    );
    app.assert_books_balance().await;
}

#[tokio::test]
async fn a_split_that_does_not_add_up_moves_nothing() {
    let app = TestApp::spawn().await;
    let (client, _, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let before = app.snapshot().await;
    let split = |client: Value, freelancer: Value| json!({"outcome": "split", "client_amount": client, "freelancer_amount": freelancer, "note": "Half each"});
    for (decision, why) in [
        (split(usd(5_000), usd(14_999)), "a cent short"),
        (split(usd(10_000), usd(10_001)), "a cent over"),
        (split(usd(-5_000), usd(25_000)), "a negative part"),
        (split(json!({"amount": 5_000, "currency": "eur"}), usd(15_000)), "another currency"),
        (json!({"outcome": "split", "client_amount": usd(20_000), "note": "One side"}), "a part missing"),
        (
            json!({"outcome": "refund", "client_amount": usd(20_000), "note": "Amounts on a refund"}),
            "amounts where none belong",
        ),
        (json!({"outcome": "rework", "note": "No date"}), "rework without a due date"),
        (json!({"outcome": "rework", "due_date": "2020-01-01", "note": "In the past"}), "a due date in the past"),
        (json!({"outcome": "release", "note": ""}), "no note"),
    ] {
        let res = resolve(&app, &admin, &dispute, decision).await;
        expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(app.snapshot().await, before, "{why}: nothing changed");
    }
    let res = resolve(&app, &admin, &dispute, json!({"outcome": "sideways", "note": "x"})).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "disputed");
    assert_eq!(escrow(&app, &contract).await, 20_000);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn rework_sends_the_milestone_back_to_funded_with_its_escrow_and_a_new_due_date() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let due = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive();
    let decided =
        resolved(&app, &admin, &dispute, json!({"outcome": "rework", "due_date": due, "note": "Redo the colours."}))
            .await;
    assert_eq!(decided["resolution"]["due_date"], json!(due));
    let detail = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&freelancer.access)).await;
    assert_eq!(
        (detail["milestones"][0]["status"].as_str(), &detail["milestones"][0]["due_date"]),
        (Some("funded"), &json!(due))
    );
    assert_eq!(escrow(&app, &contract).await, 20_000, "the escrow stays");
    assert_eq!(platform_revenue(&app).await, 1_000);
    app.assert_books_balance().await;

    // The work goes round again and is paid as usual.
    submit(&app, &freelancer, &contract, &contract["milestones"][0]).await;
    let res = app
        .post(
            &format!("/api/contracts/{}/payment", id(&contract)),
            pay(&contract["milestones"][0], "release"),
            Some(&client.access),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(18_000)]));
    app.assert_books_balance().await;
}

#[tokio::test]
async fn sixteen_simultaneous_dispute_decisions_resolve_it_once() {
    let app = TestApp::spawn_with(|config| config.database_max_connections = 16).await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let decisions = (0..16).map(|i| {
        let outcome = if i % 2 == 0 {
            json!({"outcome": "release", "note": "Paid"})
        } else {
            json!({"outcome": "refund", "note": "Back"})
        };
        let (app, admin, dispute) = (&app, &admin, &dispute);
        async move { resolve(app, admin, dispute, outcome).await.status() }
    });
    let statuses = join_all(decisions).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| [StatusCode::OK, StatusCode::CONFLICT].contains(s)), "{statuses:?}");
    let res = resolve(&app, &admin, &dispute, json!({"outcome": "refund", "note": "Again"})).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_resolved").await;

    let status = milestone_status(&app, &client, &contract, 0).await;
    let payments = client_payments(&app, &client).await;
    let available = app.json("/api/balance", Some(&freelancer.access)).await["available"].clone();
    match status.as_str() {
        "released" => assert_eq!((payments.len(), available), (1, json!([usd(18_000)]))),
        "refunded" => assert_eq!((payments.len(), available), (2, json!([]))),
        other => panic!("unexpected milestone status {other}"),
    }
    assert_eq!(escrow(&app, &contract).await, 0);
    let detail = app.json(&format!("/api/disputes/{}", id(&dispute)), Some(&client.access)).await;
    let resolutions =
        detail["timeline"].as_array().expect("timeline").iter().filter(|e| e["kind"] == "resolved").count();
    assert_eq!(resolutions, 1);
    app.assert_books_balance().await;
}
