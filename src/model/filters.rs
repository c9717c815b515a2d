//! Filtering and sorting the statement of action and the action log, as the tables in the
//! app offer them. Kept here so the screen never counts or filters the board itself.

use chrono::NaiveDate;

use super::{ActionStatus, Board, Meeting, MeetingAction, PlanAction, Rag};

/// What the statement-of-action table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFilter {
    pub rag: Option<Rag>,
    pub lead: Option<String>,
    pub priority: Option<String>,
    pub overdue_only: bool,
    /// Words to find in the id, title, measure or latest note (any case).
    pub text: String,
}

/// The columns the statement-of-action table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanColumn {
    #[default]
    Id,
    Title,
    Lead,
    Due,
    Rag,
    Trend,
    Note,
}

impl PlanFilter {
    pub fn is_empty(&self) -> bool {
        *self == PlanFilter::default()
    }

    pub fn matches(&self, board: &Board, action: &PlanAction, today: NaiveDate) -> bool {
        self.rag.is_none_or(|rag| action.current_rag() == rag)
            && self.lead.as_ref().is_none_or(|lead| &action.lead == lead)
            && self.priority.as_ref().is_none_or(|p| board.priority_of(action).is_some_and(|q| &q.id == p))
            && (!self.overdue_only || action.is_overdue(today))
            && (self.text.trim().is_empty() || {
                let needle = self.text.trim().to_lowercase();
                [action.id.as_str(), &action.title, &action.measure, action.latest_note().unwrap_or("")]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&needle))
            })
    }
}

/// Orders ids as people read them: 2.10 after 2.9, M10-01 after M9-02 (runs of digits
/// compare as numbers).
pub fn compare_ids(a: &str, b: &str) -> std::cmp::Ordering {
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    enum Run<'a> {
        Number(u64),
        Text(&'a str),
    }
    fn runs(id: &str) -> Vec<Run<'_>> {
        let mut runs = Vec::new();
        let mut start = 0;
        let bytes = id.as_bytes();
        for i in 1..=bytes.len() {
            let boundary = i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit();
            if boundary {
                let run = &id[start..i];
                runs.push(run.parse().map_or(Run::Text(run), Run::Number));
                start = i;
            }
        }
        runs
    }
    runs(a).cmp(&runs(b))
}

impl Board {
    /// The actions the table shows, filtered, then sorted by `column` (plan order within
    /// equal values), ascending or not.
    pub fn plan_table(
        &self,
        filter: &PlanFilter,
        column: PlanColumn,
        ascending: bool,
        today: NaiveDate,
    ) -> Vec<&PlanAction> {
        let mut rows: Vec<&PlanAction> =
            self.actions_in_plan_order().into_iter().filter(|a| filter.matches(self, a, today)).collect();
        let severity = |rag: Rag| rag.progress().map_or(4, u32::from);
        rows.sort_by(|a, b| {
            let order = match column {
                PlanColumn::Id => compare_ids(&a.id, &b.id),
                PlanColumn::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
                PlanColumn::Lead => self.person_name(&a.lead).cmp(self.person_name(&b.lead)),
                PlanColumn::Due => a.due.cmp(&b.due),
                PlanColumn::Rag => severity(a.current_rag()).cmp(&severity(b.current_rag())),
                PlanColumn::Trend => (a.trend() as u8).cmp(&(b.trend() as u8)),
                PlanColumn::Note => a.latest_note().cmp(&b.latest_note()),
            };
            if ascending { order } else { order.reverse() }
        });
        rows
    }

    /// [`Board::plan_table`] as positions in `actions`, which stay valid for as long as the
    /// board is not edited: what a view keeps between frames instead of sorting again.
    pub fn plan_table_positions(
        &self,
        filter: &PlanFilter,
        column: PlanColumn,
        ascending: bool,
        today: NaiveDate,
    ) -> Vec<usize> {
        let position: std::collections::HashMap<&str, usize> =
            self.actions.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        self.plan_table(filter, column, ascending, today)
            .iter()
            .filter_map(|a| position.get(a.id.as_str()).copied())
            .collect()
    }
}

/// What the action log shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub open_only: bool,
    pub overdue_only: bool,
    pub owner: Option<String>,
    pub meeting: Option<u32>,
}

impl Board {
    /// The action log as the table shows it: open actions first (most overdue first), then
    /// closed ones, newest meeting first.
    pub fn action_log(&self, filter: &LogFilter, today: NaiveDate) -> Vec<(&Meeting, &MeetingAction)> {
        let mut rows: Vec<(&Meeting, &MeetingAction)> = self
            .meeting_actions()
            .filter(|(m, a)| {
                (!filter.open_only || a.is_open())
                    && (!filter.overdue_only || a.is_overdue(today))
                    && filter.owner.as_ref().is_none_or(|o| &a.owner == o)
                    && filter.meeting.is_none_or(|n| m.number == n)
            })
            .collect();
        rows.sort_by(|(ma, a), (mb, b)| {
            let open = |x: &MeetingAction| if x.status == ActionStatus::Open { 0 } else { 1 };
            open(a)
                .cmp(&open(b))
                .then_with(|| b.days_overdue(today).unwrap_or(-1).cmp(&a.days_overdue(today).unwrap_or(-1)))
                .then_with(|| if a.is_open() { ma.number.cmp(&mb.number) } else { mb.number.cmp(&ma.number) })
                .then_with(|| compare_ids(&a.id, &b.id))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_board;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn ids_sort_as_people_read_them() {
        let mut ids = vec!["10.1", "2.10", "2.9", "1.1", "M10-01", "M9-02"];
        ids.sort_by(|a, b| compare_ids(a, b));
        assert_eq!(ids, ["1.1", "2.9", "2.10", "10.1", "M9-02", "M10-01"]);
    }

    #[test]
    fn filters_combine_and_text_search_ignores_case() {
        let board = sample_board();
        let red = PlanFilter { rag: Some(Rag::Red), ..Default::default() };
        assert_eq!(board.plan_table(&red, PlanColumn::Id, true, today()).len(), board.rag_counts().get(Rag::Red));
        let text = PlanFilter { text: "SUPERVISION".into(), ..Default::default() };
        let found: Vec<&str> =
            board.plan_table(&text, PlanColumn::Id, true, today()).iter().map(|a| a.id.as_str()).collect();
        assert!(found.contains(&"5.1") && found.contains(&"5.2"));
        let overdue_in_p5 = PlanFilter { overdue_only: true, priority: Some("P5".into()), ..Default::default() };
        let rows = board.plan_table(&overdue_in_p5, PlanColumn::Id, true, today());
        assert!(
            !rows.is_empty() && rows.iter().all(|a| a.is_overdue(today()) && board.priority_of(a).unwrap().id == "P5")
        );
    }

    #[test]
    fn table_positions_name_the_same_rows_as_the_table() {
        let board = sample_board();
        let filter = PlanFilter { overdue_only: true, ..Default::default() };
        let rows = board.plan_table(&filter, PlanColumn::Due, false, today());
        let positions = board.plan_table_positions(&filter, PlanColumn::Due, false, today());
        let by_position: Vec<&str> = positions.iter().map(|&i| board.actions[i].id.as_str()).collect();
        assert_eq!(by_position, rows.iter().map(|a| a.id.as_str()).collect::<Vec<_>>());
    }

    #[test]
    fn sorting_by_rag_puts_red_first_and_descending_reverses() {
        let board = sample_board();
        let rows = board.plan_table(&PlanFilter::default(), PlanColumn::Rag, true, today());
        assert_eq!(rows.first().unwrap().current_rag(), Rag::Red);
        assert_eq!(rows.last().unwrap().current_rag(), Rag::Blue);
        let by_due = board.plan_table(&PlanFilter::default(), PlanColumn::Due, false, today());
        assert!(by_due.windows(2).all(|w| w[0].due >= w[1].due));
    }

    #[test]
    fn the_action_log_lists_open_first_most_overdue_first() {
        let board = sample_board();
        let rows = board.action_log(&LogFilter::default(), today());
        let first_closed = rows.iter().position(|(_, a)| !a.is_open()).unwrap();
        assert!(rows[first_closed..].iter().all(|(_, a)| !a.is_open()));
        assert_eq!(rows[0].1.id, "M3-04", "53 days overdue, the most");
        let mine = LogFilter { owner: Some("ad-safeguarding".into()), open_only: true, ..Default::default() };
        assert!(board.action_log(&mine, today()).iter().all(|(_, a)| a.owner == "ad-safeguarding" && a.is_open()));
    }
}
