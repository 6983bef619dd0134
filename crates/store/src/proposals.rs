//! Proposals: a freelancer's bid on a job.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::proposal::{MilestoneDraft, ProposalInput, ProposalStatus};
use domain::{Currency, FileId, JobId, Money, ProposalId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::{currency, from_json, label, to_json};
use crate::entity::proposal;
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRecord {
    pub id: ProposalId,
    pub job_id: JobId,
    pub freelancer_id: UserId,
    pub status: ProposalStatus,
    pub cover_letter: String,
    pub amount: Money,
    pub duration_days: Option<u16>,
    pub answers: Vec<String>,
    pub milestones: Vec<MilestoneDraft>,
    pub attachment_file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<proposal::Model> for ProposalRecord {
    type Error = StoreError;

    fn try_from(m: proposal::Model) -> StoreResult<Self> {
        let currency: Currency = currency(&m.currency)?;
        Ok(Self {
            id: m.id.into(),
            job_id: m.job_id.into(),
            freelancer_id: m.freelancer_id.into(),
            status: label(ProposalStatus::parse, &m.status)?,
            amount: Money::new(m.amount, currency),
            duration_days: m.duration_days.and_then(|d| u16::try_from(d).ok()),
            answers: from_json(&m.answers_json)?,
            milestones: from_json(&m.milestones_json)?,
            attachment_file_ids: from_json(&m.attachments_json)?,
            created_at: m.created_at,
            updated_at: m.updated_at,
            cover_letter: m.cover_letter,
        })
    }
}

fn content_columns(model: &mut proposal::ActiveModel, input: &ProposalInput) -> StoreResult<()> {
    model.cover_letter = Set(input.cover_letter.trim().to_owned());
    model.amount = Set(input.amount.amount);
    model.currency = Set(input.amount.currency.code().to_owned());
    model.duration_days = Set(input.duration_days.map(i32::from));
    let answers: Vec<&str> = input.answers.iter().map(|a| a.trim()).collect();
    model.answers_json = Set(to_json(&answers)?);
    model.milestones_json = Set(to_json(&input.milestones)?);
    model.attachments_json = Set(to_json(&input.attachment_file_ids)?);
    Ok(())
}

/// Stores a new proposal. A second one by the same freelancer on the same
/// job fails with [`StoreError::Duplicate`] (a unique index).
pub async fn insert(
    db: &impl ConnectionTrait,
    job_id: JobId,
    freelancer_id: UserId,
    input: &ProposalInput,
    now: DateTime<Utc>,
) -> StoreResult<ProposalId> {
    let id = ProposalId::new();
    let mut model = proposal::ActiveModel {
        id: Set(id.into_uuid()),
        job_id: Set(job_id.into_uuid()),
        freelancer_id: Set(freelancer_id.into_uuid()),
        status: Set(ProposalStatus::Submitted.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    content_columns(&mut model, input)?;
    proposal::Entity::insert(model).exec_without_returning(db).await?;
    Ok(id)
}

/// Stores proposals in one statement (bulk loads); a second proposal by a
/// freelancer on a job fails the whole batch with [`StoreError::Duplicate`].
pub async fn insert_batch(
    db: &impl ConnectionTrait,
    rows: &[(JobId, UserId, ProposalInput)],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut models = Vec::with_capacity(rows.len());
    for (job_id, freelancer_id, input) in rows {
        let mut model = proposal::ActiveModel {
            id: Set(ProposalId::new().into_uuid()),
            job_id: Set(job_id.into_uuid()),
            freelancer_id: Set(freelancer_id.into_uuid()),
            status: Set(ProposalStatus::Submitted.as_str().to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        content_columns(&mut model, input)?;
        models.push(model);
    }
    proposal::Entity::insert_many(models).exec_without_returning(db).await?;
    Ok(())
}

/// Every (job, freelancer) pair that has a proposal (bulk loads).
pub async fn pairs(db: &impl ConnectionTrait) -> StoreResult<std::collections::HashSet<(JobId, UserId)>> {
    let rows: Vec<(sea_orm::prelude::Uuid, sea_orm::prelude::Uuid)> = proposal::Entity::find()
        .select_only()
        .columns([proposal::Column::JobId, proposal::Column::FreelancerId])
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(job, freelancer)| (job.into(), freelancer.into())).collect())
}

pub async fn count(db: &impl ConnectionTrait) -> StoreResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(proposal::Entity::find().count(db).await?)
}

pub async fn update_content(
    db: &impl ConnectionTrait,
    id: ProposalId,
    input: &ProposalInput,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut model = proposal::ActiveModel { id: sea_orm::ActiveValue::Unchanged(id.into_uuid()), ..Default::default() };
    content_columns(&mut model, input)?;
    model.updated_at = Set(now);
    proposal::Entity::update(model).exec(db).await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: ProposalId) -> StoreResult<Option<ProposalRecord>> {
    proposal::Entity::find_by_id(id.into_uuid()).one(db).await?.map(TryInto::try_into).transpose()
}

pub async fn find_by_job_and_freelancer(
    db: &impl ConnectionTrait,
    job_id: JobId,
    freelancer_id: UserId,
) -> StoreResult<Option<ProposalRecord>> {
    proposal::Entity::find()
        .filter(proposal::Column::JobId.eq(job_id.into_uuid()))
        .filter(proposal::Column::FreelancerId.eq(freelancer_id.into_uuid()))
        .one(db)
        .await?
        .map(TryInto::try_into)
        .transpose()
}

/// Moves a proposal from `from` to `to`. Returns false when it was no longer
/// in `from`: someone else changed it first, and nothing was written.
pub async fn transition(
    db: &impl ConnectionTrait,
    id: ProposalId,
    from: ProposalStatus,
    to: ProposalStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::value(to.as_str()))
        .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
        .filter(proposal::Column::Id.eq(id.into_uuid()))
        .filter(proposal::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Closes every proposal of a job that is still in the running, and says
/// whose they were so that they can be told.
pub async fn close_active(db: &impl ConnectionTrait, job_id: JobId, now: DateTime<Utc>) -> StoreResult<Vec<UserId>> {
    let active = [ProposalStatus::Submitted.as_str(), ProposalStatus::Shortlisted.as_str()];
    let freelancers: Vec<sea_orm::prelude::Uuid> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::FreelancerId)
        .filter(proposal::Column::JobId.eq(job_id.into_uuid()))
        .filter(proposal::Column::Status.is_in(active))
        .into_tuple()
        .all(db)
        .await?;
    proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::value(ProposalStatus::Closed.as_str()))
        .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
        .filter(proposal::Column::JobId.eq(job_id.into_uuid()))
        .filter(proposal::Column::Status.is_in(active))
        .exec(db)
        .await?;
    Ok(freelancers.into_iter().map(UserId::from).collect())
}

/// Who a list of proposals belongs to: one freelancer's, or one job's.
#[derive(Debug, Clone, Copy)]
pub enum ProposalScope {
    Freelancer(UserId),
    Job(JobId),
    /// One freelancer's proposal on one job (at most one).
    FreelancerOnJob(UserId, JobId),
}

/// Proposals newest first, optionally in one state.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: ProposalScope,
    status: Option<ProposalStatus>,
    page: &PageRequest<ProposalId>,
) -> StoreResult<Page<ProposalRecord>> {
    let mut select = proposal::Entity::find().order_by_desc(proposal::Column::Id).limit(page.limit + 1);
    select = match scope {
        ProposalScope::Freelancer(id) => select.filter(proposal::Column::FreelancerId.eq(id.into_uuid())),
        ProposalScope::Job(id) => select.filter(proposal::Column::JobId.eq(id.into_uuid())),
        ProposalScope::FreelancerOnJob(freelancer, job) => select
            .filter(proposal::Column::FreelancerId.eq(freelancer.into_uuid()))
            .filter(proposal::Column::JobId.eq(job.into_uuid())),
    };
    if let Some(status) = status {
        select = select.filter(proposal::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(proposal::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<ProposalRecord> =
        select.all(db).await?.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?;
    Ok(Page::from_rows(rows, page.limit, |p| p.id))
}

/// The first submitted proposal on each of `jobs` that has one (bulk loads).
pub async fn first_submitted_on(db: &impl ConnectionTrait, jobs: &[JobId]) -> StoreResult<Vec<(ProposalId, JobId)>> {
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(sea_orm::prelude::Uuid, sea_orm::prelude::Uuid)> = proposal::Entity::find()
        .select_only()
        .columns([proposal::Column::Id, proposal::Column::JobId])
        .filter(proposal::Column::JobId.is_in(jobs.iter().map(|j| j.into_uuid())))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_str()))
        .order_by_asc(proposal::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|(_, job)| seen.insert(*job))
        .map(|(id, job)| (ProposalId::from(id), JobId::from(job)))
        .collect())
}

/// The freelancers who proposed on the job, in any state.
pub async fn freelancers_on(db: &impl ConnectionTrait, job_id: JobId) -> StoreResult<Vec<UserId>> {
    let ids: Vec<sea_orm::prelude::Uuid> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::FreelancerId)
        .filter(proposal::Column::JobId.eq(job_id.into_uuid()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().map(UserId::from).collect())
}
