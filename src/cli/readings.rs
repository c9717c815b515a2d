//! `import-readings`: the performance team's monthly return into a board, from a script.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{editor_name, open_for_writing};
use crate::edit::{Edit, EditError, ScorecardEdit};
use crate::import::{self, Return};
use crate::model::{YearMonth, plural};

/// What the person chose on the command line.
pub struct Choices<'a> {
    pub sheet_name: Option<&'a str>,
    pub matches: &'a [(usize, Option<String>)],
    pub keep_going: bool,
}

/// `7=rereferrals`, or `7=-` to leave row 7's measure out.
pub fn parse_match(text: &str) -> Result<(usize, Option<String>), String> {
    let (row, indicator) =
        text.split_once('=').ok_or_else(|| format!("`{text}`: expected ROW=INDICATOR, e.g. 7=rereferrals"))?;
    let row: usize = row
        .trim()
        .parse()
        .ok()
        .filter(|r| *r > 0)
        .ok_or_else(|| format!("`{text}`: the row is the number the spreadsheet shows (1 is the first row)"))?;
    let indicator = indicator.trim();
    Ok((row, (indicator != "-" && !indicator.is_empty()).then(|| indicator.to_string())))
}

pub fn import_readings(sheet_path: &Path, into: &Path, choices: Choices<'_>, entered: NaiveDate) -> ExitCode {
    let fail = |message: String| {
        eprintln!("{message}");
        ExitCode::from(1)
    };
    // Locked for the whole read, import and save, as `import` is.
    let mut session = match open_for_writing(into) {
        Ok(session) => session,
        Err(code) => return code,
    };
    let sheet = match import::read_sheets(sheet_path)
        .and_then(|sheets| import::pick_sheet(sheet_path, sheets, choices.sheet_name))
    {
        Ok(sheet) => sheet,
        Err(error) => return fail(error.to_string()),
    };
    let source =
        sheet_path.file_name().map_or_else(|| sheet_path.display().to_string(), |n| n.to_string_lossy().into());
    let mut read = match Return::read(&sheet, &session.board.indicators, &source) {
        Ok(read) => read,
        Err(error) => return fail(format!("{}: {error}", sheet_path.display())),
    };
    for (row, indicator) in choices.matches {
        if let Some(id) = indicator.as_ref().filter(|id| !session.board.indicators.iter().any(|i| &i.id == *id)) {
            return fail(format!("--match {row}={id}: the board has no indicator {id}"));
        }
        if let Err(error) = read.choose(*row, indicator.clone()) {
            return fail(format!("--match {row}: {error}"));
        }
    }
    say!("{source}, sheet \"{}\": {}", read.sheet, read.layout_words());
    let board = &session.board;
    for measure in &read.measures {
        let months = describe_months(measure.figures.iter().map(|(m, _)| *m));
        let indicator = measure.indicator.as_ref().and_then(|id| board.indicators.iter().find(|i| &i.id == id));
        match indicator {
            Some(indicator) => {
                let how = if measure.chosen { "chosen" } else { "matched" };
                let (figures, fractions) = Return::figures_for(measure, indicator);
                let scaled = match (fractions, measure.figures.first(), figures.first()) {
                    (true, Some((_, given)), Some((_, read))) => {
                        format!(", fractions read as percentages: {given} is {}", indicator.unit.format(*read))
                    }
                    _ => String::new(),
                };
                say!("  row {}: \"{}\" → {} ({how}; {months}{scaled})", measure.row, measure.name, indicator.id);
            }
            None if measure.chosen => say!("  row {}: \"{}\": left out, as asked", measure.row, measure.name),
            None => say!(
                "  row {}: \"{}\": not on the board ({months}); say which indicator it is with --match {}=ID",
                measure.row,
                measure.name,
                measure.row
            ),
        }
    }
    for problem in &read.problems {
        say!("  {problem}");
    }
    let unmatched = read.unmatched().count();
    if (unmatched > 0 || !read.problems.is_empty()) && !choices.keep_going {
        return fail(format!(
            "Nothing was imported into {}: {} not matched and {} not read. Match them with --match ROW=ID, or use --keep-going to bring in the rest.",
            into.display(),
            plural(unmatched, "measure"),
            plural(read.problems.len(), "cell")
        ));
    }
    let compared = read.compare(board);
    for (name, month, was, now) in &compared.revisions {
        say!("  revision: {name}, {}: {was} → {now}", month.long());
    }
    let summary = format!(
        "{}, {} and {} already held",
        plural(compared.new, "new figure"),
        plural(compared.revisions.len(), "revision"),
        compared.unchanged
    );
    let batch = read.batch(board, entered);
    match session.apply(Edit::Scorecard(ScorecardEdit::ImportFigures(Box::new(batch))), &editor_name("")) {
        Ok(_) => {}
        // Every figure is held already: the board is not rewritten, its backup not replaced.
        Err(EditError::NoNewFigures(_)) => {
            say!("{source}: {summary}: nothing new, the board is unchanged.");
            return ExitCode::SUCCESS;
        }
        Err(error) => return fail(format!("{}: {error}", into.display())),
    }
    match session.save() {
        Ok(()) => {
            say!("Imported {summary} into {}.", into.display());
            ExitCode::SUCCESS
        }
        Err(error) => fail(error.to_string()),
    }
}

/// "Jun 2026 to Nov 2026", or the one month.
fn describe_months(months: impl Iterator<Item = YearMonth>) -> String {
    let months: Vec<YearMonth> = months.collect();
    let (Some(first), Some(last)) = (months.iter().min(), months.iter().max()) else {
        return "no figures".into();
    };
    let count = plural(months.len(), "figure");
    if first == last {
        format!("{count}, {}", first.short())
    } else {
        format!("{count}, {} to {}", first.short(), last.short())
    }
}
