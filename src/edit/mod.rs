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

pub use history::History;
pub use plan::{ImportBatch, PlanEdit};

use chrono::NaiveDate;

use crate::model::{ActionStatus, Declaration, Exempt, ItemKind, Meeting, MeetingAction, MeetingStatus, Person, Rag};

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
    AddMeeting(Meeting),
    SetMeetingStatus {
        meeting: u32,
        status: MeetingStatus,
    },
    AddPerson(Person),
    /// Replaces the person with the same id.
    UpdatePerson(Person),
    /// Writing the statement of action and the inspections behind it.
    Plan(PlanEdit),
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

/// Why an edit was refused. The board is unchanged.
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
    #[error("{0} is already used")]
    IdTaken(String),
    #[error("{0}")]
    NotAllowed(String),
}

#[cfg(test)]
mod tests;
