//! Which document to make: the choice the File menu and the `export` command both offer,
//! with the file name each is given by default, defined once.

use std::path::Path;

/// One of the PDFs a board publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    Minutes { meeting: u32, public: bool },
    ActionLog { public: bool },
    Progress,
    Statement,
}

impl Publication {
    /// What the file name says after the board's: "minutes-3-public", "progress".
    pub fn name_part(self) -> String {
        let public = |public: bool| if public { "-public" } else { "" };
        match self {
            Publication::Minutes { meeting, public: p } => format!("minutes-{meeting}{}", public(p)),
            Publication::ActionLog { public: p } => format!("action-log{}", public(p)),
            Publication::Progress => "progress".into(),
            Publication::Statement => "statement".into(),
        }
    }

    /// The name a document is given by default: "northmoor-minutes-3-public.pdf".
    pub fn file_name(self, board_file: Option<&Path>) -> String {
        file_name(board_file, &self.name_part(), "pdf")
    }
}

/// "northmoor-statement.xlsx" and the like: the board file's name, what the document is,
/// and its extension. A board not yet saved is named as the sample is.
pub fn file_name(board_file: Option<&Path>, what: &str, extension: &str) -> String {
    let stem = board_file
        .and_then(Path::file_stem)
        .map_or_else(|| crate::sample::SAMPLE_STEM.into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}-{what}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_board_file() {
        let board = Some(Path::new("/boards/northmoor.ron"));
        assert_eq!(
            Publication::Minutes { meeting: 3, public: true }.file_name(board),
            "northmoor-minutes-3-public.pdf"
        );
        assert_eq!(Publication::ActionLog { public: false }.file_name(board), "northmoor-action-log.pdf");
        assert_eq!(file_name(board, "statement", "xlsx"), "northmoor-statement.xlsx");
        assert_eq!(Publication::Progress.file_name(None), "northmoor-progress.pdf");
    }
}
