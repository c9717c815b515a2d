//! The composer: flows headings, paragraphs, tables and bars down A4 pages with 20 mm
//! margins, breaking pages where needed (a heading never sits alone at the foot of a
//! page), then stamps the header and "Page X of Y" footer on every page.

use super::measure::{Typeface, wrap};
use super::page::{Colour, Item, Page, PageSize};
use super::structure::{Kind, Structure};

pub const MARGIN: f32 = 20.0;
/// Points to millimetres.
pub const PT: f32 = 25.4 / 72.0;
/// Space kept for the running header and footer inside the margins.
const HEADER_BAND: f32 = 9.0;
const FOOTER_BAND: f32 = 9.0;
/// Line height as a multiple of the type size.
const LEADING: f32 = 1.3;

/// How a run of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
    pub indent: f32,
    /// Space after the paragraph, in millimetres.
    pub after: f32,
}

impl Style {
    pub const BODY: Style = Style { size: 10.0, bold: false, colour: Colour::BLACK, indent: 0.0, after: 2.5 };
    pub const SMALL: Style = Style { size: 8.5, bold: false, colour: Colour::GREY, indent: 0.0, after: 1.5 };
    pub const TITLE: Style = Style { size: 18.0, bold: true, colour: Colour::NAVY, indent: 0.0, after: 2.0 };
    pub const H1: Style = Style { size: 14.0, bold: true, colour: Colour::NAVY, indent: 0.0, after: 2.0 };
    pub const H2: Style = Style { size: 11.5, bold: true, colour: Colour::BLACK, indent: 0.0, after: 1.5 };

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn indented(self, mm: f32) -> Style {
        Style { indent: mm, ..self }
    }

    pub fn coloured(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }

    pub fn line_height(&self) -> f32 {
        self.size * LEADING * PT
    }
}

/// What every page carries at its head and foot.
#[derive(Clone, Debug, Default)]
pub struct RunningText {
    /// Top left: the authority and the board.
    pub left: String,
    /// Top right: the document's name.
    pub right: String,
    /// A marking shown large at the top right of every page: "DRAFT", "PUBLIC".
    pub marking: Option<String>,
    /// Bottom left: "As at 22 November 2026".
    pub footer: String,
}

/// A document laid out: its pages, outline, warnings and structure.
pub struct Finished {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<(String, usize)>,
    pub warnings: Vec<String>,
    pub structure: Structure,
}

pub struct Composer<'a> {
    pub typeface: &'a Typeface,
    pub size: PageSize,
    pages: Vec<Page>,
    /// Where the next line starts, in mm from the top of the page.
    y: f32,
    /// Outline entries: title and page index.
    pub bookmarks: Vec<(String, usize)>,
    pub warnings: Vec<String>,
    /// What the content means, for the structure tree.
    pub structure: Structure,
    /// Items laid out now are decoration (a table's header repeated on a new page).
    artifact: bool,
}

impl<'a> Composer<'a> {
    pub fn new(typeface: &'a Typeface, size: PageSize) -> Composer<'a> {
        Composer {
            typeface,
            size,
            pages: vec![Page::default()],
            y: MARGIN + HEADER_BAND,
            bookmarks: vec![],
            warnings: vec![],
            structure: Structure::default(),
            artifact: false,
        }
    }

    /// Opens a structure element: what is laid out until [`Composer::end`] is in it.
    pub fn begin(&mut self, kind: Kind) -> usize {
        self.structure.begin(kind)
    }

    pub fn end(&mut self) {
        self.structure.end();
    }

    /// Lays out what `draw` draws as decoration, outside the structure.
    pub fn as_artifact(&mut self, draw: impl FnOnce(&mut Self)) {
        let was = std::mem::replace(&mut self.artifact, true);
        draw(self);
        self.artifact = was;
    }

    pub fn left(&self) -> f32 {
        MARGIN
    }

    pub fn width(&self) -> f32 {
        self.size.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.size.height - MARGIN - FOOTER_BAND
    }

    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN + HEADER_BAND;
    }

    /// Starts a new page unless `height` mm still fits on this one.
    pub fn keep(&mut self, height: f32) {
        if self.remaining() < height && self.y > MARGIN + HEADER_BAND + 0.1 {
            self.new_page();
        }
    }

    pub fn space(&mut self, mm: f32) {
        self.y = (self.y + mm).min(self.bottom());
    }

    /// Puts an item on the page. Text goes into the structure element open now, or into
    /// a paragraph of its own if none that holds text is open; graphics are content only
    /// inside a figure, and otherwise decoration.
    pub fn push(&mut self, item: Item) {
        let page = self.pages.len() - 1;
        let index = self.pages[page].items.len();
        let is_text = matches!(item, Item::Text { .. });
        self.pages[page].items.push(item);
        if self.artifact {
            return;
        }
        if self.structure.in_figure() || (is_text && self.structure.in_content()) {
            self.structure.attach(page, index);
        } else if is_text {
            self.structure.begin(Kind::P);
            self.structure.attach(page, index);
            self.structure.end();
        }
    }

    /// Text made drawable (unknown characters replaced, with a warning).
    pub fn drawable(&mut self, text: &str) -> String {
        self.typeface.drawable(text, &mut self.warnings)
    }

    /// A line of text at (`x`, baseline `y`).
    pub fn text_at(&mut self, x: f32, y: f32, text: &str, style: Style) {
        let text = self.drawable(text);
        self.push(Item::Text { x, y, size: style.size, bold: style.bold, colour: style.colour, text });
    }

    /// Lines `text` would take at `width` mm.
    pub fn lines(&mut self, text: &str, style: Style, width: f32) -> Vec<String> {
        let text = self.drawable(text);
        wrap(self.typeface.face(style.bold), &text, style.size, width / PT)
    }

    /// `text` on one line of `width` mm, shortened with an ellipsis if it must be.
    pub fn fit(&mut self, text: &str, style: Style, width: f32) -> String {
        let text = self.drawable(text);
        let face = self.typeface.face(style.bold);
        if face.width(&text, style.size) * PT <= width {
            return text;
        }
        let mut shortened: String = text.clone();
        while !shortened.is_empty() && face.width(&format!("{shortened}…"), style.size) * PT > width {
            shortened.pop();
        }
        format!("{}…", shortened.trim_end())
    }

    /// A wrapped paragraph, breaking across pages line by line. In the structure it is a
    /// paragraph, or the document's title (H1) or a subtitle (H2) set in those styles.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let kind = if style == Style::TITLE {
            Kind::H1
        } else if style == Style::H1 {
            Kind::H2
        } else {
            Kind::P
        };
        self.paragraph_as(text, style, kind);
    }

    /// A paragraph as the structure element `kind`, or within the element open now if
    /// that holds text (a table cell, a list item's body).
    fn paragraph_as(&mut self, text: &str, style: Style, kind: Kind) {
        if text.trim().is_empty() {
            return;
        }
        let own = !self.artifact && !self.structure.in_content();
        if own {
            self.structure.begin(kind);
        }
        self.lay_lines(text, style);
        if own {
            self.structure.end();
        }
    }

    fn lay_lines(&mut self, text: &str, style: Style) {
        let width = self.width() - style.indent;
        for line in self.lines(text, style, width) {
            self.keep(style.line_height());
            let baseline = self.y + style.size * PT;
            let x = self.left() + style.indent;
            self.push(Item::Text {
                x,
                y: baseline,
                size: style.size,
                bold: style.bold,
                colour: style.colour,
                text: line,
            });
            self.y += style.line_height();
        }
        self.y += style.after;
    }

    /// A heading, kept with at least `keep_with` mm of what follows; optionally an entry
    /// in the PDF outline.
    pub fn heading(&mut self, text: &str, style: Style, bookmark: Option<&str>, keep_with: f32) {
        let width = self.width() - style.indent;
        let height = self.lines(text, style, width).len() as f32 * style.line_height();
        self.keep(height + style.after + keep_with);
        if let Some(mark) = bookmark {
            let mark = self.drawable(mark);
            self.bookmarks.push((mark, self.page_index()));
        }
        // The title is the one H1; sections are H2, and what is under them H3.
        let level = if style == Style::TITLE {
            Kind::H1
        } else if style == Style::H1 {
            Kind::H2
        } else {
            Kind::H3
        };
        self.paragraph_as(text, style, level);
    }

    /// A thin rule across the text width.
    pub fn rule(&mut self) {
        self.keep(3.0);
        let (x1, x2, y) = (self.left(), self.left() + self.width(), self.y + 1.0);
        self.push(Item::Rule { x1, x2, y, thickness: 0.3, colour: Colour::RULE });
        self.y += 3.0;
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn advance_to(&mut self, y: f32) {
        self.y = y;
    }

    /// Finishes the document: every page gets the running header and "Page X of Y",
    /// after its content, as decoration.
    pub fn finish(mut self, running: &RunningText) -> Finished {
        let total = self.pages.len();
        let (left, right) = (MARGIN, self.size.width - MARGIN);
        let small = Style::SMALL;
        // The header's two parts share its width, a gap between them: a long authority
        // and board name is shortened here (the first page's heading and the metadata
        // keep it whole), never printed over the document's name.
        let gap = 6.0;
        let title = self.fit(&running.right, small, (right - left - gap) / 2.0);
        let title_width = self.typeface.regular.width(&title, small.size) * PT;
        let head = self.fit(&running.left, small, right - left - gap - title_width);
        let foot = self.fit(&running.footer, small, (right - left) * 0.7);
        let footer_y = self.size.height - MARGIN + 2.0;
        for (n, page) in self.pages.iter_mut().enumerate() {
            let mut stamp = vec![
                Item::Text {
                    x: left,
                    y: MARGIN,
                    size: small.size,
                    bold: false,
                    colour: Colour::GREY,
                    text: head.clone(),
                },
                Item::Text {
                    x: right - title_width,
                    y: MARGIN,
                    size: small.size,
                    bold: false,
                    colour: Colour::GREY,
                    text: title.clone(),
                },
                Item::Rule { x1: left, x2: right, y: MARGIN + 2.0, thickness: 0.3, colour: Colour::RULE },
                Item::Rule { x1: left, x2: right, y: footer_y - 4.0, thickness: 0.3, colour: Colour::RULE },
                Item::Text {
                    x: left,
                    y: footer_y,
                    size: small.size,
                    bold: false,
                    colour: Colour::GREY,
                    text: foot.clone(),
                },
            ];
            let page_text = format!("Page {} of {total}", n + 1);
            let page_width = self.typeface.regular.width(&page_text, small.size) * PT;
            stamp.push(Item::Text {
                x: right - page_width,
                y: footer_y,
                size: small.size,
                bold: false,
                colour: Colour::GREY,
                text: page_text,
            });
            if let Some(marking) = &running.marking {
                let size = 16.0;
                let width = self.typeface.bold.width(marking, size) * PT;
                stamp.push(Item::Text {
                    x: right - width,
                    y: MARGIN - 5.0,
                    size,
                    bold: true,
                    colour: Colour::RED_TEXT,
                    text: marking.clone(),
                });
            }
            page.items.append(&mut stamp);
        }
        Finished { pages: self.pages, bookmarks: self.bookmarks, warnings: self.warnings, structure: self.structure }
    }
}
