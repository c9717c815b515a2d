//! Spreadsheets built to take the program down: a cell at XFD1048576, a shared string
//! that inflates a thousandfold, a whitespace bomb, XML nested a million deep, ten
//! thousand sheets, an OpenDocument row repeated a million times. Each is imported by the
//! real binary into a copy of the sample board; each must be refused with the limit named,
//! leave the board as it was, and never take more than a gigabyte of memory on the way.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use zip::write::SimpleFileOptions;

const GIGABYTE_KB: u64 = 1024 * 1024;

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ib-bombs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A zip of the given parts, deflated.
fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A workbook with the given sheet XML (the `<sheetData>` inside and all), `sheets`
/// entries in its workbook part all pointing at that sheet, and the shared strings given.
fn xlsx(sheet: &[u8], sheets: usize, shared_strings: Option<&[u8]>) -> Vec<u8> {
    let types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    for n in 1..=sheets {
        book.push_str(&format!(r#"<sheet name="Sheet{n}" sheetId="{n}" r:id="rId1"/>"#));
    }
    book.push_str("</sheets></workbook>");
    let mut book_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    );
    if shared_strings.is_some() {
        book_rels.push_str(r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
    }
    book_rels.push_str("</Relationships>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(strings) = shared_strings {
        parts.push(("xl/sharedStrings.xml", strings));
    }
    zipped(&parts)
}

fn sheet_xml(inside: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{inside}</sheetData></worksheet>"#
    )
    .into_bytes()
}

/// A header row a statement of action would have, so only the bomb is wrong.
const HEADERS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c><c r="B1" t="inlineStr"><is><t>Lead officer</t></is></c><c r="C1" t="inlineStr"><is><t>Due date</t></is></c></row>"#;

struct Imported {
    code: Option<i32>,
    stderr: String,
    /// The most memory the process held, in KB, sampled while it ran.
    peak_kb: u64,
    board_unchanged: bool,
}

/// Imports `bytes` (named `name`) into a copy of the sample board with the real binary.
fn import(name: &str, bytes: &[u8]) -> Imported {
    let dir = workdir(name);
    let sheet = dir.join(name);
    std::fs::write(&sheet, bytes).unwrap();
    let board = dir.join("board.ron");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/northmoor.ron");
    std::fs::copy(&sample, &board).unwrap();
    let before = std::fs::read(&board).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_improvement-board"))
        .args(["import", sheet.to_str().unwrap(), "--into", board.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            let hwm = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            peak_kb = peak_kb.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let output = child.wait_with_output().unwrap();
    eprintln!(
        "MEASURE {name}: peak {} MB, exit {:?}: {}",
        peak_kb / 1024,
        status.code(),
        String::from_utf8_lossy(&output.stderr).lines().next().unwrap_or("")
    );
    Imported {
        code: status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        peak_kb,
        board_unchanged: std::fs::read(&board).unwrap() == before,
    }
}

fn assert_refused(imported: &Imported, says: &str) {
    assert_eq!(imported.code, Some(1), "refused with exit code 1, not killed: {}", imported.stderr);
    assert!(imported.stderr.contains(says), "the refusal names the limit ({says:?}): {}", imported.stderr);
    assert!(imported.board_unchanged, "the board is as it was");
    assert!(imported.peak_kb < GIGABYTE_KB, "peak memory {} MB", imported.peak_kb / 1024);
}

#[test]
fn a_cell_at_xfd1048576_is_refused_naming_the_row_limit() {
    let far = format!(r#"{HEADERS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    let bytes = xlsx(&sheet_xml(&far), 1, None);
    assert!(bytes.len() < 5_000, "a few kilobytes");
    let imported = import("far.xlsx", &bytes);
    assert_refused(&imported, "has something in row 1048576: the app reads the first 20000 rows");
}

#[test]
fn a_cell_far_to_the_right_is_refused_and_an_empty_formatted_one_is_passed_over() {
    let right = format!(r#"{HEADERS}<row r="2"><c r="XFD2"><v>1</v></c></row>"#);
    let imported = import("right.xlsx", &xlsx(&sheet_xml(&right), 1, None));
    assert_refused(&imported, "has something in column XFD: the app reads the first 200 columns");

    // A format with no value at the far corner (Excel leaves these behind) costs nothing.
    let formatted = format!(
        r#"{HEADERS}<row r="2"><c r="A2" t="inlineStr"><is><t>Audit every referral</t></is></c><c r="B2" t="inlineStr"><is><t>Sarah Whitfield</t></is></c><c r="C2" t="inlineStr"><is><t>31/03/2027</t></is></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>"#
    );
    let imported = import("formatted.xlsx", &xlsx(&sheet_xml(&formatted), 1, None));
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    assert!(imported.peak_kb < GIGABYTE_KB);
}

#[test]
fn a_shared_string_that_inflates_a_thousandfold_is_refused_before_it_is_read() {
    let mut strings = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#.to_vec();
    strings.resize(strings.len() + 100 * 1024 * 1024, b'A');
    strings.extend_from_slice(b"</t></si></sst>");
    let sheet = format!(r#"{HEADERS}<row r="2"><c r="A2" t="s"><v>0</v></c></row>"#);
    let bytes = xlsx(&sheet_xml(&sheet), 1, Some(&strings));
    drop(strings);
    assert!(bytes.len() < 1024 * 1024, "under a megabyte on disk ({} bytes)", bytes.len());
    let imported = import("strings.xlsx", &bytes);
    assert_refused(&imported, "xl/sharedStrings.xml inflates to more than 96 MB");
}

#[test]
fn a_whitespace_bomb_is_refused_before_it_is_read() {
    let mut sheet = sheet_xml(HEADERS);
    let at = sheet.len() - "</sheetData></worksheet>".len();
    sheet.splice(at..at, std::iter::repeat_n(b' ', 100 * 1024 * 1024));
    let bytes = xlsx(&sheet, 1, None);
    drop(sheet);
    let imported = import("spaces.xlsx", &bytes);
    assert_refused(&imported, "xl/worksheets/sheet1.xml inflates to more than 96 MB");
}

#[test]
fn xml_nested_a_million_deep_neither_crashes_nor_grows() {
    let depth = 1_000_000;
    let nested = format!("{HEADERS}{}{}", "<x>".repeat(depth), "</x>".repeat(depth));
    let imported = import("nested.xlsx", &xlsx(&sheet_xml(&nested), 1, None));
    // Read (the nesting is passed over) or refused; either way cleanly and small.
    assert!(matches!(imported.code, Some(0 | 1)), "not killed: {}", imported.stderr);
    assert!(!imported.stderr.contains("panicked"), "{}", imported.stderr);
    assert!(imported.peak_kb < GIGABYTE_KB, "peak memory {} MB", imported.peak_kb / 1024);
}

#[test]
fn ten_thousand_sheets_are_refused_naming_the_limit() {
    let imported = import("sheets.xlsx", &xlsx(&sheet_xml(HEADERS), 10_000, None));
    assert_refused(&imported, "it has 10000 sheets: the app reads workbooks of up to 200");
}

#[test]
fn an_opendocument_row_repeated_a_million_times_is_refused_and_its_padding_is_not() {
    let content = |rows: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Plan"><table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Lead officer</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Due date</text:p></table:table-cell></table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    };
    let ods = |content: &str| {
        zipped(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content.as_bytes()),
            (
                "META-INF/manifest.xml",
                br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
            ),
        ])
    };
    let bomb = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    let imported = import("repeated.ods", &ods(&content(bomb)));
    assert_refused(&imported, "a sheet has something in column 16384");

    // LibreOffice pads every sheet with empty repeats to the last row and column.
    let padding = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Audit every referral</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Sarah Whitfield</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>31/03/2027</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16381"/></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
    let imported = import("padded.ods", &ods(&content(padding)));
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    assert!(imported.peak_kb < GIGABYTE_KB, "peak memory {} MB", imported.peak_kb / 1024);
}

#[test]
fn an_xls_is_refused_with_the_way_to_bring_it_in() {
    let imported = import("old.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really");
    assert_refused(&imported, "save it as .xlsx, and import that");
}

#[test]
fn a_sheet_past_the_row_limit_is_refused_saying_how_many_rows_are_read() {
    let mut csv = String::from("Recommendation,Action,Lead officer,Due date\n");
    for n in 0..20_001 {
        csv.push_str(&format!("Recommendation {n},Action {n},Officer {n},31/03/2027\n"));
    }
    let imported = import("long.csv", csv.as_bytes());
    assert_refused(&imported, "it has more than 20000 rows: the app reads the first 20000 rows of a sheet");
}
