use std::path::PathBuf;
use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use services::Services;

/// HTTP-only settings.
#[derive(Debug, Clone, Default)]
pub struct HttpConfig {
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Origins allowed to call the API from a browser; empty means same-origin only.
    pub cors_origins: Vec<String>,
    /// The built web app, served at `/` when present.
    pub web_dir: Option<PathBuf>,
    /// What the browser needs to collect a payment method for the provider.
    pub checkout: CheckoutConfig,
}

/// Public keys the browser uses with the provider's own widgets (Stripe
/// Elements, PayPal buttons); never secrets.
#[derive(Debug, Clone, Default)]
pub struct CheckoutConfig {
    pub stripe_publishable_key: Option<String>,
    pub paypal_client_id: Option<String>,
}

/// What every handler gets. Cloned for each request (axum's `State`), so
/// the services sit behind one `Arc`: cloning the services themselves, a
/// few dozen handles, was a measurable share of a cached profile read.
#[derive(Clone)]
pub struct AppState {
    pub services: Arc<Services>,
    pub config: Arc<HttpConfig>,
    pub metrics: PrometheusHandle,
}
