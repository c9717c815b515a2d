//! Text measurement from the font's own metrics, and the replacement of characters the
//! font cannot draw (replaced visibly, never a panic).

use std::collections::HashMap;

use printpdf::ParsedFont;

use crate::fonts;

/// The character drawn in place of one the font lacks.
pub const REPLACEMENT: char = '□';

/// Characters below this are looked up in a flat table (no hashing in the inner loop of
/// layout); the few the font has above it, in a map.
const TABLE_END: u32 = 0x3000;

/// One face: its parsed font (for embedding) and each character's advance in ems.
pub struct Face {
    pub font: ParsedFont,
    /// Advance per code point below [`TABLE_END`]; negative where the font has no glyph.
    table: Vec<f32>,
    beyond: HashMap<char, f32>,
    /// The advance of [`REPLACEMENT`], used for characters the font lacks.
    fallback: f32,
}

impl Face {
    fn load(bytes: &[u8]) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the embedded DejaVu Sans parses");
        let units_per_em = units_per_em(bytes).unwrap_or(2048) as f32;
        // Every character the font maps, measured once: layout never asks the font again.
        let advance =
            |c: u32| font.lookup_glyph_index(c).map(|g| f32::from(font.get_horizontal_advance(g)) / units_per_em);
        let table: Vec<f32> =
            (0..TABLE_END).map(|c| if c < 0x20 { -1.0 } else { advance(c).unwrap_or(-1.0) }).collect();
        let beyond = (0xFB00u32..0xFB07).filter_map(|c| Some((char::from_u32(c)?, advance(c)?))).collect();
        let fallback = advance(REPLACEMENT as u32).unwrap_or(0.6);
        Face { font, table, beyond, fallback }
    }

    fn advance(&self, c: char) -> Option<f32> {
        match self.table.get(c as usize) {
            Some(a) if *a >= 0.0 => Some(*a),
            Some(_) => None,
            None => self.beyond.get(&c).copied(),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Width of `text` in points at `size` points. Unknown characters count as the
    /// replacement (they are replaced before drawing).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c).unwrap_or(self.fallback)).sum::<f32>() * size
    }
}

/// `unitsPerEm` from the font's `head` table.
fn units_per_em(ttf: &[u8]) -> Option<u16> {
    let tables = u16::from_be_bytes([*ttf.get(4)?, *ttf.get(5)?]) as usize;
    (0..tables).find_map(|i| {
        let entry = ttf.get(12 + 16 * i..28 + 16 * i)?;
        if &entry[..4] != b"head" {
            return None;
        }
        let offset = u32::from_be_bytes([entry[8], entry[9], entry[10], entry[11]]) as usize;
        Some(u16::from_be_bytes([*ttf.get(offset + 18)?, *ttf.get(offset + 19)?]))
    })
}

/// The regular and bold faces the documents are set in.
pub struct Typeface {
    pub regular: Face,
    pub bold: Face,
}

impl Typeface {
    pub fn load() -> Typeface {
        Typeface { regular: Face::load(fonts::REGULAR), bold: Face::load(fonts::BOLD) }
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// Text made safe to draw: tabs become spaces, other control characters and anything
    /// the font lacks become [`REPLACEMENT`]. Each replaced character is reported once.
    pub fn drawable(&self, text: &str, warnings: &mut Vec<String>) -> String {
        text.chars()
            .filter(|c| *c != '\r')
            .map(|c| match c {
                '\t' => ' ',
                '\n' => '\n',
                c if self.regular.has(c) && self.bold.has(c) => c,
                c => {
                    let warning =
                        format!("U+{:04X} ({c:?}) is not in the document font and is shown as {REPLACEMENT}", c as u32);
                    if !warnings.contains(&warning) {
                        warnings.push(warning);
                    }
                    REPLACEMENT
                }
            })
            .collect()
    }
}

const MONTH_WORDS: [&str; 24] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// The words of `text` as wrapping sees them: a date ("31 March 2027", "Oct 2026") is
/// one word, so it never breaks across lines, and so is an arrow with the word it marks
/// ("↓ down").
pub fn words(text: &str) -> Vec<&str> {
    let spans: Vec<(usize, &str)> =
        text.split_whitespace().map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    let is_month = |w: &str| MONTH_WORDS.contains(&w.trim_start_matches('(').trim_end_matches([',', '.']));
    let is_day = |w: &str| w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let is_year = |w: &str| {
        let digits = w.trim_end_matches([')', ',', '.', ':', ';']);
        digits.len() == 4 && digits.parse::<u32>().is_ok()
    };
    let mut joined = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let mut last = i;
        if ["↑", "↓", "→"].contains(&spans[i].1) && i + 1 < spans.len() {
            last = i + 1;
        }
        if is_day(spans[i].1) && spans.get(i + 1).is_some_and(|(_, w)| is_month(w)) {
            last = i + 1;
        }
        if is_month(spans[last].1) && spans.get(last + 1).is_some_and(|(_, w)| is_year(w)) {
            last += 1;
        }
        let (start, _) = spans[i];
        let (end_start, end_word) = spans[last];
        joined.push(&text[start..end_start + end_word.len()]);
        i = last + 1;
    }
    joined
}

/// Breaks `text` into lines no wider than `width` points; explicit line breaks are kept,
/// dates are kept whole, and a word longer than the line is broken between characters.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    // Each word is measured once and the line's width kept as it grows: long notes wrap in
    // time proportional to their length, not its square.
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in words(paragraph) {
            let word_width = face.width(word, size);
            let with_word = if line.is_empty() { word_width } else { line_width + space + word_width };
            if with_word <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = with_word;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                line_width = 0.0;
                for c in word.chars() {
                    let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
                    if !line.is_empty() && line_width + c_width > width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += c_width;
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font_and_scale_with_size() {
        let typeface = Typeface::load();
        let w10 = typeface.regular.width("Amber", 10.0);
        assert!(w10 > 20.0 && w10 < 40.0, "{w10}");
        assert!((typeface.regular.width("Amber", 20.0) - 2.0 * w10).abs() < 1e-3);
        assert!(typeface.bold.width("Amber", 10.0) > w10, "bold is wider");
        assert!(typeface.regular.width("iiii", 10.0) < typeface.regular.width("MMMM", 10.0));
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let typeface = Typeface::load();
        let text = "Police attendance at every strategy discussion, in person or by video, including weekends.";
        let lines = wrap(&typeface.regular, text, 10.0, 120.0);
        assert!(lines.len() > 1);
        // Widths are summed word by word, so allow for rounding in the last place.
        assert!(lines.iter().all(|l| typeface.regular.width(l, 10.0) <= 120.0 + 1e-3));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn dates_are_words_that_never_break() {
        assert_eq!(words("due 31 March 2027, then"), ["due", "31 March 2027,", "then"]);
        assert_eq!(words("21.2% (Oct 2026)"), ["21.2%", "(Oct 2026)"]);
        assert_eq!(words("3.4\n↓ down"), ["3.4", "↓ down"]);
        assert_eq!(words("on 4 August at 2.00 pm"), ["on", "4 August", "at", "2.00", "pm"]);
        assert_eq!(words("May the board agree 12 actions"), ["May", "the", "board", "agree", "12", "actions"]);
        let typeface = Typeface::load();
        let width = typeface.regular.width("31 March 2027", 10.0) + 5.0;
        let lines = wrap(&typeface.regular, "Due 31 March 2027", 10.0, width);
        assert_eq!(lines, ["Due", "31 March 2027"], "the date goes to the next line whole");
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_and_newlines_are_kept() {
        let typeface = Typeface::load();
        let lines = wrap(&typeface.regular, &"x".repeat(200), 10.0, 50.0);
        assert!(lines.len() > 3 && lines.iter().all(|l| typeface.regular.width(l, 10.0) <= 50.0 + 1e-3));
        assert_eq!(wrap(&typeface.regular, "one\ntwo", 10.0, 500.0), ["one", "two"]);
    }

    #[test]
    fn full_latin_draws_and_the_rest_is_replaced_visibly_with_a_warning() {
        let typeface = Typeface::load();
        let mut warnings = Vec::new();
        assert_eq!(typeface.drawable("– ’ £ é ŵ Ó →", &mut warnings), "– ’ £ é ŵ Ó →");
        assert!(warnings.is_empty());
        let drawn = typeface.drawable("ok 😀 \u{7}\tend", &mut warnings);
        assert_eq!(drawn, format!("ok {REPLACEMENT} {REPLACEMENT} end"));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
