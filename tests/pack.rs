//! The board pack as the clerk publishes it, made by the real binary: the agenda's page
//! references true to the pack, every page numbered through, the public pack free of a
//! private paper's words, and a broken attachment refused by name.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use improvement_board::model::{Board, Exempt, Paper};
use improvement_board::sample::sample_board;
use lopdf::Document;

fn folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("ib-pack-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("papers/m5")).unwrap();
    folder
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_improvement-board")).args(args).output().unwrap()
}

/// Each page's text, whitespace made single spaces.
fn pages(bytes: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(bytes).unwrap();
    doc.get_pages()
        .keys()
        .map(|n| doc.extract_text(&[*n]).unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// A paper of a few pages whose text says `words`: a document the app itself writes.
fn paper_saying(words: &str) -> Vec<u8> {
    let mut board = sample_board();
    board.title = words.to_string();
    improvement_board::documents::agenda::agenda_pdf(&board, 5, None).unwrap().bytes
}

/// The sample board with an officer's paper on item 3 of meeting 5 and, on item 4 (taken
/// in private), a paper full of `secret`.
fn board_with_papers(folder: &Path, secret: &str) -> PathBuf {
    let mut board: Board = sample_board();
    let meeting = board.meetings.iter_mut().find(|m| m.number == 5).unwrap();
    std::fs::write(folder.join("papers/m5/visit.pdf"), paper_saying("Monitoring visit letter")).unwrap();
    std::fs::write(folder.join("papers/m5/private.pdf"), paper_saying(secret)).unwrap();
    meeting.items[2].papers =
        vec![Paper { title: "Letter from Ofsted".into(), file: "papers/m5/visit.pdf".into(), received: None }];
    meeting.items[3].exempt = Some(Exempt { paragraph: 1, reason: String::new() });
    meeting.items[3].papers =
        vec![Paper { title: format!("{secret} report"), file: "papers/m5/private.pdf".into(), received: None }];
    let path = folder.join("board.ron");
    improvement_board::board_file::save(&board, &path).unwrap();
    path
}

fn export(board: &Path, extra: &[&str], out: &str) -> (Output, PathBuf) {
    let out = board.with_file_name(out);
    let mut args = vec!["export", "pack", board.to_str().unwrap(), "--meeting", "5", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    (run(&args), out)
}

#[test]
fn the_agendas_page_numbers_are_the_packs_and_every_page_is_numbered_through() {
    let folder = folder("refs");
    let board = board_with_papers(&folder, "Quillfeather");
    let (output, out) = export(&board, &[], "pack.pdf");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pages(&std::fs::read(&out).unwrap());
    let total = text.len();
    for (n, page) in text.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {total}", n + 1)), "page {} is numbered: {page}", n + 1);
    }
    // Every "…: page N" in the agenda names a document that begins on page N.
    // The agenda's pages carry its running header.
    let agenda = text.iter().filter(|p| p.contains("Agenda, meeting 5")).cloned().collect::<Vec<_>>().join(" ");
    let expected = [
        ("Minutes of meeting 4", "Minutes of meeting 4"),
        ("The action log", "Board: action log"),
        ("Letter from Ofsted", "Monitoring visit letter"),
        ("Quillfeather report", "Quillfeather"),
        ("The progress report", "progress report as at"),
    ];
    for (title, opens_with) in expected {
        let at = agenda.find(&format!("{title}: page ")).unwrap_or_else(|| panic!("{title} in the agenda: {agenda}"));
        let number: usize = agenda[at + title.len() + 7..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap();
        assert!(text[number - 1].contains(opens_with), "{title} begins on page {number}: {}", text[number - 1]);
        if number > 1 {
            assert!(
                !text[number - 2].contains(opens_with) || title == "The action log",
                "{title} begins on page {number}, not before"
            );
        }
    }
    // A bookmark per item, with its papers under it.
    let doc = Document::load_mem(&std::fs::read(&out).unwrap()).unwrap();
    let toc: Vec<(usize, String, usize)> =
        doc.get_toc().unwrap().toc.into_iter().map(|t| (t.level, t.title, t.page)).collect();
    let item = toc.iter().position(|(_, t, _)| t == "3. Second monitoring visit: feedback").expect("item 3's bookmark");
    let (level, title, page) = &toc[item + 1];
    assert_eq!((title.as_str(), *level > toc[item].0), ("Letter from Ofsted", true), "{toc:?}");
    assert!(text[page - 1].contains("Monitoring visit letter"), "the bookmark goes to the paper");
    assert_eq!(toc[0].1, "Agenda");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_public_pack_carries_nothing_of_a_paper_for_an_item_taken_in_private() {
    let folder = folder("public");
    let board = board_with_papers(&folder, "Quillfeather");
    let (full, full_out) = export(&board, &[], "full.pdf");
    assert_eq!(full.status.code(), Some(0));
    assert!(pages(&std::fs::read(&full_out).unwrap()).join(" ").contains("Quillfeather"), "the full pack has it");
    let (public, out) = export(&board, &["--public"], "public.pdf");
    assert_eq!(public.status.code(), Some(0), "{}", String::from_utf8_lossy(&public.stderr));
    let bytes = std::fs::read(&out).unwrap();
    let text = pages(&bytes).join(" ");
    assert!(!text.contains("Quillfeather"), "not in the text");
    let doc = Document::load_mem(&bytes).unwrap();
    for object in doc.objects.values() {
        if let lopdf::Object::Stream(stream) = object {
            let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            assert!(!String::from_utf8_lossy(&content).contains("Quillfeather"), "not in a stream");
        }
    }
    assert!(!String::from_utf8_lossy(&bytes).contains("Quillfeather"), "not in the file");
    assert!(text.contains("Item 4: taken in private"), "the notice in its place");
    assert!(text.contains("The papers for this item are not published."));
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_broken_attachment_is_refused_naming_the_item_and_the_file() {
    let folder = folder("broken");
    let board = board_with_papers(&folder, "Quillfeather");
    // Caught as the board loads, at its line, or as the pack is made: either way by name.
    for (contents, says) in [
        (Some(b"PK\x03\x04 a spreadsheet, not a PDF".to_vec()), "not a PDF"),
        (Some(b"%PDF-1.4\n cut short".to_vec()), "is a damaged PDF"),
        (None, ""),
    ] {
        let paper = folder.join("papers/m5/visit.pdf");
        match &contents {
            Some(bytes) => std::fs::write(&paper, bytes).unwrap(),
            None => std::fs::remove_file(&paper).unwrap(),
        }
        let (output, out) = export(&board, &[], "broken.pdf");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("item 3") && stderr.contains("papers/m5/visit.pdf") && stderr.contains(says),
            "{stderr}"
        );
        assert!(!out.exists(), "no pack with a paper missing");
    }
    let _ = std::fs::remove_dir_all(&folder);
}

/// Writes the large pack the performance figures are taken on: a 150-action board whose
/// last meeting has 12 attached papers of about 300 pages in all. Run with
/// `PACK_FIXTURE=DIR cargo test --release --test pack -- --ignored large_pack_fixture`, then
/// `/usr/bin/time -f "%e s %M KB" improvement-board export pack DIR/board.ron --meeting 8`.
#[test]
#[ignore = "writes a fixture for docs/performance.md"]
fn large_pack_fixture() {
    let Some(dir) = std::env::var_os("PACK_FIXTURE").map(PathBuf::from) else { return };
    let mut board = improvement_board::generate::generate(150, 8, 1);
    let number = board.meetings.last().unwrap().number;
    std::fs::create_dir_all(dir.join(format!("papers/m{number}"))).unwrap();
    let today = board.meetings.last().unwrap().date;
    let mut pages = 0;
    for n in 0..12 {
        let source = improvement_board::generate::generate(175, 2, 100 + n);
        let paper = improvement_board::documents::statement::statement_pdf(&source, today, false);
        pages += paper.pages;
        let file = format!("papers/m{number}/paper-{n}.pdf");
        std::fs::write(dir.join(&file), &paper.bytes).unwrap();
        // On the officers' items, so the app's own documents go in as well.
        let meeting = board.meetings.last_mut().unwrap();
        let officers: Vec<usize> = (0..meeting.items.len())
            .filter(|&i| matches!(meeting.items[i].kind, improvement_board::model::ItemKind::Other))
            .collect();
        let at = officers[n as usize % officers.len()];
        meeting.items[at].papers.push(Paper { title: format!("Report {n}"), file, received: None });
    }
    improvement_board::board_file::save(&board, &dir.join("board.ron")).unwrap();
    println!("{pages} pages of papers for meeting {number}");
}

#[test]
fn the_supplementary_pack_has_only_the_late_papers_behind_its_own_front_sheet() {
    let folder = folder("supplement");
    let board = board_with_papers(&folder, "Quillfeather");
    let (none, out) = export(&board, &["--supplement"], "supplement.pdf");
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no paper for meeting 5 came after the publication date"));
    assert!(!out.exists());

    // The Ofsted letter came on 22 October, after the papers went out on the 19th.
    let mut loaded = improvement_board::board_file::load(&board).unwrap();
    let meeting = loaded.meetings.iter_mut().find(|m| m.number == 5).unwrap();
    meeting.items[2].papers[0].received = chrono::NaiveDate::from_ymd_opt(2026, 10, 22);
    improvement_board::board_file::save(&loaded, &board).unwrap();
    let (made, out) = export(&board, &["--supplement"], "supplement.pdf");
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let text = pages(&std::fs::read(&out).unwrap());
    assert!(text[0].contains("Supplementary papers") && text[0].contains("Letter from Ofsted page 2"), "{}", text[0]);
    assert!(text[0].contains("published on 19 October 2026"), "{}", text[0]);
    assert!(text[1].contains("Monitoring visit letter"), "the late paper follows");
    assert!(text.iter().all(|p| !p.contains("Quillfeather")), "only the late papers");

    // A private item's paper that came late is in the full supplement, never the public one.
    let mut loaded = improvement_board::board_file::load(&board).unwrap();
    let meeting = loaded.meetings.iter_mut().find(|m| m.number == 5).unwrap();
    meeting.items[3].papers[0].received = chrono::NaiveDate::from_ymd_opt(2026, 10, 23);
    improvement_board::board_file::save(&loaded, &board).unwrap();
    let (full, out) = export(&board, &["--supplement"], "supplement-full.pdf");
    assert_eq!(full.status.code(), Some(0));
    assert!(pages(&std::fs::read(&out).unwrap()).join(" ").contains("Quillfeather"));
    let (public, out) = export(&board, &["--supplement", "--public"], "supplement-public.pdf");
    assert_eq!(public.status.code(), Some(0), "{}", String::from_utf8_lossy(&public.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        !pages(&bytes).join(" ").contains("Quillfeather") && !String::from_utf8_lossy(&bytes).contains("Quillfeather")
    );
    let _ = std::fs::remove_dir_all(&folder);
}
