//! RAG counts: how many actions stand at each rating, for a priority or the whole board.

use super::Rag;

/// The number of actions at each rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RagCounts {
    counts: [usize; 5],
}

impl RagCounts {
    fn slot(rag: Rag) -> usize {
        Rag::ALL.iter().position(|&r| r == rag).unwrap_or(4)
    }

    pub fn add(&mut self, rag: Rag) {
        self.counts[Self::slot(rag)] += 1;
    }

    pub fn get(&self, rag: Rag) -> usize {
        self.counts[Self::slot(rag)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The worst rating present: what a recommendation or priority "rolls up" to.
    pub fn worst(&self) -> Rag {
        Rag::ALL.iter().copied().filter(|&r| self.get(r) > 0).fold(Rag::NotRated, Rag::worst)
    }

    /// The roll-up in words, never hiding actions not yet rated: "Red", "Blue, 1 not
    /// rated" (a priority is not complete while one of its actions is unrated), "Not rated".
    pub fn roll_up(&self) -> String {
        let worst = self.worst();
        match self.get(Rag::NotRated) {
            unrated if unrated > 0 && worst != Rag::NotRated => format!("{}, {unrated} not rated", worst.word()),
            _ => worst.word().to_string(),
        }
    }

    /// `(rating, count)` for every rating, best first, zeros included.
    pub fn iter(&self) -> impl Iterator<Item = (Rag, usize)> + '_ {
        Rag::ALL.iter().map(|&r| (r, self.get(r)))
    }

    /// "2 Blue, 5 Green, 3 Amber, 1 Red" — zero counts left out; "no actions" when empty.
    pub fn describe(&self) -> String {
        let parts: Vec<String> =
            self.iter().filter(|(_, n)| *n > 0).map(|(r, n)| format!("{n} {}", r.word())).collect();
        if parts.is_empty() { "no actions".to_string() } else { parts.join(", ") }
    }
}

impl FromIterator<Rag> for RagCounts {
    fn from_iter<I: IntoIterator<Item = Rag>>(iter: I) -> Self {
        let mut counts = RagCounts::default();
        for rag in iter {
            counts.add(rag);
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_total_and_roll_up_to_the_worst() {
        let counts: RagCounts = [Rag::Green, Rag::Red, Rag::Green, Rag::Blue, Rag::NotRated].into_iter().collect();
        assert_eq!(counts.get(Rag::Green), 2);
        assert_eq!(counts.total(), 5);
        assert_eq!(counts.worst(), Rag::Red);
        assert_eq!(counts.describe(), "1 Blue, 2 Green, 1 Red, 1 Not rated");
    }

    #[test]
    fn an_unrated_action_shows_in_the_roll_up() {
        let counts: RagCounts = [Rag::Blue, Rag::NotRated].into_iter().collect();
        assert_eq!(counts.roll_up(), "Blue, 1 not rated");
        let rated: RagCounts = [Rag::Blue, Rag::Red].into_iter().collect();
        assert_eq!(rated.roll_up(), "Red");
        let none: RagCounts = [Rag::NotRated].into_iter().collect();
        assert_eq!(none.roll_up(), "Not rated");
    }

    #[test]
    fn empty_counts_roll_up_to_not_rated() {
        let counts = RagCounts::default();
        assert_eq!(counts.worst(), Rag::NotRated);
        assert_eq!(counts.describe(), "no actions");
    }
}
