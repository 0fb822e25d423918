//! Listings and events.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, ScalarValue};

use super::{EVENTS, Fields, LISTINGS, boolean, ids_in, map, read_all};
use crate::board::{Event, EventKind, Listing, ListingKind};
use automerge::ObjId;

use crate::ids::{EventId, ExchangeId, GroupId, ListingId, MemberId};
use crate::time::{Date, Timestamp};

use super::WriteResult;

const ATTENDANCE: &str = "attendance";
/// An event's group exchanges: each group's id, a key of its own (so
/// groups recorded on different devices all survive).
const EVENT_EXCHANGES: &str = "exchanges";
/// A listing's exchanges: each exchange's id, a key of its own.
const LISTING_EXCHANGES: &str = "exchanges";

pub fn listing_ids(doc: &AutoCommit) -> Vec<ListingId> {
    ids_in(doc, LISTINGS, ListingId::parse)
}

pub fn event_ids(doc: &AutoCommit) -> Vec<EventId> {
    ids_in(doc, EVENTS, EventId::parse)
}

pub fn read_listing(doc: &AutoCommit, id: &ListingId) -> Option<Listing> {
    let obj = map(doc, &map(doc, &ROOT, LISTINGS)?, id.as_str())?;
    listing_from(id, Fields::read(doc, &obj), |obj| doc.keys(obj).collect())
}

/// Every readable listing, read in one pass (for opening a whole timebank).
pub fn read_all_listings(doc: &AutoCommit) -> Vec<Listing> {
    read_all(doc, LISTINGS, ListingId::parse, |id, fields, tree| {
        listing_from(id, fields, |obj| {
            tree.take(obj).0.into_iter().map(|(key, _)| key).collect()
        })
    })
}

/// A listing from its fields; `keys` reads the keys of a map within it.
fn listing_from(
    id: &ListingId,
    fields: Fields,
    mut keys: impl FnMut(&ObjId) -> Vec<String>,
) -> Option<Listing> {
    let exchanges = fields
        .map(LISTING_EXCHANGES)
        .map(|exchanges| {
            keys(&exchanges)
                .iter()
                .filter_map(|key| ExchangeId::parse(key))
                .collect()
        })
        .unwrap_or_default();
    Some(Listing {
        id: id.clone(),
        kind: match fields.string("kind")?.as_str() {
            "offer" => ListingKind::Offer,
            "request" => ListingKind::Request,
            "lend" => ListingKind::Lend,
            "give_away" => ListingKind::GiveAway,
            _ => return None,
        },
        member: fields.string("member").and_then(|s| MemberId::parse(&s))?,
        title: fields.string("title")?,
        description: fields.string("description").unwrap_or_default(),
        category: fields.string("category").filter(|c| !c.is_empty()),
        created_at: Timestamp(fields.int("created_at")?),
        expires_on: fields.string("expires_on").and_then(|s| Date::parse(&s))?,
        withdrawn: fields.boolean("withdrawn").unwrap_or(false),
        exchanges,
    })
}

/// Notes that exchange `exchange` was recorded for listing `listing` (the
/// map is made on the first).
pub fn write_listing_exchange(
    doc: &mut AutoCommit,
    listing: &ListingId,
    exchange: &ExchangeId,
) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, LISTINGS).and_then(|all| map(doc, &all, listing.as_str()))
    else {
        return Ok(());
    };
    let exchanges = match map(doc, &obj, LISTING_EXCHANGES) {
        Some(exchanges) => exchanges,
        None => doc.put_object(&obj, LISTING_EXCHANGES, ObjType::Map)?,
    };
    doc.put(&exchanges, exchange.as_str(), true)?;
    Ok(())
}

/// Writes the listing's fields that differ from what is stored (all of them
/// for a new listing), so concurrent edits of different fields both survive.
pub fn write_listing(doc: &mut AutoCommit, listing: &Listing) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, LISTINGS) else {
        return Ok(());
    };
    let stored = read_listing(doc, &listing.id);
    let obj = match map(doc, &all, listing.id.as_str()) {
        Some(obj) => obj,
        None => doc.put_object(&all, listing.id.as_str(), ObjType::Map)?,
    };
    let kind = match listing.kind {
        ListingKind::Offer => "offer",
        ListingKind::Request => "request",
        ListingKind::Lend => "lend",
        ListingKind::GiveAway => "give_away",
    };
    let old = stored.as_ref();
    if old.is_none() {
        doc.put(&obj, "kind", kind)?;
        doc.put(&obj, "member", listing.member.as_str())?;
        doc.put(
            &obj,
            "created_at",
            ScalarValue::Timestamp(listing.created_at.0),
        )?;
    }
    if old.map(|l| &l.title) != Some(&listing.title) {
        doc.put(&obj, "title", listing.title.as_str())?;
    }
    if old.map(|l| &l.description) != Some(&listing.description) {
        doc.put(&obj, "description", listing.description.as_str())?;
    }
    if old.map(|l| &l.category) != Some(&listing.category) {
        doc.put(&obj, "category", listing.category.as_deref().unwrap_or(""))?;
    }
    if old.map(|l| l.expires_on) != Some(listing.expires_on) {
        doc.put(&obj, "expires_on", listing.expires_on.to_string())?;
    }
    if old.map(|l| l.withdrawn) != Some(listing.withdrawn) {
        doc.put(&obj, "withdrawn", listing.withdrawn)?;
    }
    Ok(())
}

pub fn read_event(doc: &AutoCommit, id: &EventId) -> Option<Event> {
    let obj = map(doc, &map(doc, &ROOT, EVENTS)?, id.as_str())?;
    let fields = Fields::read(doc, &obj);
    let attendance = fields
        .map(ATTENDANCE)
        .map(|answers| {
            doc.keys(&answers)
                .filter_map(|key| {
                    let member = MemberId::parse(&key)?;
                    Some((member, boolean(doc, &answers, &key)?))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Event {
        id: id.clone(),
        kind: match fields.string("kind")?.as_str() {
            "trading_day" => EventKind::TradingDay,
            "social" => EventKind::Social,
            "group_activity" => EventKind::GroupActivity,
            "meeting" => EventKind::Meeting,
            _ => return None,
        },
        title: fields.string("title")?,
        description: fields.string("description").unwrap_or_default(),
        place: fields.string("place").unwrap_or_default(),
        starts_at: Timestamp(fields.int("starts_at")?),
        ends_at: Timestamp(fields.int("ends_at")?),
        organiser: fields
            .string("organiser")
            .and_then(|s| MemberId::parse(&s))?,
        cancelled: fields.boolean("cancelled").unwrap_or(false),
        attendance,
        exchanges: fields
            .map(EVENT_EXCHANGES)
            .map(|groups| {
                doc.keys(&groups)
                    .filter_map(|key| GroupId::parse(&key))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Writes the event's fields that differ from what is stored (all of them for
/// a new event). Attendance is written by [`write_attendance`].
pub fn write_event(doc: &mut AutoCommit, event: &Event) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, EVENTS) else {
        return Ok(());
    };
    let stored = read_event(doc, &event.id);
    let obj = match map(doc, &all, event.id.as_str()) {
        Some(obj) => obj,
        None => {
            let obj = doc.put_object(&all, event.id.as_str(), ObjType::Map)?;
            doc.put_object(&obj, ATTENDANCE, ObjType::Map)?;
            doc.put(&obj, "organiser", event.organiser.as_str())?;
            obj
        }
    };
    let old = stored.as_ref();
    let kind = match event.kind {
        EventKind::TradingDay => "trading_day",
        EventKind::Social => "social",
        EventKind::GroupActivity => "group_activity",
        EventKind::Meeting => "meeting",
    };
    if old.map(|e| e.kind) != Some(event.kind) {
        doc.put(&obj, "kind", kind)?;
    }
    for (key, value, before) in [
        ("title", &event.title, old.map(|e| &e.title)),
        (
            "description",
            &event.description,
            old.map(|e| &e.description),
        ),
        ("place", &event.place, old.map(|e| &e.place)),
    ] {
        if before != Some(value) {
            doc.put(&obj, key, value.as_str())?;
        }
    }
    if old.map(|e| e.starts_at) != Some(event.starts_at) {
        doc.put(&obj, "starts_at", ScalarValue::Timestamp(event.starts_at.0))?;
    }
    if old.map(|e| e.ends_at) != Some(event.ends_at) {
        doc.put(&obj, "ends_at", ScalarValue::Timestamp(event.ends_at.0))?;
    }
    if old.map(|e| e.cancelled) != Some(event.cancelled) {
        doc.put(&obj, "cancelled", event.cancelled)?;
    }
    Ok(())
}

/// Notes that group exchange `group` was recorded for event `event` (the
/// map is made on the first).
pub fn write_event_exchange(
    doc: &mut AutoCommit,
    event: &EventId,
    group: &GroupId,
) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, EVENTS).and_then(|all| map(doc, &all, event.as_str())) else {
        return Ok(());
    };
    let groups = match map(doc, &obj, EVENT_EXCHANGES) {
        Some(groups) => groups,
        None => doc.put_object(&obj, EVENT_EXCHANGES, ObjType::Map)?,
    };
    doc.put(&groups, group.as_str(), true)?;
    Ok(())
}

/// Records a member's answer; each member's answer is its own key, so answers
/// given on different devices all survive.
pub fn write_attendance(
    doc: &mut AutoCommit,
    event: &EventId,
    member: &MemberId,
    coming: bool,
) -> WriteResult<()> {
    let Some(answers) = map(doc, &ROOT, EVENTS)
        .and_then(|all| map(doc, &all, event.as_str()))
        .and_then(|obj| map(doc, &obj, ATTENDANCE))
    else {
        return Ok(());
    };
    doc.put(&answers, member.as_str(), coming)?;
    Ok(())
}
