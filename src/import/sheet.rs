//! Reading a spreadsheet into a plain grid of cells: `.xlsx`, `.xlsb` and `.ods` through
//! calamine (within the limits, [`super::workbook`]), `.csv` through the csv crate. Merged
//! cells are spread over the cells they cover, so a recommendation merged down four rows
//! reads on each of them.

use std::path::Path;

use calamine::Data;
use chrono::NaiveDate;

use super::limits::{MOST_COLUMNS, MOST_FILE_BYTES, MOST_ROWS, megabytes};
use super::workbook;

/// One cell's value, as much as the sheet said of it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell Excel formatted as a date (its serial number already turned into a day).
    Date(NaiveDate),
    /// A formula that failed, as Excel shows it (`#DIV/0!`): read as empty, and said.
    Error(String),
}

impl Cell {
    /// The cell as a person would read it: text trimmed, numbers without a trailing ".0",
    /// dates as 31/03/2027.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Error(_) => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(date) => date.format("%d/%m/%Y").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// One worksheet: its name and its rows, row 0 being the sheet's row 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(column)).unwrap_or(&Cell::Empty)
    }

    /// How many columns the widest row has.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Sets a cell's text (a fix typed in the import preview), growing the row if needed.
    pub fn set_text(&mut self, row: usize, column: usize, text: &str) {
        if let Some(cells) = self.rows.get_mut(row) {
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = if text.trim().is_empty() { Cell::Empty } else { Cell::Text(text.to_string()) };
        }
    }
}

/// Why a spreadsheet could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{0}: {1}")]
    Unreadable(String, String),
    #[error("{0}: this is not a spreadsheet the app reads (use .xlsx, .xlsm, .xlsb, .ods or .csv)")]
    UnknownKind(String),
    #[error("{file} has no sheet called \"{wanted}\" (it has: {})", .have.join(", "))]
    NoSuchSheet { file: String, wanted: String, have: Vec<String> },
    #[error("{0} has no sheets")]
    Empty(String),
}

/// Every sheet of a spreadsheet file, in the workbook's order. A file past
/// [`MOST_FILE_BYTES`] is refused before a byte of it is read.
pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>, SheetError> {
    let unreadable = |e: String| SheetError::Unreadable(path.display().to_string(), e);
    let size = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?.len();
    if size > MOST_FILE_BYTES {
        return Err(unreadable(format!(
            "it is {}: the app reads spreadsheets of up to {}",
            megabytes(size),
            megabytes(MOST_FILE_BYTES)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    read_sheets_from(path, &bytes)
}

/// The sheets of a spreadsheet held in memory; `path` gives its kind (by extension) and
/// its name in messages.
pub fn read_sheets_from(path: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, SheetError> {
    let file = path.display().to_string();
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable(file.clone(), e.to_string());
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let sheets = match extension.as_str() {
        "csv" | "txt" => {
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            vec![read_csv(&name, bytes).map_err(|e| unreadable(&e))?]
        }
        "xlsx" | "xlsm" => workbook::read_xlsx(bytes).map_err(|e| unreadable(&e))?,
        "xlsb" => workbook::read_xlsb(bytes).map_err(|e| unreadable(&e))?,
        "ods" => workbook::read_ods(bytes).map_err(|e| unreadable(&e))?,
        "xls" => return Err(unreadable(&workbook::XLS_REFUSED)),
        _ => return Err(SheetError::UnknownKind(file)),
    };
    if sheets.is_empty() {
        return Err(SheetError::Empty(file));
    }
    Ok(sheets)
}

/// The sheet called `name`, or the first one that has anything in it.
pub fn pick_sheet(path: &Path, sheets: Vec<Sheet>, name: Option<&str>) -> Result<Sheet, SheetError> {
    match name {
        Some(wanted) => {
            let have: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
            sheets.into_iter().find(|s| s.name.eq_ignore_ascii_case(wanted)).ok_or_else(|| SheetError::NoSuchSheet {
                file: path.display().to_string(),
                wanted: wanted.to_string(),
                have,
            })
        }
        None => {
            let first = sheets.iter().position(|s| s.rows.iter().flatten().any(|c| !c.is_empty())).unwrap_or(0);
            Ok(sheets.into_iter().nth(first).expect("read_sheets returns at least one"))
        }
    }
}

/// A CSV file: UTF-8 (with or without a byte-order mark) or, failing that, Windows-1252 as
/// Excel writes it on English Windows.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        if rows.len() == MOST_ROWS {
            return Err(format!(
                "it has more than {MOST_ROWS} rows: the app reads the first {MOST_ROWS} rows of a sheet"
            ));
        }
        let mut cells: Vec<Cell> =
            record.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_string()) }).collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.len() > MOST_COLUMNS {
            return Err(format!(
                "row {} has something in column {}: the app reads the first {MOST_COLUMNS} columns of a sheet",
                rows.len() + 1,
                cells.len()
            ));
        }
        rows.push(cells);
    }
    Ok(Sheet { name: name.to_string(), rows })
}

/// The characters Windows-1252 puts where Latin-1 has controls (the pound sign is Latin-1).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// Excel's day 0 is 30 December 1899 (its 1900 leap-year bug folded in for days after
/// February 1900, which is every date a statement of action holds).
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    (serial.is_finite() && (1.0..2_958_466.0).contains(&serial))
        .then(|| epoch.checked_add_days(chrono::Days::new(serial.floor() as u64)))
        .flatten()
}

pub(super) fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Error(error) => Cell::Error(error.to_string()),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            excel_serial_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
    }
}

/// Copies each merged region's value (held in its top-left cell) into every cell it covers.
pub(super) fn spread_merged(sheet: &mut Sheet, regions: impl Iterator<Item = ((u32, u32), (u32, u32))>) {
    for ((top, left), (bottom, right)) in regions {
        let value = sheet.cell(top as usize, left as usize).clone();
        if value.is_empty() {
            continue;
        }
        for row in top as usize..=bottom as usize {
            for column in left as usize..=right as usize {
                if (row, column) == (top as usize, left as usize) || row >= sheet.rows.len() {
                    continue;
                }
                let cells = &mut sheet.rows[row];
                if cells.len() <= column {
                    cells.resize(column + 1, Cell::Empty);
                }
                cells[column] = value.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_numbers_are_days_since_the_end_of_1899() {
        assert_eq!(excel_serial_date(43555.0), NaiveDate::from_ymd_opt(2019, 3, 31));
        assert_eq!(excel_serial_date(46477.5), NaiveDate::from_ymd_opt(2027, 3, 31));
        assert_eq!(excel_serial_date(-3.0), None);
    }

    #[test]
    fn csv_in_windows_1252_keeps_its_pound_signs_and_quotes() {
        let sheet = read_csv("plan", b"No.,What?\r\n1.1,\x93Front door\x94 \xa3 review\r\n").unwrap();
        assert_eq!(sheet.cell(1, 1).text(), "“Front door” £ review");
    }

    #[test]
    fn a_merged_region_reads_on_every_row_it_covers() {
        let mut sheet = Sheet {
            name: "s".into(),
            rows: vec![
                vec![Cell::Text("R1 text".into()), Cell::Text("1.1".into())],
                vec![Cell::Empty, Cell::Text("1.2".into())],
            ],
        };
        spread_merged(&mut sheet, [((0, 0), (1, 0))].into_iter());
        assert_eq!(sheet.cell(1, 0).text(), "R1 text");
    }
}
