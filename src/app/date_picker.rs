//! A small date picker: the date in UK words, and a month calendar to choose from.
//! (egui_extras' picker works in jiff dates; the model keeps chrono's.)

use chrono::{Datelike, Days, Months, NaiveDate};
use eframe::egui::{self, RichText};

use crate::model::dates::uk_long;

/// Shows `date` as a button; clicking it opens a calendar. Returns true when it changed.
pub fn date_picker(ui: &mut egui::Ui, id_salt: &str, date: &mut NaiveDate) -> bool {
    let id = ui.make_persistent_id(id_salt);
    let mut month: NaiveDate = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| date.with_day(1).unwrap_or(*date));
    let button = ui.button(uk_long(*date)).on_hover_text("Choose a date");
    let mut changed = false;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.horizontal(|ui| {
                if ui.button("◀").on_hover_text("Previous month").clicked() {
                    month = month - Months::new(1);
                }
                ui.label(RichText::new(month.format("%B %Y").to_string()).strong());
                if ui.button("▶").on_hover_text("Next month").clicked() {
                    month = month + Months::new(1);
                }
            });
            egui::Grid::new((id, "days")).spacing([2.0, 2.0]).show(ui, |ui| {
                for day in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                    ui.weak(day);
                }
                ui.end_row();
                for _ in 0..month.weekday().num_days_from_monday() {
                    ui.label("");
                }
                let mut day = month;
                while day.month() == month.month() {
                    let text = RichText::new(day.day().to_string()).monospace();
                    if ui.selectable_label(day == *date, text).clicked() {
                        *date = day;
                        changed = true;
                        ui.close();
                    }
                    if day.weekday() == chrono::Weekday::Sun {
                        ui.end_row();
                    }
                    day = day + Days::new(1);
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(id, month));
    changed
}
