//! Direct conversations: one per pair of users, each member with how far
//! they have read.

use chrono::{DateTime, Utc};
use domain::chat::pair;
use domain::pagination::{Page, PageRequest};
use domain::{ConversationId, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{ExprTrait, Order, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};

use crate::entity::{conversation, conversation_member as member, invitation, job, proposal};
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationRecord {
    pub id: ConversationId,
    pub members: (UserId, UserId),
    /// The `seq` of the newest message; 0 before the first.
    pub last_seq: i64,
    pub last_message_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl ConversationRecord {
    pub fn is_member(&self, user: UserId) -> bool {
        self.members.0 == user || self.members.1 == user
    }

    /// The member who is not `user`.
    pub fn peer_of(&self, user: UserId) -> UserId {
        if self.members.0 == user { self.members.1 } else { self.members.0 }
    }
}

impl From<conversation::Model> for ConversationRecord {
    fn from(m: conversation::Model) -> Self {
        Self {
            id: m.id.into(),
            members: (m.user_low.into(), m.user_high.into()),
            last_seq: m.last_seq,
            last_message_at: m.last_message_at,
            created_at: m.created_at,
        }
    }
}

/// A conversation as one member sees it in their list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxEntry {
    pub conversation: ConversationRecord,
    pub peer: UserId,
    pub read_seq: i64,
}

pub async fn find(db: &impl ConnectionTrait, id: ConversationId) -> StoreResult<Option<ConversationRecord>> {
    Ok(conversation::Entity::find_by_id(id.into_uuid()).one(db).await?.map(Into::into))
}

pub async fn find_pair(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<Option<ConversationRecord>> {
    let (low, high) = pair(a, b);
    Ok(conversation::Entity::find()
        .filter(conversation::Column::UserLow.eq(low.into_uuid()))
        .filter(conversation::Column::UserHigh.eq(high.into_uuid()))
        .one(db)
        .await?
        .map(Into::into))
}

/// Starts the conversation of `a` and `b`; [`StoreError::Duplicate`] when
/// another request started it first.
pub async fn create(
    db: &impl ConnectionTrait,
    a: UserId,
    b: UserId,
    now: DateTime<Utc>,
) -> StoreResult<ConversationRecord> {
    let (low, high) = pair(a, b);
    let id = ConversationId::new();
    conversation::Entity::insert(conversation::ActiveModel {
        id: Set(id.into_uuid()),
        user_low: Set(low.into_uuid()),
        user_high: Set(high.into_uuid()),
        last_seq: Set(0),
        last_message_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let rows = [(low, high), (high, low)].map(|(user, peer)| member::ActiveModel {
        conversation_id: Set(id.into_uuid()),
        user_id: Set(user.into_uuid()),
        peer_id: Set(peer.into_uuid()),
        read_seq: Set(0),
    });
    member::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(ConversationRecord { id, members: (low, high), last_seq: 0, last_message_at: None, created_at: now })
}

/// Takes the next `seq` of the conversation. The update holds the row until
/// the transaction ends, so concurrent senders get consecutive numbers.
pub async fn next_seq(db: &impl ConnectionTrait, id: ConversationId, now: DateTime<Utc>) -> StoreResult<i64> {
    let updated = conversation::Entity::update_many()
        .col_expr(conversation::Column::LastSeq, Expr::col(conversation::Column::LastSeq).add(1))
        .col_expr(conversation::Column::LastMessageAt, Expr::value(now))
        .filter(conversation::Column::Id.eq(id.into_uuid()))
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Err(StoreError::Corrupt(format!("conversation {id} vanished while sending")));
    }
    conversation::Entity::find_by_id(id.into_uuid())
        .select_only()
        .column(conversation::Column::LastSeq)
        .into_tuple::<i64>()
        .one(db)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("conversation {id} vanished while sending")))
}

/// Moves the member's read mark forward to `seq`; never back. True when it moved.
pub async fn mark_read(db: &impl ConnectionTrait, id: ConversationId, user: UserId, seq: i64) -> StoreResult<bool> {
    let updated = member::Entity::update_many()
        .col_expr(member::Column::ReadSeq, Expr::value(seq))
        .filter(member::Column::ConversationId.eq(id.into_uuid()))
        .filter(member::Column::UserId.eq(user.into_uuid()))
        .filter(member::Column::ReadSeq.lt(seq))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// How far each member has read, as (member, read seq).
pub async fn read_marks(db: &impl ConnectionTrait, id: ConversationId) -> StoreResult<Vec<(UserId, i64)>> {
    let rows: Vec<(Uuid, i64)> = member::Entity::find()
        .select_only()
        .columns([member::Column::UserId, member::Column::ReadSeq])
        .filter(member::Column::ConversationId.eq(id.into_uuid()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(user, seq)| (user.into(), seq)).collect())
}

#[derive(FromQueryResult)]
struct InboxRow {
    id: Uuid,
    user_low: Uuid,
    user_high: Uuid,
    last_seq: i64,
    last_message_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    peer_id: Uuid,
    read_seq: i64,
}

/// The user's conversations with at least one message, most recent first.
/// The cursor is the last entry's (time of last message, id).
pub async fn inbox(
    db: &impl ConnectionTrait,
    user: UserId,
    page: &PageRequest<(DateTime<Utc>, ConversationId)>,
) -> StoreResult<Page<InboxEntry>> {
    let c = |col: conversation::Column| Expr::col((conversation::Entity, col));
    let mut select = Query::select();
    select
        .columns([
            (conversation::Entity, conversation::Column::Id),
            (conversation::Entity, conversation::Column::UserLow),
            (conversation::Entity, conversation::Column::UserHigh),
            (conversation::Entity, conversation::Column::LastSeq),
            (conversation::Entity, conversation::Column::LastMessageAt),
            (conversation::Entity, conversation::Column::CreatedAt),
        ])
        .columns([(member::Entity, member::Column::PeerId), (member::Entity, member::Column::ReadSeq)])
        .from(member::Entity)
        .inner_join(
            conversation::Entity,
            Expr::col((conversation::Entity, conversation::Column::Id))
                .equals((member::Entity, member::Column::ConversationId)),
        )
        .and_where(Expr::col((member::Entity, member::Column::UserId)).eq(user.into_uuid()))
        .and_where(c(conversation::Column::LastMessageAt).is_not_null())
        .order_by_expr(c(conversation::Column::LastMessageAt), Order::Desc)
        .order_by_expr(c(conversation::Column::Id), Order::Desc)
        .limit(page.limit + 1);
    if let Some((at, id)) = page.after {
        select.and_where(
            c(conversation::Column::LastMessageAt)
                .lt(at)
                .or(c(conversation::Column::LastMessageAt).eq(at).and(c(conversation::Column::Id).lt(id.into_uuid()))),
        );
    }
    let backend = db.get_database_backend();
    let rows = InboxRow::find_by_statement(backend.build(&select)).all(db).await?;
    let entries = rows
        .into_iter()
        .map(|r| InboxEntry {
            conversation: ConversationRecord {
                id: r.id.into(),
                members: (r.user_low.into(), r.user_high.into()),
                last_seq: r.last_seq,
                last_message_at: r.last_message_at,
                created_at: r.created_at,
            },
            peer: r.peer_id.into(),
            read_seq: r.read_seq,
        })
        .collect();
    Ok(Page::from_rows(entries, page.limit, |e: &InboxEntry| {
        (e.conversation.last_message_at.unwrap_or(e.conversation.created_at), e.conversation.id)
    }))
}

/// Messages the user has not read, over all their conversations.
pub async fn unread_total(db: &impl ConnectionTrait, user: UserId) -> StoreResult<i64> {
    let backend = db.get_database_backend();
    // SUM is DECIMAL on MySQL; the cast keeps it an integer everywhere.
    let total = match backend {
        sea_orm::DbBackend::MySql => {
            "CAST(COALESCE(SUM(conversations.last_seq - conversation_members.read_seq), 0) AS SIGNED)"
        }
        _ => "CAST(COALESCE(SUM(conversations.last_seq - conversation_members.read_seq), 0) AS BIGINT)",
    };
    let mut select = Query::select();
    select
        .expr(Expr::cust(total))
        .from(member::Entity)
        .inner_join(
            conversation::Entity,
            Expr::col((conversation::Entity, conversation::Column::Id))
                .equals((member::Entity, member::Column::ConversationId)),
        )
        .and_where(Expr::col((member::Entity, member::Column::UserId)).eq(user.into_uuid()));
    let row = db.query_one(&select).await?;
    Ok(match row {
        Some(row) => row.try_get_by_index::<i64>(0)?,
        None => 0,
    })
}

/// Whether `a` and `b` have worked together or are about to: a job invitation,
/// a proposal, or a contract between them, in either direction.
pub async fn have_business(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<bool> {
    if crate::contracts::are_parties(db, a, b).await? {
        return Ok(true);
    }
    for (client, freelancer) in [(a, b), (b, a)] {
        let proposed = Query::select()
            .expr(Expr::val(1))
            .from(proposal::Entity)
            .inner_join(
                job::Entity,
                Expr::col((job::Entity, job::Column::Id)).equals((proposal::Entity, proposal::Column::JobId)),
            )
            .and_where(Expr::col((proposal::Entity, proposal::Column::FreelancerId)).eq(freelancer.into_uuid()))
            .and_where(Expr::col((job::Entity, job::Column::ClientId)).eq(client.into_uuid()))
            .limit(1)
            .to_owned();
        let invited = Query::select()
            .expr(Expr::val(1))
            .from(invitation::Entity)
            .inner_join(
                job::Entity,
                Expr::col((job::Entity, job::Column::Id)).equals((invitation::Entity, invitation::Column::JobId)),
            )
            .and_where(Expr::col((invitation::Entity, invitation::Column::FreelancerId)).eq(freelancer.into_uuid()))
            .and_where(Expr::col((job::Entity, job::Column::ClientId)).eq(client.into_uuid()))
            .limit(1)
            .to_owned();
        for query in [proposed, invited] {
            if db.query_one(&query).await?.is_some() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
