//! The chair's walk-through: one statement-of-action item at a time, large and readable,
//! rated from the keyboard (R/A/G/B, Shift for impact), with a note for every change.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::MeetingState;
use crate::app::widgets::{rag_chip, rag_chip_large, roll_up_chip, trend_strip};
use crate::app::{AppCommand, Intent};
use crate::edit::Edit;
use crate::model::{Board, Meeting, PlanAction, Rag, WalkOrder, dates, dates::uk_long};

/// The rating being given to the current action, until it is recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WalkDraft {
    /// The action the draft belongs to; moving on starts a fresh draft.
    pub action: String,
    pub rag: Option<Rag>,
    pub impact: Option<Rag>,
    pub note: String,
    /// A change of rating was given with no note: the reason is being asked for.
    pub asking_reason: bool,
    pub focus_note: bool,
    /// A new due date being agreed (D), until it is agreed or left.
    pub redate: Option<RedateDraft>,
}

/// A new due date as the chair and clerk agree it: the date as typed, and why it moved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RedateDraft {
    pub date: String,
    pub reason: String,
    /// Why it could not be agreed as it stands, if it could not.
    pub problem: Option<String>,
    pub focus_date: bool,
}

const NOTE_ID: &str = "walk-note";
const REDATE_DATE_ID: &str = "walk-redate-date";

/// Everything the walk-through list depends on: board version, order, meeting, day.
pub(super) type WalkKey = (u64, WalkOrder, u32, NaiveDate);

impl MeetingState {
    /// The walk-through list and the position in it. The list is worked out once per edit
    /// (or change of order, meeting or day) and kept as positions in the board's actions:
    /// sorting thousands of actions every frame was what made this view slow at scale.
    pub(crate) fn current_walk<'a>(
        &mut self,
        board: &'a Board,
        version: u64,
        meeting: &Meeting,
        today: NaiveDate,
    ) -> (Vec<&'a PlanAction>, usize) {
        let key: WalkKey = (version, self.order.clone(), meeting.number, today);
        if self.walk_list.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let index: std::collections::HashMap<&str, usize> =
                board.actions.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
            let positions = board
                .walk(&self.order, meeting.number, today)
                .iter()
                .filter_map(|a| index.get(a.id.as_str()).copied())
                .collect();
            self.walk_list = Some((key, positions));
        }
        let list: Vec<&PlanAction> = self
            .walk_list
            .as_ref()
            .map(|(_, positions)| positions.iter().filter_map(|&i| board.actions.get(i)).collect())
            .unwrap_or_default();
        let position = self.position.min(list.len().saturating_sub(1));
        (list, position)
    }

    /// Loads the draft from what the meeting already recorded for `action`.
    fn ensure_draft(&mut self, action: &PlanAction, meeting: u32) {
        if self.draft.action == action.id {
            return;
        }
        let recorded = action.rating_at(meeting);
        self.draft = WalkDraft {
            action: action.id.clone(),
            rag: recorded.map(|u| u.rag),
            impact: recorded.and_then(|u| u.impact),
            note: recorded.map(|u| u.note.clone()).unwrap_or_default(),
            asking_reason: false,
            focus_note: false,
            redate: None,
        };
    }

    /// What the walk-through's keys will do on the current action, for keys that come
    /// faster than a frame: the ratings that, pressed now, would ask for a reason (and so
    /// hand the keyboard to the note), and the rating Ctrl+Enter would record.
    pub fn key_forecast(&mut self, board: &Board, version: u64, today: NaiveDate) -> (Vec<Rag>, Option<Rag>) {
        let Some(meeting) = self.selected.and_then(|n| board.meeting(n)) else { return (vec![], None) };
        let (list, position) = self.current_walk(board, version, meeting, today);
        let Some(action) = list.get(position).copied() else { return (vec![], None) };
        self.ensure_draft(action, meeting.number);
        let asks = Rag::ALL
            .into_iter()
            .filter(|&rag| action.reason_needed(meeting.number, meeting.date, rag, &self.draft.note).is_some())
            .collect();
        let previous = action.rating_before(meeting.number, meeting.date).map_or(Rag::NotRated, |u| u.rag);
        let on_commit = self.draft.rag.or(action.rating_at(meeting.number).map(|u| u.rag)).unwrap_or(previous);
        let records = action.reason_needed(meeting.number, meeting.date, on_commit, &self.draft.note).is_none();
        (asks, records.then_some(on_commit))
    }

    /// Runs a walk-through command; returns the edit it makes, if any.
    pub fn walk_command(
        &mut self,
        command: AppCommand,
        board: &Board,
        version: u64,
        today: NaiveDate,
        ctx: &egui::Context,
    ) -> Option<Edit> {
        let meeting = board.meeting(self.selected?)?;
        let (list, position) = self.current_walk(board, version, meeting, today);
        let action = *list.get(position)?;
        self.ensure_draft(action, meeting.number);
        let edit = self.walk_edit(command, action, meeting, list.len(), position, ctx);
        if self.draft.asking_reason && self.draft.focus_note {
            // The reason is asked for: the note has the keyboard from now, not from when it
            // is next drawn, so letters typed in between are the reason, never lost.
            ctx.memory_mut(|m| m.request_focus(egui::Id::unique(NOTE_ID)));
        }
        if edit.is_some() {
            // Recorded: the keyboard goes back to the walk-through, so the chair's next
            // J, G, N move, rate and write rather than land in this note or field.
            ctx.memory_mut(|m| {
                if let Some(focused) = m.focused() {
                    m.surrender_focus(focused);
                }
            });
        }
        edit
    }

    fn walk_edit(
        &mut self,
        command: AppCommand,
        action: &PlanAction,
        meeting: &Meeting,
        count: usize,
        position: usize,
        ctx: &egui::Context,
    ) -> Option<Edit> {
        match command {
            AppCommand::WalkNext | AppCommand::WalkPrevious => {
                let next = if command == AppCommand::WalkNext { position + 1 } else { position.saturating_sub(1) };
                self.position = next.min(count.saturating_sub(1));
                None
            }
            AppCommand::Rate(rag) => {
                self.draft.rag = Some(rag);
                self.commit(action, meeting)
            }
            AppCommand::RateImpact(impact) => {
                self.draft.impact = Some(impact);
                if action.rating_at(meeting.number).is_some() { self.commit(action, meeting) } else { None }
            }
            AppCommand::FocusNote => {
                self.draft.focus_note = true;
                // The note has the keyboard from now, not from when it is next drawn, so
                // the first letters typed after N are text, not shortcuts.
                ctx.memory_mut(|m| m.request_focus(egui::Id::unique(NOTE_ID)));
                // Typed in the same frame as N, before the note had the keyboard: it
                // belongs in the note.
                let typed = std::mem::take(&mut self.typed_for_note);
                self.draft.note.push_str(&typed);
                None
            }
            AppCommand::Redate if !meeting.is_approved() => {
                let typed = std::mem::take(&mut self.typed_for_note);
                self.draft.redate = Some(RedateDraft { date: typed, focus_date: true, ..RedateDraft::default() });
                ctx.memory_mut(|m| m.request_focus(egui::Id::unique(REDATE_DATE_ID)));
                None
            }
            AppCommand::LeaveNote if self.draft.redate.is_some() => {
                // Left without agreeing: the due date stays as it was.
                self.draft.redate = None;
                ctx.memory_mut(|m| {
                    if let Some(focused) = m.focused() {
                        m.surrender_focus(focused);
                    }
                });
                None
            }
            AppCommand::LeaveNote => {
                ctx.memory_mut(|m| m.surrender_focus(egui::Id::unique(NOTE_ID)));
                None
            }
            AppCommand::CommitUpdate if self.draft.redate.is_some() => self.agree_redate(action, meeting),
            AppCommand::CommitUpdate => self.commit(action, meeting),
            _ => None,
        }
    }

    /// The edit that re-dates the action, or `None` with the problem shown.
    fn agree_redate(&mut self, action: &PlanAction, meeting: &Meeting) -> Option<Edit> {
        let draft = self.draft.redate.as_mut()?;
        let to = match crate::import::parse_uk_date(&draft.date) {
            Ok(to) => to,
            Err(why) => {
                draft.problem = Some(why);
                draft.focus_date = true;
                return None;
            }
        };
        if draft.reason.trim().is_empty() {
            draft.problem = Some("Say why the date moves: the board and Ofsted will ask.".into());
            return None;
        }
        if to == action.due {
            draft.problem = Some(format!("It is already due on {}.", uk_long(to)));
            return None;
        }
        let edit = Edit::RedateAction {
            action: action.id.clone(),
            to,
            on: meeting.date,
            meeting: Some(meeting.number),
            reason: draft.reason.trim().to_string(),
        };
        self.draft.redate = None;
        Some(edit)
    }

    /// The edit that records the draft, or `None` (and the reason asked for) when it
    /// changes an agreed rating without a reason: the core's rule, asked before the core
    /// would refuse.
    fn commit(&mut self, action: &PlanAction, meeting: &Meeting) -> Option<Edit> {
        let previous = action.rating_before(meeting.number, meeting.date).map_or(Rag::NotRated, |u| u.rag);
        let rag = self.draft.rag.or(action.rating_at(meeting.number).map(|u| u.rag)).unwrap_or(previous);
        if action.reason_needed(meeting.number, meeting.date, rag, &self.draft.note).is_some() {
            // A re-rating at this meeting: the old note gave the reason for the old
            // rating, so the new reason is written afresh.
            if action.rating_at(meeting.number).is_some_and(|u| u.note.trim() == self.draft.note.trim()) {
                self.draft.note.clear();
            }
            // The reason typed in the same frame as the rating, before the note had the
            // keyboard.
            let typed = std::mem::take(&mut self.typed_for_note);
            self.draft.note.push_str(&typed);
            self.draft.asking_reason = true;
            self.draft.focus_note = true;
            return None;
        }
        self.draft.asking_reason = false;
        self.draft.rag = Some(rag);
        Some(Edit::RateAction {
            action: action.id.clone(),
            meeting: meeting.number,
            date: meeting.date,
            rag,
            impact: self.draft.impact,
            note: self.draft.note.trim().to_string(),
            // The lead reports on their action; the clerk's name goes in the audit trail.
            by: Some(action.lead.clone()),
        })
    }
}

pub fn walk_ui(
    ui: &mut egui::Ui,
    board: &Board,
    version: u64,
    meeting: &Meeting,
    today: NaiveDate,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    order_picker(ui, board, state);
    let (list, position) = state.current_walk(board, version, meeting, today);
    let Some(action) = list.get(position).copied() else {
        ui.label("Nothing to walk through in this order.");
        return;
    };
    state.position = position;
    state.ensure_draft(action, meeting.number);
    progress_line(ui, board, &list, position, action);
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        action_card(ui, board, action, meeting, today);
        ui.add_space(10.0);
        if meeting.is_approved() {
            ui.label(
                RichText::new("The minutes of this meeting are approved: ratings can no longer be changed.").strong(),
            );
        } else {
            rating_panel(ui, action, meeting, state, intents);
            redate_panel(ui, action, state, intents);
        }
    });
}

/// The new due date being agreed (D): the date, the reason, and how to agree or leave it.
fn redate_panel(ui: &mut egui::Ui, action: &PlanAction, state: &mut MeetingState, intents: &mut Vec<Intent>) {
    let Some(draft) = state.draft.redate.as_mut() else {
        if ui.button("Agree a new due date (D)").clicked() {
            intents.push(Intent::Command(AppCommand::Redate));
        }
        return;
    };
    ui.add_space(8.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(format!("A new due date for {} (now {})", action.id, uk_long(action.due))).strong());
        egui::Grid::new("walk-redate").num_columns(2).show(ui, |ui| {
            let label = ui.label("New due date");
            let date = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.date)
                        .id(egui::Id::unique(REDATE_DATE_ID))
                        .hint_text("31/03/2027")
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
            if draft.focus_date {
                date.request_focus();
                draft.focus_date = false;
            }
            ui.end_row();
            let label = ui.label("Why it moves");
            ui.add(egui::TextEdit::singleline(&mut draft.reason).desired_width(f32::INFINITY)).labelled_by(label.id);
            ui.end_row();
        });
        if let Some(problem) = &draft.problem {
            ui.colored_label(crate::app::widgets::rag_fill(Rag::Red), problem);
        }
        ui.horizontal(|ui| {
            if ui.button("Agree the new date (Ctrl+Enter)").clicked() {
                intents.push(Intent::Command(AppCommand::CommitUpdate));
            }
            if ui.button("Leave it as it is (Esc)").clicked() {
                intents.push(Intent::Command(AppCommand::LeaveNote));
            }
        });
    });
}

fn order_picker(ui: &mut egui::Ui, board: &Board, state: &mut MeetingState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Order:");
        let mut order = state.order.clone();
        ui.selectable_value(&mut order, WalkOrder::Plan, WalkOrder::Plan.label());
        ui.selectable_value(&mut order, WalkOrder::NeedsTheBoard, WalkOrder::NeedsTheBoard.label());
        let one = match &order {
            WalkOrder::Priority(id) => format!("Priority {id}"),
            _ => "One priority…".into(),
        };
        crate::app::widgets::labelled_combo(ui, "or", "walk-priority", one, |ui| {
            for p in &board.priorities {
                ui.selectable_value(&mut order, WalkOrder::Priority(p.id.clone()), format!("{} {}", p.id, p.title));
            }
        });
        if order != state.order {
            state.order = order;
            state.position = 0;
        }
        ui.weak("↓/J next · ↑/K previous · R A G B rate · Shift+R A G B impact · N note · D new due date · Ctrl+Enter record · Esc leave");
    });
}

fn progress_line(ui: &mut egui::Ui, board: &Board, list: &[&PlanAction], position: usize, action: &PlanAction) {
    let priority = board.priority_of(action);
    let priority_index = priority.and_then(|p| board.priorities.iter().position(|q| q.id == p.id)).map_or(0, |i| i + 1);
    ui.label(
        RichText::new(format!(
            "action {} of {} · priority {} of {}",
            position + 1,
            list.len(),
            priority_index,
            board.priorities.len()
        ))
        .strong(),
    );
}

fn action_card(ui: &mut egui::Ui, board: &Board, action: &PlanAction, meeting: &Meeting, today: NaiveDate) {
    if let Some(priority) = board.priority_of(action) {
        let counts = board.rag_counts_for_priority(&priority.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Priority {}: {}", priority.id, priority.title)).size(16.0).strong());
            roll_up_chip(ui, &counts);
            ui.weak(counts.describe());
        });
    }
    if let Some(rec) = board.recommendation(&action.recommendation) {
        let counts = board.rag_counts_for_recommendation(&rec.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Recommendation {}", rec.id)).strong());
            roll_up_chip(ui, &counts);
            ui.weak(counts.describe());
        });
        ui.label(RichText::new(&rec.text).italics());
    }
    ui.add_space(8.0);
    ui.label(RichText::new(format!("{}  {}", action.id, action.title)).size(24.0).strong());
    ui.add_space(4.0);
    egui::Grid::new("walk-facts").num_columns(2).spacing([14.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new("Lead").strong());
        ui.label(
            RichText::new(board.person(&action.lead).map_or(action.lead.clone(), |p| p.name_and_role())).size(16.0),
        );
        ui.end_row();
        ui.label(RichText::new("Due").strong());
        let due = match action.days_overdue(today) {
            Some(days) => RichText::new(format!("{} — overdue by {}", uk_long(action.due), dates::days(days)))
                .color(crate::app::widgets::rag_fill(Rag::Red))
                .strong(),
            None => RichText::new(uk_long(action.due)),
        };
        ui.vertical(|ui| {
            ui.label(due.size(16.0));
            if let Some(moved) = action.redating_words() {
                ui.label(RichText::new(moved).color(crate::app::widgets::rag_fill(Rag::Red)));
            }
        });
        ui.end_row();
        ui.label(RichText::new("Measure").strong());
        ui.label(RichText::new(&action.measure).size(16.0));
        ui.end_row();
        // What stood before this meeting: a rating given here is shown apart, below.
        let before = action.before_meeting(meeting.number, meeting.date);
        ui.label(RichText::new("Before this meeting").strong());
        ui.horizontal(|ui| {
            rag_chip_large(ui, before.current_rag(), 1.3);
            trend_strip(ui, &before.recent_ratings(4));
            ui.label(before.trend().word());
        });
        ui.end_row();
        ui.label(RichText::new("Last note").strong());
        ui.label(RichText::new(before.latest_note().unwrap_or("—")).size(16.0));
        ui.end_row();
    });
}

/// A group of ratings is one stop for Tab, as a radio group is: the chosen one (or Red,
/// the first, when none is chosen) takes the focus; the others are reached by their keys.
fn one_tab_stop(chosen: Option<Rag>, rag: Rag) -> egui::Sense {
    let stop = chosen.filter(|r| *r != Rag::NotRated).unwrap_or(Rag::Red);
    if stop == rag { egui::Sense::click() } else { egui::Sense::CLICK }
}

fn rating_panel(
    ui: &mut egui::Ui,
    action: &PlanAction,
    meeting: &Meeting,
    state: &mut MeetingState,
    intents: &mut Vec<Intent>,
) {
    let recorded = action.rating_at(meeting.number);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Rating at meeting {}:", meeting.number)).size(18.0).strong());
        for rag in [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue] {
            let chosen = state.draft.rag == Some(rag);
            let text = RichText::new(format!("{} {}", rag.letter(), rag.word()))
                .size(18.0)
                .color(crate::app::widgets::rag_text(rag));
            let tab_stop = one_tab_stop(state.draft.rag, rag);
            let button = egui::Button::new(text)
                .fill(crate::app::widgets::rag_fill(rag))
                .stroke(if chosen {
                    egui::Stroke::new(3.0, ui.visuals().strong_text_color())
                } else {
                    egui::Stroke::NONE
                })
                .sense(tab_stop);
            if ui.add(button).clicked() {
                intents.push(Intent::Command(AppCommand::Rate(rag)));
            }
        }
        ui.add_space(12.0);
        ui.label("Impact:");
        for rag in [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue] {
            let chip = egui::Button::selectable(state.draft.impact == Some(rag), rag.word())
                .sense(one_tab_stop(state.draft.impact, rag));
            if ui.add(chip).on_hover_text(format!("Shift+{}", rag.letter())).clicked() {
                intents.push(Intent::Command(AppCommand::RateImpact(rag)));
            }
        }
    });
    match recorded {
        Some(update) => {
            ui.horizontal(|ui| {
                ui.label("Recorded at this meeting:");
                rag_chip(ui, update.rag);
                if let Some(impact) = update.impact {
                    ui.label(format!("impact {}", impact.word()));
                }
            });
        }
        None => {
            ui.weak("Not yet rated at this meeting.");
        }
    }
    if state.draft.asking_reason {
        ui.label(
            RichText::new("The rating has changed: say why in the note, then press Ctrl+Enter.")
                .color(crate::app::widgets::rag_fill(Rag::Red))
                .strong(),
        );
    }
    let label = ui.label(RichText::new("Note (the board's commentary)").strong());
    let note = ui.add(
        egui::TextEdit::multiline(&mut state.draft.note)
            .id(egui::Id::unique(NOTE_ID))
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .font(egui::TextStyle::Body),
    );
    let note = note.labelled_by(label.id);
    if state.draft.focus_note {
        note.request_focus();
        state.draft.focus_note = false;
    }
    ui.horizontal(|ui| {
        if ui.button("Record the rating (Ctrl+Enter)").clicked() {
            intents.push(Intent::Command(AppCommand::CommitUpdate));
        }
        if ui.button("Next action (↓)").clicked() {
            intents.push(Intent::Command(AppCommand::WalkNext));
        }
    });
}
