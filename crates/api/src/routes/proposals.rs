//! `/api/proposals`: a freelancer's proposals, and the client's decisions on them.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::pagination::PageRequest;
use domain::proposal::{MilestoneDraft, ProposalInput, ProposalStatus};
use domain::{ContractId, FileId, JobId, Money, ProposalId, UserId};
use serde::{Deserialize, Serialize};
use services::jobs::{ProposalWithJob, ReceivedProposal};
use services::records::ProposalRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::job_board::JobSummary;
use super::{Paged, parse_label};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_proposals))
        .routes(routes!(get_proposal, edit_proposal))
        .routes(routes!(withdraw_proposal))
        .routes(routes!(shortlist_proposal))
        .routes(routes!(decline_proposal))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub id: ProposalId,
    pub job_id: JobId,
    pub freelancer_id: UserId,
    pub status: ProposalStatus,
    pub cover_letter: String,
    /// The fixed total or the hourly rate.
    pub amount: Money,
    pub duration_days: Option<u16>,
    pub answers: Vec<String>,
    pub milestones: Vec<MilestoneDraft>,
    pub attachment_file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ProposalRecord> for Proposal {
    fn from(p: ProposalRecord) -> Self {
        Self {
            id: p.id,
            job_id: p.job_id,
            freelancer_id: p.freelancer_id,
            status: p.status,
            cover_letter: p.cover_letter,
            amount: p.amount,
            duration_days: p.duration_days,
            answers: p.answers,
            milestones: p.milestones,
            attachment_file_ids: p.attachment_file_ids,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// A proposal with the job it is for.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalWithJobView {
    #[serde(flatten)]
    pub proposal: Proposal,
    pub job: JobSummary,
    /// The contract, once the proposal was hired.
    pub contract_id: Option<ContractId>,
}

impl From<ProposalWithJob> for ProposalWithJobView {
    fn from(p: ProposalWithJob) -> Self {
        Self { proposal: p.proposal.into(), job: JobSummary::new(p.job, None), contract_id: p.contract_id }
    }
}

/// Who sent a proposal, as its client sees them.
#[derive(Debug, Serialize, ToSchema)]
pub struct Proposer {
    pub id: UserId,
    pub name: String,
    pub avatar_url: Option<String>,
    pub location: Option<String>,
}

/// A proposal on the caller's job, with who sent it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedProposalView {
    #[serde(flatten)]
    pub proposal: Proposal,
    pub freelancer: Proposer,
    /// The contract, once the proposal was hired.
    pub contract_id: Option<ContractId>,
}

impl From<ReceivedProposal> for ReceivedProposalView {
    fn from(r: ReceivedProposal) -> Self {
        let f = r.freelancer;
        Self {
            proposal: r.proposal.into(),
            freelancer: Proposer {
                id: f.id,
                avatar_url: f.avatar_file_id.map(|id| format!("/api/files/{id}")),
                name: f.name,
                location: f.location,
            },
            contract_id: r.contract_id,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyProposalsQuery {
    /// Only the caller's proposal on this job (tells whether they already proposed).
    pub job_id: Option<JobId>,
    /// Only proposals in this state.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The caller's own proposals, newest first, each with its job.
#[utoipa::path(get, path = "/api/proposals", tag = "proposals", security(("bearer" = [])), params(MyProposalsQuery),
    responses((status = 200, body = Paged<ProposalWithJobView>), (status = 401, body = ErrorBody)))]
async fn my_proposals(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<MyProposalsQuery>,
) -> Result<Json<Paged<ProposalWithJobView>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<ProposalStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let proposals = state.services.jobs.my_proposals(auth.user.id, query.job_id, status, &page).await?;
    Ok(Json(proposals.map(Into::into).into()))
}

/// One proposal, for its freelancer and the job's client.
#[utoipa::path(get, path = "/api/proposals/{id}", tag = "proposals", security(("bearer" = [])),
    params(("id" = ProposalId, Path, description = "proposal id")),
    responses((status = 200, body = ProposalWithJobView), (status = 404, body = ErrorBody)))]
async fn get_proposal(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ProposalId>,
) -> Result<Json<ProposalWithJobView>, AppError> {
    Ok(Json(state.services.jobs.proposal(auth.user.id, id).await?.into()))
}

/// Rewrite one's proposal while it is still in the running.
#[utoipa::path(put, path = "/api/proposals/{id}", tag = "proposals", security(("bearer" = [])),
    params(("id" = ProposalId, Path, description = "proposal id")), request_body = ProposalInput,
    responses((status = 200, body = Proposal), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn edit_proposal(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ProposalId>,
    ApiJson(body): ApiJson<ProposalInput>,
) -> Result<Json<Proposal>, AppError> {
    Ok(Json(state.services.jobs.edit_proposal(auth.user.id, id, body).await?.into()))
}

/// Withdraw one's proposal.
#[utoipa::path(post, path = "/api/proposals/{id}/withdraw", tag = "proposals", security(("bearer" = [])),
    params(("id" = ProposalId, Path, description = "proposal id")),
    responses((status = 200, body = Proposal), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn withdraw_proposal(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ProposalId>,
) -> Result<Json<Proposal>, AppError> {
    Ok(Json(state.services.jobs.withdraw(auth.user.id, id).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ShortlistRequest {
    /// `true` puts the proposal on the shortlist, `false` takes it off.
    pub shortlisted: bool,
}

/// Shortlist a proposal on the caller's job, or take it off the shortlist.
#[utoipa::path(post, path = "/api/proposals/{id}/shortlist", tag = "proposals", security(("bearer" = [])),
    params(("id" = ProposalId, Path, description = "proposal id")), request_body = ShortlistRequest,
    responses((status = 200, body = Proposal), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn shortlist_proposal(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ProposalId>,
    ApiJson(body): ApiJson<ShortlistRequest>,
) -> Result<Json<Proposal>, AppError> {
    Ok(Json(state.services.jobs.shortlist(auth.user.id, id, body.shortlisted).await?.into()))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct DeclineRequest {
    /// Told to the freelancer.
    pub reason: Option<String>,
}

/// Decline a proposal on the caller's job; the freelancer is notified.
#[utoipa::path(post, path = "/api/proposals/{id}/decline", tag = "proposals", security(("bearer" = [])),
    params(("id" = ProposalId, Path, description = "proposal id")), request_body = DeclineRequest,
    responses((status = 200, body = Proposal), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn decline_proposal(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ProposalId>,
    ApiJson(body): ApiJson<DeclineRequest>,
) -> Result<Json<Proposal>, AppError> {
    Ok(Json(state.services.jobs.decline(auth.user.id, id, body.reason).await?.into()))
}
