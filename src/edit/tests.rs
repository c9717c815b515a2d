//! The edit type as a meeting uses it: rate, record, undo, redo, and the sealed minutes.

use chrono::NaiveDate;

use super::*;
use crate::model::{Board, Moment, dates::parse_date};
use crate::sample::sample_board;

fn at() -> Moment {
    Moment::parse("2026-10-27T14:37:05").unwrap()
}

fn rate(action: &str, meeting: u32, rag: Rag, note: &str) -> Edit {
    Edit::RateAction {
        action: action.into(),
        meeting,
        date: parse_date("2026-10-27").unwrap(),
        rag,
        impact: None,
        note: note.into(),
        by: None,
    }
}

fn apply(board: &mut Board, history: &mut History, edit: Edit) -> Result<(), EditError> {
    history.apply(board, edit, "k.morgan", at()).map(drop)
}

#[test]
fn rating_an_action_at_a_meeting_adds_an_update_and_undo_removes_it() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    // Meeting 5 is held but not approved; action 8.6 was last rated Amber there.
    let adding = Edit::AddMeeting(Box::new(Meeting { number: 6, ..board.meeting(6).unwrap().clone() }));
    assert!(matches!(apply(&mut board, &mut history, adding), Err(EditError::IdTaken(_))));

    apply(&mut board, &mut history, rate("1.2", 5, Rag::Blue, "Sustained; complete.")).unwrap();
    let action = board.action("1.2").unwrap();
    assert_eq!(action.current_rag(), Rag::Blue);
    assert_eq!(
        action.updates.len(),
        original.action("1.2").unwrap().updates.len(),
        "meeting 5's update replaced, not added"
    );
    assert!(history.is_dirty());
    assert_eq!(history.undo_label(), Some("Action 1.2: RAG Green → Blue at meeting 5"));

    history.undo(&mut board, "k.morgan", at());
    assert_eq!(board, original);
    assert!(!history.is_dirty());
    history.redo(&mut board, "k.morgan", at()).unwrap();
    assert_eq!(board.action("1.2").unwrap().current_rag(), Rag::Blue);
}

#[test]
fn a_first_rating_at_a_new_meeting_is_appended_oldest_first() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(&mut board, &mut history, Edit::SetMeetingStatus { meeting: 6, status: MeetingStatus::Held }).unwrap();
    let mut edit = rate("5.1", 6, Rag::Amber, "Recovery plan agreed.");
    if let Edit::RateAction { date, .. } = &mut edit {
        *date = parse_date("2026-12-08").unwrap();
    }
    apply(&mut board, &mut history, edit).unwrap();
    let action = board.action("5.1").unwrap();
    assert_eq!(action.updates.last().unwrap().meeting, Some(6));
    assert!(action.updates.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn approved_minutes_refuse_every_change_and_the_board_is_untouched() {
    let mut board = sample_board();
    let original = board.clone();
    let mut history = History::new();
    for edit in [
        rate("1.2", 4, Rag::Red, "changed after the fact"),
        Edit::SetItemNotes { meeting: 4, item: 1, notes: "rewritten".into() },
        Edit::SetAttendance { meeting: 4, person: "ceo".into(), attendance: Attendance::Apologies },
        Edit::SetMeetingStatus { meeting: 4, status: MeetingStatus::Held },
    ] {
        assert_eq!(apply(&mut board, &mut history, edit), Err(EditError::MeetingApproved(4)));
    }
    assert_eq!(board, original);
    assert!(!history.can_undo());
}

#[test]
fn closing_an_action_raised_at_an_approved_meeting_is_how_the_log_is_kept() {
    let mut board = sample_board();
    let mut history = History::new();
    let closed = NaiveDate::from_ymd_opt(2026, 12, 8);
    let edit = Edit::SetMeetingActionStatus {
        id: "M3-04".into(),
        status: ActionStatus::Done,
        closed,
        note: "Training held 2 December.".into(),
    };
    apply(&mut board, &mut history, edit).unwrap();
    let (_, action) = board.meeting_actions().find(|(_, a)| a.id == "M3-04").unwrap();
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.closed, closed);
}

#[test]
fn attendance_moves_a_person_between_lists() {
    let mut board = sample_board();
    let mut history = History::new();
    let mark = |attendance| Edit::SetAttendance { meeting: 6, person: "ceo".into(), attendance };
    apply(&mut board, &mut history, mark(Attendance::Present)).unwrap();
    assert_eq!(Attendance::of(board.meeting(6).unwrap(), "ceo"), Attendance::Present);
    apply(&mut board, &mut history, mark(Attendance::Apologies)).unwrap();
    let meeting = board.meeting(6).unwrap();
    assert_eq!(Attendance::of(meeting, "ceo"), Attendance::Apologies);
    assert!(!meeting.present.contains(&"ceo".to_string()));
    let stranger = Edit::SetAttendance { meeting: 6, person: "nobody".into(), attendance: Attendance::Present };
    assert_eq!(apply(&mut board, &mut history, stranger), Err(EditError::NoSuchPerson("nobody".into())));
}

#[test]
fn moving_an_item_renumbers_and_references_follow() {
    let mut board = sample_board();
    let mut history = History::new();
    let declaration = Declaration { person: "cllr-shah".into(), item: 8, interest: "Foster carer".into() };
    apply(&mut board, &mut history, Edit::AddDeclaration { meeting: 6, declaration }).unwrap();
    let title_of_8 = board.meeting(6).unwrap().item(8).unwrap().title.clone();
    apply(&mut board, &mut history, Edit::MoveItem { meeting: 6, item: 8, up: true }).unwrap();
    let meeting = board.meeting(6).unwrap();
    assert_eq!(meeting.item(7).unwrap().title, title_of_8);
    assert_eq!(meeting.declarations[0].item, 7, "the declaration follows its item");
    assert!(meeting.items.windows(2).all(|w| w[0].number < w[1].number));
}

#[test]
fn resolutions_are_added_edited_and_removed() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(
        &mut board,
        &mut history,
        Edit::AddResolution { meeting: 6, item: 1, text: "That the minutes be approved.".into() },
    )
    .unwrap();
    apply(
        &mut board,
        &mut history,
        Edit::SetResolution {
            meeting: 6,
            item: 1,
            index: 0,
            text: "That the minutes of 27 October be approved.".into(),
        },
    )
    .unwrap();
    assert_eq!(board.meeting(6).unwrap().item(1).unwrap().resolutions, ["That the minutes of 27 October be approved."]);
    apply(&mut board, &mut history, Edit::RemoveResolution { meeting: 6, item: 1, index: 0 }).unwrap();
    assert!(board.meeting(6).unwrap().item(1).unwrap().resolutions.is_empty());
    assert!(apply(&mut board, &mut history, Edit::RemoveResolution { meeting: 6, item: 1, index: 0 }).is_err());
}

#[test]
fn a_meeting_cannot_be_approved_before_it_is_held() {
    let mut board = sample_board();
    let mut history = History::new();
    let approve = Edit::ApproveMinutes { meeting: 6, on: board.meeting(6).unwrap().date, at_meeting: None, by: None };
    assert_eq!(apply(&mut board, &mut history, approve), Err(EditError::NotYetHeld(6)));
    let by_status = Edit::SetMeetingStatus { meeting: 5, status: MeetingStatus::Approved };
    assert_eq!(apply(&mut board, &mut history, by_status), Err(EditError::ApproveThroughApproval(5)));
}

#[test]
fn saving_writes_the_audit_trail_and_undo_of_a_saved_edit_is_recorded() {
    let mut board = sample_board();
    let before = board.history.len();
    let mut history = History::new();
    apply(&mut board, &mut history, rate("2.1", 5, Rag::Red, "No weekend plan.")).unwrap();
    apply(&mut board, &mut history, Edit::SetItemNotes { meeting: 5, item: 11, notes: "None.".into() }).unwrap();
    history.undo(&mut board, "k.morgan", at());
    let saved = history.board_to_save(&board);
    assert_eq!(saved.history.len(), before + 1, "an edit undone before saving leaves no trace");
    assert_eq!(saved.history.last().unwrap().what, "Action 2.1: RAG Amber → Red at meeting 5");
    assert_eq!(saved.history.last().unwrap().by, "k.morgan");
    history.mark_saved(&mut board, saved);
    assert!(!history.is_dirty());

    history.undo(&mut board, "k.morgan", at());
    assert!(history.is_dirty());
    let saved = history.board_to_save(&board);
    assert_eq!(saved.history.last().unwrap().what, "Undone: Action 2.1: RAG Amber → Red at meeting 5");
}

#[test]
fn a_new_edit_after_undo_clears_redo() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(&mut board, &mut history, rate("2.1", 5, Rag::Red, "a")).unwrap();
    history.undo(&mut board, "k", at());
    assert!(history.can_redo());
    apply(&mut board, &mut history, rate("2.2", 5, Rag::Red, "b")).unwrap();
    assert!(!history.can_redo());
}

#[test]
fn undo_stops_at_an_approval_of_minutes_and_says_why() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(&mut board, &mut history, Edit::SetItemNotes { meeting: 5, item: 11, notes: "None.".into() }).unwrap();
    let on = board.meeting(5).unwrap().date;
    apply(&mut board, &mut history, Edit::ApproveMinutes { meeting: 5, on, at_meeting: None, by: None }).unwrap();
    assert!(!history.can_undo());
    assert_eq!(history.undo(&mut board, "k.morgan", at()), None);
    assert!(board.meeting(5).unwrap().is_approved(), "the approval stands");
    let why = history.undo_stopped_by().unwrap();
    assert!(why.contains("approval of meeting 5's minutes"), "{why}");
    // Later edits can still be undone, back to the approval and no further.
    apply(&mut board, &mut history, rate("2.1", 6, Rag::Red, "No weekend plan.")).unwrap();
    assert!(history.can_undo());
    assert!(history.undo(&mut board, "k.morgan", at()).is_some());
    assert_eq!(history.undo(&mut board, "k.morgan", at()), None);
    assert!(history.is_dirty(), "the approval is still unsaved");
}

#[test]
fn a_meetings_date_time_and_venue_change_in_order_and_not_once_approved() {
    let mut board = sample_board();
    let mut history = History::new();
    let details = |meeting, date: &str, venue: &str| Edit::SetMeetingDetails {
        meeting,
        date: parse_date(date).unwrap(),
        start: Some(crate::model::TimeOfDay::parse("10:00").unwrap()),
        venue: venue.into(),
    };
    apply(&mut board, &mut history, details(6, "2026-12-10", " Council Chamber ")).unwrap();
    let meeting = board.meeting(6).unwrap();
    assert_eq!((meeting.date, meeting.venue.as_str()), (parse_date("2026-12-10").unwrap(), "Council Chamber"));
    // Before meeting 5 (27 October): refused, saying why.
    let early = apply(&mut board, &mut history, details(6, "2026-10-01", "x"));
    assert!(matches!(early, Err(EditError::MeetingDateOutOfOrder { other: 5, .. })), "{early:?}");
    assert_eq!(
        early.unwrap_err().to_string(),
        "meeting 6 cannot be dated 1 October 2026: meeting 5 is on 27 October 2026"
    );
    let approved = apply(&mut board, &mut history, details(3, "2026-07-01", "x"));
    assert!(matches!(approved, Err(EditError::MeetingApproved(3))));
    history.undo(&mut board, "k.morgan", at());
    assert_eq!(board.meeting(6).unwrap(), sample_board().meeting(6).unwrap());
}

#[test]
fn an_items_presenter_must_be_one_of_the_boards_people() {
    let mut board = sample_board();
    let mut history = History::new();
    let set = |presenter: &str| Edit::SetItemDetails {
        meeting: 6,
        item: 3,
        purpose: Some(crate::model::Purpose::Decision),
        presenter: Some(presenter.into()),
        minutes: Some(20),
    };
    assert!(matches!(apply(&mut board, &mut history, set("nobody")), Err(EditError::NoSuchPerson(_))));
    apply(&mut board, &mut history, set("head-mash")).unwrap();
    let item = board.meeting(6).unwrap().item(3).unwrap();
    assert_eq!((item.presenter.as_deref(), item.minutes), (Some("head-mash"), Some(20)));
    assert_eq!(history.undo_label(), Some("Meeting 6, item 3: for decision, presented by Claire Fenwick, 20 minutes"));
}

#[test]
fn re_dating_an_action_keeps_the_date_it_moved_from_and_needs_a_reason() {
    let mut board = sample_board();
    let mut history = History::new();
    let first_due = board.action("2.1").unwrap().due;
    let redate = |to: &str, reason: &str| Edit::RedateAction {
        action: "2.1".into(),
        to: parse_date(to).unwrap(),
        on: parse_date("2026-12-08").unwrap(),
        meeting: Some(6),
        reason: reason.into(),
    };
    assert!(matches!(
        apply(&mut board, &mut history, redate("2027-03-31", "  ")),
        Err(EditError::RedateReasonNeeded(_))
    ));
    apply(&mut board, &mut history, redate("2027-03-31", "Police rota agreed only from January.")).unwrap();
    apply(&mut board, &mut history, redate("2027-06-30", "Rota slipped again.")).unwrap();
    let action = board.action("2.1").unwrap();
    assert_eq!(action.original_due(), first_due);
    assert_eq!(action.due, parse_date("2027-06-30").unwrap());
    assert_eq!(action.redated.len(), 2);
    assert_eq!(
        action.redating_words().unwrap(),
        format!(
            "First due {}, now 30 June 2027: re-dated twice, {} later",
            crate::model::dates::uk_long(first_due),
            crate::model::dates::days(crate::model::dates::days_between(first_due, action.due))
        )
    );
    assert!(matches!(apply(&mut board, &mut history, redate("2027-06-30", "x")), Err(EditError::SameDueDate { .. })));
    let at_approved = Edit::RedateAction {
        action: "2.1".into(),
        to: parse_date("2027-09-30").unwrap(),
        on: parse_date("2026-07-14").unwrap(),
        meeting: Some(3),
        reason: "x".into(),
    };
    assert!(matches!(apply(&mut board, &mut history, at_approved), Err(EditError::MeetingApproved(3))));
    assert_eq!(
        history.undo_label(),
        Some("Action 2.1: re-dated from 31 March 2027 to 30 June 2027 at meeting 6 (Rota slipped again.)")
    );
    history.undo(&mut board, "k.morgan", at());
    history.undo(&mut board, "k.morgan", at());
    assert_eq!(board.action("2.1").unwrap(), sample_board().action("2.1").unwrap());
}

#[test]
fn a_rating_given_again_as_it_stands_is_not_recorded_twice() {
    let mut board = sample_board();
    let mut history = History::new();
    apply(&mut board, &mut history, rate("1.2", 5, Rag::Blue, "Sustained; complete.")).unwrap();
    let before = (board.clone(), history.unsaved_count());
    let again = history.apply(&mut board, rate("1.2", 5, Rag::Blue, "Sustained; complete."), "k.morgan", at());
    assert_eq!(again.unwrap(), Applied::NothingChanged);
    assert_eq!((board, history.unsaved_count()), before, "no second audit entry, no undo step");
}

#[test]
fn papers_are_added_renamed_reordered_and_taken_off_through_the_edit_door() {
    use crate::model::Paper;
    let mut board = sample_board();
    let mut history = History::new();
    let paper = |title: &str, file: &str| Paper { title: title.into(), file: file.into(), received: None };
    let add = |p: Paper| Edit::AddPaper { meeting: 6, item: 10, paper: p };
    assert!(matches!(
        apply(&mut board, &mut history, add(paper("Bad", "../outside.pdf"))),
        Err(EditError::BadPaperPath { .. })
    ));
    apply(&mut board, &mut history, add(paper("First", "papers/m6/a.pdf"))).unwrap();
    apply(&mut board, &mut history, add(paper("Second", "papers/m6/b.pdf"))).unwrap();
    let rename = Edit::RenamePaper { meeting: 6, item: 10, index: 0, title: " Young inspectors' report ".into() };
    apply(&mut board, &mut history, rename).unwrap();
    apply(&mut board, &mut history, Edit::MovePaper { meeting: 6, item: 10, index: 1, up: true }).unwrap();
    let titles =
        |b: &Board| b.meeting(6).unwrap().item(10).unwrap().papers.iter().map(|p| p.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&board), ["Second", "Young inspectors' report"]);
    assert!(matches!(
        apply(&mut board, &mut history, Edit::MovePaper { meeting: 6, item: 10, index: 0, up: true }),
        Err(EditError::NoSuchPaper { .. })
    ));
    apply(&mut board, &mut history, Edit::RemovePaper { meeting: 6, item: 10, index: 0 }).unwrap();
    assert_eq!(titles(&board), ["Young inspectors' report"]);
    for _ in 0..5 {
        history.undo(&mut board, "k.morgan", at());
    }
    assert_eq!(board, sample_board(), "every step undone");
}
