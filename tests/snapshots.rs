//! Image snapshots of every view with the sample board, rendered on the CPU (Mesa's
//! lavapipe where there is no GPU). `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`
//! writes new references after a deliberate change of look.

use chrono::NaiveDate;
use egui_kittest::Harness;
use improvement_board::app::{App, View};

fn snapshot(view: View, name: &str) {
    let mut app = App::with_sample(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
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
fn people_look_right() {
    snapshot(View::People, "people");
}
