//! Login sessions. A login starts a family; every refresh rotates to a new
//! token of the same family. Presenting a token that was already used means
//! it leaked, so the whole family is revoked.

use chrono::{DateTime, Utc};
use domain::{SessionFamilyId, SessionId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::{refresh_token, session_family, user};
use crate::error::StoreResult;
use crate::users::UserRecord;

pub async fn start_family(
    db: &impl ConnectionTrait,
    user_id: UserId,
    now: DateTime<Utc>,
) -> StoreResult<SessionFamilyId> {
    let id = SessionFamilyId::new();
    session_family::ActiveModel {
        id: Set(id.into_uuid()),
        user_id: Set(user_id.into_uuid()),
        created_at: Set(now),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

pub async fn insert_refresh_token(
    db: &impl ConnectionTrait,
    family: SessionFamilyId,
    token_hash: &str,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<SessionId> {
    let id = SessionId::new();
    refresh_token::ActiveModel {
        id: Set(id.into_uuid()),
        family_id: Set(family.into_uuid()),
        token_hash: Set(token_hash.to_owned()),
        expires_at: Set(expires_at),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

#[derive(Debug, Clone)]
pub struct RefreshTokenRecord {
    pub id: SessionId,
    pub family: SessionFamilyId,
    pub user_id: UserId,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    pub family_revoked: bool,
}

pub async fn find_refresh_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> StoreResult<Option<RefreshTokenRecord>> {
    let Some(token) =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(token_hash)).one(db).await?
    else {
        return Ok(None);
    };
    let Some(family) = session_family::Entity::find_by_id(token.family_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(RefreshTokenRecord {
        id: token.id.into(),
        family: family.id.into(),
        user_id: family.user_id.into(),
        expires_at: token.expires_at,
        used: token.used_at.is_some(),
        family_revoked: family.revoked_at.is_some(),
    }))
}

/// Marks a token used. Returns false when another request used it first, so
/// that two concurrent refreshes with one token cannot both succeed.
pub async fn mark_used(db: &impl ConnectionTrait, id: SessionId, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(id.into_uuid()))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn revoke_family(db: &impl ConnectionTrait, family: SessionFamilyId, now: DateTime<Utc>) -> StoreResult<()> {
    session_family::Entity::update_many()
        .col_expr(session_family::Column::RevokedAt, Expr::value(now))
        .filter(session_family::Column::Id.eq(family.into_uuid()))
        .filter(session_family::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (password reset, ban).
pub async fn revoke_all(db: &impl ConnectionTrait, user_id: UserId, now: DateTime<Utc>) -> StoreResult<()> {
    session_family::Entity::update_many()
        .col_expr(session_family::Column::RevokedAt, Expr::value(now))
        .filter(session_family::Column::UserId.eq(user_id.into_uuid()))
        .filter(session_family::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The user behind an access token, provided its session is still live.
/// One indexed read per authenticated request: it is what lets logout, a
/// password reset or a ban take effect at once instead of at token expiry.
pub async fn live_session_user(
    db: &impl ConnectionTrait,
    user_id: UserId,
    family: SessionFamilyId,
) -> StoreResult<Option<UserRecord>> {
    let found = session_family::Entity::find_by_id(family.into_uuid())
        .filter(session_family::Column::UserId.eq(user_id.into_uuid()))
        .filter(session_family::Column::RevokedAt.is_null())
        .find_also_related(user::Entity)
        .one(db)
        .await?;
    found.and_then(|(_, user)| user).map(TryInto::try_into).transpose()
}
