//! Jobs shared by one friend with another.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{JobId, JobShareId, UserId};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::job_share as row;
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobShareRecord {
    pub id: JobShareId,
    pub job_id: JobId,
    pub from_user_id: UserId,
    pub to_user_id: UserId,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<row::Model> for JobShareRecord {
    fn from(m: row::Model) -> Self {
        Self {
            id: m.id.into(),
            job_id: m.job_id.into(),
            from_user_id: m.from_user_id.into(),
            to_user_id: m.to_user_id.into(),
            note: m.note,
            created_at: m.created_at,
        }
    }
}

/// Stores the share; false when the sharer had already shared this job with
/// this friend (the first share stays).
pub async fn insert(db: &impl ConnectionTrait, record: &JobShareRecord) -> StoreResult<bool> {
    let inserted = row::Entity::insert(row::ActiveModel {
        id: Set(record.id.into_uuid()),
        job_id: Set(record.job_id.into_uuid()),
        from_user_id: Set(record.from_user_id.into_uuid()),
        to_user_id: Set(record.to_user_id.into_uuid()),
        note: Set(record.note.clone()),
        created_at: Set(record.created_at),
    })
    .exec_without_returning(db)
    .await;
    match inserted.map_err(StoreError::from) {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Jobs shared with the user, newest first.
pub async fn shared_with(
    db: &impl ConnectionTrait,
    user: UserId,
    page: &PageRequest<JobShareId>,
) -> StoreResult<Page<JobShareRecord>> {
    let mut select = row::Entity::find()
        .filter(row::Column::ToUserId.eq(user.into_uuid()))
        .order_by_desc(row::Column::Id)
        .limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<JobShareRecord> = select.all(db).await?.into_iter().map(Into::into).collect();
    Ok(Page::from_rows(rows, page.limit, |s| s.id))
}

/// Whether `from` shared the job with `to`.
pub async fn exists(db: &impl ConnectionTrait, job: JobId, from: UserId, to: UserId) -> StoreResult<bool> {
    let found = row::Entity::find()
        .filter(row::Column::JobId.eq(job.into_uuid()))
        .filter(row::Column::FromUserId.eq(from.into_uuid()))
        .filter(row::Column::ToUserId.eq(to.into_uuid()))
        .one(db)
        .await?;
    Ok(found.is_some())
}
