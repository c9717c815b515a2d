//! The desktop app (egui): opens a board and shows it. Views ask the model for every fact
//! they show; nothing here counts or filters the board itself.

mod overview;
mod widgets;

use eframe::egui;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::board_file;
use crate::model::Board;
use crate::sample;

/// What the window has open.
pub enum Opened {
    /// A board that loaded; `name` is what the title bar shows.
    Board { board: Board, name: String, is_sample: bool },
    /// A file that could not be loaded, with every problem as `FILE:LINE:COL: message`.
    Failed { name: String, problems: Vec<String> },
}

impl Opened {
    /// Opens `path`, or the embedded sample board when there is none.
    pub fn open(path: Option<PathBuf>) -> Opened {
        let Some(path) = path else {
            return Opened::Board { board: sample::sample_board(), name: sample::SAMPLE_NAME.into(), is_sample: true };
        };
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        match board_file::load(&path) {
            Ok(board) => Opened::Board { board, name, is_sample: false },
            Err(error) => Opened::Failed { name, problems: error.lines() },
        }
    }
}

/// The app: one open board (or the reasons it would not open) and the date it reports as at.
pub struct App {
    pub opened: Opened,
    pub today: NaiveDate,
}

impl App {
    pub fn new(opened: Opened, today: NaiveDate) -> App {
        App { opened, today }
    }

    fn title(&self) -> String {
        match &self.opened {
            Opened::Board { name, .. } | Opened::Failed { name, .. } => format!("{name} — Improvement board"),
        }
    }

    /// Draws one frame; separate from eframe so tests can drive it headlessly.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        ui.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
        egui::CentralPanel::default().show(ui, |ui| match &self.opened {
            Opened::Board { board, is_sample, .. } => {
                if *is_sample {
                    ui.label("This is the sample board for a fictional council. Save as… to keep your changes.");
                    ui.separator();
                }
                overview::overview_ui(ui, board, self.today);
            }
            Opened::Failed { name, problems } => {
                ui.heading(format!("{name} could not be opened"));
                ui.label("Fix these lines in the file, then open it again:");
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for line in problems {
                        ui.monospace(line);
                    }
                });
            }
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Opens the app window on `path` (or the sample board) and runs until it is closed.
pub fn run(path: Option<PathBuf>) -> ExitCode {
    let app = App::new(Opened::open(path), crate::cli::local_today());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 820.0]).with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    match eframe::run_native("improvement-board", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("improvement-board: the window could not be opened: {error}");
            ExitCode::from(1)
        }
    }
}
