//! The meeting: choose or start a meeting, record attendance, keep the agenda and its
//! record, and walk the statement of action item by item.

mod agenda;
mod attendance;
mod details;
mod papers;
mod since;
mod walk;

use std::collections::HashMap;

use crate::app::widgets::labelled_combo;
use chrono::NaiveDate;
use eframe::egui::{self, RichText};

pub use walk::WalkDraft;

use super::Intent;
use crate::edit::Edit;
use crate::model::{Board, Meeting, MeetingStatus, WalkOrder, dates::uk_long};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MeetingTab {
    #[default]
    Walk,
    Attendance,
    Agenda,
    Papers,
    SinceLastTime,
}

impl MeetingTab {
    const ALL: [MeetingTab; 5] =
        [MeetingTab::Walk, MeetingTab::Attendance, MeetingTab::Agenda, MeetingTab::Papers, MeetingTab::SinceLastTime];

    fn label(self) -> &'static str {
        match self {
            MeetingTab::Walk => "Walk-through",
            MeetingTab::Attendance => "Attendance",
            MeetingTab::Agenda => "Agenda and record",
            MeetingTab::Papers => "Papers",
            MeetingTab::SinceLastTime => "Since last time",
        }
    }
}

/// What the meeting view remembers between frames (never saved).
#[derive(Default)]
pub struct MeetingState {
    pub selected: Option<u32>,
    pub tab: MeetingTab,
    pub order: WalkOrder,
    /// Index into the walk-through list.
    pub position: usize,
    pub draft: WalkDraft,
    /// The walk-through list as positions in the board's actions, and what it was made for.
    walk_list: Option<(walk::WalkKey, Vec<usize>)>,
    /// Clerk's text being typed, by field, until it is committed.
    pub(super) texts: HashMap<String, String>,
    pub(super) new_action: agenda::NewAction,
    pub(super) new_declaration: attendance::NewDeclaration,
    /// A new meeting being set up, until it is created.
    new_meeting: Option<details::NewMeeting>,
    /// Typed after N (or after a rating that asks for a reason) in the same frame, before
    /// the note had the keyboard: the note's.
    pub typed_for_note: String,
}

impl MeetingState {
    /// Opens on the meeting the chair is preparing for: the next one not yet approved from
    /// today on, else the latest not approved, else the latest.
    pub fn for_board(board: Option<&Board>, today: NaiveDate) -> MeetingState {
        let selected = board.and_then(|b| b.meeting_to_prepare(today)).map(|m| m.number);
        MeetingState { selected, ..MeetingState::default() }
    }

    pub fn select(&mut self, number: u32) {
        if self.selected != Some(number) {
            *self = MeetingState {
                selected: Some(number),
                tab: self.tab,
                order: self.order.clone(),
                ..MeetingState::default()
            };
        }
    }

    pub fn walk_through_showing(&self) -> bool {
        self.tab == MeetingTab::Walk && self.selected.is_some()
    }
}

pub fn meeting_ui(
    ui: &mut egui::Ui,
    board: &Board,
    version: u64,
    today: NaiveDate,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    header(ui, board, today, state, intents);
    details::new_meeting_ui(ui, board, state, intents);
    let Some(meeting) = state.selected.and_then(|n| board.meeting(n)) else {
        ui.label("This board has no meetings yet. Start one above.");
        return;
    };
    // While a new meeting is being set up, its form has the date, start and venue fields.
    if state.new_meeting.is_none() {
        details::details_ui(ui, meeting, state, intents);
    }
    ui.horizontal(|ui| {
        for tab in MeetingTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label());
        }
    });
    ui.separator();
    match state.tab {
        MeetingTab::Walk => walk::walk_ui(ui, board, version, meeting, today, state, intents),
        MeetingTab::Attendance => attendance::attendance_ui(ui, board, meeting, state, intents),
        MeetingTab::Agenda => agenda::agenda_ui(ui, board, meeting, today, state, intents),
        MeetingTab::Papers => papers::papers_ui(ui, board, meeting, today, state, intents),
        MeetingTab::SinceLastTime => since::since_ui(ui, board, meeting, today),
    }
}

fn header(ui: &mut egui::Ui, board: &Board, today: NaiveDate, state: &mut MeetingState, intents: &mut Vec<Intent>) {
    ui.horizontal_wrapped(|ui| {
        let label = |m: &Meeting| format!("Meeting {} — {} ({})", m.number, uk_long(m.date), m.status.word());
        let current = state.selected.and_then(|n| board.meeting(n)).map_or("Choose a meeting".into(), label);
        let mut chosen = state.selected;
        labelled_combo(ui, "Meeting", "meeting-choice", current, |ui| {
            for m in board.meetings.iter().rev() {
                ui.selectable_value(&mut chosen, Some(m.number), label(m));
            }
        });
        if chosen != state.selected
            && let Some(n) = chosen
        {
            state.select(n);
        }
        if ui.button("Start a new meeting…").on_hover_text("Set its date, time and venue, then create it").clicked() {
            state.new_meeting = Some(details::NewMeeting::proposed(board, today));
        }
        let Some(meeting) = state.selected.and_then(|n| board.meeting(n)) else { return };
        match meeting.status {
            MeetingStatus::Planned => {
                if ui.button("Mark as held").clicked() {
                    intents.push(Intent::Edit(Edit::SetMeetingStatus {
                        meeting: meeting.number,
                        status: MeetingStatus::Held,
                    }));
                }
            }
            MeetingStatus::Held => {
                if ui
                    .button("Approve the minutes")
                    .on_hover_text("The record is sealed and becomes read-only")
                    .clicked()
                {
                    intents.push(Intent::AskToApprove(Edit::ApproveMinutes {
                        meeting: meeting.number,
                        on: today,
                        at_meeting: board.approving_meeting(meeting.number, today),
                        by: None,
                    }));
                }
            }
            MeetingStatus::Approved => {
                ui.label(RichText::new("Minutes approved: this record is read-only.").strong());
            }
        }
        // Until approved, the details row below shows them to change.
        if meeting.is_approved() && !meeting.venue.is_empty() {
            let time = meeting.start.map(|t| format!("{}, ", t.spoken())).unwrap_or_default();
            ui.weak(format!("{time}{}", meeting.venue));
        }
    });
}
