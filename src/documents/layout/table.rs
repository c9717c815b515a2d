//! Tables: cells wrap to their column, the header row repeats on every page, and a row
//! too tall for what is left of a page goes to the next (or, taller than a page, breaks
//! between lines).

use super::compose::{Composer, PT, Style};
use super::measure::Typeface;
use super::page::{Colour, Item};
use super::structure::Kind;
use crate::model::Rag;

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Bold(String),
    /// Text in red bold: "OVERDUE 12 days".
    Warning(String),
    /// A RAG chip: the word on its colour.
    Rag(Rag),
    /// The last ratings as letter chips, oldest first.
    Trend(Vec<Rag>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

pub struct Column<'a> {
    pub title: &'a str,
    /// Share of the table's width.
    pub weight: f32,
}

pub struct Table<'a> {
    pub columns: Vec<Column<'a>>,
    pub rows: Vec<Vec<Cell>>,
    pub style: Style,
}

const PAD: f32 = 1.2;

/// Each column's width: its share by weight, widened where needed so its longest word
/// (or chip, or date) fits whole, taking the room from columns that have some to spare.
pub fn column_widths(typeface: &Typeface, table: &Table<'_>, width: f32) -> Vec<f32> {
    let total: f32 = table.columns.iter().map(|c| c.weight).sum();
    let mut widths: Vec<f32> = table.columns.iter().map(|c| width * c.weight / total).collect();
    let most = width * 0.45;
    let size = table.style.size;
    let longest = |face: &super::measure::Face, text: &str, size: f32| {
        text.split('\n').flat_map(super::measure::words).map(|w| face.width(w, size) * PT).fold(0.0, f32::max)
    };
    let (regular, bold) = (&typeface.regular, &typeface.bold);
    let needed: Vec<f32> = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let cells = table.rows.iter().filter_map(|row| row.get(c)).map(|cell| match cell {
                Cell::Text(t) => longest(regular, t, size),
                Cell::Bold(t) | Cell::Warning(t) => longest(bold, t, size),
                Cell::Rag(rag) => bold.width(rag.word(), size - 1.0) * PT + 2.4,
                Cell::Trend(ratings) => ratings.iter().map(|r| bold.width(r.letter(), size - 1.5) * PT + 3.2).sum(),
            });
            let widest = cells.fold(longest(bold, column.title, size), f32::max);
            (widest + 2.0 * PAD + 0.5).min(most)
        })
        .collect();
    let short: f32 = widths.iter().zip(&needed).map(|(w, n)| (n - w).max(0.0)).sum();
    let spare: f32 = widths.iter().zip(&needed).map(|(w, n)| (w - n).max(0.0)).sum();
    if short > 0.0 && spare > 0.0 {
        let moved = short.min(spare);
        for (width, need) in widths.iter_mut().zip(&needed) {
            if *width < *need {
                *width += (*need - *width) * moved / short;
            } else {
                *width -= (*width - *need) * moved / spare;
            }
        }
    }
    widths
}

/// The RAG colours on paper, matching the app.
pub fn rag_colour(rag: Rag) -> Colour {
    let [r, g, b] = rag.rgb().map(|c| f32::from(c) / 255.0);
    Colour(r, g, b)
}

pub fn rag_text_colour(rag: Rag) -> Colour {
    if rag.takes_dark_text() { Colour::BLACK } else { Colour::WHITE }
}

impl Composer<'_> {
    /// Draws a chip (a coloured box with `text`) with its top-left at (`x`, `y`); returns
    /// its width.
    pub fn chip(&mut self, x: f32, y: f32, rag: Rag, text: &str, size: f32) -> f32 {
        let width = self.typeface.bold.width(text, size) * PT + 2.4;
        let height = size * PT * 1.45;
        self.push(Item::Box { x, y, w: width, h: height, colour: rag_colour(rag) });
        let text = text.to_string();
        self.push(Item::Text {
            x: x + 1.2,
            y: y + height * 0.74,
            size,
            bold: true,
            colour: rag_text_colour(rag),
            text,
        });
        width
    }

    /// Lines of each cell at the column widths.
    fn cell_lines(&mut self, cell: &Cell, style: Style, width: f32) -> Vec<String> {
        match cell {
            Cell::Text(t) => self.lines(t, style, width),
            Cell::Bold(t) | Cell::Warning(t) => self.lines(t, style.bold(), width),
            Cell::Rag(_) | Cell::Trend(_) => vec![String::new()],
        }
    }

    /// Header titles wrapped to their columns.
    fn header_lines(&mut self, table: &Table<'_>, widths: &[f32]) -> Vec<Vec<String>> {
        let style = table.style.bold();
        table.columns.iter().zip(widths).map(|(c, w)| self.lines(c.title, style, w - 2.0 * PAD)).collect()
    }

    fn header_height(&mut self, table: &Table<'_>, widths: &[f32]) -> f32 {
        let tallest = self.header_lines(table, widths).iter().map(Vec::len).max().unwrap_or(1);
        tallest as f32 * table.style.line_height() + 2.0 * PAD
    }

    /// The header row: the table's header cells the first time, decoration when it is
    /// repeated at the head of a later page.
    fn header_row(&mut self, table: &Table<'_>, widths: &[f32], first: bool) {
        if first {
            self.begin(Kind::TR);
            self.draw_header(table, widths, true);
            self.end();
        } else {
            self.as_artifact(|page| page.draw_header(table, widths, false));
        }
    }

    fn draw_header(&mut self, table: &Table<'_>, widths: &[f32], tagged: bool) {
        let style = table.style.bold();
        let titles = self.header_lines(table, widths);
        let height = self.header_height(table, widths);
        let y = self.y();
        self.push(Item::Box { x: self.left(), y, w: self.width(), h: height, colour: Colour::SHADE });
        let mut x = self.left();
        for (lines, width) in titles.iter().zip(widths) {
            if tagged {
                self.begin(Kind::TH);
            }
            for (n, line) in lines.iter().enumerate() {
                let baseline = y + PAD + n as f32 * style.line_height() + style.size * PT;
                self.push(Item::Text {
                    x: x + PAD,
                    y: baseline,
                    size: style.size,
                    bold: true,
                    colour: style.colour,
                    text: line.clone(),
                });
            }
            if tagged {
                self.end();
            }
            x += width;
        }
        self.advance_to(y + height);
    }

    /// Lays out a table from the current position.
    pub fn table(&mut self, table: &Table<'_>) {
        let widths = column_widths(self.typeface, table, self.width());
        let style = table.style;
        let line = style.line_height();
        let header_height = self.header_height(table, &widths);
        self.keep(header_height + line + 2.0 * PAD);
        self.begin(Kind::Table);
        self.header_row(table, &widths, true);
        for (index, row) in table.rows.iter().enumerate() {
            // The row and its cells, made once: a row that runs on to the next page goes
            // on in the same cells.
            self.begin(Kind::TR);
            let cells: Vec<usize> = row
                .iter()
                .map(|_| {
                    let cell = self.begin(Kind::TD);
                    self.end();
                    cell
                })
                .collect();
            self.end();
            let mut lines: Vec<Vec<String>> =
                row.iter().zip(&widths).map(|(cell, w)| self.cell_lines(cell, style, w - 2.0 * PAD)).collect();
            let mut first_part = true;
            let mut at_top_of_page = false;
            loop {
                let tallest = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let room = ((self.remaining() - 2.0 * PAD) / line).floor();
                let fits = room.max(1.0) as usize;
                // A row that fits goes here; one that does not starts a page (with the
                // header again), unless it would not fit on a fresh page either, in which
                // case it breaks between lines. Not even one line's room starts a page
                // whatever the row (a row placed there ran into the footer).
                let fresh = self.fresh_page_lines(header_height, line);
                let breaks = room < 1.0 || (fits < tallest && (fits < 3 || tallest <= fresh));
                if breaks && !at_top_of_page {
                    self.new_page();
                    self.header_row(table, &widths, false);
                    at_top_of_page = true;
                    continue;
                }
                let take = tallest.min(fits);
                let y = self.y();
                let height = take as f32 * line + 2.0 * PAD;
                if index % 2 == 1 {
                    self.push(Item::Box {
                        x: self.left(),
                        y,
                        w: self.width(),
                        h: height,
                        colour: Colour(0.975, 0.977, 0.985),
                    });
                }
                let mut x = self.left();
                for (((cell, cell_lines), width), element) in row.iter().zip(lines.iter_mut()).zip(&widths).zip(&cells)
                {
                    let shown: Vec<String> = cell_lines.drain(..take.min(cell_lines.len())).collect();
                    self.structure.reopen(*element);
                    self.draw_cell(cell, &shown, x, y, style, first_part);
                    self.end();
                    x += width;
                }
                self.push(Item::Rule {
                    x1: self.left(),
                    x2: self.left() + self.width(),
                    y: y + height,
                    thickness: 0.2,
                    colour: Colour::RULE,
                });
                self.advance_to(y + height);
                first_part = false;
                if lines.iter().all(Vec::is_empty) {
                    break;
                }
                self.new_page();
                self.header_row(table, &widths, false);
                at_top_of_page = true;
            }
        }
        self.end();
        self.space(3.0);
    }

    fn fresh_page_lines(&self, header_height: f32, line: f32) -> usize {
        let usable = self.size.height - 2.0 * super::compose::MARGIN - 18.0 - header_height - 2.0 * PAD;
        (usable / line).floor() as usize
    }

    fn draw_cell(&mut self, cell: &Cell, lines: &[String], x: f32, y: f32, style: Style, first_part: bool) {
        let line = style.line_height();
        match cell {
            Cell::Rag(rag) if first_part => {
                self.chip(x + PAD, y + PAD, *rag, rag.word(), style.size - 1.0);
            }
            Cell::Trend(ratings) if first_part => {
                let mut cx = x + PAD;
                for rag in ratings {
                    cx += self.chip(cx, y + PAD, *rag, rag.letter(), style.size - 1.5) + 0.8;
                }
            }
            Cell::Rag(_) | Cell::Trend(_) => {}
            _ => {
                let (bold, colour) = match cell {
                    Cell::Bold(_) => (true, style.colour),
                    Cell::Warning(_) => (true, Colour::RED_TEXT),
                    _ => (false, style.colour),
                };
                for (n, text) in lines.iter().enumerate() {
                    let baseline = y + PAD + n as f32 * line + style.size * PT;
                    self.push(Item::Text {
                        x: x + PAD,
                        y: baseline,
                        size: style.size,
                        bold,
                        colour,
                        text: text.clone(),
                    });
                }
            }
        }
    }

    /// A labelled bar of RAG counts, each segment with its count and letter.
    pub fn rag_bar(&mut self, label: &str, counts: &crate::model::RagCounts) {
        let style = Style::BODY;
        let height = 6.0;
        self.keep(height + 2.0);
        self.begin(Kind::Figure { alt: format!("{label}: {}.", counts.describe()) });
        let y = self.y();
        let label_width = 70.0;
        let label_text = self.fit(label, style, label_width - 2.0);
        self.text_at(self.left(), y + 4.3, &label_text, style);
        let bar_x = self.left() + label_width;
        let bar_width = self.width() - label_width - 38.0;
        let total = counts.total().max(1) as f32;
        let mut x = bar_x;
        for (rag, n) in counts.iter().filter(|(_, n)| *n > 0) {
            let w = bar_width * n as f32 / total;
            self.push(Item::Box { x, y, w, h: height, colour: rag_colour(rag) });
            let text = format!("{n} {}", rag.letter());
            let text_width = self.typeface.bold.width(&text, 8.0) * PT;
            if text_width + 1.0 < w {
                self.push(Item::Text {
                    x: x + (w - text_width) / 2.0,
                    y: y + 4.3,
                    size: 8.0,
                    bold: true,
                    colour: rag_text_colour(rag),
                    text,
                });
            }
            x += w;
        }
        let summary = format!("{} actions, worst {}", counts.total(), counts.roll_up());
        self.text_at(bar_x + bar_width + 3.0, y + 4.3, &summary, Style::SMALL);
        self.end();
        self.advance_to(y + height + 2.0);
    }
}
