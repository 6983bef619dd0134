//! One module per resource; each returns an `OpenApiRouter` so that routes
//! and their OpenAPI description are registered together and cannot drift.

pub mod admin;
pub mod admin_disputes;
pub mod auth;
pub mod balance;
pub mod chats;
pub mod contracts;
pub mod dashboard;
pub mod disputes;
pub mod files;
pub mod freelancers;
pub mod friends;
pub mod health;
pub mod invitations;
pub mod invites;
pub mod invoices;
pub mod job_board;
pub mod jobs;
pub mod notification_settings;
pub mod notifications;
pub mod profile_views;
pub mod proposals;
pub mod recommendations;
pub mod reports;
pub mod reviews;
pub mod shares;
pub mod skills;
pub mod suggestions;
pub mod timesheets;
pub mod users;
pub mod webhooks;

use domain::labels::Labelled;
use domain::pagination::Page;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;

use crate::error::AppError;
use crate::state::AppState;

pub fn all() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(users::router())
        .merge(auth::router())
        .merge(files::router())
        .merge(skills::router())
        .merge(jobs::router())
        .merge(freelancers::router())
        .merge(proposals::router())
        .merge(invitations::router())
        .merge(invites::router())
        .merge(contracts::router())
        .merge(timesheets::router())
        .merge(balance::router())
        .merge(invoices::router())
        .merge(webhooks::router())
        .merge(notifications::router())
        .merge(chats::router())
        .merge(friends::router())
        .merge(recommendations::router())
        .merge(shares::router())
        .merge(suggestions::router())
        .merge(admin::router())
        .merge(dashboard::router())
        .merge(reports::router())
        .merge(notification_settings::router())
        .merge(reviews::router())
        .merge(profile_views::router())
        .merge(disputes::router())
        .merge(admin_disputes::router())
        .merge(health::router())
}

/// Who someone is, as lists of people show them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserCard {
    pub id: domain::UserId,
    pub name: String,
    /// `/api/files/{id}` of the avatar, if any.
    pub avatar_url: Option<String>,
}

impl From<services::records::UserRecord> for UserCard {
    fn from(user: services::records::UserRecord) -> Self {
        Self { id: user.id, avatar_url: user.avatar_file_id.map(|id| format!("/api/files/{id}")), name: user.name }
    }
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

/// `?limit=&cursor=` alone.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Reads a labelled query value (`status=open`), naming the choices when it is none of them.
pub fn parse_label<T: Labelled>(field: &str, value: &str) -> Result<T, AppError> {
    T::from_label(value).ok_or_else(|| {
        let choices: Vec<&str> = T::all().iter().map(|v| v.label()).collect();
        AppError::malformed("invalid_query", format!("{field}: must be one of {}", choices.join(", ")))
    })
}
