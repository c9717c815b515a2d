//! Finding the line and column of a thing the validator complains about.
//!
//! serde hands the validator plain structs with no positions, so the validator describes
//! *where* as a path of steps ("the top-level `actions`, then `id: "2.3"`, then
//! `lead: "ad-qa"`"), and this module walks a light token index of the source text to
//! find it. It is deliberately forgiving: when a step cannot be found, the place of the
//! last step found is given, which still points the clerk at the right entry.

/// One step of a path through the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A field of the board itself (`actions:` at the top level).
    Section(&'static str),
    /// The next entry of a top-level list whose own field `name` has this value: the
    /// action with `id: "2.3"`, the meeting with `number: 3` (not an agenda item's).
    Entry(&'static str, String),
    /// The next field named `name` whose value is `value` (a string's contents or a bare
    /// number), e.g. `lead: "ad-qa"` or `item: 4`.
    Field(&'static str, String),
    /// The next field named `name`, whatever its value.
    Key(&'static str),
    /// The next string literal with these contents (an id inside a list).
    Str(String),
}

#[derive(Debug)]
enum Token {
    Key { name: String, depth: usize },
    Str { contents: String, end: usize },
    Bare(String),
}

/// Depth of the fields of an entry in a top-level list: `Board(` 1, `[` 2, `Entry(` 3.
const ENTRY_DEPTH: usize = 3;

/// A token index of a board file's text, built once per validation.
pub struct Locator<'a> {
    text: &'a str,
    tokens: Vec<(usize, Token)>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator { text, tokens: tokenize(text) }
    }

    /// The 1-based line and column the path leads to; `(0, 0)` if even its first step is
    /// not found.
    pub fn find(&self, path: &[Step]) -> (usize, usize) {
        let mut next = 0;
        let mut found = None;
        for step in path {
            match self.find_step(step, next) {
                Some(index) => {
                    found = Some(self.tokens[index].0);
                    next = index + 1;
                }
                None => break,
            }
        }
        found.map_or((0, 0), |offset| line_col(self.text, offset))
    }

    fn find_step(&self, step: &Step, from: usize) -> Option<usize> {
        (from..self.tokens.len()).find(|&i| match (&self.tokens[i].1, step) {
            (Token::Key { name, depth }, Step::Section(field)) => *depth == 1 && name == field,
            (Token::Key { name, .. }, Step::Key(field)) => name == field,
            (Token::Key { name, depth }, Step::Entry(field, value)) => {
                *depth == ENTRY_DEPTH && name == field && self.value_after(i).is_some_and(|v| v == value)
            }
            (Token::Key { name, .. }, Step::Field(field, value)) => {
                name == field && self.value_after(i).is_some_and(|v| v == value)
            }
            (Token::Str { contents, .. }, Step::Str(value)) => contents == value,
            _ => false,
        })
    }

    /// The value of the top-level field `name` and where it is, if the text has one.
    pub fn section_value(&self, name: &'static str) -> Option<(&str, (usize, usize))> {
        let index = self.find_step(&Step::Section(name), 0)?;
        Some((self.value_after(index)?, line_col(self.text, self.tokens[index].0)))
    }

    /// The scalar value following the key at `index`, looking through `Some(...)`.
    fn value_after(&self, index: usize) -> Option<&str> {
        let mut i = index + 1;
        if let Some((_, Token::Bare(word))) = self.tokens.get(i)
            && word == "Some"
        {
            i += 1;
        }
        match &self.tokens.get(i)?.1 {
            Token::Str { contents: s, .. } | Token::Bare(s) => Some(s),
            Token::Key { .. } => None,
        }
    }

    /// The string literal that ends closest before `offset`, if it ran over a line end:
    /// the usual sign of a closing quote left out. Returns where it starts.
    pub fn runaway_string_before(&self, offset: usize) -> Option<(usize, usize)> {
        self.tokens
            .iter()
            .filter_map(|(start, token)| match token {
                Token::Str { contents, end } if *end <= offset => Some((*start, contents, *end)),
                _ => None,
            })
            .next_back()
            .filter(|(_, contents, _)| contents.contains('\n'))
            .map(|(start, _, _)| line_col(self.text, start))
    }

    /// The byte offset of a 1-based line and column.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let line_start: usize = self.text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
        let rest = &self.text[line_start.min(self.text.len())..];
        line_start + rest.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum::<usize>()
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Whether the text has a `//` or `/* */` comment outside its strings.
pub fn has_comments(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (true, b'\\') => i += 1,
            (_, b'"') => in_string = !in_string,
            (false, b'/') if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Splits RON text into keys (with their nesting depth), strings and bare words, skipping
/// comments and punctuation. Malformed text never fails: it just yields fewer tokens.
fn tokenize(text: &str) -> Vec<(usize, Token)> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            b'"' => {
                let (contents, end) = read_string(text, i + 1);
                tokens.push((i, Token::Str { contents, end }));
                i = end;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"_-.+".contains(&bytes[i])) {
                    i += 1;
                }
                let word = &text[start..i];
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    tokens.push((start, Token::Key { name: word.to_string(), depth }));
                    i = j + 1;
                } else {
                    tokens.push((start, Token::Bare(word.to_string())));
                }
            }
            _ => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    tokens
}

/// Reads a string literal's contents from just after its opening quote; returns them and
/// the offset after the closing quote.
fn read_string(text: &str, start: usize) -> (String, usize) {
    let mut contents = String::new();
    let mut chars = text[start..].char_indices();
    while let Some((n, c)) = chars.next() {
        match c {
            '"' => return (contents, start + n + 1),
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    contents.push(match escaped {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                }
            }
            c => contents.push(c),
        }
    }
    (contents, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Board(
    format: 1,
    // a comment naming lead: "nobody"
    actions: [
        PlanAction(id: "1.1", lead: "dcs"),
        PlanAction(
            id: "2.3",
            lead: "ad-qa",
        ),
    ],
    meetings: [ Meeting(number: 3, present: ["chair", "ghost"], actions: []) ],
)"#;

    #[test]
    fn a_path_leads_to_the_field_inside_the_right_entry() {
        let locator = Locator::new(TEXT);
        let path = [Step::Section("actions"), Step::Field("id", "2.3".into()), Step::Field("lead", "ad-qa".into())];
        assert_eq!(locator.find(&path), (8, 13));
    }

    #[test]
    fn sections_are_found_only_at_the_top_level() {
        let locator = Locator::new(TEXT);
        // The meeting's own `actions:` is at depth 3 and must not be taken for the section.
        assert_eq!(locator.find(&[Step::Section("actions")]), (4, 5));
    }

    #[test]
    fn strings_inside_lists_and_bare_numbers_are_found() {
        let locator = Locator::new(TEXT);
        let path = [Step::Section("meetings"), Step::Field("number", "3".into()), Step::Str("ghost".into())];
        assert_eq!(locator.find(&path), (11, 55));
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments(TEXT));
        assert!(has_comments("Board(/* old */ format: 2)"));
        assert!(!has_comments(r#"Board(format: 2, title: "Papers // and notes", purpose: "a \" /* b")"#));
    }

    #[test]
    fn a_missing_step_falls_back_to_the_last_found() {
        let locator = Locator::new(TEXT);
        let path = [Step::Section("actions"), Step::Field("id", "9.9".into())];
        assert_eq!(locator.find(&path), (4, 5));
        assert_eq!(Locator::new("").find(&path), (0, 0));
    }
}
