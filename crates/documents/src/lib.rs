//! Documents users download: invoices as HTML and PDF.
//!
//! Both formats are rendered from the same [`domain::invoice::Invoice`] and
//! show the same facts, lines and totals. Rendering is pure: no I/O, no
//! clock, and no assets fetched at run time (the PDF fonts are compiled in),
//! so the same invoice always yields the same document.

mod html;
mod pdf;
mod sheet;

#[cfg(test)]
mod fixtures;

pub use html::invoice_html;
pub use pdf::invoice_pdf;

/// Why a PDF could not be made. None of these depend on the invoice's
/// content: they mean the build or the environment is broken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// A bundled font could not be parsed or subset.
    #[error("font {font} cannot be embedded: {reason}")]
    Font { font: &'static str, reason: String },
    /// Compressing a stream failed.
    #[error("compressing a PDF stream failed: {0}")]
    Compress(#[from] std::io::Error),
    /// The document has more pages than a PDF page tree can count.
    #[error("the document is too large to write")]
    TooLarge,
}
