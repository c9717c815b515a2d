//! The overview: the board's RAG counts, for the board and per priority, read in seconds.

use chrono::NaiveDate;
use eframe::egui;
use egui::RichText;

use super::widgets::rag_chip;
use crate::model::{Board, Rag, dates::uk_long};

pub fn overview_ui(ui: &mut egui::Ui, board: &Board, today: NaiveDate) {
    ui.heading(&board.title);
    ui.label(RichText::new(&board.authority).strong());
    ui.label(format!("As at {}", uk_long(today)));
    ui.add_space(8.0);

    egui::Grid::new("rag-counts").striped(true).spacing([16.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new("Priority").strong());
        for rag in Rag::ALL {
            rag_chip(ui, rag);
        }
        ui.label(RichText::new("Total").strong());
        ui.end_row();
        let total = board.rag_counts();
        let rows = board.rag_counts_by_priority().into_iter().map(|(p, c)| (format!("{} {}", p.id, p.title), c));
        for (name, counts) in rows.chain(std::iter::once(("All priorities".to_string(), total))) {
            ui.label(name);
            for (_, n) in counts.iter() {
                ui.label(n.to_string());
            }
            ui.label(counts.total().to_string());
            ui.end_row();
        }
    });
}
