//! Reading the values councils type into their sheets: dates in UK forms, RAG words and
//! letters, lists of evidence, names.

use chrono::NaiveDate;

use super::sheet::{Cell, excel_serial_date};
use crate::model::Rag;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's number (1–12) from its name or three-letter abbreviation ("Sept" too).
pub(super) fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&word) || (word == "sept" && *m == "september")).map(|i| i as u32 + 1)
}

fn year(text: &str) -> Option<i32> {
    let n: i32 = text.parse().ok()?;
    match text.len() {
        2 => Some(2000 + n),
        4 if (1990..=2100).contains(&n) => Some(n),
        _ => None,
    }
}

fn last_day_of(year: i32, month: u32) -> Option<NaiveDate> {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next?.pred_opt()
}

/// A due date from a cell. Understood: date cells and Excel serial numbers; 31/03/2027,
/// 31/3/27, 31.03.2027, 31-03-2027, 2027-03-31; 31 March 2027, 31st Mar 2027, March 31
/// 2027; and "Mar-27", the form Excel shows a date cell formatted month-year, read as the
/// month's last day. A written month alone ("Dec 2026") or a word ("ongoing") is refused
/// with the reason, since the board must know which day.
#[cfg(test)]
pub fn due_date(cell: &Cell) -> Result<NaiveDate, String> {
    due_date_read(cell, false).map(|(date, _)| date)
}

/// A due date and, when it was read from a month alone because `month_end` was chosen,
/// what was done ("\"April 2027\" read as 30 April 2027, the month's end").
pub fn due_date_read(cell: &Cell, month_end: bool) -> Result<(NaiveDate, Option<String>), String> {
    if let (Cell::Text(text), true) = (cell, month_end)
        && let Some(date) = month_alone(text)
    {
        let said = format!("\"{}\" read as {}, the month's end", text.trim(), crate::model::dates::uk_long(date));
        return Ok((date, Some(said)));
    }
    let date = match cell {
        Cell::Empty => Err("no due date".into()),
        Cell::Date(date) => Ok(*date),
        Cell::Number(n) if (20_000.0..80_000.0).contains(n) => {
            excel_serial_date(*n).ok_or_else(|| format!("{n} is not a date"))
        }
        Cell::Number(n) => Err(format!("{} is not a date", cell_text(*n))),
        Cell::Text(text) => parse_uk_date(text),
        Cell::Error(error) => Err(format!("the cell shows Excel's error {error} (a formula that failed)")),
    }?;
    Ok((date, None))
}

/// "April 2027", "Dec 2026", "December 26": the last day of the month named.
fn month_alone(text: &str) -> Option<NaiveDate> {
    let lower = text.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("by ").or_else(|| lower.strip_prefix("end of ")).unwrap_or(&lower);
    let words: Vec<&str> = lower.split([' ', ',', '-', '/']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [m, y] => last_day_of(year(y)?, month(m)?),
        _ => None,
    }
}

/// Why a due date that is not a day is not one, in the words of what was written: to be
/// confirmed, ongoing, a quarter of a financial year, a month with no year.
fn not_a_day(original: &str, lower: &str) -> Option<String> {
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '/').filter(|w| !w.is_empty()).collect();
    if matches!(lower, "tbc" | "tba" | "tbd" | "to be confirmed" | "to be agreed" | "to be decided" | "tbc." | "?")
        || lower.starts_with("tbc")
    {
        return Some(format!("\"{original}\" is not a date yet: the due date is to be confirmed"));
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "ongoing"
                | "continuous"
                | "continual"
                | "monthly"
                | "quarterly"
                | "weekly"
                | "annually"
                | "annual"
                | "regularly"
        )
    }) && !words.iter().any(|w| month(w).is_some())
    {
        return Some(format!(
            "\"{original}\" is not a date: an ongoing action still needs a date the board will review it by"
        ));
    }
    if let [quarter, years] = words.as_slice()
        && let Some(q) = quarter.strip_prefix('q').and_then(|q| q.parse::<u32>().ok()).filter(|q| (1..=4).contains(q))
    {
        let start: Option<i32> =
            years.split('/').next().and_then(|y| y.parse().ok()).filter(|y| (1990..=2100).contains(y));
        let hint = start
            .and_then(|y| if q == 4 { last_day_of(y + 1, 3) } else { last_day_of(y, 3 + 3 * q) })
            .map(|end| format!(" (that quarter of the financial year ends {})", end.format("%d/%m/%Y")))
            .unwrap_or_default();
        return Some(format!("\"{original}\" is a quarter, not a day{hint}"));
    }
    let named_month = words.iter().find_map(|w| month(w));
    if named_month.is_some()
        && !words.iter().any(|w| year(w).is_some())
        && !words.iter().any(|w| w.parse::<u32>().is_ok())
    {
        return Some(format!("\"{original}\" names a month but no year"));
    }
    None
}

fn cell_text(n: f64) -> String {
    Cell::Number(n).text()
}

pub fn parse_uk_date(text: &str) -> Result<NaiveDate, String> {
    let original = text.trim();
    let not_a_date = || format!("\"{original}\" is not a date (write it as 31/03/2027)");
    // "By 31 March" and "w/c" style prefixes are common; an ordinal's suffix is noise.
    let lower = original.to_ascii_lowercase();
    let lower = lower.strip_prefix("by ").unwrap_or(&lower).trim();
    if let Some(reason) = not_a_day(original, lower) {
        return Err(reason);
    }
    if let Ok(date) = NaiveDate::parse_from_str(lower, "%Y-%m-%d") {
        return Ok(date);
    }
    let numeric: Vec<&str> = lower.split(['/', '.', '-']).map(str::trim).collect();
    if numeric.len() == 3 && numeric.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let (d, m) = (numeric[0].parse::<u32>().ok(), numeric[1].parse::<u32>().ok());
        let y = year(numeric[2]);
        return match (d, m, y) {
            (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y, m, d)
                .ok_or_else(|| format!("\"{original}\" is not a day of the calendar (day/month/year)")),
            _ => Err(not_a_date()),
        };
    }
    // "Mar-27": Excel's month-year display of a date cell.
    if let [m, y] = numeric.as_slice()
        && lower.contains('-')
        && let (Some(m), Some(y)) = (month(m), year(y).filter(|_| y.len() == 2))
    {
        return last_day_of(y, m).ok_or_else(not_a_date);
    }
    let words: Vec<String> =
        lower
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).to_string())
            .zip(lower.split([' ', ',']).filter(|w| !w.is_empty()))
            .map(|(digits, word)| {
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) { digits } else { word.to_string() }
            })
            .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let found = match words.as_slice() {
        [a, b, y] => {
            // "31 March 2027" or "March 31 2027".
            let day_first = day(a).zip(month(b));
            let month_first = month(a).zip(day(b)).map(|(m, d)| (d, m));
            day_first.or(month_first).zip(year(y)).map(|((d, m), y)| (d, m, y))
        }
        [m, y] if month(m).is_some() && year(y).is_some() => {
            return Err(format!(
                "\"{original}\" gives a month but not a day (did you mean {}?)",
                last_day_of(year(y).unwrap_or(2000), month(m).unwrap_or(1))
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            ));
        }
        _ => None,
    };
    match found {
        Some((d, m, y)) => {
            NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("\"{original}\" is not a day of the calendar"))
        }
        None => Err(not_a_date()),
    }
}

/// A RAG rating from a cell: the word or its letter, in any case. An empty cell is `None`
/// (not yet rated). "Completed" and the like are refused: the board rates Blue itself.
pub fn rag(text: &str) -> Result<Option<Rag>, String> {
    let word = text.trim().to_ascii_lowercase();
    let word = word.trim_end_matches('.');
    Ok(Some(match word {
        "" => return Ok(None),
        "r" | "red" => Rag::Red,
        "a" | "amber" | "a/r" | "amber/red" => Rag::Amber,
        "g" | "green" => Rag::Green,
        "b" | "blue" => Rag::Blue,
        "not rated" | "n/r" | "nr" | "unrated" => return Ok(None),
        _ => {
            let hint = if word.starts_with("complete") { " (if it means done, write Blue)" } else { "" };
            return Err(format!("\"{}\" is not a RAG rating: expected Red, Amber, Green or Blue{hint}", text.trim()));
        }
    }))
}

/// Lines of a multi-line cell, bullets and numbering stripped, blanks dropped.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().trim_start_matches(['•', '-', '*', '·', '–']).trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

/// Text on one line: a multi-line cell's lines joined by spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The names in a "Who?" cell: "Jo Bloggs / Sam Patel", "Jo Bloggs and Sam Patel", one a
/// line.
pub fn names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in text.split(['/', '&', ';', '\n']).flat_map(|part| part.split(" and ")) {
        // "Service Manager, Fostering": a single word after a comma qualifies a post; "Jo
        // Bloggs, Sam Patel" is two people.
        let pieces: Vec<String> = part.split(',').map(one_line).filter(|p| !p.is_empty()).collect();
        let mut kept: Vec<String> = Vec::new();
        for piece in pieces {
            match kept.last_mut() {
                Some(last) if !piece.contains(' ') => *last = format!("{last}, {piece}"),
                _ => kept.push(piece),
            }
        }
        for name in kept {
            let name = name.strip_suffix(" and").unwrap_or(&name);
            let name = name.strip_prefix("and ").unwrap_or(name).to_string();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn uk_date_forms_are_understood() {
        for (text, want) in [
            ("31/03/2019", day(2019, 3, 31)),
            ("31/3/19", day(2019, 3, 31)),
            ("31.03.2019", day(2019, 3, 31)),
            ("2019-03-31", day(2019, 3, 31)),
            ("31 March 2019", day(2019, 3, 31)),
            ("31st Mar 2019", day(2019, 3, 31)),
            ("March 31, 2019", day(2019, 3, 31)),
            ("Mar-19", day(2019, 3, 31)),
            ("Feb-24", day(2024, 2, 29)),
            ("By 30 Sept 2026", day(2026, 9, 30)),
        ] {
            assert_eq!(parse_uk_date(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn unreadable_dates_say_why() {
        assert_eq!(
            parse_uk_date("Dec 2016").unwrap_err(),
            "\"Dec 2016\" gives a month but not a day (did you mean 31/12/2016?)"
        );
        assert_eq!(parse_uk_date("next spring").unwrap_err(), "\"next spring\" is not a date (write it as 31/03/2027)");
        for (text, why) in [
            ("ongoing", "\"ongoing\" is not a date: an ongoing action still needs a date the board will review it by"),
            ("Monthly", "\"Monthly\" is not a date: an ongoing action still needs a date the board will review it by"),
            ("TBC", "\"TBC\" is not a date yet: the due date is to be confirmed"),
            ("To be confirmed", "\"To be confirmed\" is not a date yet: the due date is to be confirmed"),
            (
                "Q3 2027/28",
                "\"Q3 2027/28\" is a quarter, not a day (that quarter of the financial year ends 31/12/2027)",
            ),
            (
                "Q4 2027/28",
                "\"Q4 2027/28\" is a quarter, not a day (that quarter of the financial year ends 31/03/2028)",
            ),
            ("end of March", "\"end of March\" names a month but no year"),
        ] {
            assert_eq!(parse_uk_date(text).unwrap_err(), why, "{text}");
        }
        assert!(parse_uk_date("31/02/2027").unwrap_err().contains("not a day of the calendar"));
        assert_eq!(due_date(&Cell::Number(43555.0)), Ok(day(2019, 3, 31)));
        assert_eq!(due_date(&Cell::Empty).unwrap_err(), "no due date");
    }

    #[test]
    fn a_month_alone_is_read_as_its_end_only_when_chosen() {
        let april = Cell::Text("April 2027".into());
        assert!(due_date_read(&april, false).unwrap_err().contains("gives a month but not a day"));
        assert_eq!(
            due_date_read(&april, true),
            Ok((day(2027, 4, 30), Some("\"April 2027\" read as 30 April 2027, the month's end".into())))
        );
        assert_eq!(due_date_read(&Cell::Text("Dec 2016".into()), true).map(|d| d.0), Ok(day(2016, 12, 31)));
        assert_eq!(due_date_read(&Cell::Text("31/03/2027".into()), true), Ok((day(2027, 3, 31), None)));
        assert!(due_date_read(&Cell::Text("end of March".into()), true).is_err(), "still no year");
    }

    #[test]
    fn rag_words_and_letters_are_read_and_completed_is_refused() {
        assert_eq!(rag("R"), Ok(Some(Rag::Red)));
        assert_eq!(rag(" amber "), Ok(Some(Rag::Amber)));
        assert_eq!(rag("BLUE"), Ok(Some(Rag::Blue)));
        assert_eq!(rag(""), Ok(None));
        assert_eq!(
            rag("COMPLETED").unwrap_err(),
            "\"COMPLETED\" is not a RAG rating: expected Red, Amber, Green or Blue (if it means done, write Blue)"
        );
    }

    #[test]
    fn names_and_lines() {
        assert_eq!(names("Jo Bloggs / Sam Patel"), vec!["Jo Bloggs", "Sam Patel"]);
        assert_eq!(names("Head of MASH and\nAD Safeguarding"), vec!["Head of MASH", "AD Safeguarding"]);
        assert_eq!(names("Jo Bloggs, Sam Patel"), vec!["Jo Bloggs", "Sam Patel"]);
        assert_eq!(names("Service Manager, Fostering"), vec!["Service Manager, Fostering"]);
        assert_eq!(lines("• Audit report\n\n- Panel minutes"), vec!["Audit report", "Panel minutes"]);
    }
}
