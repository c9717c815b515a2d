//! The headless commands, over the same core as the app: everything the app can tell a
//! chair or clerk can be scripted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::board_file::{self, LoadError};
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
