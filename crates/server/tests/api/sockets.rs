//! A real Socket.io client (`rust_socketio`) for the tests: connects with a
//! token, collects every event the server pushes, and turns acks into
//! awaitable answers.

use std::time::Duration;

use futures::FutureExt as _;
use rust_socketio::asynchronous::{Client, ClientBuilder};
use rust_socketio::{Event, Payload};
use serde_json::{Value, json};
use tokio::sync::{mpsc, oneshot};

use crate::support::TestApp;

/// How long a test waits for something the server should do at once.
const PATIENCE: Duration = Duration::from_secs(5);

pub struct TestSocket {
    client: Client,
    events: mpsc::UnboundedReceiver<(String, Value)>,
    /// Events read past while waiting for another one.
    parked: Vec<(String, Value)>,
}

fn first(payload: Payload) -> Value {
    match payload {
        Payload::Text(mut values) if !values.is_empty() => values.swap_remove(0),
        #[allow(deprecated)]
        Payload::String(s) => serde_json::from_str(&s).unwrap_or(Value::String(s)),
        _ => Value::Null,
    }
}

/// Connects to `base` with `auth`; the socket once the server accepted it,
/// or the server's `connect_error` message.
pub async fn connect_to(base: &str, auth: Value) -> Result<TestSocket, String> {
    let (events_tx, events) = mpsc::unbounded_channel();
    let (outcome_tx, outcome) = mpsc::unbounded_channel::<Result<(), String>>();
    let on_error = outcome_tx.clone();
    let client = ClientBuilder::new(base)
        .auth(auth)
        .reconnect(false)
        .on(Event::Connect, move |_, _| {
            let _ = outcome_tx.send(Ok(()));
            async {}.boxed()
        })
        .on(Event::Error, move |payload, _| {
            let _ = on_error.send(Err(first(payload).to_string()));
            async {}.boxed()
        })
        .on(Event::Close, {
            let events_tx = events_tx.clone();
            move |_, _| {
                let _ = events_tx.send(("close".to_owned(), Value::Null));
                async {}.boxed()
            }
        })
        .on_any(move |event, payload, _| {
            let _ = events_tx.send((event.to_string(), first(payload)));
            async {}.boxed()
        })
        .connect()
        .await
        .map_err(|e| e.to_string())?;
    let mut outcome = outcome;
    match tokio::time::timeout(PATIENCE, outcome.recv()).await {
        Ok(Some(Ok(()))) => Ok(TestSocket { client, events, parked: Vec::new() }),
        Ok(Some(Err(message))) => Err(message),
        _ => Err("no answer to the connection".to_owned()),
    }
}

impl TestApp {
    /// A socket of the user whose access token is `token`.
    pub async fn socket(&self, token: &str) -> TestSocket {
        connect_to(&self.base, json!({ "token": token })).await.expect("the socket connects")
    }
}

impl TestSocket {
    /// Emits `event` and waits for the server's ack.
    pub async fn call(&self, event: &str, payload: Value) -> Value {
        self.try_call(event, payload, PATIENCE).await.expect("an ack in time")
    }

    /// Emits `event` and waits up to `patience` for the ack; `None` when the
    /// connection is gone or the ack never came.
    pub async fn try_call(&self, event: &str, payload: Value, patience: Duration) -> Option<Value> {
        let (tx, rx) = oneshot::channel();
        let tx = std::sync::Mutex::new(Some(tx));
        self.client
            .emit_with_ack(event, payload, patience, move |answer, _| {
                if let Some(tx) = tx.lock().expect("ack lock").take() {
                    let _ = tx.send(first(answer));
                }
                async {}.boxed()
            })
            .await
            .ok()?;
        let answer = tokio::time::timeout(patience, rx).await.ok()?.ok()?;
        // The client hands over an ack's arguments as one array.
        Some(match answer {
            Value::Array(mut args) if args.len() == 1 => args.swap_remove(0),
            other => other,
        })
    }

    /// The next `event` pushed to this socket; other events are kept for later.
    pub async fn next(&mut self, event: &str) -> Value {
        if let Some(at) = self.parked.iter().position(|(name, _)| name == event) {
            return self.parked.remove(at).1;
        }
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let received = tokio::time::timeout_at(deadline, self.events.recv()).await;
            match received {
                Ok(Some((name, body))) if name == event => return body,
                Ok(Some(other)) => self.parked.push(other),
                _ => panic!("no {event} within {PATIENCE:?}; got {:?}", self.parked),
            }
        }
    }

    /// Asserts that no `event` arrives within a short while.
    pub async fn expect_none(&mut self, event: &str) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        while let Ok(other) = self.events.try_recv() {
            self.parked.push(other);
        }
        assert!(!self.parked.iter().any(|(name, _)| name == event), "unexpected {event}: {:?}", self.parked);
    }

    pub async fn close(self) {
        let _ = self.client.disconnect().await;
    }
}
