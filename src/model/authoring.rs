//! Facts the adviser needs while writing the statement of action: the next free id to
//! propose, what refers to something before it is removed, and which parts belong to
//! approved minutes and so cannot be renamed or removed.

use super::{Board, ItemKind};

/// The parts of the statement of action (and the inspections behind it) that the adviser
/// writes, renames, reorders and removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanPart {
    Inspection,
    Priority,
    Recommendation,
    Action,
}

impl PlanPart {
    pub fn word(self) -> &'static str {
        match self {
            PlanPart::Inspection => "inspection",
            PlanPart::Priority => "priority",
            PlanPart::Recommendation => "recommendation",
            PlanPart::Action => "action",
        }
    }
}

/// The next id in a run like `P1, P2…` or `2.1, 2.2…`: the prefix of the highest-numbered
/// id and its number plus one. `None` when no id ends in a number.
fn next_in_run<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let split = |id: &'a str| {
        let digits = id.len() - id.bytes().rev().take_while(u8::is_ascii_digit).count();
        let number: u64 = id[digits..].parse().ok()?;
        Some((&id[..digits], number))
    };
    let (prefix, highest) = ids.filter_map(split).max_by_key(|(_, n)| *n)?;
    Some(format!("{prefix}{}", highest + 1))
}

/// Of some ids, the one whose trailing number is highest ("2.10" of 2.9 and 2.10).
pub fn highest_in_run<'a>(ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ids.filter_map(|id| {
        let digits = id.len() - id.bytes().rev().take_while(u8::is_ascii_digit).count();
        id[digits..].parse::<u64>().ok().map(|n| (id, n))
    })
    .max_by_key(|(_, n)| *n)
    .map(|(id, _)| id)
}

/// The action id after `highest` under `recommendation` ("2.4" after "2.3"), or the first
/// under it ("2.1" for R2) when it has none; the first of those that is not `taken`. Kept
/// apart from the board so a reader adding thousands of actions can answer it from what it
/// keeps, in one step.
pub fn action_id_after(recommendation: &str, highest: Option<&str>, taken: impl Fn(&str) -> bool) -> String {
    let digits: String = recommendation.chars().filter(char::is_ascii_digit).collect();
    let first = if digits.is_empty() { format!("{recommendation}.1") } else { format!("{digits}.1") };
    id_after(highest, &first, taken)
}

/// The id after `highest` in its run ("P7" after "P6"), or `first` when there is none;
/// the first of those that is not `taken`.
pub fn id_after(highest: Option<&str>, first: &str, taken: impl Fn(&str) -> bool) -> String {
    let next = highest.and_then(|id| next_in_run(std::iter::once(id))).unwrap_or_else(|| first.to_string());
    first_free(next, taken)
}

/// `base`, or `base` with a letter after it, whichever is free first.
fn first_free(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    ('a'..='z')
        .map(|c| format!("{base}{c}"))
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken(id))
        .expect("endless")
}

impl Board {
    /// "P7" after P1…P6.
    pub fn next_priority_id(&self) -> String {
        let highest = highest_in_run(self.priorities.iter().map(|p| p.id.as_str()));
        id_after(highest, "P1", |id| self.priority(id).is_some())
    }

    /// "R11" after R1…R10.
    pub fn next_recommendation_id(&self) -> String {
        let highest = highest_in_run(self.recommendations.iter().map(|r| r.id.as_str()));
        id_after(highest, "R1", |id| self.recommendation(id).is_some())
    }

    /// "2.4" under a recommendation whose actions are 2.1–2.3; "2.1" under recommendation
    /// R2 when it has none yet.
    pub fn next_action_id(&self, recommendation: &str) -> String {
        let highest = highest_in_run(self.actions_for(recommendation).map(|a| a.id.as_str()));
        action_id_after(recommendation, highest, |id| self.action(id).is_some())
    }

    /// Inspection ids name the visit ("mv3-2027"); the app proposes "visit-N" for the
    /// person to change.
    pub fn next_inspection_id(&self) -> String {
        first_free(format!("visit-{}", self.inspections.len() + 1), |id| self.inspection(id).is_some())
    }

    /// Whether an id is already used by a part of this kind.
    pub fn has(&self, part: PlanPart, id: &str) -> bool {
        match part {
            PlanPart::Inspection => self.inspection(id).is_some(),
            PlanPart::Priority => self.priority(id).is_some(),
            PlanPart::Recommendation => self.recommendation(id).is_some(),
            PlanPart::Action => self.action(id).is_some(),
        }
    }

    /// The approved meetings at which an action was rated: its ratings are part of their
    /// sealed record.
    pub fn approved_meetings_rating(&self, action: &str) -> Vec<u32> {
        let Some(action) = self.action(action) else { return vec![] };
        let mut meetings: Vec<u32> = action
            .updates
            .iter()
            .filter_map(|u| u.meeting)
            .filter(|m| self.meeting(*m).is_some_and(|m| m.is_approved()))
            .collect();
        meetings.dedup();
        meetings
    }

    /// The meetings whose agenda reviews a priority, approved or not.
    pub fn meetings_reviewing(&self, priority: &str) -> Vec<(u32, u32, bool)> {
        self.meetings
            .iter()
            .flat_map(|m| {
                m.items
                    .iter()
                    .filter(move |i| matches!(&i.kind, ItemKind::PlanReview { priority: p } if p == priority))
                    .map(move |i| (m.number, i.number, m.is_approved()))
            })
            .collect()
    }

    /// Why a part cannot be renamed: it is named in approved minutes. `None` when it can.
    pub fn why_id_is_fixed(&self, part: PlanPart, id: &str) -> Option<String> {
        match part {
            PlanPart::Action => {
                let meetings = self.approved_meetings_rating(id);
                (!meetings.is_empty()).then(|| {
                    format!(
                        "action {id} was rated at {}, whose minutes are approved: its id is part of that record",
                        meeting_list(&meetings)
                    )
                })
            }
            PlanPart::Priority => {
                let meetings: Vec<u32> = self
                    .meetings_reviewing(id)
                    .into_iter()
                    .filter(|(_, _, approved)| *approved)
                    .map(|(m, _, _)| m)
                    .collect();
                (!meetings.is_empty()).then(|| {
                    format!(
                        "priority {id} is reviewed on the agenda of {}, whose minutes are approved",
                        meeting_list(&meetings)
                    )
                })
            }
            PlanPart::Recommendation | PlanPart::Inspection => None,
        }
    }

    /// Why a part cannot be removed: it, or something under it, belongs to approved minutes.
    pub fn why_not_removable(&self, part: PlanPart, id: &str) -> Option<String> {
        if let Some(reason) = self.why_id_is_fixed(part, id) {
            return Some(reason);
        }
        let actions: Vec<&str> = match part {
            PlanPart::Priority => self.actions_in_priority(id).map(|a| a.id.as_str()).collect(),
            PlanPart::Recommendation => self.actions_for(id).map(|a| a.id.as_str()).collect(),
            PlanPart::Action | PlanPart::Inspection => vec![],
        };
        actions.into_iter().find_map(|a| self.why_id_is_fixed(PlanPart::Action, a))
    }

    /// What removing a part would take with it or leave behind, in sentences for the
    /// "are you sure?" question. Empty when nothing refers to it.
    pub fn what_refers_to(&self, part: PlanPart, id: &str) -> Vec<String> {
        let mut said = Vec::new();
        let rated = |actions: &[&super::PlanAction]| -> Option<String> {
            let ratings: usize = actions.iter().map(|a| a.updates.len()).sum();
            (ratings > 0).then(|| format!("{} of RAG history", plural(ratings, "rating")))
        };
        match part {
            PlanPart::Inspection => {
                let recs: Vec<&str> = self
                    .recommendations
                    .iter()
                    .filter(|r| r.inspection.as_deref() == Some(id))
                    .map(|r| r.id.as_str())
                    .collect();
                if !recs.is_empty() {
                    said.push(format!(
                        "{} name it as their source ({})",
                        plural(recs.len(), "recommendation"),
                        recs.join(", ")
                    ));
                }
            }
            PlanPart::Priority => {
                let recs: Vec<&str> = self.recommendations_for(id).map(|r| r.id.as_str()).collect();
                let actions: Vec<&super::PlanAction> = self.actions_in_priority(id).collect();
                if !recs.is_empty() {
                    said.push(format!(
                        "{} ({}) and their {} are removed with it",
                        plural(recs.len(), "recommendation"),
                        recs.join(", "),
                        plural(actions.len(), "action")
                    ));
                }
                said.extend(rated(&actions));
                for (meeting, item, _) in self.meetings_reviewing(id) {
                    said.push(format!(
                        "meeting {meeting}'s agenda item {item} reviews it (the item stays, as a plain item)"
                    ));
                }
            }
            PlanPart::Recommendation => {
                let actions: Vec<&super::PlanAction> = self.actions_for(id).collect();
                if !actions.is_empty() {
                    let ids: Vec<&str> = actions.iter().map(|a| a.id.as_str()).collect();
                    said.push(format!("{} ({}) are removed with it", plural(actions.len(), "action"), ids.join(", ")));
                }
                said.extend(rated(&actions));
            }
            PlanPart::Action => {
                let actions: Vec<&super::PlanAction> = self.action(id).into_iter().collect();
                said.extend(rated(&actions));
            }
        }
        said
    }
}

/// An id or file name made from words: "Jo O'Brien" → "jo-obrien", "Northmoor Borough
/// Council" → "northmoor-borough-council". Punctuation inside a word is dropped; spaces
/// and other separators become one dash.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '/' | '.' | ','))
            && !slug.is_empty()
            && !slug.ends_with('-')
        {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

impl Board {
    /// A person id for a new person called `name`, free in this board: "jo-obrien",
    /// then "jo-obrien-2".
    pub fn free_person_id(&self, name: &str) -> String {
        let base = slug(name);
        let base = if base.is_empty() { "person".to_string() } else { base };
        (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
            .find(|id| self.person(id).is_none())
            .expect("endless")
    }
}

/// "1 action", "3 actions".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        return format!("1 {word}");
    }
    let many = if let Some(stem) = word.strip_suffix("person") {
        format!("{stem}people")
    } else if let Some(stem) = word.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{word}s")
    };
    format!("{n} {many}")
}

/// "meeting 3" or "meetings 1, 2 and 4".
fn meeting_list(meetings: &[u32]) -> String {
    match meetings {
        [one] => format!("meeting {one}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            format!("meetings {} and {last}", rest.join(", "))
        }
        [] => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_board;

    #[test]
    fn proposed_ids_follow_the_run_they_join() {
        let board = sample_board();
        assert_eq!(board.next_priority_id(), "P7");
        assert_eq!(board.next_recommendation_id(), "R11");
        let under_r2: Vec<&str> = board.actions_for("R2").map(|a| a.id.as_str()).collect();
        let last = under_r2.iter().filter_map(|id| id.rsplit('.').next()?.parse::<u32>().ok()).max().unwrap();
        let prefix = under_r2[0].rsplit_once('.').unwrap().0;
        assert_eq!(board.next_action_id("R2"), format!("{prefix}.{}", last + 1));
    }

    #[test]
    fn an_empty_recommendation_starts_its_own_run_and_taken_ids_are_skipped() {
        let mut board = Board::blank("Test", "Test board");
        assert_eq!(board.next_priority_id(), "P1");
        assert_eq!(board.next_action_id("R4"), "4.1");
        assert_eq!(board.next_action_id("front-door"), "front-door.1");
        board.actions.push(crate::model::plan::tests::action_with("2026-01-01", &[]));
        board.actions[0].id = "4.1".into();
        assert_eq!(board.next_action_id("R4"), "4.1a");
    }

    #[test]
    fn slugs_and_free_person_ids() {
        assert_eq!(slug("Jo O'Brien"), "jo-obrien");
        assert_eq!(slug("Northmoor Borough Council"), "northmoor-borough-council");
        assert_eq!(slug("  Head of MASH / Front Door "), "head-of-mash-front-door");
        let board = sample_board();
        let taken = &board.people[0];
        assert_ne!(board.free_person_id(&taken.id), taken.id, "a taken id gets a number");
    }

    #[test]
    fn removing_names_what_refers_and_approved_minutes_fix_ids() {
        let board = sample_board();
        let said = board.what_refers_to(PlanPart::Priority, "P1").join("; ");
        assert!(said.contains("recommendations (R1"), "{said}");
        assert!(said.contains("agenda item"), "{said}");
        // Meetings 1–4 are approved: action 1.1 was rated there, P1 is on their agendas.
        let why = board.why_id_is_fixed(PlanPart::Action, "1.1").unwrap();
        assert!(why.contains("meetings 1, 2, 3 and 4") || why.contains("meeting"), "{why}");
        assert!(board.why_id_is_fixed(PlanPart::Priority, "P1").is_some());
        assert_eq!(board.why_id_is_fixed(PlanPart::Recommendation, "R1"), None);
        assert!(board.why_not_removable(PlanPart::Recommendation, "R1").is_some(), "its actions carry sealed ratings");
    }
}
