//! The open board: the board, where it lives, and the edits made to it since opening.

use std::path::{Path, PathBuf};

use crate::board_file;
use crate::edit::{Edit, EditError, History};
use crate::model::{Board, Moment};
use crate::sample;

pub struct Document {
    pub board: Board,
    /// Where it is saved; `None` for the sample and for a new board not yet saved.
    pub path: Option<PathBuf>,
    pub is_sample: bool,
    pub history: History,
}

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

use chrono::Timelike;

impl Document {
    pub fn sample() -> Document {
        Document { board: sample::sample_board(), path: None, is_sample: true, history: History::new() }
    }

    pub fn new_board(board: Board) -> Document {
        Document { board, path: None, is_sample: false, history: History::new() }
    }

    pub fn open(path: &Path) -> Result<Document, board_file::LoadError> {
        let board = board_file::load(path)?;
        Ok(Document { board, path: Some(path.to_path_buf()), is_sample: false, history: History::new() })
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
        self.history.is_dirty()
    }

    pub fn apply(&mut self, edit: Edit, by: &str) -> Result<(), EditError> {
        self.history.apply(&mut self.board, edit, by, now())
    }

    pub fn undo(&mut self, by: &str) -> Option<String> {
        self.history.undo(&mut self.board, by, now())
    }

    pub fn redo(&mut self, by: &str) -> Result<Option<String>, EditError> {
        self.history.redo(&mut self.board, by, now())
    }

    /// Saves to `path` (which becomes the document's path) with the audit trail written in.
    pub fn save_to(&mut self, path: &Path) -> Result<(), board_file::SaveError> {
        let to_save = self.history.board_to_save(&self.board);
        board_file::save(&to_save, path)?;
        self.history.mark_saved(&mut self.board, to_save);
        self.path = Some(path.to_path_buf());
        self.is_sample = false;
        Ok(())
    }
}
