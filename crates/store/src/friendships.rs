//! Friendships, one row per pair, and the queries over the graph: friends
//! of a user (paged by id), mutual friends and friends of friends.

use chrono::{DateTime, Utc};
use domain::chat::pair;
use domain::pagination::{Page, PageRequest};
use domain::social::{Friendship, FriendshipStatus};
use domain::{FriendshipId, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{Alias, ExprTrait, Order, Query, SelectStatement, UnionType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};

use crate::codec::label;
use crate::entity::friendship as row;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FriendshipRecord {
    pub id: FriendshipId,
    pub requester_id: UserId,
    pub addressee_id: UserId,
    pub status: FriendshipStatus,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

impl FriendshipRecord {
    pub fn rules(&self) -> Friendship {
        Friendship { requester: self.requester_id, addressee: self.addressee_id, status: self.status }
    }
}

fn record(m: row::Model) -> StoreResult<FriendshipRecord> {
    let requester: UserId = m.requester_id.into();
    let addressee: UserId = if m.user_low == m.requester_id { m.user_high.into() } else { m.user_low.into() };
    Ok(FriendshipRecord {
        id: m.id.into(),
        requester_id: requester,
        addressee_id: addressee,
        status: label(FriendshipStatus::parse, &m.status)?,
        created_at: m.created_at,
        accepted_at: m.accepted_at,
    })
}

/// Stores a new request; [`crate::StoreError::Duplicate`] when the pair
/// already has one, in either direction.
pub async fn request(
    db: &impl ConnectionTrait,
    from: UserId,
    to: UserId,
    now: DateTime<Utc>,
) -> StoreResult<FriendshipRecord> {
    let (low, high) = pair(from, to);
    let id = FriendshipId::new();
    row::Entity::insert(row::ActiveModel {
        id: Set(id.into_uuid()),
        user_low: Set(low.into_uuid()),
        user_high: Set(high.into_uuid()),
        requester_id: Set(from.into_uuid()),
        status: Set(FriendshipStatus::Pending.as_str().to_owned()),
        created_at: Set(now),
        accepted_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(FriendshipRecord {
        id,
        requester_id: from,
        addressee_id: to,
        status: FriendshipStatus::Pending,
        created_at: now,
        accepted_at: None,
    })
}

pub async fn find(db: &impl ConnectionTrait, id: FriendshipId) -> StoreResult<Option<FriendshipRecord>> {
    row::Entity::find_by_id(id.into_uuid()).one(db).await?.map(record).transpose()
}

/// The pair's friendship or request, whoever asked.
pub async fn between(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<Option<FriendshipRecord>> {
    let (low, high) = pair(a, b);
    row::Entity::find()
        .filter(row::Column::UserLow.eq(low.into_uuid()))
        .filter(row::Column::UserHigh.eq(high.into_uuid()))
        .one(db)
        .await?
        .map(record)
        .transpose()
}

pub async fn are_friends(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<bool> {
    Ok(between(db, a, b).await?.is_some_and(|f| f.status == FriendshipStatus::Accepted))
}

/// Accepts a request that is still pending; false when it moved meanwhile.
pub async fn accept(db: &impl ConnectionTrait, id: FriendshipId, now: DateTime<Utc>) -> StoreResult<bool> {
    let updated = row::Entity::update_many()
        .col_expr(row::Column::Status, Expr::value(FriendshipStatus::Accepted.as_str()))
        .col_expr(row::Column::AcceptedAt, Expr::value(now))
        .filter(row::Column::Id.eq(id.into_uuid()))
        .filter(row::Column::Status.eq(FriendshipStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Ends a request or friendship in the state it was read in; false when it
/// moved meanwhile.
pub async fn remove(db: &impl ConnectionTrait, id: FriendshipId, status: FriendshipStatus) -> StoreResult<bool> {
    let deleted = row::Entity::delete_many()
        .filter(row::Column::Id.eq(id.into_uuid()))
        .filter(row::Column::Status.eq(status.as_str()))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Ends whatever the pair had (a block does this).
pub async fn remove_between(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<()> {
    let (low, high) = pair(a, b);
    row::Entity::delete_many()
        .filter(row::Column::UserLow.eq(low.into_uuid()))
        .filter(row::Column::UserHigh.eq(high.into_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Pending requests to (`incoming`) or from the user, newest first.
pub async fn pending(
    db: &impl ConnectionTrait,
    user: UserId,
    incoming: bool,
    page: &PageRequest<FriendshipId>,
) -> StoreResult<Page<FriendshipRecord>> {
    let me = user.into_uuid();
    let involved = row::Column::UserLow.eq(me).or(row::Column::UserHigh.eq(me));
    let side = if incoming { row::Column::RequesterId.ne(me) } else { row::Column::RequesterId.eq(me) };
    let mut select = row::Entity::find()
        .filter(involved)
        .filter(side)
        .filter(row::Column::Status.eq(FriendshipStatus::Pending.as_str()))
        .order_by_desc(row::Column::Id)
        .limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after.into_uuid()));
    }
    let rows = select.all(db).await?.into_iter().map(record).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |f| f.id))
}

/// One side of the pair index: the friends found where the user is `side`.
fn friends_on(side: row::Column, other: row::Column, user: Uuid, after: Option<Uuid>) -> SelectStatement {
    let mut select = Query::select();
    select
        .expr_as(Expr::col(other), Alias::new("friend_id"))
        .from(row::Entity)
        .and_where(Expr::col(side).eq(user))
        .and_where(Expr::col(row::Column::Status).eq(FriendshipStatus::Accepted.as_str()));
    if let Some(after) = after {
        select.and_where(Expr::col(other).gt(after));
    }
    select
}

/// Every accepted friend of `user`, from both sides of the pair index.
fn all_friends(user: Uuid, after: Option<Uuid>) -> SelectStatement {
    let mut select = friends_on(row::Column::UserLow, row::Column::UserHigh, user, after);
    select.union(UnionType::All, friends_on(row::Column::UserHigh, row::Column::UserLow, user, after));
    select
}

#[derive(FromQueryResult)]
struct FriendRow {
    friend_id: Uuid,
}

/// The user's friends, in id order.
pub async fn friends(db: &impl ConnectionTrait, user: UserId, page: &PageRequest<UserId>) -> StoreResult<Page<UserId>> {
    let after = page.after.map(UserId::into_uuid);
    let mut select = Query::select();
    select
        .column(Alias::new("friend_id"))
        .from_subquery(all_friends(user.into_uuid(), after), Alias::new("f"))
        .order_by(Alias::new("friend_id"), Order::Asc)
        .limit(page.limit + 1);
    let backend = db.get_database_backend();
    let rows = FriendRow::find_by_statement(backend.build(&select)).all(db).await?;
    let ids: Vec<UserId> = rows.into_iter().map(|r| r.friend_id.into()).collect();
    Ok(Page::from_rows(ids, page.limit, |id| *id))
}

/// Friends `a` and `b` have in common, in id order.
pub async fn mutual(
    db: &impl ConnectionTrait,
    a: UserId,
    b: UserId,
    page: &PageRequest<UserId>,
) -> StoreResult<Page<UserId>> {
    let after = page.after.map(UserId::into_uuid);
    let mut select = Query::select();
    select
        .column((Alias::new("fa"), Alias::new("friend_id")))
        .from_subquery(all_friends(a.into_uuid(), after), Alias::new("fa"))
        .join_subquery(
            sea_orm::sea_query::JoinType::InnerJoin,
            all_friends(b.into_uuid(), after),
            Alias::new("fb"),
            Expr::col((Alias::new("fb"), Alias::new("friend_id"))).equals((Alias::new("fa"), Alias::new("friend_id"))),
        )
        .order_by((Alias::new("fa"), Alias::new("friend_id")), Order::Asc)
        .limit(page.limit + 1);
    let backend = db.get_database_backend();
    let rows = FriendRow::find_by_statement(backend.build(&select)).all(db).await?;
    let ids: Vec<UserId> = rows.into_iter().map(|r| r.friend_id.into()).collect();
    Ok(Page::from_rows(ids, page.limit, |id| *id))
}

#[derive(FromQueryResult)]
struct SuggestionRow {
    friend_id: Uuid,
    mutual: i64,
}

/// Friends of the user's friends who are not already connected to the user
/// (friends, pending either way, blocked either way, or the user), ranked
/// by how many friends they share, then by id: up to `limit` of them.
pub async fn suggestions(db: &impl ConnectionTrait, user: UserId, limit: u64) -> StoreResult<Vec<(UserId, i64)>> {
    let me = user.into_uuid();
    let backend = db.get_database_backend();
    // Friends of friends: every accepted friendship touching one of my friends, from its other end.
    let mine = Alias::new("mine");
    let fof = |side: row::Column, other: row::Column| {
        let mut select = Query::select();
        select
            .expr_as(Expr::col((row::Entity, other)), Alias::new("friend_id"))
            .from(row::Entity)
            .join_subquery(
                sea_orm::sea_query::JoinType::InnerJoin,
                all_friends(me, None),
                mine.clone(),
                Expr::col((mine.clone(), Alias::new("friend_id"))).equals((row::Entity, side)),
            )
            .and_where(Expr::col((row::Entity, row::Column::Status)).eq(FriendshipStatus::Accepted.as_str()));
        select
    };
    let mut candidates = fof(row::Column::UserLow, row::Column::UserHigh);
    candidates.union(UnionType::All, fof(row::Column::UserHigh, row::Column::UserLow));
    // Anyone the user already has a friendship or request with, either way.
    let mut connected = Query::select();
    connected
        .expr(Expr::col(row::Column::UserHigh))
        .from(row::Entity)
        .and_where(Expr::col(row::Column::UserLow).eq(me));
    connected.union(
        UnionType::All,
        Query::select()
            .expr(Expr::col(row::Column::UserLow))
            .from(row::Entity)
            .and_where(Expr::col(row::Column::UserHigh).eq(me))
            .to_owned(),
    );
    let blocks = crate::blocks::either_way(me);
    let count = match backend {
        sea_orm::DbBackend::MySql => Expr::cust("CAST(COUNT(*) AS SIGNED)"),
        _ => Expr::cust("CAST(COUNT(*) AS BIGINT)"),
    };
    let c = Alias::new("c");
    let mut select = Query::select();
    select
        .column((c.clone(), Alias::new("friend_id")))
        .expr_as(count, Alias::new("mutual"))
        .from_subquery(candidates, c.clone())
        .and_where(Expr::col((c.clone(), Alias::new("friend_id"))).ne(me))
        .and_where(Expr::col((c.clone(), Alias::new("friend_id"))).not_in_subquery(connected))
        .and_where(Expr::col((c.clone(), Alias::new("friend_id"))).not_in_subquery(blocks))
        .group_by_col((c.clone(), Alias::new("friend_id")))
        .order_by(Alias::new("mutual"), Order::Desc)
        .order_by((c, Alias::new("friend_id")), Order::Asc)
        .limit(limit);
    let rows = SuggestionRow::find_by_statement(backend.build(&select)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.friend_id.into(), r.mutual)).collect())
}

/// Stores accepted friendships in bulk (demo data); the pairs must be new.
pub async fn insert_accepted(
    db: &impl ConnectionTrait,
    pairs: &[(UserId, UserId)],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    let rows = pairs.iter().map(|(requester, addressee)| {
        let (low, high) = pair(*requester, *addressee);
        row::ActiveModel {
            id: Set(FriendshipId::new().into_uuid()),
            user_low: Set(low.into_uuid()),
            user_high: Set(high.into_uuid()),
            requester_id: Set(requester.into_uuid()),
            status: Set(FriendshipStatus::Accepted.as_str().to_owned()),
            created_at: Set(now),
            accepted_at: Set(Some(now)),
        }
    });
    row::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// Every pair that has a friendship or request, as (lower id, higher id).
pub async fn all_pairs(db: &impl ConnectionTrait) -> StoreResult<Vec<(UserId, UserId)>> {
    let rows: Vec<(Uuid, Uuid)> = row::Entity::find()
        .select_only()
        .columns([row::Column::UserLow, row::Column::UserHigh])
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(low, high)| (low.into(), high.into())).collect())
}

/// Every friend of `user` (for ranking by connection; a user has at most a few thousand).
pub async fn all_friend_ids(db: &impl ConnectionTrait, user: UserId) -> StoreResult<Vec<UserId>> {
    let backend = db.get_database_backend();
    let rows = FriendRow::find_by_statement(backend.build(&all_friends(user.into_uuid(), None))).all(db).await?;
    Ok(rows.into_iter().map(|r| r.friend_id.into()).collect())
}
