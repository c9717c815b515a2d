//! The published documents read back as Ofsted or a member of the public would: the words,
//! their order, the page furniture, and nothing private in the public minutes.

use chrono::NaiveDate;
use improvement_board::documents::{
    Rendered,
    action_log::{ActionLogOptions, action_log_pdf},
    minutes::{MinutesOptions, minutes_pdf},
    progress::progress_pdf,
};
use improvement_board::model::{Board, Meeting, Rag, Update};
use improvement_board::sample::sample_board;
use lopdf::{Document, Object};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Each page's text, read back from the PDF itself.
fn pages_text(rendered: &Rendered) -> Vec<String> {
    let doc = Document::load_mem(&rendered.bytes).expect("a readable PDF");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), rendered.pages, "the PDF has the pages laid out");
    // Lines wrapped on the page are joined again, so sentences can be looked for whole.
    pages.keys().map(|n| flat(&doc.extract_text(&[*n]).expect("text extracts"))).collect()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every string stored anywhere in the file (outline, metadata, annotations) and every
/// stream's decompressed content.
fn every_string_in_file(rendered: &Rendered) -> String {
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let mut all = String::new();
    for object in doc.objects.values() {
        collect(object, &mut all);
        if let Object::Stream(stream) = object {
            let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            all.push_str(&String::from_utf8_lossy(&content));
        }
    }
    all
}

fn collect(object: &Object, out: &mut String) {
    match object {
        Object::String(bytes, _) => {
            if bytes.starts_with(&[0xFE, 0xFF]) {
                let units: Vec<u16> =
                    bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
                out.push_str(&String::from_utf16_lossy(&units));
            } else {
                out.push_str(&String::from_utf8_lossy(bytes));
            }
            out.push('\n');
        }
        Object::Array(items) => items.iter().for_each(|o| collect(o, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, o)| collect(o, out)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, o)| collect(o, out)),
        _ => {}
    }
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} is missing"))
}

#[test]
fn minutes_read_in_the_order_of_the_meeting_with_numbered_resolutions() {
    let rendered = minutes_pdf(&sample_board(), 3, MinutesOptions::default()).unwrap();
    let text = pages_text(&rendered).join("\n");
    let order = [
        "Minutes of meeting 3",
        "Held on 4 August 2026 at 2.00 pm, Committee Room 2, Northmoor Town Hall.",
        "Present",
        "Helen Marchant",
        "In attendance",
        "Apologies",
        "Cllr Amina Shah",
        "Declarations of interest",
        "1. Minutes of the previous meeting",
        "3. Monitoring visit letter",
        "10. Interim management arrangements in the Harrowgate",
        "12. Any other business",
        "RAG ratings agreed at this meeting",
        "Actions raised",
    ];
    let positions: Vec<usize> = order.iter().map(|n| position(&text, n)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "in order: {positions:?}");
    assert!(text[position(&text, "Actions raised")..].contains("M3-04"), "the actions table follows");
    assert!(text.contains("Resolved –"));
    let first = position(&text, "(1) That the interim arrangements at Harrowgate be noted.");
    let second = position(&text, "(2) That the director report the outcome to the chair in confidence.");
    assert!(first < second);
    assert!(text.contains("Amber → Red"), "a change of rating reads previous → new");
}

#[test]
fn every_page_has_its_number_out_of_the_total_and_the_running_header() {
    for rendered in [
        minutes_pdf(&sample_board(), 3, MinutesOptions::default()).unwrap(),
        action_log_pdf(&sample_board(), today(), ActionLogOptions::default()),
        progress_pdf(&sample_board(), today(), false),
    ] {
        let pages = pages_text(&rendered);
        assert!(pages.len() >= 2);
        for (n, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Page {} of {}", n + 1, pages.len())), "page {} of {}", n + 1, pages.len());
            assert!(page.contains("Northmoor Borough Council — Children's Services Improvement Board"));
        }
    }
}

#[test]
fn unapproved_minutes_say_draft_on_every_page_and_approved_ones_do_not() {
    let held = pages_text(&minutes_pdf(&sample_board(), 5, MinutesOptions::default()).unwrap());
    assert!(held.iter().all(|p| p.contains("DRAFT")));
    let approved = pages_text(&minutes_pdf(&sample_board(), 3, MinutesOptions::default()).unwrap());
    assert!(approved.iter().all(|p| !p.contains("DRAFT")));
    assert!(approved[0].contains("approved by the board as a correct record"));
}

#[test]
fn the_public_minutes_contain_nothing_of_the_exempt_item_anywhere_in_the_file() {
    let board = sample_board();
    let meeting = board.meeting(3).unwrap();
    let item = meeting.items.iter().find(|i| i.exempt.is_some()).expect("the sample has an exempt item");
    let full = minutes_pdf(&board, 3, MinutesOptions::default()).unwrap();
    let public = minutes_pdf(&board, 3, MinutesOptions { public: true }).unwrap();

    let distinctive =
        ["Harrowgate", "Kestrel", "suspension", "seconded", "140 children", "M3-03", "Interim management"];
    let full_text = pages_text(&full).join("\n");
    for word in distinctive {
        assert!(full_text.contains(word), "the full minutes do contain {word:?} (so the test means something)");
    }
    let public_text = pages_text(&public).join("\n");
    let public_file = every_string_in_file(&public);
    for word in distinctive.iter().copied().chain(item.resolutions.iter().map(String::as_str)) {
        assert!(!public_text.contains(word), "public text leaks {word:?}");
        assert!(!public_file.contains(word), "public file (outline, metadata, streams) leaks {word:?}");
    }
    assert!(
        public_text
            .contains("Taken in private under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972.")
    );
    assert!(pages_text(&public).iter().all(|p| p.contains("PUBLIC")), "PUBLIC on every page");
}

#[test]
fn the_public_action_log_leaves_out_what_was_raised_in_private_and_says_so() {
    let board = sample_board();
    let full = action_log_pdf(&board, today(), ActionLogOptions::default());
    let public = action_log_pdf(&board, today(), ActionLogOptions { public: true });
    let secret = ["M3-03", "Harrowgate", "in confidence"];
    let full_text = pages_text(&full).join("\n");
    for word in secret {
        assert!(full_text.contains(word), "the full log does contain {word:?} (so the test means something)");
    }
    let public_text = pages_text(&public).join("\n");
    let public_file = every_string_in_file(&public);
    for word in secret {
        assert!(!public_text.contains(word), "public text leaks {word:?}");
        assert!(!public_file.contains(word), "public file leaks {word:?}");
    }
    assert!(public_text.contains("19 actions — 6 open"), "the counts are of what is published");
    assert!(public_text.contains("One action raised under an item taken in private is not published."));
    assert!(public_text.contains("M3-04"), "actions raised under public items stay");
    assert!(pages_text(&public).iter().all(|p| p.contains("PUBLIC")), "PUBLIC on every page");
    assert!(public_file.contains("Public action log as at 22 November 2026"), "subject");
}

#[test]
fn the_outline_has_an_entry_per_agenda_item() {
    let full = every_string_in_file(&minutes_pdf(&sample_board(), 3, MinutesOptions::default()).unwrap());
    assert!(full.contains("10. Interim management arrangements in the Harrowgate locality team"));
    assert!(full.contains("RAG ratings agreed"));
    let progress = every_string_in_file(&progress_pdf(&sample_board(), today(), false));
    for title in ["P1 The Family Front Door", "P6 Children in care and care leavers", "Performance indicators"] {
        assert!(progress.contains(title), "{title} in the outline");
    }
}

#[test]
fn the_pdf_says_who_published_it_and_what_it_is() {
    let info = every_string_in_file(&minutes_pdf(&sample_board(), 3, MinutesOptions::default()).unwrap());
    assert!(info.contains("Northmoor Borough Council"), "author");
    assert!(info.contains("Children's Services Improvement Board — Minutes of meeting 3"), "title");
    assert!(info.contains("Full minutes of meeting 3"), "subject");
}

#[test]
fn the_action_log_lists_open_actions_first_with_overdue_in_words_on_landscape_pages() {
    let rendered = action_log_pdf(&sample_board(), today(), ActionLogOptions::default());
    let text = pages_text(&rendered).join("\n");
    assert!(text.contains("20 actions — 7 open (5 overdue), 12 done, 1 dropped"));
    assert!(position(&text, "M3-04") < position(&text, "M5-02"), "most overdue first");
    assert!(position(&text, "M5-03") < position(&text, "M1-01"), "open before closed");
    assert!(text.contains("OVERDUE by 53 days"));
    let doc = Document::load_mem(&rendered.bytes).unwrap();
    let page = doc.get_pages()[&1];
    let media_box = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    let number = |o: &Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap();
    assert!(number(&media_box[2]) > number(&media_box[3]), "landscape");
}

#[test]
fn the_progress_report_summarises_then_walks_every_priority_and_ends_with_indicators() {
    let board = sample_board();
    let rendered = progress_pdf(&board, today(), false);
    let text = pages_text(&rendered).join("\n");
    let summary = position(&text, "Summary");
    let overdue = position(&text, "Overdue actions (11)");
    let drifting = position(&text, "Drifting actions (17)");
    let mut last = drifting;
    assert!(summary < overdue && overdue < drifting);
    for priority in &board.priorities {
        last += position(&text[last..], &format!("{} {}", priority.id, priority.title));
    }
    assert!(position(&text, "Performance indicators") > last);
    for action in &board.actions {
        assert!(text.contains(&action.id), "action {} is reported", action.id);
    }
    assert!(text.contains("Rolled up:"));
    assert!(text.contains("↓ down"), "changes since the last meeting are marked");
    assert!(
        text.contains("Direction of travel") && text.contains("Statistical neighbours"),
        "the scorecard, with its comparators"
    );
    assert!(text.contains("Charts"), "and a chart per indicator");
}

#[test]
fn an_empty_board_prints_all_three_documents() {
    let mut board = Board::blank("Eastbrook Council", "Children's Services Improvement Board");
    board.meetings.push(Meeting::with_standard_agenda(1, today(), "", &[]));
    let minutes = pages_text(&minutes_pdf(&board, 1, MinutesOptions::default()).unwrap()).join("\n");
    assert!(minutes.contains("No ratings were recorded at this meeting."));
    assert!(pages_text(&action_log_pdf(&board, today(), ActionLogOptions::default())).join("\n").contains("0 actions"));
    assert!(pages_text(&progress_pdf(&board, today(), false)).join("\n").contains("Overdue actions (0)"));
    assert_eq!(
        minutes_pdf(&board, 9, MinutesOptions::default()).err().map(|e| e.to_string()),
        Some("there is no meeting 9 in this board".into())
    );
}

#[test]
fn a_board_of_two_thousand_actions_prints_with_headers_repeated() {
    let mut board = sample_board();
    let template = board.actions.clone();
    board.actions = (0..2000)
        .map(|n| {
            let mut action = template[n % template.len()].clone();
            action.id = format!("{}.{}", n / 100 + 1, n % 100 + 1);
            if n % 250 == 0 {
                action.updates.push(Update {
                    note: "A long commentary. ".repeat(200),
                    ..action.updates.last().cloned().unwrap_or(Update {
                        date: today(),
                        meeting: None,
                        rag: Rag::Amber,
                        impact: None,
                        note: String::new(),
                        by: None,
                    })
                });
            }
            action
        })
        .collect();
    let rendered = progress_pdf(&board, today(), false);
    assert!(rendered.pages > 100, "{} pages", rendered.pages);
    let text = pages_text(&rendered);
    let with_table_header = text.iter().filter(|p| p.contains("Latest note")).count();
    assert!(with_table_header > 100, "the table header repeats on every page of a table");
}

#[test]
fn characters_the_font_lacks_are_replaced_visibly_with_a_warning_and_nothing_panics() {
    let mut board = sample_board();
    board.actions[0].updates.last_mut().unwrap().note =
        "Agreed 👍 with the partnership\u{0007} — ΔΣ ŵ £5k 测试 \u{202E}rtl".into();
    board.actions[1].title = "x".repeat(3000);
    let rendered = progress_pdf(&board, today(), false);
    assert!(!rendered.warnings.is_empty());
    assert!(rendered.warnings.iter().any(|w| w.contains("U+1F44D")), "{:?}", rendered.warnings);
    let text = pages_text(&rendered).join("\n");
    assert!(text.contains("ŵ £5k"));
}

#[test]
fn the_agenda_gives_when_and_where_the_publication_date_the_contact_and_keeps_private_items_private() {
    use improvement_board::documents::agenda::agenda_pdf;
    let board = sample_board();
    let rendered = agenda_pdf(&board, 3, None).unwrap();
    let text = pages_text(&rendered).join("\n");
    assert!(text.contains("Notice of meeting and agenda"));
    assert!(
        text.contains(
            "Meeting 3 will be held on Tuesday 4 August 2026 at 2.00 pm in Committee Room 2, Northmoor Town Hall."
        ),
        "{text}"
    );
    // Five clear working days before Tuesday 4 August: Mon 27 July.
    assert!(text.contains("Published on Monday 27 July 2026, five clear working days before the meeting."), "{text}");
    assert!(text.contains("contact Katie Morgan, Democratic Services Officer"), "{text}");
    assert!(text.contains("Helen Marchant"), "the membership");
    assert!(
        text.contains("The press and public are likely to be excluded for this item, which involves exempt information as described in paragraph 1 of Part 1 of Schedule 12A"),
        "{text}"
    );
    let file = every_string_in_file(&rendered);
    for word in ["Harrowgate", "Kestrel", "Interim management"] {
        assert!(!text.contains(word) && !file.contains(word), "the agenda leaks {word:?}");
    }
}

#[test]
fn the_scorecard_rates_each_indicator_against_target_and_comparators_as_the_board_saw_it_then() {
    use improvement_board::documents::scorecard::scorecard_pdf;
    let board = sample_board();
    let now = scorecard_pdf(&board, NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
    let text = pages_text(&now).join(" ");
    for heading in
        ["Indicator", "Latest", "Target", "Rating", "Direction of travel", "England", "Statistical neighbours"]
    {
        assert!(text.contains(heading), "no column {heading}");
    }
    // Re-referrals: 21.2% against a target of 20% with a 3-point Amber band.
    let rereferrals = &text[position(&text, "Re-referrals within 12 months (lower is better)")..];
    assert!(rereferrals.starts_with("Re-referrals within 12 months (lower is better) 21.2% (Oct 2026) 20% Amber Improving 22.4% (Mar 2025) 21.6% (Mar 2025)"), "{}", &rereferrals[..160]);
    assert!(text.contains("Charts"), "a chart per indicator follows the table");
    // As at 30 September, September's figure (entered on 6 October) was not yet known;
    // as at 10 November, October's was the latest.
    let then = scorecard_pdf(&board, NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let text = pages_text(&then).join(" ");
    assert!(
        text.contains("Re-referrals within 12 months (lower is better) 22.9% (Aug 2026)"),
        "Sep's figure was entered in October"
    );
    let revised = scorecard_pdf(&board, NaiveDate::from_ymd_opt(2026, 11, 10).unwrap());
    assert!(pages_text(&revised).join(" ").contains("21.2% (Oct 2026)"));
}

/// What a PDF/UA-1 checker (veraPDF's rules, through `page_validation`) finds wrong.
fn pdf_ua_failures(rendered: &Rendered) -> Vec<String> {
    use page_validation::{ValidationOptions, ValidationProfile, validate_pdf_bytes};
    let options = ValidationOptions::default().profile(ValidationProfile::PdfUa1);
    let report = validate_pdf_bytes(&rendered.bytes, &options).expect("the checker reads the PDF");
    report.failures.iter().map(ToString::to_string).collect()
}

#[test]
fn every_document_passes_a_pdf_ua_1_checker() {
    use improvement_board::documents::{agenda::agenda_pdf, scorecard::scorecard_pdf, statement::statement_pdf};
    let board = sample_board();
    let documents = [
        ("minutes", minutes_pdf(&board, 3, MinutesOptions { public: false }).unwrap()),
        ("public minutes", minutes_pdf(&board, 3, MinutesOptions { public: true }).unwrap()),
        ("draft minutes", minutes_pdf(&board, 5, MinutesOptions { public: false }).unwrap()),
        ("action log", action_log_pdf(&board, today(), ActionLogOptions { public: false })),
        ("public action log", action_log_pdf(&board, today(), ActionLogOptions { public: true })),
        ("progress report", progress_pdf(&board, today(), false)),
        ("public progress report", progress_pdf(&board, today(), true)),
        ("statement of action", statement_pdf(&board, today(), false)),
        ("agenda", agenda_pdf(&board, 6, None).unwrap()),
        ("scorecard", scorecard_pdf(&board, today())),
    ];
    let mut failed = Vec::new();
    for (name, rendered) in &documents {
        for failure in pdf_ua_failures(rendered) {
            failed.push(format!("{name}: {failure}"));
        }
    }
    assert!(failed.is_empty(), "{} failures:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn the_checker_fails_a_pdf_that_is_not_tagged() {
    // The same document with its structure taken out: what the checker must catch.
    let mut rendered = progress_pdf(&sample_board(), today(), false);
    let mut doc = Document::load_mem(&rendered.bytes).unwrap();
    let catalog = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let catalog = doc.get_object_mut(catalog).unwrap().as_dict_mut().unwrap();
    catalog.remove(b"StructTreeRoot");
    catalog.remove(b"MarkInfo");
    catalog.remove(b"Lang");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    rendered.bytes = bytes;
    let failures = pdf_ua_failures(&rendered);
    assert!(failures.len() >= 2, "{failures:?}");
}

/// A Word document's parts by name, inflated.
fn docx_parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut text = String::new();
            part.read_to_string(&mut text).unwrap();
            (part.name().unwrap().to_string(), text)
        })
        .collect()
}

/// The paragraphs of a given Word style, as text.
fn styled(document: &str, style: &str) -> Vec<String> {
    let marker = format!("<w:pStyle w:val=\"{style}\"/>");
    document
        .split("<w:p>")
        .filter(|p| p.contains(&marker))
        .map(|p| p.split("<w:t xml:space=\"preserve\">").skip(1).map(|t| t.split("</w:t>").next().unwrap()).collect())
        .collect()
}

#[test]
fn the_minutes_as_word_keep_their_headings_numbered_resolutions_tables_and_language() {
    use improvement_board::documents::minutes::minutes_docx;
    let board = sample_board();
    let parts = docx_parts(&minutes_docx(&board, 3, MinutesOptions { public: false }).unwrap());
    for part in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(part), "no {part}");
    }
    let document = &parts["word/document.xml"];
    assert_eq!(styled(document, "Heading1"), ["Children's Services Improvement Board"]);
    let sections = styled(document, "Heading2");
    assert_eq!(sections[0], "Minutes of meeting 3");
    let meeting = board.meeting(3).unwrap();
    for item in &meeting.items {
        assert!(sections.contains(&format!("{}. {}", item.number, item.title)), "item {} is a Heading 2", item.number);
    }
    assert_eq!(&styled(document, "Heading3")[..3], ["Present", "In attendance", "Apologies"]);
    // Resolutions are Word's numbered list, each item's restarting at (1).
    let resolutions: usize = meeting.items.iter().map(|i| i.resolutions.len()).sum();
    let numbered = styled(document, "ListNumber");
    assert_eq!(numbered.len(), resolutions);
    assert_eq!(numbered[0], meeting.items[0].resolutions[0], "the number is Word's, not typed in");
    assert!(parts["word/numbering.xml"].contains("<w:lvlText w:val=\"(%1)\"/>"));
    assert!(parts["word/numbering.xml"].contains("<w:startOverride w:val=\"1\"/>"));
    // The RAG table's header row repeats on every page; RAG is the word, shaded.
    assert!(document.contains("<w:tblHeader/>"));
    assert!(document.contains(">Previous → new</w:t>"));
    assert!(document.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill="));
    assert!(parts["word/styles.xml"].contains("<w:lang w:val=\"en-GB\""));
    assert!(
        parts["docProps/core.xml"]
            .contains("<dc:title>Children's Services Improvement Board — Minutes of meeting 3</dc:title>")
    );
    assert!(parts["docProps/core.xml"].contains("<dc:language>en-GB</dc:language>"));
    assert!(parts["word/footer1.xml"].contains(" PAGE ") && parts["word/footer1.xml"].contains(" NUMPAGES "));
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(!parts["word/header1.xml"].contains("DRAFT"), "meeting 3's minutes are approved");
    let draft = docx_parts(&minutes_docx(&board, 5, MinutesOptions { public: false }).unwrap());
    assert!(draft["word/header1.xml"].contains(">DRAFT</w:t>"), "a meeting not yet approved is a draft");
}

#[test]
fn the_action_log_as_word_is_landscape_with_a_repeating_header_row() {
    use improvement_board::documents::action_log::action_log_docx;
    let parts = docx_parts(&action_log_docx(&sample_board(), today(), ActionLogOptions { public: false }));
    let document = &parts["word/document.xml"];
    assert!(document.contains("w:orient=\"landscape\""));
    assert!(document.contains("<w:tblHeader/>"));
    assert!(document.contains(">OVERDUE by "), "overdue in words, as in the PDF");
    assert_eq!(styled(document, "Heading1"), ["Children's Services Improvement Board: action log"]);
}
