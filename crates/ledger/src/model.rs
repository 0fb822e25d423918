//! The timebank's records as plain Rust values, read from (and written to) the
//! document by `schema`. Derived figures (balances, statuses) are not here:
//! they are computed from these records.

use crate::ids::{Account, DeviceId, ExchangeId, GroupId, LogEntryId, MemberId};
use crate::time::{Date, Timestamp};

/// The longest single exchange: one day.
pub const MAX_EXCHANGE_MINUTES: u32 = 24 * 60;
/// The longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 500;
/// The longest name (timebank, member, category), in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest free-text profile field (offers, needs, notes), in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The timebank's name and the label of its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimebankInfo {
    /// Random, set at creation: tells two different timebanks apart, so a
    /// file of one is never merged into another.
    pub id: String,
    pub name: String,
    /// What members call an hour here ("hours", "time credits", ...).
    pub unit_label: String,
    /// What one of them is called ("time credit"); empty: `unit_label`.
    pub unit_label_one: String,
    pub created_at: Timestamp,
    /// For a timebank created with its founder's device key: the random
    /// half its id was derived from, with that key. Only that key founds
    /// its trust. `None` for a timebank created before, or without a key.
    pub founding_nonce: Option<String>,
    /// The currency cash is counted in (bought hours, the social value).
    pub currency: Currency,
    /// The language a device shows it in until its user chooses one (a
    /// BCP 47 code, "en", "fr"); `None`: the browser's.
    pub language: Option<String>,
}

impl TimebankInfo {
    /// What amounts of time are called here.
    pub fn unit(&self) -> Unit {
        Unit::named(&self.unit_label, &self.unit_label_one)
    }

    /// What a coordinator may change of it.
    pub fn details(&self) -> TimebankDetails {
        TimebankDetails {
            name: self.name.clone(),
            unit_label: self.unit_label.clone(),
            unit_label_one: self.unit_label_one.clone(),
            currency: self.currency,
            language: self.language.clone(),
        }
    }

    /// It with `details` in place of its own (its id, creation and
    /// founding as they are).
    pub fn with_details(&self, details: TimebankDetails) -> TimebankInfo {
        TimebankInfo {
            name: details.name,
            unit_label: details.unit_label,
            unit_label_one: details.unit_label_one,
            currency: details.currency,
            language: details.language,
            ..self.clone()
        }
    }
}

/// What an hour of help is called wherever amounts are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Unit {
    /// Hours and minutes, each reader in their own language.
    #[default]
    Hours,
    /// The timebank's own name for an hour ("time credits"), and for one.
    Named { one: String, other: String },
}

impl Unit {
    /// The unit a label names: hours for "hours" (in a language Tally
    /// speaks, or none), else the label itself, `one` for a single one
    /// (empty: the label).
    pub fn named(label: &str, one: &str) -> Unit {
        let label = label.trim();
        let plain = ["", "hours", "hour", "heures", "heure"];
        if plain.contains(&label.to_lowercase().as_str()) {
            return Unit::Hours;
        }
        let one = match one.trim() {
            "" => label,
            one => one,
        };
        Unit::Named {
            one: one.to_string(),
            other: label.to_string(),
        }
    }
}

/// A currency cash amounts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Currency {
    #[default]
    PoundSterling,
    Euro,
    UsDollar,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::PoundSterling, Currency::Euro, Currency::UsDollar];

    /// Its ISO 4217 code, as the document keeps it.
    pub fn code(self) -> &'static str {
        match self {
            Currency::PoundSterling => "GBP",
            Currency::Euro => "EUR",
            Currency::UsDollar => "USD",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Its sign: "£", "€", "$".
    pub fn sign(self) -> &'static str {
        match self {
            Currency::PoundSterling => "£",
            Currency::Euro => "€",
            Currency::UsDollar => "$",
        }
    }
}

/// What a coordinator changes about the timebank itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimebankDetails {
    pub name: String,
    /// What an hour is called, and one of them (empty: the same).
    pub unit_label: String,
    pub unit_label_one: String,
    pub currency: Currency,
    pub language: Option<String>,
}

/// Rules a coordinator can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The lowest balance a member may reach without a coordinator's attention (≤ 0).
    pub debit_floor_minutes: i64,
    /// The highest balance a member may reach without a coordinator's attention (≥ 0).
    pub credit_ceiling_minutes: i64,
    pub confirmation: ConfirmationPolicy,
    /// Days a confirmation may wait before it is confirmed automatically or,
    /// without `auto_confirm`, shown to a coordinator.
    pub confirm_within_days: u32,
    pub auto_confirm: bool,
    /// Whether members see each other's balances.
    pub balances_visible: bool,
    pub categories: Vec<String>,
    /// What an hour of help is worth in pence, for the social-value estimate.
    pub hourly_value_pence: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            debit_floor_minutes: -10 * 60,
            credit_ceiling_minutes: 40 * 60,
            confirmation: ConfirmationPolicy::OtherParty,
            confirm_within_days: 14,
            auto_confirm: true,
            balances_visible: true,
            categories: [
                "Home and garden",
                "Transport",
                "Company and care",
                "Learning",
                "Repairs",
                "Cooking",
                "Admin and computers",
                "Other",
            ]
            .map(String::from)
            .to_vec(),
            hourly_value_pence: 1_200,
        }
    }
}

/// Who must confirm an exchange that a member records in the app.
/// (Exchanges a coordinator records need no confirmation.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfirmationPolicy {
    /// Every exchange counts as soon as it is recorded.
    Nobody,
    /// The member who received the help confirms it.
    Payer,
    /// Whichever party did not record it confirms it.
    OtherParty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemberStatus {
    Applicant,
    Active,
    Away,
    Left,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Member,
    Coordinator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    /// The short number on a member's card and paper slips.
    pub number: u32,
    pub name: String,
    pub profile: Profile,
    pub status: MemberStatus,
    pub role: Role,
    pub joined_on: Date,
    /// This member's own limits, where they differ from the timebank's.
    pub debit_floor_minutes: Option<i64>,
    pub credit_ceiling_minutes: Option<i64>,
}

/// The optional parts of a member's record, each editable on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub phone: String,
    pub email: String,
    pub neighbourhood: String,
    pub offers: String,
    pub needs: String,
}

/// How an exchange reached the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Channel {
    App,
    Coordinator,
    TradingDayTally,
    PaperSlip { number: String },
    Import,
    QrHandOff,
}

/// What kind of transfer an exchange is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeKind {
    /// Help given by the payee to the payer.
    Service,
    /// Hours issued from the community fund to a member against cash.
    TokenPurchase {
        cash_pence: u32,
        receipt: String,
        /// Who paid, when someone bought hours on the member's behalf.
        bought_by: Option<String>,
    },
    /// Hours given to the community fund.
    Donation,
    /// A balance brought over from a previous system, with the community fund.
    OpeningBalance,
}

/// One transfer of hours. Its fields never change once written; its status is
/// derived from its `events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub id: ExchangeId,
    /// Received the help (their balance goes down).
    pub payer: Account,
    /// Gave the help (their balance goes up).
    pub payee: Account,
    pub minutes: u32,
    pub service_date: Date,
    pub description: String,
    pub category: Option<String>,
    pub kind: ExchangeKind,
    pub channel: Channel,
    pub recorded_by: MemberId,
    pub device: DeviceId,
    pub recorded_at: Timestamp,
    pub group: Option<GroupId>,
    pub reversal_of: Option<ExchangeId>,
    /// The member whose confirmation the exchange waits for, if any.
    pub confirmer: Option<MemberId>,
    /// The lifecycle log, in a fixed order (time, then id).
    pub events: Vec<LifecycleEvent>,
    /// The recording device's signature, once it has signed (see `trust`).
    pub seal: Option<Seal>,
}

/// A device's signature of one record it wrote, with the device's running
/// number for it (a gap in a device's numbers shows a record was removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seal {
    pub seq: u64,
    pub signature: crate::trust::Signature,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleEvent {
    pub id: LogEntryId,
    pub action: LifecycleAction,
    pub by: MemberId,
    pub at: Timestamp,
    pub note: String,
    /// The device that wrote it (absent in records written before devices
    /// signed what they write).
    pub device: Option<DeviceId>,
    /// Its signature by that device, once it has signed.
    pub seal: Option<Seal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleAction {
    Confirm,
    Reject,
    /// A coordinator's decision, which outranks confirmations and rejections.
    Override(Outcome),
    /// The member who recorded it takes it back while it waits for
    /// confirmation (a confirmation, even a concurrent one, outranks it).
    Withdraw,
    /// A member who takes part says something is wrong with it, in the
    /// note. It changes nothing by itself: a coordinator looks into it.
    Query,
}

impl LifecycleAction {
    /// How the action is written in the document and in what its device
    /// signs.
    pub fn code(self) -> &'static str {
        match self {
            LifecycleAction::Confirm => "confirm",
            LifecycleAction::Reject => "reject",
            LifecycleAction::Override(Outcome::Confirmed) => "override_confirm",
            LifecycleAction::Override(Outcome::Rejected) => "override_reject",
            LifecycleAction::Withdraw => "withdraw",
            LifecycleAction::Query => "query",
        }
    }

    /// The action written as `code` (an unknown one, from a later release,
    /// is left out of the log).
    pub fn from_code(code: &str) -> Option<LifecycleAction> {
        Some(match code {
            "confirm" => LifecycleAction::Confirm,
            "reject" => LifecycleAction::Reject,
            "override_confirm" => LifecycleAction::Override(Outcome::Confirmed),
            "override_reject" => LifecycleAction::Override(Outcome::Rejected),
            "withdraw" => LifecycleAction::Withdraw,
            "query" => LifecycleAction::Query,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Confirmed,
    Rejected,
}

/// An exchange's status, derived from its log by [`Exchange::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Pending,
    Confirmed,
    Rejected,
    /// Taken back by the member who recorded it before it was confirmed.
    Withdrawn,
}

impl Exchange {
    /// The status by the one fixed precedence rule, so that every device
    /// derives the same status from the same log, whatever order the events
    /// arrived in:
    /// 1. the latest coordinator override (by time, then event id) decides;
    /// 2. otherwise any rejection rejects (a dispute is never hidden by a
    ///    concurrent confirmation);
    /// 3. otherwise a withdrawal of an exchange that waits for a
    ///    confirmation and has none withdraws it (a confirmation, even a
    ///    concurrent one, protects the other member's hours);
    /// 4. otherwise a confirmation, or no confirmer being needed, confirms;
    /// 5. otherwise it is pending until the deadline, after which it is
    ///    confirmed when the timebank confirms automatically.
    pub fn status(&self, settings: &Settings, now: Timestamp) -> Status {
        if let Some(outcome) = self.latest_override() {
            return match outcome {
                Outcome::Confirmed => Status::Confirmed,
                Outcome::Rejected => Status::Rejected,
            };
        }
        if self.has(LifecycleAction::Reject) {
            return Status::Rejected;
        }
        if self.withdrawn() {
            return Status::Withdrawn;
        }
        if self.confirmer.is_none() || self.has(LifecycleAction::Confirm) {
            return Status::Confirmed;
        }
        if settings.auto_confirm && now >= self.confirmation_deadline(settings) {
            return Status::Confirmed;
        }
        Status::Pending
    }

    /// When a pending confirmation is due.
    pub fn confirmation_deadline(&self, settings: &Settings) -> Timestamp {
        self.recorded_at.plus_days(settings.confirm_within_days)
    }

    /// Whether the exchange is not rejected by its own log (a reversal also
    /// depends on its original: see `Balances`).
    pub fn stands(&self) -> bool {
        // Pending exchanges count towards balances: only a rejection removes
        // them. So balances never depend on the clock.
        match self.latest_override() {
            Some(outcome) => outcome == Outcome::Confirmed,
            None => !self.has(LifecycleAction::Reject) && !self.withdrawn(),
        }
    }

    /// Whether member `member` takes part in it: gave or received the help,
    /// recorded it, or is asked to confirm it.
    pub fn concerns(&self, member: &MemberId) -> bool {
        let own = |account: &Account| account.member() == Some(member);
        own(&self.payer)
            || own(&self.payee)
            || self.recorded_by == *member
            || self.confirmer.as_ref() == Some(member)
    }

    /// Whether a coordinator decided it (an override in its log).
    pub fn is_overridden(&self) -> bool {
        self.latest_override().is_some()
    }

    /// Whether its log holds an entry `action`.
    pub fn has(&self, action: LifecycleAction) -> bool {
        self.events.iter().any(|event| event.action == action)
    }

    /// The paper slip it was entered from, if it was.
    pub fn slip_number(&self) -> Option<&str> {
        match &self.channel {
            Channel::PaperSlip { number } => Some(number),
            _ => None,
        }
    }

    /// Whether its recorder's withdrawal takes effect (overrides aside): it
    /// waits for a confirmation, and has none.
    fn withdrawn(&self) -> bool {
        self.confirmer.is_some()
            && self.has(LifecycleAction::Withdraw)
            && !self.has(LifecycleAction::Confirm)
    }

    /// The outcome of the latest coordinator override (by time, then event id).
    fn latest_override(&self) -> Option<Outcome> {
        self.events
            .iter()
            .filter_map(|event| match event.action {
                LifecycleAction::Override(outcome) => Some((event.at, &event.id, outcome)),
                _ => None,
            })
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
            .map(|(_, _, outcome)| outcome)
    }
}
