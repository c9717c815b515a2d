//! File dialogs, behind a trait so tests never open a real one (rfd can fall back to
//! zenity, which blocks).

use std::path::PathBuf;

pub trait FileDialogs {
    /// Asks for a board file to open.
    fn open_board(&mut self) -> Option<PathBuf>;
    /// Asks where to save a board, suggesting `name`.
    fn save_board(&mut self, name: &str) -> Option<PathBuf>;
    /// Asks where to save an exported PDF, suggesting `name`.
    fn save_pdf(&mut self, name: &str) -> Option<PathBuf>;
    /// Asks for a spreadsheet to import.
    fn open_sheet(&mut self) -> Option<PathBuf>;
    /// Asks where to save an exported spreadsheet, suggesting `name`.
    fn save_sheet(&mut self, name: &str) -> Option<PathBuf>;
}

fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// The native dialogs, through rfd.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_board(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().add_filter("Board file", &["ron"]).set_title("Open a board").pick_file()
    }

    fn save_board(&mut self, name: &str) -> Option<PathBuf> {
        let mut path = rfd::FileDialog::new()
            .add_filter("Board file", &["ron"])
            .set_title("Save the board")
            .set_file_name(name)
            .save_file()?;
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        Some(path)
    }

    fn save_pdf(&mut self, name: &str) -> Option<PathBuf> {
        let mut path = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_title("Export to PDF")
            .set_file_name(name)
            .save_file()?;
        if path.extension().is_none() {
            path.set_extension("pdf");
        }
        Some(path)
    }

    fn open_sheet(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Spreadsheet", &["xlsx", "xlsm", "xlsb", "ods", "csv"])
            .set_title("Import a statement of action from a spreadsheet")
            .pick_file()
    }

    fn save_sheet(&mut self, name: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .add_filter("Excel workbook", &["xlsx"])
            .set_title("Export the statement of action as a spreadsheet")
            .set_file_name(name)
            .save_file()?;
        Some(with_extension(path, "xlsx"))
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
}

impl FileDialogs for ScriptedDialogs {
    fn open_board(&mut self) -> Option<PathBuf> {
        (!self.open.is_empty()).then(|| self.open.remove(0))
    }

    fn save_board(&mut self, _name: &str) -> Option<PathBuf> {
        (!self.save.is_empty()).then(|| self.save.remove(0))
    }

    fn save_pdf(&mut self, _name: &str) -> Option<PathBuf> {
        (!self.pdf.is_empty()).then(|| self.pdf.remove(0))
    }

    fn open_sheet(&mut self) -> Option<PathBuf> {
        (!self.sheets_to_open.is_empty()).then(|| self.sheets_to_open.remove(0))
    }

    fn save_sheet(&mut self, _name: &str) -> Option<PathBuf> {
        (!self.sheets_to_save.is_empty()).then(|| self.sheets_to_save.remove(0))
    }
}
