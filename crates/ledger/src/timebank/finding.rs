//! Finding exchanges: every exchange of the timebank, narrowed down by who
//! took part, when, what kind of help, where it stands, how it reached the
//! ledger, its paper slip and its description. A coordinator finds any
//! exchange this way to check or correct it.

use super::Timebank;
use crate::ids::Account;
use crate::model::{Channel, Exchange, Status};
use crate::time::{Date, Timestamp};

/// Where an exchange stands, as a list of exchanges shows it: its status,
/// except that one put right by a counted reversal is `Reversed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    Pending,
    Confirmed,
    Rejected,
    Withdrawn,
    Reversed,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::Pending,
        Standing::Confirmed,
        Standing::Rejected,
        Standing::Withdrawn,
        Standing::Reversed,
    ];

    /// How it is written in a page's address.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Pending => "pending",
            Standing::Confirmed => "confirmed",
            Standing::Rejected => "rejected",
            Standing::Withdrawn => "withdrawn",
            Standing::Reversed => "reversed",
        }
    }

    pub fn from_code(code: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How an exchange reached the ledger, without a slip's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    App,
    Coordinator,
    TradingDayTally,
    PaperSlip,
    Import,
    QrHandOff,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 6] = [
        ChannelKind::App,
        ChannelKind::Coordinator,
        ChannelKind::TradingDayTally,
        ChannelKind::PaperSlip,
        ChannelKind::Import,
        ChannelKind::QrHandOff,
    ];

    /// How it is written in a page's address.
    pub fn code(self) -> &'static str {
        match self {
            ChannelKind::App => "app",
            ChannelKind::Coordinator => "coordinator",
            ChannelKind::TradingDayTally => "tally",
            ChannelKind::PaperSlip => "slip",
            ChannelKind::Import => "import",
            ChannelKind::QrHandOff => "qr",
        }
    }

    pub fn from_code(code: &str) -> Option<ChannelKind> {
        ChannelKind::ALL.into_iter().find(|c| c.code() == code)
    }
}

impl Channel {
    pub fn kind(&self) -> ChannelKind {
        match self {
            Channel::App => ChannelKind::App,
            Channel::Coordinator => ChannelKind::Coordinator,
            Channel::TradingDayTally => ChannelKind::TradingDayTally,
            Channel::PaperSlip { .. } => ChannelKind::PaperSlip,
            Channel::Import => ChannelKind::Import,
            Channel::QrHandOff => ChannelKind::QrHandOff,
        }
    }
}

/// Which category an exchange must have.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CategoryChoice {
    Named(String),
    /// Recorded without a category.
    None,
}

/// What to look for among exchanges. Each part left empty (`None`, or an
/// empty text) lets every exchange through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExchangeQuery {
    /// Gave or received the help.
    pub account: Option<Account>,
    /// The day it happened, from and to (both included).
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub category: Option<CategoryChoice>,
    pub standing: Option<Standing>,
    pub channel: Option<ChannelKind>,
    /// The paper slip's number, as written on it (case and spaces around
    /// it aside).
    pub slip: Option<String>,
    /// Words in its description (case aside).
    pub text: String,
}

impl ExchangeQuery {
    /// Whether every part is empty: the query finds every exchange.
    pub fn is_empty(&self) -> bool {
        *self == ExchangeQuery::default()
    }
}

impl Timebank {
    /// Where exchange `exchange` stands (see [`Standing`]).
    pub fn standing(&self, exchange: &Exchange, now: Timestamp) -> Standing {
        if self.is_reversed(&exchange.id) {
            return Standing::Reversed;
        }
        match exchange.status(self.settings(), now) {
            Status::Pending => Standing::Pending,
            Status::Confirmed => Standing::Confirmed,
            Status::Rejected => Standing::Rejected,
            Status::Withdrawn => Standing::Withdrawn,
        }
    }

    /// The exchanges `query` finds, newest first (by the day it happened,
    /// then when it was recorded): those that do not count too, so a
    /// coordinator finds a rejected or withdrawn one as well.
    pub fn find_exchanges(&self, query: &ExchangeQuery, now: Timestamp) -> Vec<&Exchange> {
        let mut found = self.found(query, now);
        found.sort_unstable_by(newest_first);
        found
    }

    /// One page of what [`Timebank::find_exchanges`] finds: how many it
    /// finds in all, and `count` of them from position `first` (0 for the
    /// newest), in the same order. Only that page and those before it are
    /// put in order, so the first pages of a long list come quickly.
    pub fn find_exchanges_page(
        &self,
        query: &ExchangeQuery,
        now: Timestamp,
        first: usize,
        count: usize,
    ) -> (usize, Vec<&Exchange>) {
        let mut found = self.found(query, now);
        let total = found.len();
        let end = first.saturating_add(count).min(total);
        if end < total {
            found.select_nth_unstable_by(end, newest_first);
            found.truncate(end);
        }
        found.sort_unstable_by(newest_first);
        let page = found.split_off(first.min(end));
        (total, page)
    }

    /// What `query` finds, in no order.
    fn found(&self, query: &ExchangeQuery, now: Timestamp) -> Vec<&Exchange> {
        let slip = query.slip.as_deref().map(|s| s.trim().to_lowercase());
        let words = query.text.trim().to_lowercase();
        let candidates: Box<dyn Iterator<Item = &Exchange>> = match &query.account {
            Some(account) => Box::new(self.exchanges.of_account(account)),
            None => Box::new(self.exchanges.values()),
        };
        candidates
            .filter(|e| query.from.is_none_or(|from| e.service_date >= from))
            .filter(|e| query.to.is_none_or(|to| e.service_date <= to))
            .filter(|e| query.channel.is_none_or(|c| e.channel.kind() == c))
            .filter(|e| {
                slip.as_deref().is_none_or(|slip| {
                    e.slip_number()
                        .is_some_and(|n| n.trim().to_lowercase() == slip)
                })
            })
            .filter(|e| match &query.category {
                None => true,
                Some(CategoryChoice::None) => e.category.is_none(),
                Some(CategoryChoice::Named(name)) => e.category.as_deref() == Some(name),
            })
            .filter(|e| words.is_empty() || e.description.to_lowercase().contains(&words))
            .filter(|e| query.standing.is_none_or(|s| self.standing(e, now) == s))
            .collect()
    }

    /// The other exchanges recorded together with `exchange` (one group
    /// exchange), in the order they were recorded.
    pub fn group_of(&self, exchange: &Exchange) -> Vec<&Exchange> {
        let Some(group) = &exchange.group else {
            return Vec::new();
        };
        let mut others: Vec<&Exchange> = self
            .exchanges
            .values()
            .filter(|e| e.group.as_ref() == Some(group) && e.id != exchange.id)
            .collect();
        others.sort_by(|a, b| (a.recorded_at, &a.id).cmp(&(b.recorded_at, &b.id)));
        others
    }

    /// The reversals of exchange `id`, earliest first (one, unless two
    /// coordinators reversed it at once on different devices), from the
    /// balances' index of reversals.
    pub fn reversals_of(&self, id: &crate::ids::ExchangeId) -> Vec<&Exchange> {
        self.balances
            .reversals_of(id)
            .iter()
            .filter_map(|reversal| self.exchanges.get(reversal))
            .collect()
    }
}

/// Newest first: by the day it happened, then when it was recorded (its id
/// settles a tie, so every device lists the same order).
fn newest_first(a: &&Exchange, b: &&Exchange) -> std::cmp::Ordering {
    (b.service_date, b.recorded_at, &b.id).cmp(&(a.service_date, a.recorded_at, &a.id))
}
