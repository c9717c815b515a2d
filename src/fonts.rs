//! The one typeface the app and its documents use: DejaVu Sans (licence in
//! `assets/fonts/`), embedded so that every name and symbol a board holds — – ’ £ é ŵ → —
//! draws the same on any machine and on paper.

pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
