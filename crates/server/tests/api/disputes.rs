//! Disputes as the parties live them: either one opens a dispute and the
//! escrow freezes, the other responds, both write on the timeline with
//! evidence, the opener withdraws, and nobody else finds any of it.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::files::{PDF, upload};
use crate::market::{id, pay, usd};
use crate::support::{TestApp, TestUser, expect_error};

/// The client funds `milestone`.
pub async fn fund(app: &TestApp, client: &TestUser, contract: &Value, milestone: &Value) {
    let path = format!("/api/contracts/{}/payment", id(contract));
    let res = app.post(&path, pay(milestone, "fund"), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "funding");
}

/// The freelancer hands in `milestone`'s work.
pub async fn submit(app: &TestApp, freelancer: &TestUser, contract: &Value, milestone: &Value) {
    let path = format!("/api/contracts/{}/milestones/{}/submit", id(contract), id(milestone));
    let res = app.post(&path, json!({"message": "Done, please review"}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "submitting");
}

/// The body of `POST /api/disputes` about `milestone`.
pub fn about(milestone: &Value, reason: &str) -> Value {
    json!({"milestone_id": milestone["id"], "reason": reason, "description": "The delivered work is not what we agreed."})
}

/// `user` opens a dispute; returns it.
pub async fn open(app: &TestApp, user: &TestUser, body: Value) -> Value {
    let res = app.post("/api/disputes", body, Some(&user.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "opening a dispute");
    res.json().await.expect("json")
}

/// A fixed contract whose Design milestone ($200) is funded and submitted,
/// and the client's dispute of it.
pub async fn disputed_milestone(app: &TestApp) -> (TestUser, TestUser, Value, Value) {
    let (client, freelancer, contract) = app.fixed_contract().await;
    let design = &contract["milestones"][0];
    fund(app, &client, &contract, design).await;
    submit(app, &freelancer, &contract, design).await;
    let dispute = open(app, &client, about(design, "quality")).await;
    (client, freelancer, contract, dispute)
}

pub async fn milestone_status(app: &TestApp, user: &TestUser, contract: &Value, index: usize) -> String {
    let detail = app.json(&format!("/api/contracts/{}", id(contract)), Some(&user.access)).await;
    detail["milestones"][index]["status"].as_str().expect("status").to_owned()
}

#[tokio::test]
async fn either_party_opens_a_dispute_and_the_escrow_freezes() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract) = app.fixed_contract().await;
    let (design, build) = (&contract["milestones"][0], &contract["milestones"][1]);
    fund(&app, &client, &contract, design).await;
    fund(&app, &client, &contract, build).await;
    submit(&app, &freelancer, &contract, design).await;
    let evidence = upload(&app, &client.access, "attachment", PDF.to_vec()).await;

    let mut body = about(design, "quality");
    body["evidence_file_ids"] = json!([evidence["id"]]);
    let dispute = open(&app, &client, body).await;
    assert_eq!((dispute["status"].as_str(), dispute["reason"].as_str()), (Some("open"), Some("quality")));
    assert_eq!((&dispute["amount"], &dispute["opened_by"]), (&usd(20_000), &json!(client.id)));
    assert_eq!(dispute["milestone_id"], design["id"]);
    let respond_by: chrono::DateTime<Utc> = dispute["respond_by"].as_str().expect("respond_by").parse().expect("time");
    assert!((respond_by - Utc::now() - Duration::days(5)).num_minutes().abs() < 2, "five days to respond");
    assert_eq!(dispute["timeline"][0]["kind"], "opened");
    assert_eq!(dispute["timeline"][0]["file_ids"], json!([evidence["id"]]));
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "disputed");
    assert_eq!(app.notification_kinds(&freelancer).await[0], "dispute_opened");

    // The freelancer disputes the other milestone; nobody opens a second one on the first.
    let theirs = open(&app, &freelancer, about(build, "payment")).await;
    assert_eq!(theirs["opened_by"], json!(freelancer.id));
    let res = app.post("/api/disputes", about(design, "scope"), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_open").await;
    let unfunded = app
        .post(
            &format!("/api/contracts/{}/milestone", id(&contract)),
            json!({"title": "Extra", "amount": usd(5_000)}),
            Some(&client.access),
        )
        .await;
    let extra: Value = unfunded.json().await.expect("json");
    let res = app.post("/api/disputes", about(&extra, "scope"), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app
        .post("/api/disputes", json!({"reason": "other", "description": "Nothing named here"}), Some(&client.access))
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app
        .post(
            "/api/disputes",
            json!({"milestone_id": design["id"], "reason": "boredom", "description": "Not a reason we know"}),
            Some(&client.access),
        )
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    // Nothing moves the frozen money: release, refund, the automatic release, cancelling, completing.
    let payment = format!("/api/contracts/{}/payment", id(&contract));
    let before = app.snapshot().await;
    let res = app.post(&payment, pay(design, "release"), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "milestone_disputed").await;
    let res = app.post(&payment, pay(design, "refund"), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "milestone_disputed").await;
    let later = Utc::now() + Duration::days(30);
    assert_eq!(app.services.payments.release_unanswered(later).await.expect("sweep"), 0);
    let end = format!("/api/contracts/{}/end", id(&contract));
    let res = app.post(&end, json!({"ending": "cancel"}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "milestone_disputed").await;
    let res = app.post(&end, json!({"ending": "complete"}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "escrow_outstanding").await;
    assert_eq!(app.snapshot().await, before, "the refused steps changed nothing");
    let balance = app.json("/api/balance", Some(&freelancer.access)).await;
    assert_eq!(balance, json!({"available": [], "pending": []}), "escrow is not the freelancer's to withdraw");
    app.assert_books_balance().await;

    // Each party lists the disputes of their contracts, page by page.
    for user in [&client, &freelancer] {
        let first = app.json("/api/disputes?limit=1", Some(&user.access)).await;
        assert_eq!(first["items"][0]["id"], theirs["id"]);
        let cursor = first["next_cursor"].as_str().expect("another page");
        let second = app.json(&format!("/api/disputes?limit=1&cursor={cursor}"), Some(&user.access)).await;
        assert_eq!(second["items"][0]["id"], dispute["id"]);
        assert!(second["next_cursor"].is_null());
    }

    // Or only those of one contract: another contract's dispute is left out.
    let (other_client, other_freelancer, other) = app.fixed_contract().await;
    fund(&app, &other_client, &other, &other["milestones"][0]).await;
    open(&app, &other_freelancer, about(&other["milestones"][0], "payment")).await;
    let of_contract = app.json(&format!("/api/disputes?contract_id={}", id(&contract)), Some(&client.access)).await;
    let ids: Vec<&Value> = of_contract["items"].as_array().expect("items").iter().map(|d| &d["id"]).collect();
    assert_eq!(ids, [&theirs["id"], &dispute["id"]]);
    let not_theirs = app.json(&format!("/api/disputes?contract_id={}", id(&other)), Some(&client.access)).await;
    assert_eq!(not_theirs["items"], json!([]), "a contract of others lists nothing");
}

#[tokio::test]
async fn the_other_party_responds_once_and_everyone_involved_writes_on_the_timeline() {
    let app = TestApp::spawn().await;
    let (client, freelancer, _, dispute) = disputed_milestone(&app).await;
    let admin = app.admin().await;
    let path = format!("/api/disputes/{}", id(&dispute));
    let evidence = upload(&app, &freelancer.access, "attachment", PDF.to_vec()).await;

    let answer =
        json!({"message": "It matches the brief; see the attached sign-off.", "evidence_file_ids": [evidence["id"]]});
    let res = app.post(&format!("{path}/respond"), answer.clone(), Some(&client.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "respondent_only").await;
    let foreign = json!({"message": "x", "evidence_file_ids": [upload(&app, &client.access, "attachment", PDF.to_vec()).await["id"]]});
    let res = app.post(&format!("{path}/respond"), foreign, Some(&freelancer.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post(&format!("{path}/respond"), answer.clone(), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: Value = res.json().await.expect("json");
    assert!(answered["responded_at"].is_string());
    let res = app.post(&format!("{path}/respond"), answer, Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_answered").await;
    assert_eq!(app.notification_kinds(&client).await[0], "dispute_updated");

    for (user, body) in [
        (&client, "The colours are still wrong."),
        (&freelancer, "They follow the guide."),
        (&admin, "Please both send the brand guide."),
    ] {
        let res = app.post(&format!("{path}/messages"), json!({"body": body}), Some(&user.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{body}");
    }
    let res = app.post(&format!("{path}/messages"), json!({"body": " "}), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let seen = app.json(&path, Some(&admin.access)).await;
    assert_eq!(app.json(&path, Some(&client.access)).await, seen, "parties and admins see the same dispute");
    let kinds: Vec<&str> =
        seen["timeline"].as_array().expect("timeline").iter().map(|e| e["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, ["opened", "response", "message", "message", "message"]);
    assert_eq!(seen["timeline"][4]["author_id"], json!(admin.id));
    let file = format!("/api/files/{}", id(&evidence));
    for user in [&client, &freelancer, &admin] {
        assert_eq!(
            app.get(&file, Some(&user.access)).await.status(),
            StatusCode::OK,
            "evidence opens for {}",
            user.email
        );
    }
    let stranger = app.signup("client").await;
    assert_eq!(app.get(&file, Some(&stranger.access)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&file, None).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_response_after_its_deadline_is_refused_but_messages_go_on() {
    let app = TestApp::spawn().await;
    let (_, freelancer, _, dispute) = disputed_milestone(&app).await;
    let uuid: uuid::Uuid = id(&dispute).parse().expect("uuid");
    use store::entity::dispute as row;
    row::Entity::update_many()
        .col_expr(row::Column::RespondBy, Expr::value(Utc::now() - Duration::minutes(1)))
        .filter(row::Column::Id.eq(uuid))
        .exec(&app.db)
        .await
        .expect("the response period ran out");
    let path = format!("/api/disputes/{}", id(&dispute));
    let res =
        app.post(&format!("{path}/respond"), json!({"message": "Sorry, I was away."}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "response_period_over").await;
    let res =
        app.post(&format!("{path}/messages"), json!({"body": "Sorry, I was away."}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn withdrawing_puts_the_milestone_back_where_it_was() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    let withdraw = format!("/api/disputes/{}/withdraw", id(&dispute));
    let res = app.post(&withdraw, json!({}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "opener_only").await;
    let res = app.post(&withdraw, json!({}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let withdrawn: Value = res.json().await.expect("json");
    assert_eq!(withdrawn["status"], "withdrawn");
    assert!(withdrawn["closed_at"].is_string());
    assert_eq!(withdrawn["timeline"].as_array().expect("timeline").last().expect("entry")["kind"], "withdrawn");
    assert_eq!(milestone_status(&app, &client, &contract, 0).await, "submitted");
    assert_eq!(app.notification_kinds(&freelancer).await[0], "dispute_updated");
    let res = app.post(&withdraw, json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_closed").await;
    let res =
        app.post(&format!("/api/disputes/{}/messages", id(&dispute)), json!({"body": "x"}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "dispute_closed").await;
    app.assert_books_balance().await;

    // A funded milestone disputed by the freelancer goes back to funded, and may be disputed again.
    let build = &contract["milestones"][1];
    fund(&app, &client, &contract, build).await;
    let theirs = open(&app, &freelancer, about(build, "payment")).await;
    let res = app.post(&format!("/api/disputes/{}/withdraw", id(&theirs)), json!({}), Some(&freelancer.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(milestone_status(&app, &client, &contract, 1).await, "funded");
    open(&app, &client, about(build, "not_delivered")).await;

    // The withdrawn milestone pays out as usual.
    let res = app
        .post(
            &format!("/api/contracts/{}/payment", id(&contract)),
            pay(&contract["milestones"][0], "release"),
            Some(&client.access),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let history = app.json(&format!("/api/contracts/{}", id(&contract)), Some(&client.access)).await;
    let design = &contract["milestones"][0]["id"];
    let kinds: Vec<&str> = history["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| &e["milestone_id"] == design)
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["submitted", "disputed", "dispute_withdrawn", "released"]);
    app.assert_books_balance().await;
}

#[tokio::test]
async fn strangers_find_no_dispute_and_no_admin_route() {
    let app = TestApp::spawn().await;
    let (client, freelancer, contract, dispute) = disputed_milestone(&app).await;
    fund(&app, &client, &contract, &contract["milestones"][1]).await;
    let stranger = app.signup("freelancer").await;
    let token = Some(stranger.access.as_str());
    let path = format!("/api/disputes/{}", id(&dispute));
    let file = upload(&app, &client.access, "attachment", PDF.to_vec()).await;
    let message = json!({"body": "Here is the brief", "file_ids": [file["id"]]});
    let res = app.post(&format!("/api/disputes/{}/messages", id(&dispute)), message, Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let evidence = format!("/api/files/{}", id(&file));
    let before = app.snapshot().await;
    let answers = [
        app.get(&path, token).await,
        app.post(&format!("{path}/respond"), json!({"message": "Me too"}), token).await,
        app.post(&format!("{path}/messages"), json!({"body": "Me too"}), token).await,
        app.post(&format!("{path}/withdraw"), json!({}), token).await,
        app.post("/api/disputes", about(&contract["milestones"][1], "other"), token).await,
        app.get(&format!("/api/disputes/{}", uuid::Uuid::now_v7()), Some(&client.access)).await,
        app.get(&evidence, token).await,
    ];
    for answer in answers {
        let url = answer.url().path().to_owned();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{url}");
    }
    assert_eq!(app.json("/api/disputes", token).await["items"], json!([]));
    assert_eq!(app.snapshot().await, before, "nothing changed");

    // The admin routes do not exist for anyone but an admin.
    let resolve = format!("/api/admin/disputes/{}/resolve", id(&dispute));
    let decision = json!({"outcome": "release", "note": "I decide"});
    for token in [Some(client.access.as_str()), Some(freelancer.access.as_str()), token, None] {
        expect_error(app.get("/api/admin/disputes", token).await, StatusCode::NOT_FOUND, "route_not_found").await;
        let res = app.post(&resolve, decision.clone(), token).await;
        expect_error(res, StatusCode::NOT_FOUND, "route_not_found").await;
    }
    assert_eq!(app.snapshot().await, before, "nothing changed");
    let admin = app.admin().await;
    let queue = app.json("/api/admin/disputes", Some(&admin.access)).await;
    assert_eq!(queue["items"][0]["id"], dispute["id"]);
    let res = app.get("/api/admin/disputes?status=sideways", Some(&admin.access)).await;
    expect_error(res, StatusCode::BAD_REQUEST, "invalid_query").await;
    let resolved = app.json("/api/admin/disputes?status=resolved", Some(&admin.access)).await;
    assert_eq!(resolved["items"], json!([]));
}
