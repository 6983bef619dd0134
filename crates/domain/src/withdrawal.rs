//! Withdrawals: a user's available money going out through the provider.

use crate::labelled_enum;
use crate::money::Money;
use crate::validation::ValidationError;

/// The least that may be withdrawn at once, in minor units (5.00).
pub const MIN_WITHDRAWAL_CENTS: i64 = 500;

labelled_enum! {
    /// Where a withdrawal is.
    pub enum WithdrawalStatus {
        /// Sent to the provider.
        Paid => "paid",
        /// The provider gave it back (a failed payout); the money is available again.
        Failed => "failed",
    }
}

/// Checks an amount to withdraw: at least 5.00, at most what is available
/// in its currency.
pub fn check_amount(amount: Money, available: Money) -> Result<(), ValidationError> {
    debug_assert_eq!(amount.currency, available.currency);
    if amount.amount < MIN_WITHDRAWAL_CENTS {
        let min = Money::new(MIN_WITHDRAWAL_CENTS, amount.currency);
        return Err(ValidationError::single("amount", format!("must be at least {min}")));
    }
    if amount.amount > available.amount {
        return Err(ValidationError::single("amount", format!("must be at most your available {available}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    #[test]
    fn withdrawals_are_between_the_minimum_and_the_balance() {
        let usd = |cents| Money::new(cents, Currency::Usd);
        assert!(check_amount(usd(499), usd(10_000)).is_err());
        assert!(check_amount(usd(500), usd(10_000)).is_ok());
        assert!(check_amount(usd(10_000), usd(10_000)).is_ok());
        assert!(check_amount(usd(10_001), usd(10_000)).is_err());
    }
}
