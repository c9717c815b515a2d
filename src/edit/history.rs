//! Undo, redo, "unsaved changes" and the audit trail, all read from one list of edits.

use crate::model::{Board, Change, dates::Moment};

use super::restore::Restore;
use super::{Edit, EditError};

struct Done {
    edit: Edit,
    restore: Restore,
    /// Identifies the board state after this edit, for "unsaved changes".
    state: u64,
    /// The audit entry, written to the board when it is saved.
    change: Change,
}

/// The edits made to an open board, oldest first, and those undone (ready to redo).
#[derive(Default)]
pub struct History {
    done: Vec<Done>,
    undone: Vec<Edit>,
    next_state: u64,
    /// The state last saved (0 is the board as opened).
    saved_state: u64,
    /// Audit entries not yet written into the board's `history`.
    unsaved_changes: Vec<Change>,
    /// Undo stops here: the edits before it include an approval of minutes, which seals
    /// the record and is never taken back. With the meeting it approved.
    barrier: Option<(usize, u32)>,
}

/// What applying an edit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub enum Applied {
    Changed,
    /// The board was already so: nothing is recorded.
    NothingChanged,
}

impl History {
    pub fn new() -> History {
        History { next_state: 1, ..History::default() }
    }

    fn current_state(&self) -> u64 {
        self.done.last().map_or(0, |d| d.state)
    }

    /// Applies an edit made by `by` at `at`. On error nothing changes.
    pub fn apply(&mut self, board: &mut Board, edit: Edit, by: &str, at: Moment) -> Result<Applied, EditError> {
        let what = edit.describe(board);
        let restore = edit.apply(board)?;
        if restore.changes_nothing(board) {
            // Already so (a rating given again, the same words typed again): nothing to
            // undo, and nothing for the audit trail to record twice.
            return Ok(Applied::NothingChanged);
        }
        let change = Change { at, by: by.to_string(), what, about: Some(edit.about()) };
        self.unsaved_changes.push(change.clone());
        let approved = if let Edit::ApproveMinutes { meeting, .. } = &edit { Some(*meeting) } else { None };
        self.done.push(Done { edit, restore, state: self.next_state, change });
        self.next_state += 1;
        self.undone.clear();
        if let Some(meeting) = approved {
            self.barrier = Some((self.done.len(), meeting));
        }
        Ok(Applied::Changed)
    }

    /// Why undo can go no further back, when an approval of minutes stops it: "meeting 3's
    /// minutes were approved…". `None` when undo is free (or has nothing to undo).
    pub fn undo_stopped_by(&self) -> Option<String> {
        let (at, meeting) = self.barrier?;
        (self.done.len() <= at).then(|| {
            format!(
                "undo stops at the approval of meeting {meeting}'s minutes: approved minutes are sealed, and cannot be reopened"
            )
        })
    }

    /// Undoes the latest edit; returns what it was, in words.
    pub fn undo(&mut self, board: &mut Board, by: &str, at: Moment) -> Option<String> {
        if self.undo_stopped_by().is_some() {
            return None;
        }
        let done = self.done.pop()?;
        done.restore.undo(board);
        // An edit not yet saved leaves no trace; one already saved is undone on the record.
        if let Some(i) = self.unsaved_changes.iter().rposition(|c| *c == done.change) {
            self.unsaved_changes.remove(i);
        } else {
            self.unsaved_changes.push(Change {
                at,
                by: by.to_string(),
                what: format!("Undone: {}", done.change.what),
                about: done.change.about.clone(),
            });
        }
        self.undone.push(done.edit);
        Some(done.change.what)
    }

    /// Redoes the latest undone edit; returns what it was, in words.
    pub fn redo(&mut self, board: &mut Board, by: &str, at: Moment) -> Result<Option<String>, EditError> {
        let Some(edit) = self.undone.pop() else { return Ok(None) };
        let undone = std::mem::take(&mut self.undone);
        let result = self.apply(board, edit.clone(), by, at);
        self.undone = undone;
        match result {
            Ok(Applied::Changed) => Ok(self.done.last().map(|d| d.change.what.clone())),
            Ok(Applied::NothingChanged) => Ok(None),
            Err(error) => {
                self.undone.push(edit);
                Err(error)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty() && self.undo_stopped_by().is_none()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// What undo would undo, in words.
    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().filter(|_| self.undo_stopped_by().is_none()).map(|d| d.change.what.as_str())
    }

    /// What the last edit did, in words (whether or not it can be undone).
    pub fn last_done(&self) -> Option<&str> {
        self.done.last().map(|d| d.change.what.as_str())
    }

    /// Whether the board differs from the last save (or from the file as opened).
    pub fn is_dirty(&self) -> bool {
        self.current_state() != self.saved_state
    }

    /// Audit entries made since the last save, oldest first.
    pub fn unsaved_changes(&self) -> &[Change] {
        &self.unsaved_changes
    }

    /// How many edits have been made since the board was opened or saved (for recovery).
    pub fn unsaved_count(&self) -> usize {
        self.unsaved_changes.len()
    }

    /// Writes the audit entries into the board, ready to be saved. Call just before
    /// saving, then [`History::mark_saved`] once the save succeeded.
    pub fn board_to_save(&self, board: &Board) -> Board {
        let mut to_save = board.clone();
        to_save.history.extend(self.unsaved_changes.iter().cloned());
        to_save
    }

    /// Records a successful save of `saved` (from [`History::board_to_save`]).
    pub fn mark_saved(&mut self, board: &mut Board, saved: Board) {
        *board = saved;
        self.unsaved_changes.clear();
        self.saved_state = self.current_state();
    }
}
