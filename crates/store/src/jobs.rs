//! Jobs: writing them, reading one, a client's own list, and the expiry sweep.
//! The board's search lives in [`crate::job_search`].

use chrono::{DateTime, NaiveDate, Utc};
use domain::job::{ExperienceLevel, JobStatus, PaymentTerms, PaymentType, ProjectDuration, Visibility};
use domain::pagination::{Page, PageRequest};
use domain::profile::SkillTag;
use domain::{Currency, FileId, JobId, Money, UserId};
use sea_orm::prelude::Expr;
use sea_orm::sea_query::{Alias, ExprTrait, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};

use crate::codec::{currency, from_json, label, to_json};
use crate::entity::{job, job_skill, proposal};
use crate::error::{StoreError, StoreResult};
use crate::skills::SkillRecord;

/// A job as stored, with its owner's terms decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRecord {
    pub id: JobId,
    pub client_id: UserId,
    pub title: String,
    pub description: String,
    pub category: String,
    pub skills: Vec<SkillTag>,
    pub terms: PaymentTerms,
    pub duration: Option<ProjectDuration>,
    pub experience_level: ExperienceLevel,
    pub screening_questions: Vec<String>,
    pub attachment_file_ids: Vec<FileId>,
    pub visibility: Visibility,
    pub status: JobStatus,
    pub hires_wanted: u16,
    pub hires_count: u16,
    pub deadline: Option<NaiveDate>,
    pub posted_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// When an admin hid the job: then only its owner and admins see it.
    pub hidden_at: Option<DateTime<Utc>>,
    /// The status the job had when an admin closed it; restoring puts it back.
    pub admin_closed_from: Option<JobStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl JobRecord {
    /// Whether `viewer` may see the job at all. Drafts and hidden jobs are
    /// the owner's alone (admins look through their own routes); invite-only
    /// jobs are seen by the owner and by those invited or proposing (`involved`).
    pub fn visible_to(&self, viewer: Option<UserId>, involved: bool) -> bool {
        if viewer == Some(self.client_id) {
            return true;
        }
        self.hidden_at.is_none()
            && self.status != JobStatus::Draft
            && (self.visibility == Visibility::Public || involved)
    }

    /// Open, not hidden and not past its expiry (the sweep may not have run
    /// yet): taking proposals, invitations and hires.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.status == JobStatus::Open && self.hidden_at.is_none() && self.expires_at.is_some_and(|at| at > now)
    }
}

/// The writable part of a job.
#[derive(Debug, Clone)]
pub struct JobContent {
    pub title: String,
    pub description: String,
    pub category: String,
    pub skills: Vec<SkillRecord>,
    pub terms: PaymentTerms,
    pub duration: Option<ProjectDuration>,
    pub experience_level: ExperienceLevel,
    pub screening_questions: Vec<String>,
    pub attachment_file_ids: Vec<FileId>,
    pub visibility: Visibility,
    pub hires_wanted: u16,
    pub deadline: Option<NaiveDate>,
}

impl TryFrom<job::Model> for JobRecord {
    type Error = StoreError;

    fn try_from(m: job::Model) -> StoreResult<Self> {
        let currency: Currency = currency(&m.currency)?;
        let money = |amount: Option<i64>, what: &str| {
            amount
                .map(|a| Money::new(a, currency))
                .ok_or_else(|| StoreError::Corrupt(format!("job {} lacks {what}", m.id)))
        };
        let terms = match label(PaymentType::parse, &m.payment_type)? {
            PaymentType::Fixed => PaymentTerms::Fixed { budget: money(m.budget_amount, "budget")? },
            PaymentType::Hourly => PaymentTerms::Hourly {
                rate_min: money(m.rate_min_amount, "rate_min")?,
                rate_max: money(m.rate_max_amount, "rate_max")?,
                hours_per_week: m.hours_per_week.and_then(|h| u16::try_from(h).ok()),
            },
        };
        Ok(Self {
            id: m.id.into(),
            client_id: m.client_id.into(),
            skills: from_json(&m.skills_json)?,
            terms,
            duration: m.duration.as_deref().map(|d| label(ProjectDuration::parse, d)).transpose()?,
            experience_level: label(ExperienceLevel::parse, &m.experience_level)?,
            screening_questions: from_json(&m.questions_json)?,
            attachment_file_ids: from_json(&m.attachments_json)?,
            visibility: label(Visibility::parse, &m.visibility)?,
            status: label(JobStatus::parse, &m.status)?,
            hires_wanted: u16::try_from(m.hires_wanted).unwrap_or(1),
            hires_count: u16::try_from(m.hires_count).unwrap_or(0),
            deadline: m.deadline,
            posted_at: m.posted_at,
            expires_at: m.expires_at,
            hidden_at: m.hidden_at,
            admin_closed_from: m.admin_closed_from.as_deref().map(|s| label(JobStatus::parse, s)).transpose()?,
            created_at: m.created_at,
            updated_at: m.updated_at,
            title: m.title,
            description: m.description,
            category: m.category,
        })
    }
}

fn content_columns(model: &mut job::ActiveModel, content: &JobContent) -> StoreResult<()> {
    let (budget, rate_min, rate_max, hours) = match content.terms {
        PaymentTerms::Fixed { budget } => (Some(budget.amount), None, None, None),
        PaymentTerms::Hourly { rate_min, rate_max, hours_per_week } => {
            (None, Some(rate_min.amount), Some(rate_max.amount), hours_per_week.map(i32::from))
        }
    };
    let tags: Vec<SkillTag> =
        content.skills.iter().map(|s| SkillTag { slug: s.slug.clone(), name: s.name.clone() }).collect();
    model.title = Set(content.title.clone());
    model.description = Set(content.description.clone());
    model.category = Set(content.category.clone());
    model.skills_json = Set(to_json(&tags)?);
    model.payment_type = Set(content.terms.payment_type().as_str().to_owned());
    model.currency = Set(content.terms.currency().code().to_owned());
    model.budget_amount = Set(budget);
    model.rate_min_amount = Set(rate_min);
    model.rate_max_amount = Set(rate_max);
    model.hours_per_week = Set(hours);
    model.duration = Set(content.duration.map(|d| d.as_str().to_owned()));
    model.experience_level = Set(content.experience_level.as_str().to_owned());
    model.questions_json = Set(to_json(&content.screening_questions)?);
    model.attachments_json = Set(to_json(&content.attachment_file_ids)?);
    model.visibility = Set(content.visibility.as_str().to_owned());
    model.hires_wanted = Set(i32::from(content.hires_wanted));
    model.deadline = Set(content.deadline);
    model.sort_amount = Set(content.terms.sort_amount());
    Ok(())
}

/// Stores a new job; `posted` (posting time and expiry) publishes it at
/// once, otherwise it is a draft.
pub async fn insert(
    db: &impl ConnectionTrait,
    client_id: UserId,
    content: &JobContent,
    posted: Option<(DateTime<Utc>, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> StoreResult<JobId> {
    let status = if posted.is_some() { JobStatus::Open } else { JobStatus::Draft };
    let job = NewJob { id: JobId::new(), client_id, content, status, posted, now };
    insert_batch(db, std::slice::from_ref(&job)).await?;
    Ok(job.id)
}

/// A job to store as it is, in any state (bulk loads such as demo data).
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub id: JobId,
    pub client_id: UserId,
    pub content: &'a JobContent,
    pub status: JobStatus,
    pub posted: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub now: DateTime<Utc>,
}

/// Stores jobs and their skill links with one statement per table.
pub async fn insert_batch(db: &impl ConnectionTrait, jobs: &[NewJob<'_>]) -> StoreResult<()> {
    if jobs.is_empty() {
        return Ok(());
    }
    let mut models = Vec::with_capacity(jobs.len());
    let mut links = Vec::new();
    for job in jobs {
        let mut model = job::ActiveModel {
            id: Set(job.id.into_uuid()),
            client_id: Set(job.client_id.into_uuid()),
            status: Set(job.status.as_str().to_owned()),
            hires_count: Set(0),
            posted_at: Set(job.posted.map(|(at, _)| at)),
            expires_at: Set(job.posted.map(|(_, until)| until)),
            created_at: Set(job.now),
            updated_at: Set(job.now),
            ..Default::default()
        };
        content_columns(&mut model, job.content)?;
        models.push(model);
        links.extend(
            job.content
                .skills
                .iter()
                .map(|s| job_skill::ActiveModel { job_id: Set(job.id.into_uuid()), skill_id: Set(s.id.into_uuid()) }),
        );
    }
    job::Entity::insert_many(models).exec_without_returning(db).await?;
    if !links.is_empty() {
        job_skill::Entity::insert_many(links).exec_without_returning(db).await?;
    }
    Ok(())
}

/// Replaces the writable part of a job.
pub async fn update_content(
    db: &impl ConnectionTrait,
    id: JobId,
    content: &JobContent,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut model = job::ActiveModel { id: sea_orm::ActiveValue::Unchanged(id.into_uuid()), ..Default::default() };
    content_columns(&mut model, content)?;
    model.updated_at = Set(now);
    job::Entity::update(model).exec(db).await?;
    job_skill::Entity::delete_many().filter(job_skill::Column::JobId.eq(id.into_uuid())).exec(db).await?;
    link_skills(db, id, &content.skills).await
}

async fn link_skills(db: &impl ConnectionTrait, id: JobId, skills: &[SkillRecord]) -> StoreResult<()> {
    if skills.is_empty() {
        return Ok(());
    }
    let links =
        skills.iter().map(|s| job_skill::ActiveModel { job_id: Set(id.into_uuid()), skill_id: Set(s.id.into_uuid()) });
    job_skill::Entity::insert_many(links).exec_without_returning(db).await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: JobId) -> StoreResult<Option<JobRecord>> {
    job::Entity::find_by_id(id.into_uuid()).one(db).await?.map(TryInto::try_into).transpose()
}

pub async fn find_many(db: &impl ConnectionTrait, ids: &[JobId]) -> StoreResult<Vec<JobRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = job::Entity::find().filter(job::Column::Id.is_in(ids.iter().map(|id| id.into_uuid()))).all(db).await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Reads a job and locks its row until the transaction ends (PostgreSQL and
/// MySQL; SQLite's write transaction already holds the only write lock), so
/// that two hires or two status changes of one job run one after the other.
pub async fn find_for_update(db: &impl ConnectionTrait, id: JobId) -> StoreResult<Option<JobRecord>> {
    let mut select = job::Entity::find_by_id(id.into_uuid());
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        select = select.lock_exclusive();
    }
    select.one(db).await?.map(TryInto::try_into).transpose()
}

/// Moves a job to `status`; publishing or reopening sets a fresh posting
/// time and expiry (`posted`).
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: JobId,
    status: JobStatus,
    posted: Option<(DateTime<Utc>, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut model = job::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id.into_uuid()),
        status: Set(status.as_str().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some((at, until)) = posted {
        model.posted_at = Set(Some(at));
        model.expires_at = Set(Some(until));
    }
    job::Entity::update(model).exec(db).await?;
    Ok(())
}

pub async fn record_hire(
    db: &impl ConnectionTrait,
    id: JobId,
    hires_count: u16,
    status: JobStatus,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    job::Entity::update(job::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id.into_uuid()),
        hires_count: Set(i32::from(hires_count)),
        status: Set(status.as_str().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// A client's job with how many proposals are in the running and in all.
#[derive(Debug, Clone)]
pub struct OwnJob {
    pub job: JobRecord,
    pub proposals: u64,
    pub active_proposals: u64,
}

#[derive(FromQueryResult)]
struct ProposalCount {
    job_id: sea_orm::prelude::Uuid,
    total: i64,
    active: i64,
}

/// The client's jobs, newest first, optionally in one state.
pub async fn list_for_client(
    db: &impl ConnectionTrait,
    client_id: UserId,
    status: Option<JobStatus>,
    page: &PageRequest<JobId>,
) -> StoreResult<Page<OwnJob>> {
    let mut select = job::Entity::find()
        .filter(job::Column::ClientId.eq(client_id.into_uuid()))
        .order_by_desc(job::Column::Id)
        .limit(page.limit + 1);
    if let Some(status) = status {
        select = select.filter(job::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(job::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<JobRecord> = select.all(db).await?.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?;
    let page = Page::from_rows(rows, page.limit, |j| j.id);
    let ids: Vec<_> = page.items.iter().map(|j| j.id.into_uuid()).collect();
    let counts = proposal_counts(db, &ids).await?;
    Ok(page.map(|job| {
        let (proposals, active_proposals) =
            counts.iter().find(|c| c.job_id == job.id.into_uuid()).map_or((0, 0), |c| (c.total, c.active));
        OwnJob { job, proposals: proposals.unsigned_abs(), active_proposals: active_proposals.unsigned_abs() }
    }))
}

async fn proposal_counts(
    db: &impl ConnectionTrait,
    job_ids: &[sea_orm::prelude::Uuid],
) -> StoreResult<Vec<ProposalCount>> {
    if job_ids.is_empty() {
        return Ok(Vec::new());
    }
    let active = Expr::col(proposal::Column::Status).is_in(["submitted", "shortlisted"]);
    let select = Query::select()
        .column(proposal::Column::JobId)
        .expr_as(Expr::col(proposal::Column::Id).count(), Alias::new("total"))
        // COUNT ignores the NULL of the missing ELSE; unlike SUM it is an
        // integer on every backend (MySQL sums to DECIMAL).
        .expr_as(Expr::case(active, 1).count(), Alias::new("active"))
        .from(proposal::Entity)
        .and_where(Expr::col(proposal::Column::JobId).is_in(job_ids.iter().copied()))
        .group_by_col(proposal::Column::JobId)
        .to_owned();
    let backend = db.get_database_backend();
    Ok(ProposalCount::find_by_statement(backend.build(&select)).all(db).await?)
}

/// Open jobs whose time ran out, oldest first, at most `limit` of them.
pub async fn due_to_expire(db: &impl ConnectionTrait, now: DateTime<Utc>, limit: u64) -> StoreResult<Vec<JobId>> {
    let ids = job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(job::Column::Status.eq(JobStatus::Open.as_str()))
        .filter(job::Column::ExpiresAt.lte(now))
        .order_by_asc(job::Column::ExpiresAt)
        .limit(limit)
        .into_tuple::<sea_orm::prelude::Uuid>()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(JobId::from).collect())
}

/// Marks the given open jobs expired; a job that changed state meanwhile is left alone.
pub async fn expire(db: &impl ConnectionTrait, ids: &[JobId], now: DateTime<Utc>) -> StoreResult<u64> {
    let result = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(JobStatus::Expired.as_str()))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::Id.is_in(ids.iter().map(|id| id.into_uuid())))
        .filter(job::Column::Status.eq(JobStatus::Open.as_str()))
        .filter(job::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// How many proposals the job has received, in any state.
pub async fn proposal_total(db: &impl ConnectionTrait, id: JobId) -> StoreResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(proposal::Entity::find().filter(proposal::Column::JobId.eq(id.into_uuid())).count(db).await?)
}

/// How many jobs there are, in any state.
pub async fn count_all(db: &impl ConnectionTrait) -> StoreResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(job::Entity::find().count(db).await?)
}

/// Every open job, oldest first, with its terms (bulk loads).
pub async fn open_ids(db: &impl ConnectionTrait) -> StoreResult<Vec<(JobId, PaymentType, Currency)>> {
    let rows: Vec<(sea_orm::prelude::Uuid, String, String)> = job::Entity::find()
        .select_only()
        .columns([job::Column::Id, job::Column::PaymentType, job::Column::Currency])
        .filter(job::Column::Status.eq(JobStatus::Open.as_str()))
        .order_by_asc(job::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(id, kind, code)| Ok((JobId::from(id), label(PaymentType::parse, &kind)?, currency(&code)?)))
        .collect()
}
