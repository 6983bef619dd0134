//! The list of a user's conversations: who with, the newest message and how
//! many are unread.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{ConversationId, UserId};
use store::conversations::{self, ConversationRecord};
use store::messages;
use store::users::UserRecord;

use super::{Chat, ChatMessage};
use crate::jobs::MarketError;

#[derive(Debug, Clone)]
pub struct InboxItem {
    pub conversation: ConversationRecord,
    pub peer: UserRecord,
    pub last_message: Option<ChatMessage>,
    pub unread_count: i64,
}

impl Chat {
    /// The user's conversations, the most recently active first.
    pub async fn inbox(
        &self,
        user: UserId,
        page: &PageRequest<(DateTime<Utc>, ConversationId)>,
    ) -> Result<Page<InboxItem>, MarketError> {
        let entries = conversations::inbox(&self.db, user, page).await?;
        let peers: Vec<UserId> = entries.items.iter().map(|e| e.peer).collect();
        let peers: HashMap<UserId, UserRecord> =
            store::users::find_many(&self.db, &peers).await?.into_iter().map(|u| (u.id, u)).collect();
        let newest: Vec<_> = entries.items.iter().map(|e| (e.conversation.id, e.conversation.last_seq)).collect();
        let last = self.with_files(messages::last_of(&self.db, &newest).await?).await?;
        let mut last: HashMap<ConversationId, ChatMessage> =
            last.into_iter().map(|m| (m.record.conversation_id, m)).collect();
        let mut items = Vec::with_capacity(entries.items.len());
        for entry in entries.items {
            let Some(peer) = peers.get(&entry.peer).cloned() else { continue };
            items.push(InboxItem {
                unread_count: (entry.conversation.last_seq - entry.read_seq).max(0),
                last_message: last.remove(&entry.conversation.id),
                conversation: entry.conversation,
                peer,
            });
        }
        Ok(Page { items, next_cursor: entries.next_cursor })
    }

    /// Unread messages over all the user's conversations, for the badge.
    pub async fn unread_total(&self, user: UserId) -> Result<i64, MarketError> {
        Ok(conversations::unread_total(&self.db, user).await?)
    }
}
