//! The `improvement-board` program: a headless command, or the app.

use std::process::ExitCode;

use clap::Parser;
use improvement_board::cli;

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
        (None, file) => open_app(file),
    }
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>) -> ExitCode {
    improvement_board::app::run(file)
}

/// Built without the app (`--no-default-features`): only the commands are here.
#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "improvement-board: this build has no desktop app, only the commands.\n\nRun `improvement-board --help` for them."
    );
    ExitCode::from(2)
}
