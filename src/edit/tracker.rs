//! Keeping the board in step with the adviser's tracker: the rows of a spreadsheet whose
//! action ids the board holds change those actions, field by field; new ids come in as an
//! import does. A changed due date is a re-dating with its reason, a changed rating an
//! update; nothing is removed, and nothing is recorded at a meeting whose minutes are
//! approved. One edit, so one undo and one entry in the audit trail.

use chrono::NaiveDate;

use super::EditError;
use super::plan::{ImportBatch, import};
use super::restore::Steps;
use crate::model::{Board, Meeting, Rag, Redate, Update, dates::uk_long, plural};

/// What the tracker changes and adds.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackerUpdate {
    /// The tracker's file name, for the reasons and the audit trail.
    pub source: String,
    /// The day it was brought in.
    pub on: NaiveDate,
    /// The meeting the changed ratings are given at; with none, they are dated `on`.
    pub meeting: Option<u32>,
    /// Actions with ids the board does not hold, and what they need.
    pub added: ImportBatch,
    pub changed: Vec<ActionChange>,
}

/// One action's fields that differ in the tracker; `None` is "as it is".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionChange {
    pub id: String,
    pub title: Option<String>,
    /// A person id.
    pub lead: Option<String>,
    pub measure: Option<String>,
    pub evidence: Option<Vec<String>>,
    pub due: Option<NaiveDate>,
    /// The rating and the note that says why it changed.
    pub rating: Option<(Rag, String)>,
}

impl ActionChange {
    pub fn is_empty(&self) -> bool {
        *self == ActionChange { id: self.id.clone(), ..ActionChange::default() }
    }
}

impl TrackerUpdate {
    /// The reason a re-dating from the tracker is recorded with.
    pub fn redate_reason(&self) -> String {
        format!("changed in {} on {}", self.source, uk_long(self.on))
    }

    pub(super) fn take_steps(&self, board: &mut Board, steps: &mut Steps) -> Result<(), EditError> {
        if self.changed.iter().all(ActionChange::is_empty) && self.added.actions.is_empty() {
            return Err(EditError::NothingToImport(self.source.clone()));
        }
        let meeting_date = match self.meeting {
            Some(number) => {
                let meeting = board.meeting(number).ok_or(EditError::NoSuchMeeting(number))?;
                if self.changed.iter().any(|c| c.rating.is_some() || c.due.is_some()) && meeting.is_approved() {
                    return Err(EditError::MeetingApproved(number));
                }
                Some(meeting.date)
            }
            None => None,
        };
        if !self.added.actions.is_empty() || !self.added.people.is_empty() {
            import(board, steps, &self.added)?;
        }
        for change in self.changed.iter().filter(|c| !c.is_empty()) {
            let index = board
                .actions
                .iter()
                .position(|a| a.id == change.id)
                .ok_or_else(|| EditError::NoSuchAction(change.id.clone()))?;
            let mut action = board.actions[index].clone();
            if let Some(title) = &change.title {
                if title.trim().is_empty() {
                    return Err(EditError::TitleMissing);
                }
                action.title = title.clone();
            }
            if let Some(lead) = &change.lead {
                if board.person(lead).is_none() {
                    return Err(EditError::NoSuchPerson(lead.clone()));
                }
                action.lead = lead.clone();
            }
            if let Some(measure) = &change.measure {
                action.measure = measure.clone();
            }
            if let Some(evidence) = &change.evidence {
                action.evidence = evidence.clone();
            }
            if let Some(due) = change.due.filter(|due| *due != action.due) {
                action.redated.push(Redate {
                    was: action.due,
                    on: self.on,
                    meeting: self.meeting,
                    reason: self.redate_reason(),
                });
                action.due = due;
            }
            if let Some((rag, note)) = &change.rating {
                if note.trim().is_empty() {
                    return Err(EditError::ReasonNeeded {
                        action: action.id.clone(),
                        from: action.current_rag(),
                        to: *rag,
                    });
                }
                let update = Update {
                    date: meeting_date.unwrap_or(self.on),
                    meeting: self.meeting,
                    rag: *rag,
                    impact: None,
                    note: note.clone(),
                    by: None,
                };
                // A rating at a meeting replaces what that meeting said; else it is added,
                // the history kept oldest first.
                match action.updates.iter_mut().rev().find(|u| self.meeting.is_some() && u.meeting == self.meeting) {
                    Some(existing) => *existing = update,
                    None => {
                        let at = action.updates.iter().rposition(|u| u.date <= update.date).map_or(0, |i| i + 1);
                        action.updates.insert(at, update);
                    }
                }
            }
            steps.replace(board, index, action);
        }
        Ok(())
    }

    /// The edit in words, for the audit trail.
    pub fn describe(&self) -> String {
        let changed: Vec<&ActionChange> = self.changed.iter().filter(|c| !c.is_empty()).collect();
        let redated = changed.iter().filter(|c| c.due.is_some()).count();
        let rated = changed.iter().filter(|c| c.rating.is_some()).count();
        let mut parts = vec![plural(changed.len(), "action") + " changed"];
        if redated > 0 {
            parts.push(format!("{redated} re-dated"));
        }
        if rated > 0 {
            let at = self.meeting.map_or_else(|| format!(" on {}", uk_long(self.on)), |n| format!(" at meeting {n}"));
            parts.push(format!("{rated} rated{at}"));
        }
        if !self.added.actions.is_empty() {
            parts.push(plural(self.added.actions.len(), "action") + " added");
        }
        format!("Brought in step with {}: {}", self.source, parts.join(", "))
    }
}

/// Why the tracker cannot rate at `meeting`, if it cannot.
pub fn why_not_rated_at(board: &Board, meeting: u32) -> Option<String> {
    match board.meeting(meeting) {
        None => Some(format!("there is no meeting {meeting}")),
        Some(m) if Meeting::is_approved(m) => {
            Some(format!("meeting {meeting}'s minutes are approved: nothing can be recorded at it"))
        }
        Some(_) => None,
    }
}
