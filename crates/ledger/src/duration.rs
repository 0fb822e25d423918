//! How long, as people say and write it: "1.5", "1,5", "1:30", "90 min",
//! "1 h 30", "1h30", "2 hours", "1 hour and 30 minutes", "1 heure 30",
//! "1½". A number without a unit is hours (as on a paper slip); minutes
//! must come out whole, and an exchange lasts from a minute to a day.

use crate::model::MAX_EXCHANGE_MINUTES;

/// Why a written duration was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationProblem {
    /// Nothing written.
    Empty,
    /// Not a way of writing how long that this reads.
    NotUnderstood,
    /// No time at all.
    Zero,
    /// More than a day. `as_minutes`: the same number read as minutes,
    /// when it was written without a unit and that would fit (a slip
    /// reading "90" meant 90 minutes, not 90 hours).
    MoreThanADay {
        minutes: u64,
        as_minutes: Option<u32>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Hours,
    Minutes,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Number(f64),
    /// Hours and minutes written `h:mm`.
    Clock(u64, u64),
    Unit(Unit),
}

fn unit(word: &str) -> Option<Option<Unit>> {
    Some(match word {
        "h" | "hr" | "hrs" | "hour" | "hours" | "heure" | "heures" => Some(Unit::Hours),
        "m" | "mn" | "min" | "mins" | "minute" | "minutes" => Some(Unit::Minutes),
        // "1 hour and 30 minutes", "1 heure et 30 minutes".
        "and" | "et" => None,
        _ => return None,
    })
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let text = text.trim().to_lowercase().replace('½', ".5");
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c == '&' {
            chars.next();
        } else if c.is_ascii_digit() || c == '.' || c == ',' {
            let mut number = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || matches!(c, '.' | ',' | ':') {
                    number.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            found.push(number_token(&number)?);
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_alphabetic() || c == '.' {
                    word.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(unit) = unit(word.trim_end_matches('.'))? {
                found.push(Token::Unit(unit));
            }
        } else {
            return None;
        }
    }
    Some(found)
}

fn number_token(text: &str) -> Option<Token> {
    if let Some((hours, minutes)) = text.split_once(':') {
        let whole = |part: &str| {
            (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u64>().ok())
                .flatten()
        };
        let (hours, minutes) = (whole(hours)?, whole(minutes)?);
        return (minutes < 60 && text.len() - text.find(':')? == 3)
            .then_some(Token::Clock(hours, minutes));
    }
    let text = text.replace(',', ".");
    if text.matches('.').count() > 1 || text == "." {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(Token::Number(value))
}

/// Whole minutes in `value` of `unit`, if it comes out whole.
fn whole_minutes(value: f64, unit: Unit) -> Option<u64> {
    let minutes = match unit {
        Unit::Hours => value * 60.0,
        Unit::Minutes => value,
    };
    let rounded = minutes.round();
    if rounded > 1e12 {
        // Far more than a day, whatever its fraction.
        return Some(u64::MAX);
    }
    ((minutes - rounded).abs() < 1e-6 && rounded >= 0.0).then_some(rounded as u64)
}

/// Reads how long `text` says, in whole minutes (see the module's text).
pub fn parse_duration(text: &str) -> Result<u32, DurationProblem> {
    if text.trim().is_empty() {
        return Err(DurationProblem::Empty);
    }
    let tokens = tokens(text).ok_or(DurationProblem::NotUnderstood)?;
    let mut bare = None;
    let minutes = match tokens.as_slice() {
        [Token::Clock(hours, minutes)] => hours.checked_mul(60).map(|h| h + minutes),
        [Token::Number(value)] => {
            bare = Some(*value);
            whole_minutes(*value, Unit::Hours)
        }
        [Token::Number(value), Token::Unit(unit)] => whole_minutes(*value, *unit),
        [
            Token::Number(hours),
            Token::Unit(Unit::Hours),
            Token::Number(minutes),
        ]
        | [
            Token::Number(hours),
            Token::Unit(Unit::Hours),
            Token::Number(minutes),
            Token::Unit(Unit::Minutes),
        ] if hours.fract() == 0.0 && *minutes < 60.0 => whole_minutes(*hours, Unit::Hours)
            .zip(whole_minutes(*minutes, Unit::Minutes))
            .map(|(h, m)| h + m),
        _ => None,
    }
    .ok_or(DurationProblem::NotUnderstood)?;
    if minutes == 0 {
        return Err(DurationProblem::Zero);
    }
    if minutes > u64::from(MAX_EXCHANGE_MINUTES) {
        let as_minutes = bare
            .and_then(|value| whole_minutes(value, Unit::Minutes))
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| (1..=MAX_EXCHANGE_MINUTES).contains(m));
        return Err(DurationProblem::MoreThanADay {
            minutes,
            as_minutes,
        });
    }
    // At most a day, by the check above.
    Ok(minutes as u32)
}

/// How long, written back the way [`parse_duration`] reads it: "1 h 30
/// min", "2 h", "45 min".
/// A balance as [`duration_text`] writes it, with its sign: "-1 h 30 min".
pub fn signed_duration_text(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = u32::try_from(minutes.unsigned_abs()).unwrap_or(u32::MAX);
    format!("{sign}{}", duration_text(minutes))
}

pub fn duration_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_read_as_people_write_them() {
        let read = [
            ("1.5", 90),
            ("1,5", 90),
            (" 1:30 ", 90),
            ("0:45", 45),
            ("90 min", 90),
            ("90min", 90),
            ("90 minutes", 90),
            ("90 mn", 90),
            ("1 h 30", 90),
            ("1h30", 90),
            ("1 h 30 min", 90),
            ("1H30", 90),
            ("1 hour 30 minutes", 90),
            ("1 hour and 30 minutes", 90),
            ("1 heure et 30 minutes", 90),
            ("1 heure 30", 90),
            ("2 hours", 120),
            ("2 hrs", 120),
            ("2h", 120),
            ("1½", 90),
            ("½ h", 30),
            (".5", 30),
            ("0.25", 15),
            ("24", 1440),
            ("1", 60),
            ("1 min", 1),
            ("45 min.", 45),
        ];
        for (text, minutes) in read {
            assert_eq!(parse_duration(text), Ok(minutes), "{text:?}");
        }
    }

    #[test]
    fn what_is_not_a_duration_says_why() {
        use DurationProblem::*;
        let refused = [
            ("", Empty),
            ("   ", Empty),
            ("soon", NotUnderstood),
            ("1.5.5", NotUnderstood),
            ("-1", NotUnderstood),
            ("1:3", NotUnderstood),
            ("1:75", NotUnderstood),
            ("1:30:00", NotUnderstood),
            ("1.01", NotUnderstood),
            ("0.5 min", NotUnderstood),
            ("1 h 75", NotUnderstood),
            ("1.5 h 30", NotUnderstood),
            ("30 min 1 h", NotUnderstood),
            ("1 2", NotUnderstood),
            ("h", NotUnderstood),
            ("1 day", NotUnderstood),
            ("0", Zero),
            ("0:00", Zero),
            ("0 min", Zero),
            (
                "90",
                MoreThanADay {
                    minutes: 5400,
                    as_minutes: Some(90),
                },
            ),
            (
                "25 hours",
                MoreThanADay {
                    minutes: 1500,
                    as_minutes: None,
                },
            ),
            (
                "2000",
                MoreThanADay {
                    minutes: 120_000,
                    as_minutes: None,
                },
            ),
            (
                "99999999999999999999",
                MoreThanADay {
                    minutes: 0,
                    as_minutes: None,
                },
            ),
        ];
        for (text, problem) in refused {
            match (parse_duration(text), problem) {
                // (Too large to count in minutes: only that it is more.)
                (Err(MoreThanADay { as_minutes, .. }), MoreThanADay { minutes: 0, .. }) => {
                    assert_eq!(as_minutes, None, "{text:?}");
                }
                (found, _) => assert_eq!(found, Err(problem), "{text:?}"),
            }
        }
    }

    /// What is written back reads as the same duration, for every duration
    /// an exchange can have.
    #[test]
    fn written_back_it_reads_the_same() {
        for minutes in 1..=MAX_EXCHANGE_MINUTES {
            assert_eq!(parse_duration(&duration_text(minutes)), Ok(minutes));
        }
    }
}
