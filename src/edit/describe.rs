//! Edits in words, for the audit trail and the undo menu: "Action 1.1: RAG Amber → Red at
//! meeting 3".

use crate::model::{Board, dates::uk_long};

use super::Edit;

impl Edit {
    /// What the edit does, in words a person reads. Read against the board *before* the
    /// edit is applied, so that "from" values are the old ones.
    pub fn describe(&self, board: &Board) -> String {
        let name = |id: &str| board.person_name(id).to_string();
        match self {
            Edit::RateAction { action, meeting, rag, impact, .. } => {
                let before = board.action(action).map(|a| a.current_rag());
                let impact = impact.map(|i| format!(", impact {}", i.word())).unwrap_or_default();
                match before {
                    Some(old) if old != *rag => {
                        format!("Action {action}: RAG {} → {} at meeting {meeting}{impact}", old.word(), rag.word())
                    }
                    _ => format!("Action {action}: RAG {} at meeting {meeting}{impact}", rag.word()),
                }
            }
            Edit::SetAttendance { meeting, person, attendance } => {
                format!("Meeting {meeting}: {} marked {}", name(person), attendance.word().to_lowercase())
            }
            Edit::AddDeclaration { meeting, declaration } => {
                format!("Meeting {meeting}: declaration by {} on item {}", name(&declaration.person), declaration.item)
            }
            Edit::RemoveDeclaration { meeting, index } => {
                format!("Meeting {meeting}: declaration {} removed", index + 1)
            }
            Edit::SetItemNotes { meeting, item, .. } => format!("Meeting {meeting}, item {item}: notes edited"),
            Edit::AddResolution { meeting, item, .. } => format!("Meeting {meeting}, item {item}: resolution added"),
            Edit::SetResolution { meeting, item, index, .. } => {
                format!("Meeting {meeting}, item {item}: resolution ({}) edited", index + 1)
            }
            Edit::RemoveResolution { meeting, item, index } => {
                format!("Meeting {meeting}, item {item}: resolution ({}) removed", index + 1)
            }
            Edit::AddItem { meeting, title, .. } => format!("Meeting {meeting}: agenda item \"{title}\" added"),
            Edit::RenameItem { meeting, item, title } => format!("Meeting {meeting}, item {item}: renamed \"{title}\""),
            Edit::RemoveItem { meeting, item } => format!("Meeting {meeting}: agenda item {item} removed"),
            Edit::MoveItem { meeting, item, up } => {
                format!("Meeting {meeting}: agenda item {item} moved {}", if *up { "up" } else { "down" })
            }
            Edit::SetItemExempt { meeting, item, exempt: Some(e) } => {
                format!("Meeting {meeting}, item {item}: taken in private (paragraph {})", e.paragraph)
            }
            Edit::SetItemExempt { meeting, item, exempt: None } => {
                format!("Meeting {meeting}, item {item}: taken in public")
            }
            Edit::AddMeetingAction { meeting, action } => {
                format!("Meeting {meeting}: action {} raised for {}", action.id, name(&action.owner))
            }
            Edit::SetMeetingActionStatus { id, status, .. } => {
                format!("Meeting action {id}: {}", status.word().to_lowercase())
            }
            Edit::SetMeetingActionDue { id, due: Some(due) } => {
                format!("Meeting action {id}: re-dated to {}", uk_long(*due))
            }
            Edit::SetMeetingActionDue { id, due: None } => format!("Meeting action {id}: due date removed"),
            Edit::AddMeeting(m) => format!("Meeting {} added for {}", m.number, uk_long(m.date)),
            Edit::SetMeetingStatus { meeting, status: crate::model::MeetingStatus::Approved } => {
                // The approval carries the seal that later checks compare against.
                let digest = crate::seal::record_digest(board, *meeting).unwrap_or_default();
                crate::seal::approval_words(*meeting, &digest)
            }
            Edit::SetMeetingStatus { meeting, status } => {
                format!("Meeting {meeting} marked {}", status.word().to_lowercase())
            }
            Edit::AddPerson(p) => format!("{} added to people", p.name),
            Edit::UpdatePerson(p) => format!("{}'s details edited", p.name),
            Edit::Plan(edit) => edit.describe(board),
        }
    }
}
