//! The performance scorecard as councils present it: a table of every indicator (latest
//! figure, target, rating in word and colour, direction of travel, each comparator), then
//! a chart per indicator. Figures are as at the report's date: readings entered later are
//! not used, so a scorecard re-run for an old meeting shows what that meeting saw.

use chrono::NaiveDate;

use super::layout::{Cell, Column, Composer, PageSize, RunningText, Style, Table};
use super::{Composed, Rendered, as_at, board_for, board_line, compose, composer};
use crate::model::{Board, Indicator, dates::uk_long};

pub fn scorecard_pdf(board: &Board, today: NaiveDate) -> Rendered {
    scorecard_layout(board, today).render()
}

pub fn scorecard_layout(board: &Board, today: NaiveDate) -> Composed {
    let (shown, _) = board_for(board, today, false);
    let board: &Board = &shown;
    let mut page = composer(PageSize::A4_LANDSCAPE);
    page.paragraph(&board.authority, Style::H2);
    page.paragraph(&board.title, Style::TITLE);
    page.paragraph(&format!("Performance scorecard as at {}", uk_long(today)), Style::H1);
    page.paragraph(
        "Figures as they stood on that date: a figure entered or revised later is not used. Rated against target: Green on target, Amber within the band allowed, Red beyond it.",
        Style::SMALL,
    );
    page.space(2.0);
    scorecard_table(&mut page, board);
    scorecard_charts(&mut page, board, 2);
    let running = RunningText {
        left: board_line(board),
        right: "Performance scorecard".into(),
        marking: None,
        footer: as_at(today),
    };
    compose(
        page,
        running,
        format!("{} — performance scorecard", board.title),
        format!("Performance indicators as at {}", uk_long(today)),
        board,
    )
}

/// The names of the comparators the board's indicators are set against, first seen first:
/// one column each.
fn comparator_names(board: &Board) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for comparator in board.indicators.iter().flat_map(|i| &i.comparators) {
        if !names.contains(&comparator.name.as_str()) {
            names.push(&comparator.name);
        }
    }
    names
}

/// The latest figure, with its month, and "(revised)" when it replaced an earlier one.
pub fn latest_words(indicator: &Indicator) -> String {
    match indicator.latest() {
        Some(r) => {
            let revised = if indicator.is_revised(r.period) { ", revised" } else { "" };
            format!("{} ({}{revised})", indicator.unit.format(r.value), r.period.short())
        }
        None => "—".into(),
    }
}

/// Every indicator in one table, as the board reads it.
pub fn scorecard_table(page: &mut Composer, board: &Board) {
    let comparators = comparator_names(board);
    let rows = board
        .indicators
        .iter()
        .map(|i| {
            let rating = match i.rating() {
                Some(rag) => Cell::Rag(rag),
                None => Cell::text(if i.target.is_none() { "No target" } else { "No figure" }),
            };
            let mut row = vec![
                Cell::text(format!("{} ({})", i.name, i.better.phrase())),
                Cell::text(latest_words(i)),
                Cell::text(i.target.map(|t| i.unit.format(t)).unwrap_or_else(|| "—".into())),
                rating,
                Cell::text(i.direction().map_or("—", |d| d.word())),
            ];
            for name in &comparators {
                let value = i.comparators.iter().find(|c| c.name == *name);
                row.push(Cell::text(value.map_or_else(
                    || "—".to_string(),
                    |c| format!("{} ({})", i.unit.format(c.value), c.period.short()),
                )));
            }
            row
        })
        .collect();
    let mut columns = vec![
        Column { title: "Indicator", weight: 44.0 },
        Column { title: "Latest", weight: 19.0 },
        Column { title: "Target", weight: 10.0 },
        Column { title: "Rating", weight: 11.0 },
        Column { title: "Direction of travel", weight: 14.0 },
    ];
    columns.extend(comparators.iter().map(|name| Column { title: name, weight: 17.0 }));
    page.table(&Table { columns, rows, style: Style { size: 8.5, ..Style::BODY } });
}

/// A chart per indicator, `per_row` across the page, each under its name.
pub fn scorecard_charts(page: &mut Composer, board: &Board, per_row: usize) {
    const HEIGHT: f32 = 48.0;
    const GAP: f32 = 8.0;
    if board.indicators.is_empty() {
        return;
    }
    page.space(4.0);
    page.heading("Charts", Style::H1, Some("Charts"), HEIGHT + 12.0);
    page.paragraph(
        "Each chart shows the last twelve months' figures (dark line), the target (dashed), the Amber band (shaded) and the comparators (dotted). An open square marks a revised figure.",
        Style::SMALL,
    );
    let width = (page.width() - GAP * (per_row as f32 - 1.0)) / per_row as f32;
    for row in board.indicators.chunks(per_row) {
        page.keep(HEIGHT + 10.0);
        let top = page.y();
        let mut tallest: f32 = 0.0;
        for (n, indicator) in row.iter().enumerate() {
            let x = page.left() + n as f32 * (width + GAP);
            let title_style = Style { size: 9.0, ..Style::H2 };
            let lines = page.lines(&indicator.name, title_style, width);
            for (l, line) in lines.iter().enumerate().take(2) {
                page.text_at(x, top + 3.5 + l as f32 * title_style.line_height(), line, title_style);
            }
            let title_height = 2.0 + lines.len().min(2) as f32 * title_style.line_height();
            let figures = indicator.last_twelve_months();
            page.indicator_chart(x, top + title_height, width, HEIGHT, indicator, &figures);
            tallest = tallest.max(title_height + HEIGHT);
        }
        page.advance_to(top + tallest + 4.0);
    }
}
