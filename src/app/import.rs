//! File → Import from a spreadsheet: the sheet's headers recognised (or mapped by the
//! person), a preview of every row read with the reason for each that could not be, fixes
//! typed in place, new people confirmed — and nothing enters the board until the person
//! says so, as one undoable edit.

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::widgets::{combo_named_by, labelled_combo, rag_chip, rag_fill};
use super::{App, View};
use crate::edit::{Edit, PlanEdit};
use crate::import::{self, Field, Reading};
use crate::model::{Board, Rag, dates::uk_short};
pub use crate::session::import::ImportSession;

impl App {
    pub(super) fn start_import(&mut self) {
        if self.doc.as_ref().is_none_or(|d| d.read_only.is_some()) {
            self.status = "Open a board you can edit to import into it.".into();
            return;
        }
        if let Some(path) = self.ask_for_file(super::dialogs::FileWanted::ImportSheet) {
            self.import_from(path);
        }
    }

    /// Reads the sheet chosen and opens the import window on it.
    pub(super) fn import_from(&mut self, path: std::path::PathBuf) {
        match ImportSession::open(path) {
            Ok(session) => self.import = Some(session),
            Err(error) => self.status = format!("Could not import: {error}"),
        }
    }

    /// Applies the import the person confirmed, as one edit.
    pub fn finish_import(&mut self) {
        let Some(edit) = self.import.as_ref().and_then(|session| session.ready(self.today)) else { return };
        let said = match &edit {
            PlanEdit::Import(batch) => format!(
                "Imported {} from {}. Undo takes it all back.",
                crate::model::plural(batch.actions.len(), "action"),
                batch.source
            ),
            PlanEdit::KeepInStep(update) => format!("{}. Undo takes it all back.", update.describe()),
            _ => String::new(),
        };
        if self.apply(Edit::Plan(edit)) {
            self.import = None;
            self.status = said;
            self.view = View::Plan;
        }
    }
}

/// The import window, while an import is under way.
pub fn import_window(app: &mut App, ctx: &egui::Context) {
    let Some(mut session) = app.import.take() else { return };
    let Some(board) = app.doc.as_ref().map(|d| &d.board) else { return };
    let mut open = true;
    let mut confirmed = false;
    egui::Window::new(format!("Import from {}", session.source()))
        .open(&mut open)
        .default_size([1100.0, 640.0])
        .max_width(ctx.content_rect().width() - 40.0)
        .default_pos([20.0, 40.0])
        .vscroll(false)
        .show(ctx, |ui| {
            confirmed = import_ui(ui, &mut session, board, app.today);
        });
    if open {
        app.import = Some(session);
    } else {
        app.status = "Import cancelled: the board is unchanged.".into();
    }
    if confirmed {
        app.intents.push(super::Intent::FinishImport);
    }
}

/// The window's content; true when the person pressed Import.
fn import_ui(ui: &mut egui::Ui, session: &mut ImportSession, board: &Board, today: chrono::NaiveDate) -> bool {
    ui.horizontal(|ui| {
        if session.sheets().len() > 1 {
            let names: Vec<String> = session.sheets().iter().map(|s| s.name.clone()).collect();
            let mut index = session.sheet_index();
            labelled_combo(ui, "Sheet", "import-sheet", names[index].clone(), |ui| {
                for (i, name) in names.iter().enumerate() {
                    ui.selectable_value(&mut index, i, name);
                }
            });
            if index != session.sheet_index() {
                session.choose_sheet(index);
            }
        }
        let label = ui.label("Headers on row");
        let mut row = session.mapping.header_row + 1;
        let changed = ui
            .add(egui::DragValue::new(&mut row).range(1..=session.sheet().rows.len().max(1)))
            .labelled_by(label.id)
            .changed();
        if changed {
            session.set_header_row(row - 1);
        }
    });
    mapping_grid(ui, session);
    for judged in &session.mapping.judged {
        ui.weak(format!("Column {judged}."));
    }
    if session.mapping.column(Field::Action).is_none() {
        ui.colored_label(rag_fill(Rag::Red), "No column is mapped to Action: choose which column holds the actions.");
        return false;
    }
    reading_choices(ui, session, board);
    let reading = session.reading(board, today).clone();
    if let Some(scale) = &reading.scale {
        scale_choice(ui, session, scale);
    }
    ui.separator();
    let in_step = session.choices().in_step;
    let clean = reading.clean().count();
    let problems = reading.rows_with_problems();
    let rows_are = |n: usize| match n {
        0 => "no rows are".to_string(),
        1 => "1 row is".to_string(),
        n => format!("{n} rows are"),
    };
    if in_step {
        let changing = reading.changing().count();
        let unreadable = match reading.unreadable.len() {
            0 => String::new(),
            n => format!("; {} not actions at all", rows_are(n)),
        };
        ui.label(format!(
            "{} actions the board holds, {changing} of them with changes; {}{unreadable}.",
            match reading.changes.len() {
                1 => "1 row names".to_string(),
                n => format!("{n} rows name"),
            },
            crate::model::plural(reading.actions.len(), "new row"),
        ));
        changes_preview(ui, &reading);
    } else {
        ui.label(format!(
            "{} read: {clean} ready, {} with problems; {} not actions at all; {} left out as notes.",
            crate::model::plural(reading.actions.len(), "row"),
            reading.with_problems().count(),
            rows_are(reading.unreadable.len()),
            rows_are(reading.left_out.len())
        ));
    }
    if !in_step || !reading.actions.is_empty() {
        let held = reading.ids_the_board_holds.len();
        if held > 0 && !in_step {
            ui.colored_label(
                rag_fill(Rag::Amber),
                format!(
                    "{} the board already holds: to bring the board in step with this tracker, tick \"Update the actions the board already holds\".",
                    if held == 1 { "1 row gives an action number".to_string() } else { format!("{held} rows give action numbers") }
                ),
            );
        }
        let fixes = preview(ui, session, &reading, board);
        for (row, column, text) in fixes {
            session.fix(row, column, &text);
        }
    }
    for (row, why) in &reading.unreadable {
        ui.colored_label(rag_fill(Rag::Red), format!("Row {row}: {why}."));
    }
    for (row, text) in &reading.left_out {
        ui.weak(format!("Row {row} left out (not an action): {text}"));
    }
    ui.separator();
    let update = reading.tracker_update(session.with_problems, session.choices().meeting, today);
    let batch = &update.added;
    if problems > 0 {
        ui.checkbox(
            &mut session.with_problems,
            format!(
                "Also import the {} with problems, flagged in their latest note to be fixed",
                crate::model::plural(problems, "row")
            ),
        );
    }
    if !batch.people.is_empty() {
        let names: Vec<&str> = batch.people.iter().map(|p| p.called()).collect();
        ui.checkbox(
            &mut session.add_people,
            format!(
                "Add {} to the board's people: {}",
                crate::model::plural(names.len(), "new person"),
                names.join(", ")
            ),
        );
    }
    let mut confirmed = false;
    ui.horizontal(|ui| {
        let ready = session.ready(today);
        let label = if in_step {
            format!(
                "Update {} and add {}",
                crate::model::plural(update.changed.len(), "action"),
                crate::model::plural(batch.actions.len(), "new action")
            )
        } else {
            format!(
                "Import {} ({}, {})",
                crate::model::plural(batch.actions.len(), "action"),
                crate::model::plural(batch.recommendations.len(), "new recommendation"),
                crate::model::plural(batch.priorities.len(), "new priority")
            )
        };
        let button = ui.add_enabled(ready.is_some(), egui::Button::new(RichText::new(label).strong()));
        if !batch.people.is_empty() && !session.add_people {
            button.clone().on_disabled_hover_text("Agree to the new people first.");
        }
        confirmed = button.clicked();
        ui.weak("Nothing changes in the board until you import; undo takes the whole import back.");
    });
    confirmed
}

/// Reading choices beyond the columns: months alone, and keeping the board in step.
fn reading_choices(ui: &mut egui::Ui, session: &mut ImportSession, board: &Board) {
    ui.horizontal(|ui| {
        let mut month_end = session.choices().month_end;
        if ui.checkbox(&mut month_end, "Read a month alone (\"April 2027\") as its last day").changed() {
            session.set_month_end(month_end);
        }
        let mut in_step = session.choices().in_step;
        let mut meeting = session.choices().meeting;
        ui.checkbox(&mut in_step, "Update the actions the board already holds (keep in step with this tracker)")
            .on_hover_text("Rows whose action number the board holds change that action; other rows are added.");
        if in_step {
            let name = |m: Option<u32>| m.map_or("no meeting (dated today)".to_string(), |n| format!("meeting {n}"));
            labelled_combo(ui, "Ratings given at", "import-meeting", name(meeting), |ui| {
                ui.selectable_value(&mut meeting, None, name(None));
                for open in board.meetings.iter().filter(|m| !m.is_approved()) {
                    ui.selectable_value(&mut meeting, Some(open.number), name(Some(open.number)));
                }
            });
        }
        if in_step != session.choices().in_step || meeting != session.choices().meeting {
            session.set_in_step(in_step, meeting);
        }
    });
}

/// The scale the rating column is read through, each value's meaning changeable.
fn scale_choice(ui: &mut egui::Ui, session: &mut ImportSession, scale: &import::Scale) {
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        let change = if scale.origin == import::ScaleOrigin::Chosen { "" } else { "; change any value here" };
        ui.label(format!("Ratings read through a scale ({}{change}):", scale.origin_words()));
        for (value, rating) in &scale.steps {
            let mut now = *rating;
            let word = |r: Option<Rag>| r.map_or("not rated", Rag::word);
            labelled_combo(ui, value, ("import-scale", value.as_str()), word(now).to_string(), |ui| {
                for option in [Some(Rag::Blue), Some(Rag::Green), Some(Rag::Amber), Some(Rag::Red), None] {
                    ui.selectable_value(&mut now, option, word(option));
                }
            });
            if now != *rating {
                chosen = Some(scale.clone().with(value, now));
            }
        }
    });
    if let Some(scale) = chosen {
        session.set_scale(scale);
    }
}

/// What keeping in step changes, action by action and field by field.
fn changes_preview(ui: &mut egui::Ui, reading: &Reading) {
    egui::ScrollArea::vertical().id_salt("import-changes").max_height(220.0).show(ui, |ui| {
        for changed in &reading.changes {
            if changed.said.is_empty() && changed.problems.is_empty() {
                continue;
            }
            ui.label(RichText::new(format!("Row {}: action {}", changed.row, changed.change.id)).strong());
            for line in &changed.said {
                ui.label(format!("    {line}"));
            }
            for problem in &changed.problems {
                ui.colored_label(rag_fill(Rag::Red), format!("    {}: {}", problem.field.label(), problem.reason));
            }
        }
        let unchanged = reading.unchanged_rows();
        if unchanged > 0 {
            ui.weak(format!("{} as the board has them already.", crate::model::plural(unchanged, "row")));
        }
        if !reading.not_in_sheet.is_empty() {
            ui.weak(format!(
                "In the board but not in the sheet, kept as they are: {}.",
                reading.not_in_sheet.join(", ")
            ));
        }
    });
}

fn mapping_grid(ui: &mut egui::Ui, session: &mut ImportSession) {
    ui.label(RichText::new("Columns").strong());
    let mut changes = Vec::new();
    egui::ScrollArea::horizontal().id_salt("import-columns").show(ui, |ui| {
        ui.horizontal(|ui| {
            for (column, (header, field)) in session.mapping.headers.iter().zip(&session.mapping.fields).enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(150.0);
                    ui.spacing_mut().combo_width = 146.0;
                    let heading = if header.is_empty() { "(no header)".to_string() } else { header.clone() };
                    let name =
                        ui.label(RichText::new(format!("{} {}", import::column_letter(column), heading)).small()).id;
                    let mut chosen = *field;
                    combo_named_by(ui, name, ("import-field", column), chosen.label().to_string(), |ui| {
                        for option in Field::ALL {
                            ui.selectable_value(&mut chosen, option, option.label());
                        }
                    })
                    .on_hover_text(format!("Column {}: what it holds", import::column_letter(column)));
                    if chosen != *field {
                        changes.push((column, chosen));
                    }
                });
            }
        });
    });
    for (column, field) in changes {
        session.set_field(column, field);
    }
}

/// Every row read, problems first in red with the cells to fix in place. Returns the
/// fixes committed this frame as (row, column, text).
fn preview(
    ui: &mut egui::Ui,
    session: &mut ImportSession,
    reading: &Reading,
    board: &Board,
) -> Vec<(usize, usize, String)> {
    let mut fixes = Vec::new();
    let mut rows: Vec<&import::ReadAction> = reading.with_problems().collect();
    rows.extend(reading.clean());
    let height = (ui.available_height() - 120.0).max(160.0);
    TableBuilder::new(ui)
        .id_salt("import-preview")
        .striped(true)
        .max_scroll_height(height)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(48.0))
        .column(Column::exact(56.0))
        .column(Column::initial(300.0).clip(true).resizable(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::exact(96.0))
        .column(Column::exact(80.0))
        .column(Column::remainder())
        .header(22.0, |mut header| {
            for title in ["Row", "Id", "Action", "Lead", "Due", "RAG", "Problems — fix here"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            let heights =
                rows.iter().map(|r| if r.problems.is_empty() { 26.0 } else { 48.0 * r.problems.len() as f32 });
            body.heterogeneous_rows(heights, |mut row| {
                let read = rows[row.index()];
                let action = &read.action;
                row.col(|ui| {
                    ui.label(read.row.to_string());
                });
                row.col(|ui| {
                    ui.label(&action.id);
                });
                row.col(|ui| {
                    ui.label(&action.title).on_hover_text(&action.title);
                });
                row.col(|ui| {
                    ui.label(reading_lead(reading, board, &action.lead));
                });
                row.col(|ui| {
                    ui.label(uk_short(action.due));
                });
                row.col(|ui| {
                    rag_chip(ui, action.current_rag());
                });
                row.col(|ui| {
                    if read.problems.is_empty() {
                        ui.weak(read.remarks.join("; "));
                        return;
                    }
                    ui.vertical(|ui| {
                        for problem in &read.problems {
                            ui.horizontal(|ui| {
                                let Some(column) = session.mapping.column(problem.field) else {
                                    return;
                                };
                                let key = (read.row - 1, column);
                                let cell = session.sheet().cell(key.0, column).text();
                                let text = session.typing.entry(key).or_insert(cell);
                                let label = ui.label(format!("{}:", problem.field.label()));
                                let edit = ui
                                    .add(egui::TextEdit::singleline(text).desired_width(120.0).hint_text("fix"))
                                    .labelled_by(label.id)
                                    .on_hover_text(format!("Row {}: type the corrected value", read.row));
                                if edit.lost_focus() {
                                    fixes.push((key.0, key.1, text.clone()));
                                }
                            });
                            ui.add(
                                egui::Label::new(RichText::new(&problem.reason).color(rag_fill(Rag::Red))).truncate(),
                            )
                            .on_hover_text(&problem.reason);
                        }
                    });
                });
            });
        });
    for (row, column, _) in &fixes {
        session.typing.remove(&(*row, *column));
    }
    fixes
}

/// A lead's name, whether already on the board or new with this import.
fn reading_lead<'a>(reading: &'a Reading, board: &'a Board, id: &'a str) -> &'a str {
    reading.new_people.iter().find(|p| p.id == id).map_or_else(|| board.person_name(id), |p| p.called())
}
