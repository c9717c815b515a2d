//! People: members, officers and their roles; add, edit, and retire from the board (a
//! retired member stays in the file, since minutes and ratings name them).

use eframe::egui::{self, RichText};

use super::Intent;
use crate::edit::Edit;
use crate::model::{Board, Person};

#[derive(Default)]
pub struct PeopleState {
    /// The person being edited or added (a new one has an id not yet in the board).
    editing: Option<Person>,
}

pub fn people_ui(ui: &mut egui::Ui, board: &Board, state: &mut PeopleState, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} people, {} board members",
            board.people.len(),
            board.people.iter().filter(|p| p.board_member).count()
        ));
        if ui.button("Add a person").clicked() {
            state.editing = Some(Person {
                id: String::new(),
                name: String::new(),
                role: String::new(),
                organisation: String::new(),
                board_member: true,
            });
        }
    });
    if let Some(person) = state.editing.as_mut() {
        let is_new = board.person(&person.id).is_none() || person.id.is_empty();
        let mut done = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(if is_new { "New person" } else { "Edit person" }).strong());
            egui::Grid::new("person-form").num_columns(2).show(ui, |ui| {
                for (label, value, enabled) in [
                    ("Id", &mut person.id, is_new),
                    ("Name", &mut person.name, true),
                    ("Role", &mut person.role, true),
                    ("Organisation", &mut person.organisation, true),
                ] {
                    let label = ui.label(label);
                    ui.add_enabled(enabled, egui::TextEdit::singleline(value).desired_width(360.0))
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
            ui.checkbox(&mut person.board_member, "Member of the board (counts to the quorum)");
            ui.horizontal(|ui| {
                let ready = !person.id.trim().is_empty() && !person.name.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new("Save person")).clicked() {
                    let person = person.clone();
                    intents.push(Intent::Edit(if is_new {
                        Edit::AddPerson(person)
                    } else {
                        Edit::UpdatePerson(person)
                    }));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
        if done {
            state.editing = None;
        }
    }
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("people").striped(true).num_columns(5).spacing([14.0, 6.0]).show(ui, |ui| {
            for title in ["Name", "Role", "Organisation", "Board", ""] {
                ui.strong(title);
            }
            ui.end_row();
            for person in &board.people {
                ui.label(&person.name);
                ui.label(&person.role);
                ui.label(&person.organisation);
                ui.label(if person.board_member { "Member" } else { "Attends" });
                ui.horizontal(|ui| {
                    if ui.small_button("Edit").clicked() {
                        state.editing = Some(person.clone());
                    }
                    if person.board_member && ui.small_button("Retire from the board").clicked() {
                        intents
                            .push(Intent::Edit(Edit::UpdatePerson(Person { board_member: false, ..person.clone() })));
                    }
                });
                ui.end_row();
            }
        });
    });
}
