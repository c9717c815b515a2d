//! The app driven as a chair and a clerk use it: real widgets found by the labels a person
//! reads, real keys, and the board checked afterwards.

#![cfg(feature = "gui")]

use std::path::PathBuf;

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use improvement_board::app::dialogs::ScriptedDialogs;
use improvement_board::app::{App, View, open_session};
use improvement_board::model::{ActionStatus, MeetingStatus, PlanColumn, PlanFilter, Rag};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder().with_size([1400.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn sample() -> Harness<'static, App> {
    harness(App::with_sample(today()))
}

fn go_to(harness: &mut Harness<'static, App>, view: &str) {
    harness.get_by_label(view).click();
    harness.run();
}

/// Picks a meeting in the Meeting view's drop-down, as the clerk does.
fn choose_meeting(harness: &mut Harness<'static, App>, meeting: &str) {
    harness.get_by_role_and_label(Role::ComboBox, "Meeting").click();
    harness.run();
    harness.get_by_label(meeting).click();
    harness.run();
}

fn press(harness: &mut Harness<'static, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn chair_rates_the_third_action_amber_with_a_reason_and_undo_restores_it() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    assert_eq!(harness.state().meeting.selected, Some(6), "opens on the meeting being prepared");
    harness.get_by_label_contains("action 1 of 45").hover();

    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::J);
    harness.get_by_label_contains("action 3 of 45 · priority 1 of 6");
    let before = harness.state().board().unwrap().clone();

    press(&mut harness, Key::A);
    // Blue at meeting 5 → Amber is a change with no note: the reason is asked for.
    harness.get_by_label_contains("The rating has changed: say why");
    assert!(!harness.state().is_dirty(), "nothing recorded until the reason is given");

    let note = harness.get_by_label("Note (the board's commentary)");
    note.focus();
    harness.run();
    harness.get_by_label("Note (the board's commentary)").type_text("Consent dip sample slipped to 81% in November.");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();

    let app = harness.state();
    let action = app.board().unwrap().action("1.3").unwrap();
    let update = action.rating_at(6).expect("rated at meeting 6");
    assert_eq!(update.rag, Rag::Amber);
    assert_eq!(update.note, "Consent dip sample slipped to 81% in November.");
    assert!(app.is_dirty());
    assert!(app.window_title().contains('•'), "{}", app.window_title());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().board().unwrap(), &before);
    assert!(!harness.state().is_dirty());
}

#[test]
fn rating_keys_are_ignored_while_the_clerk_types_in_the_note() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Note (the board's commentary)").focus();
    harness.run();
    harness.get_by_label("Note (the board's commentary)").type_text("Green light from the partnership");
    harness.run();
    assert!(harness.state().board().unwrap().action("1.1").unwrap().rating_at(6).is_none());
    assert_eq!(harness.state().meeting.draft.note, "Green light from the partnership");
}

#[test]
fn shift_and_a_letter_rates_impact_once_the_action_is_rated() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    // 1.1 was Blue at meeting 3; Blue again needs no reason.
    press(&mut harness, Key::B);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::G);
    harness.run();
    let update = harness.state().board().unwrap().action("1.1").unwrap().rating_at(6).cloned().unwrap();
    assert_eq!((update.rag, update.impact), (Rag::Blue, Some(Rag::Green)));
}

#[test]
fn clerk_marks_attendance() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Attendance").click();
    harness.run();
    harness.get_by_label("Simon Okonjo: Present").click();
    harness.run();
    harness.get_by_label("Det Supt Mark Holloway: Apologies").click();
    harness.run();
    let meeting = harness.state().board().unwrap().meeting(6).unwrap().clone();
    assert_eq!(meeting.present, ["ceo"]);
    assert_eq!(meeting.apologies, ["police-sup"]);
}

#[test]
fn clerk_raises_a_meeting_action_with_an_owner_and_a_due_date() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Agenda and record").click();
    harness.run();
    harness.get_by_label("New action").focus();
    harness.run();
    harness.get_by_label("New action").type_text("Circulate the supervision recovery plan to members.");
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Owner").click();
    harness.run();
    harness.get_by_label("Priya Lalwani").click();
    harness.run();
    // The due date defaults to six weeks after the meeting; pick the 22nd in the calendar.
    harness.get_by_label("19 January 2027").click();
    harness.run();
    harness.get_by_label("22").click();
    harness.run();
    harness.get_by_label("Raise action").click();
    harness.run();

    let meeting = harness.state().board().unwrap().meeting(6).unwrap().clone();
    let action = meeting.actions.last().expect("an action was raised");
    assert_eq!(action.id, "M6-01");
    assert_eq!(action.owner, "dcs");
    assert_eq!(action.due, NaiveDate::from_ymd_opt(2027, 1, 22));
    assert_eq!(action.status, ActionStatus::Open);
}

#[test]
fn approved_minutes_refuse_further_edits() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    choose_meeting(&mut harness, "Meeting 5 — 27 October 2026 (Held)");
    harness.get_by_label("Approve the minutes").click();
    harness.run();
    harness.get_by_label("Approve the minutes of meeting 5?");
    harness.get_by_label("Approve as a correct record").click();
    harness.run();
    let board = harness.state().board().unwrap().clone();
    assert_eq!(board.meeting(5).unwrap().status, MeetingStatus::Approved);
    let approval = board.meeting(5).unwrap().approval.clone().expect("approving seals the record");
    assert_eq!(approval.on, Some(today()));
    assert!(improvement_board::seal::matches(&board, 5, &approval.seal));
    harness.get_by_label("Minutes approved: this record is read-only.");

    let before = harness.state().board().unwrap().clone();
    press(&mut harness, Key::R);
    assert_eq!(harness.state().board().unwrap(), &before, "a rating at an approved meeting is refused");
    assert!(harness.state().status.contains("approved"), "{}", harness.state().status);
}

#[test]
fn a_broken_board_shows_its_problems_in_the_window() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/boards/malformed/several_problems.ron");
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("several_problems.ron could not be opened");
    harness.get_by_label_contains(":32:13: action 1.1: lead \"ad-qa\" is not in people");
    harness.get_by_label_contains(":51:80: meeting action M1-01: owner \"nobody\" is not in people");
    harness.get_by_label("Open another file…");
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_everything() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    press(&mut harness, Key::B);
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().doc.is_some() && harness.state().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().doc.is_none());
    harness.get_by_label("No board is open");
}

#[test]
fn saving_the_sample_asks_where_and_writes_a_board_that_loads_with_its_audit_trail() {
    let folder = std::env::temp_dir().join(format!("improvement-board-app-save-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("northmoor.ron");
    let dialogs = ScriptedDialogs { save: vec![path.clone()], ..Default::default() };
    let app = App::new(open_session(None), today(), Box::new(dialogs));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    press(&mut harness, Key::B);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().is_dirty(), "{}", harness.state().status);
    let saved = improvement_board::board_file::load(&path).expect("the saved board loads");
    assert_eq!(saved.action("1.1").unwrap().rating_at(6).unwrap().rag, Rag::Blue);
    assert!(saved.history.last().unwrap().what.starts_with("Action 1.1: RAG Blue at meeting 6"));
    assert!(harness.state().window_title().starts_with("northmoor.ron — "));
}

#[test]
fn the_statement_of_action_filters_by_text_and_shows_the_selected_action() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Find").focus();
    harness.run();
    harness.get_by_label("Find").type_text("supervision");
    harness.run();
    let board = harness.state().board().unwrap().clone();
    let filter = PlanFilter { text: "supervision".into(), ..Default::default() };
    let expected = board.plan_table(&filter, PlanColumn::Id, true, today()).len();
    harness.get_by_label(&format!("{expected} of 45 actions"));
    harness.get_by_label("Monthly supervision for every social worker, recorded on the child's file").click();
    harness.run();
    harness.get_by_label("Measure of success");
    harness.get_by_label("95% of children's files show supervision in the last month.");
}

#[test]
fn every_view_is_reachable_from_the_keyboard() {
    let mut harness = sample();
    for (n, view) in View::ALL.iter().enumerate() {
        let key = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6][n];
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().view, *view);
    }
}

#[test]
fn the_action_log_closes_an_action_with_a_date_and_note() {
    let mut harness = sample();
    go_to(&mut harness, "Action log");
    // The most overdue open action is first: M3-04.
    harness.get_all_by_label("Close…").next().unwrap().click();
    harness.run();
    harness.get_by_label_contains("Close M3-04");
    harness.get_by_label("Note").focus();
    harness.run();
    harness.get_by_label("Note").type_text("Training held.");
    harness.run();
    harness.get_by_label("Mark done").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let (_, action) = board.meeting_actions().find(|(_, a)| a.id == "M3-04").unwrap();
    assert_eq!(
        (action.status, action.closed, action.note.as_str()),
        (ActionStatus::Done, Some(today()), "Training held.")
    );
}

#[test]
fn the_presenter_view_shows_the_current_action_large_and_nothing_private() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::F5);
    assert!(harness.state().presenter_open);
    harness.get_by_label_contains("Rating:");
    // 1.2's title appears twice: in the walk-through and on the projector.
    let title = "1.2  Front door managers sign off every contact decision within one working day";
    assert_eq!(harness.get_all_by_label(title).count(), 2);
    harness.get_by_label("Action 2 of 45");
    // The clerk's note field is not projected.
    assert_eq!(harness.get_all_by_label("Note (the board's commentary)").count(), 1);
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn since_last_time_lists_what_moved_between_meetings() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Since last time").click();
    harness.run();
    harness.get_by_label_contains("Ratings down (");
    harness.get_by_label_contains(
        "• 5.1 Monthly supervision for every social worker, recorded on the child's file: Amber → Red",
    );
    harness.get_by_label_contains(
        "• M5-01 Write to the ICB chief nurse about the vacant hub health post. — done on 3 November 2026",
    );
}

#[test]
fn the_clerk_exports_the_public_minutes_and_is_offered_to_open_them() {
    let folder = std::env::temp_dir().join(format!("improvement-board-app-export-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("minutes-5-public.pdf");
    let dialogs = ScriptedDialogs { pdf: vec![path.clone()], ..Default::default() };
    let mut harness = harness(App::new(open_session(None), today(), Box::new(dialogs)));
    go_to(&mut harness, "Meeting");
    choose_meeting(&mut harness, "Meeting 5 — 27 October 2026 (Held)");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Minutes of this meeting (public)…").click();
    harness.run();
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    harness.get_by_label("Open the PDF");
}

#[test]
fn the_clerk_exports_the_public_action_log_from_the_keyboard_without_what_was_raised_in_private() {
    let folder = std::env::temp_dir().join(format!("improvement-board-app-log-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("action-log-public.pdf");
    let dialogs = ScriptedDialogs { pdf: vec![path.clone()], ..Default::default() };
    let mut harness = harness(App::new(open_session(None), today(), Box::new(dialogs)));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    let pdf = lopdf::Document::load_mem(&std::fs::read(&path).expect("the PDF was written")).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("M3-04"), "actions raised in public are there");
    assert!(!text.contains("M3-03"), "the action raised under the exempt item is not");
    assert!(text.contains("One action raised under an item taken in private is not published."));
}

#[test]
fn the_statement_of_action_table_follows_an_edit_made_elsewhere() {
    use improvement_board::edit::Edit;
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Find").focus();
    harness.run();
    harness.get_by_label("Find").type_text("weekend rota agreed");
    harness.run();
    harness.get_by_label("0 of 45 actions");
    // The rows are kept between frames; an edit must bring them up to date.
    let edit = Edit::RateAction {
        action: "2.1".into(),
        meeting: 6,
        date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        rag: Rag::Green,
        impact: None,
        note: "Weekend rota agreed with the police from January.".into(),
        by: None,
    };
    assert!(harness.state_mut().apply(edit));
    harness.run();
    harness.get_by_label("1 of 45 actions");
}

/// Selects all of a text field's text and types over it, then leaves it with Enter.
fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    press(harness, Key::Enter);
}

#[test]
fn adviser_adds_a_recommendation_and_an_action_renames_the_action_and_undoes_it_all() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Write the statement").click();
    harness.run();
    harness.get_by_label("P2 Help and protection practice").click();
    harness.run();
    harness.get_by_label("Add a recommendation under P2").click();
    harness.run();
    harness.get_by_label("New recommendation under priority P2");
    harness.get_by_label("The inspection's words").focus();
    harness.run();
    harness
        .get_by_label("The inspection's words")
        .type_text("Make sure every child who goes missing is offered a return interview.");
    harness.run();
    harness.get_by_label("Add recommendation").click();
    harness.run();
    let rec = harness.state().board().unwrap().recommendation("R11").cloned().expect("R11 added, the next free id");
    assert_eq!(rec.priority, "P2");
    assert_eq!(rec.inspection.as_deref(), Some("ilacs-2026"), "the graded inspection is proposed as the source");

    harness.get_by_label("Add an action under R11").click();
    harness.run();
    assert_eq!(harness.get_by_label("Id").value().as_deref(), Some("11.1"), "the next id under R11 is proposed");
    harness.get_by_label("Action").focus();
    harness.run();
    harness.get_by_label("Action").type_text("Return interviews commissioned from an independent provider");
    harness.run();
    harness.get_by_label("Add action").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let action = board.action("11.1").expect("action 11.1 added");
    assert_eq!(action.recommendation, "R11");
    assert_eq!(board.actions_in_priority("P2").last().map(|a| a.id.as_str()), Some("11.1"), "placed under P2");
    assert!(harness.state().is_dirty());

    retype(&mut harness, "Id", "11.9");
    let board = harness.state().board().unwrap();
    assert!(board.action("11.1").is_none() && board.action("11.9").is_some(), "renamed");
    harness.get_by_label("Action 11.9");

    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    let board = harness.state().board().unwrap();
    assert!(board.action("11.9").is_none() && board.action("11.1").is_none() && board.recommendation("R11").is_none());
    assert!(!harness.state().is_dirty(), "every change undone");
}

#[test]
fn an_edited_due_date_and_measure_are_committed_on_leaving_the_field_and_audited() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Write the statement").click();
    harness.run();
    harness.get_by_label_contains("2.1 ").click();
    harness.run();
    retype(&mut harness, "Measure of success", "Police at 98% of strategy discussions");
    // Multi-line fields keep Enter as a new line: the edit lands when the field is left.
    harness.get_by_label("Action").focus();
    harness.run();
    let board = harness.state().board().unwrap();
    assert!(board.action("2.1").unwrap().measure.starts_with("Police at 98% of strategy discussions"));
    let audit: Vec<String> =
        harness.state().doc.as_ref().unwrap().history.unsaved_changes().iter().map(|c| c.what.clone()).collect();
    assert_eq!(audit.last().map(String::as_str), Some("Action 2.1 edited: measure"));
}

#[test]
fn an_action_rated_at_approved_minutes_cannot_be_removed_and_says_why() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Write the statement").click();
    harness.run();
    harness.get_by_label_contains("1.1 ").click();
    harness.run();
    harness.get_by_label_contains("The id cannot change: action 1.1 was rated at meetings");
    assert!(harness.get_by_label("Remove…").accesskit_node().is_disabled());
}

fn scratch_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ib-app-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("board.ron");
    std::fs::copy(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/boards/new-board.ron"), &path).unwrap();
    path
}

#[test]
fn adviser_imports_a_sheet_fixing_a_date_in_the_preview_and_confirming_new_people() {
    let path = scratch_copy("import");
    let sheet = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/riverside-action-plan.xlsx");
    let dialogs = ScriptedDialogs { sheets_to_open: vec![sheet], ..Default::default() };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label_contains("4 rows read: 2 ready, 2 with problems");
    harness.get_by_label("\"Dec 2016\" gives a month but not a day (did you mean 31/12/2016?)");
    harness.get_by_label_contains("Ratings read through a scale (assumed, as the sheet has no key");
    assert!(harness.state().board().unwrap().actions.is_empty(), "nothing imported yet");

    retype(&mut harness, "Due date:", "31/12/2026");
    harness.get_by_label_contains("4 rows read: 3 ready, 1 with problems");
    let import = harness.get_by_label_contains("Import 3 actions");
    assert!(import.accesskit_node().is_disabled(), "the new people must be agreed first");
    harness.get_by_label_contains("Add 2 new people to the board's people: Sam Oduya, Lena Fischer").click();
    harness.run();
    harness.get_by_label_contains("Import 3 actions").click();
    harness.run();

    let app = harness.state();
    let board = app.board().unwrap();
    assert_eq!(board.actions.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["1.1", "1.2", "2.1"]);
    assert_eq!(board.action("1.2").unwrap().due, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(), "the fix was used");
    assert_eq!(board.action("2.1").unwrap().current_rag(), Rag::Blue, "\"COMPLETED\" read through the scale");
    assert_eq!(board.priorities[0].title, "Help at the right time");
    assert!(app.import.is_none(), "the window closed");
    assert!(app.status.starts_with("Imported 3 actions from riverside-action-plan.xlsx"), "{}", app.status);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().board().unwrap().actions.is_empty(), "one undo takes the whole import back");
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn adviser_brings_the_tracker_in_again_and_sees_every_change_before_it_lands() {
    let path = scratch_copy("in-step");
    let sheets = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sheets");
    let dialogs = ScriptedDialogs {
        sheets_to_open: vec![sheets.join("kingsmoor-tracker.xlsx"), sheets.join("kingsmoor-tracker-march.xlsx")],
        ..Default::default()
    };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label_contains("Add 2 new people to the board's people").click();
    harness.run();
    harness.get_by_label_contains("Import 4 actions").click();
    harness.run();
    let first = harness.state().board().unwrap().clone();

    // A month later the adviser brings the tracker in again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label_contains("action 1.1 is already in the board");
    harness.get_by_label_contains("4 rows give action numbers the board already holds: to bring the board in step");
    harness.get_by_label("Update the actions the board already holds (keep in step with this tracker)").click();
    harness.run();
    harness.get_by_label_contains("4 rows name actions the board holds, 3 of them with changes; 1 new row.");
    harness.get_by_label("Row 3: action 1.1");
    harness.get_by_label_contains("title: \"Practice audit programme\" → \"Practice audit programme with moderation\"");
    harness.get_by_label_contains("rating: Green → Amber (dated 22 November 2026)");
    harness.get_by_label_contains(
        "due: 31 March 2027 → 30 June 2027 (re-dated: changed in kingsmoor-tracker-march.xlsx on 22 November 2026)",
    );
    harness.get_by_label_contains("1 row as the board has them already.");
    assert_eq!(harness.state().board().unwrap(), &first, "nothing lands before the adviser says so");
    harness.get_by_label("Update 3 actions and add 1 new action").click();
    harness.run();

    let app = harness.state();
    let board = app.board().unwrap();
    assert_eq!(board.actions.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["1.1", "1.2", "2.1", "2.2", "2.3"]);
    assert_eq!(board.action("1.2").unwrap().current_rag(), Rag::Amber);
    assert_eq!(board.action("2.1").unwrap().redated.len(), 1);
    assert!(
        app.status.starts_with("Brought in step with kingsmoor-tracker-march.xlsx: 3 actions changed"),
        "{}",
        app.status
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().board().unwrap(), &first, "one undo takes the whole update back");
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn a_status_column_of_the_councils_words_is_read_through_a_scale_the_adviser_changes() {
    let path = scratch_copy("scale");
    let sheet = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/eastbrook-status-words.xlsx");
    let dialogs = ScriptedDialogs { sheets_to_open: vec![sheet], ..Default::default() };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label("Column E \"Status\" read as the rating: its cells are ratings, not notes.");
    harness.get_by_label_contains(
        "Ratings read through a scale (assumed, as the sheet has no key; change any value here)",
    );
    // The board counts slipping as Red: the adviser says so for the whole sheet.
    harness.get_by_role_and_label(Role::ComboBox, "slipping").click();
    harness.run();
    let options = harness.get_all_by_label("Red").count();
    harness.get_all_by_label("Red").last().expect("the drop-down offers Red").click();
    harness.run();
    assert!(options > 0);
    harness.get_by_label_contains("Ratings read through a scale (as given)");
    harness.get_by_label_contains("Add 2 new people").click();
    harness.run();
    harness.get_by_label_contains("Import 5 actions").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let ratings: Vec<Rag> = board.actions.iter().map(|a| a.current_rag()).collect();
    assert_eq!(ratings, [Rag::Blue, Rag::Green, Rag::Red, Rag::NotRated, Rag::Red]);
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn adviser_records_a_monitoring_visit_with_its_findings() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Write the statement").click();
    harness.run();
    harness.get_by_label("Add an inspection or visit").click();
    harness.run();
    harness.get_by_label("New inspection or visit");
    harness.get_by_label_contains("A monitoring visit is not graded");
    harness.get_by_label("Focus").focus();
    harness.run();
    harness.get_by_label("Focus").type_text("Children in care and care leavers");
    harness.get_by_label("Findings (one a line)").focus();
    harness.run();
    harness
        .get_by_label("Findings (one a line)")
        .type_text("Pathway plans are more specific\nToo many moves for teenagers");
    harness.run();
    harness.get_by_label("Add inspection").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let visit = board.inspection("visit-4").expect("the visit added with the proposed id");
    assert_eq!(visit.kind, improvement_board::model::InspectionKind::MonitoringVisit);
    assert_eq!(visit.focus, "Children in care and care leavers");
    assert_eq!(visit.findings, ["Pathway plans are more specific", "Too many moves for teenagers"]);
}

#[test]
fn the_statement_of_action_and_its_spreadsheet_are_exported_from_the_file_menu() {
    let dir = std::env::temp_dir().join(format!("ib-app-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (pdf, xlsx) = (dir.join("soa.pdf"), dir.join("soa.xlsx"));
    let dialogs = ScriptedDialogs { pdf: vec![pdf.clone()], sheets_to_save: vec![xlsx.clone()], ..Default::default() };
    let mut harness = harness(App::new(open_session(None), today(), Box::new(dialogs)));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::X);
    harness.run();
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an xlsx is a zip");
    assert!(harness.state().status.contains("45 actions and the action log"), "{}", harness.state().status);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn headers_the_app_does_not_know_are_mapped_by_hand_in_the_import_window() {
    let path = scratch_copy("mapping");
    let sheet = path.parent().unwrap().join("tracker.csv");
    std::fs::write(&sheet, "Ref,Deliverable,Officer,Deadline\nD1,Weekly audit huddle,Ruth Adeyemi,31/01/2027\n")
        .unwrap();
    let dialogs = ScriptedDialogs { sheets_to_open: vec![sheet], ..Default::default() };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label("No column is mapped to Action: choose which column holds the actions.");
    for (column, field) in [("B Deliverable", "Action"), ("C Officer", "Lead officer")] {
        harness.get_by_role_and_label(Role::ComboBox, column).click();
        harness.run();
        harness.get_by_label(field).click();
        harness.run();
    }
    harness.get_by_label_contains("1 row read: 1 ready, 0 with problems");
    harness.get_by_label_contains("Import 1 action").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let action = board.action("D1").expect("imported under the mapped columns");
    assert_eq!((action.title.as_str(), action.lead.as_str()), ("Weekly audit huddle", "head-mash"));
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

/// A copy of a fixture in a folder of its own, as a clerk's board would be.
fn board_copy(fixture: &str, name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("westfold.ron");
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(fixture)).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    path
}

#[test]
fn a_format_1_board_opens_converted_says_so_once_and_saves_as_format_2() {
    let without_comments = |t: &str| t.lines().filter(|l| !l.starts_with("//")).collect::<Vec<_>>().join("\n");
    let path = board_copy("tests/boards/format1/exempt-items-and-history.ron", "format1", without_comments);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label_contains("This board file is format 1; it was converted to format 2 as it opened");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.state().status.starts_with("Saved"), "{}", harness.state().status);
    assert!(!harness.state().status.contains("format 1"), "said once, on opening");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Board(\n    format: 2,"), "written as format 2");
    let saved = improvement_board::board_file::load_file(&path, improvement_board::model::Moment::now()).unwrap();
    assert!(!saved.was_converted());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn saving_a_hand_edited_board_warns_that_comments_go_and_keeps_a_copy_when_asked() {
    let path = board_copy("tests/boards/format1/exempt-items-and-history.ron", "comments", str::to_string);
    let original = std::fs::read_to_string(&path).unwrap();
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Comments are not kept");
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original, "not saved: the file is as it was");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Keep a copy and save").click();
    harness.run();
    let copy = path.with_file_name("westfold.ron.original");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), original, "the file with its comments, kept beside it");
    assert!(harness.state().status.contains("westfold.ron.original"), "{}", harness.state().status);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("Board(\n    format: 2,") && !saved.contains("//"));

    // Said once: the next save goes straight through.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.query_by_label("Comments are not kept").is_none());
    assert!(harness.state().status.starts_with("Saved"), "{}", harness.state().status);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn approved_and_saved_minutes_are_not_reopened_by_undo() {
    let path = board_copy("sample_data/northmoor.ron", "approve-undo", str::to_string);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    choose_meeting(&mut harness, "Meeting 5 — 27 October 2026 (Held)");
    harness.get_by_label("Approve the minutes").click();
    harness.run();
    // Asked first; "Not yet" leaves the minutes as they were.
    harness.get_by_label("Not yet").click();
    harness.run();
    assert!(!harness.state().board().unwrap().meeting(5).unwrap().is_approved());
    harness.get_by_label("Approve the minutes").click();
    harness.run();
    harness.get_by_label("Approve as a correct record").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().board().unwrap().meeting(5).unwrap().is_approved(), "undo does not reopen them");
    assert!(
        harness.state().status.contains("undo stops at the approval of meeting 5's minutes"),
        "{}",
        harness.state().status
    );
    let saved = improvement_board::board_file::load(&path).unwrap();
    assert!(saved.meeting(5).unwrap().approval.is_some());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

/// A letter as a keyboard sends it: the key, and the text it types, in one frame.
fn letter(harness: &mut Harness<'static, App>, key: Key, text: &str) {
    harness.key_press(key);
    harness.event(eframe::egui::Event::Text(text.into()));
    harness.run();
}

/// Typing into whatever has the keyboard: the text a person types, as the system sends it.
fn typing(harness: &mut Harness<'static, App>, text: &str) {
    harness.event(eframe::egui::Event::Text(text.into()));
    harness.run();
}

#[test]
fn the_chairs_rhythm_rates_one_action_then_the_next_without_typing_into_the_first_note() {
    let path = board_copy("sample_data/northmoor.ron", "rhythm", str::to_string);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    harness.get_by_label_contains("action 1 of 45");
    let walk = |h: &Harness<'static, App>| {
        let board = h.state().board().unwrap();
        board.actions_in_plan_order().iter().map(|a| a.id.clone()).collect::<Vec<_>>()
    };
    let order = walk(&harness);
    let (first, second) = (order[0].clone(), order[1].clone());

    // N, type, Ctrl+Enter, J, G, N, type, Ctrl+Enter: exactly as the chair pressed them.
    letter(&mut harness, Key::N, "n");
    typing(&mut harness, "Backlog cleared in November.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    letter(&mut harness, Key::J, "j");
    letter(&mut harness, Key::G, "g");
    letter(&mut harness, Key::N, "n");
    typing(&mut harness, "On track: audit shows 92%.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let saved = improvement_board::board_file::load(&path).unwrap();
    let one = saved.action(&first).unwrap().rating_at(6).expect("the first action is rated at meeting 6");
    assert_eq!(one.note, "Backlog cleared in November.", "nothing typed afterwards reached the first note");
    let two = saved.action(&second).unwrap().rating_at(6).expect("the second action is rated at meeting 6");
    assert_eq!((two.rag, two.note.as_str()), (Rag::Green, "On track: audit shows 92%."));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn ctrl_s_while_still_typing_a_note_saves_what_was_typed() {
    let path = board_copy("sample_data/northmoor.ron", "save-while-typing", str::to_string);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Agenda and record").click();
    harness.run();
    let notes = harness.get_all_by_label("Notes").next().expect("the first item's notes");
    notes.focus();
    harness.run();
    typing(&mut harness, "The minutes of 27 October were agreed as seen.");
    // Straight to Ctrl+S, the cursor still in the notes.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = improvement_board::board_file::load(&path).unwrap();
    assert_eq!(saved.meeting(6).unwrap().items[0].notes, "The minutes of 27 October were agreed as seen.");
    assert!(!harness.state().is_dirty(), "{}", harness.state().status);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

/// Rates the walk-through's first action Red with a reason, as the chair does: R, the
/// reason (the note has the keyboard once a reason is asked for), Ctrl+Enter.
fn first_action_rated_red(harness: &mut Harness<'static, App>) -> String {
    go_to(harness, "Meeting");
    let first = harness.state().board().unwrap().actions_in_plan_order()[0].id.clone();
    keyboard(harness, "r");
    keyboard(harness, "Slipped again.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let rated = harness.state().board().unwrap().action(&first).unwrap().rating_at(6).cloned().unwrap();
    assert_eq!((rated.rag, rated.note.as_str()), (Rag::Red, "Slipped again."));
    first
}

/// Text as a keyboard sends it: for each character its key (a letter's, with Shift for a
/// capital) and then its text. (kittest runs a frame for each event; several keys in one
/// frame are tested in `src/app/commands.rs`.)
fn keyboard(harness: &mut Harness<'static, App>, text: &str) {
    for c in text.chars() {
        let key = c.is_ascii_alphabetic().then(|| Key::from_name(&c.to_ascii_uppercase().to_string())).flatten();
        if let Some(key) = key {
            let modifiers = if c.is_ascii_uppercase() { Modifiers::SHIFT } else { Modifiers::NONE };
            harness.event(eframe::egui::Event::Key {
                key,
                physical_key: Some(key),
                pressed: true,
                repeat: false,
                modifiers,
            });
        }
        harness.event(eframe::egui::Event::Text(c.to_string()));
        if let Some(key) = key {
            harness.event(eframe::egui::Event::Key {
                key,
                physical_key: Some(key),
                pressed: false,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
    }
    harness.run();
}

#[test]
fn re_rating_an_action_already_rated_at_this_meeting_asks_why_and_reads_no_letter_as_a_rating() {
    let path = board_copy("sample_data/northmoor.ron", "re-rate", str::to_string);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    let first = first_action_rated_red(&mut harness);

    // G, then the reason at a person's pace: a letter a frame.
    letter(&mut harness, Key::G, "g");
    harness.get_by_label_contains("The rating has changed: say why in the note");
    let still = harness.state().board().unwrap().action(&first).unwrap().rating_at(6).unwrap().rag;
    assert_eq!(still, Rag::Red, "not recorded until the reason is given");
    keyboard(&mut harness, "Changed after approval.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = improvement_board::board_file::load(&path).unwrap();
    let rated = saved.action(&first).unwrap().rating_at(6).unwrap();
    assert_eq!((rated.rag, rated.note.as_str()), (Rag::Green, "Changed after approval."));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn a_new_person_never_replaces_someone_whose_id_is_typed() {
    let mut harness = sample();
    go_to(&mut harness, "People");
    let before = harness.state().board().unwrap().people.clone();
    harness.get_by_label("Add a person").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Priya Raman");
    harness.run();
    assert_eq!(harness.state().board().unwrap().people.len(), before.len(), "nothing added yet");
    // The id is proposed from the name; the clerk types over it with one already in use.
    retype(&mut harness, "Id", "head-mash");
    harness.get_by_label_contains("The id \"head-mash\" is already Claire Fenwick's");
    harness.get_by_label_contains("such as \"priya-raman\"");
    harness.get_by_label("Save person").click();
    harness.run();
    let board = harness.state().board().unwrap();
    assert_eq!(board.people, before, "Claire Fenwick is as she was and nobody was added");
    // Back to a free id, and saved.
    retype(&mut harness, "Id", "priya-raman");
    harness.get_by_label("Save person").click();
    harness.run();
    let board = harness.state().board().unwrap();
    assert_eq!(board.person("priya-raman").unwrap().name, "Priya Raman");
    assert_eq!(board.person("head-mash").unwrap().name, "Claire Fenwick");
}

#[test]
fn a_new_persons_id_is_proposed_from_the_name() {
    let mut harness = sample();
    go_to(&mut harness, "People");
    harness.get_by_label("Add a person").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").focus();
    harness.run();
    // A name the board already has: the proposal is free all the same.
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Claire Fenwick");
    harness.run();
    harness.get_by_label("Save person").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let added = board.people.last().unwrap();
    assert_eq!((added.id.as_str(), added.name.as_str()), ("claire-fenwick", "Claire Fenwick"));
    assert_eq!(board.person("head-mash").unwrap().name, "Claire Fenwick", "the first is untouched");
}

#[test]
fn with_no_file_dialog_service_the_apps_own_chooser_exports_and_says_why() {
    let path = board_copy("sample_data/northmoor.ron", "no-portal", str::to_string);
    let dialogs = ScriptedDialogs { unavailable: true, ..Default::default() };
    let app = App::new(open_session(Some(&path)), today(), Box::new(dialogs));
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    let status = harness.state().status.clone();
    assert!(status.contains("The system's file dialog could not be opened"), "{status}");
    assert!(status.contains("choose the file in the app's own chooser"), "{status}");
    // The chooser opens in the board's folder with the usual name selected up to ".pdf":
    // the clerk types another and presses Enter.
    harness.get_by_label_contains("Export to PDF");
    typing(&mut harness, "progress-for-members");
    press(&mut harness, Key::Enter);
    let exported = path.with_file_name("progress-for-members.pdf");
    assert!(std::fs::read(&exported).unwrap().starts_with(b"%PDF"), "{}", harness.state().status);
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn with_no_file_dialog_service_the_adviser_types_the_sheets_name_and_presses_enter() {
    let path = scratch_copy("no-portal-import");
    let sheet = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/kingsmoor-tracker.xlsx");
    std::fs::copy(&sheet, path.with_file_name("kingsmoor-tracker.xlsx")).unwrap();
    let dialogs = ScriptedDialogs { unavailable: true, ..Default::default() };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label_contains("Import a statement of action from a spreadsheet");
    // The name box has the keyboard as the chooser opens: the name, then Enter.
    typing(&mut harness, "kingsmoor-tracker.xlsx");
    press(&mut harness, Key::Enter);
    harness.get_by_label_contains("4 rows read: 4 ready, 0 with problems");
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn with_no_file_dialog_service_a_new_board_is_saved_through_the_apps_own_chooser() {
    let folder = std::env::temp_dir().join(format!("ib-app-no-portal-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let dialogs = ScriptedDialogs { unavailable: true, ..Default::default() };
    let app = App::new(
        Ok(improvement_board::session::Session::sample(improvement_board::session::Clock::System)),
        today(),
        Box::new(dialogs),
    );
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Save the board");
    // Into the folder wanted, typed in the chooser's folder box.
    retype(&mut harness, "Folder", folder.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let saved = folder.join("northmoor-borough-council.ron");
    assert!(improvement_board::board_file::load(&saved).is_ok(), "{}", harness.state().status);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_new_meeting_is_given_its_date_time_and_venue_and_they_change_until_approval() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Start a new meeting…").click();
    harness.run();
    // Proposed: six weeks after meeting 6 (8 December 2026), at its time and venue.
    harness.get_by_label("New meeting 7");
    harness.get_by_label("19 January 2027");
    retype(&mut harness, "Venue", "Committee Room 2, Civic Centre");
    retype(&mut harness, "Start (HH:MM)", "10:30");
    harness.get_by_label("Create the meeting").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let made = board.meeting(7).expect("meeting 7 made");
    assert_eq!(made.date, NaiveDate::from_ymd_opt(2027, 1, 19).unwrap());
    assert_eq!(made.start.map(|t| t.to_string()).as_deref(), Some("10:30"));
    assert_eq!(made.venue, "Committee Room 2, Civic Centre");

    // Changed afterwards: a start that is not a time is explained and not recorded.
    retype(&mut harness, "Start", "half ten");
    harness.get_by_label_contains("is not a time of day");
    assert_eq!(
        harness.state().board().unwrap().meeting(7).unwrap().start.map(|t| t.to_string()).as_deref(),
        Some("10:30")
    );
    retype(&mut harness, "Start", "09:30");
    retype(&mut harness, "Venue", "Council Chamber");
    let made = harness.state().board().unwrap().meeting(7).unwrap().clone();
    assert_eq!(
        (made.start.map(|t| t.to_string()), made.venue.as_str()),
        (Some("09:30".to_string()), "Council Chamber")
    );
    assert!(harness.state().status.contains("Meeting 7: to be held on 19 January 2027 at 9.30 am, Council Chamber"));
}

#[test]
fn a_planned_meeting_whose_date_has_passed_is_flagged_on_the_overview() {
    let late = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    let mut harness = harness(App::with_sample(late));
    harness.run();
    harness.get_by_label("Meeting 6, 8 December 2026, is still marked Planned: was it held?").click();
    harness.run();
    assert_eq!(harness.state().view, View::Meeting);
    assert_eq!(harness.state().meeting.selected, Some(6));
}

#[test]
fn the_chair_looks_back_as_at_a_past_date_and_the_status_bar_says_so() {
    let mut harness = sample();
    go_to(&mut harness, "Overview");
    let now = harness.state().board().unwrap().rag_counts();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    harness.get_by_label_contains("Show the board as it stood on a date");
    // Back to 15 January 2026, as the chair picks it: the calendar, ten months back, the 15th.
    harness.get_by_label("22 November 2026").click();
    harness.run();
    for _ in 0..10 {
        harness.get_by_label("◀").click();
        harness.run();
    }
    harness.get_by_label("January 2026");
    harness.get_by_role_and_label(Role::Button, "15").click();
    harness.run();
    harness.get_by_label("As at 15 January 2026: looking back (View → As at…)");
    let board = harness.state().board().unwrap().clone();
    let then = board.as_at(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()).rag_counts();
    assert_ne!(then, now, "the sample's ratings came later");
    // Each priority's counts, in words, are those of the board as it stood then.
    for (_, counts) in board.as_at(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()).rag_counts_by_priority() {
        harness.get_all_by_label(&counts.describe()).next().expect("the priority's counts as they stood");
    }
    harness.get_by_label("Back to today").click();
    harness.run();
    harness.get_by_label("As at 22 November 2026");
}

#[test]
fn the_chair_agrees_a_new_due_date_from_the_keyboard_and_the_slippage_shows() {
    let path = board_copy("sample_data/northmoor.ron", "redate", str::to_string);
    let app = App::new(open_session(Some(&path)), today(), Box::new(ScriptedDialogs::default()));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    let first = harness.state().board().unwrap().actions_in_plan_order()[0].clone();
    // D, the date, Tab, the reason, Ctrl+Enter.
    keyboard(&mut harness, "d");
    keyboard(&mut harness, "31/03/2027");
    press(&mut harness, Key::Tab);
    keyboard(&mut harness, "Partnership sign-off moved to the March board.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let moved = harness.state().board().unwrap().action(&first.id).unwrap().clone();
    assert_eq!(moved.due, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
    let redate = moved.redated.last().unwrap();
    assert_eq!(
        (redate.was, redate.meeting, redate.reason.as_str()),
        (first.due, Some(6), "Partnership sign-off moved to the March board.")
    );
    harness.get_by_label_contains(&format!(
        "First due {}, now 31 March 2027: re-dated once",
        improvement_board::model::dates::uk_long(first.due)
    ));

    // D, a date, then Esc: left as it was.
    keyboard(&mut harness, "d");
    keyboard(&mut harness, "30/06/2027");
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().board().unwrap().action(&first.id).unwrap().due, moved.due);
    // And the keyboard is the walk-through's again: J moves on.
    keyboard(&mut harness, "j");
    harness.get_by_label_contains("action 2 of 45");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = improvement_board::board_file::load(&path).unwrap();
    assert_eq!(saved.action(&first.id).unwrap().redated.len(), first.redated.len() + 1);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn before_this_meeting_shows_what_stood_before_it_not_the_rating_just_given() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    let first = harness.state().board().unwrap().actions_in_plan_order()[0].clone();
    let before_note = first.latest_note().unwrap().to_string();
    keyboard(&mut harness, "r");
    keyboard(&mut harness, "Relaunch needed after the audit.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_eq!(harness.state().board().unwrap().action(&first.id).unwrap().rating_at(6).unwrap().rag, Rag::Red);
    // The last note before the meeting is still the one shown, not the one just given
    // (which is in the note box below, with this meeting's rating).
    harness.get_by_label(&before_note);
    harness.get_by_label("Recorded at this meeting:");
}

#[test]
fn renaming_an_action_to_an_id_in_use_is_refused_and_the_editor_stays_on_it() {
    let mut harness = sample();
    go_to(&mut harness, "Statement of action");
    harness.get_by_label("Write the statement").click();
    harness.run();
    // A new action (ids named in approved minutes cannot change at all).
    harness.get_by_label_contains("R1 Make sure that thresholds").click();
    harness.run();
    harness.get_by_label("Add an action under R1").click();
    harness.run();
    harness.get_by_label("Action").focus();
    harness.run();
    harness.get_by_label("Action").type_text("Audit a sample of threshold decisions each quarter");
    harness.run();
    harness.get_by_label("Add action").click();
    harness.run();
    harness.get_by_label("Action 1.5");
    retype(&mut harness, "Id", "1.1");
    harness.get_by_label("1.1 is already another action's id: choose another.");
    harness.get_by_label("Action 1.5");
    assert_eq!(harness.get_by_label("Id").value().as_deref(), Some("1.5"));
    let board = harness.state().board().unwrap();
    assert_eq!(board.action("1.1").unwrap(), improvement_board::sample::sample_board().action("1.1").unwrap());
    assert!(board.action("1.5").is_some());
}

#[test]
fn the_shortcuts_list_opens_with_f1_and_closes_with_esc() {
    let mut harness = sample();
    press(&mut harness, Key::F1);
    harness.get_by_label_contains("Esc closes this list");
    harness.get_by_label("Agree a new due date");
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label_contains("Esc closes this list").is_none());
}

#[test]
fn each_group_of_ratings_is_one_tab_stop() {
    let mut harness = sample();
    go_to(&mut harness, "Meeting");
    let focusable = |h: &Harness<'static, App>, label: &str| {
        h.get_by_label(label).accesskit_node().data().supports_action(eframe::egui::accesskit::Action::Focus)
    };
    assert!(focusable(&harness, "R Red"), "the group's stop, with nothing chosen yet");
    assert!(!focusable(&harness, "A Amber") && !focusable(&harness, "G Green") && !focusable(&harness, "B Blue"));
    keyboard(&mut harness, "b");
    assert!(focusable(&harness, "B Blue"), "the chosen rating is the stop");
    assert!(!focusable(&harness, "R Red"));
}

#[test]
fn the_clerk_attaches_a_paper_and_sees_it_is_late() {
    let path = board_copy("sample_data/northmoor.ron", "attach-paper", str::to_string);
    // An officer's report, somewhere else on the clerk's computer.
    let downloads = std::env::temp_dir().join(format!("ib-app-downloads-{}", std::process::id()));
    let report = downloads.join("Young inspectors report.pdf");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let board = improvement_board::board_file::load(&path).unwrap();
    let pdf = improvement_board::documents::Publication::Agenda { meeting: 6 }
        .make(&board, today(), std::path::Path::new("."))
        .unwrap();
    std::fs::write(&report, &pdf.bytes).unwrap();
    let pack = path.with_file_name("pack-6.pdf");
    let dialogs = ScriptedDialogs { papers: vec![report.clone()], pdf: vec![pack.clone()], ..Default::default() };
    // Two days after the papers were due out (Monday 30 November).
    let late = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let app = App::new(open_session(Some(&path)), late, Box::new(dialogs));
    let mut harness = harness(app);
    go_to(&mut harness, "Meeting");
    harness.get_by_label("Papers").click();
    harness.run();
    harness.get_by_label_contains(
        "Published by Monday 30 November 2026 (5 clear working days before the meeting): That was 2 working days ago.",
    );
    harness.get_by_label("Attach a paper to item 10…").click();
    harness.run();
    let status = harness.state().status.clone();
    let pages = improvement_board::model::plural(pdf.pages, "page");
    assert_eq!(status, format!("Attached \"Young inspectors report\" ({pages}) to item 10."));
    harness.get_by_label("late: goes in a supplementary pack");
    harness.get_by_label_contains("(papers/m6/Young");
    harness.get_by_role_and_label(Role::Button, "2 December 2026");
    assert!(path.with_file_name("papers/m6/Young inspectors report.pdf").exists(), "brought beside the board");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = improvement_board::board_file::load(&path).unwrap();
    let paper = &saved.meeting(6).unwrap().item(10).unwrap().papers[0];
    assert_eq!((paper.file.as_str(), paper.received), ("papers/m6/Young inspectors report.pdf", Some(late)));
    // And the board pack, from the keyboard: the agenda, then the papers, numbered through.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    let doc = lopdf::Document::load_mem(&std::fs::read(&pack).unwrap()).unwrap();
    let last = *doc.get_pages().keys().last().unwrap();
    let total = doc.get_pages().len();
    assert!(doc.extract_text(&[last]).unwrap().contains(&format!("Page {total} of {total}")));
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
    let _ = std::fs::remove_dir_all(&downloads);
}

/// Types as a person does into whatever has the keyboard.
fn type_here(harness: &mut Harness<'static, App>, text: &str) {
    harness.event(eframe::egui::Event::Text(text.into()));
    harness.run();
}

#[test]
fn a_performance_officer_types_the_months_figures_revises_one_with_a_reason_and_undoes_it() {
    let mut harness = sample();
    go_to(&mut harness, "Indicators");
    harness.get_by_label("Enter figures…").click();
    harness.run();
    harness.run();
    // The grid opens at the month after the latest held (October), the first field ready.
    harness.get_by_label("November 2026");
    type_here(&mut harness, "93");
    press(&mut harness, Key::Enter);
    type_here(&mut harness, "20.5");
    press(&mut harness, Key::Enter);
    harness.run();
    let board = harness.state().board().unwrap().clone();
    let november = improvement_board::model::YearMonth { year: 2026, month: 11 };
    let figure = |board: &improvement_board::model::Board, id: &str, month| {
        board.indicators.iter().find(|i| i.id == id).unwrap().figure(month).map(|r| (r.value, r.note.clone()))
    };
    assert_eq!(figure(&board, "contact-decisions", november), Some((93.0, String::new())));
    assert_eq!(figure(&board, "rereferrals", november), Some((20.5, String::new())));
    assert_eq!(figure(&board, "assessments-45", november), None, "only what was typed");

    // October's re-referrals figure is revised: the reason is asked for before it is kept.
    harness.get_by_label("◀").click();
    harness.run();
    harness.get_by_label("October 2026");
    harness.get_by_role_and_label(Role::TextInput, "Re-referrals within 12 months").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_here(&mut harness, "21.6");
    press(&mut harness, Key::Enter);
    harness.get_by_label_contains("A revision needs its reason");
    let october = improvement_board::model::YearMonth { year: 2026, month: 10 };
    assert_eq!(figure(harness.state().board().unwrap(), "rereferrals", october), Some((21.2, String::new())));
    type_here(&mut harness, "Late recording found in the audit");
    press(&mut harness, Key::Enter);
    harness.run();
    let revised = harness.state().board().unwrap().clone();
    assert_eq!(figure(&revised, "rereferrals", october), Some((21.6, "Late recording found in the audit".to_string())));
    let rereferrals = revised.indicators.iter().find(|i| i.id == "rereferrals").unwrap();
    assert_eq!(rereferrals.revised_readings(october).iter().map(|r| r.value).collect::<Vec<_>>(), [21.2]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let undone = harness.state().board().unwrap();
    assert_eq!(figure(undone, "rereferrals", october), Some((21.2, String::new())), "undo takes the revision back");
    assert_eq!(figure(undone, "rereferrals", november), Some((20.5, String::new())), "and only the revision");
}

#[test]
fn the_as_at_control_shows_the_figures_a_meeting_saw() {
    let mut harness = sample();
    go_to(&mut harness, "Indicators");
    harness.get_by_label("Re-referrals within 12 months").click();
    harness.run();
    harness.get_by_label_contains("September 2026: 22.3% (revised from 21.7%)");
    harness.get_by_label_contains("As at meeting 5").click();
    harness.run();
    harness.run();
    // The view says so, and the status bar too.
    harness.get_by_label("Figures as at 27 October 2026");
    harness.get_by_label("Figures as at 27 October 2026: looking back (View → As at…)");
    assert!(
        harness.query_by_label_contains("revised from 21.7%").is_none(),
        "the revision entered on 4 November was not yet known at meeting 5"
    );
    harness.get_by_label("Back to today").click();
    harness.run();
    harness.get_by_label_contains("September 2026: 22.3% (revised from 21.7%)");
}

#[test]
fn a_performance_officer_imports_the_return_adding_the_measure_the_board_does_not_keep() {
    let dir = std::env::temp_dir().join(format!("ib-app-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("board.ron");
    std::fs::copy(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data/northmoor.ron"), &path).unwrap();
    let sheet = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/returns/westbury-return.csv");
    let dialogs = ScriptedDialogs { sheets_to_open: vec![sheet], ..Default::default() };
    let mut harness = harness(App::new(open_session(Some(&path)), today(), Box::new(dialogs)));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    harness.run();
    harness.get_by_label_contains("months across on row 3 (Oct 2026 to Nov 2026)");
    harness.get_by_label("Revision: Child protection visits within timescale, October 2026: 90 → 91");
    let import = harness.get_by_label_contains("Import 3 new figures and 1 revision");
    assert!(import.accesskit_node().is_disabled(), "a measure is not placed yet");
    harness.get_by_role_and_label(Role::ComboBox, "Children missing from care (episodes) (1 figure)").click();
    harness.run();
    harness.get_by_label("Add as a new indicator…").click();
    harness.run();
    harness.run();
    harness.get_by_label("Add an indicator");
    harness.get_by_label("lower is better").click();
    harness.run();
    harness.get_by_label("Add indicator").click();
    harness.run();
    harness.run();
    harness.get_by_label_contains("Import 4 new figures and 1 revision").click();
    harness.run();

    let board = harness.state().board().unwrap();
    let missing = board.indicators.iter().find(|i| i.name == "Children missing from care (episodes)").unwrap();
    assert_eq!(
        (missing.unit, missing.better),
        (improvement_board::model::Unit::Count, improvement_board::model::Better::Lower)
    );
    assert_eq!(
        missing.figures().iter().map(|r| (r.period.to_string(), r.value)).collect::<Vec<_>>(),
        [("2026-10".to_string(), 37.0)]
    );
    let visits = board.indicators.iter().find(|i| i.id == "cp-visits").unwrap();
    assert_eq!(visits.latest().map(|r| r.value), Some(92.0));
    // Undo takes the import back, then the new indicator.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let board = harness.state().board().unwrap();
    assert_eq!(board.indicators.iter().find(|i| i.id == "cp-visits").unwrap().latest().map(|r| r.value), Some(90.0));
    assert!(board.indicators.iter().any(|i| i.name == "Children missing from care (episodes)"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_indicator_is_added_with_a_comparator_and_removed_and_undo_brings_it_back() {
    let mut harness = sample();
    go_to(&mut harness, "Indicators");
    harness.get_by_label("Add an indicator").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").click();
    harness.run();
    type_here(&mut harness, "Children missing from care (episodes)");
    harness.get_by_role_and_label(Role::ComboBox, "Unit").click();
    harness.run();
    harness.get_by_label("Count").click();
    harness.run();
    harness.get_by_label("lower is better").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Target").click();
    harness.run();
    type_here(&mut harness, "30");
    harness.get_by_label("Add a comparator").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Comparator").click();
    harness.run();
    type_here(&mut harness, "Region");
    harness.get_by_role_and_label(Role::TextInput, "Month").click();
    harness.run();
    type_here(&mut harness, "2025-03");
    harness.get_by_role_and_label(Role::TextInput, "Figure").click();
    harness.run();
    type_here(&mut harness, "34");
    harness.get_by_label("Add indicator").click();
    harness.run();
    let board = harness.state().board().unwrap();
    let added = board.indicators.last().unwrap();
    assert_eq!(added.id, "children-missing-from-care", "the id proposed from the name");
    assert_eq!((added.target, added.better), (Some(30.0), improvement_board::model::Better::Lower));
    assert_eq!(added.comparators.len(), 1);
    assert_eq!((added.comparators[0].name.as_str(), added.comparators[0].value), ("Region", 34.0));

    harness.get_by_label("Children missing from care (episodes)").click();
    harness.run();
    harness.get_by_label("Remove indicator").click();
    harness.run();
    harness.get_by_label("Remove").click();
    harness.run();
    assert!(harness.state().board().unwrap().indicators.iter().all(|i| i.id != "children-missing-from-care"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().board().unwrap().indicators.iter().any(|i| i.id == "children-missing-from-care"));
}

#[test]
fn a_clerk_exports_the_minutes_as_word_from_the_file_menu() {
    let folder = std::env::temp_dir().join(format!("improvement-board-app-word-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("minutes-5");
    let dialogs = ScriptedDialogs { pdf: vec![path.clone()], ..Default::default() };
    let mut harness = harness(App::new(open_session(None), today(), Box::new(dialogs)));
    go_to(&mut harness, "Meeting");
    choose_meeting(&mut harness, "Meeting 5 — 27 October 2026 (Held)");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Minutes as Word (full)…").click();
    harness.run();
    let written = folder.join("minutes-5.docx");
    let bytes = std::fs::read(&written).expect("the Word document was written, given its extension");
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip");
    assert!(harness.state().status.starts_with("Exported"), "{}", harness.state().status);
    let document = {
        use std::io::Read;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive.by_name("word/document.xml").unwrap().read_to_string(&mut text).unwrap();
        text
    };
    assert!(document.contains(">Minutes of meeting 5</w:t>"));
    std::fs::remove_dir_all(&folder).ok();
}
