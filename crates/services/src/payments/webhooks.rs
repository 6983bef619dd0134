//! Provider webhooks: verified by the provider adapter (signature, at most
//! five minutes old), then applied once per event id, in one transaction
//! with the record that the event was seen.

use chrono::Utc;
use store::provider;

use super::Payments;
use crate::jobs::MarketError;
use crate::ports::WebhookError;

/// What came of a webhook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookOutcome {
    /// The event changed something here.
    Applied,
    /// The event is recorded; it needs nothing from us.
    Recorded,
    /// The event was seen before; nothing was done again.
    Duplicate,
}

#[derive(Debug, thiserror::Error)]
pub enum WebhookRejected {
    #[error(transparent)]
    Unverified(#[from] WebhookError),
    #[error(transparent)]
    Market(#[from] MarketError),
}

/// Events that mean a payout did not reach the user: Stripe reverses the
/// transfer; PayPal denies the batch or fails its item.
const PAYOUT_FAILED: [&str; 4] =
    ["transfer.reversed", "payout.failed", "PAYMENT.PAYOUTSBATCH.DENIED", "PAYMENT.PAYOUTS-ITEM.FAILED"];

impl Payments {
    /// Verifies and applies a webhook addressed to `provider`.
    pub async fn webhook(
        &self,
        provider: &str,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<WebhookOutcome, WebhookRejected> {
        if provider != self.provider.name() {
            return Err(MarketError::NotFound("webhook").into());
        }
        let now = Utc::now();
        let event = self.provider.verify_webhook(headers, body, now).await?;
        let txn = store::begin_write(&self.db).await.map_err(MarketError::from)?;
        let reference = event.reference.as_deref();
        let first = provider::first_sighting(&txn, provider, &event.id, &event.kind, reference, now)
            .await
            .map_err(MarketError::from)?;
        if !first {
            return Ok(WebhookOutcome::Duplicate);
        }
        let outcome = match (event.kind.as_str(), reference) {
            (kind, Some(reference)) if PAYOUT_FAILED.contains(&kind) => {
                self.reverse_withdrawal(&txn, reference, now).await?;
                WebhookOutcome::Applied
            }
            _ => WebhookOutcome::Recorded,
        };
        txn.commit().await.map_err(MarketError::from)?;
        Ok(outcome)
    }
}
