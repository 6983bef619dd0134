//! Invitations: a client asks a freelancer to propose on a job.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::proposal::InvitationStatus;
use domain::{InvitationId, JobId, ProposalId, UserId};
use sea_orm::prelude::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::codec::label;
use crate::entity::invitation;
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    pub id: InvitationId,
    pub job_id: JobId,
    pub freelancer_id: UserId,
    pub message: String,
    pub status: InvitationStatus,
    pub proposal_id: Option<ProposalId>,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

impl TryFrom<invitation::Model> for InvitationRecord {
    type Error = StoreError;

    fn try_from(m: invitation::Model) -> StoreResult<Self> {
        Ok(Self {
            id: m.id.into(),
            job_id: m.job_id.into(),
            freelancer_id: m.freelancer_id.into(),
            status: label(InvitationStatus::parse, &m.status)?,
            proposal_id: m.proposal_id.map(Into::into),
            created_at: m.created_at,
            answered_at: m.answered_at,
            message: m.message,
        })
    }
}

/// Stores an invitation; inviting the same freelancer to the same job twice
/// fails with [`StoreError::Duplicate`].
pub async fn insert(
    db: &impl ConnectionTrait,
    job_id: JobId,
    freelancer_id: UserId,
    message: &str,
    now: DateTime<Utc>,
) -> StoreResult<InvitationId> {
    let id = InvitationId::new();
    invitation::Entity::insert(invitation::ActiveModel {
        id: Set(id.into_uuid()),
        job_id: Set(job_id.into_uuid()),
        freelancer_id: Set(freelancer_id.into_uuid()),
        message: Set(message.to_owned()),
        status: Set(InvitationStatus::Pending.as_str().to_owned()),
        proposal_id: Set(None),
        created_at: Set(now),
        answered_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

pub async fn find(db: &impl ConnectionTrait, id: InvitationId) -> StoreResult<Option<InvitationRecord>> {
    invitation::Entity::find_by_id(id.into_uuid()).one(db).await?.map(TryInto::try_into).transpose()
}

/// Whether the freelancer was invited to the job (answered or not).
pub async fn exists(db: &impl ConnectionTrait, job_id: JobId, freelancer_id: UserId) -> StoreResult<bool> {
    let found = invitation::Entity::find()
        .select_only()
        .column(invitation::Column::Id)
        .filter(invitation::Column::JobId.eq(job_id.into_uuid()))
        .filter(invitation::Column::FreelancerId.eq(freelancer_id.into_uuid()))
        .into_tuple::<sea_orm::prelude::Uuid>()
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// The freelancer's unanswered invitation to the job, if any.
pub async fn pending_for(
    db: &impl ConnectionTrait,
    job_id: JobId,
    freelancer_id: UserId,
) -> StoreResult<Option<InvitationId>> {
    let found = invitation::Entity::find()
        .select_only()
        .column(invitation::Column::Id)
        .filter(invitation::Column::JobId.eq(job_id.into_uuid()))
        .filter(invitation::Column::FreelancerId.eq(freelancer_id.into_uuid()))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending.as_str()))
        .into_tuple::<sea_orm::prelude::Uuid>()
        .one(db)
        .await?;
    Ok(found.map(InvitationId::from))
}

/// Records the answer to a pending invitation; false when it was already answered.
pub async fn answer(
    db: &impl ConnectionTrait,
    id: InvitationId,
    status: InvitationStatus,
    proposal_id: Option<ProposalId>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = invitation::Entity::update_many()
        .col_expr(invitation::Column::Status, Expr::value(status.as_str()))
        .col_expr(invitation::Column::ProposalId, Expr::value(proposal_id.map(ProposalId::into_uuid)))
        .col_expr(invitation::Column::AnsweredAt, Expr::value(now))
        .filter(invitation::Column::Id.eq(id.into_uuid()))
        .filter(invitation::Column::Status.eq(InvitationStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Who a list of invitations is for: one freelancer's, or one job's.
#[derive(Debug, Clone, Copy)]
pub enum InvitationScope {
    Freelancer(UserId),
    Job(JobId),
}

pub async fn list(
    db: &impl ConnectionTrait,
    scope: InvitationScope,
    status: Option<InvitationStatus>,
    page: &PageRequest<InvitationId>,
) -> StoreResult<Page<InvitationRecord>> {
    let mut select = invitation::Entity::find().order_by_desc(invitation::Column::Id).limit(page.limit + 1);
    select = match scope {
        InvitationScope::Freelancer(id) => select.filter(invitation::Column::FreelancerId.eq(id.into_uuid())),
        InvitationScope::Job(id) => select.filter(invitation::Column::JobId.eq(id.into_uuid())),
    };
    if let Some(status) = status {
        select = select.filter(invitation::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = page.after {
        select = select.filter(invitation::Column::Id.lt(after.into_uuid()));
    }
    let rows: Vec<InvitationRecord> =
        select.all(db).await?.into_iter().map(TryInto::try_into).collect::<Result<_, _>>()?;
    Ok(Page::from_rows(rows, page.limit, |i| i.id))
}
