//! Which notification kinds a user wants by e-mail. Only choices are stored;
//! a kind without a row follows its default.

use chrono::{DateTime, Utc};
use domain::UserId;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::notification_preference as pref;
use crate::error::StoreResult;

/// The user's stored choices: kind and whether it goes out by e-mail.
pub async fn for_user(db: &impl ConnectionTrait, user: UserId) -> StoreResult<Vec<(String, bool)>> {
    let rows = pref::Entity::find().filter(pref::Column::UserId.eq(user.into_uuid())).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.kind, r.email)).collect())
}

/// The user's choice for one kind, if they made one.
pub async fn email_for(db: &impl ConnectionTrait, user: UserId, kind: &str) -> StoreResult<Option<bool>> {
    let row = pref::Entity::find_by_id((user.into_uuid(), kind.to_owned())).one(db).await?;
    Ok(row.map(|r| r.email))
}

pub async fn set_email(
    db: &impl ConnectionTrait,
    user: UserId,
    kind: &str,
    email: bool,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let row = pref::ActiveModel {
        user_id: Set(user.into_uuid()),
        kind: Set(kind.to_owned()),
        email: Set(email),
        updated_at: Set(now),
    };
    let replace = OnConflict::columns([pref::Column::UserId, pref::Column::Kind])
        .update_columns([pref::Column::Email, pref::Column::UpdatedAt])
        .to_owned();
    pref::Entity::insert(row).on_conflict(replace).exec_without_returning(db).await?;
    Ok(())
}
