//! Writing the statement of action: adding, changing, renaming, reordering and removing
//! inspections, priorities, recommendations and actions, and bringing in a spreadsheet —
//! each one edit, so undo, "unsaved" and the audit trail work as for a meeting.

use std::collections::HashSet;

use crate::model::{Board, Inspection, ItemKind, Person, PlanAction, PlanPart, Priority, Recommendation, plural};

use super::EditError;
use super::restore::{List, Listed, Restore, Steps};

/// A change to the statement of action or the inspections behind it.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    AddInspection(Inspection),
    /// Replaces the inspection with the same id.
    UpdateInspection(Inspection),
    AddPriority(Priority),
    UpdatePriority(Priority),
    /// Adds a recommendation after the others under its priority.
    AddRecommendation(Recommendation),
    UpdateRecommendation(Recommendation),
    /// Adds an action after the others answering its recommendation.
    AddAction(PlanAction),
    /// Replaces an action's details. Its RAG history is kept: ratings change only when a
    /// meeting rates the action.
    UpdateAction(PlanAction),
    /// Gives a part a new id, and every reference to it follows.
    Rename {
        part: PlanPart,
        from: String,
        to: String,
    },
    /// Moves a part one place up or down among its siblings.
    Move {
        part: PlanPart,
        id: String,
        up: bool,
    },
    /// Removes a part; a priority or recommendation takes what is under it along.
    Remove {
        part: PlanPart,
        id: String,
    },
    /// A spreadsheet brought in, all at once.
    Import(Box<ImportBatch>),
    /// The adviser's tracker brought in again: the actions it holds changed to match it,
    /// its new ones added.
    KeepInStep(Box<super::tracker::TrackerUpdate>),
}

/// What an import adds, already checked against the board it goes into.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportBatch {
    /// The file it came from, for the audit trail.
    pub source: String,
    pub people: Vec<Person>,
    pub priorities: Vec<Priority>,
    pub recommendations: Vec<Recommendation>,
    pub actions: Vec<PlanAction>,
}

fn position<T>(list: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
    list.iter().position(|x| id_of(x) == id)
}

fn missing(part: PlanPart, id: &str) -> EditError {
    match part {
        PlanPart::Action => EditError::NoSuchAction(id.to_string()),
        _ => EditError::NoSuchPart { part, id: id.to_string() },
    }
}

fn index_of(board: &Board, part: PlanPart, id: &str) -> Result<usize, EditError> {
    match part {
        PlanPart::Inspection => position(&board.inspections, id, |x| &x.id),
        PlanPart::Priority => position(&board.priorities, id, |x| &x.id),
        PlanPart::Recommendation => position(&board.recommendations, id, |x| &x.id),
        PlanPart::Action => position(&board.actions, id, |x| &x.id),
    }
    .ok_or_else(|| missing(part, id))
}

/// Refuses an empty id, an id with spaces at its ends, or one already taken.
fn check_new_id(board: &Board, part: PlanPart, id: &str) -> Result<(), EditError> {
    check_id_form(part, id)?;
    if board.has(part, id) {
        return Err(taken(part, id));
    }
    Ok(())
}

/// An id is given, with no space before or after it.
fn check_id_form(part: PlanPart, id: &str) -> Result<(), EditError> {
    if id.trim().is_empty() {
        return Err(EditError::IdMissing(part));
    }
    if id.trim() != id {
        return Err(EditError::IdHasSpaces(id.to_string()));
    }
    Ok(())
}

fn taken(part: PlanPart, id: &str) -> EditError {
    EditError::IdTaken(format!("{} id \"{id}\"", part.word()))
}

fn check_recommendation(board: &Board, rec: &Recommendation) -> Result<(), EditError> {
    if board.priority(&rec.priority).is_none() {
        return Err(missing(PlanPart::Priority, &rec.priority));
    }
    check_recommendation_inspection(board, rec)
}

fn check_recommendation_inspection(board: &Board, rec: &Recommendation) -> Result<(), EditError> {
    if let Some(inspection) = rec.inspection.as_deref().filter(|i| board.inspection(i).is_none()) {
        return Err(missing(PlanPart::Inspection, inspection));
    }
    Ok(())
}

fn check_action(board: &Board, action: &PlanAction) -> Result<(), EditError> {
    if board.recommendation(&action.recommendation).is_none() {
        return Err(missing(PlanPart::Recommendation, &action.recommendation));
    }
    if board.person(&action.lead).is_none() {
        return Err(EditError::NoSuchPerson(action.lead.clone()));
    }
    if action.title.trim().is_empty() {
        return Err(EditError::TitleMissing);
    }
    Ok(())
}

/// Where a new recommendation goes: after the last one under its priority.
fn recommendation_slot(board: &Board, priority: &str) -> usize {
    board.recommendations.iter().rposition(|r| r.priority == priority).map_or(board.recommendations.len(), |i| i + 1)
}

/// Where a new action goes: after the last one answering its recommendation.
fn action_slot(board: &Board, recommendation: &str) -> usize {
    board.actions.iter().rposition(|a| a.recommendation == recommendation).map_or(board.actions.len(), |i| i + 1)
}

impl PlanEdit {
    pub(super) fn apply(&self, board: &mut Board) -> Result<Restore, EditError> {
        Steps::run(board, |board, steps| self.take_steps(board, steps))
    }

    fn take_steps(&self, board: &mut Board, steps: &mut Steps) -> Result<(), EditError> {
        match self {
            PlanEdit::AddInspection(inspection) => {
                check_new_id(board, PlanPart::Inspection, &inspection.id)?;
                steps.push(board, inspection.clone(), List::Inspections);
            }
            PlanEdit::UpdateInspection(inspection) => {
                let i = index_of(board, PlanPart::Inspection, &inspection.id)?;
                steps.replace(board, i, inspection.clone());
            }
            PlanEdit::AddPriority(priority) => {
                check_new_id(board, PlanPart::Priority, &priority.id)?;
                steps.push(board, priority.clone(), List::Priorities);
            }
            PlanEdit::UpdatePriority(priority) => {
                let i = index_of(board, PlanPart::Priority, &priority.id)?;
                steps.replace(board, i, priority.clone());
            }
            PlanEdit::AddRecommendation(rec) => {
                check_new_id(board, PlanPart::Recommendation, &rec.id)?;
                check_recommendation(board, rec)?;
                let at = recommendation_slot(board, &rec.priority);
                steps.insert(board, at, rec.clone(), List::Recommendations);
            }
            PlanEdit::UpdateRecommendation(rec) => {
                let i = index_of(board, PlanPart::Recommendation, &rec.id)?;
                check_recommendation(board, rec)?;
                steps.replace(board, i, rec.clone());
            }
            PlanEdit::AddAction(action) => {
                check_new_id(board, PlanPart::Action, &action.id)?;
                check_action(board, action)?;
                let at = action_slot(board, &action.recommendation);
                steps.insert(board, at, action.clone(), List::Actions);
            }
            PlanEdit::UpdateAction(action) => {
                let i = index_of(board, PlanPart::Action, &action.id)?;
                check_action(board, action)?;
                // Ratings and re-datings are history: an edit of the details keeps both.
                let before = &board.actions[i];
                let updated =
                    PlanAction { updates: before.updates.clone(), redated: before.redated.clone(), ..action.clone() };
                steps.replace(board, i, updated);
            }
            PlanEdit::Rename { part, from, to } => rename(board, steps, *part, from, to)?,
            PlanEdit::Move { part, id, up } => move_part(board, steps, *part, id, *up)?,
            PlanEdit::Remove { part, id } => remove(board, steps, *part, id)?,
            PlanEdit::Import(batch) if batch.actions.is_empty() && batch.people.is_empty() => {
                return Err(EditError::NothingToImport(batch.source.clone()));
            }
            PlanEdit::Import(batch) => import(board, steps, batch)?,
            PlanEdit::KeepInStep(update) => update.take_steps(board, steps)?,
        }
        Ok(())
    }
}

/// Replaces every element of a list that `change` changes, one undo step each.
fn change_each<T: Listed>(board: &mut Board, steps: &mut Steps, change: impl Fn(&mut T) -> bool) {
    for i in 0..T::list(board).len() {
        let mut element = T::list(board)[i].clone();
        if change(&mut element) {
            steps.replace(board, i, element);
        }
    }
}

fn rename(board: &mut Board, steps: &mut Steps, part: PlanPart, from: &str, to: &str) -> Result<(), EditError> {
    let i = index_of(board, part, from)?;
    if from == to {
        return Ok(());
    }
    check_new_id(board, part, to)?;
    if let Some(reason) = board.why_id_is_fixed(part, from) {
        return Err(EditError::Sealed(reason));
    }
    let renamed = |id: &mut String| {
        let hit = id == from;
        if hit {
            *id = to.to_string();
        }
        hit
    };
    match part {
        PlanPart::Inspection => {
            let mut inspection = board.inspections[i].clone();
            inspection.id = to.to_string();
            steps.replace(board, i, inspection);
            change_each::<Recommendation>(board, steps, |r| r.inspection.as_mut().is_some_and(renamed));
        }
        PlanPart::Priority => {
            let mut priority = board.priorities[i].clone();
            priority.id = to.to_string();
            steps.replace(board, i, priority);
            change_each::<Recommendation>(board, steps, |r| renamed(&mut r.priority));
            // Approved agendas were refused above; open ones follow the new id.
            change_each::<crate::model::Meeting>(board, steps, |m| {
                let mut hit = false;
                for item in &mut m.items {
                    if let ItemKind::PlanReview { priority } = &mut item.kind {
                        hit |= renamed(priority);
                    }
                }
                hit
            });
        }
        PlanPart::Recommendation => {
            let mut rec = board.recommendations[i].clone();
            rec.id = to.to_string();
            steps.replace(board, i, rec);
            change_each::<PlanAction>(board, steps, |a| renamed(&mut a.recommendation));
        }
        PlanPart::Action => {
            let mut action = board.actions[i].clone();
            action.id = to.to_string();
            steps.replace(board, i, action);
        }
    }
    Ok(())
}

/// Swaps a part with its previous or next sibling: priorities and inspections among all,
/// recommendations under the same priority, actions under the same recommendation.
fn move_part(board: &mut Board, steps: &mut Steps, part: PlanPart, id: &str, up: bool) -> Result<(), EditError> {
    let i = index_of(board, part, id)?;
    let siblings: Vec<usize> = match part {
        PlanPart::Inspection => (0..board.inspections.len()).collect(),
        PlanPart::Priority => (0..board.priorities.len()).collect(),
        PlanPart::Recommendation => {
            let priority = &board.recommendations[i].priority;
            (0..board.recommendations.len()).filter(|&j| &board.recommendations[j].priority == priority).collect()
        }
        PlanPart::Action => {
            let rec = &board.actions[i].recommendation;
            (0..board.actions.len()).filter(|&j| &board.actions[j].recommendation == rec).collect()
        }
    };
    let at = siblings.iter().position(|&j| j == i).expect("a part is its own sibling");
    let other = if up { at.checked_sub(1) } else { Some(at + 1) }.and_then(|k| siblings.get(k).copied());
    let Some(j) = other else {
        return Err(EditError::AlreadyAtEnd { part, id: id.to_string(), first: up });
    };
    match part {
        PlanPart::Inspection => steps.swap::<Inspection>(board, i, j),
        PlanPart::Priority => steps.swap::<Priority>(board, i, j),
        PlanPart::Recommendation => steps.swap::<Recommendation>(board, i, j),
        PlanPart::Action => steps.swap::<PlanAction>(board, i, j),
    }
    Ok(())
}

fn remove(board: &mut Board, steps: &mut Steps, part: PlanPart, id: &str) -> Result<(), EditError> {
    index_of(board, part, id)?;
    if let Some(reason) = board.why_not_removable(part, id) {
        return Err(EditError::Sealed(reason));
    }
    match part {
        PlanPart::Inspection => {
            change_each::<Recommendation>(board, steps, |r| {
                let hit = r.inspection.as_deref() == Some(id);
                if hit {
                    r.inspection = None;
                }
                hit
            });
        }
        PlanPart::Priority => {
            let recs: Vec<String> = board.recommendations_for(id).map(|r| r.id.clone()).collect();
            for rec in recs {
                remove(board, steps, PlanPart::Recommendation, &rec)?;
            }
            // The agenda item stays, as a plain item, so the meeting's record reads on.
            change_each::<crate::model::Meeting>(board, steps, |m| {
                let mut hit = false;
                for item in &mut m.items {
                    if matches!(&item.kind, ItemKind::PlanReview { priority } if priority == id) {
                        item.kind = ItemKind::Other;
                        hit = true;
                    }
                }
                hit
            });
        }
        PlanPart::Recommendation => {
            while let Some(i) = board.actions.iter().rposition(|a| a.recommendation == id) {
                steps.remove::<PlanAction>(board, i);
            }
        }
        PlanPart::Action => {}
    }
    let i = index_of(board, part, id)?;
    match part {
        PlanPart::Inspection => steps.remove::<Inspection>(board, i),
        PlanPart::Priority => steps.remove::<Priority>(board, i),
        PlanPart::Recommendation => steps.remove::<Recommendation>(board, i),
        PlanPart::Action => steps.remove::<PlanAction>(board, i),
    }
    Ok(())
}

pub(super) fn import(board: &mut Board, steps: &mut Steps, batch: &ImportBatch) -> Result<(), EditError> {
    // Every check and every place is found from sets and the list's last element, not by
    // searching the board for each part: a batch of 20,000 actions must not take the
    // square of it.
    let mut people: HashSet<String> = board.people.iter().map(|p| p.id.clone()).collect();
    let mut priorities: HashSet<String> = board.priorities.iter().map(|p| p.id.clone()).collect();
    let mut recommendations: HashSet<String> = board.recommendations.iter().map(|r| r.id.clone()).collect();
    let mut actions: HashSet<String> = board.actions.iter().map(|a| a.id.clone()).collect();
    for person in &batch.people {
        if !people.insert(person.id.clone()) {
            return Err(EditError::IdTaken(format!("person id \"{}\"", person.id)));
        }
        steps.push(board, person.clone(), List::People);
    }
    for priority in &batch.priorities {
        check_id_form(PlanPart::Priority, &priority.id)?;
        if !priorities.insert(priority.id.clone()) {
            return Err(taken(PlanPart::Priority, &priority.id));
        }
        steps.push(board, priority.clone(), List::Priorities);
    }
    let mut placed: HashSet<String> = board.recommendations.iter().map(|r| r.priority.clone()).collect();
    for rec in &batch.recommendations {
        check_id_form(PlanPart::Recommendation, &rec.id)?;
        if !recommendations.insert(rec.id.clone()) {
            return Err(taken(PlanPart::Recommendation, &rec.id));
        }
        if !priorities.contains(&rec.priority) {
            return Err(missing(PlanPart::Priority, &rec.priority));
        }
        check_recommendation_inspection(board, rec)?;
        let last = board.recommendations.last().is_some_and(|r| r.priority == rec.priority);
        let at = if placed.insert(rec.priority.clone()) || last {
            board.recommendations.len()
        } else {
            recommendation_slot(board, &rec.priority)
        };
        steps.insert(board, at, rec.clone(), List::Recommendations);
    }
    let mut answered: HashSet<String> = board.actions.iter().map(|a| a.recommendation.clone()).collect();
    for action in &batch.actions {
        check_id_form(PlanPart::Action, &action.id)?;
        if !actions.insert(action.id.clone()) {
            return Err(taken(PlanPart::Action, &action.id));
        }
        if !recommendations.contains(&action.recommendation) {
            return Err(missing(PlanPart::Recommendation, &action.recommendation));
        }
        if !people.contains(&action.lead) {
            return Err(EditError::NoSuchPerson(action.lead.clone()));
        }
        if action.title.trim().is_empty() {
            return Err(EditError::TitleMissing);
        }
        let last = board.actions.last().is_some_and(|a| a.recommendation == action.recommendation);
        let at = if answered.insert(action.recommendation.clone()) || last {
            board.actions.len()
        } else {
            action_slot(board, &action.recommendation)
        };
        steps.insert(board, at, action.clone(), List::Actions);
    }
    Ok(())
}

impl PlanEdit {
    /// The edit in words, read against the board before it is applied.
    pub fn describe(&self, board: &Board) -> String {
        match self {
            PlanEdit::AddInspection(i) => format!("Inspection {} added ({})", i.id, i.kind.label()),
            PlanEdit::UpdateInspection(i) => format!("Inspection {} edited", i.id),
            PlanEdit::AddPriority(p) => format!("Priority {} added: {}", p.id, p.title),
            PlanEdit::UpdatePriority(p) => format!("Priority {} edited", p.id),
            PlanEdit::AddRecommendation(r) => format!("Recommendation {} added under priority {}", r.id, r.priority),
            PlanEdit::UpdateRecommendation(r) => format!("Recommendation {} edited", r.id),
            PlanEdit::AddAction(a) => format!("Action {} added: {}", a.id, a.title),
            PlanEdit::UpdateAction(a) => {
                let before = board.action(&a.id);
                let mut what = Vec::new();
                if let Some(before) = before {
                    if before.title != a.title {
                        what.push("title".to_string());
                    }
                    if before.lead != a.lead {
                        what.push(format!("lead {} → {}", board.person_name(&before.lead), board.person_name(&a.lead)));
                    }
                    if before.due != a.due {
                        what.push(format!(
                            "due {} → {}",
                            crate::model::dates::uk_long(before.due),
                            crate::model::dates::uk_long(a.due)
                        ));
                    }
                    if before.measure != a.measure {
                        what.push("measure".into());
                    }
                    if before.evidence != a.evidence {
                        what.push("evidence".into());
                    }
                    if before.recommendation != a.recommendation {
                        what.push(format!("moved to recommendation {}", a.recommendation));
                    }
                }
                if what.is_empty() {
                    format!("Action {} edited", a.id)
                } else {
                    format!("Action {} edited: {}", a.id, what.join(", "))
                }
            }
            PlanEdit::Rename { part, from, to } => format!("{} {from} renamed {to}", capital(part.word())),
            PlanEdit::Move { part, id, up } => {
                format!("{} {id} moved {}", capital(part.word()), if *up { "up" } else { "down" })
            }
            PlanEdit::Remove { part, id } => format!("{} {id} removed", capital(part.word())),
            PlanEdit::Import(batch) => format!(
                "Imported {}, {}, {} and {} from {}",
                plural(batch.actions.len(), "action"),
                plural(batch.recommendations.len(), "recommendation"),
                plural(batch.priorities.len(), "priority"),
                plural(batch.people.len(), "new person"),
                batch.source
            ),
            PlanEdit::KeepInStep(update) => update.describe(),
        }
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests;
