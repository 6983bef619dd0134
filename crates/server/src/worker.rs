//! Background work on a timer: expiring jobs left open past their time,
//! releasing submitted work the client left unanswered, billing finished
//! hourly weeks and paying them out after their review period, releasing
//! reviews whose window closed, and once a day recomputing freelancers'
//! levels and rank scores. `downwork serve` runs it in-process unless told not to
//! (`DOWNWORK_WORKER=false`), and `downwork worker` runs it alone, so that a
//! deployment can keep it off the web instances. Every task is safe to run
//! on several instances at once: each change is checked under a row lock.

use std::time::Duration;

use chrono::Utc;
use services::Services;

/// How often the sweeps run.
const EVERY: Duration = Duration::from_secs(60);

/// Runs the sweeps until `shutdown` resolves.
pub async fn run(services: Services, shutdown: impl std::future::Future<Output = ()>) {
    crate::periodic::every(EVERY, shutdown, || sweep(&services)).await;
}

async fn sweep(services: &Services) {
    match services.jobs.expire_due(Utc::now()).await {
        Ok(0) => {}
        Ok(expired) => tracing::info!(expired, "expired jobs past their open window"),
        Err(err) => tracing::error!(error = %err, "job expiry sweep failed"),
    }
    match services.payments.release_unanswered(Utc::now()).await {
        Ok(0) => {}
        Ok(released) => tracing::info!(released, "released submitted work past the review period"),
        Err(err) => tracing::error!(error = %err, "auto-release sweep failed"),
    }
    match services.payments.bill_hourly_weeks(Utc::now()).await {
        Ok(0) => {}
        Ok(billed) => tracing::info!(billed, "billed finished hourly weeks"),
        Err(err) => tracing::error!(error = %err, "hourly billing sweep failed"),
    }
    match services.admin.deliver_announcements().await {
        Ok(0) => {}
        Ok(told) => tracing::info!(told, "delivered announcements left unfinished"),
        Err(err) => tracing::error!(error = %err, "announcement sweep failed"),
    }
    match services.payments.release_reviewed_weeks(Utc::now()).await {
        Ok(0) => {}
        Ok(released) => tracing::info!(released, "paid out hourly weeks past their review period"),
        Err(err) => tracing::error!(error = %err, "hourly payout sweep failed"),
    }
    match services.reviews.release_due(Utc::now()).await {
        Ok(0) => {}
        Ok(released) => tracing::info!(released, "released reviews whose window closed"),
        Err(err) => tracing::error!(error = %err, "review release sweep failed"),
    }
    match services.reputation.refresh_due(Utc::now()).await {
        Ok(0) => {}
        Ok(refreshed) => tracing::info!(refreshed, "recomputed freelancer levels and rank scores for the day"),
        Err(err) => tracing::error!(error = %err, "daily reputation sweep failed"),
    }
}
