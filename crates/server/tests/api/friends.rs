//! Friendships: requests and their answers, one friendship per pair, lists,
//! mutual friends, suggestions and blocks.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{TestApp, TestUser, expect_error};

impl TestApp {
    /// `from` asks `to` to be friends; returns the request.
    pub async fn friend_request(&self, from: &TestUser, to: &TestUser) -> Value {
        let res = self.post("/api/users/friend-request", json!({"user_id": to.id}), Some(&from.access)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "friend request");
        res.json().await.expect("json")
    }

    /// Makes `a` and `b` friends.
    pub async fn befriend(&self, a: &TestUser, b: &TestUser) {
        let request = self.friend_request(a, b).await;
        let res = self.answer(b, &request, "accept").await;
        assert_eq!(res.status(), StatusCode::OK, "accepting");
    }

    pub async fn answer(&self, user: &TestUser, request: &Value, answer: &str) -> reqwest::Response {
        let path = format!("/api/users/friend-request/{}/{answer}", request["id"].as_str().expect("id"));
        self.put(&path, json!({}), &user.access).await
    }

    pub async fn friend_ids(&self, user: &TestUser) -> Vec<String> {
        let page = self.json("/api/users/friends?limit=100", Some(&user.access)).await;
        page["items"].as_array().expect("items").iter().map(|u| u["id"].as_str().expect("id").to_owned()).collect()
    }

    async fn delete_as(&self, path: &str, user: &TestUser) -> reqwest::Response {
        self.http.delete(self.url(path)).bearer_auth(&user.access).send().await.expect("sent")
    }
}

#[tokio::test]
async fn a_request_accepted_makes_two_friends() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;

    let request = app.friend_request(&alice, &bob).await;
    assert_eq!(request["status"], "pending");
    assert_eq!(request["from_user_id"], alice.id.as_str());
    assert_eq!(request["to_user_id"], bob.id.as_str());
    let incoming = app.json("/api/users/friend-requests?direction=incoming", Some(&bob.access)).await;
    assert_eq!(incoming["items"][0]["id"], request["id"]);
    assert_eq!(incoming["items"][0]["user"]["id"], alice.id.as_str());
    let outgoing = app.json("/api/users/friend-requests?direction=outgoing", Some(&alice.access)).await;
    assert_eq!(outgoing["items"][0]["user"]["id"], bob.id.as_str());
    assert_eq!(app.friend_ids(&alice).await, Vec::<String>::new(), "a request is not a friendship");

    let res = app.answer(&bob, &request, "accept").await;
    assert_eq!(res.status(), StatusCode::OK);
    let accepted: Value = res.json().await.expect("json");
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(app.friend_ids(&alice).await, vec![bob.id.clone()]);
    assert_eq!(app.friend_ids(&bob).await, vec![alice.id.clone()]);
    assert_eq!(app.notification_kinds(&bob).await[0], "friend_request");
    assert_eq!(app.notification_kinds(&alice).await[0], "friend_request_accepted");
    let incoming = app.json("/api/users/friend-requests", Some(&bob.access)).await;
    assert_eq!(incoming["items"], json!([]));
}

#[tokio::test]
async fn only_the_addressee_answers_and_only_once() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    let carol = app.signup("freelancer").await;
    let request = app.friend_request(&alice, &bob).await;

    expect_error(app.answer(&alice, &request, "accept").await, StatusCode::FORBIDDEN, "not_your_request").await;
    expect_error(app.answer(&carol, &request, "accept").await, StatusCode::NOT_FOUND, "friend_request_not_found").await;
    expect_error(app.answer(&carol, &request, "decline").await, StatusCode::NOT_FOUND, "friend_request_not_found")
        .await;
    assert_eq!(app.answer(&bob, &request, "accept").await.status(), StatusCode::OK);
    expect_error(app.answer(&bob, &request, "accept").await, StatusCode::CONFLICT, "request_answered").await;
    expect_error(app.answer(&bob, &request, "decline").await, StatusCode::CONFLICT, "request_answered").await;
}

#[tokio::test]
async fn declined_and_cancelled_requests_end_and_may_be_asked_again() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;

    let request = app.friend_request(&alice, &bob).await;
    let declined: Value = app.answer(&bob, &request, "decline").await.json().await.expect("json");
    assert_eq!(declined["status"], "declined");
    assert_eq!(app.count("friendships").await, 0);

    let again = app.friend_request(&alice, &bob).await;
    let path = format!("/api/users/friend-request/{}", again["id"].as_str().expect("id"));
    expect_error(app.delete_as(&path, &bob).await, StatusCode::FORBIDDEN, "not_your_request").await;
    let res = app.delete_as(&path, &alice).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["status"], "cancelled");
    expect_error(app.delete_as(&path, &alice).await, StatusCode::NOT_FOUND, "friend_request_not_found").await;
    app.befriend(&bob, &alice).await;
}

#[tokio::test]
async fn a_pair_has_one_friendship_whoever_asks_and_even_when_both_ask_at_once() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    app.friend_request(&alice, &bob).await;
    let again = app.post("/api/users/friend-request", json!({"user_id": bob.id}), Some(&alice.access)).await;
    expect_error(again, StatusCode::CONFLICT, "request_exists").await;
    let back = app.post("/api/users/friend-request", json!({"user_id": alice.id}), Some(&bob.access)).await;
    expect_error(back, StatusCode::CONFLICT, "request_exists").await;

    for _ in 0..10 {
        let carol = app.signup("client").await;
        let dave = app.signup("freelancer").await;
        let (one, two) = tokio::join!(
            app.post("/api/users/friend-request", json!({"user_id": dave.id}), Some(&carol.access)),
            app.post("/api/users/friend-request", json!({"user_id": carol.id}), Some(&dave.access)),
        );
        let mut statuses = [one.status(), two.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
    }
    assert_eq!(app.count("friendships").await, 11);

    let res = app.post("/api/users/friend-request", json!({"user_id": alice.id}), Some(&alice.access)).await;
    expect_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let nobody = uuid::Uuid::now_v7();
    let res = app.post("/api/users/friend-request", json!({"user_id": nobody}), Some(&alice.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "user_not_found").await;
}

#[tokio::test]
async fn either_friend_unfriends() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    app.befriend(&alice, &bob).await;
    let res = app.delete_as(&format!("/api/users/friends/{}", alice.id), &bob).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.friend_ids(&alice).await, Vec::<String>::new());
    let res = app.delete_as(&format!("/api/users/friends/{}", bob.id), &alice).await;
    expect_error(res, StatusCode::NOT_FOUND, "friend_not_found").await;
}

#[tokio::test]
async fn friends_page_in_a_stable_order() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let mut expected = Vec::new();
    for _ in 0..5 {
        let friend = app.signup("freelancer").await;
        app.befriend(&friend, &alice).await;
        expected.push(friend.id);
    }
    expected.sort();
    let mut seen = Vec::new();
    let mut path = "/api/users/friends?limit=2".to_owned();
    loop {
        let page = app.json(&path, Some(&alice.access)).await;
        let items = page["items"].as_array().expect("items");
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|u| u["id"].as_str().expect("id").to_owned()));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/users/friends?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn suggestions_are_friends_of_friends_by_mutual_count_without_the_connected_or_blocked() {
    let app = TestApp::spawn().await;
    let me = app.signup("client").await;
    let mut people = Vec::new();
    for _ in 0..6 {
        people.push(app.signup("freelancer").await);
    }
    let [b, c, d, e, f, g] = <[TestUser; 6]>::try_from(people).ok().expect("six");
    app.befriend(&me, &b).await;
    app.befriend(&me, &c).await;
    app.befriend(&b, &d).await;
    app.befriend(&c, &d).await;
    app.befriend(&b, &e).await;
    app.befriend(&b, &f).await;
    app.befriend(&b, &g).await;
    app.friend_request(&me, &f).await; // pending: not suggested
    let res = app.post(&format!("/api/users/{}/block", me.id), json!({}), Some(&g.access)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let found = app.json("/api/users/friend-suggestions", Some(&me.access)).await;
    let suggested: Vec<(String, i64)> = found["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|s| (s["user"]["id"].as_str().expect("id").to_owned(), s["mutual_friends"].as_i64().expect("count")))
        .collect();
    assert_eq!(suggested, [(d.id.clone(), 2), (e.id.clone(), 1)]);
    // Suggestions are kept a while, but not past one's own new friendship.
    app.befriend(&d, &me).await;
    let found = app.json("/api/users/friend-suggestions", Some(&me.access)).await;
    assert_eq!(found["items"].as_array().expect("items").len(), 1);
    assert_eq!(found["items"][0]["user"]["id"], e.id.as_str());

    let mutual = app.json(&format!("/api/users/{}/mutual-friends", d.id), Some(&me.access)).await;
    let mut ids: Vec<&str> =
        mutual["items"].as_array().expect("items").iter().map(|u| u["id"].as_str().expect("id")).collect();
    ids.sort_unstable();
    let mut expected = [b.id.as_str(), c.id.as_str()];
    expected.sort_unstable();
    assert_eq!(ids, expected);
}

#[tokio::test]
async fn a_blocked_user_cannot_ask_message_or_see_the_blocker() {
    let app = TestApp::spawn().await;
    let alice = app.signup("client").await;
    let bob = app.signup("freelancer").await;
    app.befriend(&alice, &bob).await;
    let res = app.post(&format!("/api/chats/{}", alice.id), json!({"body": "hi friend"}), Some(&bob.access)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "friends may talk");

    let res = app.post(&format!("/api/users/{}/block", bob.id), json!({}), Some(&alice.access)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.friend_ids(&alice).await, Vec::<String>::new(), "the friendship ended");
    let res = app.post("/api/users/friend-request", json!({"user_id": alice.id}), Some(&bob.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "user_not_found").await;
    let res = app.post(&format!("/api/chats/{}", alice.id), json!({"body": "hello?"}), Some(&bob.access)).await;
    expect_error(res, StatusCode::NOT_FOUND, "user_not_found").await;
    let inbox = app.json("/api/chats", Some(&bob.access)).await;
    let conversation = inbox["items"][0]["conversation_id"].as_str().expect("conversation").to_owned();
    let res =
        app.post(&format!("/api/conversations/{conversation}/messages"), json!({"body": "x"}), Some(&bob.access)).await;
    expect_error(res, StatusCode::FORBIDDEN, "chat_not_allowed").await;
    expect_error(
        app.get(&format!("/api/users/{}", alice.id), Some(&bob.access)).await,
        StatusCode::NOT_FOUND,
        "user_not_found",
    )
    .await;
    let blocked = app.json("/api/users/blocked", Some(&alice.access)).await;
    assert_eq!(blocked["items"][0]["id"], bob.id.as_str());

    let res = app.delete_as(&format!("/api/users/{}/block", bob.id), &alice).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/api/users/{}", alice.id), Some(&bob.access)).await.status(), StatusCode::OK);
    let res = app.delete_as(&format!("/api/users/{}/block", bob.id), &alice).await;
    expect_error(res, StatusCode::NOT_FOUND, "block_not_found").await;
}
