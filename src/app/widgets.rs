//! Small widgets shared by the views. A rating is always shown as its word or letter on
//! its colour, never colour alone.

use eframe::egui::{self, Color32, RichText, Sense, Vec2};

use crate::model::{Rag, RagCounts};

/// The fill colour for a rating (council RAG colours, dark enough for white text).
pub fn rag_fill(rag: Rag) -> Color32 {
    let [r, g, b] = rag.rgb();
    Color32::from_rgb(r, g, b)
}

/// Text colour that reads on [`rag_fill`]: dark on amber, white on the rest.
pub fn rag_text(rag: Rag) -> Color32 {
    if rag.takes_dark_text() { Color32::BLACK } else { Color32::WHITE }
}

/// A RAG chip: the word on its colour.
pub fn rag_chip(ui: &mut egui::Ui, rag: Rag) -> egui::Response {
    chip(ui, rag, rag.word(), 1.0)
}

/// What a priority or recommendation rolls up to: the worst rating, and how many of its
/// actions are not rated yet ("Blue, 1 not rated"), so nothing looks complete that is not.
pub fn roll_up_chip(ui: &mut egui::Ui, counts: &RagCounts) -> egui::Response {
    chip(ui, counts.worst(), &counts.roll_up(), 1.0)
}

/// A small chip with the letter, for trend strips and narrow columns.
pub fn rag_letter(ui: &mut egui::Ui, rag: Rag) -> egui::Response {
    chip(ui, rag, rag.letter(), 0.85).on_hover_text(rag.word())
}

/// A large chip for the walk-through and the projector.
pub fn rag_chip_large(ui: &mut egui::Ui, rag: Rag, scale: f32) -> egui::Response {
    chip(ui, rag, rag.word(), scale)
}

fn chip(ui: &mut egui::Ui, rag: Rag, text: &str, scale: f32) -> egui::Response {
    let size = ui.style().text_styles[&egui::TextStyle::Body].size * scale;
    // Letters sit in narrow columns; words get a little air either side.
    let padded = if text.chars().count() > 1 { format!(" {text} ") } else { text.to_string() };
    let text = RichText::new(padded).color(rag_text(rag)).size(size).strong();
    ui.add(egui::Button::new(text).fill(rag_fill(rag)).corner_radius(4.0).sense(Sense::hover()))
}

/// The last ratings as letter chips, oldest first.
pub fn trend_strip(ui: &mut egui::Ui, ratings: &[Rag]) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        if ratings.is_empty() {
            ui.weak("none");
        }
        for rag in ratings {
            rag_letter(ui, *rag);
        }
    });
}

/// A stacked bar of RAG counts, each segment labelled with its count and letter.
pub fn stacked_bar(ui: &mut egui::Ui, counts: &RagCounts, width: f32) -> egui::Response {
    let height = 22.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let total = counts.total().max(1) as f32;
    let mut x = rect.left();
    let painter = ui.painter_at(rect);
    for (rag, n) in counts.iter().filter(|(_, n)| *n > 0) {
        let w = rect.width() * n as f32 / total;
        let segment = egui::Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, height));
        painter.rect_filled(segment, 0.0, rag_fill(rag));
        if w > 24.0 {
            painter.text(
                segment.center(),
                egui::Align2::CENTER_CENTER,
                format!("{n} {}", rag.letter()),
                egui::FontId::proportional(12.0),
                rag_text(rag),
            );
        }
        x += w;
    }
    response.on_hover_text(counts.describe())
}

/// A heading with a count, "Overdue actions (11)".
pub fn section(ui: &mut egui::Ui, title: &str, count: usize) {
    ui.add_space(10.0);
    ui.label(RichText::new(format!("{title} ({count})")).heading().size(17.0));
}

/// A drop-down with its label before it, tied to it so a screen reader (and a test) finds
/// it by that label.
pub fn labelled_combo<R>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: impl egui::AsIdSalt,
    selected: String,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::Response {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id_salt).selected_text(selected).show_ui(ui, add).response.labelled_by(label.id)
}

/// A drop-down named by a label drawn elsewhere (a grid's left column, say).
pub fn combo_named_by<R>(
    ui: &mut egui::Ui,
    name: egui::Id,
    id_salt: impl egui::AsIdSalt,
    selected: String,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::Response {
    egui::ComboBox::from_id_salt(id_salt).selected_text(selected).show_ui(ui, add).response.labelled_by(name)
}
