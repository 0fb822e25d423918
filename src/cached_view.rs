//! A small view of the open timebank kept beside it in storage, so the home
//! screen paints at once on opening, before the whole document is read:
//! the timebank's name, my balance and my recent exchanges, tagged with the
//! document heads they were derived from.
//!
//! It is only ever shown, never trusted for writes: pages that change
//! anything wait for the document, and once it is loaded the home screen is
//! drawn again from the ledger.

use ledger::{Account, MemberId, Status, Timebank, Timestamp};
use serde::{Deserialize, Serialize};

/// How many of my exchanges the home screen lists.
const RECENT: usize = 5;

/// My latest exchanges, newest first, as the home screen lists them (from
/// the document, or kept in the view): those that do not count as well,
/// marked, so that none of mine silently disappears.
pub fn recent_lines(
    timebank: &Timebank,
    me: &MemberId,
    now: Timestamp,
    language: crate::i18n::Language,
) -> Vec<CachedLine> {
    let mine = Account::Member(me.clone());
    timebank
        .latest_of(me, RECENT)
        .into_iter()
        .map(|exchange| {
            let (minutes, other) = if exchange.payee == mine {
                (i64::from(exchange.minutes), &exchange.payer)
            } else {
                (-i64::from(exchange.minutes), &exchange.payee)
            };
            let mark = match timebank.status(&exchange.id, now) {
                Some(Status::Withdrawn) => Mark::Withdrawn,
                Some(Status::Rejected) => Mark::Rejected,
                _ if !timebank.counts(&exchange.id) => Mark::NotCounted,
                Some(Status::Pending) if exchange.confirmer.as_ref() == Some(me) => {
                    Mark::WaitsForYou
                }
                Some(Status::Pending) => Mark::WaitsForOther,
                _ => Mark::Counts,
            };
            CachedLine {
                date: exchange.service_date.to_string(),
                other: match other {
                    Account::Member(id) => Some(
                        timebank
                            .member(id)
                            .map(|m| m.name.clone())
                            .unwrap_or_default(),
                    ),
                    Account::CommunityFund => None,
                },
                minutes,
                description: crate::words::exchange_words(
                    exchange,
                    language,
                    timebank.info().currency,
                ),
                exchange: exchange.id.to_string(),
                mark,
                reversal: exchange.reversal_of.is_some(),
            }
        })
        .collect()
}

/// Where one of my exchanges stands, as the home screen marks it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    #[default]
    Counts,
    WaitsForYou,
    WaitsForOther,
    Rejected,
    Withdrawn,
    /// Not taken as written (see the exchange's page).
    NotCounted,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedView {
    /// The document heads (hex) this view was derived from.
    pub heads: Vec<String>,
    pub name: String,
    /// What the timebank calls an hour, and one (see `ledger::Unit::named`).
    #[serde(default)]
    pub unit_label: String,
    #[serde(default)]
    pub unit_label_one: String,
    pub my_balance: Option<i64>,
    pub recent: Vec<CachedLine>,
    /// The members directory, by name; balances only where this person may
    /// see them (the timebank's setting, or a coordinator). Kept apart from
    /// the rest, with the documents ([`crate::storage::keep_directory`]):
    /// at 2,000 members it is a hundred kilobytes, and everything kept in
    /// localStorage is read in full before the first paint. (An earlier
    /// release's view that holds it is still read.)
    #[serde(default, skip_serializing)]
    pub members: Vec<CachedMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedMember {
    pub name: String,
    pub number: u32,
    pub balance: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedLine {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The other member's name; `None` for the community fund.
    pub other: Option<String>,
    pub minutes: i64,
    pub description: String,
    /// The exchange's id (empty in an earlier release's view).
    #[serde(default)]
    pub exchange: String,
    #[serde(default)]
    pub mark: Mark,
    #[serde(default)]
    pub reversal: bool,
}

impl CachedView {
    /// The view, its words in `language` (the device's).
    pub fn derive(
        timebank: &mut Timebank,
        me: Option<&MemberId>,
        now: Timestamp,
        language: crate::i18n::Language,
    ) -> CachedView {
        let heads = timebank.heads().iter().map(|h| h.to_string()).collect();
        let my_balance = me.map(|me| timebank.balance(&Account::Member(me.clone())));
        let recent = me
            .map(|me| recent_lines(timebank, me, now, language))
            .unwrap_or_default();
        let show_balances = timebank.shows_balances_to(me);
        let mut members: Vec<CachedMember> = timebank
            .members()
            .map(|member| CachedMember {
                name: member.name.clone(),
                number: member.number,
                balance: show_balances
                    .then(|| timebank.balance(&Account::Member(member.id.clone()))),
            })
            .collect();
        members.sort_by_cached_key(|member| member.name.to_lowercase());
        CachedView {
            heads,
            name: timebank.info().name.clone(),
            unit_label: timebank.info().unit_label.clone(),
            unit_label_one: timebank.info().unit_label_one.clone(),
            my_balance,
            recent,
            members,
        }
    }
}
