//! Realtime beyond one process: two instances linked by Redis, and a server
//! killed in the middle of a conversation.

use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::sockets::{TestSocket, connect_to};
use crate::support::{JWT_SECRET, TestApp};

/// How long a restarted server, or a socket reconnecting to it, may take.
const STARTUP: Duration = Duration::from_secs(30);

/// The Redis the cluster test links its instances through, when there is one.
fn redis_url() -> Option<String> {
    std::env::var("TEST_REDIS_URL").ok().filter(|url| !url.is_empty())
}

#[tokio::test]
async fn a_message_sent_through_one_instance_reaches_a_socket_on_another() {
    let Some(redis) = redis_url() else {
        eprintln!("TEST_REDIS_URL not set: skipping the two-instance test");
        return;
    };
    let with_redis = |config: &mut server::config::Config| config.redis_url = Some(redis.clone().into());
    let first = TestApp::spawn_with(with_redis).await;
    let second = first.spawn_beside(with_redis).await;
    let (client, freelancer) = first.acquainted().await;

    let mut on_second = second.socket(&client.access).await;
    let on_first = first.socket(&freelancer.access).await;
    let ack = on_first.call("message:send", json!({"to_user_id": client.id, "body": "across instances"})).await;
    let pushed = on_second.next("message:new").await;
    assert_eq!(pushed["id"], ack["message"]["id"]);
    assert_eq!(pushed["body"], "across instances");

    // A message sent over HTTP to the first instance reaches the socket too.
    first.message(&freelancer, &client, json!({"body": "over HTTP"})).await;
    assert_eq!(on_second.next("message:new").await["body"], "over HTTP");
}

/// What it takes to start the server on a test app's database.
#[derive(Clone)]
struct Launch {
    database_url: String,
    data_dir: PathBuf,
    http: reqwest::Client,
}

impl Launch {
    fn of(app: &TestApp) -> Self {
        Self { database_url: app.database_url.clone(), data_dir: app.data_dir.clone(), http: app.http.clone() }
    }
}

/// `downwork serve` as its own process, so that it can be killed outright.
struct ServerProcess {
    child: Child,
    addr: String,
}

impl ServerProcess {
    async fn start(app: &Launch, addr: &str) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_downwork"))
            .arg("serve")
            .env("DATABASE_URL", &app.database_url)
            .env("DOWNWORK_DATA_DIR", &app.data_dir)
            .env("DOWNWORK_JWT_SECRET", JWT_SECRET)
            .env("DOWNWORK_ADDR", addr)
            .env("DOWNWORK_WORKER", "false")
            .env("RUST_LOG", "error")
            .spawn()
            .expect("server starts");
        let server = Self { child, addr: addr.to_owned() };
        // Generous: on a busy machine the restart competes with every other test.
        let deadline = tokio::time::Instant::now() + STARTUP;
        while tokio::time::Instant::now() < deadline {
            if let Ok(res) = app.http.get(format!("{}/healthz", server.base())).send().await
                && res.status().is_success()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not come up on {addr}");
    }

    fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// SIGKILL: no graceful shutdown, nothing flushed.
    fn kill(&mut self) {
        self.child.kill().expect("killed");
        self.child.wait().expect("reaped");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn reconnect(base: &str, token: &str) -> TestSocket {
    let deadline = tokio::time::Instant::now() + STARTUP;
    while tokio::time::Instant::now() < deadline {
        if let Ok(socket) = connect_to(base, json!({ "token": token })).await {
            return socket;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("could not reconnect to {base}");
}

#[tokio::test]
async fn every_acked_message_survives_a_server_crash_exactly_once_and_in_order() {
    const MESSAGES: usize = 1_000;
    let app = TestApp::spawn().await;
    let (client, freelancer) = app.acquainted().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("addr").port();
    let addr = format!("127.0.0.1:{port}");
    let launch = Launch::of(&app);
    let server = Arc::new(tokio::sync::Mutex::new(ServerProcess::start(&launch, &addr).await));

    // Kill the server when a third of the messages are acked, and bring it back.
    let acked = Arc::new(AtomicUsize::new(0));
    let crash = {
        let (acked, server, launch, addr) = (acked.clone(), server.clone(), launch.clone(), addr.clone());
        tokio::spawn(async move {
            while acked.load(Ordering::SeqCst) < MESSAGES / 3 {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            let mut server = server.lock().await;
            server.kill();
            tokio::time::sleep(Duration::from_millis(300)).await;
            *server = ServerProcess::start(&launch, &addr).await;
        })
    };

    let base = server.lock().await.base();
    let mut socket = reconnect(&base, &freelancer.access).await;
    let mut conversation = Value::Null;
    let mut next = 0;
    let mut resent = 0;
    while next < MESSAGES {
        let payload = json!({"to_user_id": client.id, "body": format!("m{next}"), "client_id": format!("m{next}")});
        match socket.try_call("message:send", payload, Duration::from_secs(2)).await {
            Some(ack) if ack["message"].is_object() => {
                conversation = ack["message"]["conversation_id"].clone();
                next += 1;
                acked.store(next, Ordering::SeqCst);
            }
            // Lost with the connection: reconnect and send the same message again.
            _ => {
                resent += 1;
                socket = reconnect(&base, &freelancer.access).await;
            }
        }
    }
    crash.await.expect("the crash happened");
    assert!(resent > 0, "the crash interrupted the conversation");

    let mut socket = reconnect(&base, &client.access).await;
    let mut seen = Vec::new();
    loop {
        let after = seen.last().map_or(0, |(seq, _): &(i64, String)| *seq);
        // Small pages; an unanswered one is asked again on a fresh connection, as a client would.
        let request = json!({"conversation_id": conversation, "after_seq": after, "limit": 100});
        let mut page = None;
        for _ in 0..3 {
            page = socket.try_call("sync", request.clone(), Duration::from_secs(10)).await;
            if page.is_some() {
                break;
            }
            socket = reconnect(&base, &client.access).await;
        }
        let page = page.expect("a sync answer");
        for m in page["messages"].as_array().expect("messages") {
            seen.push((m["seq"].as_i64().expect("seq"), m["body"].as_str().expect("body").to_owned()));
        }
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(seen.len(), MESSAGES, "every acked message once");
    for (n, (_, body)) in seen.iter().enumerate() {
        assert_eq!(body, &format!("m{n}"), "in the order sent");
    }
    let seqs: Vec<i64> = seen.iter().map(|(seq, _)| *seq).collect();
    assert_eq!(seqs, (1..=i64::try_from(MESSAGES).expect("fits")).collect::<Vec<_>>(), "no gaps");
    socket.close().await;
}
