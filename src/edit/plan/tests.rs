//! Writing the statement of action through the one edit type.

use chrono::NaiveDate;

use super::*;
use crate::edit::{Edit, History};
use crate::model::{Moment, Rag};
use crate::sample::sample_board;

fn at() -> Moment {
    Moment::parse("2026-11-23T10:00:00").unwrap()
}

fn apply(board: &mut Board, history: &mut History, edit: PlanEdit) -> Result<(), EditError> {
    history.apply(board, Edit::Plan(edit), "adviser", at()).map(drop)
}

fn new_action(id: &str, recommendation: &str) -> PlanAction {
    PlanAction {
        id: id.into(),
        recommendation: recommendation.into(),
        title: "Audit of return home interviews".into(),
        lead: "ad-cla".into(),
        due: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        redated: vec![],
        measure: "Nine in ten interviews within 72 hours".into(),
        evidence: vec!["Monthly audit report".into()],
        updates: vec![],
    }
}

fn new_recommendation(id: &str) -> Recommendation {
    Recommendation {
        id: id.into(),
        priority: "P2".into(),
        inspection: Some("ilacs-2026".into()),
        text: "Make sure children who go missing are offered a return interview.".into(),
    }
}

#[test]
fn adding_a_recommendation_and_an_action_places_them_under_their_parents_and_undo_takes_them_away() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    let rec_id = board.next_recommendation_id();
    apply(&mut board, &mut history, PlanEdit::AddRecommendation(new_recommendation(&rec_id))).unwrap();
    let action_id = board.next_action_id(&rec_id);
    assert_eq!(action_id, "11.1");
    apply(&mut board, &mut history, PlanEdit::AddAction(new_action(&action_id, &rec_id))).unwrap();

    let under_p2: Vec<&str> = board.recommendations_for("P2").map(|r| r.id.as_str()).collect();
    assert_eq!(under_p2.last(), Some(&rec_id.as_str()));
    let in_order: Vec<&str> = board.actions_in_priority("P2").map(|a| a.id.as_str()).collect();
    assert_eq!(in_order.last(), Some(&"11.1"));
    assert_eq!(history.undo_label(), Some("Action 11.1 added: Audit of return home interviews"));

    history.undo(&mut board, "adviser", at());
    history.undo(&mut board, "adviser", at());
    assert_eq!(board, original);
}

#[test]
fn a_taken_id_or_a_dangling_reference_is_refused_and_nothing_changes() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    let taken = apply(&mut board, &mut history, PlanEdit::AddAction(new_action("1.1", "R1")));
    assert!(matches!(taken, Err(EditError::IdTaken(_))), "{taken:?}");
    let nowhere = apply(&mut board, &mut history, PlanEdit::AddAction(new_action("99.1", "R99")));
    assert_eq!(nowhere.unwrap_err().to_string(), "there is no recommendation R99");
    let mut nobody = new_action("99.1", "R1");
    nobody.lead = "nobody".into();
    assert!(matches!(apply(&mut board, &mut history, PlanEdit::AddAction(nobody)), Err(EditError::NoSuchPerson(_))));
    assert_eq!(board, original);
    assert!(!history.is_dirty());
}

#[test]
fn renaming_a_recommendation_carries_its_actions_and_undo_puts_every_reference_back() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    let under: Vec<String> = board.actions_for("R3").map(|a| a.id.clone()).collect();
    assert!(!under.is_empty());
    apply(
        &mut board,
        &mut history,
        PlanEdit::Rename { part: PlanPart::Recommendation, from: "R3".into(), to: "R3a".into() },
    )
    .unwrap();
    assert!(board.recommendation("R3").is_none());
    let now: Vec<String> = board.actions_for("R3a").map(|a| a.id.clone()).collect();
    assert_eq!(now, under);
    assert_eq!(history.undo_label(), Some("Recommendation R3 renamed R3a"));
    history.undo(&mut board, "adviser", at());
    assert_eq!(board, original);
}

#[test]
fn renaming_a_priority_follows_into_open_agendas_but_not_sealed_ones() {
    let mut board = sample_board();
    // P1 is on the agenda of approved meetings: its id is part of their record.
    let mut history = History::new();
    let sealed = apply(
        &mut board,
        &mut history,
        PlanEdit::Rename { part: PlanPart::Priority, from: "P1".into(), to: "PX".into() },
    );
    assert!(sealed.unwrap_err().to_string().contains("whose minutes are approved"));

    // A priority added now, reviewed only by the planned meeting, can be renamed.
    let priority = Priority { id: "P7".into(), title: "Care leavers".into(), summary: String::new() };
    apply(&mut board, &mut history, PlanEdit::AddPriority(priority)).unwrap();
    let planned = board.meetings.iter().position(|m| m.status == crate::model::MeetingStatus::Planned).unwrap();
    board.meetings[planned].items.push(crate::model::AgendaItem {
        number: 99,
        title: "Statement of action: Care leavers".into(),
        kind: ItemKind::PlanReview { priority: "P7".into() },
        purpose: None,
        presenter: None,
        minutes: None,
        exempt: None,
        papers: vec![],
        notes: String::new(),
        resolutions: vec![],
    });
    apply(
        &mut board,
        &mut history,
        PlanEdit::AddRecommendation(Recommendation { priority: "P7".into(), ..new_recommendation("R11") }),
    )
    .unwrap();
    apply(&mut board, &mut history, PlanEdit::Rename { part: PlanPart::Priority, from: "P7".into(), to: "P0".into() })
        .unwrap();
    assert_eq!(board.recommendation("R11").unwrap().priority, "P0");
    assert_eq!(board.meetings_reviewing("P0").len(), 1);
    assert!(crate::board_file::validate(&board, "", None).is_empty(), "the renamed board is still valid");
}

#[test]
fn an_action_rated_at_approved_minutes_keeps_its_id_and_cannot_be_removed() {
    let mut board = sample_board();
    let mut history = History::new();
    let rename = apply(
        &mut board,
        &mut history,
        PlanEdit::Rename { part: PlanPart::Action, from: "1.1".into(), to: "1.1x".into() },
    );
    assert!(rename.unwrap_err().to_string().starts_with("action 1.1 was rated at meetings"));
    let remove = apply(&mut board, &mut history, PlanEdit::Remove { part: PlanPart::Action, id: "1.1".into() });
    assert!(remove.is_err());
}

#[test]
fn moving_swaps_with_the_next_sibling_only() {
    let mut board = sample_board();
    let mut history = History::new();
    let before: Vec<String> = board.actions_for("R1").map(|a| a.id.clone()).collect();
    apply(&mut board, &mut history, PlanEdit::Move { part: PlanPart::Action, id: before[0].clone(), up: false })
        .unwrap();
    let after: Vec<String> = board.actions_for("R1").map(|a| a.id.clone()).collect();
    assert_eq!((&after[0], &after[1]), (&before[1], &before[0]));
    let first = apply(&mut board, &mut history, PlanEdit::Move { part: PlanPart::Priority, id: "P1".into(), up: true });
    assert_eq!(first.unwrap_err().to_string(), "priority P1 is already the first");
}

#[test]
fn removing_a_new_recommendation_takes_its_actions_and_undo_restores_them_in_place() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(&mut board, &mut history, PlanEdit::AddRecommendation(new_recommendation("R11"))).unwrap();
    apply(&mut board, &mut history, PlanEdit::AddAction(new_action("11.1", "R11"))).unwrap();
    apply(&mut board, &mut history, PlanEdit::AddAction(new_action("11.2", "R11"))).unwrap();
    let with_them = board.clone();
    let said = board.what_refers_to(PlanPart::Recommendation, "R11");
    assert_eq!(said, vec!["2 actions (11.1, 11.2) are removed with it".to_string()]);
    apply(&mut board, &mut history, PlanEdit::Remove { part: PlanPart::Recommendation, id: "R11".into() }).unwrap();
    assert!(board.action("11.1").is_none() && board.recommendation("R11").is_none());
    history.undo(&mut board, "adviser", at());
    assert_eq!(board, with_them);
}

#[test]
fn updating_an_action_keeps_its_rag_history_and_says_what_changed() {
    let mut board = sample_board();
    let mut history = History::new();
    let mut changed = board.action("2.1").unwrap().clone();
    let ratings = changed.updates.len();
    changed.updates.clear();
    changed.due = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    changed.lead = "ad-cla".into();
    apply(&mut board, &mut history, PlanEdit::UpdateAction(changed)).unwrap();
    assert_eq!(board.action("2.1").unwrap().updates.len(), ratings);
    let said = history.undo_label().unwrap();
    assert!(said.starts_with("Action 2.1 edited: lead "), "{said}");
    assert!(said.contains("→ 31 January 2027"), "{said}");
}

#[test]
fn an_import_is_one_edit_and_a_clash_part_way_leaves_the_board_as_it_was() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    let mut batch = ImportBatch {
        source: "plan.xlsx".into(),
        people: vec![Person {
            id: "j-bloggs".into(),
            name: "Jo Bloggs".into(),
            role: String::new(),
            organisation: String::new(),
            board_member: false,
        }],
        priorities: vec![Priority { id: "P7".into(), title: "Care leavers".into(), summary: String::new() }],
        recommendations: vec![Recommendation { priority: "P7".into(), ..new_recommendation("R11") }],
        actions: vec![PlanAction { lead: "j-bloggs".into(), ..new_action("11.1", "R11") }],
    };
    batch.actions.push(new_action("1.1", "R11"));
    let clash = apply(&mut board, &mut history, PlanEdit::Import(Box::new(batch.clone())));
    assert!(clash.is_err());
    assert_eq!(board, original, "the people and priorities added before the clash were rolled back");

    batch.actions.pop();
    apply(&mut board, &mut history, PlanEdit::Import(Box::new(batch))).unwrap();
    assert_eq!(
        history.undo_label(),
        Some("Imported 1 action, 1 recommendation, 1 priority and 1 new person from plan.xlsx")
    );
    assert_eq!(board.action("11.1").unwrap().current_rag(), Rag::NotRated);
    history.undo(&mut board, "adviser", at());
    assert_eq!(board, original);
}

fn tracker_update(meeting: Option<u32>, changed: Vec<crate::edit::ActionChange>) -> PlanEdit {
    PlanEdit::KeepInStep(Box::new(crate::edit::TrackerUpdate {
        source: "tracker.xlsx".into(),
        on: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        meeting,
        added: ImportBatch { source: "tracker.xlsx".into(), ..ImportBatch::default() },
        changed,
    }))
}

#[test]
fn the_tracker_rates_at_an_open_meeting_redates_with_its_reason_and_undo_takes_it_all_back() {
    let mut board = sample_board();
    let before = board.clone();
    let mut history = History::new();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let held = board.meetings.iter().find(|m| !m.is_approved() && m.date <= today).unwrap();
    let (number, held_on) = (held.number, held.date);
    let change = crate::edit::ActionChange {
        id: "1.2".into(),
        due: Some(NaiveDate::from_ymd_opt(2027, 5, 31).unwrap()),
        rating: Some((Rag::Red, "Slipped in the tracker".into())),
        title: Some("A new title".into()),
        ..Default::default()
    };
    apply(&mut board, &mut history, tracker_update(Some(number), vec![change])).unwrap();
    let action = board.action("1.2").unwrap();
    assert_eq!(action.title, "A new title");
    assert_eq!(action.due, NaiveDate::from_ymd_opt(2027, 5, 31).unwrap());
    let redate = action.redated.last().unwrap();
    assert_eq!((redate.meeting, redate.reason.as_str()), (Some(number), "changed in tracker.xlsx on 23 November 2026"));
    let rated = action.updates.iter().rev().find(|u| u.meeting == Some(number)).unwrap();
    assert_eq!((rated.rag, rated.date, rated.note.as_str()), (Rag::Red, held_on, "Slipped in the tracker"));
    assert_eq!(action.updates.iter().filter(|u| u.meeting == Some(number)).count(), 1, "one rating per meeting");
    assert_eq!(
        history.undo_label(),
        Some(
            format!("Brought in step with tracker.xlsx: 1 action changed, 1 re-dated, 1 rated at meeting {number}")
                .as_str()
        )
    );
    history.undo(&mut board, "adviser", at());
    assert_eq!(board, before, "one edit, one undo");
}

#[test]
fn the_tracker_never_records_at_a_meeting_whose_minutes_are_approved() {
    let mut board = sample_board();
    let before = board.clone();
    let mut history = History::new();
    let sealed = board.meetings.iter().find(|m| m.is_approved()).unwrap().number;
    let change = crate::edit::ActionChange {
        id: "1.2".into(),
        rating: Some((Rag::Red, "Slipped".into())),
        ..Default::default()
    };
    let refused = apply(&mut board, &mut history, tracker_update(Some(sealed), vec![change.clone()]));
    assert_eq!(refused, Err(EditError::MeetingApproved(sealed)));
    let unexplained = crate::edit::ActionChange { rating: Some((Rag::Red, " ".into())), ..change };
    assert!(matches!(
        apply(&mut board, &mut history, tracker_update(None, vec![unexplained])),
        Err(EditError::ReasonNeeded { .. })
    ));
    assert_eq!(
        apply(&mut board, &mut history, tracker_update(None, vec![])),
        Err(EditError::NothingToImport("tracker.xlsx".into()))
    );
    assert_eq!(board, before, "nothing changed");
}
