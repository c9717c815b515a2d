//! Image snapshots of every view with the sample board, rendered on the CPU (Mesa's
//! lavapipe where there is no GPU). `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`
//! writes new references after a deliberate change of look.

#![cfg(feature = "gui")]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use improvement_board::app::{App, View};

/// The sample as the clerk of the screenshots has it: the same name on every machine.
fn sample() -> App {
    let mut app = App::with_sample(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    app.prefs.user_name = "Katie Morgan".into();
    app
}

fn snapshot(view: View, name: &str) {
    let mut app = sample();
    app.view = view;
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).wgpu().build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness.snapshot(name);
}

#[test]
fn overview_looks_right() {
    snapshot(View::Overview, "overview");
}

#[test]
fn statement_of_action_looks_right() {
    snapshot(View::Plan, "statement_of_action");
}

#[test]
fn meeting_walk_through_looks_right() {
    snapshot(View::Meeting, "meeting_walk_through");
}

#[test]
fn action_log_looks_right() {
    snapshot(View::ActionLog, "action_log");
}

#[test]
fn indicators_look_right() {
    snapshot(View::Indicators, "indicators");
}

#[test]
fn an_indicators_chart_looks_right() {
    let mut app = sample();
    app.view = View::Indicators;
    let mut harness = harness_on(app);
    harness.run();
    harness.get_by_label("Re-referrals within 12 months").click();
    harness.run();
    harness.run();
    harness.snapshot("indicator-chart");
}

#[test]
fn people_look_right() {
    snapshot(View::People, "people");
}

fn harness_on(app: App) -> Harness<'static, App> {
    Harness::builder().with_size([1400.0, 900.0]).wgpu().build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

#[test]
fn writing_the_statement_of_action_looks_right() {
    use egui_kittest::kittest::Queryable;
    let mut app = sample();
    app.view = View::Plan;
    let mut harness = harness_on(app);
    harness.run();
    harness.get_by_label("Write the statement").click();
    harness.run();
    harness.get_by_label_contains("2.2 Health practitioner").click();
    harness.run();
    harness.snapshot("write_the_statement");
}

#[test]
fn the_import_window_looks_right() {
    use eframe::egui::{Key, Modifiers};
    use improvement_board::app::dialogs::ScriptedDialogs;
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dialogs = ScriptedDialogs {
        sheets_to_open: vec![root.join("tests/sheets/riverside-action-plan.xlsx")],
        ..Default::default()
    };
    let mut app = App::new(
        Ok(improvement_board::session::Session::sample(improvement_board::session::Clock::System)),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        Box::new(dialogs),
    );
    app.prefs.user_name = "Katie Morgan".into();
    let mut harness = harness_on(app);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.snapshot("import_window");
}

/// The review table with an action chosen: the detail panel beside it, nothing drawn over it.
#[test]
fn the_statement_with_an_action_chosen_looks_right() {
    use egui_kittest::kittest::Queryable;
    let mut app = sample();
    app.view = View::Plan;
    let mut harness = harness_on(app);
    harness.run();
    harness.get_by_label_contains("Police attendance at every strategy").click();
    harness.run();
    harness.snapshot("statement_with_an_action_chosen");
}
