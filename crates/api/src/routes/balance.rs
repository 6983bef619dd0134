//! `/api/balance`: what the caller holds with the marketplace, where it came
//! from, and taking it out.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use domain::ledger::Movement;
use domain::pagination::PageRequest;
use domain::withdrawal::WithdrawalStatus;
use domain::{ContractId, MilestoneId, Money, WithdrawalId};
use serde::{Deserialize, Serialize};
use services::payments::MonthFigures;
use services::records::{UserEntry, WithdrawalRecord};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{PageQuery, Paged};
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::idempotency;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(balance))
        .routes(routes!(withdraw, withdrawals))
        .routes(routes!(payout_destination, current_payout_destination))
        .routes(routes!(transactions))
        .routes(routes!(monthly))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceView {
    /// Money the caller may withdraw, one entry per currency held.
    pub available: Vec<Money>,
    /// Earnings still in a review period, one entry per currency.
    pub pending: Vec<Money>,
}

/// The caller's available and pending balances, per currency, from the ledger.
#[utoipa::path(get, path = "/api/balance", tag = "payments", security(("bearer" = [])),
    responses((status = 200, body = BalanceView), (status = 401, body = ErrorBody)))]
async fn balance(State(state): State<AppState>, auth: AuthUser) -> Result<Json<BalanceView>, AppError> {
    let balance = state.services.balances.of(auth.user.id).await?;
    Ok(Json(BalanceView { available: balance.available, pending: balance.pending }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    /// At least 5.00 and at most the available balance in its currency.
    pub amount: Money,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Withdrawal {
    pub id: WithdrawalId,
    pub amount: Money,
    pub status: WithdrawalStatus,
    /// `sandbox`, `stripe` or `paypal`.
    pub provider: String,
    pub destination: Option<String>,
    /// The provider's id of the payout.
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<WithdrawalRecord> for Withdrawal {
    fn from(w: WithdrawalRecord) -> Self {
        Self {
            id: w.id,
            amount: w.amount,
            status: w.status,
            provider: w.provider,
            destination: w.destination,
            reference: w.reference,
            created_at: w.created_at,
        }
    }
}

/// Withdraw available money to the caller's payout destination at the
/// provider. With an `Idempotency-Key`, a repeat answers as the first did
/// and pays nothing more.
#[utoipa::path(post, path = "/api/balance/withdrawals", tag = "payments", security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = WithdrawRequest,
    responses((status = 200, body = Withdrawal), (status = 402, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn withdraw(
    State(state): State<AppState>,
    auth: AuthUser,
    headers: HeaderMap,
    ApiJson(body): ApiJson<WithdrawRequest>,
) -> Result<Response, AppError> {
    let request = format!("POST /api/balance/withdrawals {} {}", body.amount.amount, body.amount.currency);
    let work = async { Ok(Withdrawal::from(state.services.payments.withdraw(auth.user.id, body.amount).await?)) };
    idempotency::once(&state, &headers, auth.user.id, request, work).await
}

/// The caller's withdrawals, newest first.
#[utoipa::path(get, path = "/api/balance/withdrawals", tag = "payments", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paged<Withdrawal>), (status = 401, body = ErrorBody)))]
async fn withdrawals(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paged<Withdrawal>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.payments.my_withdrawals(auth.user.id, &page).await?.map(Into::into).into()))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PayoutDestination {
    /// A Stripe connected account (`acct_...`) or a PayPal e-mail address,
    /// for the provider the marketplace runs on.
    pub destination: String,
}

/// Where the caller's withdrawals go at the marketplace's provider, if set.
#[utoipa::path(get, path = "/api/balance/payout-destination", tag = "payments", security(("bearer" = [])),
    responses((status = 200, body = PayoutDestination), (status = 404, body = ErrorBody)))]
async fn current_payout_destination(
    State(state): State<AppState>,
    auth: AuthUser,
) -> Result<Json<PayoutDestination>, AppError> {
    let destination = state.services.payments.payout_destination(auth.user.id).await?;
    let destination =
        destination.ok_or_else(|| AppError::not_found("payout_destination_not_found", "payout destination"))?;
    Ok(Json(PayoutDestination { destination }))
}

/// Set where the caller's withdrawals go.
#[utoipa::path(put, path = "/api/balance/payout-destination", tag = "payments", security(("bearer" = [])),
    request_body = PayoutDestination,
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn payout_destination(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<PayoutDestination>,
) -> Result<StatusCode, AppError> {
    state.services.payments.set_payout_destination(auth.user.id, &body.destination).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Transaction {
    /// The ledger transaction.
    pub id: Uuid,
    pub movement: Movement,
    pub contract_id: Option<ContractId>,
    /// The milestone it paid for; none for an hourly week (which has a
    /// contract), a withdrawal or a returned payout.
    pub milestone_id: Option<MilestoneId>,
    /// `available` or `pending` (the caller's balances), or `payment` (what
    /// the caller paid, or got back, through the provider as a client).
    pub account: String,
    /// Into the account when positive, out of it when negative.
    pub amount: Money,
    pub created_at: DateTime<Utc>,
}

impl From<UserEntry> for Transaction {
    fn from(e: UserEntry) -> Self {
        Self {
            id: e.transaction_id,
            movement: e.movement,
            contract_id: e.contract_id,
            milestone_id: e.milestone_id,
            account: e.account.to_owned(),
            amount: e.amount,
            created_at: e.created_at,
        }
    }
}

/// The caller's money history from the ledger, newest first.
#[utoipa::path(get, path = "/api/balance/transactions", tag = "payments", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paged<Transaction>), (status = 401, body = ErrorBody)))]
async fn transactions(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paged<Transaction>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.payments.transactions(auth.user.id, &page).await?.map(Into::into).into()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthlyQuery {
    /// First month (any day in it), e.g. `2026-01-01`.
    pub from: NaiveDate,
    /// Last month, included; at most 36 months after `from`.
    pub to: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Month {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Paid to the caller as a freelancer, after service fees, per currency.
    pub earned: Vec<Money>,
    /// Paid by the caller as a client, fees included, less refunds, per currency.
    pub spent: Vec<Money>,
}

impl From<MonthFigures> for Month {
    fn from(m: MonthFigures) -> Self {
        Self { month: m.month, earned: m.earned, spent: m.spent }
    }
}

/// Earnings and spending per month, from the ledger; every month in the
/// range is listed.
#[utoipa::path(get, path = "/api/balance/monthly", tag = "payments", security(("bearer" = [])), params(MonthlyQuery),
    responses((status = 200, body = Vec<Month>), (status = 422, body = ErrorBody)))]
async fn monthly(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<MonthlyQuery>,
) -> Result<Json<Vec<Month>>, AppError> {
    let months = state.services.payments.monthly(auth.user.id, query.from, query.to).await?;
    Ok(Json(months.into_iter().map(Into::into).collect()))
}
