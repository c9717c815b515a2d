//! The headless commands, run as a clerk would run them: the real binary, real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn board(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_improvement-board"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn check_says_ok_with_the_size_of_a_good_board() {
    let output = run(&["check", "sample_data/northmoor.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "sample_data/northmoor.ron: ok — 6 priorities, 45 actions, 6 meetings\n");
    assert!(stderr(&output).is_empty());
}

#[test]
fn check_lists_every_problem_on_stderr_with_file_line_and_column() {
    let output = run(&["check", "tests/boards/malformed/several_problems.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let errors = stderr(&output);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(
        lines,
        [
            "tests/boards/malformed/several_problems.ron:25:34: recommendation R1: priority \"P9\" is not in priorities",
            "tests/boards/malformed/several_problems.ron:32:13: action 1.1: lead \"ad-qa\" is not in people",
            "tests/boards/malformed/several_problems.ron:45:39: meeting 1: \"cllr-x\" in present is not in people",
            "tests/boards/malformed/several_problems.ron:51:80: meeting action M1-01: owner \"nobody\" is not in people",
        ]
    );
}

#[test]
fn check_explains_a_syntax_error_with_its_place() {
    let output = run(&["check", "tests/boards/malformed/bad_rag.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "tests/boards/malformed/bad_rag.ron:35:67: `Purple` is not a RAG rating: expected Blue, Green, Amber, Red or NotRated\n"
    );
}

#[test]
fn check_on_a_missing_file_says_it_cannot_be_read() {
    let output = run(&["check", "no-such-board.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("no-such-board.ron: cannot be read:"), "{}", stderr(&output));
}

#[test]
fn summary_briefs_the_chair_as_at_a_given_date() {
    let output = run(&["summary", "sample_data/northmoor.ron", "--today", "2026-11-22"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with(
        "Northmoor Borough Council — Children's Services Improvement Board\nSummary as at 22 November 2026\n"
    ));
    let total = text.lines().find(|l| l.trim_start().starts_with("Total")).expect("a total row");
    let numbers: Vec<&str> = total.split_whitespace().skip(1).collect();
    assert_eq!(numbers, ["15", "13", "12", "5", "0", "45"], "Blue, Green, Amber, Red, Not rated, Total");
    assert!(text.contains("Overdue actions (11)"));
    assert!(text.contains(
        "  5.1    Monthly supervision for every social worker, recorded on the child's file — Gareth Pryce, due 31 July 2026, 114 days overdue (Red)"
    ));
    assert!(text.contains("  5.1    Monthly supervision for every social worker, recorded on the child's file — Gareth Pryce: Amber → Red at meeting 5"));
    assert!(text.contains("Open meeting actions (7)"));
    assert!(text.contains("  M5-04  Report the effect of the disabled children's team transfer on caseloads. — Martin Ashby, due 17 November 2026, 5 days overdue (raised at meeting 5)"));
    assert!(
        text.ends_with("Next meeting: meeting 6 on 8 December 2026, 2.00 pm, Committee Room 2, Northmoor Town Hall\n")
    );
}

#[test]
fn summary_of_the_order_of_sections_reads_as_a_briefing() {
    let text = stdout(&run(&["summary", "sample_data/northmoor.ron", "--today", "2026-11-22"]));
    let at = |heading: &str| text.find(heading).unwrap_or_else(|| panic!("{heading} missing"));
    assert!(at("RAG ratings by priority") < at("Overdue actions"));
    assert!(at("Overdue actions") < at("Drifting actions"));
    assert!(at("Drifting actions") < at("Open meeting actions"));
    assert!(at("Open meeting actions") < at("Next meeting"));
}

#[test]
fn summary_of_a_broken_board_fails_like_check() {
    let output = run(&["summary", "tests/boards/malformed/dangling_lead.ron", "--today", "2026-11-22"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "tests/boards/malformed/dangling_lead.ron:32:13: action 1.1: lead \"ad-qa\" is not in people\n"
    );
}

#[test]
fn a_small_board_with_nothing_overdue_says_none() {
    let output = run(&["summary", "tests/boards/minimal.ron", "--today", "2026-05-01"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("Overdue actions (0)\n  None."));
    assert!(text.contains("Next meeting: none planned"));
}

#[test]
fn misuse_gets_a_usage_message_and_exit_2() {
    for args in [
        &["check"][..],
        &["check", "a.ron", "b.ron"],
        &["summary", "sample_data/northmoor.ron", "--today", "22/11/2026"],
        &["summary", "sample_data/northmoor.ron", "--when", "2026-11-22"],
        &["--frobnicate"],
        &["chekc", "sample_data/northmoor.ron"],
        &["chekc"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?} exits 2");
        assert!(stdout(&output).is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains("--help"), "{args:?} points to --help: {message}");
    }
}

#[test]
fn help_lists_the_commands() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for command in ["check", "summary"] {
        assert!(text.contains(command), "{command} in --help");
    }
}

#[test]
fn the_sample_data_file_is_the_embedded_sample() {
    let on_disk = std::fs::read_to_string(board("sample_data/northmoor.ron")).unwrap();
    assert_eq!(on_disk, improvement_board::sample::SAMPLE_RON);
}

#[test]
fn export_writes_each_document_with_a_sensible_default_name() {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let board = board("sample_data/northmoor.ron");
    let board = board.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["export", "minutes", board, "--meeting", "3", "--public"], "northmoor-minutes-3-public.pdf"),
        (&["export", "minutes", board, "--meeting", "5"], "northmoor-minutes-5.pdf"),
        (&["export", "action-log", board, "--today", "2026-11-22"], "northmoor-action-log.pdf"),
        (&["export", "action-log", board, "--public"], "northmoor-action-log-public.pdf"),
        (&["export", "progress", board, "--today", "2026-11-22"], "northmoor-progress.pdf"),
    ];
    for (args, name) in cases {
        let output =
            Command::new(env!("CARGO_BIN_EXE_improvement-board")).args(args).current_dir(&folder).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert!(stdout(&output).starts_with(&format!("{name}: ")), "{}", stdout(&output));
        assert!(std::fs::read(folder.join(name)).unwrap().starts_with(b"%PDF"));
    }
}

#[test]
fn export_to_a_chosen_file_and_errors_like_check() {
    let out = std::env::temp_dir().join(format!("improvement-board-cli-out-{}.pdf", std::process::id()));
    let output = run(&["export", "progress", "sample_data/northmoor.ron", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.exists());
    let missing = run(&["export", "minutes", "sample_data/northmoor.ron", "--meeting", "42"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stderr(&missing), "sample_data/northmoor.ron: there is no meeting 42 in this board\n");
    let broken = run(&["export", "action-log", "tests/boards/malformed/bad_rag.ron"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stderr(&broken).starts_with("tests/boards/malformed/bad_rag.ron:35:67: "));
    let usage = run(&["export", "minutes", "sample_data/northmoor.ron"]);
    assert_eq!(usage.status.code(), Some(2), "--meeting is required");
}

#[test]
fn generate_writes_a_valid_board_and_the_same_seed_gives_the_same_file() {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-generate-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let (a, b) = (folder.join("a.ron"), folder.join("b.ron"));
    for path in [&a, &b] {
        let output =
            run(&["generate", "--actions", "120", "--meetings", "8", "--seed", "5", "-o", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let check = run(&["check", a.to_str().unwrap()]);
    assert!(stdout(&check).ends_with("ok — 5 priorities, 120 actions, 8 meetings\n"), "{}", stdout(&check));
}

/// The sample board, edited as someone might edit it by hand, in a folder of its own.
fn edited_sample(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("northmoor.ron");
    let text = std::fs::read_to_string(board("sample_data/northmoor.ron")).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "{name}: the edit changed something");
    std::fs::write(&path, edited).unwrap();
    path
}

/// Everything after `history: [` gone, as if the audit trail were deleted by hand.
fn without_history(text: String) -> String {
    let at = text.find("\n    history: [").expect("the sample has a history");
    format!("{}\n)\n", &text[..at])
}

const SEAL_3: &str = "sha256:5eae4ccdb189262e36bf2bd8a8e7ae3737e52e29b8f9b0865b9a588e79be41cf";

#[test]
fn tampering_with_approved_minutes_is_caught_whatever_is_done_to_the_audit_trail() {
    let changed_note =
        |t: String| t.replacen("340 practitioners attended briefings", "400 practitioners attended briefings", 1);
    let reword = |t: String| t.replace("marked approved (seal", "approved by the chair (seal");
    let cases: Vec<(&str, PathBuf, Option<&str>)> = vec![
        // The seal is on the meeting: rewording or deleting the history alone breaks nothing.
        ("reworded-history", edited_sample("reworded-history", reword), None),
        ("deleted-history", edited_sample("deleted-history", without_history), None),
        (
            "changed-rating-note",
            edited_sample("changed-rating-note", changed_note),
            Some(
                ":3435:17: meeting 3 was changed after its minutes were approved: its record no longer matches the seal in its approval",
            ),
        ),
        (
            "changed-note-reworded-history",
            edited_sample("changed-note-reworded-history", move |t| reword(changed_note(t))),
            Some(":3435:17: meeting 3 was changed after its minutes were approved"),
        ),
        (
            "changed-note-deleted-history",
            edited_sample("changed-note-deleted-history", move |t| without_history(changed_note(t))),
            Some(":3435:17: meeting 3 was changed after its minutes were approved"),
        ),
        (
            "changed-rating",
            edited_sample("changed-rating", |t| {
                t.replacen(
                    "meeting: Some(3),\n                    rag: Blue,",
                    "meeting: Some(3),\n                    rag: Green,",
                    1,
                )
            }),
            Some(":3435:17: meeting 3 was changed after its minutes were approved"),
        ),
        (
            "deleted-approval",
            edited_sample("deleted-approval", |t| {
                t.replacen(
                    &format!("            approval: Some(Approval(\n                on: Some(\"2026-09-15\"),\n                seal: \"{SEAL_3}\",\n            )),\n"),
                    "",
                    1,
                )
            }),
            Some(":3432:13: meeting 3 is marked Approved but has no approval with a seal"),
        ),
    ];
    for (name, path, expected) in cases {
        let output = run(&["check", path.to_str().unwrap()]);
        match expected {
            None => assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output)),
            Some(problem) => {
                assert_eq!(output.status.code(), Some(1), "{name} must be caught");
                let reported = stderr(&output);
                assert_eq!(reported.lines().count(), 1, "{name}: {reported}");
                assert!(reported.contains(problem), "{name}: expected {problem}, got {reported}");
            }
        }
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}

#[test]
fn verify_holds_published_minutes_against_the_board() {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-verify-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let pdf = |name: &str| folder.join(name).to_str().unwrap().to_string();
    for (meeting, public, name) in [("3", false, "m3.pdf"), ("3", true, "m3-public.pdf"), ("5", false, "m5-draft.pdf")]
    {
        let mut args = vec!["export", "minutes", "sample_data/northmoor.ron", "--meeting", meeting, "-o"];
        let out = pdf(name);
        args.push(&out);
        if public {
            args.push("--public");
        }
        assert_eq!(run(&args).status.code(), Some(0));
    }
    let verify = |board: &str, minutes: &str| run(&["verify", board, "--minutes", minutes]);

    let matches = verify("sample_data/northmoor.ron", &pdf("m3.pdf"));
    assert_eq!(matches.status.code(), Some(0), "{}", stdout(&matches));
    assert_eq!(
        stdout(&matches),
        format!("{}: the minutes of meeting 3 match the board's record ({SEAL_3}).\n", pdf("m3.pdf"))
    );
    assert_eq!(
        verify("sample_data/northmoor.ron", &pdf("m3-public.pdf")).status.code(),
        Some(0),
        "the public copy carries the seal too"
    );

    let draft = verify("sample_data/northmoor.ron", &pdf("m5-draft.pdf"));
    assert_eq!(draft.status.code(), Some(1));
    assert!(stdout(&draft).contains("carry no seal"), "{}", stdout(&draft));

    // The record changed after publication: the board no longer loads clean, so verify
    // reports the board's own problem and fails.
    let tampered = edited_sample("verify-tampered", |t| t.replacen("340 practitioners", "400 practitioners", 1));
    let caught = verify(tampered.to_str().unwrap(), &pdf("m3.pdf"));
    assert_eq!(caught.status.code(), Some(1));
    assert!(stderr(&caught).contains("meeting 3 was changed after its minutes were approved"), "{}", stderr(&caught));

    let not_minutes = verify("sample_data/northmoor.ron", "sample_data/northmoor.ron");
    assert_eq!(not_minutes.status.code(), Some(1));
    assert!(stdout(&not_minutes).contains("not a readable PDF"), "{}", stdout(&not_minutes));
    let _ = std::fs::remove_dir_all(&folder);
    let _ = std::fs::remove_dir_all(tampered.parent().unwrap());
}

#[test]
fn upgrade_rewrites_a_format_1_board_once_keeping_the_original_as_bak() {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-upgrade-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("westfold.ron");
    std::fs::copy(board("tests/boards/format1/exempt-items-and-history.ron"), &path).unwrap();
    let file = path.to_str().unwrap();
    let checked = run(&["check", file]);
    assert_eq!(checked.status.code(), Some(0));
    assert!(
        stdout(&checked).contains("format 1: read as format 2; `improvement-board upgrade"),
        "{}",
        stdout(&checked)
    );

    let upgraded = run(&["upgrade", file]);
    assert_eq!(upgraded.status.code(), Some(0), "{}", stderr(&upgraded));
    let said = stdout(&upgraded);
    assert!(said.contains("converted from format 1 to format 2"), "{said}");
    assert!(said.contains("audit trail: what 3 of 4 entries are about"), "{said}");
    assert!(said.contains("comments are not kept"), "{said}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Board(\n    format: 2,"));
    let backup = std::fs::read_to_string(folder.join("westfold.ron.bak")).unwrap();
    assert!(backup.contains("format: 1,") && backup.starts_with("// Format 1"), "the original, comments and all");
    assert!(!folder.join("westfold.ron.lock").exists(), "the lock is let go");

    let again = run(&["upgrade", file]);
    assert_eq!(stdout(&again), format!("{file}: already format 2; nothing to convert.\n"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "nothing rewritten");
    let _ = std::fs::remove_dir_all(&folder);
}

/// A folder holding a copy of the sample board, for commands that write.
fn writable_sample(name: &str) -> (PathBuf, PathBuf) {
    let folder = std::env::temp_dir().join(format!("improvement-board-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("northmoor.ron");
    std::fs::copy(board("sample_data/northmoor.ron"), &path).unwrap();
    (folder, path)
}

#[test]
fn an_export_never_overwrites_its_own_board_or_a_file_of_another_kind() {
    let (folder, path) = writable_sample("export-over-board");
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    for target in [file.to_string(), format!("{file}.bak"), format!("{file}.lock"), format!("{file}.recovery")] {
        let output = run(&["export", "progress", file, "-o", &target, "--force"]);
        assert_eq!(output.status.code(), Some(1), "{target}");
        assert!(stderr(&output).contains("this is the board file"), "{}", stderr(&output));
    }
    let xlsx = run(&["export", "xlsx", file, "-o", file]);
    assert_eq!(xlsx.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before, "the board is untouched");

    let notes = folder.join("notes.txt");
    std::fs::write(&notes, "the clerk's own notes").unwrap();
    let refused = run(&["export", "progress", file, "-o", notes.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("is not a PDF; it was not overwritten (use --force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "the clerk's own notes");
    let forced = run(&["export", "progress", file, "-o", notes.to_str().unwrap(), "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(std::fs::read(&notes).unwrap().starts_with(b"%PDF-"));
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_command_that_writes_the_board_refuses_while_another_copy_holds_it() {
    use improvement_board::board_file::lock::{BoardLock, LockHolder};
    let (folder, path) = writable_sample("held");
    let before = std::fs::read(&path).unwrap();
    let sheet = board("tests/sheets/lowfield-plan.xlsx");
    let import =
        |path: &Path| run(&["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--keep-going"]);
    {
        // This test's process holds the board, as an open app would.
        let me = LockHolder::me("other.clerk", chrono::Local::now().naive_local());
        let _held = BoardLock::acquire(&path, &me).unwrap();
        let refused = import(&path);
        assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
        assert!(stderr(&refused).contains("is open for editing by other.clerk"), "{}", stderr(&refused));
        let upgrade = run(&["upgrade", path.to_str().unwrap()]);
        assert_eq!(upgrade.status.code(), Some(1));
    }
    // A lock file that cannot be read is held by someone unknown, not ignored.
    std::fs::write(folder.join("northmoor.ron.lock"), "").unwrap();
    let unreadable = import(&path);
    assert_eq!(unreadable.status.code(), Some(1));
    assert!(stderr(&unreadable).contains("is open for editing by someone"), "{}", stderr(&unreadable));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn an_import_of_nothing_leaves_the_board_its_backup_and_its_history_alone() {
    let (folder, path) = writable_sample("import-nothing");
    let before = std::fs::read(&path).unwrap();
    let sheet = folder.join("empty.csv");
    std::fs::write(&sheet, "Ref,Action,Lead officer,Timescale\n").unwrap();
    let output = run(&["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).contains("empty.csv has no actions to import: the board is unchanged."),
        "{}",
        stdout(&output)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "not rewritten");
    assert!(!folder.join("northmoor.ron.bak").exists(), "no backup replaced");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_board_saved_by_notepad_with_a_byte_order_mark_checks_clean_and_is_saved_without_it() {
    let (folder, path) = writable_sample("bom");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, &bytes).unwrap();
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut board = improvement_board::board_file::load(&path).unwrap();
    board.title.push_str(" (saved)");
    improvement_board::board_file::save(&board, &path).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"Board("), "written without the mark");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_date_outside_the_years_a_board_holds_is_refused_at_its_line() {
    let (folder, path) = writable_sample("year-zero");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("due: \"2026-06-30\"", "due: \"0000-06-30\"", 1)).unwrap();
    let output = run(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("`0000-06-30` is outside the years a board can hold (1900 to 2199): is the year mistyped?"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("northmoor.ron:"), "placed at its line and column");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_stale_lock_is_broken_with_a_warning_and_the_import_lands() {
    let (folder, path) = writable_sample("stale");
    // A lock left by a process that has ended (pid 4194304 is past Linux's largest).
    let lock = format!(
        "user: gone.clerk\nhost: {}\npid: 4194304\nsince: 2026-11-20T09:00:00\n",
        improvement_board::board_file::lock::host_name()
    );
    std::fs::write(folder.join("northmoor.ron.lock"), lock).unwrap();
    let sheet = board("tests/sheets/lowfield-plan.xlsx");
    let output = run(&["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--keep-going"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: ") && stderr(&output).contains("gone.clerk"), "{}", stderr(&output));
    assert!(stdout(&output).contains("Imported"), "{}", stdout(&output));
    assert!(!folder.join("northmoor.ron.lock").exists(), "the lock is let go afterwards");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_summary_as_at_a_past_date_is_what_the_board_knew_then() {
    let summary = |today: &str| stdout(&run(&["summary", "sample_data/northmoor.ron", "--today", today]));
    let long_ago = summary("1900-01-01");
    let far_ahead = summary("2199-12-31");
    assert_ne!(long_ago.lines().skip(2).collect::<Vec<_>>(), far_ahead.lines().skip(2).collect::<Vec<_>>());
    assert!(long_ago.contains("Not rated"), "{long_ago}");
    // At the date of meeting 2 the ratings of meetings 3 to 5 had not been given.
    let at_meeting_2 = summary("2026-06-23");
    let at_meeting_5 = summary("2026-10-27");
    assert_ne!(at_meeting_2, at_meeting_5);
}

#[test]
fn imports_run_at_the_same_moment_never_lose_one_that_said_it_landed() {
    let (folder, path) = writable_sample("race");
    // Four sheets, each with its own recommendation and actions, started together.
    let sheets: Vec<PathBuf> = (1..=4)
        .map(|n| {
            let sheet = folder.join(format!("sheet{n}.csv"));
            let rows: String = (1..=3)
                .map(|a| format!("R{n}0,Recommendation {n}0 in words,Race action {n}-{a},Sarah Whitfield,31/03/2027\n"))
                .collect();
            std::fs::write(&sheet, format!("Recommendation no.,Recommendation,Action,Lead officer,Due date\n{rows}"))
                .unwrap();
            sheet
        })
        .collect();
    // All spawned before any is waited for, so they overlap.
    let children: Vec<_> = sheets
        .iter()
        .map(|sheet| {
            Command::new(env!("CARGO_BIN_EXE_improvement-board"))
                .args(["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--keep-going"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
    let board = improvement_board::board_file::load(&path).unwrap();
    let mut landed = 0;
    for (n, output) in outputs.into_iter().enumerate() {
        let mine = |a: usize| board.actions.iter().any(|x| x.title == format!("Race action {}-{a}", n + 1));
        match output.status.code() {
            Some(0) => {
                landed += 1;
                assert!((1..=3).all(mine), "import {} said it landed: its actions are in the board", n + 1);
            }
            Some(1) => {
                assert!(stderr(&output).contains("is open for editing"), "refused for the lock: {}", stderr(&output));
                assert!(!(1..=3).any(mine), "a refused import wrote nothing");
            }
            other => panic!("import {} ended {other:?}: {}", n + 1, stderr(&output)),
        }
    }
    eprintln!("{landed} of 4 imports landed; the rest were refused for the lock");
    assert!(landed >= 1);
    let _ = std::fs::remove_dir_all(&folder);
}

#[cfg(unix)]
#[test]
fn a_command_that_writes_keeps_the_boards_permissions_writes_through_a_link_and_refuses_a_read_only_board() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let (folder, path) = writable_sample("permissions");
    let sheet = board("tests/sheets/lowfield-plan.xlsx");
    let import =
        |board: &Path| run(&["import", sheet.to_str().unwrap(), "--into", board.to_str().unwrap(), "--keep-going"]);

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let kept = import(&path);
    assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
    assert_eq!(mode(&path), 0o600, "the board stays private to its owner");
    assert_eq!(mode(&folder.join("northmoor.ron.bak")), 0o600, "and so does its backup");

    // A board reached through a link: the real file is written, the link stays a link.
    let link = folder.join("linked.ron");
    symlink(&path, &link).unwrap();
    let before = std::fs::read(&path).unwrap();
    let through = run(&["upgrade", link.to_str().unwrap()]);
    assert_eq!(through.status.code(), Some(0), "{}", stderr(&through));
    let again = import(&link);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert_ne!(std::fs::read(&path).unwrap(), before, "the real file took the import");

    // A read-only board is refused and left as it was.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let refused = import(&path);
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    assert!(stderr(&refused).contains("read-only"), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(mode(&path), 0o444);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_command_that_writes_refuses_a_board_with_unsaved_work_not_yet_offered_back() {
    use improvement_board::session::recovery::{RecoveryInfo, recovery_path, write_recovery};
    let (folder, path) = writable_sample("recovery-waiting");
    let mut left = improvement_board::board_file::load(&path).unwrap();
    left.title.push_str(" (changed, not saved)");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let info =
        RecoveryInfo { written: improvement_board::model::Moment::parse("2026-12-08T14:30:00").unwrap(), changes: 3 };
    write_recovery(&recovery_path(&path), &left, &info).unwrap();
    let before = std::fs::read(&path).unwrap();
    let sheet = board("tests/sheets/lowfield-plan.xlsx");
    let output = run(&["import", sheet.to_str().unwrap(), "--into", path.to_str().unwrap(), "--keep-going"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("has 3 unsaved changes left by a copy of the app that stopped"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(recovery_path(&path).exists(), "the recovery file is kept");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn papers_says_when_to_publish_and_what_is_missing_or_late() {
    use improvement_board::model::{ItemKind, Paper};
    let (folder, path) = writable_sample("papers");
    let mut board = improvement_board::board_file::load(&path).unwrap();
    let officer = board.people[0].id.clone();
    let meeting = board.meetings.iter_mut().find(|m| m.number == 6).unwrap();
    let others: Vec<usize> =
        meeting.items.iter().enumerate().filter(|(_, i)| i.kind == ItemKind::Other).map(|(n, _)| n).collect();
    meeting.items[others[0]].presenter = Some(officer);
    let late = others[1];
    std::fs::create_dir_all(folder.join("papers/m6")).unwrap();
    std::fs::write(folder.join("papers/m6/aob.pdf"), lopdf_minimal()).unwrap();
    meeting.items[late].papers = vec![Paper {
        title: "Note on the December board".into(),
        file: "papers/m6/aob.pdf".into(),
        received: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()),
    }];
    improvement_board::board_file::save(&board, &path).unwrap();

    let before = run(&["papers", path.to_str().unwrap(), "--meeting", "6", "--today", "2026-11-25"]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    let text = stdout(&before);
    assert!(text.starts_with("Meeting 6 on Tuesday 8 December 2026: the papers are published by Monday 30 November 2026 (5 clear working days before).\n3 working days from today."), "{text}");
    assert!(text.contains("MISSING: a paper is expected from"), "{text}");
    assert!(text.contains("\"Note on the December board\" (papers/m6/aob.pdf), received 3 December 2026: late, goes in a supplementary pack"), "{text}");
    assert!(text.ends_with("1 paper missing, 1 paper late.\n"), "{text}");
    let after = run(&["papers", path.to_str().unwrap(), "--meeting", "6", "--today", "2026-12-01"]);
    assert_eq!(after.status.code(), Some(1), "a paper still missing after the date");
    assert!(stdout(&after).contains("That was 1 working day ago."), "{}", stdout(&after));
    let _ = std::fs::remove_dir_all(&folder);
}

/// The smallest PDF a paper can be.
fn lopdf_minimal() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

#[test]
fn output_piped_into_a_reader_that_has_gone_never_panics_and_the_import_still_lands() {
    let folder = std::env::temp_dir().join(format!("ib-cli-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let board = folder.join("board.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boards/new-board.ron"), &board).unwrap();
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/hillcrest-dates.xlsx");
    // As `improvement-board … | head -1`: the reading end is closed before a line is written.
    for args in [
        vec!["summary", "sample_data/northmoor.ron"],
        vec!["import", sheet.to_str().unwrap(), "--into", board.to_str().unwrap(), "--keep-going", "--month-end"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_improvement-board"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
    assert_eq!(improvement_board::board_file::load(&board).unwrap().actions.len(), 7, "what was asked was done");
    std::fs::remove_dir_all(&folder).ok();
}
