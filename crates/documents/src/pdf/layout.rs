//! Where everything goes on the page.
//!
//! Layout is kept apart from PDF syntax: it turns a [`Sheet`] into pages of
//! positioned text and rules, measured with the real font metrics, and the
//! writer only has to draw them. That makes wrapping and page breaks
//! testable without parsing a PDF.

use crate::pdf::font::{Font, Fonts, Weight};
use crate::sheet::{FEES_NOTE, ISSUER, Sheet, SheetLine};

/// A4, in points.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;

const MARGIN: f32 = 50.0;
const LEFT: f32 = MARGIN;
const RIGHT: f32 = PAGE_WIDTH - MARGIN;
const TOP: f32 = PAGE_HEIGHT - MARGIN;
/// The lowest point content may reach; the footer lives below it.
const BOTTOM: f32 = 64.0;
const FOOTER_BASELINE: f32 = 36.0;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.35;
/// Space above and below the text of a table row.
const ROW_PADDING: f32 = 5.0;

const INK: f32 = 0.0;
const MUTED: f32 = 0.4;
const HAIRLINE: f32 = 0.5;
const RULE: f32 = 1.0;

/// The three money columns share the right part of the table; the
/// description takes what is left. Money rarely needs more than
/// `$999,999.99`, and wider figures are set smaller to fit (see [`fitted`]).
const MONEY_COLUMN: f32 = 88.0;
const COLUMN_GAP: f32 = 10.0;
const MONEY_RIGHT_EDGES: [f32; 3] = [RIGHT - 2.0 * MONEY_COLUMN, RIGHT - MONEY_COLUMN, RIGHT];
const MONEY_WIDTH: f32 = MONEY_COLUMN - COLUMN_GAP;
const DESCRIPTION_WIDTH: f32 = RIGHT - LEFT - 3.0 * MONEY_COLUMN - COLUMN_GAP;

/// Header facts take a label column and the rest for the value.
const FACT_LABEL_WIDTH: f32 = 100.0;

/// Caps on wrapped text, so that no single value can push the document into
/// pages of one paragraph: a row stays well within a page and therefore
/// always fits on a fresh one.
const MAX_DESCRIPTION_LINES: usize = 8;
const MAX_DETAIL_LINES: usize = 2;
const MAX_FACT_LINES: usize = 3;

/// Figures never shrink below this, however wide.
const MIN_FIGURE_SIZE: f32 = 5.0;

const ELLIPSIS: char = '…';

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub weight: Weight,
    /// Fill gray level: 0 is black.
    pub gray: f32,
}

impl Style {
    const fn new(size: f32, weight: Weight, gray: f32) -> Self {
        Self { size, weight, gray }
    }

    const fn sized(self, size: f32) -> Self {
        Self { size, ..self }
    }

    fn line_height(self) -> f32 {
        self.size * LEADING
    }
}

const BODY: Style = Style::new(9.0, Weight::Regular, INK);
const STRONG: Style = Style::new(9.0, Weight::Bold, INK);
const LABEL: Style = Style::new(9.0, Weight::Regular, MUTED);
const SMALL: Style = Style::new(7.5, Weight::Regular, MUTED);
const COLUMN_HEAD: Style = Style::new(7.5, Weight::Bold, MUTED);
const ISSUER_MARK: Style = Style::new(22.0, Weight::Bold, INK);
const DOCUMENT_NAME: Style = Style::new(12.0, Weight::Bold, INK);
const CONTINUED: Style = Style::new(10.0, Weight::Bold, INK);

/// One drawing instruction, in PDF user space (points, origin bottom left).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// Text whose baseline starts at `(x, y)`.
    Text { x: f32, y: f32, style: Style, text: String },
    /// A horizontal line from `x1` to `x2` at height `y`.
    Rule { x1: f32, x2: f32, y: f32, thickness: f32, gray: f32 },
}

pub(crate) type Page = Vec<Op>;

/// Lays `sheet` out on as many A4 pages as its lines need.
pub(crate) fn layout(sheet: &Sheet, fonts: &Fonts) -> Vec<Page> {
    let mut flow = Flow::new(fonts);
    masthead(&mut flow, sheet);
    facts(&mut flow, sheet);
    flow.skip(18.0);
    table_head(&mut flow);
    for line in &sheet.lines {
        row(&mut flow, sheet, line);
    }
    totals(&mut flow, sheet);
    note(&mut flow, sheet);
    flow.finish(sheet)
}

/// A cursor running down the pages, breaking to a new one when told.
struct Flow<'f> {
    fonts: &'f Fonts,
    done: Vec<Page>,
    page: Page,
    /// The top of the free space on the current page.
    y: f32,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self { fonts, done: Vec::new(), page: Vec::new(), y: TOP }
    }

    fn font(&self, style: Style) -> &'f Font {
        self.fonts.get(style.weight)
    }

    fn fits(&self, height: f32) -> bool {
        self.y - height >= BOTTOM
    }

    fn break_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.y = TOP;
    }

    fn skip(&mut self, height: f32) {
        self.y -= height;
    }

    fn text(&mut self, x: f32, y: f32, style: Style, text: impl Into<String>) {
        self.page.push(Op::Text { x, y, style, text: text.into() });
    }

    /// Text that ends at `right`, as figures in a column do.
    fn text_right(&mut self, right: f32, y: f32, style: Style, text: &str) {
        let x = right - self.font(style).width(text, style.size);
        self.text(x, y, style, text);
    }

    /// A line across the content width.
    fn rule(&mut self, y: f32, thickness: f32, gray: f32) {
        self.page.push(Op::Rule { x1: LEFT, x2: RIGHT, y, thickness, gray });
    }

    /// Closes the last page and puts a footer on every page, which needs
    /// the page count and so has to wait until the end.
    fn finish(mut self, sheet: &Sheet) -> Vec<Page> {
        self.done.push(self.page);
        let count = self.done.len();
        let footer_left = format!("{ISSUER} · Invoice {}", sheet.number);
        for (index, page) in self.done.iter_mut().enumerate() {
            let numbering = format!("Page {} of {count}", index + 1);
            let width = self.fonts.get(SMALL.weight).width(&numbering, SMALL.size);
            page.push(Op::Text { x: LEFT, y: FOOTER_BASELINE, style: SMALL, text: footer_left.clone() });
            page.push(Op::Text { x: RIGHT - width, y: FOOTER_BASELINE, style: SMALL, text: numbering });
        }
        self.done
    }
}

/// The issuer's name large on the left, the document and its number on
/// the right.
fn masthead(flow: &mut Flow<'_>, sheet: &Sheet) {
    let baseline = flow.y - ISSUER_MARK.size;
    flow.text(LEFT, baseline, ISSUER_MARK, ISSUER);
    flow.text_right(RIGHT, flow.y - COLUMN_HEAD.size, COLUMN_HEAD, "INVOICE");
    let number = fitted(flow.font(DOCUMENT_NAME), &sheet.number, DOCUMENT_NAME, (RIGHT - LEFT) / 2.0);
    flow.text_right(RIGHT, baseline, number, &sheet.number);
    flow.y = baseline - 12.0;
    flow.rule(flow.y, RULE + 0.5, INK);
    flow.skip(16.0);
}

/// Who, what and when, one labelled value per line.
fn facts(flow: &mut Flow<'_>, sheet: &Sheet) {
    let width = RIGHT - LEFT - FACT_LABEL_WIDTH;
    for (label, value) in sheet.facts() {
        let lines = wrap(flow.font(BODY), value, BODY.size, width, MAX_FACT_LINES);
        flow.text(LEFT, flow.y - BODY.size, LABEL, label);
        for line in lines {
            flow.text(LEFT + FACT_LABEL_WIDTH, flow.y - BODY.size, BODY, line);
            flow.skip(BODY.line_height());
        }
    }
}

const MONEY_HEADINGS: [[&str; 2]; 3] =
    [["", "Amount"], ["Marketplace fee", "(client)"], ["Service fee", "(freelancer)"]];

/// Column headings, repeated at the top of every page the table runs onto.
fn table_head(flow: &mut Flow<'_>) {
    let line_height = COLUMN_HEAD.line_height();
    let second = flow.y - line_height - COLUMN_HEAD.size;
    flow.text(LEFT, second, COLUMN_HEAD, "DESCRIPTION");
    for (headings, right) in MONEY_HEADINGS.iter().zip(MONEY_RIGHT_EDGES) {
        for (index, heading) in headings.iter().enumerate() {
            let style = fitted(flow.font(COLUMN_HEAD), heading, COLUMN_HEAD, MONEY_WIDTH);
            let y = flow.y - COLUMN_HEAD.size - line_height * index as f32;
            flow.text_right(right, y, style, heading);
        }
    }
    flow.skip(2.0 * line_height + 3.0);
    flow.rule(flow.y, RULE, INK);
}

/// One invoice line: the description wrapped in its column, the hourly
/// detail beneath it, the three figures level with its first line. A row
/// that does not fit goes whole to the next page, under repeated headings.
fn row(flow: &mut Flow<'_>, sheet: &Sheet, line: &SheetLine) {
    let description = wrap(flow.font(BODY), &line.description, BODY.size, DESCRIPTION_WIDTH, MAX_DESCRIPTION_LINES);
    let detail = match &line.detail {
        Some(detail) => wrap(flow.font(SMALL), detail, SMALL.size, DESCRIPTION_WIDTH, MAX_DETAIL_LINES),
        None => Vec::new(),
    };
    let height =
        2.0 * ROW_PADDING + description.len() as f32 * BODY.line_height() + detail.len() as f32 * SMALL.line_height();
    if !flow.fits(height) {
        continue_on_next_page(flow, sheet);
        table_head(flow);
    }

    let top = flow.y - ROW_PADDING;
    let first_baseline = top - BODY.size;
    let mut y = top;
    for text in description {
        flow.text(LEFT, y - BODY.size, BODY, text);
        y -= BODY.line_height();
    }
    for text in detail {
        flow.text(LEFT, y - SMALL.size, SMALL, text);
        y -= SMALL.line_height();
    }
    for (figure, right) in [&line.amount, &line.client_fee, &line.freelancer_fee].into_iter().zip(MONEY_RIGHT_EDGES) {
        let style = fitted(flow.font(BODY), figure, BODY, MONEY_WIDTH);
        flow.text_right(right, first_baseline, style, figure);
    }
    flow.skip(height);
    flow.rule(flow.y, HAIRLINE, MUTED);
}

/// The sums, kept together and right-aligned under the figures.
fn totals(flow: &mut Flow<'_>, sheet: &Sheet) {
    let row_height = BODY.line_height() + 4.0;
    let height = 14.0 + row_height * sheet.totals.len() as f32;
    if !flow.fits(height) {
        continue_on_next_page(flow, sheet);
    }
    flow.skip(14.0);
    let label_right = RIGHT - MONEY_COLUMN - COLUMN_GAP;
    for total in &sheet.totals {
        let (label_style, value_style) = if total.emphasised { (STRONG, STRONG) } else { (LABEL, BODY) };
        let baseline = flow.y - 2.0 - BODY.size;
        flow.text_right(label_right, baseline, label_style, total.label);
        let value_style = fitted(flow.font(value_style), &total.value, value_style, MONEY_COLUMN);
        flow.text_right(RIGHT, baseline, value_style, &total.value);
        flow.skip(row_height);
    }
}

/// What the two fee columns mean.
fn note(flow: &mut Flow<'_>, sheet: &Sheet) {
    let lines = wrap(flow.font(SMALL), FEES_NOTE, SMALL.size, RIGHT - LEFT, usize::MAX);
    let height = 18.0 + lines.len() as f32 * SMALL.line_height();
    if !flow.fits(height) {
        continue_on_next_page(flow, sheet);
    }
    flow.skip(18.0);
    for line in lines {
        flow.text(LEFT, flow.y - SMALL.size, SMALL, line);
        flow.skip(SMALL.line_height());
    }
}

/// Starts a new page headed with the invoice number, so a loose page still
/// says what it belongs to.
fn continue_on_next_page(flow: &mut Flow<'_>, sheet: &Sheet) {
    flow.break_page();
    flow.text(LEFT, flow.y - CONTINUED.size, CONTINUED, format!("Invoice {} (continued)", sheet.number));
    flow.skip(CONTINUED.line_height() + 10.0);
}

/// `style` made small enough for `text` to fit in `width`, down to a floor
/// below which it would be unreadable anyway.
fn fitted(font: &Font, text: &str, style: Style, width: f32) -> Style {
    let natural = font.width(text, style.size);
    if natural <= width { style } else { style.sized((style.size * width / natural).max(MIN_FIGURE_SIZE)) }
}

/// Breaks `text` into lines no wider than `width` at `size`, at spaces
/// where it can and inside a word only where the word alone is too wide.
/// Past `max_lines` the text is cut and the last line ends in an ellipsis.
/// Line breaks and runs of whitespace in the input count as one space: a
/// description is a paragraph, not preformatted text.
pub(crate) fn wrap(font: &Font, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let fits = |candidate: &str| font.width(candidate, size) <= width;
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        for piece in split_word(font, word, size, width) {
            let candidate = if current.is_empty() { piece.to_owned() } else { format!("{current} {piece}") };
            if current.is_empty() || fits(&candidate) {
                current = candidate;
                continue;
            }
            lines.push(std::mem::replace(&mut current, piece.to_owned()));
            if lines.len() == max_lines {
                cut = true;
                break 'words;
            }
        }
    }
    if !cut && !current.is_empty() {
        lines.push(current);
    }
    if cut && let Some(last) = lines.last_mut() {
        *last = with_ellipsis(font, last, size, width);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A word as pieces that each fit in `width`; whole if it already does.
fn split_word<'w>(font: &Font, word: &'w str, size: f32, width: f32) -> Vec<&'w str> {
    if font.width(word, size) <= width {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (index, c) in word.char_indices() {
        let advance = font.width(c.encode_utf8(&mut [0; 4]), size);
        if used + advance > width && index > start {
            pieces.push(&word[start..index]);
            (start, used) = (index, 0.0);
        }
        used += advance;
    }
    pieces.push(&word[start..]);
    pieces
}

/// `line` shortened as needed to end in an ellipsis within `width`.
fn with_ellipsis(font: &Font, line: &str, size: f32, width: f32) -> String {
    let mut kept = line.trim_end().to_owned();
    loop {
        let candidate = format!("{kept}{ELLIPSIS}");
        if kept.is_empty() || font.width(&candidate, size) <= width {
            return candidate;
        }
        kept.pop();
        kept.truncate(kept.trim_end().len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("bundled fonts parse")
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                Op::Rule { .. } => None,
            })
            .collect()
    }

    #[test]
    fn short_text_stays_on_one_line() {
        let fonts = fonts();
        assert_eq!(wrap(fonts.get(Weight::Regular), "Logo design", 9.0, 200.0, 3), ["Logo design"]);
    }

    #[test]
    fn long_text_wraps_at_spaces_within_the_width() {
        let fonts = fonts();
        let font = fonts.get(Weight::Regular);
        let text = "Design and build the landing page, including copy review, two rounds of changes and handover";
        let lines = wrap(font, text, 9.0, 150.0, 10);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|line| font.width(line, 9.0) <= 150.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_column_is_split() {
        let fonts = fonts();
        let font = fonts.get(Weight::Regular);
        let word = "x".repeat(60);
        let lines = wrap(font, &word, 9.0, 100.0, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| font.width(line, 9.0) <= 100.0));
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn text_past_the_line_cap_ends_in_an_ellipsis() {
        let fonts = fonts();
        let font = fonts.get(Weight::Regular);
        let text = "lorem ipsum dolor sit amet ".repeat(100);
        let lines = wrap(font, &text, 9.0, 120.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with(ELLIPSIS), "{lines:?}");
        assert!(font.width(&lines[2], 9.0) <= 120.0);
    }

    #[test]
    fn empty_text_still_takes_a_line() {
        let fonts = fonts();
        assert_eq!(wrap(fonts.get(Weight::Regular), "  \n ", 9.0, 100.0, 3), [""]);
    }

    #[test]
    fn huge_figures_shrink_to_fit_their_column() {
        let fonts = fonts();
        let font = fonts.get(Weight::Regular);
        let figure = "$92,233,720,368,547,758.07";
        let style = fitted(font, figure, BODY, MONEY_WIDTH);
        assert!(style.size < BODY.size);
        assert!(font.width(figure, style.size) <= MONEY_WIDTH + 0.01);
    }

    #[test]
    fn every_page_says_which_page_of_how_many_it_is() {
        let fonts = fonts();
        let mut flow = Flow::new(&fonts);
        flow.break_page();
        let sheet = crate::fixtures::sheet_with_lines(1);
        let pages = flow.finish(&sheet);
        assert!(texts(&pages[0]).contains(&"Page 1 of 2"));
        assert!(texts(&pages[1]).contains(&"Page 2 of 2"));
    }

    #[test]
    fn many_lines_flow_onto_further_pages_under_repeated_headings() {
        let fonts = fonts();
        let sheet = crate::fixtures::sheet_with_lines(120);
        let pages = layout(&sheet, &fonts);
        assert!(pages.len() > 2, "{} pages", pages.len());
        for page in &pages {
            let texts = texts(page);
            if texts.iter().any(|text| text.starts_with("Task ")) {
                assert!(texts.contains(&"DESCRIPTION"), "headings repeat on every page of the table");
            }
        }
        let shown: usize = pages.iter().map(|page| texts(page).iter().filter(|t| t.starts_with("Task ")).count()).sum();
        assert_eq!(shown, 120, "every line is printed exactly once");
        for op in pages.iter().flatten() {
            if let Op::Text { y, .. } = op {
                let in_body = (BOTTOM..=TOP).contains(y);
                assert!(in_body || *y == FOOTER_BASELINE, "text at {y} runs into the margins");
            }
        }
    }
}
