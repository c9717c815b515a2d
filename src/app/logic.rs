//! What the app does to its state between frames: edits through the session, the
//! selection a command moves to, and the answers to the questions it asks.

use super::{App, AppCommand, Intent, View, meeting};
use crate::edit::Edit;

impl App {
    /// Applies an edit through the history; a refusal is shown, never lost silently.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let by = self.editor();
        let Some(doc) = self.doc.as_mut() else { return false };
        match doc.apply(edit, &by) {
            Ok(()) => {
                self.status = doc.history.last_done().map(|w| format!("Done: {w}")).unwrap_or_default();
                true
            }
            Err(error) => {
                self.status = format!("Not changed: {error}");
                false
            }
        }
    }

    /// Shows an action of the statement of action, selected in its table.
    pub fn show_action(&mut self, id: &str) {
        self.view = View::Plan;
        self.plan.select(id);
    }

    /// Queues a command to run at the end of the frame.
    pub fn queue(&mut self, command: AppCommand) {
        self.intents.push(Intent::Command(command));
    }

    pub(super) fn on_board_opened(&mut self) {
        self.meeting = meeting::MeetingState::for_board(self.board(), self.today);
        self.overview = Default::default();
        self.plan = Default::default();
        self.log = Default::default();
        self.people = Default::default();
    }

    /// The answer to the recovery offer: restore the unsaved changes, or discard them.
    pub fn answer_recovery(&mut self, restore: bool) {
        let Some((board, info)) = self.recovery_offer.take() else { return };
        let Some(doc) = self.doc.as_mut() else { return };
        if restore {
            doc.restore(board);
            self.status =
                format!("Restored {} unsaved changes from {}. Save to keep them.", info.changes, info.written);
        } else {
            doc.discard_recovery();
            self.status = "The unsaved changes were discarded.".into();
        }
    }

    /// Breaks another copy's lock, after the warning was confirmed.
    pub fn break_lock(&mut self) {
        let Some(doc) = self.doc.as_mut() else { return };
        self.status = match doc.break_lock() {
            Ok(()) => "The lock was broken: this copy can now edit and save the board.".into(),
            Err(error) => format!("The lock could not be broken: {error}"),
        };
    }
}
