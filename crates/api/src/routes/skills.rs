//! `/api/skills`: the skills taxonomy.

use axum::Json;
use axum::extract::State;
use domain::SkillId;
use domain::pagination::PageRequest;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Paged;
use crate::error::{AppError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_skills)).routes(routes!(list_categories))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SkillQuery {
    /// Part of a skill's name, any case.
    pub q: Option<String>,
    pub category: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Skill {
    pub id: SkillId,
    pub slug: String,
    pub name: String,
    pub category: String,
}

/// Browse the skills taxonomy, ordered by slug.
#[utoipa::path(get, path = "/api/skills", tag = "profiles", params(SkillQuery),
    responses((status = 200, body = Paged<Skill>), (status = 400, body = ErrorBody)))]
async fn list_skills(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SkillQuery>,
) -> Result<Json<Paged<Skill>>, AppError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let skills = state.services.skills.list(query.q.as_deref(), query.category.as_deref(), &page).await?;
    Ok(Json(skills.map(|s| Skill { id: s.id, slug: s.slug, name: s.name, category: s.category }).into()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Category {
    /// What jobs name as their `category`.
    pub slug: String,
    pub name: String,
}

/// The categories jobs are filed under.
#[utoipa::path(get, path = "/api/categories", tag = "jobs", responses((status = 200, body = Vec<Category>)))]
async fn list_categories(State(state): State<AppState>) -> Result<Json<Vec<Category>>, AppError> {
    let categories = state.services.skills.categories().await?;
    Ok(Json(categories.into_iter().map(|c| Category { slug: c.slug, name: c.name }).collect()))
}
