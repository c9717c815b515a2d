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
    pages: Vec<Page>,
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
    // Pages are taken by value and let go as they become operators: the long reports are
    // never held twice over at this stage.
    let pdf_pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.items.len() * 3);
            // Shapes first, then all the page's text in one text object: text always sits on
            // its chip or stripe, and one text object with moves between lines is a third
            // of the operators (and of the numbers to print) that a section per line is.
            let mut texts = Vec::new();
            for item in page.items {
                match item {
                    Item::Box { x, y, w, h, colour: c } => {
                        let ring = vec![
                            point(size, x, y),
                            point(size, x + w, y),
                            point(size, x + w, y + h),
                            point(size, x, y + h),
                        ];
                        ops.push(Op::SetFillColor { col: colour(c) });
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
                        ops.push(Op::SetOutlineColor { col: colour(c) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(thickness / super::compose::PT) });
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: vec![
                                    LinePoint { p: point(size, x1, y), bezier: false },
                                    LinePoint { p: point(size, x2, y), bezier: false },
                                ],
                                is_closed: false,
                            },
                        });
                    }
                    text @ Item::Text { .. } => texts.push(text),
                }
            }
            text_object(&mut ops, texts, size, &regular, &bold);
            PdfPage::new(Mm(size.width), Mm(size.height), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    for (title, page) in bookmarks {
        doc.add_bookmark(title, page + 1);
    }
    // printpdf compresses at zlib's best level, which took a quarter of a long report's
    // time; the default level gives files within a few per cent of the size.
    // printpdf compresses every stream at zlib's best level: a quarter of a long report's
    // time. The default level gives files within a few per cent of the size. (Two threads
    // saved a few per cent more time but raised peak memory by a sixth: not worth it.)
    let unoptimised = PdfSaveOptions { optimize: false, ..PdfSaveOptions::default() };
    let mut pdf = doc.to_lopdf_document(&unoptimised, &mut Vec::new());
    // The operators are in the content streams now: let them go before compressing.
    drop(doc);
    for object in pdf.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut()
            && stream.dict.get(b"Filter").is_err()
            && let Some(compressed) = deflate(&stream.content).filter(|c| c.len() + 19 < stream.content.len())
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).expect("writing to memory cannot fail");
    bytes
}

fn deflate(content: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(content).ok()?;
    encoder.finish().ok()
}

/// The page's text as one text object: font and colour set only when they change, each
/// line reached by a move from the one before.
fn text_object(
    ops: &mut Vec<Op>,
    texts: Vec<Item>,
    size: PageSize,
    regular: &printpdf::FontId,
    bold: &printpdf::FontId,
) {
    let mut started = false;
    let mut font: Option<(bool, f32)> = None;
    let mut fill: Option<Colour> = None;
    let mut at = Point::new(Mm(0.0), Mm(0.0));
    for item in texts {
        let Item::Text { x, y, size: pt, bold: is_bold, colour: c, text } = item else { continue };
        if !started {
            ops.push(Op::StartTextSection);
            // With no leading, T* returns to the start of the current line: it moves
            // nothing, but tells text extractors (and copy and paste) a new line begins.
            ops.push(Op::SetLineHeight { lh: Pt(0.0) });
            started = true;
        } else {
            ops.push(Op::AddLineBreak);
        }
        if font != Some((is_bold, pt)) {
            let face = if is_bold { bold.clone() } else { regular.clone() };
            ops.push(Op::SetFont { font: PdfFontHandle::External(face), size: Pt(pt) });
            font = Some((is_bold, pt));
        }
        if fill != Some(c) {
            ops.push(Op::SetFillColor { col: colour(c) });
            fill = Some(c);
        }
        let to = point(size, x, y);
        // Td moves from the start of the previous line.
        ops.push(Op::SetTextCursor { pos: Point { x: Pt(to.x.0 - at.x.0), y: Pt(to.y.0 - at.y.0) } });
        at = to;
        ops.push(Op::ShowText { items: vec![TextItem::Text(text)] });
    }
    if started {
        ops.push(Op::EndTextSection);
    }
}
