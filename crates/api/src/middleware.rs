//! Cross-cutting layers: request ids, tracing, metrics, security headers, CORS.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Records `http_requests_total` and `http_request_duration_seconds` by
/// method, route template (not raw path, to keep label sets small) and status.
pub async fn record_metrics(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().as_str().to_owned();
    let route =
        request.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let labels = [("method", method), ("route", route), ("status", response.status().as_u16().to_string())];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(start.elapsed().as_secs_f64());
    response
}

/// Headers every response carries. The CSP allows only our own scripts,
/// which is all the bundled web app and API docs need, plus the payment
/// provider's own card form or buttons when one is configured (`stripe`,
/// `paypal`): their scripts, frames and API hosts, and for PayPal's popup an
/// opener policy that lets it report back.
pub fn security_headers(provider: &str) -> Vec<(HeaderName, HeaderValue)> {
    let (scripts, frames, connect, images, opener) = match provider {
        "stripe" => (
            " https://js.stripe.com",
            " https://js.stripe.com https://hooks.stripe.com",
            " https://api.stripe.com",
            "",
            "same-origin",
        ),
        "paypal" => (
            " https://www.paypal.com https://www.sandbox.paypal.com",
            " https://www.paypal.com https://www.sandbox.paypal.com",
            " https://www.paypal.com https://www.sandbox.paypal.com",
            " https://www.paypalobjects.com",
            "same-origin-allow-popups",
        ),
        _ => ("", "", "", "", "same-origin"),
    };
    let policy = format!(
        "default-src 'self'; script-src 'self'{scripts}; frame-src 'self'{frames}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:{images}; connect-src 'self' ws: wss:{connect}; font-src 'self' data:; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    vec![
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin")),
        (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static(opener)),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("default-src 'self'")),
        ),
    ]
}

/// CORS for the configured origins; `None` keeps the API same-origin.
pub fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, HeaderName::from_static("idempotency-key")])
            .expose_headers([REQUEST_ID, header::RETRY_AFTER])
            .max_age(std::time::Duration::from_secs(600)),
    )
}
