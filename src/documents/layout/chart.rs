//! An indicator's chart, drawn as lines and boxes in the PDF (not a picture): its figures
//! month by month against the target, the Amber band, and the published comparators,
//! with values up the side and months along the foot. Revised figures are marked open.

use super::compose::{Composer, PT, Style};
use super::page::{Colour, Item};
use super::structure::Kind;
use crate::model::{Better, Indicator, Reading};

const AMBER_BAND: Colour = Colour(1.0, 0.91, 0.7);
const FIGURE_LINE: Colour = Colour(0.1, 0.2, 0.4);
const COMPARATOR_LINE: Colour = Colour(0.45, 0.45, 0.5);
const LABEL: Style = Style { size: 7.0, ..Style::SMALL };
/// Room kept at the left for values, at the foot for months, at the right for labels.
const LEFT: f32 = 13.0;
const FOOT: f32 = 6.0;
const RIGHT: f32 = 38.0;
/// A narrow chart gives its labels no more than this share of its width.
const RIGHT_SHARE: f32 = 0.3;

/// What the chart shows, in sentences, for a reader who cannot see it: where the figure
/// went, how the latest stands against the target, the comparators, and each month's
/// figure.
pub fn chart_words(indicator: &Indicator, figures: &[&Reading]) -> String {
    let unit = indicator.unit;
    let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
        return format!("A line chart of {}, which has no figures yet.", indicator.name);
    };
    let mut words = format!(
        "A line chart of {} from {} to {}. It went from {} to {}",
        indicator.name,
        first.period.long(),
        last.period.long(),
        unit.format(first.value),
        unit.format(last.value)
    );
    match (indicator.target, indicator.rating()) {
        (Some(target), Some(rag)) => words.push_str(&format!(
            ", and the latest is rated {} against a target of {} ({})",
            rag.word(),
            unit.format(target),
            indicator.better.phrase()
        )),
        _ => words.push_str(&format!(" ({})", indicator.better.phrase())),
    }
    words.push('.');
    if let Some(band) = indicator.amber_within.filter(|_| indicator.target.is_some()) {
        words.push_str(&format!(" Within {} of the target is Amber.", unit.format(band)));
    }
    for comparator in &indicator.comparators {
        words.push_str(&format!(
            " The figure for {} was {} in {}.",
            comparator.name,
            unit.format(comparator.value),
            comparator.period.long()
        ));
    }
    let each: Vec<String> = figures
        .iter()
        .map(|r| {
            let revised = if indicator.is_revised(r.period) { ", revised" } else { "" };
            format!("{} in {}{revised}", unit.format(r.value), r.period.long())
        })
        .collect();
    words.push_str(&format!(" Month by month the figures were {}.", each.join("; ")));
    words
}

/// Values up the side: three to six round steps spanning `low` to `high`.
pub fn ticks(low: f64, high: f64) -> Vec<f64> {
    let span = (high - low).max(1e-9);
    let raw = span / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| span / s <= 5.0).unwrap_or(magnitude * 10.0);
    let first = (low / step).ceil() * step;
    (0..)
        .map(|i| first + i as f64 * step)
        .take_while(|v| *v <= high + step * 1e-6)
        .map(|v| if v.abs() < step * 1e-6 { 0.0 } else { v })
        .collect()
}

/// Months shown along the foot: the first and last, and some between, at most `most`.
fn month_labels(count: usize, most: usize) -> Vec<usize> {
    if count <= most {
        return (0..count).collect();
    }
    let step = (count - 1).div_ceil(most - 1);
    let mut shown: Vec<usize> = (0..count).step_by(step).collect();
    if shown.last() != Some(&(count - 1)) {
        // The latest month always shows; drop the one before it if they would touch.
        if shown.last().is_some_and(|l| count - 1 - l < step) {
            shown.pop();
        }
        shown.push(count - 1);
    }
    shown
}

impl Composer<'_> {
    /// Draws `indicator`'s chart of `figures` in the box at (`x`, `y`), `w` by `h` mm.
    pub fn indicator_chart(&mut self, x: f32, y: f32, w: f32, h: f32, indicator: &Indicator, figures: &[&Reading]) {
        self.begin(Kind::Figure { alt: chart_words(indicator, figures) });
        self.draw_chart(x, y, w, h, indicator, figures);
        self.end();
    }

    fn draw_chart(&mut self, x: f32, y: f32, w: f32, h: f32, indicator: &Indicator, figures: &[&Reading]) {
        let right = RIGHT.min(w * RIGHT_SHARE);
        let plot = (x + LEFT, y + 2.0, w - LEFT - right, h - FOOT - 2.0);
        let (px, py, pw, ph) = plot;
        let mut values: Vec<f64> = figures.iter().map(|r| r.value).collect();
        values.extend(indicator.target);
        values.extend(indicator.comparators.iter().map(|c| c.value));
        if let (Some(target), Some(band)) = (indicator.target, indicator.amber_within) {
            values.push(match indicator.better {
                Better::Higher => target - band,
                Better::Lower => target + band,
            });
        }
        if values.is_empty() {
            self.text_at(px, y + h / 2.0, "No figures yet.", Style::SMALL);
            return;
        }
        let (low, high) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(*v), h.max(*v)));
        let pad = ((high - low) * 0.1).max(high.abs() * 0.02).max(0.5);
        let steps = ticks(if low >= 0.0 { (low - pad).max(0.0) } else { low - pad }, high + pad);
        let (bottom, top) = (steps[0].min(low), steps.last().copied().unwrap_or(high).max(high));
        let span = (top - bottom).max(1e-9);
        let to_y = |v: f64| py + ph - ((v - bottom) / span) as f32 * ph;
        let to_x = |i: usize| {
            if figures.len() < 2 { px + pw / 2.0 } else { px + pw * i as f32 / (figures.len() - 1) as f32 }
        };

        // The Amber band, behind everything.
        if let (Some(target), Some(band)) = (indicator.target, indicator.amber_within) {
            let edge = match indicator.better {
                Better::Higher => target - band,
                Better::Lower => target + band,
            };
            let (upper, lower) = (to_y(target.max(edge)), to_y(target.min(edge)));
            self.push(Item::Box { x: px, y: upper, w: pw, h: lower - upper, colour: AMBER_BAND });
        }
        // Values up the side, each with a faint line across.
        for value in &steps {
            let at = to_y(*value);
            self.push(Item::Rule { x1: px, x2: px + pw, y: at, thickness: 0.15, colour: Colour::RULE });
            let text = indicator.unit.format(*value);
            let width = self.typeface.face(false).width(&text, LABEL.size) * PT;
            self.text_at(px - 1.5 - width, at + 1.0, &text, LABEL);
        }
        // The axes.
        self.push(Item::Line {
            points: vec![(px, py), (px, py + ph), (px + pw, py + ph)],
            thickness: 0.3,
            colour: Colour::GREY,
            dash: None,
        });
        // Target and comparators as lines across, labelled at the right, the labels kept
        // apart so none prints over another.
        let mut labels: Vec<(f32, String)> = Vec::new();
        if let Some(target) = indicator.target {
            let at = to_y(target);
            self.push(Item::Line {
                points: vec![(px, at), (px + pw, at)],
                thickness: 0.4,
                colour: Colour::NAVY,
                dash: Some(1.5),
            });
            labels.push((at, format!("Target {}", indicator.unit.format(target))));
        }
        for comparator in &indicator.comparators {
            let at = to_y(comparator.value);
            self.push(Item::Line {
                points: vec![(px, at), (px + pw, at)],
                thickness: 0.3,
                colour: COMPARATOR_LINE,
                dash: Some(0.6),
            });
            labels.push((at, format!("{} {}", comparator.name, indicator.unit.format(comparator.value))));
        }
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        let gap = LABEL.line_height();
        let mut next_free = f32::NEG_INFINITY;
        for (at, text) in labels {
            let baseline = (at + 1.0).max(next_free);
            let fitted = self.fit(&text, LABEL, right - 2.0);
            self.text_at(px + pw + 1.5, baseline, &fitted, LABEL);
            next_free = baseline + gap;
        }
        // The figures, joined, each marked; a revised one open.
        if figures.len() > 1 {
            let points = figures.iter().enumerate().map(|(i, r)| (to_x(i), to_y(r.value))).collect();
            self.push(Item::Line { points, thickness: 0.5, colour: FIGURE_LINE, dash: None });
        }
        for (i, figure) in figures.iter().enumerate() {
            let (cx, cy) = (to_x(i), to_y(figure.value));
            self.push(Item::Box { x: cx - 0.9, y: cy - 0.9, w: 1.8, h: 1.8, colour: FIGURE_LINE });
            if indicator.is_revised(figure.period) {
                self.push(Item::Box { x: cx - 0.5, y: cy - 0.5, w: 1.0, h: 1.0, colour: Colour::WHITE });
            }
        }
        // Months along the foot: as many as fit without touching.
        let label_width = self.typeface.face(false).width("May 2026", LABEL.size) * PT + 3.0;
        let room = ((pw / label_width).floor() as usize).clamp(2, 6);
        for i in month_labels(figures.len(), room) {
            let text = figures[i].period.short();
            let width = self.typeface.face(false).width(&text, LABEL.size) * PT;
            let centre = to_x(i);
            let left = (centre - width / 2.0).clamp(px - 2.0, px + pw - width + 2.0);
            self.text_at(left, py + ph + 4.0, &text, LABEL);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_span_the_values() {
        assert_eq!(ticks(0.0, 100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(18.3, 24.1), [20.0, 22.0, 24.0]);
        assert_eq!(ticks(400.0, 440.0), [400.0, 410.0, 420.0, 430.0, 440.0]);
    }

    #[test]
    fn the_first_and_latest_months_are_always_labelled() {
        assert_eq!(month_labels(4, 6), [0, 1, 2, 3]);
        let twelve = month_labels(12, 6);
        assert_eq!((twelve.first(), twelve.last()), (Some(&0), Some(&11)));
        assert!(twelve.len() <= 6, "{twelve:?}");
        assert!(twelve.windows(2).all(|w| w[1] - w[0] >= 3), "labels two months apart would touch: {twelve:?}");
    }
}
