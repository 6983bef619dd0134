//! The services' [`Fanout`] port over socketioxide: a push becomes an event
//! in the users' rooms, carried to other instances by the adapter.

use async_trait::async_trait;
use domain::UserId;
use serde_json::json;
use services::ports::{Fanout, Push};
use socketioxide::SocketIo;
use socketioxide::adapter::Adapter;

use super::user_room;
use crate::routes::chats::Message;
use crate::routes::notifications::Notification;

pub struct SocketFanout<A: Adapter> {
    io: SocketIo<A>,
}

impl<A: Adapter> SocketFanout<A> {
    pub fn new(io: SocketIo<A>) -> Self {
        Self { io }
    }
}

/// The wire name and body of a push.
fn event(push: Push) -> (&'static str, serde_json::Value) {
    match push {
        Push::MessageNew(m) => ("message:new", json!(Message::from(m))),
        Push::MessageUpdated(m) => ("message:updated", json!(Message::from(m))),
        Push::MessageRead { conversation_id, user_id, seq } => {
            ("message:read", json!({"conversation_id": conversation_id, "user_id": user_id, "seq": seq}))
        }
        Push::Typing { conversation_id, user_id, typing } => {
            ("typing", json!({"conversation_id": conversation_id, "user_id": user_id, "typing": typing}))
        }
        Push::Notification(n) => ("notification:new", json!(Notification::from(n))),
    }
}

#[async_trait]
impl<A: Adapter> Fanout for SocketFanout<A> {
    async fn push(&self, users: &[UserId], push: Push) {
        // Before the namespace is served there is nobody to tell.
        let Some(ns) = self.io.of("/") else { return };
        let (name, body) = event(push);
        let rooms: Vec<String> = users.iter().copied().map(user_room).collect();
        if let Err(err) = ns.to(rooms).emit(name, &body).await {
            tracing::warn!(event = name, error = %err, "push not delivered; clients catch up on sync");
        }
    }

    async fn connected(&self) -> u64 {
        let Some(ns) = self.io.of("/") else { return 0 };
        match ns.fetch_sockets().await {
            Ok(sockets) => sockets.len() as u64,
            Err(err) => {
                tracing::warn!(error = %err, "could not count the sockets of every instance");
                0
            }
        }
    }

    async fn disconnect(&self, user: UserId) {
        let Some(ns) = self.io.of("/") else { return };
        if let Err(err) = ns.to(user_room(user)).disconnect().await {
            tracing::warn!(%user, error = %err, "could not close every socket of the user");
        }
    }
}
