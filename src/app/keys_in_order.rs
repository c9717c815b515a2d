//! Keys that arrive together are handled in the order they were typed.
//!
//! egui moves the focus for an Escape, a Tab or a click at the very start of a frame,
//! before any widget has read that frame's typed text: so "…seen." followed at once by
//! Esc, or a resolution typed and "Add resolution" clicked straight away, lost the last
//! characters typed (they arrived in the same frame as the Esc or the click, and the field
//! no longer had the keyboard). Here a frame's input is cut just before an Escape, a Tab
//! or a mouse press that follows typed text: the text is handled this frame, the rest the
//! next.

use eframe::egui::{Event, Key, RawInput};

/// Input held back for the next frame.
#[derive(Default)]
pub struct HeldKeys {
    events: Vec<Event>,
}

impl HeldKeys {
    /// Puts what was held back before this frame's input, then holds back anything from
    /// an Escape, Tab or mouse press that follows typed text. True when something is held
    /// for the next frame (the caller asks for one).
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
        let Some(first_text) = input.events.iter().position(|e| matches!(e, Event::Text(_))) else { return false };
        let Some(at) = input.events.iter().skip(first_text).position(moves_focus).map(|i| i + first_text) else {
            return false;
        };
        self.events = input.events.split_off(at);
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
    fn an_escape_with_nothing_typed_before_it_is_left_alone() {
        let mut held = HeldKeys::default();
        let mut frame = RawInput { events: vec![key(Key::Escape), Event::Text("x".into())], ..Default::default() };
        assert!(!held.order(&mut frame));
        assert_eq!(frame.events.len(), 2);
    }
}
