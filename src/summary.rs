//! The chair's briefing as plain text: RAG counts per priority and in total, overdue and
//! drifting actions, open meeting actions, and the next meeting.

use chrono::NaiveDate;
use std::fmt::Write;

use crate::model::{Board, Rag, dates, dates::uk_long};

/// The briefing a chair reads before a meeting, as at `today`.
pub fn summary_text(board: &Board, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", board.authority, board.title);
    let _ = writeln!(out, "Summary as at {}", uk_long(today));
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

fn overdue(out: &mut String, board: &Board, today: NaiveDate) {
    let overdue = board.overdue_actions(today);
    let _ = writeln!(out, "\nOverdue actions ({})", overdue.len());
    if overdue.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for (action, days) in overdue {
        let _ = writeln!(
            out,
            "  {:<6} {} — {}, due {}, {} overdue ({})",
            action.id,
            action.title,
            board.person_name(&action.lead),
            uk_long(action.due),
            dates::days(days),
            action.current_rag().word()
        );
    }
}

fn drifting(out: &mut String, board: &Board) {
    let drifting = board.drifting_actions();
    let _ = writeln!(out, "\nDrifting actions ({})", drifting.len());
    if drifting.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for (action, drift) in drifting {
        let _ = writeln!(
            out,
            "  {:<6} {} — {}: {}",
            action.id,
            action.title,
            board.person_name(&action.lead),
            drift.describe()
        );
    }
}

fn open_meeting_actions(out: &mut String, board: &Board, today: NaiveDate) {
    let open = board.open_meeting_actions();
    let _ = writeln!(out, "\nOpen meeting actions ({})", open.len());
    if open.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for (meeting, action) in open {
        let due = match (action.due, action.days_overdue(today)) {
            (Some(due), Some(days)) => format!("due {}, {} overdue", uk_long(due), dates::days(days)),
            (Some(due), None) => format!("due {}", uk_long(due)),
            (None, _) => "no due date".to_string(),
        };
        let _ = writeln!(
            out,
            "  {:<6} {} — {}, {} (raised at meeting {})",
            action.id,
            action.text,
            board.person_name(&action.owner),
            due,
            meeting.number
        );
    }
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
