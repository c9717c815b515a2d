//! Meetings of the board: attendance, declarations, the agenda with its record, and the
//! actions raised (the action log).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{TimeOfDay, dates};

/// One meeting of the board, planned, held or with its minutes approved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub number: u32,
    #[serde(with = "dates::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<TimeOfDay>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub venue: String,
    pub status: MeetingStatus,
    /// The sign-off of the minutes, with the seal of the record approved: present exactly
    /// when the status is `Approved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_attendance: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apologies: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<Declaration>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<AgendaItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<MeetingAction>,
}

/// Where a meeting is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingStatus {
    Planned,
    Held,
    /// Minutes signed off as a correct record: the meeting is read-only from then on.
    Approved,
}

impl MeetingStatus {
    pub fn word(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Planned",
            MeetingStatus::Held => "Held",
            MeetingStatus::Approved => "Approved",
        }
    }
}

/// The approval of a meeting's minutes as a correct record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The date the minutes were approved.
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    /// The meeting that approved them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_meeting: Option<u32>,
    /// Who signed them off (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// `sha256:` and the digest of the meeting's record as approved.
    pub seal: String,
}

impl Approval {
    /// The seal's first twelve hex digits, for a page footer: "sha256:9f86d081884c".
    pub fn short_seal(&self) -> &str {
        let end = self.seal.char_indices().nth("sha256:".len() + 12).map_or(self.seal.len(), |(i, _)| i);
        &self.seal[..end]
    }
}

/// A declaration of interest in an agenda item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub person: String,
    /// The agenda item's number.
    pub item: u32,
    pub interest: String,
}

/// An item on the agenda, with the clerk's record of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
    pub kind: ItemKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Purpose>,
    /// Who presents it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    /// Time allowed, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// Set when the item is taken in private; it is then kept out of the public minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<Exempt>,
    /// Reports laid before the board for this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub papers: Vec<Paper>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<String>,
}

/// What the board is asked to do with an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    Decision,
    Noting,
    Discussion,
    Information,
}

impl Purpose {
    pub fn word(self) -> &'static str {
        match self {
            Purpose::Decision => "For decision",
            Purpose::Noting => "For noting",
            Purpose::Discussion => "For discussion",
            Purpose::Information => "For information",
        }
    }
}

/// A report laid before the board for an item: a PDF beside the board file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub title: String,
    /// The PDF's path relative to the board's folder, with `/` as separator.
    pub file: String,
    /// When it reached the clerk.
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub received: Option<NaiveDate>,
}

impl Paper {
    /// Why the path cannot name a file in the board's folder, if it cannot: it leaves the
    /// folder, is absolute, or uses `\` (the file is shared between systems).
    pub fn path_problem(&self) -> Option<&'static str> {
        let file = self.file.as_str();
        if file.is_empty() {
            Some("names no file")
        } else if file.starts_with('/') || file.contains(':') || file.starts_with('\\') {
            Some("must be relative to the board's folder, not an absolute path")
        } else if file.contains('\\') {
            Some("must use `/` between folders, not `\\`")
        } else if file.split('/').any(|part| part == "..") {
            Some("leaves the board's folder (`..`): a board and its papers move together as one folder")
        } else {
            None
        }
    }
}

/// What an agenda item is for; the standard agenda has one of each, and one plan review
/// per priority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemKind {
    PreviousMinutes,
    ActionLog,
    PlanReview { priority: String },
    Performance,
    MonitoringVisit,
    Other,
}

/// Why an item is exempt: a paragraph of Part 1 of Schedule 12A to the Local Government
/// Act 1972 (1–7 in England, 12–18 in Wales).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exempt {
    pub paragraph: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl Exempt {
    /// Whether the paragraph is one that Schedule 12A has.
    pub fn paragraph_is_known(&self) -> bool {
        matches!(self.paragraph, 1..=7 | 12..=18)
    }

    /// What the public minutes say in place of the item.
    pub fn public_wording(&self) -> String {
        format!(
            "Taken in private under paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972.",
            self.paragraph
        )
    }

    /// What the agenda says of the item, before the meeting.
    pub fn agenda_wording(&self) -> String {
        format!(
            "The press and public are likely to be excluded for this item, which involves exempt information as described in paragraph {} of Part 1 of Schedule 12A to the Local Government Act 1972.",
            self.paragraph
        )
    }
}

/// An action raised at a meeting: an entry in the action log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingAction {
    pub id: String,
    pub text: String,
    /// The owner's person id.
    pub owner: String,
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The agenda item it was raised under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    pub status: ActionStatus,
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn word(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }
}

impl MeetingAction {
    pub fn is_open(&self) -> bool {
        self.status == ActionStatus::Open
    }

    /// Open with a due date that has passed (due today is not yet overdue).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }

    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        if self.is_overdue(today) { self.due.map(|due| dates::days_between(due, today)) } else { None }
    }
}

impl Meeting {
    pub fn item(&self, number: u32) -> Option<&AgendaItem> {
        self.items.iter().find(|i| i.number == number)
    }

    pub fn is_approved(&self) -> bool {
        self.status == MeetingStatus::Approved
    }

    /// Whether the item with this number is taken in private.
    pub fn item_is_exempt(&self, number: u32) -> bool {
        self.item(number).is_some_and(|i| i.exempt.is_some())
    }
}

/// The usual gap between board meetings, used to propose the next date.
pub const USUAL_GAP_DAYS: u64 = 42;

impl Meeting {
    /// The time the agenda allows, in minutes, and when the meeting would close at that
    /// pace (with a start time); `None` when no item has a time.
    pub fn time_allowed(&self) -> Option<(u32, Option<TimeOfDay>)> {
        let minutes: u32 = self.items.iter().filter_map(|i| i.minutes).sum();
        if minutes == 0 {
            return None;
        }
        let end = self.start.map(|start| TimeOfDay(start.0 + chrono::Duration::minutes(minutes.into())));
        Some((minutes, end))
    }

    /// Proposes each item's purpose, presenter and time from the same item at `previous`
    /// (the same kind, or for other business the same title), where this one has none.
    pub fn propose_details_from(&mut self, previous: &Meeting) {
        for item in &mut self.items {
            let same = previous.items.iter().find(|p| match (&p.kind, &item.kind) {
                (ItemKind::Other, ItemKind::Other) => p.title.eq_ignore_ascii_case(&item.title),
                (a, b) => a == b,
            });
            if let Some(same) = same {
                item.purpose = item.purpose.or(same.purpose);
                item.presenter = item.presenter.clone().or_else(|| same.presenter.clone());
                item.minutes = item.minutes.or(same.minutes);
            }
        }
    }

    /// A planned meeting with the standard agenda: previous minutes, the action log, one
    /// statement-of-action review per priority, performance, the monitoring visit, and any
    /// other business.
    pub fn with_standard_agenda(number: u32, date: NaiveDate, venue: &str, priorities: &[super::Priority]) -> Meeting {
        let mut titles: Vec<(String, ItemKind)> = vec![
            ("Minutes of the previous meeting".into(), ItemKind::PreviousMinutes),
            ("Action log".into(), ItemKind::ActionLog),
        ];
        titles.extend(
            priorities.iter().map(|p| {
                (format!("Statement of action: {}", p.title), ItemKind::PlanReview { priority: p.id.clone() })
            }),
        );
        titles.push(("Performance scorecard".into(), ItemKind::Performance));
        titles.push(("Monitoring visit".into(), ItemKind::MonitoringVisit));
        titles.push(("Any other business and date of next meeting".into(), ItemKind::Other));
        Meeting {
            number,
            date,
            start: None,
            venue: venue.to_string(),
            status: MeetingStatus::Planned,
            approval: None,
            present: vec![],
            in_attendance: vec![],
            apologies: vec![],
            declarations: vec![],
            items: titles
                .into_iter()
                .enumerate()
                .map(|(i, (title, kind))| AgendaItem {
                    number: i as u32 + 1,
                    title,
                    kind,
                    purpose: None,
                    presenter: None,
                    minutes: None,
                    exempt: None,
                    papers: vec![],
                    notes: String::new(),
                    resolutions: vec![],
                })
                .collect(),
            actions: vec![],
        }
    }

    /// The id for the next action raised at this meeting: "M6-01", "M6-02", …
    pub fn next_action_id(&self) -> String {
        let taken = |n: usize| self.actions.iter().any(|a| a.id == format!("M{}-{n:02}", self.number));
        let n = (self.actions.len() + 1..).find(|n| !taken(*n)).unwrap_or(1);
        format!("M{}-{n:02}", self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_agenda_takes_presenters_and_times_from_the_last() {
        let priorities =
            vec![super::super::Priority { id: "P1".into(), title: "Front door".into(), summary: String::new() }];
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let mut last = Meeting::with_standard_agenda(6, day, "", &priorities);
        last.items[2].presenter = Some("head-mash".into());
        last.items[2].minutes = Some(20);
        last.items[2].purpose = Some(Purpose::Discussion);
        let mut next = Meeting::with_standard_agenda(7, day, "", &priorities);
        next.items[0].minutes = Some(5);
        next.propose_details_from(&last);
        assert_eq!(next.items[2].presenter.as_deref(), Some("head-mash"), "the P1 review, presented as before");
        assert_eq!((next.items[2].minutes, next.items[2].purpose), (Some(20), Some(Purpose::Discussion)));
        assert_eq!(next.items[0].minutes, Some(5), "what is set already stays");
    }

    fn action(due: Option<&str>, status: ActionStatus) -> MeetingAction {
        MeetingAction {
            id: "M1-01".into(),
            text: "Circulate the audit summary".into(),
            owner: "clerk".into(),
            due: due.map(|d| dates::parse_date(d).unwrap()),
            item: None,
            status,
            closed: None,
            note: String::new(),
        }
    }

    #[test]
    fn an_open_action_past_due_is_overdue_but_not_on_the_day() {
        let today = dates::parse_date("2026-05-18").unwrap();
        assert!(!action(Some("2026-05-18"), ActionStatus::Open).is_overdue(today));
        assert_eq!(action(Some("2026-05-11"), ActionStatus::Open).days_overdue(today), Some(7));
    }

    #[test]
    fn done_dropped_and_undated_actions_are_never_overdue() {
        let today = dates::parse_date("2026-12-01").unwrap();
        assert!(!action(Some("2026-05-11"), ActionStatus::Done).is_overdue(today));
        assert!(!action(Some("2026-05-11"), ActionStatus::Dropped).is_overdue(today));
        assert!(!action(None, ActionStatus::Open).is_overdue(today));
    }

    #[test]
    fn a_new_meeting_gets_the_standard_agenda_with_a_review_per_priority() {
        let priorities: Vec<crate::model::Priority> = ["P1", "P2"]
            .iter()
            .map(|id| crate::model::Priority {
                id: id.to_string(),
                title: format!("Theme {id}"),
                summary: String::new(),
            })
            .collect();
        let date = dates::parse_date("2026-12-08").unwrap();
        let meeting = Meeting::with_standard_agenda(6, date, "Town Hall", &priorities);
        let kinds: Vec<&ItemKind> = meeting.items.iter().map(|i| &i.kind).collect();
        assert_eq!(kinds[0], &ItemKind::PreviousMinutes);
        assert_eq!(kinds[1], &ItemKind::ActionLog);
        assert_eq!(kinds[2], &ItemKind::PlanReview { priority: "P1".into() });
        assert_eq!(kinds[3], &ItemKind::PlanReview { priority: "P2".into() });
        assert_eq!(meeting.items.last().unwrap().title, "Any other business and date of next meeting");
        assert!(meeting.items.iter().enumerate().all(|(i, item)| item.number == i as u32 + 1));
        assert_eq!(meeting.next_action_id(), "M6-01");
    }

    #[test]
    fn only_schedule_12a_paragraphs_are_known() {
        for p in [1, 7, 12, 18] {
            assert!(Exempt { paragraph: p, reason: String::new() }.paragraph_is_known());
        }
        for p in [0, 8, 11, 19] {
            assert!(!Exempt { paragraph: p, reason: String::new() }.paragraph_is_known());
        }
    }
}
