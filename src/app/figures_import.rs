//! File → Import figures: the performance team's return read against the scorecard. Each
//! measure shows the indicator it was matched to, changeable from a list (or left out, or
//! added as a new indicator); the revisions it would make are listed; nothing enters the
//! board until the person says so, as one undoable edit.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::indicators::form::IndicatorForm;
use super::{App, Intent, View};
use crate::edit::{Edit, ScorecardEdit};
use crate::import::{self, Measure, Return};
use crate::model::{Board, Unit, plural};

pub struct FiguresImport {
    path: PathBuf,
    read: Return,
    /// A measure being added as a new indicator: its row and the form.
    adding: Option<(usize, IndicatorForm)>,
}

impl App {
    pub(super) fn start_figures_import(&mut self) {
        if self.doc.as_ref().is_none_or(|d| d.read_only.is_some()) {
            self.status = "Open a board you can edit to import figures into it.".into();
            return;
        }
        if let Some(path) = self.ask_for_file(super::dialogs::FileWanted::ImportFigures) {
            self.figures_from(path);
        }
    }

    /// Reads the return chosen and opens the window on it.
    pub(super) fn figures_from(&mut self, path: PathBuf) {
        let Some(board) = self.doc.as_ref().map(|d| &d.board) else { return };
        let source = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
        let read = import::read_sheets(&path)
            .and_then(|sheets| import::pick_sheet(&path, sheets, None))
            .map_err(|e| e.to_string())
            .and_then(|sheet| Return::read(&sheet, &board.indicators, &source));
        match read {
            Ok(read) => self.figures_import = Some(FiguresImport { path, read, adding: None }),
            Err(error) => self.status = format!("Could not import figures: {error}"),
        }
    }
}

pub fn figures_window(app: &mut App, ctx: &egui::Context) {
    let Some(mut import) = app.figures_import.take() else { return };
    let Some(board) = app.doc.as_ref().map(|d| &d.board) else { return };
    let mut open = true;
    let mut confirmed = false;
    egui::Window::new(format!("Import figures from {}", import.read.source))
        .open(&mut open)
        .default_size([900.0, 520.0])
        .default_pos([40.0, 60.0])
        .show(ctx, |ui| confirmed = figures_ui(ui, &mut import, board, &mut app.intents));
    if confirmed {
        let batch = import.read.batch(board, app.today);
        let compared = import.read.compare(board);
        if app.apply(Edit::Scorecard(ScorecardEdit::ImportFigures(Box::new(batch)))) {
            app.status = format!(
                "Imported {} and {} from {}. Undo takes it all back.",
                plural(compared.new, "new figure"),
                plural(compared.revisions.len(), "revision"),
                import.read.source
            );
            app.view = View::Indicators;
        }
        return;
    }
    if open {
        app.figures_import = Some(import);
    } else {
        app.status = format!("Import of {} cancelled: the board is unchanged.", import.path.display());
    }
}

/// Whether a measure has an indicator on the board to go to, or was left out.
fn placed(measure: &Measure, board: &Board) -> bool {
    match &measure.indicator {
        Some(id) => board.indicators.iter().any(|i| &i.id == id),
        None => measure.chosen,
    }
}

/// A unit for a measure the board does not keep, from how the return names it.
fn unit_named(name: &str) -> Unit {
    let lower = name.to_lowercase();
    if lower.contains('%') || ["percent", "proportion", "rate", "within", "timescale"].iter().any(|w| lower.contains(w))
    {
        Unit::Percent
    } else if lower.contains("days") {
        Unit::Days
    } else {
        Unit::Count
    }
}

/// The window's content; true when the person pressed Import.
fn figures_ui(ui: &mut egui::Ui, import: &mut FiguresImport, board: &Board, intents: &mut Vec<Intent>) -> bool {
    let read = &mut import.read;
    ui.label(format!("Sheet \"{}\": {}", read.sheet, read.layout_words()));
    ui.separator();
    let mut choices = Vec::new();
    egui::Grid::new("figures-import").striped(true).num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
        ui.strong("Row");
        ui.strong("Measure in the return");
        ui.strong("Read as");
        ui.end_row();
        for measure in &read.measures {
            ui.label(measure.row.to_string());
            let name = ui.label(format!("{} ({})", measure.name, plural(measure.figures.len(), "figure")));
            let chosen = measure.indicator.as_ref().and_then(|id| board.indicators.iter().find(|i| &i.id == id));
            let shown = match chosen {
                Some(indicator) => indicator.name.clone(),
                None if measure.chosen && measure.indicator.is_none() => "Left out".into(),
                None => "Not on the board: choose, add it, or leave out".into(),
            };
            egui::ComboBox::from_id_salt(("figures-match", measure.row))
                .selected_text(shown)
                .width(360.0)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(measure.chosen && measure.indicator.is_none(), "Leave out").clicked() {
                        choices.push((measure.row, None));
                    }
                    if chosen.is_none() && ui.selectable_label(false, "Add as a new indicator…").clicked() {
                        import.adding =
                            Some((measure.row, IndicatorForm::for_measure(&measure.name, unit_named(&measure.name))));
                    }
                    ui.separator();
                    for indicator in &board.indicators {
                        let on = measure.indicator.as_deref() == Some(&indicator.id);
                        if ui.selectable_label(on, &indicator.name).clicked() {
                            choices.push((measure.row, Some(indicator.id.clone())));
                        }
                    }
                })
                .response
                .labelled_by(name.id);
            ui.end_row();
        }
    });
    for (row, choice) in choices {
        // The row comes from the list itself, so it always names a measure.
        let _ = read.choose(row, choice);
    }
    if let Some((row, form)) = import.adding.as_mut() {
        let before = intents.len();
        if form.show(ui, board, intents) {
            // Added (the form's edit is on its way): the measure goes to it. Cancelled:
            // it stays unplaced.
            if intents.len() > before {
                let _ = read.choose(*row, Some(form.id().to_string()));
            }
            import.adding = None;
        }
    }
    for problem in &read.problems {
        ui.label(RichText::new(problem).color(ui.visuals().warn_fg_color));
    }
    let compared = read.compare(board);
    for (name, month, was, now) in &compared.revisions {
        ui.label(format!("Revision: {name}, {}: {was} → {now}", month.long()));
    }
    let unmatched = read.measures.iter().filter(|m| !placed(m, board)).count();
    ui.separator();
    let mut confirmed = false;
    ui.horizontal(|ui| {
        let label = format!(
            "Import {} and {}",
            plural(compared.new, "new figure"),
            plural(compared.revisions.len(), "revision")
        );
        let ready = unmatched == 0 && compared.new + compared.revisions.len() > 0;
        if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
            confirmed = true;
        }
        if unmatched > 0 {
            ui.weak(format!("Choose an indicator for {}, or leave it out.", plural(unmatched, "measure")));
        } else if compared.new + compared.revisions.len() == 0 {
            ui.weak(format!("Every figure is held already ({}).", compared.unchanged));
        } else {
            ui.weak(format!("{} already held are left as they are.", compared.unchanged));
        }
    });
    confirmed
}
