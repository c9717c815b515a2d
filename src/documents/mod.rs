//! The documents a board publishes — minutes, the action log, the progress report — as
//! PDF bytes. Built as pages (the [`layout`] engine) from the model; no egui, no files.

pub mod action_log;
pub mod agenda;
mod docx;
pub mod layout;
pub mod minutes;
pub mod pack;
pub mod papers;
pub mod progress;
pub mod publication;
pub mod read_back;
pub mod scorecard;
pub mod spreadsheet;
pub mod statement;
pub mod writer;

#[cfg(test)]
mod overprint;

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::model::{Board, Withheld, dates::uk_long};
use layout::emit::{Metadata, write_pdf};
use layout::{Composer, PageSize, RunningText, Typeface};

/// A finished document.
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// How many pages it has. (The laid-out pages themselves are let go as they are
    /// written, so a 500-page report is not held twice.)
    pub pages: usize,
    /// Characters replaced because the font lacks them, and the like.
    pub warnings: Vec<String>,
}

pub use publication::Publication;

impl Publication {
    /// Makes the document from the board as at `today`; `folder` is the board's, where a
    /// pack finds the papers attached.
    pub fn make(self, board: &Board, today: NaiveDate, folder: &std::path::Path) -> Result<Rendered, DocumentError> {
        Ok(match self {
            Publication::Pack { meeting, public, supplement } => {
                return pack::pack_pdf(board, folder, meeting, public, supplement).map_err(|e| match e {
                    pack::PackError::Document(e) => e,
                    other => DocumentError::Pack(other.to_string()),
                });
            }
            Publication::Minutes { meeting, public } => {
                minutes::minutes_pdf(board, meeting, minutes::MinutesOptions { public })?
            }
            Publication::ActionLog { public } => {
                action_log::action_log_pdf(board, today, action_log::ActionLogOptions { public })
            }
            Publication::Agenda { meeting } => agenda::agenda_pdf(board, meeting, None)?,
            Publication::Progress { public } => progress::progress_pdf(board, today, public),
            Publication::Scorecard => scorecard::scorecard_pdf(board, today),
            Publication::Statement { public } => statement::statement_pdf(board, today, public),
        })
    }
}

impl Publication {
    /// The document as a Word file (`.docx`), where it has one ([`Publication::has_word`]).
    pub fn make_word(self, board: &Board, today: NaiveDate) -> Result<Vec<u8>, DocumentError> {
        match self {
            Publication::Minutes { meeting, public } => {
                minutes::minutes_docx(board, meeting, minutes::MinutesOptions { public })
            }
            Publication::ActionLog { public } => {
                Ok(action_log::action_log_docx(board, today, action_log::ActionLogOptions { public }))
            }
            _ => Err(DocumentError::NoWordCopy),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocumentError {
    #[error("only the minutes and the action log are made as Word documents")]
    NoWordCopy,
    #[error("there is no meeting {0} in this board")]
    NoSuchMeeting(u32),
    /// A pack that could not be put together (a paper missing or broken), in words.
    #[error("{0}")]
    Pack(String),
}

/// The board a document is made from: as the board knew it on `today` and, for a copy to
/// publish, only what may be published (with a count of what was left out).
pub fn board_for(board: &Board, today: NaiveDate, public: bool) -> (Cow<'_, Board>, Withheld) {
    let known = board.as_at(today);
    if !public {
        return (known, Withheld::default());
    }
    let (copy, withheld) = known.public_copy();
    (Cow::Owned(copy), withheld)
}

/// The marking a document carries on every page when it is the copy to publish.
fn public_marking(public: bool) -> Option<String> {
    public.then(|| "PUBLIC".to_string())
}

/// The typeface, parsed once per process.
pub fn typeface() -> &'static Typeface {
    static TYPEFACE: OnceLock<Typeface> = OnceLock::new();
    TYPEFACE.get_or_init(Typeface::load)
}

/// "Northmoor Borough Council — Children's Services Improvement Board".
fn board_line(board: &Board) -> String {
    format!("{} — {}", board.authority, board.title)
}

/// A document laid out, not yet written: it no longer needs the board, so a caller
/// short of memory can let the board go before the PDF is made.
pub struct Composed {
    size: PageSize,
    pages: Vec<layout::Page>,
    bookmarks: Vec<(String, usize)>,
    warnings: Vec<String>,
    structure: layout::Structure,
    meta: Metadata,
}

impl Composed {
    /// Writes the PDF.
    pub fn render(self) -> Rendered {
        #[cfg(test)]
        overprint::LAID_OUT.with(|laid| laid.borrow_mut().push(self.pages.clone()));
        let count = self.pages.len();
        let bytes = write_pdf(typeface(), self.size, self.pages, &self.bookmarks, &self.structure, &self.meta);
        Rendered { bytes, pages: count, warnings: self.warnings }
    }
}

/// Finishes a composition: running header and footer on every page, metadata.
fn compose(composer: Composer<'_>, running: RunningText, title: String, subject: String, board: &Board) -> Composed {
    let size = composer.size;
    let layout::Finished { pages, bookmarks, warnings, structure } = composer.finish(&running);
    let meta =
        Metadata { title, author: board.authority.clone(), subject, created: chrono::Local::now().naive_local() };
    Composed { size, pages, bookmarks, warnings, structure, meta }
}

/// Finishes a composed document into PDF bytes.
fn finish(composer: Composer<'_>, running: RunningText, title: String, subject: String, board: &Board) -> Rendered {
    compose(composer, running, title, subject, board).render()
}

fn as_at(today: NaiveDate) -> String {
    format!("As at {}", uk_long(today))
}

fn composer(size: PageSize) -> Composer<'static> {
    Composer::new(typeface(), size)
}
