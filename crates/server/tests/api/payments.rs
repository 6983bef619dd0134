//! Money on contracts: milestones funded into escrow and released, posted to
//! the ledger once, by the client alone.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{hourly_job, id, pay, proposal, usd};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn the_client_funds_then_releases_and_the_freelancer_is_paid_less_the_fee() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = &contract["milestones"][0];

    let res = app.post(&path, pay(design, "fund"), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "funded");
    app.assert_books_balance().await;
    let res = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "released");
    app.assert_books_balance().await;

    // $200.00 less the 10% service fee.
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance["available"], json!([usd(18_000)]));
    assert_eq!(
        app.notification_kinds(&freelancer).await[..3],
        ["invoice_ready", "milestone_released", "milestone_funded"]
    );
    let now = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&freelancer.access)).await;
    assert_eq!(now["milestones"][0]["status"], "released");
    assert_eq!(now["milestones"][1]["status"], "proposed");
}

#[tokio::test]
async fn only_the_client_pays_each_step_once_and_strangers_see_nothing() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let stranger = app.signup("client").await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = &contract["milestones"][0];
    let before = app.snapshot().await;

    expect_error(
        app.post(&path, pay(design, "fund"), Some(&freelancer.access)).await,
        StatusCode::FORBIDDEN,
        "client_only",
    )
    .await;
    let res = app.post(&path, pay(design, "fund"), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    let res = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res =
        app.post(&path, json!({"milestone_id": uuid::Uuid::now_v7(), "action": "fund"}), Some(&client.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "milestone_not_found").await;
    let res = app.post(&path, json!({"milestone_id": design["id"], "action": "steal"}), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.snapshot().await, before, "refused payments change nothing");

    assert_eq!(app.post(&path, pay(design, "fund"), Some(&client.access)).await.status(), StatusCode::OK);
    expect_error(
        app.post(&path, pay(design, "fund"), Some(&client.access)).await,
        StatusCode::CONFLICT,
        "invalid_state",
    )
    .await;
    assert_eq!(app.post(&path, pay(design, "release"), Some(&client.access)).await.status(), StatusCode::OK);
    let again = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    expect_error(again, StatusCode::CONFLICT, "invalid_state").await;
    app.assert_books_balance().await;
    assert_eq!(app.count("ledger_transactions").await, 2);
}

#[tokio::test]
async fn simultaneous_funding_of_one_milestone_moves_money_once() {
    let app = TestApp::spawn().await;
    let (client, _, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = contract["milestones"][0].clone();
    for action in ["fund", "release"] {
        let attempts = (0..8).map(|_| app.post(&path, pay(&design, action), Some(&client.access)));
        let statuses: Vec<StatusCode> = futures::future::join_all(attempts).await.iter().map(|r| r.status()).collect();
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{action}: {statuses:?}");
        assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");
    }
    assert_eq!(app.count("ledger_transactions").await, 2);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn milestones_are_added_in_the_contracts_currency_and_bad_amounts_are_refused() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/milestone", id(&contract));
    let stranger = app.signup("freelancer").await;
    let before = app.snapshot().await;
    for amount in [
        json!(usd(0)),
        json!(usd(-500)),
        json!({"amount": 12.5, "currency": "usd"}),
        json!({"amount": 5_000, "currency": "eur"}),
        json!({"amount": i64::MAX, "currency": "usd"}),
    ] {
        let res = app.post(&path, json!({"title": "Extra", "amount": amount}), Some(&client.access)).await;
        expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    let res = app.post(&path, json!({"title": "Extra", "amount": usd(5_000)}), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    assert_eq!(app.snapshot().await, before);

    let res = app.post(&path, json!({"title": "Launch support", "amount": usd(5_000)}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let added: Value = res.json().await.expect("json");
    assert_eq!((added["position"].clone(), added["status"].clone()), (json!(2), json!("proposed")));

    // Hourly contracts are paid by the week, not by milestones.
    let job = app.post_job(&client, hourly_job(json!({}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(5_000, json!({}))).await;
    let hourly: Value = app
        .put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access)
        .await
        .json()
        .await
        .expect("json");
    let res = app
        .post(
            &format!("/api/contracts/{}/milestone", id(&hourly)),
            json!({"title": "x", "amount": usd(5_000)}),
            Some(&client.access),
        )
        .await;
    expect_error(res, StatusCode::CONFLICT, "contract_not_fixed_active").await;
}

#[tokio::test]
async fn an_idempotency_key_replays_the_first_answer_and_moves_money_once() {
    let app = TestApp::spawn().await;
    let (client, _, contract) = app.fixed_contract().await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = contract["milestones"][0].clone();

    let first = app.keyed_post(&path, pay(&design, "fund"), &client.access, "fund-design-1").await;
    assert_eq!(first.status(), StatusCode::OK);
    let first: Value = first.json().await.expect("json");
    let again = app.keyed_post(&path, pay(&design, "fund"), &client.access, "fund-design-1").await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.headers().get("idempotent-replayed").map(|v| v.as_bytes()), Some(&b"true"[..]));
    assert_eq!(again.json::<Value>().await.expect("json"), first);
    assert_eq!(app.count("ledger_transactions").await, 1);

    let other = app.keyed_post(&path, pay(&design, "release"), &client.access, "fund-design-1").await;
    expect_error(other, StatusCode::CONFLICT, "idempotency_key_reused").await;
    let bad = app.keyed_post(&path, pay(&design, "release"), &client.access, "").await;
    expect_error(bad, StatusCode::BAD_REQUEST, "invalid_idempotency_key").await;

    // Many at once with one key: one runs, the rest replay it or are told it is in progress.
    let build = &contract["milestones"][1];
    let attempts = (0..8).map(|_| app.keyed_post(&path, pay(build, "fund"), &client.access, "fund-build"));
    let statuses: Vec<StatusCode> = futures::future::join_all(attempts).await.iter().map(|r| r.status()).collect();
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");
    // And with different keys: exactly one takes effect.
    let keys: Vec<String> = (0..8).map(|i| format!("release-{i}")).collect();
    let attempts = keys.iter().map(|key| app.keyed_post(&path, pay(build, "release"), &client.access, key));
    let statuses: Vec<StatusCode> = futures::future::join_all(attempts).await.iter().map(|r| r.status()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert_eq!(app.count("ledger_transactions").await, 3);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn unfunded_milestones_are_edited_or_removed_and_funded_ones_stay() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let stranger = app.signup("client").await;
    let (design, build) = (&contract["milestones"][0], &contract["milestones"][1]);
    let at = |m: &Value| format!("/api/contracts/{}/milestones/{}", id(&contract), id(m));
    let edit = json!({"title": "Design, two rounds", "amount": usd(25_000), "due_date": null});

    expect_error(
        app.put(&at(design), edit.clone(), &stranger.access).await,
        StatusCode::NOT_FOUND,
        "contract_not_found",
    )
    .await;
    let res = app.put(&at(design), json!({"title": "", "amount": usd(25_000)}), &client.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let edited: Value = app.put(&at(design), edit.clone(), &freelancer.access).await.json().await.expect("json");
    assert_eq!((edited["title"].clone(), edited["amount"].clone()), (json!("Design, two rounds"), usd(25_000)));

    let fund = json!({"milestone_id": design["id"], "action": "fund"});
    let funded = app.post(&format!("/api/contracts/{}/payment", id(&contract)), fund, Some(&client.access)).await;
    assert_eq!(
        funded.json::<Value>().await.expect("json")["amount"],
        usd(25_000),
        "the edited amount is what is funded"
    );
    expect_error(app.put(&at(design), edit, &client.access).await, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.http.delete(app.url(&at(design))).bearer_auth(&client.access).send().await.expect("sent");
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;

    let res = app.http.delete(app.url(&at(build))).bearer_auth(&client.access).send().await.expect("sent");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let now = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&client.access)).await;
    assert_eq!(now["milestones"].as_array().map(Vec::len), Some(1));
    app.assert_books_balance().await;
}

#[tokio::test]
async fn a_payment_takes_the_fees_in_force_and_its_invoice_names_both_parties() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    for (user, name) in [(&client, "Ada Client"), (&freelancer, "Bo Freelancer")] {
        let res = app.put("/api/users/profile", json!({"name": name}), &user.access).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let mut settings = app.services.settings.get().await.expect("settings");
    (settings.client_fee_bps, settings.freelancer_fee_bps) = (300, 1_200);
    app.services.settings.set(settings).await.expect("saved");
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let design = &contract["milestones"][0];

    assert_eq!(app.post(&path, pay(design, "fund"), Some(&client.access)).await.status(), StatusCode::OK);
    // The fees change again between funding and release: the client paid
    // the fee of the funding, the freelancer pays the one of the release.
    let mut settings = app.services.settings.get().await.expect("settings");
    (settings.client_fee_bps, settings.freelancer_fee_bps) = (800, 1_500);
    app.services.settings.set(settings).await.expect("saved");
    assert_eq!(app.post(&path, pay(design, "release"), Some(&client.access)).await.status(), StatusCode::OK);
    app.assert_books_balance().await;

    let invoice = app
        .json(&format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job")), Some(&client.access))
        .await;
    assert_eq!(
        (&invoice["client"]["name"], &invoice["freelancer"]["name"]),
        (&json!("Ada Client"), &json!("Bo Freelancer"))
    );
    assert_eq!(invoice["lines"][0]["client_fee"], usd(600));
    assert_eq!(invoice["lines"][0]["freelancer_fee"], usd(3_000));
    assert_eq!(invoice["totals"]["client_total"], usd(20_600));
    assert_eq!(invoice["totals"]["freelancer_net"], usd(17_000));
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance["available"], json!([usd(17_000)]));
}
