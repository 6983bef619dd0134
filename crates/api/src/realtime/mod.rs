//! Socket.io at `/socket.io/` (protocol v5, the stock `socket.io-client` 4).
//!
//! A client connects with `auth: {token}` (its access token); a missing or
//! bad token is refused with a `connect_error`. Each socket joins its user's
//! room, `user:<id>`, which is where every push for that user goes, so that
//! a push reaches all of a user's tabs and devices, on any instance when the
//! Redis adapter links them.
//!
//! Client events, each answered through the ack with `{..}` or `{error}`:
//! - `message:send {conversation_id | to_user_id, body, attachments?, client_id?}` -> `{message}`
//! - `sync {conversation_id, after_seq, limit?}` -> `{messages, has_more}`
//! - `message:read {conversation_id, seq}` -> `{read_seq}`
//! - `typing {conversation_id, typing}`
//!
//! Server events: `message:new`, `message:updated`, `message:read`, `typing`,
//! `notification:new`.

mod events;
mod fanout;

use domain::UserId;
use serde::Deserialize;
use services::Services;
use socketioxide::SocketIo;
use socketioxide::adapter::Adapter;
use socketioxide::extract::{SocketRef, TryData};
use socketioxide::handler::ConnectHandler as _;
use socketioxide_core::adapter::DefinedAdapter;

pub use fanout::SocketFanout;

/// The room every socket of a user joins.
pub fn user_room(user: UserId) -> String {
    format!("user:{user}")
}

/// Who a socket belongs to, set once the handshake's token checks out.
#[derive(Debug, Clone, Copy)]
struct Caller {
    user: UserId,
}

#[derive(Debug, Deserialize)]
struct Handshake {
    token: String,
}

/// Why a connection was refused; the client reads it as `connect_error`'s message.
#[derive(Debug, thiserror::Error)]
enum Refused {
    #[error("unauthenticated: connect with `auth: {{token}}`, the access token")]
    NoToken,
    #[error("invalid_token: the access token is invalid or has expired")]
    BadToken,
    #[error("unavailable: try again shortly")]
    Unavailable,
}

/// Serves the default namespace on `io`. With a remote adapter the answer
/// is a future that resolves once the adapter is subscribed.
pub fn attach<A: Adapter + DefinedAdapter>(io: &SocketIo<A>, services: Services) -> A::InitRes {
    let for_auth = services.clone();
    let authenticate = move |socket: SocketRef<A>, handshake: TryData<Handshake>| {
        let services = for_auth.clone();
        async move { authenticate(&socket, handshake, &services).await }
    };
    let on_connect = move |socket: SocketRef<A>| {
        let services = services.clone();
        async move { events::on_connect(socket, services).await }
    };
    io.ns("/", on_connect.with(authenticate))
}

async fn authenticate<A: Adapter>(
    socket: &SocketRef<A>,
    TryData(handshake): TryData<Handshake>,
    services: &Services,
) -> Result<(), Refused> {
    let token = handshake.map_err(|_| Refused::NoToken)?.token;
    match services.accounts.authenticate(token.trim()).await {
        Ok(Some((user, _))) => {
            socket.extensions.insert(Caller { user: user.id });
            Ok(())
        }
        Ok(None) => Err(Refused::BadToken),
        Err(err) => {
            tracing::error!(error = %err, "socket authentication failed");
            Err(Refused::Unavailable)
        }
    }
}
