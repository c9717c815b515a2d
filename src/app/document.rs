//! The open board: the board, where it lives, and the edits made to it since opening.

use std::path::{Path, PathBuf};

use chrono::Timelike;

use crate::board_file;
use crate::board_file::lock::{BoardLock, LockError, LockHolder};
use crate::edit::{Edit, EditError, History};
use crate::model::{Board, Moment};
use crate::recovery::{self, RecoveryInfo};
use crate::sample;

pub struct Document {
    pub board: Board,
    /// Where it is saved; `None` for the sample and for a new board not yet saved.
    pub path: Option<PathBuf>,
    pub is_sample: bool,
    pub history: History,
    /// The lock this copy holds on the file, released when the document is dropped.
    lock: Option<BoardLock>,
    /// Set when another copy holds the board: it is then shown read-only.
    pub read_only: Option<LockHolder>,
    /// The board came back from a recovery file: unsaved until saved.
    pub restored: bool,
    /// When the recovery file should next be written (an edit is waiting for it).
    pub recovery_due: Option<std::time::Instant>,
    /// Changes with every edit, undo, redo or restore: views keep what they derived from
    /// the board until it changes.
    pub version: u64,
}

/// How long after an edit the recovery file is written: well inside the two seconds a
/// crash may lose, while several quick edits share one write.
pub const AUTOSAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(800);

/// Who is making edits, for the audit trail: the name set in preferences, or the OS user.
pub fn editor_name(preferred: &str) -> String {
    if !preferred.trim().is_empty() {
        return preferred.trim().to_string();
    }
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into())
}

/// This moment in local time, for the audit trail.
pub fn now() -> Moment {
    Moment(chrono::Local::now().naive_local().with_nanosecond(0).unwrap_or_else(|| chrono::Local::now().naive_local()))
}

impl Document {
    fn with(board: Board, path: Option<PathBuf>, is_sample: bool) -> Document {
        Document {
            board,
            path,
            is_sample,
            history: History::new(),
            lock: None,
            read_only: None,
            restored: false,
            recovery_due: None,
            version: 0,
        }
    }

    pub fn sample() -> Document {
        Document::with(sample::sample_board(), None, true)
    }

    pub fn new_board(board: Board) -> Document {
        Document::with(board, None, false)
    }

    /// Opens a board file and takes its lock; if another copy holds it, the board opens
    /// read-only.
    pub fn open(path: &Path) -> Result<Document, board_file::LoadError> {
        let board = board_file::load(path)?;
        let mut doc = Document::with(board, Some(path.to_path_buf()), false);
        let me = LockHolder::me(&editor_name(""), now().0);
        match BoardLock::acquire(path, &me) {
            Ok(lock) => doc.lock = Some(lock),
            Err(LockError::Held(holder)) => doc.read_only = Some(holder),
            // A folder we cannot write to: the board can be read but not saved there.
            Err(LockError::Io(error)) => {
                doc.read_only =
                    Some(LockHolder { user: format!("nobody (the folder cannot be written: {error})"), ..me })
            }
        }
        Ok(doc)
    }

    /// Breaks another copy's lock and takes it (after the person was warned).
    pub fn break_lock(&mut self) -> Result<(), LockError> {
        let Some(path) = &self.path else { return Ok(()) };
        let me = LockHolder::me(&editor_name(""), now().0);
        self.lock = Some(BoardLock::break_and_acquire(path, &me)?);
        self.read_only = None;
        Ok(())
    }

    /// Puts back the unsaved changes a recovery file held.
    pub fn restore(&mut self, board: Board) {
        self.board = board;
        self.history = History::new();
        self.restored = true;
        self.version += 1;
    }

    /// Writes the recovery file if an edit is waiting and its moment has come; returns how
    /// long until the next write is due, so the caller can wake for it.
    pub fn autosave(&mut self) -> Option<std::time::Duration> {
        let due = self.recovery_due?;
        let now_instant = std::time::Instant::now();
        if now_instant < due {
            return Some(due - now_instant);
        }
        self.recovery_due = None;
        if let Some(path) = &self.path {
            let info = RecoveryInfo { written: now(), changes: self.history.unsaved_count() };
            let board = self.history.board_to_save(&self.board);
            if let Err(error) = recovery::write_recovery(&recovery::recovery_path(path), &board, &info) {
                eprintln!("improvement-board: autosave failed: {error}");
            }
        }
        None
    }

    fn edited(&mut self) {
        self.version += 1;
        self.recovery_due.get_or_insert_with(|| std::time::Instant::now() + AUTOSAVE_DELAY);
    }

    /// Drops the recovery file: its changes were saved or knowingly discarded.
    pub fn discard_recovery(&mut self) {
        self.recovery_due = None;
        if let Some(path) = &self.path {
            recovery::discard_recovery(path);
        }
    }

    /// The name the title bar and messages use.
    pub fn name(&self) -> String {
        match (&self.path, self.is_sample) {
            (Some(path), _) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into())
            }
            (None, true) => sample::SAMPLE_NAME.to_string(),
            (None, false) => "Untitled board".to_string(),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() || self.restored
    }

    pub fn apply(&mut self, edit: Edit, by: &str) -> Result<(), EditError> {
        if let Some(holder) = &self.read_only {
            return Err(EditError::NotAllowed(format!("the board is read-only: {}", holder.describe())));
        }
        self.history.apply(&mut self.board, edit, by, now())?;
        self.edited();
        Ok(())
    }

    pub fn undo(&mut self, by: &str) -> Option<String> {
        let undone = self.history.undo(&mut self.board, by, now());
        if undone.is_some() {
            self.edited();
        }
        undone
    }

    pub fn redo(&mut self, by: &str) -> Result<Option<String>, EditError> {
        let redone = self.history.redo(&mut self.board, by, now())?;
        if redone.is_some() {
            self.edited();
        }
        Ok(redone)
    }

    /// Saves to `path` (which becomes the document's path) with the audit trail written in.
    pub fn save_to(&mut self, path: &Path) -> Result<(), board_file::SaveError> {
        let to_save = self.history.board_to_save(&self.board);
        board_file::save(&to_save, path)?;
        self.history.mark_saved(&mut self.board, to_save);
        self.discard_recovery();
        if self.path.as_deref() != Some(path) {
            // Saved somewhere new: that file is now the one this copy holds.
            let me = LockHolder::me(&editor_name(""), now().0);
            self.lock = BoardLock::acquire(path, &me).ok();
        }
        self.path = Some(path.to_path_buf());
        self.is_sample = false;
        self.restored = false;
        Ok(())
    }
}
