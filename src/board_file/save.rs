//! Atomic saves: a failed save never damages the file that was there.
//!
//! The new text goes to a temporary file in the same folder (so the rename cannot cross
//! file systems), is flushed and synced, the previous file is copied to `FILE.bak` (itself
//! through a temporary file), and only then is the temporary file renamed over the board.
//! A crash or error at any point leaves the old file or the new one, whole. Every step
//! goes through [`Disk`], so tests can make each one fail.
//!
//! A save changes the file's contents and nothing else about it: the new file gets the
//! old one's permissions (set on the temporary file as it is created, before any byte is
//! written); a read-only board is refused, not overwritten; a board that is a symbolic
//! link is written through the link, to the real file in its own folder; and every
//! temporary file is created new (`create_new`), so a link planted at its name is never
//! followed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::to_ron;
use crate::model::Board;

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: could not be saved ({step}): {source}; the previous file is unchanged", path.display())]
    Io { path: PathBuf, step: &'static str, source: io::Error },
    #[error("{}: the file is read-only, so it was not saved; make it writable, or save a copy elsewhere", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{}: not saved: the board would be {} MB, and a board file may be at most {} MB (the most the app opens); the previous file is unchanged", path.display(), size.div_ceil(1024 * 1024), super::MOST_BYTES / (1024 * 1024))]
    TooBig { path: PathBuf, size: u64 },
}

/// The file operations a save makes.
pub trait Disk {
    /// Creates `path`, which must not exist yet, with `permissions` (those of the file it
    /// will replace) before any byte is written; writes `bytes` and syncs them.
    fn write_synced(&mut self, path: &Path, bytes: &[u8], permissions: Option<&fs::Permissions>) -> io::Result<()>;
    /// Copies `from` to `to` (which must not exist yet) with `from`'s permissions, and
    /// syncs the copy.
    fn copy_synced(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct RealDisk;

/// A new file, refused if anything (a file, a planted link) is already at `path`,
/// created with `permissions` as far as the umask allows, then set to them exactly.
fn create_new(path: &Path, permissions: Option<&fs::Permissions>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(permissions) = permissions {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(permissions.mode() & 0o7777);
    }
    let file = options.open(path)?;
    if let Some(permissions) = permissions {
        file.set_permissions(permissions.clone())?;
    }
    Ok(file)
}

impl Disk for RealDisk {
    fn write_synced(&mut self, path: &Path, bytes: &[u8], permissions: Option<&fs::Permissions>) -> io::Result<()> {
        let mut file = create_new(path, permissions)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn copy_synced(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        let mut source = File::open(from)?;
        let mut copy = create_new(to, Some(&source.metadata()?.permissions()))?;
        io::copy(&mut source, &mut copy)?;
        copy.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
}

/// Where the previous version of `path` is kept: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    super::Companion::Backup.of(path)
}

/// Saves the board to `path` atomically, keeping the previous version as `FILE.bak`.
pub fn save(board: &Board, path: &Path) -> Result<(), SaveError> {
    save_with(&mut RealDisk, board, path)
}

/// [`save`] through the given disk.
pub fn save_with(disk: &mut dyn Disk, board: &Board, path: &Path) -> Result<(), SaveError> {
    let text = to_ron(board);
    // One limit for writing and reading: a board is never saved too big to open.
    if text.len() as u64 > super::MOST_BYTES {
        return Err(SaveError::TooBig { path: path.to_path_buf(), size: text.len() as u64 });
    }
    write_atomically(disk, path, text.as_bytes(), true)
}

/// Writes any file (an exported PDF, a recovery file) the same safe way, without a backup.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(&mut RealDisk, path, bytes, false)
}

fn write_atomically(disk: &mut dyn Disk, given: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let fail = |step| move |source| SaveError::Io { path: given.to_path_buf(), step, source };
    // Through a link, the real file is the one replaced, in its own folder.
    let real = real_file(given).map_err(fail("following the link"))?;
    let path = real.as_path();
    let permissions = match fs::metadata(path) {
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(SaveError::ReadOnly { path: given.to_path_buf() });
        }
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => None,
    };
    let temporary = sibling(path, "tmp");
    let result = disk
        .write_synced(&temporary, bytes, permissions.as_ref())
        .map_err(fail("writing the temporary file"))
        .and_then(|()| {
            if backup && path.is_file() { keep_backup(disk, path).map_err(fail("keeping the backup")) } else { Ok(()) }
        })
        .and_then(|()| disk.rename(&temporary, path).map_err(fail("replacing the file")));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
        return result;
    }
    sync_folder(path);
    Ok(())
}

/// The file a path names, through any symbolic links (a link to a link, a relative link);
/// the path itself when it is not a link or does not exist yet.
fn real_file(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // A loop of links is refused by the operating system long before forty.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many symbolic links"))
}

/// Copies the current file to `FILE.bak`, itself atomically.
fn keep_backup(disk: &mut dyn Disk, path: &Path) -> io::Result<()> {
    let staged = sibling(path, "bak.tmp");
    let result = disk.copy_synced(path, &staged).and_then(|()| disk.rename(&staged, &backup_path(path)));
    if result.is_err() {
        let _ = fs::remove_file(&staged);
    }
    result
}

/// `.NAME.PID-N.SUFFIX` beside the board: hidden, and new each time (it is created with
/// `create_new`, so a leftover of a crashed save must not block the next).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}-{n}.{suffix}", std::process::id()))
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}
