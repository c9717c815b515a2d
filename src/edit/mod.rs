//! Every change a person can make to a board, as one type.
//!
//! The app never mutates a board directly: it builds an [`Edit`] and hands it to the
//! [`History`], which applies it, keeps what undo needs, and writes the audit trail. The
//! core refuses edits to a meeting whose minutes are approved.

mod apply;
mod describe;
mod history;
mod plan;
mod restore;
mod scorecard;
mod tracker;

pub use history::Applied;
pub use history::History;
pub use plan::{ImportBatch, PlanEdit};
pub use scorecard::{FiguresBatch, ScorecardEdit};
pub use tracker::{ActionChange, TrackerUpdate, why_not_rated_at};

use chrono::NaiveDate;

use crate::model::{
    ActionStatus, Declaration, Exempt, ItemKind, Meeting, MeetingAction, MeetingStatus, Paper, Person, Purpose, Rag,
    TimeOfDay,
};

/// A change to a board, in the terms a chair or clerk would use.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The board agrees a rating for an action at a meeting: creates the meeting's update,
    /// or replaces it if the action was already rated at this meeting.
    RateAction {
        action: String,
        meeting: u32,
        date: NaiveDate,
        rag: Rag,
        impact: Option<Rag>,
        note: String,
        by: Option<String>,
    },
    /// The board agrees a new due date for an action, with the reason, usually at a
    /// meeting: the date it moved from is kept, so slippage stays visible.
    RedateAction {
        action: String,
        to: NaiveDate,
        /// The day it was agreed.
        on: NaiveDate,
        meeting: Option<u32>,
        reason: String,
    },
    /// Marks someone present, in attendance, as sending apologies, or not recorded.
    SetAttendance {
        meeting: u32,
        person: String,
        attendance: Attendance,
    },
    AddDeclaration {
        meeting: u32,
        declaration: Declaration,
    },
    RemoveDeclaration {
        meeting: u32,
        index: usize,
    },
    /// The clerk's record of the discussion of an agenda item.
    SetItemNotes {
        meeting: u32,
        item: u32,
        notes: String,
    },
    AddResolution {
        meeting: u32,
        item: u32,
        text: String,
    },
    SetResolution {
        meeting: u32,
        item: u32,
        index: usize,
        text: String,
    },
    RemoveResolution {
        meeting: u32,
        item: u32,
        index: usize,
    },
    AddItem {
        meeting: u32,
        title: String,
        kind: ItemKind,
    },
    RenameItem {
        meeting: u32,
        item: u32,
        title: String,
    },
    RemoveItem {
        meeting: u32,
        item: u32,
    },
    /// Moves an item one place up or down the agenda; numbers and references follow.
    MoveItem {
        meeting: u32,
        item: u32,
        up: bool,
    },
    SetItemExempt {
        meeting: u32,
        item: u32,
        exempt: Option<Exempt>,
    },
    /// Lays a paper (a PDF in the board's folder) before the board for an agenda item.
    AddPaper {
        meeting: u32,
        item: u32,
        paper: Paper,
    },
    /// Gives a paper the title the agenda and the pack show.
    RenamePaper {
        meeting: u32,
        item: u32,
        index: usize,
        title: String,
    },
    /// Records the day a paper reached the clerk (on time or late is read from it).
    SetPaperReceived {
        meeting: u32,
        item: u32,
        index: usize,
        received: Option<NaiveDate>,
    },
    /// Moves a paper one place earlier or later among its item's papers.
    MovePaper {
        meeting: u32,
        item: u32,
        index: usize,
        up: bool,
    },
    /// Takes a paper off an item (the file itself stays where it is).
    RemovePaper {
        meeting: u32,
        item: u32,
        index: usize,
    },
    /// Raises a meeting action (an entry in the action log).
    AddMeetingAction {
        meeting: u32,
        action: MeetingAction,
    },
    /// Closes (done or dropped) or reopens a meeting action.
    SetMeetingActionStatus {
        id: String,
        status: ActionStatus,
        closed: Option<NaiveDate>,
        note: String,
    },
    /// Re-dates a meeting action, usually when the board carries it forward.
    SetMeetingActionDue {
        id: String,
        due: Option<NaiveDate>,
    },
    AddMeeting(Box<Meeting>),
    /// When and where a meeting is held: changeable until its minutes are approved.
    SetMeetingDetails {
        meeting: u32,
        date: NaiveDate,
        start: Option<TimeOfDay>,
        venue: String,
    },
    /// Who presents an agenda item, what the board is asked to do with it, and the time
    /// allowed for it.
    SetItemDetails {
        meeting: u32,
        item: u32,
        purpose: Option<Purpose>,
        presenter: Option<String>,
        minutes: Option<u32>,
    },
    /// Marks a meeting planned or held; approval is [`Edit::ApproveMinutes`].
    SetMeetingStatus {
        meeting: u32,
        status: MeetingStatus,
    },
    /// Approves a held meeting's minutes as a correct record: the core seals the record
    /// as it stands, and the meeting is read-only from then on.
    ApproveMinutes {
        meeting: u32,
        /// The date they were approved.
        on: NaiveDate,
        /// The meeting that approved them, when it was a later meeting of the board.
        at_meeting: Option<u32>,
        /// Who signed them off (a person id).
        by: Option<String>,
    },
    AddPerson(Person),
    /// Replaces the person with the same id.
    UpdatePerson(Person),
    /// Writing the statement of action and the inspections behind it.
    Plan(PlanEdit),
    /// Keeping the performance scorecard.
    Scorecard(ScorecardEdit),
}

/// Where someone stands at a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    Present,
    InAttendance,
    Apologies,
    NotRecorded,
}

impl Attendance {
    pub const ALL: [Attendance; 4] =
        [Attendance::Present, Attendance::InAttendance, Attendance::Apologies, Attendance::NotRecorded];

    pub fn word(self) -> &'static str {
        match self {
            Attendance::Present => "Present",
            Attendance::InAttendance => "In attendance",
            Attendance::Apologies => "Apologies",
            Attendance::NotRecorded => "Not recorded",
        }
    }

    /// How `person` stands at `meeting` now.
    pub fn of(meeting: &Meeting, person: &str) -> Attendance {
        let has = |list: &Vec<String>| list.iter().any(|p| p == person);
        if has(&meeting.present) {
            Attendance::Present
        } else if has(&meeting.in_attendance) {
            Attendance::InAttendance
        } else if has(&meeting.apologies) {
            Attendance::Apologies
        } else {
            Attendance::NotRecorded
        }
    }
}

/// Why an edit was refused. The board is unchanged. Each refusal is its own variant, so
/// a view can tell them apart (ask for a reason, offer to break a lock) without reading
/// the words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("meeting {0}'s minutes are approved: the record can no longer be changed")]
    MeetingApproved(u32),
    #[error("there is no meeting {0}")]
    NoSuchMeeting(u32),
    #[error("meeting {meeting} has no agenda item {item}")]
    NoSuchItem { meeting: u32, item: u32 },
    #[error("there is no action {0}")]
    NoSuchAction(String),
    #[error("there is no meeting action {0}")]
    NoSuchMeetingAction(String),
    #[error("there is no person {0}")]
    NoSuchPerson(String),
    #[error("there is no {} {id}", part.word())]
    NoSuchPart { part: crate::model::PlanPart, id: String },
    #[error("{0} is already used")]
    IdTaken(String),
    #[error("a {} needs an id", .0.word())]
    IdMissing(crate::model::PlanPart),
    #[error("the id \"{0}\" begins or ends with a space")]
    IdHasSpaces(String),
    #[error("an action needs a title")]
    TitleMissing,
    /// The rule of the field: a change of rating is recorded with the reason for it.
    #[error("action {action}: the rating changes from {} to {}, so the board needs to say why: write the reason in the note", from.word(), to.word())]
    ReasonNeeded { action: String, from: Rag, to: Rag },
    #[error("action {0}: a new due date needs the reason it moved")]
    RedateReasonNeeded(String),
    #[error("action {action} is already due on {}", crate::model::dates::uk_long(*due))]
    SameDueDate { action: String, due: NaiveDate },
    #[error("the paper \"{title}\": its file {problem}")]
    BadPaperPath { title: String, problem: &'static str },
    #[error("a paper needs a title")]
    PaperTitleMissing,
    #[error("meeting {meeting}, item {item} has no paper {}", index + 1)]
    NoSuchPaper { meeting: u32, item: u32, index: usize },
    #[error("meeting {0} has not been held yet")]
    NotYetHeld(u32),
    #[error("meeting {0}'s minutes are approved by approving them, which seals the record")]
    ApproveThroughApproval(u32),
    #[error("meeting {number} would come before meeting {last}")]
    MeetingOutOfOrder { number: u32, last: u32 },
    #[error("meeting {number} cannot be dated {}: meeting {other} is on {}", crate::model::dates::uk_long(*date), crate::model::dates::uk_long(*other_date))]
    MeetingDateOutOfOrder { number: u32, date: NaiveDate, other: u32, other_date: NaiveDate },
    #[error("meeting {meeting} has no declaration {}", index + 1)]
    NoSuchDeclaration { meeting: u32, index: usize },
    #[error("meeting {meeting}, item {item} has no resolution ({})", index + 1)]
    NoSuchResolution { meeting: u32, item: u32, index: usize },
    #[error("item {item} has declarations or actions recorded against it")]
    ItemInUse { meeting: u32, item: u32 },
    #[error("Schedule 12A has no paragraph {0}")]
    UnknownParagraph(u8),
    #[error("{} {id} is already the {}", part.word(), if *first { "first" } else { "last" })]
    AlreadyAtEnd { part: crate::model::PlanPart, id: String, first: bool },
    #[error("{0} has no actions to import: the board is unchanged")]
    NothingToImport(String),
    #[error("{0} has no figures the board does not hold already: the board is unchanged")]
    NoNewFigures(String),
    #[error("there is no indicator {0}")]
    NoSuchIndicator(String),
    #[error("an indicator needs {0}")]
    IndicatorIncomplete(&'static str),
    /// A figure is revised only with the reason, as a rating is changed only with one.
    #[error("{indicator}: {} already has a different figure, so a revision needs its reason: write it in the note", period.long())]
    RevisionReasonNeeded { indicator: String, period: crate::model::YearMonth },
    /// The part is named in approved minutes; the words say where.
    #[error("{0}")]
    Sealed(String),
    /// Another copy holds the board: the words say who and since when.
    #[error("the board is read-only: {0}")]
    ReadOnly(String),
}

#[cfg(test)]
mod tests;
