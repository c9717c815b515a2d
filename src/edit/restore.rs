//! What undo puts back: the parts of the board an edit touched, as they were.
//!
//! Every edit records its changes as small steps — one list element replaced, inserted
//! or removed — so undoing a rename across a 5,000-action board keeps only the handful of
//! elements it changed, and a refused edit rolls back whatever it had begun.

use super::EditError;
use crate::model::{Board, Indicator, Inspection, Meeting, Person, PlanAction, Priority, Recommendation};

/// One of the board's lists, with the element type it holds.
pub(super) trait Listed: Clone + Sized {
    fn list(board: &mut Board) -> &mut Vec<Self>;
    fn part(self) -> Part;
}

/// An element of one of the board's lists, kept for undo.
#[derive(Clone, Debug)]
pub(super) enum Part {
    Inspection(Inspection),
    Priority(Priority),
    Recommendation(Recommendation),
    Action(PlanAction),
    Meeting(Meeting),
    Person(Person),
    Indicator(Indicator),
}

macro_rules! listed {
    ($type:ty, $field:ident, $variant:ident) => {
        impl Listed for $type {
            fn list(board: &mut Board) -> &mut Vec<Self> {
                &mut board.$field
            }
            fn part(self) -> Part {
                Part::$variant(self)
            }
        }
    };
}

listed!(Inspection, inspections, Inspection);
listed!(Priority, priorities, Priority);
listed!(Recommendation, recommendations, Recommendation);
listed!(PlanAction, actions, Action);
listed!(Meeting, meetings, Meeting);
listed!(Person, people, Person);
listed!(Indicator, indicators, Indicator);

/// Which list an added element went into, so undo can take it out again.
#[derive(Clone, Copy, Debug)]
pub(super) enum List {
    Inspections,
    Priorities,
    Recommendations,
    Actions,
    Meetings,
    People,
    Indicators,
}

#[derive(Clone, Debug)]
pub(super) enum Restore {
    /// Put this element back at this index, replacing what is there.
    Put(usize, Part),
    /// Insert this removed element back at this index.
    Insert(usize, Part),
    /// Remove the element an edit added at this index.
    Remove(List, usize),
    /// Several steps, undone last first.
    Many(Vec<Restore>),
}

impl Restore {
    pub(super) fn undo(self, board: &mut Board) {
        match self {
            Restore::Put(i, part) => match part {
                Part::Inspection(x) => board.inspections[i] = x,
                Part::Priority(x) => board.priorities[i] = x,
                Part::Recommendation(x) => board.recommendations[i] = x,
                Part::Action(x) => board.actions[i] = x,
                Part::Meeting(x) => board.meetings[i] = x,
                Part::Person(x) => board.people[i] = x,
                Part::Indicator(x) => board.indicators[i] = x,
            },
            Restore::Insert(i, part) => match part {
                Part::Inspection(x) => board.inspections.insert(i, x),
                Part::Priority(x) => board.priorities.insert(i, x),
                Part::Recommendation(x) => board.recommendations.insert(i, x),
                Part::Action(x) => board.actions.insert(i, x),
                Part::Meeting(x) => board.meetings.insert(i, x),
                Part::Person(x) => board.people.insert(i, x),
                Part::Indicator(x) => board.indicators.insert(i, x),
            },
            Restore::Remove(list, i) => match list {
                List::Inspections => drop(board.inspections.remove(i)),
                List::Priorities => drop(board.priorities.remove(i)),
                List::Recommendations => drop(board.recommendations.remove(i)),
                List::Actions => drop(board.actions.remove(i)),
                List::Meetings => drop(board.meetings.remove(i)),
                List::People => drop(board.people.remove(i)),
                List::Indicators => drop(board.indicators.remove(i)),
            },
            Restore::Many(steps) => {
                for step in steps.into_iter().rev() {
                    step.undo(board);
                }
            }
        }
    }
}

impl Restore {
    /// Whether the edit it undoes left the board as it was: an element put back would be
    /// the one there now.
    pub(super) fn changes_nothing(&self, board: &Board) -> bool {
        match self {
            Restore::Put(i, part) => match part {
                Part::Inspection(x) => board.inspections.get(*i) == Some(x),
                Part::Priority(x) => board.priorities.get(*i) == Some(x),
                Part::Recommendation(x) => board.recommendations.get(*i) == Some(x),
                Part::Action(x) => board.actions.get(*i) == Some(x),
                Part::Meeting(x) => board.meetings.get(*i) == Some(x),
                Part::Person(x) => board.people.get(*i) == Some(x),
                Part::Indicator(x) => board.indicators.get(*i) == Some(x),
            },
            Restore::Many(steps) => steps.iter().all(|s| s.changes_nothing(board)),
            Restore::Insert(..) | Restore::Remove(..) => false,
        }
    }
}

/// The steps an edit has taken so far, each changing the board and remembering how to
/// undo itself.
#[derive(Default)]
pub(super) struct Steps(Vec<Restore>);

impl Steps {
    /// Takes an edit's steps: all of them, or (refused part-way) none, the board put back.
    pub(super) fn run(
        board: &mut Board,
        take: impl FnOnce(&mut Board, &mut Steps) -> Result<(), EditError>,
    ) -> Result<Restore, EditError> {
        let mut steps = Steps::default();
        match take(board, &mut steps) {
            Ok(()) => Ok(steps.done()),
            Err(error) => {
                steps.roll_back(board);
                Err(error)
            }
        }
    }

    pub(super) fn replace<T: Listed>(&mut self, board: &mut Board, index: usize, new: T) {
        let old = std::mem::replace(&mut T::list(board)[index], new);
        self.0.push(Restore::Put(index, old.part()));
    }

    /// Inserts `new` at `index` (the end when `index` is the length).
    pub(super) fn insert<T: Listed>(&mut self, board: &mut Board, index: usize, new: T, list: List) {
        T::list(board).insert(index, new);
        self.0.push(Restore::Remove(list, index));
    }

    pub(super) fn push<T: Listed>(&mut self, board: &mut Board, new: T, list: List) {
        let index = T::list(board).len();
        self.insert(board, index, new, list);
    }

    pub(super) fn remove<T: Listed>(&mut self, board: &mut Board, index: usize) {
        let old = T::list(board).remove(index);
        self.0.push(Restore::Insert(index, old.part()));
    }

    pub(super) fn swap<T: Listed>(&mut self, board: &mut Board, i: usize, j: usize) {
        let (a, b) = (T::list(board)[i].clone(), T::list(board)[j].clone());
        self.replace(board, i, b);
        self.replace(board, j, a);
    }

    /// Undoes every step taken, for an edit refused part-way.
    fn roll_back(self, board: &mut Board) {
        Restore::Many(self.0).undo(board);
    }

    fn done(mut self) -> Restore {
        if self.0.len() == 1 { self.0.pop().expect("one step") } else { Restore::Many(self.0) }
    }
}
