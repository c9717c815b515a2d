//! A Word document (`.docx`) written by hand over the `zip` crate already in the tree:
//! WordprocessingML is a handful of XML parts, and writing them ourselves gives what a
//! clerk needs (Word's own Heading 1–3 styles, numbered lists that restart per item,
//! table header rows that repeat on every page, en-GB throughout, page numbers as fields)
//! with no new dependency. The content comes through [`Writer`], as the PDF's does.

mod parts;

use std::io::Write;

use super::layout::table::{column_widths, rag_colour, rag_text_colour};
use super::layout::{Cell, PageSize, RunningText, Style, Table};
use super::writer::Writer;
use crate::model::Rag;

/// Twentieths of a point per millimetre: Word measures in twips.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

/// A Word document being written.
pub struct Docx {
    size: PageSize,
    body: String,
    /// Numbered lists so far: each restarts at (1).
    lists: usize,
}

/// Text made safe inside XML.
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn hex(colour: super::layout::Colour) -> String {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{:02X}{:02X}{:02X}", byte(colour.0), byte(colour.1), byte(colour.2))
}

/// A run of text, a line break for each newline in it.
fn run(text: &str, bold: bool, colour: Option<&str>) -> String {
    let mut properties = String::new();
    if bold {
        properties.push_str("<w:b/>");
    }
    if let Some(colour) = colour {
        properties.push_str(&format!("<w:color w:val=\"{colour}\"/>"));
    }
    let properties = if properties.is_empty() { String::new() } else { format!("<w:rPr>{properties}</w:rPr>") };
    let lines: Vec<String> =
        text.split('\n').map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", escaped(line))).collect();
    format!("<w:r>{properties}{}</w:r>", lines.join("<w:br/>"))
}

impl Docx {
    pub fn new(size: PageSize) -> Docx {
        Docx { size, body: String::new(), lists: 0 }
    }

    fn styled_paragraph(&mut self, text: &str, word_style: &str, style: Style) {
        if text.trim().is_empty() {
            return;
        }
        let mut properties = format!("<w:pStyle w:val=\"{word_style}\"/>");
        if style.indent > 0.0 {
            properties.push_str(&format!("<w:ind w:left=\"{}\"/>", (style.indent * TWIPS_PER_MM).round()));
        }
        let colour = (style.colour == super::layout::Colour::RED_TEXT).then(|| hex(style.colour));
        let bold = style.bold && word_style == "Normal";
        self.body.push_str(&format!("<w:p><w:pPr>{properties}</w:pPr>{}</w:p>", run(text, bold, colour.as_deref())));
    }

    /// The document's bytes: the parts zipped.
    pub fn finish(self, running: &RunningText, title: &str, subject: &str, author: &str) -> Vec<u8> {
        let document = parts::document(&self.body, self.size);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options: zip::write::SimpleFileOptions =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let files: [(&str, String); 10] = [
            ("[Content_Types].xml", parts::CONTENT_TYPES.to_string()),
            ("_rels/.rels", parts::PACKAGE_RELATIONSHIPS.to_string()),
            ("docProps/core.xml", parts::core(title, subject, author)),
            ("docProps/app.xml", parts::APP.to_string()),
            ("word/_rels/document.xml.rels", parts::DOCUMENT_RELATIONSHIPS.to_string()),
            ("word/document.xml", document),
            ("word/styles.xml", parts::STYLES.to_string()),
            ("word/numbering.xml", parts::numbering(self.lists)),
            ("word/header1.xml", parts::header(running)),
            ("word/footer1.xml", parts::footer(running, self.size)),
        ];
        for (name, text) in files {
            zip.start_file(name, options).expect("writing into memory cannot fail");
            zip.write_all(text.as_bytes()).expect("writing into memory cannot fail");
        }
        zip.start_file("word/settings.xml", options).expect("writing into memory cannot fail");
        zip.write_all(parts::SETTINGS.as_bytes()).expect("writing into memory cannot fail");
        zip.finish().expect("writing into memory cannot fail").into_inner()
    }
}

/// The Word style a paragraph in `style` takes.
fn word_style(style: Style) -> &'static str {
    if style == Style::TITLE {
        "Heading1"
    } else if style == Style::H1 {
        "Heading2"
    } else if style.size < Style::BODY.size {
        "Note"
    } else {
        "Normal"
    }
}

impl Writer for Docx {
    fn paragraph(&mut self, text: &str, style: Style) {
        self.styled_paragraph(text, word_style(style), style);
    }

    fn heading(&mut self, text: &str, style: Style, _bookmark: Option<&str>, _keep_with: f32) {
        // Word keeps a heading with what follows by its style, and lists headings in its
        // navigation pane itself.
        let level = if style == Style::TITLE {
            "Heading1"
        } else if style == Style::H1 {
            "Heading2"
        } else {
            "Heading3"
        };
        self.styled_paragraph(text, level, style);
    }

    fn numbered(&mut self, items: &[String], _style: Style) {
        self.lists += 1;
        for item in items {
            self.body.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{}\"/></w:numPr></w:pPr>{}</w:p>",
                self.lists,
                run(item, false, None)
            ));
        }
    }

    fn table(&mut self, table: &Table<'_>) {
        // The PDF's widths, each column wide enough for its longest word.
        let text_mm = self.size.width - 40.0;
        let widths: Vec<u32> = column_widths(crate::documents::typeface(), table, text_mm)
            .iter()
            .map(|mm| (mm * TWIPS_PER_MM).round() as u32)
            .collect();
        let mut xml = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"BoardTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for width in &widths {
            xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        xml.push_str("</w:tblGrid>");
        // The header row repeats at the head of every page the table runs on to.
        xml.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (column, width) in table.columns.iter().zip(&widths) {
            xml.push_str(&cell(width, &run(column.title, true, None), Some("E9ECF2")));
        }
        xml.push_str("</w:tr>");
        for row in &table.rows {
            xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (content, width) in row.iter().zip(&widths) {
                let (text, shading) = match content {
                    Cell::Text(text) => (run(text, false, None), None),
                    Cell::Bold(text) => (run(text, true, None), None),
                    Cell::Warning(text) => (run(text, true, Some("B3141A")), None),
                    Cell::Rag(rag) => rag_run(*rag),
                    Cell::Trend(ratings) => {
                        let letters: Vec<&str> = ratings.iter().map(|r| r.letter()).collect();
                        (run(&letters.join(" "), true, None), None)
                    }
                };
                xml.push_str(&cell(width, &text, shading.as_deref()));
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl><w:p/>");
        self.body.push_str(&xml);
    }

    fn rule(&mut self) {
        self.body.push_str(
            "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"BFBFC7\"/></w:pBdr></w:pPr></w:p>",
        );
    }

    fn space(&mut self, _mm: f32) {
        // Word's paragraph styles carry their own spacing.
    }
}

/// A RAG rating as its word on its colour: the meaning in the word, the colour as well.
fn rag_run(rag: Rag) -> (String, Option<String>) {
    if rag == Rag::NotRated {
        return (run(rag.word(), false, None), None);
    }
    (run(rag.word(), true, Some(&hex(rag_text_colour(rag)))), Some(hex(rag_colour(rag))))
}

fn cell(width: &u32, content: &str, shading: Option<&str>) -> String {
    let shade =
        shading.map(|fill| format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>")).unwrap_or_default();
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p>{content}</w:p></w:tc>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_newlines_are_breaks() {
        assert_eq!(escaped("A & B <c> \"d\""), "A &amp; B &lt;c&gt; &quot;d&quot;");
        assert_eq!(escaped("bell\u{7}"), "bell\u{FFFD}");
        let two_lines = run("one\ntwo", false, None);
        assert!(two_lines.contains("one</w:t><w:br/><w:t xml:space=\"preserve\">two"), "{two_lines}");
    }
}
