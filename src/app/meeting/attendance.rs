//! Attendance and declarations of interest: who is present, in attendance or sending
//! apologies, and who declared what on which item.

use crate::app::widgets::labelled_combo;
use eframe::egui::{self, RichText};

use super::MeetingState;
use crate::app::Intent;
use crate::edit::{Attendance, Edit};
use crate::model::{Board, Declaration, Meeting};

#[derive(Default)]
pub struct NewDeclaration {
    person: Option<String>,
    item: Option<u32>,
    interest: String,
}

pub fn attendance_ui(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    let read_only = meeting.is_approved();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let counts = |list: &Vec<String>| list.len();
        ui.label(format!(
            "{} present · {} in attendance · {} apologies{}",
            counts(&meeting.present),
            counts(&meeting.in_attendance),
            counts(&meeting.apologies),
            board.terms.as_ref().and_then(|t| t.quorum).map(|q| format!(" · quorum {q}")).unwrap_or_default()
        ));
        egui::Grid::new("attendance").striped(true).num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
            ui.label(RichText::new("Name").strong());
            ui.label(RichText::new("Role").strong());
            ui.label(RichText::new("Attendance").strong());
            ui.end_row();
            for person in &board.people {
                ui.label(&person.name);
                ui.weak(if person.organisation.is_empty() {
                    person.role.clone()
                } else {
                    format!("{}, {}", person.role, person.organisation)
                });
                let now = Attendance::of(meeting, &person.id);
                ui.add_enabled_ui(!read_only, |ui| {
                    ui.horizontal(|ui| {
                        for choice in Attendance::ALL {
                            let response = ui.radio(now == choice, choice.word());
                            // Named for screen readers (and tests): "Simon Okonjo: Present".
                            let name = format!("{}: {}", person.name, choice.word());
                            response.widget_info(|| {
                                egui::WidgetInfo::selected(egui::Role::RadioButton, true, now == choice, name.clone())
                            });
                            if response.clicked() && now != choice {
                                intents.push(Intent::Edit(Edit::SetAttendance {
                                    meeting: meeting.number,
                                    person: person.id.clone(),
                                    attendance: choice,
                                }));
                            }
                        }
                    });
                });
                ui.end_row();
            }
        });
        ui.add_space(12.0);
        declarations(ui, board, meeting, state, intents, read_only);
    });
}

fn declarations(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
    read_only: bool,
) {
    ui.label(RichText::new("Declarations of interest").heading().size(17.0));
    if meeting.declarations.is_empty() {
        ui.weak("None declared.");
    }
    for (index, d) in meeting.declarations.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let item = meeting.item(d.item).map(|i| i.title.as_str()).unwrap_or("?");
            ui.label(format!("{} — item {} ({item}): {}", board.person_name(&d.person), d.item, d.interest));
            if !read_only && ui.small_button("Remove").clicked() {
                intents.push(Intent::Edit(Edit::RemoveDeclaration { meeting: meeting.number, index }));
            }
        });
    }
    if read_only {
        return;
    }
    let form = &mut state.new_declaration;
    ui.horizontal_wrapped(|ui| {
        let who = form.person.as_deref().map_or("Who…", |id| board.person_name(id)).to_string();
        labelled_combo(ui, "Declared by", "declaration-person", who, |ui| {
            for p in &board.people {
                ui.selectable_value(&mut form.person, Some(p.id.clone()), &p.name);
            }
        });
        let item = form.item.map_or("Item…".to_string(), |n| format!("Item {n}"));
        labelled_combo(ui, "On item", "declaration-item", item, |ui| {
            for i in &meeting.items {
                ui.selectable_value(&mut form.item, Some(i.number), format!("{} {}", i.number, i.title));
            }
        });
        let label = ui.label("Interest");
        ui.add(egui::TextEdit::singleline(&mut form.interest).desired_width(260.0)).labelled_by(label.id);
        let ready = form.person.is_some() && form.item.is_some() && !form.interest.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Add declaration")).clicked()
            && let (Some(person), Some(item)) = (form.person.take(), form.item.take())
        {
            let declaration =
                Declaration { person, item, interest: std::mem::take(&mut form.interest).trim().to_string() };
            intents.push(Intent::Edit(Edit::AddDeclaration { meeting: meeting.number, declaration }));
        }
    });
}
