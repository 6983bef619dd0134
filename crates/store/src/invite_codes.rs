//! Invitation codes for an invite-only sign-up. A code is taken by a
//! conditional update, so of several sign-ups with one code one wins.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{InviteCodeId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::invite_code as row;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteCodeRecord {
    pub id: InviteCodeId,
    pub code: String,
    pub created_by: UserId,
    pub by_admin: bool,
    /// Who it was sent to; then only that address may use it.
    pub email: Option<String>,
    pub note: String,
    pub expires_at: DateTime<Utc>,
    pub used_by: Option<UserId>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<row::Model> for InviteCodeRecord {
    fn from(m: row::Model) -> Self {
        Self {
            id: m.id.into(),
            created_by: m.created_by.into(),
            used_by: m.used_by.map(Into::into),
            code: m.code,
            by_admin: m.by_admin,
            email: m.email,
            note: m.note,
            expires_at: m.expires_at,
            used_at: m.used_at,
            created_at: m.created_at,
        }
    }
}

pub async fn insert(db: &impl ConnectionTrait, record: &InviteCodeRecord) -> StoreResult<()> {
    row::Entity::insert(row::ActiveModel {
        id: Set(record.id.into_uuid()),
        code: Set(record.code.clone()),
        created_by: Set(record.created_by.into_uuid()),
        by_admin: Set(record.by_admin),
        email: Set(record.email.clone()),
        note: Set(record.note.clone()),
        expires_at: Set(record.expires_at),
        used_by: Set(None),
        used_at: Set(None),
        created_at: Set(record.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> StoreResult<Option<InviteCodeRecord>> {
    Ok(row::Entity::find().filter(row::Column::Code.eq(code)).one(db).await?.map(Into::into))
}

/// Takes the code for `user`; false when it was used or ran out meanwhile.
/// On PostgreSQL and MySQL a second taker waits for the first's row lock
/// and then finds the code used.
pub async fn take(db: &impl ConnectionTrait, id: InviteCodeId, user: UserId, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = row::Entity::update_many()
        .col_expr(row::Column::UsedBy, Expr::value(user.into_uuid()))
        .col_expr(row::Column::UsedAt, Expr::value(now))
        .filter(row::Column::Id.eq(id.into_uuid()))
        .filter(row::Column::UsedAt.is_null())
        .filter(row::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// How many of the user's codes are still usable.
pub async fn unused_count(db: &impl ConnectionTrait, user: UserId, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(row::Entity::find()
        .filter(row::Column::CreatedBy.eq(user.into_uuid()))
        .filter(row::Column::UsedAt.is_null())
        .filter(row::Column::ExpiresAt.gt(now))
        .count(db)
        .await?)
}

/// Codes, newest first: one user's, or everyone's.
pub async fn list(
    db: &impl ConnectionTrait,
    created_by: Option<UserId>,
    page: &PageRequest<InviteCodeId>,
) -> StoreResult<Page<InviteCodeRecord>> {
    let mut select = row::Entity::find().order_by_desc(row::Column::Id).limit(page.limit + 1);
    if let Some(user) = created_by {
        select = select.filter(row::Column::CreatedBy.eq(user.into_uuid()));
    }
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<InviteCodeRecord> = select.all(db).await?.into_iter().map(Into::into).collect();
    Ok(Page::from_rows(rows, page.limit, |c| c.id))
}
