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
    /// Minutes of the meeting shown in the meeting view, full or public.
    ExportMinutes {
        public: bool,
    },
    /// The action log, full or public (nothing raised under an item taken in private).
    ExportActionLog {
        public: bool,
    },
    ExportProgress,
    /// The statement of action as sent to Ofsted, to PDF.
    ExportStatement,
    /// The statement of action and the action log as a spreadsheet.
    ExportSpreadsheet,
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
    /// Every command, in the order the Help list shows them.
    pub fn all() -> Vec<AppCommand> {
        let mut all = vec![
            AppCommand::NewBoard,
            AppCommand::Open,
            AppCommand::Save,
            AppCommand::SaveAs,
            AppCommand::Close,
            AppCommand::ExportMinutes { public: false },
            AppCommand::ExportMinutes { public: true },
            AppCommand::ExportActionLog { public: false },
            AppCommand::ExportActionLog { public: true },
            AppCommand::ExportProgress,
            AppCommand::ExportStatement,
            AppCommand::ExportSpreadsheet,
            AppCommand::ImportSpreadsheet,
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
            AppCommand::Help,
        ]);
        all.extend([AppCommand::WalkNext, AppCommand::WalkPrevious]);
        all.extend(RATINGS.iter().map(|r| AppCommand::Rate(*r)));
        all.extend(RATINGS.iter().map(|r| AppCommand::RateImpact(*r)));
        all.extend([AppCommand::FocusNote, AppCommand::CommitUpdate, AppCommand::LeaveNote]);
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
            AppCommand::ExportMinutes { public: false } => "Minutes of this meeting (full)…".into(),
            AppCommand::ExportMinutes { public: true } => "Minutes of this meeting (public)…".into(),
            AppCommand::ExportActionLog { public: false } => "Action log (full)…".into(),
            AppCommand::ExportActionLog { public: true } => "Action log (public)…".into(),
            AppCommand::ExportProgress => "Progress report…".into(),
            AppCommand::ExportStatement => "Statement of action…".into(),
            AppCommand::ExportSpreadsheet => "Statement of action as a spreadsheet…".into(),
            AppCommand::ImportSpreadsheet => "Import from a spreadsheet…".into(),
            AppCommand::Undo => "Undo".into(),
            AppCommand::Redo => "Redo".into(),
            AppCommand::Show(view) => view.label().into(),
            AppCommand::TextBigger => "Larger text".into(),
            AppCommand::TextSmaller => "Smaller text".into(),
            AppCommand::ToggleTheme => "Light or dark theme".into(),
            AppCommand::PresenterView => "Presenter view".into(),
            AppCommand::AuditTrail => "Audit trail".into(),
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
            AppCommand::ExportMinutes { public: false } => vec![k(CTRL, Key::E)],
            AppCommand::ExportMinutes { public: true } => vec![k(CTRL_SHIFT, Key::E)],
            AppCommand::ExportActionLog { public: false } => vec![k(CTRL, Key::L)],
            AppCommand::ExportActionLog { public: true } => vec![k(CTRL_SHIFT, Key::L)],
            AppCommand::ExportProgress => vec![k(CTRL, Key::P)],
            AppCommand::ExportStatement => vec![k(CTRL_SHIFT, Key::P)],
            AppCommand::ExportSpreadsheet => vec![k(CTRL_SHIFT, Key::X)],
            AppCommand::ImportSpreadsheet => vec![k(CTRL, Key::I)],
            AppCommand::Undo => vec![k(CTRL, Key::Z)],
            AppCommand::Redo => vec![k(CTRL_SHIFT, Key::Z), k(CTRL, Key::Y)],
            AppCommand::Show(view) => vec![k(CTRL, view.key())],
            AppCommand::TextBigger => vec![k(CTRL, Key::Equals), k(CTRL, Key::Plus)],
            AppCommand::TextSmaller => vec![k(CTRL, Key::Minus)],
            AppCommand::ToggleTheme => vec![k(CTRL_SHIFT, Key::T)],
            AppCommand::PresenterView => vec![k(NONE, Key::F5)],
            AppCommand::AuditTrail => vec![k(CTRL, Key::H)],
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

/// The commands whose shortcuts were pressed this frame. Walk-through keys count only when
/// the walk-through is showing; bare keys never while a text field has focus (Ctrl+Enter
/// and Escape do, so the note can be committed or left from the keyboard).
pub fn pressed(ctx: &egui::Context, walk_through_showing: bool) -> Vec<AppCommand> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut candidates: Vec<(KeyboardShortcut, AppCommand)> = AppCommand::all()
        .into_iter()
        .filter(|c| c.scope() == Scope::Everywhere || walk_through_showing)
        .flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c)))
        .filter(|(s, c)| !typing || modifier_count(s) > 0 && s.modifiers != SHIFT || matches!(c, AppCommand::LeaveNote))
        .collect();
    candidates.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s)));
    let mut pressed = Vec::new();
    let mut used_letter = None;
    let letter_id = egui::Id::unique("shortcut-letter-typed");
    let waiting: Option<(String, u8)> = ctx.data_mut(|d| d.remove_temp(letter_id));
    let still_waiting = ctx.input_mut(|input| {
        for (shortcut, command) in candidates {
            if input.consume_shortcut(&shortcut) && !pressed.contains(&command) {
                pressed.push(command);
                if modifier_count(&shortcut) == 0 || shortcut.modifiers == SHIFT {
                    used_letter = Some(shortcut.logical_key.symbol_or_name().to_string());
                }
            }
        }
        swallow_typed_letter(input, used_letter.take().map(|l| (l, LETTER_FRAMES)).or(waiting))
    });
    if let Some(still_waiting) = still_waiting {
        ctx.data_mut(|d| d.insert_temp(letter_id, still_waiting));
    }
    pressed
}

/// How many frames a shortcut's letter may take to arrive as typed text.
const LETTER_FRAMES: u8 = 4;

/// A letter key that was a shortcut also types its letter, in the same frame or a
/// following one: the shortcut has used it, so it must not land in the field the command
/// gives the keyboard to (N, then an "n" at the start of the note). `waiting` is the
/// letter and the frames it may still take; returns what is still waiting, until its
/// text arrives, another key is pressed, or the frames run out.
fn swallow_typed_letter(input: &mut egui::InputState, waiting: Option<(String, u8)>) -> Option<(String, u8)> {
    let (letter, frames) = waiting?;
    let typed = |e: &egui::Event| matches!(e, egui::Event::Text(t) if t.eq_ignore_ascii_case(&letter));
    if let Some(i) = input.events.iter().position(typed) {
        input.events.remove(i);
        return None;
    }
    let another_key = input.events.iter().any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
    (!another_key && frames > 1).then(|| (letter, frames - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

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
