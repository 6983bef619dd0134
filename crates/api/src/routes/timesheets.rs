//! `/api/contracts/{id}/time-entries` and `/weeks`: the time a freelancer
//! logs on an hourly contract and the weeks it was billed in.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use domain::hourly::{HourlyWeekStatus, TimeEntryInput, week_end, week_start};
use domain::{ContractId, InvoiceId, Money, TimeEntryId};
use serde::{Deserialize, Serialize};
use services::records::{HourlyWeekRecord, TimeEntryRecord};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(time_entries, log_time))
        .routes(routes!(edit_time, delete_time))
        .routes(routes!(weeks))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimeEntry {
    pub id: TimeEntryId,
    pub work_date: NaiveDate,
    pub minutes: u32,
    pub memo: String,
    /// Whether the entry's week is billed; billed time no longer changes.
    pub billed: bool,
    pub created_at: DateTime<Utc>,
}

impl From<TimeEntryRecord> for TimeEntry {
    fn from(e: TimeEntryRecord) -> Self {
        Self {
            id: e.id,
            work_date: e.work_date,
            minutes: e.minutes,
            memo: e.memo,
            billed: e.hourly_week_id.is_some(),
            created_at: e.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WeekQuery {
    /// Any day of the week to list (Monday to Sunday, UTC); this week when absent.
    pub week: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Timesheet {
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    pub entries: Vec<TimeEntry>,
    /// The week's logged minutes.
    pub total_minutes: u32,
    /// The contract's weekly limit, in hours.
    pub weekly_limit_hours: u16,
    /// Whether the week is billed; its entries no longer change.
    pub billed: bool,
}

/// A week of an hourly contract's time, for its parties and admins.
#[utoipa::path(get, path = "/api/contracts/{id}/time-entries", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), WeekQuery),
    responses((status = 200, body = Timesheet), (status = 404, body = ErrorBody)))]
async fn time_entries(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    ApiQuery(query): ApiQuery<WeekQuery>,
) -> Result<Json<Timesheet>, AppError> {
    let monday = week_start(query.week.unwrap_or_else(|| Utc::now().date_naive()));
    let sheet = state.services.payments.timesheet(&auth.user, id, monday).await?;
    Ok(Json(Timesheet {
        week_start: monday,
        week_end: week_end(monday),
        total_minutes: sheet.entries.iter().map(|e| e.minutes).sum(),
        entries: sheet.entries.into_iter().map(Into::into).collect(),
        weekly_limit_hours: sheet.weekly_limit_hours,
        billed: sheet.billed,
    }))
}

/// Log time on an active hourly contract (the freelancer only), within the
/// weekly limit, in a week not billed yet.
#[utoipa::path(post, path = "/api/contracts/{id}/time-entries", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")), request_body = TimeEntryInput,
    responses((status = 201, body = TimeEntry), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn log_time(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
    ApiJson(body): ApiJson<TimeEntryInput>,
) -> Result<(StatusCode, Json<TimeEntry>), AppError> {
    let entry = state.services.payments.log_time(auth.user.id, id, body).await?;
    Ok((StatusCode::CREATED, Json(entry.into())))
}

/// Correct an entry whose week is not billed yet (the freelancer only).
#[utoipa::path(put, path = "/api/contracts/{id}/time-entries/{entry_id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("entry_id" = TimeEntryId, Path, description = "entry id")),
    request_body = TimeEntryInput,
    responses((status = 200, body = TimeEntry), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn edit_time(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, entry_id)): ApiPath<(ContractId, TimeEntryId)>,
    ApiJson(body): ApiJson<TimeEntryInput>,
) -> Result<Json<TimeEntry>, AppError> {
    Ok(Json(state.services.payments.edit_time(auth.user.id, id, entry_id, body).await?.into()))
}

/// Remove an entry whose week is not billed yet (the freelancer only).
#[utoipa::path(delete, path = "/api/contracts/{id}/time-entries/{entry_id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id"), ("entry_id" = TimeEntryId, Path, description = "entry id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn delete_time(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath((id, entry_id)): ApiPath<(ContractId, TimeEntryId)>,
) -> Result<StatusCode, AppError> {
    state.services.payments.delete_time(auth.user.id, id, entry_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HourlyWeek {
    pub id: Uuid,
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    pub minutes: u32,
    /// What the week cost, before fees.
    pub amount: Money,
    /// What the freelancer is paid, after the service fee.
    pub freelancer_net: Money,
    pub status: HourlyWeekStatus,
    /// When the client's review period ends and the money becomes available.
    pub release_after: DateTime<Utc>,
    /// The week's invoice.
    pub invoice_id: Option<InvoiceId>,
}

impl From<(HourlyWeekRecord, Option<InvoiceId>)> for HourlyWeek {
    fn from((w, invoice_id): (HourlyWeekRecord, Option<InvoiceId>)) -> Self {
        Self {
            invoice_id,
            id: w.id,
            week_start: w.week_start,
            week_end: week_end(w.week_start),
            minutes: w.minutes,
            amount: w.amount,
            freelancer_net: w.freelancer_net,
            status: w.status,
            release_after: w.release_after,
        }
    }
}

/// The billed weeks of an hourly contract, newest first.
#[utoipa::path(get, path = "/api/contracts/{id}/weeks", tag = "contracts", security(("bearer" = [])),
    params(("id" = ContractId, Path, description = "contract id")),
    responses((status = 200, body = Vec<HourlyWeek>), (status = 404, body = ErrorBody)))]
async fn weeks(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<ContractId>,
) -> Result<Json<Vec<HourlyWeek>>, AppError> {
    let weeks = state.services.payments.hourly_weeks(&auth.user, id).await?;
    Ok(Json(weeks.into_iter().map(Into::into).collect()))
}
