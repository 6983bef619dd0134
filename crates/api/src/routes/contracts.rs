//! `/api/contracts`: the contracts a hire creates, for their parties.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{ContractStatus, MilestoneStatus, PaymentAction};
use domain::job::PaymentType;
use domain::pagination::PageRequest;
use domain::proposal::MilestoneDraft;
use domain::{ContractId, JobId, MilestoneId, Money, ProposalId, UserId};
use serde::{Deserialize, Serialize};
use services::records::{ContractRecord, MilestoneRecord};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{PageQuery, Paged};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::idempotency;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_contracts))
        .routes(routes!(get_contract))
        .routes(routes!(add_milestone))
        .routes(routes!(edit_milestone, delete_milestone))
        .routes(routes!(pay))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Milestone {
    pub id: MilestoneId,
    pub position: u16,
    pub title: String,
    pub amount: Money,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
}

impl From<MilestoneRecord> for Milestone {
    fn from(m: MilestoneRecord) -> Self {
        Self {
            id: m.id,
            position: m.position,
            title: m.title,
            amount: m.amount,
            due_date: m.due_date,
            status: m.status,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Contract {
    pub id: ContractId,
    pub job_id: JobId,
    pub proposal_id: ProposalId,
    pub client_id: UserId,
    pub freelancer_id: UserId,
    pub title: String,
    pub payment_type: PaymentType,
    /// Fixed-price contracts: the agreed total.
    pub amount: Option<Money>,
    /// Hourly contracts: the agreed rate.
    pub hourly_rate: Option<Money>,
    /// Hourly contracts: most hours a week the freelancer may bill.
    pub weekly_limit_hours: Option<u16>,
    pub status: ContractStatus,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub milestones: Vec<Milestone>,
}

impl From<ContractRecord> for Contract {
    fn from(c: ContractRecord) -> Self {
        Self {
            id: c.id,
            job_id: c.job_id,
            proposal_id: c.proposal_id,
            client_id: c.client_id,
            freelancer_id: c.freelancer_id,
            title: c.title,
            payment_type: c.payment_type,
            amount: c.amount,
            hourly_rate: c.hourly_rate,
            weekly_limit_hours: c.weekly_limit_hours,
            status: c.status,
            started_at: c.started_at,
            ended_at: c.ended_at,
            milestones: c.milestones.into_iter().map(Into::into).collect(),
        }
    }
}

/// The caller's contracts, as client or freelancer, newest first.
#[utoipa::path(get, path = "/api/contracts", tag = "contracts", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paged<Contract>), (status = 401, body = ErrorBody)))]
async fn my_contracts(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paged<Contract>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.contracts.mine(auth.user.id, &page).await?.map(Into::into).into()))
}

/// One contract with its milestones, for its parties and admins.
#[utoipa::path(get, path = "/api/contracts/{id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")),
    responses((status = 200, body = Contract), (status = 404, body = ErrorBody)))]
async fn get_contract(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
) -> Result<Json<Contract>, AppError> {
    Ok(Json(state.services.contracts.get(&auth.user, id).await?.into()))
}

/// Add a milestone to an active fixed-price contract (either party); the
/// client funds it later.
#[utoipa::path(post, path = "/api/contracts/{id}/milestone", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")), request_body = MilestoneDraft,
    responses((status = 201, body = Milestone), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn add_milestone(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    ApiJson(body): ApiJson<MilestoneDraft>,
) -> Result<(StatusCode, Json<Milestone>), AppError> {
    let milestone = state.services.payments.add_milestone(auth.user.id, id, body).await?;
    Ok((StatusCode::CREATED, Json(milestone.into())))
}

/// Rewrite a milestone that is not funded yet (either party).
#[utoipa::path(put, path = "/api/contracts/{id}/milestones/{milestone_id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("milestone_id" = MilestoneId, Path, description = "milestone id")),
    request_body = MilestoneDraft,
    responses((status = 200, body = Milestone), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn edit_milestone(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, milestone_id)): ApiPath<(ContractId, MilestoneId)>,
    ApiJson(body): ApiJson<MilestoneDraft>,
) -> Result<Json<Milestone>, AppError> {
    Ok(Json(state.services.payments.edit_milestone(auth.user.id, id, milestone_id, body).await?.into()))
}

/// Remove a milestone that is not funded yet (either party).
#[utoipa::path(delete, path = "/api/contracts/{id}/milestones/{milestone_id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("milestone_id" = MilestoneId, Path, description = "milestone id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn delete_milestone(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, milestone_id)): ApiPath<(ContractId, MilestoneId)>,
) -> Result<StatusCode, AppError> {
    state.services.payments.delete_milestone(auth.user.id, id, milestone_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PaymentRequest {
    pub milestone_id: MilestoneId,
    pub action: PaymentAction,
}

/// Fund a milestone into escrow, or release it to the freelancer (the client only).
/// With an `Idempotency-Key` header, a repeat with the same key and body
/// answers as the first did (marked `Idempotent-Replayed: true`) and moves
/// nothing; the same key with another body is a 409.
#[utoipa::path(post, path = "/api/contracts/{id}/payment", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"),
        ("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = PaymentRequest,
    responses((status = 200, body = Milestone), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn pay(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PaymentRequest>,
) -> Result<Response, AppError> {
    let request = format!("POST /api/contracts/{id}/payment {} {}", body.milestone_id, body.action);
    let work = async {
        let milestone = state.services.payments.pay(auth.user.id, id, body.milestone_id, body.action).await?;
        Ok(Milestone::from(milestone))
    };
    idempotency::once(&state, &headers, auth.user.id, request, work).await
}
