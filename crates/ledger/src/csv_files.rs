//! CSV files: exports of members, exchanges and statements, and the parsing
//! of imports. Column names follow what a coordinator migrating from another
//! timebank tool (or a spreadsheet) is likely to have; several spellings are
//! accepted for each.

use std::fmt;

use crate::ids::Account;
use crate::model::{Channel, ExchangeKind, MemberStatus, Role, Status};
use crate::schema::status_name;
use crate::time::{Date, Timestamp};
use crate::timebank::Timebank;

/// One row of an import that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// Why, in plain English (`reason` says it for translation).
    pub message: String,
    pub reason: RowReason,
}

impl RowProblem {
    pub(crate) fn new(line: u64, reason: RowReason) -> RowProblem {
        RowProblem {
            line,
            message: reason.to_string(),
            reason,
        }
    }
}

/// Why a row cannot be used, for a message in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowReason {
    #[error("{0}")]
    Refused(#[from] crate::error::LedgerError),
    #[error("\"{0}\" is not a member number (a whole number from 1).")]
    NotAMemberNumber(String),
    #[error("\"{0}\" is not a status: use active, applicant, away or left.")]
    NotAStatus(String),
    #[error("The joining date {0} is in the future.")]
    JoinedInFuture(String),
    #[error("\"{0}\" is not a date: write it as 2024-03-14 or 14/03/2024.")]
    NotADate(String),
    #[error("\"{0}\" is not a balance in hours: write it as 2.5, -1.25 or 1:30.")]
    NotABalance(String),
    #[error("The row has no hours or minutes.")]
    NoTime,
    #[error("\"{0}\" is not a number of hours (write 1.5 or 1:30).")]
    NotHours(String),
    #[error("\"{0}\" is not a whole number of minutes.")]
    NotMinutes(String),
    #[error("The time must be more than zero.")]
    NotPositive,
    #[error("There is no member number {0}.")]
    NoSuchNumber(u32),
    #[error("Member number {0} belongs to several members; renumber them first.")]
    NumberShared(u32),
    #[error("A member is missing.")]
    MemberMissing,
    #[error("There is no member called \"{0}\".")]
    NoSuchName(String),
    #[error("Several members are called \"{0}\"; use member numbers instead.")]
    NameShared(String),
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line {}: {}", self.line, self.message)
    }
}

/// Why an import was not applied. Nothing is applied unless every row is good.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("The file could not be read as CSV: {0}")]
    Unreadable(String),
    #[error("The file has no \"{0}\" column. The first line must name the columns.")]
    MissingColumn(&'static str),
    #[error("The file has no rows after the header line.")]
    Empty,
    #[error("Nothing was imported because {} row(s) need fixing:\n{}", .0.len(), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Rows(Vec<RowProblem>),
    #[error("{0}")]
    NotAllowed(#[from] crate::error::LedgerError),
}

/// A CSV file read into rows, with columns found by any of their names.
pub(crate) struct Table {
    headers: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    pub(crate) fn read(text: &str) -> Result<Table, ImportError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| ImportError::Unreadable(e.to_string()))?
            .iter()
            .map(normalise)
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| ImportError::Unreadable(e.to_string()))?;
            if record.iter().all(str::is_empty) {
                continue;
            }
            let line = record.position().map_or(0, csv::Position::line);
            rows.push((line, record.iter().map(String::from).collect()));
        }
        Ok(Table { headers, rows })
    }

    /// The index of the first column called any of `names`.
    pub(crate) fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.headers.iter().position(|h| h == &normalise(name)))
    }

    /// Fails when the file had a header line but no rows.
    pub(crate) fn require_rows(&self) -> Result<(), ImportError> {
        if self.rows.is_empty() {
            Err(ImportError::Empty)
        } else {
            Ok(())
        }
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = &(u64, Vec<String>)> {
        self.rows.iter()
    }
}

/// Lower case, with spaces, dashes and underscores made alike.
fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect()
}

/// The cell of `row` in `column`, empty if there is none.
pub(crate) fn cell(row: &[String], column: Option<usize>) -> &str {
    column.and_then(|c| row.get(c)).map_or("", String::as_str)
}

/// Reads a date as `YYYY-MM-DD` or `DD/MM/YYYY`.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text).or_else(|| {
        let mut parts = text.split('/');
        let day = parts.next()?.trim().parse().ok()?;
        let month = parts.next()?.trim().parse().ok()?;
        let year = parts.next()?.trim().parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Date::from_ymd(year, month, day)
    })
}

/// Reads hours as a decimal (`1.5`, `1,5`) or as hours and minutes (`1:30`),
/// into whole minutes; a leading minus sign is allowed.
pub fn parse_hours(text: &str) -> Option<i64> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest.trim()),
        None => (1, text),
    };
    if digits.is_empty() {
        return None;
    }
    let minutes = if let Some((hours, minutes)) = digits.split_once(':') {
        let minutes: i64 = minutes.parse().ok().filter(|m| (0..60).contains(m))?;
        hours.parse::<i64>().ok()?.checked_mul(60)? + minutes
    } else {
        let value: f64 = digits.replace(',', ".").parse().ok()?;
        if !value.is_finite() || !(0.0..=1_000_000.0).contains(&value) {
            return None;
        }
        let minutes = (value * 60.0).round();
        if (minutes - value * 60.0).abs() > 1e-6 {
            return None;
        }
        // In range by the check above.
        minutes as i64
    };
    Some(sign * minutes)
}

/// Minutes as decimal hours with two places, for spreadsheets.
pub fn hours_text(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    let hundredths = (minutes * 100 + 30) / 60;
    format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
}

fn write_rows(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only lose that row.
    let _ = writer.write_record(headers);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn account_number(timebank: &Timebank, account: &Account) -> String {
    match account {
        Account::CommunityFund => "fund".to_string(),
        Account::Member(id) => timebank
            .member(id)
            .map(|m| m.number.to_string())
            .unwrap_or_default(),
    }
}

fn account_name(timebank: &Timebank, account: &Account) -> String {
    match account {
        Account::CommunityFund => "Community fund".to_string(),
        Account::Member(id) => timebank
            .member(id)
            .map(|m| m.name.clone())
            .unwrap_or_default(),
    }
}

/// A status as a coordinator may write it in an import file (the names the
/// export writes, and common words from other tools).
pub(crate) fn status_from(text: &str) -> Option<MemberStatus> {
    Some(match text.trim().to_lowercase().as_str() {
        "" | "active" | "member" => MemberStatus::Active,
        "applicant" | "pending" | "new" => MemberStatus::Applicant,
        "away" | "inactive" | "paused" => MemberStatus::Away,
        "left" | "former" | "closed" => MemberStatus::Left,
        _ => return None,
    })
}

impl Timebank {
    /// Every member with their balance, by member number.
    pub fn members_csv(&self) -> String {
        let mut members: Vec<_> = self.members().collect();
        members.sort_by_key(|m| (m.number, m.id.clone()));
        let headers = [
            "number",
            "name",
            "status",
            "role",
            "joined",
            "phone",
            "email",
            "neighbourhood",
            "offers",
            "needs",
            "balance_hours",
        ];
        write_rows(
            &headers,
            members.into_iter().map(|m| {
                vec![
                    m.number.to_string(),
                    m.name.clone(),
                    status_name(m.status).to_string(),
                    match m.role {
                        Role::Member => "member",
                        Role::Coordinator => "coordinator",
                    }
                    .to_string(),
                    m.joined_on.to_string(),
                    m.profile.phone.clone(),
                    m.profile.email.clone(),
                    m.profile.neighbourhood.clone(),
                    m.profile.offers.clone(),
                    m.profile.needs.clone(),
                    hours_text(self.balance(&Account::Member(m.id.clone()))),
                ]
            }),
        )
    }

    /// Every exchange, by date, with its status on `now`.
    pub fn exchanges_csv(&self, now: Timestamp) -> String {
        let mut exchanges: Vec<_> = self.exchanges().collect();
        exchanges.sort_by(|a, b| {
            (a.service_date, a.recorded_at, &a.id).cmp(&(b.service_date, b.recorded_at, &b.id))
        });
        let headers = [
            "id",
            "date",
            "received_by_number",
            "received_by",
            "given_by_number",
            "given_by",
            "hours",
            "minutes",
            "description",
            "category",
            "kind",
            "channel",
            "slip",
            "status",
            "counts",
            "recorded",
            "reversal_of",
        ];
        write_rows(
            &headers,
            exchanges.into_iter().map(|e| {
                let (channel, slip) = match &e.channel {
                    Channel::App => ("app", ""),
                    Channel::Coordinator => ("coordinator", ""),
                    Channel::TradingDayTally => ("trading day tally", ""),
                    Channel::PaperSlip { number } => ("paper slip", number.as_str()),
                    Channel::Import => ("import", ""),
                    Channel::QrHandOff => ("QR hand-off", ""),
                };
                vec![
                    e.id.to_string(),
                    e.service_date.to_string(),
                    account_number(self, &e.payer),
                    account_name(self, &e.payer),
                    account_number(self, &e.payee),
                    account_name(self, &e.payee),
                    hours_text(i64::from(e.minutes)),
                    e.minutes.to_string(),
                    e.description.clone(),
                    e.category.clone().unwrap_or_default(),
                    match e.kind {
                        ExchangeKind::Service => "service",
                        ExchangeKind::TokenPurchase { .. } => "hours bought",
                        ExchangeKind::Donation => "donation",
                        ExchangeKind::OpeningBalance => "opening balance",
                    }
                    .to_string(),
                    channel.to_string(),
                    slip.to_string(),
                    match e.status(self.settings(), now) {
                        Status::Pending => "pending",
                        Status::Confirmed => "confirmed",
                        Status::Rejected => "rejected",
                        Status::Withdrawn => "withdrawn",
                    }
                    .to_string(),
                    if self.counts(&e.id) { "yes" } else { "no" }.to_string(),
                    e.recorded_at.date().to_string(),
                    e.reversal_of
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ]
            }),
        )
    }

    /// A member's statement with a running balance.
    pub fn statement_csv(&self, member: &crate::ids::MemberId) -> String {
        let headers = ["date", "with", "description", "hours", "balance_hours"];
        write_rows(
            &headers,
            self.statement(member).into_iter().map(|line| {
                vec![
                    line.service_date.to_string(),
                    account_name(self, &line.other_party),
                    line.description,
                    hours_text(line.change_minutes),
                    hours_text(line.balance_minutes),
                ]
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_as_decimals_or_hours_and_minutes() {
        let cases = [
            ("1", Some(60)),
            ("1.5", Some(90)),
            ("1,25", Some(75)),
            ("0:45", Some(45)),
            ("2:05", Some(125)),
            ("-3.5", Some(-210)),
            ("0.333", None),
            ("1:75", None),
            ("two", None),
            ("", None),
            ("NaN", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_hours(text), expected, "{text:?}");
        }
    }

    #[test]
    fn hours_are_written_with_two_decimals() {
        for (minutes, text) in [(0, "0.00"), (90, "1.50"), (-45, "-0.75"), (20, "0.33")] {
            assert_eq!(hours_text(minutes), text);
        }
    }

    #[test]
    fn dates_are_read_in_either_common_form() {
        assert_eq!(parse_date("2026-03-14"), Date::from_ymd(2026, 3, 14));
        assert_eq!(parse_date("14/03/2026"), Date::from_ymd(2026, 3, 14));
        assert_eq!(parse_date("31/02/2026"), None);
        assert_eq!(parse_date("March"), None);
    }
}
