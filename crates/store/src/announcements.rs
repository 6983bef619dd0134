//! Announcements to all users or a role, delivered in batches.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use domain::trust::Audience;
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::ExprTrait as _;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::codec::label;
use crate::entity::{announcement as row, user};
use crate::error::StoreResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnouncementRecord {
    pub id: Uuid,
    pub author_id: UserId,
    pub audience: Audience,
    pub title: String,
    pub body: String,
    pub recipients: i64,
    pub delivered: i64,
    pub last_user_id: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

fn record(m: row::Model) -> StoreResult<AnnouncementRecord> {
    Ok(AnnouncementRecord {
        id: m.id,
        author_id: m.author_id.into(),
        audience: label(Audience::parse, &m.audience)?,
        title: m.title,
        body: m.body,
        recipients: m.recipients,
        delivered: m.delivered,
        last_user_id: m.last_user_id.map(Into::into),
        created_at: m.created_at,
        finished_at: m.finished_at,
    })
}

fn audience_filter(audience: Audience) -> sea_orm::Condition {
    let condition = sea_orm::Condition::all().add(user::Column::BannedAt.is_null());
    match audience {
        Audience::All => condition,
        Audience::Freelancers => condition.add(user::Column::IsFreelancer.eq(true)),
        Audience::Clients => condition.add(user::Column::IsClient.eq(true)),
    }
}

/// How many users an announcement to `audience` reaches now.
pub async fn audience_size(db: &impl ConnectionTrait, audience: Audience) -> StoreResult<u64> {
    Ok(user::Entity::find().filter(audience_filter(audience)).count(db).await?)
}

pub async fn insert(db: &impl ConnectionTrait, a: &AnnouncementRecord) -> StoreResult<()> {
    row::Entity::insert(row::ActiveModel {
        id: Set(a.id),
        author_id: Set(a.author_id.into_uuid()),
        audience: Set(a.audience.as_str().to_owned()),
        title: Set(a.title.clone()),
        body: Set(a.body.clone()),
        recipients: Set(a.recipients),
        delivered: Set(a.delivered),
        last_user_id: Set(None),
        created_at: Set(a.created_at),
        finished_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Reads the announcement and, outside SQLite, locks it until the
/// transaction ends, so that two deliverers never send the same batch.
pub async fn find_for_update(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<AnnouncementRecord>> {
    let mut select = row::Entity::find_by_id(id);
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    select.one(db).await?.map(record).transpose()
}

/// Announcements still being delivered, oldest first.
pub async fn unfinished(db: &impl ConnectionTrait) -> StoreResult<Vec<Uuid>> {
    Ok(row::Entity::find()
        .select_only()
        .column(row::Column::Id)
        .filter(row::Column::FinishedAt.is_null())
        .order_by_asc(row::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// The next `limit` users of the audience after `after`, in id order.
pub async fn next_recipients(
    db: &impl ConnectionTrait,
    audience: Audience,
    after: Option<UserId>,
    limit: u64,
) -> StoreResult<Vec<UserId>> {
    let mut select = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(audience_filter(audience))
        .order_by_asc(user::Column::Id)
        .limit(limit);
    if let Some(after) = after {
        select = select.filter(user::Column::Id.gt(after.into_uuid()));
    }
    let ids: Vec<Uuid> = select.into_tuple().all(db).await?;
    Ok(ids.into_iter().map(Into::into).collect())
}

/// Records a delivered batch; `finished` when it was the last.
pub async fn advance(
    db: &impl ConnectionTrait,
    id: Uuid,
    delivered: u64,
    last: Option<UserId>,
    finished: Option<DateTime<Utc>>,
) -> StoreResult<()> {
    let mut update = row::Entity::update_many()
        .col_expr(
            row::Column::Delivered,
            Expr::col(row::Column::Delivered).add(i64::try_from(delivered).unwrap_or(i64::MAX)),
        )
        .col_expr(row::Column::FinishedAt, Expr::value(finished))
        .filter(row::Column::Id.eq(id));
    if let Some(last) = last {
        update = update.col_expr(row::Column::LastUserId, Expr::value(last.into_uuid()));
    }
    update.exec(db).await?;
    Ok(())
}

/// Announcements, newest first.
pub async fn list(db: &impl ConnectionTrait, page: &PageRequest<Uuid>) -> StoreResult<Page<AnnouncementRecord>> {
    let mut select = row::Entity::find().order_by_desc(row::Column::Id).limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(row::Column::Id.lt(after));
    }
    let rows = select.all(db).await?.into_iter().map(record).collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, page.limit, |a| a.id))
}
