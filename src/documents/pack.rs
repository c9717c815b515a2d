//! The board pack: the agenda, then each item's papers in order, as one PDF with a
//! bookmark per item and every page numbered through ("Page 37 of 120", in a small band
//! at the foot). The app's own documents stand in for the items they cover (the previous
//! minutes, the action log, the progress report), as at the meeting's date; the officers'
//! papers are the PDFs attached. The agenda's page references are the pack's own.
//!
//! The public pack is made from the public copy of the board: an item taken in private
//! has, in place of its papers, one page saying so under its paragraph of Schedule 12A,
//! and nothing of those papers is read at all.

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::layout::{PageSize, RunningText, Style};
use super::{DocumentError, Rendered, board_line, composer, finish};
use crate::board_file::papers::pdf_pages;
use crate::model::{Board, ItemKind, Meeting, dates::uk_long};

/// Why a pack could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PackError {
    #[error("{0}")]
    Document(#[from] DocumentError),
    /// An attached paper that cannot go in: the item, the file and why.
    #[error("item {item}: the paper {file} {why}")]
    Paper { item: u32, file: String, why: String },
    #[error("the pack could not be put together: {0}")]
    Merge(String),
    #[error("no paper for meeting {0} came after the publication date: there is no supplementary pack to make")]
    NothingLate(u32),
}

/// One document in the pack, under the item it belongs to.
struct Part {
    item: u32,
    /// What the agenda and the bookmark call it.
    title: String,
    bytes: Vec<u8>,
    pages: usize,
}

/// Each item's papers with the page each starts on in the pack, for the agenda.
pub type PageRefs = BTreeMap<u32, Vec<(String, usize)>>;

/// The pack for meeting `number`; `folder` is the board's folder, where attached papers
/// are found. The supplementary pack has only the papers that came after the publication
/// date, behind a front sheet of its own.
pub fn pack_pdf(
    board: &Board,
    folder: &Path,
    number: u32,
    public: bool,
    supplement: bool,
) -> Result<Rendered, PackError> {
    let shown = if public { std::borrow::Cow::Owned(board.public_copy().0) } else { std::borrow::Cow::Borrowed(board) };
    let meeting = shown.meeting(number).ok_or(DocumentError::NoSuchMeeting(number))?;
    let parts = if supplement { late_parts(board, meeting, folder)? } else { parts(board, meeting, folder, public)? };
    if supplement && parts.is_empty() {
        return Err(PackError::NothingLate(number));
    }
    let front = |refs: Option<&PageRefs>| -> Result<Rendered, DocumentError> {
        if supplement {
            Ok(supplement_sheet(board, meeting, refs))
        } else {
            super::agenda::agenda_pdf(board, number, refs)
        }
    };
    // The front is laid out until its own length stops moving the pages after it (page
    // numbers only lengthen lines a little, so this settles at once; the bound is a guard).
    let mut front_pages = front(None)?.pages;
    let mut agenda = front(Some(&page_refs(&parts, front_pages)))?;
    for _ in 0..4 {
        if agenda.pages == front_pages {
            break;
        }
        front_pages = agenda.pages;
        agenda = front(Some(&page_refs(&parts, front_pages)))?;
    }
    let kind = if supplement { "supplementary papers" } else { "board pack" };
    let title = format!("{} — {kind}, meeting {number}{}", board.title, if public { " (public)" } else { "" });
    let bytes = merge(&agenda, &parts, meeting, &title).map_err(PackError::Merge)?;
    let pages = agenda.pages + parts.iter().map(|p| p.pages).sum::<usize>();
    Ok(Rendered { bytes, pages, warnings: agenda.warnings })
}

/// Where each part starts, after an agenda of `agenda_pages` pages.
fn page_refs(parts: &[Part], agenda_pages: usize) -> PageRefs {
    let mut refs = PageRefs::new();
    let mut next = agenda_pages + 1;
    for part in parts {
        refs.entry(part.item).or_default().push((part.title.clone(), next));
        next += part.pages;
    }
    refs
}

/// The documents under each item, in agenda order.
fn parts(board: &Board, meeting: &Meeting, folder: &Path, public: bool) -> Result<Vec<Part>, PackError> {
    let previous = board.meetings.iter().filter(|m| m.number < meeting.number).max_by_key(|m| m.number);
    let mut parts = Vec::new();
    let mut progress_included = false;
    for item in &meeting.items {
        if let Some(exempt) = item.exempt.as_ref().filter(|_| public) {
            let notice = private_notice(board, meeting, item.number, &exempt.agenda_wording());
            parts.push(Part {
                item: item.number,
                title: "Taken in private".into(),
                pages: notice.pages,
                bytes: notice.bytes,
            });
            continue;
        }
        for paper in &item.papers {
            let path = folder.join(&paper.file);
            let problem = |why: String| PackError::Paper { item: item.number, file: paper.file.clone(), why };
            let bytes = std::fs::read(&path).map_err(|e| problem(format!("cannot be read ({e})")))?;
            let pages = pdf_pages(&bytes).map_err(problem)?;
            parts.push(Part { item: item.number, title: paper.title.clone(), bytes, pages });
        }
        if !item.papers.is_empty() {
            continue;
        }
        let made = match &item.kind {
            ItemKind::PreviousMinutes => previous.map(|m| {
                let minutes = super::minutes::minutes_pdf(board, m.number, super::minutes::MinutesOptions { public });
                (format!("Minutes of meeting {}", m.number), minutes)
            }),
            ItemKind::ActionLog => Some((
                "The action log".to_string(),
                Ok(super::action_log::action_log_pdf(
                    board,
                    meeting.date,
                    super::action_log::ActionLogOptions { public },
                )),
            )),
            // The progress report covers every priority: once, at the first review.
            ItemKind::PlanReview { .. } if !progress_included => {
                progress_included = true;
                Some((
                    "The progress report".to_string(),
                    Ok(super::progress::progress_pdf(board, meeting.date, public)),
                ))
            }
            ItemKind::Performance => Some((
                "The performance scorecard".to_string(),
                Ok(super::scorecard::scorecard_pdf(board, meeting.date)),
            )),
            _ => None,
        };
        if let Some((title, rendered)) = made {
            let rendered = rendered?;
            parts.push(Part { item: item.number, title, pages: rendered.pages, bytes: rendered.bytes });
        }
    }
    Ok(parts)
}

/// The papers that came after the publication date, in agenda order (none of an item
/// taken in private in the public copy, which has no papers left).
fn late_parts(board: &Board, meeting: &Meeting, folder: &Path) -> Result<Vec<Part>, PackError> {
    let Some(check) = board.papers_check(meeting.number) else { return Ok(vec![]) };
    let mut parts = Vec::new();
    for (item, paper) in check.late() {
        if !meeting.item(item.number).is_some_and(|shown| shown.papers.contains(paper)) {
            continue;
        }
        let problem = |why: String| PackError::Paper { item: item.number, file: paper.file.clone(), why };
        let bytes = std::fs::read(folder.join(&paper.file)).map_err(|e| problem(format!("cannot be read ({e})")))?;
        let pages = pdf_pages(&bytes).map_err(problem)?;
        parts.push(Part { item: item.number, title: paper.title.clone(), bytes, pages });
    }
    Ok(parts)
}

/// The front sheet of a supplementary pack: which papers came late, for which items, and
/// where each begins.
fn supplement_sheet(board: &Board, meeting: &Meeting, refs: Option<&PageRefs>) -> Rendered {
    let mut page = composer(PageSize::A4_PORTRAIT);
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&board.title, Style::TITLE);
    page.paragraph("Supplementary papers", Style::H1);
    let clear = board.terms.as_ref().map_or(crate::model::DEFAULT_NOTICE_DAYS, |t| t.notice_days);
    let published = crate::model::calendar::publication_date(meeting.date, clear);
    page.paragraph(
        &format!(
            "For meeting {} on {}. These papers were received after the agenda was published on {}.",
            meeting.number,
            uk_long(meeting.date),
            uk_long(published)
        ),
        Style::BODY,
    );
    let rows = refs
        .map(|refs| {
            refs.iter()
                .flat_map(|(item, papers)| {
                    let title = meeting.item(*item).map(|i| i.title.clone()).unwrap_or_default();
                    papers.iter().map(move |(paper, at)| {
                        vec![
                            super::layout::Cell::Bold(item.to_string()),
                            super::layout::Cell::text(format!("{title}\n{paper}")),
                            super::layout::Cell::text(format!("page {at}")),
                        ]
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    page.table(&super::layout::Table {
        columns: vec![
            super::layout::Column { title: "Item", weight: 10.0 },
            super::layout::Column { title: "Paper", weight: 75.0 },
            super::layout::Column { title: "Page", weight: 15.0 },
        ],
        rows,
        style: Style { size: 9.5, ..Style::BODY },
    });
    let running = RunningText {
        left: board_line(board),
        right: format!("Supplementary papers, meeting {}", meeting.number),
        marking: None,
        footer: format!("Meeting {}, {}", meeting.number, uk_long(meeting.date)),
    };
    finish(page, running, format!("{} — supplementary papers", board.title), String::new(), board)
}

/// The page that stands in the public pack for an item taken in private.
fn private_notice(board: &Board, meeting: &Meeting, item: u32, wording: &str) -> Rendered {
    let mut page = composer(PageSize::A4_PORTRAIT);
    page.paragraph(&format!("Item {item}: taken in private"), Style::H1);
    page.paragraph(wording, Style::BODY);
    page.paragraph("The papers for this item are not published.", Style::BODY);
    let running = RunningText {
        left: board_line(board),
        right: format!("Meeting {}, {}", meeting.number, uk_long(meeting.date)),
        marking: Some("PUBLIC".into()),
        footer: String::new(),
    };
    finish(page, running, format!("Item {item}: taken in private"), String::new(), board)
}

/// Every document, one after another, in one PDF: pages numbered through, a bookmark per
/// item (the agenda's first), the document's title.
fn merge(agenda: &Rendered, parts: &[Part], meeting: &Meeting, title: &str) -> Result<Vec<u8>, String> {
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let font = out.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut kids: Vec<ObjectId> = Vec::new();
    // The item whose bookmark the next papers go under, and that bookmark.
    let mut item_mark: Option<(u32, u32)> = None;
    let sources = std::iter::once((0u32, "Agenda".to_string(), &agenda.bytes))
        .chain(parts.iter().map(|p| (p.item, p.title.clone(), &p.bytes)));
    for (item, part_title, bytes) in sources {
        let mut doc = Document::load_mem(bytes).map_err(|e| format!("{part_title}: {e}"))?;
        doc.renumber_objects_with(out.max_id + 1);
        let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
        for &id in &page_ids {
            let page = materialised_page(&doc, id)?;
            doc.objects.insert(id, Object::Dictionary(page));
        }
        // A bookmark per item, with its papers under it; the agenda's stands alone.
        if let Some(&first) = page_ids.first() {
            let mark = |title: String| Bookmark::new(title, [0.0, 0.0, 0.0], 0, first);
            if item == 0 {
                out.add_bookmark(mark(part_title.clone()), None);
            } else {
                let parent = match item_mark {
                    Some((current, id)) if current == item => id,
                    _ => {
                        let title = meeting
                            .item(item)
                            .map_or_else(|| format!("Item {item}"), |i| format!("{item}. {}", i.title));
                        let id = out.add_bookmark(mark(title), None);
                        item_mark = Some((item, id));
                        id
                    }
                };
                out.add_bookmark(mark(part_title.clone()), Some(parent));
            }
        }
        out.max_id = doc.max_id;
        for (id, object) in doc.objects {
            // The documents' own catalogues, page trees and outlines give way to the pack's.
            let kind = object.type_name().unwrap_or(b"").to_vec();
            if matches!(kind.as_slice(), b"Catalog" | b"Pages" | b"Outlines" | b"Outline") {
                continue;
            }
            out.objects.insert(id, object);
        }
        kids.extend(page_ids);
    }
    let total = kids.len();
    for (index, &id) in kids.iter().enumerate() {
        stamp(&mut out, id, pages_id, font, &format!("Page {} of {total}", index + 1))?;
    }
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids.iter().map(|&k| Object::Reference(k)).collect::<Vec<_>>(),
            "Count" => total as i64,
        }),
    );
    let outline = out.build_outline();
    let mut catalog = dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("en-GB"),
    };
    if let Some(outline) = outline {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog = out.add_object(catalog);
    out.trailer.set("Root", catalog);
    let info = out.add_object(dictionary! { "Title" => text_string(title) });
    out.trailer.set("Info", info);
    out.prune_objects();
    out.compress();
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// A PDF text string: as it is when ASCII, else UTF-16BE after its byte-order mark (so
/// "—" and "’" read as themselves in a viewer's title bar).
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::string_literal(text);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// A page with what it inherited from its page tree (resources, boxes, rotation) written
/// on it, so it stands alone in the pack's tree.
fn materialised_page(doc: &Document, id: ObjectId) -> Result<Dictionary, String> {
    let mut page = doc.get_dictionary(id).map_err(|e| e.to_string())?.clone();
    let mut parent = page.get(b"Parent").and_then(Object::as_reference).ok();
    while let Some(parent_id) = parent {
        let Ok(node) = doc.get_dictionary(parent_id) else { break };
        for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
            if !page.has(key)
                && let Ok(value) = node.get(key)
            {
                page.set(key.to_vec(), value.clone());
            }
        }
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
    }
    if !page.has(b"MediaBox") {
        page.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
    }
    Ok(page)
}

/// Puts `text` in a small band at the foot of a page, right-aligned, over whatever the
/// page draws (its own drawing is wrapped in q … Q so nothing it sets carries over).
fn stamp(out: &mut Document, id: ObjectId, parent: ObjectId, font: ObjectId, text: &str) -> Result<(), String> {
    let page = out.get_dictionary(id).map_err(|e| e.to_string())?.clone();
    let width = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .ok()
        .and_then(|b| b.get(2))
        .and_then(|w| w.as_float().ok().or_else(|| w.as_i64().ok().map(|i| i as f32)))
        .unwrap_or(595.0);
    // Helvetica's figures and letters average about half the size in width.
    let size = 7.0;
    let x = width - 24.0 - text.len() as f32 * size * 0.5;
    let stamp = format!(
        "Q q 1 1 1 rg {} 4 {} 10 re f 0.25 0.25 0.25 rg BT /PackPageNo {size} Tf {x} 6.5 Td ({text}) Tj ET Q",
        x - 3.0,
        text.len() as f32 * size * 0.5 + 6.0
    );
    let before = out.add_object(Stream::new(Dictionary::new(), b"q".to_vec()));
    let after = out.add_object(Stream::new(Dictionary::new(), stamp.into_bytes()));
    let mut contents: Vec<Object> = vec![Object::Reference(before)];
    match page.get(b"Contents") {
        Ok(Object::Array(items)) => contents.extend(items.iter().cloned()),
        Ok(other) => contents.push(other.clone()),
        Err(_) => {}
    }
    contents.push(Object::Reference(after));
    // The resources, made the page's own, with the stamp's font beside the page's fonts.
    let mut resources = match page.get(b"Resources") {
        Ok(Object::Reference(r)) => out.get_dictionary(*r).map_err(|e| e.to_string())?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut fonts = match resources.get(b"Font") {
        Ok(Object::Reference(r)) => out.get_dictionary(*r).map_err(|e| e.to_string())?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    fonts.set("PackPageNo", font);
    resources.set("Font", fonts);
    let mut page = page;
    page.set("Resources", resources);
    page.set("Contents", contents);
    page.set("Parent", parent);
    out.objects.insert(id, Object::Dictionary(page));
    Ok(())
}
