//! `/api/contracts`: the contracts a hire creates, for their parties.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{ContractEnding, ContractStatus, MilestoneEventKind, MilestoneStatus, PaymentAction, WorkNote};
use domain::job::PaymentType;
use domain::pagination::PageRequest;
use domain::proposal::MilestoneDraft;
use domain::{ContractId, FileId, JobId, MilestoneId, Money, ProposalId, UserId};
use serde::{Deserialize, Serialize};
use services::records::{ContractRecord, MilestoneEvent, MilestoneRecord};
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
        .routes(routes!(submit_work))
        .routes(routes!(request_changes))
        .routes(routes!(end_contract))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Milestone {
    pub id: MilestoneId,
    pub position: u16,
    pub title: String,
    pub amount: Money,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    /// When the work was last handed in; unanswered, it is released after
    /// the platform's auto-release period (14 days by default).
    pub submitted_at: Option<DateTime<Utc>>,
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
            submitted_at: m.submitted_at,
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
    /// The party who asked to cancel, until the freelancer agrees.
    pub cancel_requested_by: Option<UserId>,
    pub milestones: Vec<Milestone>,
}

/// One entry of a milestone's history: a hand-in with its message and
/// files, a request for changes, a release or a refund.
#[derive(Debug, Serialize, ToSchema)]
pub struct MilestoneEventView {
    pub milestone_id: MilestoneId,
    /// Nobody when the platform acted on its own (an automatic release).
    pub author_id: Option<UserId>,
    pub kind: MilestoneEventKind,
    pub message: String,
    pub file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
}

impl From<MilestoneEvent> for MilestoneEventView {
    fn from(e: MilestoneEvent) -> Self {
        Self {
            milestone_id: e.milestone_id,
            author_id: e.author_id,
            kind: e.kind,
            message: e.message,
            file_ids: e.file_ids,
            created_at: e.created_at,
        }
    }
}

/// A contract with the history of its milestones.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractDetail {
    #[serde(flatten)]
    pub contract: Contract,
    /// Oldest first.
    pub history: Vec<MilestoneEventView>,
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
            cancel_requested_by: c.cancel_requested_by,
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

/// One contract with its milestones and their history, for its parties and admins.
#[utoipa::path(get, path = "/api/contracts/{id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")),
    responses((status = 200, body = ContractDetail), (status = 404, body = ErrorBody)))]
async fn get_contract(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
) -> Result<Json<ContractDetail>, AppError> {
    let contract = state.services.contracts.get(&auth.user, id).await?;
    let history = state.services.payments.milestone_history(&contract).await?;
    Ok(Json(ContractDetail { contract: contract.into(), history: history.into_iter().map(Into::into).collect() }))
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
    /// Funding through Stripe or PayPal: the payment method (`pm_...`) or
    /// the approved PayPal order the client chose in the browser.
    #[serde(default)]
    pub payment_source: Option<String>,
}

/// Move a milestone's money: the client funds it into escrow or approves
/// the work and releases it to the freelancer (which issues the invoice);
/// the freelancer refunds it to the client.
/// With an `Idempotency-Key` header, a repeat with the same key and body
/// answers as the first did (marked `Idempotent-Replayed: true`) and moves
/// nothing; the same key with another body is a 409.
#[utoipa::path(post, path = "/api/contracts/{id}/payment", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"),
        ("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = PaymentRequest,
    responses((status = 200, body = Milestone), (status = 402, body = ErrorBody, description = "the provider declined"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 503, body = ErrorBody, description = "the provider is unreachable")))]
async fn pay(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PaymentRequest>,
) -> Result<Response, AppError> {
    let source = body.payment_source.as_deref().unwrap_or_default();
    let request = format!("POST /api/contracts/{id}/payment {} {} {source}", body.milestone_id, body.action);
    let work = async {
        let payments = &state.services.payments;
        let milestone = payments.pay(auth.user.id, id, body.milestone_id, body.action, body.payment_source).await?;
        Ok(Milestone::from(milestone))
    };
    idempotency::once(&state, &headers, auth.user.id, request, work).await
}

/// Hand in a funded milestone's work with a message and files (the
/// freelancer only); the client reviews it.
#[utoipa::path(post, path = "/api/contracts/{id}/milestones/{milestone_id}/submit", tag = "contracts",
    security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("milestone_id" = MilestoneId, Path, description = "milestone id")),
    request_body = WorkNote,
    responses((status = 200, body = Milestone), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn submit_work(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, milestone_id)): ApiPath<(ContractId, MilestoneId)>,
    ApiJson(body): ApiJson<WorkNote>,
) -> Result<Json<Milestone>, AppError> {
    Ok(Json(state.services.payments.submit_work(auth.user.id, id, milestone_id, body).await?.into()))
}

/// Send submitted work back with what should change (the client only); the
/// money stays in escrow.
#[utoipa::path(post, path = "/api/contracts/{id}/milestones/{milestone_id}/request-changes", tag = "contracts",
    security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("milestone_id" = MilestoneId, Path, description = "milestone id")),
    request_body = WorkNote,
    responses((status = 200, body = Milestone), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn request_changes(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, milestone_id)): ApiPath<(ContractId, MilestoneId)>,
    ApiJson(body): ApiJson<WorkNote>,
) -> Result<Json<Milestone>, AppError> {
    Ok(Json(state.services.payments.request_changes(auth.user.id, id, milestone_id, body).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndRequest {
    pub ending: ContractEnding,
}

/// End a contract. `complete` (either party) needs every funded milestone
/// released or refunded first. `cancel` refunds the escrow by agreement: the
/// client's cancel asks the freelancer, the freelancer's takes effect at once.
#[utoipa::path(post, path = "/api/contracts/{id}/end", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"),
        ("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = EndRequest,
    responses((status = 200, body = Contract), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn end_contract(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<EndRequest>,
) -> Result<Response, AppError> {
    let request = format!("POST /api/contracts/{id}/end {}", body.ending);
    let work = async {
        let contract = state.services.payments.end_contract(auth.user.id, id, body.ending).await?;
        Ok(Contract::from(contract))
    };
    idempotency::once(&state, &headers, auth.user.id, request, work).await
}
