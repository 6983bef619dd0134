//! `/api/users/profile/views`: how many people looked at the caller's
//! profile, day by day, for the dashboard.

use axum::Json;
use axum::extract::State;
use chrono::{NaiveDate, Utc};
use domain::profile_view::DayViews;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(profile_views))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViewsQuery {
    /// First day (UTC), included; 29 days before `to` by default.
    pub from: Option<NaiveDate>,
    /// Last day (UTC), included; today by default. At most 366 days from `from`.
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DayViewCount {
    pub day: NaiveDate,
    /// Distinct viewers that day.
    pub views: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileViewSeries {
    /// Every day of the range, oldest first, zero where nobody looked.
    pub items: Vec<DayViewCount>,
    /// The sum over the range.
    pub total: u64,
}

/// Views of the caller's profile per UTC day: each logged-in viewer other
/// than the owner counts once a day, and each anonymous address once a day.
#[utoipa::path(get, path = "/api/users/profile/views", tag = "profiles", security(("bearer" = [])),
    params(ViewsQuery),
    responses((status = 200, body = ProfileViewSeries), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn profile_views(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<ViewsQuery>,
) -> Result<Json<ProfileViewSeries>, AppError> {
    let series = state.services.profile_views.series(auth.user.id, query.from, query.to, Utc::now()).await?;
    let total = series.iter().map(|d| d.views).sum();
    let items = series.into_iter().map(|DayViews { day, views }| DayViewCount { day, views }).collect();
    Ok(Json(ProfileViewSeries { items, total }))
}
