//! The board file: RON in and out.
//!
//! Loading reports every problem as `FILE:LINE:COL: message` in plain words — RON syntax,
//! unknown fields, bad enum values and dates first (from the parser), then, once the file
//! parses, every broken reference and duplicate id (from [`validate`]). Saving is atomic
//! and keeps the previous file as `FILE.bak`.

pub mod format1;
mod locate;
pub mod lock;
mod outputs;
pub mod papers;
mod parse;
mod problem;
mod save;
mod validate;

pub use format1::{Conversion, seal_v1_text};
pub use outputs::{OutputKind, check_output};

pub use parse::{Loaded, parse_board, read_board, to_ron};
pub use problem::{LoadError, Problem};
pub use save::{Disk, RealDisk, SaveError, backup_path, save, save_with, write_file};
pub use validate::validate;

use std::path::Path;

use crate::model::{Board, dates::Moment};

/// The largest board file the app will read: a board of several thousand actions and
/// years of meetings is a few megabytes, so anything this size is not a board.
pub const MOST_BYTES: u64 = 64 * 1024 * 1024;

/// Reads, parses and validates a board file, converting an older format.
pub fn load(path: &Path) -> Result<Board, LoadError> {
    load_file(path, Moment::now()).map(|loaded| loaded.board)
}

/// Reads, parses and validates a board file, with what reading it had to do (an older
/// format converted, comments that a save would drop). `now` stamps what a conversion
/// adds to the audit trail.
pub fn load_file(path: &Path, now: Moment) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MOST_BYTES {
        let message = format!(
            "the file is {} MB, larger than any board file ({} MB at most): is it the right file?",
            size / (1024 * 1024),
            MOST_BYTES / (1024 * 1024)
        );
        return Err(LoadError::Invalid { path: path.to_path_buf(), problems: vec![Problem::nowhere(message)] });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&bytes, path, now)
}

/// Parses and validates a board file's bytes; `path` names it in messages and its folder
/// is where its papers are looked for.
pub fn read_bytes(bytes: &[u8], path: &Path, now: Moment) -> Result<Loaded, LoadError> {
    let invalid = |problems| LoadError::Invalid { path: path.to_path_buf(), problems };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(invalid(vec![Problem::not_utf8(bytes, e.valid_up_to())])),
    };
    read_board(text, Some(board_folder(path)), now).map_err(invalid)
}

/// Parses and validates a board file's bytes; `path` names it in messages.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Board, LoadError> {
    read_bytes(bytes, path, Moment::now()).map(|loaded| loaded.board)
}

/// The files kept beside a board, each named after it: what each is for, and its suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Companion {
    /// The previous version, kept by every save: `FILE.bak`.
    Backup,
    /// Who has the board open for editing: `FILE.lock`.
    Lock,
    /// Unsaved changes, written moments after each edit: `FILE.recovery`.
    Recovery,
    /// The file as it was, with its comments, kept on request: `FILE.original`.
    Original,
}

impl Companion {
    pub const ALL: [Companion; 4] = [Companion::Backup, Companion::Lock, Companion::Recovery, Companion::Original];

    /// Where this companion of `board` is.
    pub fn of(self, board: &Path) -> std::path::PathBuf {
        let suffix = match self {
            Companion::Backup => ".bak",
            Companion::Lock => ".lock",
            Companion::Recovery => ".recovery",
            Companion::Original => ".original",
        };
        let mut name = board.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        board.with_file_name(name)
    }
}

/// The folder a board's papers are relative to: the one that holds the board file.
pub fn board_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
