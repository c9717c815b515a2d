//! Checks that a parsed board hangs together: ids unique, references resolve, meetings
//! in order. Every problem is reported, each named at both ends
//! (`action 2.3: lead "ad-qa" is not in people`) and placed at its line and column.

use std::collections::{HashMap, HashSet};

use super::Problem;
use super::locate::{Locator, Step};
use crate::model::{Board, ItemKind, Meeting};

/// Every problem with the board's consistency, in file order. `text` is the file the
/// board was read from, used only to find where each problem is.
pub fn validate(board: &Board, text: &str) -> Vec<Problem> {
    let mut check = Checker::default();
    check.unique_ids(board);
    check.statement_of_action(board);
    check.meetings(board);
    check.indicators(board);
    check.seals(board);
    if check.found.is_empty() {
        return vec![];
    }
    let locator = Locator::new(text);
    check
        .found
        .into_iter()
        .map(|(path, message)| {
            let (line, col) = locator.find(&path);
            Problem::at(line, col, message)
        })
        .collect()
}

#[derive(Default)]
struct Checker {
    found: Vec<(Vec<Step>, String)>,
}

fn ids<'a>(items: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    items.collect()
}

impl Checker {
    fn report(&mut self, path: Vec<Step>, message: String) {
        self.found.push((path, message));
    }

    /// Reports the second and later uses of each id within one section.
    fn duplicates(&mut self, section: &'static str, noun: &str, key: &'static str, ids: impl Iterator<Item = String>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for id in ids {
            let count = seen.entry(id.clone()).or_default();
            *count += 1;
            if *count >= 2 {
                let mut path = vec![Step::Section(section)];
                path.extend(std::iter::repeat_n(Step::Entry(key, id.clone()), *count));
                let shown = if key == "number" { id.clone() } else { format!("\"{id}\"") };
                self.report(path, format!("{noun} {shown} is used more than once"));
            }
        }
    }

    fn unique_ids(&mut self, board: &Board) {
        self.duplicates("people", "person id", "id", board.people.iter().map(|p| p.id.clone()));
        self.duplicates("inspections", "inspection id", "id", board.inspections.iter().map(|i| i.id.clone()));
        self.duplicates("priorities", "priority id", "id", board.priorities.iter().map(|p| p.id.clone()));
        self.duplicates(
            "recommendations",
            "recommendation id",
            "id",
            board.recommendations.iter().map(|r| r.id.clone()),
        );
        self.duplicates("actions", "action id", "id", board.actions.iter().map(|a| a.id.clone()));
        self.duplicates("indicators", "indicator id", "id", board.indicators.iter().map(|i| i.id.clone()));
        self.duplicates("meetings", "meeting number", "number", board.meetings.iter().map(|m| m.number.to_string()));
        self.duplicates("meetings", "meeting action id", "id", board.meeting_actions().map(|(_, a)| a.id.clone()));
    }

    fn statement_of_action(&mut self, board: &Board) {
        let people = ids(board.people.iter().map(|p| p.id.as_str()));
        let priorities = ids(board.priorities.iter().map(|p| p.id.as_str()));
        let inspections = ids(board.inspections.iter().map(|i| i.id.as_str()));
        let recommendations = ids(board.recommendations.iter().map(|r| r.id.as_str()));
        let meetings: HashSet<u32> = board.meetings.iter().map(|m| m.number).collect();

        for rec in &board.recommendations {
            let at = |field, value: &str| {
                vec![
                    Step::Section("recommendations"),
                    Step::Entry("id", rec.id.clone()),
                    Step::Field(field, value.to_string()),
                ]
            };
            if !priorities.contains(rec.priority.as_str()) {
                self.report(
                    at("priority", &rec.priority),
                    format!("recommendation {}: priority \"{}\" is not in priorities", rec.id, rec.priority),
                );
            }
            if let Some(inspection) = &rec.inspection
                && !inspections.contains(inspection.as_str())
            {
                self.report(
                    at("inspection", inspection),
                    format!("recommendation {}: inspection \"{inspection}\" is not in inspections", rec.id),
                );
            }
        }

        for action in &board.actions {
            let here = || vec![Step::Section("actions"), Step::Entry("id", action.id.clone())];
            let at = |field, value: &str| {
                let mut path = here();
                path.push(Step::Field(field, value.to_string()));
                path
            };
            if !recommendations.contains(action.recommendation.as_str()) {
                self.report(
                    at("recommendation", &action.recommendation),
                    format!(
                        "action {}: recommendation \"{}\" is not in recommendations",
                        action.id, action.recommendation
                    ),
                );
            }
            if !people.contains(action.lead.as_str()) {
                self.report(
                    at("lead", &action.lead),
                    format!("action {}: lead \"{}\" is not in people", action.id, action.lead),
                );
            }
            for (n, update) in action.updates.iter().enumerate() {
                let update_at = |field, value: String| {
                    let mut path = here();
                    path.extend(std::iter::repeat_n(Step::Key("date"), n + 1));
                    path.push(Step::Field(field, value));
                    path
                };
                if let Some(meeting) = update.meeting.filter(|m| !meetings.contains(m)) {
                    self.report(
                        update_at("meeting", meeting.to_string()),
                        format!(
                            "action {}: the update of {} names meeting {meeting}, which is not in meetings",
                            action.id, update.date
                        ),
                    );
                }
                if let Some(by) = update.by.as_ref().filter(|by| !people.contains(by.as_str())) {
                    self.report(
                        update_at("by", by.clone()),
                        format!(
                            "action {}: the update of {} is by \"{by}\", who is not in people",
                            action.id, update.date
                        ),
                    );
                }
            }
            for pair in action.updates.windows(2) {
                if pair[1].date < pair[0].date {
                    self.report(
                        at("date", &pair[1].date.to_string()),
                        format!(
                            "action {}: updates must be oldest first, but {} comes after {}",
                            action.id, pair[1].date, pair[0].date
                        ),
                    );
                }
            }
        }
    }

    fn meetings(&mut self, board: &Board) {
        let people = ids(board.people.iter().map(|p| p.id.as_str()));
        let priorities = ids(board.priorities.iter().map(|p| p.id.as_str()));
        for pair in board.meetings.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            let here = vec![Step::Section("meetings"), Step::Entry("number", after.number.to_string())];
            if after.number <= before.number {
                self.report(
                    here,
                    format!(
                        "meeting {} comes after meeting {}: meeting numbers must rise",
                        after.number, before.number
                    ),
                );
            } else if after.date < before.date {
                self.report(
                    here,
                    format!(
                        "meeting {} is dated {}, before meeting {} on {}",
                        after.number, after.date, before.number, before.date
                    ),
                );
            }
        }
        for meeting in &board.meetings {
            self.meeting(meeting, &people, &priorities);
        }
    }

    fn meeting(&mut self, meeting: &Meeting, people: &HashSet<&str>, priorities: &HashSet<&str>) {
        let n = meeting.number;
        let here = || vec![Step::Section("meetings"), Step::Entry("number", n.to_string())];
        let at = |field: &'static str, value: &str| {
            let mut path = here();
            path.push(Step::Key(field));
            path.push(Step::Str(value.to_string()));
            path
        };
        for (field, list) in [
            ("present", &meeting.present),
            ("in_attendance", &meeting.in_attendance),
            ("apologies", &meeting.apologies),
        ] {
            for id in list.iter().filter(|id| !people.contains(id.as_str())) {
                self.report(at(field, id), format!("meeting {n}: \"{id}\" in {field} is not in people"));
            }
        }
        for id in meeting.present.iter().filter(|id| meeting.apologies.contains(id)) {
            self.report(
                at("apologies", id),
                format!("meeting {n}: \"{id}\" is recorded both as present and as sending apologies"),
            );
        }
        let items: HashSet<u32> = meeting.items.iter().map(|i| i.number).collect();
        let mut seen_items = HashSet::new();
        for item in &meeting.items {
            let item_here = || {
                let mut path = here();
                path.push(Step::Field("number", item.number.to_string()));
                path
            };
            if !seen_items.insert(item.number) {
                self.report(item_here(), format!("meeting {n}: agenda item {} is numbered twice", item.number));
            }
            if let ItemKind::PlanReview { priority } = &item.kind
                && !priorities.contains(priority.as_str())
            {
                let mut path = item_here();
                path.push(Step::Field("priority", priority.clone()));
                self.report(
                    path,
                    format!("meeting {n}, item {}: priority \"{priority}\" is not in priorities", item.number),
                );
            }
            if let Some(exempt) = item.exempt.as_ref().filter(|e| !e.paragraph_is_known()) {
                let mut path = item_here();
                path.push(Step::Key("paragraph"));
                self.report(
                    path,
                    format!(
                        "meeting {n}, item {}: Schedule 12A has no paragraph {} (England: 1–7, Wales: 12–18)",
                        item.number, exempt.paragraph
                    ),
                );
            }
        }
        for declaration in &meeting.declarations {
            let mut path = here();
            path.push(Step::Key("declarations"));
            path.push(Step::Field("person", declaration.person.clone()));
            if !people.contains(declaration.person.as_str()) {
                self.report(
                    path.clone(),
                    format!("meeting {n}: declaration by \"{}\", who is not in people", declaration.person),
                );
            }
            if !items.contains(&declaration.item) {
                path.push(Step::Field("item", declaration.item.to_string()));
                self.report(
                    path,
                    format!("meeting {n}: declaration names item {}, which is not on the agenda", declaration.item),
                );
            }
        }
        for action in &meeting.actions {
            let mut path = here();
            path.push(Step::Field("id", action.id.clone()));
            if !people.contains(action.owner.as_str()) {
                let mut owner = path.clone();
                owner.push(Step::Field("owner", action.owner.clone()));
                self.report(
                    owner,
                    format!("meeting action {}: owner \"{}\" is not in people", action.id, action.owner),
                );
            }
            if let Some(item) = action.item.filter(|i| !items.contains(i)) {
                path.push(Step::Field("item", item.to_string()));
                self.report(
                    path,
                    format!("meeting action {}: item {item} is not on the agenda of meeting {n}", action.id),
                );
            }
        }
    }

    fn seals(&mut self, board: &Board) {
        for number in crate::seal::broken_seals(board) {
            self.report(
                vec![Step::Section("meetings"), Step::Entry("number", number.to_string())],
                format!("meeting {number} was changed after its minutes were approved (its record no longer matches the seal in the history)"),
            );
        }
    }

    fn indicators(&mut self, board: &Board) {
        for indicator in &board.indicators {
            for pair in indicator.readings.windows(2) {
                if pair[1].period <= pair[0].period {
                    self.report(
                        vec![
                            Step::Section("indicators"),
                            Step::Entry("id", indicator.id.clone()),
                            Step::Field("period", pair[1].period.to_string()),
                        ],
                        format!(
                            "indicator {}: readings must be oldest first, one a month, but {} follows {}",
                            indicator.id, pair[1].period, pair[0].period
                        ),
                    );
                }
            }
        }
    }
}
