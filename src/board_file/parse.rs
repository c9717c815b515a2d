//! RON text to a [`Board`] and back, with the parser's complaints put in plain words.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use std::path::Path;

use super::format1::{self, Conversion};
use super::locate::{Locator, has_comments};
use super::{Problem, validate};
use crate::model::{Board, CURRENT_FORMAT, dates::Moment};

/// The most problems reported for one file; past that a clerk needs to fix the first ones.
const MOST_PROBLEMS: usize = 200;

fn options() -> ron::Options {
    // A person may write `end: "2026-01-23"` for `end: Some("2026-01-23")`: accept both.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// A board as read from its file, with what reading it had to do.
#[derive(Debug)]
pub struct Loaded {
    pub board: Board,
    /// The format the file was written in: older than [`CURRENT_FORMAT`] means the board
    /// was converted, and is written in the current format on its next save.
    pub from_format: u32,
    /// What converting it did (empty when it was already current).
    pub conversion: Conversion,
    /// The file has `//` or `/* */` comments, which the next save cannot keep.
    pub has_comments: bool,
}

impl Loaded {
    pub fn was_converted(&self) -> bool {
        self.from_format < CURRENT_FORMAT
    }
}

/// Parses and validates board file text. `folder` is where the board lives, so that its
/// papers can be checked; `now` stamps what converting an older format adds to the
/// audit trail. Every problem found is returned, not only the first: parse problems stop
/// at the first (RON cannot go on), validation finds them all.
pub fn read_board(text: &str, folder: Option<&Path>, now: Moment) -> Result<Loaded, Vec<Problem>> {
    // Windows Notepad starts UTF-8 files with a byte-order mark: it is not part of the
    // board, and the app never writes one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let from_format = check_format_version(text)?;
    let (board, conversion) = if from_format == 1 {
        let old: format1::Board = options().from_str(text).map_err(|e| vec![describe(&e, text)])?;
        old.upgrade(now)
    } else {
        let board: Board = options().from_str(text).map_err(|e| vec![describe(&e, text)])?;
        (board, Conversion::default())
    };
    let mut problems = validate(&board, text, folder);
    if problems.is_empty() {
        return Ok(Loaded { board, from_format, conversion, has_comments: has_comments(text) });
    }
    if problems.len() > MOST_PROBLEMS {
        let more = problems.len() - MOST_PROBLEMS;
        problems.truncate(MOST_PROBLEMS);
        problems.push(Problem::nowhere(format!("… and {more} more problems")));
    }
    Err(problems)
}

/// Parses and validates board file text, converting an older format, with no folder to
/// check papers in: for text that is not a board file on disk (the embedded sample, a
/// recovery file, tests).
pub fn parse_board(text: &str) -> Result<Board, Vec<Problem>> {
    read_board(text, None, Moment::now()).map(|loaded| loaded.board)
}

/// How much of the file's head is read for its `format`: the field comes first, so a
/// board of any size is checked without reading it twice.
const HEAD_BYTES: usize = 4096;

/// The file's format, read from its head; refuses a file written by a newer app before
/// its new fields are read as typos. A head with no readable `format` is taken as the
/// current format, and the full parse says what is wrong.
fn check_format_version(text: &str) -> Result<u32, Vec<Problem>> {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // A file whose head has no readable `format` is reported by the full parse instead.
    let locator = Locator::new(&text[..end]);
    let Some((value, (line, col))) = locator.section_value("format") else { return Ok(CURRENT_FORMAT) };
    let Ok(format) = value.parse::<u64>() else { return Ok(CURRENT_FORMAT) };
    let problem = |message: String| Err(vec![Problem::at(line, col, message)]);
    if format > u64::from(CURRENT_FORMAT) {
        return problem(format!(
            "this board file is format {format}, written by a newer version of the app; this app reads format {CURRENT_FORMAT} and older — update the app to open it"
        ));
    }
    if format == 0 {
        return problem(format!("format 0 is not a board file format; this app reads format {CURRENT_FORMAT}"));
    }
    Ok(format as u32)
}

/// Writes a board as pretty, stable RON: the same board always gives the same bytes.
pub fn to_ron(board: &Board) -> String {
    let pretty = ron::ser::PrettyConfig::new().struct_names(true).indentor("    ").new_line("\n").escape_strings(false);
    // Serialising plain data into a String cannot fail: no maps with non-string keys,
    // no I/O.
    let mut text = ron::ser::to_string_pretty(board, pretty).expect("a board always serialises to RON");
    text.push('\n');
    text
}

/// The parser's error as a located problem in words a clerk understands.
fn describe(error: &SpannedError, text: &str) -> Problem {
    let start = error.span.start;
    let (line, col) = (start.line, start.col);
    let mut problem = Problem::at(line, col, plain_words(&error.code));
    if is_syntax(&error.code) {
        let locator = Locator::new(text);
        if let Some((from_line, from_col)) = locator.runaway_string_before(locator.offset_of(line, col)) {
            problem.message.push_str(&format!(
                " (if a closing `\"` is missing, the text that starts at line {from_line}, column {from_col} runs on to here)"
            ));
        }
    }
    problem
}

/// Errors of punctuation, where an unclosed quote earlier is the usual cause.
fn is_syntax(code: &RonError) -> bool {
    matches!(
        code,
        RonError::ExpectedComma
            | RonError::ExpectedStructLikeEnd
            | RonError::ExpectedArrayEnd
            | RonError::ExpectedIdentifier
            | RonError::ExpectedMapColon
            | RonError::UnexpectedChar(_)
            | RonError::TrailingCharacters
            | RonError::Eof
    )
}

fn plain_words(code: &RonError) -> String {
    match code {
        RonError::NoSuchStructField { expected, found, outer } => format!(
            "unknown field `{found}`{}: expected {}",
            outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default(),
            one_of(expected)
        ),
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            format!("`{found}` is not {}: expected {}", enum_noun(outer.as_deref()), either_or(expected))
        }
        RonError::MissingStructField { field, outer } => format!(
            "missing required field `{field}`{}",
            outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default()
        ),
        RonError::DuplicateStructField { field, outer } => format!(
            "field `{field}` is given twice{}",
            outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default()
        ),
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(` here but found `{found}(`")
        }
        RonError::Eof => "the file ends too early: a bracket, parenthesis or quote is not closed".into(),
        RonError::ExpectedComma => "expected a comma before the next field or entry".into(),
        RonError::ExpectedString => "expected text in double quotes".into(),
        RonError::ExpectedStringEnd => "this text is not closed: a `\"` is missing".into(),
        RonError::ExpectedInteger => "expected a whole number".into(),
        RonError::ExpectedFloat => "expected a number".into(),
        RonError::ExpectedBoolean => "expected true or false".into(),
        RonError::ExpectedOption => "expected Some(…) or None".into(),
        RonError::ExpectedArray => "expected a list starting with `[`".into(),
        RonError::ExpectedArrayEnd => "expected `]` to close the list (or a comma before the next entry)".into(),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "expected an entry in parentheses, like `Person(…)`".into()
        }
        RonError::ExpectedStructLikeEnd => "expected `)` to close the entry (or a comma before the next field)".into(),
        RonError::ExpectedMapColon => "expected `:` after the field name".into(),
        RonError::ExpectedIdentifier => "expected a field name".into(),
        RonError::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        RonError::TrailingCharacters => "unexpected text after the end of the board".into(),
        RonError::IntegerOutOfBounds => "this number is too large".into(),
        RonError::ExceededRecursionLimit => "the file is nested too deeply to be a board file".into(),
        RonError::UnclosedBlockComment => "a `/*` comment is not closed with `*/`".into(),
        RonError::InvalidValueForType { expected, found } => format!("expected {expected} but found {found}"),
        RonError::Message(message) => plain_serde_message(message),
        other => other.to_string(),
    }
}

/// serde's own messages ("invalid type: integer `3`, expected a string") made gentler.
fn plain_serde_message(message: &str) -> String {
    message
        .strip_prefix("invalid type: ")
        .map_or_else(|| message.to_string(), |rest| format!("wrong kind of value: {rest}"))
}

/// The noun for an enum in "`Purple` is not a RAG rating".
fn enum_noun(name: Option<&str>) -> &'static str {
    match name {
        Some("Rag") => "a RAG rating",
        Some("Grade") => "an Ofsted grade",
        Some("InspectionKind") => "a kind of inspection",
        Some("MeetingStatus") => "a meeting status",
        Some("ActionStatus") => "an action status",
        Some("ItemKind") => "a kind of agenda item",
        Some("Unit") => "an indicator unit",
        Some("Better") => "a direction (which way is better)",
        Some("InterventionKind") => "a kind of intervention",
        Some("Purpose") => "an item's purpose",
        Some("Subject") => "a thing a change can be about",
        _ => "an allowed value",
    }
}

/// "Blue, Green, Amber, Red or NotRated".
fn either_or(values: &[&str]) -> String {
    match values {
        [] => "nothing".into(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// "one of id, name, role, organisation, board_member".
fn one_of(fields: &[&str]) -> String {
    match fields {
        [] => "no fields here".into(),
        [one] => format!("`{one}`"),
        _ => format!("one of {}", fields.join(", ")),
    }
}
