//! Working days in England and Wales: weekends and bank holidays are not. The papers for
//! a meeting are published so many *clear* working days before it, and a statement of
//! action is due 70 working days after the inspection report is published; both are
//! counted on this calendar.
//!
//! The bank holidays are the regular ones by rule (with substitute days when New Year,
//! Christmas or Boxing Day fall at a weekend) and the one-off changes by list, for the
//! years this app knows: 2010 to 2030. Outside them only weekends are known, and callers
//! say so.

use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The years whose bank holidays are known.
pub const KNOWN_YEARS: RangeInclusive<i32> = 2010..=2030;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
}

/// Easter Sunday (the Gregorian computus, "anonymous" algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

/// The first `weekday` of a month.
fn first(weekday: Weekday, year: i32, month: u32) -> NaiveDate {
    let first = date(year, month, 1);
    let ahead = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first + Days::new(ahead.into())
}

/// The last `weekday` of a month.
fn last(weekday: Weekday, year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 { date(year + 1, 1, 1) } else { date(year, month + 1, 1) };
    let last = next.pred_opt().expect("a day before");
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    last - Days::new(back.into())
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A day of the year: (month, day).
type MonthDay = (u32, u32);

/// The one-off changes, by proclamation: days added, and regular days moved (from, to).
struct OneOff {
    year: i32,
    added: &'static [MonthDay],
    moved: &'static [(MonthDay, MonthDay)],
}

const ONE_OFFS: &[OneOff] = &[
    // The wedding of Prince William and Catherine Middleton.
    OneOff { year: 2011, added: &[(4, 29)], moved: &[] },
    // The Diamond Jubilee: the spring holiday moved to 4 June, and 5 June added.
    OneOff { year: 2012, added: &[(6, 5)], moved: &[((5, 28), (6, 4))] },
    // The 75th anniversary of VE Day: the early May holiday moved to Friday 8 May.
    OneOff { year: 2020, added: &[], moved: &[((5, 4), (5, 8))] },
    // The Platinum Jubilee (spring holiday moved to 2 June, 3 June added) and the state
    // funeral of Queen Elizabeth II.
    OneOff { year: 2022, added: &[(6, 3), (9, 19)], moved: &[((5, 30), (6, 2))] },
    // The coronation of King Charles III.
    OneOff { year: 2023, added: &[(5, 8)], moved: &[] },
];

/// The bank holidays of a year in England and Wales, in date order; `None` for a year
/// outside [`KNOWN_YEARS`].
pub fn bank_holidays(year: i32) -> Option<Vec<NaiveDate>> {
    if !KNOWN_YEARS.contains(&year) {
        return None;
    }
    let easter = easter_sunday(year);
    // New Year's Day, or the Monday after it when it falls at a weekend.
    let new_year = match date(year, 1, 1).weekday() {
        Weekday::Sat => date(year, 1, 3),
        Weekday::Sun => date(year, 1, 2),
        _ => date(year, 1, 1),
    };
    // Christmas and Boxing Day, each at a weekend moved to the next weekday free of the other.
    let (christmas, boxing) = match date(year, 12, 25).weekday() {
        Weekday::Fri => (date(year, 12, 25), date(year, 12, 28)),
        Weekday::Sat => (date(year, 12, 27), date(year, 12, 28)),
        Weekday::Sun => (date(year, 12, 27), date(year, 12, 26)),
        _ => (date(year, 12, 25), date(year, 12, 26)),
    };
    let mut days = vec![
        new_year,
        easter - Days::new(2),
        easter + Days::new(1),
        first(Weekday::Mon, year, 5),
        last(Weekday::Mon, year, 5),
        last(Weekday::Mon, year, 8),
        christmas,
        boxing,
    ];
    for one_off in ONE_OFFS.iter().filter(|o| o.year == year) {
        for ((from_month, from_day), (to_month, to_day)) in one_off.moved {
            let from = date(year, *from_month, *from_day);
            days.retain(|d| *d != from);
            days.push(date(year, *to_month, *to_day));
        }
        days.extend(one_off.added.iter().map(|(m, d)| date(year, *m, *d)));
    }
    days.sort();
    Some(days)
}

/// Whether `day` is a working day: not a weekend, not a bank holiday (where the year's
/// bank holidays are known).
pub fn is_working_day(day: NaiveDate) -> bool {
    !is_weekend(day) && !bank_holidays(day.year()).is_some_and(|holidays| holidays.contains(&day))
}

/// Whether the bank holidays of every year between two dates are known.
pub fn knows_holidays_between(a: NaiveDate, b: NaiveDate) -> bool {
    KNOWN_YEARS.contains(&a.year().min(b.year())) && KNOWN_YEARS.contains(&a.year().max(b.year()))
}

/// The working day `n` working days after `day` (the 70th working day after a report's
/// publication, say), not counting `day` itself.
pub fn working_days_after(day: NaiveDate, n: u32) -> NaiveDate {
    let mut current = day;
    let mut counted = 0;
    while counted < n {
        current = current + Days::new(1);
        if is_working_day(current) {
            counted += 1;
        }
    }
    current
}

/// The last day the papers for a meeting on `meeting` may be published, leaving `clear`
/// clear working days between: neither the day of publication nor of the meeting counts,
/// and publication is on a working day.
pub fn publication_date(meeting: NaiveDate, clear: u32) -> NaiveDate {
    let mut day = meeting;
    let mut counted = 0;
    while counted < clear {
        day = day - Days::new(1);
        if is_working_day(day) {
            counted += 1;
        }
    }
    // The day before the earliest clear day, back to a working day.
    day = day - Days::new(1);
    while !is_working_day(day) {
        day = day - Days::new(1);
    }
    day
}

/// Working days from `from` to `to`, not counting `from`: how many are left until a
/// deadline (0 on the day itself; negative once it has passed).
pub fn working_days_until(from: NaiveDate, to: NaiveDate) -> i64 {
    let (start, end, sign) = if from <= to { (from, to, 1) } else { (to, from, -1) };
    let mut count = 0;
    let mut day = start;
    while day < end {
        day = day + Days::new(1);
        if is_working_day(day) {
            count += 1;
        }
    }
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &[&str]) -> Vec<NaiveDate> {
        text.iter().map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()).collect()
    }

    /// Every year's bank holidays as GOV.UK lists them for England and Wales.
    const PUBLISHED: &[(i32, &[&str])] = &[
        (
            2010,
            &[
                "2010-01-01",
                "2010-04-02",
                "2010-04-05",
                "2010-05-03",
                "2010-05-31",
                "2010-08-30",
                "2010-12-27",
                "2010-12-28",
            ],
        ),
        (
            2011,
            &[
                "2011-01-03",
                "2011-04-22",
                "2011-04-25",
                "2011-04-29",
                "2011-05-02",
                "2011-05-30",
                "2011-08-29",
                "2011-12-26",
                "2011-12-27",
            ],
        ),
        (
            2012,
            &[
                "2012-01-02",
                "2012-04-06",
                "2012-04-09",
                "2012-05-07",
                "2012-06-04",
                "2012-06-05",
                "2012-08-27",
                "2012-12-25",
                "2012-12-26",
            ],
        ),
        (
            2013,
            &[
                "2013-01-01",
                "2013-03-29",
                "2013-04-01",
                "2013-05-06",
                "2013-05-27",
                "2013-08-26",
                "2013-12-25",
                "2013-12-26",
            ],
        ),
        (
            2014,
            &[
                "2014-01-01",
                "2014-04-18",
                "2014-04-21",
                "2014-05-05",
                "2014-05-26",
                "2014-08-25",
                "2014-12-25",
                "2014-12-26",
            ],
        ),
        (
            2015,
            &[
                "2015-01-01",
                "2015-04-03",
                "2015-04-06",
                "2015-05-04",
                "2015-05-25",
                "2015-08-31",
                "2015-12-25",
                "2015-12-28",
            ],
        ),
        (
            2016,
            &[
                "2016-01-01",
                "2016-03-25",
                "2016-03-28",
                "2016-05-02",
                "2016-05-30",
                "2016-08-29",
                "2016-12-26",
                "2016-12-27",
            ],
        ),
        (
            2017,
            &[
                "2017-01-02",
                "2017-04-14",
                "2017-04-17",
                "2017-05-01",
                "2017-05-29",
                "2017-08-28",
                "2017-12-25",
                "2017-12-26",
            ],
        ),
        (
            2018,
            &[
                "2018-01-01",
                "2018-03-30",
                "2018-04-02",
                "2018-05-07",
                "2018-05-28",
                "2018-08-27",
                "2018-12-25",
                "2018-12-26",
            ],
        ),
        (
            2019,
            &[
                "2019-01-01",
                "2019-04-19",
                "2019-04-22",
                "2019-05-06",
                "2019-05-27",
                "2019-08-26",
                "2019-12-25",
                "2019-12-26",
            ],
        ),
        (
            2020,
            &[
                "2020-01-01",
                "2020-04-10",
                "2020-04-13",
                "2020-05-08",
                "2020-05-25",
                "2020-08-31",
                "2020-12-25",
                "2020-12-28",
            ],
        ),
        (
            2021,
            &[
                "2021-01-01",
                "2021-04-02",
                "2021-04-05",
                "2021-05-03",
                "2021-05-31",
                "2021-08-30",
                "2021-12-27",
                "2021-12-28",
            ],
        ),
        (
            2022,
            &[
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-09-19",
                "2022-12-26",
                "2022-12-27",
            ],
        ),
        (
            2023,
            &[
                "2023-01-02",
                "2023-04-07",
                "2023-04-10",
                "2023-05-01",
                "2023-05-08",
                "2023-05-29",
                "2023-08-28",
                "2023-12-25",
                "2023-12-26",
            ],
        ),
        (
            2024,
            &[
                "2024-01-01",
                "2024-03-29",
                "2024-04-01",
                "2024-05-06",
                "2024-05-27",
                "2024-08-26",
                "2024-12-25",
                "2024-12-26",
            ],
        ),
        (
            2025,
            &[
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-05",
                "2025-05-26",
                "2025-08-25",
                "2025-12-25",
                "2025-12-26",
            ],
        ),
        (
            2026,
            &[
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28",
            ],
        ),
        (
            2027,
            &[
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28",
            ],
        ),
        (
            2028,
            &[
                "2028-01-03",
                "2028-04-14",
                "2028-04-17",
                "2028-05-01",
                "2028-05-29",
                "2028-08-28",
                "2028-12-25",
                "2028-12-26",
            ],
        ),
        (
            2029,
            &[
                "2029-01-01",
                "2029-03-30",
                "2029-04-02",
                "2029-05-07",
                "2029-05-28",
                "2029-08-27",
                "2029-12-25",
                "2029-12-26",
            ],
        ),
        (
            2030,
            &[
                "2030-01-01",
                "2030-04-19",
                "2030-04-22",
                "2030-05-06",
                "2030-05-27",
                "2030-08-26",
                "2030-12-25",
                "2030-12-26",
            ],
        ),
    ];

    #[test]
    fn every_known_year_has_the_bank_holidays_gov_uk_lists() {
        for (year, published) in PUBLISHED {
            assert_eq!(bank_holidays(*year).unwrap(), days(published), "{year}");
        }
        assert_eq!(PUBLISHED.len(), KNOWN_YEARS.count(), "one list a year");
        assert_eq!(bank_holidays(2009), None);
        assert_eq!(bank_holidays(2031), None);
    }

    #[test]
    fn papers_go_out_five_clear_working_days_before_the_meeting() {
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        // Tuesday 8 December 2026: clear days Tue 1 – Mon 7; published Monday 30 November.
        assert_eq!(publication_date(day("2026-12-08"), 5), day("2026-11-30"));
        // Across Easter 2026 (Good Friday 3 April, Easter Monday 6 April): a meeting on
        // Thursday 9 April has clear days 1, 2, 7 and 8 April and 31 March; published 30 March.
        assert_eq!(publication_date(day("2026-04-09"), 5), day("2026-03-30"));
        // Across Christmas 2026 (Friday 25 and Monday 28 December): a meeting on Tuesday 5
        // January 2027 has clear days 4 Jan, 31, 30, 29 and 24 Dec; published 23 December.
        assert_eq!(publication_date(day("2027-01-05"), 5), day("2026-12-23"));
        // A meeting on a Monday: clear days Fri to Mon of the week before; published Friday.
        assert_eq!(publication_date(day("2026-10-12"), 5), day("2026-10-02"));
    }

    #[test]
    fn a_statement_of_action_is_due_seventy_working_days_after_the_report() {
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        // Published Friday 13 March 2026: 70 working days, skipping Easter and both May holidays.
        let due = working_days_after(day("2026-03-13"), 70);
        assert_eq!(due, day("2026-06-25"));
        assert_eq!(working_days_until(day("2026-03-13"), due), 70);
        assert_eq!(working_days_until(due, day("2026-03-13")), -70);
        assert!(!is_working_day(day("2026-04-03")) && !is_working_day(day("2026-05-25")));
        assert!(is_working_day(day("2026-04-07")));
    }
}
