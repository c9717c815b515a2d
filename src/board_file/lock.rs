//! One editor at a time: opening a board takes `FILE.lock`, holding who, where and since
//! when. A second instance — here or on another machine sharing the folder — finds it and
//! opens the board read-only. A stale lock (its process gone, or older than a day) may be
//! broken, after a warning.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::model::Moment;

/// How old a lock may be before it is presumed abandoned.
pub const STALE_AFTER_HOURS: i64 = 24;

/// Who holds a board open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: Moment,
}

impl LockHolder {
    /// This process, as a lock would record it.
    pub fn me(user: &str, now: NaiveDateTime) -> LockHolder {
        LockHolder { user: user.to_string(), host: host_name(), pid: std::process::id(), since: Moment(now) }
    }

    /// Older than a day, or held by a process on this machine that no longer runs.
    pub fn is_stale(&self, now: NaiveDateTime) -> bool {
        let old = (now - self.since.0).num_hours() >= STALE_AFTER_HOURS;
        old || self.has_gone()
    }

    /// Held by a copy on this machine that is no longer running: it closed without
    /// releasing the board (a crash, a killed process, a flat battery). Such a lock is
    /// certainly abandoned; one from another machine, or unreadable, never is for sure.
    pub fn has_gone(&self) -> bool {
        self.is_known() && self.host == host_name() && !process_is_running(self.pid)
    }

    /// Whoever holds a lock file that cannot be read.
    pub fn unknown() -> LockHolder {
        LockHolder {
            user: "someone".into(),
            host: "an unknown computer".into(),
            pid: 0,
            since: Moment(NaiveDateTime::MIN),
        }
    }

    /// Whether the lock file said who holds it (an empty or unreadable one does not, and
    /// is never broken without a person deciding to).
    pub fn is_known(&self) -> bool {
        self.pid != 0
    }

    /// "k.morgan on clerk-pc since 14:02 on 22 November 2026".
    pub fn describe(&self) -> String {
        let when = format!("{} on {}", self.since.0.format("%H:%M"), crate::model::dates::uk_long(self.since.0.date()));
        format!("{} on {} since {when}", self.user, self.host)
    }

    fn to_text(&self) -> String {
        format!("user: {}\nhost: {}\npid: {}\nsince: {}\n", self.user, self.host, self.pid, self.since)
    }

    fn parse(text: &str) -> Option<LockHolder> {
        let field = |name: &str| text.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::trim));
        Some(LockHolder {
            user: field("user")?.to_string(),
            host: field("host")?.to_string(),
            pid: field("pid")?.parse().ok()?,
            since: Moment::parse(field("since")?).ok()?,
        })
    }
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("the board is open in another copy of the app: {}", .0.describe())]
    Held(LockHolder),
    #[error("the lock file could not be written: {0}")]
    Io(#[from] io::Error),
}

/// A held lock; dropping it releases the board.
#[derive(Debug)]
pub struct BoardLock {
    path: PathBuf,
}

/// `FILE.lock` beside the board.
pub fn lock_path(board: &Path) -> PathBuf {
    super::Companion::Lock.of(board)
}

impl BoardLock {
    /// Takes the lock on `board`, or says who holds it. Linking the lock into place is
    /// atomic (it fails if one is there), so two copies opening at the same moment cannot
    /// both win.
    pub fn acquire(board: &Path, me: &LockHolder) -> Result<BoardLock, LockError> {
        let path = lock_path(board);
        // Written whole under another name, then linked into place in one step: no copy
        // ever finds the lock file empty or half written.
        static STAGED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = STAGED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let staged = path.with_extension(format!("lock-new-{}-{n}", std::process::id()));
        let mut file = OpenOptions::new().write(true).create_new(true).open(&staged)?;
        file.write_all(me.to_text().as_bytes())?;
        file.sync_all()?;
        drop(file);
        let mut linked = fs::hard_link(&staged, &path);
        let _ = fs::remove_file(&staged);
        if linked.as_ref().is_err_and(|e| e.kind() != io::ErrorKind::AlreadyExists) {
            // A file system without hard links (some shared drives): created in place.
            linked = OpenOptions::new().write(true).create_new(true).open(&path).and_then(|mut file| {
                file.write_all(me.to_text().as_bytes())?;
                file.sync_all()
            });
        }
        match linked {
            Ok(()) => Ok(BoardLock { path }),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let holder = fs::read_to_string(&path).ok().and_then(|t| LockHolder::parse(&t));
                match holder {
                    // Our own process already holds it (the same board opened again).
                    Some(h) if h.pid == me.pid && h.host == me.host => Ok(BoardLock { path }),
                    Some(h) => Err(LockError::Held(h)),
                    // An unreadable lock file is treated as held by someone unknown.
                    None => Err(LockError::Held(LockHolder::unknown())),
                }
            }
            Err(e) => Err(LockError::Io(e)),
        }
    }

    /// Breaks the lock `stale` holds on `board` and takes it. Only that lock is broken:
    /// if another copy has taken the board since `stale` was read (the holder let go and
    /// someone else got in first), that copy keeps it and this one is refused. The lock
    /// file is moved aside in one step before it is looked at, so two copies breaking the
    /// same lock cannot both think they broke it.
    pub fn break_and_acquire(board: &Path, stale: &LockHolder, me: &LockHolder) -> Result<BoardLock, LockError> {
        let path = lock_path(board);
        let aside = path.with_extension(format!("lock-broken-{}", std::process::id()));
        match fs::rename(&path, &aside) {
            Ok(()) => {
                let moved = fs::read_to_string(&aside).ok().and_then(|t| LockHolder::parse(&t));
                let is_the_stale_one = match &moved {
                    Some(holder) => holder == stale,
                    // Unreadable: the one meant only if the lock meant was unreadable too.
                    None => !stale.is_known(),
                };
                if !is_the_stale_one {
                    // Another copy's lock was moved: put it back unless someone has locked since.
                    let _ = fs::hard_link(&aside, &path);
                    let _ = fs::remove_file(&aside);
                    return Err(LockError::Held(moved.unwrap_or_else(LockHolder::unknown)));
                }
                let _ = fs::remove_file(&aside);
            }
            // Already gone: its holder let go.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(LockError::Io(e)),
        }
        BoardLock::acquire(board, me)
    }

    /// Who holds `board`, if anyone.
    pub fn holder(board: &Path) -> Option<LockHolder> {
        fs::read_to_string(lock_path(board)).ok().and_then(|t| LockHolder::parse(&t))
    }
}

impl Drop for BoardLock {
    fn drop(&mut self) {
        // Release only a lock that is still ours (it may have been broken by another).
        let ours = fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| LockHolder::parse(&t))
            .is_some_and(|h| h.pid == std::process::id() && h.host == host_name());
        if ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// This computer's name, for the lock.
pub fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".into())
}

/// Whether a process runs on this machine. Where that cannot be told, it is presumed to.
fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{pid}")).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        Moment::parse("2026-11-22T14:02:00").unwrap().0
    }

    #[test]
    fn a_lock_reads_back_as_written() {
        let me = LockHolder::me("k.morgan", now());
        assert_eq!(LockHolder::parse(&me.to_text()), Some(me.clone()));
        assert!(me.describe().starts_with("k.morgan on "));
    }

    #[test]
    fn a_lock_a_day_old_or_whose_process_is_gone_is_stale() {
        let me = LockHolder::me("k.morgan", now());
        assert!(!me.is_stale(now()), "this process runs");
        let later = now() + chrono::Duration::hours(25);
        assert!(me.is_stale(later));
        let gone = LockHolder { pid: u32::MAX - 1, ..me };
        if cfg!(target_os = "linux") {
            assert!(gone.is_stale(now()));
        }
    }
}
