//! Writing laid-out pages as a PDF: the font embedded (subset), metadata, the outline.

use std::collections::BTreeSet;

use lopdf::ObjectId;
use printpdf::{FontId, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use super::content::{Codes, FaceInStream, tagged_page_content};
use super::measure::Typeface;
use super::page::{Item, Page, PageSize};
use super::structure::Structure;

/// What the PDF says about itself.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: chrono::NaiveDateTime,
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
///
/// printpdf makes the document: fonts embedded as subsets, metadata, the outline, the
/// page tree. The pages' content is written by [`super::content`] from the page model,
/// and compressed page by page as it is written, so the long reports are never held
/// twice over; [`super::tagging`] adds the structure tree and [`super::pdf_file`] writes
/// the file.
pub fn write_pdf(
    typeface: &Typeface,
    size: PageSize,
    pages: Vec<Page>,
    bookmarks: &[(String, usize)],
    structure: &Structure,
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
    let used = characters_used(&pages);
    let mut pdf_pages: Vec<PdfPage> =
        pages.iter().map(|_| PdfPage::new(Mm(size.width), Mm(size.height), Vec::new())).collect();
    if let Some(first) = pdf_pages.first_mut() {
        first.ops = probe(&used, &regular, &bold);
    }
    doc.with_pages(pdf_pages);
    for (title, page) in bookmarks {
        doc.add_bookmark(title, page + 1);
    }
    // Streams are compressed below, at zlib's default level: printpdf's best level took a
    // quarter of a long report's time for files a few per cent smaller.
    let unoptimised = PdfSaveOptions { optimize: false, ..PdfSaveOptions::default() };
    let mut pdf = doc.to_lopdf_document(&unoptimised, &mut Vec::new());
    drop(doc);
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let faces = page_ids.first().map(|first| read_probe(&pdf, *first, &used, &regular, &bold));
    let items_per_page: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    let elements_by_item = structure.elements_by_item(&items_per_page);
    let mut marked: Vec<Vec<Option<u32>>> = Vec::with_capacity(pages.len());
    if let Some((regular, bold)) = faces {
        for ((page, id), elements) in pages.into_iter().zip(&page_ids).zip(&elements_by_item) {
            let tags: Vec<Option<&'static str>> =
                elements.iter().map(|e| e.map(|e| structure.elements[e].kind.name())).collect();
            let (content, mcids) = tagged_page_content(&page, size, &regular, &bold, &tags);
            drop(page);
            set_page_content(&mut pdf, *id, deflate(&content));
            marked.push(mcids);
        }
    }
    let packed = super::tagging::tag(&mut pdf, &page_ids, structure, &marked, meta);
    for object in pdf.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut()
            && stream.dict.get(b"Filter").is_err()
            && stream.allows_compression
        {
            let compressed = deflate(&stream.content);
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
    super::pdf_file::write_file(pdf, packed)
}

/// Every character each face shows, regular then bold, in a fixed order.
fn characters_used(pages: &[Page]) -> [Vec<char>; 2] {
    let mut used = [BTreeSet::new(), BTreeSet::new()];
    for page in pages {
        for item in &page.items {
            if let Item::Text { bold, text, .. } = item {
                used[usize::from(*bold)].extend(text.chars());
            }
        }
    }
    used.map(|set| set.into_iter().collect())
}

/// printpdf finds the glyphs a document uses, and numbers them in the subset it embeds,
/// by reading the text the pages show. So the first page starts as a probe that shows
/// each character used, once, in each face; the codes printpdf writes for it are read
/// back, and then every page's real content (the first's too) is written with them.
fn probe(used: &[Vec<char>; 2], regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (characters, face) in used.iter().zip([regular, bold]) {
        if characters.is_empty() {
            continue;
        }
        ops.push(Op::SetFont { font: PdfFontHandle::External(face.clone()), size: Pt(10.0) });
        for character in characters {
            ops.push(Op::ShowText { items: vec![TextItem::Text(character.to_string())] });
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

/// The codes printpdf gave each character in the probe, in the order they were shown.
fn read_probe(
    pdf: &lopdf::Document,
    first_page: ObjectId,
    used: &[Vec<char>; 2],
    regular: &FontId,
    bold: &FontId,
) -> (FaceInStream, FaceInStream) {
    let content = pdf.get_page_content(first_page);
    let operations =
        lopdf::content::Content::decode(&content).expect("printpdf's own content stream parses").operations;
    let mut faces = [regular, bold].map(|id| FaceInStream { name: id.0.clone(), codes: Codes::default() });
    let mut shown = operations.iter().filter(|operation| operation.operator == "Tj");
    for (characters, face) in used.iter().zip(faces.iter_mut()) {
        for &character in characters {
            let code = match shown.next().map(|operation| operation.operands.as_slice()) {
                Some([lopdf::Object::String(bytes, _)]) if bytes.len() == 2 => u16::from_be_bytes([bytes[0], bytes[1]]),
                other => panic!("printpdf wrote {other:?} for {character:?}: expected one two-byte glyph code"),
            };
            face.codes.insert(character, code);
        }
    }
    let [regular, bold] = faces;
    (regular, bold)
}

/// Puts a page's finished, compressed content in place of what printpdf wrote for it.
fn set_page_content(pdf: &mut lopdf::Document, page: ObjectId, compressed: Vec<u8>) {
    let contents = pdf
        .get_dictionary(page)
        .and_then(|dict| dict.get(b"Contents"))
        .and_then(lopdf::Object::as_reference)
        .expect("printpdf gives every page one content stream");
    let stream =
        pdf.get_object_mut(contents).and_then(lopdf::Object::as_stream_mut).expect("a page's contents are a stream");
    stream.dict.set("Filter", "FlateDecode");
    stream.set_content(compressed);
}

pub(super) fn deflate(content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(content).expect("compressing into memory cannot fail");
    encoder.finish().expect("compressing into memory cannot fail")
}
