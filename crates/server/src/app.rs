//! Wiring: picks the adapters the configuration asks for, builds the
//! services and the router, and serves them until a shutdown signal.

use std::future::pending;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use adapters::mail::{OutboxMailer, SmtpMailer};
use adapters::payments::{PaypalConfig, PaypalProvider, SandboxProvider, StripeConfig, StripeProvider};
use adapters::storage::ObjectStorage;
use anyhow::Context as _;
use api::{AppState, CheckoutConfig, HttpConfig};
use secrecy::SecretString;
use services::ports::{FileStorage, Mailer, PaymentProvider};
use services::rate_limit::{Limit, LoginLimits};
use services::{AuthSettings, MailSettings, Ports, Services};
use tokio::net::TcpListener;

use crate::config::{Config, PaymentsConfig};
use crate::periodic;
use crate::realtime::Realtime;
use crate::telemetry;

pub struct App {
    pub services: Services,
    pub router: axum::Router,
    /// Run the background sweeps alongside the server.
    pub worker: bool,
}

impl App {
    /// Connects to the database, brings its schema up to date and builds everything.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let (services, realtime) = build_services(config).await?;
        let state = AppState {
            services: Arc::new(services.clone()),
            config: Arc::new(HttpConfig {
                trust_forwarded_for: config.trust_forwarded_for,
                cors_origins: config.cors_origins.clone(),
                web_dir: Some(config.web_dir.clone()),
                checkout: CheckoutConfig {
                    stripe_publishable_key: config.payments.stripe_publishable_key.clone(),
                    paypal_client_id: config.payments.paypal_client_id.clone(),
                },
            }),
            metrics: telemetry::metrics(),
        };
        let router = realtime.serve(api::app(state), services.clone()).await?;
        Ok(Self { router, services, worker: config.worker })
    }

    /// Serves on `listener` until `shutdown` resolves, then lets in-flight
    /// requests finish.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let accounts = self.services.accounts.clone();
        let housekeeping = tokio::spawn(periodic::every(HOUSEKEEPING_EVERY, pending(), move || {
            accounts.housekeeping();
            std::future::ready(())
        }));
        let pushes = tokio::spawn(deliver_notifications(self.services.clone()));
        let views = tokio::spawn(count_profile_views(self.services.clone()));
        let worker = self.worker.then(|| tokio::spawn(crate::worker::run(self.services.clone(), pending())));
        let mail_sender = self.worker.then(|| tokio::spawn(crate::mail_sender::run(self.services.clone(), pending())));
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        let result = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
        housekeeping.abort();
        pushes.abort();
        views.abort();
        // The views counted since the last round are written before leaving.
        flush_profile_views(&self.services).await;
        for task in [worker, mail_sender].into_iter().flatten() {
            task.abort();
        }
        result.context("server failed")
    }
}

/// How often idle login rate-limit keys are forgotten.
const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(300);

/// How often stored notifications are looked for and delivered.
const DELIVER_EVERY: Duration = Duration::from_millis(250);

/// Delivers each stored notification once: its e-mail queued if wanted, and
/// a push to its user's sockets. Runs on every web instance; the store hands
/// each notification to one of them.
async fn deliver_notifications(services: Services) {
    periodic::every(DELIVER_EVERY, pending(), || async {
        if let Err(err) = services.notifications.deliver_pending(chrono::Utc::now()).await {
            tracing::warn!(error = %err, "notification delivery round failed");
        }
    })
    .await;
}

/// How often the profile views this instance counted are written.
const COUNT_VIEWS_EVERY: Duration = Duration::from_secs(1);

async fn count_profile_views(services: Services) {
    periodic::every(COUNT_VIEWS_EVERY, pending(), || flush_profile_views(&services)).await;
}

async fn flush_profile_views(services: &Services) {
    if let Err(err) = services.profile_views.flush().await {
        tracing::warn!(error = %err, "profile views not counted");
    }
}

pub async fn build_services(config: &Config) -> anyhow::Result<(Services, Realtime)> {
    let db = connect(config).await?;
    let realtime = Realtime::new(config.redis_url.as_ref()).await?;
    let storage: Arc<dyn FileStorage> = match config.storage_url.as_deref() {
        Some(url) if url.starts_with("s3://") => Arc::new(ObjectStorage::s3(url)?),
        Some(other) => anyhow::bail!("unsupported STORAGE_URL {other:?}; use s3://bucket"),
        None => Arc::new(ObjectStorage::local(&config.data_dir.join("files"))?),
    };
    let mailer: Arc<dyn Mailer> = match &config.smtp_url {
        Some(url) => Arc::new(SmtpMailer::new(url, &config.mail_from)?),
        None => Arc::new(OutboxMailer::new(config.data_dir.join("outbox"), &config.mail_from)?),
    };
    let public_url = config.public_url.trim_end_matches('/').to_owned();
    let mail = MailSettings { public_url: public_url.clone(), unsubscribe_secret: config.unsubscribe_secret()? };
    let mut auth = AuthSettings::new(config.jwt_secret()?, public_url);
    auth.login_limits = LoginLimits {
        per_account: Limit {
            burst: config.login.account_burst,
            refill_every: Duration::from_secs(config.login.account_refill_seconds),
        },
        per_address: Limit {
            burst: config.login.address_burst,
            refill_every: Duration::from_millis(config.login.address_refill_millis),
        },
    };
    let payments = payment_provider(&config.payments)?;
    let fanout = realtime.fanout();
    let mut services = Services::new(db, Ports { mailer, storage, payments, fanout }, auth, mail);
    services.social = services.social.with_suggestion_ttl(Duration::from_secs(config.suggestion_cache_seconds));
    Ok((services, realtime))
}

/// The configured payment provider; Stripe and PayPal need their secrets.
fn payment_provider(config: &PaymentsConfig) -> anyhow::Result<Arc<dyn PaymentProvider>> {
    let need = |value: Option<&SecretString>, name: &str| {
        value.cloned().with_context(|| format!("DOWNWORK_PAYMENTS__{name} is required for this provider"))
    };
    Ok(match config.provider.as_str() {
        "sandbox" => Arc::new(SandboxProvider),
        "stripe" => Arc::new(StripeProvider::new(StripeConfig {
            api_base: config.stripe_api_base.parse().context("invalid stripe_api_base")?,
            secret_key: need(config.stripe_secret_key.as_ref(), "STRIPE_SECRET_KEY")?,
            webhook_secret: need(config.stripe_webhook_secret.as_ref(), "STRIPE_WEBHOOK_SECRET")?,
        })?),
        "paypal" => Arc::new(PaypalProvider::new(PaypalConfig {
            api_base: config.paypal_api_base.parse().context("invalid paypal_api_base")?,
            client_id: config.paypal_client_id.clone().context("DOWNWORK_PAYMENTS__PAYPAL_CLIENT_ID is required")?,
            client_secret: need(config.paypal_client_secret.as_ref(), "PAYPAL_CLIENT_SECRET")?,
            webhook_id: config.paypal_webhook_id.clone().context("DOWNWORK_PAYMENTS__PAYPAL_WEBHOOK_ID is required")?,
        })?),
        other => anyhow::bail!("unknown payment provider {other:?}; use sandbox, stripe or paypal"),
    })
}

/// Opens the database and migrates it.
pub async fn connect(config: &Config) -> anyhow::Result<store::Db> {
    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("cannot create data dir {}", config.data_dir.display()))?;
    }
    let db = store::connect(&config.database_url(), config.database_max_connections)
        .await
        .context("cannot connect to the database")?;
    store::db::migrate(&db).await.context("migrations failed")?;
    Ok(db)
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down; finishing in-flight requests");
}
