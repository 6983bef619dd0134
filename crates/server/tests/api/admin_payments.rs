//! Admins and money: reading the books and every payout, and refunding a
//! milestone's escrow to the client once however often it is asked.

use futures::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::disputes::{disputed_milestone, fund, submit};
use crate::market::{id, ids, usd};
use crate::support::{TestApp, TestUser, expect_error};
use crate::withdrawals::paid_freelancer;

const REFUNDS: &str = "/api/admin/payments/refunds";

fn refund_of(milestone: &Value) -> Value {
    json!({"milestone_id": milestone["id"], "reason": "The freelancer left the platform"})
}

/// Each transaction's postings sum to zero per currency.
fn assert_balanced(page: &Value) {
    for tx in page["items"].as_array().expect("items") {
        let mut sums = std::collections::BTreeMap::<String, i64>::new();
        for p in tx["postings"].as_array().expect("postings") {
            let currency = p["amount"]["currency"].as_str().expect("currency").to_owned();
            *sums.entry(currency).or_default() += p["amount"]["amount"].as_i64().expect("amount");
        }
        assert!(sums.values().all(|s| *s == 0), "{tx}");
    }
}

async fn refunds_on(app: &TestApp, admin: &TestUser, contract: &Value) -> usize {
    let path = format!("/api/admin/payments/transactions?kind=refund&contract={}", id(contract));
    ids(&app.json(&path, Some(&admin.access)).await).len()
}

#[tokio::test]
async fn an_admin_refunds_a_funded_milestone_once_under_sixteen_concurrent_requests() {
    let app = TestApp::spawn_with(|config| config.database_max_connections = 16).await;
    let admin = app.admin().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;

    let clicks =
        (0..16).map(|click| {
            let (app, admin) = (&app, &admin);
            async move {
                app.keyed_post(REFUNDS, refund_of(design), &admin.access, &format!("refund-{click}")).await.status()
            }
        });
    let statuses = join_all(clicks).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| [StatusCode::OK, StatusCode::CONFLICT].contains(s)), "{statuses:?}");
    app.assert_books_balance().await;
    assert_eq!(refunds_on(&app, &admin, &contract).await, 1, "refunded once");
    let detail = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&client.access)).await;
    assert_eq!(detail["milestones"][0]["status"], "refunded");
    assert_eq!(app.notification_kinds(&client).await[0], "milestone_refunded");
    assert_eq!(app.notification_kinds(&freelancer).await[0], "admin_refund");
    let log = app.json(&format!("/api/admin/audit-log?subject_id={}", id(design)), Some(&admin.access)).await;
    assert_eq!(log["items"].as_array().expect("items").len(), 1);
    assert_eq!(log["items"][0]["action"], "payment.refund");
    assert_eq!(log["items"][0]["actor_id"], admin.id.as_str());
    assert_eq!(log["items"][0]["reason"], "The freelancer left the platform");
    assert_eq!(log["items"][0]["details"]["amount"], usd(20_000));

    // Submitted work is refunded too; a retry with the same key replays the answer.
    let build = &contract["milestones"][1];
    fund(&app, &client, &contract, build).await;
    submit(&app, &freelancer, &contract, build).await;
    let first = app.keyed_post(REFUNDS, refund_of(build), &admin.access, "build-refund").await;
    assert_eq!(first.status(), StatusCode::OK);
    let again = app.keyed_post(REFUNDS, refund_of(build), &admin.access, "build-refund").await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.expect("json")["status"], "refunded");
    assert_eq!(refunds_on(&app, &admin, &contract).await, 2);
    app.assert_books_balance().await;
    let metrics = app.json("/api/admin/metrics", Some(&admin.access)).await;
    assert_eq!(metrics["escrow_held"], json!([]), "nothing left in escrow");
}

#[tokio::test]
async fn disputed_and_released_milestones_are_not_refunded_by_an_admin() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (_, _, contract, _) = disputed_milestone(&app).await;
    let res = app.post(REFUNDS, refund_of(&contract["milestones"][0]), Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "milestone_disputed").await;

    let (_, _, paid) = paid_freelancer(&app).await;
    let res = app.post(REFUNDS, refund_of(&paid["milestones"][0]), Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.post(REFUNDS, refund_of(&paid["milestones"][1]), Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res =
        app.post(REFUNDS, json!({"milestone_id": uuid::Uuid::now_v7(), "reason": "x"}), Some(&admin.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "milestone_not_found").await;
    let blank = json!({"milestone_id": paid["milestones"][0]["id"], "reason": "  "});
    expect_error(
        app.post(REFUNDS, blank, Some(&admin.access)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let log = app.json("/api/admin/audit-log?action=payment.", Some(&admin.access)).await;
    assert_eq!(log["items"], json!([]), "refusals are not actions");
    app.assert_books_balance().await;
}

#[tokio::test]
async fn admins_read_the_books_and_every_payout() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (client, freelancer, contract) = paid_freelancer(&app).await;
    let res = app.post("/api/balance/withdrawals", json!({"amount": usd(5_000)}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let withdrawal: Value = res.json().await.expect("json");
    let (_, other, _) = paid_freelancer(&app).await;

    let books = |query: &str| format!("/api/admin/payments/transactions{query}");
    let all = app.json(&books(""), Some(&admin.access)).await;
    assert_balanced(&all);
    let kinds: Vec<&str> =
        all["items"].as_array().expect("items").iter().map(|t| t["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, vec!["release", "fund", "withdraw", "release", "fund"], "newest first");
    let fund = &all["items"][4];
    assert_eq!(fund["contract_id"], contract["id"]);
    assert_eq!(fund["user_id"], client.id.as_str());
    let escrow = fund["postings"].as_array().expect("postings").iter().find(|p| p["account_kind"] == "escrow").cloned();
    assert_eq!(escrow.expect("escrow posting")["amount"], usd(20_000));

    let only = async |query: &str| {
        let page = app.json(&books(query), Some(&admin.access)).await;
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|t| t["kind"].as_str().expect("kind").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(only("?kind=fund").await, vec!["fund", "fund"]);
    assert_eq!(only(&format!("?contract={}", id(&contract))).await, vec!["release", "fund"]);
    assert_eq!(only(&format!("?user={}", freelancer.id)).await, vec!["withdraw", "release"]);
    assert_eq!(only(&format!("?user={}&kind=withdraw", other.id)).await, Vec::<String>::new());
    assert_eq!(only("?from=2099-01-01T00:00:00Z").await, Vec::<String>::new());
    assert_eq!(only("?to=2020-01-01T00:00:00Z").await, Vec::<String>::new());
    let first = app.json(&books("?limit=2"), Some(&admin.access)).await;
    let cursor = first["next_cursor"].as_str().expect("more");
    let rest = app.json(&books(&format!("?limit=3&cursor={cursor}")), Some(&admin.access)).await;
    assert_eq!([ids(&first), ids(&rest)].concat(), ids(&all), "paging visits each once");
    expect_error(app.get(&books("?kind=gift"), Some(&admin.access)).await, StatusCode::BAD_REQUEST, "invalid_query")
        .await;

    let payouts = app.json("/api/admin/payments/payouts", Some(&admin.access)).await;
    assert_eq!(ids(&payouts), vec![id(&withdrawal)]);
    assert_eq!(payouts["items"][0]["user_id"], freelancer.id.as_str());
    assert_eq!(payouts["items"][0]["amount"], usd(5_000));
    assert_eq!(
        ids(&app.json("/api/admin/payments/payouts?status=paid", Some(&admin.access)).await),
        vec![id(&withdrawal)]
    );
    assert_eq!(
        ids(&app.json("/api/admin/payments/payouts?status=failed", Some(&admin.access)).await),
        Vec::<String>::new()
    );
    let res = app.get("/api/admin/payments/payouts?status=lost", Some(&admin.access)).await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
}
