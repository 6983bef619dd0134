//! `/api/jobs`: posting, and a job's proposals, invitations and hires. The
//! board's search is in [`super::job_board`].

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use domain::job::{ExperienceLevel, JobInput, JobStatus, PaymentTerms, PaymentType, ProjectDuration, Visibility};
use domain::pagination::PageRequest;
use domain::profile::SkillTag;
use domain::proposal::{ProposalInput, ProposalStatus};
use domain::user::Role;
use domain::{FileId, JobId, Money, ProposalId, UserId};
use serde::{Deserialize, Serialize};
use services::jobs::Hire;
use services::records::{JobRecord, OwnJob};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contracts::Contract;
use super::invitations::{Invitation, InvitationRequest};
use super::job_board::{self, JobSummary};
use super::proposals::{Proposal, ReceivedProposalView};
use super::{Paged, parse_label};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(job_board::search_jobs, create_job))
        .routes(routes!(my_jobs))
        .routes(routes!(get_job, update_job))
        .routes(routes!(publish_job))
        .routes(routes!(close_job))
        .routes(routes!(reopen_job))
        .routes(routes!(bid))
        .routes(routes!(job_proposals))
        .routes(routes!(invite, job_invitations))
        .routes(routes!(hire))
}

/// A job in full.
#[derive(Debug, Serialize, ToSchema)]
pub struct Job {
    pub id: JobId,
    pub client_id: UserId,
    pub title: String,
    pub description: String,
    pub category: String,
    pub skills: Vec<SkillTag>,
    pub payment_type: PaymentType,
    /// Fixed-price jobs.
    pub budget: Option<Money>,
    /// Hourly jobs.
    pub hourly_rate_min: Option<Money>,
    /// Hourly jobs.
    pub hourly_rate_max: Option<Money>,
    pub hours_per_week: Option<u16>,
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
    /// An open job stops taking proposals at this time unless reopened.
    pub expires_at: Option<DateTime<Utc>>,
    /// An administrator hid the job: only its owner and admins see it, and it
    /// takes no proposals or hires until restored. Always sent; optional in
    /// the schema so that clients built before it keep compiling.
    #[schema(required = false)]
    pub hidden: bool,
    /// An administrator closed the job; only an administrator reopens it.
    /// Always sent, like `hidden`.
    #[schema(required = false)]
    pub closed_by_admin: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The money fields of a job's terms: (budget, rate min, rate max).
pub(super) fn amounts(terms: PaymentTerms) -> (Option<Money>, Option<Money>, Option<Money>) {
    match terms {
        PaymentTerms::Fixed { budget } => (Some(budget), None, None),
        PaymentTerms::Hourly { rate_min, rate_max, .. } => (None, Some(rate_min), Some(rate_max)),
    }
}

impl From<JobRecord> for Job {
    fn from(j: JobRecord) -> Self {
        let (budget, hourly_rate_min, hourly_rate_max) = amounts(j.terms);
        Self {
            id: j.id,
            client_id: j.client_id,
            payment_type: j.terms.payment_type(),
            hours_per_week: j.terms.hours_per_week(),
            budget,
            hourly_rate_min,
            hourly_rate_max,
            title: j.title,
            description: j.description,
            category: j.category,
            skills: j.skills,
            duration: j.duration,
            experience_level: j.experience_level,
            screening_questions: j.screening_questions,
            attachment_file_ids: j.attachment_file_ids,
            visibility: j.visibility,
            status: j.status,
            hires_wanted: j.hires_wanted,
            hires_count: j.hires_count,
            deadline: j.deadline,
            posted_at: j.posted_at,
            expires_at: j.expires_at,
            hidden: j.hidden_at.is_some(),
            closed_by_admin: j.admin_closed_from.is_some(),
            created_at: j.created_at,
            updated_at: j.updated_at,
        }
    }
}

/// Post a job (clients). With `draft: true` it is saved unpublished.
#[utoipa::path(post, path = "/api/jobs", tag = "jobs", security(("bearer" = [])), request_body = JobInput,
    responses((status = 201, body = Job), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<JobInput>,
) -> Result<(StatusCode, Json<Job>), AppError> {
    auth.require(Role::Client)?;
    let job = state.services.jobs.create(auth.user.id, body).await?;
    Ok((StatusCode::CREATED, Json(job.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyJobsQuery {
    /// Only jobs in this state.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A client's job with its proposal counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnJobSummary {
    #[serde(flatten)]
    pub job: JobSummary,
    pub hires_wanted: u16,
    pub hires_count: u16,
    pub expires_at: Option<DateTime<Utc>>,
    /// Proposals received, in any state.
    pub proposals: u64,
    /// Proposals still in the running (submitted or shortlisted).
    pub active_proposals: u64,
}

impl From<OwnJob> for OwnJobSummary {
    fn from(own: OwnJob) -> Self {
        Self {
            hires_wanted: own.job.hires_wanted,
            hires_count: own.job.hires_count,
            expires_at: own.job.expires_at,
            job: JobSummary::new(own.job, None),
            proposals: own.proposals,
            active_proposals: own.active_proposals,
        }
    }
}

/// The caller's own jobs (any state), newest first, with proposal counts.
#[utoipa::path(get, path = "/api/jobs/mine", tag = "jobs", security(("bearer" = [])), params(MyJobsQuery),
    responses((status = 200, body = Paged<OwnJobSummary>), (status = 401, body = ErrorBody)))]
async fn my_jobs(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<MyJobsQuery>,
) -> Result<Json<Paged<OwnJobSummary>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<JobStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let jobs = state.services.jobs.list_own(auth.user.id, status, &page).await?;
    Ok(Json(jobs.map(Into::into).into()))
}

/// One job. Drafts are visible to their owner only; invite-only jobs to the
/// owner and the freelancers invited or proposing.
#[utoipa::path(get, path = "/api/jobs/{id}", tag = "jobs", params(("id" = JobId, Path, description = "job id")),
    responses((status = 200, body = Job), (status = 404, body = ErrorBody)))]
async fn get_job(
    State(state): State<AppState>,
    auth: Option<AuthUser>,
    ApiPath(id): ApiPath<JobId>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.jobs.get(auth.as_ref().map(|a| &a.user), id).await?.into()))
}

/// Replace a draft or open job (its owner only).
#[utoipa::path(put, path = "/api/jobs/{id}", tag = "jobs", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")), request_body = JobInput,
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn update_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<JobInput>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.jobs.update(auth.user.id, id, body).await?.into()))
}

/// Publish a draft: it opens for proposals for the `job_open_days` setting (30 by default).
#[utoipa::path(post, path = "/api/jobs/{id}/publish", tag = "jobs", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn publish_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.jobs.publish(auth.user.id, id).await?.into()))
}

/// Close a job; proposals still in the running are closed and their freelancers told.
#[utoipa::path(post, path = "/api/jobs/{id}/close", tag = "jobs", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn close_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.jobs.close(auth.user.id, id).await?.into()))
}

/// Reopen a closed or expired job for another `job_open_days` (30 by default).
#[utoipa::path(post, path = "/api/jobs/{id}/reopen", tag = "jobs", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")),
    responses((status = 200, body = Job), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn reopen_job(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
) -> Result<Json<Job>, AppError> {
    Ok(Json(state.services.jobs.reopen(auth.user.id, id).await?.into()))
}

/// Propose on a job (freelancers; one proposal per job, not on one's own job).
#[utoipa::path(post, path = "/api/jobs/{id}/bid", tag = "proposals", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")), request_body = ProposalInput,
    responses((status = 201, body = Proposal), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn bid(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<ProposalInput>,
) -> Result<(StatusCode, Json<Proposal>), AppError> {
    auth.require(Role::Freelancer)?;
    let proposal = state.services.jobs.bid(auth.user.id, id, body).await?;
    Ok((StatusCode::CREATED, Json(proposal.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalListQuery {
    /// Only proposals in this state.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The proposals on a job (its owner only), newest first.
#[utoipa::path(get, path = "/api/jobs/{id}/proposals", tag = "proposals", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id"), ProposalListQuery),
    responses((status = 200, body = Paged<ReceivedProposalView>), (status = 404, body = ErrorBody)))]
async fn job_proposals(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiQuery(query): ApiQuery<ProposalListQuery>,
) -> Result<Json<Paged<ReceivedProposalView>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<ProposalStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let proposals = state.services.jobs.job_proposals(auth.user.id, id, status, &page).await?;
    Ok(Json(proposals.map(Into::into).into()))
}

/// Invite a freelancer to propose on the caller's open job.
#[utoipa::path(post, path = "/api/jobs/{id}/invitations", tag = "invitations", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")), request_body = InvitationRequest,
    responses((status = 201, body = Invitation), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn invite(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> Result<(StatusCode, Json<Invitation>), AppError> {
    let message = body.message.unwrap_or_default();
    let invitation = state.services.jobs.invite(auth.user.id, id, body.freelancer_id, &message).await?;
    Ok((StatusCode::CREATED, Json(invitation.into())))
}

/// The invitations sent for a job (its owner only).
#[utoipa::path(get, path = "/api/jobs/{id}/invitations", tag = "invitations", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id"), super::PageQuery),
    responses((status = 200, body = Paged<Invitation>), (status = 404, body = ErrorBody)))]
async fn job_invitations(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiQuery(query): ApiQuery<super::PageQuery>,
) -> Result<Json<Paged<Invitation>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let invitations = state.services.jobs.job_invitations(auth.user.id, id, &page).await?;
    Ok(Json(invitations.map(Into::into).into()))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct HireRequest {
    pub proposal_id: ProposalId,
    /// Hourly jobs: most hours a week the freelancer may bill (default: the
    /// job's expected hours, else 40).
    pub weekly_limit_hours: Option<u16>,
}

/// Hire the freelancer behind a proposal on the caller's job: creates the contract.
#[utoipa::path(put, path = "/api/jobs/{id}/hire", tag = "contracts", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id")), request_body = HireRequest,
    responses((status = 201, body = Contract), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn hire(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiJson(body): ApiJson<HireRequest>,
) -> Result<(StatusCode, Json<Contract>), AppError> {
    let hire = Hire { proposal_id: body.proposal_id, weekly_limit_hours: body.weekly_limit_hours };
    let contract = state.services.jobs.hire(auth.user.id, id, hire).await?;
    Ok((StatusCode::CREATED, Json(contract.into())))
}
