//! Starting the app window: preferences restored, the board opened, eframe run.

use std::path::PathBuf;
use std::process::ExitCode;

use eframe::egui;

use super::{App, LoadFailure, Preferences, dialogs::NativeDialogs};
use crate::session::{Clock, Session};

/// Set to measure start-up: the app prints the time to its first frame and closes.
const FIRST_FRAME_VARIABLE: &str = "IMPROVEMENT_BOARD_TIME_FIRST_FRAME";

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if let Some(started) = self.started.take()
            && std::env::var_os(FIRST_FRAME_VARIABLE).is_some()
        {
            println!("first frame after {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.held_keys.order(raw_input) {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Preferences::STORAGE_KEY, &self.prefs);
    }
}

/// Opens `path`, or the embedded sample when there is none.
pub fn open_session(path: Option<&PathBuf>) -> Result<Session, LoadFailure> {
    let Some(path) = path else { return Ok(Session::sample(Clock::System)) };
    Session::open(path, Clock::System).map_err(|error| LoadFailure {
        name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into()),
        problems: error.lines(),
    })
}

/// Opens the app window on `path` (or the sample board) and runs until it is closed.
pub fn run(path: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let doc = open_session(path.as_ref());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Improvement board")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([800.0, 520.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "improvement-board",
        options,
        Box::new(move |cc| {
            let mut app = App::new(doc, crate::session::Clock::System.today(), Box::new(NativeDialogs));
            app.started = Some(started);
            if let Some(prefs) = cc.storage.and_then(|s| eframe::get_value::<Preferences>(s, Preferences::STORAGE_KEY))
            {
                app.prefs = prefs;
            }
            if let Some(path) = &path {
                app.prefs.remember(path);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("improvement-board: the window could not be opened: {error}");
            ExitCode::from(1)
        }
    }
}
