//! The board: everything one board file holds, and the board-wide facts a chair reads
//! first — RAG counts, overdue and drifting actions, the open action log, the next meeting.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Drift, Indicator, Inspection, Meeting, MeetingAction, MeetingStatus, Person, PlanAction, Priority, RagCounts,
    Recommendation, dates, dates::Moment,
};

/// The newest board file format this app reads and writes.
pub const CURRENT_FORMAT: u32 = 2;

/// Clear working days between publishing the papers and the meeting, unless the terms of
/// reference say otherwise.
pub const DEFAULT_NOTICE_DAYS: u32 = 5;

/// One improvement board: its people, inspections, statement of action, indicators and
/// meetings, and the audit trail of changes made to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub format: u32,
    pub authority: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention: Option<Intervention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspections: Vec<Inspection>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Change>,
}

/// The DfE intervention the board answers to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    pub kind: InterventionKind,
    #[serde(with = "dates::date")]
    pub issued: NaiveDate,
    /// How often, in months, the DfE reviews progress.
    #[serde(default = "six", skip_serializing_if = "is_six")]
    pub review_months: u32,
}

fn six() -> u32 {
    6
}

fn is_six(months: &u32) -> bool {
    *months == 6
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterventionKind {
    ImprovementNotice,
    StatutoryDirection,
}

impl InterventionKind {
    pub fn label(self) -> &'static str {
        match self {
            InterventionKind::ImprovementNotice => "Improvement notice",
            InterventionKind::StatutoryDirection => "Statutory direction",
        }
    }
}

/// The board's terms of reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub frequency: String,
    /// Clear working days between publishing the papers and the meeting.
    #[serde(default = "default_notice_days")]
    pub notice_days: u32,
}

fn default_notice_days() -> u32 {
    DEFAULT_NOTICE_DAYS
}

/// One entry of the audit trail: when, by whom, and what, in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub at: Moment,
    pub by: String,
    pub what: String,
    /// What changed, for code to read: nothing reads meaning back out of `what`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Subject>,
}

/// What an audit-trail entry is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    Board,
    Person(String),
    Inspection(String),
    Priority(String),
    Recommendation(String),
    Action(String),
    Indicator(String),
    Meeting(u32),
    MeetingAction(String),
}

impl Board {
    /// A board with nothing in it yet.
    pub fn blank(authority: &str, title: &str) -> Board {
        Board {
            format: CURRENT_FORMAT,
            authority: authority.to_string(),
            title: title.to_string(),
            intervention: None,
            terms: None,
            people: vec![],
            inspections: vec![],
            priorities: vec![],
            recommendations: vec![],
            actions: vec![],
            indicators: vec![],
            meetings: vec![],
            history: vec![],
        }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person's name, or the id itself when nobody has it (so a report still reads).
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, Person::called)
    }

    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id == id)
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    pub fn action(&self, id: &str) -> Option<&PlanAction> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn meeting(&self, number: u32) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.number == number)
    }

    pub fn inspection(&self, id: &str) -> Option<&Inspection> {
        self.inspections.iter().find(|i| i.id == id)
    }

    /// The recommendations under a priority, in file order.
    pub fn recommendations_for<'a>(&'a self, priority: &'a str) -> impl Iterator<Item = &'a Recommendation> {
        self.recommendations.iter().filter(move |r| r.priority == priority)
    }

    /// The actions answering a recommendation, in file order.
    pub fn actions_for<'a>(&'a self, recommendation: &'a str) -> impl Iterator<Item = &'a PlanAction> {
        self.actions.iter().filter(move |a| a.recommendation == recommendation)
    }

    /// Every recommendation's actions, in file order, in one pass over the actions: for
    /// whatever goes through every recommendation, where a search for each would grow
    /// with the square of the plan.
    pub fn actions_by_recommendation(&self) -> HashMap<&str, Vec<&PlanAction>> {
        let mut grouped: HashMap<&str, Vec<&PlanAction>> = HashMap::new();
        for action in &self.actions {
            grouped.entry(action.recommendation.as_str()).or_default().push(action);
        }
        grouped
    }

    /// Each recommendation's priority id, for lookups in one step rather than a search.
    fn priority_of_recommendation(&self) -> HashMap<&str, &str> {
        self.recommendations.iter().map(|r| (r.id.as_str(), r.priority.as_str())).collect()
    }

    /// The actions under a priority, through its recommendations.
    pub fn actions_in_priority<'a>(&'a self, priority: &'a str) -> impl Iterator<Item = &'a PlanAction> {
        let priorities = self.priority_of_recommendation();
        self.actions.iter().filter(move |a| priorities.get(a.recommendation.as_str()) == Some(&priority))
    }

    /// The priority an action sits under.
    pub fn priority_of(&self, action: &PlanAction) -> Option<&Priority> {
        self.recommendation(&action.recommendation).and_then(|r| self.priority(&r.priority))
    }

    /// The statement of action in the plan's order: priority by priority, recommendation
    /// by recommendation. Actions whose recommendation or priority is missing come last,
    /// so nothing silently disappears from a walk-through or a report.
    pub fn actions_in_plan_order(&self) -> Vec<&PlanAction> {
        // Rank each recommendation by (priority, recommendation) position once; then one
        // stable sort keeps file order within a recommendation.
        let priority_rank: HashMap<&str, usize> =
            self.priorities.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut recommendations: Vec<(usize, usize, &str)> = self
            .recommendations
            .iter()
            .enumerate()
            .filter_map(|(i, r)| priority_rank.get(r.priority.as_str()).map(|p| (*p, i, r.id.as_str())))
            .collect();
        recommendations.sort();
        let rank: HashMap<&str, usize> = recommendations.iter().enumerate().map(|(n, (_, _, id))| (*id, n)).collect();
        let mut ordered: Vec<&PlanAction> = self.actions.iter().collect();
        // Actions whose recommendation or priority is missing sort last.
        ordered.sort_by_key(|a| rank.get(a.recommendation.as_str()).copied().unwrap_or(usize::MAX));
        ordered
    }

    /// RAG counts across the whole statement of action.
    pub fn rag_counts(&self) -> RagCounts {
        self.actions.iter().map(PlanAction::current_rag).collect()
    }

    /// RAG counts per priority, in the plan's order.
    pub fn rag_counts_by_priority(&self) -> Vec<(&Priority, RagCounts)> {
        let priorities = self.priority_of_recommendation();
        let mut counts: HashMap<&str, RagCounts> = HashMap::new();
        for action in &self.actions {
            if let Some(priority) = priorities.get(action.recommendation.as_str()) {
                counts.entry(priority).or_default().add(action.current_rag());
            }
        }
        self.priorities.iter().map(|p| (p, counts.get(p.id.as_str()).copied().unwrap_or_default())).collect()
    }

    /// RAG counts for one priority's actions: its rolled-up rating is `.worst()`.
    pub fn rag_counts_for_priority(&self, priority: &str) -> RagCounts {
        self.actions_in_priority(priority).map(PlanAction::current_rag).collect()
    }

    /// RAG counts for one recommendation's actions: its rolled-up rating is `.worst()`.
    pub fn rag_counts_for_recommendation(&self, recommendation: &str) -> RagCounts {
        self.actions_for(recommendation).map(PlanAction::current_rag).collect()
    }

    /// Overdue actions with their days overdue, most overdue first.
    pub fn overdue_actions(&self, today: NaiveDate) -> Vec<(&PlanAction, i64)> {
        let mut overdue: Vec<(&PlanAction, i64)> =
            self.actions.iter().filter_map(|a| a.days_overdue(today).map(|d| (a, d))).collect();
        overdue.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
        overdue
    }

    /// The board's meeting numbers in order: what "consecutive meetings" is read against.
    pub fn meeting_numbers(&self) -> Vec<u32> {
        self.meetings.iter().map(|m| m.number).collect()
    }

    /// Drifting actions, in the plan's order.
    pub fn drifting_actions(&self) -> Vec<(&PlanAction, Drift)> {
        let numbers = self.meeting_numbers();
        self.actions_in_plan_order().into_iter().filter_map(|a| a.drift(&numbers).map(|d| (a, d))).collect()
    }

    /// Every meeting action with the meeting that raised it, in meeting order.
    pub fn meeting_actions(&self) -> impl Iterator<Item = (&Meeting, &MeetingAction)> {
        self.meetings.iter().flat_map(|m| m.actions.iter().map(move |a| (m, a)))
    }

    /// Open meeting actions, in the order they were raised.
    pub fn open_meeting_actions(&self) -> Vec<(&Meeting, &MeetingAction)> {
        self.meeting_actions().filter(|(_, a)| a.is_open()).collect()
    }

    /// Open meeting actions past their due date, most overdue first.
    pub fn overdue_meeting_actions(&self, today: NaiveDate) -> Vec<(&Meeting, &MeetingAction, i64)> {
        let mut overdue: Vec<_> =
            self.meeting_actions().filter_map(|(m, a)| a.days_overdue(today).map(|d| (m, a, d))).collect();
        overdue.sort_by_key(|o| std::cmp::Reverse(o.2));
        overdue
    }

    /// The meeting the clerk is preparing or recording: the first not yet approved that
    /// is today or later; else the latest not yet approved; else the latest of all.
    pub fn meeting_to_prepare(&self, today: NaiveDate) -> Option<&Meeting> {
        let open = || self.meetings.iter().filter(|m| !m.is_approved());
        open().find(|m| m.date >= today).or_else(|| open().next_back()).or(self.meetings.last())
    }

    /// The open actions raised at earlier meetings, which meeting `number` reviews under
    /// its action-log item: done, dropped or carried forward.
    pub fn actions_carried_forward(&self, number: u32) -> Vec<(&Meeting, &MeetingAction)> {
        self.open_meeting_actions().into_iter().filter(|(m, _)| m.number < number).collect()
    }

    /// The next planned meeting on or after `today`.
    pub fn next_meeting(&self, today: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().filter(|m| m.status == MeetingStatus::Planned && m.date >= today).min_by_key(|m| m.date)
    }

    /// Meetings still marked Planned whose date has passed: held but not recorded as held,
    /// or not held at all. Either way the clerk should say which.
    pub fn planned_meetings_past(&self, today: NaiveDate) -> Vec<&Meeting> {
        self.meetings.iter().filter(|m| m.status == MeetingStatus::Planned && m.date < today).collect()
    }

    /// The latest meeting that has taken place (held or approved).
    pub fn latest_held_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().filter(|m| m.status != MeetingStatus::Planned).max_by_key(|m| m.number)
    }

    /// The number, date and venue proposed for a new meeting: the next number, six weeks
    /// after the last meeting (or today, if that is later), in the last meeting's venue.
    pub fn proposed_next_meeting(&self, today: NaiveDate) -> (u32, NaiveDate, String) {
        let last = self.meetings.last();
        let number = last.map_or(1, |m| m.number + 1);
        let date = last.map_or(today, |m| (m.date + chrono::Days::new(super::meeting::USUAL_GAP_DAYS)).max(today));
        (number, date, last.map(|m| m.venue.clone()).unwrap_or_default())
    }

    /// The meeting at which meeting `number`'s minutes are approved, when they are
    /// approved `today`: the next meeting, if it is being held today or was held already.
    pub fn approving_meeting(&self, number: u32, today: NaiveDate) -> Option<u32> {
        self.meetings.iter().find(|m| m.number > number && m.date <= today).map(|m| m.number)
    }

    /// The audit trail's entries about one action, oldest first.
    pub fn changes_to_action(&self, id: &str) -> Vec<&Change> {
        self.history.iter().filter(|c| matches!(&c.about, Some(Subject::Action(a)) if a == id)).collect()
    }

    /// Indicators whose latest reading misses the target.
    pub fn indicators_off_target(&self) -> Vec<&Indicator> {
        self.indicators.iter().filter(|i| i.meets_target() == Some(false)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::dates::parse_date;
    use crate::sample::sample_board;

    #[test]
    fn the_meeting_to_prepare_is_the_next_one_not_yet_approved() {
        let board = sample_board();
        let numbers = |today: &str| board.meeting_to_prepare(parse_date(today).unwrap()).map(|m| m.number);
        // Before meeting 5: meeting 5 (held, not yet approved) is the first open one ahead.
        assert_eq!(numbers("2026-06-01"), Some(5));
        // After every meeting: the latest not yet approved.
        assert_eq!(numbers("2027-06-01"), Some(6));
        let mut all_approved = board.clone();
        all_approved.meetings.retain(|m| m.is_approved());
        assert_eq!(all_approved.meeting_to_prepare(parse_date("2027-06-01").unwrap()).map(|m| m.number), Some(4));
    }

    #[test]
    fn actions_carried_forward_are_the_open_ones_raised_earlier() {
        let board = sample_board();
        let carried = board.actions_carried_forward(6);
        assert!(!carried.is_empty());
        assert!(carried.iter().all(|(m, a)| m.number < 6 && a.is_open()));
        let open_before_6 = board.open_meeting_actions().iter().filter(|(m, _)| m.number < 6).count();
        assert_eq!(carried.len(), open_before_6);
        assert!(board.actions_carried_forward(1).is_empty(), "nothing comes before the first meeting");
    }
}
