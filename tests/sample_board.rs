//! The embedded Northmoor sample: realistic enough to rehearse a meeting on, and the
//! board-wide facts a chair reads from it.

use chrono::NaiveDate;
use improvement_board::model::{ActionStatus, Drift, InspectionKind, MeetingStatus, Rag, Trend};
use improvement_board::sample::sample_board;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_sample_is_a_realistic_board() {
    let board = sample_board();
    let ilacs = board.inspections.iter().find(|i| i.kind == InspectionKind::Ilacs).expect("an ILACS inspection");
    assert!(ilacs.judgements.len() >= 4 && !ilacs.findings.is_empty());
    let visits = board.inspections.iter().filter(|i| i.kind == InspectionKind::MonitoringVisit);
    assert_eq!(visits.clone().count(), 2);
    assert!(visits.clone().all(|v| !v.findings.is_empty()));
    assert!(board.recommendations.len() >= 8);
    assert!(board.priorities.len() >= 5);
    assert!(board.actions.len() >= 40);
    assert!(board.actions.iter().all(|a| !a.lead.is_empty() && !a.measure.is_empty() && !a.evidence.is_empty()));
    let rated_at_four_or_more = board.actions.iter().filter(|a| a.updates.len() >= 4).count();
    assert!(rated_at_four_or_more >= 20, "RAG histories across four meetings: {rated_at_four_or_more}");
    assert!(board.indicators.len() >= 10);
    assert!(board.indicators.iter().all(|i| i.figures().len() == 12), "a year of figures each");
    assert!(board.indicators.iter().any(|i| i.readings.len() > 12), "one figure revised");
    assert!(board.indicators.iter().filter(|i| i.amber_within.is_some()).count() >= 5, "Amber bands");
    assert!(board.indicators.iter().filter(|i| !i.comparators.is_empty()).count() >= 5, "comparators");
    assert!(board.indicators.iter().filter(|i| i.target.is_some()).count() >= 10);

    let statuses: Vec<MeetingStatus> = board.meetings.iter().map(|m| m.status).collect();
    assert!(board.meetings.len() >= 4);
    assert_eq!(statuses.iter().filter(|s| **s == MeetingStatus::Planned).count(), 1);
    assert_eq!(statuses.iter().filter(|s| **s == MeetingStatus::Held).count(), 1);
    assert!(statuses[..statuses.len() - 2].iter().all(|s| *s == MeetingStatus::Approved));
    assert!(board.meetings.iter().any(|m| !m.declarations.is_empty()));
    assert!(board.meetings.iter().any(|m| !m.apologies.is_empty()));
    assert_eq!(board.meetings.iter().flat_map(|m| &m.items).filter(|i| i.exempt.is_some()).count(), 1);
    let meeting_actions: Vec<_> = board.meeting_actions().collect();
    assert!(meeting_actions.len() >= 15);
    assert!(meeting_actions.iter().any(|(_, a)| a.status == ActionStatus::Done));
}

#[test]
fn the_sample_has_every_kind_of_action_a_chair_must_see() {
    let board = sample_board();
    let today = date("2026-11-22");
    let trends: Vec<Trend> = board.actions.iter().map(|a| a.trend()).collect();
    assert!(trends.contains(&Trend::Improving));
    assert!(trends.contains(&Trend::Worsening));
    assert!(board.actions.iter().any(|a| a.current_rag() == Rag::Blue));
    assert!(!board.overdue_actions(today).is_empty());
    assert!(!board.overdue_meeting_actions(today).is_empty());
    let drifting = board.drifting_actions();
    assert!(drifting.iter().any(|(_, d)| matches!(d, Drift::Stuck { .. })));
    assert!(drifting.iter().any(|(_, d)| matches!(d, Drift::Worsened { .. })));
}

#[test]
fn rag_counts_per_priority_add_up_to_the_board() {
    let board = sample_board();
    let total = board.rag_counts();
    assert_eq!(total.total(), board.actions.len());
    let per_priority: usize = board.rag_counts_by_priority().iter().map(|(_, c)| c.total()).sum();
    assert_eq!(per_priority, board.actions.len(), "every action sits under exactly one priority");
    for rag in Rag::ALL {
        let sum: usize = board.rag_counts_by_priority().iter().map(|(_, c)| c.get(rag)).sum();
        assert_eq!(sum, total.get(rag), "{rag}");
    }
}

#[test]
fn actions_grouped_by_recommendation_are_each_recommendations_actions_in_file_order() {
    let board = sample_board();
    let grouped = board.actions_by_recommendation();
    for rec in &board.recommendations {
        let one_by_one: Vec<&str> = board.actions_for(&rec.id).map(|a| a.id.as_str()).collect();
        let from_groups: Vec<&str> =
            grouped.get(rec.id.as_str()).into_iter().flatten().map(|a| a.id.as_str()).collect();
        assert_eq!(from_groups, one_by_one, "{}", rec.id);
    }
    assert_eq!(grouped.values().map(Vec::len).sum::<usize>(), board.actions.len());
}

#[test]
fn supervision_is_overdue_and_drifting_and_the_worst_in_its_priority() {
    let board = sample_board();
    let supervision = board.action("5.1").unwrap();
    assert_eq!(supervision.current_rag(), Rag::Red);
    assert_eq!(supervision.days_overdue(date("2026-11-22")), Some(114));
    let drift = board.drifting_actions().into_iter().find(|(a, _)| a.id == "5.1").map(|(_, d)| d);
    assert_eq!(drift, Some(Drift::Worsened { from: Rag::Amber, to: Rag::Red, at: 5 }));
    let p3 = board.rag_counts_by_priority().into_iter().find(|(p, _)| p.id == "P3").unwrap().1;
    assert_eq!(p3.worst(), Rag::Red);
}

#[test]
fn overdue_actions_are_listed_most_overdue_first() {
    let board = sample_board();
    let overdue = board.overdue_actions(date("2026-11-22"));
    assert!(overdue.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(overdue.iter().all(|(a, _)| a.current_rag() != Rag::Blue));
}

#[test]
fn the_next_meeting_is_the_planned_one_until_its_day_passes() {
    let board = sample_board();
    assert_eq!(board.next_meeting(date("2026-11-22")).map(|m| m.number), Some(6));
    assert_eq!(board.next_meeting(date("2026-12-08")).map(|m| m.number), Some(6), "on the day itself");
    assert_eq!(board.next_meeting(date("2026-12-09")), None);
    assert_eq!(board.latest_held_meeting().map(|m| m.number), Some(5));
}

#[test]
fn open_meeting_actions_exclude_done_and_dropped() {
    let board = sample_board();
    let open = board.open_meeting_actions();
    assert!(open.iter().all(|(_, a)| a.status == ActionStatus::Open));
    let all = board.meeting_actions().count();
    let closed = board.meeting_actions().filter(|(_, a)| a.status != ActionStatus::Open).count();
    assert_eq!(open.len() + closed, all);
}

#[test]
fn the_plan_order_walks_priority_by_priority_and_misses_nothing() {
    let board = sample_board();
    let ordered = board.actions_in_plan_order();
    assert_eq!(ordered.len(), board.actions.len());
    let priority_positions: Vec<usize> = ordered
        .iter()
        .map(|a| board.priorities.iter().position(|p| Some(p) == board.priority_of(a)).unwrap())
        .collect();
    assert!(priority_positions.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn an_action_whose_recommendation_is_gone_still_appears_in_the_walk_through() {
    let mut board = sample_board();
    board.actions[0].recommendation = "R-missing".into();
    let ordered = board.actions_in_plan_order();
    assert_eq!(ordered.len(), board.actions.len());
    assert_eq!(ordered.last().unwrap().id, board.actions[0].id);
}

#[test]
fn indicators_off_target_are_those_missing_their_target() {
    let board = sample_board();
    let off: Vec<&str> = board.indicators_off_target().iter().map(|i| i.id.as_str()).collect();
    assert!(off.contains(&"supervision"));
    assert!(!off.contains(&"contact-decisions"));
    assert!(!off.contains(&"cla-count"), "no target, no verdict");
}
