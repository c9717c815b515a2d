//! What an import knows of the board so far: the board with every row read added, and
//! its parts indexed by id and by words, so each row is read in one step whatever the
//! size of the sheet. (Searching the growing board for each row made a 20,000-row sheet
//! of distinct recommendations and leads take minutes: the square of its size.)

use std::collections::{HashMap, HashSet};

use crate::model::{
    Board, Person, PlanAction, Priority, Recommendation, action_id_after, highest_in_run, id_after, slug,
};

pub struct Known {
    /// The board with what has been read added.
    pub board: Board,
    priority_by_id: HashMap<String, usize>,
    /// Lowercased titles; the first priority with a title keeps it.
    priority_by_title: HashMap<String, usize>,
    recommendation_by_id: HashMap<String, usize>,
    recommendation_by_text: HashMap<String, usize>,
    /// Lowercased names, ids and roles; the first person with a word keeps it.
    person_by_word: HashMap<String, usize>,
    person_ids: HashSet<String>,
    action_ids: HashSet<String>,
    /// Each recommendation's action with the highest number.
    highest_action: HashMap<String, String>,
    highest_priority: Option<String>,
    highest_recommendation: Option<String>,
}

/// Keeps `id` as the highest if its number is above the current one's.
fn raise(highest: &mut Option<String>, id: &str) {
    if let Some(top) = highest_in_run(highest.as_deref().into_iter().chain([id])) {
        *highest = Some(top.to_string());
    }
}

impl Known {
    pub fn new(board: &Board) -> Known {
        let mut known = Known {
            board: Board {
                priorities: vec![],
                recommendations: vec![],
                actions: vec![],
                people: vec![],
                ..board.clone()
            },
            priority_by_id: HashMap::new(),
            priority_by_title: HashMap::new(),
            recommendation_by_id: HashMap::new(),
            recommendation_by_text: HashMap::new(),
            person_by_word: HashMap::new(),
            person_ids: HashSet::new(),
            action_ids: HashSet::new(),
            highest_action: HashMap::new(),
            highest_priority: None,
            highest_recommendation: None,
        };
        board.priorities.iter().cloned().for_each(|p| known.add_priority(p));
        board.recommendations.iter().cloned().for_each(|r| known.add_recommendation(r));
        board.people.iter().cloned().for_each(|p| known.add_person(p));
        board.actions.iter().cloned().for_each(|a| known.add_action(a));
        known
    }

    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priority_by_id.get(id).map(|&i| &self.board.priorities[i])
    }

    /// The first priority titled `title`, whatever its case.
    pub fn priority_titled(&self, title: &str) -> Option<&Priority> {
        self.priority_by_title.get(&title.to_lowercase()).map(|&i| &self.board.priorities[i])
    }

    pub fn add_priority(&mut self, priority: Priority) {
        let at = self.board.priorities.len();
        self.priority_by_id.entry(priority.id.clone()).or_insert(at);
        self.priority_by_title.entry(priority.title.to_lowercase()).or_insert(at);
        raise(&mut self.highest_priority, &priority.id);
        self.board.priorities.push(priority);
    }

    /// "P7" after P1…P6, as [`Board::next_priority_id`] gives it.
    pub fn next_priority_id(&self) -> String {
        id_after(self.highest_priority.as_deref(), "P1", |id| self.priority(id).is_some())
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendation_by_id.get(id).map(|&i| &self.board.recommendations[i])
    }

    /// The first recommendation in exactly these words.
    pub fn recommendation_worded(&self, text: &str) -> Option<&Recommendation> {
        self.recommendation_by_text.get(text).map(|&i| &self.board.recommendations[i])
    }

    pub fn add_recommendation(&mut self, recommendation: Recommendation) {
        let at = self.board.recommendations.len();
        self.recommendation_by_id.entry(recommendation.id.clone()).or_insert(at);
        self.recommendation_by_text.entry(recommendation.text.clone()).or_insert(at);
        raise(&mut self.highest_recommendation, &recommendation.id);
        self.board.recommendations.push(recommendation);
    }

    /// "R11" after R1…R10, as [`Board::next_recommendation_id`] gives it.
    pub fn next_recommendation_id(&self) -> String {
        id_after(self.highest_recommendation.as_deref(), "R1", |id| self.recommendation(id).is_some())
    }

    /// The first person whose name, id or role is `word` (any case).
    pub fn person_called(&self, word: &str) -> Option<&Person> {
        self.person_by_word.get(&word.to_lowercase()).map(|&i| &self.board.people[i])
    }

    /// What the person with `id` is called (their name, or their post).
    pub fn person_label(&self, id: &str) -> String {
        self.board.people.iter().rev().find(|p| p.id == id).map_or_else(|| id.to_string(), |p| p.called().to_string())
    }

    pub fn has_person(&self, id: &str) -> bool {
        self.person_ids.contains(id)
    }

    /// An id for a new person called `name`, as [`Board::free_person_id`] gives it.
    pub fn free_person_id(&self, name: &str) -> String {
        let base = slug(name);
        let base = if base.is_empty() { "person".to_string() } else { base };
        (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
            .find(|id| !self.has_person(id))
            .expect("endless")
    }

    pub fn add_person(&mut self, person: Person) {
        let at = self.board.people.len();
        for word in [&person.name, &person.id, &person.role] {
            if !word.is_empty() {
                self.person_by_word.entry(word.to_lowercase()).or_insert(at);
            }
        }
        self.person_ids.insert(person.id.clone());
        self.board.people.push(person);
    }

    pub fn has_action(&self, id: &str) -> bool {
        self.action_ids.contains(id)
    }

    /// The next action id under `recommendation`, as [`Board::next_action_id`] gives it,
    /// that `also_taken` does not hold either.
    pub fn next_action_id(&self, recommendation: &str, also_taken: impl Fn(&str) -> bool) -> String {
        let highest = self.highest_action.get(recommendation).map(String::as_str);
        action_id_after(recommendation, highest, |id| self.has_action(id) || also_taken(id))
    }

    pub fn add_action(&mut self, action: PlanAction) {
        let mut highest = self.highest_action.remove(&action.recommendation);
        raise(&mut highest, &action.id);
        if let Some(highest) = highest {
            self.highest_action.insert(action.recommendation.clone(), highest);
        }
        self.action_ids.insert(action.id.clone());
        self.board.actions.push(action);
    }
}
