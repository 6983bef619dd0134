//! Laid-out pages into PDF syntax.

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use pdf_writer::{Content, Date, Filter, Pdf, Rect, Ref, Str, TextStr};

use crate::DocumentError;
use crate::pdf::font::{Embedding, Fonts, Weight, deflate};
use crate::pdf::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Page};
use crate::sheet::ISSUER;

/// What the document says about itself in its information dictionary.
pub(crate) struct Metadata<'a> {
    pub title: &'a str,
    pub created: DateTime<Utc>,
}

/// The faces of one document, each tracking the glyphs it shows.
struct Embeddings<'f> {
    regular: Embedding<'f>,
    bold: Embedding<'f>,
}

impl<'f> Embeddings<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self { regular: Embedding::new(fonts.get(Weight::Regular)), bold: Embedding::new(fonts.get(Weight::Bold)) }
    }

    fn get_mut(&mut self, weight: Weight) -> &mut Embedding<'f> {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }

    fn get(&self, weight: Weight) -> &Embedding<'f> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// Writes `pages` as a PDF. The fonts go in last, as their subsets are only
/// known once every page's text has been encoded.
///
/// Nothing here depends on the clock or on randomness, so one invoice always
/// gives the same bytes.
pub(crate) fn write(pages: &[Page], fonts: &Fonts, metadata: &Metadata<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let page_tree = next.bump();
    let info = next.bump();
    let font_ids = Weight::ALL.map(|weight| (weight, next.bump()));

    let mut pdf = Pdf::new();
    let mut embeddings = Embeddings::new(fonts);
    let mut page_ids = Vec::with_capacity(pages.len());
    for ops in pages {
        let (page, content) = (next.bump(), next.bump());
        let stream = deflate(&draw(ops, &mut embeddings))?;
        pdf.stream(content, &stream).filter(Filter::FlateDecode);
        write_page(&mut pdf, page, page_tree, content, &font_ids);
        page_ids.push(page);
    }

    let count = i32::try_from(page_ids.len()).map_err(|_| DocumentError::TooLarge)?;
    pdf.pages(page_tree).kids(page_ids).count(count);
    pdf.catalog(catalog).pages(page_tree);
    for (weight, id) in font_ids {
        embeddings.get(weight).write(&mut pdf, id, &mut next)?;
    }
    write_info(&mut pdf, info, metadata);
    Ok(pdf.finish())
}

/// A page of the tree: A4, its content, and both faces as resources (every
/// page uses the regular face, and listing the bold one where unused costs
/// nothing).
fn write_page(pdf: &mut Pdf, id: Ref, parent: Ref, content: Ref, fonts: &[(Weight, Ref)]) {
    let mut page = pdf.page(id);
    page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT)).parent(parent).contents(content);
    let mut resources = page.resources();
    let mut font_resources = resources.fonts();
    for &(weight, font) in fonts {
        font_resources.pair(weight.resource_name(), font);
    }
}

/// One page's content stream.
fn draw(ops: &[Op], embeddings: &mut Embeddings<'_>) -> Vec<u8> {
    let mut content = Content::new();
    for op in ops {
        match op {
            Op::Text { x, y, style, text } => {
                let codes = embeddings.get_mut(style.weight).encode(text);
                content.set_fill_gray(style.gray);
                content.begin_text();
                content.set_font(style.weight.resource_name(), style.size);
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, *y]);
                content.show(Str(&codes));
                content.end_text();
            }
            Op::Rule { x1, x2, y, thickness, gray } => {
                content.set_stroke_gray(*gray);
                content.set_line_width(*thickness);
                content.move_to(*x1, *y).line_to(*x2, *y);
                content.stroke();
            }
        }
    }
    content.finish().into_vec()
}

fn write_info(pdf: &mut Pdf, id: Ref, metadata: &Metadata<'_>) {
    let mut info = pdf.document_info(id);
    info.title(TextStr(metadata.title)).author(TextStr(ISSUER)).creator(TextStr(ISSUER));
    if let Some(date) = pdf_date(metadata.created) {
        info.creation_date(date);
    }
}

/// `at` as a PDF date; none for years a PDF date cannot hold.
fn pdf_date(at: DateTime<Utc>) -> Option<Date> {
    let byte = |value: u32| u8::try_from(value).ok();
    Some(
        Date::new(u16::try_from(at.year()).ok().filter(|year| *year <= 9999)?)
            .month(byte(at.month())?)
            .day(byte(at.day())?)
            .hour(byte(at.hour())?)
            .minute(byte(at.minute())?)
            .second(byte(at.second())?)
            .utc_offset_hour(0)
            .utc_offset_minute(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_their_utc_offset() {
        let at = DateTime::parse_from_rfc3339("2026-03-09T14:05:07Z").expect("parses").with_timezone(&Utc);
        let mut pdf = Pdf::new();
        pdf.document_info(Ref::new(1)).creation_date(pdf_date(at).expect("in range"));
        let bytes = pdf.finish();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("D:20260309140507Z"), "{text}");
    }

    #[test]
    fn rules_are_drawn_where_the_layout_puts_them() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        let mut embeddings = Embeddings::new(&fonts);
        let stream = draw(&[Op::Rule { x1: 50.0, x2: 545.0, y: 100.0, thickness: 0.5, gray: 0.4 }], &mut embeddings);
        let stream = String::from_utf8_lossy(&stream);
        assert!(stream.contains("50 100 m\n545 100 l"), "{stream}");
    }
}
