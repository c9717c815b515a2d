//! Minutes of a meeting: attendance, declarations, each item with its notes and numbered
//! resolutions, the RAG ratings agreed, and the actions raised. A meeting not yet approved
//! is marked DRAFT on every page; the public copy leaves out every exempt item.

use super::layout::{Cell, Column, PageSize, RunningText, Style, Table};
use super::writer::{Frame, Writer};
use std::borrow::Cow;

use super::{DocumentError, Rendered, board_line, composer, finish};
use crate::model::{Board, Meeting, MeetingStatus, Rag, dates::uk_long};

/// Which copy of the minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MinutesOptions {
    /// The public copy: made from [`Board::public_copy`], so exempt items are reduced to
    /// the paragraph they were taken under and ratings agreed in private are left out.
    pub public: bool,
}

pub fn minutes_pdf(board: &Board, number: u32, options: MinutesOptions) -> Result<Rendered, DocumentError> {
    let mut page = composer(PageSize::A4_PORTRAIT);
    let frame = write_minutes(&mut page, board, number, options)?;
    Ok(finish(page, frame.running, frame.title, frame.subject, board))
}

/// The minutes as a Word document a clerk can finish: the same content as the PDF, with
/// Word's own headings, numbered lists and tables.
pub fn minutes_docx(board: &Board, number: u32, options: MinutesOptions) -> Result<Vec<u8>, DocumentError> {
    let mut document = super::docx::Docx::new(PageSize::A4_PORTRAIT);
    let frame = write_minutes(&mut document, board, number, options)?;
    Ok(document.finish(&frame.running, &frame.title, &frame.subject, &board.authority))
}

/// Writes the minutes of meeting `number`; returns what frames them.
fn write_minutes(
    page: &mut impl Writer,
    board: &Board,
    number: u32,
    options: MinutesOptions,
) -> Result<Frame, DocumentError> {
    let original = board.meeting(number).ok_or(DocumentError::NoSuchMeeting(number))?;
    let shown: Cow<Board> = if options.public { Cow::Owned(board.public_copy().0) } else { Cow::Borrowed(board) };
    let meeting = shown.meeting(number).ok_or(DocumentError::NoSuchMeeting(number))?;
    title_block(page, board, meeting);
    attendance(page, board, meeting);
    declarations(page, board, meeting);
    items(page, board, meeting);
    let withheld = ratings_at(board, number) - ratings_at(&shown, number);
    ratings(page, &shown, meeting, withheld);
    actions_raised(page, board, meeting, original.actions.len() - meeting.actions.len());
    // The seal is the full record's: the public copy carries it so it can be verified too.
    approval(page, board, original);

    let document = format!("Minutes of meeting {number}");
    let marking = match (meeting.status == MeetingStatus::Approved, options.public) {
        (false, true) => Some("DRAFT · PUBLIC".to_string()),
        (false, false) => Some("DRAFT".to_string()),
        (true, true) => Some("PUBLIC".to_string()),
        (true, false) => None,
    };
    let running = RunningText {
        left: board_line(board),
        right: format!("{document}, {}", uk_long(meeting.date)),
        marking,
        footer: match &original.approval {
            // The seal's short form on every page, so any one page can be checked.
            Some(approval) => format!("Approved as a correct record · seal {}", approval.short_seal()),
            None => "Draft: not yet approved by the board".into(),
        },
    };
    let subject = format!(
        "{} minutes of meeting {number} of the {}",
        if options.public { "Public" } else { "Full" },
        board.title
    );
    Ok(Frame { running, title: format!("{} — {document}", board.title), subject })
}

fn title_block(page: &mut impl Writer, board: &Board, meeting: &Meeting) {
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&board.title, Style::TITLE);
    page.paragraph(&format!("Minutes of meeting {}", meeting.number), Style::H1);
    let time = meeting.start.map(|t| format!(" at {}", t.spoken())).unwrap_or_default();
    let venue = if meeting.venue.is_empty() { String::new() } else { format!(", {}", meeting.venue) };
    page.paragraph(&format!("Held on {}{time}{venue}.", uk_long(meeting.date)), Style::BODY);
    let status = match meeting.status {
        MeetingStatus::Approved => "These minutes were approved by the board as a correct record.",
        MeetingStatus::Held => "Draft minutes: not yet approved by the board.",
        MeetingStatus::Planned => "Draft: this meeting has not yet been held.",
    };
    page.paragraph(status, Style::SMALL);
    page.rule();
}

fn attendance(page: &mut impl Writer, board: &Board, meeting: &Meeting) {
    for (heading, ids) in
        [("Present", &meeting.present), ("In attendance", &meeting.in_attendance), ("Apologies", &meeting.apologies)]
    {
        page.heading(heading, Style::H2, None, 8.0);
        if ids.is_empty() {
            page.paragraph("None recorded.", Style::BODY.indented(4.0));
        }
        for id in ids {
            let line = match board.person(id) {
                Some(p) if p.name.trim().is_empty() || p.role.is_empty() => [p.called(), &p.organisation]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                Some(p) if p.organisation.is_empty() => format!("{} — {}", p.name, p.role),
                Some(p) => format!("{} — {}, {}", p.name, p.role, p.organisation),
                None => id.clone(),
            };
            page.paragraph(&line, Style { after: 0.6, ..Style::BODY.indented(4.0) });
        }
        page.space(2.0);
    }
}

fn declarations(page: &mut impl Writer, board: &Board, meeting: &Meeting) {
    page.heading("Declarations of interest", Style::H2, None, 8.0);
    if meeting.declarations.is_empty() {
        page.paragraph("None.", Style::BODY.indented(4.0));
    }
    for d in &meeting.declarations {
        let item =
            meeting.item(d.item).filter(|i| i.exempt.is_none()).map(|i| format!(" ({})", i.title)).unwrap_or_default();
        let interest = d.interest.trim_end_matches('.');
        let line =
            format!("{} declared an interest in item {}{item}: {interest}.", board.person_name(&d.person), d.item);
        page.paragraph(&line, Style::BODY.indented(4.0));
    }
    page.space(2.0);
}

fn items(page: &mut impl Writer, board: &Board, meeting: &Meeting) {
    for item in &meeting.items {
        let title = format!("{}. {}", item.number, item.title);
        page.heading(&title, Style::H1, Some(&title), 14.0);
        page.paragraph(&item.notes, Style::BODY);
        if !item.resolutions.is_empty() {
            page.paragraph("Resolved –", Style::BODY.bold());
            page.numbered(&item.resolutions, Style::BODY.indented(6.0));
        }
        for action in meeting.actions.iter().filter(|a| a.item == Some(item.number)) {
            let due = action.due.map(|d| format!(" by {}", uk_long(d))).unwrap_or_default();
            let line = format!("Action {}: {} — {}{due}", action.id, action.text, board.person_name(&action.owner));
            page.paragraph(&line, Style::BODY.bold().indented(6.0));
        }
        page.space(2.0);
    }
}

/// How many actions were rated at meeting `number`.
fn ratings_at(board: &Board, number: u32) -> usize {
    board.actions.iter().filter(|a| a.rating_at(number).is_some()).count()
}

/// The ratings agreed, and (in the public copy) how many were agreed in private.
fn ratings(page: &mut impl Writer, board: &Board, meeting: &Meeting, withheld: usize) {
    let rated: Vec<_> =
        board.actions_in_plan_order().into_iter().filter_map(|a| a.rating_at(meeting.number).map(|u| (a, u))).collect();
    page.heading("RAG ratings agreed at this meeting", Style::H1, Some("RAG ratings agreed"), 20.0);
    match withheld {
        0 => {}
        1 => page.paragraph("One rating agreed at an item taken in private is not published.", Style::SMALL),
        n => page.paragraph(&format!("{n} ratings agreed at items taken in private are not published."), Style::SMALL),
    }
    if rated.is_empty() {
        page.paragraph("No ratings were recorded at this meeting.", Style::BODY);
        return;
    }
    let rows = rated
        .into_iter()
        .map(|(action, update)| {
            let previous = action.rating_before(meeting.number, meeting.date).map_or(Rag::NotRated, |u| u.rag);
            let change = if previous == update.rag {
                "Unchanged".to_string()
            } else {
                format!("{} → {}", previous.word(), update.rag.word())
            };
            let reason = update.note.clone();
            vec![
                Cell::text(&action.id),
                Cell::text(&action.title),
                Cell::text(change),
                update.impact.map_or(Cell::text("—"), Cell::Rag),
                Cell::Rag(update.rag),
                Cell::text(reason),
            ]
        })
        .collect();
    page.table(&Table {
        columns: vec![
            Column { title: "Ref", weight: 8.0 },
            Column { title: "Action", weight: 40.0 },
            Column { title: "Previous → new", weight: 24.0 },
            Column { title: "Impact", weight: 13.0 },
            Column { title: "Rating", weight: 13.0 },
            Column { title: "Reason", weight: 50.0 },
        ],
        rows,
        style: Style { size: 8.5, ..Style::BODY },
    });
}

/// The approval and the whole seal, so a published copy can be checked against the board
/// file (`improvement-board verify`).
fn approval(page: &mut impl Writer, board: &Board, meeting: &Meeting) {
    let Some(approval) = &meeting.approval else { return };
    page.heading("Approval", Style::H1, Some("Approval"), 20.0);
    let on = approval.on.map(|d| format!(" on {}", uk_long(d))).unwrap_or_default();
    let at = approval.at_meeting.map(|n| format!(" at meeting {n}")).unwrap_or_default();
    let by = approval.by.as_deref().map(|p| format!(", signed by {}", board.person_name(p))).unwrap_or_default();
    page.paragraph(&format!("These minutes were approved as a correct record{on}{at}{by}."), Style::BODY);
    page.paragraph(
        "The seal below is the digest of this meeting's record as approved. Any later change to the record gives a different digest.",
        Style::SMALL,
    );
    page.paragraph(&format!("Seal: {}", approval.seal), Style { size: 8.0, ..Style::BODY });
}

/// The actions raised, and (in the public copy) how many raised in private are left out.
fn actions_raised(page: &mut impl Writer, board: &Board, meeting: &Meeting, withheld: usize) {
    page.heading("Actions raised", Style::H1, Some("Actions raised"), 20.0);
    match withheld {
        0 => {}
        1 => page.paragraph("One action raised under an item taken in private is not published.", Style::SMALL),
        n => {
            page.paragraph(&format!("{n} actions raised under items taken in private are not published."), Style::SMALL)
        }
    }
    if meeting.actions.is_empty() {
        let none =
            if withheld > 0 { "No other actions were raised." } else { "No actions were raised at this meeting." };
        page.paragraph(none, Style::BODY);
        return;
    }
    let rows = meeting
        .actions
        .iter()
        .map(|a| {
            vec![
                Cell::Bold(a.id.clone()),
                Cell::text(&a.text),
                Cell::text(board.person_name(&a.owner)),
                Cell::text(a.due.map(uk_long).unwrap_or_else(|| "—".into())),
            ]
        })
        .collect();
    page.table(&Table {
        columns: vec![
            Column { title: "Ref", weight: 12.0 },
            Column { title: "Action", weight: 60.0 },
            Column { title: "Owner", weight: 28.0 },
            Column { title: "Due", weight: 22.0 },
        ],
        rows,
        style: Style { size: 9.0, ..Style::BODY },
    });
}
