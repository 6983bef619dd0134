//! Recommendations of freelancers from one friend to another.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{RecommendationId, UserId};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::recommendation as row;
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationRecord {
    pub id: RecommendationId,
    pub from_user_id: UserId,
    pub to_user_id: UserId,
    pub freelancer_id: UserId,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<row::Model> for RecommendationRecord {
    fn from(m: row::Model) -> Self {
        Self {
            id: m.id.into(),
            from_user_id: m.from_user_id.into(),
            to_user_id: m.to_user_id.into(),
            freelancer_id: m.freelancer_id.into(),
            note: m.note,
            created_at: m.created_at,
        }
    }
}

pub async fn insert(db: &impl ConnectionTrait, record: &RecommendationRecord) -> StoreResult<()> {
    row::Entity::insert(row::ActiveModel {
        id: Set(record.id.into_uuid()),
        from_user_id: Set(record.from_user_id.into_uuid()),
        to_user_id: Set(record.to_user_id.into_uuid()),
        freelancer_id: Set(record.freelancer_id.into_uuid()),
        note: Set(record.note.clone()),
        created_at: Set(record.created_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Recommendations the user received (`received`) or sent, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    user: UserId,
    received: bool,
    page: &PageRequest<RecommendationId>,
) -> StoreResult<Page<RecommendationRecord>> {
    let side = if received { row::Column::ToUserId } else { row::Column::FromUserId };
    let mut select =
        row::Entity::find().filter(side.eq(user.into_uuid())).order_by_desc(row::Column::Id).limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<RecommendationRecord> = select.all(db).await?.into_iter().map(Into::into).collect();
    Ok(Page::from_rows(rows, page.limit, |r| r.id))
}

/// How often the freelancer was recommended, by anyone to anyone.
pub async fn count_for(db: &impl ConnectionTrait, freelancer: UserId) -> StoreResult<u64> {
    Ok(row::Entity::find().filter(row::Column::FreelancerId.eq(freelancer.into_uuid())).count(db).await?)
}
