//! The board as it stood at a date: what the board knew then. A report re-run for an old
//! meeting shows what the board saw at it, not what was added since.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{ActionStatus, Board, MeetingStatus, YearMonth};

impl Board {
    /// The board as known on `date`: ratings and re-datings given after it are not yet
    /// there (so current RAG, trend, drift, counts and overdue are as they stood);
    /// meetings after it have not been held, and the actions they raised do not exist;
    /// meeting actions closed after it are still open; readings entered after it, or for
    /// months not yet begun, are not yet known. The statement of action itself (its
    /// priorities, recommendations and actions) is the one the board has now.
    ///
    /// Borrowed when nothing in the board is later than `date` (a report as at today),
    /// so the usual case copies nothing.
    pub fn as_at(&self, date: NaiveDate) -> Cow<'_, Board> {
        if !self.has_anything_after(date) {
            return Cow::Borrowed(self);
        }
        let mut board = self.clone();
        for action in &mut board.actions {
            action.updates.retain(|u| u.date <= date);
            // A re-dating agreed after the date had not happened: the due date was `was`.
            while let Some(last) = action.redated.last().filter(|r| r.on > date) {
                action.due = last.was;
                action.redated.pop();
            }
        }
        for meeting in &mut board.meetings {
            if meeting.date > date {
                meeting.status = MeetingStatus::Planned;
                meeting.approval = None;
                meeting.actions.clear();
            } else if meeting.approval.as_ref().and_then(|a| a.on).is_some_and(|on| on > date) {
                meeting.status = MeetingStatus::Held;
                meeting.approval = None;
            }
            for action in &mut meeting.actions {
                if action.closed.is_some_and(|closed| closed > date) {
                    action.status = ActionStatus::Open;
                    action.closed = None;
                }
            }
        }
        let month = YearMonth::of(date);
        for indicator in &mut board.indicators {
            indicator.readings.retain(|r| r.period <= month && r.entered.is_none_or(|entered| entered <= date));
        }
        Cow::Owned(board)
    }

    /// Whether anything in the board happened after `date`: what [`Board::as_at`] takes out.
    fn has_anything_after(&self, date: NaiveDate) -> bool {
        let month = YearMonth::of(date);
        self.actions.iter().any(|a| a.updates.iter().any(|u| u.date > date) || a.redated.iter().any(|r| r.on > date))
            || self.meetings.iter().any(|m| {
                m.date > date
                    || m.approval.as_ref().and_then(|a| a.on).is_some_and(|on| on > date)
                    || m.actions.iter().any(|a| a.closed.is_some_and(|closed| closed > date))
            })
            || self
                .indicators
                .iter()
                .any(|i| i.readings.iter().any(|r| r.period > month || r.entered.is_some_and(|entered| entered > date)))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Rag, dates::parse_date};
    use crate::sample::sample_board;

    #[test]
    fn at_each_meeting_the_board_is_as_it_was_then() {
        let board = sample_board();
        for meeting in &board.meetings {
            let then = board.as_at(meeting.date);
            for action in &then.actions {
                assert!(action.updates.iter().all(|u| u.date <= meeting.date));
                let latest_then = board.action(&action.id).unwrap().updates.iter().rfind(|u| u.date <= meeting.date);
                assert_eq!(action.current_rag(), latest_then.map_or(Rag::NotRated, |u| u.rag));
            }
            assert!(
                then.meetings
                    .iter()
                    .filter(|m| m.date > meeting.date)
                    .all(|m| !m.is_approved() && m.actions.is_empty())
            );
            assert_eq!(
                then.latest_held_meeting().map(|m| m.number),
                board
                    .meetings
                    .iter()
                    .filter(|m| m.date <= meeting.date && m.status != crate::model::MeetingStatus::Planned)
                    .map(|m| m.number)
                    .max()
            );
        }
    }

    #[test]
    fn before_anything_happened_nothing_is_rated_and_after_everything_all_is() {
        let board = sample_board();
        let long_ago = board.as_at(parse_date("1900-01-01").unwrap());
        assert_eq!(long_ago.rag_counts().get(Rag::NotRated), board.actions.len());
        assert!(long_ago.open_meeting_actions().is_empty());
        let far_ahead = board.as_at(parse_date("2199-12-31").unwrap());
        assert!(matches!(far_ahead, std::borrow::Cow::Borrowed(_)), "nothing is later: nothing is copied");
        assert_eq!(*far_ahead, board);
    }

    #[test]
    fn a_re_dating_after_the_date_had_not_happened() {
        let mut board = sample_board();
        let on = parse_date("2026-07-14").unwrap();
        let action = &mut board.actions[0];
        let was = action.due;
        action.redated.push(crate::model::Redate { was, on, meeting: None, reason: "Slipped".into() });
        action.due = parse_date("2026-12-31").unwrap();
        assert_eq!(board.as_at(parse_date("2026-07-01").unwrap()).actions[0].due, was);
        assert_eq!(board.as_at(on).actions[0].due, parse_date("2026-12-31").unwrap());
    }

    #[test]
    fn a_revised_figure_is_shown_only_from_the_day_it_was_entered() {
        let board = sample_board();
        let september = crate::model::YearMonth { year: 2026, month: 9 };
        let figure = |date: &str| {
            let then = board.as_at(parse_date(date).unwrap());
            let rereferrals = then.indicators.iter().find(|i| i.id == "rereferrals").unwrap();
            (rereferrals.figure(september).map(|r| r.value), rereferrals.is_revised(september))
        };
        assert_eq!(figure("2026-10-05"), (None, false), "September's figure was not yet entered");
        assert_eq!(figure("2026-10-06"), (Some(21.7), false), "the provisional figure, as entered");
        assert_eq!(figure("2026-11-03"), (Some(21.7), false), "the day before the revision");
        assert_eq!(figure("2026-11-04"), (Some(22.3), true), "the revision, its earlier reading kept");
        assert_eq!(figure("2026-12-04"), (Some(22.3), true));
    }
}
