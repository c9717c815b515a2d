//! Matching the measures named in a performance return to the board's indicators.
//!
//! Returns name measures their own way: "% Re-referrals within 12 months", "No. of CP
//! plans", "CLA per 10,000", "Re-referrals within one year (%)". Both names are brought to
//! one plain form (case, punctuation and units dropped, the field's abbreviations spelt
//! out, number words as digits) and match only when that form is the same: forgiving
//! what returns do to names, never guessing between two different measures.

use std::collections::HashMap;

use crate::model::Indicator;

/// Abbreviations the field uses in returns, spelt out as boards name them.
const SPELT_OUT: [(&str, &str); 10] = [
    ("cp", "child protection"),
    ("icpc", "initial child protection conference"),
    ("icpcs", "initial child protection conferences"),
    ("cpp", "child protection plan"),
    ("cin", "child in need"),
    ("lac", "children looked after"),
    ("cla", "children looked after"),
    ("no", "number"),
    ("num", "number"),
    ("yr", "year"),
];

const NUMBER_WORDS: [&str; 12] =
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// Words that say how a figure is given rather than what it measures: "Number of
/// referrals", "Referrals (number)" and "Referrals" name one count.
const UNIT_WORDS: [&str; 6] = ["percent", "percentage", "pct", "rate", "proportion", "number"];

/// Two names for one group of children, the first as returns often write it.
const SAME_CHILDREN: [(&str, &str); 2] =
    [("children in care", "children looked after"), ("looked after children", "children looked after")];

/// A name in its plain form: the words that say what is measured.
pub fn plain(name: &str) -> Vec<String> {
    let lowered = name.to_lowercase().replace('%', " percent ").replace(['’', '\''], "");
    let mut words: Vec<String> = Vec::new();
    for word in lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let spelt = SPELT_OUT.iter().find(|(short, _)| *short == word).map_or(word, |(_, long)| long);
        for word in spelt.split(' ') {
            let word = match NUMBER_WORDS.iter().position(|n| *n == word) {
                Some(i) => (i + 1).to_string(),
                None => word.to_string(),
            };
            if word == "of" && words.last().is_some_and(|w| w == "number") {
                words.pop();
                continue;
            }
            words.push(word);
        }
    }
    words.retain(|w| !UNIT_WORDS.contains(&w.as_str()));
    let mut joined = words.join(" ");
    for (said, meant) in SAME_CHILDREN {
        joined = joined.replace(said, meant);
    }
    joined.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The board's indicators by id and by name in plain form, made once for a whole return.
pub struct Names<'a> {
    indicators: &'a [Indicator],
    by_id: HashMap<String, usize>,
    by_plain: HashMap<Vec<String>, Vec<usize>>,
}

impl<'a> Names<'a> {
    pub fn new(indicators: &'a [Indicator]) -> Names<'a> {
        let mut by_plain: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        for (i, indicator) in indicators.iter().enumerate() {
            by_plain.entry(plain(&indicator.name)).or_default().push(i);
        }
        let by_id = indicators.iter().enumerate().map(|(i, x)| (x.id.to_lowercase(), i)).collect();
        Names { indicators, by_id, by_plain }
    }

    /// The indicator a measure names: by its id, or by its name in plain form. `None`
    /// when none does, or when more than one would (the person chooses).
    pub fn matching(&self, measure: &str) -> Option<&'a Indicator> {
        let measure_plain = plain(measure);
        if measure_plain.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_id.get(&measure.trim().to_lowercase()) {
            return Some(&self.indicators[i]);
        }
        match self.by_plain.get(&measure_plain).map(Vec::as_slice) {
            Some([one]) => Some(&self.indicators[*one]),
            _ => None,
        }
    }
}

/// The indicator a measure names, as [`Names::matching`] finds it.
pub fn matching<'a>(indicators: &'a [Indicator], measure: &str) -> Option<&'a Indicator> {
    Names::new(indicators).matching(measure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Better, Unit};

    fn board_indicators() -> Vec<Indicator> {
        let indicator = |id: &str, name: &str| Indicator {
            id: id.into(),
            name: name.into(),
            unit: Unit::Percent,
            better: Better::Lower,
            target: None,
            amber_within: None,
            comparators: vec![],
            readings: vec![],
        };
        vec![
            indicator("rereferrals", "Re-referrals within 12 months"),
            indicator("referrals", "Referrals"),
            indicator("cp-plans", "Children subject to a child protection plan"),
            indicator("cin-visits", "Child in need visits in timescale"),
            indicator("cla-rate", "Children looked after per 10,000"),
            indicator("cp-second", "Child protection plans for a second or subsequent time"),
            indicator("assessments", "Assessments completed within 45 working days"),
        ]
    }

    fn matched(measure: &str) -> Option<String> {
        matching(&board_indicators(), measure).map(|i| i.id.clone())
    }

    #[test]
    fn case_punctuation_and_the_percent_sign_are_forgiven() {
        assert_eq!(matched("RE-REFERRALS WITHIN 12 MONTHS (%)").as_deref(), Some("rereferrals"));
        assert_eq!(matched("% re-referrals within 12 months").as_deref(), Some("rereferrals"));
        assert_eq!(matched("Re-referrals within 12 months.").as_deref(), Some("rereferrals"));
    }

    #[test]
    fn number_words_and_number_of_are_forgiven() {
        assert_eq!(matched("Re-referrals within twelve months").as_deref(), Some("rereferrals"));
        assert_eq!(matched("No. of referrals").as_deref(), Some("referrals"));
        assert_eq!(matched("Number of referrals").as_deref(), Some("referrals"));
        assert_eq!(matched("Assessments completed within forty-five working days"), None, "only one to twelve");
    }

    #[test]
    fn the_fields_abbreviations_are_spelt_out() {
        assert_eq!(matched("Children subject to a CP plan").as_deref(), Some("cp-plans"));
        assert_eq!(matched("CIN visits in timescale").as_deref(), Some("cin-visits"));
        assert_eq!(matched("LAC per 10,000").as_deref(), Some("cla-rate"));
        assert_eq!(matched("CLA per 10,000").as_deref(), Some("cla-rate"));
        assert_eq!(matched("CP plans for a second or subsequent time").as_deref(), Some("cp-second"));
        assert_eq!(matched("Looked after children per 10,000").as_deref(), Some("cla-rate"));
        assert_eq!(matched("Children in care per 10,000").as_deref(), Some("cla-rate"));
    }

    #[test]
    fn an_id_matches_itself() {
        assert_eq!(matched("cin-visits").as_deref(), Some("cin-visits"));
    }

    #[test]
    fn different_measures_are_never_matched() {
        assert_eq!(matched("Referrals within 12 months"), None, "not re-referrals");
        assert_eq!(matched("Re-referrals"), None, "a part of a name is not the name");
        assert_eq!(matched("Children subject to a child protection plan for 2 years or more"), None);
        assert_eq!(matched("CIN visits"), None);
        assert_eq!(matched("Children looked after"), None);
        assert_eq!(matched(""), None);
        assert_eq!(matched("(%)"), None);
    }
}
