//! What the app does to its state between frames: edits through the session, the
//! selection a command moves to, and the answers to the questions it asks.

use std::path::{Path, PathBuf};

use super::chooser::Chooser;
use super::dialogs::{Answer, FileWanted};
use super::{App, AppCommand, Intent, View, meeting};
use crate::edit::{Applied, Edit};

impl App {
    /// Applies an edit through the history; a refusal is shown, never lost silently.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let by = self.editor();
        let Some(doc) = self.doc.as_mut() else { return false };
        match doc.apply(edit, &by) {
            Ok(Applied::Changed) => {
                self.status = doc.history.last_done().map(|w| format!("Done: {w}")).unwrap_or_default();
                true
            }
            Ok(Applied::NothingChanged) => {
                self.status = "Already so: nothing was changed.".into();
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

    /// Asks for a file: the system's dialog, or (where none can open) the app's own
    /// chooser, whose answer carries on in [`App::chosen`] frames later. `None` for now.
    pub(super) fn ask_for_file(&mut self, wanted: FileWanted) -> Option<PathBuf> {
        match self.dialogs.ask(&wanted) {
            Answer::Chosen(path) => Some(path),
            Answer::Cancelled => {
                self.status = not_done(&wanted).into();
                None
            }
            Answer::Unavailable(why) => {
                self.status = format!(
                    "The system's file dialog could not be opened ({why}): choose the file in the app's own chooser."
                );
                let folder = self.doc.as_ref().and_then(|d| d.path.as_deref()).and_then(Path::parent);
                self.chooser = Some(Chooser::new(wanted, folder));
                None
            }
        }
    }

    /// Carries on with what a file was asked for, once the app's own chooser answers.
    pub(super) fn chosen(&mut self, wanted: FileWanted, answer: Answer) {
        let Answer::Chosen(path) = answer else {
            self.status = not_done(&wanted).into();
            return;
        };
        match wanted {
            FileWanted::OpenBoard => self.open_path(&path),
            FileWanted::SaveBoard(_) => {
                self.save_at(&path);
            }
            FileWanted::ExportPdf(publication, _) => self.export_to(publication, path),
            FileWanted::ExportWord(publication, _) => self.export_word_to(publication, &path),
            FileWanted::ImportSheet => self.import_from(path),
            FileWanted::ImportFigures => self.figures_from(path),
            FileWanted::ExportSheet { public, .. } => self.export_spreadsheet_to(public, &path),
            FileWanted::AttachPaper { meeting, item } => self.attach_paper(meeting, item, &path),
        }
    }

    /// Lays the PDF at `source` before the board for an item: brought into the board's
    /// folder (under `papers/m<N>/`), received today.
    pub(super) fn attach_paper(&mut self, meeting: u32, item: u32, source: &Path) {
        let Some(board_path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            self.status = "Save the board first: its papers are kept beside its file.".into();
            return;
        };
        let brought = match crate::board_file::papers::bring_paper(&board_path, meeting, source) {
            Ok(brought) => brought,
            Err(why) => {
                self.status = format!("Not attached: {why}");
                return;
            }
        };
        let title = source.file_stem().map_or_else(|| "Paper".into(), |s| s.to_string_lossy().into_owned());
        let paper = crate::model::Paper { title: title.clone(), file: brought.file, received: Some(self.today) };
        if self.apply(Edit::AddPaper { meeting, item, paper }) {
            self.status =
                format!("Attached \"{title}\" ({}) to item {item}.", crate::model::plural(brought.pages, "page"));
        }
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

    /// What the person is told as a board opens, and the unsaved work offered back: from
    /// a recovery file, whether this copy or one that stopped unexpectedly left it.
    pub(super) fn on_session_opened(&mut self, say_opened: bool) {
        let Some(doc) = self.doc.as_mut() else { return };
        let mut words = Vec::new();
        match (&doc.read_only, say_opened) {
            (Some(holder), _) => words.push(format!("Opened {} read-only: {}.", doc.name(), holder.describe())),
            (None, true) => words.push(format!("Opened {}.", doc.name())),
            (None, false) => {}
        }
        if let Some(gone) = &doc.took_over_from {
            words.push(gone_words(gone));
        }
        words.extend(doc.file_notes.on_opening());
        self.status = words.join(" ");
        self.recovery_offer = doc.pending_recovery();
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
        // What the other copy left unsaved is offered now, before any edit here.
        self.recovery_offer = doc.pending_recovery();
    }
}

/// "The copy of the app that had this board open since 14:02 on 22 November 2026
/// (k.morgan) is no longer running: it may have closed unexpectedly. This copy has taken
/// the board over."
pub fn gone_words(holder: &crate::board_file::lock::LockHolder) -> String {
    let since =
        format!("{} on {}", holder.since.0.format("%H:%M"), crate::model::dates::uk_long(holder.since.0.date()));
    format!(
        "The copy of the app that had this board open since {since} ({}) is no longer running: it may have closed unexpectedly. This copy has taken the board over.",
        holder.user
    )
}

/// What the status bar says when no file was chosen.
fn not_done(wanted: &FileWanted) -> &'static str {
    match wanted {
        FileWanted::OpenBoard => "Not opened.",
        FileWanted::SaveBoard(_) => "Not saved.",
        FileWanted::ExportPdf(..) | FileWanted::ExportWord(..) | FileWanted::ExportSheet { .. } => "Not exported.",
        FileWanted::ImportSheet | FileWanted::ImportFigures => "Not imported.",
        FileWanted::AttachPaper { .. } => "No paper attached.",
    }
}
