//! Which document to make: the choice the File menu and the `export` command both offer,
//! with the file name each is given by default, defined once.

use std::path::Path;

/// One of the PDFs a board publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    /// The notice of meeting: always the public copy.
    Agenda {
        meeting: u32,
    },
    /// The agenda and every paper for a meeting, as one numbered PDF; or, as the
    /// supplement, the papers that came late.
    Pack {
        meeting: u32,
        public: bool,
        supplement: bool,
    },
    Minutes {
        meeting: u32,
        public: bool,
    },
    ActionLog {
        public: bool,
    },
    Progress {
        public: bool,
    },
    Statement {
        public: bool,
    },
    /// The performance figures: published as they are (no indicator is private).
    Scorecard,
}

impl Publication {
    /// What the file name says after the board's: "minutes-3-public", "progress".
    pub fn name_part(self) -> String {
        let public = |public: bool| if public { "-public" } else { "" };
        match self {
            Publication::Agenda { meeting } => format!("agenda-{meeting}"),
            Publication::Pack { meeting, public: p, supplement } => {
                format!("pack-{meeting}{}{}", if supplement { "-supplement" } else { "" }, public(p))
            }
            Publication::Minutes { meeting, public: p } => format!("minutes-{meeting}{}", public(p)),
            Publication::ActionLog { public: p } => format!("action-log{}", public(p)),
            Publication::Progress { public: p } => format!("progress{}", public(p)),
            Publication::Statement { public: p } => format!("statement{}", public(p)),
            Publication::Scorecard => "scorecard".into(),
        }
    }

    /// The name a document is given by default: "northmoor-minutes-3-public.pdf".
    pub fn file_name(self, board_file: Option<&Path>) -> String {
        file_name(board_file, &self.name_part(), "pdf")
    }

    /// Whether it is also made as a Word document: the minutes and the action log, which
    /// clerks finish in Word before legal review.
    pub fn has_word(self) -> bool {
        matches!(self, Publication::Minutes { .. } | Publication::ActionLog { .. })
    }

    /// The name its Word copy is given by default: "northmoor-minutes-3-public.docx".
    pub fn word_file_name(self, board_file: Option<&Path>) -> String {
        file_name(board_file, &self.name_part(), "docx")
    }
}

/// The statement of action as a spreadsheet: "northmoor-statement.xlsx", or
/// "northmoor-statement-public.xlsx" for the copy to publish.
pub fn spreadsheet_file_name(board_file: Option<&Path>, public: bool) -> String {
    file_name(board_file, if public { "statement-public" } else { "statement" }, "xlsx")
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
        assert_eq!(spreadsheet_file_name(board, false), "northmoor-statement.xlsx");
        assert_eq!(spreadsheet_file_name(board, true), "northmoor-statement-public.xlsx");
        assert_eq!(Publication::Progress { public: false }.file_name(None), "northmoor-progress.pdf");
        assert_eq!(Publication::Statement { public: true }.file_name(board), "northmoor-statement-public.pdf");
    }
}
