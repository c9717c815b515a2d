//! The public copy of a meeting: exempt items reduced to the paragraph they were taken
//! under. Redaction happens on the data, before layout, so nothing of an exempt item can
//! reach the text, the outline or the metadata of a public document.

use crate::model::{AgendaItem, Board, ItemKind, Meeting, MeetingAction};

/// The meeting as the public may read it.
pub fn public_meeting(meeting: &Meeting) -> Meeting {
    let mut public = meeting.clone();
    let exempt: Vec<u32> = meeting.items.iter().filter(|i| i.exempt.is_some()).map(|i| i.number).collect();
    public.items = meeting
        .items
        .iter()
        .map(|item| match &item.exempt {
            Some(exempt) => AgendaItem {
                number: item.number,
                title: "Item taken in private".into(),
                kind: ItemKind::Other,
                purpose: None,
                presenter: None,
                minutes: None,
                exempt: Some(crate::model::Exempt { paragraph: exempt.paragraph, reason: String::new() }),
                papers: vec![],
                notes: exempt.public_wording(),
                resolutions: vec![],
            },
            None => item.clone(),
        })
        .collect();
    public.actions.retain(|a| action_is_public(meeting, a));
    for declaration in &mut public.declarations {
        if exempt.contains(&declaration.item) {
            declaration.interest = "an interest in an item taken in private".into();
        }
    }
    public
}

/// Whether a meeting action may be published: not if it was raised under an item taken
/// in private. (The public minutes and the public action log hold to the same rule.)
pub fn action_is_public(meeting: &Meeting, action: &MeetingAction) -> bool {
    action.item.is_none_or(|item| !meeting.item_is_exempt(item))
}

/// Priorities whose statement-of-action review was taken in private: their RAG notes are
/// left out of the public minutes.
pub fn private_priorities(meeting: &Meeting) -> Vec<String> {
    meeting
        .items
        .iter()
        .filter(|i| i.exempt.is_some())
        .filter_map(|i| match &i.kind {
            ItemKind::PlanReview { priority } => Some(priority.clone()),
            _ => None,
        })
        .collect()
}

/// Whether the RAG note of `action` may be printed in the public minutes of `meeting`.
pub fn note_is_public(board: &Board, meeting: &Meeting, action: &crate::model::PlanAction) -> bool {
    let private = private_priorities(meeting);
    board.priority_of(action).is_none_or(|p| !private.contains(&p.id))
}
