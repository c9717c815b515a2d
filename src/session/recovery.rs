//! Autosave and recovery: every edit is written, within seconds, to a recovery file beside
//! the board (`FILE.recovery`), so a crash, a killed process or a power cut loses at most
//! the last moments. On start, a recovery file newer than its board is offered back.
//!
//! The recovery file is itself a board file (with the unsaved audit entries), preceded by
//! a comment line saying when it was written and how many changes it holds.

use std::path::{Path, PathBuf};

use crate::board_file::{self, SaveError};
use crate::model::{Board, Moment};

/// What a recovery file holds, from its first line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryInfo {
    pub written: Moment,
    /// Edits made since the board was last saved.
    pub changes: usize,
}

const HEADER: &str = "// improvement-board recovery: written ";

/// `FILE.recovery` beside the board.
pub fn recovery_path(board: &Path) -> PathBuf {
    board_file::Companion::Recovery.of(board)
}

/// Writes the recovery file atomically.
pub fn write_recovery(path: &Path, board: &Board, info: &RecoveryInfo) -> Result<(), SaveError> {
    let text = format!("{HEADER}{}, {} unsaved changes\n{}", info.written, info.changes, board_file::to_ron(board));
    board_file::write_file(path, text.as_bytes())
}

/// Reads a recovery file; `None` when there is none or it does not load (a recovery file
/// is a convenience, never a reason to refuse the board).
pub fn read_recovery(path: &Path) -> Option<(Board, RecoveryInfo)> {
    let text = std::fs::read_to_string(path).ok()?;
    let header = text.lines().next()?.strip_prefix(HEADER)?;
    let (written, rest) = header.split_once(", ")?;
    let changes = rest.strip_suffix(" unsaved changes")?.parse().ok()?;
    let board = board_file::parse_board(&text).ok()?;
    Some((board, RecoveryInfo { written: Moment::parse(written).ok()?, changes }))
}

/// The recovery waiting for `board`, if its file is newer than the board's.
pub fn pending_recovery(board: &Path) -> Option<(Board, RecoveryInfo)> {
    let recovery = recovery_path(board);
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let newer = match (modified(&recovery), modified(board)) {
        (Some(r), Some(b)) => r >= b,
        (Some(_), None) => true,
        _ => false,
    };
    if newer { read_recovery(&recovery) } else { None }
}

/// Removes the recovery file once its changes are saved or knowingly discarded.
pub fn discard_recovery(board: &Path) {
    let _ = std::fs::remove_file(recovery_path(board));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_board;

    #[test]
    fn a_recovery_file_reads_back_with_its_time_and_count() {
        let folder = std::env::temp_dir().join(format!("improvement-board-recovery-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let board_path = folder.join("board.ron");
        board_file::save(&sample_board(), &board_path).unwrap();
        let mut board = sample_board();
        board.title = "Changed but not saved".into();
        let info = RecoveryInfo { written: Moment::parse("2026-11-22T14:37:05").unwrap(), changes: 12 };
        write_recovery(&recovery_path(&board_path), &board, &info).unwrap();
        let (recovered, read) = pending_recovery(&board_path).expect("a newer recovery is offered");
        assert_eq!((recovered.title.as_str(), read), ("Changed but not saved", info));
        discard_recovery(&board_path);
        assert!(pending_recovery(&board_path).is_none());
    }
}
