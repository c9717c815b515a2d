//! Nothing lost: a session killed with SIGKILL mid-stream hundreds of times, two copies
//! of the app opening one board, and the app's own autosave and recovery.
//!
//! Child processes are this test binary run again with an environment variable naming
//! the part they play.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::NaiveDate;
use improvement_board::board_file::{
    self,
    lock::{BoardLock, LockError, LockHolder},
};
use improvement_board::edit::{Edit, History};
use improvement_board::model::{Moment, Rag};
use improvement_board::sample::sample_board;
use improvement_board::session::recovery::{self, RecoveryInfo, recovery_path};

const ROLE: &str = "IMPROVEMENT_BOARD_TEST_ROLE";
const BOARD: &str = "IMPROVEMENT_BOARD_TEST_BOARD";

fn folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-reliability-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

fn child(test: &str, role: &str, board: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(BOARD, board)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn at() -> Moment {
    Moment::parse("2026-12-08T14:30:00").unwrap()
}

/// The child's part in the kill test: edit, autosave, sometimes save, and say "ack N"
/// once edit N is on disk — in the board or in its recovery file.
#[test]
fn session_that_is_killed() {
    if std::env::var(ROLE).as_deref() != Ok("session") {
        return;
    }
    let path = PathBuf::from(std::env::var(BOARD).unwrap());
    let mut board = board_file::load(&path).unwrap();
    let mut history = History::new();
    let ratings = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue];
    let actions: Vec<String> = board.actions.iter().map(|a| a.id.clone()).collect();
    let mut out = std::io::stdout();
    for n in 1.. {
        let edit = Edit::RateAction {
            action: actions[n % actions.len()].clone(),
            meeting: 6,
            date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            rag: ratings[n % 4],
            impact: None,
            note: format!("Edit {n}"),
            by: None,
        };
        assert_eq!(history.apply(&mut board, edit, "tester", at()).unwrap(), improvement_board::edit::Applied::Changed);
        if n % 7 == 0 {
            let saved = history.board_to_save(&board);
            board_file::save(&saved, &path).unwrap();
            history.mark_saved(&mut board, saved);
            recovery::discard_recovery(&path);
        } else {
            let info = RecoveryInfo { written: at(), changes: history.unsaved_count() };
            recovery::write_recovery(&recovery_path(&path), &history.board_to_save(&board), &info).unwrap();
        }
        writeln!(out, "ack {n}").unwrap();
        out.flush().unwrap();
    }
}

/// Edits that reached the disk: counted from the audit trail of the board and of its
/// recovery file, whichever holds more.
fn durable_edits(path: &Path, initial: usize) -> usize {
    let board = board_file::load(path).expect("the board file always loads");
    let recovered = std::fs::metadata(recovery_path(path))
        .is_ok()
        .then(|| recovery::read_recovery(&recovery_path(path)).expect("a recovery file that exists always loads"));
    let in_board = board.history.len() - initial;
    let in_recovery = recovered.map_or(0, |(b, _)| b.history.len() - initial);
    in_board.max(in_recovery)
}

#[test]
fn killing_the_session_mid_edit_never_loses_an_acknowledged_edit() {
    let kills: usize = std::env::var("KILL_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let folder = folder("kill");
    let path = folder.join("board.ron");
    let initial = sample_board().history.len();
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    for round in 0..kills {
        board_file::save(&sample_board(), &path).unwrap();
        recovery::discard_recovery(&path);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait_for = 1 + (seed % 30) as usize;
        let mut session = child("session_that_is_killed", "session", &path);
        let mut lines = BufReader::new(session.stdout.take().unwrap()).lines();
        let mut acknowledged = 0;
        // The test harness prints its own lines first; the session's start with "ack ".
        while acknowledged < wait_for {
            let line = lines.next().expect("the session runs").unwrap();
            // With --nocapture the harness's "test … ... " may share the first line.
            if let Some((_, n)) = line.rsplit_once("ack ") {
                acknowledged = n.parse().unwrap();
            }
        }
        session.kill().unwrap(); // SIGKILL on Unix: no destructors, no flushing.
        session.wait().unwrap();
        let durable = durable_edits(&path, initial);
        assert!(durable >= acknowledged, "round {round}: {acknowledged} acknowledged but only {durable} on disk");
        let leftovers: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        for stale in leftovers {
            // A temporary file cut off by the kill is harmless: it never replaced anything.
            std::fs::remove_file(stale.path()).unwrap();
        }
    }
}

/// The child's part in the lock test: hold the board until told to stop (or killed).
#[test]
fn copy_that_holds_the_lock() {
    if std::env::var(ROLE).as_deref() != Ok("holder") {
        return;
    }
    let path = PathBuf::from(std::env::var(BOARD).unwrap());
    let me = LockHolder::me("other.clerk", chrono::Local::now().naive_local());
    let _lock = BoardLock::acquire(&path, &me).expect("the first copy gets the lock");
    println!("locked");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).unwrap();
}

#[test]
fn a_second_copy_opens_read_only_and_a_dead_holder_can_be_broken() {
    let folder = folder("lock");
    let path = folder.join("board.ron");
    board_file::save(&sample_board(), &path).unwrap();
    let mut holder = child("copy_that_holds_the_lock", "holder", &path);
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.unwrap().ends_with("locked")), "the first copy takes the lock");

    let me = LockHolder::me("k.morgan", chrono::Local::now().naive_local());
    match BoardLock::acquire(&path, &me) {
        Err(LockError::Held(h)) => {
            assert_eq!((h.user.as_str(), h.pid), ("other.clerk", holder.id()));
            assert!(!h.is_stale(chrono::Local::now().naive_local()), "its process runs");
        }
        other => panic!("the second copy must not get the lock: {other:?}"),
    }
    let app = improvement_board::app::App::new(
        improvement_board::app::open_session(Some(&path)),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        Box::new(improvement_board::app::dialogs::ScriptedDialogs::default()),
    );
    let holder_words = app.doc.as_ref().unwrap().read_only.as_ref().map(|h| h.user.clone());
    assert_eq!(holder_words.as_deref(), Some("other.clerk"), "the app opens it read-only, naming who holds it");

    holder.kill().unwrap();
    holder.wait().unwrap();
    let left = BoardLock::holder(&path).expect("a killed copy leaves its lock behind");
    assert!(left.is_stale(chrono::Local::now().naive_local()), "its process is gone");
    let lock = BoardLock::break_and_acquire(&path, &left, &me).expect("a stale lock can be broken");
    assert_eq!(BoardLock::holder(&path).unwrap().user, "k.morgan");
    drop(lock);
    assert!(BoardLock::holder(&path).is_none(), "closing releases the lock");
}

#[test]
fn the_app_autosaves_within_two_seconds_and_offers_the_changes_back() {
    use eframe::egui::Key;
    use egui_kittest::{Harness, kittest::Queryable};
    use improvement_board::app::{App, dialogs::ScriptedDialogs, open_session};

    let folder = folder("autosave");
    let path = folder.join("board.ron");
    board_file::save(&sample_board(), &path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let open = |p: &Path| App::new(open_session(Some(&p.to_path_buf())), today, Box::new(ScriptedDialogs::default()));
    {
        let mut harness =
            Harness::builder().with_size([1400.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), open(&path));
        harness.get_by_label("Meeting").click();
        harness.run();
        harness.key_press(Key::B); // 1.1 Blue again at meeting 6: no reason needed.
        harness.run();
        assert!(harness.state().is_dirty());
        std::thread::sleep(std::time::Duration::from_millis(1500));
        harness.run();
        let (recovered, info) = recovery::read_recovery(&recovery_path(&path)).expect("written within two seconds");
        assert_eq!(info.changes, 1);
        assert_eq!(recovered.action("1.1").unwrap().rating_at(6).map(|u| u.rag), Some(Rag::Blue));
        // The window is "killed" here: dropped without saving.
        std::mem::forget(harness);
    }
    // The killed copy's lock would still be there; a new run breaks it as stale only when its
    // process is gone, so this test (same process) finds its own lock and is let in.
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), open(&path));
    harness.run();
    harness.get_by_label("Unsaved changes were found");
    harness.get_by_label("Restore the changes").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.board().unwrap().action("1.1").unwrap().rating_at(6).map(|u| u.rag), Some(Rag::Blue));
    assert!(app.is_dirty(), "restored changes are unsaved until saved");
}

/// A process id that was running a moment ago and is not now.
fn a_dead_process() -> u32 {
    let mut gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    pid
}

#[test]
fn after_a_crash_the_board_is_taken_over_and_the_meetings_work_is_offered_back_before_any_edit() {
    use eframe::egui::Key;
    use egui_kittest::{Harness, kittest::Queryable};
    use improvement_board::app::{App, dialogs::ScriptedDialogs, open_session};
    use improvement_board::model::Change;

    let folder = folder("crashed");
    let path = folder.join("board.ron");
    board_file::save(&sample_board(), &path).unwrap();
    // What the crashed copy left: its lock (this machine, its process gone) and, written
    // after the last save, its recovery file with two changes.
    let lock = format!(
        "user: k.morgan\nhost: {}\npid: {}\nsince: 2026-12-08T14:02:00\n",
        board_file::lock::host_name(),
        a_dead_process()
    );
    std::fs::write(board_file::lock::lock_path(&path), lock).unwrap();
    let mut left = sample_board();
    let date = left.meeting(6).unwrap().date;
    left.actions[0].updates.push(improvement_board::model::Update {
        date,
        meeting: Some(6),
        rag: Rag::Blue,
        impact: None,
        note: "Backlog cleared in November.".into(),
        by: None,
    });
    for what in ["Action 1.1 rated Blue at meeting 6", "Notes of item 2 of meeting 6 edited"] {
        left.history.push(Change { at: at(), by: "k.morgan".into(), what: what.into(), about: None });
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    let info = RecoveryInfo { written: at(), changes: 2 };
    recovery::write_recovery(&recovery_path(&path), &left, &info).unwrap();
    let recovery_before = std::fs::read(recovery_path(&path)).unwrap();

    let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let app = App::new(open_session(Some(&path)), today, Box::new(ScriptedDialogs::default()));
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    let app = harness.state();
    assert!(app.doc.as_ref().unwrap().read_only.is_none(), "not read-only: the other copy is gone");
    assert!(
        app.status.contains("had this board open since 14:02 on 8 December 2026 (k.morgan) is no longer running: it may have closed unexpectedly"),
        "{}",
        app.status
    );
    assert_eq!(BoardLock::holder(&path).unwrap().pid, std::process::id(), "this copy holds the lock now");
    harness.get_by_label("Unsaved changes were found");
    harness.get_by_label_contains("Action 1.1 rated Blue at meeting 6");
    harness.get_by_label_contains("Notes of item 2 of meeting 6 edited");

    // Keys pressed while it is asked change nothing, and the file is not written over.
    harness.key_press(Key::R);
    harness.run();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    harness.run();
    assert!(!harness.state().is_dirty(), "nothing changed before the answer");
    assert_eq!(
        std::fs::read(recovery_path(&path)).unwrap(),
        recovery_before,
        "the recovery file is as the crash left it"
    );

    harness.get_by_label("Restore the changes").click();
    harness.run();
    let board = harness.state().board().unwrap();
    assert_eq!(board.actions[0].updates.last().unwrap().note, "Backlog cleared in November.");
    assert!(harness.state().is_dirty(), "restored, unsaved until saved");
}

#[test]
fn a_clean_close_after_an_edit_is_undone_leaves_no_recovery_file() {
    use eframe::egui::{Key, Modifiers};
    use egui_kittest::{Harness, kittest::Queryable};
    use improvement_board::app::{App, dialogs::ScriptedDialogs, open_session};

    let folder = folder("clean-close");
    let path = folder.join("board.ron");
    board_file::save(&sample_board(), &path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let app = App::new(open_session(Some(&path)), today, Box::new(ScriptedDialogs::default()));
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.get_by_label("Meeting").click();
    harness.run();
    harness.key_press(Key::B);
    harness.run();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    harness.run();
    assert!(recovery_path(&path).exists(), "the edit was autosaved");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().is_dirty());
    drop(harness);
    assert!(!recovery_path(&path).exists(), "closed with nothing unsaved: nothing to offer next time");
}
