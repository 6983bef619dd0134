//! Configuration: built-in defaults, then `downwork.toml`, then the
//! environment (`DOWNWORK_*`, plus the conventional `DATABASE_URL`,
//! `REDIS_URL`, `STORAGE_URL`, `SMTP_URL`). Secrets are `SecretString`s, which
//! print as `[REDACTED]` in logs and `Debug` output.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use base64::Engine as _;
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `DOWNWORK_ADDR`: where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// `DOWNWORK_DATA_DIR`: SQLite file, uploaded files, outbox, generated secrets.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`: PostgreSQL or MySQL/MariaDB; SQLite under the data dir when unset.
    pub database_url: Option<SecretString>,
    pub database_max_connections: u32,
    /// `STORAGE_URL`: `s3://bucket` for S3-compatible storage; local disk when unset.
    pub storage_url: Option<String>,
    /// `REDIS_URL`: links the socket servers of several instances; in-process when unset.
    pub redis_url: Option<SecretString>,
    /// `DOWNWORK_JWT_SECRET`; generated and kept under the data dir when unset.
    pub jwt_secret: Option<SecretString>,
    /// Base URL of the site, for links in e-mails.
    pub public_url: String,
    pub mail_from: String,
    /// `SMTP_URL`: `smtp://user:pass@host:port` or `smtps://...`; the outbox
    /// directory when unset.
    pub smtp_url: Option<SecretString>,
    /// `DOWNWORK_UNSUBSCRIBE_SECRET` signs the unsubscribe links in e-mails;
    /// generated and kept under the data dir when unset.
    pub unsubscribe_secret: Option<SecretString>,
    /// The built web app.
    pub web_dir: PathBuf,
    pub cors_origins: Vec<String>,
    pub trust_forwarded_for: bool,
    /// `pretty` for people, `json` for log collectors.
    pub log_format: String,
    pub login: LoginConfig,
    /// `DOWNWORK_WORKER`: run the background sweeps inside `serve` (default);
    /// turn off where `downwork worker` runs them instead.
    pub worker: bool,
    pub payments: PaymentsConfig,
    /// `DOWNWORK_SUGGESTION_CACHE_SECONDS`: how long each user's friend
    /// suggestions are kept (default 60; 0 computes them on every request).
    pub suggestion_cache_seconds: u64,
}

/// `DOWNWORK_PAYMENTS__*`: where money goes in and out.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct PaymentsConfig {
    /// `sandbox` (default: no network, every call succeeds), `stripe` or `paypal`.
    pub provider: String,
    pub stripe_api_base: String,
    pub stripe_secret_key: Option<SecretString>,
    /// The `pk_...` key the browser uses with Stripe Elements.
    pub stripe_publishable_key: Option<String>,
    /// The `whsec_...` secret of the `/api/webhooks/stripe` endpoint.
    pub stripe_webhook_secret: Option<SecretString>,
    pub paypal_api_base: String,
    pub paypal_client_id: Option<String>,
    pub paypal_client_secret: Option<SecretString>,
    /// The id of the `/api/webhooks/paypal` subscription at PayPal.
    pub paypal_webhook_id: Option<String>,
}

impl Default for PaymentsConfig {
    fn default() -> Self {
        Self {
            provider: "sandbox".to_owned(),
            stripe_api_base: adapters::payments::StripeConfig::DEFAULT_API_BASE.to_owned(),
            stripe_secret_key: None,
            stripe_publishable_key: None,
            stripe_webhook_secret: None,
            paypal_api_base: adapters::payments::PaypalConfig::DEFAULT_API_BASE.to_owned(),
            paypal_client_id: None,
            paypal_client_secret: None,
            paypal_webhook_id: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LoginConfig {
    pub account_burst: u32,
    pub account_refill_seconds: u64,
    pub address_burst: u32,
    pub address_refill_millis: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            database_max_connections: 20,
            storage_url: None,
            redis_url: None,
            jwt_secret: None,
            public_url: "http://127.0.0.1:8080".to_owned(),
            mail_from: "Downwork <no-reply@downwork.local>".to_owned(),
            smtp_url: None,
            unsubscribe_secret: None,
            web_dir: PathBuf::from("web/dist"),
            cors_origins: Vec::new(),
            trust_forwarded_for: false,
            log_format: "pretty".to_owned(),
            login: LoginConfig::default(),
            worker: true,
            suggestion_cache_seconds: 60,
            payments: PaymentsConfig::default(),
        }
    }
}

impl Default for LoginConfig {
    fn default() -> Self {
        let defaults = services::rate_limit::LoginLimits::default();
        Self {
            account_burst: defaults.per_account.burst,
            account_refill_seconds: defaults.per_account.refill_every.as_secs(),
            address_burst: defaults.per_address.burst,
            address_refill_millis: u64::try_from(defaults.per_address.refill_every.as_millis()).unwrap_or(1_000),
        }
    }
}

impl Config {
    pub fn load() -> anyhow::Result<Self> {
        Figment::new()
            .merge(Toml::file(std::env::var("DOWNWORK_CONFIG").unwrap_or_else(|_| "downwork.toml".to_owned())))
            .merge(Env::prefixed("DOWNWORK_").ignore(&["CONFIG"]).split("__"))
            .merge(Env::raw().only(&["DATABASE_URL", "STORAGE_URL", "REDIS_URL", "SMTP_URL"]))
            .extract()
            .context("invalid configuration")
    }

    /// The database to use: `DATABASE_URL`, or SQLite in the data dir.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose_secret().to_owned(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("downwork.db").display()),
        }
    }

    /// The configured JWT secret, or the one generated on first start and
    /// kept in the data dir so that tokens survive restarts.
    pub fn jwt_secret(&self) -> anyhow::Result<SecretString> {
        if let Some(secret) = &self.jwt_secret {
            anyhow::ensure!(secret.expose_secret().len() >= 32, "the JWT secret must be at least 32 characters");
            return Ok(secret.clone());
        }
        load_or_create_secret(&self.data_dir.join("jwt_secret"), "JWT")
    }

    /// The secret that signs unsubscribe links, like the JWT secret: the
    /// configured one, or one generated into the data dir.
    pub fn unsubscribe_secret(&self) -> anyhow::Result<SecretString> {
        if let Some(secret) = &self.unsubscribe_secret {
            anyhow::ensure!(
                secret.expose_secret().len() >= 32,
                "the unsubscribe secret must be at least 32 characters"
            );
            return Ok(secret.clone());
        }
        load_or_create_secret(&self.data_dir.join("unsubscribe_secret"), "unsubscribe")
    }
}

fn load_or_create_secret(path: &Path, what: &str) -> anyhow::Result<SecretString> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok(SecretString::from(existing.to_owned()));
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut bytes = [0u8; 48];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    write_private(path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a new {what} secret");
    Ok(SecretString::from(secret))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let config = Config {
            jwt_secret: Some(SecretString::from("super-secret-value-that-is-long-enough")),
            database_url: Some(SecretString::from("postgres://user:hunter2@db/downwork")),
            smtp_url: Some(SecretString::from("smtps://mailer:swordfish@smtp.example.com")),
            unsubscribe_secret: Some(SecretString::from("unsubscribe-secret-value-long-enough")),
            ..Config::default()
        };
        let printed = format!("{config:?}");
        for secret in ["super-secret", "hunter2", "swordfish", "unsubscribe-secret"] {
            assert!(!printed.contains(secret), "{printed}");
        }
    }

    #[test]
    fn generated_secret_is_kept() {
        let dir = std::env::temp_dir().join(format!("downwork-config-{}", uuid::Uuid::now_v7()));
        let config = Config { data_dir: dir.clone(), ..Config::default() };
        let first = config.jwt_secret().expect("generates");
        let second = config.jwt_secret().expect("reads");
        assert_eq!(first.expose_secret(), second.expose_secret());
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's own error type
    fn environment_overrides_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("downwork.toml", "addr = \"127.0.0.1:9000\"\ndata_dir = \"/srv/from-file\"")?;
            jail.set_env("DOWNWORK_ADDR", "0.0.0.0:0");
            jail.set_env("DOWNWORK_LOGIN__ACCOUNT_BURST", "3");
            jail.set_env("SMTP_URL", "smtp://relay.internal:25");
            let config = Config::load().map_err(|e| e.to_string())?;
            assert_eq!(
                config.smtp_url.as_ref().map(|u| u.expose_secret().to_owned()).as_deref(),
                Some("smtp://relay.internal:25")
            );
            assert_eq!(config.addr.to_string(), "0.0.0.0:0");
            assert_eq!(config.data_dir, PathBuf::from("/srv/from-file"));
            assert_eq!(config.login.account_burst, 3);
            Ok(())
        });
    }
}
