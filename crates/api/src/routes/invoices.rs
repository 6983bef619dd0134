//! Invoices: `GET /api/jobs/{id}/invoice` for a job's invoices, and the
//! caller's invoices one by one. Each is served as JSON, HTML or PDF.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::invoice::Invoice;
use domain::pagination::PageRequest;
use domain::{ContractId, InvoiceId, JobId};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Paged;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(job_invoice)).routes(routes!(my_invoices)).routes(routes!(invoice))
}

#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Json,
    Html,
    Pdf,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceQuery {
    /// `json` (default), `html` or `pdf`.
    #[serde(default)]
    #[param(inline)]
    pub format: Format,
    /// Which of the job's invoices; the latest when absent.
    pub invoice_id: Option<InvoiceId>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `json` (default), `html` or `pdf`.
    #[serde(default)]
    #[param(inline)]
    pub format: Format,
}

/// An invoice of a job, for the contract's parties and admins: the one
/// named by `invoice_id`, else the latest.
#[utoipa::path(get, path = "/api/jobs/{id}/invoice", tag = "payments", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id"), InvoiceQuery),
    responses((status = 200, body = Invoice, description = "JSON; `text/html` or `application/pdf` by `format`"),
        (status = 404, body = ErrorBody)))]
async fn job_invoice(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(job): ApiPath<JobId>,
    ApiQuery(query): ApiQuery<InvoiceQuery>,
) -> Result<Response, AppError> {
    let invoices = state.services.payments.job_invoices(&auth.user, job).await?;
    let chosen = match query.invoice_id {
        Some(id) => invoices.into_iter().find(|i| i.id == id),
        None => invoices.into_iter().last(),
    };
    let invoice = chosen.ok_or_else(|| AppError::not_found("invoice_not_found", "invoice"))?;
    render(&invoice, query.format)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceListQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
    /// Only the invoices of this contract.
    pub contract_id: Option<ContractId>,
}

/// The caller's invoices, as client or freelancer, newest first.
#[utoipa::path(get, path = "/api/invoices", tag = "payments", security(("bearer" = [])), params(InvoiceListQuery),
    responses((status = 200, body = Paged<Invoice>), (status = 401, body = ErrorBody)))]
async fn my_invoices(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<InvoiceListQuery>,
) -> Result<Json<Paged<Invoice>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(state.services.payments.my_invoices(auth.user.id, query.contract_id, &page).await?.into()))
}

/// One invoice, for its parties and admins.
#[utoipa::path(get, path = "/api/invoices/{id}", tag = "payments", security(("bearer" = [])),
    params(("id" = InvoiceId, Path, description = "invoice id"), FormatQuery),
    responses((status = 200, body = Invoice, description = "JSON; `text/html` or `application/pdf` by `format`"),
        (status = 404, body = ErrorBody)))]
async fn invoice(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<InvoiceId>,
    ApiQuery(query): ApiQuery<FormatQuery>,
) -> Result<Response, AppError> {
    let invoice = state.services.payments.invoice(&auth.user, id).await?;
    render(&invoice, query.format)
}

fn render(invoice: &Invoice, format: Format) -> Result<Response, AppError> {
    let disposition = |ext: &str| format!("inline; filename=\"{}.{ext}\"", invoice.number);
    Ok(match format {
        Format::Json => Json(invoice).into_response(),
        Format::Html => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, disposition("html")),
            ],
            documents::invoice_html(invoice),
        )
            .into_response(),
        Format::Pdf => {
            let pdf = documents::invoice_pdf(invoice).map_err(|e| AppError::Internal(e.to_string()))?;
            (
                [
                    (header::CONTENT_TYPE, "application/pdf".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition("pdf")),
                ],
                pdf,
            )
                .into_response()
        }
    })
}
