//! Format 2 as the contract writes it, and format 1 as it was: a board written by hand
//! with every new field checks clean with its papers beside it; each field broken in one
//! place is refused at that line and column, in plain words; every format-1 fixture
//! converts to the format-2 board expected of it.

use std::path::{Path, PathBuf};

use improvement_board::board_file;
use improvement_board::model::{Moment, Subject};

fn here(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn full_text() -> String {
    std::fs::read_to_string(here("tests/boards/format2/full.ron")).unwrap()
}

fn moment() -> Moment {
    Moment::parse("2026-12-04T09:00:00").unwrap()
}

/// A folder laid out as a board's: the board file and its papers.
fn board_folder(name: &str, text: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-format-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("papers/m2")).unwrap();
    std::fs::copy(
        here("tests/boards/format2/papers/m2/director-report.pdf"),
        folder.join("papers/m2/director-report.pdf"),
    )
    .unwrap();
    std::fs::write(folder.join("papers/m2/notes.txt"), "Not a PDF at all.\n").unwrap();
    std::fs::write(folder.join("board.ron"), text).unwrap();
    folder
}

/// The problems `board.ron` has, as `LINE:COL: message`.
fn problems_of(name: &str, text: &str) -> Vec<String> {
    let folder = board_folder(name, text);
    let result = board_file::load_file(&folder.join("board.ron"), moment());
    let _ = std::fs::remove_dir_all(&folder);
    match result {
        Ok(_) => vec![],
        Err(error) => error.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_board_written_by_hand_to_format_2_checks_clean_with_its_papers_beside_it() {
    let loaded = board_file::load_file(&here("tests/boards/format2/full.ron"), moment())
        .unwrap_or_else(|e| panic!("{}", e.lines().join("\n")));
    assert!(!loaded.was_converted());
    assert!(loaded.has_comments, "the fixture opens with a comment");
    let board = loaded.board;
    assert_eq!(board.terms.as_ref().unwrap().notice_days, 5);
    let action = board.action("1.1").unwrap();
    assert_eq!(action.redated.len(), 1);
    assert_eq!(action.slippage_days(), 122, "31 May to 30 September");
    let rereferrals = &board.indicators[0];
    assert_eq!((rereferrals.amber_within, rereferrals.comparators.len()), (Some(3.0), 2));
    assert_eq!(rereferrals.figures().len(), 2, "April was revised: one figure a month");
    assert_eq!(rereferrals.figures()[0].value, 26.1, "the reading entered last is the figure");
    let approval = board.meeting(1).unwrap().approval.as_ref().unwrap();
    assert_eq!((approval.at_meeting, approval.by.as_deref()), (Some(2), Some("chair")));
    let item = board.meeting(2).unwrap().item(2).unwrap();
    assert_eq!(item.papers[0].file, "papers/m2/director-report.pdf");
    assert_eq!(board.history[0].about, Some(Subject::Action("1.1".into())));
    assert_eq!(board.changes_to_action("1.1").len(), 1, "found by what it is about, not by its words");

    // What the app writes reads back the same, with every field the contract requires.
    let written = board_file::to_ron(&board);
    assert!(written.starts_with("Board(\n    format: 2,"));
    assert!(written.contains("notice_days: 5"), "a required-by-the-app field is written");
    assert_eq!(board_file::parse_board(&written).unwrap(), board);
}

/// Each new field broken in one place: the exact line, column and words.
#[test]
fn each_new_field_broken_is_refused_at_its_place() {
    let text = full_text();
    let approval = "approval: Some(Approval(on: Some(\"2026-06-08\"), at_meeting: Some(2), by: Some(\"chair\"),\n                                    seal: \"sha256:e76edd1dedd9742a38eae74fdbeb6b58fc6de7177f53e0ef3280f39629b705ba\")),";
    let twins: [(&str, &str, &str, &str); 16] = [
        (
            "approved-without-approval",
            approval,
            "\n",
            "72:13: meeting 1 is marked Approved but has no approval with a seal: it was changed after approval, or marked approved by hand",
        ),
        (
            "presenter",
            r#"presenter: Some("dcs"), minutes: Some(20)"#,
            r#"presenter: Some("ghost"), minutes: Some(20)"#,
            "96:51: meeting 2, item 2: presenter \"ghost\" is not in people",
        ),
        (
            "paper-missing",
            "papers/m2/director-report.pdf",
            "papers/m2/director-repot.pdf",
            "98:75: meeting 2, item 2: paper \"Director's progress report\" (papers/m2/director-repot.pdf) is not in the board's folder",
        ),
        (
            "paper-not-pdf",
            "papers/m2/director-report.pdf",
            "papers/m2/notes.txt",
            "98:75: meeting 2, item 2: paper \"Director's progress report\" (papers/m2/notes.txt) is not a PDF (it does not start with %PDF-)",
        ),
        (
            "paper-leaves-folder",
            "papers/m2/director-report.pdf",
            "../m2/director-report.pdf",
            "98:75: meeting 2, item 2: paper \"Director's progress report\" (../m2/director-report.pdf) leaves the board's folder (`..`): a board and its papers move together as one folder",
        ),
        (
            "paper-absolute",
            "papers/m2/director-report.pdf",
            "/home/clerk/report.pdf",
            "98:75: meeting 2, item 2: paper \"Director's progress report\" (/home/clerk/report.pdf) must be relative to the board's folder, not an absolute path",
        ),
        (
            "redate-meeting",
            r#"on: "2026-06-08", meeting: Some(2)"#,
            r#"on: "2026-06-08", meeting: Some(9)"#,
            "37:61: action 1.1: the re-dating from 2026-05-31 names meeting 9, which is not in meetings",
        ),
        (
            "redate-field",
            "reason: \"Recruitment",
            "raeson: \"Recruitment",
            "38:24: unknown field `raeson` in Redate: expected one of was, on, meeting, reason",
        ),
        (
            "revised-same-day",
            r#"value: 26.1, entered: Some("2026-05-27")"#,
            r#"value: 26.1, entered: Some("2026-05-06")"#,
            "61:25: indicator rereferrals: two readings for 2026-04 entered on 2026-05-06: a revised figure needs a later `entered` date than the one it revises",
        ),
        (
            "amber-band",
            "amber_within: Some(3.0)",
            "amber_within: Some(-3.0)",
            "54:13: indicator rereferrals: amber_within is -3; the Amber band cannot be negative",
        ),
        (
            "comparator-period",
            r#"period: "2025-03", value: 21.4"#,
            r#"period: "2025-3", value: 21.4"#,
            "56:54: `2025-3` is not a month: expected YYYY-MM, e.g. 2026-03",
        ),
        (
            "purpose",
            "purpose: Some(Discussion)",
            "purpose: Some(Debate)",
            "79:42: `Debate` is not an item's purpose: expected Decision, Noting, Discussion or Information",
        ),
        (
            "approval-not-approved",
            "status: Approved,",
            "status: Held,",
            "73:13: meeting 1 has an approval but its status is not Approved: it was changed after approval",
        ),
        (
            "approval-by",
            r#"by: Some("chair"),"#,
            r#"by: Some("mayor"),"#,
            "73:82: meeting 1: the minutes are approved by \"mayor\", who is not in people",
        ),
        (
            "about",
            r#"about: Some(Action("1.1"))"#,
            r#"about: Some(Plan("1.1"))"#,
            "108:28: `Plan` is not a thing a change can be about: expected Board, Person, Inspection, Priority, Recommendation, Action, Indicator, Meeting or MeetingAction",
        ),
        (
            "sealed-notes",
            "The director set out the backlog.",
            "The director set out the whole backlog.",
            "74:37: meeting 1 was changed after its minutes were approved: its record no longer matches the seal in its approval",
        ),
    ];
    for (name, from, to, expected) in twins {
        assert!(text.contains(from), "{name}: the fixture has {from}");
        let broken = text.replacen(from, to, 1);
        assert_eq!(problems_of(name, &broken), [expected], "{name}");
    }
}

/// Every format-1 fixture converts to the format-2 board expected of it (written beside
/// it as `NAME.expected.ron`; `UPDATE_EXPECTED=1` rewrites them after a deliberate change,
/// to be read before they are committed).
#[test]
fn every_format_1_fixture_converts_to_the_expected_format_2_board() {
    for name in ["approved-before-seals", "exempt-items-and-history", "northmoor-sealed"] {
        let source = here(&format!("tests/boards/format1/{name}.ron"));
        let loaded = board_file::load_file(&source, moment()).unwrap_or_else(|e| panic!("{}", e.lines().join("\n")));
        assert_eq!(loaded.from_format, 1, "{name}");
        let written = board_file::to_ron(&loaded.board);
        let expected_path = here(&format!("tests/boards/format1/{name}.expected.ron"));
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &written).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap();
        assert_eq!(written, expected, "{name} converts as expected");
        let reread = board_file::load_file(&expected_path, moment()).expect("the converted board loads as format 2");
        assert!(!reread.was_converted() && !reread.has_comments, "{name}");
        assert_eq!(reread.board, loaded.board, "{name}");
    }
}

#[test]
fn a_format_1_approval_keeps_its_seal_and_date_and_one_approved_before_seals_is_sealed_on_conversion() {
    let sealed = board_file::load_file(&here("tests/boards/format1/northmoor-sealed.ron"), moment()).unwrap();
    let approval = sealed.board.meeting(3).unwrap().approval.clone().unwrap();
    assert_eq!(approval.seal, "sha256:5eae4ccdb189262e36bf2bd8a8e7ae3737e52e29b8f9b0865b9a588e79be41cf");
    assert_eq!(approval.on.map(|d| d.to_string()).as_deref(), Some("2026-09-15"));
    assert_eq!((approval.at_meeting, approval.by), (None, None), "format 1 never recorded them");
    assert!(sealed.board.history.iter().all(|c| c.about.is_some()));

    let unsealed = board_file::load_file(&here("tests/boards/format1/approved-before-seals.ron"), moment()).unwrap();
    let approval = unsealed.board.meeting(1).unwrap().approval.clone().unwrap();
    assert_eq!((approval.on, approval.by), (None, None));
    let said = unsealed.board.history.last().unwrap();
    assert_eq!((said.at, said.about.clone()), (moment(), Some(Subject::Meeting(1))));
    assert!(said.what.contains("sealed on conversion") && said.what.contains(&approval.seal));
    assert_eq!(unsealed.conversion.notes[0], "meeting 1: approved before seals existed, sealed on conversion");
}

/// Format 1 kept its seals in the audit trail's words (the contract's rule for reading
/// it): a format-1 file whose approval words are reworded cannot show its seal, so the
/// conversion seals the record as it stands and says so, in its notes and in the audit
/// trail, rather than passing over it in silence. From format 2 on the seal is on the
/// meeting, and no rewording of the history touches it.
#[test]
fn a_format_1_file_whose_seal_words_were_reworded_is_sealed_on_conversion_and_says_so() {
    let text = std::fs::read_to_string(here("tests/boards/format1/northmoor-sealed.ron")).unwrap();
    let reworded = text.replace("marked approved (seal", "approved (seal");
    let loaded = board_file::read_board(&reworded, None, moment()).unwrap();
    let sealed_now: Vec<&String> =
        loaded.conversion.notes.iter().filter(|n| n.contains("sealed on conversion")).collect();
    assert_eq!(sealed_now.len(), 4, "{:?}", loaded.conversion.notes);
    let trail = loaded.board.history.iter().filter(|c| c.what.contains("sealed on conversion")).count();
    assert_eq!(trail, 4);
}
