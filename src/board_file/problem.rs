//! What is wrong with a board file, and where.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong with a board file, at a line and column (both from 1; 0 when the place
/// is not known).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Problem {
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Problem {
        Problem { line, col, message: message.into() }
    }

    pub fn nowhere(message: impl Into<String>) -> Problem {
        Problem::at(0, 0, message)
    }

    /// Invalid UTF-8 at `offset`: a file saved from Excel or Word in the wrong encoding.
    pub fn not_utf8(bytes: &[u8], offset: usize) -> Problem {
        // Everything before `offset` is valid UTF-8: that is what the offset means.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let (line, col) = super::locate::line_col(before, before.len());
        Problem::at(
            line,
            col,
            format!("the file is not valid UTF-8 at byte {offset} (0x{:02X}); save it as UTF-8 text", bytes[offset]),
        )
    }

    /// `FILE:LINE:COL: message`, or `FILE: message` when the place is not known.
    pub fn located(&self, file: &str) -> String {
        if self.line == 0 {
            format!("{file}: {}", self.message)
        } else {
            format!("{file}:{}:{}: {}", self.line, self.col, self.message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "{}:{}: {}", self.line, self.col, self.message)
        }
    }
}

/// Why a board could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot be read: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}", located_lines(path, problems).join("\n"))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
}

impl LoadError {
    /// One line per problem, each `FILE:LINE:COL: message`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Io { .. } => vec![self.to_string()],
            LoadError::Invalid { path, problems } => located_lines(path, problems),
        }
    }

    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Io { .. } => &[],
            LoadError::Invalid { problems, .. } => problems,
        }
    }
}

fn located_lines(path: &std::path::Path, problems: &[Problem]) -> Vec<String> {
    let file = path.display().to_string();
    problems.iter().map(|p| p.located(&file)).collect()
}
