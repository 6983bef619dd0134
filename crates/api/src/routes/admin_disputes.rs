//! `/api/admin/disputes`: the admins' queue of disputes and their
//! decisions. To anyone but an admin these routes do not exist: the
//! [`AdminUser`] extractor answers 404, so that they give nothing away.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::DisputeId;
use domain::dispute::{DisputeStatus, Resolution};
use domain::pagination::PageRequest;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Paged;
use super::disputes::{Dispute, DisputeWithTimeline};
use crate::auth::{AdminUser, AuthUser};
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::idempotency;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dispute_queue)).routes(routes!(resolve_dispute))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `open` (the default), `withdrawn`, `resolved`, or `all`.
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Disputes waiting for a decision (or in another state), oldest first (admins only).
#[utoipa::path(get, path = "/api/admin/disputes", tag = "admin", security(("bearer" = [])), params(QueueQuery),
    responses((status = 200, body = Paged<Dispute>), (status = 404, body = ErrorBody, description = "not an admin")))]
async fn dispute_queue(
    State(state): State<AppState>,
    AdminUser(AuthUser { user: admin, .. }): AdminUser,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<Paged<Dispute>>, AppError> {
    let status = match query.status.as_deref() {
        None => Some(DisputeStatus::Open),
        Some("all") => None,
        Some(value) => Some(super::parse_label::<DisputeStatus>("status", value)?),
    };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.disputes.queue(&admin, status, &page).await?.map(Into::into).into()))
}

/// Decide an open dispute (admins only): `refund` sends the money back to
/// the client with the client fee charged on it; `release` pays the
/// freelancer as a normal release, fees and invoice included; `split` gives
/// `client_amount` to the client and `freelancer_amount` to the freelancer,
/// which must add up exactly to the amount held (fees are charged on the
/// freelancer's part only); `rework` sends a milestone back to funded with a
/// new `due_date`, its escrow staying. A dispute is decided once: a second
/// decision gets 409 `dispute_resolved`. Takes an `Idempotency-Key`.
#[utoipa::path(post, path = "/api/admin/disputes/{id}/resolve", tag = "admin", security(("bearer" = [])),
    params(("id" = DisputeId, Path, description = "dispute id"),
        ("Idempotency-Key" = Option<String>, Header, description = "makes retries safe")),
    request_body = Resolution,
    responses((status = 200, body = DisputeWithTimeline), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "the provider is unreachable")))]
async fn resolve_dispute(
    State(state): State<AppState>,
    AdminUser(AuthUser { user: admin, .. }): AdminUser,
    ApiPath(id): ApiPath<DisputeId>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Resolution>,
) -> Result<Response, AppError> {
    let request = format!("POST /api/admin/disputes/{id}/resolve {body:?}");
    let work = async {
        let resolved = state.services.disputes.resolve(&admin, id, body).await?;
        Ok(DisputeWithTimeline::from(resolved))
    };
    idempotency::once(&state, &headers, admin.id, request, work).await
}
