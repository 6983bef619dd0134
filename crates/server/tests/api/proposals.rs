//! Bidding, the client's handling of proposals, and invitations.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::market::{fixed_job, hourly_job, id, ids, proposal, usd};
use crate::support::{TestApp, expect_error};

#[tokio::test]
async fn a_freelancer_bids_and_both_sides_see_the_proposal() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({"screening_questions": ["When can you start?"]}))).await;
    let body = proposal(
        45_000,
        json!({
            "answers": ["Monday"],
            "milestones": [
                {"title": "Design", "amount": usd(15_000), "due_date": null},
                {"title": "Build", "amount": usd(30_000), "due_date": null},
            ],
        }),
    );
    let bid = app.bid(&freelancer, &id(&job), body).await;
    assert_eq!(bid["status"], "submitted");
    assert_eq!(bid["amount"], usd(45_000));
    assert_eq!(bid["answers"], json!(["Monday"]));
    assert_eq!(bid["milestones"][1]["title"], "Build");

    let mine = app.json("/api/proposals", Some(&freelancer.access)).await;
    assert_eq!(ids(&mine), vec![id(&bid)]);
    let on_job = app.json(&format!("/api/proposals?job_id={}", id(&job)), Some(&freelancer.access)).await;
    assert_eq!(ids(&on_job), vec![id(&bid)]);
    let other = app.post_job(&client, fixed_job(json!({}))).await;
    let none = app.json(&format!("/api/proposals?job_id={}", id(&other)), Some(&freelancer.access)).await;
    assert!(ids(&none).is_empty());
    assert_eq!(mine["items"][0]["job"]["title"], "Build a landing page");
    let theirs = app.json(&format!("/api/jobs/{}/proposals", id(&job)), Some(&client.access)).await;
    assert_eq!(ids(&theirs), vec![id(&bid)]);
    assert_eq!(app.notification_kinds(&client).await, vec!["proposal_received"]);
}

#[tokio::test]
async fn one_proposal_per_job_never_on_ones_own_job_and_only_while_open() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let bid_path = format!("/api/jobs/{}/bid", id(&job));
    app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    let again = app.post(&bid_path, proposal(39_000, json!({})), Some(&freelancer.access)).await;
    expect_error(again, StatusCode::CONFLICT, "already_proposed").await;

    // The client adds a freelancer profile, then tries to bid on their own job.
    let profile = json!({"name": "Both Roles", "freelancer": {"headline": "", "bio": "", "skills": []}});
    assert_eq!(app.put("/api/users/profile", profile, &client.access).await.status(), StatusCode::OK);
    let own = app.post(&bid_path, proposal(40_000, json!({})), Some(&client.access)).await;
    expect_error(own, StatusCode::CONFLICT, "own_job").await;

    let only_client = app.signup("client").await;
    let res = app.post(&bid_path, proposal(40_000, json!({})), Some(&only_client.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "role_required").await;

    app.post(&format!("/api/jobs/{}/close", id(&job)), json!({}), Some(&client.access)).await;
    let late = app.signup("freelancer").await;
    let res = app.post(&bid_path, proposal(40_000, json!({})), Some(&late.access)).await;
    expect_error(res, StatusCode::CONFLICT, "job_not_open").await;
    assert_eq!(app.count("proposals").await, 1);
}

#[tokio::test]
async fn concurrent_bids_by_one_freelancer_store_one_proposal() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let path = format!("/api/jobs/{}/bid", id(&job));
    let attempts = (0..6).map(|_| app.post(&path, proposal(40_000, json!({})), Some(&freelancer.access)));
    let statuses: Vec<StatusCode> = futures::future::join_all(attempts).await.iter().map(|r| r.status()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
    assert_eq!(app.count("proposals").await, 1);
}

#[tokio::test]
async fn bad_proposals_name_each_field_and_write_nothing() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let fixed = app.post_job(&client, fixed_job(json!({"screening_questions": ["Portfolio link?"]}))).await;
    let hourly = app.post_job(&client, hourly_job(json!({}))).await;
    let before = app.snapshot().await;
    let answered = |changes: Value| {
        let mut body = proposal(40_000, changes);
        if body.get("answers").is_none() {
            body["answers"] = json!(["https://example.com"]);
        }
        body
    };
    let cases = [
        (&fixed, answered(json!({"cover_letter": "Hi"})), "cover_letter"),
        (&fixed, answered(json!({"amount": usd(0)})), "amount"),
        (&fixed, answered(json!({"amount": {"amount": 40_000, "currency": "eur"}})), "amount"),
        (&fixed, answered(json!({"answers": []})), "answers"),
        (&fixed, answered(json!({"duration_days": 0})), "duration_days"),
        (
            &fixed,
            answered(json!({"milestones": [{"title": "All", "amount": usd(39_000), "due_date": null}]})),
            "milestones",
        ),
        (
            &fixed,
            answered(json!({"milestones": [{"title": "", "amount": usd(40_000), "due_date": null}]})),
            "milestones[0].title",
        ),
        (
            &hourly,
            proposal(6_000, json!({"milestones": [{"title": "x", "amount": usd(6_000), "due_date": null}]})),
            "milestones",
        ),
        (&hourly, proposal(2_000_000, json!({})), "amount"),
    ];
    for (job, body, field) in cases {
        let res = app.post(&format!("/api/jobs/{}/bid", id(job)), body, Some(&freelancer.access)).await;
        let err = expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert!(err["error"]["fields"].get(field).is_some(), "{field}: {err}");
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_freelancer_cannot_see_or_touch_another_freelancers_proposal() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let author = app.signup("freelancer").await;
    let rival = app.signup("freelancer").await;
    let other_client = app.signup("client").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let bid = app.bid(&author, &id(&job), proposal(40_000, json!({}))).await;
    let path = format!("/api/proposals/{}", id(&bid));

    for stranger in [&rival, &other_client] {
        expect_error(app.get(&path, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "proposal_not_found").await;
        let res = app.put(&path, proposal(1_000, json!({})), &stranger.access).await;
        expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
        let res = app.post(&format!("{path}/withdraw"), json!({}), Some(&stranger.access)).await;
        expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
        let res = app.post(&format!("{path}/decline"), json!({}), Some(&stranger.access)).await;
        expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;
        let res = app.get(&format!("/api/jobs/{}/proposals", id(&job)), Some(&stranger.access)).await;
        expect_error(res, StatusCode::NOT_FOUND, "job_not_found").await;
    }
    expect_error(app.get(&path, None).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert!(ids(&app.json("/api/proposals", Some(&rival.access)).await).is_empty());
    assert_eq!(app.json(&path, Some(&client.access)).await["id"], bid["id"]);
}

#[tokio::test]
async fn a_proposal_can_be_edited_until_withdrawn() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    let path = format!("/api/proposals/{}", id(&bid));
    let res = app.put(&path, proposal(38_000, json!({"duration_days": 7})), &freelancer.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.expect("json");
    assert_eq!((edited["amount"].clone(), edited["duration_days"].clone()), (usd(38_000), json!(7)));

    let withdrawn: Value =
        app.post(&format!("{path}/withdraw"), json!({}), Some(&freelancer.access)).await.json().await.expect("json");
    assert_eq!(withdrawn["status"], "withdrawn");
    let res = app.put(&path, proposal(37_000, json!({})), &freelancer.access).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
    let res = app.post(&format!("{path}/withdraw"), json!({}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;
}

#[tokio::test]
async fn the_client_shortlists_and_declines_and_the_freelancer_is_told() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let bid = app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    let path = format!("/api/proposals/{}", id(&bid));

    let listed: Value = app
        .post(&format!("{path}/shortlist"), json!({"shortlisted": true}), Some(&client.access))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed["status"], "shortlisted");
    let shortlist =
        app.json(&format!("/api/jobs/{}/proposals?status=shortlisted", id(&job)), Some(&client.access)).await;
    assert_eq!(ids(&shortlist), vec![id(&bid)]);
    // Only the client decides.
    let res = app.post(&format!("{path}/shortlist"), json!({"shortlisted": false}), Some(&freelancer.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "proposal_not_found").await;

    let res = app
        .post(&format!("{path}/decline"), json!({"reason": "We went with a local studio."}), Some(&client.access))
        .await;
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "declined");
    let res = app.post(&format!("{path}/decline"), json!({}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;

    let notes = app.json("/api/notifications", Some(&freelancer.access)).await;
    assert_eq!(notes["unread_count"], 2);
    assert_eq!(notes["items"][0]["kind"], "proposal_declined");
    assert_eq!(notes["items"][0]["payload"]["reason"], "We went with a local studio.");
    assert_eq!(notes["items"][1]["kind"], "proposal_shortlisted");
    let marked: Value =
        app.post("/api/notifications/read", json!({}), Some(&freelancer.access)).await.json().await.expect("json");
    assert_eq!(marked["marked"], 2);
    assert_eq!(app.json("/api/notifications?unread=true", Some(&freelancer.access)).await["unread_count"], 0);
}

#[tokio::test]
async fn an_invited_freelancer_accepts_by_proposing_or_declines() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let keen = app.signup("freelancer").await;
    let busy = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let invite_path = format!("/api/jobs/{}/invitations", id(&job));
    let mut invitations = Vec::new();
    for freelancer in [&keen, &busy] {
        let body = json!({"freelancer_id": freelancer.id, "message": "Your portfolio is great."});
        let res = app.post(&invite_path, body, Some(&client.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        invitations.push(res.json::<Value>().await.expect("json"));
    }
    let res = app.post(&invite_path, json!({"freelancer_id": keen.id}), Some(&client.access)).await;
    expect_error(res, StatusCode::CONFLICT, "already_invited").await;
    let res = app.post(&invite_path, json!({"freelancer_id": client.id}), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let other_client = app.signup("client").await;
    let res = app.post(&invite_path, json!({"freelancer_id": other_client.id}), Some(&client.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.notification_kinds(&keen).await, vec!["job_invitation"]);

    let inbox = app.json("/api/invitations?status=pending", Some(&keen.access)).await;
    assert_eq!(inbox["items"][0]["job"]["id"], job["id"]);
    let accept = format!("/api/invitations/{}/accept", id(&invitations[0]));
    let res = app.post(&accept, proposal(42_000, json!({})), Some(&busy.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "invitation_not_found").await;
    let res = app.post(&accept, proposal(42_000, json!({})), Some(&keen.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let bid: Value = res.json().await.expect("json");
    let res = app.post(&accept, proposal(42_000, json!({})), Some(&keen.access)).await;
    expect_error(res, StatusCode::CONFLICT, "invalid_state").await;

    let decline = format!("/api/invitations/{}/decline", id(&invitations[1]));
    let declined: Value = app.post(&decline, json!({}), Some(&busy.access)).await.json().await.expect("json");
    assert_eq!(declined["status"], "declined");

    let sent = app.json(&invite_path, Some(&client.access)).await;
    let by_freelancer = |who: &str| {
        sent["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["freelancer_id"] == who)
            .cloned()
            .expect("invitation")
    };
    assert_eq!(by_freelancer(&keen.id)["status"], "accepted");
    assert_eq!(by_freelancer(&keen.id)["proposal_id"], bid["id"]);
    assert_eq!(by_freelancer(&busy.id)["status"], "declined");
    let kinds = app.notification_kinds(&client).await;
    assert_eq!(kinds, vec!["invitation_answered", "invitation_answered", "proposal_received"]);
}

#[tokio::test]
async fn attachments_open_for_those_who_may_see_the_job_or_proposal() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let invited = app.signup("freelancer").await;
    let stranger = app.signup("freelancer").await;
    let brief = crate::files::upload(&app, &client.access, "attachment", crate::files::PDF.to_vec()).await;
    let body = fixed_job(json!({"visibility": "invite_only", "attachment_file_ids": [brief["id"]]}));
    let job = app.post_job(&client, body).await;
    let brief_path = format!("/api/files/{}", id(&brief));
    expect_error(app.get(&brief_path, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "file_not_found").await;

    let invite = json!({"freelancer_id": invited.id});
    app.post(&format!("/api/jobs/{}/invitations", id(&job)), invite, Some(&client.access)).await;
    assert_eq!(app.get(&brief_path, Some(&invited.access)).await.status(), StatusCode::OK);

    let sample = crate::files::upload(&app, &invited.access, "attachment", crate::files::PDF.to_vec()).await;
    let bid = app.bid(&invited, &id(&job), proposal(40_000, json!({"attachment_file_ids": [sample["id"]]}))).await;
    assert_eq!(bid["attachment_file_ids"], json!([sample["id"]]));
    let sample_path = format!("/api/files/{}", id(&sample));
    assert_eq!(app.get(&sample_path, Some(&client.access)).await.status(), StatusCode::OK);
    expect_error(app.get(&sample_path, Some(&stranger.access)).await, StatusCode::NOT_FOUND, "file_not_found").await;
    expect_error(app.get(&sample_path, None).await, StatusCode::NOT_FOUND, "file_not_found").await;
}
