//! `/api/dashboard` (the caller's figures) and `/api/admin/metrics` (the
//! platform's), computed from the tables and the ledger when asked.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::level::FreelancerLevel;
use domain::{JobId, Money};
use serde::{Deserialize, Serialize};
use services::dashboard::{ClientFigures, FreelancerFigures, PlatformFigures};
use services::metrics::Range;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::balance::{BalanceView, Month};
use super::profile_views::DayViewCount;
use crate::auth::{AdminUser, AuthUser};
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard)).routes(routes!(admin_metrics))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerDashboard {
    pub active_contracts: u64,
    /// Proposals per status: `submitted`, `shortlisted`, `hired`, ...
    pub proposals_by_status: BTreeMap<String, u64>,
    /// Earned per month, the last twelve (after service fees).
    pub earnings_by_month: Vec<Month>,
    pub balance: BalanceView,
    /// Profile views per day, the last thirty.
    pub profile_views: Vec<DayViewCount>,
    /// Completed contracts out of all ended ones, 0 to 100; absent before the first ends.
    pub job_success_score: Option<u8>,
    pub level: Option<FreelancerLevel>,
}

impl From<FreelancerFigures> for FreelancerDashboard {
    fn from(f: FreelancerFigures) -> Self {
        Self {
            active_contracts: f.active_contracts,
            proposals_by_status: f.proposals_by_status,
            earnings_by_month: f.months.into_iter().map(Month::from).collect(),
            balance: BalanceView { available: f.balance.available, pending: f.balance.pending },
            profile_views: f.profile_views.into_iter().map(|d| DayViewCount { day: d.day, views: d.views }).collect(),
            job_success_score: f.job_success_score,
            level: f.level,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenJobCount {
    pub id: JobId,
    pub title: String,
    pub proposals: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClientDashboard {
    /// Open jobs, newest first (up to twenty), with their proposal counts.
    pub open_jobs: Vec<OpenJobCount>,
    /// How many jobs are open, also those past the twenty listed.
    pub open_jobs_total: u64,
    pub active_contracts: u64,
    /// Spent per month, the last twelve (fees included, less refunds).
    pub spending_by_month: Vec<Month>,
    pub freelancers_hired: u64,
}

impl From<ClientFigures> for ClientDashboard {
    fn from(c: ClientFigures) -> Self {
        Self {
            open_jobs: c
                .open_jobs
                .into_iter()
                .map(|(id, title, proposals)| OpenJobCount { id, title, proposals })
                .collect(),
            open_jobs_total: c.open_jobs_total,
            active_contracts: c.active_contracts,
            spending_by_month: c.months.into_iter().map(Month::from).collect(),
            freelancers_hired: c.freelancers_hired,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardView {
    /// For users with a freelancer profile.
    pub freelancer: Option<FreelancerDashboard>,
    /// For users with a client profile.
    pub client: Option<ClientDashboard>,
}

/// The caller's own figures: as a freelancer, as a client, or both.
#[utoipa::path(get, path = "/api/dashboard", tag = "dashboards", security(("bearer" = [])),
    responses((status = 200, body = DashboardView), (status = 401, body = ErrorBody)))]
async fn dashboard(State(state): State<AppState>, auth: AuthUser) -> Result<Json<DashboardView>, AppError> {
    let now = Utc::now();
    let board = &state.services.dashboard;
    let freelancer = match auth.user.is_freelancer {
        true => Some(board.freelancer(auth.user.id, now).await?.into()),
        false => None,
    };
    let client = match auth.user.is_client {
        true => Some(board.client(auth.user.id, now).await?.into()),
        false => None,
    };
    Ok(Json(DashboardView { freelancer, client }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MetricsQuery {
    /// Start of the range (included); thirty days before `to` when absent.
    pub from: Option<DateTime<Utc>>,
    /// End of the range (excluded); now when absent. At most 366 days after `from`.
    pub to: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignupDay {
    pub day: NaiveDate,
    pub freelancers: u64,
    pub clients: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UsersByRole {
    pub freelancers: u64,
    pub clients: u64,
    pub admins: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformMetrics {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Sign-ups per day in the range, by role.
    pub signups: Vec<SignupDay>,
    /// Every user now, by role (a user may hold several).
    pub users_by_role: UsersByRole,
    pub jobs_posted: u64,
    pub contracts_started: u64,
    /// Gross merchandise volume: what clients were charged to fund work in the range, fees included.
    pub gross_merchandise_volume: Vec<Money>,
    /// Fees the platform kept from movements in the range, net of refunded fees.
    pub platform_revenue: Vec<Money>,
    /// Client money held in escrow now.
    pub escrow_held: Vec<Money>,
    /// Sockets connected now, on every instance.
    pub active_sockets: u64,
    pub disputes: DisputeFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeFigures {
    /// Waiting for a decision now.
    pub open: u64,
    /// Opened in the range.
    pub opened: u64,
    /// Median seconds from opening to an admin's decision, over the disputes
    /// decided in the range; absent when none was.
    pub median_seconds_to_resolve: Option<i64>,
}

impl From<PlatformFigures> for PlatformMetrics {
    fn from(p: PlatformFigures) -> Self {
        let (freelancers, clients, admins) = p.users_by_role;
        Self {
            from: p.range.from,
            to: p.range.to,
            signups: p
                .signups
                .into_iter()
                .map(|(day, freelancers, clients)| SignupDay { day, freelancers, clients })
                .collect(),
            users_by_role: UsersByRole { freelancers, clients, admins },
            jobs_posted: p.jobs_posted,
            contracts_started: p.contracts_started,
            gross_merchandise_volume: p.gross_volume,
            platform_revenue: p.platform_revenue,
            escrow_held: p.escrow_held,
            active_sockets: p.active_sockets,
            disputes: DisputeFigures {
                open: p.disputes_open,
                opened: p.disputes_opened,
                median_seconds_to_resolve: p.median_resolution_seconds,
            },
        }
    }
}

/// The platform's figures over a date range.
#[utoipa::path(get, path = "/api/admin/metrics", tag = "admin", security(("bearer" = [])),
    params(MetricsQuery),
    responses((status = 200, body = PlatformMetrics), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn admin_metrics(
    State(state): State<AppState>,
    _admin: AdminUser,
    ApiQuery(query): ApiQuery<MetricsQuery>,
) -> Result<Json<PlatformMetrics>, AppError> {
    let to = query.to.unwrap_or_else(Utc::now);
    let from = query.from.unwrap_or(to - Duration::days(30));
    Ok(Json(state.services.dashboard.platform(Range { from, to }).await?.into()))
}
