//! `/api/chats`, `/api/conversations` and `/api/messages`: direct messages.
//! The socket (`message:send`, `sync`, `message:read`, `typing`) does the same
//! things live; these routes serve clients without a socket and first loads.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::chat::Draft;
use domain::pagination::{Page, PageRequest};
use domain::{ConversationId, FileId, MessageId, UserId};
use serde::{Deserialize, Serialize};
use services::chat::{ChatMessage, InboxItem, Target};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

use super::{PageQuery, UserCard};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_chats))
        .routes(routes!(send_to_user))
        .routes(routes!(history_with_user))
        .routes(routes!(conversation))
        .routes(routes!(conversation_messages, send_to_conversation))
        .routes(routes!(mark_conversation_read))
        .routes(routes!(edit_message, delete_message))
}

/// A message as both members see it, over HTTP and the socket alike.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    pub id: MessageId,
    pub conversation_id: ConversationId,
    /// Position in the conversation: 1, 2, 3, ... with no gaps.
    pub seq: i64,
    pub sender_id: UserId,
    /// Empty once deleted.
    pub body: String,
    pub attachments: Vec<FileId>,
    /// The sender's own id for the message, echoed back so a client can match its ack.
    pub client_id: Option<String>,
    pub edited_at: Option<DateTime<Utc>>,
    /// Set when the sender deleted the message; it stays as a tombstone.
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<ChatMessage> for Message {
    fn from(m: ChatMessage) -> Self {
        let r = m.record;
        Self {
            id: r.id,
            conversation_id: r.conversation_id,
            seq: r.seq,
            sender_id: r.sender_id,
            body: r.body,
            attachments: m.attachments,
            client_id: r.client_id,
            edited_at: r.edited_at,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChatSummary {
    pub conversation_id: ConversationId,
    /// The other member.
    pub user: UserCard,
    pub last_message: Option<Message>,
    pub unread_count: i64,
    /// `seq` of the newest message.
    pub last_seq: i64,
    pub updated_at: Option<DateTime<Utc>>,
}

impl From<InboxItem> for ChatSummary {
    fn from(item: InboxItem) -> Self {
        Self {
            conversation_id: item.conversation.id,
            user: item.peer.into(),
            last_message: item.last_message.map(Message::from),
            unread_count: item.unread_count,
            last_seq: item.conversation.last_seq,
            updated_at: item.conversation.last_message_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChatList {
    pub items: Vec<ChatSummary>,
    pub next_cursor: Option<String>,
    /// Unread messages over all conversations, for the badge.
    pub unread_total: i64,
}

/// The caller's conversations, the most recently active first.
#[utoipa::path(get, path = "/api/chats", tag = "chats", security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = ChatList), (status = 401, body = ErrorBody)))]
async fn list_chats(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<ChatList>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.chat.inbox(auth.user.id, &page).await?;
    let unread_total = state.services.chat.unread_total(auth.user.id).await?;
    let Page { items, next_cursor } = found.map(ChatSummary::from);
    Ok(Json(ChatList { items, next_cursor, unread_total }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendMessage {
    #[serde(default)]
    pub body: String,
    /// Files uploaded with `POST /api/files` (purpose `attachment`).
    #[serde(default)]
    pub attachments: Vec<FileId>,
    /// Your own id for the message (up to 64 printable characters): sending
    /// again with it stores nothing new and answers the first message.
    pub client_id: Option<String>,
}

impl SendMessage {
    pub fn into_draft(self) -> Result<Draft, AppError> {
        Ok(Draft::new(&self.body, self.attachments, self.client_id)?)
    }
}

/// Message a user: a friend, or the other side of a job invitation,
/// proposal or contract. Starts the conversation on the first message.
#[utoipa::path(post, path = "/api/chats/{id}", tag = "chats", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the other user")),
    request_body = SendMessage,
    responses((status = 201, body = Message), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn send_to_user(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(peer): ApiPath<UserId>,
    ApiJson(body): ApiJson<SendMessage>,
) -> Result<(StatusCode, Json<Message>), AppError> {
    let message = state.services.chat.send(auth.user.id, Target::User(peer), body.into_draft()?).await?;
    Ok((StatusCode::CREATED, Json(message.into())))
}

/// Send a message in a conversation the caller is in.
#[utoipa::path(post, path = "/api/conversations/{id}/messages", tag = "chats", security(("bearer" = [])),
    params(("id" = ConversationId, Path, description = "conversation id")),
    request_body = SendMessage,
    responses((status = 201, body = Message), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn send_to_conversation(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ConversationId>,
    ApiJson(body): ApiJson<SendMessage>,
) -> Result<(StatusCode, Json<Message>), AppError> {
    let message = state.services.chat.send(auth.user.id, Target::Conversation(id), body.into_draft()?).await?;
    Ok((StatusCode::CREATED, Json(message.into())))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessagePage {
    /// Absent until the first message.
    pub conversation_id: Option<ConversationId>,
    pub items: Vec<Message>,
    pub next_cursor: Option<String>,
}

/// History with a user, newest first; `next_cursor` pages back in time.
#[utoipa::path(get, path = "/api/chats/{id}/messages", tag = "chats", security(("bearer" = [])),
    params(("id" = UserId, Path, description = "the other user"), PageQuery),
    responses((status = 200, body = MessagePage), (status = 404, body = ErrorBody)))]
async fn history_with_user(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(peer): ApiPath<UserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<MessagePage>, AppError> {
    history(&state, auth.user.id, Target::User(peer), &query).await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConversationMessagesQuery {
    /// Messages after this `seq`, oldest first (what a client missed);
    /// without it, history newest first, paged by `cursor`.
    pub after_seq: Option<i64>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A conversation's messages: history (newest first) or, with `after_seq`,
/// what came after (oldest first).
#[utoipa::path(get, path = "/api/conversations/{id}/messages", tag = "chats", security(("bearer" = [])),
    params(("id" = ConversationId, Path, description = "conversation id"), ConversationMessagesQuery),
    responses((status = 200, body = MessagePage), (status = 404, body = ErrorBody)))]
async fn conversation_messages(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ConversationId>,
    ApiQuery(query): ApiQuery<ConversationMessagesQuery>,
) -> Result<Json<MessagePage>, AppError> {
    let paging = PageQuery { limit: query.limit, cursor: query.cursor };
    let Some(after) = query.after_seq else {
        return history(&state, auth.user.id, Target::Conversation(id), &paging).await;
    };
    let page = PageRequest::<i64>::parse(paging.limit, None)?;
    let chat = &state.services.chat;
    let found = chat.since(auth.user.id, id, after, page.limit + 1).await?;
    let page = Page::from_rows(found, page.limit, |m| m.record.seq);
    Ok(Json(MessagePage {
        conversation_id: Some(id),
        items: page.items.into_iter().map(Message::from).collect(),
        next_cursor: page.next_cursor,
    }))
}

async fn history(
    state: &AppState,
    user: UserId,
    with: Target,
    query: &PageQuery,
) -> Result<Json<MessagePage>, AppError> {
    let page = PageRequest::<i64>::parse(query.limit, query.cursor.as_deref())?;
    let (conversation, found) = state.services.chat.history(user, with, page.after, page.limit + 1).await?;
    let page = Page::from_rows(found, page.limit, |m| m.record.seq);
    Ok(Json(MessagePage {
        conversation_id: conversation.map(|c| c.id),
        items: page.items.into_iter().map(Message::from).collect(),
        next_cursor: page.next_cursor,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReadMark {
    pub user_id: UserId,
    /// The highest `seq` the member has read.
    pub read_seq: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Conversation {
    pub id: ConversationId,
    pub members: Vec<UserId>,
    pub last_seq: i64,
    pub read: Vec<ReadMark>,
    pub created_at: DateTime<Utc>,
}

/// A conversation the caller is in, with how far each member has read.
#[utoipa::path(get, path = "/api/conversations/{id}", tag = "chats", security(("bearer" = [])),
    params(("id" = ConversationId, Path, description = "conversation id")),
    responses((status = 200, body = Conversation), (status = 404, body = ErrorBody)))]
async fn conversation(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ConversationId>,
) -> Result<Json<Conversation>, AppError> {
    let (conversation, marks) = state.services.chat.conversation(auth.user.id, id).await?;
    Ok(Json(Conversation {
        id: conversation.id,
        members: vec![conversation.members.0, conversation.members.1],
        last_seq: conversation.last_seq,
        read: marks.into_iter().map(|(user_id, read_seq)| ReadMark { user_id, read_seq }).collect(),
        created_at: conversation.created_at,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkRead {
    /// Read up to and including this message; beyond the newest means all.
    pub seq: i64,
}

/// Mark a conversation read up to `seq`; the other member sees the receipt.
#[utoipa::path(post, path = "/api/conversations/{id}/read", tag = "chats", security(("bearer" = [])),
    params(("id" = ConversationId, Path, description = "conversation id")),
    request_body = MarkRead,
    responses((status = 200, body = ReadMark), (status = 404, body = ErrorBody)))]
async fn mark_conversation_read(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ConversationId>,
    ApiJson(body): ApiJson<MarkRead>,
) -> Result<Json<ReadMark>, AppError> {
    let read_seq = state.services.chat.mark_read(auth.user.id, id, body.seq).await?;
    Ok(Json(ReadMark { user_id: auth.user.id, read_seq }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditMessage {
    pub body: String,
}

/// Edit one's own message.
#[utoipa::path(patch, path = "/api/messages/{id}", tag = "chats", security(("bearer" = [])),
    params(("id" = MessageId, Path, description = "message id")),
    request_body = EditMessage,
    responses((status = 200, body = Message), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn edit_message(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<MessageId>,
    ApiJson(body): ApiJson<EditMessage>,
) -> Result<Json<Message>, AppError> {
    Ok(Json(state.services.chat.edit(auth.user.id, id, &body.body).await?.into()))
}

/// Delete one's own message; it stays in the conversation as a tombstone.
#[utoipa::path(delete, path = "/api/messages/{id}", tag = "chats", security(("bearer" = [])),
    params(("id" = MessageId, Path, description = "message id")),
    responses((status = 200, body = Message), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn delete_message(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<MessageId>,
) -> Result<Json<Message>, AppError> {
    Ok(Json(state.services.chat.delete(auth.user.id, id).await?.into()))
}
