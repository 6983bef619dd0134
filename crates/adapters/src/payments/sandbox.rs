//! The default provider: no network, every call succeeds at once. Its
//! references are derived from the idempotency key, so a retried call
//! answers exactly as the first did, as a real provider's would.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use services::ports::{Charge, PaymentProvider, Payout, ProviderError, ProviderEvent, Receipt, Refund, WebhookError};

#[derive(Debug, Default, Clone, Copy)]
pub struct SandboxProvider;

fn receipt(prefix: &str, key: &str) -> Receipt {
    Receipt { reference: format!("sandbox_{prefix}_{key}") }
}

#[async_trait]
impl PaymentProvider for SandboxProvider {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    async fn charge(&self, charge: Charge) -> Result<Receipt, ProviderError> {
        Ok(receipt("ch", &charge.key))
    }

    async fn refund(&self, refund: Refund) -> Result<Receipt, ProviderError> {
        Ok(receipt("re", &refund.key))
    }

    async fn payout(&self, payout: Payout) -> Result<Receipt, ProviderError> {
        Ok(receipt("po", &payout.key))
    }

    /// The sandbox sends no webhooks, so none can be genuine.
    async fn verify_webhook(
        &self,
        _headers: &[(String, String)],
        _body: &[u8],
        _now: DateTime<Utc>,
    ) -> Result<ProviderEvent, WebhookError> {
        Err(WebhookError::BadSignature)
    }
}
