//! The performance scorecard, kept in the app: every indicator's latest figure, rating,
//! direction of travel, target and comparators in a table that sorts and filters by
//! exception; a chart of the one chosen; the month's figures entered from the keyboard;
//! indicators added, edited and removed. Every change is an edit, so undo and the audit
//! trail follow; the figures shown are as at the date in force.

mod chart;
mod entry;
pub(super) mod form;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::Intent;
use super::widgets::rag_fill;
use crate::edit::{Edit, ScorecardEdit};
use crate::model::{Board, Direction, Indicator, Rag};

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As the board lists them.
    #[default]
    Board,
    Name,
    /// Worst rating first.
    Rating,
    /// Worsening first.
    Direction,
    /// A comparator, by how far the latest figure is behind it (worst first).
    Comparator(usize),
}

#[derive(Default)]
pub struct IndicatorsState {
    sort: SortBy,
    /// Only what is Red or worsening.
    by_exception: bool,
    /// The indicator whose chart is shown.
    selected: Option<String>,
    entry: Option<entry::Entry>,
    form: Option<form::IndicatorForm>,
    /// Removal asked for and not yet confirmed.
    removing: Option<String>,
}

fn rating_order(rag: Option<Rag>) -> u8 {
    match rag {
        Some(Rag::Red) => 0,
        Some(Rag::Amber) => 1,
        Some(Rag::Green) => 2,
        _ => 3,
    }
}

fn direction_order(direction: Option<Direction>) -> u8 {
    match direction {
        Some(Direction::Declining) => 0,
        Some(Direction::NoChange) => 1,
        Some(Direction::Improving) => 2,
        None => 3,
    }
}

/// How far the latest figure is on the wrong side of a comparator (negative when better).
fn behind(indicator: &Indicator, name: &str) -> f64 {
    let (Some(latest), Some(comparator)) = (indicator.latest(), indicator.comparators.iter().find(|c| c.name == name))
    else {
        return f64::NEG_INFINITY;
    };
    match indicator.better {
        crate::model::Better::Higher => comparator.value - latest.value,
        crate::model::Better::Lower => latest.value - comparator.value,
    }
}

/// The comparators' names, one column each, in the order first met.
fn comparator_names(board: &Board) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for comparator in board.indicators.iter().flat_map(|i| &i.comparators) {
        if !names.contains(&comparator.name) {
            names.push(comparator.name.clone());
        }
    }
    names
}

pub fn indicators_ui(
    ui: &mut egui::Ui,
    board: &Board,
    as_at: NaiveDate,
    today: NaiveDate,
    state: &mut IndicatorsState,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        ui.heading("Performance scorecard");
        ui.label(format!("Figures as at {}", crate::model::dates::uk_long(as_at)));
        if as_at != today {
            if ui.button("Back to today").clicked() {
                intents.push(Intent::SetAsAt(None));
            }
        } else if let Some(meeting) = board.latest_held_meeting()
            && ui
                .button(format!("As at meeting {} ({})", meeting.number, crate::model::dates::uk_short(meeting.date)))
                .on_hover_text("Show the figures that meeting saw: readings entered later are left out")
                .clicked()
        {
            intents.push(Intent::SetAsAt(Some(meeting.date)));
        }
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.by_exception, "By exception")
            .on_hover_text("Only indicators rated Red or getting worse");
        if ui.button("Enter figures…").on_hover_text("Type a month's figures, indicator by indicator").clicked() {
            state.entry = Some(entry::Entry::new(board, today));
        }
        if ui.button("Add an indicator").clicked() {
            state.form = Some(form::IndicatorForm::adding());
        }
        if ui.button("Import figures…").on_hover_text("Bring in the performance team's monthly return").clicked() {
            intents.push(Intent::Command(super::AppCommand::ImportFigures));
        }
    });
    if let Some(form) = state.form.as_mut()
        && form.show(ui, board, intents)
    {
        state.form = None;
    }
    if let Some(entry) = state.entry.as_mut()
        && entry.show(ui, board, today, intents)
    {
        state.entry = None;
    }
    ui.separator();
    if board.indicators.is_empty() {
        ui.label("This board has no indicators yet: add one, or import the performance team's return.");
        return;
    }
    let comparators = comparator_names(board);
    let mut shown: Vec<&Indicator> =
        board.indicators.iter().filter(|i| !state.by_exception || i.is_exception()).collect();
    match state.sort {
        SortBy::Board => {}
        SortBy::Name => shown.sort_by_key(|i| i.name.to_lowercase()),
        SortBy::Rating => shown.sort_by_key(|i| rating_order(i.rating())),
        SortBy::Direction => shown.sort_by_key(|i| direction_order(i.direction())),
        SortBy::Comparator(n) => {
            let name = comparators.get(n).cloned().unwrap_or_default();
            shown.sort_by(|a, b| behind(b, &name).total_cmp(&behind(a, &name)));
        }
    }
    if state.by_exception && shown.is_empty() {
        ui.label("Nothing is Red or getting worse.");
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("indicators").striped(true).num_columns(5 + comparators.len()).spacing([14.0, 6.0]).show(
            ui,
            |ui| {
                let mut header = |ui: &mut egui::Ui, title: &str, sort: SortBy| {
                    let marked = if state.sort == sort { format!("{title} ▼") } else { title.to_string() };
                    if ui.add(egui::Button::new(RichText::new(marked).strong()).frame(false)).clicked() {
                        state.sort = if state.sort == sort { SortBy::Board } else { sort };
                    }
                };
                header(ui, "Indicator", SortBy::Name);
                ui.strong("Latest");
                header(ui, "Rating", SortBy::Rating);
                header(ui, "Direction", SortBy::Direction);
                ui.strong("Target");
                for (n, name) in comparators.iter().enumerate() {
                    header(ui, name, SortBy::Comparator(n));
                }
                ui.end_row();
                for indicator in &shown {
                    row(ui, indicator, &comparators, state);
                    ui.end_row();
                }
            },
        );
        if let Some(indicator) = state.selected.as_ref().and_then(|id| board.indicators.iter().find(|i| &i.id == id)) {
            ui.separator();
            selected(ui, indicator, state, intents);
        }
    });
}

fn row(ui: &mut egui::Ui, indicator: &Indicator, comparators: &[String], state: &mut IndicatorsState) {
    let chosen = state.selected.as_deref() == Some(&indicator.id);
    let name = ui
        .selectable_label(chosen, &indicator.name)
        .on_hover_text(format!("{}: show its chart and figures", indicator.better.phrase()));
    if name.clicked() {
        state.selected = if chosen { None } else { Some(indicator.id.clone()) };
    }
    ui.label(crate::documents::scorecard::latest_words(indicator));
    match indicator.rating() {
        Some(rag) => ui.label(RichText::new(rag.word()).strong().color(rag_fill(rag))),
        None => ui.weak(if indicator.target.is_none() { "No target" } else { "No figure" }),
    };
    let direction = indicator.direction();
    let words = direction.map_or("—", |d| d.word());
    match direction {
        Some(Direction::Declining) => ui.label(RichText::new(words).color(rag_fill(Rag::Red))),
        _ => ui.label(words),
    };
    ui.label(indicator.target.map(|t| indicator.unit.format(t)).unwrap_or_else(|| "—".into()));
    for name in comparators {
        match indicator.comparators.iter().find(|c| &c.name == name) {
            Some(c) => ui.label(format!("{} ({})", indicator.unit.format(c.value), c.period.short())),
            None => ui.weak("—"),
        };
    }
}

/// The chosen indicator: its chart, its figures with revisions, and what can be done to it.
fn selected(ui: &mut egui::Ui, indicator: &Indicator, state: &mut IndicatorsState, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        ui.strong(&indicator.name);
        ui.weak(format!("({}, {})", indicator.unit.word().to_lowercase(), indicator.better.phrase()));
        if ui.button("Edit indicator").clicked() {
            state.form = Some(form::IndicatorForm::editing(indicator));
        }
        if ui.button("Remove indicator").clicked() {
            state.removing = Some(indicator.id.clone());
        }
    });
    if state.removing.as_deref() == Some(&indicator.id) {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Remove {} and its {} from the scorecard? (Undo brings it back.)",
                indicator.name,
                crate::model::plural(indicator.readings.len(), "reading")
            ));
            if ui.button("Remove").clicked() {
                intents.push(Intent::Edit(Edit::Scorecard(ScorecardEdit::RemoveIndicator(indicator.id.clone()))));
                state.removing = None;
                state.selected = None;
            }
            if ui.button("Keep it").clicked() {
                state.removing = None;
            }
        });
    }
    let figures = indicator.last_twelve_months();
    chart::indicator_chart(ui, indicator, &figures);
    let revisions: Vec<String> = indicator
        .figures()
        .iter()
        .filter(|r| indicator.is_revised(r.period))
        .map(|r| {
            let earlier: Vec<String> =
                indicator.revised_readings(r.period).iter().map(|e| indicator.unit.format(e.value)).collect();
            let note = if r.note.is_empty() { String::new() } else { format!(": {}", r.note) };
            format!(
                "{}: {} (revised from {}){note}",
                r.period.long(),
                indicator.unit.format(r.value),
                earlier.join(", ")
            )
        })
        .collect();
    for revision in revisions {
        ui.weak(revision);
    }
}
