//! Entering a month's figures from the keyboard: one row per indicator, the months before
//! shown for reference, the month's column opening at the next month due. Type a figure
//! and press Enter to go to the next; a different figure for a month already held is a
//! revision, and asks for its reason in the note beside it before it is recorded.

use std::collections::HashMap;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::Intent;
use crate::edit::{Edit, ScorecardEdit};
use crate::model::{Board, Recording, YearMonth, next_month_due};

/// How many months before the one being entered are shown beside it.
const MONTHS_BEFORE: u32 = 4;

pub struct Entry {
    /// The month being entered; fixed when the grid opens, so it does not move on as the
    /// first figure of a new month is recorded.
    pub month: YearMonth,
    /// Figures typed and not yet recorded, by indicator id.
    typed: HashMap<String, String>,
    /// Notes typed, by indicator id.
    notes: HashMap<String, String>,
    /// The indicator whose revision waits for its reason.
    needs_reason: Option<String>,
    /// Where the keyboard goes next frame: the figure (false) or note (true) of a row.
    focus: Option<(String, bool)>,
    problem: Option<String>,
}

/// A figure as people type it: "27.4", "27.4%", "1,204".
pub fn parse_figure(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| !matches!(c, '%' | ',' | ' ')).collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Entry {
    pub fn new(board: &Board, today: NaiveDate) -> Entry {
        let month = next_month_due(&board.indicators, today);
        let focus = board.indicators.first().map(|i| (i.id.clone(), false));
        Entry { month, typed: HashMap::new(), notes: HashMap::new(), needs_reason: None, focus, problem: None }
    }

    /// The grid; true when it is closed.
    pub fn show(&mut self, ui: &mut egui::Ui, board: &Board, today: NaiveDate, intents: &mut Vec<Intent>) -> bool {
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Enter figures for");
                if ui.small_button("◀").on_hover_text("The month before").clicked() {
                    self.month = self.month.months_before(1);
                    self.typed.clear();
                }
                ui.strong(self.month.long());
                if ui.small_button("▶").on_hover_text("The month after").clicked() {
                    self.month = self.month.next();
                    self.typed.clear();
                }
                ui.weak(
                    "Type a figure and press Enter for the next. A changed figure is a revision: say why in its note.",
                );
                if ui.button("Done").clicked() {
                    close = true;
                }
            });
            if let Some(problem) = &self.problem {
                ui.label(RichText::new(problem).color(ui.visuals().warn_fg_color));
            }
            let months: Vec<YearMonth> = (1..=MONTHS_BEFORE).rev().map(|n| self.month.months_before(n)).collect();
            egui::Grid::new("figure-entry").striped(true).num_columns(months.len() + 3).show(ui, |ui| {
                ui.strong("Indicator");
                for month in &months {
                    ui.strong(month.short());
                }
                ui.strong(self.month.short());
                let note_header = ui.strong("Note (needed for a revision)");
                ui.end_row();
                let ids: Vec<String> = board.indicators.iter().map(|i| i.id.clone()).collect();
                for (n, indicator) in board.indicators.iter().enumerate() {
                    let name = ui.label(&indicator.name);
                    for month in &months {
                        match indicator.figure(*month) {
                            Some(r) if indicator.is_revised(*month) => {
                                ui.label(format!("{} (revised)", indicator.unit.format(r.value)))
                            }
                            Some(r) => ui.label(indicator.unit.format(r.value)),
                            None => ui.weak("—"),
                        };
                    }
                    let held = indicator.figure(self.month).map(|r| r.value);
                    let text = self
                        .typed
                        .entry(indicator.id.clone())
                        .or_insert_with(|| held.map(trim_number).unwrap_or_default());
                    let field = egui::TextEdit::singleline(text)
                        .desired_width(70.0)
                        .id_salt(("figure", &indicator.id))
                        .hint_text(indicator.unit.word());
                    let figure = ui.add(field).labelled_by(name.id).on_hover_text(format!(
                        "{}, {}",
                        indicator.name,
                        self.month.long()
                    ));
                    let note_text = self.notes.entry(indicator.id.clone()).or_default();
                    let note = ui
                        .add(
                            egui::TextEdit::singleline(note_text)
                                .desired_width(260.0)
                                .id_salt(("figure-note", &indicator.id)),
                        )
                        .labelled_by(note_header.id);
                    if self.focus.as_ref() == Some(&(indicator.id.clone(), false)) {
                        figure.request_focus();
                        self.focus = None;
                    } else if self.focus.as_ref() == Some(&(indicator.id.clone(), true)) {
                        note.request_focus();
                        self.focus = None;
                    }
                    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if figure.lost_focus() {
                        let recorded = self.record(board, &indicator.id, today, intents);
                        if recorded && enter {
                            self.focus = ids.get(n + 1).map(|next| (next.clone(), false));
                        }
                    }
                    if note.lost_focus() && self.needs_reason.as_deref() == Some(&indicator.id) {
                        let recorded = self.record(board, &indicator.id, today, intents);
                        if recorded && enter {
                            self.focus = ids.get(n + 1).map(|next| (next.clone(), false));
                        }
                    }
                    ui.end_row();
                }
            });
        });
        close
    }

    /// Records the figure typed for an indicator, if there is one to record; false when
    /// it waits for something (a reason, a figure that reads as a number).
    fn record(&mut self, board: &Board, id: &str, today: NaiveDate, intents: &mut Vec<Intent>) -> bool {
        let Some(indicator) = board.indicators.iter().find(|i| i.id == id) else { return true };
        let text = self.typed.get(id).cloned().unwrap_or_default();
        if text.trim().is_empty() {
            self.problem = None;
            return true;
        }
        let Some(value) = parse_figure(&text) else {
            self.problem = Some(format!("{}: \"{}\" is not a figure", indicator.name, text.trim()));
            self.focus = Some((id.to_string(), false));
            return false;
        };
        let note = self.notes.get(id).map(|n| n.trim().to_string()).unwrap_or_default();
        match indicator.judge(self.month, value) {
            Recording::Unchanged => {
                self.problem = None;
                return true;
            }
            Recording::Revision { was } if note.is_empty() => {
                self.problem = Some(format!(
                    "{}: {} is held as {}. A revision needs its reason: type it in the note and press Enter.",
                    indicator.name,
                    self.month.long(),
                    indicator.unit.format(was)
                ));
                self.needs_reason = Some(id.to_string());
                self.focus = Some((id.to_string(), true));
                return false;
            }
            Recording::Revision { .. } | Recording::New => {}
        }
        intents.push(Intent::Edit(Edit::Scorecard(ScorecardEdit::RecordFigure {
            indicator: id.to_string(),
            period: self.month,
            value,
            entered: today,
            note,
        })));
        self.typed.remove(id);
        self.notes.remove(id);
        self.needs_reason = None;
        self.problem = None;
        true
    }
}

/// A held figure as typed: "21.2", "433".
fn trim_number(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value}") }
}

#[cfg(test)]
mod tests {
    use super::parse_figure;

    #[test]
    fn figures_are_read_as_people_type_them() {
        assert_eq!(parse_figure("27.4"), Some(27.4));
        assert_eq!(parse_figure(" 27.4% "), Some(27.4));
        assert_eq!(parse_figure("1,204"), Some(1204.0));
        assert_eq!(parse_figure("n/a"), None);
        assert_eq!(parse_figure("inf"), None);
    }
}
