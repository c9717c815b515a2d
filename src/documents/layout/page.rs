//! The page model: what goes where on each page, in millimetres from the top-left corner.
//! Built first, then written as PDF; the layout tests read it directly.

/// A colour as red, green, blue in 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    pub const BLACK: Colour = Colour(0.0, 0.0, 0.0);
    pub const WHITE: Colour = Colour(1.0, 1.0, 1.0);
    pub const GREY: Colour = Colour(0.38, 0.38, 0.4);
    pub const RULE: Colour = Colour(0.75, 0.75, 0.78);
    pub const SHADE: Colour = Colour(0.92, 0.93, 0.95);
    pub const RED_TEXT: Colour = Colour(0.7, 0.08, 0.1);
    pub const NAVY: Colour = Colour(0.1, 0.2, 0.4);
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text { x: f32, y: f32, size: f32, bold: bool, colour: Colour, text: String },
    /// A filled box with its top-left corner at (`x`, `y`).
    Box { x: f32, y: f32, w: f32, h: f32, colour: Colour },
    /// A horizontal rule.
    Rule { x1: f32, x2: f32, y: f32, thickness: f32, colour: Colour },
    /// A line through points (a chart's figures, axes, a target), solid or dashed with
    /// dashes `dash` mm long.
    Line { points: Vec<(f32, f32)>, thickness: f32, colour: Colour, dash: Option<f32> },
}

/// Page size in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    pub const A4_PORTRAIT: PageSize = PageSize { width: 210.0, height: 297.0 };
    pub const A4_LANDSCAPE: PageSize = PageSize { width: 297.0, height: 210.0 };
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The page's text in reading order (top to bottom, left to right).
    pub fn text_lines(&self) -> Vec<&str> {
        let mut texts: Vec<(f32, f32, &str)> = self
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, y, text, .. } => Some((*y, *x, text.as_str())),
                _ => None,
            })
            .collect();
        texts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        texts.into_iter().map(|(_, _, t)| t).collect()
    }
}
