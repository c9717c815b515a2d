//! The seal on approved minutes: a SHA-256 digest of a meeting's record, kept in the
//! meeting's `approval`, so that any later change — by the app or by hand in a text
//! editor — is caught ("meeting 3 was changed after its minutes were approved").
//!
//! The record is the meeting with its status and approval left out, together with every
//! rating given at it (by action id). How the record becomes bytes is fixed per seal
//! version and never changes afterwards: a file sealed today verifies in every later
//! version of the app. Version 1 is format 1's (ron's text of the frozen format-1
//! structures, in [`crate::board_file::format1`]); version 2, written since format 2, is
//! the plain length-prefixed encoding below, which depends on no serialiser's habits.
//! A seal verifies when the record matches it under any version.

use sha2::{Digest, Sha256};

use crate::model::{Board, ItemKind, Meeting, MeetingStatus, Update};

const PREFIX: &str = "sha256:";

/// What is wrong with a meeting's approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealProblem {
    /// The status is Approved but there is no approval, so nothing vouches for the record.
    ApprovedWithoutApproval,
    /// An approval on a meeting whose status is not Approved.
    ApprovalNotApproved,
    /// The record no longer matches the seal.
    RecordChanged,
}

impl SealProblem {
    /// In words, for `check` and the app: "meeting 3 …".
    pub fn describe(self, number: u32) -> String {
        match self {
            SealProblem::ApprovedWithoutApproval => format!(
                "meeting {number} is marked Approved but has no approval with a seal: it was changed after approval, or marked approved by hand"
            ),
            SealProblem::ApprovalNotApproved => format!(
                "meeting {number} has an approval but its status is not Approved: it was changed after approval"
            ),
            SealProblem::RecordChanged => format!(
                "meeting {number} was changed after its minutes were approved: its record no longer matches the seal in its approval"
            ),
        }
    }
}

/// The seal of meeting `number`'s record as it stands, in the current version:
/// `sha256:` and lowercase hex. `None` when there is no such meeting.
pub fn seal(board: &Board, number: u32) -> Option<String> {
    record_v2(board, number).map(|bytes| digest(&bytes))
}

/// Whether meeting `number`'s record still matches `seal`, under any seal version.
pub fn matches(board: &Board, number: u32, seal: &str) -> bool {
    if record_v2(board, number).is_some_and(|bytes| digest(&bytes) == seal) {
        return true;
    }
    crate::board_file::seal_v1_text(board, number).is_some_and(|text| digest(text.as_bytes()) == seal)
}

/// Every meeting whose approval is missing, misplaced or broken, in file order.
pub fn seal_problems(board: &Board) -> Vec<(u32, SealProblem)> {
    board
        .meetings
        .iter()
        .filter_map(|m| {
            let problem = match (m.status == MeetingStatus::Approved, &m.approval) {
                (true, None) => SealProblem::ApprovedWithoutApproval,
                (false, Some(_)) => SealProblem::ApprovalNotApproved,
                (true, Some(approval)) if !matches(board, m.number, &approval.seal) => SealProblem::RecordChanged,
                _ => return None,
            };
            Some((m.number, problem))
        })
        .collect()
}

/// How a published copy of a meeting's minutes stands against the board's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The copy carries the seal in the board's approval, and the record still matches it.
    Matches { seal: String },
    /// The copy carries a seal, but the board's record no longer matches it.
    RecordChanged { published: String, now: String },
    /// The copy's seal is not the one in the board's approval (another approval, or
    /// another board's minutes).
    OtherSeal { published: String, board: String },
    /// The copy has no seal: draft minutes, published before approval.
    Unsealed,
    /// The board's meeting is not approved, so there is nothing to match.
    NotApproved,
    /// The board has no such meeting.
    NoSuchMeeting,
}

impl Verdict {
    pub fn matches(&self) -> bool {
        matches!(self, Verdict::Matches { .. })
    }
}

/// Holds a published seal (`None` when the copy printed none) against meeting `number`.
pub fn verify_published(board: &Board, number: u32, published: Option<&str>) -> Verdict {
    let Some(meeting) = board.meeting(number) else { return Verdict::NoSuchMeeting };
    let Some(published) = published else { return Verdict::Unsealed };
    let Some(approval) = meeting.approval.as_ref().filter(|_| meeting.is_approved()) else {
        return Verdict::NotApproved;
    };
    if approval.seal != published {
        return Verdict::OtherSeal { published: published.to_string(), board: approval.seal.clone() };
    }
    if matches(board, number, published) {
        Verdict::Matches { seal: published.to_string() }
    } else {
        Verdict::RecordChanged { published: published.to_string(), now: seal(board, number).unwrap_or_default() }
    }
}

fn digest(bytes: &[u8]) -> String {
    let hex: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{hex}")
}

/// Version 2 of the record's bytes. Every value is written as its field name, its length
/// in bytes and the bytes, so no value can run into the next; lists give their length
/// first. Absent values are written as `-`. Changing anything here breaks every seal
/// written since format 2: add a version instead.
fn record_v2(board: &Board, number: u32) -> Option<Vec<u8>> {
    let meeting = board.meeting(number)?;
    let mut out = Canon::default();
    out.text("seal-version", "2");
    meeting_v2(&mut out, meeting);
    let mut ratings: Vec<(&str, &Update)> = board
        .actions
        .iter()
        .flat_map(|a| a.updates.iter().filter(|u| u.meeting == Some(number)).map(move |u| (a.id.as_str(), u)))
        .collect();
    ratings.sort_by(|a, b| a.0.cmp(b.0));
    out.count("ratings", ratings.len());
    for (action, update) in ratings {
        out.text("action", action);
        out.text("date", &update.date.to_string());
        out.opt("meeting", update.meeting.map(|m| m.to_string()));
        out.text("rag", update.rag.word());
        out.opt("impact", update.impact.map(|r| r.word().to_string()));
        out.text("note", &update.note);
        out.opt("by", update.by.clone());
    }
    Some(out.bytes)
}

fn meeting_v2(out: &mut Canon, meeting: &Meeting) {
    out.text("number", &meeting.number.to_string());
    out.text("date", &meeting.date.to_string());
    out.opt("start", meeting.start.map(|t| t.to_string()));
    out.text("venue", &meeting.venue);
    for (name, list) in
        [("present", &meeting.present), ("in_attendance", &meeting.in_attendance), ("apologies", &meeting.apologies)]
    {
        out.list(name, list);
    }
    out.count("declarations", meeting.declarations.len());
    for declaration in &meeting.declarations {
        out.text("person", &declaration.person);
        out.text("item", &declaration.item.to_string());
        out.text("interest", &declaration.interest);
    }
    out.count("items", meeting.items.len());
    for item in &meeting.items {
        out.text("number", &item.number.to_string());
        out.text("title", &item.title);
        let kind = match &item.kind {
            ItemKind::PreviousMinutes => "PreviousMinutes".to_string(),
            ItemKind::ActionLog => "ActionLog".to_string(),
            ItemKind::PlanReview { priority } => format!("PlanReview {priority}"),
            ItemKind::Performance => "Performance".to_string(),
            ItemKind::MonitoringVisit => "MonitoringVisit".to_string(),
            ItemKind::Other => "Other".to_string(),
        };
        out.text("kind", &kind);
        out.opt("purpose", item.purpose.map(|p| format!("{p:?}")));
        out.opt("presenter", item.presenter.clone());
        out.opt("minutes", item.minutes.map(|m| m.to_string()));
        out.opt("exempt", item.exempt.as_ref().map(|e| e.paragraph.to_string()));
        out.opt("exempt_reason", item.exempt.as_ref().map(|e| e.reason.clone()));
        out.count("papers", item.papers.len());
        for paper in &item.papers {
            out.text("title", &paper.title);
            out.text("file", &paper.file);
            out.opt("received", paper.received.map(|d| d.to_string()));
        }
        out.text("notes", &item.notes);
        out.list("resolutions", &item.resolutions);
    }
    // The actions as raised. Their status, closing and due date are the action log's
    // later life, kept after approval, so they are not part of the approved record.
    out.count("actions", meeting.actions.len());
    for action in &meeting.actions {
        out.text("id", &action.id);
        out.text("text", &action.text);
        out.text("owner", &action.owner);
        out.opt("item", action.item.map(|i| i.to_string()));
    }
}

/// The length-prefixed writer of [`record_v2`].
#[derive(Default)]
struct Canon {
    bytes: Vec<u8>,
}

impl Canon {
    fn text(&mut self, name: &str, value: &str) {
        self.bytes.extend_from_slice(format!("{name}={}:", value.len()).as_bytes());
        self.bytes.extend_from_slice(value.as_bytes());
        self.bytes.push(b'\n');
    }

    fn opt(&mut self, name: &str, value: Option<String>) {
        match value {
            Some(value) => self.text(name, &value),
            None => self.bytes.extend_from_slice(format!("{name}-\n").as_bytes()),
        }
    }

    fn count(&mut self, name: &str, n: usize) {
        self.bytes.extend_from_slice(format!("{name}#{n}\n").as_bytes());
    }

    fn list(&mut self, name: &str, values: &[String]) {
        self.count(name, values.len());
        for value in values {
            self.text(name, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Approval, Exempt, Paper};
    use crate::sample::sample_board;

    /// The sample with meeting 5 (held) approved and sealed as the app does it.
    fn sealed_sample() -> Board {
        let mut board = sample_board();
        let five = board.meetings.iter_mut().find(|m| m.number == 5).unwrap();
        five.status = MeetingStatus::Approved;
        let seal = seal(&board, 5).unwrap();
        board.meetings.iter_mut().find(|m| m.number == 5).unwrap().approval =
            Some(Approval { on: None, at_meeting: None, by: None, seal });
        board
    }

    fn five(board: &mut Board) -> &mut Meeting {
        board.meetings.iter_mut().find(|m| m.number == 5).unwrap()
    }

    #[test]
    fn the_sample_boards_approved_meetings_all_verify() {
        let board = sample_board();
        assert!(board.meetings.iter().any(|m| m.approval.is_some()));
        assert_eq!(seal_problems(&board), []);
    }

    #[test]
    fn a_sealed_meeting_left_alone_is_intact() {
        let board = sealed_sample();
        let seal = &board.meeting(5).unwrap().approval.as_ref().unwrap().seal;
        assert_eq!(seal.len(), PREFIX.len() + 64);
        assert_eq!(seal_problems(&board), []);
    }

    #[test]
    fn changing_notes_attendance_a_paper_or_a_rating_breaks_the_seal() {
        let broken = [(5, SealProblem::RecordChanged)];
        let mut notes = sealed_sample();
        five(&mut notes).items[0].notes.push_str(" (amended)");
        assert_eq!(seal_problems(&notes), broken);

        let mut attendance = sealed_sample();
        five(&mut attendance).present.pop();
        assert_eq!(seal_problems(&attendance), broken);

        let mut exempt = sealed_sample();
        five(&mut exempt).items[0].exempt = Some(Exempt { paragraph: 1, reason: String::new() });
        assert_eq!(seal_problems(&exempt), broken);

        let mut paper = sealed_sample();
        five(&mut paper).items[0].papers.push(Paper { title: "Late".into(), file: "late.pdf".into(), received: None });
        assert_eq!(seal_problems(&paper), broken);

        let mut rating = sealed_sample();
        let update =
            rating.actions.iter_mut().flat_map(|a| a.updates.iter_mut()).find(|u| u.meeting == Some(5)).unwrap();
        update.note = "rewritten".into();
        assert_eq!(seal_problems(&rating), broken);
    }

    #[test]
    fn closing_an_action_raised_at_an_approved_meeting_keeps_the_seal() {
        let mut board = sealed_sample();
        let action = five(&mut board).actions.first_mut().expect("meeting 5 raised actions");
        action.status = crate::model::ActionStatus::Done;
        action.due = None;
        assert_eq!(seal_problems(&board), []);
    }

    #[test]
    fn the_audit_trail_cannot_hide_a_missing_or_misplaced_approval() {
        let mut no_approval = sealed_sample();
        five(&mut no_approval).approval = None;
        no_approval.history.clear();
        assert_eq!(seal_problems(&no_approval), [(5, SealProblem::ApprovedWithoutApproval)]);

        let mut unapproved = sealed_sample();
        five(&mut unapproved).status = MeetingStatus::Held;
        assert_eq!(seal_problems(&unapproved), [(5, SealProblem::ApprovalNotApproved)]);
    }

    /// A seal written by this version, kept as text: if the bytes of version 2 ever
    /// change, this fails, and the change must become version 3 instead.
    #[test]
    fn a_seal_written_by_version_2_still_verifies() {
        let text = include_str!("../tests/boards/format2/full.ron");
        let board = crate::board_file::read_board(text, None, crate::model::Moment::now()).map(|l| l.board);
        let board = board.unwrap_or_else(|problems| panic!("{problems:?}"));
        let sealed = &board.meeting(1).unwrap().approval.as_ref().unwrap().seal;
        assert_eq!(seal(&board, 1).as_ref(), Some(sealed), "the fixture's seal, written by version 2");
    }
}
