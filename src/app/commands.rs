//! Every command the app offers, with its label and shortcuts, in one table: menus,
//! buttons, the Help list and the key handler all read it.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::View;
use crate::model::Rag;

/// A command a person can give from a menu, a button or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppCommand {
    NewBoard,
    Open,
    Save,
    SaveAs,
    Close,
    Quit,
    /// The agenda of the meeting shown in the meeting view.
    ExportAgenda,
    /// The board pack of the meeting shown in the meeting view, full or public.
    ExportPack {
        public: bool,
    },
    /// Minutes of the meeting shown in the meeting view, full or public.
    ExportMinutes {
        public: bool,
    },
    /// The action log, full or public (nothing raised under an item taken in private).
    ExportActionLog {
        public: bool,
    },
    /// The progress report, full or public (latest public ratings and notes only).
    ExportProgress {
        public: bool,
    },
    /// The performance scorecard, to PDF.
    ExportScorecard,
    /// The minutes of the meeting shown, as a Word document to finish, full or public.
    ExportMinutesWord {
        public: bool,
    },
    /// The action log as a Word document, full or public.
    ExportActionLogWord {
        public: bool,
    },
    /// File → Import figures: the performance team's monthly return.
    ImportFigures,
    /// The statement of action as sent to Ofsted, to PDF.
    ExportStatement {
        public: bool,
    },
    /// The statement of action and the action log as a spreadsheet.
    ExportSpreadsheet {
        public: bool,
    },
    /// Bring in a statement of action from a spreadsheet.
    ImportSpreadsheet,
    Undo,
    Redo,
    Show(View),
    TextBigger,
    TextSmaller,
    ToggleTheme,
    PresenterView,
    AuditTrail,
    /// Agrees a new due date for the action in the walk-through, with the reason.
    Redate,
    /// Shows the board as it stood at a date (View → As at…).
    AsAt,
    Help,
    WalkNext,
    WalkPrevious,
    Rate(Rag),
    RateImpact(Rag),
    FocusNote,
    CommitUpdate,
    LeaveNote,
}

/// Where a command's shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the app, even while typing (they use Ctrl).
    Everywhere,
    /// In the meeting walk-through; bare keys are ignored while a text field has focus.
    WalkThrough,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const SHIFT: Modifiers = Modifiers::SHIFT;
/// Alt added to a document's shortcut gives its public copy.
const CTRL_ALT: Modifiers = Modifiers { alt: true, ..Modifiers::COMMAND };
const CTRL_ALT_SHIFT: Modifiers = Modifiers { alt: true, shift: true, ..Modifiers::COMMAND };
const NONE: Modifiers = Modifiers::NONE;

const RATINGS: [Rag; 4] = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue];

fn rag_key(rag: Rag) -> Key {
    match rag {
        Rag::Red => Key::R,
        Rag::Amber => Key::A,
        Rag::Green => Key::G,
        _ => Key::B,
    }
}

impl AppCommand {
    /// Commands that act on the board as saved or shown (save, export, close, open another):
    /// they must see the text still being typed in a field.
    pub fn needs_typed_text(self) -> bool {
        matches!(
            self,
            AppCommand::Save
                | AppCommand::SaveAs
                | AppCommand::ExportAgenda
                | AppCommand::ExportPack { .. }
                | AppCommand::ExportMinutes { .. }
                | AppCommand::ExportActionLog { .. }
                | AppCommand::ExportProgress { .. }
                | AppCommand::ExportScorecard
                | AppCommand::ExportMinutesWord { .. }
                | AppCommand::ExportActionLogWord { .. }
                | AppCommand::ExportStatement { .. }
                | AppCommand::ExportSpreadsheet { .. }
                | AppCommand::NewBoard
                | AppCommand::Open
                | AppCommand::Close
                | AppCommand::Quit
        )
    }

    /// Every command, in the order the Help list shows them.
    pub fn all() -> Vec<AppCommand> {
        let mut all = vec![
            AppCommand::NewBoard,
            AppCommand::Open,
            AppCommand::Save,
            AppCommand::SaveAs,
            AppCommand::Close,
            AppCommand::ExportAgenda,
            AppCommand::ExportPack { public: false },
            AppCommand::ExportPack { public: true },
            AppCommand::ExportMinutes { public: false },
            AppCommand::ExportMinutes { public: true },
            AppCommand::ExportActionLog { public: false },
            AppCommand::ExportActionLog { public: true },
            AppCommand::ExportMinutesWord { public: false },
            AppCommand::ExportMinutesWord { public: true },
            AppCommand::ExportActionLogWord { public: false },
            AppCommand::ExportActionLogWord { public: true },
            AppCommand::ExportProgress { public: false },
            AppCommand::ExportProgress { public: true },
            AppCommand::ExportScorecard,
            AppCommand::ExportStatement { public: false },
            AppCommand::ExportStatement { public: true },
            AppCommand::ExportSpreadsheet { public: false },
            AppCommand::ExportSpreadsheet { public: true },
            AppCommand::ImportSpreadsheet,
            AppCommand::ImportFigures,
            AppCommand::Quit,
            AppCommand::Undo,
            AppCommand::Redo,
        ];
        all.extend(View::ALL.iter().map(|v| AppCommand::Show(*v)));
        all.extend([
            AppCommand::TextBigger,
            AppCommand::TextSmaller,
            AppCommand::ToggleTheme,
            AppCommand::PresenterView,
            AppCommand::AuditTrail,
            AppCommand::AsAt,
            AppCommand::Help,
        ]);
        all.extend([AppCommand::WalkNext, AppCommand::WalkPrevious]);
        all.extend(RATINGS.iter().map(|r| AppCommand::Rate(*r)));
        all.extend(RATINGS.iter().map(|r| AppCommand::RateImpact(*r)));
        all.extend([AppCommand::FocusNote, AppCommand::Redate, AppCommand::CommitUpdate, AppCommand::LeaveNote]);
        all
    }

    pub fn label(self) -> String {
        match self {
            AppCommand::NewBoard => "New board".into(),
            AppCommand::Open => "Open…".into(),
            AppCommand::Save => "Save".into(),
            AppCommand::SaveAs => "Save as…".into(),
            AppCommand::Close => "Close".into(),
            AppCommand::Quit => "Quit".into(),
            AppCommand::ExportAgenda => "Agenda of this meeting…".into(),
            AppCommand::ExportPack { public: false } => "Board pack of this meeting (full)…".into(),
            AppCommand::ExportPack { public: true } => "Board pack of this meeting (public)…".into(),
            AppCommand::ExportMinutes { public: false } => "Minutes of this meeting (full)…".into(),
            AppCommand::ExportMinutes { public: true } => "Minutes of this meeting (public)…".into(),
            AppCommand::ExportActionLog { public: false } => "Action log (full)…".into(),
            AppCommand::ExportActionLog { public: true } => "Action log (public)…".into(),
            AppCommand::ExportProgress { public: false } => "Progress report (full)…".into(),
            AppCommand::ExportProgress { public: true } => "Progress report (public)…".into(),
            AppCommand::ExportStatement { public: false } => "Statement of action (full)…".into(),
            AppCommand::ExportStatement { public: true } => "Statement of action (public)…".into(),
            AppCommand::ExportSpreadsheet { public: false } => "Statement of action as a spreadsheet (full)…".into(),
            AppCommand::ExportSpreadsheet { public: true } => "Statement of action as a spreadsheet (public)…".into(),
            AppCommand::ImportSpreadsheet => "Import from a spreadsheet…".into(),
            AppCommand::ImportFigures => "Import figures from a performance return…".into(),
            AppCommand::ExportScorecard => "Performance scorecard…".into(),
            AppCommand::ExportMinutesWord { public: false } => "Minutes as Word (full)…".into(),
            AppCommand::ExportMinutesWord { public: true } => "Minutes as Word (public)…".into(),
            AppCommand::ExportActionLogWord { public: false } => "Action log as Word (full)…".into(),
            AppCommand::ExportActionLogWord { public: true } => "Action log as Word (public)…".into(),
            AppCommand::Undo => "Undo".into(),
            AppCommand::Redo => "Redo".into(),
            AppCommand::Show(view) => view.label().into(),
            AppCommand::TextBigger => "Larger text".into(),
            AppCommand::TextSmaller => "Smaller text".into(),
            AppCommand::ToggleTheme => "Light or dark theme".into(),
            AppCommand::PresenterView => "Presenter view".into(),
            AppCommand::AuditTrail => "Audit trail".into(),
            AppCommand::AsAt => "As at…".into(),
            AppCommand::Redate => "Agree a new due date".into(),
            AppCommand::Help => "Keyboard shortcuts".into(),
            AppCommand::WalkNext => "Next action".into(),
            AppCommand::WalkPrevious => "Previous action".into(),
            AppCommand::Rate(rag) => format!("Rate {}", rag.word()),
            AppCommand::RateImpact(rag) => format!("Rate impact {}", rag.word()),
            AppCommand::FocusNote => "Write the note".into(),
            AppCommand::CommitUpdate => "Record the rating".into(),
            AppCommand::LeaveNote => "Leave the note".into(),
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            AppCommand::WalkNext
            | AppCommand::WalkPrevious
            | AppCommand::Rate(_)
            | AppCommand::RateImpact(_)
            | AppCommand::FocusNote
            | AppCommand::Redate
            | AppCommand::CommitUpdate
            | AppCommand::LeaveNote => Scope::WalkThrough,
            _ => Scope::Everywhere,
        }
    }

    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let k = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        match self {
            AppCommand::NewBoard => vec![k(CTRL, Key::N)],
            AppCommand::Open => vec![k(CTRL, Key::O)],
            AppCommand::Save => vec![k(CTRL, Key::S)],
            AppCommand::SaveAs => vec![k(CTRL_SHIFT, Key::S)],
            AppCommand::Close => vec![k(CTRL, Key::W)],
            AppCommand::Quit => vec![k(CTRL, Key::Q)],
            AppCommand::ExportAgenda => vec![k(CTRL, Key::G)],
            AppCommand::ExportPack { public: false } => vec![k(CTRL, Key::B)],
            AppCommand::ExportPack { public: true } => vec![k(CTRL_ALT, Key::B)],
            AppCommand::ExportMinutes { public: false } => vec![k(CTRL, Key::E)],
            AppCommand::ExportMinutes { public: true } => vec![k(CTRL_SHIFT, Key::E)],
            AppCommand::ExportActionLog { public: false } => vec![k(CTRL, Key::L)],
            AppCommand::ExportActionLog { public: true } => vec![k(CTRL_SHIFT, Key::L)],
            AppCommand::ExportProgress { public: false } => vec![k(CTRL, Key::P)],
            AppCommand::ExportProgress { public: true } => vec![k(CTRL_ALT, Key::P)],
            AppCommand::ExportStatement { public: false } => vec![k(CTRL_SHIFT, Key::P)],
            AppCommand::ExportStatement { public: true } => vec![k(CTRL_ALT_SHIFT, Key::P)],
            AppCommand::ExportSpreadsheet { public: false } => vec![k(CTRL_SHIFT, Key::X)],
            AppCommand::ExportSpreadsheet { public: true } => vec![k(CTRL_ALT_SHIFT, Key::X)],
            AppCommand::ImportSpreadsheet => vec![k(CTRL, Key::I)],
            AppCommand::ImportFigures => vec![k(CTRL_SHIFT, Key::I)],
            AppCommand::ExportScorecard => vec![k(CTRL, Key::K)],
            AppCommand::ExportMinutesWord { public: false } => vec![k(CTRL_ALT, Key::E)],
            AppCommand::ExportMinutesWord { public: true } => vec![k(CTRL_ALT_SHIFT, Key::E)],
            AppCommand::ExportActionLogWord { public: false } => vec![k(CTRL_ALT, Key::L)],
            AppCommand::ExportActionLogWord { public: true } => vec![k(CTRL_ALT_SHIFT, Key::L)],
            AppCommand::Undo => vec![k(CTRL, Key::Z)],
            AppCommand::Redo => vec![k(CTRL_SHIFT, Key::Z), k(CTRL, Key::Y)],
            AppCommand::Show(view) => vec![k(CTRL, view.key())],
            AppCommand::TextBigger => vec![k(CTRL, Key::Equals), k(CTRL, Key::Plus)],
            AppCommand::TextSmaller => vec![k(CTRL, Key::Minus)],
            AppCommand::ToggleTheme => vec![k(CTRL_SHIFT, Key::T)],
            AppCommand::PresenterView => vec![k(NONE, Key::F5)],
            AppCommand::AuditTrail => vec![k(CTRL, Key::H)],
            AppCommand::AsAt => vec![k(CTRL, Key::D)],
            AppCommand::Redate => vec![k(NONE, Key::D)],
            AppCommand::Help => vec![k(NONE, Key::F1)],
            AppCommand::WalkNext => vec![k(NONE, Key::ArrowDown), k(NONE, Key::J)],
            AppCommand::WalkPrevious => vec![k(NONE, Key::ArrowUp), k(NONE, Key::K)],
            AppCommand::Rate(rag) => vec![k(NONE, rag_key(rag))],
            AppCommand::RateImpact(rag) => vec![k(SHIFT, rag_key(rag))],
            AppCommand::FocusNote => vec![k(NONE, Key::N)],
            AppCommand::CommitUpdate => vec![k(CTRL, Key::Enter)],
            AppCommand::LeaveNote => vec![k(NONE, Key::Escape)],
        }
    }

    /// "Ctrl+S", for menus and Help.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts().iter().map(|s| ctx.format_shortcut(s)).collect::<Vec<_>>().join(" or ")
    }
}

/// How many modifier keys a shortcut holds: shortcuts with more are matched first, since
/// egui also matches Ctrl+S when Ctrl+Shift+S is pressed.
fn modifier_count(shortcut: &KeyboardShortcut) -> u8 {
    let m = shortcut.modifiers;
    u8::from(m.shift) + u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

/// What the walk-through's keys depend on as a frame begins.
pub struct WalkKeys<'a> {
    /// The walk-through is on screen.
    pub showing: bool,
    /// It would be, were the meeting view chosen.
    pub showing_in_meeting_view: bool,
    /// The ratings that, pressed now, would ask for a reason.
    pub asks_reason: &'a [Rag],
    /// The rating Ctrl+Enter would record now, if it would record one.
    pub on_commit: Option<Rag>,
}

/// Once `recorded` is agreed with the note as it stands, any other rating changes it and
/// so asks for a new reason.
fn all_but(recorded: Rag) -> Vec<Rag> {
    Rag::ALL.into_iter().filter(|r| *r != recorded).collect()
}

/// What the keyboard did this frame: the commands pressed, in order, and the text typed
/// after N (or after a rating that asks for a reason) that belongs in the note.
#[derive(Debug, Default)]
pub struct Pressed {
    pub commands: Vec<AppCommand>,
    pub note_text: String,
}

/// The commands whose shortcuts were pressed this frame, in the order the keys were
/// pressed (J then G rates the next action, not this one). Walk-through keys count only
/// when the walk-through is showing; bare keys never while a text field has focus (Ctrl+Enter
/// and Escape do, so the note can be committed or left from the keyboard). Within one
/// frame the keyboard is followed as the person moved it: after Ctrl+Enter or Esc the
/// letters are shortcuts again and no longer reach the note they left; after N they are
/// the new note's, and are handed over in [`Pressed::note_text`]; so are they after a
/// rating in `asks_reason` (one that changes an agreed rating with no reason given, which
/// hands the keyboard to the note). However fast the keys come, each goes where it went
/// when typed slowly.
pub fn pressed(ctx: &egui::Context, walk: &WalkKeys<'_>) -> Pressed {
    let mut typing = ctx.egui_wants_keyboard_input();
    // A view chosen by a key earlier in the frame (Ctrl+3, then R) decides what later keys are.
    let mut walk_through_showing = walk.showing;
    // Which ratings ask for a reason changes as keys in the frame record ratings.
    let mut asks_reason: Vec<Rag> = walk.asks_reason.to_vec();
    let mut candidates: Vec<(KeyboardShortcut, AppCommand)> =
        AppCommand::all().into_iter().flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c))).collect();
    // Ctrl+Shift+Z before Ctrl+Z: egui matches Ctrl+Z when Ctrl+Shift+Z is pressed.
    candidates.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s)));
    let bare = |s: &KeyboardShortcut| modifier_count(s) == 0 || s.modifiers == SHIFT;
    let letters_id = egui::Id::unique("shortcut-letters-typed");
    let mut waiting: Vec<(String, u8)> = ctx.data_mut(|d| d.remove_temp(letters_id)).unwrap_or_default();
    let mut result = Pressed::default();
    ctx.input_mut(|input| {
        let events = std::mem::take(&mut input.events);
        let mut dropped = vec![false; events.len()];
        // Text from here on is kept from the field that had the keyboard at the frame's start.
        let mut withheld_from: Option<usize> = None;
        // Text from here on is the note's that N opened.
        let mut note_from: Option<usize> = None;
        let text_is =
            |e: &egui::Event, letter: &str| matches!(e, egui::Event::Text(t) if t.eq_ignore_ascii_case(letter));
        // Letters of shortcuts pressed in earlier frames whose text comes only now.
        for (letter, frames) in std::mem::take(&mut waiting) {
            match (0..events.len()).find(|&j| !dropped[j] && text_is(&events[j], &letter)) {
                Some(j) => dropped[j] = true,
                None if frames > 1 => waiting.push((letter, frames - 1)),
                None => {}
            }
        }
        for (i, event) in events.iter().enumerate() {
            let egui::Event::Key { key, pressed: true, modifiers, .. } = event else { continue };
            let found = candidates.iter().find(|(s, c)| {
                s.logical_key == *key
                    && modifiers.matches_logically(s.modifiers)
                    && (c.scope() == Scope::Everywhere || walk_through_showing)
                    && (!typing || !bare(s) || matches!(c, AppCommand::LeaveNote))
            });
            let Some((shortcut, command)) = found else { continue };
            dropped[i] = true;
            result.commands.push(*command);
            if bare(shortcut) {
                // The key also types its letter: the shortcut has used it.
                let letter = shortcut.logical_key.symbol_or_name();
                match (i + 1..events.len()).find(|&j| !dropped[j] && text_is(&events[j], letter)) {
                    Some(j) => dropped[j] = true,
                    None => waiting.push((letter.to_string(), LETTER_FRAMES)),
                }
            }
            match command {
                AppCommand::CommitUpdate => {
                    if typing {
                        typing = false;
                        withheld_from.get_or_insert(i + 1);
                    }
                    asks_reason = walk.on_commit.map(all_but).unwrap_or_default();
                }
                AppCommand::LeaveNote if typing => {
                    typing = false;
                    withheld_from.get_or_insert(i + 1);
                }
                AppCommand::FocusNote | AppCommand::Redate => {
                    typing = true;
                    note_from = Some(i + 1);
                    withheld_from.get_or_insert(i + 1);
                }
                AppCommand::Show(view) => walk_through_showing = *view == View::Meeting && walk.showing_in_meeting_view,
                AppCommand::Rate(rag) if asks_reason.contains(rag) => {
                    typing = true;
                    note_from = Some(i + 1);
                    withheld_from.get_or_insert(i + 1);
                }
                // Recorded as it stands: from now on, another rating changes it.
                AppCommand::Rate(rag) => asks_reason = all_but(*rag),
                // Another action, whose forecast is not known: its keys are shortcuts.
                AppCommand::WalkNext | AppCommand::WalkPrevious => asks_reason.clear(),
                _ => {}
            }
        }
        for (i, event) in events.into_iter().enumerate() {
            if dropped[i] {
                continue;
            }
            match (&event, withheld_from) {
                (egui::Event::Text(text), Some(from)) if i >= from => {
                    if note_from.is_some_and(|n| i >= n) {
                        result.note_text.push_str(text);
                    }
                }
                _ => input.events.push(event),
            }
        }
    });
    if !waiting.is_empty() {
        ctx.data_mut(|d| d.insert_temp(letters_id, waiting));
    }
    result
}

/// How many frames a shortcut's letter may take to arrive as typed text.
const LETTER_FRAMES: u8 = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key { key, pressed: true, modifiers, repeat: false, physical_key: None }
    }

    /// One frame of keys, with the note focused at its start when `in_note`.
    fn frame(events: Vec<egui::Event>, in_note: bool) -> Pressed {
        frame_asking(events, in_note, &[])
    }

    /// One frame of keys, where the ratings in `asks_reason` would ask for a reason.
    fn frame_asking(events: Vec<egui::Event>, in_note: bool, asks_reason: &[Rag]) -> Pressed {
        frame_with(
            events,
            in_note,
            WalkKeys { showing: true, showing_in_meeting_view: true, asks_reason, on_commit: None },
        )
    }

    fn frame_with(events: Vec<egui::Event>, in_note: bool, walk: WalkKeys<'_>) -> Pressed {
        let ctx = egui::Context::default();
        let mut got = Pressed::default();
        for pass in 0..2 {
            let input =
                egui::RawInput { events: if pass == 1 { events.clone() } else { vec![] }, ..Default::default() };
            let mut output = ctx.run_ui(input, |ui| {
                let mut text = String::new();
                let note = ui.add(egui::TextEdit::multiline(&mut text).id(egui::Id::unique("note")));
                if pass == 0 && in_note {
                    note.request_focus();
                }
                if pass == 1 {
                    got = pressed(ui.ctx(), &walk);
                }
            });
            output.textures_delta.clear();
        }
        got
    }

    #[test]
    fn keys_faster_than_a_frame_go_where_they_would_go_typed_slowly() {
        let text = |t: &str| egui::Event::Text(t.into());
        let none = Modifiers::NONE;
        // In the note: Ctrl+Enter, J, G, N, "On track" all in one frame.
        let got = frame(
            vec![
                key(Key::Enter, Modifiers::COMMAND),
                key(Key::J, none),
                text("j"),
                key(Key::G, none),
                text("g"),
                key(Key::N, none),
                text("n"),
                text("On track"),
            ],
            true,
        );
        assert_eq!(
            got.commands,
            [AppCommand::CommitUpdate, AppCommand::WalkNext, AppCommand::Rate(Rag::Green), AppCommand::FocusNote]
        );
        assert_eq!(got.note_text, "On track", "after N, the new note's; nothing of j, g or n");
        // Out of the note: N then "nearly" in one frame; the second n is the note's.
        let got = frame(vec![key(Key::N, none), text("n"), key(Key::N, none), text("n"), text("early")], false);
        assert_eq!(got.commands, [AppCommand::FocusNote]);
        assert_eq!(got.note_text, "nearly");
    }

    #[test]
    fn a_reason_typed_in_the_frame_of_the_rating_that_asks_for_it_is_the_notes() {
        let text = |t: &str| egui::Event::Text(t.into());
        let none = Modifiers::NONE;
        let shift = Modifiers::SHIFT;
        // G changes an agreed Red: "Changed after approval." follows in the same frame.
        let events = vec![
            key(Key::G, none),
            text("g"),
            key(Key::C, shift),
            text("C"),
            key(Key::H, none),
            text("h"),
            key(Key::A, none),
            text("a"),
            text("nged after approval."),
        ];
        let got = frame_asking(events.clone(), false, &[Rag::Green, Rag::Amber]);
        assert_eq!(got.commands, [AppCommand::Rate(Rag::Green)], "the a of Changed is not Amber");
        assert_eq!(got.note_text, "Changed after approval.");
        // A rating that needs no reason leaves the keyboard to the walk-through.
        let got = frame_asking(events, false, &[]);
        assert_eq!(got.commands, [AppCommand::Rate(Rag::Green), AppCommand::Rate(Rag::Amber)]);
    }

    #[test]
    fn after_ctrl_enter_records_a_rating_another_rating_in_the_frame_takes_its_reason() {
        let text = |t: &str| egui::Event::Text(t.into());
        // In the note: Ctrl+Enter records Red; G then changes it, "Cha…" is the reason.
        let events = vec![
            key(Key::Enter, Modifiers::COMMAND),
            key(Key::G, Modifiers::NONE),
            text("g"),
            key(Key::C, Modifiers::SHIFT),
            text("C"),
            key(Key::H, Modifiers::NONE),
            text("h"),
            key(Key::A, Modifiers::NONE),
            text("a"),
        ];
        let walk =
            WalkKeys { showing: true, showing_in_meeting_view: true, asks_reason: &[], on_commit: Some(Rag::Red) };
        let got = frame_with(events, true, walk);
        assert_eq!(got.commands, [AppCommand::CommitUpdate, AppCommand::Rate(Rag::Green)]);
        assert_eq!(got.note_text, "Cha");
    }

    #[test]
    fn keys_after_a_view_is_chosen_in_the_same_frame_are_that_views() {
        let text = |t: &str| egui::Event::Text(t.into());
        let events = vec![key(Key::Num3, Modifiers::COMMAND), key(Key::R, Modifiers::NONE), text("r")];
        let elsewhere = WalkKeys { showing: false, showing_in_meeting_view: true, asks_reason: &[], on_commit: None };
        let got = frame_with(events, false, elsewhere);
        assert_eq!(got.commands, [AppCommand::Show(View::Meeting), AppCommand::Rate(Rag::Red)]);
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all: Vec<(KeyboardShortcut, AppCommand)> =
            AppCommand::all().into_iter().flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c))).collect();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                assert!(!(a == b && ca != cb), "{ca:?} and {cb:?} share {a:?}");
            }
        }
    }

    #[test]
    fn every_command_has_a_label_and_a_shortcut() {
        for command in AppCommand::all() {
            assert!(!command.label().is_empty());
            assert!(!command.shortcuts().is_empty(), "{command:?} has a keyboard path");
        }
    }
}
