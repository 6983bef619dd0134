//! The HTTP edge: routes, the auth extractor, the error shape and the OpenAPI
//! document. Handlers are thin: parse, call one service method, map the answer.

pub mod auth;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod middleware;
pub mod realtime;
pub mod routes;
pub mod state;

mod docs;
mod web;

use axum::Router;
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use docs::openapi;
pub use error::AppError;
pub use state::{AppState, CheckoutConfig, HttpConfig};

/// JSON bodies are small; uploads have their own, larger limit.
const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// The whole application: API, docs, operations endpoints and the web app.
pub fn app(state: AppState) -> Router {
    let (api, spec) = routes::all().split_for_parts();
    let web = web::service(state.config.web_dir.as_deref());
    let headers = middleware::security_headers(state.services.payments.provider_name());
    let cors = middleware::cors(&state.config.cors_origins);

    let mut router = api
        .merge(docs::router(spec))
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(middleware::record_metrics))
        .with_state(state)
        .fallback_service(web)
        .layer(axum::extract::DefaultBodyLimit::max(JSON_BODY_LIMIT));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    if let Some(cors) = cors {
        router = router.layer(cors);
    }
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(middleware::REQUEST_ID, MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req.headers().get(middleware::REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
            }))
            .layer(PropagateRequestIdLayer::new(middleware::REQUEST_ID))
            .layer(CatchPanicLayer::custom(|_| AppError::Internal("handler panicked".into()).into_response()))
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(30),
            )),
    )
}

async fn api_not_found() -> AppError {
    AppError::NotFound { code: "route_not_found", message: "no such API route".into() }
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
