//! Platform settings as stored: one row per setting, its value as JSON.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::entity::platform_setting as setting;
use crate::error::StoreResult;

/// Stored settings by name, each as its JSON value.
pub type Stored = serde_json::Map<String, serde_json::Value>;

/// Every stored setting; missing ones are absent.
pub async fn load(db: &impl ConnectionTrait) -> StoreResult<Stored> {
    let rows = setting::Entity::find().all(db).await?;
    let mut settings = serde_json::Map::new();
    for row in rows {
        let value = crate::codec::from_json(&row.value)?;
        settings.insert(row.name, value);
    }
    Ok(settings)
}

/// Writes each setting of `values`, replacing what was stored.
pub async fn save(
    db: &impl ConnectionTrait,
    values: &serde_json::Map<String, serde_json::Value>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    for (name, value) in values {
        let row = setting::ActiveModel {
            name: Set(name.clone()),
            value: Set(crate::codec::to_json(value)?),
            updated_at: Set(now),
        };
        let replace = OnConflict::column(setting::Column::Name)
            .update_columns([setting::Column::Value, setting::Column::UpdatedAt])
            .to_owned();
        setting::Entity::insert(row).on_conflict(replace).exec_without_returning(db).await?;
    }
    Ok(())
}
