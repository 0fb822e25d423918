//! Exchange records and their lifecycle logs.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ScalarValue};

use std::collections::{HashMap, HashSet};

use super::*;
use crate::time::Date;

mod deleted;

pub use deleted::deleted_sealed_exchanges;

pub fn exchange_ids(doc: &AutoCommit) -> Vec<ExchangeId> {
    ids_in(doc, EXCHANGES, ExchangeId::parse)
}

/// An exchange as stored, with its lifecycle log in a fixed order; `None` if
/// the record is missing or unreadable.
pub fn read_exchange(doc: &AutoCommit, id: &ExchangeId) -> Option<Exchange> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    let fields = Fields::read(doc, &obj);
    let events = log_from(doc, &fields);
    exchange_from(id, fields, events)
}

/// Every readable exchange, read in one pass over the exchanges (the same
/// as [`read_exchange`] of each of [`exchange_ids`], for opening a whole
/// timebank), and the objects of every exchange as they are now, for
/// [`vouched_at`] (which would otherwise walk them all again).
pub fn read_all_exchanges(doc: &mut AutoCommit) -> (Vec<Exchange>, ExchangeObjects) {
    let mut objects = ExchangeObjects::default();
    let Some(all) = map(doc, &ROOT, EXCHANGES) else {
        return (Vec::new(), objects);
    };
    objects.changes = super::history::ChangeIndex::of(doc);
    let doc = &*doc;
    let mut tree = Tree::read(doc, &all);
    let records = tree.take(&all);
    let exchanges = records
        .0
        .into_iter()
        .filter_map(|(key, field)| {
            let id = ExchangeId::parse(&key)?;
            let Field::Object(obj) = field else {
                return None;
            };
            if !tree.is_map(&obj) {
                return None;
            }
            let fields = tree.take(&obj);
            objects
                .writers
                .insert(id.clone(), (obj.clone(), tree.take_writers(&obj)));
            let mut current = Objects {
                exchange: op_key(&obj)?,
                log: None,
                entries: Vec::new(),
            };
            let events = match fields.map(LOG).filter(|log| tree.is_map(log)) {
                Some(log) => {
                    current.log = op_key(&log);
                    tree.take(&log)
                        .0
                        .into_iter()
                        .filter_map(|(key, entry)| match entry {
                            Field::Object(obj) if tree.is_map(&obj) => {
                                if let Some(made) = op_key(&obj) {
                                    current.entries.push((key.clone(), made));
                                }
                                event_from(&key, tree.take(&obj))
                            }
                            _ => None,
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            objects.objects.insert(key, current);
            exchange_from(&id, fields, events)
        })
        .collect();
    (exchanges, objects)
}

/// The change that created exchange `id`'s record (where its recorder wrote
/// every field of it at once).
pub fn exchange_created_in(doc: &AutoCommit, id: &ExchangeId) -> Option<ChangeHash> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    doc.hash_for_opid(&obj)
}

/// How an exchange's record was written: the change that created it (an
/// honest recorder writes every field there at once, and only its seal
/// after), and whether a later change wrote any of its fields other than
/// its seal and log.
///
/// A field deleted since, or a field written as text whose text was edited
/// since, is not seen here (its signature then no longer matches, unless it
/// was signed again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writing {
    pub created: ChangeHash,
    pub written_over: bool,
}

/// How exchange `id` was written (see [`Writing`]), from which change wrote
/// each of its fields; `None` if there is no such record.
pub fn exchange_writing(doc: &AutoCommit, id: &ExchangeId) -> Option<Writing> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    let mut writers = Writers::default();
    for item in doc.map_range(&obj, ..) {
        writers.note(&item.key, item.id());
    }
    writing_of(doc, &obj, &writers)
}

fn writing_of(doc: &AutoCommit, obj: &ObjId, writers: &Writers) -> Option<Writing> {
    let created = doc.hash_for_opid(obj)?;
    Some(Writing {
        created,
        written_over: writers.other_than(doc, obj, created),
    })
}

/// The seals exchange `id` carried before the one it carries now, newest
/// first, at most `limit`: each as the document held it just before the
/// change that wrote the seal after it. (An honest device seals a record
/// once; one sealed again keeps its earlier seals in the history.)
pub fn earlier_exchange_seals(doc: &mut AutoCommit, id: &ExchangeId, limit: usize) -> Vec<Seal> {
    let mut seals = Vec::new();
    let Some(obj) = map(doc, &ROOT, EXCHANGES).and_then(|all| map(doc, &all, id.as_str())) else {
        return seals;
    };
    let mut written = match doc.get(&obj, SIG) {
        Ok(Some((_, op))) => op,
        _ => return seals,
    };
    while seals.len() < limit {
        let Some(hash) = doc.hash_for_opid(&written) else {
            break;
        };
        let Some(before) = doc.get_change_meta_by_hash(&hash).map(|change| change.deps) else {
            break;
        };
        let Some(seal) = read_seal(&Fields::read_at(doc, &obj, &before)) else {
            break;
        };
        let Ok(Some((_, op))) = doc.get_at(&obj, SIG, &before) else {
            break;
        };
        seals.push(seal);
        written = op;
    }
    seals
}

/// The change that created log entry `event` of exchange `exchange`.
pub fn event_created_in(
    doc: &AutoCommit,
    exchange: &ExchangeId,
    event: &LogEntryId,
) -> Option<ChangeHash> {
    doc.hash_for_opid(&event_obj(doc, exchange, event)?)
}

fn event_obj(doc: &AutoCommit, exchange: &ExchangeId, event: &LogEntryId) -> Option<ObjId> {
    map(doc, &ROOT, EXCHANGES)
        .and_then(|all| map(doc, &all, exchange.as_str()))
        .and_then(|obj| map(doc, &obj, LOG))
        .and_then(|log| map(doc, &log, event.as_str()))
}

/// Log entry `event` of exchange `exchange` as the change that created it
/// wrote it (its seal as it is now).
pub fn read_event_as_written(
    doc: &AutoCommit,
    exchange: &ExchangeId,
    event: &LogEntryId,
) -> Option<LifecycleEvent> {
    let obj = event_obj(doc, exchange, event)?;
    let created = doc.hash_for_opid(&obj)?;
    let fields = Fields::read_at(doc, &obj, &[created]).with(Fields::read(doc, &obj), &[SEQ, SIG]);
    event_from(event.as_str(), fields)
}

/// Exchange `id` with its fields as they were at `heads`, and its seal and
/// lifecycle log as they are now (the seal is written after the record, in
/// a change of its own).
pub fn read_exchange_at(
    doc: &AutoCommit,
    id: &ExchangeId,
    heads: &[ChangeHash],
) -> Option<Exchange> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    record_at(doc, id, &obj, heads)
}

/// Exchange `id` as the record that was under its id at `heads` (a
/// founding) held it: its fields as they were then, its seal and lifecycle
/// log as they are now; also when that record was deleted since, or lost a
/// field it cannot be read without, or another was written under its id
/// (Automerge keeps a deleted record's contents).
pub fn read_exchange_vouched_at(
    doc: &AutoCommit,
    id: &ExchangeId,
    heads: &[ChangeHash],
) -> Option<Exchange> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = match doc.get_at(&exchanges, id.as_str(), heads) {
        Ok(Some((automerge::Value::Object(ObjType::Map), obj))) => obj,
        _ => return None,
    };
    record_at(doc, id, &obj, heads)
}

/// Exchange `id`'s record `obj` with its fields as they were at `heads`,
/// and its seal and lifecycle log as they are now.
fn record_at(
    doc: &AutoCommit,
    id: &ExchangeId,
    obj: &ObjId,
    heads: &[ChangeHash],
) -> Option<Exchange> {
    let fields = Fields::read_at(doc, obj, heads).with(Fields::read(doc, obj), &[SEQ, SIG, LOG]);
    let events = log_from(doc, &fields);
    exchange_from(id, fields, events)
}

/// The ids of the exchanges that were in the document at `heads`.
pub fn exchange_ids_at(
    doc: &AutoCommit,
    heads: &[ChangeHash],
) -> std::collections::HashSet<ExchangeId> {
    let Some(exchanges) = map(doc, &ROOT, EXCHANGES) else {
        return Default::default();
    };
    doc.keys_at(&exchanges, heads)
        .filter_map(|key| ExchangeId::parse(&key))
        .collect()
}

/// The exchanges, and the entries of their lifecycle logs, that were in the
/// document at `heads` (a revocation's cut): see [`vouched_at`].
pub fn records_at(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
    current: Option<&ExchangeObjects>,
) -> (HashSet<ExchangeId>, HashSet<LogEntryId>) {
    let vouched = vouched_at(doc, heads, current);
    (vouched.exchanges, vouched.events)
}

/// What a founding vouched for: the exchanges and log entries in the
/// document at its heads (the keys of the exchanges as they were then, and
/// of each one's log, never their fields, which a whole read would decode),
/// and whose each object there is (by op id: the exchange, its log, a log
/// entry), to find later edits of them.
#[derive(Debug, Default)]
pub struct Vouched {
    pub exchanges: HashSet<ExchangeId>,
    pub events: HashSet<LogEntryId>,
    objects: HashMap<OpKey, Owner>,
    collection: Option<OpKey>,
    /// The map writes of the changes after the heads (decoded once, when
    /// anything was vouched for), for [`edited_since`].
    later: Vec<(OpKey, String)>,
}

/// An Automerge op (or the object it made): its counter and actor.
type OpKey = (u64, automerge::ActorId);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Owner {
    Exchange(ExchangeId),
    Log,
    Entry(LogEntryId),
}

fn op_key(id: &ObjId) -> Option<OpKey> {
    match id {
        ObjId::Id(counter, actor, _) => Some((*counter, actor.clone())),
        ObjId::Root => None,
    }
}

/// The ops of the changes after some heads: by actor, the op counter ranges
/// of those changes (from their metadata; nothing is decoded).
#[derive(Default)]
struct Later(HashMap<automerge::ActorId, Vec<(u64, u64)>>);

impl Later {
    fn of(doc: &mut AutoCommit, heads: &[ChangeHash]) -> Later {
        let mut later = Later::default();
        for change in doc.get_changes_meta(heads) {
            later
                .0
                .entry(change.actor.into_owned())
                .or_default()
                .push((change.start_op, change.max_op));
        }
        for ranges in later.0.values_mut() {
            ranges.sort_unstable();
        }
        later
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the op that made object `made` was written after the heads.
    fn made(&self, made: &OpKey) -> bool {
        let (counter, actor) = made;
        self.0.get(actor).is_some_and(|ranges| {
            let i = ranges.partition_point(|(start, _)| start <= counter);
            i > 0 && *counter <= ranges[i - 1].1
        })
    }
}

/// The objects of every exchange as they are now, by the exchange's key
/// (read by [`read_all_exchanges`]), and how each was written.
#[derive(Debug, Default)]
pub struct ExchangeObjects {
    objects: std::collections::BTreeMap<String, Objects>,
    /// Each exchange's map and the ops that wrote its fields (only when
    /// read with the exchanges, not when walked again for a founding).
    writers: HashMap<ExchangeId, (ObjId, Writers)>,
    /// Which change made each of those (read with the exchanges).
    changes: super::history::ChangeIndex,
}

impl ExchangeObjects {
    /// How exchange `id` was written, as [`exchange_writing`] finds it, from
    /// what was read with the exchanges (no lookup of its fields); `None`
    /// if it was not read here.
    pub fn writing(&self, id: &ExchangeId) -> Option<Writing> {
        let (obj, writers) = self.writers.get(id)?;
        let created = self.changes.change_of(obj)?;
        // Written over if a field was written by an op outside the change
        // that made the record (its oldest and newest ops bound them all).
        let inside = |op: &Option<ObjId>| {
            op.as_ref().is_none_or(|op| {
                self.changes
                    .change_of(op)
                    .is_some_and(|made| made.hash == created.hash)
            })
        };
        Some(Writing {
            created: created.hash,
            written_over: writers.several_actors
                || !inside(&writers.oldest)
                || !inside(&writers.newest),
        })
    }
}

/// One exchange's objects (as they are now, or as a founding saw them): its
/// map, its log's, and its log entries' by their keys.
#[derive(Debug, Clone)]
struct Objects {
    exchange: OpKey,
    log: Option<OpKey>,
    entries: Vec<(String, OpKey)>,
}

/// Every exchange's objects as they are now, in one pass over them (seeking
/// each exchange's log instead takes three times as long).
fn current_objects(doc: &AutoCommit, all: &ObjId) -> ExchangeObjects {
    let mut maps: HashMap<ObjId, Vec<(String, ObjId)>> = HashMap::new();
    for item in doc.iter_at(all, None) {
        if let automerge::iter::DocItem::Map(entry) = item.item
            && let automerge::ValueRef::Object(ObjType::Map) = entry.value
        {
            let id = entry.id();
            maps.entry((*item.obj).clone())
                .or_default()
                .push((entry.key.into_owned(), id));
        }
    }
    let mut objects = ExchangeObjects::default();
    for (key, obj) in maps.remove(all).unwrap_or_default() {
        let Some(exchange) = op_key(&obj) else {
            continue;
        };
        let log = maps
            .get(&obj)
            .and_then(|fields| fields.iter().find(|(field, _)| field == LOG))
            .map(|(_, log)| log.clone());
        let entries = log
            .as_ref()
            .and_then(|log| maps.remove(log))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(entry, obj)| Some((entry, op_key(&obj)?)))
            .collect();
        let found = Objects {
            exchange,
            log: log.as_ref().and_then(op_key),
            entries,
        };
        objects.objects.insert(key, found);
    }
    objects
}

/// Exchange `key` of collection `all` and its log, as they were at `heads`.
fn objects_at(doc: &AutoCommit, all: &ObjId, key: &str, heads: &[ChangeHash]) -> Option<Objects> {
    let obj = match doc.get_at(all, key, heads) {
        Ok(Some((automerge::Value::Object(ObjType::Map), obj))) => obj,
        _ => return None,
    };
    let mut found = Objects {
        exchange: op_key(&obj)?,
        log: None,
        entries: Vec::new(),
    };
    if let Ok(Some((automerge::Value::Object(ObjType::Map), log))) = doc.get_at(&obj, LOG, heads) {
        found.log = op_key(&log);
        found.entries = doc
            .map_range_at(&log, .., heads)
            .filter_map(|entry| Some((entry.key.to_string(), op_key(&entry.id())?)))
            .collect();
    }
    Some(found)
}

/// The map writes of the changes after `heads`: the object each writes in
/// (by op id) and its key.
fn later_writes(doc: &mut AutoCommit, heads: &[ChangeHash]) -> Vec<(OpKey, String)> {
    use automerge::legacy::{Key, ObjectId};
    let mut writes = Vec::new();
    for change in doc.get_changes(heads) {
        for op in change.decode().operations {
            if let (ObjectId::Id(obj), Key::Map(key)) = (&op.obj, &op.key) {
                writes.push(((obj.0, obj.1.clone()), key.to_string()));
            }
        }
    }
    writes
}

impl Vouched {
    /// Notes exchange `key` as vouched for, with its objects.
    fn note(&mut self, key: &str, found: Objects) {
        let Some(id) = ExchangeId::parse(key) else {
            return;
        };
        self.objects
            .insert(found.exchange, Owner::Exchange(id.clone()));
        if let Some(log) = found.log {
            self.objects.insert(log, Owner::Log);
        }
        for (entry, obj) in found.entries {
            if let Some(entry) = LogEntryId::parse(&entry) {
                self.objects.insert(obj, Owner::Entry(entry.clone()));
                self.events.insert(entry);
            }
        }
        self.exchanges.insert(id);
    }
}

/// What was in the document at `heads` (a founding), with its objects.
///
/// Read from the document as it is now (`current`, the objects read with
/// the exchanges, or walked again), which is quick, and not at `heads`: an
/// object there that no change after `heads` made was there at `heads`.
/// Only the exchanges a change after `heads` wrote over, deleted, or whose
/// log it wrote to or replaced are read again at `heads` (the changes after
/// are decoded for that, once, and kept for [`edited_since`]). The same as
/// reading every exchange at `heads`, and at 50,000 exchanges several times
/// quicker.
pub fn vouched_at(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
    current: Option<&ExchangeObjects>,
) -> Vouched {
    let mut vouched = Vouched::default();
    let Some(all) = map(doc, &ROOT, EXCHANGES) else {
        return vouched;
    };
    vouched.collection = op_key(&all);
    let later = Later::of(doc, heads);
    let walked;
    let current = match current {
        Some(current) => current,
        None => {
            walked = current_objects(doc, &all);
            &walked
        }
    };
    let mut seen: std::collections::BTreeMap<String, Objects> = Default::default();
    for (key, now) in &current.objects {
        if ExchangeId::parse(key).is_none() || later.made(&now.exchange) {
            continue;
        }
        let log = now.log.clone().filter(|log| !later.made(log));
        let entries = match log {
            Some(_) => now
                .entries
                .iter()
                .filter(|(_, entry)| !later.made(entry))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        let found = Objects {
            exchange: now.exchange.clone(),
            log,
            entries,
        };
        seen.insert(key.clone(), found);
    }
    let nothing_then = seen.is_empty() && doc.map_range_at(&all, .., heads).next().is_none();
    if !later.is_empty() && !nothing_then {
        vouched.later = later_writes(doc, heads);
        let mut owners: HashMap<&OpKey, &String> = HashMap::new();
        for (key, found) in &seen {
            owners.insert(&found.exchange, key);
            if let Some(log) = &found.log {
                owners.insert(log, key);
            }
        }
        let mut again: HashSet<String> = HashSet::new();
        for (obj, key) in &vouched.later {
            if Some(obj) == vouched.collection.as_ref() {
                if ExchangeId::parse(key).is_some() {
                    again.insert(key.clone());
                }
            } else if let Some(exchange) = owners.get(obj) {
                // A log written to or replaced, or an exchange's log key
                // written: read that exchange again at the heads.
                let is_log = seen[*exchange].log.as_ref() == Some(obj);
                if is_log || key == LOG {
                    again.insert((*exchange).clone());
                }
            }
        }
        for key in again {
            match objects_at(doc, &all, &key, heads) {
                Some(found) => seen.insert(key, found),
                None => seen.remove(&key),
            };
        }
    }
    for (key, found) in seen {
        vouched.note(&key, found);
    }
    vouched
}

/// [`vouched_at`] by reading every exchange at `heads`: what it must equal.
#[cfg(test)]
pub fn vouched_by_reading_history(doc: &AutoCommit, heads: &[ChangeHash]) -> Vouched {
    let mut vouched = Vouched::default();
    let Some(all) = map(doc, &ROOT, EXCHANGES) else {
        return vouched;
    };
    vouched.collection = op_key(&all);
    for item in doc.map_range_at(&all, .., heads) {
        if let Some(found) = objects_at(doc, &all, &item.key, heads) {
            vouched.note(&item.key, found);
        }
    }
    vouched.later = later_writes(&mut doc.clone(), heads);
    vouched
}

#[cfg(test)]
#[path = "vouched_tests.rs"]
mod vouched_tests;

#[cfg(test)]
impl Vouched {
    /// What two reads must agree on (the later writes are only kept).
    pub fn same_as(&self, other: &Vouched) -> bool {
        self.exchanges == other.exchanges
            && self.events == other.events
            && self.objects == other.objects
            && self.collection == other.collection
    }
}

/// Of what `vouched` holds (the document at some heads), the exchanges and
/// log entries a change after those heads edited: written again, or a field
/// of theirs other than a seal written since. Reads the changes after the
/// heads as [`vouched_at`] decoded them (none, the moment after a founding).
pub fn edited_since(vouched: &Vouched) -> (HashSet<ExchangeId>, HashSet<LogEntryId>) {
    let mut edited = (HashSet::new(), HashSet::new());
    if vouched.exchanges.is_empty() {
        return edited;
    }
    for (owner, key) in &vouched.later {
        if Some(owner) == vouched.collection.as_ref() {
            // An exchange written again under its own id.
            if let Some(id) = ExchangeId::parse(key).filter(|id| vouched.exchanges.contains(id)) {
                edited.0.insert(id);
            }
            continue;
        }
        match vouched.objects.get(owner) {
            Some(Owner::Exchange(id)) if !matches!(key.as_str(), SEQ | SIG | LOG) => {
                edited.0.insert(id.clone());
            }
            Some(Owner::Log) => {
                if let Some(entry) =
                    LogEntryId::parse(key).filter(|entry| vouched.events.contains(entry))
                {
                    edited.1.insert(entry);
                }
            }
            Some(Owner::Entry(entry)) if !matches!(key.as_str(), SEQ | SIG) => {
                edited.1.insert(entry.clone());
            }
            _ => {}
        }
    }
    edited
}

/// The lifecycle log of the exchange whose fields are `fields`.
fn log_from(doc: &AutoCommit, fields: &Fields) -> Vec<LifecycleEvent> {
    fields
        .map(LOG)
        .map(|log| {
            doc.keys(&log)
                .filter_map(|key| read_event(doc, &log, &key))
                .collect()
        })
        .unwrap_or_default()
}

/// An exchange from its fields and its lifecycle log (in any order).
fn exchange_from(
    id: &ExchangeId,
    fields: Fields,
    mut events: Vec<LifecycleEvent>,
) -> Option<Exchange> {
    let optional = |key| fields.string(key).filter(|s| !s.is_empty());
    let kind = match fields.string("kind")?.as_str() {
        "service" => ExchangeKind::Service,
        "donation" => ExchangeKind::Donation,
        "opening_balance" => ExchangeKind::OpeningBalance,
        "purchase" => ExchangeKind::TokenPurchase {
            cash_pence: fields
                .uint("cash_pence")
                .and_then(|p| u32::try_from(p).ok())?,
            receipt: fields.string("receipt").unwrap_or_default(),
            bought_by: optional("bought_by"),
        },
        _ => return None,
    };
    let channel = match fields.string("channel")?.as_str() {
        "app" => Channel::App,
        "coordinator" => Channel::Coordinator,
        "trading_day_tally" => Channel::TradingDayTally,
        "paper_slip" => Channel::PaperSlip {
            number: fields.string("slip_number")?,
        },
        "import" => Channel::Import,
        "qr_hand_off" => Channel::QrHandOff,
        _ => return None,
    };
    events.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    Some(Exchange {
        id: id.clone(),
        payer: fields.string("payer").and_then(|s| Account::parse(&s))?,
        payee: fields.string("payee").and_then(|s| Account::parse(&s))?,
        minutes: fields.uint("minutes").and_then(|m| u32::try_from(m).ok())?,
        service_date: fields
            .string("service_date")
            .and_then(|s| Date::parse(&s))?,
        description: fields.string("description").unwrap_or_default(),
        category: optional("category"),
        kind,
        channel,
        recorded_by: fields
            .string("recorded_by")
            .and_then(|s| MemberId::parse(&s))?,
        device: fields.string("device").and_then(|s| DeviceId::parse(&s))?,
        recorded_at: Timestamp(fields.int("recorded_at")?),
        group: optional("group").and_then(|s| GroupId::parse(&s)),
        reversal_of: optional("reversal_of").and_then(|s| ExchangeId::parse(&s)),
        confirmer: optional("confirmer").and_then(|s| MemberId::parse(&s)),
        events,
        seal: read_seal(&fields),
    })
}

fn read_event(doc: &AutoCommit, log: &ObjId, key: &str) -> Option<LifecycleEvent> {
    let obj = map(doc, log, key)?;
    event_from(key, Fields::read(doc, &obj))
}

fn event_from(key: &str, fields: Fields) -> Option<LifecycleEvent> {
    let action = LifecycleAction::from_code(&fields.string("action")?)?;
    Some(LifecycleEvent {
        id: LogEntryId::parse(key)?,
        action,
        by: fields.string("by").and_then(|s| MemberId::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        note: fields.string("note").unwrap_or_default(),
        device: fields.string("device").and_then(|s| DeviceId::parse(&s)),
        seal: read_seal(&fields),
    })
}

/// Writes a new exchange with an empty lifecycle log.
pub fn write_new_exchange(doc: &mut AutoCommit, exchange: &Exchange) -> WriteResult<()> {
    let Some(exchanges) = map(doc, &ROOT, EXCHANGES) else {
        return Ok(());
    };
    let obj = doc.put_object(&exchanges, exchange.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "payer", exchange.payer.as_str())?;
    doc.put(&obj, "payee", exchange.payee.as_str())?;
    doc.put(&obj, "minutes", u64::from(exchange.minutes))?;
    doc.put(&obj, "service_date", exchange.service_date.to_string())?;
    doc.put(&obj, "description", exchange.description.as_str())?;
    if let Some(category) = &exchange.category {
        doc.put(&obj, "category", category.as_str())?;
    }
    match &exchange.kind {
        ExchangeKind::Service => doc.put(&obj, "kind", "service")?,
        ExchangeKind::Donation => doc.put(&obj, "kind", "donation")?,
        ExchangeKind::OpeningBalance => doc.put(&obj, "kind", "opening_balance")?,
        ExchangeKind::TokenPurchase {
            cash_pence,
            receipt,
            bought_by,
        } => {
            doc.put(&obj, "kind", "purchase")?;
            doc.put(&obj, "cash_pence", u64::from(*cash_pence))?;
            doc.put(&obj, "receipt", receipt.as_str())?;
            if let Some(buyer) = bought_by {
                doc.put(&obj, "bought_by", buyer.as_str())?;
            }
        }
    }
    let channel = match &exchange.channel {
        Channel::App => "app",
        Channel::Coordinator => "coordinator",
        Channel::TradingDayTally => "trading_day_tally",
        Channel::PaperSlip { number } => {
            doc.put(&obj, "slip_number", number.as_str())?;
            "paper_slip"
        }
        Channel::Import => "import",
        Channel::QrHandOff => "qr_hand_off",
    };
    doc.put(&obj, "channel", channel)?;
    doc.put(&obj, "recorded_by", exchange.recorded_by.as_str())?;
    doc.put(&obj, "device", exchange.device.as_str())?;
    doc.put(
        &obj,
        "recorded_at",
        ScalarValue::Timestamp(exchange.recorded_at.0),
    )?;
    for (key, value) in [
        ("group", exchange.group.as_ref().map(GroupId::as_str)),
        (
            "reversal_of",
            exchange.reversal_of.as_ref().map(ExchangeId::as_str),
        ),
        (
            "confirmer",
            exchange.confirmer.as_ref().map(MemberId::as_str),
        ),
    ] {
        if let Some(value) = value {
            doc.put(&obj, key, value)?;
        }
    }
    doc.put_object(&obj, LOG, ObjType::Map)?;
    Ok(())
}

/// Appends one entry to an exchange's lifecycle log.
pub fn append_event(
    doc: &mut AutoCommit,
    exchange: &ExchangeId,
    event: &LifecycleEvent,
) -> WriteResult<()> {
    let Some(log) = map(doc, &ROOT, EXCHANGES)
        .and_then(|all| map(doc, &all, exchange.as_str()))
        .and_then(|obj| map(doc, &obj, LOG))
    else {
        return Ok(());
    };
    let obj = doc.put_object(&log, event.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "action", event.action.code())?;
    doc.put(&obj, "by", event.by.as_str())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(event.at.0))?;
    doc.put(&obj, "note", event.note.as_str())?;
    if let Some(device) = &event.device {
        doc.put(&obj, "device", device.as_str())?;
    }
    Ok(())
}

/// A seal as stored: `seq` (uint) and `sig` (64 bytes); `None` if either
/// is missing or malformed.
/// A record's seal, if it has a whole one.
pub(super) fn read_seal(fields: &Fields) -> Option<Seal> {
    let seq = fields.uint(SEQ)?;
    let signature = match fields.scalar(SIG)? {
        ScalarValue::Bytes(bytes) => Signature::from_slice(bytes)?,
        _ => return None,
    };
    Some(Seal { seq, signature })
}

/// Writes a device's signature of an exchange it recorded.
pub fn write_exchange_seal(doc: &mut AutoCommit, id: &ExchangeId, seal: &Seal) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, EXCHANGES).and_then(|all| map(doc, &all, id.as_str())) else {
        return Ok(());
    };
    write_seal(doc, &obj, seal)
}

/// Writes a device's signature of a lifecycle entry it wrote.
pub fn write_event_seal(
    doc: &mut AutoCommit,
    exchange: &ExchangeId,
    event: &LogEntryId,
    seal: &Seal,
) -> WriteResult<()> {
    let Some(obj) = event_obj(doc, exchange, event) else {
        return Ok(());
    };
    write_seal(doc, &obj, seal)
}

/// Writes a record's seal: the signer's number and its signature.
pub(super) fn write_seal(doc: &mut AutoCommit, obj: &ObjId, seal: &Seal) -> WriteResult<()> {
    doc.put(obj, SEQ, seal.seq)?;
    doc.put(
        obj,
        SIG,
        ScalarValue::Bytes(seal.signature.as_bytes().to_vec()),
    )?;
    Ok(())
}
