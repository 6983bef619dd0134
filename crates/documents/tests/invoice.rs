//! The public renderings, checked the way a user would see them.

use chrono::{NaiveDate, TimeZone as _, Utc};
use documents::{invoice_html, invoice_pdf};
use domain::invoice::{Invoice, InvoiceKind, InvoiceLine, InvoiceParty, InvoiceTotals, invoice_number};
use domain::ledger::rules::Fees;
use domain::money::{Currency, Money};
use domain::{ContractId, InvoiceId, JobId, UserId};

const NASTY_DESCRIPTION: &str = "Fix <script>alert('x')</script> & \"quotes\" in Zürich café";

fn line(description: &str, cents: i64, currency: Currency) -> InvoiceLine {
    InvoiceLine::priced(description.into(), Money::new(cents, currency), Fees::default()).expect("priced")
}

fn hourly_line(description: &str, minutes: u32, rate_cents: i64, currency: Currency) -> InvoiceLine {
    let amount = Money::new(i64::from(minutes) * rate_cents / 60, currency);
    let mut line = InvoiceLine::priced(description.into(), amount, Fees::default()).expect("priced");
    line.minutes = Some(minutes);
    line.hourly_rate = Some(Money::new(rate_cents, currency));
    line
}

fn invoice(kind: InvoiceKind, lines: Vec<InvoiceLine>, currency: Currency) -> Invoice {
    let hourly = kind == InvoiceKind::HourlyWeek;
    Invoice {
        id: InvoiceId::new(),
        number: invoice_number(2026, 42),
        kind,
        issued_at: Utc.with_ymd_and_hms(2026, 3, 9, 23, 30, 0).single().expect("valid"),
        contract_id: ContractId::new(),
        job_id: JobId::new(),
        title: "Rebrand für Café Ökö & Co".into(),
        client: InvoiceParty { id: UserId::new(), name: "Zoë Müller".into() },
        freelancer: InvoiceParty { id: UserId::new(), name: "François Ñúñez".into() },
        period_start: hourly.then(|| NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid")),
        period_end: hourly.then(|| NaiveDate::from_ymd_opt(2026, 3, 8).expect("valid")),
        currency,
        totals: InvoiceTotals::of(&lines, currency).expect("sums"),
        lines,
    }
}

fn hourly_invoice() -> Invoice {
    let eur = Currency::Eur;
    invoice(
        InvoiceKind::HourlyWeek,
        vec![hourly_line(NASTY_DESCRIPTION, 750, 8_000, eur), hourly_line("Design review", 45, 8_000, eur)],
        eur,
    )
}

fn milestone_invoice(lines: usize) -> Invoice {
    let usd = Currency::Usd;
    let lines = (1..=lines).map(|n| line(&format!("Milestone {n}: deliverable"), 150_000, usd)).collect();
    invoice(InvoiceKind::Milestone, lines, usd)
}

/// Page objects in the file, told apart from the `/Type /Pages` tree.
fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphanumeric()).count()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn html_is_a_complete_page_titled_with_the_number() {
    let html = invoice_html(&hourly_invoice());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"<meta charset="utf-8">"#));
    assert!(html.contains("<title>DW-2026-000042</title>"));
    assert!(html.contains("Downwork"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn html_is_self_contained() {
    let html = invoice_html(&hourly_invoice());
    for external in ["<link", "<script", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(external), "the page refers to an external asset: {external}");
    }
}

#[test]
fn html_escapes_user_text() {
    let html = invoice_html(&hourly_invoice());
    assert!(!html.contains("<script>"));
    assert!(html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"), "description is shown escaped");
    assert!(!html.contains("Ökö & Co"), "a raw ampersand in the title is escaped");
    assert!(html.contains("Zoë Müller"));
    assert!(html.contains("François Ñúñez"));
}

#[test]
fn html_shows_every_total_as_money_displays_it() {
    let invoice = hourly_invoice();
    let html = invoice_html(&invoice);
    let totals = invoice.totals;
    for money in
        [totals.subtotal, totals.client_fees, totals.client_total, totals.freelancer_fees, totals.freelancer_net]
    {
        assert!(html.contains(&money.to_string()), "{money} is missing");
    }
    for label in ["Subtotal", "Total charged to client", "Paid to freelancer"] {
        assert!(html.contains(label), "{label} is missing");
    }
    for line in &invoice.lines {
        for money in [line.amount, line.client_fee, line.freelancer_fee] {
            assert!(html.contains(&money.to_string()), "{money} is missing");
        }
    }
}

#[test]
fn html_shows_the_hourly_week_its_time_and_rate() {
    let html = invoice_html(&hourly_invoice());
    assert!(html.contains("Hourly week"));
    assert!(html.contains("2026-03-02 – 2026-03-08"));
    assert!(html.contains("2026-03-09"), "issue date, UTC");
    assert!(html.contains("12 h 30 min at €80.00/h"));
    assert!(html.contains("45 min at €80.00/h"));
}

#[test]
fn html_names_the_contract_job_and_parties() {
    let invoice = milestone_invoice(1);
    let html = invoice_html(&invoice);
    assert!(html.contains("Milestone"));
    assert!(html.contains(&invoice.job_id.to_string()));
    assert!(html.contains("Rebrand für Café Ökö &#38; Co") || html.contains("Rebrand für Café Ökö &amp; Co"));
    assert!(!html.contains("Period"), "a milestone has no billing period");
}

#[test]
fn pdf_is_a_complete_file() {
    let pdf = invoice_pdf(&hourly_invoice()).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    let end = pdf.iter().rposition(|b| !b.is_ascii_whitespace()).expect("not blank");
    assert!(pdf[..=end].ends_with(b"%%EOF"));
}

#[test]
fn pdf_embeds_the_fonts_it_uses() {
    let pdf = invoice_pdf(&hourly_invoice()).expect("renders");
    assert!(contains(&pdf, b"/FontFile2"));
    assert!(contains(&pdf, b"+DejaVuSans"));
    assert!(contains(&pdf, b"+DejaVuSans-Bold"));
    assert!(contains(&pdf, b"/ToUnicode"), "text stays searchable and copyable");
}

#[test]
fn pdf_of_one_line_is_one_small_page() {
    let pdf = invoice_pdf(&milestone_invoice(1)).expect("renders");
    assert_eq!(page_count(&pdf), 1);
    assert!(pdf.len() < 100_000, "{} bytes: fonts should be subset", pdf.len());
}

#[test]
fn pdf_of_many_lines_runs_over_several_pages() {
    let pdf = invoice_pdf(&milestone_invoice(200)).expect("renders");
    let pages = page_count(&pdf);
    assert!(pages > 1, "{pages} page(s)");
    assert!(contains(&pdf, format!("/Count {pages}").as_bytes()), "the page tree counts every page");
}

#[test]
fn the_same_invoice_gives_the_same_pdf() {
    let invoice = hourly_invoice();
    assert_eq!(invoice_pdf(&invoice).expect("renders"), invoice_pdf(&invoice).expect("renders"));
}

#[test]
fn pdf_survives_text_that_no_layout_expects() {
    let eur = Currency::Eur;
    let endless = "Überlange Beschreibung ohne Ende ".repeat(500);
    let unbroken = "x".repeat(5_000);
    let lines =
        vec![line(&endless, 1, eur), line(&unbroken, i64::MAX / 2, eur), line("", 0, eur), line("\u{0}\t\n", 1, eur)];
    let pdf = invoice_pdf(&invoice(InvoiceKind::Milestone, lines, eur)).expect("renders");
    assert_eq!(page_count(&pdf), 1, "long text is cut, not spread over pages");
}
