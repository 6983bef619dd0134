//! `/api/invitations`: a freelancer's invitations to propose, and the answers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::PageRequest;
use domain::proposal::{InvitationStatus, ProposalInput};
use domain::{InvitationId, JobId, ProposalId, UserId};
use serde::{Deserialize, Serialize};
use services::jobs::InvitationWithJob;
use services::records::InvitationRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::job_board::JobSummary;
use super::proposals::Proposal;
use super::{Paged, parse_label};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_invitations))
        .routes(routes!(accept_invitation))
        .routes(routes!(decline_invitation))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct InvitationRequest {
    pub freelancer_id: UserId,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub id: InvitationId,
    pub job_id: JobId,
    pub freelancer_id: UserId,
    pub message: String,
    pub status: InvitationStatus,
    /// The proposal an accepted invitation led to.
    pub proposal_id: Option<ProposalId>,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

impl From<InvitationRecord> for Invitation {
    fn from(i: InvitationRecord) -> Self {
        Self {
            id: i.id,
            job_id: i.job_id,
            freelancer_id: i.freelancer_id,
            message: i.message,
            status: i.status,
            proposal_id: i.proposal_id,
            created_at: i.created_at,
            answered_at: i.answered_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationWithJobView {
    #[serde(flatten)]
    pub invitation: Invitation,
    pub job: JobSummary,
}

impl From<InvitationWithJob> for InvitationWithJobView {
    fn from(i: InvitationWithJob) -> Self {
        Self { invitation: i.invitation.into(), job: JobSummary::new(i.job, None) }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvitationListQuery {
    /// `pending`, `accepted` or `declined`.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The caller's invitations, newest first, each with its job.
#[utoipa::path(get, path = "/api/invitations", tag = "invitations", security(("bearer" = [])),
    params(InvitationListQuery),
    responses((status = 200, body = Paged<InvitationWithJobView>), (status = 401, body = ErrorBody)))]
async fn my_invitations(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<InvitationListQuery>,
) -> Result<Json<Paged<InvitationWithJobView>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<InvitationStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let invitations = state.services.jobs.my_invitations(auth.user.id, status, &page).await?;
    Ok(Json(invitations.map(Into::into).into()))
}

/// Accept an invitation by proposing on its job.
#[utoipa::path(post, path = "/api/invitations/{id}/accept", tag = "invitations", security(("bearer" = [])),
    params(("id" = InvitationId, Path, description = "invitation id")), request_body = ProposalInput,
    responses((status = 201, body = Proposal), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn accept_invitation(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<InvitationId>,
    ApiJson(body): ApiJson<ProposalInput>,
) -> Result<(StatusCode, Json<Proposal>), AppError> {
    let proposal = state.services.jobs.accept_invitation(auth.user.id, id, body).await?;
    Ok((StatusCode::CREATED, Json(proposal.into())))
}

/// Decline an invitation; the client is told.
#[utoipa::path(post, path = "/api/invitations/{id}/decline", tag = "invitations", security(("bearer" = [])),
    params(("id" = InvitationId, Path, description = "invitation id")),
    responses((status = 200, body = Invitation), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn decline_invitation(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<InvitationId>,
) -> Result<Json<Invitation>, AppError> {
    Ok(Json(state.services.jobs.decline_invitation(auth.user.id, id).await?.into()))
}
