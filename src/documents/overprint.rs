//! No word prints over another, on any page of any document, whatever the board: laid out
//! for a board with very long names, a 300-character action title and a 200-character
//! person's name, every page's text runs are checked from the page model.

use std::cell::RefCell;

use chrono::NaiveDate;

use super::layout::compose::PT;
use super::layout::{Page, page::Item};
use super::{action_log, agenda, minutes, progress, scorecard, statement, typeface};
use crate::model::Board;

thread_local! {
    /// Every document rendered on this thread, laid out, for the checks below.
    pub static LAID_OUT: RefCell<Vec<Vec<Page>>> = const { RefCell::new(Vec::new()) };
}

/// A text run's box on the page, in mm: left, top, right, bottom.
fn text_box(item: &Item) -> Option<(f32, f32, f32, f32, &str)> {
    let Item::Text { x, y, size, bold, text, .. } = item else { return None };
    let width = typeface().face(*bold).width(text, *size) * PT;
    Some((*x, y - 0.75 * size * PT, x + width, y + 0.2 * size * PT, text))
}

/// Pairs of text runs on a page that print over each other (by more than a hair).
pub fn overprints(page: &Page) -> Vec<(String, String)> {
    let boxes: Vec<_> = page.items.iter().filter_map(text_box).filter(|b| !b.4.trim().is_empty()).collect();
    let mut found = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let across = a.2.min(b.2) - a.0.max(b.0);
            let down = a.3.min(b.3) - a.1.max(b.1);
            if across > 0.3 && down > 0.3 {
                found.push((a.4.to_string(), b.4.to_string()));
            }
        }
    }
    found
}

fn hostile_board() -> Board {
    let mut board = crate::sample::sample_board();
    board.authority = "The Royal Borough of Kingston upon Thames and the London Borough of Richmond upon Thames, working together as Achieving for Children".into();
    board.title =
        "Children's Services Improvement Board for Safeguarding, Early Help, Children in Care and Care Leavers".into();
    board.actions[0].title = "Introduce a single front door for all contacts, with the police, health and education partners co-located in the hub, a daily risk meeting, a consultation line staffed by a qualified social worker, and a quality assurance framework that audits a sample of every decision taken within one working day.".into();
    assert!(board.actions[0].title.len() >= 290);
    let long_name = "Professor Dame Alexandra Catherine Montgomery-Fitzwilliam-Vasquez de la Cruz OBE, Independent Chair of the Children's Services Improvement Board and Department for Education Improvement Adviser (Interim)";
    assert!(long_name.len() >= 195);
    let lead = board.actions[0].lead.clone();
    if let Some(person) = board.people.iter_mut().find(|p| p.id == lead) {
        person.name = long_name.into();
    }
    board
}

#[test]
fn no_page_of_any_document_prints_a_word_over_another_for_a_board_with_long_names() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for board in [crate::sample::sample_board(), hostile_board()] {
        LAID_OUT.with(|laid| laid.borrow_mut().clear());
        let documents = [
            "minutes 3",
            "public minutes 3",
            "draft minutes 5",
            "action log",
            "public action log",
            "progress report",
            "public progress report",
            "statement",
            "agenda 6",
            "scorecard",
        ];
        minutes::minutes_pdf(&board, 3, minutes::MinutesOptions { public: false }).unwrap();
        minutes::minutes_pdf(&board, 3, minutes::MinutesOptions { public: true }).unwrap();
        minutes::minutes_pdf(&board, 5, minutes::MinutesOptions { public: false }).unwrap();
        action_log::action_log_pdf(&board, day, action_log::ActionLogOptions { public: false });
        action_log::action_log_pdf(&board, day, action_log::ActionLogOptions { public: true });
        progress::progress_pdf(&board, day, false);
        progress::progress_pdf(&board, day, true);
        statement::statement_pdf(&board, day, false);
        agenda::agenda_pdf(&board, 6, None).unwrap();
        scorecard::scorecard_pdf(&board, day);
        let laid = LAID_OUT.with(|laid| laid.borrow().clone());
        assert_eq!(laid.len(), documents.len());
        let mut found = Vec::new();
        for (name, pages) in documents.iter().zip(&laid) {
            for (n, page) in pages.iter().enumerate() {
                for (a, b) in overprints(page) {
                    found.push(format!("{name}, page {}: \"{a}\" over \"{b}\"", n + 1));
                }
            }
        }
        assert!(found.is_empty(), "{} for {}:\n{}", found.len(), board.authority, found.join("\n"));
    }
}

#[test]
fn the_check_finds_two_runs_printed_over_each_other() {
    let run = |x: f32, text: &str| Item::Text {
        x,
        y: 50.0,
        size: 10.0,
        bold: false,
        colour: super::layout::Colour::BLACK,
        text: text.into(),
    };
    let page = Page { items: vec![run(20.0, "Northmoor Borough Council"), run(40.0, "Progress report")] };
    assert_eq!(overprints(&page).len(), 1);
    let apart = Page { items: vec![run(20.0, "Northmoor"), run(60.0, "Progress report")] };
    assert!(overprints(&apart).is_empty());
}

#[test]
fn narrow_columns_widen_rather_than_break_a_word() {
    // The progress report's Ref column holds "1.1" and, under it, "↓ down": the column
    // takes the room the word needs from wider ones rather than print "dow" and "n".
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for board in [crate::sample::sample_board(), hostile_board()] {
        LAID_OUT.with(|laid| laid.borrow_mut().clear());
        progress::progress_pdf(&board, day, false);
        let pages = LAID_OUT.with(|laid| laid.borrow().clone());
        let runs: Vec<String> = pages[0]
            .iter()
            .flat_map(|page| page.items.iter())
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(runs.iter().any(|r| r == "↓ down"), "the sample has a rating gone down at the last meeting");
        let broken: Vec<&String> =
            runs.iter().filter(|r| ["↓ dow", "dow", "↓", "n", "↑"].contains(&r.as_str())).collect();
        assert!(broken.is_empty(), "{broken:?}");
    }
}
