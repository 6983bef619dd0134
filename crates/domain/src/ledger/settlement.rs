//! How an admin's decision on a dispute posts: the money held for a
//! milestone (in the contract's escrow) or a billed hourly week (in the
//! freelancer's pending balance) goes to the client, to the freelancer, or
//! part to each.
//!
//! A settlement is at most two balanced transactions, a refund of the
//! client's part and a payout of the freelancer's part, so that money
//! history, monthly figures and provider bookkeeping read them like any
//! other refund or release.
//!
//! Fees: the freelancer's service fee is charged on the freelancer's part
//! only, and the client's marketplace fee is kept only on that part too: the
//! client fee charged at funding is given back in proportion to the client's
//! part, rounded in the client's favour. The platform earns on money that
//! paid for work and on nothing else. At the extremes a settlement is exactly
//! the plain refund (everything to the client, fee included) or the plain
//! release (everything to the freelancer, less the fee).

use crate::ids::{ContractId, UserId};
use crate::money::{Money, MoneyError};

use super::rules::{self, Fees};
use super::{Account, LedgerError, Movement, Posting, Transaction};

/// Where the disputed money is and what was charged on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// A milestone's amount in its contract's escrow. `client_fee` is what
    /// the client paid on top at funding; the service fee is not taken yet
    /// and is charged at the current rate on the freelancer's part.
    Escrow { contract: ContractId, amount: Money, client_fee: Money },
    /// A billed hourly week: the client paid `amount` plus `client_fee`, and
    /// the freelancer's pending balance got `amount` less `freelancer_fee`,
    /// taken at billing. Both fees are kept in proportion to the
    /// freelancer's part.
    Pending { amount: Money, client_fee: Money, freelancer_fee: Money },
}

impl Held {
    pub const fn amount(self) -> Money {
        match self {
            Self::Escrow { amount, .. } | Self::Pending { amount, .. } => amount,
        }
    }
}

/// The postings of a decision and the fees it leaves with the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    /// The client's part back through the provider, and what the provider
    /// must refund (the part and the client fee given back).
    pub refund: Option<(Transaction, Money)>,
    /// The freelancer's part, into their available balance.
    pub payout: Option<Transaction>,
    /// The service fee the platform keeps on the freelancer's part.
    pub freelancer_fee: Money,
    /// The marketplace fee the platform keeps on the freelancer's part.
    pub client_fee: Money,
}

/// Splits `held` into `to_client` and `to_freelancer`, which must add up to
/// it exactly (either may be zero: a full refund or a full release).
pub fn settle(
    held: Held,
    freelancer: UserId,
    to_client: Money,
    to_freelancer: Money,
    fees: Fees,
) -> Result<Settlement, LedgerError> {
    let amount = held.amount();
    if to_client.amount < 0 || to_freelancer.amount < 0 || !amount.is_positive() {
        return Err(LedgerError::NotPositive);
    }
    if to_client.checked_add(to_freelancer)? != amount {
        return Err(LedgerError::PartsDoNotAddUp(amount));
    }
    match held {
        Held::Escrow { contract, client_fee, .. } => {
            let kept = share(client_fee, to_freelancer, amount)?;
            let refund = if to_client.is_positive() {
                Some(rules::refund(contract, to_client, client_fee.checked_sub(kept)?)?)
            } else {
                None
            };
            let payout = if to_freelancer.is_positive() {
                Some(rules::release(contract, freelancer, to_freelancer, fees, false)?)
            } else {
                None
            };
            let freelancer_fee = to_freelancer.percentage(fees.freelancer_bps)?;
            Ok(Settlement { refund, payout, freelancer_fee, client_fee: kept })
        }
        Held::Pending { client_fee, freelancer_fee, .. } => {
            if client_fee.amount < 0 || !(0..=amount.amount).contains(&freelancer_fee.amount) {
                return Err(LedgerError::NotPositive);
            }
            let kept_client = share(client_fee, to_freelancer, amount)?;
            let kept_service = share(freelancer_fee, to_freelancer, amount)?;
            let refund = if to_client.is_positive() {
                let fees_back =
                    client_fee.checked_sub(kept_client)?.checked_add(freelancer_fee.checked_sub(kept_service)?)?;
                // The freelancer never had the service fee on the client's part.
                let from_pending = to_client.checked_sub(freelancer_fee.checked_sub(kept_service)?)?;
                let back = to_client.checked_add(client_fee.checked_sub(kept_client)?)?;
                let tx = Transaction::new(
                    Movement::Refund,
                    vec![
                        Posting { account: Account::Pending(freelancer), amount: from_pending.checked_neg()? },
                        Posting { account: Account::PlatformRevenue, amount: fees_back.checked_neg()? },
                        Posting { account: Account::ProviderClearing, amount: back },
                    ],
                )?;
                Some((tx, back))
            } else {
                None
            };
            let earned = to_freelancer.checked_sub(kept_service)?;
            let payout = if earned.is_positive() { Some(rules::clear_pending(freelancer, earned)?) } else { None };
            Ok(Settlement { refund, payout, freelancer_fee: kept_service, client_fee: kept_client })
        }
    }
}

/// `fee * part / whole`, rounded down: the platform's share of a fee for
/// the part of the money it keeps earning on.
fn share(fee: Money, part: Money, whole: Money) -> Result<Money, MoneyError> {
    let product = i128::from(fee.amount) * i128::from(part.amount);
    let amount = i64::try_from(product / i128::from(whole.amount)).map_err(|_| MoneyError::Overflow)?;
    Ok(Money::new(amount, fee.currency))
}

#[cfg(test)]
#[path = "settlement_tests.rs"]
mod tests;
