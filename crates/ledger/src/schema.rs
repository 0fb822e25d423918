//! The document schema: every Automerge key the ledger reads or writes is
//! named here, with its type and invariant. Nothing else touches raw paths.
//!
//! ```text
//! ROOT
//! ├─ schema_version: uint                 SCHEMA_VERSION; a newer one is refused
//! ├─ timebank: map                        written once, by the creating device
//! │   name: str, unit_label: str, created_at: timestamp (ms)
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
//! │   kind: str ("service" | "purchase" | "donation"),
//! │   cash_pence?: uint, receipt?: str, bought_by?: str   (purchases)
//! │   channel: str, slip_number?: str, recorded_by: str, device: str,
//! │   recorded_at: timestamp, group?: str, reversal_of?: str, confirmer?: str,
//! │   events: map<event id, map>          the append-only lifecycle log
//! │       action: str ("confirm" | "reject" | "override_confirm" | "override_reject"),
//! │       by: str, at: timestamp, note: str
//! └─ resolutions: map<attention item key, map>   append-only
//!     by: str, at: timestamp, note: str
//! ```
//!
//! The top-level maps are created once, when the timebank is created; other
//! devices receive them by merging and never create their own (two devices
//! creating the same key concurrently would hide one of the two maps).

use std::collections::BTreeSet;

use automerge::transaction::Transactable;
use automerge::{
    AutoCommit, ObjId, ObjType, Patch, PatchAction, Prop, ROOT, ReadDoc, ScalarValue, Value,
};

use crate::ids::{Account, DeviceId, EventId, ExchangeId, GroupId, MemberId};
use crate::model::{
    Channel, ConfirmationPolicy, Exchange, ExchangeKind, LifecycleAction, LifecycleEvent, Member,
    MemberStatus, Outcome, Profile, Role, Settings, TimebankInfo,
};
use crate::time::{Date, Timestamp};

/// The version of the layout above. Bump it, and add a step to [`upgrade`],
/// whenever the layout changes.
pub const SCHEMA_VERSION: u64 = 1;

const SCHEMA_VERSION_KEY: &str = "schema_version";
const TIMEBANK: &str = "timebank";
const SETTINGS: &str = "settings";
const MEMBERS: &str = "members";
const EXCHANGES: &str = "exchanges";
const RESOLUTIONS: &str = "resolutions";
const EVENTS: &str = "events";
const CATEGORIES: &str = "categories";

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
    doc.put(&timebank, "name", info.name.as_str())?;
    doc.put(&timebank, "unit_label", info.unit_label.as_str())?;
    doc.put(
        &timebank,
        "created_at",
        ScalarValue::Timestamp(info.created_at.0),
    )?;
    let settings_obj = doc.put_object(ROOT, SETTINGS, ObjType::Map)?;
    doc.put_object(&settings_obj, CATEGORIES, ObjType::Map)?;
    write_settings(doc, settings)?;
    for collection in [MEMBERS, EXCHANGES, RESOLUTIONS] {
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
    for collection in [TIMEBANK, SETTINGS, MEMBERS, EXCHANGES, RESOLUTIONS] {
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
        name: string(doc, &obj, "name")?,
        unit_label: string(doc, &obj, "unit_label")?,
        created_at: Timestamp(int(doc, &obj, "created_at")?),
    })
}

pub fn read_settings(doc: &AutoCommit) -> Settings {
    let defaults = Settings::default();
    let Some(obj) = map(doc, &ROOT, SETTINGS) else {
        return defaults;
    };
    let categories = map(doc, &obj, CATEGORIES)
        .map(|set| doc.keys(&set).collect())
        .unwrap_or_default();
    Settings {
        debit_floor_minutes: int(doc, &obj, "debit_floor_minutes")
            .unwrap_or(defaults.debit_floor_minutes),
        credit_ceiling_minutes: int(doc, &obj, "credit_ceiling_minutes")
            .unwrap_or(defaults.credit_ceiling_minutes),
        confirmation: string(doc, &obj, "confirmation")
            .and_then(|text| confirmation_from(&text))
            .unwrap_or(defaults.confirmation),
        confirm_within_days: uint(doc, &obj, "confirm_within_days")
            .and_then(|days| u32::try_from(days).ok())
            .unwrap_or(defaults.confirm_within_days),
        auto_confirm: boolean(doc, &obj, "auto_confirm").unwrap_or(defaults.auto_confirm),
        balances_visible: boolean(doc, &obj, "balances_visible")
            .unwrap_or(defaults.balances_visible),
        categories,
        hourly_value_pence: uint(doc, &obj, "hourly_value_pence")
            .and_then(|pence| u32::try_from(pence).ok())
            .unwrap_or(defaults.hourly_value_pence),
    }
}

/// Writes only the fields that differ, so concurrent edits of different
/// settings on two devices both survive.
pub fn write_settings(doc: &mut AutoCommit, settings: &Settings) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, SETTINGS) else {
        return Ok(());
    };
    let current = read_settings(doc);
    let fresh = int(doc, &obj, "debit_floor_minutes").is_none();
    if fresh || current.debit_floor_minutes != settings.debit_floor_minutes {
        doc.put(&obj, "debit_floor_minutes", settings.debit_floor_minutes)?;
    }
    if fresh || current.credit_ceiling_minutes != settings.credit_ceiling_minutes {
        doc.put(
            &obj,
            "credit_ceiling_minutes",
            settings.credit_ceiling_minutes,
        )?;
    }
    if fresh || current.confirmation != settings.confirmation {
        doc.put(
            &obj,
            "confirmation",
            confirmation_name(settings.confirmation),
        )?;
    }
    if fresh || current.confirm_within_days != settings.confirm_within_days {
        doc.put(
            &obj,
            "confirm_within_days",
            u64::from(settings.confirm_within_days),
        )?;
    }
    if fresh || current.auto_confirm != settings.auto_confirm {
        doc.put(&obj, "auto_confirm", settings.auto_confirm)?;
    }
    if fresh || current.balances_visible != settings.balances_visible {
        doc.put(&obj, "balances_visible", settings.balances_visible)?;
    }
    if fresh || current.hourly_value_pence != settings.hourly_value_pence {
        doc.put(
            &obj,
            "hourly_value_pence",
            u64::from(settings.hourly_value_pence),
        )?;
    }
    if let Some(set) = map(doc, &obj, CATEGORIES) {
        let wanted: BTreeSet<&str> = settings.categories.iter().map(String::as_str).collect();
        let present: Vec<String> = doc.keys(&set).collect();
        for name in &present {
            if !wanted.contains(name.as_str()) {
                doc.delete(&set, name.as_str())?;
            }
        }
        for name in wanted {
            if !present.iter().any(|p| p == name) {
                doc.put(&set, name, true)?;
            }
        }
    }
    Ok(())
}

pub fn member_ids(doc: &AutoCommit) -> Vec<MemberId> {
    ids_in(doc, MEMBERS, MemberId::parse)
}

pub fn exchange_ids(doc: &AutoCommit) -> Vec<ExchangeId> {
    ids_in(doc, EXCHANGES, ExchangeId::parse)
}

fn ids_in<T>(doc: &AutoCommit, collection: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    map(doc, &ROOT, collection)
        .map(|obj| doc.keys(&obj).filter_map(|key| parse(&key)).collect())
        .unwrap_or_default()
}

/// A member as stored, or `None` if the record is missing or unreadable.
pub fn read_member(doc: &AutoCommit, id: &MemberId) -> Option<Member> {
    let members = map(doc, &ROOT, MEMBERS)?;
    let obj = map(doc, &members, id.as_str())?;
    let text = |key| string(doc, &obj, key).unwrap_or_default();
    Some(Member {
        id: id.clone(),
        number: uint(doc, &obj, "number").and_then(|n| u32::try_from(n).ok())?,
        name: string(doc, &obj, "name")?,
        profile: Profile {
            phone: text("phone"),
            email: text("email"),
            neighbourhood: text("neighbourhood"),
            offers: text("offers"),
            needs: text("needs"),
        },
        status: string(doc, &obj, "status").and_then(|s| status_from(&s))?,
        role: string(doc, &obj, "role").and_then(|s| role_from(&s))?,
        joined_on: string(doc, &obj, "joined_on").and_then(|s| Date::parse(&s))?,
        debit_floor_minutes: int(doc, &obj, "debit_floor_minutes"),
        credit_ceiling_minutes: int(doc, &obj, "credit_ceiling_minutes"),
    })
}

/// Writes a whole new member record.
pub fn write_new_member(doc: &mut AutoCommit, member: &Member) -> WriteResult<()> {
    let Some(members) = map(doc, &ROOT, MEMBERS) else {
        return Ok(());
    };
    let obj = doc.put_object(&members, member.id.as_str(), ObjType::Map)?;
    doc.put(&obj, "number", u64::from(member.number))?;
    doc.put(&obj, "name", member.name.as_str())?;
    doc.put(&obj, "status", status_name(member.status))?;
    doc.put(&obj, "role", role_name(member.role))?;
    doc.put(&obj, "joined_on", member.joined_on.to_string())?;
    write_member_fields(doc, &obj, None, member)
}

/// Writes the fields of `member` that differ from the stored record, so that
/// concurrent edits of different fields both survive a merge.
pub fn write_member_changes(doc: &mut AutoCommit, member: &Member) -> WriteResult<()> {
    let Some(obj) = map(doc, &ROOT, MEMBERS).and_then(|m| map(doc, &m, member.id.as_str())) else {
        return Ok(());
    };
    let stored = read_member(doc, &member.id);
    if let Some(stored) = &stored {
        if stored.number != member.number {
            doc.put(&obj, "number", u64::from(member.number))?;
        }
        if stored.name != member.name {
            doc.put(&obj, "name", member.name.as_str())?;
        }
        if stored.status != member.status {
            doc.put(&obj, "status", status_name(member.status))?;
        }
        if stored.role != member.role {
            doc.put(&obj, "role", role_name(member.role))?;
        }
    }
    write_member_fields(doc, &obj, stored.as_ref(), member)
}

fn write_member_fields(
    doc: &mut AutoCommit,
    obj: &ObjId,
    stored: Option<&Member>,
    member: &Member,
) -> WriteResult<()> {
    let profile = &member.profile;
    let old = stored.map(|m| &m.profile);
    for (key, value, before) in [
        ("phone", &profile.phone, old.map(|p| &p.phone)),
        ("email", &profile.email, old.map(|p| &p.email)),
        (
            "neighbourhood",
            &profile.neighbourhood,
            old.map(|p| &p.neighbourhood),
        ),
        ("offers", &profile.offers, old.map(|p| &p.offers)),
        ("needs", &profile.needs, old.map(|p| &p.needs)),
    ] {
        if before != Some(value) {
            doc.put(obj, key, value.as_str())?;
        }
    }
    for (key, value, before) in [
        (
            "debit_floor_minutes",
            member.debit_floor_minutes,
            stored.map(|m| m.debit_floor_minutes),
        ),
        (
            "credit_ceiling_minutes",
            member.credit_ceiling_minutes,
            stored.map(|m| m.credit_ceiling_minutes),
        ),
    ] {
        if before != Some(value) {
            match value {
                Some(minutes) => doc.put(obj, key, minutes)?,
                None if stored.is_some() => doc.delete(obj, key)?,
                None => {}
            }
        }
    }
    Ok(())
}

/// An exchange as stored, with its lifecycle log in a fixed order; `None` if
/// the record is missing or unreadable.
pub fn read_exchange(doc: &AutoCommit, id: &ExchangeId) -> Option<Exchange> {
    let exchanges = map(doc, &ROOT, EXCHANGES)?;
    let obj = map(doc, &exchanges, id.as_str())?;
    let optional = |key| string(doc, &obj, key).filter(|s| !s.is_empty());
    let kind = match string(doc, &obj, "kind")?.as_str() {
        "service" => ExchangeKind::Service,
        "donation" => ExchangeKind::Donation,
        "purchase" => ExchangeKind::TokenPurchase {
            cash_pence: uint(doc, &obj, "cash_pence").and_then(|p| u32::try_from(p).ok())?,
            receipt: string(doc, &obj, "receipt").unwrap_or_default(),
            bought_by: optional("bought_by"),
        },
        _ => return None,
    };
    let channel = match string(doc, &obj, "channel")?.as_str() {
        "app" => Channel::App,
        "coordinator" => Channel::Coordinator,
        "trading_day_tally" => Channel::TradingDayTally,
        "paper_slip" => Channel::PaperSlip {
            number: string(doc, &obj, "slip_number")?,
        },
        "import" => Channel::Import,
        "qr_hand_off" => Channel::QrHandOff,
        _ => return None,
    };
    let mut events: Vec<LifecycleEvent> = map(doc, &obj, EVENTS)
        .map(|log| {
            doc.keys(&log)
                .filter_map(|key| read_event(doc, &log, &key))
                .collect()
        })
        .unwrap_or_default();
    events.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    Some(Exchange {
        id: id.clone(),
        payer: string(doc, &obj, "payer").and_then(|s| Account::parse(&s))?,
        payee: string(doc, &obj, "payee").and_then(|s| Account::parse(&s))?,
        minutes: uint(doc, &obj, "minutes").and_then(|m| u32::try_from(m).ok())?,
        service_date: string(doc, &obj, "service_date").and_then(|s| Date::parse(&s))?,
        description: string(doc, &obj, "description").unwrap_or_default(),
        category: optional("category"),
        kind,
        channel,
        recorded_by: string(doc, &obj, "recorded_by").and_then(|s| MemberId::parse(&s))?,
        device: string(doc, &obj, "device").and_then(|s| DeviceId::parse(&s))?,
        recorded_at: Timestamp(int(doc, &obj, "recorded_at")?),
        group: optional("group").and_then(|s| GroupId::parse(&s)),
        reversal_of: optional("reversal_of").and_then(|s| ExchangeId::parse(&s)),
        confirmer: optional("confirmer").and_then(|s| MemberId::parse(&s)),
        events,
    })
}

fn read_event(doc: &AutoCommit, log: &ObjId, key: &str) -> Option<LifecycleEvent> {
    let obj = map(doc, log, key)?;
    let action = match string(doc, &obj, "action")?.as_str() {
        "confirm" => LifecycleAction::Confirm,
        "reject" => LifecycleAction::Reject,
        "override_confirm" => LifecycleAction::Override(Outcome::Confirmed),
        "override_reject" => LifecycleAction::Override(Outcome::Rejected),
        _ => return None,
    };
    Some(LifecycleEvent {
        id: EventId::parse(key)?,
        action,
        by: string(doc, &obj, "by").and_then(|s| MemberId::parse(&s))?,
        at: Timestamp(int(doc, &obj, "at")?),
        note: string(doc, &obj, "note").unwrap_or_default(),
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
    doc.put_object(&obj, EVENTS, ObjType::Map)?;
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
        .and_then(|obj| map(doc, &obj, EVENTS))
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
    Ok(())
}

/// A coordinator's resolution of an attention item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub item_key: String,
    pub by: MemberId,
    pub at: Timestamp,
    pub note: String,
}

pub fn read_resolutions(doc: &AutoCommit) -> Vec<Resolution> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Vec::new();
    };
    doc.keys(&all)
        .filter_map(|key| {
            let obj = map(doc, &all, &key)?;
            Some(Resolution {
                by: string(doc, &obj, "by").and_then(|s| MemberId::parse(&s))?,
                at: Timestamp(int(doc, &obj, "at")?),
                note: string(doc, &obj, "note").unwrap_or_default(),
                item_key: key,
            })
        })
        .collect()
}

pub fn write_resolution(doc: &mut AutoCommit, resolution: &Resolution) -> WriteResult<()> {
    let Some(all) = map(doc, &ROOT, RESOLUTIONS) else {
        return Ok(());
    };
    let obj = doc.put_object(&all, resolution.item_key.as_str(), ObjType::Map)?;
    doc.put(&obj, "by", resolution.by.as_str())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(resolution.at.0))?;
    doc.put(&obj, "note", resolution.note.as_str())?;
    Ok(())
}

/// What a set of patches (from a merge) touched, so derived state is brought
/// up to date by re-reading only those records.
#[derive(Debug, Default)]
pub struct Touched {
    pub members: BTreeSet<MemberId>,
    pub exchanges: BTreeSet<ExchangeId>,
    pub settings: bool,
    pub info: bool,
    pub resolutions: bool,
    /// A whole top-level map was replaced: re-read everything.
    pub everything: bool,
}

pub fn touched(patches: &[Patch]) -> Touched {
    let mut touched = Touched::default();
    for patch in patches {
        let mut props = patch.path.iter().map(|(_, prop)| prop);
        let top = match props.next() {
            Some(Prop::Map(key)) => key.clone(),
            Some(Prop::Seq(_)) => continue,
            None => match &patch.action {
                // A top-level key itself was written: re-read everything under it.
                PatchAction::PutMap { key, .. } => {
                    touched.mark_all(key);
                    continue;
                }
                _ => continue,
            },
        };
        let id = match props.next() {
            Some(Prop::Map(key)) => Some(key.clone()),
            Some(Prop::Seq(_)) => None,
            None => match &patch.action {
                PatchAction::PutMap { key, .. } => Some(key.clone()),
                PatchAction::DeleteMap { key } => Some(key.clone()),
                _ => None,
            },
        };
        match top.as_str() {
            MEMBERS => {
                if let Some(id) = id.as_deref().and_then(MemberId::parse) {
                    touched.members.insert(id);
                }
            }
            EXCHANGES => {
                if let Some(id) = id.as_deref().and_then(ExchangeId::parse) {
                    touched.exchanges.insert(id);
                }
            }
            SETTINGS => touched.settings = true,
            TIMEBANK => touched.info = true,
            RESOLUTIONS => touched.resolutions = true,
            _ => {}
        }
    }
    touched
}

impl Touched {
    /// A whole top-level map changed (only when a timebank first arrives).
    fn mark_all(&mut self, _top_level_key: &str) {
        self.everything = true;
    }
}

fn confirmation_name(policy: ConfirmationPolicy) -> &'static str {
    match policy {
        ConfirmationPolicy::Nobody => "nobody",
        ConfirmationPolicy::Payer => "payer",
        ConfirmationPolicy::OtherParty => "other_party",
    }
}

fn confirmation_from(text: &str) -> Option<ConfirmationPolicy> {
    Some(match text {
        "nobody" => ConfirmationPolicy::Nobody,
        "payer" => ConfirmationPolicy::Payer,
        "other_party" => ConfirmationPolicy::OtherParty,
        _ => return None,
    })
}

fn status_name(status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::Applicant => "applicant",
        MemberStatus::Active => "active",
        MemberStatus::Away => "away",
        MemberStatus::Left => "left",
    }
}

fn status_from(text: &str) -> Option<MemberStatus> {
    Some(match text {
        "applicant" => MemberStatus::Applicant,
        "active" => MemberStatus::Active,
        "away" => MemberStatus::Away,
        "left" => MemberStatus::Left,
        _ => return None,
    })
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coordinator => "coordinator",
    }
}

fn role_from(text: &str) -> Option<Role> {
    Some(match text {
        "member" => Role::Member,
        "coordinator" => Role::Coordinator,
        _ => return None,
    })
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
    match scalar(doc, obj, key)? {
        ScalarValue::Str(text) => Some(text.to_string()),
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
