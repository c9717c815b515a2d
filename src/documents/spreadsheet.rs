//! The statement of action as the spreadsheet colleagues still ask for: one row per
//! action with its current RAG as a filled cell with the word, trend and latest note, and
//! the action log on a second sheet. Header row frozen, filters on, widths set, text
//! wrapped. Reading it back with the importer gives the same actions.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::layout::table::{rag_colour, rag_text_colour};
use crate::model::{Board, LogFilter, Rag};

/// The statement of action's columns, in the words the importer recognises.
pub const PLAN_HEADERS: [(&str, f64); 13] = [
    ("Priority no.", 9.0),
    ("Priority", 24.0),
    ("Recommendation no.", 11.0),
    ("Recommendation", 40.0),
    ("Action no.", 9.0),
    ("Action", 44.0),
    ("Lead officer", 22.0),
    ("Due date", 12.0),
    ("Measure of success", 36.0),
    ("Evidence", 30.0),
    ("RAG", 11.0),
    ("Trend", 11.0),
    ("Latest note", 48.0),
];

const LOG_HEADERS: [(&str, f64); 9] = [
    ("Ref", 9.0),
    ("Action", 48.0),
    ("Owner", 22.0),
    ("Due date", 12.0),
    ("Status", 12.0),
    ("Overdue by (days)", 10.0),
    ("Raised at", 20.0),
    ("Closed", 12.0),
    ("Note", 40.0),
];

fn colour(c: crate::documents::layout::page::Colour) -> Color {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u32;
    Color::RGB((byte(c.0) << 16) | (byte(c.1) << 8) | byte(c.2))
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

struct Formats {
    header: Format,
    text: Format,
    bold: Format,
    date: Format,
    warning: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x1F3A5F))
                .set_border(FormatBorder::Thin),
            bold: text.clone().set_bold(),
            date: text.clone().set_num_format("dd/mm/yyyy"),
            warning: text.clone().set_bold().set_font_color(Color::RGB(0xB00020)),
            text,
        }
    }

    fn rag(&self, rag: Rag) -> Format {
        self.bold.clone().set_background_color(colour(rag_colour(rag))).set_font_color(colour(rag_text_colour(rag)))
    }
}

/// Points per line of 11-point text, as Excel sets its rows.
const LINE_HEIGHT: f64 = 15.0;

/// How many lines `text` wraps to in a column `width` characters wide (Excel's unit is the
/// width of a "0"; proportional text fits a little more).
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.15).max(1.0);
    text.lines().map(|line| ((line.chars().count() as f64) / per_line).ceil().max(1.0) as usize).sum::<usize>().max(1)
}

/// Sets a row tall enough for its tallest wrapped cell: spreadsheet programs do not all
/// fit rows to wrapped text when they open a file, and a cut-off measure helps nobody.
fn fit_row(sheet: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    let lines = cells.iter().map(|(text, width)| wrapped_lines(text, *width)).max().unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
    }
    Ok(())
}

fn headers(sheet: &mut Worksheet, headers: &[(&str, f64)], formats: &Formats) -> Result<(), XlsxError> {
    for (column, (title, width)) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *title, &formats.header)?;
        sheet.set_column_width(column as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let titles: Vec<(&str, f64)> = headers.iter().map(|(t, w)| (*t, *w)).collect();
    fit_row(sheet, 0, &titles)?;
    // Printed, it reads across one landscape page width, the header on every page.
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0)?;
    Ok(())
}

/// The workbook's bytes. The public copy is made from what may be published (actions
/// raised in private and ratings agreed in private left out) and says so in its title.
pub fn statement_xlsx(board: &Board, today: NaiveDate, public: bool) -> Result<Vec<u8>, XlsxError> {
    let (shown, _) = super::board_for(board, today, public);
    let board: &Board = &shown;
    let copy = if public { " (PUBLIC)" } else { "" };
    let formats = Formats::new();
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(format!("{} — statement of action{copy}", board.authority))
            .set_author(&board.authority)
            .set_comment(format!("Exported by improvement-board as at {today}")),
    );
    let plan = book.add_worksheet().set_name("Statement of action")?;
    headers(plan, &PLAN_HEADERS, &formats)?;
    let actions = board.actions_in_plan_order();
    for (i, action) in actions.iter().enumerate() {
        let row = i as u32 + 1;
        let rec = board.recommendation(&action.recommendation);
        let priority = board.priority_of(action);
        let text = |s: &str| s.to_string();
        let cells: [String; 7] = [
            priority.map_or_else(String::new, |p| p.id.clone()),
            priority.map_or_else(String::new, |p| p.title.clone()),
            text(&action.recommendation),
            rec.map_or_else(String::new, |r| r.text.clone()),
            text(&action.id),
            text(&action.title),
            text(board.person_name(&action.lead)),
        ];
        for (column, value) in cells.iter().enumerate() {
            let format = if column == 4 { &formats.bold } else { &formats.text };
            plan.write_string_with_format(row, column as u16, value, format)?;
        }
        plan.write_datetime_with_format(row, 7, excel_date(action.due)?, &formats.date)?;
        plan.write_string_with_format(row, 8, &action.measure, &formats.text)?;
        plan.write_string_with_format(row, 9, action.evidence.join("\n"), &formats.text)?;
        let rag = action.current_rag();
        let word = if rag == Rag::NotRated { "" } else { rag.word() };
        plan.write_string_with_format(row, 10, word, &formats.rag(rag))?;
        plan.write_string_with_format(row, 11, action.trend().word(), &formats.text)?;
        plan.write_string_with_format(row, 12, action.latest_note().unwrap_or(""), &formats.text)?;
        let evidence = action.evidence.join("\n");
        let texts = [
            cells[1].as_str(),
            &cells[3],
            &cells[5],
            &cells[6],
            &action.measure,
            &evidence,
            action.latest_note().unwrap_or(""),
        ];
        let widths = [1, 3, 5, 6, 8, 9, 12].map(|c| PLAN_HEADERS[c].1);
        let sized: Vec<(&str, f64)> = texts.iter().copied().zip(widths).collect();
        fit_row(plan, row, &sized)?;
    }
    plan.autofilter(0, 0, actions.len() as u32, PLAN_HEADERS.len() as u16 - 1)?;

    let log = book.add_worksheet().set_name("Action log")?;
    headers(log, &LOG_HEADERS, &formats)?;
    let entries = board.action_log(&LogFilter::default(), today);
    for (i, (meeting, action)) in entries.iter().enumerate() {
        let row = i as u32 + 1;
        log.write_string_with_format(row, 0, &action.id, &formats.bold)?;
        log.write_string_with_format(row, 1, &action.text, &formats.text)?;
        log.write_string_with_format(row, 2, board.person_name(&action.owner), &formats.text)?;
        match action.due {
            Some(due) => log.write_datetime_with_format(row, 3, excel_date(due)?, &formats.date)?,
            None => log.write_string_with_format(row, 3, "", &formats.text)?,
        };
        log.write_string_with_format(row, 4, action.status.word(), &formats.text)?;
        match action.days_overdue(today) {
            Some(days) => log.write_number_with_format(row, 5, days as f64, &formats.warning)?,
            None => log.write_string_with_format(row, 5, "", &formats.text)?,
        };
        log.write_string_with_format(row, 6, format!("Meeting {}", meeting.number), &formats.text)?;
        match action.closed {
            Some(closed) => log.write_datetime_with_format(row, 7, excel_date(closed)?, &formats.date)?,
            None => log.write_string_with_format(row, 7, "", &formats.text)?,
        };
        log.write_string_with_format(row, 8, &action.note, &formats.text)?;
        let owner = board.person_name(&action.owner);
        fit_row(
            log,
            row,
            &[(&action.text, LOG_HEADERS[1].1), (owner, LOG_HEADERS[2].1), (&action.note, LOG_HEADERS[8].1)],
        )?;
    }
    log.autofilter(0, 0, entries.len() as u32, LOG_HEADERS.len() as u16 - 1)?;

    if !board.indicators.is_empty() {
        scorecard_sheet(book.add_worksheet().set_name("Scorecard")?, board, &formats)?;
    }
    book.save_to_buffer()
}

/// The scorecard as performance teams keep their return: indicators down the side and
/// months across, each month's figure as it stands (a revised figure's latest reading),
/// so `import-readings` brings the sheet back as it left.
fn scorecard_sheet(sheet: &mut Worksheet, board: &Board, formats: &Formats) -> Result<(), XlsxError> {
    let months: Vec<crate::model::YearMonth> = {
        let held: std::collections::BTreeSet<_> =
            board.indicators.iter().flat_map(|i| i.readings.iter().map(|r| r.period)).collect();
        match (held.first(), held.last()) {
            (Some(&first), Some(&last)) => {
                std::iter::successors(Some(first), |m| Some(m.next()).filter(|m| *m <= last)).collect()
            }
            _ => Vec::new(),
        }
    };
    let fixed = [("Indicator", 44.0), ("Better", 9.0), ("Target", 9.0), ("Unit", 9.0)];
    headers(sheet, &fixed, formats)?;
    let month_header = formats.header.clone().set_num_format("mmm-yy");
    for (i, month) in months.iter().enumerate() {
        let column = (fixed.len() + i) as u16;
        let first_day = NaiveDate::from_ymd_opt(month.year, month.month, 1).expect("a month has a first day");
        sheet.write_datetime_with_format(0, column, excel_date(first_day)?, &month_header)?;
        sheet.set_column_width(column, 9.0)?;
    }
    for (i, indicator) in board.indicators.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, &indicator.name, &formats.bold)?;
        sheet.write_string_with_format(row, 1, indicator.better.word(), &formats.text)?;
        match indicator.target {
            Some(target) => sheet.write_number_with_format(row, 2, target, &formats.text)?,
            None => sheet.write_string_with_format(row, 2, "", &formats.text)?,
        };
        sheet.write_string_with_format(row, 3, indicator.unit.word(), &formats.text)?;
        for figure in indicator.figures() {
            if let Some(i) = months.iter().position(|m| *m == figure.period) {
                sheet.write_number_with_format(row, (fixed.len() + i) as u16, figure.value, &formats.text)?;
            }
        }
        fit_row(sheet, row, &[(&indicator.name, fixed[0].1)])?;
    }
    Ok(())
}
