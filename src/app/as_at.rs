//! View → As at…: the board as it stood at a date, for a chair looking back. The rule of
//! what "as at" means is the core's ([`crate::model::Board::as_at`]); here is only the
//! choice of date and a copy of the board kept for it, made once per edit, not per frame.

use chrono::NaiveDate;
use eframe::egui;

use crate::model::Board;

#[derive(Default)]
pub struct AsAt {
    /// The date chosen; `None` is today.
    pub date: Option<NaiveDate>,
    /// The window to choose it is open.
    pub asking: bool,
    /// The board as at the date, and the board version and date it was made for.
    kept: Option<((u64, NaiveDate), Board)>,
    /// How many times the board as at a date was made: its version, for the views' caches.
    made: u64,
}

/// Versions of a board shown as at a date are counted apart from the board's own, so a
/// view's cache never takes one for the other.
const LOOKING_BACK: u64 = 1 << 63;

impl AsAt {
    /// The date the views show, given today's.
    pub fn date_or(&self, today: NaiveDate) -> NaiveDate {
        self.date.unwrap_or(today)
    }

    /// Looking back: a date other than today is in force.
    pub fn looking_back(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.date.filter(|d| *d != today)
    }

    /// The board as at the date in force, with its version: the board itself when that
    /// is today.
    pub fn board<'a>(&'a mut self, board: &'a Board, version: u64, today: NaiveDate) -> (&'a Board, u64) {
        let Some(date) = self.looking_back(today) else { return (board, version) };
        let key = (version, date);
        if self.kept.as_ref().is_none_or(|(k, _)| *k != key) {
            self.kept = Some((key, board.as_at(date).into_owned()));
            self.made += 1;
        }
        (&self.kept.as_ref().expect("kept above").1, LOOKING_BACK | self.made)
    }

    /// The window to choose the date.
    pub fn window(&mut self, ctx: &egui::Context, today: NaiveDate) {
        if !self.asking {
            return;
        }
        let mut open = true;
        egui::Window::new("As at").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label("Show the board as it stood on a date: ratings, re-datings, meetings and figures after it are left out.");
            ui.horizontal(|ui| {
                ui.label("As at");
                let mut date = self.date_or(today);
                if crate::app::date_picker::date_picker(ui, "as-at-date", &mut date) {
                    self.date = (date != today).then_some(date);
                }
                if ui.add_enabled(self.date.is_some(), egui::Button::new("Back to today")).clicked() {
                    self.date = None;
                }
            });
        });
        if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.asking = false;
        }
    }
}
