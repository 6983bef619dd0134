//! The `downwork` command line against the same database as a running app.

use reqwest::StatusCode;
use serde_json::Value;

use crate::support::{PASSWORD, TestApp, expect_error};

fn downwork(app: &TestApp, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_downwork"))
        .args(args)
        .env("DATABASE_URL", &app.database_url)
        .env("DOWNWORK_DATA_DIR", &app.data_dir)
        .env("RUST_LOG", "warn")
        .output()
        .expect("runs")
}

#[tokio::test]
async fn create_admin_makes_a_new_administrator_or_promotes_an_account() {
    let app = TestApp::spawn().await;
    let out = downwork(&app, &["create-admin", "--email", "root@example.com", "--password", PASSWORD]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let session: Value = app.login("root@example.com", PASSWORD).await.json().await.expect("json");
    assert_eq!(session["user"]["role"], "admin");

    let user = app.signup_as("mod@example.com", "client").await;
    let out = downwork(&app, &["create-admin", "--email", "mod@example.com", "--password", "ignored password"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let profile: Value = app.get("/api/users/profile", Some(&user.access)).await.json().await.expect("json");
    assert_eq!(profile["roles"], serde_json::json!(["client", "admin"]));

    let bad = downwork(&app, &["create-admin", "--email", "nope", "--password", "x"]);
    assert!(!bad.status.success());
}

#[tokio::test]
async fn seed_demo_is_idempotent_and_its_accounts_log_in() {
    let app = TestApp::spawn().await;
    let args =
        ["seed-demo", "--users", "6", "--jobs", "40", "--proposals", "60", "--contracts", "3", "--friendships", "10"];
    let out = downwork(&app, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tables = ["users", "jobs", "proposals", "contracts", "milestones", "friendships"];
    let mut counts = Vec::new();
    for table in tables {
        counts.push(app.count(table).await);
    }
    assert_eq!(counts, [6, 40, 60, 3, 15, 10], "five milestones a contract");
    // Every freelancer has today's level and rank: the worker's sweep finds nothing to do.
    let today = chrono::Utc::now().date_naive();
    let due = store::reputation::due_for_reputation(&app.db, today, 100).await.expect("due");
    assert!(due.is_empty(), "{} freelancers still due", due.len());
    assert_eq!(app.services.reputation.refresh_due(chrono::Utc::now()).await.expect("sweep"), 0);
    let again = downwork(&app, &args);
    assert!(again.status.success());
    for (table, count) in tables.iter().zip(&counts) {
        assert_eq!(app.count(table).await, *count, "{table}");
    }
    // The demo jobs are on the board.
    let board: Value = app.get("/api/jobs?limit=100", None).await.json().await.expect("json");
    assert!(board["items"].as_array().is_some_and(|jobs| jobs.len() > 20), "{board}");

    let session: Value = app.login("freelancer0@demo.downwork.test", "demo-password").await.json().await.expect("json");
    let id = session["user"]["id"].as_str().expect("id");
    let profile: Value = app.get(&format!("/api/users/{id}"), None).await.json().await.expect("json");
    assert!(profile["freelancer"]["skills"].as_array().is_some_and(|s| s.len() >= 3), "{profile}");
    expect_error(
        app.login("freelancer0@demo.downwork.test", "wrong").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
}

#[tokio::test]
async fn the_worker_expires_jobs_past_their_open_window() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let job = app.post_job(&client, crate::market::fixed_job(serde_json::json!({}))).await;
    let id = job["id"].as_str().expect("id").to_owned();
    let past = chrono::Utc::now() - chrono::Duration::hours(1);
    let due = store::entity::job::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id.parse().expect("uuid")),
        expires_at: sea_orm::ActiveValue::Set(Some(past)),
        ..Default::default()
    };
    sea_orm::ActiveModelTrait::update(due, &app.db).await.expect("backdated");

    let mut worker = std::process::Command::new(env!("CARGO_BIN_EXE_downwork"))
        .arg("worker")
        .env("DATABASE_URL", &app.database_url)
        .env("DOWNWORK_DATA_DIR", &app.data_dir)
        .env("RUST_LOG", "warn")
        .spawn()
        .expect("worker starts");
    let mut status = Value::Null;
    for _ in 0..50 {
        status = app.get(&format!("/api/jobs/{id}"), Some(&client.access)).await.json::<Value>().await.expect("json")["status"].clone();
        if status == "expired" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    worker.kill().ok();
    worker.wait().ok();
    assert_eq!(status, "expired");
}

#[tokio::test]
async fn ledger_check_passes_on_balanced_books_and_names_each_drift() {
    use domain::ledger::rules::{self, Fees};
    use domain::{ContractId, Currency, Money, UserId};
    use store::ledger::{self, Subject};

    let app = TestApp::spawn().await;
    let freelancer = app.signup("freelancer").await;
    let freelancer_id: UserId = freelancer.id.parse().expect("id");
    let contract = ContractId::new();
    let amount = Money::new(50_000, Currency::Usd);
    let now = chrono::Utc::now();
    let (funded, _) = rules::fund(contract, amount, Fees::default()).expect("fund");
    let released = rules::release(contract, freelancer_id, amount, Fees::default(), false).expect("release");
    for tx in [&funded, &released] {
        ledger::record(&app.db, tx, Subject { contract: Some(contract), ..Subject::default() }, now)
            .await
            .expect("recorded");
    }
    let available = domain::ledger::Account::Available(freelancer_id);
    assert_eq!(ledger::balance_of(&app.db, available, Currency::Usd).await.expect("balance").amount, 45_000);
    // The freelancer sees it as their balance; nobody else does.
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, serde_json::json!({"available": [{"amount": 45_000, "currency": "usd"}], "pending": []}));
    let stranger = app.signup("client").await;
    let empty = app.json("/api/balance", Some(&stranger.access)).await;
    assert_eq!(empty, serde_json::json!({"available": [], "pending": []}));
    expect_error(app.get("/api/balance", None).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(ledger::check(&app.db).await.expect("check"), vec![]);
    let ok = downwork(&app, &["ledger-check"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));

    // A cached balance that no longer matches its postings is reported.
    let bump = sea_orm::Statement::from_string(
        app.db.get_database_backend(),
        "UPDATE account_balances SET balance = balance + 1 WHERE account_kind = 'available'".to_owned(),
    );
    sea_orm::ConnectionTrait::execute_raw(&app.db, bump).await.expect("bumped");
    let violations = ledger::check(&app.db).await.expect("check");
    assert_eq!(violations.len(), 1, "{violations:?}");
    let bad = downwork(&app, &["ledger-check"]);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stdout).contains(&format!("available {}", freelancer.id)),
        "{}",
        String::from_utf8_lossy(&bad.stdout)
    );
}
