//! The invoice as an A4 PDF.

mod font;
mod layout;
mod write;

use domain::invoice::Invoice;

use crate::DocumentError;
use crate::sheet::Sheet;

/// An A4 PDF of `invoice`, set in the bundled DejaVu Sans so that any name
/// or currency sign prints as written. Long descriptions wrap (and past a
/// few lines are cut with an ellipsis); lines that do not fit flow onto
/// further pages under repeated column headings, each page numbered.
pub fn invoice_pdf(invoice: &Invoice) -> Result<Vec<u8>, DocumentError> {
    let sheet = Sheet::of(invoice);
    let fonts = font::Fonts::load()?;
    let pages = layout::layout(&sheet, &fonts);
    write::write(&pages, &fonts, &write::Metadata { title: &sheet.number, created: invoice.issued_at })
}
