//! The statement of action: priorities, the inspection's recommendations under them, and
//! the actions that answer each recommendation, with their RAG history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Rag, dates};

/// A theme the council groups its actions under ("The Family Front Door").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

/// One of the inspection's recommendations, placed under a priority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: String,
    /// The priority's id.
    pub priority: String,
    /// The inspection's id it came from, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<String>,
    pub text: String,
}

/// An action in the statement of action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanAction {
    pub id: String,
    /// The recommendation's id.
    pub recommendation: String,
    pub title: String,
    /// The lead officer's person id.
    pub lead: String,
    /// The date it is due now.
    #[serde(with = "dates::date")]
    pub due: NaiveDate,
    /// Each time the due date moved, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redated: Vec<Redate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The RAG history, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
}

/// A move of an action's due date: from when, on what day, at which meeting and why, so
/// the board (and Ofsted) can see a plan whose dates keep moving.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redate {
    /// The due date before the move.
    #[serde(with = "dates::date")]
    pub was: NaiveDate,
    /// The day the new date was agreed.
    #[serde(with = "dates::date")]
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<u32>,
    pub reason: String,
}

/// A RAG rating given to an action, usually at a meeting, with the commentary that
/// explains it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    #[serde(with = "dates::date")]
    pub date: NaiveDate,
    /// The number of the meeting that agreed it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<u32>,
    /// Delivery: is the action being done?
    pub rag: Rag,
    /// Impact: is it making the difference for children the measure describes?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Rag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The person id of whoever reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// Which way an action's ratings have moved over its recent updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Steady,
    Worsening,
    /// Fewer than two ratings: nothing to compare.
    NotEnoughHistory,
}

impl Trend {
    pub fn word(self) -> &'static str {
        match self {
            Trend::Improving => "Improving",
            Trend::Steady => "Steady",
            Trend::Worsening => "Worsening",
            Trend::NotEnoughHistory => "New",
        }
    }
}

/// How many of the latest ratings the trend looks across.
pub const TREND_WINDOW: usize = 3;

impl PlanAction {
    /// The date first promised: the `was` of the first re-dating, or `due` if never moved.
    pub fn original_due(&self) -> NaiveDate {
        self.redated.first().map_or(self.due, |r| r.was)
    }

    /// Days between the date first promised and the date due now.
    pub fn slippage_days(&self) -> i64 {
        dates::days_between(self.original_due(), self.due)
    }

    /// "First due 30 June 2026, now 30 September 2026: re-dated twice, 92 days later";
    /// `None` for an action never re-dated.
    pub fn redating_words(&self) -> Option<String> {
        let times = match self.redated.len() {
            0 => return None,
            1 => "once".to_string(),
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        let slip = self.slippage_days();
        let by = match slip.cmp(&0) {
            std::cmp::Ordering::Greater => format!(", {} later", dates::days(slip)),
            std::cmp::Ordering::Less => format!(", {} earlier", dates::days(-slip)),
            std::cmp::Ordering::Equal => String::new(),
        };
        Some(format!(
            "First due {}, now {}: re-dated {times}{by}",
            dates::uk_long(self.original_due()),
            dates::uk_long(self.due)
        ))
    }

    /// The action as it stood before meeting `number` (on `date`): without the ratings
    /// given at it or after it. What "before this meeting" shows, so a rating just
    /// recorded is not mistaken for the one the board started from.
    pub fn before_meeting(&self, number: u32, date: NaiveDate) -> PlanAction {
        let mut before = self.clone();
        before.updates.retain(|u| match u.meeting {
            Some(m) => m < number,
            None => u.date < date,
        });
        before
    }

    pub fn latest_update(&self) -> Option<&Update> {
        self.updates.last()
    }

    /// The rating of the latest update; `NotRated` when there is none.
    pub fn current_rag(&self) -> Rag {
        self.latest_update().map_or(Rag::NotRated, |u| u.rag)
    }

    /// The latest impact rating given, if any update gave one.
    pub fn current_impact(&self) -> Option<Rag> {
        self.updates.iter().rev().find_map(|u| u.impact)
    }

    /// The newest non-empty commentary.
    pub fn latest_note(&self) -> Option<&str> {
        self.updates.iter().rev().map(|u| u.note.as_str()).find(|n| !n.is_empty())
    }

    pub fn is_complete(&self) -> bool {
        self.current_rag() == Rag::Blue
    }

    /// Overdue: the due date has passed (due today is not yet overdue) and the action is
    /// not Blue.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due < today && !self.is_complete()
    }

    /// Days past the due date, when overdue.
    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        self.is_overdue(today).then(|| dates::days_between(self.due, today))
    }

    /// The last `n` ratings, oldest first (the trend strip).
    pub fn recent_ratings(&self, n: usize) -> Vec<Rag> {
        let start = self.updates.len().saturating_sub(n);
        self.updates[start..].iter().map(|u| u.rag).collect()
    }

    /// Direction over the last [`TREND_WINDOW`] rated updates: the latest compared with the
    /// oldest of them. Unrated updates are skipped.
    pub fn trend(&self) -> Trend {
        let rated: Vec<u8> = self.updates.iter().filter_map(|u| u.rag.progress()).collect();
        let window = &rated[rated.len().saturating_sub(TREND_WINDOW)..];
        match (window.first(), window.last()) {
            (Some(first), Some(last)) if window.len() >= 2 => match last.cmp(first) {
                std::cmp::Ordering::Greater => Trend::Improving,
                std::cmp::Ordering::Equal => Trend::Steady,
                std::cmp::Ordering::Less => Trend::Worsening,
            },
            _ => Trend::NotEnoughHistory,
        }
    }

    /// The rating this action was given at meeting `number`, the last one if several.
    pub fn rating_at(&self, meeting: u32) -> Option<&Update> {
        self.updates.iter().rev().find(|u| u.meeting == Some(meeting))
    }

    /// Whether rating this action `rag` at meeting `number` changes an agreed rating
    /// without a reason, and if so the rating it changes from. A rating that differs from
    /// the one before the meeting needs a note; re-rating at the same meeting differently
    /// needs a new note, since the old one gave the reason for the old rating. The rule
    /// of the board, kept here so the core and every view apply the same one.
    pub fn reason_needed(&self, number: u32, meeting_date: NaiveDate, rag: Rag, note: &str) -> Option<Rag> {
        let note = note.trim();
        if let Some(agreed) = self.rating_at(number) {
            let changes = agreed.rag != rag;
            return (changes && (note.is_empty() || note == agreed.note.trim())).then_some(agreed.rag);
        }
        let previous = self.rating_before(number, meeting_date).map_or(Rag::NotRated, |u| u.rag);
        (rag != previous && note.is_empty()).then_some(previous)
    }

    /// The latest rating given before meeting `number` (at an earlier meeting or between
    /// meetings): what "previous rating" means in the minutes.
    pub fn rating_before(&self, meeting: u32, meeting_date: NaiveDate) -> Option<&Update> {
        self.updates.iter().rev().find(|u| match u.meeting {
            Some(m) => m < meeting,
            None => u.date < meeting_date,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn date(s: &str) -> NaiveDate {
        dates::parse_date(s).unwrap()
    }

    pub(crate) fn action_with(due: &str, ratings: &[Rag]) -> PlanAction {
        PlanAction {
            id: "1.1".into(),
            recommendation: "R1".into(),
            title: "Test action".into(),
            lead: "lead".into(),
            due: date(due),
            redated: vec![],
            measure: String::new(),
            evidence: vec![],
            updates: ratings
                .iter()
                .enumerate()
                .map(|(i, &rag)| Update {
                    date: date("2026-01-01") + chrono::Days::new(42 * i as u64),
                    meeting: Some(i as u32 + 1),
                    rag,
                    impact: None,
                    note: format!("note {}", i + 1),
                    by: None,
                })
                .collect(),
        }
    }

    #[test]
    fn an_action_with_no_updates_is_not_rated_and_has_no_trend() {
        let action = action_with("2026-06-30", &[]);
        assert_eq!(action.current_rag(), Rag::NotRated);
        assert_eq!(action.trend(), Trend::NotEnoughHistory);
        assert_eq!(action.latest_note(), None);
        assert!(action.recent_ratings(4).is_empty());
    }

    #[test]
    fn current_rag_is_the_latest_update() {
        let action = action_with("2026-06-30", &[Rag::Red, Rag::Amber, Rag::Green]);
        assert_eq!(action.current_rag(), Rag::Green);
        assert_eq!(action.latest_note(), Some("note 3"));
    }

    #[test]
    fn due_today_is_not_overdue_but_tomorrow_it_is() {
        let action = action_with("2026-06-30", &[Rag::Amber]);
        assert!(!action.is_overdue(date("2026-06-30")));
        assert_eq!(action.days_overdue(date("2026-06-30")), None);
        assert!(action.is_overdue(date("2026-07-01")));
        assert_eq!(action.days_overdue(date("2026-07-01")), Some(1));
    }

    #[test]
    fn a_blue_action_is_never_overdue() {
        let action = action_with("2026-01-31", &[Rag::Amber, Rag::Blue]);
        assert!(!action.is_overdue(date("2026-12-01")));
    }

    #[test]
    fn an_unrated_action_past_its_date_is_overdue() {
        let action = action_with("2026-01-31", &[]);
        assert_eq!(action.days_overdue(date("2026-02-02")), Some(2));
    }

    #[test]
    fn days_overdue_counts_the_leap_day() {
        let action = action_with("2028-02-28", &[Rag::Red]);
        assert_eq!(action.days_overdue(date("2028-03-01")), Some(2));
        let action = action_with("2027-02-28", &[Rag::Red]);
        assert_eq!(action.days_overdue(date("2027-03-01")), Some(1));
    }

    #[test]
    fn trend_compares_latest_with_the_oldest_of_the_last_three() {
        use Rag::*;
        assert_eq!(action_with("2026-06-30", &[Red, Amber, Green]).trend(), Trend::Improving);
        assert_eq!(action_with("2026-06-30", &[Green, Amber]).trend(), Trend::Worsening);
        assert_eq!(action_with("2026-06-30", &[Amber, Amber, Amber]).trend(), Trend::Steady);
        // Only the last three count: an old Red no longer makes it "improving".
        assert_eq!(action_with("2026-06-30", &[Red, Green, Green, Green]).trend(), Trend::Steady);
        // Unrated updates are skipped rather than read as a fall.
        assert_eq!(action_with("2026-06-30", &[Amber, NotRated, Green]).trend(), Trend::Improving);
        assert_eq!(action_with("2026-06-30", &[NotRated, Amber]).trend(), Trend::NotEnoughHistory);
    }

    #[test]
    fn recent_ratings_are_the_last_n_oldest_first() {
        use Rag::*;
        let action = action_with("2026-06-30", &[Red, Red, Amber, Green, Blue]);
        assert_eq!(action.recent_ratings(4), vec![Red, Amber, Green, Blue]);
        assert_eq!(action.recent_ratings(10).len(), 5);
    }

    #[test]
    fn rating_before_a_meeting_is_the_previous_meeting_rating() {
        use Rag::*;
        let action = action_with("2026-06-30", &[Red, Amber, Green]);
        assert_eq!(action.rating_at(2).map(|u| u.rag), Some(Amber));
        let meeting3_date = action.updates[2].date;
        assert_eq!(action.rating_before(3, meeting3_date).map(|u| u.rag), Some(Amber));
        assert!(action.rating_before(1, action.updates[0].date).is_none());
    }

    #[test]
    fn slippage_runs_from_the_date_first_promised() {
        let mut action = action_with("2026-09-30", &[]);
        assert_eq!((action.original_due(), action.slippage_days()), (date("2026-09-30"), 0));
        let redate =
            |was: &str, on: &str| Redate { was: date(was), on: date(on), meeting: None, reason: "Recruitment".into() };
        action.redated = vec![redate("2026-06-30", "2026-06-01"), redate("2026-07-31", "2026-07-14")];
        assert_eq!(action.original_due(), date("2026-06-30"));
        assert_eq!(action.slippage_days(), 92);
    }

    #[test]
    fn a_change_of_rating_needs_a_reason_and_a_re_rating_a_new_one() {
        use Rag::*;
        let action = action_with("2026-06-30", &[Red, Amber]);
        let (second, third) = (action.updates[1].date, action.updates[1].date + chrono::Days::new(42));
        // Meeting 3: Amber again needs no note; Green does.
        assert_eq!(action.reason_needed(3, third, Amber, ""), None);
        assert_eq!(action.reason_needed(3, third, Green, "  "), Some(Amber));
        assert_eq!(action.reason_needed(3, third, Green, "Backlog cleared."), None);
        // Meeting 2 rated it Amber ("note 2"): Green at meeting 2 needs a note that is not the old one.
        assert_eq!(action.reason_needed(2, second, Green, "note 2"), Some(Amber));
        assert_eq!(action.reason_needed(2, second, Green, "Audit came back good."), None);
        assert_eq!(action.reason_needed(2, second, Amber, "note 2"), None);
    }

    #[test]
    fn impact_is_the_latest_given() {
        let mut action = action_with("2026-06-30", &[Rag::Green, Rag::Green]);
        action.updates[0].impact = Some(Rag::Red);
        assert_eq!(action.current_impact(), Some(Rag::Red));
        action.updates[1].impact = Some(Rag::Amber);
        assert_eq!(action.current_impact(), Some(Rag::Amber));
    }
}
