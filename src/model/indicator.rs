//! The performance scorecard: indicators read month by month against a target.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::Rag;
use super::dates::{self, YearMonth};

/// A performance indicator and its monthly readings, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: Unit,
    pub better: Better,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Off target by no more than this is Amber; beyond it, Red.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amber_within: Option<f64>,
    /// Published benchmarks: England, the region, statistical neighbours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparators: Vec<Comparator>,
    /// Oldest first; a period read more than once was revised, and the reading entered
    /// last is its figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}

/// A published benchmark for an indicator, usually a year's figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    pub name: String,
    pub period: YearMonth,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Percent,
    Count,
    Days,
    Ratio,
}

/// Which way is better for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    Higher,
    Lower,
}

/// One month's figure, as read at the time (figures are stored, never re-run).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub period: YearMonth,
    pub value: f64,
    /// When the figure was recorded; `None` counts as always known.
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub entered: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Better {
    pub const BOTH: [Better; 2] = [Better::Higher, Better::Lower];

    /// "Higher", "Lower": for a table column headed "Better".
    pub fn word(self) -> &'static str {
        match self {
            Better::Higher => "Higher",
            Better::Lower => "Lower",
        }
    }

    /// "higher is better", as a note under an indicator's name.
    pub fn phrase(self) -> &'static str {
        match self {
            Better::Higher => "higher is better",
            Better::Lower => "lower is better",
        }
    }
}

/// Direction of travel between the last two readings, judged against which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Improving,
    NoChange,
    Declining,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Improving => "Improving",
            Direction::NoChange => "No change",
            Direction::Declining => "Declining",
        }
    }
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Percent, Unit::Count, Unit::Days, Unit::Ratio];

    /// "Percent", "Count": as a choice in a form.
    pub fn word(self) -> &'static str {
        match self {
            Unit::Percent => "Percent",
            Unit::Count => "Count",
            Unit::Days => "Days",
            Unit::Ratio => "Ratio",
        }
    }

    /// A value as the scorecard prints it: "27.4%", "312", "41 days", "0.82".
    pub fn format(self, value: f64) -> String {
        let number = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
        match self {
            Unit::Percent => format!("{number}%"),
            Unit::Count => number,
            Unit::Days => format!("{number} days"),
            Unit::Ratio => format!("{value:.2}"),
        }
    }
}

/// The month whose figures are due next: the one after the latest month any indicator
/// has a figure for, or last month when none has any.
pub fn next_month_due(indicators: &[Indicator], today: NaiveDate) -> YearMonth {
    indicators
        .iter()
        .flat_map(|i| i.readings.iter().map(|r| r.period))
        .max()
        .map(YearMonth::next)
        .unwrap_or_else(|| YearMonth::of(today).months_before(1))
}

/// What a figure for a month would be to the indicator that receives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Recording {
    /// A month it has no figure for.
    New,
    /// The figure it already has: nothing to record.
    Unchanged,
    /// A different figure for a month it has: a revision, the earlier reading kept.
    Revision { was: f64 },
}

impl Indicator {
    /// Each period's figure, oldest first: where a period was read more than once, the
    /// reading entered last (an earlier one is its history, shown as revised).
    pub fn figures(&self) -> Vec<&Reading> {
        let mut figures: Vec<&Reading> = Vec::with_capacity(self.readings.len());
        for reading in &self.readings {
            match figures.iter_mut().find(|f| f.period == reading.period) {
                Some(figure) if reading.entered >= figure.entered => *figure = reading,
                Some(_) => {}
                None => figures.push(reading),
            }
        }
        figures.sort_by_key(|r| r.period);
        figures
    }

    /// The figures of the twelve months up to the latest, however many the file holds.
    pub fn last_twelve_months(&self) -> Vec<&Reading> {
        let figures = self.figures();
        let Some(from) = figures.last().map(|r| r.period.months_before(11)) else { return figures };
        figures.into_iter().filter(|r| r.period >= from).collect()
    }

    /// The latest period's figure.
    pub fn latest(&self) -> Option<&Reading> {
        self.figures().pop()
    }

    /// Whether the latest reading meets the target; `None` with no target or no reading.
    pub fn meets_target(&self) -> Option<bool> {
        self.rating().map(|rag| rag == Rag::Green)
    }

    /// The latest figure's rating: Green on target, Amber off it by no more than the
    /// Amber band, Red beyond (Red at once with no band); `None` with no target or figure.
    pub fn rating(&self) -> Option<Rag> {
        self.rating_of(self.latest()?.value)
    }

    /// How `value` rates against the target, as [`Indicator::rating`] does.
    pub fn rating_of(&self, value: f64) -> Option<Rag> {
        let target = self.target?;
        let short_by = match self.better {
            Better::Higher => target - value,
            Better::Lower => value - target,
        };
        Some(if short_by <= 1e-9 {
            Rag::Green
        } else if self.amber_within.is_some_and(|band| short_by <= band + 1e-9) {
            Rag::Amber
        } else {
            Rag::Red
        })
    }

    /// The figure for a month: its reading entered last.
    pub fn figure(&self, period: YearMonth) -> Option<&Reading> {
        self.figures().into_iter().find(|r| r.period == period)
    }

    /// The readings a month's figure revised, oldest first: its history.
    pub fn revised_readings(&self, period: YearMonth) -> Vec<&Reading> {
        let figure = self.figure(period);
        self.readings.iter().filter(|r| r.period == period && figure.is_some_and(|f| !std::ptr::eq(*r, f))).collect()
    }

    /// Whether a month's figure replaced an earlier one.
    pub fn is_revised(&self, period: YearMonth) -> bool {
        self.readings.iter().filter(|r| r.period == period).nth(1).is_some()
    }

    /// What the chair asks to see by exception: off target (Red) or getting worse.
    pub fn is_exception(&self) -> bool {
        self.rating() == Some(Rag::Red) || self.direction() == Some(Direction::Declining)
    }

    /// What recording `value` for `period` would be: a new month, the figure it already
    /// has (nothing to record), or a revision of a different figure.
    pub fn judge(&self, period: YearMonth, value: f64) -> Recording {
        match self.figure(period) {
            None => Recording::New,
            Some(current) if (current.value - value).abs() < 1e-9 => Recording::Unchanged,
            Some(current) => Recording::Revision { was: current.value },
        }
    }

    /// Direction of travel from the previous reading to the latest.
    pub fn direction(&self) -> Option<Direction> {
        let figures = self.figures();
        let [.., previous, latest] = figures.as_slice() else {
            return None;
        };
        let change = latest.value - previous.value;
        if change.abs() < 1e-9 {
            return Some(Direction::NoChange);
        }
        let better = match self.better {
            Better::Higher => change > 0.0,
            Better::Lower => change < 0.0,
        };
        Some(if better { Direction::Improving } else { Direction::Declining })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(better: Better, target: Option<f64>, values: &[f64]) -> Indicator {
        Indicator {
            id: "x".into(),
            name: "X".into(),
            unit: Unit::Percent,
            better,
            target,
            amber_within: None,
            comparators: vec![],
            readings: values
                .iter()
                .enumerate()
                .map(|(i, &value)| Reading {
                    period: YearMonth { year: 2026, month: i as u32 + 1 },
                    value,
                    entered: None,
                    note: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_last_twelve_months_are_twelve_months_of_three_years() {
        let mut long = indicator(Better::Higher, None, &[]);
        long.readings = (0..36)
            .map(|i| Reading {
                period: YearMonth { year: 2024 + i / 12, month: (i % 12) as u32 + 1 },
                value: i as f64,
                entered: None,
                note: String::new(),
            })
            .collect();
        let last = long.last_twelve_months();
        assert_eq!(last.len(), 12);
        assert_eq!(last[0].period, YearMonth { year: 2026, month: 1 });
        assert_eq!(last[11].period, YearMonth { year: 2026, month: 12 });
    }

    #[test]
    fn lower_is_better_rereferrals_falling_is_improving_and_on_target() {
        let rereferrals = indicator(Better::Lower, Some(22.0), &[27.4, 21.0]);
        assert_eq!(rereferrals.direction(), Some(Direction::Improving));
        assert_eq!(rereferrals.meets_target(), Some(true));
    }

    #[test]
    fn higher_is_better_falling_is_declining_and_off_target() {
        let visits = indicator(Better::Higher, Some(90.0), &[88.0, 84.5]);
        assert_eq!(visits.direction(), Some(Direction::Declining));
        assert_eq!(visits.meets_target(), Some(false));
    }

    #[test]
    fn one_reading_has_no_direction_and_no_target_means_no_verdict() {
        let single = indicator(Better::Higher, None, &[50.0]);
        assert_eq!(single.direction(), None);
        assert_eq!(single.meets_target(), None);
        assert_eq!(indicator(Better::Higher, Some(1.0), &[]).meets_target(), None);
    }

    #[test]
    fn a_revised_figure_is_the_one_entered_last() {
        let mut rereferrals = indicator(Better::Lower, Some(22.0), &[27.4, 21.0]);
        let entered = |d: &str| Some(dates::parse_date(d).unwrap());
        rereferrals.readings[1].entered = entered("2026-03-06");
        rereferrals.readings.push(Reading {
            period: rereferrals.readings[1].period,
            value: 23.5,
            entered: entered("2026-04-03"),
            note: "Late recording".into(),
        });
        assert_eq!(rereferrals.figures().len(), 2);
        let february = rereferrals.readings[1].period;
        assert!(rereferrals.is_revised(february));
        assert_eq!(rereferrals.revised_readings(february).iter().map(|r| r.value).collect::<Vec<_>>(), [21.0]);
        assert!(!rereferrals.is_revised(rereferrals.readings[0].period));
        assert_eq!(rereferrals.latest().map(|r| r.value), Some(23.5));
        assert_eq!(rereferrals.meets_target(), Some(false));
        assert_eq!(rereferrals.direction(), Some(Direction::Improving));
    }

    #[test]
    fn ratings_with_an_amber_band_and_without() {
        let mut visits = indicator(Better::Higher, Some(90.0), &[90.0]);
        assert_eq!(visits.rating(), Some(Rag::Green));
        assert_eq!(visits.rating_of(88.0), Some(Rag::Red), "no band: any shortfall is Red");
        visits.amber_within = Some(3.0);
        assert_eq!(visits.rating_of(87.0), Some(Rag::Amber), "short by exactly the band is Amber");
        assert_eq!(visits.rating_of(86.9), Some(Rag::Red));
        assert_eq!(visits.rating_of(95.0), Some(Rag::Green));
    }

    #[test]
    fn ratings_for_an_indicator_where_lower_is_better() {
        let mut rereferrals = indicator(Better::Lower, Some(22.0), &[21.0]);
        rereferrals.amber_within = Some(3.0);
        assert_eq!(rereferrals.rating(), Some(Rag::Green));
        assert_eq!(rereferrals.rating_of(22.0), Some(Rag::Green), "on the target is on target");
        assert_eq!(rereferrals.rating_of(25.0), Some(Rag::Amber));
        assert_eq!(rereferrals.rating_of(25.1), Some(Rag::Red));
        assert_eq!(indicator(Better::Lower, None, &[21.0]).rating(), None, "no target, no rating");
    }

    #[test]
    fn by_exception_is_red_or_worsening() {
        let mut visits = indicator(Better::Higher, Some(90.0), &[92.0, 91.0]);
        assert!(visits.is_exception(), "on target but worsening");
        visits.readings[1].value = 93.0;
        assert!(!visits.is_exception());
        let red_but_improving = indicator(Better::Higher, Some(90.0), &[70.0, 75.0]);
        assert!(red_but_improving.is_exception());
    }

    #[test]
    fn a_figure_is_new_unchanged_or_a_revision() {
        let visits = indicator(Better::Higher, Some(90.0), &[88.0]);
        let january = YearMonth { year: 2026, month: 1 };
        assert_eq!(visits.judge(january, 88.0), Recording::Unchanged);
        assert_eq!(visits.judge(january, 89.0), Recording::Revision { was: 88.0 });
        assert_eq!(visits.judge(YearMonth { year: 2026, month: 2 }, 88.0), Recording::New);
    }

    #[test]
    fn units_print_as_on_a_scorecard() {
        assert_eq!(Unit::Percent.format(27.4), "27.4%");
        assert_eq!(Unit::Count.format(312.0), "312");
        assert_eq!(Unit::Days.format(41.0), "41 days");
    }
}
