//! The papers for a meeting: when they must be published, which items the app's own
//! documents cover, which have their officer's paper, and which are late or still
//! missing. What the clerk checks in the days before a meeting.

use chrono::NaiveDate;

use super::calendar;
use super::{AgendaItem, Board, ItemKind, Meeting, Paper};

/// Where an item's papers come from, and how they stand.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemPapers<'a> {
    /// The app makes it from the board: "the minutes of meeting 5".
    Made(String),
    /// Papers attached, each on time or late.
    Attached(Vec<(&'a Paper, Timing)>),
    /// A report is expected (an officer presents the item) and none is attached yet.
    Missing,
    /// Nothing to read for it (apologies, any other business).
    None,
}

/// A paper against the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    OnTime,
    /// Received after the publication date: it goes in a supplementary pack.
    Late,
    /// No date of receipt recorded.
    NotDated,
}

/// The papers of one meeting against its publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct PapersCheck<'a> {
    pub meeting: &'a Meeting,
    /// The last day the papers may be published.
    pub publication: NaiveDate,
    /// Clear working days between publication and the meeting.
    pub clear_days: u32,
    /// Whether the calendar knows the bank holidays of the years between (else only
    /// weekends were left out).
    pub holidays_known: bool,
    pub items: Vec<(&'a AgendaItem, ItemPapers<'a>)>,
}

impl<'a> PapersCheck<'a> {
    /// Items expecting a paper that has not come.
    pub fn missing(&self) -> impl Iterator<Item = &'a AgendaItem> + '_ {
        self.items.iter().filter(|(_, p)| *p == ItemPapers::Missing).map(|(i, _)| *i)
    }

    /// Papers received after the publication date.
    pub fn late(&self) -> impl Iterator<Item = (&'a AgendaItem, &'a Paper)> + '_ {
        self.items.iter().flat_map(|(item, papers)| match papers {
            ItemPapers::Attached(list) => {
                list.iter().filter(|(_, t)| *t == Timing::Late).map(|(p, _)| (*item, *p)).collect::<Vec<_>>()
            }
            _ => vec![],
        })
    }
}

impl Board {
    /// The papers of meeting `number`, checked against its publication date.
    pub fn papers_check(&self, number: u32) -> Option<PapersCheck<'_>> {
        let meeting = self.meeting(number)?;
        let clear_days = self.terms.as_ref().map_or(super::DEFAULT_NOTICE_DAYS, |t| t.notice_days);
        let publication = calendar::publication_date(meeting.date, clear_days);
        let items = meeting.items.iter().map(|item| (item, self.item_papers(meeting, item, publication))).collect();
        Some(PapersCheck {
            meeting,
            publication,
            clear_days,
            holidays_known: calendar::knows_holidays_between(publication, meeting.date),
            items,
        })
    }

    fn item_papers<'a>(&self, meeting: &Meeting, item: &'a AgendaItem, publication: NaiveDate) -> ItemPapers<'a> {
        if !item.papers.is_empty() {
            let timed = item
                .papers
                .iter()
                .map(|paper| {
                    let timing = match paper.received {
                        Some(received) if received > publication => Timing::Late,
                        Some(_) => Timing::OnTime,
                        None => Timing::NotDated,
                    };
                    (paper, timing)
                })
                .collect();
            return ItemPapers::Attached(timed);
        }
        let previous = self.meetings.iter().filter(|m| m.number < meeting.number).max_by_key(|m| m.number);
        match &item.kind {
            ItemKind::PreviousMinutes => match previous {
                Some(m) => ItemPapers::Made(format!("the minutes of meeting {}", m.number)),
                None => ItemPapers::None,
            },
            ItemKind::ActionLog => ItemPapers::Made("the action log".into()),
            ItemKind::PlanReview { priority } => {
                ItemPapers::Made(format!("the progress report for priority {priority}"))
            }
            ItemKind::Performance => ItemPapers::Made("the performance scorecard".into()),
            // An officer's report is expected where someone presents the item.
            ItemKind::MonitoringVisit | ItemKind::Other if item.presenter.is_some() => ItemPapers::Missing,
            ItemKind::MonitoringVisit | ItemKind::Other => ItemPapers::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_item_is_made_by_the_app_attached_on_time_or_late_or_missing() {
        let mut board = crate::sample::sample_board();
        board.people.push(Person {
            id: "officer".into(),
            name: "An Officer".into(),
            role: "Head of Service".into(),
            organisation: String::new(),
            board_member: false,
        });
        let meeting = board.meetings.iter_mut().find(|m| m.number == 6).unwrap();
        let other: Vec<usize> =
            meeting.items.iter().enumerate().filter(|(_, i)| i.kind == ItemKind::Other).map(|(n, _)| n).collect();
        meeting.items[other[0]].presenter = Some("officer".into());
        meeting.items[other[0]].papers = vec![
            Paper { title: "On time".into(), file: "papers/m6/a.pdf".into(), received: Some(day("2026-11-27")) },
            Paper { title: "Late".into(), file: "papers/m6/b.pdf".into(), received: Some(day("2026-12-02")) },
        ];
        // Another item an officer presents, with nothing attached yet.
        let expected = *other.last().unwrap();
        assert_ne!(expected, other[0]);
        meeting.items[expected].presenter = Some("officer".into());
        meeting.items[expected].papers.clear();

        let check = board.papers_check(6).unwrap();
        // Tuesday 8 December 2026, five clear working days: published by Monday 30 November.
        assert_eq!(check.publication, day("2026-11-30"));
        assert!(check.holidays_known);
        let late: Vec<&str> = check.late().map(|(_, p)| p.title.as_str()).collect();
        assert_eq!(late, ["Late"]);
        assert_eq!(check.missing().count(), 1);
        let made: Vec<&ItemPapers> =
            check.items.iter().map(|(_, p)| p).filter(|p| matches!(p, ItemPapers::Made(_))).collect();
        assert!(made.contains(&&ItemPapers::Made("the minutes of meeting 5".into())));
        assert!(made.contains(&&ItemPapers::Made("the action log".into())));
    }
}
