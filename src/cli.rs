//! The headless commands, over the same core as the app: everything the app can tell a
//! chair or clerk can be scripted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::board_file::{self, LoadError};
use crate::documents::{self, minutes::MinutesOptions};
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
    /// Print a document to PDF: minutes, the action log, or the progress report.
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
        /// Where to write the PDF (default: BOARD-action-log.pdf here).
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
    let stem = board_file.file_stem().map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned());
    PathBuf::from(format!("{stem}-{what}.pdf"))
}

fn export(document: Export) -> ExitCode {
    let (file, what, output) = match &document {
        Export::Minutes { file, meeting, public, output } => {
            (file, format!("minutes-{meeting}{}", if *public { "-public" } else { "" }), output)
        }
        Export::ActionLog { file, output, .. } => (file, "action-log".to_string(), output),
        Export::Progress { file, output, .. } => (file, "progress".to_string(), output),
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
        Export::ActionLog { today, .. } => {
            documents::action_log::action_log_pdf(&board, today.unwrap_or_else(local_today))
        }
        Export::Progress { today, .. } => documents::progress::progress_pdf(&board, today.unwrap_or_else(local_today)),
    };
    let out = output.clone().unwrap_or_else(|| default_pdf_name(file, &what));
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    match board_file::write_file(&out, &rendered.bytes) {
        Ok(()) => {
            println!("{}: {} pages, {} KB", out.display(), rendered.pages.len(), rendered.bytes.len().div_ceil(1024));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
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
