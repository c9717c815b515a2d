//! An indicator's chart with egui_plot: the figures month by month, the target as a dashed
//! line, the Amber band shaded, the comparators as labelled reference lines, revised
//! figures as open markers; hover reads a point in the indicator's own unit.

use eframe::egui::{self, Color32};
use egui_plot::{GridMark, HLine, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, Polygon};

use crate::model::{Better, Indicator, Reading, YearMonth};

const FIGURES: Color32 = Color32::from_rgb(0x1f, 0x3a, 0x5f);
const TARGET: Color32 = Color32::from_rgb(0x1a, 0x6e, 0x3a);
const AMBER_BAND: Color32 = Color32::from_rgba_premultiplied(0x80, 0x60, 0x00, 0x40);
const COMPARATOR: Color32 = Color32::from_rgb(0x70, 0x70, 0x78);

/// A month as a number along the x axis, so the axis can name months.
fn x_of(month: YearMonth) -> f64 {
    f64::from(month.year * 12 + month.month as i32 - 1)
}

fn month_of(x: f64) -> YearMonth {
    let index = x.round() as i32;
    YearMonth { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
}

pub fn indicator_chart(ui: &mut egui::Ui, indicator: &Indicator, figures: &[&Reading]) {
    let unit = indicator.unit;
    let points: Vec<[f64; 2]> = figures.iter().map(|r| [x_of(r.period), r.value]).collect();
    let (first, last) = match (figures.first(), figures.last()) {
        (Some(f), Some(l)) => (x_of(f.period), x_of(l.period)),
        _ => {
            ui.weak("No figures yet.");
            return;
        }
    };
    let mut plot = Plot::new(("indicator-chart", &indicator.id))
        .height(220.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(first - 0.5)
        .include_x(last + 0.5)
        .x_grid_spacer(|input| {
            let (low, high) = input.bounds;
            let span = (high - low).max(1.0);
            let step = if span > 24.0 {
                6.0
            } else if span > 12.0 {
                3.0
            } else {
                1.0
            };
            let from = (low / step).ceil() as i64;
            let to = (high / step).floor() as i64;
            (from..=to).map(|i| GridMark { value: i as f64 * step, step_size: step }).collect()
        })
        .x_axis_formatter(|mark, _| month_of(mark.value).short())
        .y_axis_formatter(move |mark, _| unit.format(mark.value))
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{plot_name}\n{}: {}", month_of(position.x).long(), unit.format(position.y)))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        });
    for comparator in &indicator.comparators {
        plot = plot.include_y(comparator.value);
    }
    if let Some(target) = indicator.target {
        plot = plot.include_y(target);
    }
    plot.show(ui, |plot_ui| {
        if let (Some(target), Some(band)) = (indicator.target, indicator.amber_within) {
            let edge = match indicator.better {
                Better::Higher => target - band,
                Better::Lower => target + band,
            };
            let (x0, x1) = (first - 0.5, last + 0.5);
            let corners = vec![[x0, target], [x1, target], [x1, edge], [x0, edge]];
            plot_ui.polygon(
                Polygon::new(format!("Amber: within {}", unit.format(band)), PlotPoints::new(corners))
                    .fill_color(AMBER_BAND)
                    .stroke(egui::Stroke::NONE),
            );
        }
        if let Some(target) = indicator.target {
            plot_ui.hline(
                HLine::new(format!("Target {}", unit.format(target)), target)
                    .color(TARGET)
                    .style(LineStyle::Dashed { length: 8.0 }),
            );
        }
        for comparator in &indicator.comparators {
            let name = format!("{} {} ({})", comparator.name, unit.format(comparator.value), comparator.period.short());
            plot_ui
                .hline(HLine::new(name, comparator.value).color(COMPARATOR).style(LineStyle::Dotted { spacing: 6.0 }));
        }
        plot_ui.line(Line::new(indicator.name.clone(), PlotPoints::new(points.clone())).color(FIGURES).width(2.0));
        let (revised, held): (Vec<[f64; 2]>, Vec<[f64; 2]>) = figures
            .iter()
            .map(|r| ([x_of(r.period), r.value], indicator.is_revised(r.period)))
            .fold((Vec::new(), Vec::new()), |(mut revised, mut held), (point, is_revised)| {
                if is_revised {
                    revised.push(point)
                } else {
                    held.push(point)
                }
                (revised, held)
            });
        plot_ui.points(Points::new(indicator.name.clone(), PlotPoints::new(held)).color(FIGURES).radius(3.5));
        if !revised.is_empty() {
            plot_ui.points(
                Points::new("Revised figure", PlotPoints::new(revised))
                    .color(FIGURES)
                    .shape(MarkerShape::Circle)
                    .filled(false)
                    .radius(5.0),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_go_to_the_axis_and_back() {
        for month in [YearMonth { year: 2026, month: 1 }, YearMonth { year: 2026, month: 12 }] {
            assert_eq!(month_of(x_of(month)), month);
        }
    }
}
