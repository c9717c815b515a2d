//! Bringing in the adviser's spreadsheet: five councils' sheets in their own house styles
//! (committed under tests/sheets/, written by make_sheets.py), the round trip board →
//! xlsx → import, the statement-of-action PDF read back, and the CLI as a person runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use improvement_board::board_file;
use improvement_board::documents::{spreadsheet, statement};
use improvement_board::import::{self, Field, Reading};
use improvement_board::model::{Board, PlanAction, Rag};
use improvement_board::sample::sample_board;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn here(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn new_board() -> Board {
    board_file::load(&here("tests/boards/new-board.ron")).expect("the fixture loads")
}

fn read_sheet(file: &str, sheet: Option<&str>) -> Reading {
    let path = here(file);
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), sheet).unwrap();
    let mapping = import::find_mapping(&sheet).expect("the header row is found");
    import::read(&new_board(), &sheet, &mapping, file, today())
}

fn action<'a>(reading: &'a Reading, id: &str) -> &'a PlanAction {
    &reading.actions.iter().find(|a| a.action.id == id).unwrap_or_else(|| panic!("no action {id}")).action
}

#[test]
fn a_county_sheet_with_banners_a_two_row_merged_header_and_merged_recommendations() {
    let read = read_sheet("tests/sheets/ashcombe-county-soa.xlsx", None);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    let ids: Vec<&str> = read.actions.iter().map(|a| a.action.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "1.3", "2.1", "2.2"]);
    let recs: Vec<(&str, &str)> = read.new_recommendations.iter().map(|r| (r.id.as_str(), r.text.as_str())).collect();
    assert_eq!(
        recs,
        [
            ("R1", "Leaders should know the quality of social work practice."),
            ("R2", "Plans for children in need should be specific and reviewed.")
        ]
    );
    let audit = action(&read, "1.1");
    assert_eq!(audit.title, "Monthly practice audits with moderation by heads of service", "multi-line cell joined");
    assert_eq!(audit.evidence, ["Audit summary", "Moderation log"], "bullets stripped, one line each");
    assert_eq!(audit.due, date(2027, 1, 31));
    assert_eq!(audit.current_rag(), Rag::Amber);
    assert_eq!(action(&read, "1.3").recommendation, "R1", "the merged recommendation covers all three rows");
    assert_eq!(action(&read, "2.1").current_rag(), Rag::Green, "a letter is a rating");
    let clinic = &read.actions[1];
    assert_eq!(clinic.remarks, ["also named as lead: Ravi Kapoor"]);
}

#[test]
fn priority_heading_rows_serial_dates_and_the_rows_councils_get_wrong() {
    let read = read_sheet("tests/sheets/riverside-action-plan.xlsx", None);
    let priorities: Vec<(&str, &str)> = read.new_priorities.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
    assert_eq!(priorities, [("P1", "Help at the right time"), ("P2", "Children in care")]);
    assert_eq!(action(&read, "1.1").due, date(2026, 10, 31), "an Excel serial number in a plain cell");
    assert_eq!(action(&read, "1.2").recommendation, action(&read, "1.1").recommendation, "blank carries down");
    assert_eq!(
        read.failures(),
        [
            "row 5: due date: \"Dec 2016\" gives a month but not a day (did you mean 31/12/2016?)",
            "row 9: lead officer: no lead officer named",
        ]
    );
    // Imported anyway: the field left empty (or a stand-in), and flagged where people look.
    let flagged = read.batch(true);
    let nurse = flagged.actions.iter().find(|a| a.id == "2.2").unwrap();
    assert_eq!(nurse.lead, import::TO_BE_CONFIRMED);
    assert_eq!(nurse.current_rag(), Rag::Red, "what could be read is kept");
    assert!(nurse.latest_note().unwrap().contains("no lead officer named; lead set to \"To be confirmed\""));
    let tracker = flagged.actions.iter().find(|a| a.id == "2.1").unwrap();
    assert_eq!(tracker.current_rag(), Rag::Blue, "\"COMPLETED\" is read through the scale the import shows");
    assert_eq!(read.scale.as_ref().map(|s| s.to_string()).as_deref(), Some("completed = Blue"));
}

#[test]
fn a_tracker_on_the_second_sheet_with_ids_typed_as_numbers_and_columns_to_leave_out() {
    let path = here("tests/sheets/westbury-tracker.xlsx");
    let first = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), None).unwrap();
    assert!(import::find_mapping(&first).is_none(), "the cover sheet has no header row");
    let read = read_sheet("tests/sheets/westbury-tracker.xlsx", Some("tracker"));
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), Some("Tracker")).unwrap();
    let mapping = import::find_mapping(&sheet).unwrap();
    assert_eq!(mapping.fields[8], Field::Ignore, "Budget is left out");
    assert_eq!(action(&read, "1.1").title, "Recruitment campaign");
    assert_eq!(action(&read, "1.1").recommendation, "R1");
    assert_eq!(action(&read, "2.1").current_rag(), Rag::Red, "ratings in lower case");
    assert_eq!(
        read.new_priorities.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(),
        ["Workforce", "Voice of the child"]
    );
    assert_eq!(
        read.failures(),
        [
            "row 3: due date: \"ongoing\" is not a date: an ongoing action still needs a date the board will review it by"
        ]
    );
}

#[test]
fn a_windows_csv_with_dates_typed_three_ways_and_a_blank_row() {
    let read = read_sheet("tests/sheets/eastholme-plan.csv", None);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    assert_eq!(action(&read, "A1").due, date(2027, 3, 31));
    assert_eq!(action(&read, "A2").due, date(2027, 3, 31), "Mar-27 is the end of March");
    assert_eq!(action(&read, "B1").due, date(2027, 6, 30));
    assert_eq!(action(&read, "A1").measure, "“Good” supervision in 8 of 10 files", "Windows-1252 quotes");
    assert_eq!(action(&read, "B1").title, "Local offer refreshed (£5k budget)");
    assert_eq!(action(&read, "A2").title, "Caseload dashboard for every team");
    assert_eq!(
        action(&read, "A1").recommendation,
        action(&read, "A2").recommendation,
        "same words, one recommendation"
    );
}

#[test]
fn a_plain_sheet_matches_leads_by_role_and_reads_not_rated() {
    let read = read_sheet("tests/sheets/lowfield-plan.xlsx", None);
    assert!(read.failures().is_empty());
    assert_eq!(action(&read, "F1").lead, "head-mash", "\"Head of MASH\" is Ruth Adeyemi's role");
    assert_eq!(action(&read, "F1").current_rag(), Rag::Blue);
    assert_eq!(action(&read, "C1").current_rag(), Rag::NotRated);
    let posts: Vec<(&str, &str)> = read.new_people.iter().map(|p| (p.name.as_str(), p.role.as_str())).collect();
    assert_eq!(posts, [("", "Care Lead")], "a lead named by post is proposed as the post, holder to be named");
}

/// The same actions: everything the spreadsheet carries (the RAG history becomes the one
/// current rating).
fn same_actions(a: &PlanAction, b: &PlanAction) {
    assert_eq!(
        (&a.id, &a.recommendation, &a.title, &a.lead, a.due, &a.measure, &a.evidence, a.current_rag()),
        (&b.id, &b.recommendation, &b.title, &b.lead, b.due, &b.measure, &b.evidence, b.current_rag()),
    );
    assert_eq!(a.latest_note(), b.latest_note(), "action {}", a.id);
}

#[test]
fn board_to_xlsx_to_import_gives_the_same_actions() {
    let board = sample_board();
    let bytes = spreadsheet::statement_xlsx(&board, today(), false).unwrap();
    let dir = std::env::temp_dir().join(format!("ib-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("northmoor.xlsx");
    std::fs::write(&path, bytes).unwrap();

    let sheets = import::read_sheets(&path).unwrap();
    assert_eq!(
        sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Statement of action", "Action log", "Scorecard"]
    );
    let sheet = import::pick_sheet(&path, sheets, None).unwrap();
    let mapping = import::find_mapping(&sheet).unwrap();
    // Into the same board with its plan taken away: people stay, so leads match by name.
    let mut empty = board.clone();
    empty.priorities.clear();
    empty.recommendations.clear();
    empty.actions.clear();
    empty.meetings.clear();
    let read = import::read(&empty, &sheet, &mapping, "northmoor.xlsx", today());
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    assert!(read.new_people.is_empty(), "every lead matched");
    assert_eq!(read.actions.len(), board.actions.len());
    for (original, imported) in board.actions_in_plan_order().into_iter().zip(&read.actions) {
        same_actions(original, &imported.action);
    }
    // Summaries are not in the spreadsheet; ids and titles are.
    assert_eq!(
        read.new_priorities.iter().map(|p| (&p.id, &p.title)).collect::<Vec<_>>(),
        board.priorities.iter().map(|p| (&p.id, &p.title)).collect::<Vec<_>>()
    );
    assert_eq!(
        read.new_recommendations.iter().map(|r| (&r.id, &r.priority, &r.text)).collect::<Vec<_>>(),
        board.recommendations.iter().map(|r| (&r.id, &r.priority, &r.text)).collect::<Vec<_>>()
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_statement_pdf_carries_every_recommendation_and_action() {
    let board = sample_board();
    let rendered = statement::statement_pdf(&board, today(), false);
    let doc = lopdf::Document::load_mem(&rendered.bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Statement of action"));
    assert!(text.contains("Overall effectiveness"), "the judgements open it");
    // Report published Monday 2 March 2026: 70 working days on, past Easter and both May
    // bank holidays.
    assert!(
        text.contains(
            "The statement of action is due on 12 June 2026: 70 working days after the report was published."
        ),
        "{text}"
    );
    let mut last = 0;
    for priority in &board.priorities {
        assert!(text.contains(&format!("Priority {}:", priority.id)), "{}", priority.id);
        for rec in board.recommendations_for(&priority.id) {
            let at = text.find(&format!("Recommendation {}", rec.id)).unwrap_or_else(|| panic!("{}", rec.id));
            assert!(at > last, "recommendation {} in plan order", rec.id);
            last = at;
            let opening: String = rec.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&opening), "the inspection's words for {}", rec.id);
        }
    }
    for action in &board.actions {
        let opening: String = action.title.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&opening), "action {} ({opening})", action.id);
        let lead = board.person(&action.lead).unwrap();
        assert!(text.contains(lead.name.split(' ').next_back().unwrap()), "lead of {}", action.id);
    }
    for page in &pages {
        let page_text = doc.extract_text(&[*page]).unwrap();
        assert!(page_text.contains(&format!("Page {page} of {}", pages.len())), "page {page}");
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_improvement-board"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn scratch_board(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ib-import-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("board.ron");
    std::fs::copy(here("tests/boards/new-board.ron"), &path).unwrap();
    path
}

#[test]
fn the_cli_imports_a_clean_sheet_and_the_board_file_records_it() {
    let board = scratch_board("clean");
    let output = run(&[
        "import",
        "tests/sheets/ashcombe-county-soa.xlsx",
        "--into",
        board.to_str().unwrap(),
        "--today",
        "2026-11-23",
    ]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        out.contains("headers on row 5: A \"Recommendation\" → recommendation, B \"No.\" → action number"),
        "{out}"
    );
    assert!(out.contains("Imported 5 actions, 2 new recommendations and 1 new priority into"), "{out}");
    assert!(out.contains("New people: Helen Marsh; Ravi Kapoor; Dawn Price."), "{out}");
    let saved = board_file::load(&board).unwrap();
    assert_eq!(saved.actions.len(), 5);
    assert!(saved.history.last().unwrap().what.starts_with("Imported 5 actions"), "the audit trail has it");
    assert!(board_file::backup_path(&board).exists(), "the board as it was is kept");
}

#[test]
fn the_cli_refuses_a_sheet_with_bad_rows_unless_told_to_keep_going() {
    let board = scratch_board("bad");
    let before = std::fs::read(&board).unwrap();
    let args = [
        "import",
        "tests/sheets/riverside-action-plan.xlsx",
        "--into",
        board.to_str().unwrap(),
        "--today",
        "2026-11-23",
    ];
    let output = run(&args);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert!(out.contains("Could not read 2 of 4 rows:\n  row 5: due date: \"Dec 2016\""), "{out}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("Nothing was imported"));
    assert_eq!(std::fs::read(&board).unwrap(), before, "the board is untouched");

    let output = run(&[&args[..], &["--keep-going"]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(board_file::load(&board).unwrap().actions.len(), 4);
}

#[test]
fn the_cli_reads_columns_it_does_not_know_when_told_which_is_which() {
    let board = scratch_board("columns");
    let sheet = board.parent().unwrap().join("tracker.csv");
    std::fs::write(&sheet, "Ref,Deliverable,Officer,Deadline\nD1,Weekly audit huddle,Ruth Adeyemi,31/01/2027\n")
        .unwrap();
    let args = ["import", sheet.to_str().unwrap(), "--into", board.to_str().unwrap(), "--today", "2026-11-23"];
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("say which column holds the actions with --column LETTER=action"), "{error}");

    let output = run(&[&args[..], &["--column", "B=action", "--column", "C=lead"]].concat());
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("B \"Deliverable\" → action, C \"Officer\" → lead officer"), "{out}");
    let saved = board_file::load(&board).unwrap();
    let action = saved.action("D1").expect("imported under the chosen columns");
    assert_eq!(action.title, "Weekly audit huddle");
    assert_eq!(saved.person_name(&action.lead), "Ruth Adeyemi");

    let wrong = run(&[&args[..], &["--column", "B=what"]].concat());
    assert_eq!(wrong.status.code(), Some(2), "misuse");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("\"what\" is not a field"));
}

#[test]
fn the_cli_names_a_missing_sheet_and_the_sheets_there_are() {
    let board = scratch_board("sheet");
    let output =
        run(&["import", "tests/sheets/westbury-tracker.xlsx", "--into", board.to_str().unwrap(), "--sheet", "Plan"]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("has no sheet called \"Plan\" (it has: Cover, Tracker)"), "{err}");
}

#[test]
fn the_cli_exports_the_statement_as_pdf_and_xlsx() {
    let dir = scratch_board("export").parent().unwrap().to_path_buf();
    let pdf = dir.join("soa.pdf");
    let xlsx = dir.join("soa.xlsx");
    let output = run(&["export", "statement", "sample_data/northmoor.ron", "-o", pdf.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let output = run(&["export", "xlsx", "sample_data/northmoor.ron", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("45 actions"));
    let sheets = import::read_sheets(&xlsx).unwrap();
    let log = sheets.iter().find(|s| s.name == "Action log").unwrap();
    assert_eq!(log.cell(0, 0).text(), "Ref");
    assert!(log.rows.len() > 10, "the action log sheet has the meeting actions");
}

// The performance team's return: three councils' house styles (tests/returns/, written by
// make_returns.py), read against the sample board, each checked exactly.

fn read_return(file: &str, sheet: Option<&str>) -> import::Return {
    let path = here(file);
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), sheet).unwrap();
    import::Return::read(&sheet, &sample_board().indicators, file).expect("the return's layout is found")
}

/// Row, measure as named, indicator matched, and figures as the board will hold them.
type Matched = (usize, String, Option<String>, Vec<(String, f64)>);

fn matched(read: &import::Return) -> Vec<Matched> {
    let board = sample_board();
    read.measures
        .iter()
        .map(|m| {
            let indicator = m.indicator.as_ref().and_then(|id| board.indicators.iter().find(|i| &i.id == id));
            let figures = indicator.map_or_else(|| m.figures.clone(), |i| import::Return::figures_for(m, i).0);
            (m.row, m.name.clone(), m.indicator.clone(), figures.iter().map(|(p, v)| (p.to_string(), *v)).collect())
        })
        .collect()
}

fn figures(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
    pairs.iter().map(|(p, v)| (p.to_string(), *v)).collect()
}

#[test]
fn a_scorecard_with_banners_sections_date_headers_and_percentages_kept_as_fractions() {
    let read = read_return("tests/returns/northmoor-scorecard.xlsx", None);
    assert_eq!(read.problems, Vec::<String>::new());
    assert_eq!(read.layout_words(), "months across on row 4 (Sep 2026 to Nov 2026), measures in column B");
    let id = |s: &str| Some(s.to_string());
    assert_eq!(
        matched(&read),
        [
            (
                6,
                "% contacts with a decision within 1 working day".into(),
                id("contact-decisions"),
                figures(&[("2026-09", 91.0), ("2026-10", 92.0), ("2026-11", 93.0)])
            ),
            (
                7,
                "Re-referrals within twelve months (%)".into(),
                id("rereferrals"),
                figures(&[("2026-09", 22.3), ("2026-10", 21.2), ("2026-11", 20.5)])
            ),
            (
                9,
                "Assessments completed within 45 working days".into(),
                id("assessments-45"),
                figures(&[("2026-09", 84.0), ("2026-10", 87.0)])
            ),
            (
                10,
                "ICPCs within 15 working days".into(),
                id("icpc-15"),
                figures(&[("2026-09", 84.0), ("2026-10", 88.0), ("2026-11", 90.0)])
            ),
            (
                11,
                "CP plans for a second or later time".into(),
                id("cp-second-time"),
                figures(&[("2026-09", 23.0), ("2026-10", 22.1), ("2026-11", 21.8)])
            ),
        ]
    );
    let compared = read.compare(&sample_board());
    assert_eq!((compared.new, compared.unchanged, compared.revisions.len()), (4, 10, 0));
}

#[test]
fn a_data_extract_with_one_row_per_measure_and_month() {
    let read = read_return("tests/returns/eastholme-data-extract.xlsx", None);
    assert_eq!(read.problems, Vec::<String>::new());
    assert_eq!(
        read.layout_words(),
        "one row per measure and month, headers on row 1: measure in column A, month in B, figure in C"
    );
    let id = |s: &str| Some(s.to_string());
    assert_eq!(
        matched(&read),
        [
            (2, "No. of CLA".into(), id("cla-count"), figures(&[("2026-10", 433.0), ("2026-11", 437.0)])),
            (
                4,
                "Average caseload per social worker".into(),
                id("caseload"),
                figures(&[("2026-10", 21.0), ("2026-11", 19.5)])
            ),
            (6, "Agency social workers (%)".into(), id("agency-staff"), figures(&[("2026-11", 14.0)])),
            (7, "CLA reviews within timescale".into(), id("cla-reviews"), figures(&[("2026-11", 97.0)])),
        ]
    );
}

#[test]
fn a_csv_return_with_text_month_headings_a_revision_and_a_measure_the_board_does_not_keep() {
    let mut read = read_return("tests/returns/westbury-return.csv", None);
    assert_eq!(read.problems, Vec::<String>::new(), "\"n/a\" is no figure, not a problem");
    let unmatched: Vec<&str> = read.unmatched().map(|m| m.name.as_str()).collect();
    assert_eq!(unmatched, ["Children missing from care (episodes)"]);
    let compared = read.compare(&sample_board());
    assert_eq!(
        compared.revisions,
        [("Child protection visits within timescale".to_string(), "2026-10".parse_month(), 90.0, 91.0)]
    );
    assert_eq!((compared.new, compared.unchanged), (3, 2));
    read.choose(6, None).unwrap();
    assert_eq!(read.unmatched().count(), 0);
    assert!(read.choose(2, None).is_err(), "row 2 is a blank line, not a measure");
}

trait ParseMonth {
    fn parse_month(&self) -> improvement_board::model::YearMonth;
}

impl ParseMonth for str {
    fn parse_month(&self) -> improvement_board::model::YearMonth {
        improvement_board::model::YearMonth::parse(self).unwrap()
    }
}

#[test]
fn board_to_xlsx_scorecard_sheet_to_import_readings_gives_the_same_readings() {
    let board = sample_board();
    let bytes = spreadsheet::statement_xlsx(&board, today(), false).unwrap();
    let path = std::env::temp_dir().join(format!("ib-scorecard-{}.xlsx", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), Some("Scorecard")).unwrap();
    let read = import::Return::read(&sheet, &board.indicators, "scorecard.xlsx").unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(read.problems, Vec::<String>::new());
    assert_eq!(read.unmatched().count(), 0);
    let compared = read.compare(&board);
    let held: usize = board.indicators.iter().map(|i| i.figures().len()).sum();
    assert_eq!((compared.new, compared.unchanged, compared.revisions.len()), (0, held, 0));
    // Into a board with no readings, the figures come back as they were.
    let mut empty = board.clone();
    empty.indicators.iter_mut().for_each(|i| i.readings.clear());
    let batch = read.batch(&empty, today());
    for indicator in &board.indicators {
        let back: Vec<(String, f64)> =
            batch.figures.iter().filter(|(id, ..)| *id == indicator.id).map(|(_, p, v)| (p.to_string(), *v)).collect();
        let was: Vec<(String, f64)> = indicator.figures().iter().map(|r| (r.period.to_string(), r.value)).collect();
        assert_eq!(back, was, "{}", indicator.id);
    }
}

#[test]
fn the_cli_imports_a_return_refusing_an_unmatched_measure_until_told_and_says_what_it_revised() {
    let board = scratch_board("readings");
    std::fs::copy(here("sample_data/northmoor.ron"), &board).unwrap();
    let before = std::fs::read_to_string(&board).unwrap();
    let csv = here("tests/returns/westbury-return.csv");
    let args = ["import-readings", csv.to_str().unwrap(), "--into", board.to_str().unwrap(), "--entered", "2026-12-03"];
    let refused = run(&args);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(said.contains("row 6: \"Children missing from care (episodes)\": not on the board"), "{said}");
    assert_eq!(std::fs::read_to_string(&board).unwrap(), before, "nothing is written");
    let agreed = run(&[&args[..], &["--match", "6=-"]].concat());
    assert_eq!(agreed.status.code(), Some(0), "{}", String::from_utf8_lossy(&agreed.stderr));
    let said = String::from_utf8_lossy(&agreed.stdout);
    assert!(said.contains("revision: Child protection visits within timescale, October 2026: 90 → 91"), "{said}");
    assert!(said.contains("Imported 3 new figures, 1 revision and 2 already held"), "{said}");
    let saved = board_file::load(&board).unwrap();
    let visits = saved.indicators.iter().find(|i| i.id == "cp-visits").unwrap();
    let october = "2026-10".parse_month();
    assert_eq!(visits.figure(october).map(|r| (r.value, r.entered)), Some((91.0, Some(date(2026, 12, 3)))));
    assert_eq!(visits.revised_readings(october).iter().map(|r| r.value).collect::<Vec<_>>(), [90.0]);
    let last = saved.history.last().unwrap();
    assert_eq!(last.what, "Imported 3 new figures and 1 revision for 3 indicators from westbury-return.csv");
    // The same return again: nothing new, the board is not rewritten.
    let modified = std::fs::metadata(&board).unwrap().modified().unwrap();
    let again = run(&[&args[..], &["--match", "6=-"]].concat());
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing new, the board is unchanged"));
    assert_eq!(std::fs::metadata(&board).unwrap().modified().unwrap(), modified);
    std::fs::remove_dir_all(board.parent().unwrap()).ok();
}

#[test]
fn the_cli_brings_in_what_a_return_could_read_only_when_told_to_keep_going() {
    let board = scratch_board("readings-keep-going");
    std::fs::copy(here("sample_data/northmoor.ron"), &board).unwrap();
    let csv = board.with_file_name("return.csv");
    std::fs::write(
        &csv,
        "Measure,Nov-26\nAverage caseload per social worker,tbc\nAgency social workers,14\nChildren missing from care,37\n",
    )
    .unwrap();
    let args = ["import-readings", csv.to_str().unwrap(), "--into", board.to_str().unwrap(), "--entered", "2026-12-03"];
    let refused = run(&args);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(said.contains("row 2, Nov 2026: \"tbc\" is not a figure"), "{said}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("1 measure not matched and 1 cell not read"));
    let kept_going = run(&[&args[..], &["--keep-going"]].concat());
    assert_eq!(kept_going.status.code(), Some(0), "{}", String::from_utf8_lossy(&kept_going.stderr));
    assert!(
        String::from_utf8_lossy(&kept_going.stdout).contains("Imported 1 new figure, 0 revisions and 0 already held")
    );
    let saved = board_file::load(&board).unwrap();
    let november = "2026-11".parse_month();
    let figure = |id: &str| saved.indicators.iter().find(|i| i.id == id).unwrap().figure(november).map(|r| r.value);
    assert_eq!((figure("agency-staff"), figure("caseload")), (Some(14.0), None));
    std::fs::remove_dir_all(board.parent().unwrap()).ok();
}

fn read_with(file: &str, board: &Board, choices: &import::Choices) -> Reading {
    let path = here(file);
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), None).unwrap();
    let mapping = import::find_mapping(&sheet).expect("the header row is found");
    let source = Path::new(file).file_name().unwrap().to_str().unwrap();
    import::read_with(board, &sheet, &mapping, choices, source, today())
}

#[test]
fn a_plan_whose_only_text_column_is_the_recommendation_with_a_progress_score_and_its_key() {
    let path = here("tests/sheets/northbrook-recommendations.xlsx");
    let sheet = import::pick_sheet(&path, import::read_sheets(&path).unwrap(), None).unwrap();
    let mapping = import::find_mapping(&sheet).unwrap();
    assert_eq!(mapping.header_row, 2);
    assert_eq!(
        mapping.fields[..5],
        [Field::ActionId, Field::Action, Field::Lead, Field::Due, Field::Rag],
        "\"Responsibility\", \"Date\" and \"Assessment of progress (1-4)\" are lead, due and rating"
    );
    assert!(mapping.each_row_a_recommendation);
    assert_eq!(
        mapping.judged,
        ["B \"Recommendation\" read as the action, as no column is headed as one: each row is its own recommendation"]
    );
    let read = read_sheet("tests/sheets/northbrook-recommendations.xlsx", None);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    let scale = read.scale.as_ref().expect("the score needs a scale");
    assert_eq!(scale.to_string(), "1 = Blue, 2 = Green, 3 = Amber, 4 = Red");
    assert_eq!(scale.origin_words(), "from the key on row 9");
    assert_eq!(read.left_out.len(), 1, "the key is a note, not an action");
    let rows: Vec<(&str, &str, &str, NaiveDate, Rag)> = read
        .actions
        .iter()
        .map(|a| {
            let a = &a.action;
            (a.id.as_str(), a.recommendation.as_str(), a.lead.as_str(), a.due, a.current_rag())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1", "R1", "dcs", date(2027, 3, 31), Rag::Green),
            ("2", "R2", "head-of-service-mash", date(2027, 1, 31), Rag::Blue),
            ("3", "R3", "head-of-service-mash", date(2027, 4, 30), Rag::Amber),
            ("4", "R4", "kim-okonjo", date(2027, 6, 30), Rag::Red),
        ],
        "the Director matched by role; a post not on the board proposed once, as a post"
    );
    let recommendation = read.new_recommendations.iter().find(|r| r.id == "R2").unwrap();
    assert_eq!(recommendation.text, "Strategy meetings should include every agency that knows the child.");
    assert_eq!(action(&read, "2").title, recommendation.text, "the row is both");
    let people: Vec<(&str, &str)> = read.new_people.iter().map(|p| (p.name.as_str(), p.role.as_str())).collect();
    assert_eq!(people, [("", "Head of Service MASH"), ("Kim Okonjo", "")]);
}

#[test]
fn section_rows_in_capitals_open_priorities_and_are_never_actions() {
    let read = read_sheet("tests/sheets/southmere-sections.xlsx", None);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    assert!(read.scale.is_none(), "BRAG letters need no scale");
    let priorities: Vec<(&str, &str)> = read.new_priorities.iter().map(|p| (p.id.as_str(), p.title.as_str())).collect();
    assert_eq!(priorities, [("P1", "The front door and MASH"), ("P2", "Children looked after")]);
    let actions: Vec<(&str, &str, Rag)> = read
        .actions
        .iter()
        .map(|a| (a.action.id.as_str(), a.action.recommendation.as_str(), a.action.current_rag()))
        .collect();
    assert_eq!(
        actions,
        [("1.1", "R1", Rag::Blue), ("1.2", "R1", Rag::Green), ("2.1", "R2", Rag::Amber), ("2.2", "R2", Rag::Red)]
    );
    let placed: Vec<(&str, &str)> =
        read.new_recommendations.iter().map(|r| (r.id.as_str(), r.priority.as_str())).collect();
    assert_eq!(placed, [("R1", "P1"), ("R2", "P2")], "each section's actions sit under it");
    assert_eq!(action(&read, "2.2").evidence, ["Health tracker"]);
}

#[test]
fn a_status_column_in_the_councils_own_words_is_read_through_a_scale_that_can_be_changed() {
    let read = read_sheet("tests/sheets/eastbrook-status-words.xlsx", None);
    assert!(read.failures().is_empty(), "{:?}", read.failures());
    let scale = read.scale.clone().unwrap();
    assert_eq!(
        scale.to_string(),
        "complete = Blue, on track = Green, slipping = Amber, not started = not rated, off track = Red"
    );
    assert_eq!(scale.origin_words(), "assumed, as the sheet has no key");
    let ratings = |read: &Reading| -> Vec<Rag> { read.actions.iter().map(|a| a.action.current_rag()).collect() };
    assert_eq!(ratings(&read), [Rag::Blue, Rag::Green, Rag::Amber, Rag::NotRated, Rag::Red]);
    assert_eq!(action(&read, "1.3").latest_note(), Some("Auditor off sick"), "\"Progress update\" is the note");

    let stricter = import::Choices { scale: Some(scale.with("Slipping", Some(Rag::Red))), ..Default::default() };
    let read = read_with("tests/sheets/eastbrook-status-words.xlsx", &new_board(), &stricter);
    assert_eq!(ratings(&read), [Rag::Blue, Rag::Green, Rag::Red, Rag::NotRated, Rag::Red]);
}

#[test]
fn dates_that_are_not_days_are_flagged_with_the_reason_and_months_read_as_their_end_when_chosen() {
    let read = read_sheet("tests/sheets/hillcrest-dates.xlsx", None);
    assert_eq!(
        read.failures(),
        [
            "row 2: due date: \"TBC\" is not a date yet: the due date is to be confirmed",
            "row 3: due date: \"ongoing\" is not a date: an ongoing action still needs a date the board will review it by",
            "row 4: due date: \"Q3 2027/28\" is a quarter, not a day (that quarter of the financial year ends 31/12/2027)",
            "row 5: due date: \"end of March\" names a month but no year",
            "row 6: due date: \"April 2027\" gives a month but not a day (did you mean 30/04/2027?)",
            "row 7: due date: \"Dec 2026\" gives a month but not a day (did you mean 31/12/2026?)",
        ]
    );
    let month_end = import::Choices { month_end: true, ..Default::default() };
    let read = read_with("tests/sheets/hillcrest-dates.xlsx", &new_board(), &month_end);
    assert_eq!(read.failures().len(), 4, "only the months alone are read: {:?}", read.failures());
    let april = read.actions.iter().find(|a| a.row == 6).unwrap();
    assert_eq!(april.action.due, date(2027, 4, 30));
    assert_eq!(april.remarks, ["\"April 2027\" read as 30 April 2027, the month's end"]);
    assert_eq!(read.actions.iter().find(|a| a.row == 7).unwrap().action.due, date(2026, 12, 31));
    let tbc = read.actions.iter().find(|a| a.row == 2).unwrap();
    assert!(
        tbc.action.latest_note().unwrap().contains("due date: \"TBC\" is not a date yet"),
        "a stand-in date is flagged in the note, never silent"
    );
    let posts: Vec<(&str, &str, &str)> =
        read.new_people.iter().map(|p| (p.id.as_str(), p.name.as_str(), p.role.as_str())).collect();
    assert_eq!(
        posts,
        [
            ("service-manager-fostering", "", "Service Manager, Fostering"),
            ("head-of-service-mash", "", "Head of Service MASH"),
            ("meg-ellis", "Meg Ellis", ""),
        ]
    );
}

#[test]
fn the_cli_shows_the_scale_and_takes_another() {
    let board = scratch_board("scale");
    let sheet = "tests/sheets/northbrook-recommendations.xlsx";
    let args = ["import", sheet, "--into", board.to_str().unwrap(), "--today", "2026-11-23"];
    let output = run(&[&args[..], &["--scale", "1=Blue,2=Green,3=Red,4=Red"]].concat());
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("column B \"Recommendation\" read as the action, as no column is headed as one"), "{out}");
    assert!(out.contains("Ratings read through the scale 1 = Blue, 2 = Green, 3 = Red, 4 = Red (as given)."), "{out}");
    assert_eq!(board_file::load(&board).unwrap().action("3").unwrap().current_rag(), Rag::Red);

    let output = run(&["import", sheet, "--into", board.to_str().unwrap(), "--scale", "1=Purple"]);
    assert_eq!(output.status.code(), Some(2), "clap refuses a scale it cannot read");
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"Purple\" is not a rating"));
}

#[test]
fn the_tracker_brought_in_again_updates_the_board_field_by_field_and_never_duplicates() {
    let board = scratch_board("in-step");
    let into = board.to_str().unwrap();
    let first = run(&["import", "tests/sheets/kingsmoor-tracker.xlsx", "--into", into, "--today", "2026-12-01"]);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let before = board_file::load(&board).unwrap();

    let march = ["import", "tests/sheets/kingsmoor-tracker-march.xlsx", "--into", into, "--today", "2027-01-10"];
    let output = run(&[&march[..], &["--update"]].concat());
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}{}", String::from_utf8_lossy(&output.stderr));
    for line in [
        "  row 3: action 1.1:\n    title: \"Practice audit programme\" → \"Practice audit programme with moderation\"",
        "  row 4: action 1.2:\n    rating: Green → Amber (dated 10 January 2027)",
        "  row 5: action 2.1:\n    due: 31 March 2027 → 30 June 2027 (re-dated: changed in kingsmoor-tracker-march.xlsx on 10 January 2027)",
        "  1 row as the board has them already.",
        "  row 7: new action 2.3: Staying close scheme for care leavers",
        "Brought in step with kingsmoor-tracker-march.xlsx: 3 actions changed, 1 re-dated, 1 rated on 10 January 2027, 1 action added",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    let after = board_file::load(&board).expect("a board re-dated before its due date loads");
    let ids: Vec<&str> = after.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "2.1", "2.2", "2.3"], "updated in place, the new one under its recommendation");
    let was = |id: &str| before.action(id).unwrap();
    let now = |id: &str| after.action(id).unwrap();
    assert_eq!(now("1.1").title, "Practice audit programme with moderation");
    assert_eq!(
        (now("1.1").due, &now("1.1").lead, &now("1.1").updates),
        (was("1.1").due, &was("1.1").lead, &was("1.1").updates)
    );
    assert_eq!(now("1.2").updates.len(), was("1.2").updates.len() + 1, "a rating is added, the history kept");
    let rated = now("1.2").updates.last().unwrap();
    assert_eq!((rated.rag, rated.date, rated.meeting), (Rag::Amber, date(2027, 1, 10), None));
    assert_eq!(rated.note, "Clinic attendance fell in December", "the tracker's note says why");
    assert_eq!(now("2.1").due, date(2027, 6, 30));
    let redate = &now("2.1").redated[0];
    assert_eq!((redate.was, redate.on), (date(2027, 3, 31), date(2027, 1, 10)));
    assert_eq!(redate.reason, "changed in kingsmoor-tracker-march.xlsx on 10 January 2027");
    assert_eq!(now("2.2"), was("2.2"), "an unchanged row changes nothing");
    assert_eq!(now("2.3").recommendation, now("2.2").recommendation);
    let audit = &after.history[after.history.len() - 1];
    assert_eq!(
        audit.what,
        "Brought in step with kingsmoor-tracker-march.xlsx: 3 actions changed, 1 re-dated, 1 rated on 10 January 2027, 1 action added"
    );
    assert_eq!(after.history.len(), before.history.len() + 1, "one edit, one entry");

    let saved = std::fs::read(&board).unwrap();
    let again = run(&[&march[..], &["--update"]].concat());
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("The board is already in step with kingsmoor-tracker-march.xlsx: nothing changed.")
    );
    assert_eq!(std::fs::read(&board).unwrap(), saved, "brought in again, nothing is added twice");
}
