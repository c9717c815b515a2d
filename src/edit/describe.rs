//! Edits in words, for the audit trail and the undo menu: "Action 1.1: RAG Amber → Red at
//! meeting 3".

use crate::model::{Board, PlanPart, Subject, dates::uk_long};

use super::PlanEdit;

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
            Edit::AddPaper { meeting, item, paper } => {
                format!("Meeting {meeting}, item {item}: paper \"{}\" added ({})", paper.title, paper.file)
            }
            Edit::RenamePaper { meeting, item, index, title } => {
                format!("Meeting {meeting}, item {item}: paper {} now titled \"{}\"", index + 1, title.trim())
            }
            Edit::SetPaperReceived { meeting, item, index, received } => {
                let when = received.map_or("not recorded".to_string(), |d| format!("received {}", uk_long(d)));
                format!("Meeting {meeting}, item {item}: paper {} {when}", index + 1)
            }
            Edit::MovePaper { meeting, item, index, up } => {
                format!("Meeting {meeting}, item {item}: paper {} moved {}", index + 1, if *up { "up" } else { "down" })
            }
            Edit::RemovePaper { meeting, item, index } => {
                let title = board
                    .meeting(*meeting)
                    .and_then(|m| m.item(*item))
                    .and_then(|i| i.papers.get(*index))
                    .map(|p| format!(" \"{}\"", p.title))
                    .unwrap_or_default();
                format!("Meeting {meeting}, item {item}: paper{title} taken off")
            }
            Edit::RedateAction { action, to, meeting, reason, .. } => {
                let from = board.action(action).map(|a| format!(" from {}", uk_long(a.due))).unwrap_or_default();
                let at = meeting.map(|m| format!(" at meeting {m}")).unwrap_or_default();
                format!("Action {action}: re-dated{from} to {}{at} ({})", uk_long(*to), reason.trim())
            }
            Edit::SetMeetingDetails { meeting, date, start, venue } => {
                let time = start.map(|t| format!(" at {}", t.spoken())).unwrap_or_default();
                let place = if venue.trim().is_empty() { String::new() } else { format!(", {}", venue.trim()) };
                format!("Meeting {meeting}: to be held on {}{time}{place}", uk_long(*date))
            }
            Edit::SetItemDetails { meeting, item, purpose, presenter, minutes } => {
                let mut what = Vec::new();
                if let Some(purpose) = purpose {
                    what.push(purpose.word().to_lowercase());
                }
                if let Some(presenter) = presenter {
                    what.push(format!("presented by {}", name(presenter)));
                }
                if let Some(minutes) = minutes {
                    what.push(format!("{minutes} minutes"));
                }
                let what = if what.is_empty() { "details cleared".to_string() } else { what.join(", ") };
                format!("Meeting {meeting}, item {item}: {what}")
            }
            Edit::ApproveMinutes { meeting, on, .. } => {
                let seal = crate::seal::seal(board, *meeting).unwrap_or_default();
                format!("Meeting {meeting}: minutes approved as a correct record on {} ({seal})", uk_long(*on))
            }
            Edit::SetMeetingStatus { meeting, status } => {
                format!("Meeting {meeting} marked {}", status.word().to_lowercase())
            }
            Edit::AddPerson(p) => format!("{} added to people", p.name),
            Edit::UpdatePerson(p) => format!("{}'s details edited", p.name),
            Edit::Plan(edit) => edit.describe(board),
            Edit::Scorecard(edit) => edit.describe(board),
        }
    }
}

impl Edit {
    /// What the edit changes, for the audit trail's `about`: code finds an action's or a
    /// meeting's changes by this, never by the words.
    pub fn about(&self) -> Subject {
        match self {
            Edit::RateAction { action, .. } | Edit::RedateAction { action, .. } => Subject::Action(action.clone()),
            Edit::SetMeetingActionStatus { id, .. } | Edit::SetMeetingActionDue { id, .. } => {
                Subject::MeetingAction(id.clone())
            }
            Edit::AddMeetingAction { action, .. } => Subject::MeetingAction(action.id.clone()),
            Edit::AddPerson(p) | Edit::UpdatePerson(p) => Subject::Person(p.id.clone()),
            Edit::Plan(edit) => edit.about(),
            Edit::Scorecard(edit) => edit.indicator().map_or(Subject::Board, |id| Subject::Indicator(id.to_string())),
            other => Subject::Meeting(other.meeting().expect("every other edit changes one meeting")),
        }
    }
}

impl PlanEdit {
    fn about(&self) -> Subject {
        let part = |part: PlanPart, id: &str| match part {
            PlanPart::Inspection => Subject::Inspection(id.to_string()),
            PlanPart::Priority => Subject::Priority(id.to_string()),
            PlanPart::Recommendation => Subject::Recommendation(id.to_string()),
            PlanPart::Action => Subject::Action(id.to_string()),
        };
        match self {
            PlanEdit::AddInspection(i) | PlanEdit::UpdateInspection(i) => Subject::Inspection(i.id.clone()),
            PlanEdit::AddPriority(p) | PlanEdit::UpdatePriority(p) => Subject::Priority(p.id.clone()),
            PlanEdit::AddRecommendation(r) | PlanEdit::UpdateRecommendation(r) => Subject::Recommendation(r.id.clone()),
            PlanEdit::AddAction(a) | PlanEdit::UpdateAction(a) => Subject::Action(a.id.clone()),
            // A renamed part is found by its new id.
            PlanEdit::Rename { part: p, to, .. } => part(*p, to),
            PlanEdit::Move { part: p, id, .. } | PlanEdit::Remove { part: p, id } => part(*p, id),
            PlanEdit::Import(_) | PlanEdit::KeepInStep(_) => Subject::Board,
        }
    }
}
