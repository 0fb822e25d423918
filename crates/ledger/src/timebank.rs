//! [`Timebank`]: one timebank's Automerge document together with the state
//! derived from it, and every operation a member or coordinator can perform.
//!
//! Each operation checks everything first and only then writes, in one
//! Automerge commit; if a write still fails the commit is rolled back, so a
//! failed operation leaves the document exactly as it was.

use std::collections::BTreeMap;

use automerge::{ActorId, AutoCommit, ChangeHash, transaction::CommitOptions};

use crate::balances::Balances;
use crate::error::{LedgerError, LoadError};
use crate::ids::{Account, DeviceId, Entropy, EventId, ExchangeId, GroupId, MemberId};
use crate::model::{
    Channel, ConfirmationPolicy, Exchange, ExchangeKind, LifecycleAction, LifecycleEvent,
    MAX_DESCRIPTION_CHARS, MAX_EXCHANGE_MINUTES, MAX_NAME_CHARS, MAX_TEXT_CHARS, Member,
    MemberStatus, Outcome, Profile, Role, Settings, Status, TimebankInfo,
};
use crate::schema::{self, Resolution};
use crate::time::{Date, Timestamp};

/// One timebank, as held on this device.
pub struct Timebank {
    doc: AutoCommit,
    device: DeviceId,
    entropy: Box<dyn Entropy>,
    info: TimebankInfo,
    settings: Settings,
    members: BTreeMap<MemberId, Member>,
    exchanges: BTreeMap<ExchangeId, Exchange>,
    balances: Balances,
    resolutions: BTreeMap<String, Resolution>,
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

/// What a new timebank starts with.
#[derive(Debug, Clone)]
pub struct NewTimebank {
    pub name: String,
    pub unit_label: String,
    pub settings: Settings,
}

/// A person joining (or founding) the timebank.
#[derive(Debug, Clone, Default)]
pub struct NewMember {
    pub name: String,
    pub profile: Profile,
    /// The member number to give; `None` takes the next free one.
    pub number: Option<u32>,
}

/// An exchange as entered, before it is checked.
#[derive(Debug, Clone)]
pub struct NewExchange {
    pub payer: Account,
    pub payee: Account,
    pub minutes: u32,
    pub service_date: Date,
    pub description: String,
    pub category: Option<String>,
    pub channel: Channel,
}

/// One payer and several payees, or several payers and one payee, each for
/// the same minutes: a workshop, a group outing.
#[derive(Debug, Clone)]
pub struct NewGroupExchange {
    pub payers: Vec<Account>,
    pub payees: Vec<Account>,
    pub minutes: u32,
    pub service_date: Date,
    pub description: String,
    pub category: Option<String>,
    pub channel: Channel,
}

/// Hours bought from the community fund with cash.
#[derive(Debug, Clone)]
pub struct HoursPurchase {
    pub member: MemberId,
    pub minutes: u32,
    pub cash_pence: u32,
    /// The receipt number or note that matches the cash.
    pub receipt: String,
    /// Who paid, when someone bought the hours on the member's behalf.
    pub bought_by: Option<String>,
}

/// A recorded exchange and the limits it pushed an account past, which the
/// app shows as a warning (recording is never blocked by a limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub id: ExchangeId,
    pub warnings: Vec<LimitWarning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitWarning {
    pub account: Account,
    pub balance_minutes: i64,
    pub limit_minutes: i64,
    pub kind: LimitKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LimitKind {
    BelowFloor,
    AboveCeiling,
}

/// One line of a member's statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub exchange: ExchangeId,
    pub service_date: Date,
    pub other_party: Account,
    pub description: String,
    /// Positive when the member earned, negative when they spent.
    pub change_minutes: i64,
    pub balance_minutes: i64,
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
        let info = TimebankInfo {
            name,
            unit_label,
            created_at: now,
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
        let mut timebank = Timebank {
            doc,
            device,
            entropy,
            info,
            settings: new.settings,
            members: BTreeMap::new(),
            exchanges: BTreeMap::new(),
            balances: Balances::default(),
            resolutions: BTreeMap::new(),
        };
        timebank.members.insert(founder_id.clone(), founder);
        Ok((timebank, founder_id))
    }

    /// Opens a saved timebank (the bytes of [`Timebank::save`], or of any
    /// Automerge save of the same document).
    pub fn load(bytes: &[u8], mut entropy: Box<dyn Entropy>) -> Result<Timebank, LoadError> {
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
            entropy,
            info,
            members: BTreeMap::new(),
            exchanges: BTreeMap::new(),
            balances: Balances::default(),
            resolutions: BTreeMap::new(),
        };
        timebank.reread_everything();
        Ok(timebank)
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

    /// A copy for another device (or a test replica): same history, its own
    /// device id and Automerge actor.
    pub fn fork(&mut self, mut entropy: Box<dyn Entropy>) -> Timebank {
        let doc = self.doc.fork().with_actor(random_actor(entropy.as_mut()));
        Timebank {
            doc,
            device: DeviceId::random(entropy.as_mut()),
            entropy,
            info: self.info.clone(),
            settings: self.settings.clone(),
            members: self.members.clone(),
            exchanges: self.exchanges.clone(),
            balances: self.balances.clone(),
            resolutions: self.resolutions.clone(),
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
    pub fn apply_changes(&mut self, bytes: &[u8]) -> Result<(), LoadError> {
        // Read the bytes into a scratch copy first, refusing any that are
        // truncated or damaged: a bad file must change nothing.
        let mut scratch =
            crate::chunks::read_strictly(bytes, self.doc.fork()).map_err(LoadError::Unreadable)?;
        let before = self.doc.get_heads();
        self.doc
            .merge(&mut scratch)
            .map_err(|error| LoadError::Unreadable(error.to_string()))?;
        self.refresh_since(&before);
        Ok(())
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
        let patches = self.doc.diff(before, &after);
        let touched = schema::touched(&patches);
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
        for id in touched.members {
            self.reread_member(&id);
        }
        for id in touched.exchanges {
            self.reread_exchange(&id);
        }
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
        let ids = schema::exchange_ids(&self.doc);
        for id in &ids {
            if let Some(exchange) = schema::read_exchange(&self.doc, id) {
                self.exchanges.insert(id.clone(), exchange);
            }
        }
        // Originals first, so each reversal finds its original counted.
        let (reversals, originals): (Vec<_>, Vec<_>) = ids.into_iter().partition(|id| {
            self.exchanges
                .get(id)
                .is_some_and(|e| e.reversal_of.is_some())
        });
        for id in originals.iter().chain(&reversals) {
            self.balances.update(id, &self.exchanges);
        }
        self.reread_resolutions();
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

    fn reread_exchange(&mut self, id: &ExchangeId) {
        match schema::read_exchange(&self.doc, id) {
            Some(exchange) => {
                self.exchanges.insert(id.clone(), exchange);
            }
            None => {
                self.exchanges.remove(id);
            }
        }
        self.balances.update(id, &self.exchanges);
    }

    fn reread_resolutions(&mut self) {
        self.resolutions = schema::read_resolutions(&self.doc)
            .into_iter()
            .map(|resolution| (resolution.item_key.clone(), resolution))
            .collect();
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

    /// A member's counted exchanges in date order with a running balance.
    pub fn statement(&self, member: &MemberId) -> Vec<StatementLine> {
        let account = Account::Member(member.clone());
        let mut lines: Vec<&Exchange> = self
            .exchanges
            .values()
            .filter(|e| self.balances.counts(&e.id) && (e.payer == account || e.payee == account))
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

    // ----- Timebank settings ---------------------------------------------

    pub fn update_settings(
        &mut self,
        by: &MemberId,
        settings: Settings,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        check_settings(&settings)?;
        self.write(now, "update settings", |doc| {
            schema::write_settings(doc, &settings)
        })?;
        self.settings = schema::read_settings(&self.doc);
        Ok(())
    }

    // ----- Members ---------------------------------------------------------

    /// Adds a member as an applicant; a coordinator makes them active.
    pub fn add_member(
        &mut self,
        by: &MemberId,
        new: NewMember,
        now: Timestamp,
    ) -> Result<MemberId, LedgerError> {
        self.require_coordinator(by)?;
        let name = checked_name(&new.name)?;
        check_profile(&new.profile)?;
        let number = match new.number {
            Some(0) => return Err(LedgerError::InvalidNumber),
            Some(number) => {
                self.check_number_free(number, None)?;
                number
            }
            None => self.next_member_number(),
        };
        let member = Member {
            id: MemberId::random(self.entropy.as_mut()),
            number,
            name,
            profile: new.profile,
            status: MemberStatus::Applicant,
            role: Role::Member,
            joined_on: now.date(),
            debit_floor_minutes: None,
            credit_ceiling_minutes: None,
        };
        self.write(now, "add member", |doc| {
            schema::write_new_member(doc, &member)
        })?;
        let id = member.id.clone();
        self.members.insert(id.clone(), member);
        Ok(id)
    }

    /// One more than the highest number in use. Two offline devices may hand
    /// out the same one; the attention queue shows it after they merge.
    pub fn next_member_number(&self) -> u32 {
        self.members.values().map(|m| m.number).max().unwrap_or(0) + 1
    }

    fn check_number_free(&self, number: u32, except: Option<&MemberId>) -> Result<(), LedgerError> {
        match self
            .members
            .values()
            .find(|m| m.number == number && Some(&m.id) != except)
        {
            Some(holder) => Err(LedgerError::NumberTaken {
                number,
                name: holder.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Changes a member's name and profile. Members may edit their own.
    pub fn update_profile(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        name: &str,
        profile: Profile,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        if by != member {
            self.require_coordinator(by)?;
        }
        let name = checked_name(name)?;
        check_profile(&profile)?;
        self.change_member(member, now, "update profile", |m| {
            m.name = name;
            m.profile = profile;
        })
    }

    pub fn set_status(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        status: MemberStatus,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        let current = self.members.get(member).ok_or(LedgerError::UnknownMember)?;
        if status == MemberStatus::Left {
            let balance = self.balance(&Account::Member(member.clone()));
            if balance != 0 {
                return Err(LedgerError::BalanceNotSettled {
                    name: current.name.clone(),
                    balance_minutes: balance,
                });
            }
        }
        self.change_member(member, now, "change status", |m| m.status = status)
    }

    pub fn set_role(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        role: Role,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        self.change_member(member, now, "change role", |m| m.role = role)
    }

    /// Sets a member's own limits; `None` means the timebank's.
    pub fn set_limits(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        debit_floor_minutes: Option<i64>,
        credit_ceiling_minutes: Option<i64>,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        if debit_floor_minutes.is_some_and(|f| f > 0)
            || credit_ceiling_minutes.is_some_and(|c| c < 0)
        {
            return Err(LedgerError::InvalidLimits);
        }
        self.change_member(member, now, "change limits", |m| {
            m.debit_floor_minutes = debit_floor_minutes;
            m.credit_ceiling_minutes = credit_ceiling_minutes;
        })
    }

    /// Gives a member another number (how a duplicate number is resolved).
    pub fn renumber(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        number: u32,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        if number == 0 {
            return Err(LedgerError::InvalidNumber);
        }
        self.check_number_free(number, Some(member))?;
        self.change_member(member, now, "renumber member", |m| m.number = number)
    }

    fn change_member(
        &mut self,
        id: &MemberId,
        now: Timestamp,
        message: &str,
        edit: impl FnOnce(&mut Member),
    ) -> Result<(), LedgerError> {
        let mut member = self
            .members
            .get(id)
            .ok_or(LedgerError::UnknownMember)?
            .clone();
        edit(&mut member);
        self.write(now, message, |doc| {
            schema::write_member_changes(doc, &member)
        })?;
        self.members.insert(id.clone(), member);
        Ok(())
    }

    // ----- Exchanges ---------------------------------------------------------

    /// Records an exchange. Members record exchanges they took part in;
    /// coordinators record any (those need no confirmation).
    pub fn record(
        &mut self,
        by: &MemberId,
        new: NewExchange,
        now: Timestamp,
    ) -> Result<Recorded, LedgerError> {
        let exchange = self.checked_exchange(by, new, ExchangeKind::Service, None, None, now)?;
        self.write_exchanges(vec![exchange], now, "record exchange")
            .map(|mut recorded| recorded.remove(0))
    }

    /// Records one payer to several payees (or several payers to one payee),
    /// all or nothing.
    pub fn record_group(
        &mut self,
        by: &MemberId,
        new: NewGroupExchange,
        now: Timestamp,
    ) -> Result<Vec<Recorded>, LedgerError> {
        if new.payers.is_empty() || new.payees.is_empty() {
            return Err(LedgerError::EmptyGroup);
        }
        if new.payers.len() > 1 && new.payees.len() > 1 {
            return Err(LedgerError::GroupNeedsOneSide);
        }
        let group = GroupId::random(self.entropy.as_mut());
        let mut exchanges = Vec::new();
        for payer in &new.payers {
            for payee in &new.payees {
                let single = NewExchange {
                    payer: payer.clone(),
                    payee: payee.clone(),
                    minutes: new.minutes,
                    service_date: new.service_date,
                    description: new.description.clone(),
                    category: new.category.clone(),
                    channel: new.channel.clone(),
                };
                exchanges.push(self.checked_exchange(
                    by,
                    single,
                    ExchangeKind::Service,
                    Some(group.clone()),
                    None,
                    now,
                )?);
            }
        }
        self.write_exchanges(exchanges, now, "record group exchange")
    }

    /// Hours issued from the community fund to a member against cash paid
    /// (by the member, or by someone on their behalf). Coordinators only.
    pub fn purchase_hours(
        &mut self,
        by: &MemberId,
        purchase: HoursPurchase,
        now: Timestamp,
    ) -> Result<Recorded, LedgerError> {
        self.require_coordinator(by)?;
        if purchase.cash_pence == 0 {
            return Err(LedgerError::NoCash);
        }
        check_text("receipt", &purchase.receipt)?;
        let kind = ExchangeKind::TokenPurchase {
            cash_pence: purchase.cash_pence,
            receipt: purchase.receipt.trim().to_string(),
            bought_by: purchase
                .bought_by
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        };
        let new = NewExchange {
            payer: Account::CommunityFund,
            payee: Account::Member(purchase.member),
            minutes: purchase.minutes,
            service_date: now.date(),
            description: "Hours bought".to_string(),
            category: None,
            channel: Channel::Coordinator,
        };
        let exchange = self.checked_exchange(by, new, kind, None, None, now)?;
        self.write_exchanges(vec![exchange], now, "purchase hours")
            .map(|mut recorded| recorded.remove(0))
    }

    /// A member gives hours to the community fund.
    pub fn donate(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        minutes: u32,
        description: &str,
        now: Timestamp,
    ) -> Result<Recorded, LedgerError> {
        let new = NewExchange {
            payer: Account::Member(member.clone()),
            payee: Account::CommunityFund,
            minutes,
            service_date: now.date(),
            description: description.to_string(),
            category: None,
            channel: Channel::App,
        };
        let exchange = self.checked_exchange(by, new, ExchangeKind::Donation, None, None, now)?;
        self.write_exchanges(vec![exchange], now, "donate hours")
            .map(|mut recorded| recorded.remove(0))
    }

    /// Puts a counted exchange right with a new exchange the other way.
    /// Coordinators only; each exchange is reversed at most once.
    pub fn reverse(
        &mut self,
        by: &MemberId,
        original: &ExchangeId,
        reason: &str,
        now: Timestamp,
    ) -> Result<Recorded, LedgerError> {
        self.require_coordinator(by)?;
        let source = self
            .exchanges
            .get(original)
            .ok_or(LedgerError::UnknownExchange)?;
        if source.reversal_of.is_some() {
            return Err(LedgerError::CannotReverseReversal);
        }
        if !source.stands() {
            return Err(LedgerError::CannotReverseRejected);
        }
        if !self.balances.reversals_of(original).is_empty() {
            return Err(LedgerError::AlreadyReversed);
        }
        let description = if reason.trim().is_empty() {
            format!("Reversal: {}", source.description)
        } else {
            format!("Reversal: {}", reason.trim())
        };
        let new = NewExchange {
            payer: source.payee.clone(),
            payee: source.payer.clone(),
            minutes: source.minutes,
            service_date: now.date(),
            description: description.chars().take(MAX_DESCRIPTION_CHARS).collect(),
            category: source.category.clone(),
            channel: Channel::Coordinator,
        };
        let kind = source.kind.clone();
        // A reversal undoes whatever was recorded, so members' status does not matter.
        let exchange =
            self.checked_exchange_unchecked_parties(by, new, kind, Some(original.clone()), now)?;
        self.write_exchanges(vec![exchange], now, "reverse exchange")
            .map(|mut recorded| recorded.remove(0))
    }

    pub fn confirm(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_confirmer(by, id)?;
        self.append(by, id, LifecycleAction::Confirm, note, now)
    }

    pub fn reject(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_confirmer(by, id)?;
        self.append(by, id, LifecycleAction::Reject, note, now)
    }

    /// A coordinator's decision, which outranks members' confirmations and
    /// rejections (the latest override wins).
    pub fn override_status(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        outcome: Outcome,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        self.append(by, id, LifecycleAction::Override(outcome), note, now)
    }

    fn append(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        action: LifecycleAction,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        if !self.exchanges.contains_key(id) {
            return Err(LedgerError::UnknownExchange);
        }
        check_text("note", note)?;
        let event = LifecycleEvent {
            id: EventId::random(self.entropy.as_mut()),
            action,
            by: by.clone(),
            at: now,
            note: note.trim().to_string(),
        };
        self.write(now, "exchange lifecycle", |doc| {
            schema::append_event(doc, id, &event)
        })?;
        if let Some(exchange) = self.exchanges.get_mut(id) {
            exchange.events.push(event);
            exchange
                .events
                .sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        }
        self.balances.update(id, &self.exchanges);
        Ok(())
    }

    fn require_confirmer(&self, by: &MemberId, id: &ExchangeId) -> Result<(), LedgerError> {
        let exchange = self.exchanges.get(id).ok_or(LedgerError::UnknownExchange)?;
        if self.is_coordinator(by) {
            return Ok(());
        }
        match &exchange.confirmer {
            Some(confirmer) if confirmer == by => Ok(()),
            Some(confirmer) => Err(LedgerError::NotTheConfirmer(
                self.members
                    .get(confirmer)
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "the other member".to_string()),
            )),
            None => Err(LedgerError::NotCoordinator),
        }
    }

    /// Validates an entered exchange and turns it into a record.
    fn checked_exchange(
        &mut self,
        by: &MemberId,
        new: NewExchange,
        kind: ExchangeKind,
        group: Option<GroupId>,
        reversal_of: Option<ExchangeId>,
        now: Timestamp,
    ) -> Result<Exchange, LedgerError> {
        let recorder = self.members.get(by).ok_or(LedgerError::UnknownMember)?;
        let is_coordinator = recorder.role == Role::Coordinator;
        let is_party = new.payer.member() == Some(by) || new.payee.member() == Some(by);
        if !is_coordinator && !is_party {
            return Err(LedgerError::NotAParty);
        }
        for account in [&new.payer, &new.payee] {
            if let Account::Member(id) = account {
                let member = self.members.get(id).ok_or(LedgerError::UnknownMember)?;
                if member.status != MemberStatus::Active {
                    return Err(LedgerError::MemberNotActive {
                        name: member.name.clone(),
                        status: status_words(member.status),
                    });
                }
            }
        }
        self.checked_exchange_unchecked_parties(by, new, kind, reversal_of, now)
            .map(|mut exchange| {
                exchange.group = group;
                exchange
            })
    }

    /// The checks every exchange passes, whoever its parties are.
    fn checked_exchange_unchecked_parties(
        &mut self,
        by: &MemberId,
        new: NewExchange,
        kind: ExchangeKind,
        reversal_of: Option<ExchangeId>,
        now: Timestamp,
    ) -> Result<Exchange, LedgerError> {
        let recorder = self.members.get(by).ok_or(LedgerError::UnknownMember)?;
        let is_coordinator = recorder.role == Role::Coordinator;
        if new.payer == new.payee {
            return Err(LedgerError::SameAccount);
        }
        for account in [&new.payer, &new.payee] {
            if let Account::Member(id) = account
                && !self.members.contains_key(id)
            {
                return Err(LedgerError::UnknownMember);
            }
        }
        if new.minutes == 0 || new.minutes > MAX_EXCHANGE_MINUTES {
            return Err(LedgerError::MinutesOutOfRange {
                minutes: u64::from(new.minutes),
            });
        }
        if new.service_date > now.date() {
            return Err(LedgerError::FutureDate {
                date: new.service_date.to_string(),
            });
        }
        let description = new.description.trim().to_string();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(LedgerError::DescriptionTooLong);
        }
        let category = new
            .category
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        // A reversal keeps its original's category, even one since retired.
        if let Some(category) = &category
            && reversal_of.is_none()
            && !self.settings.categories.contains(category)
        {
            return Err(LedgerError::UnknownCategory(category.clone()));
        }
        let channel = match new.channel {
            Channel::PaperSlip { number } => {
                let number = number.trim().to_string();
                if number.is_empty() {
                    return Err(LedgerError::EmptySlipNumber);
                }
                check_text("slip number", &number)?;
                Channel::PaperSlip { number }
            }
            other => other,
        };
        let confirmer = if is_coordinator || reversal_of.is_some() {
            None
        } else {
            self.confirmer_for(by, &new.payer, &new.payee)
        };
        Ok(Exchange {
            id: ExchangeId::random(self.entropy.as_mut()),
            payer: new.payer,
            payee: new.payee,
            minutes: new.minutes,
            service_date: new.service_date,
            description,
            category,
            kind,
            channel,
            recorded_by: by.clone(),
            device: self.device.clone(),
            recorded_at: now,
            group: None,
            reversal_of,
            confirmer,
            events: Vec::new(),
        })
    }

    /// Whose confirmation an exchange recorded by a member waits for.
    fn confirmer_for(&self, by: &MemberId, payer: &Account, payee: &Account) -> Option<MemberId> {
        let other = if payer.member() == Some(by) {
            payee
        } else {
            payer
        };
        let wanted = match self.settings.confirmation {
            ConfirmationPolicy::Nobody => None,
            ConfirmationPolicy::Payer => payer.member(),
            ConfirmationPolicy::OtherParty => other.member(),
        };
        // Nobody needs to confirm their own word.
        wanted.filter(|member| *member != by).cloned()
    }

    fn write_exchanges(
        &mut self,
        exchanges: Vec<Exchange>,
        now: Timestamp,
        message: &str,
    ) -> Result<Vec<Recorded>, LedgerError> {
        self.write(now, message, |doc| {
            exchanges
                .iter()
                .try_for_each(|exchange| schema::write_new_exchange(doc, exchange))
        })?;
        let mut recorded = Vec::new();
        for exchange in exchanges {
            let id = exchange.id.clone();
            self.exchanges.insert(id.clone(), exchange);
            self.balances.update(&id, &self.exchanges);
            recorded.push(id);
        }
        Ok(recorded
            .into_iter()
            .map(|id| {
                let warnings = self.limit_warnings(&id);
                Recorded { id, warnings }
            })
            .collect())
    }

    /// The limits the parties of `id` are now past.
    fn limit_warnings(&self, id: &ExchangeId) -> Vec<LimitWarning> {
        let Some(exchange) = self.exchanges.get(id) else {
            return Vec::new();
        };
        let mut warnings = Vec::new();
        for account in [&exchange.payer, &exchange.payee] {
            let Some((floor, ceiling)) = self.limits(account) else {
                continue;
            };
            let balance = self.balance(account);
            if balance < floor {
                warnings.push(LimitWarning {
                    account: account.clone(),
                    balance_minutes: balance,
                    limit_minutes: floor,
                    kind: LimitKind::BelowFloor,
                });
            } else if balance > ceiling {
                warnings.push(LimitWarning {
                    account: account.clone(),
                    balance_minutes: balance,
                    limit_minutes: ceiling,
                    kind: LimitKind::AboveCeiling,
                });
            }
        }
        warnings
    }

    /// The balances `new` would leave its parties with, without recording it
    /// (for the app's preview before saving).
    pub fn preview_balances(&self, payer: &Account, payee: &Account, minutes: u32) -> (i64, i64) {
        let minutes = i64::from(minutes);
        (self.balance(payer) - minutes, self.balance(payee) + minutes)
    }

    // ----- Attention queue resolutions -------------------------------------

    /// Records that a coordinator dealt with an attention item.
    pub fn resolve(
        &mut self,
        by: &MemberId,
        item_key: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        check_text("note", note)?;
        if self.is_resolved(item_key)
            || !self
                .attention(now)
                .iter()
                .any(|item| item.key() == item_key)
        {
            return Err(LedgerError::UnknownAttentionItem);
        }
        let resolution = Resolution {
            item_key: item_key.to_string(),
            by: by.clone(),
            at: now,
            note: note.trim().to_string(),
        };
        self.write(now, "resolve attention item", |doc| {
            schema::write_resolution(doc, &resolution)
        })?;
        self.resolutions.insert(item_key.to_string(), resolution);
        Ok(())
    }

    // ----- Helpers -----------------------------------------------------------

    fn is_coordinator(&self, id: &MemberId) -> bool {
        self.members
            .get(id)
            .is_some_and(|m| m.role == Role::Coordinator && m.status == MemberStatus::Active)
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
                commit(&mut self.doc, now, message);
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

fn commit(doc: &mut AutoCommit, now: Timestamp, message: &str) {
    doc.commit_with(
        CommitOptions::default()
            .with_message(message.to_string())
            .with_time(now.0.div_euclid(1000)),
    );
}

fn random_actor(entropy: &mut dyn Entropy) -> ActorId {
    let mut bytes = [0u8; 16];
    entropy.fill(&mut bytes);
    ActorId::from(bytes.to_vec())
}

fn checked_name(name: &str) -> Result<String, LedgerError> {
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

fn check_settings(settings: &Settings) -> Result<(), LedgerError> {
    if settings.debit_floor_minutes > 0 || settings.credit_ceiling_minutes < 0 {
        return Err(LedgerError::InvalidLimits);
    }
    for category in &settings.categories {
        checked_name(category)?;
    }
    Ok(())
}

fn status_words(status: MemberStatus) -> &'static str {
    match status {
        MemberStatus::Applicant => "still an applicant",
        MemberStatus::Active => "active",
        MemberStatus::Away => "away",
        MemberStatus::Left => "no longer a member",
    }
}
