//! The desktop app (egui). Views ask the model for every fact they show and hand back
//! [`Intent`]s, which run once the frame is drawn. As rerun splits its app: this file
//! holds the state, `ui` draws the frame around the views, `logic` changes the state
//! (edits through the session, answers to questions), and `command_handling` runs
//! commands and intents. The open board is a core [`Session`]; the app never touches
//! the file itself.

mod action_log;
mod as_at;
mod chooser;
mod command_handling;
mod commands;
mod date_picker;
pub mod dialogs;
mod export;
mod figures_import;
mod fonts;
mod import;
mod indicators;
mod keys_in_order;
mod launch;
mod logic;
mod meeting;
mod overview;
mod people;
mod plan;
mod prefs;
pub mod presenter;
mod ui;
mod widgets;
mod write;

pub use crate::session::{Clock, Session, editor_name};
pub use commands::AppCommand;
pub use launch::{open_session, run};
pub use prefs::Preferences;

use std::path::PathBuf;

use chrono::NaiveDate;
use eframe::egui;

use crate::edit::Edit;

/// The app's views, one per panel of the left navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Plan,
    Meeting,
    ActionLog,
    Indicators,
    People,
}

impl View {
    pub const ALL: [View; 6] =
        [View::Overview, View::Plan, View::Meeting, View::ActionLog, View::Indicators, View::People];

    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Plan => "Statement of action",
            View::Meeting => "Meeting",
            View::ActionLog => "Action log",
            View::Indicators => "Indicators",
            View::People => "People",
        }
    }

    fn key(self) -> egui::Key {
        use egui::Key::*;
        [Num1, Num2, Num3, Num4, Num5, Num6][View::ALL.iter().position(|v| *v == self).unwrap_or(0)]
    }
}

/// What a view asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    Edit(Edit),
    Command(AppCommand),
    /// Show an action of the statement of action in its view.
    ShowAction(String),
    /// Ask for a paper (a PDF) to lay before the board for an agenda item.
    AttachPaper {
        meeting: u32,
        item: u32,
    },
    /// Show a meeting in the meeting view.
    ShowMeeting(u32),
    /// Show the board as at a date (`None`: today).
    SetAsAt(Option<chrono::NaiveDate>),
    /// Ask "Approve the minutes … as a correct record?" before the approval (an
    /// `Edit::ApproveMinutes`) is made: it cannot be undone.
    AskToApprove(Edit),
    /// Open a board from the recent list (asking first about unsaved changes).
    OpenRecent(PathBuf),
    /// Bring in the import the person confirmed, as one edit.
    FinishImport,
    /// The answer to "Save changes?": save, discard, or (`None`) cancel.
    AnswerSaveChanges(Option<bool>),
    /// The answer to the recovery offer: restore the unsaved changes, or discard them.
    AnswerRecovery(bool),
    /// Break another copy's stale lock, after the warning.
    BreakLock,
    /// The answer to "comments are not kept": keep a copy of the file first, save
    /// without one, or (`None`) do not save.
    AnswerComments(Option<bool>),
}

/// What to do once the person has answered "Save changes?".
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSaving {
    NewBoard,
    Open(Option<PathBuf>),
    Close,
    Quit,
}

/// A board that failed to load, with every problem as `FILE:LINE:COL: message`.
pub struct LoadFailure {
    pub name: String,
    pub problems: Vec<String>,
}

/// The whole app: the open document, what is on screen, and the person's preferences.
pub struct App {
    pub doc: Option<Session>,
    pub failure: Option<LoadFailure>,
    pub view: View,
    pub today: NaiveDate,
    pub prefs: Preferences,
    pub status: String,
    /// When the program started, until the first frame is drawn (for the start-up figure).
    pub started: Option<std::time::Instant>,
    /// The PDF last exported, for the "Open the PDF" link.
    pub last_export: Option<PathBuf>,
    dialogs: Box<dyn dialogs::FileDialogs>,
    /// The app's own file chooser, open where the system's dialog could not be.
    chooser: Option<chooser::Chooser>,
    /// The date the board is shown as at (View → As at…).
    pub as_at: as_at::AsAt,
    intents: Vec<Intent>,
    confirm: Option<AfterSaving>,
    quitting: bool,
    show_help: bool,
    show_audit: bool,
    /// Unsaved changes found in a recovery file, offered back when a board opens.
    pub recovery_offer: Option<(crate::model::Board, crate::session::recovery::RecoveryInfo)>,
    /// The person asked to break another copy's lock; the warning is showing.
    confirm_break_lock: bool,
    /// A save would drop the file's comments: the question is showing, with what to do
    /// once the board is saved.
    comments_question: Option<Option<AfterSaving>>,
    /// An approval of minutes waiting for the person to confirm it.
    approval_question: Option<Edit>,
    /// Commands that wait one frame for the field being typed in to hand over its text.
    after_next_draw: Vec<AppCommand>,
    /// Keys held back a frame so they are handled in the order typed.
    held_keys: keys_in_order::HeldKeys,
    /// The title last sent to the window, so it is sent only when it changes.
    shown_title: String,
    fonts_installed: bool,
    pub presenter_open: bool,
    overview: overview::OverviewState,
    plan: plan::PlanState,
    pub meeting: meeting::MeetingState,
    log: action_log::LogState,
    people: people::PeopleState,
    /// A spreadsheet import under way, until it is confirmed or cancelled.
    pub import: Option<import::ImportSession>,
    pub figures_import: Option<figures_import::FiguresImport>,
    indicators: indicators::IndicatorsState,
}

impl App {
    /// An app showing `doc` (or the reasons a file would not open), with the given dialogs.
    pub fn new(doc: Result<Session, LoadFailure>, today: NaiveDate, dialogs: Box<dyn dialogs::FileDialogs>) -> App {
        let (doc, failure) = match doc {
            Ok(doc) => (Some(doc), None),
            Err(failure) => (None, Some(failure)),
        };
        let mut app = App {
            doc,
            failure,
            view: View::Overview,
            today,
            prefs: Preferences::default(),
            status: String::new(),
            started: None,
            last_export: None,
            dialogs,
            chooser: None,
            as_at: Default::default(),
            intents: Vec::new(),
            confirm: None,
            quitting: false,
            show_help: false,
            show_audit: false,
            recovery_offer: None,
            confirm_break_lock: false,
            comments_question: None,
            approval_question: None,
            held_keys: Default::default(),
            after_next_draw: Vec::new(),
            shown_title: String::new(),
            fonts_installed: false,
            presenter_open: false,
            overview: Default::default(),
            plan: Default::default(),
            meeting: Default::default(),
            log: Default::default(),
            people: Default::default(),
            figures_import: None,
            indicators: Default::default(),
            import: None,
        };
        app.on_session_opened(false);
        app.on_board_opened();
        app
    }

    /// The app on the embedded sample board: what a test or a first run sees.
    pub fn with_sample(today: NaiveDate) -> App {
        App::new(Ok(Session::sample(Clock::System)), today, Box::new(dialogs::ScriptedDialogs::default()))
    }

    pub fn board(&self) -> Option<&crate::model::Board> {
        self.doc.as_ref().map(|d| &d.board)
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Session::is_dirty)
    }

    /// "northmoor.ron • — Improvement board": the file, and a dot when unsaved.
    pub fn window_title(&self) -> String {
        let name = match (&self.doc, &self.failure) {
            (Some(doc), _) => doc.name(),
            (None, Some(failure)) => failure.name.clone(),
            (None, None) => "No board open".into(),
        };
        let dot = if self.is_dirty() { " •" } else { "" };
        format!("{name}{dot} — Improvement board")
    }

    /// The clock the open board's session keeps time by (the computer's, unless a test
    /// fixed it).
    pub fn clock(&self) -> crate::session::Clock {
        self.doc.as_ref().map_or(crate::session::Clock::System, Session::clock)
    }

    pub fn editor(&self) -> String {
        editor_name(&self.prefs.user_name)
    }

    /// Draws one frame and runs what it asked for. Separate from eframe so tests can drive
    /// the real app headlessly.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            fonts::install(&ctx);
            self.fonts_installed = true;
        }
        self.prefs.apply_to(&ctx);
        self.take_dropped_files(&ctx);
        let in_meeting_view = self.meeting.walk_through_showing();
        let (asks_reason, on_commit) = match (&self.doc, in_meeting_view) {
            (Some(doc), true) => self.meeting.key_forecast(&doc.board, doc.version, self.today),
            _ => (vec![], None),
        };
        let walk_keys = commands::WalkKeys {
            showing: self.view == View::Meeting && in_meeting_view,
            showing_in_meeting_view: in_meeting_view,
            asks_reason: &asks_reason,
            on_commit,
        };
        let pressed = commands::pressed(&ctx, &walk_keys);
        self.meeting.typed_for_note.push_str(&pressed.note_text);
        // While unsaved work is being offered back, nothing may change the board first.
        if self.recovery_offer.is_none() {
            self.intents.extend(pressed.commands.into_iter().map(Intent::Command));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(AfterSaving::Quit);
        }

        ui::frame_ui(self, ui);
        if let Some(wait) = self.doc.as_mut().and_then(Session::autosave) {
            ctx.request_repaint_after(wait);
        }
        if self.presenter_open {
            presenter::presenter_viewport(self, &ctx);
        }
        import::import_window(self, &ctx);
        figures_import::figures_window(self, &ctx);
        if let Some(chooser) = self.chooser.as_mut()
            && let Some(answer) = chooser.show(&ctx)
        {
            let wanted = chooser.wanted.clone();
            self.chooser = None;
            self.chosen(wanted, answer);
        }
        // Commands that waited for a field's text run after the edit it made this frame.
        self.intents.extend(std::mem::take(&mut self.after_next_draw).into_iter().map(Intent::Command));
        self.run_intents(&ctx);
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().find(|p| p.extension().is_some_and(|e| e == "ron")) {
            self.request(AfterSaving::Open(Some(path)));
        }
    }
}
