//! Section rows: a number and a title with nothing else on the row ("2 | CHILDREN LOOKED
//! AFTER"), often in capitals, bold or merged across. Such a row opens a priority or a
//! recommendation for the rows below it; it is never an action.

/// A section's number ("2") and its title, tidied out of capitals.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub number: String,
    pub title: String,
}

/// The section a row opens, from its filled cells in column order. `has_action_parts`
/// says whether the sheet has columns an action fills (lead, due date, rating…) that
/// this row leaves empty; without them a short row cannot be told from an action.
pub fn section_row(filled: &[String], leaves_action_parts_empty: bool) -> Option<Section> {
    if !leaves_action_parts_empty {
        return None;
    }
    let (number, title) = match filled {
        [number, title] if is_number(number) => (number.trim_end_matches('.').to_string(), title.clone()),
        [one] => match one.split_once([' ', '.', ')', ':']) {
            Some((number, title)) if is_number(number) => {
                (number.to_string(), title.trim_start_matches(['.', ')', ':', ' ', '-', '–']).to_string())
            }
            // "CHILDREN LOOKED AFTER" alone, in capitals: a section with no number.
            _ if in_capitals(one) && one.split_whitespace().count() >= 2 => (String::new(), one.clone()),
            _ => return None,
        },
        _ => return None,
    };
    let whole = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    // "2.1 Daily huddle" with no lead or date is an action with its parts missing; "2.1
    // SUPERVISION" in capitals is a section.
    if title.trim().is_empty() || !(whole || in_capitals(&title)) {
        return None;
    }
    Some(Section { number, title: out_of_capitals(title.trim()) })
}

fn is_number(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.') && text.as_bytes()[0].is_ascii_digit()
}

fn in_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Initialisms kept in capitals when a title is brought out of them.
const INITIALISMS: &[&str] = &[
    "MASH", "CIN", "CP", "CLA", "LAC", "SEND", "IRO", "IROS", "LADO", "PLO", "DCS", "LSCP", "EHCP", "UASC", "CSE",
    "CCE", "MARAC", "DFE", "NHS", "ICB", "QA", "KPI", "KPIS", "RAG", "YOS", "YJS", "PSW", "ASYE", "EHA", "SLIP", "HR",
    "IT", "UK",
];

/// "CHILDREN LOOKED AFTER AND MASH" → "Children looked after and MASH"; a title not in
/// capitals is left as written.
pub fn out_of_capitals(title: &str) -> String {
    if !in_capitals(title) {
        return title.to_string();
    }
    let mut first = true;
    title
        .split(' ')
        .map(|word| {
            let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            let kept = INITIALISMS.contains(&bare.as_str());
            let tidy = if kept {
                word.to_string()
            } else if first {
                let lower = word.to_lowercase();
                let mut chars = lower.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            } else {
                word.to_lowercase()
            };
            if !word.is_empty() {
                first = false;
            }
            tidy
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_number_and_a_title_with_nothing_else_is_a_section() {
        assert_eq!(
            section_row(&texts(&["2", "CHILDREN LOOKED AFTER"]), true),
            Some(Section { number: "2".into(), title: "Children looked after".into() })
        );
        assert_eq!(
            section_row(&texts(&["3. THE FRONT DOOR AND MASH"]), true),
            Some(Section { number: "3".into(), title: "The front door and MASH".into() })
        );
        assert_eq!(
            section_row(&texts(&["4", "Help at the right time"]), true).map(|s| s.title),
            Some("Help at the right time".into()),
            "a whole number needs no capitals"
        );
        assert_eq!(section_row(&texts(&["2.1", "SUPERVISION"]), true).map(|s| s.number), Some("2.1".into()));
        assert_eq!(
            section_row(&texts(&["CHILDREN LOOKED AFTER"]), true),
            Some(Section { number: String::new(), title: "Children looked after".into() }),
            "a title in capitals alone, unnumbered"
        );
    }

    #[test]
    fn an_action_missing_its_parts_is_not_a_section() {
        assert_eq!(section_row(&texts(&["2.1", "Daily huddle"]), true), None);
        assert_eq!(section_row(&texts(&["2", "CHILDREN LOOKED AFTER"]), false), None, "a lead or date is filled");
        assert_eq!(section_row(&texts(&["2", "CHILDREN", "Jo Bloggs"]), true), None);
        assert_eq!(section_row(&texts(&["Key: R = off track"]), true), None);
        assert_eq!(section_row(&texts(&["Daily huddle"]), true), None, "an action missing its lead and date");
        assert_eq!(section_row(&texts(&["MASH"]), true), None, "one word in capitals is not a title");
    }
}
