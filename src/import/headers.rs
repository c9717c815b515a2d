//! Which column holds what: recognising the headers councils use ("No.", "What?", "Who?",
//! "Timescale", "Success measures", "RAG"…) and finding the header row under titles and
//! merged banners.

use super::sheet::Sheet;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    PriorityId,
    Priority,
    RecommendationId,
    Recommendation,
    ActionId,
    Action,
    Lead,
    Due,
    Measure,
    Evidence,
    Rag,
    Note,
    /// Read by nobody: the column is left out.
    Ignore,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::PriorityId,
        Field::Priority,
        Field::RecommendationId,
        Field::Recommendation,
        Field::ActionId,
        Field::Action,
        Field::Lead,
        Field::Due,
        Field::Measure,
        Field::Evidence,
        Field::Rag,
        Field::Note,
        Field::Ignore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::PriorityId => "Priority number",
            Field::Priority => "Priority",
            Field::RecommendationId => "Recommendation number",
            Field::Recommendation => "Recommendation",
            Field::ActionId => "Action number",
            Field::Action => "Action",
            Field::Lead => "Lead officer",
            Field::Due => "Due date",
            Field::Measure => "Measure of success",
            Field::Evidence => "Evidence",
            Field::Rag => "RAG",
            Field::Note => "Latest note",
            Field::Ignore => "(leave out)",
        }
    }

    /// The field's name on the command line: `--column C=lead`.
    pub fn key(self) -> &'static str {
        match self {
            Field::PriorityId => "priority-number",
            Field::Priority => "priority",
            Field::RecommendationId => "recommendation-number",
            Field::Recommendation => "recommendation",
            Field::ActionId => "action-number",
            Field::Action => "action",
            Field::Lead => "lead",
            Field::Due => "due",
            Field::Measure => "measure",
            Field::Evidence => "evidence",
            Field::Rag => "rag",
            Field::Note => "note",
            Field::Ignore => "ignore",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// A column mapped by hand: "C=lead" is column C read as the lead officer.
pub fn parse_column_choice(text: &str) -> Result<(usize, Field), String> {
    let keys = || Field::ALL.map(Field::key).join(", ");
    let Some((letters, key)) = text.split_once('=') else {
        return Err(format!("expected COLUMN=FIELD, as in C=lead (fields: {})", keys()));
    };
    let column = column_index(letters.trim())
        .ok_or_else(|| format!("\"{letters}\" is not a column letter (A, B, … Z, AA …)"))?;
    let field = Field::from_key(key).ok_or_else(|| format!("\"{key}\" is not a field: expected one of {}", keys()))?;
    Ok((column, field))
}

/// "A" → 0, "Z" → 25, "AA" → 26: the inverse of [`column_letter`].
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let number = letters.to_ascii_uppercase().bytes().fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    Some(number - 1)
}

/// Headers as councils write them, lower case with punctuation dropped.
const KNOWN: &[(&str, Field)] = &[
    ("priority no", Field::PriorityId),
    ("priority number", Field::PriorityId),
    ("priority id", Field::PriorityId),
    ("priority ref", Field::PriorityId),
    ("theme no", Field::PriorityId),
    ("priority", Field::Priority),
    ("priorities", Field::Priority),
    ("theme", Field::Priority),
    ("priority area", Field::Priority),
    ("improvement priority", Field::Priority),
    ("workstream", Field::Priority),
    ("rec no", Field::RecommendationId),
    ("rec", Field::RecommendationId),
    ("rec ref", Field::RecommendationId),
    ("recommendation no", Field::RecommendationId),
    ("recommendation number", Field::RecommendationId),
    ("recommendation id", Field::RecommendationId),
    ("recommendation ref", Field::RecommendationId),
    ("recommendation", Field::Recommendation),
    ("recommendations", Field::Recommendation),
    ("ofsted recommendation", Field::Recommendation),
    ("inspection recommendation", Field::Recommendation),
    ("area for improvement", Field::Recommendation),
    ("areas for improvement", Field::Recommendation),
    ("no", Field::ActionId),
    ("nos", Field::ActionId),
    ("number", Field::ActionId),
    ("ref", Field::ActionId),
    ("ref no", Field::ActionId),
    ("id", Field::ActionId),
    ("action no", Field::ActionId),
    ("action number", Field::ActionId),
    ("action id", Field::ActionId),
    ("action ref", Field::ActionId),
    ("action", Field::Action),
    ("actions", Field::Action),
    ("what", Field::Action),
    ("action required", Field::Action),
    ("actions required", Field::Action),
    ("what will we do", Field::Action),
    ("what we will do", Field::Action),
    ("task", Field::Action),
    ("activity", Field::Action),
    ("key actions", Field::Action),
    ("action title", Field::Action),
    ("who", Field::Lead),
    ("lead", Field::Lead),
    ("lead officer", Field::Lead),
    ("lead officers", Field::Lead),
    ("lead officer s", Field::Lead),
    ("responsible officer", Field::Lead),
    ("accountable officer", Field::Lead),
    ("owner", Field::Lead),
    ("responsible", Field::Lead),
    ("responsibility", Field::Lead),
    ("responsibilities", Field::Lead),
    ("accountable", Field::Lead),
    ("accountable lead", Field::Lead),
    ("action owner", Field::Lead),
    ("lead person", Field::Lead),
    ("lead responsibility", Field::Lead),
    ("named lead", Field::Lead),
    ("when", Field::Due),
    ("by when", Field::Due),
    ("timescale", Field::Due),
    ("timescales", Field::Due),
    ("due", Field::Due),
    ("due date", Field::Due),
    ("deadline", Field::Due),
    ("target date", Field::Due),
    ("completion date", Field::Due),
    ("date", Field::Due),
    ("date due", Field::Due),
    ("target completion date", Field::Due),
    ("end date", Field::Due),
    ("deadline date", Field::Due),
    ("by", Field::Due),
    ("success measures", Field::Measure),
    ("success measure", Field::Measure),
    ("measure of success", Field::Measure),
    ("measures of success", Field::Measure),
    ("success criteria", Field::Measure),
    ("how will we know", Field::Measure),
    ("what will success look like", Field::Measure),
    ("outcome", Field::Measure),
    ("outcomes", Field::Measure),
    ("impact measure", Field::Measure),
    ("evidence", Field::Evidence),
    ("evidence of impact", Field::Evidence),
    ("evidence source", Field::Evidence),
    ("where evidenced", Field::Evidence),
    ("rag", Field::Rag),
    ("rag rating", Field::Rag),
    ("rag status", Field::Rag),
    ("rating", Field::Rag),
    ("current rag", Field::Rag),
    ("brag", Field::Rag),
    ("brag rating", Field::Rag),
    ("brag status", Field::Rag),
    ("rag brag", Field::Rag),
    ("assessment of progress", Field::Rag),
    ("progress rating", Field::Rag),
    ("progress assessment", Field::Rag),
    ("current status", Field::Note),
    ("status", Field::Note),
    ("progress", Field::Note),
    ("progress update", Field::Note),
    ("update", Field::Note),
    ("latest update", Field::Note),
    ("latest note", Field::Note),
    ("commentary", Field::Note),
    ("comments", Field::Note),
];

/// "A", "B", … "Z", "AA": a column as Excel names it, from its index (0 is A).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push((b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Lower case, punctuation to spaces, spaces collapsed: "Lead Officer(s)" → "lead officer s".
fn normalise(header: &str) -> String {
    let spaced: String =
        header.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header names, if it is one the app knows. Exact forms first; then a word
/// that gives it away ("Timescale for completion", "RAG (Nov)").
pub fn recognise(header: &str) -> Option<Field> {
    let header = normalise(header);
    if header.is_empty() {
        return None;
    }
    if let Some((_, field)) = KNOWN.iter().find(|(known, _)| *known == header) {
        return Some(*field);
    }
    let words: Vec<&str> = header.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    // "Date raised", "Date of last update": a date, but not the one the action is due by.
    let dated_otherwise =
        ["raised", "added", "opened", "created", "agreed", "started", "start", "last", "updated", "update", "closed"]
            .iter()
            .any(|w| has(w));
    let clues = [
        (has("rag") || has("brag") || has("assessment"), Field::Rag),
        (has("success") || has("measure") || has("measures"), Field::Measure),
        (has("timescale") || has("timescales") || has("deadline") || (has("date") && !dated_otherwise), Field::Due),
        (
            has("lead")
                || has("responsible")
                || has("responsibility")
                || has("accountable")
                || has("owner")
                || has("who"),
            Field::Lead,
        ),
        (has("evidence"), Field::Evidence),
        (has("recommendation") && (has("no") || has("ref")), Field::RecommendationId),
        (has("recommendation") || has("recommendations"), Field::Recommendation),
        (has("priority") && (has("no") || has("ref")), Field::PriorityId),
        (has("priority") || has("theme"), Field::Priority),
        (has("progress") || has("update") || has("commentary") || has("status"), Field::Note),
        ((has("action") || has("actions")) && (has("no") || has("ref") || has("number")), Field::ActionId),
        (has("action") || has("actions"), Field::Action),
    ];
    clues.into_iter().find(|(hit, _)| *hit).map(|(_, field)| field)
}

/// Which row holds the headers, and what each column holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// Row index (0 is the sheet's row 1).
    pub header_row: usize,
    /// The header as written, per column.
    pub headers: Vec<String>,
    pub fields: Vec<Field>,
    /// No column is headed as the action, so the recommendation column is read as it:
    /// each row is its own recommendation, answered by one action in the same words.
    pub each_row_a_recommendation: bool,
    /// Columns read from what they hold rather than their header, in words for the
    /// mapping line ("F \"Status\" read as the rating: its cells are ratings, not notes").
    pub judged: Vec<String>,
}

impl Mapping {
    /// Reads `column` as `field`, as the person chose; the field leaves any column it was
    /// read from before, since each is read from one column.
    pub fn choose(&mut self, column: usize, field: Field) {
        if matches!(field, Field::Action | Field::Recommendation) || self.fields.get(column) == Some(&Field::Action) {
            self.each_row_a_recommendation = false;
        }
        if self.fields.len() <= column {
            self.fields.resize(column + 1, Field::Ignore);
            self.headers.resize(column + 1, String::new());
        }
        if field != Field::Ignore {
            for other in &mut self.fields {
                if *other == field {
                    *other = Field::Ignore;
                }
            }
        }
        self.fields[column] = field;
    }

    /// The first column holding `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == field)
    }

    /// Every column holding `field` (two "Evidence" columns both count).
    pub fn columns(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.fields.iter().enumerate().filter(move |(_, f)| **f == field).map(|(i, _)| i)
    }

    /// A known header is matched to one column only: a header known word for word
    /// ("Target date") before one known by a clue ("Date for completion"), else the first.
    fn first_of_each(mut self) -> Mapping {
        let exact: Vec<bool> =
            self.headers.iter().map(|h| KNOWN.iter().any(|(known, _)| *known == normalise(h))).collect();
        let mut kept: std::collections::HashMap<Field, usize> = std::collections::HashMap::new();
        for (column, field) in self.fields.iter().enumerate() {
            if *field == Field::Ignore || *field == Field::Evidence {
                continue;
            }
            let better = |held: usize| exact[column] && !exact[held];
            match kept.get(field) {
                Some(&held) if !better(held) => {}
                _ => {
                    kept.insert(*field, column);
                }
            }
        }
        for (column, field) in self.fields.iter_mut().enumerate() {
            if *field != Field::Ignore && *field != Field::Evidence && kept.get(field) != Some(&column) {
                *field = Field::Ignore;
            }
        }
        self
    }
}

/// How far down a sheet headers are looked for, under titles and banners.
const HEADER_SEARCH_ROWS: usize = 25;

/// Finds the header row — the one among the first rows naming the most different fields,
/// an action column among them — and reads each column's field from it. A column blank
/// in the header row takes its header from the row above (a two-row merged header).
pub fn find_mapping(sheet: &Sheet) -> Option<Mapping> {
    let width = sheet.width();
    let score = |row: usize| {
        let fields: std::collections::HashSet<Field> =
            (0..width).filter_map(|c| recognise(&sheet.cell(row, c).text())).collect();
        (fields.contains(&Field::Action), fields)
    };
    // A row naming an action column is the header row; failing that, one naming a
    // recommendation column, which is then read as the action.
    let header_row = (0..sheet.rows.len().min(HEADER_SEARCH_ROWS))
        .map(|row| (score(row), row))
        .filter(|((has_action, fields), _)| {
            (*has_action || fields.contains(&Field::Recommendation)) && fields.len() >= 2
        })
        .max_by_key(|((has_action, fields), row)| (*has_action, fields.len(), std::cmp::Reverse(*row)))
        .map(|(_, row)| row)?;
    Some(mapping_at(sheet, header_row))
}

/// The mapping read from a given header row (the person may choose another).
pub fn mapping_at(sheet: &Sheet, header_row: usize) -> Mapping {
    let mut headers = Vec::new();
    let mut fields = Vec::new();
    for column in 0..sheet.width() {
        let own = sheet.cell(header_row, column).text();
        let above = header_row.checked_sub(1).map(|r| sheet.cell(r, column).text()).unwrap_or_default();
        let (header, field) = match recognise(&own) {
            Some(field) => (own, field),
            None if own.is_empty() => match recognise(&above) {
                Some(field) => (above, field),
                None => (own, Field::Ignore),
            },
            None => (own, Field::Ignore),
        };
        headers.push(header);
        fields.push(field);
    }
    Mapping { header_row, headers, fields, each_row_a_recommendation: false, judged: vec![] }
        .first_of_each()
        .judged_by_content(sheet)
}

/// Headers that may head a rating or a commentary: which one is told by the cells.
const RATING_OR_NOTE: &[&str] = &["status", "progress", "current status", "overall status", "progress status"];

impl Mapping {
    /// Reads columns whose header leaves it open by what they hold: a "Status" column of
    /// short values is the rating; a "Recommendation" column with a sentence of its own on
    /// every row, where no column is headed as the action, is the action.
    fn judged_by_content(mut self, sheet: &Sheet) -> Mapping {
        let values = |column: usize| -> Vec<String> {
            (self.header_row + 1..sheet.rows.len())
                .map(|row| sheet.cell(row, column).text())
                .filter(|text| !text.is_empty())
                .collect()
        };
        if self.column(Field::Rag).is_none()
            && let Some(column) =
                self.column(Field::Note).filter(|&c| RATING_OR_NOTE.contains(&normalise(&self.headers[c]).as_str()))
        {
            let cells = values(column);
            let short = |text: &String| text.split_whitespace().count() <= 3 && text.chars().count() <= 24;
            if !cells.is_empty() && cells.iter().all(short) {
                self.fields[column] = Field::Rag;
                // A commentary column left out for coming second ("Progress update") is
                // now the one note column.
                if let Some(note) = (0..self.fields.len())
                    .find(|&c| self.fields[c] == Field::Ignore && recognise(&self.headers[c]) == Some(Field::Note))
                {
                    self.fields[note] = Field::Note;
                }
                self.judged.push(format!(
                    "{} \"{}\" read as the rating: its cells are ratings, not notes",
                    column_letter(column),
                    self.headers[column]
                ));
            }
        }
        if self.column(Field::Action).is_none()
            && let Some(column) = self.column(Field::Recommendation)
        {
            let cells = values(column);
            let distinct: std::collections::HashSet<&String> = cells.iter().collect();
            if cells.len() >= 2 && distinct.len() == cells.len() {
                self.fields[column] = Field::Action;
                self.each_row_a_recommendation = true;
                self.judged.push(format!(
                    "{} \"{}\" read as the action, as no column is headed as one: each row is its own recommendation",
                    column_letter(column),
                    self.headers[column]
                ));
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_known_word_for_word_wins_over_one_known_by_a_clue() {
        let sheet =
            super::super::read_csv("plan", "Action,Date for completion,Target date\nAudit,,31/03/2027\n".as_bytes())
                .unwrap();
        let mapping = find_mapping(&sheet).unwrap();
        assert_eq!(mapping.fields, [Field::Action, Field::Ignore, Field::Due]);
    }

    #[test]
    fn council_headers_are_recognised() {
        for (header, field) in [
            ("No.", Field::ActionId),
            ("NOS", Field::ActionId),
            ("Recommendation", Field::Recommendation),
            ("What?", Field::Action),
            ("Who?", Field::Lead),
            ("Lead officer", Field::Lead),
            ("Lead Officer(s)", Field::Lead),
            ("When?", Field::Due),
            ("Timescale", Field::Due),
            ("Timescale for completion", Field::Due),
            ("Success measures", Field::Measure),
            ("Current status", Field::Note),
            ("RAG", Field::Rag),
            ("RAG (Nov 2026)", Field::Rag),
            ("Rec. no.", Field::RecommendationId),
        ] {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
        assert_eq!(recognise("Budget"), None);
        assert_eq!(recognise("Date raised"), None, "a date, but not when it is due");
        assert_eq!(recognise("Date for completion"), Some(Field::Due));
        for (header, field) in [
            ("Responsibility", Field::Lead),
            ("Accountable", Field::Lead),
            ("Owner", Field::Lead),
            ("Date", Field::Due),
            ("Target date", Field::Due),
            ("By when", Field::Due),
            ("Deadline", Field::Due),
            ("Completion date", Field::Due),
            ("BRAG", Field::Rag),
            ("RAG rating", Field::Rag),
            ("Assessment of progress (1-4)", Field::Rag),
            ("Status", Field::Note),
        ] {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
    }
}
