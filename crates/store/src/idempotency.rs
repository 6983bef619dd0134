//! Claims on idempotency keys, and the answers stored under them.

use chrono::{DateTime, Utc};
use domain::UserId;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::idempotency_key as key;
use crate::error::{StoreError, StoreResult};

/// What a key already holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key was free and is now this request's.
    New,
    /// The key was used before: for which request, and its answer if done.
    Taken { request_hash: String, answer: Option<(u16, String)> },
}

/// Takes `id` for the request with `request_hash`, or reports who has it.
/// The insert is the lock: of two concurrent claims, one gets `New`.
pub async fn claim(
    db: &impl ConnectionTrait,
    user: UserId,
    id: &str,
    request_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Claim> {
    let row = key::ActiveModel {
        user_id: Set(user.into_uuid()),
        key: Set(id.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(None),
        response: Set(None),
        created_at: Set(now),
    };
    match key::Entity::insert(row).exec_without_returning(db).await.map_err(StoreError::from) {
        Ok(_) => Ok(Claim::New),
        Err(StoreError::Duplicate(_)) => {
            let found = key::Entity::find_by_id((user.into_uuid(), id.to_owned())).one(db).await?;
            let found = found.ok_or_else(|| StoreError::Corrupt("idempotency key vanished".to_owned()))?;
            let answer =
                found.status.zip(found.response).map(|(status, body)| (u16::try_from(status).unwrap_or(500), body));
            Ok(Claim::Taken { request_hash: found.request_hash, answer })
        }
        Err(other) => Err(other),
    }
}

/// Stores the answer given under a claimed key.
pub async fn complete(db: &impl ConnectionTrait, user: UserId, id: &str, status: u16, body: &str) -> StoreResult<()> {
    key::Entity::update_many()
        .col_expr(key::Column::Status, sea_orm::prelude::Expr::value(i32::from(status)))
        .col_expr(key::Column::Response, sea_orm::prelude::Expr::value(body.to_owned()))
        .filter(key::Column::UserId.eq(user.into_uuid()))
        .filter(key::Column::Key.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Frees a claimed key whose request failed on our side, so that a retry runs it again.
pub async fn abandon(db: &impl ConnectionTrait, user: UserId, id: &str) -> StoreResult<()> {
    key::Entity::delete_many()
        .filter(key::Column::UserId.eq(user.into_uuid()))
        .filter(key::Column::Key.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
