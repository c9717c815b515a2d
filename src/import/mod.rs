//! Bringing in the statement of action from the spreadsheet the adviser already keeps:
//! read the sheet, recognise its headers (or take the person's mapping), read its rows
//! against the board, and hand back one [`crate::edit::ImportBatch`] to apply as one edit.

mod headers;
mod known;
pub mod limits;
mod measure_names;
mod ods_extent;
mod returns;
mod roles;
mod rows;
mod scale;
mod sections;
mod sheet;
mod values;
mod workbook;

pub use headers::{
    Field, Mapping, column_index, column_letter, find_mapping, mapping_at, parse_column_choice, recognise,
};
pub use measure_names::{matching as indicator_named, plain as plain_name};
pub use returns::{Compared, Layout, Measure, Return, month_of};
pub use rows::{ChangedAction, Choices, ReadAction, Reading, RowProblem, TO_BE_CONFIRMED, read, read_with};
pub use scale::{Scale, ScaleOrigin, scale_for};
pub use sheet::{Cell, Sheet, SheetError, pick_sheet, read_csv, read_sheets, read_sheets_from};
pub use values::parse_uk_date;

#[cfg(test)]
mod tests;
