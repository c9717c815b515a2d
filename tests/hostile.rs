//! Hostile input: mutated and random board files, deep nesting, huge files, and text no
//! council paper should hold. Nothing may panic or hang; every refusal says why.
//!
//! The mutation fuzzing is deterministic (a fixed seed) so a failure can be replayed;
//! `FUZZ_ITERATIONS=200000 cargo test --release --test hostile` runs it longer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::NaiveDate;
use improvement_board::board_file::{self, LoadError};
use improvement_board::documents::{
    minutes::{MinutesOptions, minutes_pdf},
    progress::progress_pdf,
};
use improvement_board::sample::{SAMPLE_RON, sample_board};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The seed corpus: every board file under tests/boards (valid and malformed).
fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/boards");
    let mut files = vec![std::fs::read(root.join("minimal.ron")).unwrap()];
    for entry in std::fs::read_dir(root.join("malformed")).unwrap() {
        files.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    files
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(6) {
            0 => {
                let last = bytes.len().saturating_sub(1);
                if let Some(b) = bytes.get_mut(at.min(last)) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => bytes.insert(at, b"()[],:\"'\\/*\n0aZ\xff\xc3"[rng.below(15)]),
            2 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => bytes.truncate(at),
            4 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, chunk);
            }
            _ => {
                let words: [&[u8]; 6] =
                    [b"Some(", b"None", b"Purple", b"\"2026-02-30\"", b"99999999999999999999", b"[[[["];
                let word = words[rng.below(words.len())];
                bytes.splice(at..at, word.iter().copied());
            }
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

#[track_caller]
fn load_never_panics(bytes: &[u8]) {
    let outcome = catch_unwind(AssertUnwindSafe(|| board_file::load_bytes(bytes, Path::new("fuzzed.ron"))));
    match outcome {
        Ok(Ok(_)) => {}
        Ok(Err(LoadError::Invalid { problems, .. })) => {
            assert!(!problems.is_empty() && problems.iter().all(|p| !p.message.is_empty()))
        }
        Ok(Err(other)) => panic!("unexpected error kind: {other}"),
        Err(_) => panic!("the loader panicked on input:\n{}", String::from_utf8_lossy(bytes)),
    }
}

#[test]
fn mutated_board_files_are_refused_or_loaded_never_a_panic() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let corpus = corpus();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for n in 0..iterations {
        // Mostly the small files (fast), now and then the whole sample board.
        let seed: &[u8] = if n % 50 == 0 { SAMPLE_RON.as_bytes() } else { &corpus[rng.below(corpus.len())] };
        load_never_panics(&mutate(&mut rng, seed));
    }
}

#[test]
fn random_bytes_are_refused_with_a_reason() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        load_never_panics(&bytes);
    }
}

#[test]
fn deep_nesting_is_refused_in_bounded_time() {
    let text = format!("Board(format: 1, authority: \"\", title: \"\", people: {}", "[".repeat(200_000));
    let problems = board_file::parse_board(&text).expect_err("refused");
    assert!(
        problems[0].message.contains("nested too deeply") || problems[0].message.contains("expected"),
        "{problems:?}"
    );
}

#[test]
fn a_hundred_megabyte_file_is_refused_before_it_is_read() {
    let path = std::env::temp_dir().join(format!("improvement-board-huge-{}.ron", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: nothing is written
    let error = board_file::load(&path).expect_err("too big");
    std::fs::remove_file(&path).unwrap();
    assert!(error.to_string().contains("the file is 100 MB, larger than any board file (64 MB at most)"), "{error}");
}

#[test]
fn hostile_text_prints_without_panic() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let nasty = [
        "\u{0}\u{1}\u{7}\u{1b}[31m control characters",
        "emoji 👩‍👧‍👦🇬🇧 and ZWJ",
        "\u{202E}right-to-left override\u{202C} and עברית ועربي",
        "combining e\u{301}\u{301}\u{301}",
        "\u{FEFF}\u{200B}\u{2028}\u{2029} invisible",
        "",
    ];
    let mut board = sample_board();
    for (n, text) in nasty.iter().enumerate() {
        board.actions[n].title = text.to_string();
        board.actions[n].updates.last_mut().unwrap().note = text.repeat(50);
        board.meetings[2].items[n].notes = text.to_string();
        board.people[n].name = text.to_string();
    }
    // A one-megabyte note, as if a whole report were pasted into the box.
    board.actions[10].updates.last_mut().unwrap().note = "Report text pasted in. ".repeat(45_000);
    let progress = progress_pdf(&board, today, false);
    assert!(progress.bytes.starts_with(b"%PDF"));
    assert!(progress.pages > 100, "the long note flows over many pages");
    assert!(!progress.warnings.is_empty());
    let minutes = minutes_pdf(&board, 3, MinutesOptions { public: true }).unwrap();
    assert!(minutes.bytes.starts_with(b"%PDF"));
}

/// Reads a spreadsheet's bytes the whole way an import does: sheets, headers, every row
/// against the sample board. Any error is fine; a panic is not.
fn import_never_panics(name: &str, bytes: &[u8]) {
    use improvement_board::import;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let path = Path::new(name);
        let Ok(sheets) = import::read_sheets_from(path, bytes) else { return };
        let board = sample_board();
        for sheet in sheets {
            if let Some(mapping) = import::find_mapping(&sheet) {
                let reading = import::read(&board, &sheet, &mapping, name, chrono::NaiveDate::MIN);
                let _ = (reading.failures(), reading.batch(true));
                // And as a tracker brought in again, rated at an open meeting, months read as their end.
                let in_step = import::Choices { in_step: true, meeting: Some(5), month_end: true, scale: None };
                let reading = import::read_with(&board, &sheet, &mapping, &in_step, name, chrono::NaiveDate::MIN);
                let _ = (reading.failures(), reading.tracker_update(true, Some(5), chrono::NaiveDate::MIN));
            }
        }
    }));
    assert!(outcome.is_ok(), "the import panicked on a mutated {name}");
}

#[test]
fn mutated_spreadsheets_are_refused_or_read_never_a_panic() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000) / 10;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets");
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".xlsx") || name.ends_with(".csv") {
            seeds.push((name, std::fs::read(&path).unwrap()));
        }
    }
    seeds.sort();
    let mut rng = Rng(0x5eed_5eed);
    for i in 0..iterations {
        let (name, seed) = &seeds[i % seeds.len()];
        import_never_panics(name, &mutate(&mut rng, seed));
    }
}
