//! Reading a workbook's sheets within [`super::limits`]: cell by cell, so a sheet's size
//! is what it holds, never what its used range or its furthest cell claims.
//!
//! calamine's `worksheet_range` sizes one array from the first to the furthest cell: a
//! sheet with something in A1 and in XFD1048576 asks for half a terabyte. So `.xlsx` and
//! `.xlsb` are read through calamine's cell readers into a grid that refuses a cell past
//! the limits; `.ods` (which calamine reads whole) is measured first by a streaming pass
//! over its XML; `.xls` (whose reader builds every sheet in full as it opens) is refused.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::headers::column_letter;
use super::limits::{MOST_CELLS, MOST_COLUMNS, MOST_ROWS, MOST_SHEETS, check_zip};
use super::sheet::{Cell, Sheet, cell_of, spread_merged};

/// A sheet being read, and the cells read so far over the whole workbook.
struct Grid<'a> {
    sheet: Sheet,
    cells_in_book: &'a mut usize,
}

impl Grid<'_> {
    /// Puts a cell in its place, or says which limit it passes. Empty cells (a format
    /// with no value, however far away) are passed over.
    fn put(&mut self, row: usize, column: usize, cell: Cell) -> Result<(), String> {
        if cell.is_empty() {
            return Ok(());
        }
        let name = &self.sheet.name;
        if row >= MOST_ROWS {
            return Err(format!(
                "sheet \"{name}\" has something in row {}: the app reads the first {MOST_ROWS} rows of a sheet",
                row + 1
            ));
        }
        if column >= MOST_COLUMNS {
            return Err(format!(
                "sheet \"{name}\" has something in column {}: the app reads the first {MOST_COLUMNS} columns (A to {})",
                column_letter(column),
                column_letter(MOST_COLUMNS - 1)
            ));
        }
        *self.cells_in_book += 1;
        if *self.cells_in_book > MOST_CELLS {
            return Err(format!("the workbook holds more than {MOST_CELLS} cells with something in them"));
        }
        let rows = &mut self.sheet.rows;
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let cells = &mut rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
        Ok(())
    }
}

fn check_sheet_count(count: usize) -> Result<(), String> {
    if count > MOST_SHEETS {
        return Err(format!("it has {count} sheets: the app reads workbooks of up to {MOST_SHEETS}"));
    }
    Ok(())
}

/// Merged regions clipped to the cells a sheet can have, so a region over the whole
/// sheet costs no more than the sheet.
fn clipped(regions: &[calamine::Dimensions], rows: usize) -> impl Iterator<Item = ((u32, u32), (u32, u32))> + '_ {
    let last_row = rows.saturating_sub(1) as u32;
    let last_column = (MOST_COLUMNS - 1) as u32;
    regions
        .iter()
        .filter(move |d| d.start.0 <= last_row && d.start.1 <= last_column)
        .map(move |d| (d.start, (d.end.0.min(last_row), d.end.1.min(last_column))))
}

/// Reads each named sheet with `read`, which puts its cells in the grid, within the
/// workbook's limits.
fn read_each(
    names: Vec<String>,
    mut read: impl FnMut(&str, &mut Grid<'_>) -> Result<(), String>,
) -> Result<Vec<Sheet>, String> {
    check_sheet_count(names.len())?;
    let mut cells_in_book = 0;
    let mut sheets = Vec::new();
    for name in names {
        let mut grid = Grid { sheet: Sheet { name: name.clone(), rows: vec![] }, cells_in_book: &mut cells_in_book };
        read(&name, &mut grid)?;
        sheets.push(grid.sheet);
    }
    Ok(sheets)
}

/// A cell as calamine's cell readers give it.
fn cell_at(cell: &calamine::Cell<calamine::DataRef<'_>>) -> (usize, usize, Cell) {
    let (row, column) = cell.get_position();
    (row as usize, column as usize, cell_of(&Data::from(cell.get_value().clone())))
}

/// Every sheet of an `.xlsx` or `.xlsm`, merged cells spread over what they cover.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    check_zip(bytes)?;
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    read_each(book.sheet_names(), |name, grid| {
        match book.worksheet_cells_reader(name) {
            Ok(mut reader) => {
                while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                    let (row, column, cell) = cell_at(&cell);
                    grid.put(row, column, cell)?;
                }
            }
            // A chart sheet: nothing to read.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(error) => return Err(error.to_string()),
        }
        let merged = book.merge_cells_by_sheet_name(name).unwrap_or_default();
        let rows = grid.sheet.rows.len();
        spread_merged(&mut grid.sheet, clipped(&merged, rows));
        Ok(())
    })
}

/// Every sheet of an `.xlsb`.
pub fn read_xlsb(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    check_zip(bytes)?;
    let mut book = calamine::Xlsb::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    read_each(book.sheet_names(), |name, grid| {
        let mut reader = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
            let (row, column, cell) = cell_at(&cell);
            grid.put(row, column, cell)?;
        }
        Ok(())
    })
}

/// Every sheet of an `.ods`, once a streaming pass has shown calamine will not be asked
/// for more than the limits.
pub fn read_ods(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    check_zip(bytes)?;
    super::ods_extent::check(bytes)?;
    let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    read_each(book.sheet_names(), |name, grid| {
        let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
        let (top, left) = range.start().unwrap_or((0, 0));
        for (row, column, data) in range.used_cells() {
            grid.put(top as usize + row, left as usize + column, cell_of(data))?;
        }
        Ok(())
    })
}

/// Why an `.xls` is not read.
pub const XLS_REFUSED: &str = "Excel 97–2003 workbooks (.xls) are not read, because their reader cannot bound what a file costs before reading it all: open it in Excel or LibreOffice, save it as .xlsx, and import that";
