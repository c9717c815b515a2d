//! Speed at realistic and large sizes: `cargo bench --bench speed [-- SIZE…]`.
//!
//! For each size (actions, with 24 meetings) it times, as medians after a warm-up: load and
//! validate, save, the chair's summary, each PDF, and one frame of each view of the real
//! app driven headlessly (with a selection in the middle of the table). Peak memory is the
//! process's high-water mark after each size, so run one size per process for a clean
//! figure: `cargo bench --bench speed -- 5000`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui;
use improvement_board::app::{App, View, dialogs::ScriptedDialogs, presenter::presenter_ui};
use improvement_board::documents::{
    action_log::{ActionLogOptions, action_log_pdf},
    minutes::{MinutesOptions, minutes_pdf},
    progress::progress_pdf,
    spreadsheet::statement_xlsx,
    statement::statement_pdf,
};
use improvement_board::import;
use improvement_board::session::{Clock, Session};
use improvement_board::{board_file, generate::generate, summary::summary_text};

/// Median of timed runs after two warm-ups; runs until a second has passed (5 to 50 runs).
fn median(mut run: impl FnMut()) -> Duration {
    run();
    run();
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (times.len() < 50 && started.elapsed() < Duration::from_secs(1)) {
        let t = Instant::now();
        run();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn peak_memory_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or("n/a".into(), |kb| format!("{:.0} MB", kb / 1024.0))
}

fn frame(ctx: &egui::Context, app: &mut App) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        ..Default::default()
    };
    let _ = ctx.run_ui(input, |ui| app.show(ui));
}

/// One frame of the presenter view (F5), as the projector's window shows it.
fn presenter_frame(ctx: &egui::Context, app: &mut App) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 640.0))),
        ..Default::default()
    };
    let _ = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| presenter_ui(app, ui));
    });
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![50, 500, 5000] } else { sizes };
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let folder = std::env::temp_dir().join(format!("improvement-board-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    println!("| measure | {} |", sizes.iter().map(|n| format!("{n} actions")).collect::<Vec<_>>().join(" | "));
    println!("|---|{}", "---|".repeat(sizes.len()));
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut put = |row: &str, value: String| match rows.iter_mut().find(|(name, _)| name == row) {
        Some((_, values)) => values.push(value),
        None => rows.push((row.to_string(), vec![value])),
    };
    for &n in &sizes {
        let board = generate(n, 24, 1);
        let text = board_file::to_ron(&board);
        let path = folder.join(format!("board-{n}.ron"));
        put("file size", format!("{} KB", text.len() / 1024));
        put("load + validate", ms(median(|| drop(board_file::parse_board(&text).unwrap()))));
        put("save (atomic, with .bak)", ms(median(|| board_file::save(&board, &path).unwrap())));
        put("summary", ms(median(|| drop(summary_text(&board, today, false)))));
        let held = board.meetings.iter().rev().find(|m| m.is_approved()).map_or(1, |m| m.number);
        let mut pages = (0, 0, 0);
        put(
            "minutes PDF",
            ms(median(|| pages.0 = minutes_pdf(&board, held, MinutesOptions::default()).unwrap().pages)),
        );
        put(
            "action log PDF",
            ms(median(|| pages.1 = action_log_pdf(&board, today, ActionLogOptions::default()).pages)),
        );
        put("progress report PDF", ms(median(|| pages.2 = progress_pdf(&board, today, false).pages)));
        put("pages (minutes / log / progress)", format!("{} / {} / {}", pages.0, pages.1, pages.2));
        let mut statement_pages = 0;
        put("statement of action PDF", ms(median(|| statement_pages = statement_pdf(&board, today, false).pages)));
        put("statement pages", statement_pages.to_string());
        let sheet_path = folder.join(format!("board-{n}.xlsx"));
        put(
            "statement xlsx export",
            ms(median(|| std::fs::write(&sheet_path, statement_xlsx(&board, today, false).unwrap()).unwrap())),
        );
        // Reading its own export back into an empty plan: every row recognised and matched.
        let mut empty = board.clone();
        empty.priorities.clear();
        empty.recommendations.clear();
        empty.actions.clear();
        empty.meetings.clear();
        put(
            "import xlsx (read + rows)",
            ms(median(|| {
                let sheet = import::pick_sheet(&sheet_path, import::read_sheets(&sheet_path).unwrap(), None).unwrap();
                let mapping = import::find_mapping(&sheet).unwrap();
                let read = import::read(&empty, &sheet, &mapping, "bench.xlsx", today);
                assert_eq!(read.actions.len(), n);
            })),
        );

        let ctx = egui::Context::default();
        let mut app =
            App::new(Ok(Session::new_board(board.clone(), Clock::System)), today, Box::new(ScriptedDialogs::default()));
        let middle = board.actions[board.actions.len() / 2].id.clone();
        for view in View::ALL {
            if view == View::Plan {
                app.show_action(&middle);
            }
            app.view = view;
            frame(&ctx, &mut app); // layout settles over the first frames
            frame(&ctx, &mut app);
            put(&format!("UI frame: {}", view.label()), ms(median(|| frame(&ctx, &mut app))));
        }
        let presenter = egui::Context::default();
        put("UI frame: presenter view (F5)", ms(median(|| presenter_frame(&presenter, &mut app))));
        put("peak memory (process so far)", peak_memory_mb());
    }
    for (name, values) in rows {
        println!("| {name} | {} |", values.join(" | "));
    }
    let _ = std::fs::remove_dir_all(&folder);
}
