//! `import`: the adviser's statement of action brought in from a spreadsheet, once, or
//! again and again with `--update` to keep the board in step with the tracker.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{editor_name, open_for_writing};
use crate::edit::{Edit, EditError, PlanEdit, why_not_rated_at};
use crate::import::{self, Reading};
use crate::model::plural;
use crate::session::import::ImportSession;

/// What the person said on the command line about how to read the sheet.
pub struct Choices<'a> {
    pub sheet_name: Option<&'a str>,
    /// Counted from 1, as the spreadsheet shows rows.
    pub header_row: Option<usize>,
    pub columns: &'a [(usize, import::Field)],
    pub keep_going: bool,
    pub reading: import::Choices,
}

fn fail(message: String) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(1)
}

pub fn import(sheet_path: &Path, into: &Path, choices: Choices<'_>, today: NaiveDate) -> ExitCode {
    let Choices { sheet_name, header_row, columns: chosen, keep_going, reading: read_as } = choices;
    // The board is opened as the app opens it: converted if older, and locked for the
    // whole read, import and save, so no other copy writes it in between.
    let mut session = match open_for_writing(into) {
        Ok(session) => session,
        Err(code) => return code,
    };
    if let Some(reason) = read_as.meeting.and_then(|n| why_not_rated_at(&session.board, n)) {
        return fail(format!("{}: --meeting: {reason}", into.display()));
    }
    let mut sheet = match ImportSession::open_sheet(sheet_path.to_path_buf(), sheet_name) {
        Ok(sheet) => sheet,
        Err(error) => return fail(error),
    };
    match header_row {
        Some(0) => return fail("--header-row counts from 1, as the spreadsheet shows its rows".into()),
        Some(row) => sheet.set_header_row(row - 1),
        None if !sheet.headers_found() && chosen.is_empty() => {
            return fail(format!(
                "{}: sheet \"{}\": no header row with an action column was found in its first rows (headers such as \"Action\" or \"What?\"); say which column holds the actions with --column LETTER=action",
                sheet_path.display(),
                sheet.sheet().name
            ));
        }
        // Unrecognised headers with columns chosen: they are on the first row.
        None => {}
    }
    for &(column, field) in chosen {
        sheet.set_field(column, field);
    }
    if sheet.mapping.column(import::Field::Action).is_none() {
        return fail(format!(
            "{}: sheet \"{}\": no column is read as the action: say which with --column LETTER=action",
            sheet_path.display(),
            sheet.sheet().name
        ));
    }
    if let Some(scale) = read_as.scale.clone() {
        sheet.set_scale(scale);
    }
    sheet.set_month_end(read_as.month_end);
    sheet.set_in_step(read_as.in_step, read_as.meeting);
    say_mapping(&sheet);
    let reading = sheet.reading(&session.board, today).clone();
    say_reading(&reading, &read_as);
    if reading.failed_rows() > 0 && !keep_going {
        return fail(format!(
            "Nothing was imported into {}: fix the rows above, or use --keep-going to bring them in flagged.",
            into.display()
        ));
    }
    let (edit, what) = if read_as.in_step {
        let update = reading.tracker_update(keep_going, read_as.meeting, today);
        let what = update.describe();
        (PlanEdit::KeepInStep(Box::new(update)), what)
    } else {
        let batch = reading.batch(keep_going);
        let what = format!(
            "Imported {}, {} and {}",
            plural(batch.actions.len(), "action"),
            plural(batch.recommendations.len(), "new recommendation"),
            plural(batch.priorities.len(), "new priority"),
        );
        (PlanEdit::Import(Box::new(batch)), what)
    };
    let people: Vec<String> = match &edit {
        PlanEdit::Import(batch) => batch.people.iter().map(|p| p.name_and_role()).collect(),
        PlanEdit::KeepInStep(update) => update.added.people.iter().map(|p| p.name_and_role()).collect(),
        _ => vec![],
    };
    match session.apply(Edit::Plan(edit), &editor_name("")) {
        Ok(_) => {}
        // Nothing to bring in: the board is not rewritten, its backup not replaced.
        Err(EditError::NothingToImport(source)) if read_as.in_step => {
            say!("The board is already in step with {source}: nothing changed.");
            return ExitCode::SUCCESS;
        }
        Err(error @ EditError::NothingToImport(_)) => {
            say!("{error}.");
            return ExitCode::SUCCESS;
        }
        Err(error) => return fail(format!("{}: {error}", into.display())),
    }
    match session.save() {
        Ok(()) => {
            say!("{what} into {}.", into.display());
            if !people.is_empty() {
                say!("New people: {}.", people.join("; "));
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(error.to_string()),
    }
}

/// The line saying which column is read as what, and any read from what it holds.
fn say_mapping(sheet: &ImportSession) {
    let columns: Vec<String> = sheet
        .mapping
        .headers
        .iter()
        .zip(&sheet.mapping.fields)
        .enumerate()
        .filter(|(_, (_, field))| **field != import::Field::Ignore)
        .map(|(i, (header, field))| {
            format!("{} \"{header}\" → {}", import::column_letter(i), field.label().to_lowercase())
        })
        .collect();
    say!(
        "{}, sheet \"{}\": headers on row {}: {}",
        sheet.source(),
        sheet.sheet().name,
        sheet.mapping.header_row + 1,
        columns.join(", ")
    );
    for judged in &sheet.mapping.judged {
        say!("  column {judged}");
    }
}

/// The scale, what in-step changes, each failed row and each row left out.
fn say_reading(reading: &Reading, read_as: &import::Choices) {
    let month_end = read_as.month_end;
    if let Some(scale) = &reading.scale {
        let change = if scale.origin == import::ScaleOrigin::Chosen { "" } else { ": change it with --scale" };
        say!("Ratings read through the scale {scale} ({}{change}).", scale.origin_words());
        say!("  As --scale: \"{}\"", scale.as_option());
    }
    let months: Vec<(usize, &String)> = reading
        .actions
        .iter()
        .flat_map(|a| a.remarks.iter().filter(|r| r.ends_with("the month's end")).map(move |r| (a.row, r)))
        .collect();
    if month_end && !months.is_empty() {
        say!("{} named a month alone, read as the month's last day (--month-end):", plural(months.len(), "due date"));
        for (row, said) in months {
            say!("  row {row}: {said}");
        }
    }
    for changed in reading.changing() {
        say!("  row {}: action {}:", changed.row, changed.change.id);
        for line in &changed.said {
            say!("    {line}");
        }
    }
    let unchanged = reading.unchanged_rows();
    if unchanged > 0 {
        say!("  {} as the board has them already.", plural(unchanged, "row"));
    }
    for read in reading.actions.iter().filter(|_| read_as.in_step) {
        say!("  row {}: new action {}: {}", read.row, read.action.id, read.action.title);
    }
    if !reading.not_in_sheet.is_empty() {
        say!("  In the board but not in the sheet, kept as they are: {}.", reading.not_in_sheet.join(", "));
    }
    let failures = reading.failures();
    if !failures.is_empty() {
        say!(
            "Could not read {} of {} rows:",
            failures.len(),
            reading.actions.len() + reading.changes.len() + reading.unreadable.len()
        );
        for failure in &failures {
            say!("  {failure}");
        }
        if !month_end && failures.iter().any(|f| f.contains("gives a month but not a day")) {
            say!("  (--month-end reads a month alone as its last day, for the whole sheet.)");
        }
    }
    for (row, text) in &reading.left_out {
        say!("  row {row}: left out, not an action: {text}");
    }
}
