//! Double clicks at scale: 32 simultaneous requests to fund, release and
//! withdraw, round after round, with one shared idempotency key and with a
//! key each. Every round exactly one takes effect and the books balance.

use futures::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{id, pay, usd};
use crate::support::{TestApp, TestUser};

const CLICKS: usize = 32;

/// The full 200 rounds on PostgreSQL and MariaDB, where row locks decide;
/// fewer on SQLite, whose single writer orders everything anyway.
fn rounds() -> usize {
    match std::env::var("TEST_DATABASE").as_deref() {
        Ok("postgres" | "mysql") => 200,
        _ => 20,
    }
}

#[derive(Clone, Copy)]
enum Keys {
    /// Every click of a round sends the same key: a retried request.
    Shared,
    /// Every click has its own key: separate requests for the same thing.
    Own,
}

/// Sends the same request, `what`, `CLICKS` times at once; returns each status.
async fn race(
    app: &TestApp,
    what: &str,
    path: &str,
    body: Value,
    user: &TestUser,
    keys: Keys,
    round: usize,
) -> Vec<StatusCode> {
    let clicks = (0..CLICKS).map(|click| {
        let key = match keys {
            Keys::Shared => format!("{what}-{round}"),
            Keys::Own => format!("{what}-{round}-{click}"),
        };
        let body = body.clone();
        async move { app.keyed_post(path, body, &user.access, &key).await.status() }
    });
    join_all(clicks).await
}

/// One `ok` answer per round when keys differ; with a shared key the others
/// replay it or are told it is still running.
fn check(statuses: &[StatusCode], keys: Keys, what: &str, round: usize) {
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    match keys {
        Keys::Own => assert_eq!(ok, 1, "{what} round {round}: {statuses:?}"),
        Keys::Shared => assert!(ok >= 1, "{what} round {round}: {statuses:?}"),
    }
    let allowed = [StatusCode::OK, StatusCode::CONFLICT, StatusCode::UNPROCESSABLE_ENTITY];
    assert!(statuses.iter().all(|s| allowed.contains(s)), "{what} round {round}: {statuses:?}");
}

async fn rounds_of_double_clicks(keys: Keys) {
    let app = TestApp::spawn_with(|config| config.database_max_connections = 16).await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let rounds = rounds();
    let mut milestones = vec![contract["milestones"][0].clone()];
    let add = format!("/api/contracts/{}/milestone", id(&contract));
    while milestones.len() < rounds {
        let res = app.post(&add, json!({"title": "More", "amount": usd(20_000)}), Some(&client.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        milestones.push(res.json().await.expect("json"));
    }
    let payment = format!("/api/contracts/{}/payment", id(&contract));
    for (round, milestone) in milestones.iter().enumerate() {
        let funded = race(&app, "fund", &payment, pay(milestone, "fund"), &client, keys, round).await;
        check(&funded, keys, "fund", round);
        let released = race(&app, "release", &payment, pay(milestone, "release"), &client, keys, round).await;
        check(&released, keys, "release", round);
        // Each round pays $180.00 in; each withdrawal takes all of it.
        let withdrawn = race(
            &app,
            "withdraw",
            "/api/balance/withdrawals",
            json!({"amount": usd(18_000)}),
            &freelancer,
            keys,
            round,
        )
        .await;
        check(&withdrawn, keys, "withdraw", round);
        assert_eq!(app.count("ledger_transactions").await, 3 * (round as i64 + 1), "round {round}");
    }
    let rounds = rounds as i64;
    assert_eq!(app.count("provider_payments").await, 2 * rounds, "one charge and one payout a round");
    assert_eq!(app.count("withdrawals").await, rounds);
    assert_eq!(app.count("invoices").await, rounds);
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(0)]));
    app.assert_books_balance().await;
}

#[tokio::test]
async fn simultaneous_retries_under_one_key_move_money_once_a_round() {
    rounds_of_double_clicks(Keys::Shared).await;
}

#[tokio::test]
async fn simultaneous_requests_under_their_own_keys_move_money_once_a_round() {
    rounds_of_double_clicks(Keys::Own).await;
}
