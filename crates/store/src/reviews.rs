//! Reviews between the parties of finished contracts, read with the
//! reviewer's name and the contract's title in one query.
//!
//! A review is hidden (`released_at` null) until it is released; only
//! released reviews are listed and counted in averages.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::review::{ReviewSide, ReviewVisibility};
use domain::{ContractId, FileId, JobId, ReviewId, UserId};
use sea_orm::prelude::{Expr, Uuid};
use sea_orm::sea_query::{Alias, Cond, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter};

use crate::codec::label;
use crate::entity::{contract, review, user};
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    pub id: ReviewId,
    pub contract_id: ContractId,
    pub job_id: JobId,
    /// The contract's title, which is the job's at the time of hiring.
    pub contract_title: String,
    pub reviewer_id: UserId,
    pub reviewer_name: String,
    pub reviewer_avatar_file_id: Option<FileId>,
    pub reviewee_id: UserId,
    pub reviewee_side: ReviewSide,
    pub rating: u8,
    pub comment: String,
    /// For the platform's eyes only; callers must not hand it to users.
    pub private_feedback: Option<String>,
    pub reply: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub window_closes_at: DateTime<Utc>,
    pub released_at: Option<DateTime<Utc>>,
}

impl ReviewRecord {
    pub fn visibility(&self) -> ReviewVisibility {
        if self.released_at.is_some() { ReviewVisibility::Visible } else { ReviewVisibility::Hidden }
    }
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    contract_id: Uuid,
    job_id: Uuid,
    contract_title: String,
    reviewer_id: Uuid,
    reviewer_name: String,
    reviewer_avatar_file_id: Option<Uuid>,
    reviewee_id: Uuid,
    reviewee_side: String,
    rating: i32,
    comment: String,
    private_feedback: Option<String>,
    reply: Option<String>,
    replied_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    window_closes_at: DateTime<Utc>,
    released_at: Option<DateTime<Utc>>,
}

impl TryFrom<Row> for ReviewRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> StoreResult<Self> {
        Ok(Self {
            id: r.id.into(),
            contract_id: r.contract_id.into(),
            job_id: r.job_id.into(),
            reviewer_id: r.reviewer_id.into(),
            reviewer_avatar_file_id: r.reviewer_avatar_file_id.map(Into::into),
            reviewee_id: r.reviewee_id.into(),
            reviewee_side: label(ReviewSide::parse, &r.reviewee_side)?,
            rating: u8::try_from(r.rating).map_err(|_| StoreError::Corrupt(format!("rating {}", r.rating)))?,
            contract_title: r.contract_title,
            reviewer_name: r.reviewer_name,
            comment: r.comment,
            private_feedback: r.private_feedback,
            reply: r.reply,
            replied_at: r.replied_at,
            created_at: r.created_at,
            window_closes_at: r.window_closes_at,
            released_at: r.released_at,
        })
    }
}

/// Reviews joined with their reviewer and contract; callers add conditions.
fn select() -> SelectStatement {
    let r = |c: review::Column| (review::Entity, c);
    Query::select()
        .columns([
            r(review::Column::Id),
            r(review::Column::ContractId),
            r(review::Column::JobId),
            r(review::Column::ReviewerId),
            r(review::Column::RevieweeId),
            r(review::Column::RevieweeSide),
            r(review::Column::Rating),
            r(review::Column::Comment),
            r(review::Column::PrivateFeedback),
            r(review::Column::Reply),
            r(review::Column::RepliedAt),
            r(review::Column::CreatedAt),
            r(review::Column::WindowClosesAt),
            r(review::Column::ReleasedAt),
        ])
        .expr_as(Expr::col((contract::Entity, contract::Column::Title)), Alias::new("contract_title"))
        .expr_as(Expr::col((user::Entity, user::Column::Name)), Alias::new("reviewer_name"))
        .expr_as(Expr::col((user::Entity, user::Column::AvatarFileId)), Alias::new("reviewer_avatar_file_id"))
        .from(review::Entity)
        .inner_join(
            contract::Entity,
            Expr::col((contract::Entity, contract::Column::Id)).equals((review::Entity, review::Column::ContractId)),
        )
        .inner_join(
            user::Entity,
            Expr::col((user::Entity, user::Column::Id)).equals((review::Entity, review::Column::ReviewerId)),
        )
        .to_owned()
}

async fn fetch(db: &impl ConnectionTrait, query: &SelectStatement) -> StoreResult<Vec<ReviewRecord>> {
    let rows = Row::find_by_statement(db.get_database_backend().build(query)).all(db).await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

fn col(c: review::Column) -> Expr {
    Expr::col((review::Entity, c))
}

/// A review to store, hidden until released.
#[derive(Debug, Clone)]
pub struct NewReview<'a> {
    pub contract_id: ContractId,
    pub job_id: JobId,
    pub reviewer_id: UserId,
    pub reviewee_id: UserId,
    pub reviewee_side: ReviewSide,
    pub rating: u8,
    pub comment: &'a str,
    pub private_feedback: Option<&'a str>,
    pub window_closes_at: DateTime<Utc>,
}

/// Stores a hidden review. A party's second review of the same contract
/// fails with [`StoreError::Duplicate`] (a unique index).
pub async fn insert(db: &impl ConnectionTrait, new: &NewReview<'_>, now: DateTime<Utc>) -> StoreResult<ReviewId> {
    let id = ReviewId::new();
    review::Entity::insert(review::ActiveModel {
        id: Set(id.into_uuid()),
        contract_id: Set(new.contract_id.into_uuid()),
        job_id: Set(new.job_id.into_uuid()),
        reviewer_id: Set(new.reviewer_id.into_uuid()),
        reviewee_id: Set(new.reviewee_id.into_uuid()),
        reviewee_side: Set(new.reviewee_side.as_str().to_owned()),
        rating: Set(i32::from(new.rating)),
        comment: Set(new.comment.trim().to_owned()),
        private_feedback: Set(new.private_feedback.map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned)),
        reply: Set(None),
        replied_at: Set(None),
        created_at: Set(now),
        window_closes_at: Set(new.window_closes_at),
        released_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

pub async fn find(db: &impl ConnectionTrait, id: ReviewId) -> StoreResult<Option<ReviewRecord>> {
    let query = select().and_where(col(review::Column::Id).eq(id.into_uuid())).to_owned();
    Ok(fetch(db, &query).await?.pop())
}

/// Both reviews of a contract, as far as they are written.
pub async fn for_contract(db: &impl ConnectionTrait, contract: ContractId) -> StoreResult<Vec<ReviewRecord>> {
    let query = select()
        .and_where(col(review::Column::ContractId).eq(contract.into_uuid()))
        .order_by((review::Entity, review::Column::Id), Order::Asc)
        .to_owned();
    fetch(db, &query).await
}

/// Makes a hidden review visible; false when it already was (another
/// request or worker released it first), so that its effects happen once.
pub async fn release(db: &impl ConnectionTrait, id: ReviewId, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = review::Entity::update_many()
        .col_expr(review::Column::ReleasedAt, Expr::value(now))
        .filter(review::Column::Id.eq(id.into_uuid()))
        .filter(review::Column::ReleasedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Hidden reviews whose window closed by `now`, oldest window first.
pub async fn due_for_release(db: &impl ConnectionTrait, now: DateTime<Utc>, limit: u64) -> StoreResult<Vec<ReviewId>> {
    use sea_orm::{QueryOrder, QuerySelect};
    let ids: Vec<Uuid> = review::Entity::find()
        .select_only()
        .column(review::Column::Id)
        .filter(review::Column::ReleasedAt.is_null())
        .filter(review::Column::WindowClosesAt.lte(now))
        .order_by_asc(review::Column::WindowClosesAt)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(Into::into).collect())
}

/// Stores the reviewee's reply; false when the review already has one.
pub async fn set_reply(db: &impl ConnectionTrait, id: ReviewId, body: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = review::Entity::update_many()
        .col_expr(review::Column::Reply, Expr::value(body.trim()))
        .col_expr(review::Column::RepliedAt, Expr::value(now))
        .filter(review::Column::Id.eq(id.into_uuid()))
        .filter(review::Column::Reply.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Whose released reviews to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// What a user received on one side of their contracts.
    Reviewee(UserId, ReviewSide),
    /// Everything said on a job's contracts, optionally of one side only.
    Job(JobId, Option<ReviewSide>),
}

fn released_of(subject: Subject) -> Cond {
    let mut cond = Cond::all().add(col(review::Column::ReleasedAt).is_not_null());
    match subject {
        Subject::Reviewee(user, side) => {
            cond = cond
                .add(col(review::Column::RevieweeId).eq(user.into_uuid()))
                .add(col(review::Column::RevieweeSide).eq(side.as_str()));
        }
        Subject::Job(job, side) => {
            cond = cond.add(col(review::Column::JobId).eq(job.into_uuid()));
            if let Some(side) = side {
                cond = cond.add(col(review::Column::RevieweeSide).eq(side.as_str()));
            }
        }
    }
    cond
}

/// Released reviews of `subject`, newest first.
pub async fn list_released(
    db: &impl ConnectionTrait,
    subject: Subject,
    page: &PageRequest<ReviewId>,
) -> StoreResult<Page<ReviewRecord>> {
    let mut query = select()
        .cond_where(released_of(subject))
        .order_by((review::Entity, review::Column::Id), Order::Desc)
        .limit(page.limit + 1)
        .to_owned();
    if let Some(after) = page.after {
        query.and_where(col(review::Column::Id).lt(after.into_uuid()));
    }
    Ok(Page::from_rows(fetch(db, &query).await?, page.limit, |r| r.id))
}

/// How many released reviews and how many stars they add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u32,
    pub stars: u32,
}

impl Tally {
    /// The average stars; none without reviews.
    pub fn average(self) -> Option<f64> {
        (self.count > 0).then(|| f64::from(self.stars) / f64::from(self.count))
    }
}

#[derive(FromQueryResult)]
struct TallyRow {
    count: i64,
    stars: Option<i64>,
}

/// The count and star total of `subject`'s released reviews.
pub async fn tally(db: &impl ConnectionTrait, subject: Subject) -> StoreResult<Tally> {
    let backend = db.get_database_backend();
    let sum = match backend {
        sea_orm::DbBackend::MySql => Expr::cust("CAST(SUM(rating) AS SIGNED)"),
        _ => Expr::cust("CAST(SUM(rating) AS BIGINT)"),
    };
    let query = Query::select()
        .expr_as(Expr::col((review::Entity, review::Column::Id)).count(), Alias::new("count"))
        .expr_as(sum, Alias::new("stars"))
        .from(review::Entity)
        .cond_where(released_of(subject))
        .to_owned();
    let row = TallyRow::find_by_statement(backend.build(&query)).one(db).await?;
    let (count, stars) = row.map_or((0, 0), |r| (r.count, r.stars.unwrap_or(0)));
    Ok(Tally { count: u32::try_from(count).unwrap_or(0), stars: u32::try_from(stars).unwrap_or(0) })
}

/// When the latest review the user received on `side` was released.
pub async fn last_released_to(
    db: &impl ConnectionTrait,
    user: UserId,
    side: ReviewSide,
) -> StoreResult<Option<DateTime<Utc>>> {
    use sea_orm::{QueryOrder, QuerySelect};
    let at: Option<Option<DateTime<Utc>>> = review::Entity::find()
        .select_only()
        .column(review::Column::ReleasedAt)
        .filter(review::Column::RevieweeId.eq(user.into_uuid()))
        .filter(review::Column::RevieweeSide.eq(side.as_str()))
        .filter(review::Column::ReleasedAt.is_not_null())
        .order_by_desc(review::Column::ReleasedAt)
        .into_tuple()
        .one(db)
        .await?;
    Ok(at.flatten())
}
