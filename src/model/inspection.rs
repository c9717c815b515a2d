//! Ofsted inspections and visits: the judgement that started the board, and the
//! monitoring visits that check on it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates;

/// An inspection or visit, with its judgements and findings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    pub id: String,
    pub kind: InspectionKind,
    #[serde(with = "dates::date")]
    pub start: NaiveDate,
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default, with = "dates::opt_date", skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspectors: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub focus: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judgements: Vec<Judgement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// Working days from a judgement's publication to the statement of action being due.
pub const STATEMENT_DUE_WORKING_DAYS: u32 = 70;

impl Inspection {
    /// When the statement of action answering this inspection is due: 70 working days
    /// after its report was published. `None` before the report is published.
    pub fn statement_due(&self) -> Option<NaiveDate> {
        self.published.map(|published| super::calendar::working_days_after(published, STATEMENT_DUE_WORKING_DAYS))
    }
}

/// The kinds of inspection and visit, current and historic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InspectionKind {
    Ilacs,
    FocusedVisit,
    MonitoringVisit,
    JointTargetedAreaInspection,
    SafeguardingAndLookedAfter,
    SingleInspectionFramework,
    Other,
}

impl InspectionKind {
    pub fn label(self) -> &'static str {
        match self {
            InspectionKind::Ilacs => "Inspection of local authority children's services (ILACS)",
            InspectionKind::FocusedVisit => "Focused visit",
            InspectionKind::MonitoringVisit => "Monitoring visit",
            InspectionKind::JointTargetedAreaInspection => "Joint targeted area inspection",
            InspectionKind::SafeguardingAndLookedAfter => "Safeguarding and looked after children inspection",
            InspectionKind::SingleInspectionFramework => "Single inspection framework",
            InspectionKind::Other => "Other inspection",
        }
    }
}

impl InspectionKind {
    pub const ALL: [InspectionKind; 7] = [
        InspectionKind::Ilacs,
        InspectionKind::FocusedVisit,
        InspectionKind::MonitoringVisit,
        InspectionKind::JointTargetedAreaInspection,
        InspectionKind::SafeguardingAndLookedAfter,
        InspectionKind::SingleInspectionFramework,
        InspectionKind::Other,
    ];

    /// The grades this kind of inspection gives: the four-point scale for ILACS and the
    /// single inspection framework, "adequate" for the older safeguarding and looked after
    /// inspections, none for visits and joint targeted inspections (they are not graded).
    pub fn grades(self) -> &'static [Grade] {
        use Grade::*;
        match self {
            InspectionKind::Ilacs | InspectionKind::SingleInspectionFramework => {
                &[Outstanding, Good, RequiresImprovementToBeGood, Inadequate]
            }
            InspectionKind::SafeguardingAndLookedAfter => &[Outstanding, Good, Adequate, Inadequate],
            InspectionKind::FocusedVisit
            | InspectionKind::MonitoringVisit
            | InspectionKind::JointTargetedAreaInspection => &[],
            InspectionKind::Other => &[Outstanding, Good, RequiresImprovementToBeGood, Adequate, Inadequate],
        }
    }
}

/// One judgement area and its grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub area: String,
    pub grade: Grade,
}

/// Ofsted's grades; `Adequate` belongs to the older frameworks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    Outstanding,
    Good,
    RequiresImprovementToBeGood,
    Adequate,
    Inadequate,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovementToBeGood => "Requires improvement to be good",
            Grade::Adequate => "Adequate",
            Grade::Inadequate => "Inadequate",
        }
    }
}
