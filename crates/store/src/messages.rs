//! Messages of a conversation, in `seq` order. Deleting keeps a tombstone.

use chrono::{DateTime, Utc};
use domain::chat::MessageState;
use domain::{ConversationId, MessageId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::message;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRecord {
    pub id: MessageId,
    pub conversation_id: ConversationId,
    pub seq: i64,
    pub sender_id: UserId,
    /// Empty once deleted.
    pub body: String,
    pub client_id: Option<String>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl MessageRecord {
    pub fn state(&self) -> MessageState {
        MessageState { sender: self.sender_id, deleted_at: self.deleted_at }
    }
}

impl From<message::Model> for MessageRecord {
    fn from(m: message::Model) -> Self {
        Self {
            id: m.id.into(),
            conversation_id: m.conversation_id.into(),
            seq: m.seq,
            sender_id: m.sender_id.into(),
            body: m.body,
            client_id: m.client_id,
            edited_at: m.edited_at,
            deleted_at: m.deleted_at,
            created_at: m.created_at,
        }
    }
}

pub async fn insert(db: &impl ConnectionTrait, record: &MessageRecord) -> StoreResult<()> {
    message::Entity::insert(message::ActiveModel {
        id: Set(record.id.into_uuid()),
        conversation_id: Set(record.conversation_id.into_uuid()),
        seq: Set(record.seq),
        sender_id: Set(record.sender_id.into_uuid()),
        body: Set(record.body.clone()),
        client_id: Set(record.client_id.clone()),
        edited_at: Set(None),
        deleted_at: Set(None),
        created_at: Set(record.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: MessageId) -> StoreResult<Option<MessageRecord>> {
    Ok(message::Entity::find_by_id(id.into_uuid()).one(db).await?.map(Into::into))
}

/// The message `sender` already sent with this client id, if any.
pub async fn find_by_client_id(
    db: &impl ConnectionTrait,
    conversation: ConversationId,
    sender: UserId,
    client_id: &str,
) -> StoreResult<Option<MessageRecord>> {
    Ok(message::Entity::find()
        .filter(message::Column::ConversationId.eq(conversation.into_uuid()))
        .filter(message::Column::SenderId.eq(sender.into_uuid()))
        .filter(message::Column::ClientId.eq(client_id))
        .one(db)
        .await?
        .map(Into::into))
}

/// Up to `limit` messages after `seq`, oldest first: what a client missed.
pub async fn after(
    db: &impl ConnectionTrait,
    conversation: ConversationId,
    seq: i64,
    limit: u64,
) -> StoreResult<Vec<MessageRecord>> {
    Ok(message::Entity::find()
        .filter(message::Column::ConversationId.eq(conversation.into_uuid()))
        .filter(message::Column::Seq.gt(seq))
        .order_by_asc(message::Column::Seq)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Up to `limit` messages before `seq` (or the newest), newest first: history.
pub async fn before(
    db: &impl ConnectionTrait,
    conversation: ConversationId,
    seq: Option<i64>,
    limit: u64,
) -> StoreResult<Vec<MessageRecord>> {
    let mut select = message::Entity::find()
        .filter(message::Column::ConversationId.eq(conversation.into_uuid()))
        .order_by_desc(message::Column::Seq)
        .limit(limit);
    if let Some(seq) = seq {
        select = select.filter(message::Column::Seq.lt(seq));
    }
    Ok(select.all(db).await?.into_iter().map(Into::into).collect())
}

/// The newest message of each conversation, for lists.
pub async fn last_of(
    db: &impl ConnectionTrait,
    conversations: &[(ConversationId, i64)],
) -> StoreResult<Vec<MessageRecord>> {
    if conversations.is_empty() {
        return Ok(Vec::new());
    }
    let mut any = sea_orm::Condition::any();
    for (id, seq) in conversations {
        any = any.add(
            sea_orm::Condition::all()
                .add(message::Column::ConversationId.eq(id.into_uuid()))
                .add(message::Column::Seq.eq(*seq)),
        );
    }
    Ok(message::Entity::find().filter(any).all(db).await?.into_iter().map(Into::into).collect())
}

pub async fn edit(db: &impl ConnectionTrait, id: MessageId, body: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let updated = message::Entity::update_many()
        .col_expr(message::Column::Body, Expr::value(body))
        .col_expr(message::Column::EditedAt, Expr::value(now))
        .filter(message::Column::Id.eq(id.into_uuid()))
        .filter(message::Column::DeletedAt.is_null())
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Empties the message and marks it deleted; its place in the order stays.
pub async fn delete(db: &impl ConnectionTrait, id: MessageId, now: DateTime<Utc>) -> StoreResult<bool> {
    let updated = message::Entity::update_many()
        .col_expr(message::Column::Body, Expr::value(""))
        .col_expr(message::Column::DeletedAt, Expr::value(now))
        .filter(message::Column::Id.eq(id.into_uuid()))
        .filter(message::Column::DeletedAt.is_null())
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}
