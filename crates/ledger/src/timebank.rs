//! [`Timebank`]: one timebank's Automerge document together with the state
//! derived from it, and every operation a member or coordinator can perform.
//!
//! Operations live beside it by subject: `members`, `exchanges`. Each
//! operation checks everything first and only then writes, in one
//! Automerge commit; if a write still fails the commit is rolled back, so a
//! failed operation leaves the document exactly as it was.

use std::collections::BTreeMap;

use automerge::{ActorId, AutoCommit, ChangeHash, transaction::CommitOptions};

mod attention;
mod board;
mod certificates;
mod checked;
mod checkpoints;
mod counting;
mod details;
use details::check_settings;
mod decisions;
mod event_exchanges;
mod exchange_book;
mod exchanges;
mod finding;
mod import;
mod listing_exchanges;
mod members;
mod reports;
mod signing;
mod trading_day;

pub use attention::{AttentionItem, ResolutionDraft, trust_problem_codes};
pub use board::{NewEvent, NewListing, ProfileMatch};
pub use certificates::{
    AcceptanceDraft, CertificateDraft, InvitationDraft, InvitationState, RequestDraft,
    RevocationDraft,
};
pub use checkpoints::{CHECKPOINT_EVERY, CheckpointDraft};
pub use counting::{Doubt, SealState, SequenceGap};
pub use event_exchanges::{EventCounterpart, EventExchange};
pub use exchanges::{
    HoursPurchase, LimitKind, LimitWarning, NewExchange, NewGroupExchange, Recorded, StatementLine,
};
pub use finding::{CategoryChoice, ChannelKind, ExchangeQuery, Standing};
pub use import::ImportSummary;
pub use members::NewMember;
pub use signing::{SEAL_MESSAGE, ToSign, Unsealed};
pub use trading_day::{AccountTotals, TradingDay};

use crate::balances::Balances;
use crate::board::{Event, Listing};
use crate::error::{LedgerError, LoadError};
use crate::ids::{Account, DeviceId, Entropy, ExchangeId, MemberId};
use crate::ids::{EventId, ListingId, LogEntryId};
use crate::model::{
    Exchange, MAX_NAME_CHARS, MAX_TEXT_CHARS, Member, MemberStatus, Profile, Role, Settings,
    Status, TimebankInfo,
};
use crate::reports::PeriodLock;
use crate::schema::{self, Resolution};
use crate::time::Month;
use crate::time::Timestamp;

/// One timebank, as held on this device.
pub struct Timebank {
    doc: AutoCommit,
    device: DeviceId,
    /// This device's public key, once the app has given it one.
    device_key: Option<crate::trust::DeviceKey>,
    /// The changes this device made: this session's, and earlier ones the
    /// app told it of that created records still waiting for its seal. Only
    /// records they created are this device's to seal (see `signing`).
    own_changes: std::collections::HashSet<ChangeHash>,
    /// The highest number this device gave a record it signed, as the app
    /// remembers it (see `Timebank::numbered_to`).
    numbered_to: u64,
    entropy: Box<dyn Entropy>,
    info: TimebankInfo,
    settings: Settings,
    members: BTreeMap<MemberId, Member>,
    exchanges: exchange_book::ExchangeBook,
    balances: Balances,
    /// Trust records as the counting rules read them (see `counting`).
    trust: counting::TrustView,
    /// Exchanges not taken as written, and why.
    doubts: BTreeMap<ExchangeId, Doubt>,
    /// Lifecycle log entries not taken as written, and why.
    event_doubts: BTreeMap<ExchangeId, BTreeMap<LogEntryId, Doubt>>,
    /// The document's version of each exchange whose counted version (in
    /// `exchanges`) differs from it: changed after signing, or with log
    /// entries that do not count; `None` when the document no longer reads
    /// it (a vouched exchange deleted since).
    as_read: std::collections::HashMap<ExchangeId, Option<Exchange>>,
    resolutions: BTreeMap<String, Resolution>,
    listings: BTreeMap<ListingId, Listing>,
    events: BTreeMap<EventId, Event>,
    locks: BTreeMap<Month, PeriodLock>,
    /// Coordinators' decisions about members (see `decisions`).
    decided: decisions::Decided,
    /// The signatures this device has checked already (kept between
    /// openings by the app).
    checked: checked::Checked,
}

impl std::fmt::Debug for Timebank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timebank")
            .field("name", &self.info.name)
            .field("members", &self.members.len())
            .field("exchanges", &self.exchanges.len())
            .finish_non_exhaustive()
    }
}

/// What merging another copy added to this one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    pub members: usize,
    pub exchanges: usize,
    pub listings: usize,
    pub events: usize,
}

/// What a new timebank starts with.
#[derive(Debug, Clone)]
pub struct NewTimebank {
    pub name: String,
    pub unit_label: String,
    pub settings: Settings,
    /// The founding device's key, when the app has one: the timebank's id
    /// is then derived from it (see [`crate::trust::founded_id`]), so only
    /// this device can found its trust, and no key written in later can
    /// claim to have founded it.
    pub founder_key: Option<crate::trust::DeviceKey>,
}

impl Timebank {
    /// Creates a timebank whose founder is its first coordinator.
    pub fn create(
        new: NewTimebank,
        founder: NewMember,
        now: Timestamp,
        mut entropy: Box<dyn Entropy>,
    ) -> Result<(Timebank, MemberId), LedgerError> {
        let name = checked_name(&new.name)?;
        let unit_label = checked_name(&new.unit_label)?;
        check_settings(&new.settings)?;
        let founder_name = checked_name(&founder.name)?;
        check_profile(&founder.profile)?;
        let device = DeviceId::random(entropy.as_mut());
        let mut doc = AutoCommit::new().with_actor(random_actor(entropy.as_mut()));
        let mut id_bytes = [0u8; 16];
        entropy.fill(&mut id_bytes);
        let random: String = id_bytes.iter().map(|b| format!("{b:02x}")).collect();
        let (id, founding_nonce) = match new.founder_key {
            Some(key) => (crate::trust::founded_id(&key, &random), Some(random)),
            None => (random, None),
        };
        let info = TimebankInfo {
            id,
            name,
            unit_label,
            unit_label_one: String::new(),
            created_at: now,
            founding_nonce,
            currency: Default::default(),
            language: None,
        };
        schema::init(&mut doc, &info, &new.settings)?;
        let founder = Member {
            id: MemberId::random(entropy.as_mut()),
            number: founder.number.unwrap_or(1).max(1),
            name: founder_name,
            profile: founder.profile,
            status: MemberStatus::Active,
            role: Role::Coordinator,
            joined_on: now.date(),
            debit_floor_minutes: None,
            credit_ceiling_minutes: None,
        };
        schema::write_new_member(&mut doc, &founder)?;
        commit(&mut doc, now, "create timebank");
        let founder_id = founder.id.clone();
        let checked = checked::Checked::new(entropy.as_mut());
        let mut timebank = Timebank {
            doc,
            device,
            device_key: None,
            own_changes: Default::default(),
            numbered_to: 0,
            entropy,
            info,
            settings: new.settings,
            members: BTreeMap::new(),
            exchanges: Default::default(),
            balances: Balances::default(),
            trust: counting::TrustView::default(),
            doubts: BTreeMap::new(),
            event_doubts: BTreeMap::new(),
            as_read: Default::default(),
            resolutions: BTreeMap::new(),
            listings: BTreeMap::new(),
            events: BTreeMap::new(),
            locks: BTreeMap::new(),
            decided: Default::default(),
            checked,
        };
        timebank.members.insert(founder_id.clone(), founder);
        Ok((timebank, founder_id))
    }

    /// Opens a saved timebank (the bytes of [`Timebank::save`], or of any
    /// Automerge save of the same document).
    pub fn load(bytes: &[u8], entropy: Box<dyn Entropy>) -> Result<Timebank, LoadError> {
        Timebank::load_remembering(bytes, entropy, &[])
    }

    /// Opens a saved timebank as [`Timebank::load`] does, with the
    /// signatures this device checked when it last had it open (the bytes
    /// of [`Timebank::checked_signatures`]; any other bytes are ignored):
    /// only signatures it has not checked before are checked now.
    pub fn load_remembering(
        bytes: &[u8],
        mut entropy: Box<dyn Entropy>,
        checked: &[u8],
    ) -> Result<Timebank, LoadError> {
        let checked = checked::Checked::from_bytes(checked, entropy.as_mut());
        let mut doc =
            AutoCommit::load(bytes).map_err(|error| LoadError::Unreadable(error.to_string()))?;
        schema::upgrade(&mut doc)?;
        doc.set_actor(random_actor(entropy.as_mut()));
        let info = schema::read_info(&doc).ok_or(schema::SchemaError::NotATimebank)?;
        let device = DeviceId::random(entropy.as_mut());
        let mut timebank = Timebank {
            settings: schema::read_settings(&doc),
            doc,
            device,
            device_key: None,
            own_changes: Default::default(),
            numbered_to: 0,
            entropy,
            info,
            members: BTreeMap::new(),
            exchanges: Default::default(),
            balances: Balances::default(),
            trust: counting::TrustView::default(),
            doubts: BTreeMap::new(),
            event_doubts: BTreeMap::new(),
            as_read: Default::default(),
            resolutions: BTreeMap::new(),
            listings: BTreeMap::new(),
            events: BTreeMap::new(),
            locks: BTreeMap::new(),
            decided: Default::default(),
            checked,
        };
        timebank.reread_everything();
        Ok(timebank)
    }

    /// Takes for the changes of this session an Automerge actor that sorts
    /// after those of sessions before (two bytes 0xff, then `now` in
    /// milliseconds, then random bytes). Automerge keeps a document's
    /// actors in order: a new actor anywhere but last makes the first
    /// change re-number every operation of the document (a tenth of a
    /// second on a slow phone with a large timebank), one last costs
    /// nothing. Called on opening, before any change.
    pub fn take_actor_after_earlier_sessions(&mut self, now: Timestamp) {
        let mut bytes = [0xff_u8; 16];
        let millis = u64::try_from(now.0).unwrap_or_default();
        bytes[2..10].copy_from_slice(&millis.to_be_bytes());
        self.entropy.fill(&mut bytes[10..]);
        self.doc.set_actor(ActorId::from(bytes.to_vec()));
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The changes since the last `save` or `save_incremental`.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.doc.save_incremental()
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// The changes that are not among `heads` or their ancestors, as bytes
    /// that [`Timebank::load`] and [`Timebank::apply_changes`] take after a
    /// save that ended at `heads`.
    pub fn save_after(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// Whether this copy holds every change in `bytes` (saved pieces whose
    /// changes arrived before the changes they build on wait, unapplied).
    pub fn holds_all_of(&mut self, bytes: &[u8]) -> bool {
        match crate::chunks::change_hashes(bytes) {
            Ok(hashes) => self.has_all(&hashes),
            Err(_) => false,
        }
    }

    /// Whether this copy has every change named.
    pub fn has_all(&mut self, heads: &[ChangeHash]) -> bool {
        heads
            .iter()
            .all(|head| self.doc.get_change_by_hash(head).is_some())
    }

    /// A copy for another device (or a test replica): same history, its own
    /// device id and Automerge actor.
    pub fn fork(&mut self, mut entropy: Box<dyn Entropy>) -> Timebank {
        let doc = self.doc.fork().with_actor(random_actor(entropy.as_mut()));
        Timebank {
            doc,
            device: DeviceId::random(entropy.as_mut()),
            device_key: None,
            own_changes: Default::default(),
            numbered_to: 0,
            entropy,
            info: self.info.clone(),
            settings: self.settings.clone(),
            members: self.members.clone(),
            exchanges: self.exchanges.clone(),
            balances: self.balances.clone(),
            trust: self.trust.clone(),
            doubts: self.doubts.clone(),
            event_doubts: self.event_doubts.clone(),
            as_read: self.as_read.clone(),
            resolutions: self.resolutions.clone(),
            listings: self.listings.clone(),
            events: self.events.clone(),
            locks: self.locks.clone(),
            decided: self.decided.clone(),
            checked: self.checked.clone(),
        }
    }

    /// Takes in everything `other` has that this copy lacks.
    pub fn merge(&mut self, other: &mut Timebank) -> Result<(), LedgerError> {
        let before = self.doc.get_heads();
        self.doc.merge(&mut other.doc)?;
        self.refresh_since(&before);
        Ok(())
    }

    /// Takes in changes saved by another copy (`save`, `save_incremental` or
    /// a sync), checking them before anything is applied.
    pub fn apply_changes(&mut self, bytes: &[u8]) -> Result<Added, LoadError> {
        // A whole saved timebank must be this one: merging two different
        // timebanks would mix their records.
        let options =
            automerge::LoadOptions::new().on_partial_load(automerge::OnPartialLoad::Error);
        if let Ok(alone) = AutoCommit::load_with_options(bytes, options)
            && let Some(info) = schema::read_info(&alone)
            && info.id != self.info.id
        {
            return Err(LoadError::DifferentTimebank(info.name));
        }
        // Read the bytes into a scratch copy first, refusing any that are
        // truncated or damaged: a bad file must change nothing.
        let mut scratch =
            crate::chunks::read_strictly(bytes, self.doc.fork()).map_err(LoadError::Unreadable)?;
        if schema::read_info(&scratch).is_none_or(|info| info.id != self.info.id) {
            return Err(LoadError::DifferentTimebank(String::new()));
        }
        let counts = |tb: &Timebank| {
            (
                tb.members.len(),
                tb.exchanges.len(),
                tb.listings.len(),
                tb.events.len(),
            )
        };
        let before_counts = counts(self);
        let before = self.doc.get_heads();
        self.doc
            .merge(&mut scratch)
            .map_err(|error| LoadError::Unreadable(error.to_string()))?;
        self.refresh_since(&before);
        let after_counts = counts(self);
        Ok(Added {
            members: after_counts.0.saturating_sub(before_counts.0),
            exchanges: after_counts.1.saturating_sub(before_counts.1),
            listings: after_counts.2.saturating_sub(before_counts.2),
            events: after_counts.3.saturating_sub(before_counts.3),
        })
    }

    /// The Automerge document, for the sync protocol.
    pub fn document_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    /// Brings derived state up to date after changes arrived from elsewhere
    /// (by sync, merge or file), re-reading only what they touched.
    pub fn refresh_since(&mut self, before: &[ChangeHash]) {
        let after = self.doc.get_heads();
        if before == after.as_slice() {
            return;
        }
        let touched = schema::touched_since(&mut self.doc, before);
        if touched.everything {
            self.reread_everything();
            return;
        }
        if touched.info
            && let Some(info) = schema::read_info(&self.doc)
        {
            self.info = info;
        }
        if touched.settings {
            self.settings = schema::read_settings(&self.doc);
        }
        if touched.resolutions {
            self.reread_resolutions();
        }
        if touched.periods {
            self.reread_locks();
        }
        for id in touched.listings {
            self.reread_listing(&id);
        }
        for id in touched.events {
            self.reread_event(&id);
        }
        for id in touched.members {
            self.reread_member(&id);
        }
        // A member record's rights and the settings, once the trust is
        // founded, are the ones coordinators decided (read before the
        // exchanges are judged: the counting rule reads them; a trust read
        // again below applies them again itself).
        let rejudge = self.apply_decisions_only();
        // An exchange deleted: a signed one is looked for in the history
        // (once the rest is read; see `counting/deleted.rs`).
        let mut deleted = false;
        let arrived: Vec<ExchangeId> = touched.exchanges.into_iter().collect();
        for id in &arrived {
            self.reread_exchange(id);
            deleted |= !self.exchanges.contains_key(id);
        }
        // Two trust maps written at once (two founders) are read together:
        // a change to the one Automerge does not show makes no patch.
        // (And when the decisions changed who is demoted: see
        // `counting/demoted.rs`.)
        let reread = touched.trust
            || schema::trust_map_count(&self.doc) > 1
            || !self.trust_settled()
            || self.trust.reread_due;
        if reread {
            self.reread_trust();
        }
        if rejudge {
            self.rejudge_all(None);
        }
        self.find_deleted_after(&arrived, deleted);
        // (Resolutions number their devices' records, whatever arrived.)
        self.catch_up_resolutions();
    }

    fn reread_everything(&mut self) {
        if let Some(info) = schema::read_info(&self.doc) {
            self.info = info;
        }
        self.settings = schema::read_settings(&self.doc);
        self.members.clear();
        self.exchanges.clear();
        self.balances = Balances::default();
        for id in schema::member_ids(&self.doc) {
            self.reread_member(&id);
        }
        self.as_read.clear();
        let (exchanges, objects) = schema::read_all_exchanges(&mut self.doc);
        for exchange in exchanges {
            self.exchanges.insert(exchange.id.clone(), exchange);
        }
        // Judges every exchange and counts the balances (read afresh).
        self.trust = self.trust.forgotten();
        // (With what coordinators decided, read before the exchanges are
        // judged.)
        self.reread_trust_with(Some(&objects));
        self.reread_resolutions();
        self.reread_locks();
        self.listings.clear();
        for listing in schema::read_all_listings(&self.doc) {
            self.listings.insert(listing.id.clone(), listing);
        }
        self.events.clear();
        for id in schema::event_ids(&self.doc) {
            self.reread_event(&id);
        }
    }

    fn reread_listing(&mut self, id: &ListingId) {
        match schema::read_listing(&self.doc, id) {
            Some(listing) => self.listings.insert(id.clone(), listing),
            None => self.listings.remove(id),
        };
    }

    fn reread_event(&mut self, id: &EventId) {
        match schema::read_event(&self.doc, id) {
            Some(event) => self.events.insert(id.clone(), event),
            None => self.events.remove(id),
        };
    }

    /// Reads the locked months again: once the trust is founded, only
    /// those a coordinator's signed decision (or the founding) vouches for,
    /// as it saw them.
    pub(super) fn reread_locks(&mut self) {
        let locks = if self.trust_founded() {
            self.counted_locks()
        } else {
            schema::read_locks(&self.doc)
        };
        self.locks = locks.into_iter().map(|lock| (lock.month, lock)).collect();
    }

    fn reread_member(&mut self, id: &MemberId) {
        match schema::read_member(&self.doc, id) {
            Some(member) => {
                self.members.insert(id.clone(), member);
            }
            None => {
                self.members.remove(id);
            }
        }
    }

    /// Reads exchange `id` from the document again, then judges and counts it.
    pub(super) fn reread_exchange(&mut self, id: &ExchangeId) {
        self.as_read.remove(id);
        match schema::read_exchange(&self.doc, id) {
            Some(exchange) => {
                self.exchanges.insert(id.clone(), exchange);
            }
            None => {
                self.exchanges.remove(id);
            }
        }
        self.recount(id);
    }

    // ----- Reading -------------------------------------------------------

    pub fn info(&self) -> &TimebankInfo {
        &self.info
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn device(&self) -> &DeviceId {
        &self.device
    }

    /// Every member, ordered by id (stable across devices).
    pub fn members(&self) -> impl Iterator<Item = &Member> {
        self.members.values()
    }

    pub fn member(&self, id: &MemberId) -> Option<&Member> {
        self.members.get(id)
    }

    pub fn member_by_number(&self, number: u32) -> Vec<&Member> {
        self.members
            .values()
            .filter(|m| m.number == number)
            .collect()
    }

    pub fn exchanges(&self) -> impl Iterator<Item = &Exchange> {
        self.exchanges.values()
    }

    pub fn exchange(&self, id: &ExchangeId) -> Option<&Exchange> {
        self.exchanges.get(id)
    }

    pub fn status(&self, id: &ExchangeId, now: Timestamp) -> Option<Status> {
        self.exchanges
            .get(id)
            .map(|e| e.status(&self.settings, now))
    }

    /// Whether the exchange counts towards balances (see `balances`).
    pub fn counts(&self, id: &ExchangeId) -> bool {
        self.balances.counts(id)
    }

    /// Whether the exchange counts but a counted reversal cancels it.
    pub fn is_reversed(&self, id: &ExchangeId) -> bool {
        self.balances.is_reversed(id)
    }

    /// Whether the exchange still moves hours: it counts and is not reversed
    /// (what a trading day's totals include; the rest are struck out).
    pub fn still_counts(&self, id: &ExchangeId) -> bool {
        self.counts(id) && !self.is_reversed(id)
    }

    pub fn balance(&self, account: &Account) -> i64 {
        self.balances.of(account)
    }

    /// Every account's balance, including zero ones for members who never
    /// traded, ordered by account.
    pub fn balances(&self) -> BTreeMap<Account, i64> {
        let mut all: BTreeMap<Account, i64> = self
            .members
            .keys()
            .map(|id| (Account::Member(id.clone()), 0))
            .collect();
        all.insert(Account::CommunityFund, 0);
        for (account, minutes) in self.balances.all() {
            all.insert(account.clone(), *minutes);
        }
        all
    }

    pub fn resolutions(&self) -> impl Iterator<Item = &Resolution> {
        self.resolutions.values()
    }

    pub(crate) fn is_resolved(&self, item_key: &str) -> bool {
        self.resolutions.contains_key(item_key)
    }

    /// The floor and ceiling that apply to an account (the fund has none).
    pub fn limits(&self, account: &Account) -> Option<(i64, i64)> {
        let member = self.members.get(account.member()?)?;
        Some((
            member
                .debit_floor_minutes
                .unwrap_or(self.settings.debit_floor_minutes),
            member
                .credit_ceiling_minutes
                .unwrap_or(self.settings.credit_ceiling_minutes),
        ))
    }

    /// The latest `count` exchanges member `member` gave or received help
    /// in, newest first (by the day it happened, then when it was
    /// recorded): those that do not count too (rejected, withdrawn, not
    /// taken as written), so nothing of theirs silently disappears.
    pub fn latest_of(&self, member: &MemberId, count: usize) -> Vec<&Exchange> {
        let account = Account::Member(member.clone());
        let mut mine: Vec<&Exchange> = self.exchanges.of_account(&account).collect();
        mine.sort_by(|a, b| {
            (b.service_date, b.recorded_at, &b.id).cmp(&(a.service_date, a.recorded_at, &a.id))
        });
        mine.truncate(count);
        mine
    }

    /// A member's counted exchanges in date order with a running balance.
    pub fn statement(&self, member: &MemberId) -> Vec<StatementLine> {
        self.account_statement(&Account::Member(member.clone()))
    }

    /// An account's counted exchanges (a member's, or the community
    /// fund's) in date order with a running balance: the last line's
    /// balance is the account's balance.
    pub fn account_statement(&self, account: &Account) -> Vec<StatementLine> {
        let account = account.clone();
        let mut lines: Vec<&Exchange> = self
            .exchanges
            .of_account(&account)
            .filter(|e| self.balances.counts(&e.id))
            .collect();
        lines.sort_by(|a, b| {
            (a.service_date, a.recorded_at, &a.id).cmp(&(b.service_date, b.recorded_at, &b.id))
        });
        let mut balance = 0;
        lines
            .into_iter()
            .map(|e| {
                let (change, other) = if e.payee == account {
                    (i64::from(e.minutes), e.payer.clone())
                } else {
                    (-i64::from(e.minutes), e.payee.clone())
                };
                balance += change;
                StatementLine {
                    exchange: e.id.clone(),
                    service_date: e.service_date,
                    other_party: other,
                    description: e.description.clone(),
                    change_minutes: change,
                    balance_minutes: balance,
                }
            })
            .collect()
    }

    // ----- Helpers -----------------------------------------------------------

    /// Whether `id` is an active coordinator.
    pub fn is_coordinator(&self, id: &MemberId) -> bool {
        self.members
            .get(id)
            .is_some_and(|m| m.role == Role::Coordinator && m.status == MemberStatus::Active)
    }

    /// Whether `viewer` sees every member's balance: the timebank shows
    /// balances to all, or the viewer is a coordinator.
    pub fn shows_balances_to(&self, viewer: Option<&MemberId>) -> bool {
        self.settings.balances_visible || viewer.is_some_and(|viewer| self.is_coordinator(viewer))
    }

    fn require_coordinator(&self, id: &MemberId) -> Result<(), LedgerError> {
        if self.is_coordinator(id) {
            Ok(())
        } else {
            Err(LedgerError::NotCoordinator)
        }
    }

    /// Runs `writes` as one commit, or rolls everything back if one fails.
    fn write(
        &mut self,
        now: Timestamp,
        message: &str,
        writes: impl FnOnce(&mut AutoCommit) -> schema::WriteResult<()>,
    ) -> Result<(), LedgerError> {
        match writes(&mut self.doc) {
            Ok(()) => {
                // Each change this copy makes is its own (see `signing`).
                self.own_changes.extend(commit(&mut self.doc, now, message));
                Ok(())
            }
            Err(error) => {
                self.doc.rollback();
                Err(error.into())
            }
        }
    }

    pub(crate) fn exchanges_map(&self) -> &BTreeMap<ExchangeId, Exchange> {
        &self.exchanges
    }
}

fn commit(doc: &mut AutoCommit, now: Timestamp, message: &str) -> Option<ChangeHash> {
    doc.commit_with(
        CommitOptions::default()
            .with_message(message.to_string())
            .with_time(now.0.div_euclid(1000)),
    )
}

fn random_actor(entropy: &mut dyn Entropy) -> ActorId {
    let mut bytes = [0u8; 16];
    entropy.fill(&mut bytes);
    ActorId::from(bytes.to_vec())
}

/// A name (of a timebank, member or category) as it will be stored: trimmed,
/// not empty, not too long. Forms call this to check a field on its own.
pub fn checked_name(name: &str) -> Result<String, LedgerError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LedgerError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(LedgerError::NameTooLong);
    }
    Ok(name.to_string())
}

fn check_text(field: &'static str, text: &str) -> Result<(), LedgerError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(LedgerError::TextTooLong { field });
    }
    Ok(())
}

fn check_profile(profile: &Profile) -> Result<(), LedgerError> {
    check_text("phone number", &profile.phone)?;
    check_text("email address", &profile.email)?;
    check_text("neighbourhood", &profile.neighbourhood)?;
    check_text("list of offers", &profile.offers)?;
    check_text("list of needs", &profile.needs)
}

fn status_words(status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::Applicant => "still an applicant",
        MemberStatus::Active => "active",
        MemberStatus::Away => "away",
        MemberStatus::Left => "no longer a member",
    }
}
