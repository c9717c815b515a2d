//! The person's preferences, kept between runs by eframe: recent files, theme, text size
//! and the name the audit trail records. Never part of the board.

use std::path::{Path, PathBuf};

use eframe::egui;
use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
const RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    /// Text size, as a zoom factor (Ctrl+= and Ctrl+-).
    pub zoom: f32,
    /// The name written into the audit trail; the OS user when empty.
    pub user_name: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences { recent: vec![], dark: false, zoom: 1.0, user_name: String::new() }
    }
}

impl Preferences {
    pub const STORAGE_KEY: &'static str = "improvement-board-preferences";

    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }

    pub fn apply_to(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.dark { egui::Theme::Dark } else { egui::Theme::Light });
        if (ctx.zoom_factor() - self.zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(self.zoom);
        }
    }
}
