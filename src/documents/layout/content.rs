//! A page's content stream, written straight from the page model.
//!
//! A long report is mostly text, and a page needs only a handful of operators: filled
//! rectangles, rules, and lines of text. Writing them here, as bytes, costs a fraction of
//! building printpdf's operator list and having it translated, formatted and encoded for
//! every line (that was two thirds of a 500-page report's time, and most of its memory).

use std::collections::HashMap;

use super::compose::PT;
use super::page::{Colour, Item, Page, PageSize};

/// The two-byte codes a face's embedded subset gives each character.
#[derive(Debug)]
pub struct Codes {
    ascii: [Option<u16>; 128],
    other: HashMap<char, u16>,
}

impl Default for Codes {
    fn default() -> Codes {
        Codes { ascii: [None; 128], other: HashMap::new() }
    }
}

impl Codes {
    pub fn insert(&mut self, character: char, code: u16) {
        match self.ascii.get_mut(character as usize) {
            Some(slot) => *slot = Some(code),
            None => {
                self.other.insert(character, code);
            }
        }
    }

    /// The code for a character; 0 (the font's "missing glyph") for one never given.
    fn code(&self, character: char) -> u16 {
        let known = match self.ascii.get(character as usize) {
            Some(slot) => *slot,
            None => self.other.get(&character).copied(),
        };
        known.unwrap_or(0)
    }
}

/// A face as the content stream names it: its resource name and its codes.
pub struct FaceInStream {
    pub name: String,
    pub codes: Codes,
}

/// The page's content stream. Shapes come first, then all the page's text in one text
/// object: text always sits on its chip or stripe, and one text object with moves between
/// lines is a third of the operators that a text object per line is.
#[cfg(test)]
pub fn page_content(page: &Page, size: PageSize, regular: &FaceInStream, bold: &FaceInStream) -> Vec<u8> {
    tagged_page_content(page, size, regular, bold, &[]).0
}

/// The page's content stream with every item marked: as content of the structure type
/// given (numbered with a marked-content id, returned per item), or as an artifact where
/// none is. With no types given, nothing is marked.
pub fn tagged_page_content(
    page: &Page,
    size: PageSize,
    regular: &FaceInStream,
    bold: &FaceInStream,
    tags: &[Option<&'static str>],
) -> (Vec<u8>, Vec<Option<u32>>) {
    let mut out = Stream { bytes: Vec::with_capacity(page.items.len() * 64), fill: None, stroke: None, width: None };
    let mut mcids: Vec<Option<u32>> = vec![None; page.items.len()];
    let mut next_mcid = 0;
    let mut begin = |out: &mut Stream, index: usize| {
        if tags.is_empty() {
            return;
        }
        match tags.get(index).copied().flatten() {
            Some(name) => {
                out.bytes.extend_from_slice(format!("/{name} <</MCID {next_mcid}>> BDC\n").as_bytes());
                mcids[index] = Some(next_mcid);
                next_mcid += 1;
            }
            None => out.bytes.extend_from_slice(b"/Artifact BMC\n"),
        }
    };
    let end = |out: &mut Stream| {
        if !tags.is_empty() {
            out.bytes.extend_from_slice(b"EMC\n");
        }
    };
    let height = size.height / PT;
    for (index, item) in page.items.iter().enumerate() {
        if matches!(item, Item::Text { .. }) {
            continue;
        }
        begin(&mut out, index);
        match *item {
            Item::Box { x, y, w, h, colour } => {
                out.fill(colour);
                out.numbers(&[x / PT, height - (y + h) / PT, w / PT, h / PT]);
                out.bytes.extend_from_slice(b"re f\n");
            }
            Item::Rule { x1, x2, y, thickness, colour } => {
                out.stroke(colour, thickness / PT);
                out.numbers(&[x1 / PT, height - y / PT]);
                out.bytes.extend_from_slice(b"m ");
                out.numbers(&[x2 / PT, height - y / PT]);
                out.bytes.extend_from_slice(b"l S\n");
            }
            Item::Line { ref points, thickness, colour, dash } => {
                if let Some(((x0, y0), rest)) = points.split_first() {
                    out.stroke(colour, thickness / PT);
                    if let Some(dash) = dash {
                        out.bytes.push(b'[');
                        out.numbers(&[dash / PT, dash / PT]);
                        out.bytes.extend_from_slice(b"] 0 d\n");
                    }
                    out.numbers(&[x0 / PT, height - y0 / PT]);
                    out.bytes.extend_from_slice(b"m ");
                    for (x, y) in rest {
                        out.numbers(&[x / PT, height - y / PT]);
                        out.bytes.extend_from_slice(b"l ");
                    }
                    out.bytes.extend_from_slice(b"S\n");
                    if dash.is_some() {
                        out.bytes.extend_from_slice(b"[] 0 d\n");
                    }
                }
            }
            Item::Text { .. } => {}
        }
        end(&mut out);
    }
    let mut font: Option<(bool, f32)> = None;
    // Where the previous line began, in hundredths of a point: `Td` moves from there.
    // Working in whole hundredths keeps a page's hundred moves from adding up their
    // rounding.
    let mut at = (0, 0);
    for (index, item) in page.items.iter().enumerate() {
        let Item::Text { x, y, size: points, bold: is_bold, colour, ref text } = *item else { continue };
        if font.is_none() {
            // With no leading, T* returns to the start of the current line: it moves
            // nothing, but tells text extractors (and copy and paste) a new line begins.
            out.bytes.extend_from_slice(b"BT\n0 TL\n");
        } else {
            out.bytes.extend_from_slice(b"T*\n");
        }
        begin(&mut out, index);
        if font != Some((is_bold, points)) {
            let face = if is_bold { bold } else { regular };
            out.bytes.push(b'/');
            out.bytes.extend_from_slice(face.name.as_bytes());
            out.bytes.push(b' ');
            out.numbers(&[points]);
            out.bytes.extend_from_slice(b"Tf\n");
            font = Some((is_bold, points));
        }
        out.fill(colour);
        let to = (hundredths(x / PT), hundredths(height - y / PT));
        out.hundredths(to.0 - at.0);
        out.hundredths(to.1 - at.1);
        out.bytes.extend_from_slice(b"Td\n");
        at = to;
        out.text(text, if is_bold { &bold.codes } else { &regular.codes });
        out.bytes.extend_from_slice(b" Tj\n");
        end(&mut out);
    }
    if font.is_some() {
        out.bytes.extend_from_slice(b"ET\n");
    }
    (out.bytes, mcids)
}

/// The bytes so far, and the graphics state they leave, so that colours and widths are
/// set only when they change.
struct Stream {
    bytes: Vec<u8>,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    width: Option<f32>,
}

impl Stream {
    fn fill(&mut self, colour: Colour) {
        if self.fill != Some(colour) {
            self.colour(colour);
            self.bytes.extend_from_slice(b"rg\n");
            self.fill = Some(colour);
        }
    }

    fn stroke(&mut self, colour: Colour, width: f32) {
        if self.stroke != Some(colour) {
            self.colour(colour);
            self.bytes.extend_from_slice(b"RG\n");
            self.stroke = Some(colour);
        }
        if self.width != Some(width) {
            self.numbers(&[width]);
            self.bytes.extend_from_slice(b"w\n");
            self.width = Some(width);
        }
    }

    fn colour(&mut self, Colour(r, g, b): Colour) {
        self.numbers(&[r, g, b]);
    }

    /// Each number followed by a space.
    fn numbers(&mut self, values: &[f32]) {
        for &value in values {
            self.hundredths(hundredths(value));
        }
    }

    /// A number given in hundredths, followed by a space.
    fn hundredths(&mut self, value: i64) {
        write_hundredths(&mut self.bytes, value);
        self.bytes.push(b' ');
    }

    /// The text as a string of two-byte codes. Written as bytes, not hexadecimal: half
    /// the size, so half the compressing. Only the bytes a literal string gives a meaning
    /// to are escaped (a bare end-of-line would be read back as a line feed).
    fn text(&mut self, text: &str, codes: &Codes) {
        self.bytes.push(b'(');
        for character in text.chars() {
            for byte in codes.code(character).to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => self.bytes.extend_from_slice(&[b'\\', byte]),
                    b'\r' => self.bytes.extend_from_slice(b"\\r"),
                    b'\n' => self.bytes.extend_from_slice(b"\\n"),
                    _ => self.bytes.push(byte),
                }
            }
        }
        self.bytes.push(b')');
    }
}

/// Numbers are written to a hundredth of a point (under a 280th of a millimetre), finer than any
/// printer places ink.
fn hundredths(value: f32) -> i64 {
    (f64::from(value) * 100.0).round() as i64
}

/// A number given in hundredths, without trailing zeros: "12", "-3.5", "0.75".
fn write_hundredths(out: &mut Vec<u8>, hundredths: i64) {
    if hundredths < 0 {
        out.push(b'-');
    }
    let hundredths = hundredths.unsigned_abs();
    write_digits(out, hundredths / 100);
    let fraction = hundredths % 100;
    if fraction != 0 {
        out.push(b'.');
        out.push(b'0' + (fraction / 10) as u8);
        if !fraction.is_multiple_of(10) {
            out.push(b'0' + (fraction % 10) as u8);
        }
    }
}

fn write_digits(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f32) -> String {
        let mut out = Vec::new();
        write_hundredths(&mut out, hundredths(value));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_hundredth() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(0.75), "0.75");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(841.889), "841.89");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(0.0), "0");
    }

    fn face(name: &str) -> FaceInStream {
        let mut codes = Codes::default();
        codes.insert('A', 1);
        codes.insert('→', 0x1F2);
        // Codes whose bytes a literal string must escape.
        codes.insert('(', 0x0A28);
        codes.insert('B', 0x5C0D);
        FaceInStream { name: name.into(), codes }
    }

    #[test]
    fn a_page_is_shapes_then_one_text_object() {
        let page = Page {
            items: vec![
                Item::Text { x: 20.0, y: 30.0, size: 9.0, bold: false, colour: Colour::BLACK, text: "A→".into() },
                Item::Box { x: 0.0, y: 0.0, w: 25.4, h: 25.4, colour: Colour::SHADE },
                Item::Text { x: 20.0, y: 40.0, size: 9.0, bold: true, colour: Colour::BLACK, text: "(B?".into() },
                Item::Rule { x1: 0.0, x2: 25.4, y: 25.4, thickness: 0.5, colour: Colour::RULE },
            ],
        };
        let size = PageSize { width: 25.4, height: 50.8 };
        let content = page_content(&page, size, &face("R"), &face("B"));
        let expected: &[u8] = b"0.92 0.93 0.95 rg\n0 72 72 72 re f\n\
                        0.75 0.75 0.78 RG\n1.42 w\n0 72 m 72 72 l S\n\
                        BT\n0 TL\n/R 9 Tf\n0 0 0 rg\n56.69 58.96 Td\n(\x00\x01\x01\xF2) Tj\n\
                        T*\n/B 9 Tf\n0 -28.35 Td\n(\\n\\(\\\\\\r\x00\x00) Tj\nET\n";
        assert_eq!(content.escape_ascii().to_string(), expected.escape_ascii().to_string());
    }

    #[test]
    fn moves_between_lines_do_not_add_up_their_rounding() {
        // 120 lines 2.47 mm apart: each move rounds, but the last line lands where it
        // would if placed on its own.
        let items = (0..120)
            .map(|n| Item::Text {
                x: 20.0,
                y: 10.0 + 2.47 * n as f32,
                size: 9.0,
                bold: false,
                colour: Colour::BLACK,
                text: "A".into(),
            })
            .collect();
        let content =
            String::from_utf8(page_content(&Page { items }, PageSize::A4_PORTRAIT, &face("R"), &face("B"))).unwrap();
        let reached: f64 = content
            .lines()
            .filter_map(|line| line.strip_suffix(" Td"))
            .map(|line| line.split(' ').nth(1).unwrap().parse::<f64>().unwrap())
            .sum();
        let last = f64::from(PageSize::A4_PORTRAIT.height - (10.0 + 2.47 * 119.0)) / f64::from(PT);
        assert!((reached - last).abs() < 0.006, "the last line is at {reached}, not {last}");
    }
}
