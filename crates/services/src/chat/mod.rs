//! Direct messages between users who know each other: friends, and the two
//! sides of a job invitation, a proposal or a contract.
//!
//! A message is stored first, numbered by its conversation (`seq`), and only
//! then pushed to both members' sockets; a client that missed the push asks
//! for everything after the last `seq` it saw.

mod inbox;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::chat::{Draft, edited_body};
use domain::{ConversationId, FileId, MessageId, UserId};
use store::conversations::{self, ConversationRecord};
use store::messages::{self, MessageRecord};
use store::{Db, StoreError, attachments, files};

use crate::jobs::MarketError;
use crate::ports::{Fanout, Push};

pub use inbox::InboxItem;

/// Most messages one history or sync answer carries.
pub const MAX_BATCH: u64 = 500;
/// What callers may ask the store for: a batch and one more, to learn whether more follow.
const MAX_FETCH: u64 = MAX_BATCH + 1;

/// A message with its files, as both members see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    pub record: MessageRecord,
    pub attachments: Vec<FileId>,
}

/// Who a message goes to: a user (the conversation starts if need be) or a
/// conversation the sender is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    User(UserId),
    Conversation(ConversationId),
}

#[derive(Clone)]
pub struct Chat {
    db: Db,
    fanout: Arc<dyn Fanout>,
}

impl Chat {
    pub fn new(db: Db, fanout: Arc<dyn Fanout>) -> Self {
        Self { db, fanout }
    }

    /// Stores `draft` from `sender` and pushes it to both members. Sending
    /// again with the same `client_id` answers the stored message and stores
    /// nothing new, so a client may safely re-send what it got no ack for.
    pub async fn send(&self, sender: UserId, to: Target, draft: Draft) -> Result<ChatMessage, MarketError> {
        let conversation = match to {
            // Opening refuses a peer blocked either way.
            Target::User(peer) => self.open(sender, peer).await?,
            Target::Conversation(id) => {
                let conversation = self.member_of(sender, id).await?;
                if store::blocks::between(&self.db, sender, conversation.peer_of(sender)).await? {
                    return Err(MarketError::forbidden("chat_not_allowed", "you cannot message this user"));
                }
                conversation
            }
        };
        self.check_files(sender, &draft.attachments).await?;
        let (message, fresh) = match self.store_message(sender, &conversation, &draft).await {
            Err(StoreError::Duplicate(_)) if draft.client_id.is_some() => {
                // A concurrent re-send with the same client id won the unique index.
                let client_id = draft.client_id.as_deref().unwrap_or_default();
                let found = messages::find_by_client_id(&self.db, conversation.id, sender, client_id).await?;
                (found.ok_or_else(|| MarketError::conflict("message_not_stored", "try sending again"))?, false)
            }
            other => other?,
        };
        let message = ChatMessage { record: message, attachments: draft.attachments };
        if fresh {
            let members = [conversation.members.0, conversation.members.1];
            self.fanout.push(&members, Push::MessageNew(message.clone())).await;
        }
        Ok(message)
    }

    /// History, newest first: up to `limit` messages before `before_seq`.
    pub async fn history(
        &self,
        user: UserId,
        with: Target,
        before_seq: Option<i64>,
        limit: u64,
    ) -> Result<(Option<ConversationRecord>, Vec<ChatMessage>), MarketError> {
        let conversation = match with {
            Target::User(peer) => {
                self.peer(user, peer).await?;
                match conversations::find_pair(&self.db, user, peer).await? {
                    Some(c) => c,
                    None => return Ok((None, Vec::new())),
                }
            }
            Target::Conversation(id) => self.member_of(user, id).await?,
        };
        let found = messages::before(&self.db, conversation.id, before_seq, limit.min(MAX_FETCH)).await?;
        Ok((Some(conversation), self.with_files(found).await?))
    }

    /// What a reconnecting client missed: up to `limit` messages after `after_seq`, oldest first.
    pub async fn since(
        &self,
        user: UserId,
        conversation: ConversationId,
        after_seq: i64,
        limit: u64,
    ) -> Result<Vec<ChatMessage>, MarketError> {
        let conversation = self.member_of(user, conversation).await?;
        let found = messages::after(&self.db, conversation.id, after_seq, limit.min(MAX_FETCH)).await?;
        self.with_files(found).await
    }

    pub async fn edit(&self, user: UserId, id: MessageId, body: &str) -> Result<ChatMessage, MarketError> {
        let body = edited_body(body)?;
        self.change(user, id, |db, now| async move { messages::edit(&db, id, &body, now).await }).await
    }

    /// Deletes the message for both members; a tombstone keeps its place.
    pub async fn delete(&self, user: UserId, id: MessageId) -> Result<ChatMessage, MarketError> {
        self.change(user, id, |db, now| async move { messages::delete(&db, id, now).await }).await
    }

    /// Marks the conversation read up to `seq` (at most its newest message)
    /// and tells both members. Answers the reader's read mark.
    pub async fn mark_read(&self, user: UserId, id: ConversationId, seq: i64) -> Result<i64, MarketError> {
        let conversation = self.member_of(user, id).await?;
        let seq = seq.clamp(0, conversation.last_seq);
        if conversations::mark_read(&self.db, id, user, seq).await? {
            let members = [conversation.members.0, conversation.members.1];
            self.fanout.push(&members, Push::MessageRead { conversation_id: id, user_id: user, seq }).await;
        }
        let marks = conversations::read_marks(&self.db, id).await?;
        Ok(marks.into_iter().find(|(member, _)| *member == user).map_or(seq, |(_, read)| read))
    }

    /// Tells the other member that `user` is typing (or stopped). Nothing is stored.
    pub async fn typing(&self, user: UserId, id: ConversationId, typing: bool) -> Result<(), MarketError> {
        let conversation = self.member_of(user, id).await?;
        let peer = conversation.peer_of(user);
        self.fanout.push(&[peer], Push::Typing { conversation_id: id, user_id: user, typing }).await;
        Ok(())
    }

    /// A conversation the user is in, with how far each member has read.
    pub async fn conversation(
        &self,
        user: UserId,
        id: ConversationId,
    ) -> Result<(ConversationRecord, Vec<(UserId, i64)>), MarketError> {
        let conversation = self.member_of(user, id).await?;
        let marks = conversations::read_marks(&self.db, id).await?;
        Ok((conversation, marks))
    }
}

impl Chat {
    /// The conversation of `user` and `peer`, started if they may talk.
    async fn open(&self, user: UserId, peer: UserId) -> Result<ConversationRecord, MarketError> {
        self.peer(user, peer).await?;
        if let Some(found) = conversations::find_pair(&self.db, user, peer).await? {
            return Ok(found);
        }
        if !crate::social::may_talk(&self.db, user, peer).await? {
            return Err(MarketError::forbidden(
                "chat_not_allowed",
                "you can message friends and people you have a job invitation, proposal or contract with",
            ));
        }
        let txn = store::begin_write(&self.db).await?;
        match conversations::create(&txn, user, peer, Utc::now()).await {
            Ok(created) => {
                txn.commit().await?;
                Ok(created)
            }
            Err(StoreError::Duplicate(_)) => {
                drop(txn);
                conversations::find_pair(&self.db, user, peer).await?.ok_or(MarketError::NotFound("conversation"))
            }
            Err(other) => Err(other.into()),
        }
    }

    /// Checks that `peer` is someone else who exists.
    async fn peer(&self, user: UserId, peer: UserId) -> Result<(), MarketError> {
        if user == peer {
            return Err(MarketError::Invalid(domain::ValidationError::single(
                "user_id",
                "you cannot message yourself",
            )));
        }
        crate::social::visible_user(&self.db, user, peer).await?;
        Ok(())
    }

    /// The conversation, if `user` is in it; strangers learn nothing of it.
    async fn member_of(&self, user: UserId, id: ConversationId) -> Result<ConversationRecord, MarketError> {
        conversations::find(&self.db, id)
            .await?
            .filter(|c| c.is_member(user))
            .ok_or(MarketError::NotFound("conversation"))
    }

    /// Only the sender's own uploads may ride on their message.
    async fn check_files(&self, sender: UserId, ids: &[FileId]) -> Result<(), MarketError> {
        for id in ids {
            let owned = files::find(&self.db, *id).await?.is_some_and(|f| f.owner_id == sender);
            if !owned {
                return Err(MarketError::Invalid(domain::ValidationError::single(
                    "attachments",
                    format!("file {id} is not one of your uploads"),
                )));
            }
        }
        Ok(())
    }

    /// Stores the message in one transaction; false with a message stored
    /// earlier under the same client id.
    async fn store_message(
        &self,
        sender: UserId,
        conversation: &ConversationRecord,
        draft: &Draft,
    ) -> Result<(MessageRecord, bool), StoreError> {
        let txn = store::begin_write(&self.db).await?;
        if let Some(client_id) = &draft.client_id
            && let Some(earlier) = messages::find_by_client_id(&txn, conversation.id, sender, client_id).await?
        {
            return Ok((earlier, false));
        }
        let now = Utc::now();
        let seq = conversations::next_seq(&txn, conversation.id, now).await?;
        let record = MessageRecord {
            id: MessageId::new(),
            conversation_id: conversation.id,
            seq,
            sender_id: sender,
            body: draft.body.clone(),
            client_id: draft.client_id.clone(),
            edited_at: None,
            deleted_at: None,
            created_at: now,
        };
        messages::insert(&txn, &record).await?;
        if !draft.attachments.is_empty() {
            attachments::replace(&txn, attachments::Subject::Message(record.id), &draft.attachments).await?;
        }
        // What one writes, one has read.
        conversations::mark_read(&txn, conversation.id, sender, seq).await?;
        txn.commit().await?;
        Ok((record, true))
    }

    async fn change<F, Fut>(&self, user: UserId, id: MessageId, apply: F) -> Result<ChatMessage, MarketError>
    where
        F: FnOnce(Db, DateTime<Utc>) -> Fut,
        Fut: std::future::Future<Output = Result<bool, StoreError>>,
    {
        let message = messages::find(&self.db, id).await?.ok_or(MarketError::NotFound("message"))?;
        let conversation =
            self.member_of(user, message.conversation_id).await.map_err(|_| MarketError::NotFound("message"))?;
        message.state().change_by(user).map_err(|err| match err {
            domain::chat::MessageChangeError::NotSender => MarketError::forbidden("not_sender", err.to_string()),
            domain::chat::MessageChangeError::Deleted => MarketError::conflict("message_deleted", err.to_string()),
        })?;
        if !apply(self.db.clone(), Utc::now()).await? {
            return Err(MarketError::conflict("message_deleted", "the message was deleted"));
        }
        let changed = messages::find(&self.db, id).await?.ok_or(MarketError::NotFound("message"))?;
        let mut with_files = self.with_files(vec![changed]).await?;
        let changed = with_files.pop().ok_or(MarketError::NotFound("message"))?;
        let members = [conversation.members.0, conversation.members.1];
        self.fanout.push(&members, Push::MessageUpdated(changed.clone())).await;
        Ok(changed)
    }

    async fn with_files(&self, records: Vec<MessageRecord>) -> Result<Vec<ChatMessage>, MarketError> {
        let ids: Vec<MessageId> = records.iter().map(|m| m.id).collect();
        let mut files = attachments::of_messages(&self.db, &ids).await?;
        Ok(records
            .into_iter()
            .map(|record| {
                // A deleted message's files go with it.
                let attachments = match record.deleted_at {
                    Some(_) => Vec::new(),
                    None => files.remove(&record.id.into_uuid()).unwrap_or_default(),
                };
                ChatMessage { record, attachments }
            })
            .collect())
    }
}
