//! `/api/admin`: for administrators only; everyone else gets 404 from the
//! [`AdminUser`](crate::auth::AdminUser) extractor every handler takes.

mod audit;
mod invites;
mod jobs;
mod payments;
mod settings;
mod trust;
mod users;

use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(users::router())
        .merge(settings::router())
        .merge(audit::router())
        .merge(trust::router())
        .merge(jobs::router())
        .merge(payments::router())
        .merge(invites::router())
}
