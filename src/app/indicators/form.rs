//! Adding or editing an indicator: its name, unit, which way is better, target, Amber
//! band and comparators. A new indicator's id is proposed from its name until one is
//! typed; its readings are never touched here.

use eframe::egui::{self, RichText};

use super::Intent;
use crate::app::widgets::combo_named_by;
use crate::edit::{Edit, ScorecardEdit};
use crate::model::{Better, Board, Comparator, Indicator, Unit, YearMonth};

pub struct IndicatorForm {
    indicator: Indicator,
    adding: bool,
    id_typed: bool,
    /// Numbers as typed, read when saved.
    target: String,
    amber: String,
    /// Comparators as typed: name, month (YYYY-MM), value.
    comparators: Vec<(String, String, String)>,
    problem: Option<String>,
}

fn number_text(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// An id from a name: "Agency social workers" → "agency-social-workers".
fn id_from(name: &str, board: &Board) -> String {
    let base: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect::<Vec<_>>()
        .join("-");
    let mut id = base.clone();
    let mut n = 2;
    while board.indicators.iter().any(|i| i.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl IndicatorForm {
    pub fn adding() -> IndicatorForm {
        let indicator = Indicator {
            id: String::new(),
            name: String::new(),
            unit: Unit::Percent,
            better: Better::Higher,
            target: None,
            amber_within: None,
            comparators: vec![],
            readings: vec![],
        };
        IndicatorForm::from(indicator, true)
    }

    /// A new indicator for a measure a return names that the board does not keep yet.
    pub fn for_measure(name: &str, unit: Unit) -> IndicatorForm {
        let mut form = IndicatorForm::adding();
        form.indicator.name = name.trim().to_string();
        form.indicator.unit = unit;
        form
    }

    /// The id the indicator is being added or edited under.
    pub fn id(&self) -> &str {
        &self.indicator.id
    }

    pub fn editing(indicator: &Indicator) -> IndicatorForm {
        IndicatorForm::from(indicator.clone(), false)
    }

    fn from(indicator: Indicator, adding: bool) -> IndicatorForm {
        let comparators =
            indicator.comparators.iter().map(|c| (c.name.clone(), c.period.to_string(), c.value.to_string())).collect();
        IndicatorForm {
            target: number_text(indicator.target),
            amber: number_text(indicator.amber_within),
            comparators,
            indicator,
            adding,
            id_typed: !adding,
            problem: None,
        }
    }

    /// The form; true when it is finished with.
    pub fn show(&mut self, ui: &mut egui::Ui, board: &Board, intents: &mut Vec<Intent>) -> bool {
        let mut done = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(if self.adding { "Add an indicator" } else { "Edit the indicator" });
            if self.adding && !self.id_typed {
                self.indicator.id = id_from(&self.indicator.name, board);
            }
            egui::Grid::new("indicator-form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                let label = ui.label("Name");
                ui.add(egui::TextEdit::singleline(&mut self.indicator.name).desired_width(360.0)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Id");
                if self.adding {
                    let field = egui::TextEdit::singleline(&mut self.indicator.id).desired_width(200.0);
                    if ui.add(field).labelled_by(label.id).changed() {
                        self.id_typed = true;
                    }
                } else {
                    ui.label(&self.indicator.id);
                }
                ui.end_row();
                let label = ui.label("Unit");
                let unit = &mut self.indicator.unit;
                combo_named_by(ui, label.id, "indicator-unit", unit.word().to_string(), |ui| {
                    for choice in Unit::ALL {
                        ui.selectable_value(unit, choice, choice.word());
                    }
                });
                ui.end_row();
                ui.label("Better");
                ui.horizontal(|ui| {
                    for better in Better::BOTH {
                        ui.radio_value(&mut self.indicator.better, better, better.phrase());
                    }
                });
                ui.end_row();
                let label = ui.label("Target");
                ui.add(egui::TextEdit::singleline(&mut self.target).desired_width(80.0).hint_text("none"))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Amber within");
                ui.add(egui::TextEdit::singleline(&mut self.amber).desired_width(80.0).hint_text("none"))
                    .labelled_by(label.id)
                    .on_hover_text("Off target by no more than this is Amber; beyond it, Red");
                ui.end_row();
            });
            ui.label("Comparators (published benchmarks: England, region, statistical neighbours)");
            let mut remove = None;
            egui::Grid::new("comparators-form").num_columns(4).show(ui, |ui| {
                if self.comparators.is_empty() {
                    return;
                }
                let headers = [ui.label("Comparator"), ui.label("Month"), ui.label("Figure")].map(|l| l.id);
                ui.end_row();
                for (n, (name, period, value)) in self.comparators.iter_mut().enumerate() {
                    ui.add(egui::TextEdit::singleline(name).desired_width(180.0).hint_text("England"))
                        .labelled_by(headers[0]);
                    ui.add(egui::TextEdit::singleline(period).desired_width(80.0).hint_text("2025-03"))
                        .labelled_by(headers[1]);
                    ui.add(egui::TextEdit::singleline(value).desired_width(70.0).hint_text("figure"))
                        .labelled_by(headers[2]);
                    if ui.small_button("Remove").clicked() {
                        remove = Some(n);
                    }
                    ui.end_row();
                }
            });
            if let Some(n) = remove {
                self.comparators.remove(n);
            }
            if ui.small_button("Add a comparator").clicked() {
                self.comparators.push(Default::default());
            }
            if let Some(problem) = &self.problem {
                ui.label(RichText::new(problem).color(ui.visuals().warn_fg_color));
            }
            ui.horizontal(|ui| {
                if ui.button(if self.adding { "Add indicator" } else { "Save indicator" }).clicked() {
                    match self.built() {
                        Ok(indicator) => {
                            let edit = if self.adding {
                                ScorecardEdit::AddIndicator(indicator)
                            } else {
                                ScorecardEdit::UpdateIndicator(indicator)
                            };
                            intents.push(Intent::Edit(Edit::Scorecard(edit)));
                            done = true;
                        }
                        Err(problem) => self.problem = Some(problem),
                    }
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
        });
        done
    }

    /// The indicator as typed, or what is wrong with it.
    fn built(&self) -> Result<Indicator, String> {
        let number = |text: &str, what: &str| -> Result<Option<f64>, String> {
            let text = text.trim().trim_end_matches('%');
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<f64>().map(Some).map_err(|_| format!("The {what} \"{text}\" is not a number"))
        };
        let mut comparators = Vec::new();
        for (name, period, value) in &self.comparators {
            if name.trim().is_empty() && value.trim().is_empty() {
                continue;
            }
            let period = YearMonth::parse(period.trim()).map_err(|e| format!("Comparator {}: {e}", name.trim()))?;
            let value = number(value, "comparator figure")?
                .ok_or_else(|| format!("Comparator {} needs its figure", name.trim()))?;
            comparators.push(Comparator { name: name.trim().to_string(), period, value });
        }
        Ok(Indicator {
            name: self.indicator.name.trim().to_string(),
            target: number(&self.target, "target")?,
            amber_within: number(&self.amber, "Amber band")?,
            comparators,
            ..self.indicator.clone()
        })
    }
}
