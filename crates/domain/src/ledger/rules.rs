//! How each money movement posts. Fees are basis points (1,000 = 10%) taken
//! from the platform settings at the time of the movement:
//!
//! - fund: the client pays the milestone amount plus the client marketplace
//!   fee through the provider; the amount goes to the contract's escrow, the
//!   fee to platform revenue;
//! - release: escrow pays the freelancer the amount less the freelancer
//!   service fee, which goes to platform revenue;
//! - refund: escrow pays the amount back through the provider, and the
//!   client fee charged on it at funding is returned;
//! - withdraw: a user's available balance goes out through the provider;
//! - return payout: a payout the provider could not deliver comes back;
//! - clear pending: earnings under review become available.

use crate::ids::{ContractId, UserId};
use crate::money::Money;

use super::{Account, LedgerError, Movement, Posting, Transaction};

/// Fee rates in basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fees {
    /// Taken from what the freelancer is paid (default 10%).
    pub freelancer_bps: u32,
    /// Added to what the client pays (default 5%).
    pub client_bps: u32,
}

impl Default for Fees {
    fn default() -> Self {
        Self { freelancer_bps: 1_000, client_bps: 500 }
    }
}

fn positive(amount: Money) -> Result<Money, LedgerError> {
    if amount.is_positive() { Ok(amount) } else { Err(LedgerError::NotPositive) }
}

fn post(account: Account, amount: Money) -> Posting {
    Posting { account, amount }
}

/// The client funds `amount` into the contract's escrow; returns the
/// transaction and what the provider must charge the client.
pub fn fund(contract: ContractId, amount: Money, fees: Fees) -> Result<(Transaction, Money), LedgerError> {
    let amount = positive(amount)?;
    let fee = amount.percentage(fees.client_bps)?;
    let charge = amount.checked_add(fee)?;
    let tx = Transaction::new(
        Movement::Fund,
        vec![
            post(Account::ProviderClearing, charge.checked_neg()?),
            post(Account::Escrow(contract), amount),
            post(Account::PlatformRevenue, fee),
        ],
    )?;
    Ok((tx, charge))
}

/// Escrow pays the freelancer `amount` less the service fee, into their
/// pending balance when `pending` (a review period), else available.
pub fn release(
    contract: ContractId,
    freelancer: UserId,
    amount: Money,
    fees: Fees,
    pending: bool,
) -> Result<Transaction, LedgerError> {
    let amount = positive(amount)?;
    let fee = amount.percentage(fees.freelancer_bps)?;
    let earned = amount.checked_sub(fee)?;
    let to = if pending { Account::Pending(freelancer) } else { Account::Available(freelancer) };
    Transaction::new(
        Movement::Release,
        vec![
            post(Account::Escrow(contract), amount.checked_neg()?),
            post(to, earned),
            post(Account::PlatformRevenue, fee),
        ],
    )
}

/// Escrow pays `amount` back to the client, with the client fee that was
/// charged on it (`fee`, as charged at funding, whatever the fee rate is
/// now); returns the transaction and what the provider must refund.
pub fn refund(contract: ContractId, amount: Money, fee: Money) -> Result<(Transaction, Money), LedgerError> {
    let amount = positive(amount)?;
    let back = amount.checked_add(fee)?;
    let tx = Transaction::new(
        Movement::Refund,
        vec![
            post(Account::Escrow(contract), amount.checked_neg()?),
            post(Account::PlatformRevenue, fee.checked_neg()?),
            post(Account::ProviderClearing, back),
        ],
    )?;
    Ok((tx, back))
}

/// A user's available money goes out to them through the provider.
pub fn withdraw(user: UserId, amount: Money) -> Result<Transaction, LedgerError> {
    let amount = positive(amount)?;
    Transaction::new(
        Movement::Withdraw,
        vec![post(Account::Available(user), amount.checked_neg()?), post(Account::ProviderClearing, amount)],
    )
}

/// Earnings under review become available.
pub fn clear_pending(user: UserId, amount: Money) -> Result<Transaction, LedgerError> {
    let amount = positive(amount)?;
    Transaction::new(
        Movement::ClearPending,
        vec![post(Account::Pending(user), amount.checked_neg()?), post(Account::Available(user), amount)],
    )
}

/// A payout the provider could not deliver comes back to the user's
/// available balance.
pub fn return_payout(user: UserId, amount: Money) -> Result<Transaction, LedgerError> {
    let amount = positive(amount)?;
    Transaction::new(
        Movement::PayoutReturned,
        vec![post(Account::ProviderClearing, amount.checked_neg()?), post(Account::Available(user), amount)],
    )
}
