//! Atomic saves: a failed save never damages the file that was there.
//!
//! The new text goes to a temporary file in the same folder (so the rename cannot cross
//! file systems), is flushed and synced, the previous file is copied to `FILE.bak`, and
//! only then is the temporary file renamed over the board. A crash at any point leaves
//! either the old file or the new one, whole.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::to_ron;
use crate::model::Board;

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: could not be saved ({step}): {source}; the previous file is unchanged", path.display())]
    Io { path: PathBuf, step: &'static str, source: std::io::Error },
}

/// Where the previous version of `path` is kept: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves the board to `path` atomically, keeping the previous version as `FILE.bak`.
pub fn save(board: &Board, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, to_ron(board).as_bytes(), true)
}

/// Writes any file (an exported PDF, say) the same safe way, without keeping a backup.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, false)
}

fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let fail = |step| move |source| SaveError::Io { path: path.to_path_buf(), step, source };
    let temporary = sibling(path, "tmp");
    let written = write_synced(&temporary, bytes).map_err(fail("writing the temporary file"));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
        return written;
    }
    if backup
        && path.exists()
        && let Err(e) = keep_backup(path)
    {
        let _ = fs::remove_file(&temporary);
        return Err(fail("keeping the backup")(e));
    }
    if let Err(e) = fs::rename(&temporary, path) {
        let _ = fs::remove_file(&temporary);
        return Err(fail("replacing the file")(e));
    }
    sync_folder(path);
    Ok(())
}

/// Copies the current file to `FILE.bak`, itself atomically.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let staged = sibling(path, "bak.tmp");
    let result = fs::copy(path, &staged)
        .and_then(|_| File::open(&staged)?.sync_all())
        .and_then(|_| fs::rename(&staged, backup_path(path)));
    if result.is_err() {
        let _ = fs::remove_file(&staged);
    }
    result
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create(true).truncate(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
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
