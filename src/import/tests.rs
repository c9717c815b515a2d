//! Reading sheets end to end, from CSV text held here; the committed spreadsheets in
//! `tests/sheets/` are read by `tests/import.rs`.

use chrono::NaiveDate;

use super::*;
use crate::model::{Board, Rag};
use crate::sample::sample_board;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn reading(board: &Board, csv: &str) -> Reading {
    let sheet = read_csv("plan", csv.as_bytes()).unwrap();
    let mapping = find_mapping(&sheet).expect("headers found");
    read(board, &sheet, &mapping, "plan.csv", today())
}

const MESSY: &str = "\
Northmoor Children's Services - Statement of Action,,,,,,
,,,,,,
Recommendation,No.,What?,Who?,When?,Success measures,RAG
\"1. Strengthen management oversight of referrals.\",21.1,Daily MASH huddle,Claire Fenwick,31/03/2027,All contacts screened within a day,G
,21.2,\"Audit of\nthreshold decisions\",claire fenwick / Sam Patel,Mar-27,Nine in ten audits good,A
,,,,,,
\"2. Improve plans for children in care.\",22.1,Care plan template,Jo Bloggs,ongoing,,COMPLETED
,22.2,Training for IROs,,31 March 2027,,
,,,Lonely lead,,,
Key: R = off track,,,,,,
";

#[test]
fn a_messy_sheet_is_read_with_its_problems_named_by_row() {
    let board = sample_board();
    let read = reading(&board, MESSY);
    let ids: Vec<&str> = read.actions.iter().map(|a| a.action.id.as_str()).collect();
    assert_eq!(ids, ["21.1", "21.2", "22.1", "22.2"]);
    let first = &read.actions[0];
    assert_eq!(first.row, 4);
    assert_eq!(first.action.title, "Daily MASH huddle");
    assert_eq!(first.action.lead, "head-mash", "matched by name");
    assert_eq!(first.action.current_rag(), Rag::Green);
    let second = &read.actions[1];
    assert_eq!(second.action.title, "Audit of threshold decisions");
    assert_eq!(second.action.due, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
    assert_eq!(second.remarks, vec!["also named as lead: Sam Patel".to_string()]);
    assert_eq!(second.action.recommendation, first.action.recommendation, "the recommendation carries down");

    assert_eq!(
        read.failures(),
        vec![
            "row 7: due date: \"ongoing\" is not a date: an ongoing action still needs a date the board will review it by".to_string(),
            "row 8: lead officer: no lead officer named".to_string(),
            "row 9: the Action column is empty".to_string(),
        ]
    );
    assert_eq!(read.left_out, vec![(10, "Key: R = off track".to_string())]);
    let people: Vec<&str> = read.new_people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Jo Bloggs", "To be confirmed"]);
}

#[test]
fn without_the_problem_rows_only_what_clean_rows_need_is_added() {
    let board = sample_board();
    let read = reading(&board, MESSY);
    let clean = read.batch(false);
    assert_eq!(clean.actions.len(), 2);
    assert_eq!(clean.recommendations.len(), 1, "recommendation 2 has no clean action");
    assert!(clean.people.is_empty(), "Jo Bloggs leads only a row with problems");
    let all = read.batch(true);
    assert_eq!(all.actions.len(), 4);
    let flagged = all.actions.iter().find(|a| a.title == "Care plan template").unwrap();
    assert_eq!(flagged.due, today());
    assert_eq!(flagged.current_rag(), Rag::Blue, "\"COMPLETED\" read through the scale the sheet implies");
    assert_eq!(read.scale.as_ref().map(|s| s.to_string()).as_deref(), Some("completed = Blue"));
    assert!(flagged.latest_note().unwrap().starts_with("Imported from plan.csv row 7 with problems to fix: due date:"));
}

#[test]
fn ids_already_in_the_board_are_renumbered_and_flagged() {
    let board = sample_board();
    let read = reading(&board, "No.,Action,Lead,Due\n1.1,Something new,Jo Bloggs,31/03/2027\n");
    let action = &read.actions[0];
    assert_eq!(action.problems[0].reason, "action 1.1 is already in the board");
    assert_ne!(action.action.id, "1.1");
    assert_eq!(read.ids_the_board_holds, [2], "the row is counted, for the window to offer keeping in step");
}

#[test]
fn heading_rows_set_the_priority_and_recommendation() {
    let board = Board::blank("Test", "Test");
    let csv = "\
Ref,Action,Lead officer,Timescale
Priority 1: The front door,,,
Recommendation 3: Screen contacts promptly,,,
a,Rota for duty managers,Ann Lee,30/06/2027
Priority 2 - Children in care,,,
b,Sufficiency strategy,Ann Lee,30/09/2027
";
    let read = reading(&board, csv);
    let batch = read.batch(true);
    let titles: Vec<(&str, &str)> = batch.priorities.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
    assert_eq!(titles, [("P1", "The front door"), ("P2", "Children in care")]);
    assert_eq!(batch.recommendations[0].id, "R3");
    assert_eq!(batch.recommendations[0].text, "Screen contacts promptly");
    assert_eq!(batch.actions[1].recommendation, batch.recommendations[1].id);
    assert_eq!(batch.people.len(), 1, "Ann Lee is added once");
}

#[test]
fn a_numbered_recommendation_needs_its_punctuation_and_odd_text_never_panics() {
    let board = Board::blank("Test", "Test");
    let read = reading(
        &board,
        "Recommendation,Action,Lead,Due\n12 month plans for all,Do it,Ann Lee,31/03/2027\n3) Screen contacts,Rota,Ann Lee,31/03/2027\n",
    );
    assert_eq!(read.new_recommendations[0].text, "12 month plans for all");
    assert_eq!(read.new_recommendations[1].id, "R3");
    assert_eq!(read.new_recommendations[1].text, "Screen contacts");
    for text in ["\u{212A}ey", "İ", "Priorityİ", "recommendation", "99999999999999999999.", "\u{0}"] {
        let csv = format!("Action,Lead,Due\n{text},Ann,31/03/2027\n{text}\n");
        let _ = reading(&board, &csv);
    }
}

#[test]
fn columns_chosen_by_hand_are_read_from_letters_and_field_names() {
    assert_eq!(parse_column_choice("C=lead"), Ok((2, Field::Lead)));
    assert_eq!(parse_column_choice("aa = Due"), Ok((26, Field::Due)));
    assert_eq!(parse_column_choice("B=action-number"), Ok((1, Field::ActionId)));
    for wrong in ["C", "3=lead", "C=who", "=lead", "ABCD=lead"] {
        assert!(parse_column_choice(wrong).is_err(), "{wrong}");
    }
    let error = parse_column_choice("C=who").unwrap_err();
    assert!(error.contains("\"who\" is not a field: expected one of priority-number, priority,"), "{error}");
    for index in 0..2000 {
        assert_eq!(column_index(&column_letter(index)), Some(index), "{}", column_letter(index));
    }
}

#[test]
fn a_field_chosen_for_a_column_leaves_the_column_it_was_read_from() {
    let sheet = read_csv("plan.csv", b"Action,Notes,Lead\nDo it,Better wording,Ann\n").unwrap();
    let mut mapping = find_mapping(&sheet).unwrap();
    assert_eq!(mapping.column(Field::Action), Some(0));
    mapping.choose(1, Field::Action);
    assert_eq!(mapping.column(Field::Action), Some(1), "each field is read from one column");
    assert_eq!(mapping.fields[0], Field::Ignore);
    mapping.choose(5, Field::Note);
    assert_eq!((mapping.fields.len(), mapping.column(Field::Note)), (6, Some(5)), "a column past the headers");
}

#[test]
fn a_failed_formula_is_read_as_empty_and_said_in_the_rows_problems() {
    let csv = "No.,What?,Who?,When?,Success measures\n21.1,Daily MASH huddle,Claire Fenwick,31/03/2027,x\n21.2,Audit,Claire Fenwick,x,y\n";
    let mut sheet = read_csv("plan", csv.as_bytes()).unwrap();
    sheet.rows[1][4] = crate::import::sheet::Cell::Error("#DIV/0!".into());
    sheet.rows[2][3] = crate::import::sheet::Cell::Error("#REF!".into());
    let mapping = find_mapping(&sheet).expect("headers found");
    let read = read(&sample_board(), &sheet, &mapping, "plan.csv", today());
    let failures = read.failures().join("\n");
    assert!(failures.contains("row 2: measure of success: the cell shows Excel's error #DIV/0! (a formula that failed), so it was read as empty"), "{failures}");
    assert!(
        failures.contains("row 3: due date: the cell shows Excel's error #REF! (a formula that failed)"),
        "{failures}"
    );
}

#[test]
fn a_tracker_naming_the_current_lead_changes_nothing_even_where_two_people_share_the_name() {
    let mut board = sample_board();
    let lead = board.person(&board.action("1.1").unwrap().lead).unwrap().clone();
    // Another person of the same name, listed first: a search by name alone would find them.
    board.people.insert(0, crate::model::Person { id: "namesake".into(), ..lead.clone() });
    let title = board.action("1.1").unwrap().title.clone();
    let csv = format!("No.,Action,Lead\n1.1,{title},{}\n", lead.name);
    let sheet = read_csv("tracker", csv.as_bytes()).unwrap();
    let mapping = find_mapping(&sheet).unwrap();
    let in_step = Choices { in_step: true, ..Choices::default() };
    let read = read_with(&board, &sheet, &mapping, &in_step, "tracker.csv", today());
    assert_eq!(read.changes.len(), 1);
    assert!(read.changes[0].said.is_empty(), "{:?}", read.changes[0].said);
    assert!(read.changes[0].change.is_empty());
}

#[test]
fn a_title_in_capitals_with_nothing_else_opens_a_priority_numbered_or_not() {
    let board = Board::blank("Test", "Test");
    let csv = "\
Ref,Action,Lead,Due
,THE FRONT DOOR,,
a,Rota for duty managers,Ann Lee,30/06/2027
4,CHILDREN IN CARE AND SEND,,
b,Sufficiency strategy,Ann Lee,30/09/2027
";
    let read = reading(&board, csv);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    let priorities: Vec<(&str, &str)> = read.new_priorities.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
    assert_eq!(priorities, [("P1", "The front door"), ("P4", "Children in care and SEND")]);
    assert_eq!(read.actions.len(), 2, "neither title is an action");
}
