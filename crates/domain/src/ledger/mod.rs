//! The double-entry ledger's rules: which accounts exist, what a balanced
//! transaction is, and how each money movement posts (see [`rules`], and
//! [`settlement`] for disputes).
//!
//! Every movement is one [`Transaction`] of [`Posting`]s whose amounts sum to
//! zero in each currency. A positive amount adds to an account's balance, a
//! negative one takes from it. Balances are never stored as truth: they are
//! the sums of postings (the store caches them and checks the cache).

pub mod rules;
pub mod settlement;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ids::{ContractId, UserId};
use crate::money::{Currency, Money, MoneyError};

/// Where money can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Account {
    /// A user's money they may withdraw.
    Available(UserId),
    /// A user's earnings still in a review or clearing period.
    Pending(UserId),
    /// Money a client put up for a contract, held until released or refunded.
    Escrow(ContractId),
    /// Fees the marketplace earned.
    PlatformRevenue,
    /// The payment provider's side: money that came in from cards or went
    /// out in payouts and refunds. Its balance is minus what the provider
    /// holds for us.
    ProviderClearing,
}

impl Account {
    /// The account as stored: a kind and the id of its user or contract (the
    /// nil id for the platform's own accounts).
    pub fn key(self) -> (&'static str, Uuid) {
        match self {
            Self::Available(user) => ("available", user.into_uuid()),
            Self::Pending(user) => ("pending", user.into_uuid()),
            Self::Escrow(contract) => ("escrow", contract.into_uuid()),
            Self::PlatformRevenue => ("platform_revenue", Uuid::nil()),
            Self::ProviderClearing => ("provider_clearing", Uuid::nil()),
        }
    }

    pub fn from_key(kind: &str, id: Uuid) -> Option<Self> {
        Some(match kind {
            "available" => Self::Available(id.into()),
            "pending" => Self::Pending(id.into()),
            "escrow" => Self::Escrow(id.into()),
            "platform_revenue" => Self::PlatformRevenue,
            "provider_clearing" => Self::ProviderClearing,
            _ => return None,
        })
    }

    /// Whether the store keeps a running balance for this account. The
    /// platform's own accounts take part in nearly every movement, so a
    /// cached balance row for them would queue every payment behind one
    /// lock; their balances are summed from the postings when asked for.
    pub const fn is_cached(self) -> bool {
        !matches!(self, Self::PlatformRevenue | Self::ProviderClearing)
    }

    /// Whether the balance of this account may never drop below zero.
    pub const fn must_stay_positive(self) -> bool {
        !matches!(self, Self::ProviderClearing)
    }
}

/// One line of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub account: Account,
    pub amount: Money,
}

crate::labelled_enum! {
    /// What kind of movement a transaction records.
    pub enum Movement {
        Fund => "fund",
        Release => "release",
        Refund => "refund",
        Withdraw => "withdraw",
        ClearPending => "clear_pending",
        PayoutReturned => "payout_returned",
    }
}

/// A balanced set of postings: nothing is created or destroyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub movement: Movement,
    postings: Vec<Posting>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("postings do not sum to zero in {0}")]
    Unbalanced(Currency),
    #[error("a transaction needs postings")]
    Empty,
    #[error("amounts must be positive")]
    NotPositive,
    #[error("the parts must add up to the {0} held")]
    PartsDoNotAddUp(Money),
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl Transaction {
    /// Builds a transaction, refusing one whose postings do not balance.
    /// Zero postings (a fee of nothing) are dropped.
    pub fn new(movement: Movement, postings: Vec<Posting>) -> Result<Self, LedgerError> {
        let postings: Vec<Posting> = postings.into_iter().filter(|p| p.amount.amount != 0).collect();
        if postings.is_empty() {
            return Err(LedgerError::Empty);
        }
        let mut sums: BTreeMap<Currency, i64> = BTreeMap::new();
        for posting in &postings {
            let sum = sums.entry(posting.amount.currency).or_default();
            *sum = sum.checked_add(posting.amount.amount).ok_or(MoneyError::Overflow)?;
        }
        if let Some((currency, _)) = sums.iter().find(|(_, sum)| **sum != 0) {
            return Err(LedgerError::Unbalanced(*currency));
        }
        Ok(Self { movement, postings })
    }

    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    /// What the transaction does to `account` in `currency`.
    pub fn effect_on(&self, account: Account, currency: Currency) -> i64 {
        self.postings
            .iter()
            .filter(|p| p.account == account && p.amount.currency == currency)
            .map(|p| p.amount.amount)
            .sum()
    }
}

#[cfg(test)]
mod tests;
