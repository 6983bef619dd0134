//! Reports of abuse and their queue; announcements to a role, told once to
//! each of its users, in-app and by e-mail.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, id};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn users_report_what_they_see_and_admins_work_the_queue() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (client, freelancer) = app.acquainted().await;
    let message = app.message(&freelancer, &client, json!({"body": "pay me outside the platform"})).await;

    let body = json!({"subject_kind": "message", "subject_id": message["id"], "reason": "off_platform_payment",
        "details": "asked to be paid by wire"});
    let res = app.post("/api/reports", body.clone(), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let report: Value = res.json().await.expect("json");
    assert_eq!(report["status"], "open");
    expect_error(app.post("/api/reports", body, Some(&client.access)).await, StatusCode::CONFLICT, "already_reported")
        .await;

    // Nobody reports what they cannot see, nor themselves.
    let outsider = app.signup("client").await;
    let theirs = json!({"subject_kind": "message", "subject_id": message["id"], "reason": "spam"});
    expect_error(
        app.post("/api/reports", theirs, Some(&outsider.access)).await,
        StatusCode::NOT_FOUND,
        "message_not_found",
    )
    .await;
    let hidden = app.post_job(&client, fixed_job(json!({"visibility": "invite_only"}))).await;
    let job = json!({"subject_kind": "job", "subject_id": hidden["id"], "reason": "fraud"});
    expect_error(app.post("/api/reports", job, Some(&outsider.access)).await, StatusCode::NOT_FOUND, "job_not_found")
        .await;
    let me = json!({"subject_kind": "user", "subject_id": outsider.id, "reason": "other"});
    expect_error(
        app.post("/api/reports", me, Some(&outsider.access)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let odd = json!({"subject_kind": "planet", "subject_id": outsider.id, "reason": "other"});
    assert!(app.post("/api/reports", odd, Some(&outsider.access)).await.status().is_client_error());

    let queue = app.json("/api/admin/reports", Some(&admin.access)).await;
    assert_eq!(queue["items"].as_array().expect("items").len(), 1);
    assert_eq!(queue["items"][0]["id"], report["id"]);
    let path = format!("/api/admin/reports/{}/resolve", id(&report));
    let res =
        app.post(&path, json!({"outcome": "resolved", "note": "warned the freelancer"}), Some(&admin.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "resolved");
    let again = app.post(&path, json!({"outcome": "dismissed", "note": "x"}), Some(&admin.access)).await;
    expect_error(again, StatusCode::CONFLICT, "report_handled").await;
    assert_eq!(app.notification_kinds(&client).await[0], "report_handled");
    assert_eq!(app.json("/api/admin/reports", Some(&admin.access)).await["items"], json!([]));
    let log = app.json(&format!("/api/admin/audit-log?subject_id={}", id(&report)), Some(&admin.access)).await;
    assert_eq!(log["items"][0]["action"], "report.handle");

    for (method, path) in [("GET", "/api/admin/reports".to_owned()), ("POST", path)] {
        let res = match method {
            "GET" => app.get(&path, Some(&freelancer.access)).await,
            _ => app.post(&path, json!({"outcome": "resolved", "note": "x"}), Some(&freelancer.access)).await,
        };
        expect_error(res, StatusCode::NOT_FOUND, "route_not_found").await;
    }
}

#[tokio::test]
async fn an_announcement_reaches_each_user_of_its_audience_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let mut freelancers = Vec::new();
    for _ in 0..3 {
        freelancers.push(app.signup("freelancer").await);
    }
    let client = app.signup("client").await;

    let body = json!({"audience": "freelancer", "title": "New payout schedule", "body": "Payouts now arrive daily."});
    let res = app.post("/api/admin/announcements", body, Some(&admin.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.expect("json");
    assert_eq!(made["recipients"], 3);
    // Whatever the background delivery has done, a sweep finishes it and tells nobody twice.
    app.services.admin.deliver_announcements().await.expect("delivered");
    app.services.admin.deliver_announcements().await.expect("nothing left");

    for freelancer in &freelancers {
        let kinds = app.notification_kinds(freelancer).await;
        assert_eq!(kinds.iter().filter(|k| *k == "announcement").count(), 1);
        let mails = app.mails_to(&freelancer.email).await;
        assert_eq!(mails.iter().filter(|m| m.contains("New payout schedule")).count(), 1);
    }
    assert!(!app.notification_kinds(&client).await.contains(&"announcement".to_owned()));
    let list = app.json("/api/admin/announcements", Some(&admin.access)).await;
    assert_eq!(list["items"][0]["delivered"], 3);
    assert!(list["items"][0]["finished_at"].is_string());

    let res = app
        .post(
            "/api/admin/announcements",
            json!({"audience": "everyone", "title": "x", "body": "y"}),
            Some(&admin.access),
        )
        .await;
    assert!(res.status().is_client_error());
    let res = app
        .post("/api/admin/announcements", json!({"audience": "all", "title": "", "body": "y"}), Some(&admin.access))
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app
        .post(
            "/api/admin/announcements",
            json!({"audience": "all", "title": "Hello", "body": "y"}),
            Some(&client.access),
        )
        .await;
    expect_error(res, StatusCode::NOT_FOUND, "route_not_found").await;
}
