//! Keys that arrive together are handled in the order they were typed.
//!
//! egui moves the focus for an Escape, a Tab or a click at the very start of a frame,
//! before any widget has read that frame's typed text: so "…seen." followed at once by
//! Esc, or a resolution typed and "Add resolution" clicked straight away, lost the last
//! characters typed (they arrived in the same frame as the Esc or the click, and the field
//! no longer had the keyboard). Text typed just after a Tab in the same frame went into
//! the field being left, as the focus moves only once the frame is drawn. So a frame's
//! input is cut just before an Escape, a Tab or a mouse press that follows typed text (the
//! text is handled this frame, the rest the next), and just after one that text follows
//! (the focus moves this frame, the text lands where it went, the next).

use eframe::egui::{Event, Key, RawInput};

/// Input held back for the next frame.
#[derive(Default)]
pub struct HeldKeys {
    events: Vec<Event>,
}

impl HeldKeys {
    /// Puts what was held back before this frame's input, then holds back what must wait
    /// for the focus to move. True when something is held for the next frame (the caller
    /// asks for one).
    pub fn order(&mut self, input: &mut RawInput) -> bool {
        if !self.events.is_empty() {
            let mut events = std::mem::take(&mut self.events);
            events.append(&mut input.events);
            input.events = events;
        }
        let moves_focus = |e: &Event| {
            matches!(e, Event::Key { key: Key::Escape, pressed: true, modifiers, .. } if !modifiers.any())
                || matches!(e, Event::Key { key: Key::Tab, pressed: true, modifiers, .. } if !modifiers.command)
                || matches!(e, Event::PointerButton { pressed: true, .. })
        };
        let is_text = |e: &Event| matches!(e, Event::Text(_));
        let Some(at) = input.events.iter().position(moves_focus) else { return false };
        let cut = if input.events[..at].iter().any(is_text) {
            at
        } else if input.events[at + 1..].iter().any(is_text) {
            at + 1
        } else {
            return false;
        };
        self.events = input.events.split_off(cut);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key) -> Event {
        Event::Key { key, pressed: true, modifiers: eframe::egui::Modifiers::NONE, repeat: false, physical_key: None }
    }

    #[test]
    fn an_escape_right_after_typing_waits_for_the_next_frame() {
        let mut held = HeldKeys::default();
        let mut frame = RawInput {
            events: vec![Event::Text("seen".into()), Event::Text(".".into()), key(Key::Escape)],
            ..Default::default()
        };
        assert!(held.order(&mut frame));
        assert_eq!(frame.events, [Event::Text("seen".into()), Event::Text(".".into())]);
        let mut next = RawInput::default();
        assert!(!held.order(&mut next));
        assert_eq!(next.events, [key(Key::Escape)]);
    }

    #[test]
    fn a_click_or_a_tab_right_after_typing_waits_for_the_next_frame() {
        let press = Event::PointerButton {
            pos: eframe::egui::pos2(10.0, 10.0),
            button: eframe::egui::PointerButton::Primary,
            pressed: true,
            modifiers: eframe::egui::Modifiers::NONE,
        };
        for cut in [press, key(Key::Tab)] {
            let mut held = HeldKeys::default();
            let mut frame = RawInput {
                events: vec![Event::Text("noted".into()), Event::Text(".".into()), cut.clone()],
                ..Default::default()
            };
            assert!(held.order(&mut frame));
            assert_eq!(frame.events, [Event::Text("noted".into()), Event::Text(".".into())]);
            let mut next = RawInput::default();
            assert!(!held.order(&mut next));
            assert_eq!(next.events, [cut]);
        }
    }

    #[test]
    fn text_typed_just_after_a_tab_waits_for_the_focus_to_move() {
        let mut held = HeldKeys::default();
        let typed = |t: &str| Event::Text(t.into());
        let mut frame = RawInput { events: vec![typed("2027"), key(Key::Tab), typed("Pa")], ..Default::default() };
        assert!(held.order(&mut frame));
        assert_eq!(frame.events, [typed("2027")], "the date's text, in the date");
        let mut next = RawInput::default();
        assert!(held.order(&mut next));
        assert_eq!(next.events, [key(Key::Tab)], "the Tab alone: the focus moves");
        let mut last = RawInput::default();
        assert!(!held.order(&mut last));
        assert_eq!(last.events, [typed("Pa")], "the reason's text, in the reason");
    }

    #[test]
    fn keys_with_no_text_are_left_alone() {
        let mut held = HeldKeys::default();
        let mut frame = RawInput { events: vec![key(Key::Escape), key(Key::J)], ..Default::default() };
        assert!(!held.order(&mut frame));
        assert_eq!(frame.events.len(), 2);
    }
}
