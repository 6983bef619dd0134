//! Invoices for unit tests.

use chrono::{NaiveDate, TimeZone as _, Utc};
use domain::invoice::{Invoice, InvoiceKind, InvoiceLine, InvoiceParty, InvoiceTotals, invoice_number};
use domain::ledger::rules::Fees;
use domain::money::{Currency, Money};
use domain::{ContractId, InvoiceId, JobId, UserId};

use crate::sheet::Sheet;

/// An hourly invoice in euros with `count` lines named `Task 1`, `Task 2`…
pub(crate) fn invoice_with_lines(count: usize) -> Invoice {
    let currency = Currency::Eur;
    let lines: Vec<InvoiceLine> = (1..=count)
        .map(|n| {
            let amount = Money::new(12_345 * i64::try_from(n).expect("small"), currency);
            let mut line = InvoiceLine::priced(format!("Task {n}"), amount, Fees::default()).expect("priced");
            line.minutes = Some(90);
            line.hourly_rate = Some(Money::new(8_230, currency));
            line
        })
        .collect();
    Invoice {
        id: InvoiceId::new(),
        number: invoice_number(2026, 42),
        kind: InvoiceKind::HourlyWeek,
        issued_at: Utc.with_ymd_and_hms(2026, 3, 9, 10, 0, 0).single().expect("valid"),
        contract_id: ContractId::new(),
        job_id: JobId::new(),
        title: "Weekly support".into(),
        client: InvoiceParty { id: UserId::new(), name: "Zoë Müller".into() },
        freelancer: InvoiceParty { id: UserId::new(), name: "José Núñez".into() },
        period_start: NaiveDate::from_ymd_opt(2026, 3, 2),
        period_end: NaiveDate::from_ymd_opt(2026, 3, 8),
        currency,
        totals: InvoiceTotals::of(&lines, currency).expect("sums"),
        lines,
    }
}

pub(crate) fn sheet_with_lines(count: usize) -> Sheet {
    Sheet::of(&invoice_with_lines(count))
}
