//! E-mail: what each user chooses to get, the mail queued for a notification
//! when it is delivered, the unsubscribe link in it, and delivery over SMTP
//! through an outage, once per mail however many senders run.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use server::config::Config;
use store::entity::mail_queue;

use crate::market::{fixed_job, id, proposal};
use crate::smtp_sink::SmtpSink;
use crate::support::{TestApp, TestUser, expect_error};

impl TestApp {
    /// The queued mails to `to` about notifications of `kind`, oldest first.
    async fn queued(&self, to: &str, kind: &str) -> Vec<mail_queue::Model> {
        self.notifications_delivered().await;
        mail_queue::Entity::find()
            .filter(mail_queue::Column::ToAddress.eq(to))
            .filter(mail_queue::Column::Kind.eq(kind))
            .order_by_asc(mail_queue::Column::Id)
            .all(&self.db)
            .await
            .expect("mail queue query")
    }

    async fn email_choices(&self, user: &TestUser) -> Value {
        self.json("/api/notifications/preferences", Some(&user.access)).await
    }

    async fn choose(&self, user: &TestUser, items: Value) -> reqwest::Response {
        self.put("/api/notifications/preferences", json!({ "items": items }), &user.access).await
    }
}

fn choice(preferences: &Value, kind: &str) -> bool {
    preferences["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|p| p["kind"] == kind)
        .and_then(|p| p["email"].as_bool())
        .unwrap_or_else(|| panic!("{kind} is listed: {preferences}"))
}

/// The unsubscribe token in the last mail to `to`.
async fn unsubscribe_token(app: &TestApp, to: &str) -> String {
    app.mailed_token(to, "/api/notifications/unsubscribe").await
}

#[tokio::test]
async fn notification_preferences_list_every_kind_and_keep_what_the_user_chose() {
    let app = TestApp::spawn().await;
    let user = app.signup("freelancer").await;
    let defaults = app.email_choices(&user).await;
    assert_eq!(defaults["items"].as_array().expect("items").len(), domain::notification::NotificationKind::ALL.len());
    assert!(choice(&defaults, "milestone_released"), "money is mailed by default");
    assert!(choice(&defaults, "hired"), "hiring is mailed by default");
    assert!(!choice(&defaults, "proposal_shortlisted"), "steps of a bid are not");
    assert!(!choice(&defaults, "friend_request"), "nor is news from friends");

    let res = app
        .choose(
            &user,
            json!([{"kind": "milestone_released", "email": false}, {"kind": "proposal_shortlisted", "email": true}]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: Value = res.json().await.expect("json");
    assert!(!choice(&answered, "milestone_released") && choice(&answered, "proposal_shortlisted"));
    let stored = app.email_choices(&user).await;
    assert_eq!(stored, answered);
    assert!(choice(&stored, "hired"), "kinds left out keep their setting");

    // Another user's choices are their own.
    let other = app.signup("freelancer").await;
    assert_eq!(app.email_choices(&other).await, defaults);
}

#[tokio::test]
async fn notification_preferences_refuse_unknown_and_repeated_kinds_and_strangers() {
    let app = TestApp::spawn().await;
    let user = app.signup("client").await;
    let before = app.snapshot().await;

    let unknown = app.choose(&user, json!([{"kind": "newsletter", "email": true}])).await;
    let body = expect_error(unknown, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"].as_object().is_some_and(|f| !f.is_empty()), "{body}");
    let twice = app.choose(&user, json!([{"kind": "hired", "email": true}, {"kind": "hired", "email": false}])).await;
    let body = expect_error(twice, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert!(body["error"]["fields"]["items[1].kind"].is_string(), "{body}");
    let not_a_flag = app.choose(&user, json!([{"kind": "hired", "email": "yes"}])).await;
    expect_error(not_a_flag, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.snapshot().await, before, "a refused change writes nothing");

    expect_error(app.get("/api/notifications/preferences", None).await, StatusCode::UNAUTHORIZED, "unauthenticated")
        .await;
}

#[tokio::test]
async fn a_notification_the_user_wants_by_mail_queues_one_mail_and_one_they_do_not_queues_none() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({"title": "Design a <b>logo</b>"}))).await;

    // A new proposal is mailed to the client by default.
    let bid = app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    let mails = app.queued(&client.email, "proposal_received").await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.subject, "New proposal on \u{201c}Design a <b>logo</b>\u{201d}");
    assert!(mail.text_body.contains("Hi Test User,"), "{}", mail.text_body);
    assert!(mail.text_body.contains(&format!("/jobs/{}/proposals", id(&job))), "{}", mail.text_body);
    let html = mail.html_body.as_deref().expect("an HTML alternative");
    assert!(html.contains("Design a &#60;b&#62;logo") || html.contains("Design a &lt;b&gt;logo"), "{html}");
    assert!(mail.unsubscribe_url.as_deref().is_some_and(|u| u.contains("/api/notifications/unsubscribe?token=")));

    // Shortlisting is not mailed unless asked for.
    let path = format!("/api/proposals/{}", id(&bid));
    let res = app.post(&format!("{path}/shortlist"), json!({"shortlisted": true}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.notification_kinds(&freelancer).await, vec!["proposal_shortlisted"]);
    assert!(app.queued(&freelancer.email, "proposal_shortlisted").await.is_empty());

    // The freelancer asks for declines by mail; the client stops proposals.
    let res = app.choose(&freelancer, json!([{"kind": "proposal_declined", "email": true}])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.choose(&client, json!([{"kind": "proposal_received", "email": false}])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.post(&format!("{path}/decline"), json!({"reason": "Too late."}), Some(&client.access)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let declined = app.queued(&freelancer.email, "proposal_declined").await;
    assert_eq!(declined.len(), 1);
    assert!(declined[0].text_body.contains("The reason given: Too late."), "{}", declined[0].text_body);
    let second = app.signup("freelancer").await;
    app.bid(&second, &id(&job), proposal(45_000, json!({}))).await;
    assert_eq!(app.queued(&client.email, "proposal_received").await.len(), 1, "no mail after opting out");
    assert_eq!(app.notification_kinds(&client).await.len(), 2, "the notification is still stored");
}

#[tokio::test]
async fn the_unsubscribe_link_turns_its_kind_off_without_a_login_and_a_forged_one_is_refused() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;

    let mails = app.mails_to(&client.email).await;
    let mail = mails.last().expect("the proposal mail went out");
    assert!(mail.contains("\r\nList-Unsubscribe: <http"), "{mail}");
    assert!(mail.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), "{mail}");
    assert!(mail.contains("multipart/alternative"), "{mail}");
    let token = unsubscribe_token(&app, &client.email).await;

    // Forgeries: another user's id under this signature, another kind, a bad signature.
    let forged_user = token.replacen(&client.id, &freelancer.id, 1);
    let forged_kind = token.replacen("proposal_received", "milestone_funded", 1);
    let forged_signature = format!("{}x", &token[..token.len() - 1]);
    for forged in [forged_user, forged_kind, forged_signature, "garbage".to_owned()] {
        let res = app.get(&format!("/api/notifications/unsubscribe?token={forged}"), None).await;
        expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    let res = app
        .http
        .get(app.url(&format!("/api/notifications/unsubscribe?token={}.x", token)))
        .header("accept", "text/html")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.expect("page").contains("This link does not work"));
    assert!(choice(&app.email_choices(&client).await, "proposal_received"), "forgeries changed nothing");
    assert!(choice(&app.email_choices(&freelancer).await, "proposal_received"));

    // The genuine link, opened in a browser.
    let res = app
        .http
        .get(app.url(&format!("/api/notifications/unsubscribe?token={token}")))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().expect("ascii").starts_with("text/html"));
    assert!(res.text().await.expect("page").contains("proposal received"));
    assert!(!choice(&app.email_choices(&client).await, "proposal_received"));
    assert!(choice(&app.email_choices(&client).await, "milestone_funded"), "only the link's kind is off");

    // Again, as a mail client's one-click POST: the same answer.
    let res = app
        .http
        .post(app.url(&format!("/api/notifications/unsubscribe?token={token}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json"), json!({"kind": "proposal_received", "email": false}));

    let other = app.signup("freelancer").await;
    app.bid(&other, &id(&job), proposal(45_000, json!({}))).await;
    assert_eq!(app.queued(&client.email, "proposal_received").await.len(), 1, "nothing more is mailed");
}

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_goes_out_once_it_is_back_and_only_once() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(|c: &mut Config| c.smtp_url = Some(url.into())).await;
    sink.set_up(false);
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    app.bid(&freelancer, &id(&job), proposal(40_000, json!({}))).await;
    // Two verification mails and the client's proposal mail.
    app.notifications_delivered().await;
    let now = Utc::now();
    let tried = app.services.mail.deliver_due(now).await.expect("delivery runs");
    assert_eq!((tried.sent, tried.failed), (0, 3));
    assert!(sink.received().is_empty());
    let waiting = app.queued(&client.email, "proposal_received").await;
    assert_eq!(waiting[0].attempts, 1);
    assert!(waiting[0].last_error.as_deref().is_some_and(|e| e.contains("SMTP")), "{waiting:?}");
    assert!(waiting[0].sent_at.is_none());

    // Not due again before its back-off (30 s), even though the server is back.
    sink.set_up(true);
    let early = app.services.mail.deliver_due(now + Duration::seconds(10)).await.expect("delivery runs");
    assert_eq!((early.sent, early.failed), (0, 0));
    // Down again for the second try, then up for the third (due 60 s later).
    sink.set_up(false);
    let second = app.services.mail.deliver_due(now + Duration::seconds(31)).await.expect("delivery runs");
    assert_eq!((second.sent, second.failed), (0, 3));
    sink.set_up(true);
    let third = app.services.mail.deliver_due(now + Duration::seconds(92)).await.expect("delivery runs");
    assert_eq!((third.sent, third.failed), (3, 0));
    let after = app.services.mail.deliver_due(now + Duration::hours(2)).await.expect("delivery runs");
    assert_eq!((after.sent, after.failed), (0, 0), "a sent mail is not sent again");

    let received = sink.received();
    assert_eq!(received.len(), 3);
    let mut ids = sink.message_ids();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "each mail arrived once");
    let proposal_mail = received
        .iter()
        .find(|m| m.recipients == [format!("<{}>", client.email)] && m.data.contains("multipart/alternative"))
        .expect("the proposal mail, with its HTML alternative");
    assert!(proposal_mail.data.contains("List-Unsubscribe:"), "{}", proposal_mail.data);
    let sent = app.queued(&client.email, "proposal_received").await;
    assert_eq!(sent[0].attempts, 2);
    assert!(sent[0].sent_at.is_some());
    assert_eq!(proposal_mail.message_id(), Some(format!("<{}@downwork.local>", sent[0].id)));
}

#[tokio::test]
async fn several_senders_at_once_send_each_mail_once() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(|c: &mut Config| c.smtp_url = Some(url.into())).await;
    for _ in 0..12 {
        app.signup("freelancer").await;
    }
    let now = Utc::now();
    let mail = &app.services.mail;
    let rounds =
        futures::future::join_all((0..4).map(|_| mail.deliver_due(now))).await.into_iter().map(|r| r.expect("runs"));
    let sent: usize = rounds.map(|d| d.sent).sum();
    assert_eq!(sent, 12);
    let mut ids = sink.message_ids();
    assert_eq!(ids.len(), 12);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12, "no mail was sent twice");
}

#[tokio::test]
async fn the_server_runs_the_mail_sender_on_its_own() {
    let app = TestApp::spawn_with(|c: &mut Config| c.worker = true).await;
    let user = app.signup("freelancer").await;
    let outbox = app.data_dir.join("outbox");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let written = std::fs::read_dir(&outbox).map(|d| d.count()).unwrap_or(0);
        if written > 0 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no mail for {} left the queue in time", user.email);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
