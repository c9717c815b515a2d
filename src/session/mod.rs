//! The open board: the board, where it lives, the lock this copy holds on it, the edits
//! made since opening (undo, redo, the audit trail), autosave and recovery. The app and
//! the command line both edit a board through a [`Session`]; neither knows the other.
//!
//! The clock and the editor's name are handed in, so tests fix both.

pub mod import;
pub mod recovery;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::board_file::lock::{BoardLock, LockError, LockHolder};
use crate::board_file::{self, Conversion};
use crate::edit::{Applied, Edit, EditError, History};
use crate::model::{Board, CURRENT_FORMAT, Change, Moment};
use crate::sample;
use recovery::RecoveryInfo;

/// Where the time comes from: the computer's clock, or one fixed moment (tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(Moment),
}

impl Clock {
    pub fn now(self) -> Moment {
        match self {
            Clock::System => Moment::now(),
            Clock::Fixed(moment) => moment,
        }
    }

    /// Today's date by this clock: the default "as at" for reports and the app.
    pub fn today(self) -> chrono::NaiveDate {
        self.now().0.date()
    }
}

/// Who is making edits, for the audit trail: the name set in preferences, or the OS user.
pub fn editor_name(preferred: &str) -> String {
    if !preferred.trim().is_empty() {
        return preferred.trim().to_string();
    }
    // Asked of the system once: the status line shows it every frame.
    static SYSTEM_NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SYSTEM_NAME
        .get_or_init(|| {
            let login =
                std::env::var("USER").or_else(|_| std::env::var("USERNAME")).ok().filter(|l| !l.trim().is_empty());
            match login.as_deref().and_then(full_name_of) {
                Some(full) => full,
                None => login.unwrap_or_else(|| format!("the user of {}", crate::board_file::lock::host_name())),
            }
        })
        .clone()
}

/// The full name the system keeps for a login ("Katie Morgan" from the account's
/// details in `/etc/passwd`), where it has one.
fn full_name_of(login: &str) -> Option<String> {
    let accounts = std::fs::read_to_string("/etc/passwd").ok()?;
    accounts.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        let name = fields.get(4)?.split(',').next()?.trim();
        (fields.first() == Some(&login) && !name.is_empty()).then(|| name.to_string())
    })
}

/// How the file was written, when saving it will change that: an older format, or
/// comments that cannot be kept. Said once, before the first save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileNotes {
    /// The format it was written in, when older than the current one.
    pub converted_from: Option<u32>,
    pub conversion: Conversion,
    /// The file had comments, and the next save would drop them.
    pub has_comments: bool,
}

impl FileNotes {
    /// What the person is told on opening, if anything: one line for the status bar.
    /// (What the conversion did goes into the audit trail and `upgrade`'s report.)
    pub fn on_opening(&self) -> Option<String> {
        self.converted_from.map(|from| {
            format!(
                "This board file is format {from}; it was converted to format {CURRENT_FORMAT} as it opened, and is written as format {CURRENT_FORMAT} when saved."
            )
        })
    }
}

/// One open board.
pub struct Session {
    pub board: Board,
    /// Where it is saved; `None` for the sample and for a new board not yet saved.
    pub path: Option<PathBuf>,
    pub is_sample: bool,
    pub history: History,
    clock: Clock,
    /// The lock this copy holds on the file, released when the session is dropped.
    lock: Option<BoardLock>,
    /// Set when another copy holds the board: it is then shown read-only.
    pub read_only: Option<LockHolder>,
    /// The copy that held the board before this one, on this machine, and was no longer
    /// running when this one opened it (it closed unexpectedly): its lock was taken over.
    pub took_over_from: Option<LockHolder>,
    /// A recovery file was found and is being offered: it is not written over until the
    /// person has answered.
    recovery_unanswered: bool,
    /// The board came back from a recovery file: unsaved until saved.
    pub restored: bool,
    /// When the recovery file should next be written (an edit is waiting for it).
    pub recovery_due: Option<Instant>,
    /// Changes with every edit, undo, redo or restore: views keep what they derived from
    /// the board until it changes.
    pub version: u64,
    /// What the next save changes about the file itself, until it is saved.
    pub file_notes: FileNotes,
}

/// Why a lock could not be broken, or the board read again once it was.
#[derive(Debug, thiserror::Error)]
pub enum BreakLockError {
    #[error("{0}")]
    Lock(#[from] LockError),
    #[error("{0}")]
    Load(#[from] board_file::LoadError),
}

impl Drop for Session {
    /// A board closed cleanly with nothing unsaved leaves no recovery file behind (one
    /// written before an edit was undone would otherwise be offered next time, holding
    /// nothing). A copy that does not hold the lock, or has not yet answered the offer of
    /// one, leaves it alone: it may be another copy's, or the only copy of someone's work.
    fn drop(&mut self) {
        if self.lock.is_some() && !self.is_dirty() && !self.recovery_unanswered {
            self.discard_recovery();
        }
    }
}

/// How long after an edit the recovery file is written: well inside the two seconds a
/// crash may lose, while several quick edits share one write.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(800);

impl Session {
    fn with(board: Board, path: Option<PathBuf>, is_sample: bool, clock: Clock) -> Session {
        Session {
            board,
            path,
            is_sample,
            history: History::new(),
            clock,
            lock: None,
            read_only: None,
            took_over_from: None,
            recovery_unanswered: false,
            restored: false,
            recovery_due: None,
            version: 0,
            file_notes: FileNotes::default(),
        }
    }

    pub fn sample(clock: Clock) -> Session {
        Session::with(sample::sample_board(), None, true, clock)
    }

    pub fn new_board(board: Board, clock: Clock) -> Session {
        Session::with(board, None, false, clock)
    }

    /// Opens a board file (converting an older format) and takes its lock; if another
    /// copy holds it, the board opens read-only. The lock is taken before the file is
    /// read: read first, and another copy could save between the reading and the locking,
    /// and this copy's next save would lose what it saved.
    pub fn open(path: &Path, clock: Clock) -> Result<Session, board_file::LoadError> {
        let me = LockHolder::me(&editor_name(""), clock.now().0);
        let (mut lock, mut read_only, mut took_over_from) = (None, None, None);
        match BoardLock::acquire(path, &me) {
            Ok(held) => lock = Some(held),
            // Its holder on this machine is no longer running: nobody else can be editing,
            // so the board is taken over (and what that copy left unsaved is offered back).
            Err(LockError::Held(holder)) if holder.has_gone() => match BoardLock::break_and_acquire(path, &holder, &me)
            {
                Ok(held) => {
                    lock = Some(held);
                    took_over_from = Some(holder);
                }
                Err(_) => read_only = Some(holder),
            },
            Err(LockError::Held(holder)) => read_only = Some(holder),
            // A folder we cannot write to: the board can be read but not saved there.
            Err(LockError::Io(error)) => {
                read_only = Some(LockHolder { user: format!("nobody (the folder cannot be written: {error})"), ..me })
            }
        }
        // A board that fails to load lets its lock go (the `?` drops it).
        let loaded = board_file::load_file(path, clock.now())?;
        let mut session = Session::with(loaded.board, Some(path.to_path_buf()), false, clock);
        session.file_notes = FileNotes {
            converted_from: (loaded.from_format < CURRENT_FORMAT).then_some(loaded.from_format),
            conversion: loaded.conversion,
            has_comments: loaded.has_comments,
        };
        session.lock = lock;
        session.read_only = read_only;
        session.took_over_from = took_over_from;
        Ok(session)
    }

    pub fn now(&self) -> Moment {
        self.clock.now()
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Breaks another copy's lock and takes it (after the person was warned), then reads
    /// the board again: while this copy could only read it, the other may have saved.
    pub fn break_lock(&mut self) -> Result<(), BreakLockError> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        let me = LockHolder::me(&editor_name(""), self.clock.now().0);
        let stale = self.read_only.clone().unwrap_or_else(|| me.clone());
        let lock = BoardLock::break_and_acquire(&path, &stale, &me)?;
        let loaded = board_file::load_file(&path, self.clock.now())?;
        self.board = loaded.board;
        self.history = History::new();
        self.version += 1;
        self.lock = Some(lock);
        self.read_only = None;
        Ok(())
    }

    /// Puts back the unsaved changes a recovery file held.
    pub fn restore(&mut self, board: Board) {
        self.recovery_unanswered = false;
        self.board = board;
        self.history = History::new();
        self.restored = true;
        self.version += 1;
    }

    /// The unsaved changes waiting in a recovery file for this board, if any and if this
    /// copy may edit it. Once found, the file is not written over until they are restored
    /// or discarded.
    pub fn pending_recovery(&mut self) -> Option<(Board, RecoveryInfo)> {
        if self.read_only.is_some() {
            return None;
        }
        let found = recovery::pending_recovery(self.path.as_deref()?).filter(|(_, info)| info.changes > 0);
        self.recovery_unanswered = found.is_some();
        found
    }

    /// What a recovery file holds beyond the board as saved: its audit entries, oldest
    /// first, so the person can see what they would get back.
    pub fn unsaved_in(&self, recovered: &Board) -> Vec<Change> {
        recovered.history.iter().skip(self.board.history.len()).cloned().collect()
    }

    /// Writes the recovery file if an edit is waiting and its moment has come; returns how
    /// long until the next write is due, so the caller can wake for it.
    pub fn autosave(&mut self) -> Option<Duration> {
        let due = self.recovery_due?;
        let now_instant = Instant::now();
        if now_instant < due {
            return Some(due - now_instant);
        }
        if self.recovery_unanswered {
            // The file holds work not yet offered back: never written over.
            return None;
        }
        self.recovery_due = None;
        if self.history.unsaved_count() == 0 && !self.restored {
            // Undone back to what is saved: there is nothing to recover.
            self.discard_recovery();
            return None;
        }
        if let Some(path) = &self.path {
            let info = RecoveryInfo { written: self.clock.now(), changes: self.history.unsaved_count() };
            let board = self.history.board_to_save(&self.board);
            if let Err(error) = recovery::write_recovery(&recovery::recovery_path(path), &board, &info) {
                eprintln!("improvement-board: autosave failed: {error}");
            }
        }
        None
    }

    fn edited(&mut self) {
        self.version += 1;
        self.recovery_due.get_or_insert_with(|| Instant::now() + AUTOSAVE_DELAY);
    }

    /// Drops the recovery file: its changes were saved or knowingly discarded.
    pub fn discard_recovery(&mut self) {
        self.recovery_due = None;
        self.recovery_unanswered = false;
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

    pub fn apply(&mut self, edit: Edit, by: &str) -> Result<Applied, EditError> {
        if let Some(holder) = &self.read_only {
            return Err(EditError::ReadOnly(holder.describe()));
        }
        let applied = self.history.apply(&mut self.board, edit, by, self.clock.now())?;
        if applied == Applied::Changed {
            self.edited();
        }
        Ok(applied)
    }

    pub fn undo(&mut self, by: &str) -> Option<String> {
        let undone = self.history.undo(&mut self.board, by, self.clock.now());
        if undone.is_some() {
            self.edited();
        }
        undone
    }

    pub fn redo(&mut self, by: &str) -> Result<Option<String>, EditError> {
        let redone = self.history.redo(&mut self.board, by, self.clock.now())?;
        if redone.is_some() {
            self.edited();
        }
        Ok(redone)
    }

    /// Where a copy of the file as it was opened is kept when the person asks for one
    /// before its comments are dropped: `FILE.original`.
    pub fn original_copy_path(path: &Path) -> PathBuf {
        board_file::Companion::Original.of(path)
    }

    /// Keeps the file as it is now beside it (before a save drops its comments).
    pub fn keep_original(&self) -> std::io::Result<PathBuf> {
        let Some(path) = &self.path else { return Err(std::io::Error::other("the board has not been saved yet")) };
        let copy = Session::original_copy_path(path);
        let bytes = std::fs::read(path)?;
        board_file::write_file(&copy, &bytes).map_err(std::io::Error::other)?;
        Ok(copy)
    }

    /// Saves to `path` (which becomes the session's path) with the audit trail written in.
    pub fn save_to(&mut self, path: &Path) -> Result<(), board_file::SaveError> {
        let to_save = self.history.board_to_save(&self.board);
        board_file::save(&to_save, path)?;
        self.history.mark_saved(&mut self.board, to_save);
        self.discard_recovery();
        if self.path.as_deref() != Some(path) {
            // Saved somewhere new: that file is now the one this copy holds.
            let me = LockHolder::me(&editor_name(""), self.clock.now().0);
            self.lock = BoardLock::acquire(path, &me).ok();
        }
        self.path = Some(path.to_path_buf());
        self.is_sample = false;
        self.restored = false;
        self.file_notes = FileNotes::default();
        Ok(())
    }

    /// Saves the session's board where it came from.
    pub fn save(&mut self) -> Result<(), board_file::SaveError> {
        let path = self.path.clone().ok_or_else(|| board_file::SaveError::Io {
            path: PathBuf::from(self.name()),
            step: "choosing where",
            source: std::io::Error::other("the board has no file yet"),
        })?;
        self.save_to(&path)
    }
}
