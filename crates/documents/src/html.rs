//! The invoice as a printable web page.

use askama::Template;
use domain::invoice::Invoice;

use crate::sheet::{FEES_NOTE, ISSUER, Sheet};

/// The page's template. Askama escapes every value printed into an `.html`
/// template, so user text (titles, names, descriptions) cannot inject markup.
#[derive(Template)]
#[template(path = "invoice.html")]
struct InvoicePage<'a> {
    sheet: &'a Sheet,
    issuer: &'a str,
    note: &'a str,
}

/// A complete, self-contained HTML5 page for `invoice`: styles inline, no
/// external assets, so it can be saved, mailed or printed as it is.
pub fn invoice_html(invoice: &Invoice) -> String {
    let sheet = Sheet::of(invoice);
    // Every value the template prints is an already formatted `String` or
    // `&str`, whose `Display` cannot fail, and the target is a `String`, so
    // rendering has no way to error.
    InvoicePage { sheet: &sheet, issuer: ISSUER, note: FEES_NOTE }.to_string()
}
