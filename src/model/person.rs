//! The people named in a board file: members, officers in attendance, action owners.

use serde::{Deserialize, Serialize};

/// Someone the board file names: a member, an officer, the clerk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Whether they are a member of the board (and so count to the quorum), rather than
    /// an officer who attends.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub board_member: bool,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

impl Person {
    /// "Dr Ruth Okafor (Independent Chair)" — how minutes name someone; a post whose
    /// holder is not yet named, by the post alone.
    pub fn name_and_role(&self) -> String {
        if self.role.is_empty() || self.name.is_empty() {
            self.called().to_string()
        } else {
            format!("{} ({})", self.name, self.role)
        }
    }

    /// What to call them: their name, or their post while the board does not know who
    /// holds it (a lead brought in from a plan that names posts).
    pub fn called(&self) -> &str {
        if self.name.trim().is_empty() { &self.role } else { &self.name }
    }
}
