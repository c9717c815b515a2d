//! Reading a sheet's rows into the statement of action: carrying a recommendation down the
//! rows it covers, taking heading rows ("Priority 2: Children in care") as context,
//! matching leads to people, and keeping every row it cannot read with the reason.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::headers::{Field, Mapping};
use super::known::Known;
use super::scale::{Scale, scale_for};
use super::sheet::{Cell, Sheet};
use super::{roles, sections, values};
use crate::edit::{ActionChange, ImportBatch, TrackerUpdate, why_not_rated_at};
use crate::model::{Board, Person, PlanAction, Priority, Rag, Recommendation, Update, dates::uk_long};

/// How the person said to read the sheet, beyond which column holds what.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// The rating scale chosen; without one, the scale the sheet implies is used.
    pub scale: Option<Scale>,
    /// Read a month alone ("April 2027") as the month's last day.
    pub month_end: bool,
    /// Keep the board in step with the sheet: rows whose action id the board holds change
    /// that action rather than being numbered afresh.
    pub in_step: bool,
    /// The meeting changed ratings are given at, when in step.
    pub meeting: Option<u32>,
}

/// A row whose action the board holds, read as the changes it makes to it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedAction {
    pub row: usize,
    pub change: ActionChange,
    /// Each change in words, field by field: "due: 31 March 2027 → 30 June 2027".
    pub said: Vec<String>,
    pub problems: Vec<RowProblem>,
}

/// Something wrong with one field of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub field: Field,
    pub reason: String,
}

/// A row read as an action. With problems, the action holds stand-ins (due today, lead
/// "To be confirmed", unrated) and a note saying what to fix.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAction {
    /// The sheet's row number, as Excel shows it.
    pub row: usize,
    pub action: PlanAction,
    pub problems: Vec<RowProblem>,
    /// Things worth knowing that did not stop the row ("also named: Sam Patel").
    pub remarks: Vec<String>,
}

/// Everything read from a sheet, checked against the board it will go into.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub source: String,
    pub actions: Vec<ReadAction>,
    /// Rows that hold something but no action (a lead with no action text, say).
    pub unreadable: Vec<(usize, String)>,
    /// Rows read as notes and left out ("Key: R = off track").
    pub left_out: Vec<(usize, String)>,
    pub new_people: Vec<Person>,
    pub new_priorities: Vec<Priority>,
    pub new_recommendations: Vec<Recommendation>,
    /// The scale the rating column was read through, when it needed one.
    pub scale: Option<Scale>,
    /// Rows that change actions the board holds (in step only).
    pub changes: Vec<ChangedAction>,
    /// Actions in the board the sheet does not hold (in step only): kept, never removed.
    pub not_in_sheet: Vec<String>,
    /// Rows whose action id the board already holds, numbered afresh (not in step): the
    /// sign of a tracker brought in again.
    pub ids_the_board_holds: Vec<usize>,
}

/// The person who stands in for a lead the sheet did not name.
pub const TO_BE_CONFIRMED: &str = "to-be-confirmed";

impl Reading {
    pub fn clean(&self) -> impl Iterator<Item = &ReadAction> {
        self.actions.iter().filter(|a| a.problems.is_empty())
    }

    pub fn with_problems(&self) -> impl Iterator<Item = &ReadAction> {
        self.actions.iter().filter(|a| !a.problems.is_empty())
    }

    /// How many rows failed: actions with problems and rows that are not actions at all.
    pub fn failed_rows(&self) -> usize {
        self.rows_with_problems() + self.unreadable.len()
    }

    /// Rows read as actions, new or changing one the board holds, with a problem.
    pub fn rows_with_problems(&self) -> usize {
        self.with_problems().count() + self.changes.iter().filter(|c| !c.problems.is_empty()).count()
    }

    /// Rows that change an action the board holds (in step).
    pub fn changing(&self) -> impl Iterator<Item = &ChangedAction> {
        self.changes.iter().filter(|c| !c.said.is_empty())
    }

    /// Rows for actions the board holds exactly as the sheet has them (in step).
    pub fn unchanged_rows(&self) -> usize {
        self.changes.iter().filter(|c| c.said.is_empty() && c.problems.is_empty()).count()
    }

    /// The changes to make, and the actions to add, when keeping the board in step.
    pub fn tracker_update(&self, with_problems: bool, meeting: Option<u32>, on: NaiveDate) -> TrackerUpdate {
        let changed: Vec<ActionChange> = self
            .changes
            .iter()
            .filter(|c| with_problems || c.problems.is_empty())
            .map(|c| c.change.clone())
            .filter(|c| !c.is_empty())
            .collect();
        let mut added = self.batch(with_problems);
        let leads: HashSet<&str> = changed.iter().filter_map(|c| c.lead.as_deref()).collect();
        let have: HashSet<String> = added.people.iter().map(|p| p.id.clone()).collect();
        added
            .people
            .extend(self.new_people.iter().filter(|p| leads.contains(p.id.as_str()) && !have.contains(&p.id)).cloned());
        TrackerUpdate { source: self.source.clone(), on, meeting, added, changed }
    }

    /// Every failed row as "row 14: due date: "ongoing" is not a date", in row order.
    pub fn failures(&self) -> Vec<String> {
        let said = |row: usize, problems: &[RowProblem]| {
            let said: Vec<String> =
                problems.iter().map(|p| format!("{}: {}", p.field.label().to_lowercase(), p.reason)).collect();
            (row, said.join("; "))
        };
        let mut failures: Vec<(usize, String)> = self
            .with_problems()
            .map(|a| said(a.row, &a.problems))
            .chain(self.changes.iter().filter(|c| !c.problems.is_empty()).map(|c| said(c.row, &c.problems)))
            .chain(self.unreadable.iter().cloned())
            .collect();
        failures.sort_by_key(|(row, _)| *row);
        failures.into_iter().map(|(row, why)| format!("row {row}: {why}")).collect()
    }

    /// What to add to the board: the clean rows, and the rows with problems too (stand-ins
    /// in place, flagged) when `with_problems`. Priorities, recommendations and people come
    /// along only when an action added needs them.
    pub fn batch(&self, with_problems: bool) -> ImportBatch {
        let actions: Vec<PlanAction> =
            self.actions.iter().filter(|a| with_problems || a.problems.is_empty()).map(|a| a.action.clone()).collect();
        // Sets, not searches: a sheet of thousands of rows must not take the square of it.
        let answered: HashSet<&str> = actions.iter().map(|a| a.recommendation.as_str()).collect();
        let leads: HashSet<&str> = actions.iter().map(|a| a.lead.as_str()).collect();
        let recommendations: Vec<Recommendation> =
            self.new_recommendations.iter().filter(|r| answered.contains(r.id.as_str())).cloned().collect();
        let placed: HashSet<&str> = recommendations.iter().map(|r| r.priority.as_str()).collect();
        let priorities = self.new_priorities.iter().filter(|p| placed.contains(p.id.as_str())).cloned().collect();
        let people = self.new_people.iter().filter(|p| leads.contains(p.id.as_str())).cloned().collect();
        ImportBatch { source: self.source.clone(), people, priorities, recommendations, actions }
    }
}

/// A priority or recommendation as the sheet names it, before it is matched to the board.
#[derive(Clone, Debug, Default, PartialEq)]
struct Named {
    id: String,
    text: String,
}

impl Named {
    fn is_empty(&self) -> bool {
        self.id.is_empty() && self.text.is_empty()
    }

    /// Whether two namings mean the same thing: the same id, or the same words.
    fn same_as(&self, other: &Named) -> bool {
        (!self.id.is_empty() && self.id == other.id)
            || (!self.text.is_empty() && self.text.eq_ignore_ascii_case(&other.text))
    }
}

/// "Priority 2: Children in care" → ("2", "Children in care"); "3. Improve…" → ("3", "Improve…").
fn heading(text: &str, word: &str) -> Option<Named> {
    let worded = text.get(..word.len()).is_some_and(|start| start.eq_ignore_ascii_case(word));
    let rest = if worded { text[word.len()..].trim_start() } else { text };
    let number: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let number = number.trim_end_matches('.').to_string();
    let after = rest[number.len()..].chars().next();
    // Without the word, only a number set off by punctuation counts ("3. …", "3) …"): "12
    // month plans" is words, not recommendation 12.
    if !worded && (number.is_empty() || !matches!(after, Some('.' | ')' | ':'))) {
        return None;
    }
    let text = rest[number.len()..].trim_start_matches(['.', ':', '-', '–', ')', ' ']).trim();
    Some(Named { id: number, text: values::one_line(text) })
}

/// "Key: 1 = fully achieved …", "Legend: B = complete": a row explaining the sheet.
fn is_a_key(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    ["key:", "key -", "key –", "legend", "rag key", "brag key", "scoring key"]
        .iter()
        .any(|start| lower.starts_with(start))
}

/// An id cell read as text; "2" in a recommendation column becomes "R2".
fn id_with_prefix(id: &str, prefix: &str) -> String {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) { format!("{prefix}{id}") } else { id.to_string() }
}

struct Reader<'a> {
    board: &'a Board,
    sheet: &'a Sheet,
    mapping: &'a Mapping,
    choices: &'a Choices,
    scale: Option<Scale>,
    today: NaiveDate,
    /// The board with everything read so far added, so proposed ids and matches see it.
    working: Known,
    original_people: usize,
    original_priorities: usize,
    reading: Reading,
    priority: Named,
    recommendation: Named,
    /// Ids of the actions already in the board before the import.
    existing_actions: std::collections::HashSet<String>,
    /// The row each id was first read on.
    seen_ids: std::collections::HashMap<String, usize>,
    /// Every action id the sheet gives, so a renumbered row never takes one a later row uses.
    sheet_ids: std::collections::HashSet<String>,
    /// A heading row no action has followed yet: if none does, it was a note ("Key: …").
    unused_heading: Option<(usize, String)>,
}

/// Reads a sheet's rows against `board` (which is not changed), as the sheet implies.
pub fn read(board: &Board, sheet: &Sheet, mapping: &Mapping, source: &str, today: NaiveDate) -> Reading {
    read_with(board, sheet, mapping, &Choices::default(), source, today)
}

/// Reads a sheet's rows against `board` (which is not changed), as the person chose.
pub fn read_with(
    board: &Board,
    sheet: &Sheet,
    mapping: &Mapping,
    choices: &Choices,
    source: &str,
    today: NaiveDate,
) -> Reading {
    let mut reader = Reader {
        board,
        sheet,
        mapping,
        choices,
        scale: choices.scale.clone().or_else(|| scale_for(sheet, mapping)),
        today,
        working: Known::new(board),
        original_people: board.people.len(),
        original_priorities: board.priorities.len(),
        reading: Reading {
            source: source.to_string(),
            actions: vec![],
            unreadable: vec![],
            left_out: vec![],
            new_people: vec![],
            new_priorities: vec![],
            new_recommendations: vec![],
            scale: None,
            changes: vec![],
            not_in_sheet: vec![],
            ids_the_board_holds: vec![],
        },
        priority: Named::default(),
        recommendation: Named::default(),
        existing_actions: board.actions.iter().map(|a| a.id.clone()).collect(),
        seen_ids: Default::default(),
        unused_heading: None,
        sheet_ids: mapping
            .column(Field::ActionId)
            .map(|c| (mapping.header_row + 1..sheet.rows.len()).map(|r| sheet.cell(r, c).text()).collect())
            .unwrap_or_default(),
    };
    for row in mapping.header_row + 1..sheet.rows.len() {
        reader.read_row(row);
    }
    if let Some(unused) = reader.unused_heading.take() {
        reader.reading.left_out.push(unused);
    }
    let mut reading = reader.reading;
    reading.scale = reader.scale;
    if choices.in_step {
        reading.not_in_sheet =
            board.actions.iter().filter(|a| !reader.sheet_ids.contains(&a.id)).map(|a| a.id.clone()).collect();
    }
    let mut working = reader.working.board;
    reading.new_people = working.people.split_off(reader.original_people);
    reading.new_priorities = working.priorities.split_off(reader.original_priorities);
    let original_recs: std::collections::HashSet<&str> = board.recommendations.iter().map(|r| r.id.as_str()).collect();
    reading.new_recommendations =
        working.recommendations.into_iter().filter(|r| !original_recs.contains(r.id.as_str())).collect();
    reading
}

impl Reader<'_> {
    fn cell(&self, row: usize, field: Field) -> Cell {
        self.mapping.column(field).map_or(Cell::Empty, |c| self.sheet.cell(row, c).clone())
    }

    fn text(&self, row: usize, field: Field) -> String {
        self.cell(row, field).text()
    }

    fn read_row(&mut self, row: usize) {
        let cells = self.sheet.rows.get(row).map(Vec::as_slice).unwrap_or(&[]);
        let texts: Vec<String> = cells.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
        if texts.is_empty() {
            return; // a spacer row
        }
        let sheet_row = row + 1;
        let named = |id: Field, text: Field, prefix: &str| Named {
            id: id_with_prefix(&self.text(row, id), prefix),
            text: values::one_line(&self.text(row, text)),
        };
        let priority = named(Field::PriorityId, Field::Priority, "P");
        let mut recommendation = named(Field::RecommendationId, Field::Recommendation, "R");
        // "1. Leaders should know…": the number is the recommendation's, the words follow.
        if recommendation.id.is_empty()
            && let Some(numbered) = heading(&recommendation.text, "recommendation").filter(|h| !h.id.is_empty())
        {
            recommendation = Named { id: id_with_prefix(&numbered.id, "R"), text: numbered.text };
        }
        if !priority.is_empty() && !priority.same_as(&self.priority) {
            self.priority = priority;
            self.recommendation = Named::default();
        }
        if !recommendation.is_empty() {
            self.recommendation = recommendation;
        }
        // A heading across the row (merged cells repeat it in every column) sets the context.
        let one_text = texts.iter().all(|t| *t == texts[0]);
        let action_text = self.text(row, Field::Action);
        let heading_row = (sheet_row, texts[0].clone());
        if one_text && (texts.len() > 1 || action_text.is_empty()) {
            if texts[0].to_lowercase().starts_with("priority")
                && let Some(p) = heading(&texts[0], "priority")
            {
                self.priority = Named { id: id_with_prefix(&p.id, "P"), text: p.text };
                self.recommendation = Named::default();
                self.heading_set(heading_row);
                return;
            }
            if let Some(r) = heading(&texts[0], "recommendation") {
                self.recommendation = Named { id: id_with_prefix(&r.id, "R"), text: r.text };
                self.heading_set(heading_row);
                return;
            }
        }
        // A key to the sheet's ratings or colours is a note, whatever column it sits in.
        if texts.len() == 1 && is_a_key(&texts[0]) {
            self.reading.left_out.push((sheet_row, texts[0].clone()));
            return;
        }
        // "2 | CHILDREN LOOKED AFTER": a number and a title, nothing else, opens a section.
        // A title merged across the row repeats in every column it covers.
        let mut filled: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for text in &texts {
            if seen.insert(text.as_str()) {
                filled.push(text.clone());
            }
        }
        let parts = [Field::Lead, Field::Due, Field::Rag, Field::Measure];
        let title = filled.last().cloned().unwrap_or_default();
        let leaves_parts_empty = parts.iter().any(|f| self.mapping.column(*f).is_some())
            && parts.iter().all(|f| {
                let text = self.text(row, *f);
                text.is_empty() || (filled.len() <= 2 && text == title)
            });
        if let Some(section) = sections::section_row(&filled, leaves_parts_empty) {
            let has_priority_column =
                self.mapping.column(Field::Priority).is_some() || self.mapping.column(Field::PriorityId).is_some();
            if has_priority_column && !self.mapping.each_row_a_recommendation {
                self.recommendation = Named { id: id_with_prefix(&section.number, "R"), text: section.title };
            } else {
                self.priority = Named { id: id_with_prefix(&section.number, "P"), text: section.title };
                self.recommendation = Named::default();
            }
            self.heading_set(heading_row);
            return;
        }
        let title = values::one_line(&action_text);
        if !title.is_empty() {
            self.unused_heading = None;
            if self.mapping.each_row_a_recommendation {
                // The row is its own recommendation, numbered as the sheet numbers it.
                let number = [Field::RecommendationId, Field::ActionId]
                    .iter()
                    .map(|f| self.text(row, *f))
                    .find(|n| !n.is_empty())
                    .unwrap_or_default();
                self.recommendation = Named { id: id_with_prefix(&number, "R"), text: title.clone() };
            }
            self.read_action(row, title);
            return;
        }
        let has_action_parts =
            [Field::ActionId, Field::Lead, Field::Due, Field::Measure].iter().any(|f| !self.cell(row, *f).is_empty());
        if has_action_parts {
            self.reading.unreadable.push((sheet_row, "the Action column is empty".into()));
        } else if self.cell(row, Field::Recommendation).is_empty() && self.cell(row, Field::Priority).is_empty() {
            self.reading.left_out.push((sheet_row, texts.join(" | ")));
        } else {
            self.heading_set(heading_row);
        }
    }

    /// A heading row has set the context; the one before it, if no action followed it,
    /// was a note after all and is reported as left out.
    fn heading_set(&mut self, heading: (usize, String)) {
        if let Some(unused) = self.unused_heading.replace(heading) {
            self.reading.left_out.push(unused);
        }
    }

    fn read_action(&mut self, row: usize, title: String) {
        let sheet_row = row + 1;
        let mut problems = Vec::new();
        let mut remarks = Vec::new();
        let mut flags = Vec::new();

        // A failed formula is read as empty, never silently.
        for (column, field) in self.mapping.fields.iter().enumerate() {
            // The due date says so itself, as it cannot be left empty.
            if let (Cell::Error(error), false) = (self.sheet.cell(row, column), *field == Field::Due) {
                let reason =
                    format!("the cell shows Excel's error {error} (a formula that failed), so it was read as empty");
                problems.push(RowProblem { field: *field, reason });
            }
        }
        let mut id = self.text(row, Field::ActionId);
        if self.choices.in_step
            && !id.is_empty()
            && !self.seen_ids.contains_key(&id)
            && self.existing_actions.contains(&id)
        {
            self.seen_ids.insert(id.clone(), sheet_row);
            self.read_change(row, id, title, problems);
            return;
        }
        let priority = self.resolve_priority();
        let recommendation = self.resolve_recommendation(&priority, &id);
        if id.is_empty() {
            id = self.fresh_action_id(&recommendation);
        } else if let Some(first) =
            self.seen_ids.get(&id).copied().or_else(|| self.existing_actions.contains(&id).then_some(0))
        {
            let fresh = self.fresh_action_id(&recommendation);
            let reason = if first == 0 {
                self.reading.ids_the_board_holds.push(sheet_row);
                format!("action {id} is already in the board")
            } else {
                format!("action {id} is used twice (first on row {first})")
            };
            flags.push(format!("{reason}; numbered {fresh} instead"));
            problems.push(RowProblem { field: Field::ActionId, reason });
            id = fresh;
        }
        self.seen_ids.entry(id.clone()).or_insert(sheet_row);

        let due = match values::due_date_read(&self.cell(row, Field::Due), self.choices.month_end) {
            Ok((due, said)) => {
                remarks.extend(said);
                due
            }
            Err(reason) => {
                flags.push(format!("due date: {reason}; set to {} until it is fixed", uk_long(self.today)));
                problems.push(RowProblem { field: Field::Due, reason });
                self.today
            }
        };

        let names = values::names(&self.text(row, Field::Lead));
        let lead = match names.split_first() {
            Some((first, others)) => {
                if !others.is_empty() {
                    remarks.push(format!("also named as lead: {}", others.join(", ")));
                }
                self.person_for(first)
            }
            None => {
                let reason = "no lead officer named".to_string();
                flags.push(format!("{reason}; lead set to \"To be confirmed\""));
                problems.push(RowProblem { field: Field::Lead, reason });
                self.person_for("To be confirmed")
            }
        };

        let rag = match self.rating(row) {
            Ok(rag) => rag,
            Err(reason) => {
                flags.push(format!("RAG: {reason}; left unrated"));
                problems.push(RowProblem { field: Field::Rag, reason });
                None
            }
        };
        let mut note = values::one_line(&self.text(row, Field::Note));
        if !flags.is_empty() {
            let flag = format!(
                "Imported from {} row {sheet_row} with problems to fix: {}.",
                self.reading.source,
                flags.join("; ")
            );
            note = if note.is_empty() { flag } else { format!("{flag} {note}") };
        }
        let updates = if rag.is_some() || !note.is_empty() {
            vec![Update {
                date: self.today,
                meeting: None,
                rag: rag.unwrap_or(Rag::NotRated),
                impact: None,
                note,
                by: None,
            }]
        } else {
            vec![]
        };
        let action = PlanAction {
            id,
            recommendation,
            title,
            lead,
            due,
            redated: vec![],
            measure: values::one_line(&self.text(row, Field::Measure)),
            evidence: self.evidence(row),
            updates,
        };
        self.working.add_action(action.clone());
        self.reading.actions.push(ReadAction { row: sheet_row, action, problems, remarks });
    }

    /// The rating a row gives, read through the scale when the column needs one.
    fn rating(&self, row: usize) -> Result<Option<Rag>, String> {
        let text = self.text(row, Field::Rag);
        match &self.scale {
            Some(scale) => scale.rating(&text),
            None => values::rag(&text),
        }
    }

    fn evidence(&self, row: usize) -> Vec<String> {
        self.mapping.columns(Field::Evidence).flat_map(|c| values::lines(&self.sheet.cell(row, c).text())).collect()
    }

    /// A row for an action the board holds, read as what it changes, field by field. An
    /// empty cell changes nothing: a tracker that leaves a cell blank has not cleared it.
    fn read_change(&mut self, row: usize, id: String, title: String, mut problems: Vec<RowProblem>) {
        let board = self.board;
        let before = board.action(&id).expect("the id is one of the board's actions");
        let mut change = ActionChange { id: id.clone(), ..ActionChange::default() };
        let mut said = Vec::new();
        if title != before.title {
            said.push(format!("title: \"{}\" → \"{title}\"", before.title));
            change.title = Some(title);
        }
        // The current lead's name, id or post in the sheet is the current lead, even where
        // the board has two people of that name.
        let current = board.person(&before.lead);
        let is_current = |name: &str| {
            let name = values::one_line(name).to_lowercase();
            name == before.lead.to_lowercase()
                || current.is_some_and(|p| [&p.name, &p.role].iter().any(|w| !w.is_empty() && w.to_lowercase() == name))
        };
        if let Some(first) = values::names(&self.text(row, Field::Lead)).first().filter(|name| !is_current(name)) {
            let lead = self.person_for(first);
            if lead != before.lead {
                let now = self.working.person_label(&lead);
                said.push(format!("lead: {} → {now}", board.person_name(&before.lead)));
                change.lead = Some(lead);
            }
        }
        let measure = values::one_line(&self.text(row, Field::Measure));
        if !measure.is_empty() && measure != before.measure {
            said.push(format!("measure: \"{}\" → \"{measure}\"", before.measure));
            change.measure = Some(measure);
        }
        let evidence = self.evidence(row);
        if !evidence.is_empty() && evidence != before.evidence {
            said.push(format!("evidence: {} → {}", before.evidence.join("; "), evidence.join("; ")));
            change.evidence = Some(evidence);
        }
        let due_cell = self.cell(row, Field::Due);
        if !due_cell.is_empty() {
            match values::due_date_read(&due_cell, self.choices.month_end) {
                Ok((due, _)) if due != before.due => {
                    said.push(format!(
                        "due: {} → {} (re-dated: changed in {} on {})",
                        uk_long(before.due),
                        uk_long(due),
                        self.reading.source,
                        uk_long(self.today)
                    ));
                    change.due = Some(due);
                }
                Ok(_) => {}
                Err(reason) => problems.push(RowProblem { field: Field::Due, reason }),
            }
        }
        let was = before.current_rag();
        match self.rating(row) {
            Ok(Some(rag)) if rag != was => {
                let refused = self.choices.meeting.and_then(|n| why_not_rated_at(board, n));
                match refused {
                    Some(reason) => problems.push(RowProblem { field: Field::Rag, reason }),
                    None => {
                        let at = self
                            .choices
                            .meeting
                            .map_or_else(|| format!("dated {}", uk_long(self.today)), |n| format!("at meeting {n}"));
                        said.push(format!("rating: {} → {} ({at})", was.word(), rag.word()));
                        let note = values::one_line(&self.text(row, Field::Note));
                        let note = if note.is_empty() {
                            format!("Rated {} in {} (was {}).", rag.word(), self.reading.source, was.word())
                        } else {
                            note
                        };
                        change.rating = Some((rag, note));
                    }
                }
            }
            Ok(_) => {}
            Err(reason) => problems.push(RowProblem { field: Field::Rag, reason }),
        }
        self.reading.changes.push(ChangedAction { row: row + 1, change, said, problems });
    }

    /// The next free id under a recommendation that no row of the sheet uses either.
    fn fresh_action_id(&self, recommendation: &str) -> String {
        self.working.next_action_id(recommendation, |id| self.sheet_ids.contains(id))
    }

    /// The priority the current rows sit under, added to the working board if new.
    fn resolve_priority(&mut self) -> String {
        let named = self.priority.clone();
        let by_id = (!named.id.is_empty())
            .then(|| self.working.priority(&named.id))
            .flatten()
            .filter(|p| named.text.is_empty() || p.title.eq_ignore_ascii_case(&named.text));
        let by_title = (!named.text.is_empty()).then(|| self.working.priority_titled(&named.text)).flatten();
        if let Some(found) = by_id.or(by_title) {
            return found.id.clone();
        }
        let id = if named.id.is_empty() || self.working.priority(&named.id).is_some() {
            self.working.next_priority_id()
        } else {
            named.id.clone()
        };
        let title = if named.text.is_empty() { format!("Imported from {}", self.reading.source) } else { named.text };
        self.priority = Named { id: id.clone(), text: title.clone() };
        self.working.add_priority(Priority { id: id.clone(), title, summary: String::new() });
        id
    }

    /// The recommendation the current rows answer, added to the working board if new. With
    /// no recommendation named, the action id's first part groups them ("2.4" → R2).
    fn resolve_recommendation(&mut self, priority: &str, action_id: &str) -> String {
        let mut named = self.recommendation.clone();
        if named.is_empty()
            && let Some((head, _)) = action_id.split_once('.')
        {
            named.id = id_with_prefix(head, "R");
        }
        // The same id with other words is another inspection's recommendation: kept apart.
        let by_id = (!named.id.is_empty())
            .then(|| self.working.recommendation(&named.id))
            .flatten()
            .filter(|r| named.text.is_empty() || r.text == named.text);
        let by_text = (!named.text.is_empty()).then(|| self.working.recommendation_worded(&named.text)).flatten();
        if let Some(found) = by_id.or(by_text) {
            return found.id.clone();
        }
        let id = if named.id.is_empty() || self.working.recommendation(&named.id).is_some() {
            self.working.next_recommendation_id()
        } else {
            named.id.clone()
        };
        let text = if named.text.is_empty() {
            "(The sheet did not give the recommendation's words.)".into()
        } else {
            named.text
        };
        self.working.add_recommendation(Recommendation {
            id: id.clone(),
            priority: priority.to_string(),
            inspection: None,
            text,
        });
        if !self.recommendation.is_empty() {
            self.recommendation.id = id.clone();
        } else if action_id.split_once('.').is_none() {
            // A sheet that names no recommendation and numbers no actions by one: the
            // rows that follow answer the same stand-in, not one each.
            self.recommendation = Named { id: id.clone(), text: String::new() };
        }
        id
    }

    /// The person a sheet's name means: matched by name, id or role; otherwise a new person.
    fn person_for(&mut self, name: &str) -> String {
        let wanted = values::one_line(name).to_lowercase();
        if let Some(person) = self.working.person_called(&wanted) {
            return person.id.clone();
        }
        let id = if wanted == "to be confirmed" && !self.working.has_person(TO_BE_CONFIRMED) {
            TO_BE_CONFIRMED.to_string()
        } else {
            self.working.free_person_id(name)
        };
        // A post ("Head of Service MASH") is proposed as a person holding it, whose name
        // the board adds when it knows it.
        let (name, role) = if wanted != "to be confirmed" && roles::names_a_role(name) {
            (String::new(), values::one_line(name))
        } else {
            (values::one_line(name), String::new())
        };
        self.working.add_person(Person {
            id: id.clone(),
            name,
            role,
            organisation: String::new(),
            board_member: false,
        });
        id
    }
}
