//! A small view of the open timebank kept beside it in storage, so the home
//! screen paints at once on opening, before the whole document is read:
//! the timebank's name, my balance and my recent exchanges, tagged with the
//! document heads they were derived from.
//!
//! It is only ever shown, never trusted for writes: pages that change
//! anything wait for the document, and once it is loaded the home screen is
//! drawn again from the ledger.

use ledger::{Account, MemberId, Timebank};
use serde::{Deserialize, Serialize};

/// How many of my exchanges the home screen lists.
const RECENT: usize = 5;

/// My latest exchanges, newest first, as the home screen lists them (from
/// the document, or kept in the view).
pub fn recent_lines(timebank: &Timebank, me: &MemberId) -> Vec<ledger::StatementLine> {
    let mut lines = timebank.statement(me);
    lines.reverse();
    lines.truncate(RECENT);
    lines
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedView {
    /// The document heads (hex) this view was derived from.
    pub heads: Vec<String>,
    pub name: String,
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
}

impl CachedView {
    pub fn derive(timebank: &mut Timebank, me: Option<&MemberId>) -> CachedView {
        let heads = timebank.heads().iter().map(|h| h.to_string()).collect();
        let my_balance = me.map(|me| timebank.balance(&Account::Member(me.clone())));
        let recent = me
            .map(|me| {
                recent_lines(timebank, me)
                    .into_iter()
                    .map(|line| CachedLine {
                        date: line.service_date.to_string(),
                        other: match &line.other_party {
                            Account::Member(id) => Some(
                                timebank
                                    .member(id)
                                    .map(|m| m.name.clone())
                                    .unwrap_or_default(),
                            ),
                            Account::CommunityFund => None,
                        },
                        minutes: line.change_minutes,
                        description: line.description,
                    })
                    .collect()
            })
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
        members.sort_by_key(|member| member.name.to_lowercase());
        CachedView {
            heads,
            name: timebank.info().name.clone(),
            my_balance,
            recent,
            members,
        }
    }
}
