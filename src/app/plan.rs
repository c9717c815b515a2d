//! The statement of action: priorities → recommendations → actions, as a table that sorts
//! by any column and filters by RAG, lead, priority, overdue and free text; the selected
//! action's detail beside it.

use super::widgets::labelled_combo;
use chrono::NaiveDate;
use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::Intent;
use super::widgets::{rag_chip, trend_strip};
use crate::model::{Board, PlanAction, PlanColumn, PlanFilter, Rag, dates, dates::uk_long};

/// The two sides of the view: the table a meeting reads, and the outline an adviser
/// writes in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanMode {
    #[default]
    Review,
    Write,
}

#[derive(Default)]
pub struct PlanState {
    pub mode: PlanMode,
    pub write: super::write::WriteState,
    pub filter: PlanFilter,
    pub column: PlanColumn,
    pub descending: bool,
    pub selected: Option<String>,
    scroll_to_selected: bool,
    /// The rows last computed, and what they were computed for.
    rows: Option<(RowsKey, Vec<usize>)>,
}

/// Everything the table's rows depend on.
type RowsKey = (u64, PlanFilter, PlanColumn, bool, NaiveDate);

impl PlanState {
    pub fn select(&mut self, id: &str) {
        self.selected = Some(id.to_string());
        self.filter = PlanFilter::default();
        self.scroll_to_selected = true;
    }
}

pub fn plan_ui(
    ui: &mut egui::Ui,
    board: &Board,
    version: u64,
    today: NaiveDate,
    state: &mut PlanState,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.mode, PlanMode::Review, "Review the actions");
        ui.selectable_value(&mut state.mode, PlanMode::Write, "Write the statement");
    });
    if state.mode == PlanMode::Write {
        super::write::write_ui(ui, board, version, today, &mut state.write, intents);
        return;
    }
    if let Some((inspection, due)) = board
        .inspections
        .iter()
        .rev()
        .find(|i| !i.judgements.is_empty())
        .and_then(|i| i.statement_due().map(|due| (i, due)))
    {
        let published = inspection.published.map(uk_long).unwrap_or_default();
        let is = if due < today { "was" } else { "is" };
        ui.weak(format!(
            "The statement of action {is} due {}: {} working days after the report of {published}.",
            uk_long(due),
            crate::model::STATEMENT_DUE_WORKING_DAYS
        ));
    }
    filters(ui, board, &mut state.filter);
    ui.separator();
    // Filtering and sorting thousands of actions every frame is what made this view slow
    // at scale; the rows are recomputed only when the board or the filter changes.
    let key: RowsKey = (version, state.filter.clone(), state.column, state.descending, today);
    if state.rows.as_ref().is_none_or(|(cached, _)| *cached != key) {
        let positions = board.plan_table_positions(&state.filter, state.column, !state.descending, today);
        state.rows = Some((key, positions));
    }
    let rows: Vec<&PlanAction> =
        state.rows.as_ref().map(|(_, p)| p.iter().filter_map(|&i| board.actions.get(i)).collect()).unwrap_or_default();
    if let Some(action) = state.selected.as_deref().and_then(|id| board.action(id)) {
        egui::Panel::right("plan-detail").resizable(true).default_size(380.0).show(ui, |ui| {
            if ui.button("Edit this action").clicked() {
                state.mode = PlanMode::Write;
                state.write.select(super::write::Selected::Action(action.id.clone()));
            }
            egui::ScrollArea::vertical().show(ui, |ui| detail(ui, board, action, today));
        });
    }
    ui.label(format!("{} of {} actions", rows.len(), board.actions.len()));
    // A little air before the detail panel, so a selected row's highlight stops short of it.
    ui.scope(|ui| {
        ui.set_max_width(ui.available_width() - 12.0);
        // Nothing the table draws (a row's highlight, a stripe) reaches past its width.
        let mut clip = ui.clip_rect();
        clip.max.x = clip.max.x.min(ui.max_rect().max.x);
        ui.set_clip_rect(clip);
        table(ui, board, &rows, today, state);
    });
}

fn filters(ui: &mut egui::Ui, board: &Board, filter: &mut PlanFilter) {
    ui.horizontal_wrapped(|ui| {
        labelled_combo(ui, "RAG", "filter-rag", filter.rag.map_or("Any", Rag::word).into(), |ui| {
            ui.selectable_value(&mut filter.rag, None, "Any");
            for rag in Rag::ALL {
                ui.selectable_value(&mut filter.rag, Some(rag), rag.word());
            }
        });
        let lead_name = filter.lead.as_deref().map_or("Anyone", |id| board.person_name(id));
        labelled_combo(ui, "Lead", "filter-lead", String::from(lead_name), |ui| {
            ui.selectable_value(&mut filter.lead, None, "Anyone");
            for person in &board.people {
                ui.selectable_value(&mut filter.lead, Some(person.id.clone()), person.called());
            }
        });
        let priority_name = filter.priority.clone().unwrap_or_else(|| "All".into());
        labelled_combo(ui, "Priority", "filter-priority", priority_name, |ui| {
            ui.selectable_value(&mut filter.priority, None, "All");
            for p in &board.priorities {
                ui.selectable_value(&mut filter.priority, Some(p.id.clone()), format!("{} {}", p.id, p.title));
            }
        });
        ui.checkbox(&mut filter.overdue_only, "Overdue only");
        let find = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut filter.text).hint_text("id, title, measure or note").desired_width(180.0),
        )
        .labelled_by(find.id);
        if !filter.is_empty() && ui.button("Clear filters").clicked() {
            *filter = PlanFilter::default();
        }
    });
}

/// Below this width the table leaves out the trend and latest note (the detail panel
/// beside it shows both), rather than run under the panel.
const ROOM_FOR_EVERY_COLUMN: f32 = 1000.0;

fn table(ui: &mut egui::Ui, board: &Board, rows: &[&PlanAction], today: NaiveDate, state: &mut PlanState) {
    let every_column = ui.available_width() >= ROOM_FOR_EVERY_COLUMN;
    let mut columns = vec![
        (PlanColumn::Id, "Id"),
        (PlanColumn::Title, "Action"),
        (PlanColumn::Lead, "Lead"),
        (PlanColumn::Due, "Due"),
        (PlanColumn::Rag, "RAG"),
    ];
    if every_column {
        columns.extend([(PlanColumn::Trend, "Trend"), (PlanColumn::Note, "Latest note")]);
    }
    let mut builder = TableBuilder::new(ui)
        .id_salt(("plan-table", every_column))
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(44.0))
        .column(Column::initial(280.0).at_least(160.0).clip(true).resizable(true))
        .column(Column::initial(140.0).clip(true).resizable(true))
        .column(Column::exact(196.0).clip(true));
    builder = if every_column {
        builder.column(Column::exact(84.0)).column(Column::exact(120.0)).column(Column::remainder().clip(true))
    } else {
        builder.column(Column::remainder().at_least(84.0).clip(true))
    };
    if state.scroll_to_selected {
        if let Some(index) = rows.iter().position(|a| Some(&a.id) == state.selected.as_ref()) {
            builder = builder.scroll_to_row(index, Some(egui::Align::Center));
        }
        state.scroll_to_selected = false;
    }
    builder
        .header(24.0, |mut header| {
            for (column, title) in columns {
                header.col(|ui| {
                    let arrow =
                        if state.column == column { if state.descending { " ▼" } else { " ▲" } } else { "" };
                    if ui.button(RichText::new(format!("{title}{arrow}")).strong()).clicked() {
                        if state.column == column {
                            state.descending = !state.descending;
                        } else {
                            state.column = column;
                            state.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(28.0, rows.len(), |mut row| {
                let action = rows[row.index()];
                row.set_selected(state.selected.as_ref() == Some(&action.id));
                row.col(|ui| {
                    ui.label(&action.id);
                });
                row.col(|ui| {
                    let selected = state.selected.as_ref() == Some(&action.id);
                    if ui.selectable_label(selected, &action.title).clicked() {
                        state.selected = Some(action.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(board.person_name(&action.lead));
                });
                row.col(|ui| {
                    due_label(ui, action, today);
                });
                row.col(|ui| {
                    rag_chip(ui, action.current_rag());
                });
                if every_column {
                    row.col(|ui| {
                        trend_strip(ui, &action.recent_ratings(4));
                    });
                    row.col(|ui| {
                        ui.label(action.latest_note().unwrap_or(""));
                    });
                }
                if row.response().clicked() {
                    state.selected = Some(action.id.clone());
                }
            });
        });
}

/// The due date, with "overdue by N days" in words as well as colour.
pub fn due_label(ui: &mut egui::Ui, action: &PlanAction, today: NaiveDate) {
    match action.days_overdue(today) {
        Some(days) => {
            ui.label(
                RichText::new(format!("{} ({} over)", action.due.format("%d/%m/%Y"), dates::days(days)))
                    .color(super::widgets::rag_fill(Rag::Red)),
            )
            .on_hover_text(format!("Due {}, overdue by {}", uk_long(action.due), dates::days(days)));
        }
        None => {
            ui.label(action.due.format("%d/%m/%Y").to_string()).on_hover_text(uk_long(action.due));
        }
    }
}

fn detail(ui: &mut egui::Ui, board: &Board, action: &PlanAction, today: NaiveDate) {
    ui.heading(format!("{} {}", action.id, action.title));
    if let Some(rec) = board.recommendation(&action.recommendation) {
        let priority = board.priority(&rec.priority).map(|p| format!("{} {}", p.id, p.title)).unwrap_or_default();
        ui.label(RichText::new(priority).strong());
        ui.label(RichText::new(format!("Recommendation {}: {}", rec.id, rec.text)).italics());
    }
    ui.add_space(6.0);
    egui::Grid::new("action-facts").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        ui.label("Lead");
        ui.label(board.person(&action.lead).map_or(action.lead.clone(), |p| p.name_and_role()));
        ui.end_row();
        ui.label("Due");
        ui.vertical(|ui| {
            ui.label(match action.days_overdue(today) {
                Some(days) => format!("{}, overdue by {}", uk_long(action.due), dates::days(days)),
                None => uk_long(action.due),
            });
            if let Some(moved) = action.redating_words() {
                ui.label(moved);
                for redate in &action.redated {
                    let at = redate.meeting.map(|m| format!(" at meeting {m}")).unwrap_or_default();
                    ui.weak(format!("{}{at}: from {} — {}", uk_long(redate.on), uk_long(redate.was), redate.reason));
                }
            }
        });
        ui.end_row();
        ui.label("Now");
        ui.horizontal(|ui| {
            rag_chip(ui, action.current_rag());
            ui.label(action.trend().word());
        });
        ui.end_row();
    });
    if !action.measure.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Measure of success").strong());
        ui.label(&action.measure);
    }
    if !action.evidence.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Evidence").strong());
        for line in &action.evidence {
            ui.label(format!("• {line}"));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new("RAG history").strong());
    for update in action.updates.iter().rev() {
        ui.horizontal_wrapped(|ui| {
            rag_chip(ui, update.rag);
            if let Some(impact) = update.impact {
                ui.label(format!("impact {}", impact.word()));
            }
            let at = update.meeting.map(|m| format!("meeting {m}, ")).unwrap_or_default();
            ui.weak(format!("{at}{}", uk_long(update.date)));
        });
        if !update.note.is_empty() {
            ui.label(&update.note);
        }
        ui.add_space(4.0);
    }
    if action.updates.is_empty() {
        ui.weak("Not yet rated.");
    }
    let changes = board.changes_to_action(&action.id);
    if !changes.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Audit trail").strong());
        for change in changes.iter().rev() {
            ui.weak(format!("{} {}: {}", change.at, change.by, change.what));
        }
    }
}
