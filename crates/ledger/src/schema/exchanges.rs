//! Exchange records and their lifecycle logs.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ScalarValue};

use std::collections::HashSet;

use super::*;
use crate::time::Date;

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
/// timebank).
pub fn read_all_exchanges(doc: &AutoCommit) -> Vec<Exchange> {
    read_all(doc, EXCHANGES, ExchangeId::parse, |id, fields, tree| {
        let events = match fields.map(LOG) {
            Some(log) => tree
                .take(&log)
                .0
                .into_iter()
                .filter_map(|(key, entry)| match entry {
                    Field::Object(obj) => event_from(&key, tree.take(&obj)),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        exchange_from(id, fields, events)
    })
}

/// The change that created exchange `id`'s record (where its recorder wrote
/// every field of it at once).
pub fn exchange_created_in(doc: &AutoCommit, id: &ExchangeId) -> Option<ChangeHash> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    doc.hash_for_opid(&obj)
}

/// The Automerge actor whose change created exchange `id`'s record.
pub fn exchange_creator(doc: &AutoCommit, id: &ExchangeId) -> Option<automerge::ActorId> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    creator(&map(doc, &exchanges, id.as_str())?)
}

/// The Automerge actor whose change created log entry `event` of exchange
/// `exchange`.
pub fn event_creator(
    doc: &AutoCommit,
    exchange: &ExchangeId,
    event: &LogEntryId,
) -> Option<automerge::ActorId> {
    creator(&event_obj(doc, exchange, event)?)
}

fn creator(obj: &ObjId) -> Option<automerge::ActorId> {
    match obj {
        ObjId::Id(_, actor, _) => Some(actor.clone()),
        ObjId::Root => None,
    }
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
    let fields = Fields::read_at(doc, &obj, heads).with(Fields::read(doc, &obj), &[SEQ, SIG, LOG]);
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
    doc: &AutoCommit,
    heads: &[ChangeHash],
) -> (HashSet<ExchangeId>, HashSet<LogEntryId>) {
    let vouched = vouched_at(doc, heads);
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
    objects: std::collections::HashMap<(u64, automerge::ActorId), Owner>,
    collection: Option<(u64, automerge::ActorId)>,
}

#[derive(Debug)]
enum Owner {
    Exchange(ExchangeId),
    Log,
    Entry(LogEntryId),
}

fn op_key(id: &ObjId) -> Option<(u64, automerge::ActorId)> {
    match id {
        ObjId::Id(counter, actor, _) => Some((*counter, actor.clone())),
        ObjId::Root => None,
    }
}

/// What was in the document at `heads` (a founding), with its objects.
pub fn vouched_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Vouched {
    let mut vouched = Vouched::default();
    let Some(all) = map(doc, &ROOT, EXCHANGES) else {
        return vouched;
    };
    vouched.collection = op_key(&all);
    for item in doc.map_range_at(&all, .., heads) {
        let Some(id) = ExchangeId::parse(&item.key) else {
            continue;
        };
        let obj = item.id();
        if let Some(key) = op_key(&obj) {
            vouched.objects.insert(key, Owner::Exchange(id.clone()));
        }
        vouched.exchanges.insert(id.clone());
        let log = match doc.get_at(&obj, LOG, heads) {
            Ok(Some((automerge::Value::Object(ObjType::Map), log))) => log,
            _ => continue,
        };
        if let Some(key) = op_key(&log) {
            vouched.objects.insert(key, Owner::Log);
        }
        for entry in doc.map_range_at(&log, .., heads) {
            if let Some(entry_id) = LogEntryId::parse(&entry.key) {
                if let Some(key) = op_key(&entry.id()) {
                    vouched.objects.insert(key, Owner::Entry(entry_id.clone()));
                }
                vouched.events.insert(entry_id);
            }
        }
    }
    vouched
}

/// Of what `vouched` holds (the document at `heads`), the exchanges and log
/// entries a change after `heads` edited: written again, or a field of
/// theirs other than a seal written since. Only the changes since `heads`
/// are decoded (none, the moment after a founding).
pub fn edited_since(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
    vouched: &Vouched,
) -> (HashSet<ExchangeId>, HashSet<LogEntryId>) {
    use automerge::legacy::{Key, ObjectId};
    let mut edited = (HashSet::new(), HashSet::new());
    if vouched.exchanges.is_empty() {
        return edited;
    }
    for change in doc.get_changes(heads) {
        for op in change.decode().operations {
            let ObjectId::Id(obj) = &op.obj else {
                continue;
            };
            let Key::Map(key) = &op.key else {
                continue;
            };
            let owner = (obj.0, obj.1.clone());
            if Some(&owner) == vouched.collection.as_ref() {
                // An exchange written again under its own id.
                if let Some(id) = ExchangeId::parse(key).filter(|id| vouched.exchanges.contains(id))
                {
                    edited.0.insert(id);
                }
                continue;
            }
            match vouched.objects.get(&owner) {
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
    let action = match fields.string("action")?.as_str() {
        "confirm" => LifecycleAction::Confirm,
        "reject" => LifecycleAction::Reject,
        "override_confirm" => LifecycleAction::Override(Outcome::Confirmed),
        "override_reject" => LifecycleAction::Override(Outcome::Rejected),
        _ => return None,
    };
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
    let action = match event.action {
        LifecycleAction::Confirm => "confirm",
        LifecycleAction::Reject => "reject",
        LifecycleAction::Override(Outcome::Confirmed) => "override_confirm",
        LifecycleAction::Override(Outcome::Rejected) => "override_reject",
    };
    doc.put(&obj, "action", action)?;
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
