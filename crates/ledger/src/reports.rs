//! Figures for funders and councils, month by month: hours exchanged, number
//! of exchanges, active and new members, hours through the community fund, by
//! category, and the social-value estimate. A locked month keeps the figures
//! it had when it was locked, whatever merges later.

use std::collections::{BTreeMap, BTreeSet};

use crate::ids::{Account, ExchangeId, MemberId};
use crate::model::{Exchange, ExchangeKind, Member};
use crate::time::{Month, Timestamp};

/// The name under which exchanges without a category are counted.
pub const UNCATEGORISED: &str = "Uncategorised";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Minutes of help given (reversals subtract).
    pub minutes_exchanged: i64,
    /// Exchanges of help (reversals subtract).
    pub exchanges: i64,
    /// Members who gave or received help.
    pub active_members: u32,
    /// Members who joined.
    pub new_members: u32,
    /// Minutes into or out of the community fund (purchases, donations, group
    /// events; not opening balances brought over from another system).
    pub fund_minutes: i64,
    /// The help given, valued at the timebank's hourly value, in pence.
    pub social_value_pence: i64,
    pub by_category: BTreeMap<String, CategoryFigures>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CategoryFigures {
    pub minutes: i64,
    pub exchanges: i64,
}

/// One month of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthReport {
    pub month: Month,
    pub figures: Figures,
    /// Set when the month is locked: the figures are then the locked ones.
    pub lock: Option<PeriodLock>,
}

/// A locked month: its published figures and which exchanges they counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodLock {
    pub month: Month,
    pub locked_at: Timestamp,
    pub locked_by: MemberId,
    pub figures: Figures,
    /// Short forms (see [`short_id`]) of the exchanges the figures counted.
    pub included: BTreeSet<String>,
}

impl PeriodLock {
    pub fn included(&self, exchange: &ExchangeId) -> bool {
        self.included.contains(short_id(exchange))
    }

    /// A digest of everything the lock publishes (hex SHA-256 over a fixed
    /// layout): what a coordinator's device signs when it locks the month,
    /// once the trust is founded.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut text = |value: &str| {
            hasher.update((value.len() as u64).to_be_bytes());
            hasher.update(value.as_bytes());
        };
        let figures = &self.figures;
        text("tally/month-lock/1");
        text(&self.month.to_string());
        text(&self.locked_at.0.to_string());
        text(self.locked_by.as_str());
        for number in [
            figures.minutes_exchanged,
            figures.exchanges,
            i64::from(figures.active_members),
            i64::from(figures.new_members),
            figures.fund_minutes,
            figures.social_value_pence,
        ] {
            text(&number.to_string());
        }
        text(&figures.by_category.len().to_string());
        for (name, category) in &figures.by_category {
            text(name);
            text(&category.minutes.to_string());
            text(&category.exchanges.to_string());
        }
        text("included");
        for short in &self.included {
            text(short);
        }
        crate::trust::to_hex(&hasher.finalize())
    }
}

/// The first 16 hex digits of an exchange id: enough to tell the exchanges
/// of one timebank apart, at half the size.
pub fn short_id(id: &ExchangeId) -> &str {
    &id.as_str()[..16]
}

/// The figures of `month` from the counted exchanges, and the exchanges used.
pub fn compute<'a>(
    month: Month,
    counted: impl Iterator<Item = &'a Exchange>,
    members: impl Iterator<Item = &'a Member>,
    hourly_value_pence: u32,
) -> (Figures, BTreeSet<String>) {
    let mut figures = Figures::default();
    let mut included = BTreeSet::new();
    let mut active: BTreeSet<&MemberId> = BTreeSet::new();
    for exchange in counted.filter(|e| Month::of(e.service_date) == month) {
        included.insert(short_id(&exchange.id).to_string());
        let minutes = i64::from(exchange.minutes);
        let through_fund =
            exchange.payer == Account::CommunityFund || exchange.payee == Account::CommunityFund;
        if through_fund && exchange.kind != ExchangeKind::OpeningBalance {
            figures.fund_minutes += minutes;
        }
        if exchange.kind != ExchangeKind::Service {
            continue;
        }
        let sign = if exchange.reversal_of.is_some() {
            -1
        } else {
            1
        };
        figures.minutes_exchanged += sign * minutes;
        figures.exchanges += sign;
        let category = exchange.category.as_deref().unwrap_or(UNCATEGORISED);
        let entry = figures.by_category.entry(category.to_string()).or_default();
        entry.minutes += sign * minutes;
        entry.exchanges += sign;
        if sign > 0 {
            active.extend(exchange.payer.member());
            active.extend(exchange.payee.member());
        }
    }
    figures.active_members = u32::try_from(active.len()).unwrap_or(u32::MAX);
    figures.new_members = u32::try_from(
        members
            .filter(|member| Month::of(member.joined_on) == month)
            .count(),
    )
    .unwrap_or(u32::MAX);
    figures.social_value_pence = figures.minutes_exchanged * i64::from(hourly_value_pence) / 60;
    (figures, included)
}
