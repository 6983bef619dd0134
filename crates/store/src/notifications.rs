//! Notifications: what happened to a user, stored in the same transaction as
//! the change that caused it, so that none is lost and none is told twice.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{NotificationId, UserId};
use sea_orm::prelude::Expr;
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

pub async fn insert(
    db: &impl ConnectionTrait,
    user_id: UserId,
    kind: &str,
    payload: &serde_json::Value,
    now: DateTime<Utc>,
) -> StoreResult<NotificationId> {
    let id = NotificationId::new();
    notification::Entity::insert(notification::ActiveModel {
        id: Set(id.into_uuid()),
        user_id: Set(user_id.into_uuid()),
        kind: Set(kind.to_owned()),
        payload_json: Set(to_json(payload)?),
        read_at: Set(None),
        pushed_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
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

/// Takes up to `limit` notifications not yet pushed to their users' sockets,
/// oldest first, and marks them pushed. Each is taken by one instance only:
/// the conditional update decides, so several servers may run this at once.
pub async fn claim_unpushed(
    db: &impl ConnectionTrait,
    limit: u64,
    now: DateTime<Utc>,
) -> StoreResult<Vec<NotificationRecord>> {
    let candidates = notification::Entity::find()
        .filter(notification::Column::PushedAt.is_null())
        .order_by_asc(notification::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut claimed = Vec::with_capacity(candidates.len());
    for m in candidates {
        let taken = notification::Entity::update_many()
            .col_expr(notification::Column::PushedAt, Expr::value(now))
            .filter(notification::Column::Id.eq(m.id))
            .filter(notification::Column::PushedAt.is_null())
            .exec(db)
            .await?;
        if taken.rows_affected == 1 {
            claimed.push(NotificationRecord {
                id: m.id.into(),
                user_id: m.user_id.into(),
                payload: from_json(&m.payload_json)?,
                read_at: m.read_at,
                created_at: m.created_at,
                kind: m.kind,
            });
        }
    }
    Ok(claimed)
}
