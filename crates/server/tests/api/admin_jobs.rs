//! Admins moderating jobs: a hidden job leaves every list and its page for
//! all but its owner and admins, takes no proposals or hires, and comes back
//! when restored; a job an admin closed is reopened only by a restore.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, id, ids, proposal};
use crate::support::{TestApp, TestUser, expect_error};

impl TestApp {
    /// An admin's `action` (`hide`, `close`, `restore`) on `job`; returns the job.
    async fn moderate_job(&self, admin: &TestUser, job: &Value, action: &str, reason: &str) -> Value {
        let path = format!("/api/admin/jobs/{}/{action}", id(job));
        let res = self.post(&path, json!({"reason": reason}), Some(&admin.access)).await;
        assert_eq!(res.status(), StatusCode::OK, "{action}");
        res.json().await.expect("json")
    }
}

#[tokio::test]
async fn a_hidden_job_leaves_the_board_search_and_shares_and_comes_back_when_restored() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    let carol = app.signup("freelancer").await;
    app.befriend(&bob, &carol).await;
    let job = app.post_job(&client, fixed_job(json!({"title": "Illustrate a zebra mascot"}))).await;
    let page = format!("/api/jobs/{}", id(&job));
    let res = app.post(&format!("{page}/share"), json!({"user_ids": [carol.id]}), Some(&bob.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(ids(&app.json("/api/jobs", None).await), vec![id(&job)]);
    assert_eq!(ids(&app.json("/api/jobs?q=zebra", None).await), vec![id(&job)]);
    assert_eq!(
        app.json("/api/jobs/shared-with-me", Some(&carol.access)).await["items"].as_array().expect("items").len(),
        1
    );

    let hidden = app.moderate_job(&admin, &job, "hide", "  misleading pay  ").await;
    assert_eq!(hidden["hidden"], true);
    assert_eq!(ids(&app.json("/api/jobs", None).await), Vec::<String>::new(), "off the board at once");
    assert_eq!(ids(&app.json("/api/jobs?q=zebra", None).await), Vec::<String>::new(), "out of search");
    assert_eq!(
        app.json("/api/jobs/shared-with-me", Some(&carol.access)).await["items"],
        json!([]),
        "out of shared with me"
    );
    for token in [Some(bob.access.as_str()), Some(carol.access.as_str()), None] {
        expect_error(app.get(&page, token).await, StatusCode::NOT_FOUND, "job_not_found").await;
    }
    assert_eq!(app.json(&page, Some(&client.access)).await["hidden"], true, "the owner sees it flagged");
    assert_eq!(app.json(&page, Some(&admin.access)).await["hidden"], true, "admins see it");
    let res = app.post(&format!("{page}/bid"), proposal(40_000, json!({})), Some(&bob.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;
    let res = app.post(&format!("{page}/share"), json!({"user_ids": [carol.id]}), Some(&bob.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;
    assert_eq!(app.notification_kinds(&client).await[0], "job_moderated");
    let log = app.json(&format!("/api/admin/audit-log?subject_id={}", id(&job)), Some(&admin.access)).await;
    assert_eq!(log["items"][0]["action"], "job.hide");
    assert_eq!(log["items"][0]["actor_id"], admin.id.as_str());
    assert_eq!(log["items"][0]["reason"], "misleading pay");

    let restored = app.moderate_job(&admin, &job, "restore", "pay clarified").await;
    assert_eq!(restored["hidden"], false);
    assert_eq!(restored["status"], "open");
    assert_eq!(ids(&app.json("/api/jobs", None).await), vec![id(&job)], "back on the board");
    assert_eq!(ids(&app.json("/api/jobs?q=zebra", None).await), vec![id(&job)], "found again");
    assert_eq!(
        app.json("/api/jobs/shared-with-me", Some(&carol.access)).await["items"].as_array().expect("items").len(),
        1
    );
    app.bid(&bob, &id(&job), proposal(40_000, json!({}))).await;
    expect_error(
        app.post(&format!("/api/admin/jobs/{}/restore", id(&job)), json!({"reason": "again"}), Some(&admin.access))
            .await,
        StatusCode::CONFLICT,
        "nothing_to_restore",
    )
    .await;
    let log = app.json(&format!("/api/admin/audit-log?subject_id={}", id(&job)), Some(&admin.access)).await;
    assert_eq!(log["items"][0]["action"], "job.restore");
}

#[tokio::test]
async fn the_owner_cannot_publish_reopen_or_hire_on_a_hidden_job() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let draft = app.post_job(&client, fixed_job(json!({"draft": true}))).await;
    app.moderate_job(&admin, &draft, "hide", "spam").await;
    let res = app.post(&format!("/api/jobs/{}/publish", id(&draft)), json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_hidden").await;

    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    app.moderate_job(&admin, &job, "hide", "spam").await;
    let res = app.put(&format!("/api/jobs/{}/hire", id(&job)), json!({"proposal_id": bid["id"]}), &client.access).await;
    expect_error(res, StatusCode::CONFLICT, "job_hidden").await;
    let body = json!({"freelancer_id": freelancer.id, "message": "Join us"});
    let res = app.post(&format!("/api/jobs/{}/invitations", id(&job)), body, Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_hidden").await;
    let res = app.post(&format!("/api/jobs/{}/close", id(&job)), json!({}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK, "closing stays the owner's");
    let res = app.post(&format!("/api/jobs/{}/reopen", id(&job)), json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_hidden").await;
    assert_eq!(app.count("contracts").await, 0);
}

#[tokio::test]
async fn an_admin_closes_a_job_its_proposals_close_and_only_a_restore_reopens_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;

    let closed = app.moderate_job(&admin, &job, "close", "duplicate posting").await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["closed_by_admin"], true);
    assert_eq!(app.notification_kinds(&freelancer).await[0], "proposal_closed");
    assert_eq!(app.notification_kinds(&client).await[0], "job_moderated");
    let res = app.post(&format!("/api/jobs/{}/reopen", id(&job)), json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_closed_by_admin").await;
    let res =
        app.post(&format!("/api/admin/jobs/{}/close", id(&job)), json!({"reason": "again"}), Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_closed_by_admin").await;

    let restored = app.moderate_job(&admin, &job, "restore", "not a duplicate after all").await;
    assert_eq!(restored["status"], "open");
    assert_eq!(restored["closed_by_admin"], false);
    assert!(restored["expires_at"].as_str() > job["expires_at"].as_str(), "a fresh posting window");
    let other = app.signup("freelancer").await;
    app.bid(&other, &id(&job), proposal(45_000, json!({}))).await;

    // A draft an admin closed goes back to being a draft.
    let draft = app.post_job(&client, fixed_job(json!({"draft": true}))).await;
    app.moderate_job(&admin, &draft, "close", "test post").await;
    assert_eq!(app.moderate_job(&admin, &draft, "restore", "fine").await["status"], "draft");
    let actions = app.json("/api/admin/audit-log?action=job.", Some(&admin.access)).await;
    let actions: Vec<&str> =
        actions["items"].as_array().expect("items").iter().map(|e| e["action"].as_str().expect("a")).collect();
    assert_eq!(actions, vec!["job.restore", "job.close", "job.restore", "job.close"]);
}

#[tokio::test]
async fn admins_find_every_job_by_title_owner_status_and_hidden() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let alice = app.signup_as(&format!("alice-{}@example.com", uuid::Uuid::now_v7().simple()), "client").await;
    let other = app.signup("client").await;
    let draft = app.post_job(&alice, fixed_job(json!({"draft": true, "title": "Draft of a Walrus logo"}))).await;
    let open = app.post_job(&alice, fixed_job(json!({"title": "Paint a mural"}))).await;
    let theirs = app.post_job(&other, fixed_job(json!({"title": "Walrus plush toy"}))).await;
    app.moderate_job(&admin, &theirs, "hide", "counterfeit").await;
    let found = async |query: &str| ids(&app.json(&format!("/api/admin/jobs{query}"), Some(&admin.access)).await);
    assert_eq!(found("").await, vec![id(&theirs), id(&open), id(&draft)], "every job, newest first");
    assert_eq!(found("?q=WALRUS").await, vec![id(&theirs), id(&draft)], "by title");
    assert_eq!(found("?q=alice-").await, vec![id(&open), id(&draft)], "by the owner's e-mail");
    assert_eq!(found("?status=draft").await, vec![id(&draft)]);
    assert_eq!(found("?hidden=true").await, vec![id(&theirs)]);
    assert_eq!(found("?hidden=false&limit=1").await, vec![id(&open)]);
    expect_error(
        app.get("/api/admin/jobs?status=gone", Some(&admin.access)).await,
        StatusCode::BAD_REQUEST,
        "invalid_query",
    )
    .await;

    let res =
        app.post(&format!("/api/admin/jobs/{}/hide", id(&open)), json!({"reason": " "}), Some(&admin.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let nowhere = format!("/api/admin/jobs/{}/hide", uuid::Uuid::now_v7());
    expect_error(
        app.post(&nowhere, json!({"reason": "x"}), Some(&admin.access)).await,
        StatusCode::NOT_FOUND,
        "job_not_found",
    )
    .await;
    let res =
        app.post(&format!("/api/admin/jobs/{}/hide", id(&theirs)), json!({"reason": "x"}), Some(&admin.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_hidden").await;
}
