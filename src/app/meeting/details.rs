//! When and where a meeting is held: asked for when a meeting is made (six weeks on, at
//! the last meeting's time and venue, proposed), and changeable until its minutes are
//! approved. Every change goes through the edit door.

use chrono::NaiveDate;
use eframe::egui;

use super::{MeetingState, MeetingTab};
use crate::app::Intent;
use crate::app::date_picker::date_picker;
use crate::app::widgets::rag_fill;
use crate::edit::Edit;
use crate::model::{Board, Meeting, Rag, TimeOfDay};

/// A meeting being made: its date, start and venue as the clerk sets them.
pub struct NewMeeting {
    number: u32,
    date: NaiveDate,
    start: String,
    venue: String,
}

impl NewMeeting {
    /// The next meeting as proposed: six weeks after the last, at its time and venue.
    pub fn proposed(board: &Board, today: NaiveDate) -> NewMeeting {
        let (number, date, venue) = board.proposed_next_meeting(today);
        let start = board.meetings.last().and_then(|m| m.start).map(|t| t.to_string()).unwrap_or_default();
        NewMeeting { number, date, start, venue }
    }
}

/// "14:00" or nothing; anything else is explained.
fn start_time(text: &str) -> Result<Option<TimeOfDay>, String> {
    let text = text.trim();
    if text.is_empty() { Ok(None) } else { TimeOfDay::parse(text).map(Some) }
}

/// The form for a new meeting; the meeting is made when the clerk presses Create.
pub fn new_meeting_ui(ui: &mut egui::Ui, board: &Board, state: &mut MeetingState, intents: &mut Vec<Intent>) {
    let Some(form) = state.new_meeting.as_mut() else { return };
    let (mut done, mut cancelled) = (false, false);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(format!("New meeting {}", form.number));
        let start = start_time(&form.start);
        egui::Grid::new("new-meeting").num_columns(2).show(ui, |ui| {
            ui.label("Date");
            date_picker(ui, "new-meeting-date", &mut form.date);
            ui.end_row();
            let label = ui.label("Start (HH:MM)");
            ui.add(egui::TextEdit::singleline(&mut form.start).desired_width(80.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Venue");
            ui.add(egui::TextEdit::singleline(&mut form.venue).desired_width(360.0)).labelled_by(label.id);
            ui.end_row();
        });
        if let Err(why) = &start {
            ui.colored_label(rag_fill(Rag::Red), why);
        }
        ui.horizontal(|ui| {
            if ui.add_enabled(start.is_ok(), egui::Button::new("Create the meeting")).clicked() {
                let mut meeting =
                    Meeting::with_standard_agenda(form.number, form.date, form.venue.trim(), &board.priorities);
                meeting.start = start.clone().ok().flatten();
                intents.push(Intent::Edit(Edit::AddMeeting(Box::new(meeting))));
                done = true;
            }
            cancelled = ui.button("Cancel").clicked();
        });
    });
    let number = form.number;
    if cancelled {
        state.new_meeting = None;
    }
    if done {
        state.new_meeting = None;
        state.select(number);
        state.tab = MeetingTab::Attendance;
    }
}

/// The meeting's date, start and venue, editable until its minutes are approved.
pub fn details_ui(ui: &mut egui::Ui, meeting: &Meeting, state: &mut MeetingState, intents: &mut Vec<Intent>) {
    if meeting.is_approved() {
        return;
    }
    let n = meeting.number;
    let details = |date, start, venue: &str| Edit::SetMeetingDetails { meeting: n, date, start, venue: venue.into() };
    ui.horizontal_wrapped(|ui| {
        ui.label("Date");
        let mut date = meeting.date;
        if date_picker(ui, &format!("meeting-{n}-date"), &mut date) {
            intents.push(Intent::Edit(details(date, meeting.start, &meeting.venue)));
        }
        let current_start = meeting.start.map(|t| t.to_string()).unwrap_or_default();
        let key = format!("{n}-start");
        let typed = state.texts.entry(key.clone()).or_insert_with(|| current_start.clone());
        let label = ui.label("Start");
        let field =
            ui.add(egui::TextEdit::singleline(typed).desired_width(60.0).hint_text("14:00")).labelled_by(label.id);
        let start = start_time(typed);
        if field.lost_focus() && typed.trim() != current_start {
            if let Ok(start) = &start {
                intents.push(Intent::Edit(details(meeting.date, *start, &meeting.venue)));
            }
        } else if !field.has_focus() && start.is_ok() && typed.trim() != current_start {
            // The board changed under the field (undo): show the board's value.
            *typed = current_start.clone();
        }
        if let Err(why) = start {
            ui.colored_label(rag_fill(Rag::Red), why);
        }
        let key = format!("{n}-venue");
        let typed = state.texts.entry(key).or_insert_with(|| meeting.venue.clone());
        let label = ui.label("Venue");
        let field = ui.add(egui::TextEdit::singleline(typed).desired_width(320.0)).labelled_by(label.id);
        if field.lost_focus() && typed.trim() != meeting.venue {
            intents.push(Intent::Edit(details(meeting.date, meeting.start, typed.trim())));
        } else if !field.has_focus() && !field.lost_focus() && typed.trim() != meeting.venue {
            *typed = meeting.venue.clone();
        }
    });
}
