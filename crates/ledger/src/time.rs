//! Moments and calendar dates. The ledger never reads the clock: callers pass
//! the current [`Timestamp`] in, so the same code runs in the browser and in
//! tests.

use std::fmt;

/// A moment, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

const MILLIS_PER_DAY: i64 = 86_400_000;

impl Timestamp {
    /// The calendar day (UTC) this moment falls on.
    pub fn date(self) -> Date {
        Date(self.0.div_euclid(MILLIS_PER_DAY))
    }

    pub fn plus_days(self, days: u32) -> Timestamp {
        Timestamp(self.0.saturating_add(i64::from(days) * MILLIS_PER_DAY))
    }
}

/// A calendar day, counted in days since 1970-01-01 (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

impl Date {
    /// The date of a year, month (1-12) and day (1-31), if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(i64::from(year), month, day)))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// 0 for Monday to 6 for Sunday (1970-01-05 was a Monday).
    pub fn weekday_from_monday(self) -> u32 {
        // In 0..7 by construction.
        (self.0 - 4).rem_euclid(7) as u32
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// Parses `YYYY-MM-DD`, the form dates are stored and exchanged in.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::from_ymd(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// A calendar month, the unit of reports and of locked report periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(date: Date) -> Month {
        let (year, month, _) = date.ymd();
        Month { year, month }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 12.
    pub fn number(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> Date {
        Date(days_from_civil(i64::from(self.year), self.month, 1))
    }

    pub fn last_day(self) -> Date {
        Date(days_from_civil(
            i64::from(self.year),
            self.month,
            days_in_month(self.year, self.month),
        ))
    }

    /// The month in English words, as the ledger's messages say it:
    /// "March 2026" (the app words it in the reader's language).
    pub fn in_words(self) -> String {
        format!("{} {}", Month::english_name(self.month), self.year)
    }

    /// The English name of month `number` (1 to 12; "" for any other).
    pub fn english_name(number: u32) -> &'static str {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        (number as usize)
            .checked_sub(1)
            .and_then(|index| NAMES.get(index))
            .copied()
            .unwrap_or_default()
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's algorithms for converting between civil dates and day counts.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Day and month are small by construction; years beyond i32 are clamped.
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_text() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2024-12-31",
            "2026-11-28",
            "1969-07-20",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        for text in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-1-1",
            "soon",
            "",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn months_know_their_days_and_follow_each_other() {
        let cases = [
            ("2024-02", "2024-02-01", "2024-02-29", "2024-03"),
            ("2023-02", "2023-02-01", "2023-02-28", "2023-03"),
            ("2026-12", "2026-12-01", "2026-12-31", "2027-01"),
        ];
        for (month, first, last, next) in cases {
            let parsed = Month::parse(month).unwrap();
            assert_eq!(parsed.to_string(), month);
            assert_eq!(parsed.first_day().to_string(), first);
            assert_eq!(parsed.last_day().to_string(), last);
            assert_eq!(parsed.next().to_string(), next);
            assert_eq!(Month::of(parsed.last_day()), parsed);
        }
        for bad in ["2026-13", "2026-1", "26-01", "November"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_start_on_monday() {
        for (text, weekday) in [
            ("2026-11-30", 0),
            ("2026-11-28", 5),
            ("2026-11-29", 6),
            ("1970-01-01", 3),
        ] {
            assert_eq!(
                Date::parse(text).unwrap().weekday_from_monday(),
                weekday,
                "{text}"
            );
        }
    }

    #[test]
    fn a_timestamp_falls_on_its_utc_day() {
        assert_eq!(Timestamp(0).date().to_string(), "1970-01-01");
        assert_eq!(Timestamp(-1).date().to_string(), "1969-12-31");
        // 2026-11-28T17:00:00Z
        assert_eq!(
            Timestamp(1_795_885_200_000).date().to_string(),
            "2026-11-28"
        );
    }
}
