//! The chair's walk-through: which statement-of-action items to take, in which order.

use chrono::NaiveDate;

use super::{Board, PlanAction, Rag};

/// The order the chair walks the statement of action in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WalkOrder {
    /// Priority by priority, recommendation by recommendation, as the plan is written.
    #[default]
    Plan,
    /// One priority's actions only.
    Priority(String),
    /// What needs the board: Red first, then overdue, then changed or drifting since the
    /// last meeting. Actions needing nothing are left out.
    NeedsTheBoard,
}

impl WalkOrder {
    pub fn label(&self) -> String {
        match self {
            WalkOrder::Plan => "The plan's order".into(),
            WalkOrder::Priority(id) => format!("Priority {id} only"),
            WalkOrder::NeedsTheBoard => "What needs the board".into(),
        }
    }
}

/// Why an action is in the "needs the board" queue, most pressing first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NeedsTheBoard {
    Red,
    Overdue,
    Drifting,
    ChangedSinceLastMeeting,
}

impl NeedsTheBoard {
    pub fn word(self) -> &'static str {
        match self {
            NeedsTheBoard::Red => "Red",
            NeedsTheBoard::Overdue => "Overdue",
            NeedsTheBoard::Drifting => "Drifting",
            NeedsTheBoard::ChangedSinceLastMeeting => "Changed since the last meeting",
        }
    }
}

impl Board {
    /// The actions to walk through for `meeting`, in `order`.
    pub fn walk(&self, order: &WalkOrder, meeting: u32, today: NaiveDate) -> Vec<&PlanAction> {
        match order {
            WalkOrder::Plan => self.actions_in_plan_order(),
            WalkOrder::Priority(id) => self
                .actions_in_plan_order()
                .into_iter()
                .filter(|a| self.priority_of(a).is_some_and(|p| &p.id == id))
                .collect(),
            WalkOrder::NeedsTheBoard => {
                let mut queue: Vec<(NeedsTheBoard, usize, &PlanAction)> = self
                    .actions_in_plan_order()
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, a)| self.needs_the_board(a, meeting, today).map(|why| (why, i, a)))
                    .collect();
                queue.sort_by_key(|(why, i, _)| (*why, *i));
                queue.into_iter().map(|(_, _, a)| a).collect()
            }
        }
    }

    /// Why `action` needs the board at `meeting`, if it does. Ratings given at `meeting`
    /// itself are ignored, so the queue does not reshuffle while the chair walks it.
    pub fn needs_the_board(&self, action: &PlanAction, meeting: u32, today: NaiveDate) -> Option<NeedsTheBoard> {
        let before: Vec<_> = action.updates.iter().filter(|u| u.meeting != Some(meeting)).collect();
        let rag = before.last().map_or(Rag::NotRated, |u| u.rag);
        if rag == Rag::Red {
            return Some(NeedsTheBoard::Red);
        }
        if action.due < today && rag != Rag::Blue {
            return Some(NeedsTheBoard::Overdue);
        }
        let earlier: Vec<u32> = self.meeting_numbers().into_iter().filter(|m| *m < meeting).collect();
        if action.drift(&earlier).is_some() {
            return Some(NeedsTheBoard::Drifting);
        }
        let previous = earlier.last().copied()?;
        let at_previous = action.rating_at(previous).map(|u| u.rag);
        let before_previous = earlier.iter().rev().skip(1).find_map(|m| action.rating_at(*m)).map(|u| u.rag);
        match (before_previous, at_previous) {
            (Some(a), Some(b)) if a != b => Some(NeedsTheBoard::ChangedSinceLastMeeting),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_board;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    #[test]
    fn the_plan_order_covers_every_action_and_a_priority_only_its_own() {
        let board = sample_board();
        assert_eq!(board.walk(&WalkOrder::Plan, 6, today()).len(), board.actions.len());
        let p1 = board.walk(&WalkOrder::Priority("P1".into()), 6, today());
        assert_eq!(p1.len(), board.actions_in_priority("P1").count());
        assert!(p1.iter().all(|a| board.priority_of(a).unwrap().id == "P1"));
    }

    #[test]
    fn the_needs_the_board_queue_puts_red_first_then_overdue_then_the_rest() {
        let board = sample_board();
        let queue = board.walk(&WalkOrder::NeedsTheBoard, 6, today());
        let reasons: Vec<NeedsTheBoard> = queue.iter().map(|a| board.needs_the_board(a, 6, today()).unwrap()).collect();
        assert!(reasons.windows(2).all(|w| w[0] <= w[1]), "{reasons:?}");
        assert_eq!(reasons.first(), Some(&NeedsTheBoard::Red));
        assert!(reasons.contains(&NeedsTheBoard::Overdue));
        assert!(queue.len() < board.actions.len(), "actions that need nothing are left out");
        assert!(queue.iter().all(|a| a.id != "1.1"), "Blue since meeting 3 and unchanged: nothing to discuss");
        let completed = board.walk(&WalkOrder::NeedsTheBoard, 6, today());
        assert!(completed.iter().any(|a| a.id == "1.3"), "Green → Blue at the last meeting is a change to note");
    }

    #[test]
    fn rating_at_this_meeting_does_not_reshuffle_the_queue() {
        let mut board = sample_board();
        let before: Vec<String> =
            board.walk(&WalkOrder::NeedsTheBoard, 5, today()).iter().map(|a| a.id.clone()).collect();
        let action = board.actions.iter_mut().find(|a| a.id == before[0]).unwrap();
        action.updates.last_mut().unwrap().rag = Rag::Green;
        let after: Vec<String> =
            board.walk(&WalkOrder::NeedsTheBoard, 5, today()).iter().map(|a| a.id.clone()).collect();
        assert_eq!(before, after);
    }
}
