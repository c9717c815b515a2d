//! Small widgets shared by the views: the RAG chip always shows the word with the colour.

use eframe::egui;
use egui::{Color32, RichText};

use crate::model::Rag;

/// The fill colour for a rating (council RAG colours, dark enough for white text).
pub fn rag_fill(rag: Rag) -> Color32 {
    match rag {
        Rag::Blue => Color32::from_rgb(0x1d, 0x5f, 0xb8),
        Rag::Green => Color32::from_rgb(0x1e, 0x7b, 0x3a),
        Rag::Amber => Color32::from_rgb(0xf0, 0xa2, 0x02),
        Rag::Red => Color32::from_rgb(0xc0, 0x1f, 0x24),
        Rag::NotRated => Color32::from_rgb(0x8a, 0x8f, 0x98),
    }
}

/// Text colour that reads on [`rag_fill`]: dark on amber, white on the rest.
pub fn rag_text(rag: Rag) -> Color32 {
    if rag == Rag::Amber { Color32::BLACK } else { Color32::WHITE }
}

/// A RAG chip: the word on its colour.
pub fn rag_chip(ui: &mut egui::Ui, rag: Rag) -> egui::Response {
    let text = RichText::new(format!(" {} ", rag.word())).color(rag_text(rag)).strong();
    ui.add(egui::Button::new(text).fill(rag_fill(rag)).sense(egui::Sense::hover()))
}
