//! Rating columns that do not say Red, Amber, Green or Blue: a progress score ("1" to
//! "4") or words of the council's own ("Complete", "On track", "Slipping"). Each value is
//! read through a scale the import shows and the person can change: taken from a key on
//! the sheet when there is one ("Key: 1 = fully achieved …"), assumed otherwise, and
//! said to be assumed.

use std::fmt;

use super::headers::{Field, Mapping};
use super::sheet::Sheet;
use super::values;
use crate::model::Rag;

/// What a rating column's value means as RAG. `None` is "not rated" ("Not started").
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// Each value, lower case, and what it means.
    pub steps: Vec<(String, Option<Rag>)>,
    pub origin: ScaleOrigin,
}

/// Where a scale came from, so the import can say how far to trust it.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleOrigin {
    /// Read from a key on the sheet (its row, as the sheet numbers rows).
    Key { row: usize },
    /// No key on the sheet: the usual reading was assumed.
    Assumed,
    /// Given by the person (`--scale`, or chosen in the import window).
    Chosen,
}

impl Scale {
    /// "1=Blue,2=Green,3=Amber,4=Red" as typed after `--scale`; "Not started=none" for
    /// a value that means not yet rated.
    pub fn parse(text: &str) -> Result<Scale, String> {
        let mut steps = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((value, rating)) = part.split_once('=') else {
                return Err(format!("\"{part}\" is not VALUE=RATING, as in 1=Blue"));
            };
            let rating = match rating.trim().to_ascii_lowercase().as_str() {
                "none" | "not rated" | "unrated" => None,
                _ => match values::rag(rating) {
                    Ok(Some(rag)) => Some(rag),
                    _ => {
                        return Err(format!(
                            "\"{}\" is not a rating: expected Blue, Green, Amber, Red or none",
                            rating.trim()
                        ));
                    }
                },
            };
            steps.push((key(value), rating));
        }
        if steps.is_empty() {
            return Err("the scale is empty: write it as 1=Blue,2=Green,3=Amber,4=Red".into());
        }
        Ok(Scale { steps, origin: ScaleOrigin::Chosen })
    }

    /// The rating a cell gives: a RAG word or letter as ever, else the value on the scale.
    pub fn rating(&self, text: &str) -> Result<Option<Rag>, String> {
        if let Ok(rating) = values::rag(text) {
            return Ok(rating);
        }
        let wanted = key(text);
        match self.steps.iter().find(|(value, _)| *value == wanted) {
            Some((_, rating)) => Ok(*rating),
            None => Err(format!("\"{}\" is not on the scale ({self})", text.trim())),
        }
    }

    /// The scale with one value's meaning changed (or added).
    pub fn with(mut self, value: &str, rating: Option<Rag>) -> Scale {
        let value = key(value);
        match self.steps.iter_mut().find(|(v, _)| *v == value) {
            Some(step) => step.1 = rating,
            None => self.steps.push((value, rating)),
        }
        self.origin = ScaleOrigin::Chosen;
        self
    }

    /// How the import describes where the scale came from.
    pub fn origin_words(&self) -> String {
        match self.origin {
            ScaleOrigin::Key { row } => format!("from the key on row {row}"),
            ScaleOrigin::Assumed => "assumed, as the sheet has no key".into(),
            ScaleOrigin::Chosen => "as given".into(),
        }
    }

    /// The form `--scale` takes, so what is shown can be typed back changed.
    pub fn as_option(&self) -> String {
        let typed = |rating: Option<Rag>| rating.map_or("none", Rag::word);
        self.steps.iter().map(|(value, rating)| format!("{value}={}", typed(*rating))).collect::<Vec<_>>().join(",")
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<String> =
            self.steps.iter().map(|(value, rating)| format!("{value} = {}", word(*rating))).collect();
        f.write_str(&steps.join(", "))
    }
}

fn word(rating: Option<Rag>) -> &'static str {
    rating.map_or("not rated", Rag::word)
}

/// A value as the scale keeps it: lower case, on one line, "2.0" as "2".
fn key(value: &str) -> String {
    let value = values::one_line(value).to_lowercase();
    match value.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 => format!("{}", n as i64),
        _ => value,
    }
}

/// What a council's progress words mean as RAG: `Some(None)` for "not started", `None`
/// for words that say nothing of progress. Negatives are looked for first, so "not
/// achieved" is never read as "achieved".
pub fn meaning(phrase: &str) -> Option<Option<Rag>> {
    let phrase = values::one_line(phrase).to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| phrase.contains(w));
    if has(&["not started", "not yet started", "not due", "not yet due", "no update"]) {
        return Some(None);
    }
    // Two colours ("Amber/Green") are read as the more cautious, shown on the scale to change.
    if matches!(phrase.as_str(), "amber/green" | "green/amber" | "a/g" | "g/a" | "amber green" | "green amber") {
        return Some(Some(Rag::Amber));
    }
    if has(&[
        "not achieved",
        "not met",
        "no progress",
        "off track",
        "off-track",
        "little progress",
        "inadequate",
        "overdue",
        "behind",
        "no evidence",
        "not on track",
        "significant concern",
    ]) {
        return Some(Some(Rag::Red));
    }
    if has(&[
        "incomplete",
        "partial",
        "partly",
        "some progress",
        "slipping",
        "at risk",
        "delayed",
        "limited",
        "requires improvement",
    ]) {
        return Some(Some(Rag::Amber));
    }
    if has(&["on track", "on-track", "good progress", "in progress", "progressing", "substantially", "mostly"]) {
        return Some(Some(Rag::Green));
    }
    if has(&["complete", "achieved", "done", "closed", "delivered", "embedded", "met", "finished"]) {
        return Some(Some(Rag::Blue));
    }
    None
}

/// The scale a rating column needs, or `None` when it holds only RAG words, letters and
/// blanks (or there is no rating column). Numbers are read through a key on the sheet
/// when there is one, else 1 as Blue (done) down to the highest as Red; words through
/// [`meaning`]. A value neither can read is left off the scale, so its rows say so.
pub fn scale_for(sheet: &Sheet, mapping: &Mapping) -> Option<Scale> {
    let column = mapping.column(Field::Rag)?;
    // Distinct values in the order they come; a set keeps a column of 20,000 different
    // values from taking the square of it.
    let mut others: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in mapping.header_row + 1..sheet.rows.len() {
        let text = sheet.cell(row, column).text();
        if values::rag(&text).is_err() {
            let value = key(&text);
            if seen.insert(value.clone()) {
                others.push(value);
            }
        }
    }
    if others.is_empty() {
        return None;
    }
    // Text that is neither a number nor a progress word (a section's title merged across
    // the row) says nothing of the scale.
    let numbers: Vec<i64> = others.iter().filter_map(|v| v.parse::<i64>().ok()).collect();
    let worded = others.iter().any(|value| meaning(value).is_some());
    if !numbers.is_empty() && !worded {
        if let Some(scale) = key_on_sheet(sheet) {
            return Some(scale);
        }
        let highest = numbers.iter().copied().max().unwrap_or(4).max(3);
        let steps = (1..=highest).map(|n| (n.to_string(), Some(assumed_rating(n, highest)))).collect();
        return Some(Scale { steps, origin: ScaleOrigin::Assumed });
    }
    let steps: Vec<(String, Option<Rag>)> =
        others.iter().filter_map(|value| meaning(value).map(|rating| (value.clone(), rating))).collect();
    (!steps.is_empty()).then_some(Scale { steps, origin: ScaleOrigin::Assumed })
}

/// Without a key, 1 is taken as done and the highest as Red: the order of the
/// "assessment of progress" columns seen in plans, where a lower score is better.
fn assumed_rating(n: i64, highest: i64) -> Rag {
    match highest - n {
        _ if n == 1 => Rag::Blue,
        0 => Rag::Red,
        1 => Rag::Amber,
        _ => Rag::Green,
    }
}

/// A key on the sheet giving numbers their meaning: "Key: 1 = fully achieved, 2 =
/// substantially achieved …" in one cell, or one "3 – partially achieved" a cell.
fn key_on_sheet(sheet: &Sheet) -> Option<Scale> {
    let mut steps: Vec<(String, Option<Rag>)> = Vec::new();
    let mut first_row = None;
    for (row, cells) in sheet.rows.iter().enumerate() {
        for cell in cells {
            let text = cell.text();
            for (number, words) in numbered_phrases(&text) {
                if let Some(rating) = meaning(&words)
                    && !steps.iter().any(|(n, _)| *n == number)
                {
                    steps.push((number, rating));
                    first_row.get_or_insert(row + 1);
                }
            }
        }
    }
    steps.sort_by_key(|(n, _)| n.parse::<i64>().unwrap_or(i64::MAX));
    (steps.len() >= 2).then(|| Scale { steps, origin: ScaleOrigin::Key { row: first_row.unwrap_or(1) } })
}

/// "1 = fully achieved, 2 = partly" → [("1", "fully achieved"), ("2", "partly")]. A
/// number counts only when "=", ":", "-" or "–" follows it.
fn numbered_phrases(text: &str) -> Vec<(String, String)> {
    let text = text.strip_prefix("Key:").or_else(|| text.strip_prefix("KEY:")).unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<(String, usize, usize)> = Vec::new(); // number, where its words start, where it starts
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if chars[i].is_ascii_digit() && at_word_start {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], '=' | ':' | '-' | '–') && number.len() == 1 {
                found.push((number, j + 1, start));
                i = j + 1;
                continue;
            }
        } else {
            i += 1;
        }
    }
    let mut phrases = Vec::new();
    for (k, (number, from, _)) in found.iter().enumerate() {
        let to = found.get(k + 1).map_or(chars.len(), |next| next.2);
        let words: String = chars[*from..to].iter().collect();
        let words = words.trim().trim_end_matches([',', ';', '.', '/']).trim().to_string();
        if !words.is_empty() {
            phrases.push((number.clone(), words));
        }
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_typed_on_the_command_line_reads_and_says_itself_back() {
        let scale = Scale::parse("1=Blue, 2=Green,3=amber,4=R,Not started=none").unwrap();
        assert_eq!(scale.rating("3"), Ok(Some(Rag::Amber)));
        assert_eq!(scale.rating("4.0"), Ok(Some(Rag::Red)));
        assert_eq!(scale.rating("NOT STARTED"), Ok(None));
        assert_eq!(scale.rating("Green"), Ok(Some(Rag::Green)), "RAG words are read as ever");
        assert_eq!(scale.as_option(), "1=Blue,2=Green,3=Amber,4=Red,not started=none");
        assert_eq!(
            scale.rating("5").unwrap_err(),
            "\"5\" is not on the scale (1 = Blue, 2 = Green, 3 = Amber, 4 = Red, not started = not rated)"
        );
        assert!(Scale::parse("1=Purple").unwrap_err().contains("\"Purple\" is not a rating"));
        assert!(Scale::parse("1 Blue").unwrap_err().contains("VALUE=RATING"));
    }

    #[test]
    fn progress_words_mean_what_councils_mean_by_them() {
        for (phrase, want) in [
            ("Complete", Some(Some(Rag::Blue))),
            ("Fully achieved", Some(Some(Rag::Blue))),
            ("Substantially achieved", Some(Some(Rag::Green))),
            ("On track", Some(Some(Rag::Green))),
            ("Partially achieved", Some(Some(Rag::Amber))),
            ("Slipping", Some(Some(Rag::Amber))),
            ("Not achieved", Some(Some(Rag::Red))),
            ("Off track", Some(Some(Rag::Red))),
            ("Not started", Some(None)),
            ("Amber/Green", Some(Some(Rag::Amber))),
            ("Budget", None),
        ] {
            assert_eq!(meaning(phrase), want, "{phrase}");
        }
    }

    #[test]
    fn a_key_in_one_cell_is_split_into_its_steps() {
        assert_eq!(
            numbered_phrases(
                "Key: 1 = fully achieved, 2 = substantially achieved; 3 - partially achieved, 4 – not achieved"
            ),
            vec![
                ("1".to_string(), "fully achieved".to_string()),
                ("2".to_string(), "substantially achieved".to_string()),
                ("3".to_string(), "partially achieved".to_string()),
                ("4".to_string(), "not achieved".to_string()),
            ]
        );
        assert!(numbered_phrases("Review by 31 March 2027").is_empty());
    }

    #[test]
    fn without_a_key_one_is_done_and_the_highest_is_red() {
        let steps: Vec<Rag> = (1..=4).map(|n| assumed_rating(n, 4)).collect();
        assert_eq!(steps, [Rag::Blue, Rag::Green, Rag::Amber, Rag::Red]);
        let steps: Vec<Rag> = (1..=5).map(|n| assumed_rating(n, 5)).collect();
        assert_eq!(steps, [Rag::Blue, Rag::Green, Rag::Green, Rag::Amber, Rag::Red]);
    }
}
