//! The app's font: DejaVu Sans, shipped in `assets/fonts/` (the PDFs use it too), so every
//! name and symbol a board holds — – ’ £ é ŵ → — draws on any machine.

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Puts DejaVu Sans first in the proportional family, keeping egui's own fonts behind it
/// for its icons.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".into(), Arc::new(FontData::from_static(REGULAR)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("DejaVuSans".into());
    }
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional) {
        proportional.retain(|f| f != "DejaVuSans");
        proportional.insert(0, "DejaVuSans".into());
    }
    ctx.set_fonts(fonts);
}
