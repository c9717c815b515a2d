//! The board file as a clerk meets it: broken files explained line by line, good files
//! kept exactly, and saves that never damage what was there.

use std::path::{Path, PathBuf};

use improvement_board::board_file::{self, LoadError};
use improvement_board::sample::{SAMPLE_RON, sample_board};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boards").join(name)
}

/// Every problem the app reports for a malformed fixture, as `LINE:COL: message`.
fn problems_in(name: &str) -> Vec<String> {
    let path = fixture(&format!("malformed/{name}.ron"));
    match board_file::load(&path) {
        Ok(_) => panic!("{name} loaded, but it is malformed"),
        Err(error @ LoadError::Io { .. }) => panic!("{name} could not be read: {error}"),
        Err(error) => error.problems().iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn assert_problems(name: &str, expected: &[&str]) {
    assert_eq!(problems_in(name), expected, "problems reported for {name}.ron");
}

#[test]
fn the_minimal_fixture_is_valid() {
    board_file::load(&fixture("minimal.ron")).expect("minimal.ron loads");
}

#[test]
fn a_missing_comma_is_placed_where_the_comma_belongs() {
    assert_problems("missing_comma", &["8:45: expected a comma before the next field or entry"]);
}

#[test]
fn a_misspelt_field_is_named_with_the_allowed_ones() {
    assert_problems(
        "unknown_field",
        &[
            "51:80: unknown field `owenr` in MeetingAction: expected one of id, text, owner, due, item, status, closed, note",
        ],
    );
}

#[test]
fn a_rag_that_does_not_exist_lists_the_ratings() {
    assert_problems("bad_rag", &["35:67: `Purple` is not a RAG rating: expected Blue, Green, Amber, Red or NotRated"]);
}

#[test]
fn a_misspelt_grade_lists_the_grades() {
    assert_problems(
        "bad_grade",
        &[
            "17:65: `Inadequte` is not an Ofsted grade: expected Outstanding, Good, RequiresImprovementToBeGood, Adequate or Inadequate",
        ],
    );
}

#[test]
fn a_uk_style_date_says_which_form_is_expected() {
    assert_problems("uk_style_date", &["33:19: `30/06/2026` is not a date: expected YYYY-MM-DD, e.g. 2026-04-20"]);
}

#[test]
fn a_date_not_in_the_calendar_is_refused() {
    assert_problems("impossible_date", &["33:19: `2026-02-30` is not a date: there is no such day in the calendar"]);
}

#[test]
fn a_time_in_words_is_refused() {
    assert_problems("bad_time", &["43:26: `2pm` is not a time of day: expected HH:MM (24-hour), e.g. 14:00"]);
}

#[test]
fn a_missing_required_field_is_named() {
    assert_problems("missing_due", &["36:9: missing required field `due` in PlanAction"]);
}

#[test]
fn an_unclosed_quote_points_back_to_where_the_text_started() {
    assert_problems(
        "unclosed_string",
        &[
            "25:29: expected a comma before the next field or entry (if a closing `\"` is missing, the text that starts at line 22, column 35 runs on to here)",
        ],
    );
}

#[test]
fn a_file_cut_off_part_way_says_so() {
    assert_problems("truncated", &["45:39: the file ends too early: a bracket, parenthesis or quote is not closed"]);
}

#[test]
fn text_where_a_number_belongs_is_refused() {
    assert_problems("wrong_kind_of_value", &["41:20: expected a whole number"]);
}

#[test]
fn a_file_from_a_newer_app_is_refused_with_both_versions() {
    assert_problems(
        "newer_format",
        &[
            "3:5: this board file is format 3, written by a newer version of the app; this app reads format 2 and older — update the app to open it",
        ],
    );
}

#[test]
fn a_file_not_saved_as_utf8_names_the_byte() {
    assert_problems("not_utf8", &["7:43: the file is not valid UTF-8 at byte 225 (0xE9); save it as UTF-8 text"]);
}

#[test]
fn a_lead_who_is_not_in_people_is_named_at_both_ends() {
    assert_problems("dangling_lead", &["32:13: action 1.1: lead \"ad-qa\" is not in people"]);
}

#[test]
fn a_duplicate_id_is_reported_and_so_is_what_it_broke() {
    assert_problems(
        "duplicate_person",
        &[
            "9:16: person id \"dcs\" is used more than once",
            "46:29: meeting 1: \"clerk\" in in_attendance is not in people",
        ],
    );
}

#[test]
fn meeting_numbers_must_rise() {
    assert_problems("meetings_out_of_order", &["55:13: meeting 1 comes after meeting 2: meeting numbers must rise"]);
}

#[test]
fn an_update_naming_a_missing_meeting_is_refused() {
    assert_problems(
        "update_names_missing_meeting",
        &["35:44: action 1.1: the update of 2026-04-20 names meeting 7, which is not in meetings"],
    );
}

#[test]
fn a_declaration_on_an_item_not_on_the_agenda_is_refused() {
    assert_problems(
        "declaration_item_missing",
        &["47:57: meeting 1: declaration names item 4, which is not on the agenda"],
    );
}

#[test]
fn someone_cannot_be_both_present_and_send_apologies() {
    assert_problems(
        "present_and_apologies",
        &["47:25: meeting 1: \"dcs\" is recorded both as present and as sending apologies"],
    );
}

#[test]
fn every_broken_reference_is_reported_not_only_the_first() {
    assert_problems(
        "several_problems",
        &[
            "25:34: recommendation R1: priority \"P9\" is not in priorities",
            "32:13: action 1.1: lead \"ad-qa\" is not in people",
            "45:39: meeting 1: \"cllr-x\" in present is not in people",
            "51:80: meeting action M1-01: owner \"nobody\" is not in people",
        ],
    );
}

#[test]
fn every_malformed_fixture_is_refused_with_a_located_message_and_none_panics() {
    let folder = fixture("malformed");
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let error = board_file::load(&path).expect_err(&format!("{} must not load", path.display()));
        for line in error.lines() {
            let file = path.display().to_string();
            let rest = line.strip_prefix(&format!("{file}:")).unwrap_or_else(|| panic!("{line} names its file"));
            let mut parts = rest.splitn(3, ':');
            let (line_no, col) = (parts.next().unwrap(), parts.next().unwrap());
            assert!(line_no.parse::<usize>().is_ok_and(|l| l > 0), "{line} has a line number");
            assert!(col.parse::<usize>().is_ok_and(|c| c > 0), "{line} has a column");
        }
        count += 1;
    }
    assert!(count >= 12, "at least twelve malformed fixtures, found {count}");
}

#[test]
fn the_sample_board_round_trips_exactly() {
    let board = sample_board();
    let written = board_file::to_ron(&board);
    assert_eq!(written, SAMPLE_RON, "the shipped sample is in the app's own canonical form");
    let reread = board_file::parse_board(&written).expect("the written sample loads");
    assert_eq!(reread, board);
    assert_eq!(board_file::to_ron(&reread), written, "saving twice gives identical bytes");
}

#[test]
fn a_hand_written_file_with_implicit_some_and_comments_loads_and_saves_canonically() {
    let text = std::fs::read_to_string(fixture("minimal.ron")).unwrap();
    let lenient = text.replace("start: Some(\"14:00\")", "start: \"14:00\"");
    let board = board_file::parse_board(&lenient).expect("Some(..) may be left out");
    let canonical = board_file::to_ron(&board);
    assert!(canonical.contains("start: Some(\"14:00\")"));
    assert_eq!(board_file::parse_board(&canonical).unwrap(), board);
}

#[test]
fn saving_keeps_the_previous_version_as_bak_and_leaves_no_temporary_files() {
    let folder = tempfolder("save-bak");
    let path = folder.join("board.ron");
    let mut board = sample_board();
    board_file::save(&board, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    assert_eq!(first, SAMPLE_RON.as_bytes());

    board.title = "Children's Services Improvement Board (renamed)".into();
    board_file::save(&board, &path).unwrap();
    assert_eq!(std::fs::read(board_file::backup_path(&path)).unwrap(), first, "the .bak holds the previous save");
    assert_eq!(board_file::load(&path).unwrap(), board);

    let names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["board.ron", "board.ron.bak"], "nothing else is left in the folder");
}

#[test]
fn a_failed_save_leaves_the_existing_file_as_it_was() {
    let folder = tempfolder("save-fails");
    // The board's path is taken by a folder holding a file: the final rename must fail.
    let path = folder.join("board.ron");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep.txt"), "precious").unwrap();
    let error = board_file::save(&sample_board(), &path).expect_err("cannot replace a folder");
    assert!(error.to_string().contains("the previous file is unchanged"), "{error}");
    assert_eq!(std::fs::read_to_string(path.join("keep.txt")).unwrap(), "precious");
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files are cleaned up: {leftovers:?}");
}

#[test]
fn a_save_into_a_missing_folder_fails_cleanly() {
    let path = tempfolder("save-missing").join("no-such-folder").join("board.ron");
    let error = board_file::save(&sample_board(), &path).expect_err("the folder does not exist");
    assert!(error.to_string().starts_with(&path.display().to_string()), "{error}");
}

fn tempfolder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn a_hand_edit_to_approved_minutes_is_caught_by_the_seal() {
    assert_problems(
        "tampered_after_approval",
        &[
            "3353:13: meeting 3 was changed after its minutes were approved: its record no longer matches the seal in its approval",
        ],
    );
}

#[test]
fn approving_in_the_app_seals_the_record_and_the_saved_file_checks_clean() {
    use improvement_board::edit::{Edit, History};
    use improvement_board::model::{Moment, Subject};
    let mut board = sample_board();
    let mut history = History::new();
    let at = Moment::parse("2026-12-08T15:00:00").unwrap();
    let on = at.0.date();
    let approve = Edit::ApproveMinutes { meeting: 5, on, at_meeting: Some(6), by: Some("chair".into()) };
    assert_eq!(history.apply(&mut board, approve, "k.morgan", at).unwrap(), improvement_board::edit::Applied::Changed);
    let saved = history.board_to_save(&board);
    let approval = saved.meeting(5).unwrap().approval.as_ref().expect("the approval carries the seal");
    assert_eq!((approval.on, approval.at_meeting, approval.by.as_deref()), (Some(on), Some(6), Some("chair")));
    assert!(approval.seal.starts_with("sha256:") && approval.seal.len() == 71, "{}", approval.seal);
    assert_eq!(saved.history.last().unwrap().about, Some(Subject::Meeting(5)));
    let text = board_file::to_ron(&saved);
    board_file::parse_board(&text).expect("a sealed board loads");
    let tampered = text.replacen("The director summarised the letter", "The director read out the letter", 1);
    let problems = board_file::parse_board(&tampered).expect_err("tampering is caught");
    assert!(problems[0].message.starts_with("meeting 5 was changed after its minutes were approved"), "{problems:?}");
    // Rewording or deleting the audit trail hides nothing: the seal is on the meeting.
    let mut no_history = saved.clone();
    no_history.history.clear();
    let reworded = board_file::to_ron(&no_history).replacen(
        "The director summarised the letter",
        "The director read out the letter",
        1,
    );
    assert!(board_file::parse_board(&reworded).is_err(), "the audit trail is not what the seal rests on");
}
