//! The board as plain data: who sits on it, the inspection that started it, the statement
//! of action it monitors, its performance indicators and its meetings — and the facts a
//! chair asks of them (current RAG, overdue, drift), each a tested method.
//!
//! Nothing here knows about files, PDFs or egui; dates that matter ("today") are passed in.

mod as_at;
mod authoring;
mod board;
pub mod calendar;
mod counts;
pub mod dates;
mod drift;
mod filters;
mod indicator;
mod inspection;
mod meeting;
mod papers;
mod person;
mod plan;
mod public;
mod rag;
mod since;
mod walk;

pub use authoring::{PlanPart, action_id_after, highest_in_run, id_after, plural, slug};
pub use board::{Board, CURRENT_FORMAT, Change, DEFAULT_NOTICE_DAYS, Intervention, InterventionKind, Subject, Terms};
pub use counts::RagCounts;
pub use dates::{Moment, TimeOfDay, YearMonth};
pub use drift::Drift;
pub use filters::{LogFilter, PlanColumn, PlanFilter, compare_ids};
pub use indicator::{Better, Comparator, Direction, Indicator, Reading, Recording, Unit, next_month_due};
pub use inspection::{Grade, Inspection, InspectionKind, Judgement, STATEMENT_DUE_WORKING_DAYS};
pub use meeting::{
    ActionStatus, AgendaItem, Approval, Declaration, Exempt, ItemKind, Meeting, MeetingAction, MeetingStatus, Paper,
    Purpose, USUAL_GAP_DAYS,
};
pub use papers::{ItemPapers, PapersCheck, Timing};
pub use person::Person;
pub use plan::{PlanAction, Priority, Recommendation, Redate, Trend, Update};
pub use public::{REDATED_IN_PRIVATE, Withheld};
pub use rag::Rag;
pub use since::SinceLastTime;
pub use walk::{NeedsTheBoard, WalkOrder};
