//! Listings (what members offer and need) and events (trading days, socials,
//! group activities, meetings) as plain values.

use std::collections::{BTreeMap, BTreeSet};

use crate::ids::{EventId, ExchangeId, GroupId, ListingId, MemberId};
use crate::time::{Date, Timestamp};

/// The longest a listing stays up before it must be renewed, in days.
pub const MAX_LISTING_DAYS: u32 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListingKind {
    /// Help a member can give.
    Offer,
    /// Help a member would like.
    Request,
    /// A thing a member can lend.
    Lend,
    /// A thing a member is giving away.
    GiveAway,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub id: ListingId,
    pub kind: ListingKind,
    pub member: MemberId,
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub created_at: Timestamp,
    /// The last day the listing shows.
    pub expires_on: Date,
    pub withdrawn: bool,
    /// The exchanges recorded for it (see `Timebank::record_for_listing`).
    pub exchanges: BTreeSet<ExchangeId>,
}

impl Listing {
    /// Whether the listing shows on the board on `today`.
    pub fn is_open(&self, today: Date) -> bool {
        !self.withdrawn && self.expires_on >= today
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    TradingDay,
    Social,
    GroupActivity,
    Meeting,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub organiser: MemberId,
    pub cancelled: bool,
    /// Each member's latest answer: coming (true) or not (false).
    pub attendance: BTreeMap<MemberId, bool>,
    /// The group exchanges recorded for it, from who came (see
    /// `Timebank::record_event_exchange`).
    pub exchanges: BTreeSet<GroupId>,
}

impl Event {
    /// The members who said they are coming, ordered by id.
    pub fn coming(&self) -> impl Iterator<Item = &MemberId> {
        self.attendance
            .iter()
            .filter(|(_, coming)| **coming)
            .map(|(member, _)| member)
    }
}
