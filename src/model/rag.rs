//! The RAG rating: the board's common language for how an action is going.

use serde::{Deserialize, Serialize};

/// A RAG rating. Blue means complete and embedded; Red means the board must act now.
///
/// Colour is never enough on its own: every place that shows a rating also shows
/// [`Rag::word`] or [`Rag::letter`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rag {
    Blue,
    Green,
    Amber,
    Red,
    #[default]
    NotRated,
}

impl Rag {
    /// Every rating, best first: the order of columns in counts and reports.
    pub const ALL: [Rag; 5] = [Rag::Blue, Rag::Green, Rag::Amber, Rag::Red, Rag::NotRated];

    /// The word a board member reads.
    pub fn word(self) -> &'static str {
        match self {
            Rag::Blue => "Blue",
            Rag::Green => "Green",
            Rag::Amber => "Amber",
            Rag::Red => "Red",
            Rag::NotRated => "Not rated",
        }
    }

    /// The one-letter form for narrow columns and chips.
    pub fn letter(self) -> &'static str {
        match self {
            Rag::Blue => "B",
            Rag::Green => "G",
            Rag::Amber => "A",
            Rag::Red => "R",
            Rag::NotRated => "–",
        }
    }

    /// The rating's colour, as councils use it and dark enough for white text (amber
    /// takes dark text): one definition for the screen, the PDFs and the spreadsheet.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Rag::Blue => [0x1d, 0x5f, 0xb8],
            Rag::Green => [0x1e, 0x7b, 0x3a],
            Rag::Amber => [0xf0, 0xa2, 0x02],
            Rag::Red => [0xc0, 0x1f, 0x24],
            Rag::NotRated => [0x8a, 0x8f, 0x98],
        }
    }

    /// Whether text on [`Rag::rgb`] is dark (on amber) rather than white.
    pub fn takes_dark_text(self) -> bool {
        self == Rag::Amber
    }

    /// How far along the rating is: Red 0, Amber 1, Green 2, Blue 3; `None` when not rated.
    /// Higher is better; used to tell improving from worsening.
    pub fn progress(self) -> Option<u8> {
        match self {
            Rag::Red => Some(0),
            Rag::Amber => Some(1),
            Rag::Green => Some(2),
            Rag::Blue => Some(3),
            Rag::NotRated => None,
        }
    }

    /// True for the ratings that need the board's attention.
    pub fn is_concern(self) -> bool {
        matches!(self, Rag::Red | Rag::Amber)
    }

    /// Whether `self` is a worse rating than `other`. Unrated compares as neither.
    pub fn is_worse_than(self, other: Rag) -> bool {
        match (self.progress(), other.progress()) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// The worst of two ratings; a rated action outweighs an unrated one.
    pub fn worst(self, other: Rag) -> Rag {
        match (self.progress(), other.progress()) {
            (Some(a), Some(b)) => {
                if a <= b {
                    self
                } else {
                    other
                }
            }
            (Some(_), None) => self,
            (None, _) => other,
        }
    }
}

impl std::fmt::Display for Rag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_is_worse_than_amber_and_unrated_is_neither() {
        assert!(Rag::Red.is_worse_than(Rag::Amber));
        assert!(Rag::Green.is_worse_than(Rag::Blue));
        assert!(!Rag::Blue.is_worse_than(Rag::Green));
        assert!(!Rag::NotRated.is_worse_than(Rag::Red));
        assert!(!Rag::Red.is_worse_than(Rag::NotRated));
    }

    #[test]
    fn worst_prefers_a_real_rating_over_not_rated() {
        assert_eq!(Rag::Green.worst(Rag::Red), Rag::Red);
        assert_eq!(Rag::NotRated.worst(Rag::Green), Rag::Green);
        assert_eq!(Rag::Amber.worst(Rag::NotRated), Rag::Amber);
        assert_eq!(Rag::NotRated.worst(Rag::NotRated), Rag::NotRated);
    }

    #[test]
    fn every_rating_has_a_word_and_a_letter() {
        for rag in Rag::ALL {
            assert!(!rag.word().is_empty());
            assert!(!rag.letter().is_empty());
        }
    }
}
