//! Posting and keeping listings; planning events and saying who is coming.

use crate::board::{Event, EventKind, Listing, ListingKind, MAX_LISTING_DAYS};
use crate::error::LedgerError;
use crate::ids::{EventId, ListingId, MemberId};
use crate::model::{MAX_DESCRIPTION_CHARS, MemberStatus};
use crate::schema;
use crate::time::{Date, Timestamp};

use super::{Timebank, check_text, checked_name};

/// A listing as entered.
#[derive(Debug, Clone)]
pub struct NewListing {
    pub kind: ListingKind,
    /// Whose listing it is (a coordinator may post for a member).
    pub member: MemberId,
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    /// The last day it shows.
    pub expires_on: Date,
}

/// A member whose profile says they offer (or need) what a search names:
/// the offers board shows them beside the posted listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileMatch<'a> {
    pub member: &'a crate::model::Member,
    /// Offer when found in what they offer, Request in what they need.
    pub kind: ListingKind,
    /// What their profile says, whole.
    pub text: &'a str,
}

/// An event as entered (also used to edit one).
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub place: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
}

impl Timebank {
    pub fn listings(&self) -> impl Iterator<Item = &Listing> {
        self.listings.values()
    }

    pub fn listing(&self, id: &ListingId) -> Option<&Listing> {
        self.listings.get(id)
    }

    /// Open listings of active members (those away or who left do not
    /// show) matching a search (case-insensitive, in the title,
    /// description and member's name), newest first.
    pub fn search_listings(
        &self,
        today: Date,
        text: &str,
        kind: Option<ListingKind>,
        category: Option<&str>,
    ) -> Vec<&Listing> {
        let needle = text.trim().to_lowercase();
        let mut found: Vec<&Listing> = self
            .listings
            .values()
            .filter(|l| l.is_open(today))
            .filter(|l| {
                self.member(&l.member)
                    .is_some_and(|m| m.status == MemberStatus::Active)
            })
            .filter(|l| kind.is_none_or(|k| l.kind == k))
            .filter(|l| category.is_none_or(|c| l.category.as_deref() == Some(c)))
            .filter(|l| {
                needle.is_empty()
                    || l.title.to_lowercase().contains(&needle)
                    || l.description.to_lowercase().contains(&needle)
                    || self
                        .member(&l.member)
                        .is_some_and(|m| m.name.to_lowercase().contains(&needle))
            })
            .collect();
        found.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
        found
    }

    /// Active members whose profile offers (or, for requests, needs) what
    /// `text` names (case-insensitive), by name; nobody for an empty search.
    pub fn search_profiles(&self, text: &str, kind: Option<ListingKind>) -> Vec<ProfileMatch<'_>> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<ProfileMatch> = self
            .members()
            .filter(|m| m.status == MemberStatus::Active)
            .flat_map(|member| {
                [
                    (ListingKind::Offer, member.profile.offers.as_str()),
                    (ListingKind::Request, member.profile.needs.as_str()),
                ]
                .into_iter()
                .filter(|(found, text)| {
                    kind.is_none_or(|k| k == *found) && text.to_lowercase().contains(&needle)
                })
                .map(move |(kind, text)| ProfileMatch { member, kind, text })
            })
            .collect();
        found.sort_by(|a, b| {
            (
                a.member.name.to_lowercase(),
                &a.member.id,
                a.kind == ListingKind::Request,
            )
                .cmp(&(
                    b.member.name.to_lowercase(),
                    &b.member.id,
                    b.kind == ListingKind::Request,
                ))
        });
        found
    }

    pub fn post_listing(
        &mut self,
        by: &MemberId,
        new: NewListing,
        now: Timestamp,
    ) -> Result<ListingId, LedgerError> {
        self.require_self_or_coordinator(by, &new.member)?;
        let owner = self.member(&new.member).ok_or(LedgerError::UnknownMember)?;
        if owner.status != MemberStatus::Active {
            return Err(LedgerError::MemberNotActive {
                name: owner.name.clone(),
                status: super::status_words(owner.status),
            });
        }
        let listing = Listing {
            id: ListingId::random(self.entropy.as_mut()),
            kind: new.kind,
            member: new.member,
            title: checked_title(&new.title)?,
            description: checked_description(&new.description)?,
            category: self.checked_category(new.category)?,
            created_at: now,
            expires_on: checked_expiry(new.expires_on, now)?,
            withdrawn: false,
            exchanges: Default::default(),
        };
        self.write(now, "post listing", |doc| {
            schema::write_listing(doc, &listing)
        })?;
        let id = listing.id.clone();
        self.listings.insert(id.clone(), listing);
        Ok(id)
    }

    pub fn edit_listing(
        &mut self,
        by: &MemberId,
        id: &ListingId,
        title: &str,
        description: &str,
        category: Option<String>,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let title = checked_title(title)?;
        let description = checked_description(description)?;
        let category = self.checked_category(category)?;
        self.change_listing(by, id, now, "edit listing", |l| {
            l.title = title;
            l.description = description;
            l.category = category;
        })
    }

    /// Puts a listing up again (also one that expired or was withdrawn).
    pub fn renew_listing(
        &mut self,
        by: &MemberId,
        id: &ListingId,
        expires_on: Date,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let expires_on = checked_expiry(expires_on, now)?;
        self.change_listing(by, id, now, "renew listing", |l| {
            l.expires_on = expires_on;
            l.withdrawn = false;
        })
    }

    pub fn withdraw_listing(
        &mut self,
        by: &MemberId,
        id: &ListingId,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.change_listing(by, id, now, "withdraw listing", |l| l.withdrawn = true)
    }

    fn change_listing(
        &mut self,
        by: &MemberId,
        id: &ListingId,
        now: Timestamp,
        message: &str,
        edit: impl FnOnce(&mut Listing),
    ) -> Result<(), LedgerError> {
        let mut listing = self
            .listings
            .get(id)
            .ok_or(LedgerError::UnknownListing)?
            .clone();
        if &listing.member != by && !self.is_coordinator(by) {
            return Err(LedgerError::NotTheOwner);
        }
        edit(&mut listing);
        self.write(now, message, |doc| schema::write_listing(doc, &listing))?;
        self.listings.insert(id.clone(), listing);
        Ok(())
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.values()
    }

    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.get(id)
    }

    /// Events not yet over and not cancelled, soonest first.
    pub fn upcoming_events(&self, now: Timestamp) -> Vec<&Event> {
        let mut upcoming: Vec<&Event> = self
            .events
            .values()
            .filter(|e| !e.cancelled && e.ends_at >= now)
            .collect();
        upcoming.sort_by(|a, b| (a.starts_at, &a.id).cmp(&(b.starts_at, &b.id)));
        upcoming
    }

    /// Any active member may plan a social or group activity; trading days
    /// and meetings are planned by coordinators.
    pub fn plan_event(
        &mut self,
        by: &MemberId,
        new: NewEvent,
        now: Timestamp,
    ) -> Result<EventId, LedgerError> {
        self.require_event_planner(by, new.kind)?;
        let new = checked_event(new)?;
        let event = Event {
            id: EventId::random(self.entropy.as_mut()),
            kind: new.kind,
            title: new.title,
            description: new.description,
            place: new.place,
            starts_at: new.starts_at,
            ends_at: new.ends_at,
            organiser: by.clone(),
            cancelled: false,
            attendance: Default::default(),
            exchanges: Default::default(),
        };
        self.write(now, "plan event", |doc| schema::write_event(doc, &event))?;
        let id = event.id.clone();
        self.events.insert(id.clone(), event);
        Ok(id)
    }

    pub fn update_event(
        &mut self,
        by: &MemberId,
        id: &EventId,
        edit: NewEvent,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_event_planner(by, edit.kind)?;
        let checked = checked_event(edit)?;
        self.change_event(by, id, now, "update event", |event| {
            event.kind = checked.kind;
            event.title = checked.title;
            event.description = checked.description;
            event.place = checked.place;
            event.starts_at = checked.starts_at;
            event.ends_at = checked.ends_at;
        })
    }

    pub fn cancel_event(
        &mut self,
        by: &MemberId,
        id: &EventId,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.change_event(by, id, now, "cancel event", |event| event.cancelled = true)
    }

    /// Says whether `member` is coming; members answer for themselves, a
    /// coordinator for anyone.
    pub fn set_attendance(
        &mut self,
        by: &MemberId,
        event: &EventId,
        member: &MemberId,
        coming: bool,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_self_or_coordinator(by, member)?;
        if !self.members.contains_key(member) {
            return Err(LedgerError::UnknownMember);
        }
        let stored = self.events.get(event).ok_or(LedgerError::UnknownEvent)?;
        if stored.cancelled {
            return Err(LedgerError::EventCancelled);
        }
        self.write(now, "answer invitation", |doc| {
            schema::write_attendance(doc, event, member, coming)
        })?;
        if let Some(stored) = self.events.get_mut(event) {
            stored.attendance.insert(member.clone(), coming);
        }
        Ok(())
    }

    fn change_event(
        &mut self,
        by: &MemberId,
        id: &EventId,
        now: Timestamp,
        message: &str,
        edit: impl FnOnce(&mut Event),
    ) -> Result<(), LedgerError> {
        let mut event = self
            .events
            .get(id)
            .ok_or(LedgerError::UnknownEvent)?
            .clone();
        if &event.organiser != by && !self.is_coordinator(by) {
            return Err(LedgerError::NotTheOwner);
        }
        edit(&mut event);
        self.write(now, message, |doc| schema::write_event(doc, &event))?;
        self.events.insert(id.clone(), event);
        Ok(())
    }

    fn require_event_planner(&self, by: &MemberId, kind: EventKind) -> Result<(), LedgerError> {
        match kind {
            EventKind::TradingDay | EventKind::Meeting => self.require_coordinator(by),
            EventKind::Social | EventKind::GroupActivity => {
                let member = self.member(by).ok_or(LedgerError::UnknownMember)?;
                if member.status == MemberStatus::Active {
                    Ok(())
                } else {
                    Err(LedgerError::MemberNotActive {
                        name: member.name.clone(),
                        status: super::status_words(member.status),
                    })
                }
            }
        }
    }

    fn require_self_or_coordinator(
        &self,
        by: &MemberId,
        member: &MemberId,
    ) -> Result<(), LedgerError> {
        if by == member || self.is_coordinator(by) {
            Ok(())
        } else {
            Err(LedgerError::NotCoordinator)
        }
    }

    fn checked_category(&self, category: Option<String>) -> Result<Option<String>, LedgerError> {
        let category = category
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        match category {
            Some(name) if !self.settings.categories.contains(&name) => {
                Err(LedgerError::UnknownCategory(name))
            }
            other => Ok(other),
        }
    }
}

fn checked_title(title: &str) -> Result<String, LedgerError> {
    checked_name(title).map_err(|error| match error {
        LedgerError::EmptyName => LedgerError::EmptyTitle,
        other => other,
    })
}

fn checked_description(description: &str) -> Result<String, LedgerError> {
    let description = description.trim();
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(LedgerError::DescriptionTooLong);
    }
    Ok(description.to_string())
}

fn checked_expiry(expires_on: Date, now: Timestamp) -> Result<Date, LedgerError> {
    if expires_on < now.date() {
        return Err(LedgerError::ExpiryInPast);
    }
    if expires_on > now.plus_days(MAX_LISTING_DAYS).date() {
        return Err(LedgerError::ExpiryTooFar);
    }
    Ok(expires_on)
}

/// The event as entered, trimmed and checked.
fn checked_event(new: NewEvent) -> Result<NewEvent, LedgerError> {
    if new.ends_at <= new.starts_at {
        return Err(LedgerError::EventEndsBeforeStart);
    }
    check_text("place", &new.place)?;
    Ok(NewEvent {
        title: checked_title(&new.title)?,
        description: checked_description(&new.description)?,
        place: new.place.trim().to_string(),
        ..new
    })
}
