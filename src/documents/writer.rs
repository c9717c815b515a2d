//! What the minutes and the action log are written to: the PDF composer, or a Word
//! document. Each document's content is written once, against this trait, so the PDF and
//! the `.docx` say the same things in the same order, and the public copy of each leaves
//! out the same things.

use super::layout::{Composer, Kind, RunningText, Style, Table};

/// What frames a document: its running header and footer, title and subject.
pub struct Frame {
    pub running: RunningText,
    pub title: String,
    pub subject: String,
}

pub trait Writer {
    /// A paragraph; in the title's style it is the document's title (Heading 1), in the
    /// first heading style a subtitle (Heading 2).
    fn paragraph(&mut self, text: &str, style: Style);
    /// A section heading: Heading 2 in the first heading style, Heading 3 in the second.
    /// Kept with `keep_with` mm of what follows, and in the outline if `bookmark` is given.
    fn heading(&mut self, text: &str, style: Style, bookmark: Option<&str>, keep_with: f32);
    /// A list numbered (1), (2), … as resolutions are.
    fn numbered(&mut self, items: &[String], style: Style);
    fn table(&mut self, table: &Table<'_>);
    /// A thin rule under what came before.
    fn rule(&mut self);
    fn space(&mut self, mm: f32);
}

impl Writer for Composer<'_> {
    fn paragraph(&mut self, text: &str, style: Style) {
        Composer::paragraph(self, text, style);
    }

    fn heading(&mut self, text: &str, style: Style, bookmark: Option<&str>, keep_with: f32) {
        Composer::heading(self, text, style, bookmark, keep_with);
    }

    fn numbered(&mut self, items: &[String], style: Style) {
        // A list for a screen reader, as on the page.
        self.begin(Kind::L);
        for (n, item) in items.iter().enumerate() {
            self.begin(Kind::LI);
            self.begin(Kind::LBody);
            Composer::paragraph(self, &format!("({}) {item}", n + 1), style);
            self.end();
            self.end();
        }
        self.end();
    }

    fn table(&mut self, table: &Table<'_>) {
        Composer::table(self, table);
    }

    fn rule(&mut self) {
        Composer::rule(self);
    }

    fn space(&mut self, mm: f32) {
        Composer::space(self, mm);
    }
}
