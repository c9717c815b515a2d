//! Prepare the papers: when they must be published and how long is left, item by item
//! what the board will read (the app's own documents, or the officers' papers with the
//! date each came in), and what is late or still missing. The checks are the core's
//! ([`crate::model::Board::papers_check`]).

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::app::Intent;
use crate::app::widgets::rag_fill;
use crate::edit::Edit;
use crate::model::{Board, ItemPapers, Meeting, Rag, Timing, calendar, dates::uk_long};

pub fn papers_ui(
    ui: &mut egui::Ui,
    board: &Board,
    meeting: &Meeting,
    today: NaiveDate,
    state: &mut super::MeetingState,
    intents: &mut Vec<Intent>,
) {
    let Some(check) = board.papers_check(meeting.number) else { return };
    let left = calendar::working_days_until(today, check.publication);
    let missing = check.missing().count();
    let late = check.late().count();
    let when = format!(
        "Published by {} {} ({} clear working days before the meeting)",
        check.publication.format("%A"),
        uk_long(check.publication),
        check.clear_days
    );
    let countdown = match left {
        n if n > 1 => format!("{n} working days from today."),
        1 => "1 working day from today.".into(),
        0 => "That is today.".into(),
        n => format!("That was {} working {} ago.", -n, if n == -1 { "day" } else { "days" }),
    };
    ui.label(RichText::new(format!("{when}: {countdown}")).strong());
    if !check.holidays_known {
        ui.weak("Bank holidays are not known for that year: only weekends were left out.");
    }
    let summary =
        format!("{} missing, {} late.", crate::model::plural(missing, "paper"), crate::model::plural(late, "paper"));
    if missing > 0 || late > 0 {
        ui.colored_label(rag_fill(if missing > 0 && left < 0 { Rag::Red } else { Rag::Amber }), summary);
    } else {
        ui.label(summary);
    }
    ui.separator();
    let n = meeting.number;
    let read_only = meeting.is_approved();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for (item, papers) in &check.items {
            ui.add_space(4.0);
            let private = if item.exempt.is_some() { "  [taken in private]" } else { "" };
            ui.label(RichText::new(format!("{}. {}{private}", item.number, item.title)).strong());
            match papers {
                ItemPapers::Made(what) => {
                    ui.weak(format!("{what}, made by the app from the board"));
                }
                ItemPapers::Attached(list) => {
                    for (index, (paper, timing)) in list.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            let key = format!("{n}-{}-paper-{index}", item.number);
                            let typed = state.texts.entry(key).or_insert_with(|| paper.title.clone());
                            let label = ui.label("Title");
                            let field = ui
                                .add_enabled(!read_only, egui::TextEdit::singleline(typed).desired_width(260.0))
                                .labelled_by(label.id);
                            if field.lost_focus() && typed.trim() != paper.title {
                                let title = typed.trim().to_string();
                                intents.push(Intent::Edit(Edit::RenamePaper {
                                    meeting: n,
                                    item: item.number,
                                    index,
                                    title,
                                }));
                            } else if !field.has_focus() && !field.lost_focus() && typed.trim() != paper.title {
                                *typed = paper.title.clone();
                            }
                            ui.label(format!("({}), received", paper.file));
                            let mut received = paper.received.unwrap_or(today);
                            let picked = !read_only
                                && crate::app::date_picker::date_picker(
                                    ui,
                                    &format!("{n}-{}-received-{index}", item.number),
                                    &mut received,
                                );
                            if picked {
                                let received = Some(received);
                                intents.push(Intent::Edit(Edit::SetPaperReceived {
                                    meeting: n,
                                    item: item.number,
                                    index,
                                    received,
                                }));
                            }
                            if read_only || paper.received.is_none() {
                                ui.weak(paper.received.map(uk_long).unwrap_or_else(|| "date not recorded".into()));
                            }
                            match timing {
                                Timing::Late => {
                                    ui.colored_label(rag_fill(Rag::Amber), "late: goes in a supplementary pack");
                                }
                                Timing::OnTime => {
                                    ui.weak("on time");
                                }
                                Timing::NotDated => {}
                            }
                            if !read_only {
                                let (number, last) = (item.number, list.len() - 1);
                                if index > 0 && ui.small_button("Earlier").clicked() {
                                    intents.push(Intent::Edit(Edit::MovePaper {
                                        meeting: n,
                                        item: number,
                                        index,
                                        up: true,
                                    }));
                                }
                                if index < last && ui.small_button("Later").clicked() {
                                    intents.push(Intent::Edit(Edit::MovePaper {
                                        meeting: n,
                                        item: number,
                                        index,
                                        up: false,
                                    }));
                                }
                                if ui.small_button("Take off").clicked() {
                                    intents.push(Intent::Edit(Edit::RemovePaper { meeting: n, item: number, index }));
                                }
                            }
                        });
                    }
                }
                ItemPapers::Missing => {
                    let from = item
                        .presenter
                        .as_deref()
                        .map(|p| format!(" from {}", board.person_name(p)))
                        .unwrap_or_default();
                    ui.colored_label(rag_fill(Rag::Red), format!("Missing: a paper is expected{from}."));
                }
                ItemPapers::None => {
                    ui.weak("No paper.");
                }
            }
            if !read_only && ui.small_button(format!("Attach a paper to item {}…", item.number)).clicked() {
                intents.push(Intent::AttachPaper { meeting: n, item: item.number });
            }
        }
    });
}
