//! Checks that a parsed board hangs together: ids unique, references resolve, meetings
//! in order. Every problem is reported, each named at both ends
//! (`action 2.3: lead "ad-qa" is not in people`) and placed at its line and column.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use super::Problem;
use super::locate::{Locator, Step};
use crate::model::{AgendaItem, Board, ItemKind, Meeting, Paper, YearMonth};
use crate::seal::{SealProblem, seal_problems};

/// Every problem with the board's consistency, in file order. `text` is the file the
/// board was read from, used only to find where each problem is; `folder` is the one
/// that holds it, where its papers must be (`None` when the board is not on disk, and
/// then only the papers' paths are checked).
pub fn validate(board: &Board, text: &str, folder: Option<&Path>) -> Vec<Problem> {
    let mut check = Checker { folder, found: Vec::new() };
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

struct Checker<'a> {
    folder: Option<&'a Path>,
    found: Vec<(Vec<Step>, String)>,
}

fn ids<'a>(items: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    items.collect()
}

impl Checker<'_> {
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
            for redate in &action.redated {
                let redate_at = |field, value: String| {
                    let mut path = here();
                    path.push(Step::Field("was", redate.was.to_string()));
                    path.push(Step::Field(field, value));
                    path
                };
                // A due date may be moved before it arrives (`was` after `on`) as well as
                // after it has passed: boards re-date ahead of a deadline they know will slip.
                if let Some(meeting) = redate.meeting.filter(|m| !meetings.contains(m)) {
                    self.report(
                        redate_at("meeting", meeting.to_string()),
                        format!(
                            "action {}: the re-dating from {} names meeting {meeting}, which is not in meetings",
                            action.id, redate.was
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
            if let Some(presenter) = item.presenter.as_ref().filter(|p| !people.contains(p.as_str())) {
                let mut path = item_here();
                path.push(Step::Field("presenter", presenter.clone()));
                self.report(
                    path,
                    format!("meeting {n}, item {}: presenter \"{presenter}\" is not in people", item.number),
                );
            }
            self.papers(n, item, item_here());
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

    /// Each paper's path stays in the board's folder and names a PDF that is there.
    fn papers(&mut self, meeting: u32, item: &AgendaItem, item_here: Vec<Step>) {
        for paper in &item.papers {
            let mut path = item_here.clone();
            path.push(Step::Field("file", paper.file.clone()));
            let named = |what: &str| {
                format!("meeting {meeting}, item {}: paper \"{}\" ({}) {what}", item.number, paper.title, paper.file)
            };
            if let Some(problem) = paper.path_problem() {
                self.report(path, named(problem));
                continue;
            }
            let Some(folder) = self.folder else { continue };
            if let Some(problem) = paper_file_problem(folder, paper) {
                self.report(path, named(&problem));
            }
        }
    }

    fn seals(&mut self, board: &Board) {
        let people = ids(board.people.iter().map(|p| p.id.as_str()));
        let numbers: HashSet<u32> = board.meetings.iter().map(|m| m.number).collect();
        for (number, problem) in seal_problems(board) {
            let key = match problem {
                SealProblem::ApprovedWithoutApproval => "status",
                SealProblem::ApprovalNotApproved => "approval",
                SealProblem::RecordChanged => "seal",
            };
            self.report(
                vec![Step::Section("meetings"), Step::Entry("number", number.to_string()), Step::Key(key)],
                problem.describe(number),
            );
        }
        for meeting in &board.meetings {
            let Some(approval) = &meeting.approval else { continue };
            let at = |field: &'static str, value: String| {
                vec![
                    Step::Section("meetings"),
                    Step::Entry("number", meeting.number.to_string()),
                    Step::Key("approval"),
                    Step::Field(field, value),
                ]
            };
            if let Some(by) = approval.by.as_ref().filter(|by| !people.contains(by.as_str())) {
                self.report(
                    at("by", by.clone()),
                    format!("meeting {}: the minutes are approved by \"{by}\", who is not in people", meeting.number),
                );
            }
            if let Some(at_meeting) = approval.at_meeting.filter(|m| !numbers.contains(m)) {
                self.report(
                    at("at_meeting", at_meeting.to_string()),
                    format!(
                        "meeting {}: the minutes are approved at meeting {at_meeting}, which is not in meetings",
                        meeting.number
                    ),
                );
            }
        }
    }

    fn indicators(&mut self, board: &Board) {
        for indicator in &board.indicators {
            // The nth reading of a period is found by stepping over the n - 1 before it;
            // the steps are made only for a reading that has a problem.
            let mut count: HashMap<YearMonth, usize> = HashMap::new();
            let nth: Vec<usize> = indicator
                .readings
                .iter()
                .map(|r| {
                    let n = count.entry(r.period).or_default();
                    *n += 1;
                    *n
                })
                .collect();
            let at_reading = |i: usize| {
                let mut path = vec![Step::Section("indicators"), Step::Entry("id", indicator.id.clone())];
                path.extend(std::iter::repeat_n(
                    Step::Field("period", indicator.readings[i].period.to_string()),
                    nth[i],
                ));
                path
            };
            for (i, pair) in indicator.readings.windows(2).enumerate() {
                if pair[1].period < pair[0].period {
                    self.report(
                        at_reading(i + 1),
                        format!(
                            "indicator {}: readings must be oldest first, but {} follows {}",
                            indicator.id, pair[1].period, pair[0].period
                        ),
                    );
                }
            }
            let mut entered = HashSet::new();
            for (i, reading) in indicator.readings.iter().enumerate() {
                if !entered.insert((reading.period, reading.entered)) {
                    let when =
                        reading.entered.map_or("with no date entered".to_string(), |d| format!("entered on {d}"));
                    self.report(
                        at_reading(i),
                        format!(
                            "indicator {}: two readings for {} {when}: a revised figure needs a later `entered` date than the one it revises",
                            indicator.id, reading.period
                        ),
                    );
                }
            }
            if let Some(band) = indicator.amber_within.filter(|b| *b < 0.0) {
                self.report(
                    vec![
                        Step::Section("indicators"),
                        Step::Entry("id", indicator.id.clone()),
                        Step::Key("amber_within"),
                    ],
                    format!("indicator {}: amber_within is {band}; the Amber band cannot be negative", indicator.id),
                );
            }
        }
    }
}

/// Why a paper's file is not a PDF in the board's folder, if it is not.
fn paper_file_problem(folder: &Path, paper: &Paper) -> Option<String> {
    let path = folder.join(&paper.file);
    let mut head = [0u8; 5];
    match std::fs::File::open(&path) {
        Err(_) => Some("is not in the board's folder".to_string()),
        Ok(_) if path.is_dir() => Some("is a folder, not a PDF".to_string()),
        Ok(mut file) => match file.read_exact(&mut head) {
            Ok(()) if &head == b"%PDF-" => None,
            _ => Some("is not a PDF (it does not start with %PDF-)".to_string()),
        },
    }
}
