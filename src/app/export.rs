//! File → Export to PDF: the document is built by the core, saved where the person says,
//! and offered to open.

use std::path::Path;

use super::App;
use crate::documents::{
    action_log::{ActionLogOptions, action_log_pdf},
    minutes::MinutesOptions,
    minutes::minutes_pdf,
    progress::progress_pdf,
    statement::statement_pdf,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Minutes { public: bool },
    ActionLog { public: bool },
    Progress,
    Statement,
}

impl App {
    /// The open board's file name without its extension, for suggested export names.
    fn file_stem(&self) -> String {
        self.doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.file_stem())
            .map_or("northmoor".into(), |s| s.to_string_lossy().into_owned())
    }

    /// The statement of action and the action log as an .xlsx workbook.
    pub(super) fn export_spreadsheet(&mut self) {
        let stem = self.file_stem();
        let Some(doc) = self.doc.as_ref() else { return };
        let bytes = match crate::documents::spreadsheet::statement_xlsx(&doc.board, self.today) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.status = format!("The spreadsheet could not be made: {error}");
                return;
            }
        };
        let Some(path) = self.dialogs.save_sheet(&format!("{stem}-statement.xlsx")) else {
            self.status = "Not exported.".into();
            return;
        };
        self.status = match crate::board_file::write_file(&path, &bytes) {
            Ok(()) => {
                let count = doc.board.actions.len();
                self.last_export = Some(path.clone());
                format!("Exported {} ({count} actions and the action log).", path.display())
            }
            Err(error) => error.to_string(),
        };
    }

    pub(super) fn export(&mut self, document: Document) {
        let stem = self.file_stem();
        let Some(doc) = self.doc.as_ref() else { return };
        let board = &doc.board;
        let (rendered, name) = match document {
            Document::Minutes { public } => {
                let Some(number) = self.meeting.selected else {
                    self.status = "Choose a meeting in the meeting view first.".into();
                    return;
                };
                match minutes_pdf(board, number, MinutesOptions { public }) {
                    Ok(r) => (r, format!("{stem}-minutes-{number}{}.pdf", if public { "-public" } else { "" })),
                    Err(error) => {
                        self.status = error.to_string();
                        return;
                    }
                }
            }
            Document::ActionLog { public } => (
                action_log_pdf(board, self.today, ActionLogOptions { public }),
                format!("{stem}-action-log{}.pdf", if public { "-public" } else { "" }),
            ),
            Document::Progress => (progress_pdf(board, self.today), format!("{stem}-progress.pdf")),
            Document::Statement => (statement_pdf(board, self.today), format!("{stem}-statement.pdf")),
        };
        let Some(path) = self.dialogs.save_pdf(&name) else {
            self.status = "Not exported.".into();
            return;
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
