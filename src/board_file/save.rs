//! Atomic saves: a failed save never damages the file that was there.
//!
//! The new text goes to a temporary file in the same folder (so the rename cannot cross
//! file systems), is flushed and synced, the previous file is copied to `FILE.bak` (itself
//! through a temporary file), and only then is the temporary file renamed over the board.
//! A crash or error at any point leaves the old file or the new one, whole. Every step
//! goes through [`Disk`], so tests can make each one fail.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::to_ron;
use crate::model::Board;

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: could not be saved ({step}): {source}; the previous file is unchanged", path.display())]
    Io { path: PathBuf, step: &'static str, source: io::Error },
}

/// The file operations a save makes.
pub trait Disk {
    /// Creates or truncates `path`, writes `bytes`, and syncs them to the device.
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Copies `from` to `to` and syncs the copy.
    fn copy_synced(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).create(true).truncate(true).open(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn copy_synced(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::copy(from, to)?;
        File::open(to)?.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
}

/// Where the previous version of `path` is kept: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves the board to `path` atomically, keeping the previous version as `FILE.bak`.
pub fn save(board: &Board, path: &Path) -> Result<(), SaveError> {
    save_with(&mut RealDisk, board, path)
}

/// [`save`] through the given disk.
pub fn save_with(disk: &mut dyn Disk, board: &Board, path: &Path) -> Result<(), SaveError> {
    write_atomically(disk, path, to_ron(board).as_bytes(), true)
}

/// Writes any file (an exported PDF, a recovery file) the same safe way, without a backup.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(&mut RealDisk, path, bytes, false)
}

fn write_atomically(disk: &mut dyn Disk, path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let fail = |step| move |source| SaveError::Io { path: path.to_path_buf(), step, source };
    let temporary = sibling(path, "tmp");
    let result = disk
        .write_synced(&temporary, bytes)
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

/// Copies the current file to `FILE.bak`, itself atomically.
fn keep_backup(disk: &mut dyn Disk, path: &Path) -> io::Result<()> {
    let staged = sibling(path, "bak.tmp");
    let result = disk.copy_synced(path, &staged).and_then(|()| disk.rename(&staged, &backup_path(path)));
    if result.is_err() {
        let _ = fs::remove_file(&staged);
    }
    result
}

/// `.NAME.PID.SUFFIX` beside the board: hidden, and unique to this process.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.{suffix}", std::process::id()))
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
