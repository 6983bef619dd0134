//! Profile views, one row per profile, viewer and UTC day.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::UserId;
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{Alias, ExprTrait, OnConflict, Query};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, FromQueryResult};

use crate::entity::profile_view as view;
use crate::error::StoreResult;

/// Who looked at a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    User(UserId),
    /// An id derived from the anonymous viewer's address and the day.
    Anonymous(Uuid),
}

/// One view of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub profile: UserId,
    pub viewer: Viewer,
    pub at: DateTime<Utc>,
}

/// Counts views, with one statement; a view of a profile by a viewer who
/// already viewed it that day is left out.
pub async fn record_all(db: &impl ConnectionTrait, views: &[View]) -> StoreResult<()> {
    if views.is_empty() {
        return Ok(());
    }
    let rows = views.iter().map(|v| {
        let (viewer_id, anonymous) = match v.viewer {
            Viewer::User(user) => (user.into_uuid(), false),
            Viewer::Anonymous(key) => (key, true),
        };
        view::ActiveModel {
            profile_user_id: Set(v.profile.into_uuid()),
            day: Set(v.at.date_naive()),
            viewer_id: Set(viewer_id),
            anonymous: Set(anonymous),
            created_at: Set(v.at),
        }
    });
    let key = [view::Column::ProfileUserId, view::Column::Day, view::Column::ViewerId];
    let keep = OnConflict::columns(key).do_nothing_on([view::Column::ProfileUserId]).to_owned();
    view::Entity::insert_many(rows).on_conflict(keep).exec_without_returning(db).await?;
    Ok(())
}

#[derive(FromQueryResult)]
struct DayCount {
    day: NaiveDate,
    views: i64,
}

/// Views per day from `from` to `to`, both included; days without views are absent.
pub async fn per_day(
    db: &impl ConnectionTrait,
    profile: UserId,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<BTreeMap<NaiveDate, u64>> {
    let backend = db.get_database_backend();
    let day = || Expr::col((view::Entity, view::Column::Day));
    let query = Query::select()
        .expr_as(day(), Alias::new("day"))
        .expr_as(Expr::col((view::Entity, view::Column::ViewerId)).count(), Alias::new("views"))
        .from(view::Entity)
        .and_where(Expr::col((view::Entity, view::Column::ProfileUserId)).eq(profile.into_uuid()))
        .and_where(day().gte(from))
        .and_where(day().lte(to))
        .group_by_col((view::Entity, view::Column::Day))
        .to_owned();
    let rows = DayCount::find_by_statement(backend.build(&query)).all(db).await?;
    Ok(rows.into_iter().map(|r| (r.day, u64::try_from(r.views).unwrap_or(0))).collect())
}
