//! The statement of action: the document a council sends Ofsted after an inadequate
//! judgement. The inspection and its judgements first; then priority by priority, each
//! recommendation in the inspection's words followed by the actions that answer it, with
//! lead officer, timescale, measure of success and evidence.

use chrono::NaiveDate;

use super::layout::{Cell, Column, Composer, PageSize, RunningText, Style, Table};
use std::borrow::Cow;

use super::{Composed, Rendered, board_line, compose, composer, public_marking};
use crate::model::{Board, Inspection, PlanAction, dates::uk_long, dates::uk_short};

pub fn statement_pdf(board: &Board, today: NaiveDate, public: bool) -> Rendered {
    statement_layout(board, today, public).render()
}

/// The statement of action laid out, ready to write once the board is let go. The
/// statement is the one the board has now, whatever `today` is; the public copy is made
/// from what may be published.
pub fn statement_layout(board: &Board, today: NaiveDate, public: bool) -> Composed {
    let shown = if public { Cow::Owned(board.public_copy().0) } else { Cow::Borrowed(board) };
    let board: &Board = &shown;
    let mut page = composer(PageSize::A4_LANDSCAPE);
    page.paragraph(&board.authority, Style::H2);
    page.paragraph("Statement of action", Style::TITLE);
    page.paragraph(&board.title, Style::H1);
    let graded = board.inspections.iter().rev().find(|i| !i.judgements.is_empty());
    if let Some(inspection) = graded {
        inspection_summary(&mut page, inspection);
    }
    page.paragraph(
        &format!(
            "{} priorities, {} recommendations and {} actions. Prepared {}.",
            board.priorities.len(),
            board.recommendations.len(),
            board.actions.len(),
            uk_long(today)
        ),
        Style::SMALL,
    );
    let actions = board.actions_by_recommendation();
    for priority in &board.priorities {
        let title = format!("Priority {}: {}", priority.id, priority.title);
        page.space(3.0);
        page.heading(&title, Style::H1, Some(&title), 40.0);
        if !priority.summary.is_empty() {
            page.paragraph(&priority.summary, Style::BODY);
        }
        let recommendations: Vec<_> = board.recommendations_for(&priority.id).collect();
        if recommendations.is_empty() {
            page.paragraph("No recommendations are placed under this priority yet.", Style::SMALL);
        }
        for rec in recommendations {
            recommendation(&mut page, board, rec, actions.get(rec.id.as_str()).map_or(&[], Vec::as_slice));
        }
    }
    let unplaced: Vec<_> = board.recommendations.iter().filter(|r| board.priority(&r.priority).is_none()).collect();
    if !unplaced.is_empty() {
        page.heading("Recommendations not yet placed under a priority", Style::H1, None, 40.0);
        for rec in unplaced {
            recommendation(&mut page, board, rec, actions.get(rec.id.as_str()).map_or(&[], Vec::as_slice));
        }
    }
    let running = RunningText {
        left: board_line(board),
        right: "Statement of action".into(),
        marking: public_marking(public),
        footer: format!("Prepared {}", uk_long(today)),
    };
    compose(page, running, format!("{} — statement of action", board.authority), statement_subject(graded), board)
}

fn statement_subject(inspection: Option<&Inspection>) -> String {
    match inspection {
        Some(i) => format!("Statement of action in response to the {} of {}", i.kind.label(), uk_long(i.start)),
        None => "Statement of action".into(),
    }
}

fn inspection_summary(page: &mut Composer, inspection: &Inspection) {
    let when = match (inspection.end, inspection.published) {
        (Some(end), Some(published)) => {
            format!("{} to {}; report published {}", uk_long(inspection.start), uk_long(end), uk_long(published))
        }
        (Some(end), None) => format!("{} to {}", uk_long(inspection.start), uk_long(end)),
        (None, Some(published)) => format!("{}; report published {}", uk_long(inspection.start), uk_long(published)),
        (None, None) => uk_long(inspection.start),
    };
    page.paragraph(&format!("In response to the {}, {when}.", inspection.kind.label()), Style::BODY);
    if let Some(due) = inspection.statement_due() {
        page.paragraph(
            &format!(
                "The statement of action is due on {}: {} working days after the report was published.",
                uk_long(due),
                crate::model::STATEMENT_DUE_WORKING_DAYS
            ),
            Style::BODY,
        );
    }
    let rows = inspection
        .judgements
        .iter()
        .map(|j| vec![Cell::text(&j.area), Cell::Bold(j.grade.label().to_string())])
        .collect();
    page.table(&Table {
        columns: vec![Column { title: "Judgement", weight: 70.0 }, Column { title: "Grade", weight: 30.0 }],
        rows,
        style: Style { size: 9.0, ..Style::BODY },
    });
}

fn recommendation(page: &mut Composer, board: &Board, rec: &crate::model::Recommendation, actions: &[&PlanAction]) {
    page.heading(&format!("Recommendation {}", rec.id), Style::H2, None, 30.0);
    let source = rec.inspection.as_deref().and_then(|id| board.inspection(id));
    if let Some(inspection) = source {
        page.paragraph(
            &format!("From the {} of {}:", inspection.kind.label(), uk_long(inspection.start)),
            Style::SMALL,
        );
    }
    page.paragraph(&format!("“{}”", rec.text), Style { size: 10.5, ..Style::BODY }.indented(4.0));
    let rows: Vec<Vec<Cell>> = actions
        .iter()
        .map(|a| {
            let lead = board.person(&a.lead).map_or_else(|| a.lead.clone(), |p| p.name_and_role());
            let evidence = a.evidence.iter().map(|e| format!("• {e}")).collect::<Vec<_>>().join("\n");
            vec![
                Cell::Bold(a.id.clone()),
                Cell::text(&a.title),
                Cell::text(lead),
                Cell::text(uk_short(a.due)),
                Cell::text(&a.measure),
                Cell::text(evidence),
            ]
        })
        .collect();
    if rows.is_empty() {
        page.paragraph("No actions yet.", Style::SMALL);
        return;
    }
    page.table(&Table {
        columns: vec![
            Column { title: "Ref", weight: 7.0 },
            Column { title: "Action", weight: 40.0 },
            Column { title: "Lead officer", weight: 24.0 },
            Column { title: "Timescale", weight: 13.0 },
            Column { title: "Measure of success", weight: 36.0 },
            Column { title: "Evidence", weight: 30.0 },
        ],
        rows,
        style: Style { size: 8.5, ..Style::BODY },
    });
}
