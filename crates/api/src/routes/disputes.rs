//! `/api/disputes`: a party contests money held for a milestone or an
//! hourly week. Only the contract's parties and admins see a dispute; to
//! anyone else it does not exist (404).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use domain::dispute::{
    DisputeEventKind, DisputeMessage, DisputeOutcome, DisputeReason, DisputeResponse, DisputeStatus, Disputed,
    NewDispute,
};
use domain::pagination::PageRequest;
use domain::{ContractId, DisputeEventId, DisputeId, FileId, MilestoneId, Money, UserId};
use serde::{Deserialize, Serialize};
use services::disputes::DisputeDetail;
use services::records::{DisputeEventRecord, DisputeRecord, ResolutionRecord};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::Paged;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_disputes, open_dispute))
        .routes(routes!(get_dispute))
        .routes(routes!(respond_to_dispute))
        .routes(routes!(post_dispute_message))
        .routes(routes!(withdraw_dispute))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dispute {
    pub id: DisputeId,
    pub contract_id: ContractId,
    /// The disputed milestone, or none for an hourly week.
    pub milestone_id: Option<MilestoneId>,
    /// The disputed hourly week, or none for a milestone.
    pub hourly_week_id: Option<Uuid>,
    pub client_id: UserId,
    pub freelancer_id: UserId,
    pub opened_by: UserId,
    pub reason: DisputeReason,
    pub description: String,
    pub status: DisputeStatus,
    /// What is held for the milestone or week; frozen while the dispute is open.
    pub amount: Money,
    /// When the other party's time to respond ends.
    pub respond_by: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    /// The admin's decision, once resolved.
    pub resolution: Option<DisputeResolution>,
    /// When it was withdrawn or resolved.
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Where an admin sent the money.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeResolution {
    pub outcome: DisputeOutcome,
    /// A split's part for the client.
    pub client_amount: Option<Money>,
    /// A split's part for the freelancer, before the service fee.
    pub freelancer_amount: Option<Money>,
    /// Rework: the milestone's new due date.
    pub due_date: Option<NaiveDate>,
    pub note: String,
    pub resolved_by: UserId,
}

impl From<ResolutionRecord> for DisputeResolution {
    fn from(r: ResolutionRecord) -> Self {
        Self {
            outcome: r.outcome,
            client_amount: r.client_amount,
            freelancer_amount: r.freelancer_amount,
            due_date: r.due_date,
            note: r.note,
            resolved_by: r.resolved_by,
        }
    }
}

impl From<DisputeRecord> for Dispute {
    fn from(d: DisputeRecord) -> Self {
        let (milestone_id, hourly_week_id) = match d.subject {
            Disputed::Milestone(id) => (Some(id), None),
            Disputed::HourlyWeek(id) => (None, Some(id)),
        };
        Self {
            id: d.id,
            contract_id: d.contract_id,
            milestone_id,
            hourly_week_id,
            client_id: d.client_id,
            freelancer_id: d.freelancer_id,
            opened_by: d.opened_by,
            reason: d.reason,
            description: d.description,
            status: d.status,
            amount: d.held,
            respond_by: d.respond_by,
            responded_at: d.responded_at,
            resolution: d.resolution.map(Into::into),
            closed_at: d.closed_at,
            created_at: d.created_at,
        }
    }
}

/// One entry of a dispute's timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeEntry {
    pub id: DisputeEventId,
    /// Nobody when the platform acted on its own.
    pub author_id: Option<UserId>,
    pub kind: DisputeEventKind,
    pub body: String,
    /// Evidence; `/api/files/{id}` opens for the parties and admins.
    pub file_ids: Vec<FileId>,
    pub created_at: DateTime<Utc>,
}

impl From<DisputeEventRecord> for DisputeEntry {
    fn from(e: DisputeEventRecord) -> Self {
        Self {
            id: e.id,
            author_id: e.author_id,
            kind: e.kind,
            body: e.body,
            file_ids: e.file_ids,
            created_at: e.created_at,
        }
    }
}

/// A dispute with its timeline, oldest entry first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeWithTimeline {
    #[serde(flatten)]
    pub dispute: Dispute,
    pub timeline: Vec<DisputeEntry>,
}

impl From<DisputeDetail> for DisputeWithTimeline {
    fn from(d: DisputeDetail) -> Self {
        Self { dispute: d.dispute.into(), timeline: d.timeline.into_iter().map(Into::into).collect() }
    }
}

/// Dispute a funded, submitted or changes-requested milestone, or a billed
/// hourly week still in its review period (either party of the contract).
/// The money freezes: nothing releases, refunds or pays it out until the
/// dispute is withdrawn or decided. One open dispute per milestone or week.
/// `reason` is one of `not_delivered`, `quality`, `scope`, `payment`, `other`.
#[utoipa::path(post, path = "/api/disputes", tag = "disputes", security(("bearer" = [])), request_body = NewDispute,
    responses((status = 201, body = DisputeWithTimeline), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not disputable now, or disputed already"),
        (status = 422, body = ErrorBody)))]
async fn open_dispute(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<NewDispute>,
) -> Result<(StatusCode, Json<DisputeWithTimeline>), AppError> {
    let opened = state.services.disputes.open(auth.user.id, body).await?;
    Ok((StatusCode::CREATED, Json(opened.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DisputeListQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
    /// Only the disputes of this contract.
    pub contract_id: Option<ContractId>,
}

/// The disputes the caller is a party of, newest first.
#[utoipa::path(get, path = "/api/disputes", tag = "disputes", security(("bearer" = [])), params(DisputeListQuery),
    responses((status = 200, body = Paged<Dispute>), (status = 401, body = ErrorBody)))]
async fn my_disputes(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<DisputeListQuery>,
) -> Result<Json<Paged<Dispute>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.disputes.mine(auth.user.id, query.contract_id, &page).await?;
    Ok(Json(found.map(Into::into).into()))
}

/// A dispute with its timeline, for its parties and admins.
#[utoipa::path(get, path = "/api/disputes/{id}", tag = "disputes", security(("bearer" = [])),
    params(("id" = DisputeId, Path, description = "dispute id")),
    responses((status = 200, body = DisputeWithTimeline), (status = 404, body = ErrorBody)))]
async fn get_dispute(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<DisputeId>,
) -> Result<Json<DisputeWithTimeline>, AppError> {
    Ok(Json(state.services.disputes.get(&auth.user, id).await?.into()))
}

/// The other party answers the dispute, once, before `respond_by`.
#[utoipa::path(post, path = "/api/disputes/{id}/respond", tag = "disputes", security(("bearer" = [])),
    params(("id" = DisputeId, Path, description = "dispute id")), request_body = DisputeResponse,
    responses((status = 200, body = DisputeWithTimeline), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn respond_to_dispute(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<DisputeId>,
    ApiJson(body): ApiJson<DisputeResponse>,
) -> Result<Json<DisputeWithTimeline>, AppError> {
    Ok(Json(state.services.disputes.respond(auth.user.id, id, body).await?.into()))
}

/// Write on an open dispute's timeline, with files (the parties and admins).
#[utoipa::path(post, path = "/api/disputes/{id}/messages", tag = "disputes", security(("bearer" = [])),
    params(("id" = DisputeId, Path, description = "dispute id")), request_body = DisputeMessage,
    responses((status = 201, body = DisputeEntry), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn post_dispute_message(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<DisputeId>,
    ApiJson(body): ApiJson<DisputeMessage>,
) -> Result<(StatusCode, Json<DisputeEntry>), AppError> {
    let entry = state.services.disputes.post_message(&auth.user, id, body).await?;
    Ok((StatusCode::CREATED, Json(entry.into())))
}

/// Take back an open dispute (the party who opened it): the milestone
/// returns to the state it had, an hourly week to its review.
#[utoipa::path(post, path = "/api/disputes/{id}/withdraw", tag = "disputes", security(("bearer" = [])),
    params(("id" = DisputeId, Path, description = "dispute id")),
    responses((status = 200, body = DisputeWithTimeline), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn withdraw_dispute(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<DisputeId>,
) -> Result<Json<DisputeWithTimeline>, AppError> {
    Ok(Json(state.services.disputes.withdraw(auth.user.id, id).await?.into()))
}
