//! Writing laid-out pages as a PDF: the font embedded (subset), metadata, the outline.

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing,
    Pt, Rgb, TextItem,
};

use super::measure::Typeface;
use super::page::{Colour, Item, Page, PageSize};

/// What the PDF says about itself.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: chrono::NaiveDateTime,
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb { r: c.0, g: c.1, b: c.2, icc_profile: None })
}

fn point(size: PageSize, x: f32, y_from_top: f32) -> Point {
    Point::new(Mm(x), Mm(size.height - y_from_top))
}

fn pdf_date(moment: chrono::NaiveDateTime) -> printpdf::date::OffsetDateTime {
    use chrono::{Datelike, Timelike};
    use printpdf::date::{Date, Offset, Time};
    printpdf::date::OffsetDateTime::new_in_offset(
        Date { year: moment.year(), month: moment.month() as u8, day: moment.day() as u8 },
        Time {
            hour: moment.hour() as u8,
            minute: moment.minute() as u8,
            second: moment.second() as u8,
            millisecond: 0,
        },
        Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}

/// The PDF's bytes.
pub fn write_pdf(
    typeface: &Typeface,
    size: PageSize,
    pages: &[Page],
    bookmarks: &[(String, usize)],
    meta: &Metadata,
) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    doc.metadata.info.author = meta.author.clone();
    doc.metadata.info.subject = meta.subject.clone();
    doc.metadata.info.creator = "improvement-board".into();
    doc.metadata.info.creation_date = pdf_date(meta.created);
    doc.metadata.info.modification_date = pdf_date(meta.created);
    let regular = doc.add_font(&typeface.regular.font);
    let bold = doc.add_font(&typeface.bold.font);
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.items.len() * 6);
            for item in &page.items {
                match item {
                    Item::Box { x, y, w, h, colour: c } => {
                        let ring = vec![
                            point(size, *x, *y),
                            point(size, x + w, *y),
                            point(size, x + w, y + h),
                            point(size, *x, y + h),
                        ];
                        ops.push(Op::SetFillColor { col: colour(*c) });
                        ops.push(Op::DrawPolygon {
                            polygon: Polygon {
                                rings: vec![PolygonRing {
                                    points: ring.into_iter().map(|p| LinePoint { p, bezier: false }).collect(),
                                }],
                                mode: printpdf::PaintMode::Fill,
                                winding_order: printpdf::WindingOrder::NonZero,
                            },
                        });
                    }
                    Item::Rule { x1, x2, y, thickness, colour: c } => {
                        ops.push(Op::SetOutlineColor { col: colour(*c) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*thickness / super::compose::PT) });
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: vec![
                                    LinePoint { p: point(size, *x1, *y), bezier: false },
                                    LinePoint { p: point(size, *x2, *y), bezier: false },
                                ],
                                is_closed: false,
                            },
                        });
                    }
                    Item::Text { x, y, size: pt, bold: is_bold, colour: c, text } => {
                        let font = if *is_bold { bold.clone() } else { regular.clone() };
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont { font: PdfFontHandle::External(font), size: Pt(*pt) });
                        ops.push(Op::SetFillColor { col: colour(*c) });
                        ops.push(Op::SetTextCursor { pos: point(size, *x, *y) });
                        ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                        ops.push(Op::EndTextSection);
                    }
                }
            }
            PdfPage::new(Mm(size.width), Mm(size.height), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    for (title, page) in bookmarks {
        doc.add_bookmark(title, page + 1);
    }
    doc.save(&PdfSaveOptions::default(), &mut Vec::new())
}
