//! The agenda and the clerk's record of it: per item, the notes, numbered resolutions and
//! the actions raised; items reordered, renamed or taken in private; and, under the
//! action-log item, every open action from earlier meetings to close, re-date or carry.

use crate::app::widgets::labelled_combo;
use chrono::{Days, NaiveDate};
use eframe::egui::{self, RichText};

use super::MeetingState;
use crate::app::Intent;
use crate::app::date_picker::date_picker;
use crate::edit::Edit;
use crate::model::{
    ActionStatus, AgendaItem, Board, Exempt, ItemKind, Meeting, MeetingAction, Purpose, dates::uk_long,
};

/// The "raise an action" form.
#[derive(Default)]
pub struct NewAction {
    item: Option<u32>,
    text: String,
    owner: Option<String>,
    due: Option<NaiveDate>,
}

pub fn agenda_ui(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    today: NaiveDate,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    let read_only = meeting.is_approved();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        // Actions are raised from any item at any moment, so the form stays at the top.
        raise_action(ui, board, meeting, state, intents, read_only);
        ui.separator();
        if let Some(words) = crate::documents::agenda::time_allowed_words(meeting) {
            ui.weak(words);
        }
        for (index, item) in meeting.items.iter().enumerate() {
            let private = if item.exempt.is_some() { "  [taken in private]" } else { "" };
            egui::CollapsingHeader::new(RichText::new(format!("{}. {}{private}", item.number, item.title)).strong())
                .id_salt(("item", meeting.number, item.number))
                .default_open(index < 3)
                .show(ui, |ui| item_ui(ui, board, meeting, item, today, state, intents, read_only));
        }
        if !read_only {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let key = format!("{}-new-item", meeting.number);
                let text = state.texts.entry(key.clone()).or_default();
                let label = ui.label("New agenda item");
                ui.add(egui::TextEdit::singleline(text).desired_width(300.0)).labelled_by(label.id);
                if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add item")).clicked() {
                    let title = std::mem::take(text).trim().to_string();
                    intents.push(Intent::Edit(Edit::AddItem { meeting: meeting.number, title, kind: ItemKind::Other }));
                }
            });
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn item_ui(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    item: &AgendaItem,
    today: NaiveDate,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
    read_only: bool,
) {
    let n = meeting.number;
    if !read_only {
        ui.horizontal_wrapped(|ui| {
            if ui.small_button("Move up").clicked() {
                intents.push(Intent::Edit(Edit::MoveItem { meeting: n, item: item.number, up: true }));
            }
            if ui.small_button("Move down").clicked() {
                intents.push(Intent::Edit(Edit::MoveItem { meeting: n, item: item.number, up: false }));
            }
            let mut private = item.exempt.is_some();
            if ui.checkbox(&mut private, "Taken in private (Schedule 12A)").changed() {
                let exempt = private.then(|| Exempt { paragraph: 1, reason: String::new() });
                intents.push(Intent::Edit(Edit::SetItemExempt { meeting: n, item: item.number, exempt }));
            }
            if let Some(exempt) = &item.exempt {
                let mut paragraph = exempt.paragraph;
                labelled_combo(ui, "under", ("paragraph", n, item.number), format!("paragraph {paragraph}"), |ui| {
                    for p in 1..=7 {
                        ui.selectable_value(&mut paragraph, p, format!("paragraph {p}"));
                    }
                });
                if paragraph != exempt.paragraph {
                    let exempt = Some(Exempt { paragraph, reason: exempt.reason.clone() });
                    intents.push(Intent::Edit(Edit::SetItemExempt { meeting: n, item: item.number, exempt }));
                }
            }
        });
    }
    if read_only {
        let mut said = Vec::new();
        said.extend(item.purpose.map(|p| p.word().to_string()));
        said.extend(item.presenter.as_deref().map(|p| format!("presented by {}", board.person_name(p))));
        said.extend(item.minutes.map(|m| format!("{m} minutes")));
        if !said.is_empty() {
            ui.weak(said.join(" · "));
        }
    } else {
        item_details(ui, board, n, item, state, intents);
    }
    committed_text(
        ui,
        state,
        intents,
        &format!("{n}-{}-title", item.number),
        &item.title,
        "Title",
        read_only,
        false,
        |title| Edit::RenameItem { meeting: n, item: item.number, title },
    );
    committed_text(
        ui,
        state,
        intents,
        &format!("{n}-{}-notes", item.number),
        &item.notes,
        "Notes",
        read_only,
        true,
        |notes| Edit::SetItemNotes { meeting: n, item: item.number, notes },
    );
    resolutions(ui, meeting, item, state, intents, read_only);
    let raised: Vec<&MeetingAction> = meeting.actions.iter().filter(|a| a.item == Some(item.number)).collect();
    for action in raised {
        let due = action.due.map(|d| format!(", due {}", uk_long(d))).unwrap_or_default();
        ui.label(format!("Action {}: {} — {}{due}", action.id, action.text, board.person_name(&action.owner)));
    }
    if item.kind == ItemKind::ActionLog {
        carry_forward(ui, board, meeting, today, intents);
    }
}

/// What the board is asked to do with an item, who presents it, and the time allowed.
fn item_details(
    ui: &mut egui::Ui,
    board: &Board,
    n: u32,
    item: &AgendaItem,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    let (mut purpose, mut presenter) = (item.purpose, item.presenter.clone());
    ui.horizontal_wrapped(|ui| {
        let shown = purpose.map_or("—", |p| p.word()).to_string();
        labelled_combo(ui, "Purpose", ("purpose", n, item.number), shown, |ui| {
            ui.selectable_value(&mut purpose, None, "—");
            for p in [Purpose::Decision, Purpose::Discussion, Purpose::Noting, Purpose::Information] {
                ui.selectable_value(&mut purpose, Some(p), p.word());
            }
        });
        let shown = presenter.as_deref().map_or("—", |p| board.person_name(p)).to_string();
        labelled_combo(ui, "Presenter", ("presenter", n, item.number), shown, |ui| {
            ui.selectable_value(&mut presenter, None, "—");
            for person in &board.people {
                ui.selectable_value(&mut presenter, Some(person.id.clone()), &person.name);
            }
        });
        let key = format!("{n}-{}-minutes", item.number);
        let current = item.minutes.map(|m| m.to_string()).unwrap_or_default();
        let typed = state.texts.entry(key).or_insert_with(|| current.clone());
        let label = ui.label("Minutes allowed");
        let field = ui.add(egui::TextEdit::singleline(typed).desired_width(40.0)).labelled_by(label.id);
        let minutes: Result<Option<u32>, _> =
            if typed.trim().is_empty() { Ok(None) } else { typed.trim().parse::<u32>().map(Some) };
        if field.lost_focus() && typed.trim() != current {
            if let Ok(minutes) = minutes {
                let edit = Edit::SetItemDetails {
                    meeting: n,
                    item: item.number,
                    purpose,
                    presenter: presenter.clone(),
                    minutes,
                };
                intents.push(Intent::Edit(edit));
            }
        } else if !field.has_focus() && minutes.is_ok() && typed.trim() != current {
            *typed = current;
        }
        if minutes.is_err() {
            ui.colored_label(crate::app::widgets::rag_fill(crate::model::Rag::Red), "a whole number of minutes");
        }
    });
    if purpose != item.purpose || presenter != item.presenter {
        let edit = Edit::SetItemDetails { meeting: n, item: item.number, purpose, presenter, minutes: item.minutes };
        intents.push(Intent::Edit(edit));
    }
}

/// A text field whose value becomes an edit when the clerk leaves it (one undo step per
/// field visit, not per keystroke).
#[allow(clippy::too_many_arguments)]
fn committed_text(
    ui: &mut egui::Ui,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
    key: &str,
    current: &str,
    label: &str,
    read_only: bool,
    multiline: bool,
    edit: impl FnOnce(String) -> Edit,
) {
    let text = state.texts.entry(key.to_string()).or_insert_with(|| current.to_string());
    let label = ui.label(label);
    let field = if multiline {
        egui::TextEdit::multiline(text).desired_rows(3).desired_width(f32::INFINITY)
    } else {
        egui::TextEdit::singleline(text).desired_width(f32::INFINITY)
    };
    let response = ui.add_enabled(!read_only, field).labelled_by(label.id);
    if response.lost_focus() && text.trim_end() != current {
        intents.push(Intent::Edit(edit(text.trim_end().to_string())));
    }
    if !response.has_focus() && !response.lost_focus() && text.trim_end() != current {
        // The board changed under the field (undo, another view): show the board's value.
        *text = current.to_string();
    }
}

fn resolutions(
    ui: &mut egui::Ui,
    meeting: &Meeting,
    item: &AgendaItem,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
    read_only: bool,
) {
    if !item.resolutions.is_empty() {
        ui.label(RichText::new("Resolved –").strong());
    }
    for (index, resolution) in item.resolutions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("({}) {resolution}", index + 1));
            if !read_only && ui.small_button("Remove").clicked() {
                intents.push(Intent::Edit(Edit::RemoveResolution {
                    meeting: meeting.number,
                    item: item.number,
                    index,
                }));
            }
        });
    }
    if read_only {
        return;
    }
    ui.horizontal(|ui| {
        let text = state.texts.entry(format!("{}-{}-resolution", meeting.number, item.number)).or_default();
        let label = ui.label(format!("Resolution ({})", item.resolutions.len() + 1));
        ui.add(egui::TextEdit::singleline(text).hint_text("That …").desired_width(420.0)).labelled_by(label.id);
        if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add resolution")).clicked() {
            let text = std::mem::take(text).trim().to_string();
            intents.push(Intent::Edit(Edit::AddResolution { meeting: meeting.number, item: item.number, text }));
        }
    });
}

fn raise_action(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
    read_only: bool,
) {
    ui.label(RichText::new(format!("Actions raised at this meeting ({})", meeting.actions.len())).heading().size(17.0));
    for action in &meeting.actions {
        let due = action.due.map(|d| format!(", due {}", uk_long(d))).unwrap_or_default();
        ui.label(format!(
            "{} {} — {}{due} ({})",
            action.id,
            action.text,
            board.person_name(&action.owner),
            action.status.word()
        ));
    }
    if read_only {
        return;
    }
    let form = &mut state.new_action;
    form.due.get_or_insert(meeting.date + Days::new(crate::model::USUAL_GAP_DAYS));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("New action");
        ui.add(egui::TextEdit::singleline(&mut form.text).desired_width(340.0)).labelled_by(label.id);
        let owner = form.owner.as_deref().map_or("Owner…", |id| board.person_name(id)).to_string();
        labelled_combo(ui, "Owner", "new-action-owner", owner, |ui| {
            for p in &board.people {
                ui.selectable_value(&mut form.owner, Some(p.id.clone()), &p.name);
            }
        });
        ui.label("Due");
        if let Some(due) = form.due.as_mut() {
            date_picker(ui, "new-action-due", due);
        }
        let item = form.item.map_or("Item…".to_string(), |n| format!("Item {n}"));
        labelled_combo(ui, "Item", "new-action-item", item, |ui| {
            ui.selectable_value(&mut form.item, None, "No item");
            for i in &meeting.items {
                ui.selectable_value(&mut form.item, Some(i.number), format!("{} {}", i.number, i.title));
            }
        });
        let ready = !form.text.trim().is_empty() && form.owner.is_some();
        if ui.add_enabled(ready, egui::Button::new("Raise action")).clicked() {
            let action = MeetingAction {
                id: meeting.next_action_id(),
                text: std::mem::take(&mut form.text).trim().to_string(),
                owner: form.owner.take().unwrap_or_default(),
                due: form.due.take(),
                item: form.item.take(),
                status: ActionStatus::Open,
                closed: None,
                note: String::new(),
            };
            intents.push(Intent::Edit(Edit::AddMeetingAction { meeting: meeting.number, action }));
        }
    });
}

/// Under the action-log item: every open action from earlier meetings.
fn carry_forward(ui: &mut egui::Ui, board: &Board, meeting: &Meeting, today: NaiveDate, intents: &mut Vec<Intent>) {
    let open = board.actions_carried_forward(meeting.number);
    ui.label(RichText::new(format!("Open actions from earlier meetings ({})", open.len())).strong());
    for (raised, action) in open {
        ui.horizontal_wrapped(|ui| {
            let overdue = action
                .days_overdue(today)
                .map(|d| format!(" — OVERDUE by {}", crate::model::dates::days(d)))
                .unwrap_or_default();
            ui.label(format!(
                "{} {} — {} (meeting {}){overdue}",
                action.id,
                action.text,
                board.person_name(&action.owner),
                raised.number
            ));
            if meeting.is_approved() {
                return;
            }
            let close = |status| Edit::SetMeetingActionStatus {
                id: action.id.clone(),
                status,
                closed: Some(meeting.date),
                note: action.note.clone(),
            };
            if ui.small_button("Done").clicked() {
                intents.push(Intent::Edit(close(ActionStatus::Done)));
            }
            if ui.small_button("Drop").clicked() {
                intents.push(Intent::Edit(close(ActionStatus::Dropped)));
            }
            if ui
                .small_button("Carry forward to next meeting")
                .on_hover_text("Re-date to six weeks after this meeting")
                .clicked()
            {
                let due = Some(meeting.date + Days::new(crate::model::USUAL_GAP_DAYS));
                intents.push(Intent::Edit(Edit::SetMeetingActionDue { id: action.id.clone(), due }));
            }
        });
    }
}
