//! One module per resource; each returns an `OpenApiRouter` so that routes
//! and their OpenAPI description are registered together and cannot drift.

pub mod auth;
pub mod files;
pub mod health;
pub mod skills;
pub mod users;

use domain::pagination::Page;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

pub fn all() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(users::router())
        .merge(auth::router())
        .merge(files::router())
        .merge(skills::router())
        .merge(health::router())
}

/// A page of a list: pass `next_cursor` back as `?cursor=` for the next one.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Absent on the last page.
    pub next_cursor: Option<String>,
}

impl<T> From<Page<T>> for Paged<T> {
    fn from(page: Page<T>) -> Self {
        Self { items: page.items, next_cursor: page.next_cursor }
    }
}
