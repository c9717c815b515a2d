//! The forms: one per kind of part. Text is committed when the field is left (Enter or
//! Tab or a click elsewhere), choices as soon as they are made.

use eframe::egui::{self, RichText};

use super::{Draft, Item, Selected, WriteState};
use crate::app::Intent;
use crate::app::date_picker::date_picker;
use crate::app::widgets::{combo_named_by, labelled_combo, rag_fill};
use crate::edit::{Edit, PlanEdit};
use crate::model::{Board, Grade, InspectionKind, Judgement, Person, PlanPart, Rag};

/// A labelled text field in the form's grid; true when the person has just left it.
fn text_field(ui: &mut egui::Ui, label: &str, text: &mut String, rows: usize) -> bool {
    let name = ui.label(label);
    let edit =
        if rows > 1 { egui::TextEdit::multiline(text).desired_rows(rows) } else { egui::TextEdit::singleline(text) };
    let left = ui.add(edit).labelled_by(name.id).lost_focus();
    ui.end_row();
    left
}

/// The form for the selection, and its buttons.
pub fn form(ui: &mut egui::Ui, board: &Board, selected: &Selected, state: &mut WriteState, intents: &mut Vec<Intent>) {
    let Some(mut draft) = state.draft.take() else { return };
    let existing = selected.existing().map(|(part, id)| (part, id.to_string()));
    let mut commit = false;
    let heading = match (&draft.item, &existing) {
        (Item::Inspection(_), None) => "New inspection or visit".to_string(),
        (Item::Priority(_), None) => "New priority".to_string(),
        (Item::Recommendation(r), None) => format!("New recommendation under priority {}", r.priority),
        (Item::Action(a), None) => format!("New action for recommendation {}", a.recommendation),
        (_, Some((part, id))) => format!("{} {id}", capitalised(part.word())),
    };
    ui.heading(heading);
    ui.add_space(4.0);
    // Fields as wide as the form less its label column (inside a grid, "as wide as there
    // is" would run past the panel's edge).
    ui.spacing_mut().text_edit_width = (ui.available_width() - 180.0).max(240.0);
    let id_fixed = existing.as_ref().and_then(|(part, id)| board.why_id_is_fixed(*part, id));
    egui::Grid::new("write-form-grid").num_columns(2).spacing([12.0, 6.0]).min_col_width(150.0).show(ui, |ui| {
        let name = ui.label("Id");
        let id_field = egui::TextEdit::singleline(&mut draft.id);
        let id_left = ui.add_enabled(id_fixed.is_none(), id_field).labelled_by(name.id).lost_focus();
        ui.end_row();
        if id_left
            && let Some((part, old)) = &existing
            && draft.id.trim() != old
        {
            let to = draft.id.trim().to_string();
            if board.has(*part, &to) {
                // Another part has it: the rename is refused here, and this part stays
                // in the editor with its own id.
                state.id_problem = Some(format!("{to} is already another {}'s id: choose another.", part.word()));
                draft.id = old.clone();
            } else {
                state.id_problem = None;
                let rename = PlanEdit::Rename { part: *part, from: old.clone(), to: to.clone() };
                intents.push(Intent::Edit(Edit::Plan(rename)));
                state.clicked = Some(Selected::of(*part, &to));
            }
        }
        if let Some(problem) = &state.id_problem {
            ui.label("");
            ui.colored_label(crate::app::widgets::rag_fill(crate::model::Rag::Red), problem);
            ui.end_row();
        }
        commit |= match &mut draft.item {
            Item::Inspection(_) => inspection_fields(ui, &mut draft),
            Item::Priority(p) => {
                text_field(ui, "Title", &mut p.title, 1) | text_field(ui, "Summary", &mut p.summary, 3)
            }
            Item::Recommendation(r) => recommendation_fields(ui, board, r),
            Item::Action(_) => action_fields(ui, board, &mut draft, state, intents, existing.is_some()),
        };
    });
    ui.add_space(8.0);
    match &existing {
        Some((part, id)) => {
            if commit && let Some(edit) = draft.update(board) {
                intents.push(Intent::Edit(edit));
            }
            part_buttons(ui, board, *part, id, state);
        }
        None => {
            let (what, ready) = match &draft.item {
                Item::Action(a) => ("Add action", !a.title.trim().is_empty()),
                Item::Recommendation(r) => ("Add recommendation", !r.text.trim().is_empty()),
                Item::Priority(p) => ("Add priority", !p.title.trim().is_empty()),
                Item::Inspection(_) => ("Add inspection", true),
            };
            ui.horizontal(|ui| {
                let add = ui
                    .add_enabled(ready && !draft.id.trim().is_empty(), egui::Button::new(RichText::new(what).strong()));
                if add.clicked() {
                    let (edit, select) = draft.add();
                    intents.push(Intent::Edit(edit));
                    state.clicked = Some(select);
                }
                if ui.button("Cancel").clicked() {
                    state.clicked = None;
                    state.selected = None;
                }
                if !ready {
                    let missing = match &draft.item {
                        Item::Action(_) => "Write the action to add it.",
                        Item::Recommendation(_) => "Write the inspection's words to add it.",
                        _ => "Give it a title to add it.",
                    };
                    ui.weak(missing);
                }
            });
        }
    }
    state.draft = Some(draft);
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn recommendation_fields(ui: &mut egui::Ui, board: &Board, rec: &mut crate::model::Recommendation) -> bool {
    let mut changed = false;
    let before = rec.priority.clone();
    let shown = board.priority(&rec.priority).map_or(rec.priority.clone(), |p| format!("{} {}", p.id, p.title));
    labelled_combo(ui, "Priority", "rec-priority", shown, |ui| {
        for p in &board.priorities {
            ui.selectable_value(&mut rec.priority, p.id.clone(), format!("{} {}", p.id, p.title));
        }
    });
    changed |= rec.priority != before;
    ui.end_row();
    let before = rec.inspection.clone();
    let shown = rec.inspection.as_deref().and_then(|id| board.inspection(id)).map_or("Not recorded".to_string(), |i| {
        format!("{} of {}", i.kind.label(), crate::model::dates::uk_short(i.start))
    });
    labelled_combo(ui, "From", "rec-inspection", shown, |ui| {
        ui.selectable_value(&mut rec.inspection, None, "Not recorded");
        for i in &board.inspections {
            let label = format!("{} of {}", i.kind.label(), crate::model::dates::uk_short(i.start));
            ui.selectable_value(&mut rec.inspection, Some(i.id.clone()), label);
        }
    });
    changed |= rec.inspection != before;
    ui.end_row();
    changed | text_field(ui, "The inspection's words", &mut rec.text, 4)
}

fn action_fields(
    ui: &mut egui::Ui,
    board: &Board,
    draft: &mut Draft,
    state: &mut WriteState,
    intents: &mut Vec<Intent>,
    existing: bool,
) -> bool {
    let Item::Action(action) = &mut draft.item else { return false };
    let mut changed = text_field(ui, "Action", &mut action.title, 1);
    let before = action.recommendation.clone();
    labelled_combo(ui, "Recommendation", "action-recommendation", action.recommendation.clone(), |ui| {
        for r in &board.recommendations {
            let text: String = r.text.chars().take(60).collect();
            ui.selectable_value(&mut action.recommendation, r.id.clone(), format!("{} {text}", r.id));
        }
    });
    changed |= action.recommendation != before;
    ui.end_row();

    let name = ui.label("Lead officer").id;
    ui.horizontal(|ui| {
        let before = action.lead.clone();
        combo_named_by(ui, name, "action-lead", board.person_name(&action.lead).to_string(), |ui| {
            for p in &board.people {
                ui.selectable_value(&mut action.lead, p.id.clone(), p.name_and_role());
            }
        });
        changed |= action.lead != before;
        if state.new_person.is_none() && ui.button("New person…").clicked() {
            state.new_person = Some((String::new(), String::new()));
        }
    });
    ui.end_row();
    if let Some((name, role)) = state.new_person.as_mut() {
        text_field(ui, "New person's name", name, 1);
        text_field(ui, "Their role", role, 1);
        ui.label("");
        let mut done = false;
        ui.horizontal(|ui| {
            if ui.add_enabled(!name.trim().is_empty(), egui::Button::new("Add person and make them lead")).clicked() {
                let id = board.free_person_id(name);
                let person = Person {
                    id: id.clone(),
                    name: name.trim().to_string(),
                    role: role.trim().to_string(),
                    organisation: String::new(),
                    board_member: false,
                };
                intents.push(Intent::Edit(Edit::AddPerson(person)));
                action.lead = id;
                changed = true;
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        ui.end_row();
        if done {
            state.new_person = None;
        }
    }

    ui.label("Due");
    changed |= date_picker(ui, "action-due", &mut action.due);
    ui.end_row();
    changed |= text_field(ui, "Measure of success", &mut action.measure, 3);
    changed |= text_field(ui, "Evidence (one a line)", &mut draft.lines, 3);
    if existing && let Item::Action(action) = &draft.item {
        ui.label("RAG");
        ui.horizontal(|ui| {
            crate::app::widgets::rag_chip(ui, action.current_rag());
            ui.weak("Ratings are given at meetings, in the walk-through.");
        });
        ui.end_row();
    }
    changed
}

fn inspection_fields(ui: &mut egui::Ui, draft: &mut Draft) -> bool {
    let Item::Inspection(inspection) = &mut draft.item else { return false };
    let mut changed = false;
    let before = inspection.kind;
    labelled_combo(ui, "Kind", "inspection-kind", inspection.kind.label().to_string(), |ui| {
        for kind in InspectionKind::ALL {
            ui.selectable_value(&mut inspection.kind, kind, kind.label());
        }
    });
    changed |= inspection.kind != before;
    ui.end_row();
    ui.label("Started");
    changed |= date_picker(ui, "inspection-start", &mut inspection.start);
    ui.end_row();
    for (label, date, salt) in [
        ("Ended", &mut inspection.end, "inspection-end"),
        ("Report published", &mut inspection.published, "inspection-published"),
    ] {
        ui.label(label);
        ui.horizontal(|ui| {
            let mut known = date.is_some();
            if ui.checkbox(&mut known, "").on_hover_text(format!("{label}: known")).changed() {
                *date = known.then_some(inspection.start);
                changed = true;
            }
            if let Some(day) = date.as_mut() {
                changed |= date_picker(ui, salt, day);
            }
        });
        ui.end_row();
    }
    changed |= text_field(ui, "Inspectors (one a line)", &mut draft.lines, 2);
    changed |= text_field(ui, "Focus", &mut inspection.focus, 2);
    ui.label("Judgements");
    ui.vertical(|ui| {
        let grades = inspection.kind.grades();
        if grades.is_empty() {
            ui.weak(format!("A {} is not graded.", inspection.kind.label().to_lowercase()));
        }
        let mut remove = None;
        for (i, judgement) in inspection.judgements.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let area =
                    ui.add(egui::TextEdit::singleline(&mut judgement.area).desired_width(280.0).hint_text("area"));
                changed |= area.lost_focus();
                let before = judgement.grade;
                let name = ui.label("grade").id;
                combo_named_by(ui, name, ("grade", i), judgement.grade.label().to_string(), |ui| {
                    let scale: &[Grade] = if grades.is_empty() { InspectionKind::Other.grades() } else { grades };
                    for grade in scale {
                        ui.selectable_value(&mut judgement.grade, *grade, grade.label());
                    }
                });
                changed |= judgement.grade != before;
                if ui.small_button("Remove").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            inspection.judgements.remove(i);
            changed = true;
        }
        if !grades.is_empty() && ui.button("Add a judgement").clicked() {
            let area = if inspection.judgements.is_empty() { "Overall effectiveness" } else { "" };
            inspection.judgements.push(Judgement { area: area.into(), grade: *grades.last().expect("graded") });
            changed = true;
        }
    });
    ui.end_row();
    changed | text_field(ui, "Findings (one a line)", &mut draft.more_lines, 4)
}

/// Add-under, move and remove, for a part that exists.
fn part_buttons(ui: &mut egui::Ui, board: &Board, part: PlanPart, id: &str, state: &mut WriteState) {
    ui.horizontal(|ui| {
        match part {
            PlanPart::Priority => {
                if ui.button(format!("Add a recommendation under {id}")).clicked() {
                    state.clicked = Some(Selected::NewRecommendation { priority: id.to_string() });
                }
            }
            PlanPart::Recommendation => {
                if ui.button(format!("Add an action under {id}")).clicked() {
                    state.clicked = Some(Selected::NewAction { recommendation: id.to_string() });
                }
            }
            PlanPart::Action | PlanPart::Inspection => {}
        }
        for (label, up) in [("Move up", true), ("Move down", false)] {
            if ui.button(label).clicked() {
                state.moving = Some((part, id.to_string(), up));
            }
        }
        let blocked = board.why_not_removable(part, id);
        let remove = ui.add_enabled(blocked.is_none(), egui::Button::new("Remove…"));
        if let Some(reason) = &blocked {
            remove.on_disabled_hover_text(format!("Cannot be removed: {reason}."));
        } else if remove.clicked() {
            state.confirm_remove = Some((part, id.to_string(), board.what_refers_to(part, id)));
        }
    });
    if let Some(reason) = board.why_id_is_fixed(part, id) {
        ui.weak(format!("The id cannot change: {reason}."));
    }
}

/// The pending move; and "Remove recommendation R3?", naming what goes with it.
pub fn moves_and_removals(ctx: &egui::Context, state: &mut WriteState, intents: &mut Vec<Intent>) {
    if let Some((part, id, up)) = state.moving.take() {
        intents.push(Intent::Edit(Edit::Plan(PlanEdit::Move { part, id, up })));
    }
    let Some((part, id, said)) = state.confirm_remove.clone() else { return };
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("confirm-remove")).show(ctx, |ui| {
        ui.heading(format!("Remove {} {id}?", part.word()));
        if said.is_empty() {
            ui.label("Nothing else refers to it.");
        }
        for line in &said {
            ui.colored_label(rag_fill(Rag::Amber), format!("• {line}"));
        }
        ui.label("Undo puts it all back.");
        ui.horizontal(|ui| {
            if ui.button(format!("Remove {} {id}", part.word())).clicked() {
                answer = Some(true);
            }
            if ui.button("Keep it").clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) => {
            intents.push(Intent::Edit(Edit::Plan(PlanEdit::Remove { part, id })));
            state.confirm_remove = None;
        }
        Some(false) => state.confirm_remove = None,
        None => {}
    }
}
