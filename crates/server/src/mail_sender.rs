//! The mail queue's sender loop: every two seconds it sends whatever mail is
//! due. It runs wherever the background worker runs (inside `serve` unless
//! `DOWNWORK_WORKER=false`, and in `downwork worker`); several may run at
//! once, since each mail is leased to one sender before it is sent.

use std::time::Duration;

use chrono::Utc;
use services::Services;

/// How often the queue is looked at: the longest a fresh mail waits.
const EVERY: Duration = Duration::from_secs(2);

/// Sends due mail until `shutdown` resolves.
pub async fn run(services: Services, shutdown: impl std::future::Future<Output = ()>) {
    crate::periodic::every(EVERY, shutdown, || deliver(&services)).await;
}

async fn deliver(services: &Services) {
    match services.mail.deliver_due(Utc::now()).await {
        Ok(delivery) if delivery.sent + delivery.failed > 0 => {
            tracing::info!(sent = delivery.sent, failed = delivery.failed, "mail queue delivered");
        }
        Ok(_) => {}
        Err(err) => tracing::error!(error = %err, "mail queue delivery failed"),
    }
}
