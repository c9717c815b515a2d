//! Format 1, frozen: the structures a `format: 1` board file was read with, and the one
//! way such a file becomes today's [`Board`].
//!
//! Nothing here may change when the model changes: these are the shapes format-1 files
//! were written in. The parts that format 2 left exactly as they were (people,
//! inspections, priorities, recommendations, declarations, exempt items, meeting actions
//! and the enums) are read through the model's own types; should any of them change in a
//! later format, its format-1 shape is frozen here first. The fixtures in
//! `tests/boards/format1/` load through this module in a test, so a drift is caught.
//!
//! The record a format-1 seal was computed from is also frozen here: a board sealed
//! before format 2 existed still verifies ([`seal_v1_text`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    self, Declaration, Exempt, Inspection, Intervention, ItemKind, MeetingAction, MeetingStatus, Person, Priority, Rag,
    Recommendation, Subject, TimeOfDay, YearMonth, dates, dates::Moment,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Board")]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Terms")]
pub struct Terms {
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub frequency: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Change")]
pub struct Change {
    pub at: Moment,
    pub by: String,
    pub what: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "PlanAction")]
pub struct PlanAction {
    pub id: String,
    pub recommendation: String,
    pub title: String,
    pub lead: String,
    #[serde(with = "dates::date")]
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Update")]
pub struct Update {
    #[serde(with = "dates::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<u32>,
    pub rag: Rag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Rag>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Indicator")]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: model::Unit,
    pub better: model::Better,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Reading")]
pub struct Reading {
    pub period: YearMonth,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Meeting")]
pub struct Meeting {
    pub number: u32,
    #[serde(with = "dates::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<TimeOfDay>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub venue: String,
    pub status: MeetingStatus,
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "AgendaItem")]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
    pub kind: ItemKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<Exempt>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<String>,
}

/// What converting a format-1 board did, in words for `upgrade` and the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversion {
    /// One line per thing converted: "meeting 3: approval and seal taken from the history".
    pub notes: Vec<String>,
}

/// The seal a format-1 approval wrote into the history: "Meeting N marked approved (seal
/// sha256:HEX)", and the moment it was written.
fn seal_in_history(history: &[Change], number: u32) -> Option<(String, Moment)> {
    let prefix = format!("Meeting {number} marked approved (seal sha256:");
    history.iter().rev().find_map(|c| {
        let hex = c.what.strip_prefix(prefix.as_str())?.strip_suffix(')')?;
        Some((format!("sha256:{hex}"), c.at))
    })
}

/// What a format-1 change was about, from its words ("Action 1.1: …", "Meeting 3 …").
fn about_from_words(what: &str) -> Option<Subject> {
    if let Some(rest) = what.strip_prefix("Action ") {
        let (id, _) = rest.split_once(':')?;
        return Some(Subject::Action(id.to_string()));
    }
    if let Some(rest) = what.strip_prefix("Meeting action ") {
        let (id, _) = rest.split_once(':')?;
        return Some(Subject::MeetingAction(id.to_string()));
    }
    let rest = what.strip_prefix("Meeting ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    let ends_number = after.is_empty() || after.starts_with([' ', ':', ',']);
    if digits.is_empty() || !ends_number {
        return None;
    }
    digits.parse().ok().map(Subject::Meeting)
}

impl Board {
    /// Today's board from a format-1 one, with what was converted. `now` stamps the audit
    /// entries the conversion itself adds.
    pub fn upgrade(self, now: Moment) -> (model::Board, Conversion) {
        let mut conversion = Conversion::default();
        let history: Vec<model::Change> = self
            .history
            .iter()
            .map(|c| model::Change {
                at: c.at,
                by: c.by.clone(),
                what: c.what.clone(),
                about: about_from_words(&c.what),
            })
            .collect();
        let inferred = history.iter().filter(|c| c.about.is_some()).count();
        let mut board = model::Board {
            format: model::CURRENT_FORMAT,
            authority: self.authority,
            title: self.title,
            intervention: self.intervention,
            terms: self.terms.map(|t| model::Terms {
                purpose: t.purpose,
                quorum: t.quorum,
                frequency: t.frequency,
                notice_days: model::DEFAULT_NOTICE_DAYS,
            }),
            people: self.people,
            inspections: self.inspections,
            priorities: self.priorities,
            recommendations: self.recommendations,
            actions: self.actions.into_iter().map(PlanAction::upgrade).collect(),
            indicators: self.indicators.into_iter().map(Indicator::upgrade).collect(),
            meetings: self.meetings.iter().map(Meeting::upgrade).collect(),
            history,
        };
        for meeting in &self.meetings {
            if meeting.status != MeetingStatus::Approved {
                continue;
            }
            let number = meeting.number;
            let approval = match seal_in_history(&self.history, number) {
                Some((seal, at)) => {
                    conversion.notes.push(format!("meeting {number}: approval and seal taken from the history"));
                    model::Approval { on: Some(at.0.date()), at_meeting: None, by: None, seal }
                }
                None => {
                    // Approved before seals existed: seal the record as it stands now, and
                    // say so in the audit trail.
                    let seal = crate::seal::seal(&board, number).unwrap_or_default();
                    conversion
                        .notes
                        .push(format!("meeting {number}: approved before seals existed, sealed on conversion"));
                    board.history.push(model::Change {
                        at: now,
                        by: "improvement-board".into(),
                        what: format!("Meeting {number}: approved minutes sealed on conversion to format 2 ({seal})"),
                        about: Some(Subject::Meeting(number)),
                    });
                    model::Approval { on: None, at_meeting: None, by: None, seal }
                }
            };
            if let Some(m) = board.meetings.iter_mut().find(|m| m.number == number) {
                m.approval = Some(approval);
            }
        }
        if inferred > 0 {
            conversion.notes.push(format!(
                "audit trail: what {inferred} of {} entries are about, read from their words",
                self.history.len()
            ));
        }
        if board.terms.is_some() {
            conversion.notes.push(format!(
                "terms of reference: papers published {} clear working days before a meeting (the usual rule)",
                model::DEFAULT_NOTICE_DAYS
            ));
        }
        (board, conversion)
    }
}

impl PlanAction {
    fn upgrade(self) -> model::PlanAction {
        model::PlanAction {
            id: self.id,
            recommendation: self.recommendation,
            title: self.title,
            lead: self.lead,
            due: self.due,
            redated: vec![],
            measure: self.measure,
            evidence: self.evidence,
            updates: self.updates.into_iter().map(Update::upgrade).collect(),
        }
    }
}

impl Update {
    fn upgrade(self) -> model::Update {
        model::Update {
            date: self.date,
            meeting: self.meeting,
            rag: self.rag,
            impact: self.impact,
            note: self.note,
            by: self.by,
        }
    }

    fn frozen(update: &model::Update) -> Update {
        Update {
            date: update.date,
            meeting: update.meeting,
            rag: update.rag,
            impact: update.impact,
            note: update.note.clone(),
            by: update.by.clone(),
        }
    }
}

impl Indicator {
    fn upgrade(self) -> model::Indicator {
        model::Indicator {
            id: self.id,
            name: self.name,
            unit: self.unit,
            better: self.better,
            target: self.target,
            amber_within: None,
            comparators: vec![],
            readings: self
                .readings
                .into_iter()
                .map(|r| model::Reading { period: r.period, value: r.value, entered: None, note: String::new() })
                .collect(),
        }
    }
}

impl Meeting {
    fn upgrade(&self) -> model::Meeting {
        model::Meeting {
            number: self.number,
            date: self.date,
            start: self.start,
            venue: self.venue.clone(),
            status: self.status,
            approval: None,
            present: self.present.clone(),
            in_attendance: self.in_attendance.clone(),
            apologies: self.apologies.clone(),
            declarations: self.declarations.clone(),
            items: self
                .items
                .iter()
                .map(|i| model::AgendaItem {
                    number: i.number,
                    title: i.title.clone(),
                    kind: i.kind.clone(),
                    purpose: None,
                    presenter: None,
                    minutes: None,
                    exempt: i.exempt.clone(),
                    papers: vec![],
                    notes: i.notes.clone(),
                    resolutions: i.resolutions.clone(),
                })
                .collect(),
            actions: self.actions.clone(),
        }
    }

    /// The format-1 shape of today's meeting, `None` when it holds what format 1 could
    /// not (a purpose, presenter, time allowed or paper on an item): such a record cannot
    /// be the one a format-1 seal was computed from.
    fn frozen(meeting: &model::Meeting) -> Option<Meeting> {
        let items = meeting
            .items
            .iter()
            .map(|i| {
                let format1 =
                    i.purpose.is_none() && i.presenter.is_none() && i.minutes.is_none() && i.papers.is_empty();
                format1.then(|| AgendaItem {
                    number: i.number,
                    title: i.title.clone(),
                    kind: i.kind.clone(),
                    exempt: i.exempt.clone(),
                    notes: i.notes.clone(),
                    resolutions: i.resolutions.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Meeting {
            number: meeting.number,
            date: meeting.date,
            start: meeting.start,
            venue: meeting.venue.clone(),
            // Format 1 sealed the record as it stood before approval.
            status: MeetingStatus::Held,
            present: meeting.present.clone(),
            in_attendance: meeting.in_attendance.clone(),
            apologies: meeting.apologies.clone(),
            declarations: meeting.declarations.clone(),
            items,
            actions: meeting.actions.clone(),
        })
    }
}

/// The bytes a format-1 seal digested: the meeting (as held) and every rating given at it,
/// by action id, written by ron as format 1 wrote them. `None` when the meeting is not
/// there or holds what format 1 could not.
pub fn seal_v1_text(board: &model::Board, number: u32) -> Option<String> {
    #[derive(Serialize)]
    struct Record<'a> {
        meeting: &'a Meeting,
        ratings: Vec<(&'a str, Update)>,
    }
    let meeting = Meeting::frozen(board.meeting(number)?)?;
    let mut ratings: Vec<(&str, Update)> = board
        .actions
        .iter()
        .flat_map(|a| {
            a.updates.iter().filter(|u| u.meeting == Some(number)).map(move |u| (a.id.as_str(), Update::frozen(u)))
        })
        .collect();
    ratings.sort_by(|a, b| a.0.cmp(b.0));
    ron::to_string(&Record { meeting: &meeting, ratings }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_change_is_about_is_read_from_format_1_words() {
        assert_eq!(about_from_words("Action 1.1: RAG Amber → Red at meeting 3"), Some(Subject::Action("1.1".into())));
        assert_eq!(about_from_words("Meeting 3 marked approved (seal sha256:ab)"), Some(Subject::Meeting(3)));
        assert_eq!(about_from_words("Meeting 12: Ann Lowe marked present"), Some(Subject::Meeting(12)));
        assert_eq!(about_from_words("Meeting action M3-01: done"), Some(Subject::MeetingAction("M3-01".into())));
        assert_eq!(about_from_words("Meetings rearranged"), None);
        assert_eq!(about_from_words("Ann Lowe added to people"), None);
    }
}
