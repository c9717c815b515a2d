//! The seal on approved minutes: a SHA-256 digest of a meeting's record, written into the
//! audit trail when the minutes are approved, so that any later change — by the app or by
//! hand in a text editor — is caught ("meeting 3 was changed after its minutes were
//! approved").
//!
//! The seal lives in the `history` entry the approval writes, so format 1 needs no new
//! field and older files (with no seal) still load.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::{Board, Meeting, Update};

/// What is sealed: the meeting's record (its status aside, since approving changes it)
/// and every rating given at the meeting.
#[derive(Serialize)]
struct Record<'a> {
    meeting: &'a Meeting,
    ratings: Vec<(&'a str, &'a Update)>,
}

/// The digest of meeting `number`'s record, as lowercase hex.
pub fn record_digest(board: &Board, number: u32) -> Option<String> {
    let meeting = board.meeting(number)?;
    let mut unsealed = meeting.clone();
    unsealed.status = crate::model::MeetingStatus::Held;
    let mut ratings: Vec<(&str, &Update)> = board
        .actions
        .iter()
        .flat_map(|a| a.updates.iter().filter(|u| u.meeting == Some(number)).map(move |u| (a.id.as_str(), u)))
        .collect();
    ratings.sort_by(|a, b| a.0.cmp(b.0));
    let record = Record { meeting: &unsealed, ratings };
    let text = ron::to_string(&record).ok()?;
    Some(Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect())
}

/// The audit-trail words that approve meeting `number` and carry its seal.
pub fn approval_words(number: u32, digest: &str) -> String {
    format!("Meeting {number} marked approved (seal sha256:{digest})")
}

/// The seal recorded for meeting `number` by its latest approval, if any.
pub fn recorded_seal(board: &Board, number: u32) -> Option<&str> {
    let prefix = format!("Meeting {number} marked approved (seal sha256:");
    board.history.iter().rev().find_map(|c| c.what.strip_prefix(prefix.as_str())?.strip_suffix(')'))
}

/// Approved meetings whose record no longer matches their seal.
pub fn broken_seals(board: &Board) -> Vec<u32> {
    board
        .meetings
        .iter()
        .filter(|m| m.is_approved())
        .filter(|m| {
            recorded_seal(board, m.number).is_some_and(|seal| record_digest(board, m.number).as_deref() != Some(seal))
        })
        .map(|m| m.number)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Moment};
    use crate::sample::sample_board;

    fn sealed_sample() -> Board {
        let mut board = sample_board();
        let digest = record_digest(&board, 3).unwrap();
        board.history.push(Change {
            at: Moment::parse("2026-09-15T15:00:00").unwrap(),
            by: "k.morgan".into(),
            what: approval_words(3, &digest),
        });
        board
    }

    #[test]
    fn a_sealed_meeting_left_alone_is_intact() {
        let board = sealed_sample();
        assert_eq!(recorded_seal(&board, 3).map(str::len), Some(64));
        assert!(broken_seals(&board).is_empty());
    }

    #[test]
    fn changing_notes_attendance_or_a_rating_breaks_the_seal() {
        let mut notes = sealed_sample();
        notes.meetings[2].items[0].notes.push_str(" (amended)");
        assert_eq!(broken_seals(&notes), [3]);

        let mut attendance = sealed_sample();
        attendance.meetings[2].present.pop();
        assert_eq!(broken_seals(&attendance), [3]);

        let mut rating = sealed_sample();
        let update =
            rating.actions.iter_mut().flat_map(|a| a.updates.iter_mut()).find(|u| u.meeting == Some(3)).unwrap();
        update.note = "rewritten".into();
        assert_eq!(broken_seals(&rating), [3]);
    }

    #[test]
    fn an_unsealed_approved_meeting_is_not_reported() {
        assert!(broken_seals(&sample_board()).is_empty());
    }
}
