//! What of the board may be published: the one rule every public document is made by.
//!
//! An item taken in private (exempt under Schedule 12A) keeps its secrets everywhere:
//! - the item itself is reduced to the paragraph it was taken under (no title, notes,
//!   presenter, papers or resolutions);
//! - meeting actions raised under it are left out, and so is anything said of them;
//! - a rating or a re-dating agreed at a meeting whose review of that action's priority
//!   was taken in private is left out (a re-dating keeps its date, which the statement of
//!   action shows anyway, but not its reason);
//! - a declaration of interest in it names the item no further;
//! - the audit trail is never published.
//!
//! Redaction happens on the data, before any layout, so nothing withheld can reach the
//! text, the outline, the metadata or a spreadsheet cell of a public document.

use super::{AgendaItem, Board, Exempt, ItemKind, Meeting, MeetingAction, PlanAction};

/// The reason a public document gives for a re-dating agreed in private.
pub const REDATED_IN_PRIVATE: &str = "Agreed at an item taken in private.";

/// What the public copy of a board leaves out, so a public document can say so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Withheld {
    /// Ratings (with their notes) agreed at reviews taken in private.
    pub ratings: usize,
    /// Meeting actions raised under items taken in private.
    pub meeting_actions: usize,
    /// Reasons for re-datings agreed at reviews taken in private.
    pub redate_reasons: usize,
}

impl Board {
    /// The board as the public may read it, and a count of what was left out.
    pub fn public_copy(&self) -> (Board, Withheld) {
        let mut withheld = Withheld::default();
        let mut public = self.clone();
        public.history.clear();
        for action in &mut public.actions {
            let private = self.private_meetings_for(action);
            let before = action.updates.len();
            action.updates.retain(|u| u.meeting.is_none_or(|m| !private.contains(&m)));
            withheld.ratings += before - action.updates.len();
            for redate in &mut action.redated {
                if redate.meeting.is_some_and(|m| private.contains(&m)) {
                    redate.reason = REDATED_IN_PRIVATE.into();
                    withheld.redate_reasons += 1;
                }
            }
        }
        for meeting in &mut public.meetings {
            let before = meeting.actions.len();
            *meeting = meeting.public_copy();
            withheld.meeting_actions += before - meeting.actions.len();
        }
        (public, withheld)
    }

    /// Whether what was said of `action` at meeting `number` may be published: not if
    /// that meeting reviewed the action's priority in private.
    pub fn said_in_public(&self, action: &PlanAction, number: u32) -> bool {
        !self.private_meetings_for(action).contains(&number)
    }

    /// The meetings that reviewed `action`'s priority in private.
    fn private_meetings_for(&self, action: &PlanAction) -> Vec<u32> {
        let Some(priority) = self.priority_of(action) else { return vec![] };
        self.meetings.iter().filter(|m| m.reviewed_in_private().any(|p| p == priority.id)).map(|m| m.number).collect()
    }
}

impl Meeting {
    /// The meeting as the public may read it: exempt items reduced to the paragraph they
    /// were taken under, the actions raised under them left out, declarations about them
    /// named no further.
    pub fn public_copy(&self) -> Meeting {
        let mut public = self.clone();
        for item in &mut public.items {
            if let Some(exempt) = &item.exempt {
                *item = AgendaItem {
                    number: item.number,
                    title: "Item taken in private".into(),
                    kind: ItemKind::Other,
                    purpose: None,
                    presenter: None,
                    minutes: None,
                    exempt: Some(Exempt { paragraph: exempt.paragraph, reason: String::new() }),
                    papers: vec![],
                    notes: exempt.public_wording(),
                    resolutions: vec![],
                };
            }
        }
        public.actions.retain(|a| self.action_is_public(a));
        for declaration in &mut public.declarations {
            if self.item_is_exempt(declaration.item) {
                declaration.interest = "an interest in an item taken in private".into();
            }
        }
        public
    }

    /// Whether a meeting action may be published: not if it was raised under an item
    /// taken in private.
    pub fn action_is_public(&self, action: &MeetingAction) -> bool {
        action.item.is_none_or(|item| !self.item_is_exempt(item))
    }

    /// The priorities whose statement-of-action review this meeting took in private.
    pub fn reviewed_in_private(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter(|i| i.exempt.is_some()).filter_map(|i| match &i.kind {
            ItemKind::PlanReview { priority } => Some(priority.as_str()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{ActionStatus, Declaration, MeetingStatus, Rag, Redate, Update};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    /// Meeting 1 reviews priority P1 in private; P2 in public.
    fn board() -> Board {
        let mut board: Board = crate::sample::sample_board();
        board.meetings.truncate(1);
        let meeting = &mut board.meetings[0];
        meeting.status = MeetingStatus::Held;
        meeting.approval = None;
        for item in &mut meeting.items {
            if matches!(&item.kind, ItemKind::PlanReview { priority } if priority == "P1") {
                item.exempt = Some(Exempt { paragraph: 1, reason: "staffing".into() });
                item.notes = "Zanzibar restructure".into();
            }
        }
        board
    }

    fn review_item(board: &Board, priority: &str) -> u32 {
        board.meetings[0]
            .items
            .iter()
            .find(|i| matches!(&i.kind, ItemKind::PlanReview { priority: p } if p == priority))
            .unwrap()
            .number
    }

    #[test]
    fn ratings_and_redatings_at_a_private_review_are_withheld() {
        let mut board = board();
        let p1 = board.actions_in_priority("P1").next().unwrap().id.clone();
        let p2 = board.actions_in_priority("P2").next().unwrap().id.clone();
        for id in [&p1, &p2] {
            let action = board.actions.iter_mut().find(|a| &a.id == id).unwrap();
            action.updates.clear();
            action.updates.push(Update {
                date: day(1),
                meeting: None,
                rag: Rag::Green,
                impact: None,
                note: "before".into(),
                by: None,
            });
            action.updates.push(Update {
                date: day(2),
                meeting: Some(board.meetings[0].number),
                rag: Rag::Red,
                impact: None,
                note: "Zanzibar".into(),
                by: None,
            });
            action.redated.clear();
            action.redated.push(Redate {
                was: action.due,
                on: day(2),
                meeting: Some(board.meetings[0].number),
                reason: "Zanzibar".into(),
            });
        }
        let rated_in_private = board.actions_in_priority("P1").filter(|a| a.rating_at(1).is_some()).count();
        let (public, withheld) = board.public_copy();
        assert_eq!(withheld.ratings, rated_in_private, "every rating at the private review");
        assert_eq!(withheld.redate_reasons, 1);
        let private_action = public.actions.iter().find(|a| a.id == p1).unwrap();
        assert_eq!(private_action.current_rag(), Rag::Green, "the last public rating stands");
        assert_eq!(private_action.latest_note(), Some("before"));
        assert_eq!(private_action.redated[0].reason, REDATED_IN_PRIVATE);
        let public_action = public.actions.iter().find(|a| a.id == p2).unwrap();
        assert_eq!(public_action.current_rag(), Rag::Red);
        assert_eq!(public_action.redated[0].reason, "Zanzibar");
        assert!(public.history.is_empty());
        assert!(!board.said_in_public(board.actions.iter().find(|a| a.id == p1).unwrap(), 1));
    }

    #[test]
    fn what_an_exempt_item_raised_or_declared_is_withheld() {
        let mut board = board();
        let item = review_item(&board, "P1");
        let open = review_item(&board, "P2");
        let meeting = &mut board.meetings[0];
        let action = |id: &str, item: u32| MeetingAction {
            id: id.into(),
            text: format!("Zanzibar {id}"),
            owner: "x".into(),
            due: None,
            item: Some(item),
            status: ActionStatus::Open,
            closed: None,
            note: String::new(),
        };
        meeting.actions = vec![action("A1", item), action("A2", open)];
        meeting.declarations = vec![Declaration { person: "x".into(), item, interest: "Zanzibar".into() }];
        let (public, withheld) = board.public_copy();
        let meeting = &public.meetings[0];
        assert_eq!(withheld.meeting_actions, 1);
        assert_eq!(meeting.actions.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["A2"]);
        assert_eq!(meeting.declarations[0].interest, "an interest in an item taken in private");
        let redacted = meeting.item(item).unwrap();
        assert_eq!(redacted.title, "Item taken in private");
        assert!(!redacted.notes.contains("Zanzibar"));
        assert_eq!(redacted.kind, ItemKind::Other);
        assert_eq!(meeting.reviewed_in_private().count(), 0, "the copy no longer says what was reviewed");
    }
}
