//! Keeping the performance scorecard: adding, changing and removing indicators, and
//! recording the month's figures (typed, or brought in from the performance team's
//! return), each one edit so undo and the audit trail work as for the rest of the board.
//!
//! A figure is never overwritten: a different figure for a month already held is added
//! as a revision, entered later, and the earlier reading stays as its history.

use chrono::NaiveDate;

use crate::model::{Board, Indicator, Reading, Recording, YearMonth, plural};

use super::EditError;
use super::restore::{List, Restore, Steps};

/// A change to the scorecard.
#[derive(Clone, Debug, PartialEq)]
pub enum ScorecardEdit {
    /// Adds an indicator after the others.
    AddIndicator(Indicator),
    /// Replaces an indicator's definition (name, unit, which way is better, target,
    /// Amber band, comparators); its readings are history and stay as they are.
    UpdateIndicator(Indicator),
    /// Takes an indicator, and its readings, off the scorecard.
    RemoveIndicator(String),
    /// A month's figure, typed: a new month, or a revision (with its reason in `note`).
    RecordFigure { indicator: String, period: YearMonth, value: f64, entered: NaiveDate, note: String },
    /// Figures brought in from a return, all at once.
    ImportFigures(Box<FiguresBatch>),
}

/// Figures read from a return, already matched to the board's indicators.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FiguresBatch {
    /// The file they came from, for the audit trail.
    pub source: String,
    /// The day the figures were recorded: a revision entered that day replaces the
    /// figure held, which stays as its history.
    pub entered: NaiveDate,
    /// Indicator id, month and figure; figures equal to those held are left out when
    /// the batch is applied.
    pub figures: Vec<(String, YearMonth, f64)>,
}

fn index_of(board: &Board, id: &str) -> Result<usize, EditError> {
    board.indicators.iter().position(|i| i.id == id).ok_or_else(|| EditError::NoSuchIndicator(id.to_string()))
}

fn check(indicator: &Indicator) -> Result<(), EditError> {
    if indicator.id.trim().is_empty() {
        return Err(EditError::IndicatorIncomplete("an id"));
    }
    if indicator.id.trim() != indicator.id {
        return Err(EditError::IdHasSpaces(indicator.id.clone()));
    }
    if indicator.name.trim().is_empty() {
        return Err(EditError::IndicatorIncomplete("a name"));
    }
    if indicator.amber_within.is_some_and(|band| band < 0.0 || !band.is_finite()) {
        return Err(EditError::IndicatorIncomplete("an Amber band of zero or more"));
    }
    if indicator.target.is_some_and(|t| !t.is_finite()) || indicator.comparators.iter().any(|c| !c.value.is_finite()) {
        return Err(EditError::IndicatorIncomplete("figures that are numbers"));
    }
    if indicator.comparators.iter().any(|c| c.name.trim().is_empty()) {
        return Err(EditError::IndicatorIncomplete("a name for every comparator"));
    }
    Ok(())
}

/// Adds a month's figure to an indicator at `index` unless it already holds it; true if
/// it added one.
fn record(board: &mut Board, steps: &mut Steps, index: usize, reading: Reading) -> bool {
    let indicator = &board.indicators[index];
    if indicator.judge(reading.period, reading.value) == Recording::Unchanged {
        return false;
    }
    let mut changed = indicator.clone();
    // Oldest first by month, a revision after the readings it revises.
    let at = changed.readings.iter().rposition(|r| r.period <= reading.period).map_or(0, |i| i + 1);
    changed.readings.insert(at, reading);
    steps.replace(board, index, changed);
    true
}

impl ScorecardEdit {
    pub(super) fn apply(&self, board: &mut Board) -> Result<Restore, EditError> {
        Steps::run(board, |board, steps| self.take_steps(board, steps))
    }

    fn take_steps(&self, board: &mut Board, steps: &mut Steps) -> Result<(), EditError> {
        match self {
            ScorecardEdit::AddIndicator(indicator) => {
                check(indicator)?;
                if board.indicators.iter().any(|i| i.id == indicator.id) {
                    return Err(EditError::IdTaken(indicator.id.clone()));
                }
                steps.push(board, indicator.clone(), List::Indicators);
            }
            ScorecardEdit::UpdateIndicator(indicator) => {
                check(indicator)?;
                let i = index_of(board, &indicator.id)?;
                let updated = Indicator { readings: board.indicators[i].readings.clone(), ..indicator.clone() };
                steps.replace(board, i, updated);
            }
            ScorecardEdit::RemoveIndicator(id) => {
                let i = index_of(board, id)?;
                steps.remove::<Indicator>(board, i);
            }
            ScorecardEdit::RecordFigure { indicator, period, value, entered, note } => {
                if !value.is_finite() {
                    return Err(EditError::IndicatorIncomplete("figures that are numbers"));
                }
                let i = index_of(board, indicator)?;
                let current = board.indicators[i].judge(*period, *value);
                if let Recording::Revision { .. } = current
                    && note.trim().is_empty()
                {
                    return Err(EditError::RevisionReasonNeeded { indicator: indicator.clone(), period: *period });
                }
                let reading = Reading { period: *period, value: *value, entered: Some(*entered), note: note.clone() };
                record(board, steps, i, reading);
            }
            ScorecardEdit::ImportFigures(batch) => {
                let mut added = 0;
                for (id, period, value) in &batch.figures {
                    let i = index_of(board, id)?;
                    let reading =
                        Reading { period: *period, value: *value, entered: Some(batch.entered), note: String::new() };
                    added += usize::from(record(board, steps, i, reading));
                }
                if added == 0 {
                    return Err(EditError::NoNewFigures(batch.source.clone()));
                }
            }
        }
        Ok(())
    }

    pub(super) fn describe(&self, board: &Board) -> String {
        let name = |id: &str| board.indicators.iter().find(|i| i.id == id).map_or(id.to_string(), |i| i.name.clone());
        match self {
            ScorecardEdit::AddIndicator(i) => format!("Indicator {} added: {}", i.id, i.name),
            ScorecardEdit::UpdateIndicator(i) => format!("Indicator {} edited: {}", i.id, i.name),
            ScorecardEdit::RemoveIndicator(id) => format!("Indicator {id} removed: {}", name(id)),
            ScorecardEdit::RecordFigure { indicator, period, value, note, .. } => {
                let unit = board.indicators.iter().find(|i| &i.id == indicator).map(|i| i.unit);
                let shown = unit.map_or(value.to_string(), |u| u.format(*value));
                let held = board.indicators.iter().find(|i| &i.id == indicator).map(|i| i.judge(*period, *value));
                match (held, unit) {
                    (Some(Recording::Revision { was }), Some(unit)) => format!(
                        "{}: {} revised {} → {shown} ({note})",
                        name(indicator),
                        period.long(),
                        unit.format(was)
                    ),
                    _ => format!("{}: {} {shown}", name(indicator), period.long()),
                }
            }
            ScorecardEdit::ImportFigures(batch) => {
                let (mut new, mut revised) = (0, 0);
                let mut indicators = std::collections::BTreeSet::new();
                for (id, period, value) in &batch.figures {
                    match board.indicators.iter().find(|i| &i.id == id).map(|i| i.judge(*period, *value)) {
                        Some(Recording::New) => new += 1,
                        Some(Recording::Revision { .. }) => revised += 1,
                        _ => continue,
                    }
                    indicators.insert(id.as_str());
                }
                format!(
                    "Imported {} and {} for {} from {}",
                    plural(new, "new figure"),
                    plural(revised, "revision"),
                    plural(indicators.len(), "indicator"),
                    batch.source
                )
            }
        }
    }

    pub(super) fn indicator(&self) -> Option<&str> {
        match self {
            ScorecardEdit::AddIndicator(i) | ScorecardEdit::UpdateIndicator(i) => Some(&i.id),
            ScorecardEdit::RemoveIndicator(id) | ScorecardEdit::RecordFigure { indicator: id, .. } => Some(id),
            ScorecardEdit::ImportFigures(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, History};
    use crate::model::{Better, Comparator, Subject, Unit, dates::Moment};

    fn board() -> Board {
        crate::sample::sample_board()
    }

    fn day(text: &str) -> NaiveDate {
        crate::model::dates::parse_date(text).unwrap()
    }

    fn month(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    fn apply(history: &mut History, board: &mut Board, edit: ScorecardEdit) -> Result<(), EditError> {
        history.apply(board, Edit::Scorecard(edit), "perf", Moment::parse("2026-12-04T09:00:00").unwrap()).map(drop)
    }

    #[test]
    fn a_figure_typed_then_revised_keeps_both_readings_and_undo_takes_the_revision_back() {
        let (mut board, mut history) = (board(), History::default());
        let id = board.indicators[0].id.clone();
        let next = crate::model::next_month_due(&board.indicators, day("2026-12-04"));
        let typed = ScorecardEdit::RecordFigure {
            indicator: id.clone(),
            period: next,
            value: 30.0,
            entered: day("2026-12-04"),
            note: String::new(),
        };
        apply(&mut history, &mut board, typed).unwrap();
        let revise = |note: &str| ScorecardEdit::RecordFigure {
            indicator: id.clone(),
            period: next,
            value: 31.5,
            entered: day("2026-12-05"),
            note: note.into(),
        };
        let refused = apply(&mut history, &mut board, revise("")).unwrap_err();
        assert!(matches!(refused, EditError::RevisionReasonNeeded { .. }), "{refused}");
        apply(&mut history, &mut board, revise("Late recording found")).unwrap();
        let indicator = &board.indicators[0];
        assert_eq!(indicator.figure(next).map(|r| r.value), Some(31.5));
        assert_eq!(indicator.revised_readings(next).iter().map(|r| r.value).collect::<Vec<_>>(), [30.0]);
        let trail = history.unsaved_changes();
        assert_eq!(trail.last().unwrap().about, Some(Subject::Indicator(id.clone())));
        assert!(trail.last().unwrap().what.contains("revised"), "{}", trail.last().unwrap().what);
        history.undo(&mut board, "perf", Moment::now()).unwrap();
        assert_eq!(board.indicators[0].figure(next).map(|r| r.value), Some(30.0));
        assert!(!board.indicators[0].is_revised(next));
    }

    #[test]
    fn the_same_figure_again_changes_nothing() {
        let (mut board, mut history) = (board(), History::default());
        let indicator = &board.indicators[0];
        let latest = indicator.latest().unwrap().clone();
        let again = ScorecardEdit::RecordFigure {
            indicator: indicator.id.clone(),
            period: latest.period,
            value: latest.value,
            entered: day("2026-12-04"),
            note: String::new(),
        };
        let before = board.clone();
        assert_eq!(
            history.apply(&mut board, Edit::Scorecard(again), "p", Moment::parse("2026-12-04T09:00:00").unwrap()),
            Ok(crate::edit::Applied::NothingChanged)
        );
        assert_eq!(board, before);
    }

    #[test]
    fn an_indicator_is_added_edited_keeping_its_readings_and_removed() {
        let (mut board, mut history) = (board(), History::default());
        let new = Indicator {
            id: "agency".into(),
            name: "Agency social workers".into(),
            unit: Unit::Percent,
            better: Better::Lower,
            target: Some(15.0),
            amber_within: Some(5.0),
            comparators: vec![],
            readings: vec![],
        };
        apply(&mut history, &mut board, ScorecardEdit::AddIndicator(new.clone())).unwrap();
        assert_eq!(
            apply(&mut history, &mut board, ScorecardEdit::AddIndicator(new.clone())),
            Err(EditError::IdTaken("agency".into()))
        );
        let record = ScorecardEdit::RecordFigure {
            indicator: "agency".into(),
            period: month("2026-10"),
            value: 24.0,
            entered: day("2026-11-05"),
            note: String::new(),
        };
        apply(&mut history, &mut board, record).unwrap();
        let comparator = Comparator { name: "England".into(), period: month("2025-09"), value: 17.6 };
        let edited = Indicator { target: Some(18.0), comparators: vec![comparator], ..new.clone() };
        apply(&mut history, &mut board, ScorecardEdit::UpdateIndicator(edited)).unwrap();
        let agency = board.indicators.iter().find(|i| i.id == "agency").unwrap();
        assert_eq!((agency.target, agency.readings.len(), agency.comparators.len()), (Some(18.0), 1, 1));
        let no_name = Indicator { name: " ".into(), ..new };
        assert_eq!(
            apply(&mut history, &mut board, ScorecardEdit::UpdateIndicator(no_name)),
            Err(EditError::IndicatorIncomplete("a name"))
        );
        let count = board.indicators.len();
        apply(&mut history, &mut board, ScorecardEdit::RemoveIndicator("agency".into())).unwrap();
        assert_eq!(board.indicators.len(), count - 1);
        history.undo(&mut board, "perf", Moment::now()).unwrap();
        assert_eq!(board.indicators.iter().find(|i| i.id == "agency").unwrap().readings.len(), 1);
    }

    #[test]
    fn an_import_is_one_edit_that_skips_figures_already_held_and_revises_the_rest() {
        let (mut board, mut history) = (board(), History::default());
        let (first, second) = (board.indicators[0].clone(), board.indicators[1].clone());
        let held = first.latest().unwrap().clone();
        let revised = second.latest().unwrap().clone();
        let next = held.period.next();
        let batch = FiguresBatch {
            source: "return.xlsx".into(),
            entered: day("2026-12-04"),
            figures: vec![
                (first.id.clone(), held.period, held.value),
                (first.id.clone(), next, 12.5),
                (second.id.clone(), revised.period, revised.value + 1.0),
            ],
        };
        apply(&mut history, &mut board, ScorecardEdit::ImportFigures(Box::new(batch.clone()))).unwrap();
        assert_eq!(board.indicators[0].readings.len(), first.readings.len() + 1, "the held figure is not added again");
        assert_eq!(board.indicators[0].latest().map(|r| (r.period, r.value)), Some((next, 12.5)));
        assert!(board.indicators[1].is_revised(revised.period));
        assert_eq!(board.indicators[1].latest().map(|r| r.value), Some(revised.value + 1.0));
        assert_eq!(history.unsaved_count(), 1, "one import, one edit");
        history.undo(&mut board, "perf", Moment::now()).unwrap();
        assert_eq!((&board.indicators[0], &board.indicators[1]), (&first, &second));
        let nothing = FiguresBatch { figures: vec![(first.id.clone(), held.period, held.value)], ..batch };
        assert_eq!(
            apply(&mut history, &mut board, ScorecardEdit::ImportFigures(Box::new(nothing))),
            Err(EditError::NoNewFigures("return.xlsx".into()))
        );
    }
}
