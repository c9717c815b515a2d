//! The sample board for the fictional Northmoor Borough Council, embedded in the binary:
//! what the app opens when given no file.

use crate::board_file;
use crate::model::Board;

/// The sample board file's text, as shipped in `sample_data/northmoor.ron`.
pub const SAMPLE_RON: &str = include_str!("../sample_data/northmoor.ron");

/// The name the sample is known by in messages and the window title.
pub const SAMPLE_NAME: &str = "northmoor.ron (sample)";

/// The stem documents made from the sample (or a board not yet saved) are named by.
pub const SAMPLE_STEM: &str = "northmoor";

/// The sample board, parsed. The sample is checked by the test suite, so failing to parse
/// it is a build defect, not a user error.
pub fn sample_board() -> Board {
    board_file::parse_board(SAMPLE_RON).expect("the embedded sample board is valid")
}
