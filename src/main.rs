//! The `improvement-board` program: a headless command, or the app.

use std::process::ExitCode;

use clap::Parser;
use improvement_board::{app, cli};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => app::run(args.file),
    }
}
