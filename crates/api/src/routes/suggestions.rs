//! `/api/jobs/{id}/suggested-freelancers`: whom a client might invite.

use axum::Json;
use axum::extract::State;
use domain::JobId;
use domain::matching::Connection;
use serde::{Deserialize, Serialize};
use services::jobs::Suggested;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::UserCard;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(suggested_freelancers))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestedFreelancer {
    pub freelancer: UserCard,
    pub headline: String,
    /// The fit, 0 to 1: the weighted sum of the signals below.
    pub score: f64,
    /// Share of the job's skills the freelancer has, 0 to 1.
    pub skill_overlap: f64,
    /// How close the freelancer's words and past work are to the job's (BM25), 0 to 1.
    pub text_similarity: f64,
    /// Rating shrunk towards the middle for few reviews, 0 to 1.
    pub rating: f64,
    /// `friend`, `friend_of_friend`, or absent.
    pub connection: Option<String>,
}

impl From<Suggested> for SuggestedFreelancer {
    fn from(s: Suggested) -> Self {
        let connection = match s.signals.connection {
            Connection::Friend => Some("friend".to_owned()),
            Connection::FriendOfFriend => Some("friend_of_friend".to_owned()),
            Connection::None => None,
        };
        Self {
            freelancer: s.user.into(),
            headline: s.headline,
            score: s.score,
            skill_overlap: s.signals.skill_overlap,
            text_similarity: s.signals.text,
            rating: s.signals.rating(),
            connection,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestedQuery {
    /// At most 50; 10 when absent.
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestedFreelancers {
    pub items: Vec<SuggestedFreelancer>,
}

/// Freelancers who fit the caller's job best: skills, how close their words
/// and past work are to the job's text, rating, and friends or friends of
/// friends of the client. Those who already proposed are left out. The job's
/// owner only.
#[utoipa::path(get, path = "/api/jobs/{id}/suggested-freelancers", tag = "jobs", security(("bearer" = [])),
    params(("id" = JobId, Path, description = "job id"), SuggestedQuery),
    responses((status = 200, body = SuggestedFreelancers), (status = 404, body = ErrorBody)))]
async fn suggested_freelancers(
    State(state): State<AppState>,
    auth: AuthUser,
    ApiPath(id): ApiPath<JobId>,
    ApiQuery(query): ApiQuery<SuggestedQuery>,
) -> Result<Json<SuggestedFreelancers>, AppError> {
    let found = state.services.jobs.suggested_freelancers(auth.user.id, id, query.limit.unwrap_or(10)).await?;
    Ok(Json(SuggestedFreelancers { items: found.into_iter().map(SuggestedFreelancer::from).collect() }))
}
