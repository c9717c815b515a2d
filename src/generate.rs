//! Realistic boards of any size, for benchmarks and load tests: the same seed always gives
//! the same board. Text lengths, RAG histories, overdue and drifting actions, meetings with
//! agendas and action logs are in the proportions a real board has.

use chrono::{Days, NaiveDate};

use crate::model::{
    ActionStatus, Approval, Better, Board, Declaration, Exempt, Grade, Indicator, Inspection, InspectionKind,
    Judgement, Meeting, MeetingAction, MeetingStatus, Person, PlanAction, Priority, Rag, Reading, Recommendation, Unit,
    Update, YearMonth,
};

/// A small, fast, seedable generator (xorshift64*): no dependency, same numbers everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const THEMES: [&str; 8] = [
    "The Family Front Door",
    "Help and protection practice",
    "Leadership and accountability",
    "Quality assurance and learning",
    "A stable, skilled workforce",
    "Children in care",
    "Care leavers",
    "Partnership working",
];
const VERBS: [&str; 10] =
    ["Embed", "Review", "Introduce", "Strengthen", "Reduce", "Audit", "Recruit", "Train", "Publish", "Agree"];
const OBJECTS: [&str; 12] = [
    "the threshold document with partners",
    "manager oversight of every contact decision",
    "chronologies for children on plans",
    "reflective supervision for every social worker",
    "the audit and moderation cycle",
    "permanence planning by the second review",
    "pathway plans written with young people",
    "caseloads to a manageable level",
    "strategy discussions with police and health present",
    "a single reconciled performance scorecard",
    "independent advocacy for children in conferences",
    "life story work for children placed for adoption",
];
const NOTES: [&str; 10] = [
    "Progress reported by the lead; the board asked for evidence of impact on children's experience.",
    "Audit shows improvement from a low base, but not yet consistently across teams.",
    "Recruitment has slipped; interim cover in place and a revised date agreed.",
    "On track; the next audit will confirm whether the change is embedded.",
    "Complete and evidenced in the dip sample; to be monitored through the scorecard.",
    "Delayed by vacancies in two teams; the lead will bring a recovery plan.",
    "Partners have agreed the approach; training dates are booked.",
    "Figures moved the wrong way this month; the board challenged the explanation.",
    "Practice week found the change in place in most files read.",
    "Awaiting sign-off from the partnership executive.",
];

/// A board with `actions` actions and `meetings` meetings, from `seed`.
pub fn generate(actions: usize, meetings: usize, seed: u64) -> Board {
    let mut rng = Rng::new(seed);
    let mut board = Board::blank("Generated Borough Council", "Children's Services Improvement Board");
    let people_count = 20 + actions / 40;
    board.people = (0..people_count)
        .map(|i| Person {
            id: format!("p{i}"),
            name: format!(
                "{} {}",
                rng.pick(&["Alex", "Sam", "Jo", "Priya", "Tom", "Amina", "Gareth", "Ruth"]),
                rng.pick(&["Shaw", "Okafor", "Price", "Lowe", "Mehta", "Kerr", "Doyle"])
            ),
            role: rng
                .pick(&[
                    "Assistant Director",
                    "Head of Service",
                    "Team Manager",
                    "Principal Social Worker",
                    "Designated Nurse",
                ])
                .to_string(),
            organisation: "Generated Borough Council".into(),
            board_member: i < 12,
        })
        .collect();
    board.inspections.push(Inspection {
        id: "ilacs".into(),
        kind: InspectionKind::Ilacs,
        start: date(2024, 1, 8),
        end: Some(date(2024, 1, 19)),
        published: Some(date(2024, 2, 27)),
        inspectors: vec!["Lead inspector".into()],
        focus: String::new(),
        judgements: vec![Judgement { area: "Overall effectiveness".into(), grade: Grade::Inadequate }],
        findings: vec!["Decisions at the front door are inconsistent.".into()],
    });
    let priorities = THEMES.len().min(3 + actions / 100).max(5);
    board.priorities = (0..priorities)
        .map(|i| Priority { id: format!("P{}", i + 1), title: THEMES[i % THEMES.len()].into(), summary: String::new() })
        .collect();
    let recommendations = (actions / 5).max(priorities);
    board.recommendations = (0..recommendations)
        .map(|i| Recommendation {
            id: format!("R{}", i + 1),
            priority: format!("P{}", i % priorities + 1),
            inspection: Some("ilacs".into()),
            text: format!("{} {} so that children are seen and helped sooner.", rng.pick(&VERBS), rng.pick(&OBJECTS)),
        })
        .collect();
    let first_meeting = date(2024, 4, 10);
    let meeting_dates: Vec<NaiveDate> = (0..meetings).map(|m| first_meeting + Days::new(42 * m as u64)).collect();
    board.actions = (0..actions)
        .map(|i| {
            let rec = i % recommendations;
            let starts = rng.below(meetings.max(1) / 2 + 1);
            let mut rag = [Rag::Red, Rag::Amber, Rag::Amber, Rag::Green][rng.below(4)];
            let mut updates = Vec::new();
            for (m, meeting_date) in meeting_dates.iter().enumerate().skip(starts).take(meetings.saturating_sub(1)) {
                updates.push(Update {
                    date: *meeting_date,
                    meeting: Some(m as u32 + 1),
                    rag,
                    impact: rng.chance(20).then(|| [Rag::Red, Rag::Amber, Rag::Green][rng.below(3)]),
                    note: rng.pick(&NOTES).to_string(),
                    by: Some(format!("p{}", i % people_count)),
                });
                if rag == Rag::Blue {
                    break;
                }
                rag = match (rag, rng.below(10)) {
                    (Rag::Red, 0..=4) => Rag::Amber,
                    (Rag::Amber, 0..=2) => Rag::Green,
                    (Rag::Amber, 9) => Rag::Red,
                    (Rag::Green, 0..=2) => Rag::Blue,
                    (Rag::Green, 9) => Rag::Amber,
                    (same, _) => same,
                };
            }
            PlanAction {
                id: format!("{}.{}", rec + 1, i / recommendations + 1),
                recommendation: format!("R{}", rec + 1),
                title: format!("{} {}", rng.pick(&VERBS), rng.pick(&OBJECTS)),
                lead: format!("p{}", i % people_count),
                due: first_meeting + Days::new(60 + rng.below(900) as u64),
                redated: vec![],
                measure: format!(
                    "{} of audited files show {} within timescale.",
                    rng.pick(&["80%", "90%", "95%"]),
                    rng.pick(&OBJECTS)
                ),
                evidence: vec!["Monthly performance report".into(), "Audit findings".into()],
                updates,
            }
        })
        .collect();
    board.indicators = (0..14)
        .map(|i| Indicator {
            id: format!("ind{i}"),
            name: format!("Indicator {} — {}", i + 1, rng.pick(&OBJECTS)),
            unit: Unit::Percent,
            better: if i % 3 == 0 { Better::Lower } else { Better::Higher },
            target: Some(20.0 + rng.below(70) as f64),
            amber_within: None,
            comparators: vec![],
            readings: (0..24)
                .map(|m| Reading {
                    period: YearMonth { year: 2024 + (m / 12), month: (m % 12) as u32 + 1 },
                    value: 20.0 + rng.below(700) as f64 / 10.0,
                    entered: None,
                    note: String::new(),
                })
                .collect(),
        })
        .collect();
    board.meetings = meeting_dates
        .iter()
        .enumerate()
        .map(|(m, meeting_date)| {
            let number = m as u32 + 1;
            let mut meeting =
                Meeting::with_standard_agenda(number, *meeting_date, "Council Chamber", &board.priorities);
            meeting.status = match meetings - m {
                1 => MeetingStatus::Planned,
                2 => MeetingStatus::Held,
                _ => MeetingStatus::Approved,
            };
            if meeting.status != MeetingStatus::Planned {
                meeting.present = (0..10).map(|p| format!("p{p}")).collect();
                meeting.apologies = vec!["p10".into()];
                for item in &mut meeting.items {
                    item.notes = format!("{} {}", rng.pick(&NOTES), rng.pick(&NOTES));
                    if rng.chance(40) {
                        item.resolutions.push(format!("That the board notes progress on {}.", rng.pick(&OBJECTS)));
                    }
                }
                if rng.chance(20) {
                    meeting.items[2].exempt =
                        Some(Exempt { paragraph: 1, reason: "Information about a member of staff".into() });
                }
                if rng.chance(30) {
                    meeting.declarations.push(Declaration {
                        person: "p3".into(),
                        item: 3,
                        interest: "Foster carer for the council".into(),
                    });
                }
                meeting.actions = (0..4)
                    .map(|a| MeetingAction {
                        id: format!("M{number}-{:02}", a + 1),
                        text: format!("{} {}.", rng.pick(&VERBS), rng.pick(&OBJECTS)),
                        owner: format!("p{}", rng.below(people_count)),
                        due: Some(*meeting_date + Days::new(42)),
                        item: Some(1 + rng.below(meeting.items.len()) as u32),
                        status: if m + 3 < meetings { ActionStatus::Done } else { ActionStatus::Open },
                        closed: (m + 3 < meetings).then(|| *meeting_date + Days::new(40)),
                        note: String::new(),
                    })
                    .collect();
            }
            meeting
        })
        .collect();
    // Approved minutes carry their seal, as the app writes it on approval.
    for number in board.meetings.iter().filter(|m| m.is_approved()).map(|m| m.number).collect::<Vec<_>>() {
        let seal = crate::seal::seal(&board, number).expect("the meeting is there");
        let index = board.meetings.iter().position(|m| m.number == number).expect("the meeting is there");
        let on = board.meetings.get(index + 1).map(|next| next.date);
        board.meetings[index].approval =
            Some(Approval { on, at_meeting: on.map(|_| number + 1), by: Some("p0".into()), seal });
    }
    board
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board_file;

    #[test]
    fn a_generated_board_is_valid_and_the_same_seed_gives_the_same_board() {
        let board = generate(300, 12, 7);
        let text = board_file::to_ron(&board);
        let loaded = board_file::parse_board(&text).unwrap_or_else(|p| panic!("{:?}", &p[..p.len().min(5)]));
        assert_eq!(loaded.actions.len(), 300);
        assert_eq!(loaded.meetings.len(), 12);
        assert_eq!(board_file::to_ron(&generate(300, 12, 7)), text);
        assert_ne!(board_file::to_ron(&generate(300, 12, 8)), text);
    }

    #[test]
    fn a_generated_board_has_what_a_real_one_has() {
        let board = generate(500, 24, 1);
        let today = date(2027, 1, 1);
        assert!(!board.overdue_actions(today).is_empty());
        assert!(!board.drifting_actions().is_empty());
        assert!(board.rag_counts().get(Rag::Blue) > 0 && board.rag_counts().get(Rag::Red) > 0);
        assert!(board.meetings.iter().any(|m| m.items.iter().any(|i| i.exempt.is_some())));
    }
}
