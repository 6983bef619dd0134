//! `/api/admin/payments`: the books' transactions, every withdrawal, and
//! refunding a milestone's escrow to the client.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, Utc};
use domain::ledger::Movement;
use domain::pagination::PageRequest;
use domain::withdrawal::WithdrawalStatus;
use domain::{ContractId, MilestoneId, Money, UserId};
use serde::{Deserialize, Serialize};
use services::admin::{LedgerPosting, LedgerTransaction, TransactionFilter};
use services::records::WithdrawalRecord;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::AdminUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::idempotency;
use crate::routes::balance::Withdrawal;
use crate::routes::contracts::Milestone;
use crate::routes::{Paged, parse_label};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(admin_ledger_transactions))
        .routes(routes!(admin_payouts))
        .routes(routes!(admin_refund_milestone))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Posting {
    /// `available`, `pending`, `escrow`, `platform_revenue` or `provider_clearing`.
    pub account_kind: String,
    /// The user's or contract's id; the nil id for the platform's accounts.
    pub account_id: Uuid,
    /// Positive into the account, negative out of it.
    pub amount: Money,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LedgerEntry {
    pub id: Uuid,
    /// `fund`, `release`, `refund`, `withdraw`, `clear_pending` or `payout_returned`.
    #[schema(value_type = String)]
    pub kind: Movement,
    pub contract_id: Option<ContractId>,
    pub milestone_id: Option<MilestoneId>,
    /// The user whose money came in or went out through the provider.
    pub user_id: Option<UserId>,
    pub created_at: DateTime<Utc>,
    /// The postings, summing to zero per currency.
    pub postings: Vec<Posting>,
}

impl From<LedgerTransaction> for LedgerEntry {
    fn from(t: LedgerTransaction) -> Self {
        let posting = |p: LedgerPosting| Posting {
            account_kind: p.account_kind,
            account_id: p.account_id,
            amount: Money::new(p.amount, p.currency),
        };
        Self {
            id: t.id,
            kind: t.movement,
            contract_id: t.contract_id,
            milestone_id: t.milestone_id,
            user_id: t.user_id,
            created_at: t.created_at,
            postings: t.postings.into_iter().map(posting).collect(),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactionQuery {
    /// Transactions about this user or moving one of their balances.
    pub user: Option<UserId>,
    pub contract: Option<ContractId>,
    /// `fund`, `release`, `refund`, `withdraw`, `clear_pending` or `payout_returned`.
    pub kind: Option<String>,
    /// Booked at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Booked before this time.
    pub to: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// The ledger's transactions with their postings, newest first.
#[utoipa::path(get, path = "/api/admin/payments/transactions", tag = "admin", security(("bearer" = [])),
    params(TransactionQuery),
    responses((status = 200, body = Paged<LedgerEntry>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn admin_ledger_transactions(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<TransactionQuery>,
) -> Result<Json<Paged<LedgerEntry>>, AppError> {
    let movement = query.kind.as_deref().map(|k| parse_label::<Movement>("kind", k)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter =
        TransactionFilter { user: query.user, contract: query.contract, movement, from: query.from, to: query.to };
    Ok(Json(state.services.admin.ledger_transactions(&filter, &page).await?.map(LedgerEntry::from).into()))
}

/// A withdrawal, with whose it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct Payout {
    pub user_id: UserId,
    #[serde(flatten)]
    pub withdrawal: Withdrawal,
}

impl From<WithdrawalRecord> for Payout {
    fn from(w: WithdrawalRecord) -> Self {
        Self { user_id: w.user_id, withdrawal: w.into() }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PayoutQuery {
    /// `paid` or `failed`; every withdrawal when absent.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Every user's withdrawals, newest first.
#[utoipa::path(get, path = "/api/admin/payments/payouts", tag = "admin", security(("bearer" = [])),
    params(PayoutQuery),
    responses((status = 200, body = Paged<Payout>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn admin_payouts(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<PayoutQuery>,
) -> Result<Json<Paged<Payout>>, AppError> {
    let status = query.status.as_deref().map(|s| parse_label::<WithdrawalStatus>("status", s)).transpose()?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.admin.payouts(status, &page).await?.map(Payout::from).into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminRefundRequest {
    pub milestone_id: MilestoneId,
    pub reason: String,
}

/// Refund a funded, submitted or changes-requested milestone's escrow to the
/// client, with the client fee charged on it, as a freelancer's refund does;
/// both parties are told. A disputed milestone is decided through its
/// dispute (409 `milestone_disputed`). Takes an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/admin/payments/refunds", tag = "admin", security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = AdminRefundRequest,
    responses((status = 200, body = Milestone), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 503, body = ErrorBody, description = "the provider is unreachable")))]
async fn admin_refund_milestone(
    State(state): State<AppState>,
    AdminUser(admin): AdminUser,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AdminRefundRequest>,
) -> Result<Response, AppError> {
    let request = format!("POST /api/admin/payments/refunds {} {}", body.milestone_id, body.reason);
    let work = async {
        let refunded = state.services.admin.refund_milestone(admin.user.id, body.milestone_id, &body.reason).await?;
        Ok(Milestone::from(refunded))
    };
    idempotency::once(&state, &headers, admin.user.id, request, work).await
}
