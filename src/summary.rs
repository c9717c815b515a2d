//! The chair's briefing as plain text: RAG counts per priority and in total, overdue and
//! drifting actions, open meeting actions, and the next meeting.

use chrono::NaiveDate;
use std::fmt::Write;

use crate::model::{Board, Rag, dates, dates::uk_long};

/// The briefing a chair reads before a meeting, as at `today`; the public copy leaves out
/// what was said or raised in private.
pub fn summary_text(board: &Board, today: NaiveDate, public: bool) -> String {
    // As at a date is what the board knew on that date.
    let (shown, _) = crate::documents::board_for(board, today, public);
    let board: &Board = &shown;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", board.authority, board.title);
    let copy = if public { " (PUBLIC)" } else { "" };
    let _ = writeln!(out, "Summary as at {}{copy}", uk_long(today));
    rag_table(&mut out, board);
    overdue(&mut out, board, today);
    drifting(&mut out, board);
    open_meeting_actions(&mut out, board, today);
    next_meeting(&mut out, board, today);
    out
}

fn rag_table(out: &mut String, board: &Board) {
    let rows: Vec<(String, crate::model::RagCounts)> = board
        .rag_counts_by_priority()
        .into_iter()
        .map(|(p, c)| (format!("{} {}", p.id, p.title), c))
        .chain(std::iter::once(("Total".to_string(), board.rag_counts())))
        .collect();
    let name_width = rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(5).max(18);
    let _ = writeln!(out, "\nRAG ratings by priority");
    let mut header = format!("  {:name_width$}", "Priority");
    for rag in Rag::ALL {
        let _ = write!(header, "  {:>9}", rag.word());
    }
    let _ = writeln!(out, "{header}  {:>5}", "Total");
    for (name, counts) in rows {
        let _ = write!(out, "  {name:name_width$}");
        for (_, n) in counts.iter() {
            let _ = write!(out, "  {n:>9}");
        }
        let _ = writeln!(out, "  {:>5}", counts.total());
    }
}

/// A heading with its count, then one line an entry, or "None.".
fn section(out: &mut String, title: &str, lines: Vec<String>) {
    let _ = writeln!(out, "\n{title} ({})", lines.len());
    if lines.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

fn overdue(out: &mut String, board: &Board, today: NaiveDate) {
    let lines = board
        .overdue_actions(today)
        .into_iter()
        .map(|(action, days)| {
            format!(
                "{:<6} {} — {}, due {}, {} overdue ({})",
                action.id,
                action.title,
                board.person_name(&action.lead),
                uk_long(action.due),
                dates::days(days),
                action.current_rag().word()
            )
        })
        .collect();
    section(out, "Overdue actions", lines);
}

fn drifting(out: &mut String, board: &Board) {
    let lines = board
        .drifting_actions()
        .into_iter()
        .map(|(action, drift)| {
            format!("{:<6} {} — {}: {}", action.id, action.title, board.person_name(&action.lead), drift.describe())
        })
        .collect();
    section(out, "Drifting actions", lines);
}

fn open_meeting_actions(out: &mut String, board: &Board, today: NaiveDate) {
    let lines = board
        .open_meeting_actions()
        .into_iter()
        .map(|(meeting, action)| {
            let due = match (action.due, action.days_overdue(today)) {
                (Some(due), Some(days)) => format!("due {}, {} overdue", uk_long(due), dates::days(days)),
                (Some(due), None) => format!("due {}", uk_long(due)),
                (None, _) => "no due date".to_string(),
            };
            format!(
                "{:<6} {} — {}, {} (raised at meeting {})",
                action.id,
                action.text,
                board.person_name(&action.owner),
                due,
                meeting.number
            )
        })
        .collect();
    section(out, "Open meeting actions", lines);
}

fn next_meeting(out: &mut String, board: &Board, today: NaiveDate) {
    let _ = match board.next_meeting(today) {
        Some(m) => {
            let time = m.start.map(|t| format!(", {}", t.spoken())).unwrap_or_default();
            let venue = if m.venue.is_empty() { String::new() } else { format!(", {}", m.venue) };
            writeln!(out, "\nNext meeting: meeting {} on {}{time}{venue}", m.number, uk_long(m.date))
        }
        None => writeln!(out, "\nNext meeting: none planned"),
    };
}
