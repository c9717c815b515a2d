//! The action log: every meeting action, open first (most overdue first), with owner, due
//! date, status in words, days overdue and the meeting that raised it. Landscape, so the
//! action's words have room. The public copy leaves out actions raised under items taken
//! in private, as the public minutes do, and says how many it leaves out.

use chrono::NaiveDate;

use super::layout::{Cell, Column, PageSize, RunningText, Style, Table};
use super::writer::{Frame, Writer};
use super::{Rendered, as_at, board_line, composer, finish};
use crate::model::{ActionStatus, Board, LogFilter, dates, dates::uk_long, dates::uk_short};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionLogOptions {
    /// The copy for publication: nothing raised under an item taken in private.
    pub public: bool,
}

pub fn action_log_pdf(board: &Board, today: NaiveDate, options: ActionLogOptions) -> Rendered {
    let known = board.as_at(today);
    let mut page = composer(PageSize::A4_LANDSCAPE);
    let frame = write_action_log(&mut page, &known, today, options);
    finish(page, frame.running, frame.title, frame.subject, &known)
}

/// The action log as a Word document (landscape, as the PDF).
pub fn action_log_docx(board: &Board, today: NaiveDate, options: ActionLogOptions) -> Vec<u8> {
    let known = board.as_at(today);
    let mut document = super::docx::Docx::new(PageSize::A4_LANDSCAPE);
    let frame = write_action_log(&mut document, &known, today, options);
    document.finish(&frame.running, &frame.title, &frame.subject, &known.authority)
}

/// Writes the action log of `board` (already as at `today`); returns what frames it.
fn write_action_log(page: &mut impl Writer, board: &Board, today: NaiveDate, options: ActionLogOptions) -> Frame {
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&format!("{}: action log", board.title), Style::TITLE);
    let mut rows = board.action_log(&LogFilter::default(), today);
    let before = rows.len();
    if options.public {
        rows.retain(|(meeting, action)| meeting.action_is_public(action));
    }
    let withheld = before - rows.len();
    let open = rows.iter().filter(|(_, a)| a.is_open()).count();
    let overdue = rows.iter().filter(|(_, a)| a.is_overdue(today)).count();
    let done = rows.iter().filter(|(_, a)| a.status == ActionStatus::Done).count();
    let dropped = rows.len() - open - done;
    page.paragraph(
        &format!(
            "As at {}: {} actions — {open} open ({overdue} overdue), {done} done, {dropped} dropped. Open actions come first, most overdue first.",
            uk_long(today),
            rows.len()
        ),
        Style::BODY,
    );
    if options.public {
        page.paragraph(
            &match withheld {
                0 => "No actions were raised under items taken in private.".to_string(),
                1 => "One action raised under an item taken in private is not published.".to_string(),
                n => format!("{n} actions raised under items taken in private are not published."),
            },
            Style::SMALL,
        );
    }
    page.space(2.0);
    let table_rows = rows
        .iter()
        .map(|(meeting, action)| {
            let status = match (action.status, action.days_overdue(today), action.closed) {
                (ActionStatus::Open, Some(days), _) => Cell::Warning(format!("OVERDUE by {}", dates::days(days))),
                (ActionStatus::Open, None, _) => Cell::text("Open"),
                (status, _, Some(closed)) => Cell::text(format!("{} {}", status.word(), uk_short(closed))),
                (status, _, None) => Cell::text(status.word()),
            };
            vec![
                Cell::Bold(action.id.clone()),
                Cell::text(&action.text),
                Cell::text(board.person_name(&action.owner)),
                Cell::text(action.due.map(uk_short).unwrap_or_else(|| "—".into())),
                status,
                Cell::text(format!("Meeting {}, {}", meeting.number, uk_short(meeting.date))),
                Cell::text(&action.note),
            ]
        })
        .collect();
    page.table(&Table {
        columns: vec![
            Column { title: "Ref", weight: 7.0 },
            Column { title: "Action", weight: 40.0 },
            Column { title: "Owner", weight: 16.0 },
            Column { title: "Due", weight: 14.0 },
            Column { title: "Status", weight: 17.0 },
            Column { title: "Raised at", weight: 16.0 },
            Column { title: "Note", weight: 27.0 },
        ],
        rows: table_rows,
        style: Style { size: 8.5, ..Style::BODY },
    });
    let running = RunningText {
        left: board_line(board),
        right: "Action log".into(),
        marking: options.public.then(|| "PUBLIC".to_string()),
        footer: as_at(today),
    };
    Frame {
        running,
        title: format!("{} — action log", board.title),
        subject: format!(
            "{} as at {}",
            if options.public { "Public action log" } else { "Action log" },
            uk_long(today)
        ),
    }
}
