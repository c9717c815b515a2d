//! The performance scorecard: indicators read month by month against a target.

use serde::{Deserialize, Serialize};

use super::dates::YearMonth;

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
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

impl Indicator {
    pub fn latest(&self) -> Option<&Reading> {
        self.readings.last()
    }

    /// Whether the latest reading meets the target; `None` with no target or no reading.
    pub fn meets_target(&self) -> Option<bool> {
        let (target, latest) = (self.target?, self.latest()?);
        Some(match self.better {
            Better::Higher => latest.value >= target,
            Better::Lower => latest.value <= target,
        })
    }

    /// Direction of travel from the previous reading to the latest.
    pub fn direction(&self) -> Option<Direction> {
        let [.., previous, latest] = self.readings.as_slice() else {
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
            readings: values
                .iter()
                .enumerate()
                .map(|(i, &value)| Reading { period: YearMonth { year: 2026, month: i as u32 + 1 }, value })
                .collect(),
        }
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
    fn units_print_as_on_a_scorecard() {
        assert_eq!(Unit::Percent.format(27.4), "27.4%");
        assert_eq!(Unit::Count.format(312.0), "312");
        assert_eq!(Unit::Days.format(41.0), "41 days");
    }
}
