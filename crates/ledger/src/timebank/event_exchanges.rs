//! After an event, the hours of everyone who came, in one step: the
//! organiser (or the community fund) on one side, everyone who said they
//! were coming on the other, each for the same time; all of it recorded,
//! or none, and the event keeps which group exchange was its.

use crate::error::LedgerError;
use crate::ids::{Account, EventId, GroupId, MemberId};
use crate::model::Channel;
use crate::schema;
use crate::time::Timestamp;

use super::Timebank;
use super::exchanges::{NewGroupExchange, Recorded};

/// Who stands on the other side from everyone who came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventCounterpart {
    Organiser,
    CommunityFund,
}

/// A group exchange for an event, as a coordinator or its organiser
/// enters it.
#[derive(Debug, Clone)]
pub struct EventExchange {
    pub event: EventId,
    pub counterpart: EventCounterpart,
    /// Everyone who came gave the help (a litter pick the fund pays for);
    /// otherwise they received it (a workshop the organiser gave).
    pub attendees_gave: bool,
    /// Each person's time.
    pub minutes: u32,
    /// Empty: the event's title.
    pub description: String,
}

impl Timebank {
    /// Records the hours of everyone who said they were coming to an event
    /// that has begun, against its organiser or the community fund (the
    /// organiser is not counted among those who came), all or nothing.
    pub fn record_event_exchange(
        &mut self,
        by: &MemberId,
        new: EventExchange,
        now: Timestamp,
    ) -> Result<Vec<Recorded>, LedgerError> {
        let event = self.event(&new.event).ok_or(LedgerError::UnknownEvent)?;
        if event.cancelled {
            return Err(LedgerError::EventCancelled);
        }
        if event.starts_at > now {
            return Err(LedgerError::EventNotStarted);
        }
        let counterpart = match new.counterpart {
            EventCounterpart::Organiser => Account::Member(event.organiser.clone()),
            EventCounterpart::CommunityFund => Account::CommunityFund,
        };
        let came: Vec<Account> = event
            .coming()
            .filter(|member| counterpart.member() != Some(*member))
            .map(|member| Account::Member(member.clone()))
            .collect();
        if came.is_empty() {
            return Err(LedgerError::NobodyCame);
        }
        let description = match new.description.trim() {
            "" => event.title.clone(),
            written => written.to_string(),
        };
        let (payers, payees) = if new.attendees_gave {
            (vec![counterpart], came)
        } else {
            (came, vec![counterpart])
        };
        let group_exchange = NewGroupExchange {
            payers,
            payees,
            minutes: new.minutes,
            service_date: event.starts_at.date(),
            description,
            category: None,
            channel: if self.is_coordinator(by) {
                Channel::Coordinator
            } else {
                Channel::App
            },
        };
        let group = GroupId::random(self.entropy.as_mut());
        let exchanges = self.checked_group(by, group_exchange, &group, now)?;
        let event_id = new.event.clone();
        let recorded =
            self.write_exchanges_and(exchanges, now, "record event exchange", |doc| {
                schema::write_event_exchange(doc, &event_id, &group)
            })?;
        if let Some(event) = self.events.get_mut(&new.event) {
            event.exchanges.insert(group);
        }
        Ok(recorded)
    }

    /// The event a group exchange was recorded for, if any.
    pub fn event_of(&self, group: &GroupId) -> Option<&crate::board::Event> {
        self.events
            .values()
            .find(|event| event.exchanges.contains(group))
    }
}
