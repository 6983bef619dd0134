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

/// The stored choices of all these users: user, kind and whether it goes out by e-mail.
pub async fn for_users(db: &impl ConnectionTrait, users: &[UserId]) -> StoreResult<Vec<(UserId, String, bool)>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let rows =
        pref::Entity::find().filter(pref::Column::UserId.is_in(users.iter().map(|u| u.into_uuid()))).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.user_id.into(), r.kind, r.email)).collect())
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
