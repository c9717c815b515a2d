//! The agenda: the notice of meeting as councils publish it. When and where, who sits on
//! the board, each item with what the board is asked to do, who presents it, the time
//! allowed and its papers, a notice for each item taken in private citing its paragraph of
//! Schedule 12A, the date the papers were published, and whom to contact.
//!
//! An agenda is published, so it is made from the public copy of the meeting: an item
//! taken in private shows only its notice.

use chrono::{Duration, NaiveDate};

use super::layout::{Cell, Column, Composer, PageSize, RunningText, Style, Table};
use super::pack::PageRefs;
use super::{DocumentError, Rendered, board_line, composer, finish};
use crate::model::{Board, Meeting, Person, calendar, dates::uk_long};

/// The agenda of meeting `number`; with the pack's page references when it heads a pack
/// (each item's papers and the page each starts on).
pub fn agenda_pdf(board: &Board, number: u32, pack: Option<&PageRefs>) -> Result<Rendered, DocumentError> {
    let meeting = board.meeting(number).ok_or(DocumentError::NoSuchMeeting(number))?.public_copy();
    let clear = board.terms.as_ref().map_or(crate::model::DEFAULT_NOTICE_DAYS, |t| t.notice_days);
    let published = calendar::publication_date(meeting.date, clear);
    let mut page = composer(PageSize::A4_PORTRAIT);
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&board.title, Style::TITLE);
    page.paragraph("Notice of meeting and agenda", Style::H1);
    page.paragraph(&when_and_where(&meeting), Style::BODY);
    page.paragraph(
        &format!("Published on {}, {} clear working days before the meeting.", weekday_long(published), words(clear)),
        Style::SMALL,
    );
    contact(&mut page, board);
    page.space(2.0);
    membership(&mut page, board);
    items(&mut page, board, &meeting, pack);
    let document = format!("Agenda, meeting {number}");
    let running = RunningText {
        left: board_line(board),
        right: format!("{document}, {}", uk_long(meeting.date)),
        marking: None,
        footer: format!("Published {}", uk_long(published)),
    };
    let subject = format!("Notice of meeting {number} of the {}, {}", board.title, uk_long(meeting.date));
    Ok(finish(page, running, format!("{} — {document}", board.title), subject, board))
}

/// "Meeting 6 will be held on Tuesday 8 December 2026 at 2.00 pm in Committee Room 2."
fn when_and_where(meeting: &Meeting) -> String {
    let time = meeting.start.map(|t| format!(" at {}", t.spoken())).unwrap_or_default();
    let place = if meeting.venue.is_empty() { String::new() } else { format!(" in {}", meeting.venue) };
    format!("Meeting {} will be held on {}{time}{place}.", meeting.number, weekday_long(meeting.date))
}

fn membership(page: &mut Composer, board: &Board) {
    page.heading("Membership", Style::H2, Some("Membership"), 20.0);
    let rows: Vec<Vec<Cell>> = board
        .people
        .iter()
        .filter(|p| p.board_member)
        .map(|p| vec![Cell::text(&p.name), Cell::text(&p.role), Cell::text(&p.organisation)])
        .collect();
    page.table(&Table {
        columns: vec![
            Column { title: "Name", weight: 30.0 },
            Column { title: "Role", weight: 40.0 },
            Column { title: "Organisation", weight: 30.0 },
        ],
        rows,
        style: Style { size: 9.0, ..Style::BODY },
    });
}

fn items(page: &mut Composer, board: &Board, meeting: &Meeting, pack: Option<&PageRefs>) {
    page.heading("Agenda", Style::H1, Some("Agenda"), 30.0);
    let mut clock = meeting.start.map(|t| t.0);
    let rows: Vec<Vec<Cell>> = meeting
        .items
        .iter()
        .map(|item| {
            let mut what = item.title.clone();
            if let Some(purpose) = item.purpose {
                what.push_str(&format!("\n{}", purpose.word()));
            }
            match pack.and_then(|refs| refs.get(&item.number)) {
                Some(papers) => {
                    for (title, page) in papers {
                        what.push_str(&format!("\n{title}: page {page}"));
                    }
                }
                None => {
                    for paper in &item.papers {
                        what.push_str(&format!("\nPaper: {}", paper.title));
                    }
                }
            }
            if let Some(exempt) = &item.exempt {
                what.push_str(&format!("\n{}", exempt.agenda_wording()));
            }
            let time = match (clock, item.minutes) {
                (Some(start), Some(minutes)) => {
                    let end = start + Duration::minutes(minutes.into());
                    clock = Some(end);
                    format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
                }
                (_, Some(minutes)) => format!("{minutes} min"),
                (_, None) => String::new(),
            };
            vec![
                Cell::Bold(item.number.to_string()),
                Cell::text(what),
                Cell::text(item.presenter.as_deref().map(|p| board.person_name(p)).unwrap_or("")),
                Cell::text(time),
            ]
        })
        .collect();
    page.table(&Table {
        columns: vec![
            Column { title: "Item", weight: 8.0 },
            Column { title: "Business", weight: 62.0 },
            Column { title: "Presented by", weight: 24.0 },
            Column { title: "Time", weight: 16.0 },
        ],
        rows,
        style: Style { size: 9.5, ..Style::BODY },
    });
    if let Some(words) = time_allowed_words(meeting) {
        page.paragraph(&words, Style::SMALL);
    }
}

/// The person to contact about the agenda: one whose role says clerk or democratic
/// services.
pub fn contact_person(board: &Board) -> Option<&Person> {
    board.people.iter().find(|p| {
        let role = p.role.to_lowercase();
        role.contains("clerk") || role.contains("democratic services")
    })
}

fn contact(page: &mut Composer, board: &Board) {
    if let Some(person) = contact_person(board) {
        let organisation =
            if person.organisation.is_empty() { String::new() } else { format!(", {}", person.organisation) };
        page.paragraph(
            &format!("For more information about this agenda, contact {}, {}{organisation}.", person.name, person.role),
            Style::SMALL,
        );
    }
}

/// "Monday 30 November 2026".
fn weekday_long(date: NaiveDate) -> String {
    format!("{} {}", date.format("%A"), uk_long(date))
}

/// "five" for a small count, as notices write it.
fn words(n: u32) -> String {
    const SMALL: [&str; 11] = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    SMALL.get(n as usize).map_or_else(|| n.to_string(), |w| w.to_string())
}

/// "Time allowed: 2 hours 10 minutes, to close at about 4.10 pm."
pub fn time_allowed_words(meeting: &Meeting) -> Option<String> {
    let (minutes, end) = meeting.time_allowed()?;
    let end = end.map(|end| format!(", to close at about {}", end.spoken())).unwrap_or_default();
    Some(format!("Time allowed: {}{end}.", duration_words(minutes)))
}

/// "2 hours 10 minutes".
fn duration_words(minutes: u32) -> String {
    let (hours, minutes) = (minutes / 60, minutes % 60);
    let hours_words = match hours {
        0 => String::new(),
        1 => "1 hour".into(),
        n => format!("{n} hours"),
    };
    match (hours, minutes) {
        (_, 0) => hours_words,
        (0, m) => format!("{m} minutes"),
        (_, m) => format!("{hours_words} {m} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeOfDay;

    #[test]
    fn the_time_allowed_runs_from_the_start_to_the_close() {
        let mut meeting = crate::sample::sample_board().meeting(6).unwrap().clone();
        assert_eq!(time_allowed_words(&meeting), None, "no item has a time yet");
        meeting.start = Some(TimeOfDay::parse("14:00").unwrap());
        meeting.items[0].minutes = Some(10);
        meeting.items[1].minutes = Some(120);
        assert_eq!(
            time_allowed_words(&meeting).as_deref(),
            Some("Time allowed: 2 hours 10 minutes, to close at about 4.10 pm.")
        );
    }
}
