//! Hiring: a proposal becomes a contract, and the job fills.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, hourly_job, id, proposal, usd};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn hiring_creates_the_contract_fills_the_job_and_tells_the_others() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let chosen = app.signup("freelancer").await;
    let other = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let milestones = json!([
        {"title": "Wireframes", "amount": usd(10_000), "due_date": null},
        {"title": "Build", "amount": usd(35_000), "due_date": null},
    ]);
    let winner = app.bid(&chosen, &id(&job), proposal(45_000, json!({"milestones": milestones}))).await;
    let loser = app.bid(&other, &id(&job), proposal(41_000, json!({}))).await;

    let res =
        app.put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": winner["id"]}), &client.access).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let contract: Value = res.json().await.expect("json");
    assert_eq!(contract["status"], "active");
    assert_eq!(contract["client_id"], client.id.as_str());
    assert_eq!(contract["freelancer_id"], chosen.id.as_str());
    assert_eq!(contract["amount"], usd(45_000));
    assert_eq!(contract["payment_type"], "fixed");
    let titles: Vec<&str> = contract["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .map(|m| m["title"].as_str().expect("title"))
        .collect();
    assert_eq!(titles, vec!["Wireframes", "Build"]);
    assert!(contract["milestones"].as_array().expect("milestones").iter().all(|m| m["status"] == "proposed"));

    let job_now = app.json(&format!("/api/jobs/{}", id(&job)), None).await;
    assert_eq!((job_now["status"].clone(), job_now["hires_count"].clone()), (json!("filled"), json!(1)));
    let path = |p: &Value| format!("/api/proposals/{}", id(p));
    let hired = app.json(&path(&winner), Some(&chosen.access)).await;
    assert_eq!((hired["status"].clone(), hired["contract_id"].clone()), (json!("hired"), contract["id"].clone()));
    let received = app.json(&format!("/api/jobs/{}/proposals", id(&job)), Some(&client.access)).await;
    let by_id = |p: &Value| {
        received["items"].as_array().expect("items").iter().find(|r| r["id"] == p["id"]).cloned().expect("listed")
    };
    assert_eq!(by_id(&winner)["freelancer"]["id"], chosen.id.as_str());
    assert_eq!(by_id(&winner)["freelancer"]["name"], "Test User");
    assert_eq!(by_id(&winner)["contract_id"], contract["id"]);
    assert_eq!(by_id(&loser)["contract_id"], Value::Null);
    assert_eq!(app.json(&path(&loser), Some(&other.access)).await["status"], "closed");
    assert_eq!(app.notification_kinds(&chosen).await, vec!["hired"]);
    assert_eq!(app.notification_kinds(&other).await, vec!["proposal_closed"]);

    // Both parties read the contract; nobody else does.
    let contract_path = format!("/api/contracts/{}", id(&contract));
    let mut detail = contract.clone();
    detail["history"] = json!([]);
    assert_eq!(app.json(&contract_path, Some(&chosen.access)).await, detail);
    assert_eq!(app.json(&contract_path, Some(&client.access)).await, detail);
    expect_error(app.get(&contract_path, Some(&other.access)).await, StatusCode::NOT_FOUND, "contract_not_found").await;
    let listed = app.json("/api/contracts", Some(&chosen.access)).await;
    assert_eq!(listed["items"][0]["id"], contract["id"]);
    assert!(app.json("/api/contracts", Some(&other.access)).await["items"].as_array().expect("items").is_empty());
}

#[tokio::test]
async fn a_fixed_proposal_without_milestones_gets_one_for_the_whole_amount() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({"title": "Logo for a bakery"}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(30_000, json!({}))).await;
    let contract: Value = app
        .put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(contract["milestones"].as_array().expect("milestones").len(), 1);
    assert_eq!(contract["milestones"][0]["title"], "Logo for a bakery");
    assert_eq!(contract["milestones"][0]["amount"], usd(30_000));
}

#[tokio::test]
async fn an_hourly_hire_sets_the_rate_and_weekly_limit() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, hourly_job(json!({"hires_wanted": 2}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(6_500, json!({}))).await;
    let hire_path = format!("/api/jobs/{}/hire", id(&job));
    let res = app.put(&hire_path, json!({"proposal_id": bid["id"], "weekly_limit_hours": 100}), &client.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.put(&hire_path, json!({"proposal_id": bid["id"], "weekly_limit_hours": 15}), &client.access).await;
    let contract: Value = res.json().await.expect("json");
    assert_eq!(contract["hourly_rate"], usd(6_500));
    assert_eq!(contract["weekly_limit_hours"], 15);
    assert_eq!(contract["milestones"], json!([]));
    // One of two hires: the job stays open.
    let job_now = app.json(&format!("/api/jobs/{}", id(&job)), None).await;
    assert_eq!((job_now["status"].clone(), job_now["hires_count"].clone()), (json!("open"), json!(1)));
}

#[tokio::test]
async fn nobody_hires_on_anothers_job_twice_or_a_withdrawn_proposal() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let intruder = app.signup("client").await;
    let first = app.signup("freelancer").await;
    let second = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({"hires_wanted": 3}))).await;
    let other_job = app.post_job(&intruder, fixed_job(json!({}))).await;
    let bid = app.bid(&first, &id(&job), proposal(40_000, json!({}))).await;
    let withdrawn = app.bid(&second, &id(&job), proposal(40_000, json!({}))).await;
    app.post(&format!("/api/proposals/{}/withdraw", id(&withdrawn)), json!({}), Some(&second.access)).await;
    let hire_path = format!("/api/jobs/{}/hire", id(&job));
    let before = app.snapshot().await;

    let res = app.put(&hire_path, json!({"proposal_id": bid["id"]}), &intruder.access).await;
    expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
    // A proposal of one job cannot be hired through another.
    let res = app
        .put(&format!("/api/jobs/{}/hire", id(&other_job)), json!({"proposal_id": bid["id"]}), &intruder.access)
        .await;
    expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
    let res = app.put(&hire_path, json!({"proposal_id": withdrawn["id"]}), &client.access).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.put(&hire_path, json!({"proposal_id": uuid::Uuid::now_v7()}), &client.access).await;
    expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
    let res = app.put(&hire_path, json!({"proposal": "x"}), &client.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.snapshot().await, before);

    let res = app.put(&hire_path, json!({"proposal_id": bid["id"]}), &client.access).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = app.put(&hire_path, json!({"proposal_id": bid["id"]}), &client.access).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    assert_eq!(app.count("contracts").await, 1);
}

#[tokio::test]
async fn a_double_clicked_hire_creates_one_contract() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let job = app.post_job(&client, fixed_job(json!({"hires_wanted": 1}))).await;
    let mut bids = Vec::new();
    for _ in 0..3 {
        let freelancer = app.signup("freelancer").await;
        bids.push(app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await);
    }
    let hire_path = format!("/api/jobs/{}/hire", id(&job));
    // The same proposal twice and two others, all at once: one hire fills the job.
    let attempts = [&bids[0], &bids[0], &bids[1], &bids[2]]
        .map(|bid| app.put(&hire_path, json!({"proposal_id": bid["id"]}), &client.access));
    let statuses: Vec<StatusCode> = futures::future::join_all(attempts).await.iter().map(|r| r.status()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
    assert_eq!(app.count("contracts").await, 1);
    let job_now = app.json(&format!("/api/jobs/{}", id(&job)), None).await;
    assert_eq!((job_now["status"].clone(), job_now["hires_count"].clone()), (json!("filled"), json!(1)));
}
