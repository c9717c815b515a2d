//! The window's frame: the menu bar, the navigation, the status line, and the central
//! view; the "Save changes?" question and the Help list.

use eframe::egui::{self, RichText};

use super::{AfterSaving, App, AppCommand, Intent, View};
use crate::edit::Edit;

pub fn frame_ui(app: &mut App, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| menu_bar(app, ui));
    egui::Panel::bottom("status").show(ui, |ui| status_bar(app, ui));
    if app.doc.is_some() {
        egui::Panel::left("navigation").resizable(false).exact_size(200.0).show(ui, |ui| navigation(app, ui));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        read_only_banner(app, ui);
        central(app, ui);
    });
    confirm_modal(app, ui.ctx());
    recovery_modal(app, ui.ctx());
    comments_modal(app, ui.ctx());
    approval_modal(app, ui.ctx());
    if app.show_audit {
        audit_window(app, ui.ctx());
    }
    if app.show_help {
        help_window(app, ui.ctx());
    }
    app.as_at.window(ui.ctx(), app.today);
}

/// The status line: what was last done on the left (cut short, whole on hover), and on the
/// right the date the board is shown as at and whose name goes in the audit trail. The
/// right is laid out first, so a long message never runs over it.
fn status_bar(app: &mut App, ui: &mut egui::Ui) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(format!("Changes recorded as {}", app.editor()))
            .on_hover_text("The name in the audit trail: set it in View → Your name in the audit trail");
        ui.separator();
        let date = crate::model::dates::uk_long(app.as_at.date_or(app.today));
        match app.as_at.looking_back(app.today) {
            Some(_) => {
                let what = if app.view == View::Indicators { "Figures as at" } else { "As at" };
                let text = RichText::new(format!("{what} {date}: looking back (View → As at…)")).strong();
                ui.label(text.color(egui::Color32::from_rgb(0x8a, 0x4b, 0x00)));
            }
            None if app.view == View::Indicators => {
                ui.label(format!("Figures as at {date}"));
            }
            None => {
                ui.label(format!("As at {date}"));
            }
        }
        ui.separator();
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let what = |p: &std::path::Path| {
                if p.extension().is_some_and(|e| e == "pdf") { "Open the PDF" } else { "Open it" }
            };
            let link = app.last_export.clone();
            let room = ui.available_width() - if link.is_some() { 110.0 } else { 0.0 };
            ui.scope(|ui| {
                ui.set_max_width(room.max(80.0));
                ui.add(egui::Label::new(&app.status).truncate()).on_hover_text(&app.status);
            });
            if let Some(path) = link
                && ui.link(what(&path)).clicked()
            {
                super::export::open_in_viewer(&path);
            }
        });
    });
}

fn command_button(app: &mut App, ui: &mut egui::Ui, command: AppCommand, enabled: bool) {
    let button = egui::Button::new(command.label()).shortcut_text(command.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        app.queue(command);
        ui.close();
    }
}

fn menu_bar(app: &mut App, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        let open = app.doc.is_some();
        ui.menu_button("File", |ui| {
            command_button(app, ui, AppCommand::NewBoard, true);
            command_button(app, ui, AppCommand::Open, true);
            ui.menu_button("Open recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.label("No recent boards");
                }
                for path in app.prefs.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        app.intents.push(Intent::OpenRecent(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            command_button(app, ui, AppCommand::Save, open);
            command_button(app, ui, AppCommand::SaveAs, open);
            command_button(app, ui, AppCommand::Close, open);
            ui.separator();
            ui.weak("Export to PDF");
            let meeting = app.meeting.selected.is_some();
            command_button(app, ui, AppCommand::ExportAgenda, open && meeting);
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportPack { public }, open && meeting);
            }
            command_button(app, ui, AppCommand::ExportMinutes { public: false }, open && meeting);
            command_button(app, ui, AppCommand::ExportMinutes { public: true }, open && meeting);
            command_button(app, ui, AppCommand::ExportActionLog { public: false }, open);
            command_button(app, ui, AppCommand::ExportActionLog { public: true }, open);
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportProgress { public }, open);
            }
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportStatement { public }, open);
            }
            command_button(app, ui, AppCommand::ExportScorecard, open);
            ui.weak("Word, to finish before publishing");
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportMinutesWord { public }, open);
            }
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportActionLogWord { public }, open);
            }
            ui.weak("Spreadsheets");
            for public in [false, true] {
                command_button(app, ui, AppCommand::ExportSpreadsheet { public }, open);
            }
            let writable = open && app.doc.as_ref().is_some_and(|d| d.read_only.is_none());
            command_button(app, ui, AppCommand::ImportSpreadsheet, writable);
            command_button(app, ui, AppCommand::ImportFigures, writable);
            ui.separator();
            command_button(app, ui, AppCommand::AuditTrail, open);
            ui.separator();
            command_button(app, ui, AppCommand::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let (can_undo, can_redo) =
                app.doc.as_ref().map_or((false, false), |d| (d.history.can_undo(), d.history.can_redo()));
            command_button(app, ui, AppCommand::Undo, can_undo);
            command_button(app, ui, AppCommand::Redo, can_redo);
        });
        ui.menu_button("View", |ui| {
            for view in View::ALL {
                command_button(app, ui, AppCommand::Show(view), open);
            }
            ui.separator();
            command_button(app, ui, AppCommand::AsAt, open);
            command_button(app, ui, AppCommand::PresenterView, open);
            command_button(app, ui, AppCommand::TextBigger, true);
            command_button(app, ui, AppCommand::TextSmaller, true);
            command_button(app, ui, AppCommand::ToggleTheme, true);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Your name in the audit trail:");
                ui.text_edit_singleline(&mut app.prefs.user_name);
            });
        });
        ui.menu_button("Help", |ui| command_button(app, ui, AppCommand::Help, true));
    });
}

fn navigation(app: &mut App, ui: &mut egui::Ui) {
    ui.add_space(6.0);
    if let Some(board) = app.board() {
        ui.label(RichText::new(&board.authority).strong());
        ui.label(RichText::new(&board.title).small());
    }
    ui.add_space(8.0);
    for view in View::ALL {
        let shortcut = AppCommand::Show(view).shortcut_text(ui.ctx());
        if ui.selectable_label(app.view == view, view.label()).on_hover_text(shortcut).clicked() {
            app.view = view;
        }
    }
    if app.doc.as_ref().is_some_and(|d| d.is_sample) {
        ui.add_space(16.0);
        ui.label(RichText::new("Sample board for a fictional council. Save as… to keep your changes.").italics());
    }
}

fn central(app: &mut App, ui: &mut egui::Ui) {
    if let Some(failure) = &app.failure {
        ui.heading(format!("{} could not be opened", failure.name));
        ui.label("Fix these lines in the file, then open it again:");
        ui.add_space(6.0);
        egui::ScrollArea::vertical().max_height(ui.available_height() - 60.0).show(ui, |ui| {
            for line in &failure.problems {
                ui.monospace(line);
            }
        });
        ui.add_space(6.0);
        if ui.button("Open another file…").clicked() {
            app.queue(AppCommand::Open);
        }
        return;
    }
    let Some(doc) = app.doc.as_ref() else {
        ui.heading("No board is open");
        ui.horizontal(|ui| {
            if ui.button("Open a board…").clicked() {
                app.queue(AppCommand::Open);
            }
            if ui.button("Start a new board").clicked() {
                app.queue(AppCommand::NewBoard);
            }
        });
        return;
    };
    let board = &doc.board;
    let today = app.today;
    // The overview, statement, action log and indicators show the board as at the date in
    // force; the meeting (rated at its own date) and people are always as they are now.
    let looking_back = app.as_at.looking_back(today);
    let as_at = app.as_at.date_or(today);
    let (shown, shown_version) = app.as_at.board(board, doc.version, today);
    let mut intents = Vec::new();
    match app.view {
        View::Overview => {
            super::overview::overview_ui(ui, shown, shown_version, as_at, &mut app.overview, &mut intents)
        }
        View::Plan => super::plan::plan_ui(ui, shown, shown_version, as_at, &mut app.plan, &mut intents),
        View::Meeting => super::meeting::meeting_ui(ui, board, doc.version, today, &mut app.meeting, &mut intents),
        View::ActionLog => super::action_log::action_log_ui(ui, shown, as_at, &mut app.log, &mut intents),
        View::Indicators => {
            super::indicators::indicators_ui(ui, shown, as_at, today, &mut app.indicators, &mut intents)
        }
        View::People => super::people::people_ui(ui, board, &mut app.people, &mut intents),
    }
    if let Some(date) = looking_back.filter(|_| !matches!(app.view, View::Meeting | View::People)) {
        // What is shown is the past: it is not changed from here.
        if intents.iter().any(|i| matches!(i, Intent::Edit(_))) {
            intents.retain(|i| !matches!(i, Intent::Edit(_)));
            app.status = format!(
                "Not changed: the board is shown as at {}. Go back to today (View → As at…) to change it.",
                crate::model::dates::uk_long(date)
            );
        }
    }
    app.intents.extend(intents);
}

fn confirm_modal(app: &mut App, ctx: &egui::Context) {
    let Some(after) = app.confirming().cloned() else { return };
    let name = app.doc.as_ref().map(|d| d.name()).unwrap_or_default();
    let doing = match after {
        AfterSaving::NewBoard => "starting a new board",
        AfterSaving::Open(_) => "opening another board",
        AfterSaving::Close => "closing it",
        AfterSaving::Quit => "quitting",
    };
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("save-changes")).show(ctx, |ui| {
        ui.heading("Save changes?");
        ui.label(format!("{name} has changes that are not saved. Save them before {doing}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Some(true));
            }
            if ui.button("Discard").clicked() {
                answer = Some(Some(false));
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = Some(None);
            }
        });
    });
    if let Some(answer) = answer {
        app.intents.push(Intent::AnswerSaveChanges(answer));
    }
}

/// Approving minutes seals them for good: asked once more, in words.
fn approval_modal(app: &mut App, ctx: &egui::Context) {
    let Some(Edit::ApproveMinutes { meeting, on, .. }) = app.approval_question.clone() else { return };
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("approve-minutes")).show(ctx, |ui| {
        ui.heading(format!("Approve the minutes of meeting {meeting}?"));
        ui.label(format!(
            "Approve the minutes of meeting {meeting} as a correct record on {}? They are sealed, and cannot be changed or reopened afterwards; undo stops here.",
            crate::model::dates::uk_long(on)
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Approve as a correct record").clicked() {
                answer = Some(true);
            }
            if ui.button("Not yet").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = Some(false);
            }
        });
    });
    if let Some(approve) = answer {
        let edit = app.approval_question.take();
        if let (true, Some(edit)) = (approve, edit) {
            app.intents.push(Intent::Edit(edit));
        }
    }
}

/// Before the first save that would drop the comments of a hand-edited file.
fn comments_modal(app: &mut App, ctx: &egui::Context) {
    if !app.asking_about_comments() {
        return;
    }
    let name = app.doc.as_ref().map(|d| d.name()).unwrap_or_default();
    let copy = app
        .doc
        .as_ref()
        .and_then(|d| d.path.as_deref())
        .map(crate::session::Session::original_copy_path)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("comments-not-kept")).show(ctx, |ui| {
        ui.heading("Comments are not kept");
        ui.label(format!(
            "{name} has comments (// or /* */) written by hand. Saving rewrites the file, and the comments will not be in it."
        ));
        ui.label(format!("Keep a copy of the file as it is now, with its comments, as {copy}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Keep a copy and save").clicked() {
                answer = Some(Some(true));
            }
            if ui.button("Save without a copy").clicked() {
                answer = Some(Some(false));
            }
            if ui.button("Don't save").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                answer = Some(None);
            }
        });
    });
    if let Some(answer) = answer {
        app.intents.push(Intent::AnswerComments(answer));
    }
}

fn help_window(app: &mut App, ctx: &egui::Context) {
    let mut open = true;
    // As tall as the window allows; the list scrolls within it.
    let room = ctx.content_rect().height() - 120.0;
    egui::Window::new("Keyboard shortcuts").open(&mut open).collapsible(false).show(ctx, |ui| {
        ui.label("In the walk-through, letter keys work when no text field has focus. Esc closes this list.");
        egui::ScrollArea::vertical().max_height(room.max(160.0)).show(ui, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for command in AppCommand::all() {
                    ui.label(command.label());
                    ui.monospace(command.shortcut_text(ctx));
                    ui.end_row();
                }
            });
        });
    });
    let escaped = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    app.show_help &= open && !escaped;
}

/// Shown when another copy holds the board: who, since when, and (for a stale lock) the
/// way to break it after a clear warning.
fn read_only_banner(app: &mut App, ui: &mut egui::Ui) {
    let Some(holder) = app.doc.as_ref().and_then(|d| d.read_only.clone()) else { return };
    let stale = holder.is_stale(app.clock().now().0);
    egui::Frame::new().fill(egui::Color32::from_rgb(0xff, 0xf1, 0xc2)).inner_margin(8.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Read-only.").strong().color(egui::Color32::BLACK));
                ui.label(
                    RichText::new(format!("This board is open in another copy of the app: {}.", holder.describe()))
                        .color(egui::Color32::BLACK),
                );
                if stale && ui.button("Break the lock…").clicked() {
                    app.confirm_break_lock = true;
                }
            });
        },
    );
    if app.confirm_break_lock {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("break-lock")).show(ui.ctx(), |ui| {
            ui.heading("Break the lock?");
            ui.label(format!(
                "The lock was taken by {}. It looks abandoned, but if that copy of the app is still open, \
                 whatever it saves afterwards will overwrite your changes, or yours will overwrite its.",
                holder.describe()
            ));
            ui.horizontal(|ui| {
                if ui.button("Break the lock and edit").clicked() {
                    answer = Some(true);
                }
                if ui.button("Keep it read-only").clicked() {
                    answer = Some(false);
                }
            });
        });
        if let Some(answer) = answer {
            app.confirm_break_lock = false;
            if answer {
                app.intents.push(Intent::BreakLock);
            }
        }
    }
}

fn recovery_modal(app: &mut App, ctx: &egui::Context) {
    let Some((recovered, info)) = &app.recovery_offer else { return };
    let Some(doc) = app.doc.as_ref() else { return };
    let when = format!("{} on {}", info.written.0.format("%H:%M"), crate::model::dates::uk_long(info.written.0.date()));
    let unsaved = doc.unsaved_in(recovered);
    let gone = doc.took_over_from.as_ref().map(super::logic::gone_words);
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Unsaved changes were found");
        if let Some(gone) = &gone {
            ui.label(gone);
        }
        ui.label(format!(
            "This board was changed but not saved: {} {}, the last written at {when}. Restore them?",
            info.changes,
            if info.changes == 1 { "change" } else { "changes" }
        ));
        if !unsaved.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new("What they are").strong());
            egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                for change in &unsaved {
                    ui.label(format!("{}  {}", change.at.0.format("%H:%M"), change.what));
                }
            });
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button("Restore the changes").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard them").clicked() {
                answer = Some(false);
            }
        });
    });
    if let Some(restore) = answer {
        app.intents.push(Intent::AnswerRecovery(restore));
    }
}

/// The audit trail: every change saved to the board, newest first, and those not saved yet.
fn audit_window(app: &mut App, ctx: &egui::Context) {
    let mut open = true;
    egui::Window::new("Audit trail").open(&mut open).default_size([620.0, 480.0]).show(ctx, |ui| {
        let Some(doc) = app.doc.as_ref() else { return };
        egui::ScrollArea::vertical().show(ui, |ui| {
            let unsaved = doc.history.unsaved_changes();
            if !unsaved.is_empty() {
                ui.label(RichText::new(format!("Not yet saved ({})", unsaved.len())).strong());
                for change in unsaved.iter().rev() {
                    ui.label(format!("{}  {}  {}", change.at, change.by, change.what));
                }
                ui.separator();
            }
            ui.label(RichText::new(format!("Saved ({})", doc.board.history.len())).strong());
            for change in doc.board.history.iter().rev() {
                ui.label(format!("{}  {}  {}", change.at, change.by, change.what));
            }
        });
    });
    app.show_audit &= open;
}
