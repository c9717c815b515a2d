//! Running what the frame asked for, once it is drawn: commands, edits, navigation, and
//! the Save / Discard / Cancel question before anything that would drop unsaved changes.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::dialogs::FileWanted;
use super::{AfterSaving, App, AppCommand, Intent, LoadFailure, View};
use crate::documents::Publication;
use crate::model::Board;
use crate::session::Session;

impl App {
    pub(super) fn run_intents(&mut self, ctx: &egui::Context) {
        for intent in std::mem::take(&mut self.intents) {
            match intent {
                Intent::Edit(edit) => {
                    self.apply(edit);
                }
                Intent::Command(command) => self.run_command(command, ctx),
                Intent::SetAsAt(date) => self.as_at.date = date.filter(|d| *d != self.today),
                Intent::ShowAction(id) => {
                    self.view = View::Plan;
                    self.plan.select(&id);
                }
                Intent::ShowMeeting(number) => {
                    self.view = View::Meeting;
                    self.meeting.select(number);
                }
                Intent::AskToApprove(edit) => self.approval_question = Some(edit),
                Intent::AttachPaper { meeting, item } => {
                    if let Some(path) = self.ask_for_file(FileWanted::AttachPaper { meeting, item }) {
                        self.attach_paper(meeting, item, &path);
                    }
                }
                Intent::OpenRecent(path) => self.request(AfterSaving::Open(Some(path))),
                Intent::FinishImport => self.finish_import(),
                Intent::AnswerSaveChanges(save) => self.answer_confirm(save, ctx),
                Intent::AnswerRecovery(restore) => self.answer_recovery(restore),
                Intent::BreakLock => self.break_lock(),
                Intent::AnswerComments(answer) => self.answer_comments(answer, ctx),
            }
        }
    }

    pub fn run_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        // A field being typed in commits its text when it loses the keyboard, on the next
        // frame: a save, export or close waits for it, so what was typed is in the file.
        if command.needs_typed_text() && ctx.memory(|m| m.focused().is_some()) {
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
            self.after_next_draw.push(command);
            ctx.request_repaint();
            return;
        }
        match command {
            AppCommand::NewBoard => self.request(AfterSaving::NewBoard),
            AppCommand::Open => self.request(AfterSaving::Open(None)),
            AppCommand::Close => self.request(AfterSaving::Close),
            AppCommand::Quit => self.request(AfterSaving::Quit),
            AppCommand::Save => {
                self.save(false);
            }
            AppCommand::SaveAs => {
                self.save(true);
            }
            // The meeting is the one selected, filled in when the command runs.
            AppCommand::ExportAgenda => self.export(Publication::Agenda { meeting: 0 }),
            AppCommand::ExportPack { public } => {
                self.export(Publication::Pack { meeting: 0, public, supplement: false })
            }
            AppCommand::ExportMinutes { public } => self.export(Publication::Minutes { meeting: 0, public }),
            AppCommand::ExportActionLog { public } => self.export(Publication::ActionLog { public }),
            AppCommand::ExportProgress { public } => self.export(Publication::Progress { public }),
            AppCommand::ExportStatement { public } => self.export(Publication::Statement { public }),
            AppCommand::ExportSpreadsheet { public } => self.export_spreadsheet(public),
            AppCommand::ImportSpreadsheet => self.start_import(),
            AppCommand::ImportFigures => self.start_figures_import(),
            AppCommand::ExportScorecard => self.export(Publication::Scorecard),
            AppCommand::ExportMinutesWord { public } => self.export_word(Publication::Minutes { meeting: 0, public }),
            AppCommand::ExportActionLogWord { public } => self.export_word(Publication::ActionLog { public }),
            AppCommand::Undo => self.undo(),
            AppCommand::Redo => self.redo(),
            AppCommand::Show(view) => self.view = view,
            AppCommand::TextBigger => self.prefs.zoom = (self.prefs.zoom + 0.1).min(2.5),
            AppCommand::TextSmaller => self.prefs.zoom = (self.prefs.zoom - 0.1).max(0.6),
            AppCommand::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            AppCommand::PresenterView => self.presenter_open = !self.presenter_open,
            AppCommand::Help => self.show_help = !self.show_help,
            AppCommand::AuditTrail => self.show_audit = !self.show_audit,
            AppCommand::AsAt => self.as_at.asking = !self.as_at.asking,
            walk => {
                if let Some(doc) = self.doc.as_ref()
                    && let Some(edit) = self.meeting.walk_command(walk, &doc.board, doc.version, self.today, ctx)
                {
                    self.apply(edit);
                }
            }
        }
        if command == AppCommand::Quit && self.confirm.is_none() {
            self.quitting = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Does `after` now, or first asks whether to save unsaved changes.
    pub fn request(&mut self, after: AfterSaving) {
        if self.is_dirty() {
            self.confirm = Some(after);
        } else {
            self.carry_out(after);
        }
    }

    /// The answer to "Save changes?": `Some(true)` save, `Some(false)` discard, `None` cancel.
    pub fn answer_confirm(&mut self, save: Option<bool>, ctx: &egui::Context) {
        let Some(after) = self.confirm.take() else { return };
        match save {
            None => self.status = "Cancelled.".into(),
            // The file's comments are being asked about: carry on once that is answered.
            Some(true) if !self.save(false) && self.comments_question.is_some() => {
                self.comments_question = Some(Some(after));
            }
            Some(true) if !self.save(false) => self.status = format!("{} Nothing else was done.", self.status),
            Some(save) => {
                if !save {
                    // Knowingly discarded: the recovery file must not offer them back.
                    if let Some(doc) = self.doc.as_mut() {
                        doc.discard_recovery();
                    }
                }
                if after == AfterSaving::Quit {
                    self.quitting = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                self.carry_out(after);
            }
        }
    }

    pub fn confirming(&self) -> Option<&AfterSaving> {
        self.confirm.as_ref()
    }

    fn carry_out(&mut self, after: AfterSaving) {
        match after {
            AfterSaving::NewBoard => {
                self.doc = Some(Session::new_board(
                    Board::blank("Your council", "Children's Services Improvement Board"),
                    self.clock(),
                ));
                self.failure = None;
                self.view = View::Overview;
                self.status = "A new, empty board. Save as… to give it a file.".into();
                self.on_board_opened();
            }
            AfterSaving::Open(path) => {
                if let Some(path) = path.or_else(|| self.ask_for_file(FileWanted::OpenBoard)) {
                    self.open_path(&path);
                }
            }
            AfterSaving::Close => {
                self.doc = None;
                self.failure = None;
                self.status = "Board closed.".into();
                self.on_board_opened();
            }
            AfterSaving::Quit => self.quitting = true,
        }
    }

    /// Opens a board file; a file that fails shows its problems in the window.
    pub fn open_path(&mut self, path: &Path) {
        match Session::open(path, self.clock()) {
            Ok(doc) => {
                self.doc = Some(doc);
                self.on_session_opened(true);
                self.failure = None;
                self.prefs.remember(path);
            }
            Err(error) => {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                self.doc = None;
                self.failure = Some(LoadFailure { name, problems: error.lines() });
                self.status = "The board could not be opened.".into();
            }
        }
        self.view = View::Overview;
        self.on_board_opened();
    }

    /// The comments question is showing.
    pub fn asking_about_comments(&self) -> bool {
        self.comments_question.is_some()
    }

    /// The answer to "comments are not kept": `Some(true)` keep a copy of the file as it
    /// is and save, `Some(false)` save without one, `None` do not save.
    pub fn answer_comments(&mut self, answer: Option<bool>, ctx: &egui::Context) {
        let Some(after) = self.comments_question.take() else { return };
        let Some(keep_copy) = answer else {
            self.status = "Not saved: the file and its comments are as they were.".into();
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let mut kept = String::new();
        if keep_copy {
            match doc.keep_original() {
                Ok(copy) => kept = format!(" The file with its comments is kept as {}.", copy.display()),
                Err(error) => {
                    self.status = format!("Not saved: the copy of the file could not be kept ({error}).");
                    return;
                }
            }
        }
        doc.file_notes.has_comments = false;
        if self.save(false) {
            self.status.push_str(&kept);
            if let Some(after) = after {
                if after == AfterSaving::Quit {
                    self.quitting = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                } else {
                    self.carry_out(after);
                }
            }
        }
    }

    /// Saves to the session's file, or asks where (always, for "Save as…" and the sample).
    /// A save in place that would drop the file's comments asks first.
    pub fn save(&mut self, ask: bool) -> bool {
        let Some(doc) = self.doc.as_mut() else { return false };
        if !ask && doc.read_only.is_none() && doc.file_notes.has_comments && doc.path.is_some() {
            self.comments_question = Some(None);
            return false;
        }
        if let (Some(holder), false) = (&doc.read_only, ask) {
            self.status =
                format!("Not saved: the board is read-only ({}). Use Save as… to keep a copy.", holder.describe());
            return false;
        }
        let path: Option<PathBuf> = match (&doc.path, ask) {
            (Some(path), false) => Some(path.clone()),
            _ => {
                let name = suggested_name(&doc.board);
                self.ask_for_file(FileWanted::SaveBoard(name))
            }
        };
        match path {
            Some(path) => self.save_at(&path),
            None => false,
        }
    }

    /// Saves the board to `path`, saying how it went.
    pub(super) fn save_at(&mut self, path: &Path) -> bool {
        let Some(doc) = self.doc.as_mut() else { return false };
        match doc.save_to(path) {
            Ok(()) => {
                self.status = format!("Saved {}.", path.display());
                self.prefs.remember(path);
                true
            }
            Err(error) => {
                self.status = error.to_string();
                false
            }
        }
    }

    fn undo(&mut self) {
        let by = self.editor();
        if let Some(doc) = self.doc.as_mut() {
            self.status = match (doc.undo(&by), doc.history.undo_stopped_by()) {
                (Some(what), _) => format!("Undone: {what}"),
                (None, Some(why)) => format!("Not undone: {why}."),
                (None, None) => "Nothing to undo.".into(),
            };
        }
    }

    fn redo(&mut self) {
        let by = self.editor();
        if let Some(doc) = self.doc.as_mut() {
            self.status = match doc.redo(&by) {
                Ok(Some(what)) => format!("Redone: {what}"),
                Ok(None) => "Nothing to redo.".into(),
                Err(error) => format!("Not redone: {error}"),
            };
        }
    }
}

/// "northmoor-borough-council.ron" from the authority's name.
fn suggested_name(board: &Board) -> String {
    let slug = crate::model::slug(&board.authority);
    format!("{}.ron", if slug.is_empty() { "board" } else { &slug })
}
