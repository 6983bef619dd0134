//! The life of a milestone after funding: hand-in, review, release by the
//! client or on its own, refunds, the invoice each release issues, and how
//! contracts end.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::files::{PDF, upload};
use crate::market::{id, pay, usd};
use crate::support::{TestApp, TestUser, expect_error};

fn milestone_path(contract: &Value, milestone: &Value, action: &str) -> String {
    format!("/api/contracts/{}/milestones/{}/{action}", id(contract), id(milestone))
}

async fn fund(app: &TestApp, client: &TestUser, contract: &Value, milestone: &Value) {
    let path = format!("/api/contracts/{}/payment", id(contract));
    let res = app.post(&path, pay(milestone, "fund"), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "funding");
}

#[tokio::test]
async fn work_is_handed_in_reviewed_released_and_invoiced_to_both_parties() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    let file = upload(&app, &freelancer.access, "attachment", PDF.to_vec()).await;

    // Only the freelancer hands in work, and only their own files.
    let hand_in = json!({"message": "First draft attached", "file_ids": [file["id"]]});
    let res = app.post(&milestone_path(&contract, design, "submit"), hand_in.clone(), Some(&client.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "freelancer_only").await;
    let foreign = upload(&app, &client.access, "attachment", PDF.to_vec()).await;
    let res = app
        .post(
            &milestone_path(&contract, design, "submit"),
            json!({"message": "x", "file_ids": [foreign["id"]]}),
            Some(&freelancer.access),
        )
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post(&milestone_path(&contract, design, "submit"), hand_in, Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let submitted: Value = res.json().await.expect("json");
    assert_eq!(submitted["status"], "submitted");
    assert!(submitted["submitted_at"].is_string());
    assert_eq!(app.notification_kinds(&client).await[0], "milestone_submitted");
    // The client may now read the hand-in's file; a stranger may not.
    let stranger = app.signup("client").await;
    let file_path = format!("/api/files/{}", id(&file));
    assert_eq!(app.get(&file_path, Some(&client.access)).await.status(), StatusCode::OK);
    assert_eq!(app.get(&file_path, Some(&stranger.access)).await.status(), StatusCode::NOT_FOUND);

    // The client sends it back once; the freelancer cannot ask for changes.
    let note = json!({"message": "Please use the brand colours"});
    let res =
        app.post(&milestone_path(&contract, design, "request-changes"), note.clone(), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "client_only").await;
    let res = app.post(&milestone_path(&contract, design, "request-changes"), note, Some(&client.access)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "changes_requested");
    let again = json!({"message": "Colours fixed"});
    let res = app.post(&milestone_path(&contract, design, "submit"), again, Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);

    let path = format!("/api/contracts/{}/payment", id(&contract));
    let res = app.post(&path, pay(design, "release"), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "client_only").await;
    let res = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "released");
    app.assert_books_balance().await;

    let detail = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&client.access)).await;
    let kinds: Vec<&str> =
        detail["history"].as_array().expect("history").iter().map(|e| e["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, ["submitted", "changes_requested", "submitted", "released"]);
    assert_eq!(detail["history"][0]["file_ids"], json!([file["id"]]));
    assert_eq!(detail["history"][1]["message"], "Please use the brand colours");

    // One invoice, the same for both parties, with both sides of the fees.
    let invoice_path = format!("/api/jobs/{}/invoice", detail["job_id"].as_str().expect("job"));
    let invoice = app.json(&invoice_path, Some(&freelancer.access)).await;
    assert_eq!(app.json(&invoice_path, Some(&client.access)).await, invoice);
    let year = Utc::now().format("%Y").to_string();
    assert_eq!(invoice["number"], format!("DW-{year}-000001"));
    assert_eq!(invoice["kind"], "milestone");
    assert_eq!(invoice["lines"][0]["description"], "Design");
    assert_eq!(invoice["lines"][0]["client_fee"], usd(1_000));
    assert_eq!(invoice["lines"][0]["freelancer_fee"], usd(2_000));
    assert_eq!(invoice["totals"]["client_total"], usd(21_000));
    assert_eq!(invoice["totals"]["freelancer_net"], usd(18_000));
    assert!(app.notification_kinds(&client).await.contains(&"invoice_ready".to_owned()));
    let res = app.get(&invoice_path, Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "invoice_not_found").await;

    let html = app.get(&format!("{invoice_path}?format=html"), Some(&client.access)).await;
    assert_eq!(html.status(), StatusCode::OK);
    assert!(html.headers()["content-type"].to_str().expect("type").starts_with("text/html"));
    assert!(html.text().await.expect("html").contains(&format!("DW-{year}-000001")));
    let pdf = app.get(&format!("/api/invoices/{}?format=pdf", id(&invoice)), Some(&freelancer.access)).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.expect("pdf").starts_with(b"%PDF-"));
    let mine = app.json("/api/invoices", Some(&client.access)).await;
    assert_eq!(mine["items"].as_array().expect("items").len(), 1);
    let of_contract = app.json(&format!("/api/invoices?contract_id={}", id(&contract)), Some(&client.access)).await;
    assert_eq!(of_contract["items"][0]["id"], invoice["id"]);
    let other = uuid::Uuid::now_v7();
    let of_other = app.json(&format!("/api/invoices?contract_id={other}"), Some(&client.access)).await;
    assert_eq!(of_other["items"], json!([]));
}

/// Six digits are the least a number has, not the most: the millionth
/// invoice of a year keeps all seven. (PostgreSQL numbers an invoice inside
/// the statement that pays for it, the other databases in Rust; both spell
/// numbers the same.)
#[tokio::test]
async fn the_millionth_invoice_of_a_year_keeps_every_digit() {
    let app = TestApp::spawn().await;
    let (client, _, contract) = app.fixed_contract().await;
    let year = Utc::now().format("%Y").to_string();
    let counter = format!("INSERT INTO invoice_counters (year, last) VALUES ({year}, 999999)");
    sea_orm::ConnectionTrait::execute_unprepared(&app.db, &counter).await.expect("counter set");
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    let path = format!("/api/contracts/{}/payment", id(&contract));
    let res = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "released");
    let invoice_path = format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job"));
    let invoice = app.json(&invoice_path, Some(&client.access)).await;
    assert_eq!(invoice["number"], format!("DW-{year}-1000000"));
}

#[tokio::test]
async fn unanswered_work_is_released_after_the_review_period_once() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    let res = app
        .post(&milestone_path(&contract, design, "submit"), json!({"message": "Done"}), Some(&freelancer.access))
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let payments = &app.services.payments;
    assert_eq!(payments.release_unanswered(Utc::now() + Duration::days(13)).await.expect("sweep"), 0);
    let later = Utc::now() + Duration::days(14) + Duration::minutes(1);
    let (first, second) = tokio::join!(payments.release_unanswered(later), payments.release_unanswered(later));
    assert_eq!(first.expect("sweep") + second.expect("sweep"), 1, "released once between two workers");
    assert_eq!(payments.release_unanswered(later).await.expect("sweep"), 0);

    let detail = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&client.access)).await;
    assert_eq!(detail["milestones"][0]["status"], "released");
    let last = detail["history"].as_array().expect("history").last().cloned().expect("an event");
    assert_eq!((last["kind"].as_str(), last["author_id"].is_null()), (Some("auto_released"), true));
    assert_eq!(app.json("/api/balance", Some(&freelancer.access)).await["available"], json!([usd(18_000)]));
    assert_eq!(app.count("invoices").await, 1);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn the_freelancer_refunds_escrow_with_the_fee_the_client_was_charged() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    // The fee rate changes after funding; the refund returns what was charged.
    let mut settings = app.services.settings.get().await.expect("settings");
    settings.client_fee_bps = 800;
    app.services.settings.set(settings).await.expect("saved");

    let path = format!("/api/contracts/{}/payment", id(&contract));
    let res = app.post(&path, pay(design, "refund"), Some(&client.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "freelancer_only").await;
    let res = app.post(&path, pay(design, "refund"), Some(&freelancer.access)).await;
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "refunded");
    let res = app.post(&path, pay(design, "release"), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    app.assert_books_balance().await;

    let history = app.json("/api/balance/transactions", Some(&client.access)).await;
    let moves: Vec<(&str, i64)> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| (t["movement"].as_str().expect("movement"), t["amount"]["amount"].as_i64().expect("amount")))
        .collect();
    assert_eq!(moves, [("refund", 21_000), ("fund", -21_000)]);
    assert_eq!(history["items"][0]["milestone_id"], design["id"]);
    assert!(app.notification_kinds(&client).await.contains(&"milestone_refunded".to_owned()));
    assert_eq!(app.count("invoices").await, 0, "nothing was paid, nothing is invoiced");
}

#[tokio::test]
async fn a_contract_completes_only_with_nothing_left_in_escrow() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    let end = format!("/api/contracts/{}/end", id(&contract));
    let stranger = app.signup("client").await;
    let res = app.post(&end, json!({"ending": "complete"}), Some(&stranger.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "contract_not_found").await;
    let res = app.post(&end, json!({"ending": "complete"}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "escrow_outstanding").await;

    let path = format!("/api/contracts/{}/payment", id(&contract));
    assert_eq!(app.post(&path, pay(design, "release"), Some(&client.access)).await.status(), StatusCode::OK);
    let res = app.post(&end, json!({"ending": "complete"}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ended: Value = res.json().await.expect("json");
    assert_eq!(ended["status"], "completed");
    assert!(ended["ended_at"].is_string());
    let res = app.post(&end, json!({"ending": "cancel"}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.post(&path, pay(&contract["milestones"][1], "fund"), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "contract_not_active").await;
    let profile = app.json(&format!("/api/users/{}", freelancer.id), None).await;
    assert_eq!(profile["freelancer"]["completed_jobs"], 1, "{profile}");
    assert_eq!(app.notification_kinds(&freelancer).await[0], "contract_ended");
}

#[tokio::test]
async fn cancelling_is_by_agreement_and_refunds_the_escrow() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    fund(&app, &client, &contract, &contract["milestones"][0]).await;
    fund(&app, &client, &contract, &contract["milestones"][1]).await;
    let end = format!("/api/contracts/{}/end", id(&contract));

    // The client's cancel asks; nothing moves until the freelancer agrees.
    let before = app.count("ledger_transactions").await;
    let res = app.post(&end, json!({"ending": "cancel"}), Some(&client.access)).await;
    let asked: Value = res.json().await.expect("json");
    assert_eq!(
        (asked["status"].as_str(), asked["cancel_requested_by"].as_str()),
        (Some("active"), Some(client.id.as_str()))
    );
    assert_eq!(app.count("ledger_transactions").await, before);
    assert_eq!(app.notification_kinds(&freelancer).await[0], "cancellation_requested");

    let res = app.post(&end, json!({"ending": "cancel"}), Some(&freelancer.access)).await;
    let cancelled: Value = res.json().await.expect("json");
    assert_eq!(cancelled["status"], "cancelled");
    let statuses: Vec<&str> = cancelled["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .map(|m| m["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["refunded", "refunded"]);
    app.assert_books_balance().await;
    let escrow = store::ledger::balance_of(
        &app.db,
        domain::ledger::Account::Escrow(id(&contract).parse::<uuid::Uuid>().expect("uuid").into()),
        domain::Currency::Usd,
    )
    .await
    .expect("balance");
    assert_eq!(escrow.amount, 0);
}

#[tokio::test]
async fn someone_off_the_contract_finds_none_of_its_routes() {
    let app = TestApp::spawn().await;
    let (client, _, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(&app, &client, &contract, design).await;
    let stranger = app.signup("freelancer").await;
    let base = format!("/api/contracts/{}", id(&contract));
    let milestone = format!("{base}/milestones/{}", id(design));
    let before = app.snapshot().await;
    let token = Some(stranger.access.as_str());
    let note = json!({"message": "x"});
    let draft = json!({"title": "x", "amount": usd(5_000)});
    let entry = json!({"work_date": Utc::now().date_naive(), "minutes": 60, "memo": "x"});
    let mut answers = vec![
        app.get(&base, token).await,
        app.get(&format!("{base}/time-entries"), token).await,
        app.get(&format!("{base}/weeks"), token).await,
        app.get(&format!("/api/jobs/{}/invoice", contract["job_id"].as_str().expect("job")), token).await,
        app.post(&format!("{base}/milestone"), draft.clone(), token).await,
        app.post(&format!("{base}/payment"), pay(design, "release"), token).await,
        app.post(&format!("{milestone}/submit"), note.clone(), token).await,
        app.post(&format!("{milestone}/request-changes"), note, token).await,
        app.post(&format!("{base}/end"), json!({"ending": "cancel"}), token).await,
        app.post(&format!("{base}/time-entries"), entry.clone(), token).await,
        app.put(&milestone, draft, &stranger.access).await,
        app.put(&format!("{base}/time-entries/{}", uuid::Uuid::now_v7()), entry, &stranger.access).await,
    ];
    for path in [milestone.clone(), format!("{base}/time-entries/{}", uuid::Uuid::now_v7())] {
        answers.push(app.http.delete(app.url(&path)).bearer_auth(&stranger.access).send().await.expect("sent"));
    }
    for answer in answers {
        let url = answer.url().path().to_owned();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{url}");
    }
    assert_eq!(app.snapshot().await, before, "nothing changed");
}
