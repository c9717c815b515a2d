//! What a spreadsheet may cost to read, checked before it is read. A statement of action
//! runs to hundreds of rows and a dozen columns; these limits are far above any real plan
//! and far below what would exhaust a council laptop's memory, so a hostile or broken file
//! (a cell at XFD1048576, a part that inflates a thousandfold, ten thousand sheets) gets a
//! plain refusal naming the limit instead of taking the program down.

use std::io::Read;

/// The largest spreadsheet file read at all.
pub const MOST_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The most parts a workbook's zip may hold.
pub const MOST_PARTS: usize = 5_000;
/// The most one part of a workbook (a sheet's XML, the shared strings) may inflate to.
pub const MOST_PART_BYTES: u64 = 96 * 1024 * 1024;
/// The most all of a workbook's parts together may inflate to.
pub const MOST_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// The most sheets a workbook may have.
pub const MOST_SHEETS: usize = 200;
/// The most rows read from a sheet: a statement of action has hundreds.
pub const MOST_ROWS: usize = 20_000;
/// The most columns read from a sheet; cells further right are refused if they hold
/// anything (an empty but formatted cell out there is passed over).
pub const MOST_COLUMNS: usize = 200;
/// The most cells holding something, over every sheet of a workbook together.
pub const MOST_CELLS: usize = 2_000_000;

/// "32 MB".
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// Checks a zip container (xlsx, xlsm, xlsb, ods) part by part, inflating each into
/// nothing to measure it: the sizes it declares are not trusted.
pub fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    if archive.len() > MOST_PARTS {
        return Err(format!("it holds {} parts: the app reads workbooks of up to {MOST_PARTS}", archive.len()));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|e| e.to_string())?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("part {index}"));
        // Read one byte past the limit: reaching it is enough to refuse.
        let inflated = std::io::copy(&mut part.take(MOST_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|e| format!("{name} cannot be read ({e})"))?;
        if inflated > MOST_PART_BYTES {
            return Err(format!(
                "{name} inflates to more than {}: the app reads parts of up to {}",
                megabytes(MOST_PART_BYTES),
                megabytes(MOST_PART_BYTES)
            ));
        }
        total += inflated;
        if total > MOST_INFLATED_BYTES {
            return Err(format!(
                "its parts inflate to more than {}: the app reads workbooks of up to {} inflated",
                megabytes(MOST_INFLATED_BYTES),
                megabytes(MOST_INFLATED_BYTES)
            ));
        }
    }
    Ok(())
}
