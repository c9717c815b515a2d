//! The app in a real window, driven by the keyboard as a chair and clerk drive it: an X
//! server (Xvfb) with a window manager (openbox), keys sent by `xdotool` at a person's pace
//! and faster, and the saved board read afterwards. It found what egui_kittest could not
//! (a note that kept the keyboard after Ctrl+Enter, characters lost to an Esc in the same
//! frame, a crashed meeting's work not offered back).
//!
//! Needs Xvfb, openbox and xdotool (`.ci/run` installs them); where they are missing the
//! test says so and passes. `IMPROVEMENT_BOARD_BIN` names the binary to drive (`scripts/test`
//! sets the release build); otherwise the one cargo built for the tests. Screenshots of
//! each step go to `target/real-window/` when ImageMagick's `import` is there.

#![cfg(all(feature = "gui", target_os = "linux"))]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use improvement_board::board_file;
use improvement_board::model::{Board, Rag};

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

/// Why the real-window test cannot run here, if it cannot.
fn cannot_run() -> Option<String> {
    let missing: Vec<&str> = ["Xvfb", "openbox", "xdotool"].into_iter().filter(|t| !on_path(t)).collect();
    (!missing.is_empty()).then(|| format!("skipped: {} not installed (.ci/run installs them)", missing.join(", ")))
}

/// An X display of our own with a window manager, torn down when dropped.
struct Display {
    number: u32,
    processes: Vec<Child>,
}

impl Display {
    fn start(number: u32) -> Display {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let _ = std::fs::remove_file(&socket);
        let xvfb = Command::new("Xvfb")
            .args([&format!(":{number}"), "-screen", "0", "1400x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        wait_for(|| socket.exists(), "the X server");
        let wm = Command::new("openbox")
            .env("DISPLAY", format!(":{number}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox starts");
        std::thread::sleep(Duration::from_millis(500));
        Display { number, processes: vec![xvfb, wm] }
    }

    fn name(&self) -> String {
        format!(":{}", self.number)
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let output = Command::new("xdotool").args(args).env("DISPLAY", self.name()).output().expect("xdotool runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Keys, as a keyboard sends them, `delay` ms apart.
    fn keys(&self, keys: &[&str], delay: u64) {
        let delay = delay.to_string();
        let mut args = vec!["key", "--delay", &delay];
        args.extend_from_slice(keys);
        self.xdotool(&args);
    }

    /// Text typed `delay` ms a character.
    fn type_text(&self, text: &str, delay: u64) {
        self.xdotool(&["type", "--delay", &delay.to_string(), text]);
    }

    fn screenshot(&self, name: &str) {
        if !on_path("import") {
            return;
        }
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/real-window");
        let _ = std::fs::create_dir_all(&folder);
        let _ = Command::new("import")
            .args(["-window", "root", folder.join(format!("{name}.png")).to_str().unwrap()])
            .env("DISPLAY", self.name())
            .status();
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        for process in self.processes.iter_mut().rev() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

fn wait_for(done: impl Fn() -> bool, what: &str) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(30), "{what} did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The app on `board` in `display`, its window found and given the keyboard.
struct RunningApp {
    child: Child,
}

impl RunningApp {
    fn start(display: &Display, board: &Path) -> RunningApp {
        let binary = std::env::var_os("IMPROVEMENT_BOARD_BIN")
            .filter(|b| !b.is_empty())
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_improvement-board").into());
        let runtime = board.parent().unwrap().join("runtime");
        let _ = std::fs::create_dir_all(&runtime);
        let child = Command::new(binary)
            .arg(board)
            .env("DISPLAY", display.name())
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("HOME", board.parent().unwrap())
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the app starts");
        let window = || display.xdotool(&["search", "--onlyvisible", "--name", "Improvement board"]);
        wait_for(|| !window().trim().is_empty(), "the app's window");
        let id = window().lines().next().unwrap_or_default().trim().to_string();
        display.xdotool(&["windowactivate", "--sync", &id]);
        // The first frames: fonts, layout.
        std::thread::sleep(Duration::from_millis(1200));
        RunningApp { child }
    }

    /// Quits as a person does (Ctrl+Q) and waits for it to end.
    fn quit(mut self, display: &Display) {
        display.keys(&["ctrl+q"], 50);
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops it as a flat battery does.
    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn board_copy(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("ib-real-window-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("northmoor.ron");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/northmoor.ron"), &path).unwrap();
    path
}

/// The board as saved, once the save has landed (a slow machine under load may take a
/// while to work through keys typed at 5 ms each).
fn saved(path: &Path, before: &Board) -> Board {
    let start = Instant::now();
    loop {
        if let Ok(board) = board_file::load(path)
            && (board != *before || start.elapsed() > Duration::from_secs(20))
        {
            return board;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The actions in the order the walk-through takes them.
fn walk_order(board: &Board) -> Vec<String> {
    board.actions_in_plan_order().iter().map(|a| a.id.clone()).collect()
}

/// The chair's rhythm: N, note, Ctrl+Enter, J, G, N, note, Ctrl+Enter, Ctrl+S.
fn chairs_rhythm(display: &Display, delay: u64, label: &str) {
    let path = board_copy(&format!("rhythm-{label}"));
    let before = board_file::load(&path).unwrap();
    let order = walk_order(&before);
    let app = RunningApp::start(display, &path);
    display.keys(&["ctrl+3"], delay);
    display.screenshot(&format!("{label}-1-meeting"));
    display.keys(&["n"], delay);
    display.type_text("Backlog cleared in November.", delay);
    display.keys(&["ctrl+Return", "j", "g", "n"], delay);
    display.type_text("On track: audit shows 92%.", delay);
    display.keys(&["ctrl+Return"], delay);
    display.screenshot(&format!("{label}-2-rated"));
    display.keys(&["ctrl+s"], delay);
    let board = saved(&path, &before);
    let first = board.action(&order[0]).unwrap().rating_at(6).expect("the first action rated at meeting 6");
    assert_eq!(first.note, "Backlog cleared in November.", "{label}: nothing typed afterwards reached it");
    let second = board.action(&order[1]).unwrap().rating_at(6).expect("the second action rated at meeting 6");
    assert_eq!((second.rag, second.note.as_str()), (Rag::Green, "On track: audit shows 92%."), "{label}");
    app.quit(display);
}

/// R with its reason, then G: the change of an agreed rating asks why, and "Changed…" is
/// the reason, never ratings.
fn re_rating(display: &Display, delay: u64, label: &str) {
    let path = board_copy(&format!("re-rate-{label}"));
    let before = board_file::load(&path).unwrap();
    let first = walk_order(&before)[0].clone();
    let app = RunningApp::start(display, &path);
    display.keys(&["ctrl+3", "r"], delay);
    display.type_text("Slipped again.", delay);
    display.keys(&["ctrl+Return", "g"], delay);
    display.type_text("Changed after approval.", delay);
    display.screenshot(&format!("{label}-re-rating"));
    display.keys(&["ctrl+Return", "ctrl+s"], delay);
    let board = saved(&path, &before);
    let rated = board.action(&first).unwrap().rating_at(6).expect("rated at meeting 6");
    assert_eq!((rated.rag, rated.note.as_str()), (Rag::Green, "Changed after approval."), "{label}");
    app.quit(display);
}

/// D, the date, Tab, the reason, Ctrl+Enter.
fn re_dating(display: &Display, delay: u64) {
    let path = board_copy("re-date");
    let before = board_file::load(&path).unwrap();
    let first = walk_order(&before)[0].clone();
    let app = RunningApp::start(display, &path);
    display.keys(&["ctrl+3", "d"], delay);
    display.type_text("31/03/2027", delay);
    display.keys(&["Tab"], delay);
    display.type_text("Partnership sign-off moved to March.", delay);
    display.keys(&["ctrl+Return"], delay);
    display.screenshot("re-dated");
    display.keys(&["ctrl+s"], delay);
    let board = saved(&path, &before);
    let action = board.action(&first).unwrap();
    assert_eq!(action.due.to_string(), "2027-03-31");
    assert_eq!(action.redated.last().unwrap().reason, "Partnership sign-off moved to March.");
    app.quit(display);
}

/// A meeting's work, then the app killed; started again, the board is taken over and the
/// recovery file is kept, not written over, until the person answers.
fn crash_and_restart(display: &Display) {
    let path = board_copy("crash");
    let recovery = path.with_file_name("northmoor.ron.recovery");
    let app = RunningApp::start(display, &path);
    display.keys(&["ctrl+3", "r"], 60);
    display.type_text("Escalated to the partnership.", 30);
    display.keys(&["ctrl+Return"], 60);
    // The autosave comes within two seconds.
    std::thread::sleep(Duration::from_millis(2000));
    assert!(recovery.exists(), "the rating reached the recovery file");
    let written = std::fs::read(&recovery).unwrap();
    app.kill();
    assert!(path.with_file_name("northmoor.ron.lock").exists(), "a killed copy leaves its lock");

    let again = RunningApp::start(display, &path);
    display.screenshot("crash-restarted");
    let lock = std::fs::read_to_string(path.with_file_name("northmoor.ron.lock")).unwrap();
    assert!(lock.contains(&format!("pid: {}", again.child.id())), "the new copy took the lock over: {lock}");
    // Keys pressed while the offer is open change nothing, and the file stays as it was.
    display.keys(&["g", "b"], 60);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(std::fs::read(&recovery).unwrap(), written, "the recovery file is not written over");
    again.kill();
}

#[test]
fn a_meeting_run_from_the_keyboard_in_a_real_window() {
    if let Some(why) = cannot_run() {
        println!("real window: {why}");
        return;
    }
    let display = Display::start(90 + std::process::id() % 50);
    chairs_rhythm(&display, 80, "person");
    chairs_rhythm(&display, 10, "fast");
    re_rating(&display, 80, "person");
    re_rating(&display, 10, "fast");
    re_dating(&display, 40);
    crash_and_restart(&display);
}
