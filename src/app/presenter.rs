//! The presenter view (F5): a second window for the projector showing the action being
//! discussed, large, with its rating in word and colour, and nothing private — no clerk's
//! notes, nothing from an exempt item.

use eframe::egui::{self, RichText};

use super::App;
use super::widgets::rag_chip_large;
use crate::model::{Rag, dates::uk_long};

pub fn presenter_viewport(app: &mut App, ctx: &egui::Context) {
    let id = egui::ViewportId::from_hash_of("presenter");
    let builder = egui::ViewportBuilder::default()
        .with_title("Improvement board — presenter view")
        .with_inner_size([1024.0, 640.0]);
    let mut close = false;
    ctx.show_viewport_immediate(id, builder, |ui, _class| {
        if ui.input(|i| i.viewport().close_requested() || i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        egui::CentralPanel::default().show(ui, |ui| presenter_ui(app, ui));
    });
    if close {
        app.presenter_open = false;
    }
}

/// What the projector shows: public facts of the current walk-through action only.
/// The walk-through list is the meeting view's own, worked out once per edit.
pub fn presenter_ui(app: &mut App, ui: &mut egui::Ui) {
    let App { doc: Some(doc), meeting: state, today, .. } = app else { return };
    let board = &doc.board;
    let Some(meeting) = state.selected.and_then(|n| board.meeting(n)) else {
        ui.heading(&board.title);
        return;
    };
    let (list, position) = state.current_walk(board, doc.version, meeting, *today);
    let Some(action) = list.get(position) else { return };
    ui.label(
        RichText::new(format!("{} — meeting {}, {}", board.title, meeting.number, uk_long(meeting.date))).size(18.0),
    );
    if let Some(priority) = board.priority_of(action) {
        ui.label(RichText::new(format!("Priority {}: {}", priority.id, priority.title)).size(22.0));
    }
    ui.add_space(10.0);
    ui.label(RichText::new(format!("{}  {}", action.id, action.title)).size(36.0).strong());
    ui.add_space(8.0);
    ui.label(RichText::new(format!("Lead: {}", board.person_name(&action.lead))).size(24.0));
    ui.label(RichText::new(format!("Due: {}", uk_long(action.due))).size(24.0));
    ui.add_space(12.0);
    let rag = action.rating_at(meeting.number).map_or(action.current_rag(), |u| u.rag);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Rating:").size(28.0));
        rag_chip_large(ui, rag, 2.2);
        if rag == Rag::NotRated {
            ui.label(RichText::new("to be agreed").size(24.0));
        }
    });
    ui.add_space(12.0);
    ui.label(RichText::new(format!("Action {} of {}", position + 1, list.len())).size(18.0));
}
