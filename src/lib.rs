//! improvement-board: run a children's services improvement board — the statement of
//! action, the chair's RAG walk-through, the clerk's record, minutes and action log.
//!
//! The [`model`] is the centre and knows nothing of files or screens; [`board_file`]
//! reads and writes it; [`summary`] is the chair's plain-text briefing; [`cli`] and the
//! [`app`] sit on top of the same core.

pub mod app;
pub mod board_file;
pub mod cli;
pub mod documents;
pub mod edit;
pub mod fonts;
pub mod generate;
pub mod import;
pub mod model;
pub mod recovery;
pub mod sample;
pub mod seal;
pub mod summary;
