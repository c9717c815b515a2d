//! Leads named by their role ("Head of Service MASH", "AD Safeguarding") rather than by
//! name: matched to the person who holds the role, or proposed as a person with the role
//! and no name yet, never as somebody called "Head of Service MASH".

/// Words that say a lead cell names a post, not a person.
const ROLE_WORDS: &[&str] = &[
    "head",
    "director",
    "manager",
    "officer",
    "lead",
    "coordinator",
    "co-ordinator",
    "adviser",
    "advisor",
    "chief",
    "principal",
    "dcs",
    "ad",
    "hos",
    "chair",
    "commissioner",
    "team",
    "service",
    "services",
    "partnership",
    "board",
    "executive",
    "practitioner",
    "designated",
    "nurse",
    "doctor",
    "consultant",
    "supervisor",
    "administrator",
    "panel",
    "unit",
    "hub",
    "mash",
    "iro",
    "lado",
    "virtual",
    "school",
    "group",
    "all",
    "leadership",
    "workforce",
    "hr",
    "performance",
    "business",
    "quality",
    "assurance",
    "safeguarding",
    "strategic",
    "operational",
    "senior",
    "assistant",
];

/// Whether a lead cell names a role: one of its words is a post's word.
pub fn names_a_role(lead: &str) -> bool {
    lead.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .any(|word| ROLE_WORDS.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_are_told_from_names() {
        for role in
            ["Head of Service MASH", "AD Safeguarding", "Service Manager, Fostering", "DCS", "Virtual School Head"]
        {
            assert!(names_a_role(role), "{role}");
        }
        for name in ["Jo Bloggs", "Dr Ruth Okafor", "Sam O'Neill", "Priya Shah-Lee"] {
            assert!(!names_a_role(name), "{name}");
        }
    }
}
