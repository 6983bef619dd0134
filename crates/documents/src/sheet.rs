//! What an invoice says, already worded and formatted.
//!
//! Both renderings read this one model, so the HTML page and the PDF cannot
//! drift apart in what they show: only in how they lay it out. Everything
//! here is plain text; escaping is the HTML template's job and glyph mapping
//! the PDF writer's.

use chrono::NaiveDate;
use domain::invoice::{Invoice, InvoiceKind, InvoiceLine, InvoiceTotals};
use domain::money::Money;

/// The company that issues every invoice.
pub(crate) const ISSUER: &str = "Downwork";

/// Explains the two fee columns, which otherwise read as the same thing.
pub(crate) const FEES_NOTE: &str = "The marketplace fee is charged to the client on top of the \
    amount. The service fee is deducted from what the freelancer is paid.";

/// An invoice as it reads on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sheet {
    pub number: String,
    /// The issue date, UTC, as `YYYY-MM-DD`.
    pub issued_on: String,
    pub kind: &'static str,
    /// Hourly weeks: the days billed, `2026-03-02 – 2026-03-08`.
    pub period: Option<String>,
    pub title: String,
    pub job_id: String,
    pub client: String,
    pub freelancer: String,
    /// The ISO code, upper case as people write it.
    pub currency: String,
    pub lines: Vec<SheetLine>,
    pub totals: Vec<SheetTotal>,
}

/// One billed item, every figure formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SheetLine {
    pub description: String,
    /// Hourly lines: the time and rate, `12 h 30 min at $50.00/h`.
    pub detail: Option<String>,
    pub amount: String,
    pub client_fee: String,
    pub freelancer_fee: String,
}

/// One row of the totals block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SheetTotal {
    pub label: &'static str,
    pub value: String,
    /// The two sums each party cares about most stand out.
    pub emphasised: bool,
}

impl Sheet {
    pub(crate) fn of(invoice: &Invoice) -> Self {
        Self {
            number: invoice.number.clone(),
            issued_on: invoice.issued_at.date_naive().to_string(),
            kind: kind_label(invoice.kind),
            period: period(invoice.period_start, invoice.period_end),
            title: invoice.title.clone(),
            job_id: invoice.job_id.to_string(),
            client: invoice.client.name.clone(),
            freelancer: invoice.freelancer.name.clone(),
            currency: invoice.currency.code().to_ascii_uppercase(),
            lines: invoice.lines.iter().map(SheetLine::of).collect(),
            totals: totals(&invoice.totals),
        }
    }

    /// The facts under the heading (which carries the number) as label and
    /// value, in reading order; the period only where there is one.
    pub(crate) fn facts(&self) -> Vec<(&'static str, &str)> {
        let mut facts = vec![("Issued", self.issued_on.as_str()), ("Kind", self.kind)];
        if let Some(period) = &self.period {
            facts.push(("Period", period));
        }
        facts.extend([
            ("Contract", self.title.as_str()),
            ("Job", &self.job_id),
            ("Client", &self.client),
            ("Freelancer", &self.freelancer),
            ("Currency", &self.currency),
        ]);
        facts
    }
}

impl SheetLine {
    fn of(line: &InvoiceLine) -> Self {
        Self {
            description: line.description.clone(),
            detail: detail(line.minutes, line.hourly_rate),
            amount: line.amount.to_string(),
            client_fee: line.client_fee.to_string(),
            freelancer_fee: line.freelancer_fee.to_string(),
        }
    }
}

fn kind_label(kind: InvoiceKind) -> &'static str {
    match kind {
        InvoiceKind::Milestone => "Milestone",
        InvoiceKind::HourlyWeek => "Hourly week",
    }
}

/// Both ends are needed to name a period; a lone one is shown as it is
/// rather than dropped, since it still tells the reader something.
fn period(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) => Some(format!("{start} – {end}")),
        (Some(start), None) => Some(format!("from {start}")),
        (None, Some(end)) => Some(format!("until {end}")),
        (None, None) => None,
    }
}

fn detail(minutes: Option<u32>, hourly_rate: Option<Money>) -> Option<String> {
    match (minutes, hourly_rate) {
        (Some(minutes), Some(rate)) => Some(format!("{} at {rate}/h", duration(minutes))),
        (Some(minutes), None) => Some(duration(minutes)),
        (None, Some(rate)) => Some(format!("{rate}/h")),
        (None, None) => None,
    }
}

/// Minutes as people read time sheets: `12 h 30 min`, `2 h`, `45 min`.
pub(crate) fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

fn totals(totals: &InvoiceTotals) -> Vec<SheetTotal> {
    let row = |label, value: Money, emphasised| SheetTotal { label, value: value.to_string(), emphasised };
    vec![
        row("Subtotal", totals.subtotal, false),
        row("Client marketplace fees", totals.client_fees, false),
        row("Total charged to client", totals.client_total, true),
        row("Freelancer service fees", totals.freelancer_fees, false),
        row("Paid to freelancer", totals.freelancer_net, true),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::money::Currency;

    #[test]
    fn durations_read_like_a_time_sheet() {
        assert_eq!(duration(750), "12 h 30 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(0), "0 min");
    }

    #[test]
    fn hourly_detail_names_time_and_rate() {
        let rate = Money::new(5_000, Currency::Usd);
        assert_eq!(detail(Some(750), Some(rate)).as_deref(), Some("12 h 30 min at $50.00/h"));
        assert_eq!(detail(None, None), None);
    }

    #[test]
    fn period_needs_no_both_ends_to_say_something() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d);
        assert_eq!(period(day(2), day(8)).as_deref(), Some("2026-03-02 – 2026-03-08"));
        assert_eq!(period(None, None), None);
    }
}
