//! Installs the crate's typeface (see [`crate::fonts`]) into egui.

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

use crate::fonts::REGULAR;

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
