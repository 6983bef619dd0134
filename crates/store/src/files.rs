//! Metadata of uploaded files; the bytes live in the file storage.

use chrono::{DateTime, Utc};
use domain::{FileId, UserId};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::file;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    pub id: FileId,
    pub owner_id: UserId,
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_key: String,
    pub created_at: DateTime<Utc>,
}

impl From<file::Model> for FileRecord {
    fn from(m: file::Model) -> Self {
        Self {
            id: m.id.into(),
            owner_id: m.owner_id.into(),
            purpose: m.purpose,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            storage_key: m.storage_key,
            created_at: m.created_at,
        }
    }
}

pub async fn insert(db: &impl ConnectionTrait, f: &FileRecord) -> StoreResult<()> {
    file::ActiveModel {
        id: Set(f.id.into_uuid()),
        owner_id: Set(f.owner_id.into_uuid()),
        purpose: Set(f.purpose.clone()),
        content_type: Set(f.content_type.clone()),
        size_bytes: Set(f.size_bytes),
        storage_key: Set(f.storage_key.clone()),
        created_at: Set(f.created_at),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: FileId) -> StoreResult<Option<FileRecord>> {
    Ok(file::Entity::find_by_id(id.into_uuid()).one(db).await?.map(Into::into))
}

/// Those of `ids` that exist and belong to `owner`.
pub async fn find_owned(db: &impl ConnectionTrait, owner: UserId, ids: &[FileId]) -> StoreResult<Vec<FileRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = file::Entity::find()
        .filter(file::Column::OwnerId.eq(owner.into_uuid()))
        .filter(file::Column::Id.is_in(ids.iter().map(|id| id.into_uuid())))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}
