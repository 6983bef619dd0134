//! What a connected socket may ask for. Every event checks the caller's
//! membership through the chat service, exactly as the HTTP routes do.

use domain::{ConversationId, FileId, UserId};
use serde::{Deserialize, Serialize};
use serde_json::json;
use services::Services;
use services::chat::Target;
use socketioxide::ParserError;
use socketioxide::adapter::Adapter;
use socketioxide::extract::{AckSender, SocketRef, TryData};

use super::{Caller, user_room};
use crate::error::AppError;
use crate::routes::chats::{Message, SendMessage};

pub(super) async fn on_connect<A: Adapter>(socket: SocketRef<A>, services: Services) {
    let Some(caller) = socket.extensions.get::<Caller>() else {
        // The middleware sets the caller; without one the socket must not stay.
        let _ = socket.disconnect();
        return;
    };
    socket.join(user_room(caller.user));
    let s = services.clone();
    socket.on("message:send", move |ack: AckSender<A>, TryData(data): TryData<SendPayload>| {
        let s = s.clone();
        async move { reply(ack, send(&s, caller, data).await) }
    });
    let s = services.clone();
    socket.on("sync", move |ack: AckSender<A>, TryData(data): TryData<SyncPayload>| {
        let s = s.clone();
        async move { reply(ack, sync(&s, caller, data).await) }
    });
    let s = services.clone();
    socket.on("message:read", move |ack: AckSender<A>, TryData(data): TryData<ReadPayload>| {
        let s = s.clone();
        async move { reply(ack, read(&s, caller, data).await) }
    });
    socket.on("typing", move |ack: AckSender<A>, TryData(data): TryData<TypingPayload>| {
        let s = services.clone();
        async move { reply(ack, typing(&s, caller, data).await) }
    });
}

/// Answers through the ack, if the client asked for one.
fn reply<A: Adapter, T: Serialize>(ack: AckSender<A>, result: Result<T, AppError>) {
    let sent = match result {
        Ok(answer) => ack.send(&answer),
        Err(err) => {
            if let AppError::Internal(detail) = &err {
                tracing::error!(error = %detail, "socket event failed");
            }
            ack.send(&err.body())
        }
    };
    if let Err(err) = sent {
        tracing::debug!(error = %err, "ack not sent; the socket is gone");
    }
}

fn malformed(err: ParserError) -> AppError {
    AppError::malformed("invalid_payload", format!("the event's data is not what was expected: {err}"))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SendPayload {
    conversation_id: Option<ConversationId>,
    to_user_id: Option<UserId>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    attachments: Vec<FileId>,
    client_id: Option<String>,
}

#[derive(Serialize)]
struct Sent {
    message: Message,
}

async fn send(services: &Services, caller: Caller, data: Result<SendPayload, ParserError>) -> Result<Sent, AppError> {
    let data = data.map_err(malformed)?;
    let target = match (data.conversation_id, data.to_user_id) {
        (Some(id), None) => Target::Conversation(id),
        (None, Some(user)) => Target::User(user),
        _ => return Err(AppError::malformed("invalid_payload", "give exactly one of conversation_id and to_user_id")),
    };
    let draft =
        SendMessage { body: data.body, attachments: data.attachments, client_id: data.client_id }.into_draft()?;
    let message = services.chat.send(caller.user, target, draft).await?;
    Ok(Sent { message: message.into() })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncPayload {
    conversation_id: ConversationId,
    #[serde(default)]
    after_seq: i64,
    limit: Option<u64>,
}

#[derive(Serialize)]
struct Synced {
    messages: Vec<Message>,
    /// More came after the last one here: ask again from its `seq`.
    has_more: bool,
}

async fn sync(services: &Services, caller: Caller, data: Result<SyncPayload, ParserError>) -> Result<Synced, AppError> {
    let data = data.map_err(malformed)?;
    let limit = data.limit.unwrap_or(services::chat::MAX_BATCH).clamp(1, services::chat::MAX_BATCH);
    let mut found = services.chat.since(caller.user, data.conversation_id, data.after_seq, limit + 1).await?;
    let has_more = found.len() as u64 > limit;
    found.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(Synced { messages: found.into_iter().map(Message::from).collect(), has_more })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadPayload {
    conversation_id: ConversationId,
    seq: i64,
}

async fn read(
    services: &Services,
    caller: Caller,
    data: Result<ReadPayload, ParserError>,
) -> Result<serde_json::Value, AppError> {
    let data = data.map_err(malformed)?;
    let read_seq = services.chat.mark_read(caller.user, data.conversation_id, data.seq).await?;
    Ok(json!({ "read_seq": read_seq }))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypingPayload {
    conversation_id: ConversationId,
    typing: bool,
}

async fn typing(
    services: &Services,
    caller: Caller,
    data: Result<TypingPayload, ParserError>,
) -> Result<serde_json::Value, AppError> {
    let data = data.map_err(malformed)?;
    services.chat.typing(caller.user, data.conversation_id, data.typing).await?;
    Ok(json!({ "ok": true }))
}
