//! The papers for a meeting in words, for the clerk: the publication date and how long is
//! left, then item by item what the board will read and whether it is in.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::{Board, ItemPapers, PapersCheck, Timing, calendar, dates::uk_long};

/// "Meeting 6 on Tuesday 8 December 2026: the papers are published by Monday 30 November
/// 2026…", then a line an item.
pub fn papers_text(board: &Board, check: &PapersCheck<'_>, today: NaiveDate) -> String {
    let mut out = String::new();
    let meeting = check.meeting;
    let _ = writeln!(
        out,
        "Meeting {} on {}: the papers are published by {} ({} clear working days before).",
        meeting.number,
        weekday_long(meeting.date),
        weekday_long(check.publication),
        check.clear_days
    );
    let left = calendar::working_days_until(today, check.publication);
    let _ = match left {
        n if n > 1 => writeln!(out, "{n} working days from today."),
        1 => writeln!(out, "1 working day from today."),
        0 => writeln!(out, "That is today."),
        n => writeln!(out, "That was {} working {} ago.", -n, if n == -1 { "day" } else { "days" }),
    };
    if !check.holidays_known {
        let _ = writeln!(out, "Bank holidays are not known for that year: only weekends were left out.");
    }
    for (item, papers) in &check.items {
        let private = if item.exempt.is_some() { " [taken in private]" } else { "" };
        let _ = writeln!(out, "\n{}. {}{private}", item.number, item.title);
        match papers {
            ItemPapers::Made(what) => {
                let _ = writeln!(out, "   {what}: made by the app from the board");
            }
            ItemPapers::Attached(list) => {
                for (paper, timing) in list {
                    let when = match (paper.received, timing) {
                        (Some(d), Timing::Late) => {
                            format!("received {}: late, goes in a supplementary pack", uk_long(d))
                        }
                        (Some(d), _) => format!("received {}: on time", uk_long(d)),
                        (None, _) => "date received not recorded".to_string(),
                    };
                    let _ = writeln!(out, "   \"{}\" ({}), {when}", paper.title, paper.file);
                }
            }
            ItemPapers::Missing => {
                let from =
                    item.presenter.as_deref().map(|p| format!(" from {}", board.person_name(p))).unwrap_or_default();
                let _ = writeln!(out, "   MISSING: a paper is expected{from}");
            }
            ItemPapers::None => {
                let _ = writeln!(out, "   no paper");
            }
        }
    }
    let missing = check.missing().count();
    let late = check.late().count();
    let _ = writeln!(
        out,
        "\n{} missing, {} late.",
        crate::model::plural(missing, "paper"),
        crate::model::plural(late, "paper")
    );
    out
}

/// "Monday 30 November 2026".
fn weekday_long(date: NaiveDate) -> String {
    format!("{} {}", date.format("%A"), uk_long(date))
}
