//! Money as integer minor units with an ISO currency, the way Stripe's API
//! carries it: `{"amount": 150000, "currency": "usd"}` is $1,500.00.
//!
//! There are no floats anywhere: amounts are `i64` cents and every operation
//! is checked, so overflow is an error rather than a silent wrap.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Currencies the marketplace settles in. All of them have two decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    Usd,
    Eur,
    Gbp,
    Cad,
    Aud,
}

impl Currency {
    pub const ALL: [Currency; 5] = [Self::Usd, Self::Eur, Self::Gbp, Self::Cad, Self::Aud];

    pub const fn code(self) -> &'static str {
        match self {
            Self::Usd => "usd",
            Self::Eur => "eur",
            Self::Gbp => "gbp",
            Self::Cad => "cad",
            Self::Aud => "aud",
        }
    }

    const fn symbol(self) -> &'static str {
        match self {
            Self::Usd => "$",
            Self::Eur => "€",
            Self::Gbp => "£",
            Self::Cad => "CA$",
            Self::Aud => "A$",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("unknown currency {0:?}")]
    UnknownCurrency(String),
    #[error("cannot combine {0} with {1}")]
    CurrencyMismatch(Currency, Currency),
    #[error("amount out of range")]
    Overflow,
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| MoneyError::UnknownCurrency(s.to_owned()))
    }
}

/// An amount of money in minor units (cents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"amount": 150000, "currency": "usd"}))]
pub struct Money {
    /// Minor units (cents); never a float.
    pub amount: i64,
    pub currency: Currency,
}

impl Money {
    pub const fn new(amount: i64, currency: Currency) -> Self {
        Self { amount, currency }
    }

    pub const fn zero(currency: Currency) -> Self {
        Self::new(0, currency)
    }

    pub const fn is_positive(self) -> bool {
        self.amount > 0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self.amount.checked_add(other.amount).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self.amount.checked_sub(other.amount).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let amount = self.amount.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `basis_points / 10_000` of this amount, rounded half away from zero to
    /// the cent. 1,000 basis points is 10%.
    pub fn percentage(self, basis_points: u32) -> Result<Money, MoneyError> {
        let product = i128::from(self.amount) * i128::from(basis_points);
        let half = 5_000 * product.signum();
        let rounded = (product + half) / 10_000;
        let amount = i64::try_from(rounded).map_err(|_| MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }
}

impl fmt::Display for Money {
    /// Human form for e-mails and invoices: `$1,500.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.amount < 0 { "-" } else { "" };
        let abs = self.amount.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::with_capacity(units.len() + units.len() / 3);
        for (i, digit) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}{}{grouped}.{:02}", self.currency.symbol(), abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const USD: Currency = Currency::Usd;

    #[test]
    fn serializes_as_minor_units_and_lowercase_currency() {
        let json = serde_json::to_value(Money::new(150_000, USD)).expect("serializes");
        assert_eq!(json, serde_json::json!({"amount": 150000, "currency": "usd"}));
    }

    #[test]
    fn rejects_floats_and_unknown_currencies() {
        assert!(serde_json::from_str::<Money>(r#"{"amount": 1.5, "currency": "usd"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount": 1, "currency": "xyz"}"#).is_err());
    }

    #[test]
    fn displays_grouped_with_symbol() {
        assert_eq!(Money::new(150_000, USD).to_string(), "$1,500.00");
        assert_eq!(Money::new(-5, Currency::Eur).to_string(), "-€0.05");
        assert_eq!(Money::new(123_456_789, USD).to_string(), "$1,234,567.89");
    }

    #[test]
    fn percentage_rounds_half_away_from_zero() {
        assert_eq!(Money::new(1_005, USD).percentage(1_000).map(|m| m.amount), Ok(101));
        assert_eq!(Money::new(1_004, USD).percentage(1_000).map(|m| m.amount), Ok(100));
        assert_eq!(Money::new(-1_005, USD).percentage(1_000).map(|m| m.amount), Ok(-101));
    }

    #[test]
    fn mixing_currencies_is_an_error() {
        let err = Money::new(1, USD).checked_add(Money::new(1, Currency::Eur));
        assert_eq!(err, Err(MoneyError::CurrencyMismatch(USD, Currency::Eur)));
    }

    proptest! {
        #[test]
        fn add_then_sub_is_identity(a in -1_000_000_000_000i64..1_000_000_000_000, b in -1_000_000_000_000i64..1_000_000_000_000) {
            let (a, b) = (Money::new(a, USD), Money::new(b, USD));
            prop_assert_eq!(a.checked_add(b).and_then(|s| s.checked_sub(b)), Ok(a));
        }

        #[test]
        fn fee_and_remainder_add_up_to_the_whole(amount in 0i64..1_000_000_000_000, bps in 0u32..=10_000) {
            let whole = Money::new(amount, USD);
            let fee = whole.percentage(bps).expect("in range");
            let rest = whole.checked_sub(fee).expect("in range");
            prop_assert!(fee.amount >= 0 && fee.amount <= amount);
            prop_assert_eq!(fee.checked_add(rest), Ok(whole));
        }

        #[test]
        fn overflow_is_reported_not_wrapped(a in i64::MAX - 1_000..=i64::MAX, b in 1_001i64..1_000_000) {
            prop_assert_eq!(Money::new(a, USD).checked_add(Money::new(b, USD)), Err(MoneyError::Overflow));
        }

        #[test]
        fn json_round_trip(amount in any::<i64>(), idx in 0usize..5) {
            let money = Money::new(amount, Currency::ALL[idx]);
            let json = serde_json::to_string(&money).expect("serializes");
            prop_assert_eq!(serde_json::from_str::<Money>(&json).expect("parses"), money);
        }
    }
}
