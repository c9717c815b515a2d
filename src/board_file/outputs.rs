//! Where an export may be written: never over the board it was made from or the files
//! that keep it safe (its backup, lock, recovery file, kept original), and not over a
//! file of another kind unless the person says so.

use std::path::{Path, PathBuf};

use super::Companion;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    Pdf,
    Xlsx,
    Docx,
}

impl OutputKind {
    fn word(self) -> &'static str {
        match self {
            OutputKind::Pdf => "a PDF",
            OutputKind::Xlsx => "a spreadsheet (.xlsx)",
            OutputKind::Docx => "a Word document (.docx)",
        }
    }

    /// Whether a file's first bytes are of this kind.
    fn is_kind(self, head: &[u8]) -> bool {
        match self {
            OutputKind::Pdf => head.starts_with(b"%PDF-"),
            // An .xlsx and a .docx are zip archives.
            OutputKind::Xlsx | OutputKind::Docx => head.starts_with(b"PK\x03\x04"),
        }
    }
}

/// The files that belong to a board and must never be overwritten by an export.
fn board_files(board: &Path) -> Vec<PathBuf> {
    std::iter::once(board.to_path_buf()).chain(Companion::ALL.map(|c| c.of(board))).collect()
}

/// A path made absolute with its links followed, so two names for one file compare
/// equal; a file not there yet is placed in its folder's real path.
fn real(path: &Path) -> PathBuf {
    if let Ok(found) = path.canonicalize() {
        return found;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default();
    folder.canonicalize().map_or_else(|_| path.to_path_buf(), |f| f.join(name))
}

/// Refuses an export to `out` that would overwrite `board` or one of its own files, or
/// (unless `force`) a file that is not of the kind written.
pub fn check_output(board: Option<&Path>, out: &Path, kind: OutputKind, force: bool) -> Result<(), String> {
    let target = real(out);
    if let Some(board) = board
        && board_files(board).iter().any(|file| real(file) == target)
    {
        return Err(format!(
            "{}: this is the board file (or its backup, lock or recovery file), not a place for {}: choose another name",
            out.display(),
            kind.word()
        ));
    }
    if force || !out.exists() {
        return Ok(());
    }
    let mut head = [0u8; 8];
    let read = std::fs::File::open(out).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).unwrap_or(0);
    if kind.is_kind(&head[..read]) {
        Ok(())
    } else {
        Err(format!(
            "{}: there is a file here that is not {}; it was not overwritten (use --force to replace it)",
            out.display(),
            kind.word()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_lands_on_its_board_or_a_file_of_another_kind() {
        let folder = std::env::temp_dir().join(format!("improvement-board-outputs-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let board = folder.join("board.ron");
        std::fs::write(&board, "Board(format: 2)").unwrap();
        let pdf = OutputKind::Pdf;
        for own in ["board.ron", "board.ron.bak", "board.ron.lock", "board.ron.recovery", "board.ron.original"] {
            assert!(check_output(Some(&board), &folder.join(own), pdf, true).is_err(), "{own}, even forced");
        }
        // Another name for the same file is the same file.
        let roundabout = folder.join(".").join("board.ron");
        assert!(check_output(Some(&board), &roundabout, pdf, true).is_err());
        std::fs::write(folder.join("notes.txt"), "minutes to keep").unwrap();
        assert!(check_output(Some(&board), &folder.join("notes.txt"), pdf, false).is_err());
        assert!(check_output(Some(&board), &folder.join("notes.txt"), pdf, true).is_ok(), "--force");
        std::fs::write(folder.join("old.pdf"), "%PDF-1.7 …").unwrap();
        assert!(check_output(Some(&board), &folder.join("old.pdf"), pdf, false).is_ok(), "a PDF replaces a PDF");
        assert!(check_output(Some(&board), &folder.join("old.pdf"), OutputKind::Xlsx, false).is_err());
        assert!(check_output(Some(&board), &folder.join("new.pdf"), pdf, false).is_ok());
        let _ = std::fs::remove_dir_all(&folder);
    }
}
