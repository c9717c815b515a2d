//! The progress report: the statement of action "as at" a date — a summary (RAG counts per
//! priority as bars, overdue and drifting actions), then priority by priority and
//! recommendation by recommendation each action's lead, due date, RAG, trend and latest
//! note, with changes since the previous meeting marked; then the indicators.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::layout::{Cell, Column, Composer, PageSize, RunningText, Style, Table};
use super::{Composed, Rendered, as_at, board_for, board_line, compose, composer, public_marking};
use crate::model::{Board, PlanAction, RagCounts, Withheld, dates, dates::uk_long, dates::uk_short};

pub fn progress_pdf(board: &Board, today: NaiveDate, public: bool) -> Rendered {
    progress_layout(board, today, public).render()
}

/// The progress report laid out, ready to write once the board is let go.
pub fn progress_layout(board: &Board, today: NaiveDate, public: bool) -> Composed {
    // As at a date is what the board knew on that date; the public copy, what it may publish.
    let (shown, withheld) = board_for(board, today, public);
    let board: &Board = &shown;
    let mut page = composer(PageSize::A4_PORTRAIT);
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&board.title, Style::TITLE);
    page.paragraph(&format!("Statement of action: progress report as at {}", uk_long(today)), Style::H1);
    let latest = board.latest_held_meeting();
    if let Some(m) = latest {
        page.paragraph(&format!("Ratings as agreed at meeting {} on {}.", m.number, uk_long(m.date)), Style::SMALL);
    }
    if public {
        page.paragraph(&left_out(withheld), Style::SMALL);
    }
    page.space(2.0);
    summary(&mut page, board, today);
    let actions = board.actions_by_recommendation();
    for priority in &board.priorities {
        priority_section(&mut page, board, &actions, priority, today, latest.map(|m| m.number));
    }
    indicators(&mut page, board);
    let running = RunningText {
        left: board_line(board),
        right: "Statement of action: progress report".into(),
        marking: public_marking(public),
        footer: as_at(today),
    };
    compose(
        page,
        running,
        format!("{} — progress report", board.title),
        format!("Progress against the statement of action as at {}", uk_long(today)),
        board,
    )
}

/// What the public copy says it leaves out.
fn left_out(withheld: Withheld) -> String {
    let ratings = match withheld.ratings {
        0 => "No ratings were agreed at items taken in private".to_string(),
        1 => "One rating and its note, agreed at an item taken in private, is left out".to_string(),
        n => format!("{n} ratings and their notes, agreed at items taken in private, are left out"),
    };
    format!("Public copy. {ratings}: each action shows the latest rating and note given in public.")
}

fn summary(page: &mut Composer, board: &Board, today: NaiveDate) {
    page.heading("Summary", Style::H1, Some("Summary"), 30.0);
    for (priority, counts) in board.rag_counts_by_priority() {
        page.rag_bar(&format!("{} {}", priority.id, priority.title), &counts);
    }
    page.rag_bar("All priorities", &board.rag_counts());
    page.paragraph(&format!("In words: {}.", board.rag_counts().describe()), Style::SMALL);
    page.space(3.0);

    let overdue: Vec<Vec<Cell>> = board
        .overdue_actions(today)
        .iter()
        .map(|(a, days)| {
            vec![
                Cell::Bold(a.id.clone()),
                Cell::text(&a.title),
                Cell::text(board.person_name(&a.lead)),
                Cell::text(uk_short(a.due)),
                Cell::Warning(dates::days(*days)),
                Cell::Rag(a.current_rag()),
            ]
        })
        .collect();
    counted_table(
        page,
        "Overdue actions",
        overdue,
        &[("Ref", 8.0), ("Action", 50.0), ("Lead", 24.0), ("Due", 20.0), ("Overdue", 15.0), ("RAG", 12.0)],
    );
    let drifting: Vec<Vec<Cell>> = board
        .drifting_actions()
        .iter()
        .map(|(a, drift)| {
            vec![
                Cell::Bold(a.id.clone()),
                Cell::text(&a.title),
                Cell::text(board.person_name(&a.lead)),
                Cell::text(drift.describe()),
                Cell::Rag(a.current_rag()),
            ]
        })
        .collect();
    counted_table(
        page,
        "Drifting actions",
        drifting,
        &[("Ref", 8.0), ("Action", 50.0), ("Lead", 24.0), ("Why it is drifting", 35.0), ("RAG", 12.0)],
    );
}

/// "Overdue actions (11)" and its table, or "None.".
fn counted_table(page: &mut Composer, title: &str, rows: Vec<Vec<Cell>>, columns: &[(&'static str, f32)]) {
    page.heading(&format!("{title} ({})", rows.len()), Style::H2, None, 14.0);
    if rows.is_empty() {
        page.paragraph("None.", Style::BODY);
        return;
    }
    let columns = columns.iter().map(|(title, weight)| Column { title, weight: *weight }).collect();
    page.table(&Table { columns, rows, style: Style { size: 8.5, ..Style::BODY } });
}

/// "↑ up", "↓ down" or "new" when the rating changed at the latest meeting.
fn change_mark(action: &PlanAction, latest: Option<u32>) -> &'static str {
    let Some(meeting) = latest else { return "" };
    let Some(now) = action.rating_at(meeting) else { return "" };
    let date = now.date;
    match action.rating_before(meeting, date).map(|u| u.rag) {
        None => "new",
        Some(before) if now.rag.is_worse_than(before) => "↓ down",
        Some(before) if before.is_worse_than(now.rag) => "↑ up",
        Some(_) => "",
    }
}

fn priority_section(
    page: &mut Composer,
    board: &Board,
    actions: &HashMap<&str, Vec<&PlanAction>>,
    priority: &crate::model::Priority,
    today: NaiveDate,
    latest: Option<u32>,
) {
    page.new_page();
    let counts = board.rag_counts_for_priority(&priority.id);
    let title = format!("{} {}", priority.id, priority.title);
    page.heading(&title, Style::H1, Some(&title), 30.0);
    rolled_up(page, &counts);
    page.paragraph(&priority.summary, Style::BODY);
    for rec in board.recommendations_for(&priority.id) {
        let rec_actions = actions.get(rec.id.as_str()).map_or(&[][..], Vec::as_slice);
        let rec_counts: RagCounts = rec_actions.iter().map(|a| a.current_rag()).collect();
        page.heading(&format!("Recommendation {}", rec.id), Style::H2, None, 24.0);
        rolled_up(page, &rec_counts);
        page.paragraph(&rec.text, Style { size: 9.5, ..Style::BODY });
        let rows: Vec<Vec<Cell>> = rec_actions
            .iter()
            .map(|a| {
                let mark = change_mark(a, latest);
                let id = if mark.is_empty() { a.id.clone() } else { format!("{}\n{mark}", a.id) };
                let due = match a.days_overdue(today) {
                    Some(days) => Cell::Warning(format!("{}\n{} overdue", uk_short(a.due), dates::days(days))),
                    None => Cell::text(uk_short(a.due)),
                };
                vec![
                    Cell::Bold(id),
                    Cell::text(&a.title),
                    Cell::text(board.person_name(&a.lead)),
                    due,
                    Cell::Rag(a.current_rag()),
                    Cell::Trend(a.recent_ratings(4)),
                    Cell::text(a.latest_note().unwrap_or("")),
                ]
            })
            .collect();
        if rows.is_empty() {
            page.paragraph("No actions yet.", Style::SMALL);
            continue;
        }
        page.table(&Table {
            columns: vec![
                Column { title: "Ref", weight: 10.0 },
                Column { title: "Action", weight: 36.0 },
                Column { title: "Lead", weight: 20.0 },
                Column { title: "Due", weight: 18.0 },
                Column { title: "RAG", weight: 14.0 },
                Column { title: "Trend", weight: 23.0 },
                Column { title: "Latest note", weight: 39.0 },
            ],
            rows,
            style: Style { size: 8.0, ..Style::BODY },
        });
    }
    if latest.is_some() {
        page.paragraph("“↑ up”, “↓ down” and “new” mark ratings that changed at the latest meeting.", Style::SMALL);
    }
}

/// "Rolled up: [Red] 4 Blue, 1 Green, 1 Amber, 1 Red"; "[Blue, 1 not rated]" when an
/// action is unrated, so a priority never looks complete while one is.
fn rolled_up(page: &mut Composer, counts: &RagCounts) {
    page.keep(6.0);
    let y = page.y();
    page.text_at(page.left(), y + 3.6, "Rolled up:", Style::SMALL);
    let x = page.left() + 18.0;
    let worst = counts.worst();
    let width = page.chip(x, y, worst, &counts.roll_up(), 8.0);
    page.text_at(x + width + 2.0, y + 3.6, &counts.describe(), Style::SMALL);
    page.advance_to(y + 6.0);
}

/// The scorecard as at the report's date: the table, then a chart per indicator.
fn indicators(page: &mut Composer, board: &Board) {
    if board.indicators.is_empty() {
        return;
    }
    page.new_page();
    page.heading("Performance indicators", Style::H1, Some("Performance indicators"), 20.0);
    super::scorecard::scorecard_table(page, board);
    super::scorecard::scorecard_charts(page, board, 2);
}
