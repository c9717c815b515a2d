//! The overview: what a chair reads in ten seconds — RAG counts for the board and per
//! priority, overdue and drifting actions, indicators off target, the next meeting.
//!
//! Its facts are worked out once per edit (and per day), not per frame: at thousands of
//! actions, counting and finding drift every frame was what made this view slow.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::Intent;
use super::widgets::{rag_chip, section, stacked_bar};
use crate::model::{Board, Rag, RagCounts, dates, dates::uk_long};

/// How many of a list the overview shows before "and N more".
const SHOWN: usize = 12;

/// One action as a list line: its chip, "id title" as a link, and words after it.
struct Line {
    rag: Rag,
    id: String,
    title: String,
    after: String,
}

/// An open meeting action as the overview lists it.
struct OpenAction {
    text: String,
    due: String,
    overdue: bool,
    meeting: u32,
}

/// Everything the overview shows, computed from one version of the board.
struct Facts {
    next_meeting: Option<(u32, String)>,
    /// Planned meetings whose date has passed, in words.
    not_marked_held: Vec<(u32, String)>,
    total: RagCounts,
    by_priority: Vec<(String, RagCounts)>,
    overdue: Vec<Line>,
    overdue_count: usize,
    drifting: Vec<Line>,
    drifting_count: usize,
    indicators_off: Vec<String>,
    open_actions: Vec<OpenAction>,
    open_count: usize,
}

impl Facts {
    fn of(board: &Board, today: NaiveDate) -> Facts {
        let overdue = board.overdue_actions(today);
        let drifting = board.drifting_actions();
        let open = board.open_meeting_actions();
        Facts {
            next_meeting: board.next_meeting(today).map(|m| {
                let time = m.start.map(|t| format!(", {}", t.spoken())).unwrap_or_default();
                (m.number, format!("Next meeting: meeting {} on {}{time}", m.number, uk_long(m.date)))
            }),
            not_marked_held: board
                .planned_meetings_past(today)
                .into_iter()
                .map(|m| {
                    (
                        m.number,
                        format!("Meeting {}, {}, is still marked Planned: was it held?", m.number, uk_long(m.date)),
                    )
                })
                .collect(),
            total: board.rag_counts(),
            by_priority: board
                .rag_counts_by_priority()
                .into_iter()
                .map(|(p, counts)| (format!("{} {}", p.id, p.title), counts))
                .collect(),
            overdue_count: overdue.len(),
            overdue: overdue
                .iter()
                .take(SHOWN)
                .map(|(a, days)| Line {
                    rag: a.current_rag(),
                    id: a.id.clone(),
                    title: a.title.clone(),
                    after: format!("{} overdue · {}", dates::days(*days), board.person_name(&a.lead)),
                })
                .collect(),
            drifting_count: drifting.len(),
            drifting: drifting
                .iter()
                .take(SHOWN)
                .map(|(a, drift)| Line {
                    rag: a.current_rag(),
                    id: a.id.clone(),
                    title: a.title.clone(),
                    after: drift.describe(),
                })
                .collect(),
            indicators_off: board
                .indicators_off_target()
                .into_iter()
                .filter_map(|i| {
                    let (latest, target) = (i.latest()?, i.target?);
                    let direction = i.direction().map(|d| d.word()).unwrap_or("");
                    Some(format!(
                        "{}: {} against {} ({})",
                        i.name,
                        i.unit.format(latest.value),
                        i.unit.format(target),
                        direction.to_lowercase()
                    ))
                })
                .collect(),
            open_count: open.len(),
            open_actions: open
                .iter()
                .take(SHOWN)
                .map(|(meeting, action)| {
                    let (due, overdue) = match (action.due, action.days_overdue(today)) {
                        (_, Some(days)) => (format!("OVERDUE by {}", dates::days(days)), true),
                        (Some(due), None) => (format!("due {}", uk_long(due)), false),
                        (None, None) => ("no due date".to_string(), false),
                    };
                    OpenAction {
                        text: format!("{} {} — {}", action.id, action.text, board.person_name(&action.owner)),
                        due,
                        overdue,
                        meeting: meeting.number,
                    }
                })
                .collect(),
        }
    }
}

/// The facts last worked out, and the board version and day they were worked out for.
#[derive(Default)]
pub struct OverviewState {
    facts: Option<((u64, NaiveDate), Facts)>,
}

pub fn overview_ui(
    ui: &mut egui::Ui,
    board: &Board,
    version: u64,
    today: NaiveDate,
    state: &mut OverviewState,
    intents: &mut Vec<Intent>,
) {
    let key = (version, today);
    if state.facts.as_ref().is_none_or(|(k, _)| *k != key) {
        state.facts = Some((key, Facts::of(board, today)));
    }
    let Some((_, facts)) = state.facts.as_ref() else { return };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.heading(&board.title);
        ui.label(RichText::new(&board.authority).strong());
        match &facts.next_meeting {
            Some((number, text)) if ui.link(text).clicked() => intents.push(Intent::ShowMeeting(*number)),
            Some(_) => {}
            None if facts.not_marked_held.is_empty() => {
                ui.label("No meeting is planned.");
            }
            None => {}
        }
        for (number, text) in &facts.not_marked_held {
            // A dark amber: readable on the light background, as the Amber fill is not.
            let warning = RichText::new(text).color(egui::Color32::from_rgb(0x8a, 0x4b, 0x00)).strong();
            if ui.link(warning).clicked() {
                intents.push(Intent::ShowMeeting(*number));
            }
        }
        rag_summary(ui, facts);
        ui.columns(2, |columns| {
            lines(&mut columns[0], "Overdue actions", &facts.overdue, facts.overdue_count, intents);
            lines(&mut columns[1], "Drifting actions", &facts.drifting, facts.drifting_count, intents);
        });
        ui.columns(2, |columns| {
            section(&mut columns[0], "Indicators off target", facts.indicators_off.len());
            for line in &facts.indicators_off {
                columns[0].label(line);
            }
            meeting_actions(&mut columns[1], facts);
        });
    });
}

fn rag_summary(ui: &mut egui::Ui, facts: &Facts) {
    section(ui, "Statement of action", facts.total.total());
    ui.horizontal_wrapped(|ui| {
        for (rag, n) in facts.total.iter() {
            rag_chip(ui, rag);
            ui.label(RichText::new(n.to_string()).strong().size(18.0));
            ui.add_space(10.0);
        }
    });
    ui.add_space(6.0);
    let width = (ui.available_width() - 420.0).clamp(200.0, 600.0);
    egui::Grid::new("priority-bars").num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
        for (label, counts) in &facts.by_priority {
            ui.label(label);
            stacked_bar(ui, counts, width);
            ui.label(RichText::new(counts.describe()).small());
            ui.end_row();
        }
    });
}

fn lines(ui: &mut egui::Ui, title: &str, lines: &[Line], count: usize, intents: &mut Vec<Intent>) {
    section(ui, title, count);
    for line in lines {
        ui.horizontal_wrapped(|ui| {
            rag_chip(ui, line.rag);
            if ui.link(format!("{} {}", line.id, line.title)).clicked() {
                intents.push(Intent::ShowAction(line.id.clone()));
            }
            ui.weak(&line.after);
        });
    }
    if count > lines.len() {
        ui.weak(format!("and {} more in the statement of action", count - lines.len()));
    }
}

fn meeting_actions(ui: &mut egui::Ui, facts: &Facts) {
    section(ui, "Open meeting actions", facts.open_count);
    for action in &facts.open_actions {
        let due = RichText::new(&action.due);
        let due = if action.overdue { due.color(super::widgets::rag_fill(Rag::Red)) } else { due };
        ui.horizontal_wrapped(|ui| {
            ui.label(&action.text);
            ui.label(due);
            ui.weak(format!("(meeting {})", action.meeting));
        });
    }
    if facts.open_count > facts.open_actions.len() {
        ui.weak(format!("and {} more in the action log", facts.open_count - facts.open_actions.len()));
    }
}
