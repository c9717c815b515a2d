//! The headless commands, over the same core as the app: everything the app can tell a
//! chair or clerk can be scripted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::board_file::{self, LoadError};
use crate::documents::{self, action_log::ActionLogOptions, minutes::MinutesOptions};
use crate::model::{Board, dates};

/// Run a children's services improvement board: the statement of action, the chair's
/// RAG walk-through, minutes and the action log.
///
/// With no command, opens the app on FILE (or on the embedded sample board).
#[derive(Debug, Parser)]
#[command(name = "improvement-board", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A board file (.ron) to open in the app.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a board file: "ok" with its size, or every problem as FILE:LINE:COL: message.
    Check {
        /// The board file to check.
        file: PathBuf,
    },
    /// A plain-text briefing for the chair: RAG counts, overdue and drifting actions,
    /// open meeting actions, the next meeting.
    Summary {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Write a realistic generated board (for trying the app at scale, and benchmarks).
    Generate {
        /// How many statement-of-action actions.
        #[arg(long)]
        actions: usize,
        /// How many meetings.
        #[arg(long)]
        meetings: usize,
        /// The same seed always gives the same board.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the board file.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Bring in a statement of action from a spreadsheet (.xlsx, .xls, .ods or .csv).
    ///
    /// Headers such as "No.", "What?", "Who?", "Timescale", "Success measures" and "RAG"
    /// are recognised. Prints what it imported and every row it could not read. If any
    /// row fails, nothing is written and the exit code is 1, unless --keep-going: then
    /// those rows come in too, with stand-ins flagged in their latest note.
    Import {
        /// The spreadsheet.
        sheet: PathBuf,
        /// The board file to import into (saved in place, with FILE.bak kept).
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
        /// Which sheet of the workbook (default: the first with anything in it).
        #[arg(long = "sheet", value_name = "NAME")]
        sheet_name: Option<String>,
        /// The row the headers are on, when it is not the one found (1 is the first row).
        #[arg(long, value_name = "ROW")]
        header_row: Option<usize>,
        /// Read a column as a field, where its header is not recognised or is read
        /// wrongly: `--column C=lead`. Repeat for more columns. Fields: priority-number,
        /// priority, recommendation-number, recommendation, action-number, action, lead,
        /// due, measure, evidence, rag, note, ignore.
        #[arg(long = "column", value_name = "COLUMN=FIELD", value_parser = crate::import::parse_column_choice)]
        columns: Vec<(usize, crate::import::Field)>,
        /// Import the rows with problems too, flagged, and exit 0.
        #[arg(long)]
        keep_going: bool,
        /// The date imported ratings are given (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Print a document to PDF (minutes, the action log, the progress report, the
    /// statement of action) or the statement of action as a spreadsheet.
    Export {
        #[command(subcommand)]
        document: Export,
    },
}

#[derive(Debug, Subcommand)]
pub enum Export {
    /// Minutes of one meeting; DRAFT on every page until they are approved.
    Minutes {
        /// The board file.
        file: PathBuf,
        /// The meeting's number.
        #[arg(long)]
        meeting: u32,
        /// The public copy: items taken in private are left out.
        #[arg(long)]
        public: bool,
        /// Where to write the PDF (default: BOARD-minutes-N[-public].pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// Every meeting action, open first, with days overdue.
    ActionLog {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// The public copy: actions raised under items taken in private are left out.
        #[arg(long)]
        public: bool,
        /// Where to write the PDF (default: BOARD-action-log[-public].pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// The statement of action as sent to Ofsted: per recommendation, the inspection's
    /// words, then each action with lead, timescale, measure of success and evidence.
    Statement {
        /// The board file.
        file: PathBuf,
        /// The date it is prepared (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Where to write the PDF (default: BOARD-statement.pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// The statement of action as a spreadsheet, with current RAG, trend and latest note,
    /// and the action log on a second sheet.
    Xlsx {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Where to write the workbook (default: BOARD-statement.xlsx here).
        #[arg(short, long, value_name = "OUT.xlsx")]
        output: Option<PathBuf>,
    },
    /// The statement of action as at a date: summary, every action, indicators.
    Progress {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Where to write the PDF (default: BOARD-progress.pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    dates::parse_date(text)
}

/// Today's date on this computer: the default "as at" for reports.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs a headless command, printing to stdout and stderr; the exit code is 0 for
/// success, 1 when the board has problems.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Summary { file, today } => summary(&file, today.unwrap_or_else(local_today)),
        Command::Export { document } => export(document),
        Command::Import { sheet, into, sheet_name, header_row, columns, keep_going, today } => import(
            &sheet,
            &into,
            ImportChoices { sheet_name: sheet_name.as_deref(), header_row, columns: &columns, keep_going },
            today.unwrap_or_else(local_today),
        ),
        Command::Generate { actions, meetings, seed, output } => {
            let board = crate::generate::generate(actions, meetings, seed);
            match board_file::save(&board, &output) {
                Ok(()) => {
                    println!("{}: {actions} actions, {meetings} meetings (seed {seed})", output.display());
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("{error}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// The name a document gets beside the current folder: "northmoor-minutes-3-public.pdf".
pub fn default_pdf_name(board_file: &Path, what: &str) -> PathBuf {
    default_name(board_file, what, "pdf")
}

/// "northmoor-statement.xlsx" and the like, in the current folder.
pub fn default_name(board_file: &Path, what: &str, extension: &str) -> PathBuf {
    let stem = board_file.file_stem().map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned());
    PathBuf::from(format!("{stem}-{what}.{extension}"))
}

fn export(document: Export) -> ExitCode {
    let (file, what, output) = match &document {
        Export::Minutes { file, meeting, public, output } => {
            (file, format!("minutes-{meeting}{}", if *public { "-public" } else { "" }), output)
        }
        Export::ActionLog { file, public, output, .. } => {
            (file, format!("action-log{}", if *public { "-public" } else { "" }), output)
        }
        Export::Progress { file, output, .. } => (file, "progress".to_string(), output),
        Export::Statement { file, output, .. } => (file, "statement".to_string(), output),
        Export::Xlsx { file, today, output } => {
            return export_xlsx(file, today.unwrap_or_else(local_today), output.as_deref());
        }
    };
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let rendered = match &document {
        Export::Minutes { meeting, public, .. } => {
            match documents::minutes::minutes_pdf(&board, *meeting, MinutesOptions { public: *public }) {
                Ok(rendered) => rendered,
                Err(error) => {
                    eprintln!("{}: {error}", file.display());
                    return ExitCode::from(1);
                }
            }
        }
        Export::ActionLog { today, public, .. } => documents::action_log::action_log_pdf(
            &board,
            today.unwrap_or_else(local_today),
            ActionLogOptions { public: *public },
        ),
        // The long documents are laid out, then the board is let go before the PDF is
        // written: a 5,000-action report needs a fifth less memory that way.
        Export::Progress { today, .. } => {
            let laid_out = documents::progress::progress_layout(&board, today.unwrap_or_else(local_today));
            drop(board);
            laid_out.render()
        }
        Export::Statement { today, .. } => {
            let laid_out = documents::statement::statement_layout(&board, today.unwrap_or_else(local_today));
            drop(board);
            laid_out.render()
        }
        Export::Xlsx { .. } => unreachable!("written above"),
    };
    let out = output.clone().unwrap_or_else(|| default_pdf_name(file, &what));
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    match board_file::write_file(&out, &rendered.bytes) {
        Ok(()) => {
            println!("{}: {} pages, {} KB", out.display(), rendered.pages, rendered.bytes.len().div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

fn export_xlsx(file: &Path, today: NaiveDate, output: Option<&Path>) -> ExitCode {
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let out = output.map_or_else(|| default_name(file, "statement", "xlsx"), Path::to_path_buf);
    let written = documents::spreadsheet::statement_xlsx(&board, today)
        .map_err(|e| e.to_string())
        .and_then(|bytes| board_file::write_file(&out, &bytes).map(|()| bytes.len()).map_err(|e| e.to_string()));
    match written {
        Ok(size) => {
            println!("{}: {} actions, {} KB", out.display(), board.actions.len(), size.div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: {error}", out.display());
            ExitCode::from(1)
        }
    }
}

/// What the person said on the command line about how to read the sheet.
struct ImportChoices<'a> {
    sheet_name: Option<&'a str>,
    /// Counted from 1, as the spreadsheet shows rows.
    header_row: Option<usize>,
    columns: &'a [(usize, crate::import::Field)],
    keep_going: bool,
}

fn import(sheet_path: &Path, into: &Path, choices: ImportChoices<'_>, today: NaiveDate) -> ExitCode {
    let ImportChoices { sheet_name, header_row, columns: chosen, keep_going } = choices;
    use crate::import;
    let fail = |message: String| {
        eprintln!("{message}");
        ExitCode::from(1)
    };
    if let Some(holder) = board_file::lock::BoardLock::holder(into)
        && !holder.is_stale(crate::app::now().0)
    {
        return fail(format!(
            "{} is open for editing by {}: import from the app there, or close it first.",
            into.display(),
            holder.describe()
        ));
    }
    let mut board = match load_or_report(into) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let sheet =
        match import::read_sheets(sheet_path).and_then(|sheets| import::pick_sheet(sheet_path, sheets, sheet_name)) {
            Ok(sheet) => sheet,
            Err(error) => return fail(error.to_string()),
        };
    let found = match header_row {
        Some(0) => return fail("--header-row counts from 1, as the spreadsheet shows its rows".into()),
        Some(row) => Some(import::mapping_at(&sheet, row - 1)),
        None => import::find_mapping(&sheet),
    };
    let mut mapping = match found {
        Some(mapping) => mapping,
        // The person says which columns are which: the headers are on the first row.
        None if !chosen.is_empty() => import::mapping_at(&sheet, 0),
        None => {
            return fail(format!(
                "{}: sheet \"{}\": no header row with an action column was found in its first rows (headers such as \"Action\" or \"What?\"); say which column holds the actions with --column LETTER=action",
                sheet_path.display(),
                sheet.name
            ));
        }
    };
    for &(column, field) in chosen {
        mapping.choose(column, field);
    }
    if mapping.column(import::Field::Action).is_none() {
        return fail(format!(
            "{}: sheet \"{}\": no column is read as the action: say which with --column LETTER=action",
            sheet_path.display(),
            sheet.name
        ));
    }
    let source =
        sheet_path.file_name().map_or_else(|| sheet_path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let reading = import::read(&board, &sheet, &mapping, &source, today);
    let columns: Vec<String> = mapping
        .headers
        .iter()
        .zip(&mapping.fields)
        .enumerate()
        .filter(|(_, (_, field))| **field != import::Field::Ignore)
        .map(|(i, (header, field))| {
            format!("{} \"{header}\" → {}", import::column_letter(i), field.label().to_lowercase())
        })
        .collect();
    println!("{}, sheet \"{}\": headers on row {}: {}", source, sheet.name, mapping.header_row + 1, columns.join(", "));
    let failures = reading.failures();
    if !failures.is_empty() {
        println!("Could not read {} of {} rows:", failures.len(), reading.actions.len() + reading.unreadable.len());
        for failure in &failures {
            println!("  {failure}");
        }
    }
    for (row, text) in &reading.left_out {
        println!("  row {row}: left out, not an action: {text}");
    }
    if !failures.is_empty() && !keep_going {
        return fail(format!(
            "Nothing was imported into {}: fix the rows above, or use --keep-going to bring them in flagged.",
            into.display()
        ));
    }
    let batch = reading.batch(keep_going);
    let names: Vec<String> = batch.people.iter().map(|p| p.name.clone()).collect();
    let what = format!(
        "Imported {}, {} and {}",
        crate::model::plural(batch.actions.len(), "action"),
        crate::model::plural(batch.recommendations.len(), "new recommendation"),
        crate::model::plural(batch.priorities.len(), "new priority"),
    );
    let mut history = crate::edit::History::new();
    let by = crate::app::editor_name("");
    let edit = crate::edit::Edit::Plan(crate::edit::PlanEdit::Import(Box::new(batch)));
    if let Err(error) = history.apply(&mut board, edit, &by, crate::app::now()) {
        return fail(format!("{}: {error}", into.display()));
    }
    match board_file::save(&history.board_to_save(&board), into) {
        Ok(()) => {
            println!("{what} into {}.", into.display());
            if !names.is_empty() {
                println!("New people: {}.", names.join(", "));
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(error.to_string()),
    }
}

fn check(file: &Path) -> ExitCode {
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let meetings = board.meetings.len();
    println!(
        "{}: ok — {} priorities, {} actions, {} meeting{}",
        file.display(),
        board.priorities.len(),
        board.actions.len(),
        meetings,
        if meetings == 1 { "" } else { "s" }
    );
    ExitCode::SUCCESS
}

fn summary(file: &Path, today: NaiveDate) -> ExitCode {
    match load_or_report(file) {
        Ok(board) => {
            print!("{}", crate::summary::summary_text(&board, today));
            let _ = std::io::stdout().flush();
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// Loads a board, or prints every problem to stderr and gives exit code 1.
fn load_or_report(file: &Path) -> Result<Board, ExitCode> {
    board_file::load(file).map_err(|error: LoadError| {
        let stderr = std::io::stderr();
        let mut out = stderr.lock();
        for line in error.lines() {
            let _ = writeln!(out, "{line}");
        }
        ExitCode::from(1)
    })
}
