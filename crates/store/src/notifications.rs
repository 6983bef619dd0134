//! Notifications: what happened to a user, stored in the same transaction as
//! the change that caused it, so that none is lost and none is told twice.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{NotificationId, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{LockBehavior, LockType};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{from_json, to_json};
use crate::entity::notification;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRecord {
    pub id: NotificationId,
    pub user_id: UserId,
    pub kind: String,
    pub payload: serde_json::Value,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Stores notifications, each for its user, in one statement. Ones stored
/// `delivered` are never pushed or mailed (demo data tells nobody).
pub async fn insert(
    db: &impl ConnectionTrait,
    notifications: &[(UserId, &str, serde_json::Value)],
    now: DateTime<Utc>,
    delivered: bool,
) -> StoreResult<()> {
    if notifications.is_empty() {
        return Ok(());
    }
    let rows = notifications
        .iter()
        .map(|(user_id, kind, payload)| {
            Ok(notification::ActiveModel {
                id: Set(NotificationId::new().into_uuid()),
                user_id: Set(user_id.into_uuid()),
                kind: Set((*kind).to_owned()),
                payload_json: Set(to_json(payload)?),
                read_at: Set(None),
                pushed_at: Set(delivered.then_some(now)),
                created_at: Set(now),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    notification::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// The user's notifications, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    user_id: UserId,
    unread_only: bool,
    page: &PageRequest<NotificationId>,
) -> StoreResult<Page<NotificationRecord>> {
    let mut select = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id.into_uuid()))
        .order_by_desc(notification::Column::Id)
        .limit(page.limit + 1);
    if unread_only {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    if let Some(after) = page.after {
        select = select.filter(notification::Column::Id.lt(after.into_uuid()));
    }
    let mut rows = Vec::new();
    for m in select.all(db).await? {
        rows.push(NotificationRecord {
            id: m.id.into(),
            user_id: m.user_id.into(),
            payload: from_json(&m.payload_json)?,
            read_at: m.read_at,
            created_at: m.created_at,
            kind: m.kind,
        });
    }
    Ok(Page::from_rows(rows, page.limit, |n| n.id))
}

/// Marks one of the user's notifications read, or all of them with `None`.
/// Returns how many changed.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user_id: UserId,
    id: Option<NotificationId>,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::UserId.eq(user_id.into_uuid()))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        update = update.filter(notification::Column::Id.eq(id.into_uuid()));
    }
    Ok(update.exec(db).await?.rows_affected)
}

pub async fn unread_count(db: &impl ConnectionTrait, user_id: UserId) -> StoreResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id.into_uuid()))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Whether any notification waits for delivery: a cheap look before taking
/// the write lock that claiming needs.
pub async fn any_undelivered(db: &impl ConnectionTrait) -> StoreResult<bool> {
    let first: Option<Uuid> = notification::Entity::find()
        .select_only()
        .column(notification::Column::Id)
        .filter(notification::Column::PushedAt.is_null())
        .into_tuple()
        .one(db)
        .await?;
    Ok(first.is_some())
}

/// Takes up to `limit` notifications not yet delivered, oldest first, and
/// marks them delivered. Run it in the transaction that queues their mail:
/// the rows stay locked until it commits and other instances skip them, so
/// each notification is delivered by one instance, once.
pub async fn claim_undelivered(
    db: &impl ConnectionTrait,
    limit: u64,
    now: DateTime<Utc>,
) -> StoreResult<Vec<NotificationRecord>> {
    let claimed = notification::Entity::find()
        .filter(notification::Column::PushedAt.is_null())
        .order_by_asc(notification::Column::Id)
        .limit(limit)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(db)
        .await?;
    if claimed.is_empty() {
        return Ok(Vec::new());
    }
    notification::Entity::update_many()
        .col_expr(notification::Column::PushedAt, Expr::value(now))
        .filter(notification::Column::Id.is_in(claimed.iter().map(|m| m.id)))
        .exec(db)
        .await?;
    claimed
        .into_iter()
        .map(|m| {
            Ok(NotificationRecord {
                id: m.id.into(),
                user_id: m.user_id.into(),
                payload: from_json(&m.payload_json)?,
                read_at: m.read_at,
                created_at: m.created_at,
                kind: m.kind,
            })
        })
        .collect()
}
