//! Invoices: what a client was charged and a freelancer was paid for one
//! released milestone or one hourly week. An invoice is written once, when
//! the money moves, and never changes; its number counts up within each
//! calendar year (`DW-2026-000042`).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::{ContractId, InvoiceId, JobId, UserId};
use crate::labelled_enum;
use crate::ledger::rules::Fees;
use crate::money::{Currency, Money, MoneyError};

labelled_enum! {
    /// What an invoice bills.
    pub enum InvoiceKind {
        /// A fixed-price milestone, on its release.
        Milestone => "milestone",
        /// A week of an hourly contract, on its charge.
        HourlyWeek => "hourly_week",
    }
}

/// The number an invoice is known by: the year it was issued and its place
/// in that year.
pub fn invoice_number(year: i32, sequence: u32) -> String {
    format!("DW-{year}-{sequence:06}")
}

/// The year an invoice issued at `at` is numbered in.
pub fn numbering_year(at: DateTime<Utc>) -> i32 {
    at.year()
}

/// One side of the contract as the invoice names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceParty {
    pub id: UserId,
    pub name: String,
}

/// One billed item with the fees on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceLine {
    pub description: String,
    /// Hourly weeks: the minutes billed.
    pub minutes: Option<u32>,
    /// Hourly weeks: the rate per hour.
    pub hourly_rate: Option<Money>,
    /// What the work costs, before fees.
    pub amount: Money,
    /// The marketplace fee the client pays on top of `amount`.
    pub client_fee: Money,
    /// The service fee taken from what the freelancer is paid.
    pub freelancer_fee: Money,
}

impl InvoiceLine {
    /// A line for `amount` with the fees of `fees` on it.
    pub fn priced(description: String, amount: Money, fees: Fees) -> Result<Self, MoneyError> {
        Ok(Self {
            description,
            minutes: None,
            hourly_rate: None,
            amount,
            client_fee: amount.percentage(fees.client_bps)?,
            freelancer_fee: amount.percentage(fees.freelancer_bps)?,
        })
    }
}

/// The sums every invoice shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceTotals {
    /// The work, before fees.
    pub subtotal: Money,
    pub client_fees: Money,
    /// What the client paid: subtotal plus the client's fees.
    pub client_total: Money,
    pub freelancer_fees: Money,
    /// What the freelancer was paid: subtotal less the service fees.
    pub freelancer_net: Money,
}

/// An invoice as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Invoice {
    pub id: InvoiceId,
    pub number: String,
    pub kind: InvoiceKind,
    pub issued_at: DateTime<Utc>,
    pub contract_id: ContractId,
    pub job_id: JobId,
    /// The contract's title.
    pub title: String,
    pub client: InvoiceParty,
    pub freelancer: InvoiceParty,
    /// Hourly weeks: the first and last day billed (Monday to Sunday, UTC).
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub currency: Currency,
    pub lines: Vec<InvoiceLine>,
    pub totals: InvoiceTotals,
}

impl InvoiceTotals {
    /// Adds up `lines`, all in `currency`.
    pub fn of(lines: &[InvoiceLine], currency: Currency) -> Result<Self, MoneyError> {
        let zero = Money::zero(currency);
        let (mut subtotal, mut client_fees, mut freelancer_fees) = (zero, zero, zero);
        for line in lines {
            subtotal = subtotal.checked_add(line.amount)?;
            client_fees = client_fees.checked_add(line.client_fee)?;
            freelancer_fees = freelancer_fees.checked_add(line.freelancer_fee)?;
        }
        Ok(Self {
            subtotal,
            client_fees,
            client_total: subtotal.checked_add(client_fees)?,
            freelancer_fees,
            freelancer_net: subtotal.checked_sub(freelancer_fees)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_within_the_year() {
        assert_eq!(invoice_number(2026, 42), "DW-2026-000042");
    }

    #[test]
    fn totals_show_both_sides_of_the_fees() {
        let usd = |cents| Money::new(cents, Currency::Usd);
        let line = InvoiceLine::priced("Logo".into(), usd(100_000), Fees::default()).expect("priced");
        let totals = InvoiceTotals::of(&[line], Currency::Usd).expect("sums");
        assert_eq!(totals.client_fees, usd(5_000));
        assert_eq!(totals.client_total, usd(105_000));
        assert_eq!(totals.freelancer_net, usd(90_000));
    }
}
