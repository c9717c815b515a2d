//! The overview: what a chair reads in ten seconds — RAG counts for the board and per
//! priority, overdue and drifting actions, indicators off target, the next meeting.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::Intent;
use super::widgets::{rag_chip, section, stacked_bar};
use crate::model::{Board, dates, dates::uk_long};

pub fn overview_ui(ui: &mut egui::Ui, board: &Board, today: NaiveDate, intents: &mut Vec<Intent>) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.heading(&board.title);
        ui.label(RichText::new(&board.authority).strong());
        next_meeting(ui, board, today, intents);
        rag_summary(ui, board);
        ui.columns(2, |columns| {
            overdue(&mut columns[0], board, today, intents);
            drifting(&mut columns[1], board, intents);
        });
        ui.columns(2, |columns| {
            indicators(&mut columns[0], board);
            meeting_actions(&mut columns[1], board, today);
        });
    });
}

fn next_meeting(ui: &mut egui::Ui, board: &Board, today: NaiveDate, intents: &mut Vec<Intent>) {
    match board.next_meeting(today) {
        Some(m) => {
            let time = m.start.map(|t| format!(", {}", t.spoken())).unwrap_or_default();
            let text = format!("Next meeting: meeting {} on {}{time}", m.number, uk_long(m.date));
            if ui.link(text).clicked() {
                intents.push(Intent::ShowMeeting(m.number));
            }
        }
        None => {
            ui.label("No meeting is planned.");
        }
    }
}

fn rag_summary(ui: &mut egui::Ui, board: &Board) {
    let total = board.rag_counts();
    section(ui, "Statement of action", total.total());
    ui.horizontal_wrapped(|ui| {
        for (rag, n) in total.iter() {
            rag_chip(ui, rag);
            ui.label(RichText::new(n.to_string()).strong().size(18.0));
            ui.add_space(10.0);
        }
    });
    ui.add_space(6.0);
    let width = (ui.available_width() - 420.0).clamp(200.0, 600.0);
    egui::Grid::new("priority-bars").num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
        for (priority, counts) in board.rag_counts_by_priority() {
            ui.label(format!("{} {}", priority.id, priority.title));
            stacked_bar(ui, &counts, width);
            ui.label(RichText::new(counts.describe()).small());
            ui.end_row();
        }
    });
}

fn overdue(ui: &mut egui::Ui, board: &Board, today: NaiveDate, intents: &mut Vec<Intent>) {
    let overdue = board.overdue_actions(today);
    section(ui, "Overdue actions", overdue.len());
    for (action, days) in overdue.iter().take(12) {
        ui.horizontal_wrapped(|ui| {
            rag_chip(ui, action.current_rag());
            if ui.link(format!("{} {}", action.id, action.title)).clicked() {
                intents.push(Intent::ShowAction(action.id.clone()));
            }
            ui.weak(format!("{} overdue · {}", dates::days(*days), board.person_name(&action.lead)));
        });
    }
    if overdue.len() > 12 {
        ui.weak(format!("and {} more in the statement of action", overdue.len() - 12));
    }
}

fn drifting(ui: &mut egui::Ui, board: &Board, intents: &mut Vec<Intent>) {
    let drifting = board.drifting_actions();
    section(ui, "Drifting actions", drifting.len());
    for (action, drift) in drifting.iter().take(12) {
        ui.horizontal_wrapped(|ui| {
            rag_chip(ui, action.current_rag());
            if ui.link(format!("{} {}", action.id, action.title)).clicked() {
                intents.push(Intent::ShowAction(action.id.clone()));
            }
            ui.weak(drift.describe());
        });
    }
    if drifting.len() > 12 {
        ui.weak(format!("and {} more", drifting.len() - 12));
    }
}

fn indicators(ui: &mut egui::Ui, board: &Board) {
    let off = board.indicators_off_target();
    section(ui, "Indicators off target", off.len());
    for indicator in off {
        let (Some(latest), Some(target)) = (indicator.latest(), indicator.target) else { continue };
        let direction = indicator.direction().map(|d| d.word()).unwrap_or("");
        ui.label(format!(
            "{}: {} against {} ({})",
            indicator.name,
            indicator.unit.format(latest.value),
            indicator.unit.format(target),
            direction.to_lowercase()
        ));
    }
}

fn meeting_actions(ui: &mut egui::Ui, board: &Board, today: NaiveDate) {
    let open = board.open_meeting_actions();
    section(ui, "Open meeting actions", open.len());
    for (meeting, action) in open {
        let due = match (action.due, action.days_overdue(today)) {
            (_, Some(days)) => RichText::new(format!("OVERDUE by {}", dates::days(days)))
                .color(super::widgets::rag_fill(crate::model::Rag::Red)),
            (Some(due), None) => RichText::new(format!("due {}", uk_long(due))),
            (None, None) => RichText::new("no due date"),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{} {} — {}", action.id, action.text, board.person_name(&action.owner)));
            ui.label(due);
            ui.weak(format!("(meeting {})", meeting.number));
        });
    }
}
