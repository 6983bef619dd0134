//! Blocks: a user who blocked another is neither asked, messaged nor seen by them.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{ExprTrait, Query, SelectStatement, UnionType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::user_block as row;
use crate::error::{StoreError, StoreResult};

/// Records that `blocker` blocked `blocked`; blocking twice changes nothing.
pub async fn block(db: &impl ConnectionTrait, blocker: UserId, blocked: UserId, now: DateTime<Utc>) -> StoreResult<()> {
    let insert = row::Entity::insert(row::ActiveModel {
        blocker_id: Set(blocker.into_uuid()),
        blocked_id: Set(blocked.into_uuid()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await;
    match insert.map_err(StoreError::from) {
        Ok(_) | Err(StoreError::Duplicate(_)) => Ok(()),
        Err(other) => Err(other),
    }
}

/// Lifts a block; true when there was one.
pub async fn unblock(db: &impl ConnectionTrait, blocker: UserId, blocked: UserId) -> StoreResult<bool> {
    let deleted = row::Entity::delete_many()
        .filter(row::Column::BlockerId.eq(blocker.into_uuid()))
        .filter(row::Column::BlockedId.eq(blocked.into_uuid()))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Whether `blocker` blocked `blocked`.
pub async fn has_blocked(db: &impl ConnectionTrait, blocker: UserId, blocked: UserId) -> StoreResult<bool> {
    Ok(row::Entity::find_by_id((blocker.into_uuid(), blocked.into_uuid())).one(db).await?.is_some())
}

/// Whether either of the two blocked the other.
pub async fn between(db: &impl ConnectionTrait, a: UserId, b: UserId) -> StoreResult<bool> {
    let way = |x: UserId, y: UserId| {
        Condition::all().add(row::Column::BlockerId.eq(x.into_uuid())).add(row::Column::BlockedId.eq(y.into_uuid()))
    };
    let found = row::Entity::find().filter(Condition::any().add(way(a, b)).add(way(b, a))).one(db).await?;
    Ok(found.is_some())
}

/// The users `blocker` blocked, most recent first.
pub async fn blocked_by(
    db: &impl ConnectionTrait,
    blocker: UserId,
    page: &PageRequest<UserId>,
) -> StoreResult<Page<UserId>> {
    let mut select = row::Entity::find()
        .filter(row::Column::BlockerId.eq(blocker.into_uuid()))
        .order_by_asc(row::Column::BlockedId)
        .limit(page.limit + 1);
    if let Some(after) = page.after {
        select = select.filter(row::Column::BlockedId.gt(after.into_uuid()));
    }
    let ids: Vec<UserId> = select.all(db).await?.into_iter().map(|r| r.blocked_id.into()).collect();
    Ok(Page::from_rows(ids, page.limit, |id| *id))
}

/// Everyone `user` blocked or was blocked by, as a subquery of ids.
pub fn either_way(user: Uuid) -> SelectStatement {
    let mut select = Query::select();
    select
        .expr(Expr::col(row::Column::BlockedId))
        .from(row::Entity)
        .and_where(Expr::col(row::Column::BlockerId).eq(user));
    select.union(
        UnionType::All,
        Query::select()
            .expr(Expr::col(row::Column::BlockerId))
            .from(row::Entity)
            .and_where(Expr::col(row::Column::BlockedId).eq(user))
            .to_owned(),
    );
    select
}

/// Everyone `user` blocked or was blocked by.
pub async fn either_way_ids(db: &impl ConnectionTrait, user: UserId) -> StoreResult<Vec<UserId>> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        id: Uuid,
    }
    let mut select = Query::select();
    select
        .expr_as(Expr::col(row::Column::BlockedId), sea_orm::sea_query::Alias::new("id"))
        .from(row::Entity)
        .and_where(Expr::col(row::Column::BlockerId).eq(user.into_uuid()));
    select.union(
        UnionType::All,
        Query::select()
            .expr_as(Expr::col(row::Column::BlockerId), sea_orm::sea_query::Alias::new("id"))
            .from(row::Entity)
            .and_where(Expr::col(row::Column::BlockedId).eq(user.into_uuid()))
            .to_owned(),
    );
    let backend = db.get_database_backend();
    let rows = <Row as sea_orm::FromQueryResult>::find_by_statement(backend.build(&select)).all(db).await?;
    Ok(rows.into_iter().map(|r| r.id.into()).collect())
}
