//! "Since last time": what moved between the previous meeting and this one.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::model::{Board, Meeting, SinceLastTime};

/// A heading and which changes go under it.
type Group = (&'static str, fn(&SinceLastTime) -> bool);

pub fn since_ui(ui: &mut egui::Ui, board: &Board, meeting: &Meeting, today: NaiveDate) {
    let changes = board.since_last_time(meeting.number, today.max(meeting.date));
    if changes.is_empty() {
        ui.label("Nothing has changed since the previous meeting (or this is the first).");
        return;
    }
    let groups: [Group; 4] = [
        ("Ratings down", |c| matches!(c, SinceLastTime::RatingDown { .. })),
        ("Ratings up", |c| matches!(c, SinceLastTime::RatingUp { .. })),
        ("Became overdue", |c| matches!(c, SinceLastTime::BecameOverdue { .. })),
        ("Meeting actions closed", |c| matches!(c, SinceLastTime::MeetingActionClosed { .. })),
    ];
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for (title, belongs) in groups {
            let lines: Vec<String> = changes.iter().filter(|c| belongs(c)).map(SinceLastTime::describe).collect();
            ui.label(RichText::new(format!("{title} ({})", lines.len())).heading().size(17.0));
            for line in lines {
                ui.label(format!("• {line}"));
            }
            ui.add_space(8.0);
        }
    });
}
