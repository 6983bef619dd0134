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
}

#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<HttpConfig>,
    pub metrics: PrometheusHandle,
}
