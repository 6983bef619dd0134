//! The fonts a PDF is set in, and how they get into the file.
//!
//! The PDF standard fonts only cover Latin-1 and are not embedded, so a name
//! like "Zoë" or an amount in euros would print as whatever the viewer
//! substitutes. Instead the DejaVu Sans faces shipped in `fonts/` are built
//! into the binary and embedded in every document, subset to the glyphs the
//! document uses so a one-page invoice stays small.

use std::collections::BTreeMap;

use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::writers::Widths;
use pdf_writer::{Filter, Finish as _, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use crate::DocumentError;

const REGULAR_DATA: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD_DATA: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// PDF glyph space: widths and metrics are given per 1000 units of em.
const GLYPH_SPACE: f32 = 1000.0;

/// Glyph 0 is the font's "missing glyph" box; text the font cannot show
/// falls back to it rather than failing the whole document.
const NOTDEF: u16 = 0;

/// The faces a document is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub(crate) const ALL: [Weight; 2] = [Weight::Regular, Weight::Bold];

    /// The name a page's resources know the face by.
    pub(crate) fn resource_name(self) -> Name<'static> {
        match self {
            Weight::Regular => Name(b"F1"),
            Weight::Bold => Name(b"F2"),
        }
    }
}

/// One parsed face of the bundled fonts.
pub(crate) struct Font {
    postscript_name: &'static str,
    data: &'static [u8],
    face: Face<'static>,
}

impl Font {
    fn load(postscript_name: &'static str, data: &'static [u8]) -> Result<Self, DocumentError> {
        let face = Face::parse(data, 0)
            .map_err(|err| DocumentError::Font { font: postscript_name, reason: err.to_string() })?;
        Ok(Self { postscript_name, data, face })
    }

    /// How wide `text` is at `size` points, the way it will print (glyph
    /// advances, no kerning: the PDF shows glyphs one after another).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance(self.glyph(c))).sum();
        units * size / GLYPH_SPACE
    }

    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(NOTDEF, |id| id.0)
    }

    /// A glyph's advance in glyph space.
    fn advance(&self, glyph: u16) -> f32 {
        let advance = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        self.to_glyph_space(advance.into())
    }

    fn to_glyph_space(&self, font_units: f32) -> f32 {
        font_units * GLYPH_SPACE / f32::from(self.face.units_per_em())
    }
}

/// Both faces, parsed once per document.
pub(crate) struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, DocumentError> {
        Ok(Self { regular: Font::load("DejaVuSans", REGULAR_DATA)?, bold: Font::load("DejaVuSans-Bold", BOLD_DATA)? })
    }

    pub(crate) fn get(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// One face as one document uses it: which glyphs were shown, and which
/// character each stands for, so that only those are embedded and the text
/// can still be copied and searched in a viewer.
pub(crate) struct Embedding<'f> {
    font: &'f Font,
    glyphs: GlyphRemapper,
    characters: BTreeMap<u16, char>,
}

impl<'f> Embedding<'f> {
    pub(crate) fn new(font: &'f Font) -> Self {
        Self { font, glyphs: GlyphRemapper::new(), characters: BTreeMap::new() }
    }

    /// `text` as the two-byte glyph codes of the embedded subset
    /// (`Identity-H`), noting every glyph it needs.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            // The subset keeps .notdef as glyph 0 too; it stands for no
            // character in particular, so it gets no Unicode mapping.
            let glyph = self.glyphs.remap(self.font.glyph(c));
            if glyph != NOTDEF {
                self.characters.entry(glyph).or_insert(c);
            }
            codes.extend_from_slice(&glyph.to_be_bytes());
        }
        codes
    }

    /// Writes the face as a composite (Type 0) font under `id`: the
    /// TrueType subset, its metrics and widths, and the map back to Unicode.
    /// Further objects take ids from `next`.
    pub(crate) fn write(&self, pdf: &mut Pdf, id: Ref, next: &mut Ref) -> Result<(), DocumentError> {
        let (cid_font, descriptor, to_unicode, file) = (next.bump(), next.bump(), next.bump(), next.bump());
        let base_font = format!("{}+{}", self.subset_tag(), self.font.postscript_name);
        let base_font = Name(base_font.as_bytes());
        let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

        pdf.type0_font(id)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);

        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(base_font)
            .system_info(system_info)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        self.write_widths(cid.widths());
        cid.finish();

        self.write_descriptor(pdf, descriptor, base_font, file);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (&glyph, &c) in &self.characters {
            cmap.pair(glyph, c);
        }
        let cmap = deflate(&cmap.finish())?;
        pdf.cmap(to_unicode, &cmap).filter(Filter::FlateDecode);

        let subset = subsetter::subset(self.font.data, 0, &self.glyphs)
            .map_err(|err| DocumentError::Font { font: self.font.postscript_name, reason: err.to_string() })?;
        let subset = deflate(&subset)?;
        pdf.stream(file, &subset).filter(Filter::FlateDecode);
        Ok(())
    }

    /// Widths of the subset's glyphs, in subset order: the codes shown are
    /// the subset's glyph ids, and `CIDToGIDMap /Identity` says so.
    fn write_widths(&self, mut widths: Widths<'_>) {
        let advances = self.glyphs.remapped_gids().map(|glyph| self.font.advance(glyph));
        widths.consecutive(0, advances);
    }

    fn write_descriptor(&self, pdf: &mut Pdf, id: Ref, name: Name<'_>, file: Ref) {
        let face = &self.font.face;
        let scale = |units: i16| self.font.to_glyph_space(units.into());
        let bbox = face.global_bounding_box();
        let ascent = scale(face.ascender());
        let cap_height = face.capital_height().map_or(ascent, scale);
        // The usual estimate of the dominant stem width from the weight class,
        // as no table records it for TrueType outlines.
        let stem_v = 10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0);
        pdf.font_descriptor(id)
            .name(name)
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(scale(bbox.x_min), scale(bbox.y_min), scale(bbox.x_max), scale(bbox.y_max)))
            .italic_angle(face.italic_angle())
            .ascent(ascent)
            .descent(scale(face.descender()))
            .cap_height(cap_height)
            .stem_v(stem_v)
            .font_file2(file);
    }

    /// The six capital letters that mark a subset (ISO 32000 9.6.4). They
    /// only need to tell different subsets of one font apart, so they are
    /// derived from the glyph set itself, which keeps the output of a given
    /// invoice identical from run to run.
    fn subset_tag(&self) -> String {
        // FNV-1a: tiny, stable across builds and platforms.
        let mut hash: u32 = 0x811c_9dc5;
        for glyph in self.glyphs.remapped_gids() {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        (0..6)
            .map(|_| {
                let letter = char::from(b'A' + (hash % 26) as u8);
                hash /= 26;
                letter
            })
            .collect()
    }

    /// Decodes glyph codes written by [`Self::encode`] back into text, the
    /// way a viewer does through the ToUnicode map.
    #[cfg(test)]
    fn decode(&self, codes: &[u8]) -> String {
        codes
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .map(|glyph| self.characters.get(&glyph).copied().unwrap_or('\u{fffd}'))
            .collect()
    }
}

/// Zlib-compresses a stream for the `FlateDecode` filter.
pub(crate) fn deflate(data: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::best());
    encoder.write_all(data)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_bundled_faces_parse() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        for weight in Weight::ALL {
            assert!(fonts.get(weight).width("Downwork", 10.0) > 0.0);
        }
    }

    #[test]
    fn accented_letters_and_currency_signs_have_real_glyphs() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        for weight in Weight::ALL {
            let font = fonts.get(weight);
            for c in "éüÉÜñçøß€£¥–…".chars() {
                assert_ne!(font.glyph(c), NOTDEF, "{c} is missing from {}", font.postscript_name);
            }
        }
    }

    #[test]
    fn encoded_text_maps_back_to_unicode() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        let mut embedding = Embedding::new(fonts.get(Weight::Regular));
        let text = "Zoë Müller paid €1,500.00 and £20";
        let codes = embedding.encode(text);
        assert_eq!(codes.len(), text.chars().count() * 2);
        assert_eq!(embedding.decode(&codes), text);
    }

    #[test]
    fn only_used_glyphs_are_embedded() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        let mut embedding = Embedding::new(fonts.get(Weight::Regular));
        embedding.encode("abcabc");
        // .notdef plus a, b, c.
        assert_eq!(embedding.glyphs.num_gids(), 4);
        let subset = subsetter::subset(REGULAR_DATA, 0, &embedding.glyphs).expect("subsets");
        assert!(subset.len() < REGULAR_DATA.len() / 20, "subset is {} bytes", subset.len());
    }

    #[test]
    fn the_subset_tag_is_six_capitals_and_stable() {
        let fonts = Fonts::load().expect("bundled fonts parse");
        let tag = |text: &str| {
            let mut embedding = Embedding::new(fonts.get(Weight::Bold));
            embedding.encode(text);
            embedding.subset_tag()
        };
        let first = tag("Invoice");
        assert_eq!(first.len(), 6);
        assert!(first.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(first, tag("Invoice"));
        assert_ne!(first, tag("Totals"));
    }
}
