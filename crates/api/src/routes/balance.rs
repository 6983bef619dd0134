//! `/api/balance`: what the caller holds with the marketplace.

use axum::Json;
use axum::extract::State;
use domain::Money;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(balance))
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
