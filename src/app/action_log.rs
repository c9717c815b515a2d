//! The action log: every meeting action, open first; filter by open, overdue, owner or
//! meeting; mark done or dropped with a date and a note.

use super::widgets::labelled_combo;
use chrono::NaiveDate;
use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::Intent;
use super::date_picker::date_picker;
use crate::edit::Edit;
use crate::model::{ActionStatus, Board, LogFilter, Rag, dates, dates::uk_long};

#[derive(Default)]
pub struct LogState {
    pub filter: LogFilter,
    /// The action being closed: its id, the date and the note.
    closing: Option<(String, NaiveDate, String)>,
}

pub fn action_log_ui(
    ui: &mut egui::Ui,
    board: &Board,
    today: NaiveDate,
    state: &mut LogState,
    intents: &mut Vec<Intent>,
) {
    let filter = &mut state.filter;
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut filter.open_only, "Open only");
        ui.checkbox(&mut filter.overdue_only, "Overdue only");
        let owner = filter.owner.as_deref().map_or("Any owner", |id| board.person_name(id)).to_string();
        labelled_combo(ui, "Owner", "log-owner", owner, |ui| {
            ui.selectable_value(&mut filter.owner, None, "Any owner");
            for p in &board.people {
                ui.selectable_value(&mut filter.owner, Some(p.id.clone()), p.called());
            }
        });
        let meeting = filter.meeting.map_or("Any meeting".into(), |n| format!("Meeting {n}"));
        labelled_combo(ui, "Raised at", "log-meeting", meeting, |ui| {
            ui.selectable_value(&mut filter.meeting, None, "Any meeting");
            for m in &board.meetings {
                ui.selectable_value(&mut filter.meeting, Some(m.number), format!("Meeting {}", m.number));
            }
        });
    });
    closing_form(ui, board, state, intents);
    let rows = board.action_log(&state.filter, today);
    ui.label(format!("{} actions", rows.len()));
    TableBuilder::new(ui)
        .id_salt("action-log")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(64.0))
        .column(Column::initial(380.0).at_least(180.0).clip(true).resizable(true))
        .column(Column::initial(150.0).clip(true))
        .column(Column::exact(150.0))
        .column(Column::exact(170.0))
        .column(Column::exact(70.0))
        .column(Column::remainder())
        .header(24.0, |mut header| {
            for title in ["Ref", "Action", "Owner", "Due", "Status", "Raised", ""] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(28.0, rows.len(), |mut row| {
                let (meeting, action) = rows[row.index()];
                row.col(|ui| {
                    ui.label(&action.id);
                });
                row.col(|ui| {
                    ui.label(&action.text).on_hover_text(&action.note);
                });
                row.col(|ui| {
                    ui.label(board.person_name(&action.owner));
                });
                row.col(|ui| {
                    ui.label(action.due.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "—".into()));
                });
                row.col(|ui| {
                    let text = match (action.status, action.days_overdue(today), action.closed) {
                        (ActionStatus::Open, Some(days), _) => RichText::new(format!("OVERDUE {}", dates::days(days)))
                            .color(super::widgets::rag_fill(Rag::Red))
                            .strong(),
                        (status, _, Some(closed)) => {
                            RichText::new(format!("{} {}", status.word(), closed.format("%d/%m/%Y")))
                        }
                        (status, _, None) => RichText::new(status.word()),
                    };
                    ui.label(text);
                });
                row.col(|ui| {
                    ui.label(format!("M{}", meeting.number)).on_hover_text(uk_long(meeting.date));
                });
                row.col(|ui| {
                    if action.is_open() && ui.small_button("Close…").clicked() {
                        state.closing = Some((action.id.clone(), today, String::new()));
                    } else if !action.is_open() && ui.small_button("Reopen").clicked() {
                        intents.push(Intent::Edit(Edit::SetMeetingActionStatus {
                            id: action.id.clone(),
                            status: ActionStatus::Open,
                            closed: None,
                            note: action.note.clone(),
                        }));
                    }
                });
            });
        });
}

fn closing_form(ui: &mut egui::Ui, board: &Board, state: &mut LogState, intents: &mut Vec<Intent>) {
    let Some((id, date, note)) = state.closing.as_mut() else { return };
    let (text, existing_note) = board
        .meeting_actions()
        .find(|(_, a)| &a.id == id)
        .map(|(_, a)| (a.text.clone(), a.note.clone()))
        .unwrap_or_default();
    let mut finished = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(format!("Close {id}: {text}")).strong());
        ui.horizontal_wrapped(|ui| {
            ui.label("On");
            date_picker(ui, "close-date", date);
            let label = ui.label("Note");
            ui.add(egui::TextEdit::singleline(note).desired_width(320.0)).labelled_by(label.id);
            for status in [ActionStatus::Done, ActionStatus::Dropped] {
                if ui.button(format!("Mark {}", status.word().to_lowercase())).clicked() {
                    // An empty closing note keeps the note the action already had.
                    let note = if note.trim().is_empty() { existing_note.clone() } else { note.trim().to_string() };
                    intents.push(Intent::Edit(Edit::SetMeetingActionStatus {
                        id: id.clone(),
                        status,
                        closed: Some(*date),
                        note,
                    }));
                    finished = true;
                }
            }
            if ui.button("Cancel").clicked() {
                finished = true;
            }
        });
    });
    if finished {
        state.closing = None;
    }
}
