//! Reading the performance team's monthly return: measures down the side and months
//! across, or one row per measure and month, with the title banners, notes, blank rows,
//! target and polarity columns returns carry around the figures.
//!
//! What it reads is matched to the board's indicators ([`super::measure_names`]) and
//! handed back as one [`FiguresBatch`]; nothing reaches the board until that is applied.

use chrono::NaiveDate;

use super::measure_names;
use super::sheet::{Cell, Sheet, excel_serial_date};
use crate::edit::FiguresBatch;
use crate::model::{Board, Indicator, Recording, Unit, YearMonth};

/// How far down a return its header row is looked for.
const HEADER_SEARCH_ROWS: usize = 40;

/// How the figures are laid out on the sheet, with rows counted from 1 as the sheet shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    /// One row per measure, one column per month.
    MonthsAcross { header_row: usize, measure_column: usize, months: Vec<(usize, YearMonth)> },
    /// One row per measure and month.
    RowPerMonth { header_row: usize, measure_column: usize, month_column: usize, value_column: usize },
}

/// One measure the return gives figures for.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The sheet row it is named on (its first, for one row per month).
    pub row: usize,
    pub name: String,
    /// The board's indicator it is read as, if any.
    pub indicator: Option<String>,
    /// The person chose the indicator (or chose none), rather than the names matching.
    pub chosen: bool,
    /// Month and figure, as the sheet gives them.
    pub figures: Vec<(YearMonth, f64)>,
}

/// A return as read, before anything is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Return {
    pub source: String,
    pub sheet: String,
    pub layout: Layout,
    pub measures: Vec<Measure>,
    /// Cells that could not be read, each with its row, month and reason.
    pub problems: Vec<String>,
}

/// How a figure from the return stands against the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub new: usize,
    pub unchanged: usize,
    /// Indicator name, month, figure held, figure in the return.
    pub revisions: Vec<(String, YearMonth, f64, f64)>,
}

/// A month named as a return heads its columns: an Excel date, "Nov-26", "Nov 2026",
/// "November 2026", "2026-11", "11/2026".
pub fn month_of(cell: &Cell) -> Option<YearMonth> {
    match cell {
        Cell::Date(date) => Some(YearMonth::of(*date)),
        Cell::Number(n) if (36_000.0..80_000.0).contains(n) && n.fract() == 0.0 => {
            excel_serial_date(*n).map(YearMonth::of)
        }
        Cell::Text(text) => month_of_text(text.trim()),
        _ => None,
    }
}

fn month_of_text(text: &str) -> Option<YearMonth> {
    if let Ok(month) = YearMonth::parse(text) {
        return Some(month);
    }
    let parts: Vec<&str> = text.split(['-', ' ', '/', '\'']).filter(|p| !p.is_empty()).collect();
    let [first, second] = parts.as_slice() else { return None };
    let year = |text: &str| -> Option<i32> {
        let n: i32 = text.parse().ok()?;
        match text.len() {
            2 => Some(2000 + n),
            4 if (1990..=2100).contains(&n) => Some(n),
            _ => None,
        }
    };
    let month = super::values::month(first).or_else(|| first.parse::<u32>().ok().filter(|m| (1..=12).contains(m)))?;
    Some(YearMonth { year: year(second)?, month })
}

/// A figure from a cell: a number, or text such as "27.4%", "1,204"; `Ok(None)` for a
/// cell left blank or marked as having no figure ("-", "n/a", "*" for suppressed).
fn figure_of(cell: &Cell) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some(*n)),
        Cell::Number(n) => Err(format!("{n} is not a figure")),
        Cell::Date(date) => Err(format!("{} is a date, not a figure", date.format("%d/%m/%Y"))),
        Cell::Error(error) => Err(format!("the cell shows Excel's error {error} (a formula that failed)")),
        Cell::Text(text) => {
            let text = text.trim();
            let lowered = text.to_lowercase();
            if ["", "-", "–", "n/a", "na", "*", "x", "..", "not available"].contains(&lowered.as_str()) {
                return Ok(None);
            }
            let cleaned: String = text.chars().filter(|c| !matches!(c, '%' | ',' | '£' | ' ')).collect();
            cleaned
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Some)
                .ok_or_else(|| format!("\"{text}\" is not a figure"))
        }
    }
}

const MEASURE_HEADERS: [&str; 8] =
    ["measure", "indicator", "kpi", "performance indicator", "metric", "description", "measure name", "pi"];
const MONTH_HEADERS: [&str; 4] = ["month", "period", "date", "reporting period"];
const VALUE_HEADERS: [&str; 7] = ["value", "figure", "actual", "result", "outturn", "performance", "data"];

fn header_is(cell: &Cell, words: &[&str]) -> bool {
    let text = cell.text().to_lowercase();
    let text = text.trim_end_matches(':').trim();
    words.contains(&text)
}

/// Finds how the return lays out its figures.
pub fn find_layout(sheet: &Sheet) -> Option<Layout> {
    for (row, cells) in sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let months: Vec<(usize, YearMonth)> =
            cells.iter().enumerate().filter_map(|(column, cell)| Some((column, month_of(cell)?))).collect();
        // One month is enough under a header that names the measures: a return of this
        // month's figures alone.
        let headed = cells.iter().any(|cell| header_is(cell, &MEASURE_HEADERS));
        if months.len() >= 2 || (months.len() == 1 && headed) {
            let measure_column = measure_column(sheet, row, months[0].0)?;
            return Some(Layout::MonthsAcross { header_row: row + 1, measure_column, months });
        }
        let find = |words: &[&str]| cells.iter().position(|cell| header_is(cell, words));
        if let (Some(measure_column), Some(month_column), Some(value_column)) =
            (find(&MEASURE_HEADERS), find(&MONTH_HEADERS), find(&VALUE_HEADERS))
        {
            return Some(Layout::RowPerMonth { header_row: row + 1, measure_column, month_column, value_column });
        }
    }
    None
}

/// The column naming the measures, left of the months: the one headed as the measure,
/// or else the one whose rows hold the most words (a polarity column holds a few words,
/// a reference column none).
fn measure_column(sheet: &Sheet, header_row: usize, first_month: usize) -> Option<usize> {
    if let Some(headed) = (0..first_month).find(|&c| header_is(sheet.cell(header_row, c), &MEASURE_HEADERS)) {
        return Some(headed);
    }
    (0..first_month)
        .map(|column| {
            let words: usize = sheet.rows[header_row + 1..]
                .iter()
                .filter_map(|row| match row.get(column) {
                    Some(Cell::Text(text)) if text.trim().parse::<f64>().is_err() => {
                        Some(text.split_whitespace().count())
                    }
                    _ => None,
                })
                .sum();
            (column, words)
        })
        .filter(|(_, words)| *words > 0)
        .max_by_key(|(column, words)| (*words, usize::MAX - column))
        .map(|(column, _)| column)
}

impl Return {
    /// Reads a return's sheet against the board's indicators.
    pub fn read(sheet: &Sheet, indicators: &[Indicator], source: &str) -> Result<Return, String> {
        let layout = find_layout(sheet).ok_or_else(|| {
            format!(
                "sheet \"{}\": no row of months (such as \"Nov-26\", \"November 2026\" or \"2026-11\") and no Measure, Month and Value headers were found in its first {HEADER_SEARCH_ROWS} rows",
                sheet.name
            )
        })?;
        let names = measure_names::Names::new(indicators);
        let mut read = Return {
            source: source.to_string(),
            sheet: sheet.name.clone(),
            layout: layout.clone(),
            measures: Vec::new(),
            problems: Vec::new(),
        };
        match layout {
            Layout::MonthsAcross { header_row, measure_column, months } => {
                for (index, cells) in sheet.rows.iter().enumerate().skip(header_row) {
                    let name = sheet.cell(index, measure_column).text();
                    if name.is_empty() {
                        continue;
                    }
                    let mut figures = Vec::new();
                    for &(column, month) in &months {
                        match figure_of(cells.get(column).unwrap_or(&Cell::Empty)) {
                            Ok(Some(value)) => figures.push((month, value)),
                            Ok(None) => {}
                            Err(why) => read.problems.push(format!("row {}, {}: {why}", index + 1, month.short())),
                        }
                    }
                    // A section heading or a note under the table carries no figures.
                    if !figures.is_empty() {
                        read.add(index + 1, name, figures, &names);
                    }
                }
            }
            Layout::RowPerMonth { header_row, measure_column, month_column, value_column } => {
                for index in header_row..sheet.rows.len() {
                    let name = sheet.cell(index, measure_column).text();
                    if name.is_empty() {
                        continue;
                    }
                    let Some(month) = month_of(sheet.cell(index, month_column)) else {
                        let said = sheet.cell(index, month_column).text();
                        read.problems.push(format!("row {}: \"{said}\" is not a month", index + 1));
                        continue;
                    };
                    match figure_of(sheet.cell(index, value_column)) {
                        Ok(Some(value)) => read.add(index + 1, name, vec![(month, value)], &names),
                        Ok(None) => {}
                        Err(why) => read.problems.push(format!("row {}, {}: {why}", index + 1, month.short())),
                    }
                }
            }
        }
        Ok(read)
    }

    fn add(&mut self, row: usize, name: String, figures: Vec<(YearMonth, f64)>, names: &measure_names::Names<'_>) {
        if let Some(measure) = self.measures.iter_mut().find(|m| m.name == name) {
            for (month, value) in figures {
                match measure.figures.iter().find(|(m, _)| *m == month) {
                    Some((_, held)) if (held - value).abs() > 1e-9 => self.problems.push(format!(
                        "row {row}: {name} has two figures for {} ({} and {value})",
                        month.short(),
                        held
                    )),
                    Some(_) => {}
                    None => measure.figures.push((month, value)),
                }
            }
            return;
        }
        let indicator = names.matching(&name).map(|i| i.id.clone());
        self.measures.push(Measure { row, name, indicator, chosen: false, figures });
    }

    /// The person's choice for the measure named on `row`: an indicator's id, or `None`
    /// to leave it out.
    pub fn choose(&mut self, row: usize, indicator: Option<String>) -> Result<(), String> {
        let measure = self
            .measures
            .iter_mut()
            .find(|m| m.row == row)
            .ok_or_else(|| format!("row {row} names no measure with figures"))?;
        measure.indicator = indicator;
        measure.chosen = true;
        Ok(())
    }

    /// Measures with figures that no indicator on the board is matched to.
    pub fn unmatched(&self) -> impl Iterator<Item = &Measure> {
        self.measures.iter().filter(|m| m.indicator.is_none() && !m.chosen)
    }

    /// A measure's figures as the indicator holds them: a percentage a return keeps as a
    /// fraction (0.274 in a cell formatted 27.4%) is read as 27.4.
    pub fn figures_for(measure: &Measure, indicator: &Indicator) -> (Vec<(YearMonth, f64)>, bool) {
        let fractions = indicator.unit == Unit::Percent
            && measure.figures.iter().all(|(_, v)| (0.0..=1.0).contains(v))
            && measure.figures.iter().any(|(_, v)| *v > 0.0)
            && indicator.figures().iter().all(|r| r.value > 1.0 || r.value == 0.0)
            && !indicator.readings.is_empty();
        let scale = if fractions { 100.0 } else { 1.0 };
        (measure.figures.iter().map(|(m, v)| (*m, round(v * scale))).collect(), fractions)
    }

    /// The figures matched to indicators, for one edit entered on `entered`.
    pub fn batch(&self, board: &Board, entered: NaiveDate) -> FiguresBatch {
        let mut figures = Vec::new();
        for measure in &self.measures {
            let Some(indicator) =
                measure.indicator.as_ref().and_then(|id| board.indicators.iter().find(|i| &i.id == id))
            else {
                continue;
            };
            let (values, _) = Return::figures_for(measure, indicator);
            figures.extend(values.into_iter().map(|(month, value)| (indicator.id.clone(), month, value)));
        }
        FiguresBatch { source: self.source.clone(), entered, figures }
    }

    /// How the matched figures stand against the board's: new, the same, or revisions.
    pub fn compare(&self, board: &Board) -> Compared {
        let mut compared = Compared { new: 0, unchanged: 0, revisions: Vec::new() };
        let by_id = ids(board);
        for (id, month, value) in self.batch(board, NaiveDate::MIN).figures {
            let Some(indicator) = by_id.get(id.as_str()).map(|&i| &board.indicators[i]) else { continue };
            match indicator.judge(month, value) {
                Recording::New => compared.new += 1,
                Recording::Unchanged => compared.unchanged += 1,
                Recording::Revision { was } => compared.revisions.push((indicator.name.clone(), month, was, value)),
            }
        }
        compared
    }

    /// The layout in words, for the line the import prints first.
    pub fn layout_words(&self) -> String {
        match &self.layout {
            Layout::MonthsAcross { header_row, measure_column, months } => format!(
                "months across on row {header_row} ({} to {}), measures in column {}",
                months.first().map(|(_, m)| m.short()).unwrap_or_default(),
                months.last().map(|(_, m)| m.short()).unwrap_or_default(),
                super::column_letter(*measure_column)
            ),
            Layout::RowPerMonth { header_row, measure_column, month_column, value_column } => format!(
                "one row per measure and month, headers on row {header_row}: measure in column {}, month in {}, figure in {}",
                super::column_letter(*measure_column),
                super::column_letter(*month_column),
                super::column_letter(*value_column)
            ),
        }
    }
}

/// Each indicator's place on the board by its id: a return of a thousand measures looks
/// each up once, not along the whole list.
fn ids(board: &Board) -> std::collections::HashMap<&str, usize> {
    board.indicators.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect()
}

/// A figure to the precision a return gives: 0.274 × 100 is 27.4, not 27.400000000000002.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_in_the_forms_returns_head_their_columns() {
        let november = Some(YearMonth { year: 2026, month: 11 });
        for text in ["Nov-26", "Nov 26", "Nov 2026", "November 2026", "2026-11", "11/2026", "Nov-2026"] {
            assert_eq!(month_of(&Cell::Text(text.into())), november, "{text}");
        }
        assert_eq!(month_of(&Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())), november);
        for not_a_month in ["Target", "Measure name", "2026", "Q3 2026/27", "13/2026"] {
            assert_eq!(month_of(&Cell::Text(not_a_month.into())), None, "{not_a_month}");
        }
    }

    #[test]
    fn figures_are_read_as_returns_give_them() {
        assert_eq!(figure_of(&Cell::Text("27.4%".into())), Ok(Some(27.4)));
        assert_eq!(figure_of(&Cell::Text("1,204".into())), Ok(Some(1204.0)));
        assert_eq!(figure_of(&Cell::Text("n/a".into())), Ok(None));
        assert_eq!(figure_of(&Cell::Text("*".into())), Ok(None), "suppressed");
        assert!(figure_of(&Cell::Text("tbc".into())).is_err());
        assert!(figure_of(&Cell::Error("#DIV/0!".into())).is_err());
    }
}
