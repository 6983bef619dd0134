//! The socket: authentication, live messages with acks, read receipts,
//! typing, catching up after a disconnect, pushed notifications, and
//! outsiders kept out.

use serde_json::json;

use crate::market::{fixed_job, id, proposal};
use crate::sockets::connect_to;
use crate::support::TestApp;

#[tokio::test]
async fn a_socket_without_a_good_token_is_refused() {
    let app = TestApp::spawn().await;
    let refused = connect_to(&app.base, json!({})).await.err().expect("refused without a token");
    assert!(refused.contains("unauthenticated"), "{refused}");
    let refused = connect_to(&app.base, json!({"token": "not-a-jwt"})).await.err().expect("refused");
    assert!(refused.contains("invalid_token"), "{refused}");

    let user = app.signup("client").await;
    let res = app.post("/api/auth/logout", json!({"refresh_token": user.refresh}), Some(&user.access)).await;
    assert!(res.status().is_success(), "logs out");
    let refused = connect_to(&app.base, json!({"token": user.access})).await.err().expect("refused after logout");
    assert!(refused.contains("invalid_token"), "{refused}");
}

#[tokio::test]
async fn a_message_sent_on_the_socket_is_acked_stored_and_pushed_to_both_sides() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let mut client_socket = app.socket(&client.access).await;
    let mut freelancer_socket = app.socket(&freelancer.access).await;
    // A second tab of the sender hears about it too.
    let mut freelancer_tab = app.socket(&freelancer.access).await;

    let ack = freelancer_socket
        .call("message:send", json!({"to_user_id": client.id, "body": "Hello live", "client_id": "c-1"}))
        .await;
    let message = &ack["message"];
    assert_eq!(message["seq"], 1);
    assert_eq!(message["client_id"], "c-1");

    let pushed = client_socket.next("message:new").await;
    assert_eq!(pushed["id"], message["id"]);
    assert_eq!(pushed["body"], "Hello live");
    assert_eq!(freelancer_tab.next("message:new").await["id"], message["id"]);
    assert_eq!(freelancer_socket.next("message:new").await["id"], message["id"]);

    let history = app.json(&format!("/api/chats/{}/messages", freelancer.id), Some(&client.access)).await;
    assert_eq!(history["items"][0]["id"], message["id"], "stored before it was pushed");

    // The reply goes by conversation id.
    let conversation = message["conversation_id"].clone();
    let ack = client_socket.call("message:send", json!({"conversation_id": conversation, "body": "Hi back"})).await;
    assert_eq!(ack["message"]["seq"], 2);
    assert_eq!(freelancer_socket.next("message:new").await["body"], "Hi back");
}

#[tokio::test]
async fn read_receipts_and_typing_reach_the_other_member() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let message = app.message(&freelancer, &client, json!({"body": "Are you there?"})).await;
    let conversation = message["conversation_id"].clone();
    let mut client_socket = app.socket(&client.access).await;
    let mut freelancer_socket = app.socket(&freelancer.access).await;

    client_socket.call("typing", json!({"conversation_id": conversation, "typing": true})).await;
    let typing = freelancer_socket.next("typing").await;
    assert_eq!(typing, json!({"conversation_id": conversation, "user_id": client.id, "typing": true}));
    client_socket.expect_none("typing").await;

    let ack = client_socket.call("message:read", json!({"conversation_id": conversation, "seq": 1})).await;
    assert_eq!(ack["read_seq"], 1);
    let receipt = freelancer_socket.next("message:read").await;
    assert_eq!(receipt, json!({"conversation_id": conversation, "user_id": client.id, "seq": 1}));
    assert_eq!(app.json("/api/chats", Some(&client.access)).await["unread_total"], 0);
}

#[tokio::test]
async fn a_client_that_reconnects_catches_up_with_sync() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let first = app.message(&freelancer, &client, json!({"body": "one"})).await;
    let conversation = first["conversation_id"].clone();
    let client_socket = app.socket(&client.access).await;
    client_socket.close().await;

    let freelancer_socket = app.socket(&freelancer.access).await;
    for body in ["two", "three", "four"] {
        freelancer_socket.call("message:send", json!({"conversation_id": conversation, "body": body})).await;
    }

    let client_socket = app.socket(&client.access).await;
    let synced = client_socket.call("sync", json!({"conversation_id": conversation, "after_seq": 1})).await;
    let bodies: Vec<_> = synced["messages"].as_array().expect("messages").iter().map(|m| m["body"].clone()).collect();
    assert_eq!(bodies, [json!("two"), json!("three"), json!("four")]);
    assert_eq!(synced["has_more"], false);
    let page = client_socket.call("sync", json!({"conversation_id": conversation, "after_seq": 0, "limit": 2})).await;
    assert_eq!(page["messages"].as_array().expect("messages").len(), 2);
    assert_eq!(page["has_more"], true);
}

#[tokio::test]
async fn an_outsider_cannot_post_read_sync_or_type_in_a_conversation() {
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let message = app.message(&freelancer, &client, json!({"body": "between us"})).await;
    let conversation = message["conversation_id"].clone();
    let outsider = app.signup("freelancer").await;
    let mut client_socket = app.socket(&client.access).await;
    let outsider_socket = app.socket(&outsider.access).await;

    for (event, payload) in [
        ("message:send", json!({"conversation_id": conversation, "body": "let me in"})),
        ("sync", json!({"conversation_id": conversation, "after_seq": 0})),
        ("message:read", json!({"conversation_id": conversation, "seq": 1})),
        ("typing", json!({"conversation_id": conversation, "typing": true})),
    ] {
        let answer = outsider_socket.call(event, payload).await;
        assert_eq!(answer["error"]["code"], "conversation_not_found", "{event}: {answer}");
    }
    let answer = outsider_socket.call("message:send", json!({"to_user_id": client.id, "body": "hi"})).await;
    assert_eq!(answer["error"]["code"], "chat_not_allowed");
    let answer = outsider_socket.call("message:send", json!({"body": "to whom?"})).await;
    assert_eq!(answer["error"]["code"], "invalid_payload");
    let answer = outsider_socket.call("sync", json!({"conversation_id": 42})).await;
    assert_eq!(answer["error"]["code"], "invalid_payload");

    client_socket.expect_none("message:new").await;
    client_socket.expect_none("typing").await;
    assert_eq!(app.count("messages").await, 1);
}

#[tokio::test]
async fn notifications_are_pushed_as_they_are_stored() {
    let app = TestApp::spawn().await;
    let client = app.signup("client").await;
    let freelancer = app.signup("freelancer").await;
    let job = app.post_job(&client, fixed_job(json!({}))).await;
    let mut client_socket = app.socket(&client.access).await;

    app.bid(&freelancer, &id(&job), proposal(50_000, json!({}))).await;
    let pushed = client_socket.next("notification:new").await;
    assert_eq!(pushed["kind"], "proposal_received");
    let stored = app.json("/api/notifications", Some(&client.access)).await;
    assert_eq!(stored["items"][0]["id"], pushed["id"]);
    // Each notification goes out once.
    client_socket.expect_none("notification:new").await;
}
