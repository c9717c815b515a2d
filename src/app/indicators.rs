//! The performance scorecard: each indicator's readings against its target as a small
//! chart, with the latest value, direction of travel and which way is better.

use eframe::egui::{self, Color32, RichText, Sense, Stroke, Vec2, pos2};

use super::widgets::rag_fill;
use crate::model::{Board, Indicator, Rag};

pub fn indicators_ui(ui: &mut egui::Ui, board: &Board) {
    if board.indicators.is_empty() {
        ui.label("This board has no indicators yet.");
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("indicators").striped(true).num_columns(4).spacing([16.0, 10.0]).show(ui, |ui| {
            for title in ["Indicator", "Latest", "Target", "Last 12 months"] {
                ui.strong(title);
            }
            ui.end_row();
            for indicator in &board.indicators {
                ui.vertical(|ui| {
                    ui.set_width(340.0);
                    ui.label(RichText::new(&indicator.name).strong());
                    let better = indicator.better.phrase();
                    let direction = indicator.direction().map(|d| d.word().to_lowercase()).unwrap_or_default();
                    ui.weak(format!("{better} · {direction}"));
                });
                let latest = indicator
                    .latest()
                    .map(|r| format!("{} ({})", indicator.unit.format(r.value), r.period.short()))
                    .unwrap_or_else(|| "—".into());
                let verdict = match indicator.meets_target() {
                    Some(true) => RichText::new(format!("{latest}  on target")).color(rag_fill(Rag::Green)),
                    Some(false) => RichText::new(format!("{latest}  off target")).color(rag_fill(Rag::Red)),
                    None => RichText::new(latest),
                };
                ui.label(verdict.strong());
                ui.label(indicator.target.map(|t| indicator.unit.format(t)).unwrap_or_else(|| "none".into()));
                chart(ui, indicator);
                ui.end_row();
            }
        });
    });
}

/// A line of the readings, with the target as a dashed line and the first and last month
/// named under it.
fn chart(ui: &mut egui::Ui, indicator: &Indicator) {
    let size = Vec2::new(300.0, 64.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    // What the column promises, however many months the file holds.
    let figures = indicator.last_twelve_months();
    let values: Vec<f64> = figures.iter().map(|r| r.value).collect();
    if values.is_empty() {
        return;
    }
    let mut low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if let Some(t) = indicator.target {
        low = low.min(t);
        high = high.max(t);
    }
    let span = (high - low).max(1e-9);
    let plot = rect.shrink2(Vec2::new(4.0, 12.0));
    let y = |v: f64| plot.bottom() - ((v - low) / span) as f32 * plot.height();
    let x = |i: usize| plot.left() + plot.width() * i as f32 / (values.len().max(2) - 1) as f32;
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    if let Some(target) = indicator.target {
        painter.add(egui::Shape::dashed_line(
            &[pos2(plot.left(), y(target)), pos2(plot.right(), y(target))],
            Stroke::new(1.0, Color32::GRAY),
            4.0,
            3.0,
        ));
    }
    let points: Vec<egui::Pos2> = values.iter().enumerate().map(|(i, v)| pos2(x(i), y(*v))).collect();
    painter.add(egui::Shape::line(points.clone(), Stroke::new(2.0, text)));
    if let Some(last) = points.last() {
        painter.circle_filled(*last, 3.5, text);
    }
    if let (Some(first), Some(last)) = (figures.first(), figures.last()) {
        let font = egui::FontId::proportional(10.0);
        painter.text(
            pos2(rect.left(), rect.bottom()),
            egui::Align2::LEFT_BOTTOM,
            first.period.short(),
            font.clone(),
            Color32::GRAY,
        );
        painter.text(
            pos2(rect.right(), rect.bottom()),
            egui::Align2::RIGHT_BOTTOM,
            last.period.short(),
            font,
            Color32::GRAY,
        );
    }
    let readings: Vec<String> =
        figures.iter().map(|r| format!("{}: {}", r.period.short(), indicator.unit.format(r.value))).collect();
    response.on_hover_text(readings.join("\n"));
}
