//! The outline: inspections, then priorities opening onto their recommendations and
//! actions. Only opened priorities draw their rows, so a plan of thousands stays quick.

use eframe::egui::{self, RichText};

use super::{Selected, WriteState};
use crate::model::{Board, dates::uk_short};

/// Boards this small open every priority at first.
const OPEN_ALL_UP_TO: usize = 200;

fn item(ui: &mut egui::Ui, state: &mut WriteState, selected: Selected, text: String) {
    let is_selected = state.selected.as_ref() == Some(&selected) || state.clicked.as_ref() == Some(&selected);
    if ui.add(egui::Button::selectable(is_selected, text).truncate()).clicked() {
        state.clicked = Some(selected);
    }
}

pub fn outline(ui: &mut egui::Ui, board: &Board, state: &mut WriteState) {
    if state.expanded.is_empty() && board.actions.len() <= OPEN_ALL_UP_TO {
        state.expanded.extend(board.priorities.iter().map(|p| p.id.clone()));
    }
    egui::ScrollArea::vertical().id_salt("write-outline-scroll").show(ui, |ui| {
        ui.label(RichText::new("Inspections and visits").strong());
        for inspection in &board.inspections {
            let text = format!("{} · {}", inspection.kind.label(), uk_short(inspection.start));
            item(ui, state, Selected::Inspection(inspection.id.clone()), text);
        }
        if ui.button("Add an inspection or visit").clicked() {
            state.clicked = Some(Selected::NewInspection);
        }
        ui.separator();
        ui.label(RichText::new("Statement of action").strong());
        for priority in &board.priorities {
            ui.horizontal(|ui| {
                let open = state.expanded.contains(&priority.id);
                let arrow = if open { "▾" } else { "▸" };
                let toggle = ui.small_button(arrow).on_hover_text(if open { "Close" } else { "Open" });
                if toggle.clicked() {
                    if open {
                        state.expanded.remove(&priority.id);
                    } else {
                        state.expanded.insert(priority.id.clone());
                    }
                }
                item(ui, state, Selected::Priority(priority.id.clone()), format!("{} {}", priority.id, priority.title));
            });
            if !state.expanded.contains(&priority.id) {
                continue;
            }
            ui.indent(("priority", &priority.id), |ui| {
                for rec in board.recommendations_for(&priority.id) {
                    let text = format!("{} {}", rec.id, rec.text);
                    item(ui, state, Selected::Recommendation(rec.id.clone()), text);
                    ui.indent(("rec", &rec.id), |ui| {
                        for action in board.actions_for(&rec.id) {
                            let text = format!("{} {}", action.id, action.title);
                            item(ui, state, Selected::Action(action.id.clone()), text);
                        }
                    });
                }
            });
        }
        if ui.button("Add a priority").clicked() {
            state.clicked = Some(Selected::NewPriority);
        }
    });
}
