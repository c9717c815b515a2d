//! A spreadsheet import under way, in the app's window or on the command line: the
//! sheets, the chosen one with the person's fixes, how its columns are read, and what it
//! reads as against the board. Nothing enters the board until the batch it gives is
//! applied as one edit.

use std::path::PathBuf;

use crate::import::{self, Choices, Field, Mapping, Reading, Scale, Sheet};
use crate::model::Board;

/// An import under way: the sheets, the chosen one with the person's fixes, its mapping
/// and what it reads as.
pub struct ImportSession {
    pub path: PathBuf,
    source: String,
    sheets: Vec<Sheet>,
    sheet_index: usize,
    /// The chosen sheet, with fixes typed in the preview.
    sheet: Sheet,
    pub mapping: Mapping,
    /// The chosen sheet's headers were recognised on their own, not taken from its first
    /// row for the person to map.
    headers_recognised: bool,
    reading: Option<Reading>,
    /// How to read it beyond its columns: the rating scale, months alone, in step or not.
    choices: Choices,
    /// Also bring in rows with problems, their fields left empty or stood in, flagged.
    pub with_problems: bool,
    /// The person agreed to the new people the sheet names.
    pub add_people: bool,
    /// Fixes being typed in the preview, by (row, column), until the field is left.
    pub typing: std::collections::HashMap<(usize, usize), String>,
}

impl ImportSession {
    /// Opens a spreadsheet on its first sheet with anything in it.
    pub fn open(path: PathBuf) -> Result<ImportSession, String> {
        ImportSession::open_sheet(path, None)
    }

    /// Opens a spreadsheet on the sheet named, or on the first with anything in it.
    pub fn open_sheet(path: PathBuf, sheet_name: Option<&str>) -> Result<ImportSession, String> {
        let sheets = import::read_sheets(&path).map_err(|e| e.to_string())?;
        let first = import::pick_sheet(&path, sheets.clone(), sheet_name).map_err(|e| e.to_string())?;
        let index = sheets.iter().position(|s| s.name == first.name).unwrap_or(0);
        let source = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let (mapping, headers_recognised) = first_mapping(&first);
        Ok(ImportSession {
            path,
            source,
            sheets,
            sheet_index: index,
            sheet: first,
            mapping,
            headers_recognised,
            reading: None,
            choices: Choices::default(),
            with_problems: false,
            add_people: false,
            typing: Default::default(),
        })
    }

    /// The file's name, as the audit trail and the window give it.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn sheets(&self) -> &[Sheet] {
        &self.sheets
    }

    pub fn sheet_index(&self) -> usize {
        self.sheet_index
    }

    /// The chosen sheet, with the fixes typed so far.
    pub fn sheet(&self) -> &Sheet {
        &self.sheet
    }

    /// Reads the headers from another row (counted from 0) of the chosen sheet.
    pub fn set_header_row(&mut self, row: usize) {
        self.mapping = import::mapping_at(&self.sheet, row);
        self.reading = None;
    }

    /// Whether the headers were recognised on their own (otherwise the first row is taken
    /// as the headers, waiting for the person to say which column is which).
    pub fn headers_found(&self) -> bool {
        self.headers_recognised
    }

    pub fn choose_sheet(&mut self, index: usize) {
        self.sheet_index = index;
        self.sheet = self.sheets[index].clone();
        (self.mapping, self.headers_recognised) = first_mapping(&self.sheet);
        self.reading = None;
    }

    /// What the sheet reads as against `board`, read again after any change.
    pub fn reading(&mut self, board: &Board, today: chrono::NaiveDate) -> &Reading {
        self.reading.get_or_insert_with(|| {
            import::read_with(board, &self.sheet, &self.mapping, &self.choices, &self.source, today)
        })
    }

    pub fn choices(&self) -> &Choices {
        &self.choices
    }

    /// Reads the rating column through `scale` from now on.
    pub fn set_scale(&mut self, scale: Scale) {
        self.choices.scale = Some(scale);
        self.reading = None;
    }

    /// Reads a month alone ("April 2027") as the month's last day, or refuses it.
    pub fn set_month_end(&mut self, month_end: bool) {
        self.choices.month_end = month_end;
        self.reading = None;
    }

    /// Keeps the board in step with the sheet (its rows change the actions the board
    /// holds), with changed ratings given at `meeting`; or adds every row as new.
    pub fn set_in_step(&mut self, in_step: bool, meeting: Option<u32>) {
        self.choices.in_step = in_step;
        self.choices.meeting = meeting;
        self.reading = None;
    }

    /// A fix typed for one cell of the sheet.
    pub fn fix(&mut self, row: usize, column: usize, text: &str) {
        self.sheet.set_text(row, column, text);
        self.reading = None;
    }

    pub fn set_field(&mut self, column: usize, field: Field) {
        if column < self.mapping.fields.len() {
            self.mapping.choose(column, field);
            self.reading = None;
        }
    }

    /// What the import would do now, as the one edit that does it, if the person may
    /// import yet.
    pub fn ready(&self, today: chrono::NaiveDate) -> Option<crate::edit::PlanEdit> {
        use crate::edit::PlanEdit;
        let reading = self.reading.as_ref()?;
        if self.choices.in_step {
            let update = reading.tracker_update(self.with_problems, self.choices.meeting, today);
            let people_agreed = update.added.people.is_empty() || self.add_people;
            let something = !update.added.actions.is_empty() || !update.changed.is_empty();
            return (people_agreed && something).then(|| PlanEdit::KeepInStep(Box::new(update)));
        }
        let batch = reading.batch(self.with_problems);
        let people_agreed = batch.people.is_empty() || self.add_people;
        (people_agreed && !batch.actions.is_empty()).then(|| PlanEdit::Import(Box::new(batch)))
    }
}

/// How a sheet's columns are first read: its recognised headers, or else its first row for
/// the person to map; and which of the two it was.
fn first_mapping(sheet: &Sheet) -> (Mapping, bool) {
    match import::find_mapping(sheet) {
        Some(mapping) => (mapping, true),
        None => (import::mapping_at(sheet, 0), false),
    }
}
