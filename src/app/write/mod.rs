//! Writing the statement of action (the "Write" side of the statement-of-action view): an
//! outline of inspections, priorities, recommendations and actions on the left, the
//! selected one's form on the right. Fields are edited in place and committed when the
//! person leaves them; every change is one edit, so it can be undone and is audited.

mod forms;
mod outline;

use chrono::NaiveDate;
use eframe::egui;

use super::Intent;
use crate::edit::{Edit, PlanEdit};
use crate::model::{Board, Inspection, InspectionKind, PlanAction, PlanPart, Priority, Recommendation};

/// What the form shows: a part of the plan, or a new one being written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selected {
    Inspection(String),
    Priority(String),
    Recommendation(String),
    Action(String),
    NewInspection,
    NewPriority,
    NewRecommendation { priority: String },
    NewAction { recommendation: String },
}

impl Selected {
    /// The part and id of an existing selection.
    fn existing(&self) -> Option<(PlanPart, &str)> {
        match self {
            Selected::Inspection(id) => Some((PlanPart::Inspection, id)),
            Selected::Priority(id) => Some((PlanPart::Priority, id)),
            Selected::Recommendation(id) => Some((PlanPart::Recommendation, id)),
            Selected::Action(id) => Some((PlanPart::Action, id)),
            _ => None,
        }
    }

    fn of(part: PlanPart, id: &str) -> Selected {
        let id = id.to_string();
        match part {
            PlanPart::Inspection => Selected::Inspection(id),
            PlanPart::Priority => Selected::Priority(id),
            PlanPart::Recommendation => Selected::Recommendation(id),
            PlanPart::Action => Selected::Action(id),
        }
    }
}

/// The thing being edited, as the form holds it.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Inspection(Inspection),
    Priority(Priority),
    Recommendation(Recommendation),
    Action(PlanAction),
}

/// A form's working copy. List fields (evidence, inspectors, findings) are edited as
/// text, one a line.
#[derive(Clone, Debug)]
struct Draft {
    /// The id as typed; committed as a rename when the field is left.
    id: String,
    item: Item,
    lines: String,
    more_lines: String,
}

#[derive(Default)]
pub struct WriteState {
    pub selected: Option<Selected>,
    /// A click in the outline, taken once the form has committed what was being typed.
    clicked: Option<Selected>,
    draft: Option<Draft>,
    /// What the draft was made from: the selection and the board's version.
    draft_for: Option<(Selected, u64)>,
    /// Priorities opened in the outline.
    pub expanded: std::collections::HashSet<String>,
    /// Removing asks first, naming what refers to the part.
    confirm_remove: Option<(PlanPart, String, Vec<String>)>,
    /// A move asked for this frame: part, id, up.
    moving: Option<(PlanPart, String, bool)>,
    /// A person being added on the spot as a lead: name and role.
    new_person: Option<(String, String)>,
    /// Why the id typed was not taken (it is another part's), until the next try.
    id_problem: Option<String>,
}

impl WriteState {
    pub fn select(&mut self, selected: Selected) {
        self.selected = Some(selected);
        self.id_problem = None;
    }
}

fn lines_of(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// The draft for a selection: the part as it is, or a new one with proposed id and sensible
/// defaults (the lead of the last action under the same priority, due in three months).
fn draft_for(board: &Board, selected: &Selected, today: NaiveDate) -> Option<Draft> {
    let draft = |id: &str, item: Item, lines: Vec<String>, more: Vec<String>| Draft {
        id: id.to_string(),
        item,
        lines: lines.join("\n"),
        more_lines: more.join("\n"),
    };
    Some(match selected {
        Selected::Inspection(id) => {
            let i = board.inspection(id)?.clone();
            let (inspectors, findings) = (i.inspectors.clone(), i.findings.clone());
            draft(id, Item::Inspection(i), inspectors, findings)
        }
        Selected::Priority(id) => draft(id, Item::Priority(board.priority(id)?.clone()), vec![], vec![]),
        Selected::Recommendation(id) => {
            draft(id, Item::Recommendation(board.recommendation(id)?.clone()), vec![], vec![])
        }
        Selected::Action(id) => {
            let action = board.action(id)?.clone();
            let evidence = action.evidence.clone();
            draft(id, Item::Action(action), evidence, vec![])
        }
        Selected::NewInspection => {
            let id = board.next_inspection_id();
            let inspection = Inspection {
                id: id.clone(),
                kind: InspectionKind::MonitoringVisit,
                start: today,
                end: None,
                published: None,
                inspectors: vec![],
                focus: String::new(),
                judgements: vec![],
                findings: vec![],
            };
            draft(&id, Item::Inspection(inspection), vec![], vec![])
        }
        Selected::NewPriority => {
            let id = board.next_priority_id();
            draft(
                &id,
                Item::Priority(Priority { id: id.clone(), title: String::new(), summary: String::new() }),
                vec![],
                vec![],
            )
        }
        Selected::NewRecommendation { priority } => {
            let id = board.next_recommendation_id();
            let inspection = board.inspections.iter().rev().find(|i| !i.judgements.is_empty()).map(|i| i.id.clone());
            let rec = Recommendation { id: id.clone(), priority: priority.clone(), inspection, text: String::new() };
            draft(&id, Item::Recommendation(rec), vec![], vec![])
        }
        Selected::NewAction { recommendation } => {
            let id = board.next_action_id(recommendation);
            let priority = board.recommendation(recommendation).map(|r| r.priority.clone()).unwrap_or_default();
            let lead = board
                .actions_in_priority(&priority)
                .last()
                .map(|a| a.lead.clone())
                .or_else(|| board.people.first().map(|p| p.id.clone()))
                .unwrap_or_default();
            let action = PlanAction {
                id: id.clone(),
                recommendation: recommendation.clone(),
                title: String::new(),
                lead,
                due: today.checked_add_months(chrono::Months::new(3)).unwrap_or(today),
                redated: vec![],
                measure: String::new(),
                evidence: vec![],
                updates: vec![],
            };
            draft(&id, Item::Action(action), vec![], vec![])
        }
    })
}

impl Draft {
    /// The item with its list fields read back from their text.
    fn finished(&self) -> Item {
        let mut item = self.item.clone();
        match &mut item {
            Item::Inspection(i) => {
                i.inspectors = lines_of(&self.lines);
                i.findings = lines_of(&self.more_lines);
            }
            Item::Action(a) => a.evidence = lines_of(&self.lines),
            Item::Priority(_) | Item::Recommendation(_) => {}
        }
        item
    }

    /// The edit that records the form's changes to an existing part, if it differs.
    fn update(&self, board: &Board) -> Option<Edit> {
        let edit = match self.finished() {
            Item::Inspection(i) => (board.inspection(&i.id) != Some(&i)).then_some(PlanEdit::UpdateInspection(i)),
            Item::Priority(p) => (board.priority(&p.id) != Some(&p)).then_some(PlanEdit::UpdatePriority(p)),
            Item::Recommendation(r) => {
                (board.recommendation(&r.id) != Some(&r)).then_some(PlanEdit::UpdateRecommendation(r))
            }
            Item::Action(a) => {
                let before = board.action(&a.id)?;
                let same = PlanAction { updates: before.updates.clone(), redated: before.redated.clone(), ..a.clone() }
                    == *before;
                (!same).then_some(PlanEdit::UpdateAction(a))
            }
        };
        edit.map(Edit::Plan)
    }

    /// The edit that adds a new part, with the id as typed.
    fn add(&self) -> (Edit, Selected) {
        let id = self.id.trim().to_string();
        let (edit, selected) = match self.finished() {
            Item::Inspection(i) => {
                (PlanEdit::AddInspection(Inspection { id: id.clone(), ..i }), Selected::Inspection(id))
            }
            Item::Priority(p) => (PlanEdit::AddPriority(Priority { id: id.clone(), ..p }), Selected::Priority(id)),
            Item::Recommendation(r) => {
                (PlanEdit::AddRecommendation(Recommendation { id: id.clone(), ..r }), Selected::Recommendation(id))
            }
            Item::Action(a) => (PlanEdit::AddAction(PlanAction { id: id.clone(), ..a }), Selected::Action(id)),
        };
        (Edit::Plan(edit), selected)
    }
}

pub fn write_ui(
    ui: &mut egui::Ui,
    board: &Board,
    version: u64,
    today: NaiveDate,
    state: &mut WriteState,
    intents: &mut Vec<Intent>,
) {
    // A selection that no longer exists (removed, renamed, undone) falls back to nothing.
    if let Some((part, id)) = state.selected.as_ref().and_then(Selected::existing)
        && !board.has(part, id)
    {
        state.selected = None;
    }
    let key = state.selected.clone().map(|s| (s, version));
    if state.draft_for != key {
        state.draft = state.selected.as_ref().and_then(|s| draft_for(board, s, today));
        state.draft_for = key;
    }
    egui::Panel::left("write-outline").resizable(true).default_size(380.0).show(ui, |ui| {
        outline::outline(ui, board, state);
    });
    egui::ScrollArea::vertical().id_salt("write-form").show(ui, |ui| match state.selected.clone() {
        Some(selected) => forms::form(ui, board, &selected, state, intents),
        None => {
            ui.add_space(12.0);
            ui.heading("Write the statement of action");
            ui.label(
                "Choose an inspection, priority, recommendation or action on the left to edit it, or add one. \
                 Changes are saved to the board as you leave each field, and Undo takes them back one by one.",
            );
            ui.label(
                "A spreadsheet the plan is already kept in can be brought in from File → Import from a spreadsheet.",
            );
        }
    });
    forms::moves_and_removals(ui.ctx(), state, intents);
    if let Some(clicked) = state.clicked.take() {
        state.selected = Some(clicked);
        state.new_person = None;
        state.id_problem = None;
    }
}
