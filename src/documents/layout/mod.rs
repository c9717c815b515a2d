//! A small layout engine for council papers: measure, wrap, flow across A4 pages, tables
//! whose header repeats, running header and footer; then write the PDF.

pub mod chart;
pub mod compose;
mod content;
pub mod emit;
pub mod measure;
pub mod page;
mod pdf_file;
pub mod structure;
pub mod table;
mod tagging;

pub use compose::{Composer, Finished, RunningText, Style};
pub use measure::Typeface;
pub use page::{Colour, Page, PageSize};
pub use structure::{Kind, Structure};
pub use table::{Cell, Column, Table};
