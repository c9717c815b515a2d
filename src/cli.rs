//! The headless commands, over the same core as the app: everything the app can tell a
//! chair or clerk can be scripted.

/// Prints a line for the person, and carries on when nobody is reading any more (the
/// output piped into `head`): the command still does what it was asked, and never
/// panics for a closed pipe.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// As [`say!`], without the line's end.
macro_rules! say_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

mod readings;
mod sheet_import;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::board_file::lock::LockError;
use crate::board_file::{self, LoadError};
use crate::documents::{self, Publication, publication::spreadsheet_file_name};
use crate::model::{Board, CURRENT_FORMAT, Moment, dates};
use crate::session::{BreakLockError, Clock, Session, editor_name};

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
        /// The copy to share outside the board: nothing said or raised at items taken in
        /// private.
        #[arg(long)]
        public: bool,
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
    /// Bring in a statement of action from a spreadsheet (.xlsx, .xlsm, .xlsb, .ods or .csv).
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
        /// What a rating column of numbers or the council's own words means as RAG, when
        /// the scale the import shows is wrong: `--scale "1=Blue,2=Green,3=Amber,4=Red"`
        /// (`none` for a value that means not yet rated).
        #[arg(long, value_parser = crate::import::Scale::parse, value_name = "VALUE=RATING,…")]
        scale: Option<crate::import::Scale>,
        /// Read a due date that names a month alone ("April 2027") as the month's last day.
        #[arg(long)]
        month_end: bool,
        /// Keep the board in step with the sheet: rows whose action id the board holds
        /// update that action (a changed due date is a re-dating, a changed rating an
        /// update); new ids are added; nothing is removed.
        #[arg(long)]
        update: bool,
        /// With --update: the meeting changed ratings are given at (else they are dated
        /// today). A meeting whose minutes are approved is refused.
        #[arg(long, value_name = "N", requires = "update")]
        meeting: Option<u32>,
    },
    /// Bring in the performance team's monthly return: measures down the side and months
    /// across, or one row per measure and month. Measures are matched to the board's
    /// indicators by name; a figure the board holds already is not added again, and a
    /// different one for a month it holds is added as a revision. If a measure is not
    /// matched or a cell cannot be read, nothing is written and the exit code is 1, unless
    /// --keep-going: then what was read comes in.
    ImportReadings {
        /// The return (.xlsx, .xlsb, .ods or .csv).
        sheet: PathBuf,
        /// The board file to import into (saved in place, with FILE.bak kept).
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
        /// Which sheet of the workbook (default: the first with anything in it).
        #[arg(long = "sheet", value_name = "NAME")]
        sheet_name: Option<String>,
        /// The day the figures are recorded as entered (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        entered: Option<NaiveDate>,
        /// Read the measure named on a sheet row as an indicator: `--match 7=rereferrals`,
        /// or `--match 7=-` to leave it out. Repeat for more rows.
        #[arg(long = "match", value_name = "ROW=INDICATOR", value_parser = readings::parse_match)]
        matches: Vec<(usize, Option<String>)>,
        /// Bring in what was read even if some measures or cells were not, and exit 0.
        #[arg(long)]
        keep_going: bool,
    },
    /// Rewrite a board file in the current format (atomically, keeping FILE.bak), saying
    /// what was converted. A file already in the current format is left as it is.
    Upgrade {
        /// The board file.
        file: PathBuf,
    },
    /// Check a published copy of a meeting's minutes against the board: whether the
    /// board's record of that meeting still matches the seal printed on them. Exit 0 when
    /// it does, 1 when it does not.
    Verify {
        /// The board file.
        file: PathBuf,
        /// The published minutes (a PDF made by this app).
        #[arg(long, value_name = "MINUTES.pdf")]
        minutes: PathBuf,
    },
    /// The papers for a meeting: when they must be published (the board's clear working
    /// days before it, weekends and bank holidays left out), and for each item the app's
    /// own document, its officer's paper on time or late, or what is still missing. Exit
    /// 1 when a paper is still missing after the publication date.
    Papers {
        /// The board file.
        file: PathBuf,
        /// The meeting's number.
        #[arg(long)]
        meeting: u32,
        /// The date to check as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Print a document to PDF (minutes, the action log, the progress report, the
    /// statement of action) or the statement of action as a spreadsheet.
    Export {
        #[command(subcommand)]
        document: Export,
        /// Replace a file at the output's name even when it is not of the kind written
        /// (the board itself and its backup, lock and recovery files are never replaced).
        #[arg(long, global = true)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum Export {
    /// The notice of meeting and agenda: when and where, the membership, each item with
    /// its purpose, presenter, time and papers, and the publication date. Published, so
    /// items taken in private show only their notice.
    Agenda {
        /// The board file.
        file: PathBuf,
        /// The meeting's number.
        #[arg(long)]
        meeting: u32,
        /// Where to write the PDF (default: BOARD-agenda-N.pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// The board pack: the agenda, then each item's papers (the app's own documents as at
    /// the meeting, the attached PDFs), as one PDF numbered through with a bookmark per
    /// item. `--public` leaves out the papers of items taken in private.
    Pack {
        /// The board file.
        file: PathBuf,
        /// The meeting's number.
        #[arg(long)]
        meeting: u32,
        /// The copy to publish.
        #[arg(long)]
        public: bool,
        /// Only the papers that came after the publication date, behind a front sheet.
        #[arg(long)]
        supplement: bool,
        /// Where to write the PDF (default: BOARD-pack-N[-supplement][-public].pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
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
        /// PDF to publish, or a Word document (docx) to finish in Word.
        #[arg(long, value_enum, default_value_t = Format::Pdf)]
        format: Format,
        /// Where to write it (default: BOARD-minutes-N[-public].pdf or .docx here).
        #[arg(short, long, value_name = "OUT")]
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
        /// PDF to publish, or a Word document (docx) to finish in Word.
        #[arg(long, value_enum, default_value_t = Format::Pdf)]
        format: Format,
        /// Where to write it (default: BOARD-action-log[-public].pdf or .docx here).
        #[arg(short, long, value_name = "OUT")]
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
        /// The copy to publish: nothing said or raised at items taken in private, and
        /// PUBLIC on every page.
        #[arg(long)]
        public: bool,
        /// Where to write the PDF (default: BOARD-statement[-public].pdf here).
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
        /// The copy to publish: nothing said or raised at items taken in private, and
        /// PUBLIC on every page.
        #[arg(long)]
        public: bool,
        /// Where to write the workbook (default: BOARD-statement[-public].xlsx here).
        #[arg(short, long, value_name = "OUT.xlsx")]
        output: Option<PathBuf>,
    },
    /// The performance scorecard as at a date: every indicator against target and
    /// comparators, then a chart of each.
    Scorecard {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Where to write the PDF (default: BOARD-scorecard.pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// The statement of action as at a date: summary, every action, indicators.
    Progress {
        /// The board file.
        file: PathBuf,
        /// The date to report as at (YYYY-MM-DD); defaults to today.
        #[arg(long, value_parser = parse_today, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// The copy to publish: nothing said or raised at items taken in private, and
        /// PUBLIC on every page.
        #[arg(long)]
        public: bool,
        /// Where to write the PDF (default: BOARD-progress[-public].pdf here).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    dates::parse_date(text)
}

/// Today's date on this computer: the default "as at" for reports.
fn local_today() -> NaiveDate {
    Clock::System.today()
}

/// Runs a headless command, printing to stdout and stderr; the exit code is 0 for
/// success, 1 when the board has problems.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check(&file),
        Command::Summary { file, today, public } => summary(&file, today.unwrap_or_else(local_today), public),
        Command::Export { document, force } => export(document, force),
        Command::Upgrade { file } => upgrade(&file),
        Command::Verify { file, minutes } => verify(&file, &minutes),
        Command::Papers { file, meeting, today } => papers(&file, meeting, today.unwrap_or_else(local_today)),
        Command::Import {
            sheet,
            into,
            sheet_name,
            header_row,
            columns,
            keep_going,
            today,
            scale,
            month_end,
            update,
            meeting,
        } => sheet_import::import(
            &sheet,
            &into,
            sheet_import::Choices {
                sheet_name: sheet_name.as_deref(),
                header_row,
                columns: &columns,
                keep_going,
                reading: crate::import::Choices { scale, month_end, in_step: update, meeting },
            },
            today.unwrap_or_else(local_today),
        ),
        Command::ImportReadings { sheet, into, sheet_name, entered, matches, keep_going } => readings::import_readings(
            &sheet,
            &into,
            readings::Choices { sheet_name: sheet_name.as_deref(), matches: &matches, keep_going },
            entered.unwrap_or_else(local_today),
        ),
        Command::Generate { actions, meetings, seed, output } => {
            let board = crate::generate::generate(actions, meetings, seed);
            match board_file::save(&board, &output) {
                Ok(()) => {
                    say!("{}: {actions} actions, {meetings} meetings (seed {seed})", output.display());
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

fn export(document: Export, force: bool) -> ExitCode {
    let (file, publication, today, output) = match &document {
        Export::Agenda { file, meeting, output } => (file, Publication::Agenda { meeting: *meeting }, None, output),
        Export::Pack { file, meeting, public, supplement, output } => {
            (file, Publication::Pack { meeting: *meeting, public: *public, supplement: *supplement }, None, output)
        }
        Export::Minutes { file, meeting, public, format: Format::Docx, output } => {
            let minutes = Publication::Minutes { meeting: *meeting, public: *public };
            return export_word(file, minutes, local_today(), output.as_deref(), force);
        }
        Export::ActionLog { file, public, today, format: Format::Docx, output } => {
            let log = Publication::ActionLog { public: *public };
            return export_word(file, log, today.unwrap_or_else(local_today), output.as_deref(), force);
        }
        Export::Minutes { file, meeting, public, format: Format::Pdf, output } => {
            (file, Publication::Minutes { meeting: *meeting, public: *public }, None, output)
        }
        Export::ActionLog { file, public, today, format: Format::Pdf, output } => {
            (file, Publication::ActionLog { public: *public }, *today, output)
        }
        Export::Progress { file, today, public, output } => {
            (file, Publication::Progress { public: *public }, *today, output)
        }
        Export::Statement { file, today, public, output } => {
            (file, Publication::Statement { public: *public }, *today, output)
        }
        Export::Scorecard { file, today, output } => (file, Publication::Scorecard, *today, output),
        Export::Xlsx { file, today, public, output } => {
            return export_xlsx(file, today.unwrap_or_else(local_today), *public, output.as_deref(), force);
        }
    };
    let today = today.unwrap_or_else(local_today);
    let out = output.clone().unwrap_or_else(|| PathBuf::from(publication.file_name(Some(file))));
    if let Err(refusal) = board_file::check_output(Some(file), &out, board_file::OutputKind::Pdf, force) {
        eprintln!("{refusal}");
        return ExitCode::from(1);
    }
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let rendered = match publication {
        // The long documents are laid out, then the board is let go before the PDF is
        // written: a 5,000-action report needs a fifth less memory that way.
        Publication::Progress { public } => {
            let laid_out = documents::progress::progress_layout(&board, today, public);
            drop(board);
            laid_out.render()
        }
        Publication::Statement { public } => {
            let laid_out = documents::statement::statement_layout(&board, today, public);
            drop(board);
            laid_out.render()
        }
        other => match other.make(
            &board,
            today,
            file.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new(".")),
        ) {
            Ok(rendered) => rendered,
            Err(error) => {
                eprintln!("{}: {error}", file.display());
                return ExitCode::from(1);
            }
        },
    };
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    match board_file::write_file(&out, &rendered.bytes) {
        Ok(()) => {
            say!("{}: {} pages, {} KB", out.display(), rendered.pages, rendered.bytes.len().div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

/// What an export is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Docx,
}

fn export_word(
    file: &Path,
    publication: Publication,
    today: NaiveDate,
    output: Option<&Path>,
    force: bool,
) -> ExitCode {
    let out = output.map_or_else(|| PathBuf::from(publication.word_file_name(Some(file))), Path::to_path_buf);
    if let Err(refusal) = board_file::check_output(Some(file), &out, board_file::OutputKind::Docx, force) {
        eprintln!("{refusal}");
        return ExitCode::from(1);
    }
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let bytes = match publication.make_word(&board, today) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", file.display());
            return ExitCode::from(1);
        }
    };
    match board_file::write_file(&out, &bytes) {
        Ok(()) => {
            say!("{}: Word document, {} KB", out.display(), bytes.len().div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

fn export_xlsx(file: &Path, today: NaiveDate, public: bool, output: Option<&Path>, force: bool) -> ExitCode {
    let out = output.map_or_else(|| PathBuf::from(spreadsheet_file_name(Some(file), public)), Path::to_path_buf);
    if let Err(refusal) = board_file::check_output(Some(file), &out, board_file::OutputKind::Xlsx, force) {
        eprintln!("{refusal}");
        return ExitCode::from(1);
    }
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let written = documents::spreadsheet::statement_xlsx(&board, today, public)
        .map_err(|e| e.to_string())
        .and_then(|bytes| board_file::write_file(&out, &bytes).map(|()| bytes.len()).map_err(|e| e.to_string()));
    match written {
        Ok(size) => {
            say!("{}: {} actions, {} KB", out.display(), board.actions.len(), size.div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}: {error}", out.display());
            ExitCode::from(1)
        }
    }
}

/// Opens a board to change it, holding its lock until the session ends; refuses while
/// another copy holds it.
fn open_for_writing(file: &Path) -> Result<Session, ExitCode> {
    let mut session = Session::open(file, Clock::System).map_err(report)?;
    // A lock left by a copy on this machine that is gone was taken over as it opened;
    // one a day old is broken here; both say so. One that names nobody is left for a
    // person to decide about.
    if let Some(holder) = &session.took_over_from {
        eprintln!(
            "warning: {} was locked by {}, which is no longer running; the lock is broken",
            file.display(),
            holder.describe()
        );
    }
    if let Some(holder) = session.read_only.clone().filter(|h| h.is_known() && h.is_stale(session.now().0)) {
        match session.break_lock() {
            Ok(()) => eprintln!(
                "warning: {} was locked by {}, which is no longer running; the lock is broken",
                file.display(),
                holder.describe()
            ),
            // Another copy took the board in the meantime: it holds it now.
            Err(BreakLockError::Lock(LockError::Held(now))) => session.read_only = Some(now),
            Err(error) => {
                eprintln!("{}: the lock could not be broken: {error}", file.display());
                return Err(ExitCode::from(1));
            }
        }
    }
    if let Some(holder) = &session.read_only {
        eprintln!(
            "{} is open for editing by {}: make the change there, or close it first.",
            file.display(),
            holder.describe()
        );
        return Err(ExitCode::from(1));
    }
    // Work a copy of the app left unsaved is never written over before a person has seen it.
    if let Some((_, info)) = session.pending_recovery() {
        eprintln!(
            "{} has {} unsaved changes left by a copy of the app that stopped (last written {}): open it in the app to restore or discard them first.",
            file.display(),
            info.changes,
            info.written
        );
        return Err(ExitCode::from(1));
    }
    Ok(session)
}

fn upgrade(file: &Path) -> ExitCode {
    let mut session = match open_for_writing(file) {
        Ok(session) => session,
        Err(code) => return code,
    };
    let notes = session.file_notes.clone();
    let Some(from) = notes.converted_from else {
        say!("{}: already format {CURRENT_FORMAT}; nothing to convert.", file.display());
        return ExitCode::SUCCESS;
    };
    if let Err(error) = session.save() {
        eprintln!("{error}");
        return ExitCode::from(1);
    }
    say!(
        "{}: converted from format {from} to format {CURRENT_FORMAT} (the format-{from} file is kept as {}):",
        file.display(),
        board_file::backup_path(file).display()
    );
    for note in &notes.conversion.notes {
        say!("  {note}");
    }
    if notes.has_comments {
        say!("  the file's comments are not kept in the rewritten file; they are still in the backup");
    }
    ExitCode::SUCCESS
}

fn verify(file: &Path, minutes: &Path) -> ExitCode {
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let fail = |message: String| {
        say!("{message}");
        ExitCode::from(1)
    };
    let published = match std::fs::read(minutes)
        .map_err(|e| e.to_string())
        .and_then(|bytes| documents::read_back::published_minutes(&bytes))
    {
        Ok(published) => published,
        Err(error) => return fail(format!("{}: {error}", minutes.display())),
    };
    let Some(number) = published.meeting else {
        return fail(format!(
            "{}: these are not minutes made by this app (no \"Minutes of meeting N\")",
            minutes.display()
        ));
    };
    let name = minutes.display();
    use crate::seal::Verdict;
    match crate::seal::verify_published(&board, number, published.seal.as_deref()) {
        Verdict::Matches { seal } => {
            say!("{name}: the minutes of meeting {number} match the board's record ({seal}).");
            ExitCode::SUCCESS
        }
        Verdict::RecordChanged { published, now } => fail(format!(
            "{name}: the board's record of meeting {number} was changed after these minutes were approved: they were sealed {published}, the record now gives {now}."
        )),
        Verdict::OtherSeal { published, board } => fail(format!(
            "{name}: these minutes of meeting {number} carry the seal {published}, but the board's approval of meeting {number} carries {board}: they are not the minutes it approved."
        )),
        Verdict::Unsealed => fail(format!(
            "{name}: these minutes of meeting {number} carry no seal: they were made before the minutes were approved (a draft)."
        )),
        Verdict::NotApproved => fail(format!(
            "{name}: meeting {number}'s minutes are not approved in {}: there is no approved record to match.",
            file.display()
        )),
        Verdict::NoSuchMeeting => fail(format!("{name}: {} has no meeting {number}.", file.display())),
    }
}

fn check(file: &Path) -> ExitCode {
    let loaded = match board_file::load_file(file, Moment::now()) {
        Ok(loaded) => loaded,
        Err(error) => return report(error),
    };
    let board = &loaded.board;
    let meetings = board.meetings.len();
    say!(
        "{}: ok — {} priorities, {} actions, {} meeting{}",
        file.display(),
        board.priorities.len(),
        board.actions.len(),
        meetings,
        if meetings == 1 { "" } else { "s" }
    );
    if loaded.was_converted() {
        say!(
            "{}: format {}: read as format {CURRENT_FORMAT}; `improvement-board upgrade {}` rewrites it",
            file.display(),
            loaded.from_format,
            file.display()
        );
    }
    ExitCode::SUCCESS
}

fn summary(file: &Path, today: NaiveDate, public: bool) -> ExitCode {
    match load_or_report(file) {
        Ok(board) => {
            say_part!("{}", crate::summary::summary_text(&board, today, public));
            let _ = std::io::stdout().flush();
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn papers(file: &Path, number: u32, today: NaiveDate) -> ExitCode {
    let board = match load_or_report(file) {
        Ok(board) => board,
        Err(code) => return code,
    };
    let Some(check) = board.papers_check(number) else {
        eprintln!("{}: there is no meeting {number} in this board", file.display());
        return ExitCode::from(1);
    };
    say_part!("{}", crate::documents::papers::papers_text(&board, &check, today));
    let overdue = today > check.publication && check.missing().next().is_some();
    if overdue { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Loads a board, or prints every problem to stderr and gives exit code 1.
fn load_or_report(file: &Path) -> Result<Board, ExitCode> {
    board_file::load_file(file, Moment::now()).map(|loaded| loaded.board).map_err(report)
}

/// Prints every problem of a board that would not load; exit code 1.
fn report(error: LoadError) -> ExitCode {
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for line in error.lines() {
        let _ = writeln!(out, "{line}");
    }
    ExitCode::from(1)
}
