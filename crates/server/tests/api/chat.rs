//! Direct messages over HTTP: who may talk, history, edits, tombstones,
//! read marks and attachments.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::files::{PDF, upload};
use crate::market::{fixed_job, id, proposal};
use crate::support::{TestApp, TestUser, expect_error};

impl TestApp {
    /// A client and a freelancer who proposed on the client's job, so they may talk.
    pub async fn acquainted(&self) -> (TestUser, TestUser) {
        let client = self.signup("client").await;
        let freelancer = self.signup("freelancer").await;
        let job = self.post_job(&client, fixed_job(json!({}))).await;
        self.bid(&freelancer, &id(&job), proposal(50_000, json!({}))).await;
        (client, freelancer)
    }

    /// `from` messages `to`; returns the stored message.
    pub async fn message(&self, from: &TestUser, to: &TestUser, body: Value) -> Value {
        let res = self.post(&format!("/api/chats/{}", to.id), body, Some(&from.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "sending a message");
        res.json().await.expect("json")
    }

    async fn patch(&self, path: &str, body: Value, token: &str) -> reqwest::Response {
        self.http.patch(self.url(path)).bearer_auth(token).json(&body).send().await.expect("sent")
    }

    async fn delete(&self, path: &str, token: &str) -> reqwest::Response {
        self.http.delete(self.url(path)).bearer_auth(token).send().await.expect("sent")
    }
}

fn seqs(page: &Value) -> Vec<i64> {
    page["items"].as_array().expect("items").iter().map(|m| m["seq"].as_i64().expect("seq")).collect()
}

#[tokio::test]
async fn a_freelancer_and_the_client_they_proposed_to_can_talk() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;

    let first = app.message(&freelancer, &client, json!({"body": "  Hello, about your job  "})).await;
    assert_eq!(first["seq"], 1);
    assert_eq!(first["body"], "Hello, about your job");
    assert_eq!(first["sender_id"], freelancer.id.as_str());

    let inbox = app.json("/api/chats", Some(&client.access)).await;
    assert_eq!(inbox["unread_total"], 1);
    let chat = &inbox["items"][0];
    assert_eq!(chat["user"]["id"], freelancer.id.as_str());
    assert_eq!(chat["last_message"]["body"], "Hello, about your job");
    assert_eq!(chat["unread_count"], 1);
    assert_eq!(chat["conversation_id"], first["conversation_id"]);

    let reply = app.message(&client, &freelancer, json!({"body": "Hi! Tell me more."})).await;
    assert_eq!(reply["seq"], 2);
    assert_eq!(reply["conversation_id"], first["conversation_id"], "one conversation per pair");
    // Writing a reply reads what came before it.
    let inbox = app.json("/api/chats", Some(&client.access)).await;
    assert_eq!(inbox["unread_total"], 0);
    let theirs = app.json("/api/chats", Some(&freelancer.access)).await;
    assert_eq!(theirs["items"][0]["unread_count"], 1);
    assert_eq!(theirs["items"][0]["last_message"]["body"], "Hi! Tell me more.");
}

#[tokio::test]
async fn strangers_cannot_start_a_conversation() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    let before = app.snapshot().await;
    let messages = app.count("messages").await;

    let res = app.post(&format!("/api/chats/{}", bob.id), json!({"body": "hi"}), Some(&alice.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "chat_not_allowed").await;
    let res = app.post(&format!("/api/chats/{}", alice.id), json!({"body": "me"}), Some(&alice.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let nobody = uuid::Uuid::now_v7();
    let res = app.post(&format!("/api/chats/{nobody}"), json!({"body": "hi"}), Some(&alice.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "user_not_found").await;
    let res = app.post(&format!("/api/chats/{}", bob.id), json!({"body": "hi"}), None).await;
    expect_error(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;

    assert_eq!(app.snapshot().await, before);
    assert_eq!(app.count("messages").await, messages);
    assert_eq!(app.count("conversations").await, 0);
}

#[tokio::test]
async fn bad_messages_are_refused_and_store_nothing() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let path = format!("/api/chats/{}", client.id);
    for body in [
        json!({"body": "   "}),
        json!({"body": "x".repeat(5_001)}),
        json!({"body": "hi", "client_id": "has spaces"}),
        json!({"body": "hi", "attachments": [uuid::Uuid::now_v7()]}),
    ] {
        let res = app.post(&path, body, Some(&freelancer.access)).await;
        expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    let res = app.post(&path, json!({"body": 5}), Some(&freelancer.access)).await;
    assert!(res.status().is_client_error());
    assert_eq!(app.count("messages").await, 0);
}

#[tokio::test]
async fn outsiders_learn_nothing_of_a_conversation() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let message = app.message(&freelancer, &client, json!({"body": "private"})).await;
    let conversation = message["conversation_id"].as_str().expect("conversation");
    let outsider = app.signup("freelancer").await;
    let token = Some(outsider.access.as_str());

    for path in [format!("/api/conversations/{conversation}"), format!("/api/conversations/{conversation}/messages")] {
        expect_error(app.get(&path, token).await, StatusCode::NOT_FOUND, "conversation_not_found").await;
    }
    let res = app.post(&format!("/api/conversations/{conversation}/messages"), json!({"body": "hi"}), token).await;
    expect_error(res, StatusCode::NOT_FOUND, "conversation_not_found").await;
    let res = app.post(&format!("/api/conversations/{conversation}/read"), json!({"seq": 1}), token).await;
    expect_error(res, StatusCode::NOT_FOUND, "conversation_not_found").await;
    let path = format!("/api/messages/{}", message["id"].as_str().expect("id"));
    let res = app.patch(&path, json!({"body": "mine now"}), &outsider.access).await;
    expect_error(res, StatusCode::NOT_FOUND, "message_not_found").await;
    expect_error(app.delete(&path, &outsider.access).await, StatusCode::NOT_FOUND, "message_not_found").await;
    let inbox = app.json("/api/chats", token).await;
    assert_eq!(inbox["items"], json!([]));

    let history = app.json(&format!("/api/chats/{}/messages", client.id), Some(&freelancer.access)).await;
    assert_eq!(history["items"][0]["body"], "private", "the members still read it");
}

#[tokio::test]
async fn history_pages_back_and_sync_reads_forward() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    for n in 1..=5 {
        app.message(&freelancer, &client, json!({"body": format!("message {n}")})).await;
    }
    let path = format!("/api/chats/{}/messages?limit=2", freelancer.id);
    let page = app.json(&path, Some(&client.access)).await;
    assert_eq!(seqs(&page), [5, 4]);
    let cursor = page["next_cursor"].as_str().expect("more");
    let page = app.json(&format!("{path}&cursor={cursor}"), Some(&client.access)).await;
    assert_eq!(seqs(&page), [3, 2]);
    let cursor = page["next_cursor"].as_str().expect("more");
    let page = app.json(&format!("{path}&cursor={cursor}"), Some(&client.access)).await;
    assert_eq!(seqs(&page), [1]);
    assert_eq!(page["next_cursor"], Value::Null);

    let conversation = page["conversation_id"].as_str().expect("conversation");
    let missed =
        app.json(&format!("/api/conversations/{conversation}/messages?after_seq=2"), Some(&client.access)).await;
    assert_eq!(seqs(&missed), [3, 4, 5]);

    // Before the first message there is nothing, and no conversation yet.
    let (other_client, other_freelancer) = app.acquainted().await;
    let empty = app.json(&format!("/api/chats/{}/messages", other_freelancer.id), Some(&other_client.access)).await;
    assert_eq!(empty["items"], json!([]));
    assert_eq!(empty["conversation_id"], Value::Null);
}

#[tokio::test]
async fn senders_edit_and_delete_their_own_messages_and_a_tombstone_stays() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let message = app.message(&freelancer, &client, json!({"body": "draft", "attachments": []})).await;
    let path = format!("/api/messages/{}", message["id"].as_str().expect("id"));

    let res = app.patch(&path, json!({"body": "not yours"}), &client.access).await;
    expect_error(res, StatusCode::FORBIDDEN, "not_sender").await;
    let res = app.patch(&path, json!({"body": " "}), &freelancer.access).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.patch(&path, json!({"body": "final"}), &freelancer.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.expect("json");
    assert_eq!(edited["body"], "final");
    assert!(edited["edited_at"].is_string());

    expect_error(app.delete(&path, &client.access).await, StatusCode::FORBIDDEN, "not_sender").await;
    let res = app.delete(&path, &freelancer.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    let gone: Value = res.json().await.expect("json");
    assert_eq!(gone["body"], "");
    assert!(gone["deleted_at"].is_string());
    assert_eq!(gone["seq"], 1, "its place stays");
    let res = app.patch(&path, json!({"body": "back"}), &freelancer.access).await;
    expect_error(res, StatusCode::CONFLICT, "message_deleted").await;

    let history = app.json(&format!("/api/chats/{}/messages", freelancer.id), Some(&client.access)).await;
    assert_eq!(history["items"][0]["deleted_at"], gone["deleted_at"]);
    assert_eq!(history["items"][0]["body"], "");
}

#[tokio::test]
async fn resending_with_the_same_client_id_stores_one_message() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let body = json!({"body": "only once", "client_id": "tab-1:42"});
    let first = app.message(&freelancer, &client, body.clone()).await;
    let again = app.message(&freelancer, &client, body).await;
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["client_id"], "tab-1:42");
    assert_eq!(app.count("messages").await, 1);
    // The same client id from the other member is theirs, not a repeat.
    let theirs = app.message(&client, &freelancer, json!({"body": "mine", "client_id": "tab-1:42"})).await;
    assert_eq!(theirs["seq"], 2);
}

#[tokio::test]
async fn read_marks_only_move_forward_and_stop_at_the_newest_message() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    for n in 1..=3 {
        app.message(&freelancer, &client, json!({"body": format!("m{n}")})).await;
    }
    let conversation = app.json("/api/chats", Some(&client.access)).await["items"][0]["conversation_id"].clone();
    let path = format!("/api/conversations/{}/read", conversation.as_str().expect("id"));
    let read = |seq: i64| app.post(&path, json!({"seq": seq}), Some(&client.access));

    let mark: Value = read(2).await.json().await.expect("json");
    assert_eq!(mark["read_seq"], 2);
    assert_eq!(app.json("/api/chats", Some(&client.access)).await["unread_total"], 1);
    let mark: Value = read(100).await.json().await.expect("json");
    assert_eq!(mark["read_seq"], 3);
    let mark: Value = read(1).await.json().await.expect("json");
    assert_eq!(mark["read_seq"], 3, "never back");
    assert_eq!(app.json("/api/chats", Some(&client.access)).await["unread_total"], 0);

    let details =
        app.json(&format!("/api/conversations/{}", conversation.as_str().expect("id")), Some(&freelancer.access)).await;
    let client_mark = details["read"].as_array().expect("read").iter().find(|m| m["user_id"] == client.id.as_str());
    assert_eq!(client_mark.expect("client's mark")["read_seq"], 3);
}

#[tokio::test]
async fn attachments_are_for_the_members_only_and_leave_with_a_deleted_message() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let file = upload(&app, &freelancer.access, "attachment", PDF.to_vec()).await;
    let file_id = id(&file);
    let message = app.message(&freelancer, &client, json!({"attachments": [file_id]})).await;
    assert_eq!(message["attachments"], json!([file_id]));
    assert_eq!(message["body"], "");

    let download = format!("/api/files/{file_id}");
    assert_eq!(app.get(&download, Some(&client.access)).await.status(), StatusCode::OK);
    let outsider = app.signup("client").await;
    assert_eq!(app.get(&download, Some(&outsider.access)).await.status(), StatusCode::NOT_FOUND);
    // Someone else's upload cannot ride on your message.
    let res = app
        .post(&format!("/api/chats/{}", freelancer.id), json!({"attachments": [file_id]}), Some(&client.access))
        .await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let res = app.delete(&format!("/api/messages/{}", id(&message)), &freelancer.access).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get(&download, Some(&client.access)).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn parties_of_a_contract_can_talk() {
    let app = TestApp::spawn().await;
    let (client, freelancer, _contract) = app.fixed_contract().await;
    let message = app.message(&client, &freelancer, json!({"body": "Welcome aboard"})).await;
    assert_eq!(message["seq"], 1);
}
