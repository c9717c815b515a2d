//! People: members, officers and their roles; add, edit, and retire from the board (a
//! retired member stays in the file, since minutes and ratings name them).

use eframe::egui::{self, RichText};

use super::Intent;
use crate::edit::Edit;
use crate::model::{Board, Person};

#[derive(Default)]
pub struct PeopleState {
    editing: Option<PersonForm>,
}

/// A person being added or edited.
struct PersonForm {
    person: Person,
    /// Adding a new person (who never replaces anyone), rather than editing one.
    adding: bool,
    /// The id was typed rather than proposed from the name.
    id_typed: bool,
}

pub fn people_ui(ui: &mut egui::Ui, board: &Board, state: &mut PeopleState, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} people, {} board members",
            board.people.len(),
            board.people.iter().filter(|p| p.board_member).count()
        ));
        if ui.button("Add a person").clicked() {
            let person = Person {
                id: String::new(),
                name: String::new(),
                role: String::new(),
                organisation: String::new(),
                board_member: true,
            };
            state.editing = Some(PersonForm { person, adding: true, id_typed: false });
        }
    });
    if let Some(form) = state.editing.as_mut()
        && person_form(ui, board, form, intents)
    {
        state.editing = None;
    }
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("people").striped(true).num_columns(5).spacing([14.0, 6.0]).show(ui, |ui| {
            for title in ["Name", "Role", "Organisation", "Board", ""] {
                ui.strong(title);
            }
            ui.end_row();
            for person in &board.people {
                if person.name.trim().is_empty() {
                    ui.weak("(to be named)")
                        .on_hover_text("A post brought in from a plan: Edit to give its holder's name.");
                } else {
                    ui.label(&person.name);
                }
                ui.label(&person.role);
                ui.label(&person.organisation);
                ui.label(if person.board_member { "Member" } else { "Attends" });
                ui.horizontal(|ui| {
                    if ui.small_button("Edit").clicked() {
                        state.editing = Some(PersonForm { person: person.clone(), adding: false, id_typed: true });
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

/// The form; true when it is finished with (saved or cancelled). A new person's id is
/// proposed from the name until one is typed, and an id already in use is refused here,
/// naming whose it is, before the core would refuse it.
fn person_form(ui: &mut egui::Ui, board: &Board, form: &mut PersonForm, intents: &mut Vec<Intent>) -> bool {
    if form.adding && !form.id_typed {
        let name = form.person.name.trim();
        form.person.id = if name.is_empty() { String::new() } else { board.free_person_id(name) };
    }
    let taken_by = form.adding.then(|| board.person(form.person.id.trim())).flatten();
    let mut done = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(if form.adding { "New person" } else { "Edit person" }).strong());
        egui::Grid::new("person-form").num_columns(2).show(ui, |ui| {
            let person = &mut form.person;
            for (label, value) in
                [("Name", &mut person.name), ("Role", &mut person.role), ("Organisation", &mut person.organisation)]
            {
                let label = ui.label(label);
                ui.add(egui::TextEdit::singleline(value).desired_width(360.0)).labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Id");
            let id = ui
                .add_enabled(form.adding, egui::TextEdit::singleline(&mut person.id).desired_width(200.0))
                .labelled_by(label.id)
                .on_hover_text("How the board file names this person. Proposed from the name.");
            if id.changed() {
                form.id_typed = true;
            }
            ui.end_row();
        });
        if let Some(other) = taken_by {
            let free = board.free_person_id(if form.person.name.trim().is_empty() {
                form.person.id.trim()
            } else {
                form.person.name.trim()
            });
            ui.colored_label(
                crate::app::widgets::rag_fill(crate::model::Rag::Red),
                format!(
                    "The id \"{}\" is already {}'s: a new person needs another, such as \"{free}\".",
                    other.id,
                    other.called()
                ),
            );
        }
        ui.checkbox(&mut form.person.board_member, "Member of the board (counts to the quorum)");
        ui.horizontal(|ui| {
            let person = &form.person;
            // A post whose holder is not yet known is kept by its role until the board names them.
            let called = !person.name.trim().is_empty() || !person.role.trim().is_empty();
            let ready = !person.id.trim().is_empty() && called && taken_by.is_none();
            if ui.add_enabled(ready, egui::Button::new("Save person")).clicked() {
                let person = Person { id: person.id.trim().to_string(), ..person.clone() };
                intents.push(Intent::Edit(if form.adding {
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
    done
}
