//! Money on contracts: milestones funded into escrow, submitted, reviewed and
//! released or refunded; contracts ended; invoices; withdrawals; provider
//! webhooks; the money of disputes. Every movement is posted to the ledger
//! in the same database transaction as the state change it pays for, after
//! the row it is about is locked and its state re-checked, so a double click
//! moves money once.
//! The provider is called inside that transaction with an idempotency key
//! derived from what is paid for, so a retry after a crash is not charged
//! twice either.

mod books;
mod contract_end;
mod disputes;
mod hourly;
mod invoices;
mod milestones;
mod webhooks;
mod withdrawals;

use std::sync::Arc;

use domain::ledger::LedgerError;
use domain::{ContractId, MilestoneId, UserId, ValidationError};
use store::Db;
use store::contracts::{self, ContractRecord, MilestoneRecord};

pub(crate) use disputes::Frozen;
pub use hourly::WeekSheet;
pub use webhooks::{WebhookOutcome, WebhookRejected};
pub use withdrawals::{MonthFigures, TransactionRecord};

use crate::jobs::MarketError;
use crate::notifier::Notifier;
use crate::ports::{PaymentProvider, ProviderError};

#[derive(Clone)]
pub struct Payments {
    db: Db,
    provider: Arc<dyn PaymentProvider>,
    notifier: Notifier,
}

impl Payments {
    pub fn new(db: Db, provider: Arc<dyn PaymentProvider>, notifier: Notifier) -> Self {
        Self { db, provider, notifier }
    }

    /// The provider money goes through: `sandbox`, `stripe` or `paypal`.
    pub fn provider_name(&self) -> &'static str {
        self.provider.name()
    }
}

/// The contract, if `user` is one of its parties; "not found" for anyone else.
async fn party_contract(
    db: &impl store::ConnectionTrait,
    user: UserId,
    id: ContractId,
) -> Result<ContractRecord, MarketError> {
    contracts::find(db, id).await?.filter(|c| c.is_party(user)).ok_or(MarketError::NotFound("contract"))
}

/// A milestone of the contract, its row locked.
async fn own_milestone(
    db: &impl store::ConnectionTrait,
    contract_id: ContractId,
    milestone_id: MilestoneId,
) -> Result<MilestoneRecord, MarketError> {
    let found = store::milestones::find_for_update(db, milestone_id).await?.filter(|m| m.contract_id == contract_id);
    Ok(found.ok_or(MarketError::NotFound("milestone"))?.milestone)
}

/// The milestone as it is now, after a change in this transaction.
async fn reload_milestone(
    db: &impl store::ConnectionTrait,
    contract_id: ContractId,
    milestone_id: MilestoneId,
) -> Result<MilestoneRecord, MarketError> {
    own_milestone(db, contract_id, milestone_id).await
}

fn changed() -> MarketError {
    MarketError::conflict("milestone_changed", "the milestone changed meanwhile; reload and try again")
}

fn invalid(err: LedgerError) -> MarketError {
    ValidationError::single("amount", err.to_string()).into()
}

impl From<ProviderError> for MarketError {
    fn from(err: ProviderError) -> Self {
        match err {
            ProviderError::Declined(_) => Self::PaymentFailed { code: "payment_declined", message: err.to_string() },
            ProviderError::Unavailable(_) => {
                Self::PaymentFailed { code: "payment_provider_unavailable", message: err.to_string() }
            }
            ProviderError::Missing(what) => {
                ValidationError::single("payment_source", format!("{what} is needed for this provider")).into()
            }
        }
    }
}
