//! Dates, times of day, moments and months as the board file writes them:
//! `"2026-04-20"`, `"14:00"`, `"2026-04-20T14:37:05"`, `"2026-03"`.
//!
//! Parsing is strict about shape so that a clerk's typo (`"20/04/2026"`, `"2026-02-30"`)
//! is caught with a message that says what was expected, rather than chrono's terse one.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error as _};
use std::fmt;

/// Parses `YYYY-MM-DD`, explaining what is wrong when it is not a real date.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("`{text}` is not a date: expected YYYY-MM-DD, e.g. 2026-04-20"));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: there is no such day in the calendar"))?;
    if !YEARS.contains(&date.year()) {
        return Err(format!(
            "`{text}` is outside the years a board can hold ({} to {}): is the year mistyped?",
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(date)
}

/// The years a board's dates may fall in: every date the papers print and the
/// spreadsheet export writes (Excel counts from 1900) is in this range.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Formats a date as the file writes it.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date in the style UK council papers use: "14 December 2026".
pub fn uk_long(date: NaiveDate) -> String {
    format!("{} {}", date.day(), date.format("%B %Y"))
}

/// "1 day", "12 days".
pub fn days(n: i64) -> String {
    if n == 1 { "1 day".to_string() } else { format!("{n} days") }
}

/// A date for narrow table columns: "31 Dec 2026".
pub fn uk_short(date: NaiveDate) -> String {
    format!("{} {}", date.day(), date.format("%b %Y"))
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// `#[serde(with = "dates::date")]` for required dates.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map_err(D::Error::custom)
    }
}

/// `#[serde(with = "dates::opt_date")]` for optional dates, written `Some("2026-04-20")`.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(format_date).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| parse_date(&t).map_err(D::Error::custom)).transpose()
    }
}

/// A time of day, written `"14:00"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub NaiveTime);

impl TimeOfDay {
    pub fn parse(text: &str) -> Result<Self, String> {
        let shaped = text.len() == 5
            && text.bytes().enumerate().all(|(i, b)| if i == 2 { b == b':' } else { b.is_ascii_digit() });
        let time = shaped.then(|| NaiveTime::parse_from_str(text, "%H:%M").ok()).flatten();
        time.map(TimeOfDay)
            .ok_or_else(|| format!("`{text}` is not a time of day: expected HH:MM (24-hour), e.g. 14:00"))
    }

    /// "2.00 pm", as minutes write it.
    pub fn spoken(self) -> String {
        let (pm, hour) = self.0.hour12();
        format!("{}.{:02} {}", hour, self.0.minute(), if pm { "pm" } else { "am" })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TimeOfDay::parse(&String::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// A moment in local time, written `"2026-04-20T14:37:05"`: when a change was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub NaiveDateTime);

impl Moment {
    pub fn parse(text: &str) -> Result<Self, String> {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
            .map(Moment)
            .map_err(|_| format!("`{text}` is not a moment: expected YYYY-MM-DDTHH:MM:SS"))
    }

    /// This moment in local time, to the second: for the edges (the app's and the CLI's
    /// clocks); the core is handed moments, never reads the clock itself.
    pub fn now() -> Self {
        let now = chrono::Local::now().naive_local();
        Moment(now.with_nanosecond(0).unwrap_or(now))
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%S"))
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Moment::parse(&String::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// A calendar month, written `"2026-03"`: the period an indicator reading covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a month: expected YYYY-MM, e.g. 2026-03");
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(YearMonth { year, month })
    }

    /// "Mar 2026", for chart axes and tables.
    pub fn short(self) -> String {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .map(|d| d.format("%b %Y").to_string())
            .unwrap_or_else(|| self.to_string())
    }

    /// The month that contains `date`.
    pub fn of(date: NaiveDate) -> Self {
        YearMonth { year: date.year(), month: date.month() }
    }

    /// "March 2026", as a heading says it.
    pub fn long(self) -> String {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .map(|d| d.format("%B %Y").to_string())
            .unwrap_or_else(|| self.to_string())
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        self.months_after(1)
    }

    /// The month `n` months after this one.
    pub fn months_after(self, n: u32) -> Self {
        let index = self.year * 12 + self.month as i32 - 1 + n as i32;
        YearMonth { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
    }

    /// The month `n` months before this one.
    pub fn months_before(self, n: u32) -> Self {
        let index = self.year * 12 + self.month as i32 - 1 - n as i32;
        YearMonth { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        YearMonth::parse(&String::deserialize(d)?).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod months_tests {
    use super::YearMonth;

    #[test]
    fn months_before_cross_the_year() {
        let march = YearMonth { year: 2026, month: 3 };
        assert_eq!(march.months_before(11), YearMonth { year: 2025, month: 4 });
        assert_eq!(march.months_before(0), march);
        assert_eq!(march.months_before(3), YearMonth { year: 2025, month: 12 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso_and_real() {
        assert_eq!(parse_date("2026-04-20"), Ok(NaiveDate::from_ymd_opt(2026, 4, 20).unwrap()));
        assert!(parse_date("20/04/2026").unwrap_err().contains("expected YYYY-MM-DD"));
        assert!(parse_date("2026-4-20").is_err());
        assert!(parse_date("2026-02-30").unwrap_err().contains("no such day"));
    }

    #[test]
    fn leap_days_are_real_only_in_leap_years() {
        assert!(parse_date("2028-02-29").is_ok());
        assert!(parse_date("2027-02-29").is_err());
        assert!(parse_date("2000-02-29").is_ok());
        assert!(parse_date("2100-02-29").is_err());
    }

    #[test]
    fn uk_long_dates_read_as_in_council_papers() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(uk_long(d), "4 December 2026");
    }

    #[test]
    fn times_and_months_round_trip_and_reject_nonsense() {
        assert_eq!(TimeOfDay::parse("14:00").unwrap().to_string(), "14:00");
        assert_eq!(TimeOfDay::parse("14:00").unwrap().spoken(), "2.00 pm");
        assert!(TimeOfDay::parse("2pm").is_err());
        assert!(TimeOfDay::parse("25:00").is_err());
        assert_eq!(YearMonth::parse("2026-03").unwrap().to_string(), "2026-03");
        assert!(YearMonth::parse("2026-13").is_err());
        assert!(YearMonth::parse("March 2026").is_err());
        assert_eq!(Moment::parse("2026-04-20T14:37:05").unwrap().to_string(), "2026-04-20T14:37:05");
    }
}
