//! improvement-board: run a children's services improvement board — the statement of
//! action, the chair's RAG walk-through, the clerk's record, minutes and action log.
//!
//! The [`model`] is the centre and knows nothing of files or screens; [`board_file`]
//! reads and writes it (format 2, and format 1 converted); [`edit`] is every change a
//! person can make; [`session`] is an open board (lock, history, autosave, recovery,
//! imports); [`documents`] makes the papers; [`seal`] keeps approved minutes honest.
//! The command line ([`cli`]) and the desktop app (`app`, the `gui` feature) are siblings
//! over that core: neither imports the other.

#[cfg(feature = "gui")]
pub mod app;
pub mod board_file;
pub mod cli;
pub mod documents;
pub mod edit;
pub mod fonts;
pub mod generate;
pub mod import;
pub mod model;
pub mod sample;
pub mod seal;
pub mod session;
pub mod summary;
