//! The `improvement-board` program: a headless command, or the app.

use std::process::ExitCode;

use clap::Parser;
use improvement_board::{app, cli};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match (args.command, args.file) {
        (Some(command), _) => cli::run(command),
        // A mistyped command ("chekc") arrives as a file name: say so rather than open a
        // window on a file that is not there.
        (None, Some(file)) if !file.exists() => {
            eprintln!(
                "improvement-board: there is no file or command named `{}`\n\nRun `improvement-board --help` for the commands.",
                file.display()
            );
            ExitCode::from(2)
        }
        (None, file) => app::run(file),
    }
}
