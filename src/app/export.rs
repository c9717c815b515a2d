//! File → Export: the document is built by the core, saved where the person says, and
//! offered to open.

use std::path::{Path, PathBuf};

use super::App;
use super::dialogs::FileWanted;
use crate::board_file::{OutputKind, check_output};
use crate::documents::{Publication, publication::spreadsheet_file_name};

impl App {
    /// The open board's file, for suggested export names.
    fn board_file(&self) -> Option<&Path> {
        self.doc.as_ref().and_then(|d| d.path.as_deref())
    }

    /// The statement of action and the action log as an .xlsx workbook, full or public.
    pub(super) fn export_spreadsheet(&mut self, public: bool) {
        let name = spreadsheet_file_name(self.board_file(), public);
        if let Some(path) = self.ask_for_file(FileWanted::ExportSheet { public, name }) {
            self.export_spreadsheet_to(public, &path);
        }
    }

    pub(super) fn export_spreadsheet_to(&mut self, public: bool, path: &Path) {
        let Some(doc) = self.doc.as_ref() else { return };
        // The dialog asked before replacing a file; the board's own files are never replaced.
        if let Err(refusal) = check_output(doc.path.as_deref(), path, OutputKind::Xlsx, true) {
            self.status = format!("Not exported: {refusal}");
            return;
        }
        let bytes =
            match crate::documents::spreadsheet::statement_xlsx(&doc.board, self.as_at.date_or(self.today), public) {
                Ok(bytes) => bytes,
                Err(error) => {
                    self.status = format!("The spreadsheet could not be made: {error}");
                    return;
                }
            };
        self.status = match crate::board_file::write_file(path, &bytes) {
            Ok(()) => {
                let count = doc.board.actions.len();
                self.last_export = Some(path.to_path_buf());
                format!("Exported {} ({count} actions and the action log).", path.display())
            }
            Err(error) => error.to_string(),
        };
    }

    /// Makes a document and saves it where the person says. Minutes are of the meeting
    /// selected in the meeting view.
    pub(super) fn export(&mut self, publication: Publication) {
        let Some(publication) = self.with_meeting(publication) else { return };
        let name = publication.file_name(self.board_file());
        if let Some(path) = self.ask_for_file(FileWanted::ExportPdf(publication, name)) {
            self.export_to(publication, path);
        }
    }

    /// Makes the Word copy of the minutes or the action log, for the clerk to finish.
    pub(super) fn export_word(&mut self, publication: Publication) {
        let Some(publication) = self.with_meeting(publication) else { return };
        let name = publication.word_file_name(self.board_file());
        if let Some(path) = self.ask_for_file(FileWanted::ExportWord(publication, name)) {
            self.export_word_to(publication, &path);
        }
    }

    pub(super) fn export_word_to(&mut self, publication: Publication, path: &Path) {
        let Some(doc) = self.doc.as_ref() else { return };
        if let Err(refusal) = check_output(doc.path.as_deref(), path, OutputKind::Docx, true) {
            self.status = format!("Not exported: {refusal}");
            return;
        }
        let bytes = match publication.make_word(&doc.board, self.as_at.date_or(self.today)) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.status = error.to_string();
                return;
            }
        };
        self.status = match crate::board_file::write_file(path, &bytes) {
            Ok(()) => {
                self.last_export = Some(path.to_path_buf());
                format!("Exported {} (Word).", path.display())
            }
            Err(error) => error.to_string(),
        };
    }

    /// The document for the meeting selected in the meeting view, where it is a meeting's.
    fn with_meeting(&mut self, publication: Publication) -> Option<Publication> {
        Some(match publication {
            Publication::Minutes { .. } | Publication::Agenda { .. } | Publication::Pack { .. } => {
                let Some(meeting) = self.meeting.selected else {
                    self.status = "Choose a meeting in the meeting view first.".into();
                    return None;
                };
                match publication {
                    Publication::Minutes { public, .. } => Publication::Minutes { meeting, public },
                    Publication::Pack { public, supplement, .. } => Publication::Pack { meeting, public, supplement },
                    _ => Publication::Agenda { meeting },
                }
            }
            other => other,
        })
    }

    pub(super) fn export_to(&mut self, publication: Publication, path: PathBuf) {
        let Some(doc) = self.doc.as_ref() else { return };
        if let Err(refusal) = check_output(doc.path.as_deref(), &path, OutputKind::Pdf, true) {
            self.status = format!("Not exported: {refusal}");
            return;
        }
        let folder = doc.path.as_deref().and_then(Path::parent).unwrap_or(Path::new("."));
        let rendered = match publication.make(&doc.board, self.as_at.date_or(self.today), folder) {
            Ok(rendered) => rendered,
            Err(error) => {
                self.status = error.to_string();
                return;
            }
        };
        match crate::board_file::write_file(&path, &rendered.bytes) {
            Ok(()) => {
                let warned = if rendered.warnings.is_empty() {
                    String::new()
                } else {
                    format!(" ({} characters replaced)", rendered.warnings.len())
                };
                self.status = format!("Exported {} ({} pages){warned}.", path.display(), rendered.pages);
                self.last_export = Some(path);
            }
            Err(error) => self.status = error.to_string(),
        }
    }
}

/// Opens a file in the system's viewer, without waiting for it.
pub fn open_in_viewer(path: &Path) {
    let opener = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(path).spawn()
    } else if cfg!(target_os = "windows") {
        std::process::Command::new("cmd").args(["/C", "start", ""]).arg(path).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(path).spawn()
    };
    if let Err(error) = opener {
        eprintln!("improvement-board: could not open {}: {error}", path.display());
    }
}
