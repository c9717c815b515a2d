//! Applying an edit to a board, keeping the part it replaced so undo can put it back.

use crate::model::{Approval, Board, Meeting, MeetingStatus, Redate, Update};

use super::restore::{Listed, Restore};
use super::{Attendance, Edit, EditError};

fn meeting_index(board: &Board, number: u32) -> Result<usize, EditError> {
    board.meetings.iter().position(|m| m.number == number).ok_or(EditError::NoSuchMeeting(number))
}

/// The meeting to change, refused when its minutes are approved.
fn open_meeting(board: &mut Board, number: u32) -> Result<(usize, &mut Meeting), EditError> {
    let index = meeting_index(board, number)?;
    let meeting = &mut board.meetings[index];
    if meeting.is_approved() {
        return Err(EditError::MeetingApproved(number));
    }
    Ok((index, meeting))
}

fn item_index(meeting: &Meeting, item: u32) -> Result<usize, EditError> {
    meeting.items.iter().position(|i| i.number == item).ok_or(EditError::NoSuchItem { meeting: meeting.number, item })
}

impl Edit {
    /// Applies the edit; on error the board is unchanged.
    pub(super) fn apply(&self, board: &mut Board) -> Result<Restore, EditError> {
        match self {
            Edit::RateAction { action, meeting, date, rag, impact, note, by } => {
                if board.meeting(*meeting).is_some_and(Meeting::is_approved) {
                    return Err(EditError::MeetingApproved(*meeting));
                }
                let meeting_date = board.meetings[meeting_index(board, *meeting)?].date;
                let index = board
                    .actions
                    .iter()
                    .position(|a| &a.id == action)
                    .ok_or_else(|| EditError::NoSuchAction(action.clone()))?;
                let before = board.actions[index].clone();
                if let Some(from) = before.reason_needed(*meeting, meeting_date, *rag, note) {
                    return Err(EditError::ReasonNeeded { action: action.clone(), from, to: *rag });
                }
                let update = Update {
                    date: *date,
                    meeting: Some(*meeting),
                    rag: *rag,
                    impact: *impact,
                    note: note.clone(),
                    by: by.clone(),
                };
                let updates = &mut board.actions[index].updates;
                match updates.iter_mut().rev().find(|u| u.meeting == Some(*meeting)) {
                    Some(existing) => *existing = update,
                    None => {
                        // Keep the history oldest first even if a meeting is rated late.
                        let at = updates.iter().rposition(|u| u.date <= *date).map_or(0, |i| i + 1);
                        updates.insert(at, update);
                    }
                }
                Ok(Restore::Put(index, before.part()))
            }
            Edit::RedateAction { action, to, on, meeting, reason } => {
                if let Some(number) = meeting {
                    open_meeting(board, *number)?;
                }
                let index = board
                    .actions
                    .iter()
                    .position(|a| &a.id == action)
                    .ok_or_else(|| EditError::NoSuchAction(action.clone()))?;
                if reason.trim().is_empty() {
                    return Err(EditError::RedateReasonNeeded(action.clone()));
                }
                let before = board.actions[index].clone();
                if before.due == *to {
                    return Err(EditError::SameDueDate { action: action.clone(), due: *to });
                }
                let moved = &mut board.actions[index];
                moved.redated.push(Redate {
                    was: moved.due,
                    on: *on,
                    meeting: *meeting,
                    reason: reason.trim().to_string(),
                });
                moved.due = *to;
                Ok(Restore::Put(index, before.part()))
            }
            Edit::AddMeeting(meeting) => {
                if board.meeting(meeting.number).is_some() {
                    return Err(EditError::IdTaken(format!("meeting number {}", meeting.number)));
                }
                if let Some(last) = board.meetings.last().filter(|last| last.number > meeting.number) {
                    return Err(EditError::MeetingOutOfOrder { number: meeting.number, last: last.number });
                }
                board.meetings.push(meeting.as_ref().clone());
                Ok(Restore::Remove(super::restore::List::Meetings, board.meetings.len() - 1))
            }
            Edit::SetMeetingActionStatus { id, .. } | Edit::SetMeetingActionDue { id, .. } => {
                let number = board
                    .meeting_actions()
                    .find(|(_, a)| &a.id == id)
                    .map(|(m, _)| m.number)
                    .ok_or_else(|| EditError::NoSuchMeetingAction(id.clone()))?;
                // The action log lives on in later meetings: closing an action raised at
                // an approved meeting is how the log is kept, so it is allowed.
                let index = meeting_index(board, number)?;
                let before = board.meetings[index].clone();
                let action = board.meetings[index].actions.iter_mut().find(|a| &a.id == id).expect("found above");
                match self {
                    Edit::SetMeetingActionStatus { status, closed, note, .. } => {
                        action.status = *status;
                        action.closed = *closed;
                        action.note = note.clone();
                    }
                    Edit::SetMeetingActionDue { due, .. } => action.due = *due,
                    _ => unreachable!("matched above"),
                }
                Ok(Restore::Put(index, before.part()))
            }
            Edit::AddPerson(person) => {
                if board.person(&person.id).is_some() {
                    return Err(EditError::IdTaken(format!("person id \"{}\"", person.id)));
                }
                board.people.push(person.clone());
                Ok(Restore::Remove(super::restore::List::People, board.people.len() - 1))
            }
            Edit::UpdatePerson(person) => {
                let index = board
                    .people
                    .iter()
                    .position(|p| p.id == person.id)
                    .ok_or_else(|| EditError::NoSuchPerson(person.id.clone()))?;
                let before = std::mem::replace(&mut board.people[index], person.clone());
                Ok(Restore::Put(index, before.part()))
            }
            Edit::Plan(edit) => edit.apply(board),
            Edit::Scorecard(edit) => edit.apply(board),
            Edit::ApproveMinutes { meeting, on, at_meeting, by } => {
                if let Some(by) = by.as_ref().filter(|by| board.person(by).is_none()) {
                    return Err(EditError::NoSuchPerson(by.clone()));
                }
                if let Some(at) = at_meeting.filter(|at| board.meeting(*at).is_none()) {
                    return Err(EditError::NoSuchMeeting(at));
                }
                let (index, held) = open_meeting(board, *meeting)?;
                if held.status != MeetingStatus::Held {
                    return Err(EditError::NotYetHeld(*meeting));
                }
                let before = held.clone();
                // The seal is of the record as it stands at approval; status and approval
                // are not part of it, so it can be computed before either is set.
                let seal = crate::seal::seal(board, *meeting).expect("the meeting was found above");
                let approved = &mut board.meetings[index];
                approved.status = MeetingStatus::Approved;
                approved.approval = Some(Approval { on: Some(*on), at_meeting: *at_meeting, by: by.clone(), seal });
                Ok(Restore::Put(index, before.part()))
            }
            meeting_edit => apply_to_meeting(meeting_edit, board),
        }
    }
}

/// Edits confined to one meeting's record.
fn apply_to_meeting(edit: &Edit, board: &mut Board) -> Result<Restore, EditError> {
    let number = edit.meeting().expect("every remaining edit names a meeting");
    if let Edit::SetMeetingDetails { date, .. } = edit {
        // Meetings stay in the order of their numbers.
        let before = board.meetings.iter().filter(|m| m.number < number).max_by_key(|m| m.number);
        let after = board.meetings.iter().filter(|m| m.number > number).min_by_key(|m| m.number);
        let clash = before.filter(|m| m.date > *date).or(after.filter(|m| m.date < *date));
        if let Some(other) = clash {
            return Err(EditError::MeetingDateOutOfOrder {
                number,
                date: *date,
                other: other.number,
                other_date: other.date,
            });
        }
    }
    if let Edit::SetItemDetails { presenter: Some(person), .. } = edit
        && board.person(person).is_none()
    {
        return Err(EditError::NoSuchPerson(person.clone()));
    }
    if let Edit::SetAttendance { person, .. }
    | Edit::AddDeclaration { declaration: crate::model::Declaration { person, .. }, .. } = edit
        && board.person(person).is_none()
    {
        return Err(EditError::NoSuchPerson(person.clone()));
    }
    if let Edit::AddMeetingAction { action, .. } = edit {
        if board.meeting_actions().any(|(_, a)| a.id == action.id) {
            return Err(EditError::IdTaken(format!("meeting action {}", action.id)));
        }
        if board.person(&action.owner).is_none() {
            return Err(EditError::NoSuchPerson(action.owner.clone()));
        }
    }
    let (index, meeting) = open_meeting(board, number)?;
    let before = meeting.clone();
    let result = change_meeting(edit, meeting);
    if let Err(error) = result {
        *meeting = before;
        return Err(error);
    }
    Ok(Restore::Put(index, before.part()))
}

fn change_meeting(edit: &Edit, meeting: &mut Meeting) -> Result<(), EditError> {
    match edit {
        Edit::SetAttendance { person, attendance, .. } => {
            for list in [&mut meeting.present, &mut meeting.in_attendance, &mut meeting.apologies] {
                list.retain(|p| p != person);
            }
            match attendance {
                Attendance::Present => meeting.present.push(person.clone()),
                Attendance::InAttendance => meeting.in_attendance.push(person.clone()),
                Attendance::Apologies => meeting.apologies.push(person.clone()),
                Attendance::NotRecorded => {}
            }
        }
        Edit::AddDeclaration { declaration, .. } => {
            item_index(meeting, declaration.item)?;
            meeting.declarations.push(declaration.clone());
        }
        Edit::RemoveDeclaration { index, .. } => {
            if *index >= meeting.declarations.len() {
                return Err(EditError::NoSuchDeclaration { meeting: meeting.number, index: *index });
            }
            meeting.declarations.remove(*index);
        }
        Edit::SetItemNotes { item, notes, .. } => {
            let i = item_index(meeting, *item)?;
            meeting.items[i].notes = notes.clone();
        }
        Edit::AddResolution { item, text, .. } => {
            let i = item_index(meeting, *item)?;
            meeting.items[i].resolutions.push(text.clone());
        }
        Edit::SetResolution { item, index, text, .. } => {
            let i = item_index(meeting, *item)?;
            let resolution = meeting.items[i]
                .resolutions
                .get_mut(*index)
                .ok_or_else(|| no_resolution(meeting.number, *item, *index))?;
            *resolution = text.clone();
        }
        Edit::RemoveResolution { item, index, .. } => {
            let i = item_index(meeting, *item)?;
            if *index >= meeting.items[i].resolutions.len() {
                return Err(no_resolution(meeting.number, *item, *index));
            }
            meeting.items[i].resolutions.remove(*index);
        }
        Edit::AddItem { title, kind, .. } => {
            let number = meeting.items.iter().map(|i| i.number).max().unwrap_or(0) + 1;
            meeting.items.push(crate::model::AgendaItem {
                number,
                title: title.clone(),
                kind: kind.clone(),
                purpose: None,
                presenter: None,
                minutes: None,
                exempt: None,
                papers: vec![],
                notes: String::new(),
                resolutions: vec![],
            });
        }
        Edit::RenameItem { item, title, .. } => {
            let i = item_index(meeting, *item)?;
            meeting.items[i].title = title.clone();
        }
        Edit::RemoveItem { item, .. } => {
            let i = item_index(meeting, *item)?;
            let referred = meeting.declarations.iter().any(|d| d.item == *item)
                || meeting.actions.iter().any(|a| a.item == Some(*item));
            if referred {
                return Err(EditError::ItemInUse { meeting: meeting.number, item: *item });
            }
            meeting.items.remove(i);
        }
        Edit::MoveItem { item, up, .. } => {
            let i = item_index(meeting, *item)?;
            let j = if *up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < meeting.items.len()) };
            let Some(j) = j else { return Ok(()) };
            let (a, b) = (meeting.items[i].number, meeting.items[j].number);
            meeting.items.swap(i, j);
            meeting.items[i].number = a;
            meeting.items[j].number = b;
            let swap = |n: u32| {
                if n == a {
                    b
                } else if n == b {
                    a
                } else {
                    n
                }
            };
            for declaration in &mut meeting.declarations {
                declaration.item = swap(declaration.item);
            }
            for action in &mut meeting.actions {
                action.item = action.item.map(swap);
            }
        }
        Edit::SetItemExempt { item, exempt, .. } => {
            let i = item_index(meeting, *item)?;
            if let Some(e) = exempt.as_ref().filter(|e| !e.paragraph_is_known()) {
                return Err(EditError::UnknownParagraph(e.paragraph));
            }
            meeting.items[i].exempt = exempt.clone();
        }
        Edit::AddPaper { item, paper, .. } => {
            if let Some(problem) = paper.path_problem() {
                return Err(EditError::BadPaperPath { title: paper.title.clone(), problem });
            }
            let i = item_index(meeting, *item)?;
            meeting.items[i].papers.push(paper.clone());
        }
        Edit::RenamePaper { item, index, title, .. } => {
            if title.trim().is_empty() {
                return Err(EditError::PaperTitleMissing);
            }
            paper_mut(meeting, *item, *index)?.title = title.trim().to_string();
        }
        Edit::SetPaperReceived { item, index, received, .. } => {
            paper_mut(meeting, *item, *index)?.received = *received;
        }
        Edit::MovePaper { item, index, up, .. } => {
            let i = item_index(meeting, *item)?;
            let papers = &mut meeting.items[i].papers;
            let other = if *up { index.checked_sub(1) } else { Some(index + 1) };
            match other.filter(|o| *o < papers.len()) {
                Some(other) if *index < papers.len() => papers.swap(*index, other),
                _ => return Err(EditError::NoSuchPaper { meeting: meeting.number, item: *item, index: *index }),
            }
        }
        Edit::RemovePaper { item, index, .. } => {
            let i = item_index(meeting, *item)?;
            if *index >= meeting.items[i].papers.len() {
                return Err(EditError::NoSuchPaper { meeting: meeting.number, item: *item, index: *index });
            }
            meeting.items[i].papers.remove(*index);
        }
        Edit::AddMeetingAction { action, .. } => {
            if let Some(item) = action.item {
                item_index(meeting, item)?;
            }
            meeting.actions.push(action.clone());
        }
        Edit::SetMeetingDetails { date, start, venue, .. } => {
            meeting.date = *date;
            meeting.start = *start;
            meeting.venue = venue.trim().to_string();
        }
        Edit::SetItemDetails { item, purpose, presenter, minutes, .. } => {
            let i = item_index(meeting, *item)?;
            let item = &mut meeting.items[i];
            item.purpose = *purpose;
            item.presenter = presenter.clone();
            item.minutes = *minutes;
        }
        Edit::SetMeetingStatus { status, .. } => {
            if *status == MeetingStatus::Approved {
                return Err(EditError::ApproveThroughApproval(meeting.number));
            }
            meeting.status = *status;
        }
        other => unreachable!("{other:?} is not a meeting edit"),
    }
    Ok(())
}

/// Paper `index` of an item of the meeting, to change.
fn paper_mut(meeting: &mut Meeting, item: u32, index: usize) -> Result<&mut crate::model::Paper, EditError> {
    let i = item_index(meeting, item)?;
    let number = meeting.number;
    meeting.items[i].papers.get_mut(index).ok_or(EditError::NoSuchPaper { meeting: number, item, index })
}

fn no_resolution(meeting: u32, item: u32, index: usize) -> EditError {
    EditError::NoSuchResolution { meeting, item, index }
}

impl Edit {
    /// The meeting an edit changes, if it changes one meeting's record.
    pub fn meeting(&self) -> Option<u32> {
        match self {
            Edit::RateAction { meeting, .. }
            | Edit::SetAttendance { meeting, .. }
            | Edit::AddDeclaration { meeting, .. }
            | Edit::RemoveDeclaration { meeting, .. }
            | Edit::SetItemNotes { meeting, .. }
            | Edit::AddResolution { meeting, .. }
            | Edit::SetResolution { meeting, .. }
            | Edit::RemoveResolution { meeting, .. }
            | Edit::AddItem { meeting, .. }
            | Edit::RenameItem { meeting, .. }
            | Edit::RemoveItem { meeting, .. }
            | Edit::MoveItem { meeting, .. }
            | Edit::SetItemExempt { meeting, .. }
            | Edit::AddMeetingAction { meeting, .. }
            | Edit::SetMeetingStatus { meeting, .. }
            | Edit::SetMeetingDetails { meeting, .. }
            | Edit::SetItemDetails { meeting, .. }
            | Edit::AddPaper { meeting, .. }
            | Edit::RenamePaper { meeting, .. }
            | Edit::SetPaperReceived { meeting, .. }
            | Edit::MovePaper { meeting, .. }
            | Edit::RemovePaper { meeting, .. }
            | Edit::ApproveMinutes { meeting, .. } => Some(*meeting),
            Edit::AddMeeting(m) => Some(m.number),
            Edit::SetMeetingActionStatus { .. }
            | Edit::SetMeetingActionDue { .. }
            | Edit::RedateAction { .. }
            | Edit::AddPerson(_)
            | Edit::UpdatePerson(_)
            | Edit::Plan(_)
            | Edit::Scorecard(_) => None,
        }
    }
}
