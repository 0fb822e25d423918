//! The document schema: every Automerge key the ledger reads or writes is
//! named here, with its type and invariant. Nothing else touches raw paths.
//!
//! ```text
//! ROOT
//! ├─ schema_version: uint                 SCHEMA_VERSION; a newer one is refused
//! ├─ timebank: map                        written once, by the creating device
//! │   id: str (32 hex digits), name: str, unit_label: str, created_at: timestamp (ms)
//! │   unit_label_one?: str (one unit: "time credit"; absent or "": unit_label)
//! │   currency?: str (ISO 4217: "GBP" | "EUR" | "USD"; absent: GBP)
//! │   language?: str (BCP 47; absent or "": the browser's)
//! ├─ settings: map                        each field last-writer-wins
//! │   debit_floor_minutes: int (≤ 0), credit_ceiling_minutes: int (≥ 0),
//! │   confirmation: str ("nobody" | "payer" | "other_party"),
//! │   confirm_within_days: uint, auto_confirm: bool, balances_visible: bool,
//! │   hourly_value_pence: uint,
//! │   categories: map<name, true>         a set, so concurrent additions merge
//! ├─ members: map<member id, map>         keyed by random id: additions never collide
//! │   number: uint, name: str, status: str, role: str, joined_on: str (YYYY-MM-DD),
//! │   phone, email, neighbourhood, offers, needs: str,
//! │   debit_floor_minutes?, credit_ceiling_minutes?: int (absent = timebank's)
//! ├─ exchanges: map<exchange id, map>     core fields written once, never changed
//! │   payer, payee: str (member id or "fund"), minutes: uint (1..=1440),
//! │   service_date: str, description: str, category?: str,
//! │   kind: str ("service" | "purchase" | "donation" | "opening_balance"),
//! │   cash_pence?: uint, receipt?: str, bought_by?: str   (purchases)
//! │   channel: str, slip_number?: str, recorded_by: str, device: str,
//! │   recorded_at: timestamp, group?: str, reversal_of?: str, confirmer?: str,
//! │   seq?: uint, sig?: bytes             the recording device's seal (`trust`),
//! │                                       written once, after the record
//! │   log: map<event id, map>             the append-only lifecycle log
//! │       action: str ("confirm" | "reject" | "override_confirm" | "override_reject"),
//! │       by: str, at: timestamp, note: str, device?: str, seq?: uint, sig?: bytes
//! ├─ resolutions: map<attention item key, map>   append-only
//! │   by: str, at: timestamp, note: str
//! ├─ listings: map<listing id, map>       each field last-writer-wins
//! │   kind: str ("offer" | "request" | "lend" | "give_away"), member: str,
//! │   title: str, description: str, category: str ("" = none),
//! │   created_at: timestamp, expires_on: str (YYYY-MM-DD), withdrawn: bool,
//! │   exchanges?: map<exchange id, true>  exchanges recorded for it
//! ├─ events: map<event id, map>           each field last-writer-wins
//! │   kind: str ("trading_day" | "social" | "group_activity" | "meeting"),
//! │   title, description, place: str, starts_at, ends_at: timestamp,
//! │   organiser: str, cancelled: bool,
//! │   attendance: map<member id, bool>    each member's latest answer
//! │   exchanges?: map<group id, true>     group exchanges recorded for it
//! ├─ trust: map                          roots, certificates, revocations: see schema/trust.rs
//! └─ periods: map<month "YYYY-MM", map>   a locked month's published figures
//!     locked_at: timestamp, locked_by: str, minutes_exchanged, exchanges,
//!     fund_minutes, social_value_pence: int, active_members, new_members: uint,
//!     by_category: map<name, map{minutes: int, exchanges: int}>,
//!     included: str (comma-separated first 16 hex digits of each exchange id)
//! ```
//!
//! The top-level maps are created once, when the timebank is created; other
//! devices receive them by merging and never create their own (two devices
//! creating the same key concurrently would hide one of the two maps).

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};

use crate::ids::{Account, DeviceId, ExchangeId, GroupId, LogEntryId, MemberId};
use crate::model::{
    Channel, ConfirmationPolicy, Exchange, ExchangeKind, LifecycleAction, LifecycleEvent, Member,
    MemberStatus, Profile, Role, Seal, Settings, TimebankDetails, TimebankInfo,
};
use crate::time::Timestamp;
use crate::trust::Signature;

mod board;
mod decisions;
mod exchanges;
mod history;
mod members;
mod periods;
mod resolutions;
mod settings;
mod touched;
mod trust;

pub use board::{
    event_ids, listing_ids, read_all_listings, read_event, read_listing, write_attendance,
    write_event, write_event_exchange, write_listing, write_listing_exchange,
};
pub use periods::{lock_at, locked_at, read_locks, write_lock};

pub use decisions::{
    DECISION_MESSAGE, DECISION_SEAL_MESSAGE, Decision, DecisionHistory, Rights, Written,
    decisions_written_after, details_from_value, details_value, member_at, rights_at,
    settings_from_value, settings_value, write_decision, write_sealed_decision,
};
pub use exchanges::{
    ExchangeObjects, Vouched, Writing, append_event, deleted_sealed_exchanges,
    earlier_exchange_seals, edited_since, event_created_in, exchange_created_in, exchange_ids,
    exchange_ids_at, exchange_writing, read_all_exchanges, read_event_as_written, read_exchange,
    read_exchange_at, read_exchange_vouched_at, records_at, vouched_at, write_event_seal,
    write_exchange_seal, write_new_exchange,
};
pub use members::{member_ids, read_member, write_member_changes, write_new_member};
pub(crate) use members::{role_name, status_name};
pub use resolutions::{
    RESOLUTION_MESSAGE, Resolution, read_resolutions, resolutions_written_after, resolved_at,
    write_resolution,
};
use settings::{confirmation_from, confirmation_name};
pub use settings::{confirmation_written_at, read_settings, settings_at, write_settings};
pub use touched::{Touched, touched_since};
pub use trust::{
    ACCEPT_EXCHANGE_MESSAGE, ACCEPT_INVITE_MESSAGE, CERTIFY_MESSAGE, CHECKPOINT_MESSAGE,
    FOUNDING_MESSAGE, FoundingHistory, FoundingWrite, INVITE_MESSAGE, REVOKE_MESSAGE, TrustRecords,
    changes_after, common_heads, foundings_written_after, read_acceptances, read_certificates,
    read_checkpoints, read_invitations, read_requests, read_revocations, remove_request,
    trust_map_count, trust_record_at, write_acceptance, write_certificate, write_checkpoint,
    write_invitation, write_request, write_revocation, write_root,
};

/// The version of the layout above. Bump it, and add a step to [`upgrade`],
/// whenever the layout changes.
pub const SCHEMA_VERSION: u64 = 1;

const SCHEMA_VERSION_KEY: &str = "schema_version";
const TIMEBANK: &str = "timebank";
const SETTINGS: &str = "settings";
const MEMBERS: &str = "members";
const EXCHANGES: &str = "exchanges";
const RESOLUTIONS: &str = "resolutions";
const LISTINGS: &str = "listings";
const EVENTS: &str = "events";
const PERIODS: &str = "periods";
const LOG: &str = "log";
const CATEGORIES: &str = "categories";
const SEQ: &str = "seq";
const SIG: &str = "sig";

/// A failure to write: Automerge refused an operation. Writes are validated
/// first, so this means a damaged document.
pub type WriteResult<T> = Result<T, automerge::AutomergeError>;

/// Why a document cannot be opened as a timebank.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error("this file is not a Tally timebank")]
    NotATimebank,
    #[error(
        "this timebank was saved by a newer version of Tally (layout {found}, this version reads up to {SCHEMA_VERSION}); update Tally to open it"
    )]
    Newer { found: u64 },
}

/// Writes the layout of a new timebank.
pub fn init(doc: &mut AutoCommit, info: &TimebankInfo, settings: &Settings) -> WriteResult<()> {
    doc.put(ROOT, SCHEMA_VERSION_KEY, SCHEMA_VERSION)?;
    let timebank = doc.put_object(ROOT, TIMEBANK, ObjType::Map)?;
    doc.put(&timebank, "id", info.id.as_str())?;
    doc.put(&timebank, "name", info.name.as_str())?;
    doc.put(&timebank, "unit_label", info.unit_label.as_str())?;
    doc.put(
        &timebank,
        "created_at",
        ScalarValue::Timestamp(info.created_at.0),
    )?;
    if let Some(nonce) = &info.founding_nonce {
        doc.put(&timebank, "founding_nonce", nonce.as_str())?;
    }
    // Currency and language are written once changed (see `write_details`).
    let settings_obj = doc.put_object(ROOT, SETTINGS, ObjType::Map)?;
    doc.put_object(&settings_obj, CATEGORIES, ObjType::Map)?;
    write_settings(doc, settings)?;
    for collection in [MEMBERS, EXCHANGES, RESOLUTIONS, LISTINGS, EVENTS, PERIODS] {
        doc.put_object(ROOT, collection, ObjType::Map)?;
    }
    Ok(())
}

/// Checks the layout version and brings an older layout up to date.
pub fn upgrade(doc: &mut AutoCommit) -> Result<(), SchemaError> {
    let version = uint(doc, &ROOT, SCHEMA_VERSION_KEY).ok_or(SchemaError::NotATimebank)?;
    if version > SCHEMA_VERSION {
        return Err(SchemaError::Newer { found: version });
    }
    for collection in [
        TIMEBANK,
        SETTINGS,
        MEMBERS,
        EXCHANGES,
        RESOLUTIONS,
        LISTINGS,
        EVENTS,
        PERIODS,
    ] {
        if map(doc, &ROOT, collection).is_none() {
            return Err(SchemaError::NotATimebank);
        }
    }
    // Version 1 is the first layout: there is nothing older to upgrade yet.
    // A later version adds its steps here, each deterministic, so that
    // devices upgrading the same document independently write the same values.
    Ok(())
}

pub fn read_info(doc: &AutoCommit) -> Option<TimebankInfo> {
    let obj = map(doc, &ROOT, TIMEBANK)?;
    Some(TimebankInfo {
        id: string(doc, &obj, "id")?,
        name: string(doc, &obj, "name")?,
        unit_label: string(doc, &obj, "unit_label")?,
        unit_label_one: string(doc, &obj, "unit_label_one").unwrap_or_default(),
        created_at: Timestamp(int(doc, &obj, "created_at")?),
        founding_nonce: string(doc, &obj, "founding_nonce"),
        // Written since these could be changed; pounds, and no language,
        // before (or an unknown currency from a later release).
        currency: string(doc, &obj, "currency")
            .and_then(|code| crate::model::Currency::from_code(&code))
            .unwrap_or_default(),
        language: string(doc, &obj, "language").filter(|code| !code.is_empty()),
    })
}

/// The timebank's details as the document stated them at `heads` (a
/// founding's); `None` if it held no timebank record then.
pub fn details_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Option<TimebankDetails> {
    let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get_at(ROOT, TIMEBANK, heads) else {
        return None;
    };
    let fields = Fields::read_at(doc, &obj, heads);
    Some(TimebankDetails {
        name: fields.string("name")?,
        unit_label: fields.string("unit_label")?,
        unit_label_one: fields.string("unit_label_one").unwrap_or_default(),
        // (As `read_info` reads them.)
        currency: fields
            .string("currency")
            .and_then(|code| crate::model::Currency::from_code(&code))
            .unwrap_or_default(),
        language: fields.string("language").filter(|code| !code.is_empty()),
    })
}

/// Writes the timebank's name, currency and language where they differ
/// from what is stored (its id, creation and founding never change).
pub fn write_details(doc: &mut AutoCommit, info: &TimebankInfo) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, TIMEBANK) else {
        return Ok(());
    };
    let language = info.language.clone().unwrap_or_default();
    for (key, value) in [
        ("name", info.name.as_str()),
        ("unit_label", info.unit_label.as_str()),
        ("unit_label_one", info.unit_label_one.as_str()),
        ("currency", info.currency.code()),
        ("language", language.as_str()),
    ] {
        if string(doc, &obj, key).as_deref() != Some(value) {
            doc.put(&obj, key, value)?;
        }
    }
    Ok(())
}

fn ids_in<T>(doc: &AutoCommit, collection: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    map(doc, &ROOT, collection)
        .map(|obj| doc.keys(&obj).filter_map(|key| parse(&key)).collect())
        .unwrap_or_default()
}

/// The fields of one map object, read in a single pass (much cheaper than
/// one lookup per field when a whole record is read).
struct Fields(Vec<(String, Field)>);

enum Field {
    Scalar(ScalarValue),
    Object(ObjId),
    /// A text object where Tally writes a plain string: what other
    /// Automerge tools write by default (the JavaScript library stores every
    /// string as text). Read as the string it holds.
    Text(String),
}

impl Fields {
    fn read(doc: &AutoCommit, obj: &ObjId) -> Fields {
        Fields(
            doc.map_range(obj, ..)
                .map(|item| {
                    let field = match item.value {
                        automerge::ValueRef::Object(automerge::ObjType::Text) => {
                            Field::Text(doc.text(item.id()).unwrap_or_default())
                        }
                        automerge::ValueRef::Object(_) => Field::Object(item.id()),
                        automerge::ValueRef::Scalar(value) => Field::Scalar(value.into()),
                    };
                    (item.key.into_owned(), field)
                })
                .collect(),
        )
    }

    /// The fields as they were at `heads`.
    fn read_at(doc: &AutoCommit, obj: &ObjId, heads: &[ChangeHash]) -> Fields {
        Fields(
            doc.map_range_at(obj, .., heads)
                .map(|item| {
                    let field = match item.value {
                        automerge::ValueRef::Object(automerge::ObjType::Text) => {
                            Field::Text(doc.text_at(item.id(), heads).unwrap_or_default())
                        }
                        automerge::ValueRef::Object(_) => Field::Object(item.id()),
                        automerge::ValueRef::Scalar(value) => Field::Scalar(value.into()),
                    };
                    (item.key.into_owned(), field)
                })
                .collect(),
        )
    }

    /// These fields with `keys` taken from `other` instead.
    fn with(mut self, other: Fields, keys: &[&str]) -> Fields {
        self.0.retain(|(key, _)| !keys.contains(&key.as_str()));
        self.0.extend(
            other
                .0
                .into_iter()
                .filter(|(key, _)| keys.contains(&key.as_str())),
        );
        self
    }

    fn get(&self, key: &str) -> Option<&Field> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, field)| field)
    }

    fn scalar(&self, key: &str) -> Option<&ScalarValue> {
        match self.get(key)? {
            Field::Scalar(value) => Some(value),
            Field::Object(_) | Field::Text(_) => None,
        }
    }

    fn map(&self, key: &str) -> Option<ObjId> {
        match self.get(key)? {
            Field::Object(id) => Some(id.clone()),
            Field::Scalar(_) | Field::Text(_) => None,
        }
    }

    fn string(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Field::Scalar(ScalarValue::Str(text)) => Some(text.to_string()),
            Field::Text(text) => Some(text.clone()),
            _ => None,
        }
    }

    fn int(&self, key: &str) -> Option<i64> {
        match *self.scalar(key)? {
            ScalarValue::Int(n) | ScalarValue::Timestamp(n) => Some(n),
            ScalarValue::Uint(n) => i64::try_from(n).ok(),
            _ => None,
        }
    }

    fn uint(&self, key: &str) -> Option<u64> {
        match *self.scalar(key)? {
            ScalarValue::Uint(n) => Some(n),
            ScalarValue::Int(n) => u64::try_from(n).ok(),
            _ => None,
        }
    }

    fn boolean(&self, key: &str) -> Option<bool> {
        match *self.scalar(key)? {
            ScalarValue::Boolean(b) => Some(b),
            _ => None,
        }
    }
}

/// Every object under one object, read in a single pass over the document
/// (`ReadDoc::iter_at`, which visits objects in order instead of seeking each
/// one): what reading a whole collection at load time uses. Reading record
/// by record seeks every record's map twice, which at 50,000 exchanges was
/// a third of opening a timebank.
struct Tree {
    objects: std::collections::HashMap<ObjId, Vec<(String, Field)>>,
    /// The ops that wrote each map's fields.
    writers: std::collections::HashMap<ObjId, Writers>,
    texts: std::collections::HashMap<ObjId, String>,
    /// The objects that are text, where Tally writes a plain string.
    text_objects: std::collections::HashSet<ObjId>,
    /// The objects that are lists or tables (Tally writes none).
    other_objects: std::collections::HashSet<ObjId>,
}

/// Every readable record of the map at root key `collection`, read in one
/// pass ([`Tree`]): `from` makes a record of its id and fields, and may take
/// the fields of the objects inside it from the tree.
fn read_all<I, T>(
    doc: &AutoCommit,
    collection: &str,
    parse: impl Fn(&str) -> Option<I>,
    mut from: impl FnMut(&I, Fields, &mut Tree) -> Option<T>,
) -> Vec<T> {
    let Some(all) = map(doc, &ROOT, collection) else {
        return Vec::new();
    };
    let mut tree = Tree::read(doc, &all);
    let records = tree.take(&all);
    records
        .0
        .into_iter()
        .filter_map(|(key, field)| {
            let id = parse(&key)?;
            let Field::Object(obj) = field else {
                return None;
            };
            let fields = tree.take(&obj);
            from(&id, fields, &mut tree)
        })
        .collect()
}

/// The object [`Tree::read`] is reading: its fields (and the ops that
/// wrote them), or its text.
struct Reading {
    obj: std::sync::Arc<ObjId>,
    fields: Vec<(String, Field)>,
    writers: Writers,
    text: String,
}

impl Reading {
    fn new(obj: std::sync::Arc<ObjId>) -> Reading {
        Reading {
            obj,
            fields: Vec::new(),
            writers: Writers::default(),
            text: String::new(),
        }
    }
}

/// The ops that wrote a record's fields other than its seal and log: the
/// oldest and newest, and whether more than one actor wrote them. One
/// change's ops are one actor's and numbered without a gap, so the fields
/// were all written by one change exactly when one actor wrote them and the
/// oldest and newest are in that change.
#[derive(Debug, Clone, Default)]
struct Writers {
    oldest: Option<ObjId>,
    newest: Option<ObjId>,
    several_actors: bool,
}

impl Writers {
    /// Notes the op `id` that wrote field `key`.
    fn note(&mut self, key: &str, id: ObjId) {
        if matches!(key, SEQ | SIG | LOG) {
            return;
        }
        let ObjId::Id(counter, actor, _) = &id else {
            return;
        };
        let counter_of = |id: &ObjId| match id {
            ObjId::Id(counter, _, _) => *counter,
            ObjId::Root => 0,
        };
        if let Some(ObjId::Id(_, first, _)) = &self.oldest
            && first != actor
        {
            self.several_actors = true;
        }
        if self
            .oldest
            .as_ref()
            .is_none_or(|old| *counter < counter_of(old))
        {
            self.oldest = Some(id.clone());
        }
        if self
            .newest
            .as_ref()
            .is_none_or(|new| *counter > counter_of(new))
        {
            self.newest = Some(id);
        }
    }

    /// Whether a change other than `created` (which made the record's map,
    /// as object `obj`) wrote any of these fields.
    fn other_than(&self, doc: &AutoCommit, obj: &ObjId, created: ChangeHash) -> bool {
        let same_actor = |id: &ObjId| match (id, obj) {
            (ObjId::Id(_, a, _), ObjId::Id(_, b, _)) => a == b,
            _ => false,
        };
        let in_created = |id: &Option<ObjId>| {
            id.as_ref()
                .is_none_or(|id| same_actor(id) && doc.hash_for_opid(id) == Some(created))
        };
        self.several_actors || !in_created(&self.oldest) || !in_created(&self.newest)
    }
}

impl Tree {
    fn read(doc: &AutoCommit, root: &ObjId) -> Tree {
        Tree::read_at(doc, root, None)
    }

    /// The tree as it was at `heads` (`None`: as it is now).
    fn read_at(doc: &AutoCommit, root: &ObjId, heads: Option<&[ChangeHash]>) -> Tree {
        use automerge::iter::DocItem;
        let mut tree = Tree {
            objects: Default::default(),
            writers: Default::default(),
            texts: Default::default(),
            text_objects: Default::default(),
            other_objects: Default::default(),
        };
        // An object's items come one after another: they are gathered, then
        // filed under the object once the next object starts.
        let mut reading: Option<Reading> = None;
        for item in doc.iter_at(root, heads) {
            let same = reading.as_ref().is_some_and(|r| *r.obj == *item.obj);
            if !same && let Some(done) = reading.replace(Reading::new(item.obj.clone())) {
                tree.file(done);
            }
            let Some(current) = reading.as_mut() else {
                continue;
            };
            match item.item {
                DocItem::Map(entry) => {
                    current.writers.note(&entry.key, entry.id());
                    let field = match entry.value {
                        automerge::ValueRef::Object(ObjType::Text) => {
                            tree.text_objects.insert(entry.id());
                            Field::Object(entry.id())
                        }
                        automerge::ValueRef::Object(ObjType::Map) => Field::Object(entry.id()),
                        automerge::ValueRef::Object(_) => {
                            tree.other_objects.insert(entry.id());
                            Field::Object(entry.id())
                        }
                        automerge::ValueRef::Scalar(value) => Field::Scalar(value.into()),
                    };
                    current.fields.push((entry.key.into_owned(), field));
                }
                DocItem::Text(span) => current.text.push_str(span.as_str()),
                DocItem::List(_) => {}
            }
        }
        if let Some(done) = reading {
            tree.file(done);
        }
        tree
    }

    fn file(&mut self, done: Reading) {
        let obj = std::sync::Arc::unwrap_or_clone(done.obj);
        if !done.text.is_empty() {
            self.texts.insert(obj.clone(), done.text);
        }
        if !done.fields.is_empty() {
            self.writers.insert(obj.clone(), done.writers);
            self.objects.insert(obj, done.fields);
        }
    }

    /// Whether `obj` is a map.
    fn is_map(&self, obj: &ObjId) -> bool {
        !self.text_objects.contains(obj) && !self.other_objects.contains(obj)
    }

    /// The ops that wrote map `obj`'s fields (taken, as its fields are).
    fn take_writers(&mut self, obj: &ObjId) -> Writers {
        self.writers.remove(obj).unwrap_or_default()
    }

    /// The fields of map `obj`, as [`Fields::read`] reads them (taken: each
    /// object is read once).
    fn take(&mut self, obj: &ObjId) -> Fields {
        let fields = self.objects.remove(obj).unwrap_or_default();
        Fields(
            fields
                .into_iter()
                .map(|(key, field)| match field {
                    Field::Object(id) if self.text_objects.contains(&id) => {
                        let text = self.texts.remove(&id).unwrap_or_default();
                        (key, Field::Text(text))
                    }
                    field => (key, field),
                })
                .collect(),
        )
    }
}

/// Every map at `key` of `parent` (more than one if two devices made it
/// at once).
fn maps(doc: &AutoCommit, parent: &ObjId, key: &str) -> Vec<ObjId> {
    doc.get_all(parent, key)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(value, id)| matches!(value, Value::Object(ObjType::Map)).then_some(id))
        .collect()
}

fn map(doc: &AutoCommit, parent: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(parent, key).ok()?? {
        (Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

fn scalar(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ScalarValue> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => Some(value.into_owned()),
        _ => None,
    }
}

fn string(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => match value.into_owned() {
            ScalarValue::Str(text) => Some(text.to_string()),
            _ => None,
        },
        // Written as text by another Automerge tool (see `Field::Text`).
        (Value::Object(automerge::ObjType::Text), id) => doc.text(&id).ok(),
        _ => None,
    }
}

fn int(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<i64> {
    match scalar(doc, obj, key)? {
        ScalarValue::Int(n) | ScalarValue::Timestamp(n) => Some(n),
        ScalarValue::Uint(n) => i64::try_from(n).ok(),
        _ => None,
    }
}

fn uint(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<u64> {
    match scalar(doc, obj, key)? {
        ScalarValue::Uint(n) => Some(n),
        ScalarValue::Int(n) => u64::try_from(n).ok(),
        _ => None,
    }
}

fn boolean(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<bool> {
    match scalar(doc, obj, key)? {
        ScalarValue::Boolean(b) => Some(b),
        _ => None,
    }
}
