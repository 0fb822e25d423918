//! Which records the changes that arrived (by sync, merge or file) wrote,
//! so derived state is brought up to date by re-reading only those.
//!
//! Read from the operations of the new changes, not from a diff of the
//! document: a diff works out every patch a screen would need, which for a
//! few hundred exchanges costs more than judging them. An operation names
//! its object; the object's place in the document (top-level map, record
//! id) says which record it belongs to. That can name a record whose
//! visible value did not change (a write that lost to a concurrent one):
//! it is then read again for nothing, never missed.

use std::collections::{BTreeSet, HashMap};

use automerge::legacy::{Key, ObjectId};
use automerge::{AutoCommit, ChangeHash, ObjType, Prop, ReadDoc};

use super::{EVENTS, EXCHANGES, LISTINGS, MEMBERS, PERIODS, RESOLUTIONS, SETTINGS, TIMEBANK};
use crate::ids::{EventId, ExchangeId, ListingId, MemberId};

/// What the changes since some heads touched.
#[derive(Debug, Default)]
pub struct Touched {
    pub members: BTreeSet<MemberId>,
    pub exchanges: BTreeSet<ExchangeId>,
    pub settings: bool,
    pub info: bool,
    pub resolutions: bool,
    pub listings: BTreeSet<ListingId>,
    pub events: BTreeSet<EventId>,
    pub periods: bool,
    /// Certificates, revocations or roots.
    pub trust: bool,
    /// Coordinators' decisions about members.
    pub decisions: bool,
    /// A whole top-level map was written: re-read everything.
    pub everything: bool,
}

/// What the changes in `doc` that are not in the history of `before`
/// wrote.
pub fn touched_since(doc: &mut AutoCommit, before: &[ChangeHash]) -> Touched {
    let mut touched = Touched::default();
    // Each object's place: the top-level key and the record id it is under
    // (none for the root itself).
    let mut places: HashMap<String, Option<(String, Option<String>)>> = HashMap::new();
    for change in doc.get_changes(before) {
        for op in change.decode().operations {
            let key = match &op.key {
                Key::Map(key) => Some(key.to_string()),
                Key::Seq(_) => None,
            };
            let place = match &op.obj {
                ObjectId::Root => None,
                ObjectId::Id(id) => {
                    let id = id.to_string();
                    let place = match places.get(&id) {
                        Some(place) => place.clone(),
                        None => {
                            let place = place_of(doc, &id);
                            places.insert(id, place.clone());
                            place
                        }
                    };
                    // An object that cannot be placed: read everything.
                    let Some(place) = place else {
                        touched.everything = true;
                        continue;
                    };
                    Some(place)
                }
            };
            match place {
                // A top-level key itself was written.
                None => {
                    if let Some(key) = key {
                        touched.mark_all(&key);
                    }
                }
                Some((top, Some(id))) => touched.mark(&top, Some(&id)),
                Some((top, None)) => touched.mark(&top, key.as_deref()),
            }
        }
    }
    touched
}

/// The top-level key that object `id` (as a change names it) is under, and
/// the id of the record it is in (none for the top-level map itself);
/// `None` if the document has no such object.
fn place_of(doc: &AutoCommit, id: &str) -> Option<(String, Option<String>)> {
    let (obj, _): (_, ObjType) = doc.import(id).ok()?;
    let path = doc.parents(&obj).ok()?.path();
    let mut props = path.into_iter().map(|(_, prop)| prop);
    let Some(Prop::Map(top)) = props.next() else {
        // A list at the top level: Tally writes none.
        return Some((String::new(), None));
    };
    let record = match props.next() {
        Some(Prop::Map(record)) => Some(record),
        _ => None,
    };
    Some((top, record))
}

impl Touched {
    /// Record `id` (if any) under top-level map `top` was written.
    fn mark(&mut self, top: &str, id: Option<&str>) {
        match top {
            MEMBERS => self.members.extend(id.and_then(MemberId::parse)),
            EXCHANGES => self.exchanges.extend(id.and_then(ExchangeId::parse)),
            SETTINGS => self.settings = true,
            TIMEBANK => self.info = true,
            RESOLUTIONS => self.resolutions = true,
            LISTINGS => self.listings.extend(id.and_then(ListingId::parse)),
            EVENTS => self.events.extend(id.and_then(EventId::parse)),
            PERIODS => self.periods = true,
            "trust" => self.trust = true,
            "decisions" => self.decisions = true,
            _ => {}
        }
    }

    /// A whole top-level map was written (when a timebank first arrives,
    /// or its trust is founded).
    fn mark_all(&mut self, top_level_key: &str) {
        if top_level_key == "trust" {
            self.trust = true;
        } else if top_level_key == "decisions" {
            self.decisions = true;
        } else {
            self.everything = true;
        }
    }
}
