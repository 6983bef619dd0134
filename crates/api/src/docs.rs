//! The OpenAPI 3.1 document and the Swagger UI that browses it. The UI's
//! assets are compiled into the binary, so the docs work with no internet.

use axum::Router;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::routes;
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Downwork API",
        description = "The freelancing marketplace's HTTP API. Errors share one shape: \
            `{\"error\": {\"code\", \"message\", \"fields\"}}`. Lists take `limit` and `cursor`.",
        license(name = "AGPL-3.0-only"),
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "accounts", description = "Sign-up, login, sessions, e-mail verification, password reset"),
        (name = "profiles", description = "Freelancer and client profiles, skills"),
        (name = "files", description = "Uploads and downloads"),
        (name = "chats", description = "Direct messages. Live over Socket.io at `/socket.io/` with `auth: {token}`: \
            `message:send`, `sync`, `message:read`, `typing`; pushes `message:new`, `message:updated`, \
            `message:read`, `typing`, `notification:new`"),
        (name = "friends", description = "Friendships, blocks, recommendations of freelancers and jobs shared between friends"),
        (name = "dashboards", description = "Each user's own figures, from the tables and the ledger"),
        (name = "trust", description = "Reporting abuse to the admins"),
        (name = "admin", description = "Administrators only; everyone else is answered 404"),
        (name = "operations", description = "Health, readiness, metrics"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// The full document, as served at `/api/openapi.json` and committed as `openapi.json`.
pub fn openapi() -> OpenApiDoc {
    let (_, spec) = routes::all().split_for_parts();
    let mut doc = ApiDoc::openapi();
    doc.merge(spec);
    doc
}

pub fn router(spec: OpenApiDoc) -> Router<AppState> {
    let mut doc = ApiDoc::openapi();
    doc.merge(spec);
    SwaggerUi::new("/api/docs").url("/api/openapi.json", doc).into()
}
