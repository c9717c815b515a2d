//! "Since last time": what changed between the previous meeting and this one, for the
//! chair to open at the start.

use chrono::NaiveDate;

use super::{Board, MeetingAction, PlanAction, Rag};

/// One change since the previous meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum SinceLastTime<'a> {
    RatingUp { action: &'a PlanAction, from: Rag, to: Rag },
    RatingDown { action: &'a PlanAction, from: Rag, to: Rag },
    BecameOverdue { action: &'a PlanAction, days: i64 },
    MeetingActionClosed { action: &'a MeetingAction },
}

impl SinceLastTime<'_> {
    /// The change in a line: "1.2 Front door decisions: Amber → Green".
    pub fn describe(&self) -> String {
        match self {
            SinceLastTime::RatingUp { action, from, to } | SinceLastTime::RatingDown { action, from, to } => {
                format!("{} {}: {} → {}", action.id, action.title, from.word(), to.word())
            }
            SinceLastTime::BecameOverdue { action, days } => {
                format!("{} {}: now overdue by {}", action.id, action.title, super::dates::days(*days))
            }
            SinceLastTime::MeetingActionClosed { action } => {
                let how = action.status.word().to_lowercase();
                let when = action.closed.map(|d| format!(" on {}", super::dates::uk_long(d))).unwrap_or_default();
                format!("{} {} — {how}{when}", action.id, action.text)
            }
        }
    }
}

impl Board {
    /// What changed between the meeting before `meeting` and `today`: ratings given at
    /// the previous meeting against the one before it, actions whose due date fell in
    /// between, and meeting actions closed since the previous meeting.
    pub fn since_last_time(&self, meeting: u32, today: NaiveDate) -> Vec<SinceLastTime<'_>> {
        let earlier: Vec<&crate::model::Meeting> = self.meetings.iter().filter(|m| m.number < meeting).collect();
        let Some(previous) = earlier.last() else { return vec![] };
        let mut changes = Vec::new();
        for action in self.actions_in_plan_order() {
            let now = action.rating_at(previous.number).map(|u| u.rag);
            let then = action.rating_before(previous.number, previous.date).map(|u| u.rag);
            if let (Some(from), Some(to)) = (then, now) {
                if to.is_worse_than(from) {
                    changes.push(SinceLastTime::RatingDown { action, from, to });
                } else if from.is_worse_than(to) {
                    changes.push(SinceLastTime::RatingUp { action, from, to });
                }
            }
        }
        for action in self.actions_in_plan_order() {
            if action.due >= previous.date && action.is_overdue(today) {
                changes.push(SinceLastTime::BecameOverdue { action, days: action.days_overdue(today).unwrap_or(0) });
            }
        }
        for (_, action) in self.meeting_actions() {
            if action.closed.is_some_and(|closed| closed >= previous.date) {
                changes.push(SinceLastTime::MeetingActionClosed { action });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_board;

    #[test]
    fn since_meeting_five_shows_ups_downs_new_overdue_and_closed_actions() {
        let board = sample_board();
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let changes = board.since_last_time(6, today);
        let lines: Vec<String> = changes.iter().map(SinceLastTime::describe).collect();
        assert!(lines.iter().any(|l| l.starts_with("5.1 ") && l.ends_with("Amber → Red")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("1.3 ") && l.ends_with("Green → Blue")));
        assert!(changes.iter().any(|c| matches!(c, SinceLastTime::BecameOverdue { action, .. } if action.id == "9.5")));
        assert!(
            changes.iter().any(|c| matches!(c, SinceLastTime::MeetingActionClosed { action } if action.id == "M5-01"))
        );
        assert!(
            !changes.iter().any(|c| matches!(c, SinceLastTime::BecameOverdue { action, .. } if action.id == "5.1")),
            "overdue before the last meeting is not news"
        );
    }

    #[test]
    fn the_first_meeting_has_nothing_since_last_time() {
        assert!(sample_board().since_last_time(1, NaiveDate::from_ymd_opt(2026, 5, 12).unwrap()).is_empty());
    }
}
