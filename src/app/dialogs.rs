//! File dialogs, behind a trait so tests never open a real one (rfd can fall back to
//! zenity, which blocks). Where the system has no file-dialog service (a Linux desktop
//! without the portal or zenity), the app's own chooser takes over ([`super::chooser`]).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::documents::Publication;

/// What a file is being asked for, so the answer (from the system's dialog at once, or
/// from the app's own chooser some frames later) goes where it was meant.
#[derive(Clone, Debug, PartialEq)]
pub enum FileWanted {
    OpenBoard,
    /// Where to save the board, suggesting a name.
    SaveBoard(String),
    /// Where to save a PDF, suggesting a name.
    ExportPdf(Publication, String),
    /// Where to save a document's Word copy, suggesting a name.
    ExportWord(Publication, String),
    ImportSheet,
    /// The performance team's return.
    ImportFigures,
    /// Where to save the statement as a spreadsheet (public or not), suggesting a name.
    ExportSheet {
        public: bool,
        name: String,
    },
    /// A paper (a PDF) to lay before the board for an agenda item.
    AttachPaper {
        meeting: u32,
        item: u32,
    },
}

impl FileWanted {
    /// The dialog's title.
    pub fn title(&self) -> &'static str {
        match self {
            FileWanted::OpenBoard => "Open a board",
            FileWanted::SaveBoard(_) => "Save the board",
            FileWanted::ExportPdf(..) => "Export to PDF",
            FileWanted::ExportWord(..) => "Export as a Word document",
            FileWanted::ImportSheet => "Import a statement of action from a spreadsheet",
            FileWanted::ImportFigures => "Import figures from a performance return",
            FileWanted::ExportSheet { .. } => "Export the statement of action as a spreadsheet",
            FileWanted::AttachPaper { .. } => "Attach a paper",
        }
    }

    /// The kinds of file it shows: a filter's name and its extensions.
    pub fn filter(&self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileWanted::OpenBoard | FileWanted::SaveBoard(_) => ("Board file", &["ron"]),
            FileWanted::ExportPdf(..) | FileWanted::AttachPaper { .. } => ("PDF", &["pdf"]),
            FileWanted::ImportSheet | FileWanted::ImportFigures => {
                ("Spreadsheet", &["xlsx", "xlsm", "xlsb", "ods", "csv"])
            }
            FileWanted::ExportSheet { .. } => ("Excel workbook", &["xlsx"]),
            FileWanted::ExportWord(..) => ("Word document", &["docx"]),
        }
    }

    /// The name suggested for a file to save, if it is one.
    pub fn suggested_name(&self) -> Option<&str> {
        match self {
            FileWanted::SaveBoard(name)
            | FileWanted::ExportPdf(_, name)
            | FileWanted::ExportWord(_, name)
            | FileWanted::ExportSheet { name, .. } => Some(name),
            FileWanted::OpenBoard
            | FileWanted::ImportSheet
            | FileWanted::ImportFigures
            | FileWanted::AttachPaper { .. } => None,
        }
    }

    /// A saved file without an extension is given the kind's.
    pub fn finish(&self, mut path: PathBuf) -> PathBuf {
        if self.suggested_name().is_some() && path.extension().is_none() {
            path.set_extension(self.filter().1[0]);
        }
        path
    }
}

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown, and why.
    Unavailable(String),
}

pub trait FileDialogs {
    fn ask(&mut self, wanted: &FileWanted) -> Answer;
}

/// A dialog answered sooner than this was never seen: nobody cancels that fast. rfd says
/// nothing when the portal and zenity both fail; it answers "nothing chosen" at once.
const QUICKER_THAN_A_PERSON: Duration = Duration::from_millis(150);

/// The native dialogs, through rfd.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, wanted: &FileWanted) -> Answer {
        let (kind, extensions) = wanted.filter();
        let mut dialog = rfd::FileDialog::new().add_filter(kind, extensions).set_title(wanted.title());
        if let Some(name) = wanted.suggested_name() {
            dialog = dialog.set_file_name(name);
        }
        let asked = Instant::now();
        let chosen = match wanted.suggested_name() {
            Some(_) => dialog.save_file(),
            None => dialog.pick_file(),
        };
        match chosen {
            Some(path) => Answer::Chosen(wanted.finish(path)),
            None if asked.elapsed() < QUICKER_THAN_A_PERSON => {
                Answer::Unavailable("this desktop has no file-dialog service (the XDG portal or zenity)".into())
            }
            None => Answer::Cancelled,
        }
    }
}

/// Dialogs that answer from a script: for tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub pdf: Vec<PathBuf>,
    /// Spreadsheets to import, then where to save exported ones.
    pub sheets_to_open: Vec<PathBuf>,
    pub sheets_to_save: Vec<PathBuf>,
    /// Papers to attach.
    pub papers: Vec<PathBuf>,
    /// As on a desktop with no file-dialog service: every dialog fails to open.
    pub unavailable: bool,
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, wanted: &FileWanted) -> Answer {
        if self.unavailable {
            return Answer::Unavailable("no file-dialog service (a test)".into());
        }
        let queue = match wanted {
            FileWanted::OpenBoard => &mut self.open,
            FileWanted::SaveBoard(_) => &mut self.save,
            FileWanted::ExportPdf(..) | FileWanted::ExportWord(..) => &mut self.pdf,
            FileWanted::ImportSheet | FileWanted::ImportFigures => &mut self.sheets_to_open,
            FileWanted::ExportSheet { .. } => &mut self.sheets_to_save,
            FileWanted::AttachPaper { .. } => &mut self.papers,
        };
        if queue.is_empty() { Answer::Cancelled } else { Answer::Chosen(wanted.finish(queue.remove(0))) }
    }
}
