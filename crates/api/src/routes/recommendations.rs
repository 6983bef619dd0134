//! `/api/recommendations`: friends recommending freelancers to each other.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{RecommendationId, UserId};
use serde::{Deserialize, Serialize};
use services::social::Recommendation as Found;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::UserCard;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(recommend_freelancer, list_recommendations))
        .routes(routes!(recommendation_stats))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Recommendation {
    pub id: RecommendationId,
    pub from: UserCard,
    pub to: UserCard,
    pub freelancer: UserCard,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl From<Found> for Recommendation {
    fn from(r: Found) -> Self {
        Self {
            id: r.record.id,
            from: r.from.into(),
            to: r.to.into(),
            freelancer: r.freelancer.into(),
            note: r.record.note,
            created_at: r.record.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendRequest {
    /// A friend of the caller.
    pub to_user_id: UserId,
    pub freelancer_id: UserId,
    #[serde(default)]
    pub note: String,
}

/// Recommend a freelancer to a friend.
#[utoipa::path(post, path = "/api/recommendations", tag = "friends", security(("bearer" = [])),
    request_body = RecommendRequest,
    responses((status = 201, body = Recommendation), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn recommend_freelancer(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiJson(body): ApiJson<RecommendRequest>,
) -> Result<(StatusCode, Json<Recommendation>), AppError> {
    let made = state.services.social.recommend(auth.user.id, body.to_user_id, body.freelancer_id, &body.note).await?;
    Ok((StatusCode::CREATED, Json(made.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecommendationsQuery {
    /// `received` (default) or `sent`.
    pub direction: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationPage {
    pub items: Vec<Recommendation>,
    pub next_cursor: Option<String>,
}

/// Recommendations the caller received or sent, newest first.
#[utoipa::path(get, path = "/api/recommendations", tag = "friends", security(("bearer" = [])),
    params(RecommendationsQuery),
    responses((status = 200, body = RecommendationPage), (status = 400, body = ErrorBody)))]
async fn list_recommendations(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiQuery(query): ApiQuery<RecommendationsQuery>,
) -> Result<Json<RecommendationPage>, AppError> {
    let received = match query.direction.as_deref() {
        None | Some("received") => true,
        Some("sent") => false,
        Some(_) => return Err(AppError::malformed("invalid_query", "direction must be received or sent")),
    };
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let found = state.services.social.recommendations(auth.user.id, received, &page).await?;
    let Page { items, next_cursor } = found.map(Recommendation::from);
    Ok(Json(RecommendationPage { items, next_cursor }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationStats {
    /// How often friends recommended the caller as a freelancer.
    pub times_recommended: u64,
}

/// How often the caller was recommended as a freelancer.
#[utoipa::path(get, path = "/api/recommendations/stats", tag = "friends", security(("bearer" = [])),
    responses((status = 200, body = RecommendationStats), (status = 401, body = ErrorBody)))]
async fn recommendation_stats(
    State(state): State<AppState>,
    auth: AuthUser,
) -> Result<Json<RecommendationStats>, AppError> {
    let times_recommended = state.services.social.times_recommended(auth.user.id).await?;
    Ok(Json(RecommendationStats { times_recommended }))
}
