//! Drift: an action that stays Red or Amber meeting after meeting, or slips back.
//! Boards ask for these first, because a plan drifts quietly while every item is "in hand".

use super::{PlanAction, Rag};

/// Why an action is drifting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drift {
    /// Rated Red or Amber at each of the last `meetings` consecutive meetings.
    Stuck { rag: Rag, meetings: usize },
    /// Rated worse at meeting `at` than at the meeting before it was rated.
    Worsened { from: Rag, to: Rag, at: u32 },
}

impl Drift {
    /// "Amber at 3 consecutive meetings", "Green → Amber at meeting 4".
    pub fn describe(&self) -> String {
        match *self {
            Drift::Stuck { rag, meetings } => {
                format!("Red or Amber at {meetings} meetings in a row, now {}", rag.word())
            }
            Drift::Worsened { from, to, at } => format!("{} → {} at meeting {at}", from.word(), to.word()),
        }
    }
}

impl PlanAction {
    /// Whether the action is drifting, given the board's meeting numbers in order.
    ///
    /// Drift is read from the ratings agreed at meetings: worse than at the previous
    /// meeting it was rated, or Red/Amber at two or more meetings in a row (the run ends
    /// at the last meeting that rated it). An action whose latest rating is Green or Blue
    /// is not stuck.
    pub fn drift(&self, meeting_numbers: &[u32]) -> Option<Drift> {
        let rated: Vec<(usize, Rag)> = meeting_numbers
            .iter()
            .enumerate()
            .filter_map(|(i, &m)| self.rating_at(m).map(|u| (i, u.rag)))
            .filter(|(_, rag)| *rag != Rag::NotRated)
            .collect();
        let &(last_index, last) = rated.last()?;
        if let [.., (_, previous), _] = rated.as_slice()
            && last.is_worse_than(*previous)
        {
            return Some(Drift::Worsened { from: *previous, to: last, at: meeting_numbers[last_index] });
        }
        if !self.current_rag().is_concern() {
            return None;
        }
        let run = rated
            .iter()
            .rev()
            .enumerate()
            .take_while(|(step, (index, rag))| *index + step == last_index && rag.is_concern())
            .count();
        (run >= 2).then_some(Drift::Stuck { rag: last, meetings: run })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Update;
    use chrono::NaiveDate;

    /// An action rated at the given meetings, `None` where a meeting did not rate it.
    fn rated_at(ratings: &[Option<Rag>]) -> PlanAction {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        PlanAction {
            id: "2.1".into(),
            recommendation: "R2".into(),
            title: "Drift test".into(),
            lead: "lead".into(),
            due: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            redated: vec![],
            measure: String::new(),
            evidence: vec![],
            updates: ratings
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    r.map(|rag| Update {
                        date: start + chrono::Days::new(40 * i as u64),
                        meeting: Some(i as u32 + 1),
                        rag,
                        impact: None,
                        note: String::new(),
                        by: None,
                    })
                })
                .collect(),
        }
    }

    const MEETINGS: [u32; 5] = [1, 2, 3, 4, 5];
    use Rag::*;

    #[test]
    fn amber_at_two_consecutive_meetings_is_drift() {
        let action = rated_at(&[Some(Green), Some(Amber), Some(Amber)]);
        // Green → Amber at 2 was a fall, but the latest pair is Amber → Amber: stuck.
        assert_eq!(action.drift(&MEETINGS), Some(Drift::Stuck { rag: Amber, meetings: 2 }));
    }

    #[test]
    fn red_red_then_amber_is_still_stuck_and_not_a_worsening() {
        let action = rated_at(&[Some(Red), Some(Red), Some(Amber)]);
        assert_eq!(action.drift(&MEETINGS), Some(Drift::Stuck { rag: Amber, meetings: 3 }));
    }

    #[test]
    fn worse_than_at_the_previous_meeting_is_drift() {
        let action = rated_at(&[Some(Green), Some(Green), Some(Amber)]);
        assert_eq!(action.drift(&MEETINGS), Some(Drift::Worsened { from: Green, to: Amber, at: 3 }));
        let slipped_from_blue = rated_at(&[Some(Blue), Some(Green)]);
        assert!(matches!(slipped_from_blue.drift(&MEETINGS), Some(Drift::Worsened { .. })));
    }

    #[test]
    fn a_gap_in_meetings_breaks_the_run() {
        let action = rated_at(&[Some(Amber), None, Some(Amber)]);
        assert_eq!(action.drift(&MEETINGS), None);
    }

    #[test]
    fn a_single_amber_or_a_recovery_is_not_drift() {
        assert_eq!(rated_at(&[Some(Amber)]).drift(&MEETINGS), None);
        assert_eq!(rated_at(&[Some(Red), Some(Amber), Some(Green)]).drift(&MEETINGS), None);
        assert_eq!(rated_at(&[]).drift(&MEETINGS), None);
    }

    #[test]
    fn a_later_green_between_meetings_clears_a_stuck_run() {
        let mut action = rated_at(&[Some(Amber), Some(Amber)]);
        let mut between = action.updates[1].clone();
        between.meeting = None;
        between.rag = Green;
        action.updates.push(between);
        assert_eq!(action.drift(&MEETINGS), None);
    }
}
