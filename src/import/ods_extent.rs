//! How far an `.ods`'s cells reach, measured in one streaming pass over its XML before
//! calamine reads it whole. OpenDocument says "this cell, 16,384 times" and "this row, a
//! million times" in one attribute each; calamine expands what it reads, so a few bytes
//! could ask it for billions of cells. Rows and cells that hold nothing may repeat as they
//! like (LibreOffice pads every sheet that way); a cell with a value may not reach past
//! the limits.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::limits::{MOST_COLUMNS, MOST_ROWS};

/// Refuses an `.ods` whose cells with something in them reach past the row or column
/// limit.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let content = archive.by_name("content.xml").map_err(|e| format!("content.xml: {e}"))?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    // Rows above the current one in this table, the current row's repeat, and the column
    // the next cell starts at.
    let (mut rows_above, mut repeats, mut column, mut row_has_value) = (0usize, 1usize, 0usize, false);
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| format!("content.xml: {e}"))?;
        match &event {
            Event::Start(element) | Event::Empty(element) => {
                let self_closing = matches!(event, Event::Empty(_));
                match element.name().as_ref() {
                    "table:table" => rows_above = 0,
                    "table:table-row" => {
                        repeats = repeat(element, "table:number-rows-repeated")?;
                        column = 0;
                        row_has_value = false;
                        if self_closing {
                            rows_above = rows_above.saturating_add(repeats);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let across = repeat(element, "table:number-columns-repeated")?;
                        let has_value =
                            !self_closing || element.try_get_attribute("office:value-type").ok().flatten().is_some();
                        if has_value {
                            row_has_value = true;
                            let reach = column.saturating_add(across);
                            if reach > MOST_COLUMNS {
                                return Err(format!(
                                    "a sheet has something in column {reach}: the app reads the first {MOST_COLUMNS} columns of a sheet"
                                ));
                            }
                        }
                        column = column.saturating_add(across);
                    }
                    _ => {}
                }
            }
            Event::End(element) if element.name().as_ref() == "table:table-row" => {
                let reach = rows_above.saturating_add(repeats);
                if row_has_value && reach > MOST_ROWS {
                    return Err(format!(
                        "a sheet has something in row {reach}: the app reads the first {MOST_ROWS} rows of a sheet"
                    ));
                }
                rows_above = reach;
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// A repeat attribute's count (1 when absent).
fn repeat(element: &BytesStart, attribute: &str) -> Result<usize, String> {
    match element.try_get_attribute(attribute).map_err(|e| e.to_string())? {
        None => Ok(1),
        Some(value) => {
            value.value.trim().parse().ok().ok_or_else(|| format!("content.xml: {attribute} is not a count"))
        }
    }
}
