//! Recording exchanges, their lifecycle, reversals, purchases and donations.

use crate::error::LedgerError;
use crate::ids::{Account, ExchangeId, GroupId, LogEntryId, MemberId};
use crate::model::{
    Channel, ConfirmationPolicy, Exchange, ExchangeKind, LifecycleAction, LifecycleEvent,
    MAX_DESCRIPTION_CHARS, MAX_EXCHANGE_MINUTES, MemberStatus, Outcome, Role, Status,
};
use crate::schema;
use crate::time::{Date, Timestamp};

use super::{Timebank, check_text, status_words};

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

/// Whose confirmation an exchange that member `by` records (not as a
/// coordinator) waits for, under confirmation rule `policy`. The counting
/// rule asks the same of what members' devices sign.
pub(super) fn confirmer_for(
    policy: ConfirmationPolicy,
    by: &MemberId,
    payer: &Account,
    payee: &Account,
) -> Option<MemberId> {
    let wanted = match policy {
        ConfirmationPolicy::Nobody => None,
        ConfirmationPolicy::Payer => payer.member(),
        ConfirmationPolicy::OtherParty => other_party(by, payer, payee).member(),
    };
    // Nobody needs to confirm their own word.
    wanted.filter(|member| *member != by).cloned()
}

/// The side of an exchange that member `by` (who recorded it) is not on.
pub(super) fn other_party<'a>(
    by: &MemberId,
    payer: &'a Account,
    payee: &'a Account,
) -> &'a Account {
    if payer.member() == Some(by) {
        payee
    } else {
        payer
    }
}

impl Timebank {
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
        let group = GroupId::random(self.entropy.as_mut());
        let exchanges = self.checked_group(by, new, &group, now)?;
        self.write_exchanges(exchanges, now, "record group exchange")
    }

    /// The exchanges of group exchange `new`, one for each payer and payee,
    /// each checked, all under group `group`.
    pub(super) fn checked_group(
        &mut self,
        by: &MemberId,
        new: NewGroupExchange,
        group: &GroupId,
        now: Timestamp,
    ) -> Result<Vec<Exchange>, LedgerError> {
        if new.payers.is_empty() || new.payees.is_empty() {
            return Err(LedgerError::EmptyGroup);
        }
        if new.payers.len() > 1 && new.payees.len() > 1 {
            return Err(LedgerError::GroupNeedsOneSide);
        }
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
        Ok(exchanges)
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
        if purchase.receipt.trim().is_empty() {
            return Err(LedgerError::NoReceipt);
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
            // What it is, the app says from its kind, in the reader's language.
            description: String::new(),
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
        // The reason only: the app words it as a reversal in the reader's
        // language (an exchange's `reversal_of` says it is one).
        let description = reason.trim().to_string();
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
        self.require_confirmer(by, id, now)?;
        self.append(by, id, LifecycleAction::Confirm, note, now)
    }

    pub fn reject(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_confirmer(by, id, now)?;
        self.append(by, id, LifecycleAction::Reject, note, now)
    }

    /// The member who recorded an exchange takes it back while it waits for
    /// confirmation (a mistake they saw before the other member did).
    pub fn withdraw(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let exchange = self.exchanges.get(id).ok_or(LedgerError::UnknownExchange)?;
        if exchange.recorded_by != *by {
            return Err(LedgerError::NotTheRecorder);
        }
        if exchange.confirmer.is_none() || exchange.status(self.settings(), now) != Status::Pending
        {
            return Err(LedgerError::CannotWithdraw);
        }
        self.append(by, id, LifecycleAction::Withdraw, note, now)
    }

    /// A member who took part says something is wrong with an exchange, in
    /// their own words: it changes nothing, and waits in the attention queue
    /// for a coordinator.
    pub fn query(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        words: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let exchange = self.exchanges.get(id).ok_or(LedgerError::UnknownExchange)?;
        if !exchange.concerns(by) {
            return Err(LedgerError::NotTakingPart);
        }
        if words.trim().is_empty() {
            return Err(LedgerError::SayWhatIsWrong);
        }
        self.append(by, id, LifecycleAction::Query, words, now)
    }

    /// A coordinator's decision, which outranks members' confirmations and
    /// rejections (the latest override wins), with why they decided so.
    pub fn override_status(
        &mut self,
        by: &MemberId,
        id: &ExchangeId,
        outcome: Outcome,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        if note.trim().is_empty() {
            return Err(LedgerError::SayWhyYouDecide);
        }
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
            id: LogEntryId::random(self.entropy.as_mut()),
            action,
            by: by.clone(),
            at: now,
            note: note.trim().to_string(),
            device: Some(self.device.clone()),
            seal: None,
        };
        self.write(now, "exchange lifecycle", |doc| {
            schema::append_event(doc, id, &event)
        })?;
        // Read back as written (the counted version may leave out entries
        // that do not count), then judged and counted again.
        self.reread_exchange(id);
        Ok(())
    }

    fn require_confirmer(
        &self,
        by: &MemberId,
        id: &ExchangeId,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let exchange = self.exchanges.get(id).ok_or(LedgerError::UnknownExchange)?;
        if exchange.status(self.settings(), now) == Status::Withdrawn {
            return Err(LedgerError::Withdrawn(
                self.members
                    .get(&exchange.recorded_by)
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "The member who recorded it".to_string()),
            ));
        }
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
    pub(super) fn checked_exchange(
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
        // Hours paid by the community fund are coordinators' to give.
        if !is_coordinator && new.payer == Account::CommunityFund {
            return Err(LedgerError::NotCoordinator);
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
    pub(super) fn checked_exchange_unchecked_parties(
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
            confirmer_for(self.settings.confirmation, by, &new.payer, &new.payee)
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
            seal: None,
        })
    }

    fn write_exchanges(
        &mut self,
        exchanges: Vec<Exchange>,
        now: Timestamp,
        message: &str,
    ) -> Result<Vec<Recorded>, LedgerError> {
        self.write_exchanges_and(exchanges, now, message, |_| Ok(()))
    }

    /// Writes `exchanges` and whatever `also` writes in one change: all of
    /// it, or none.
    pub(super) fn write_exchanges_and(
        &mut self,
        exchanges: Vec<Exchange>,
        now: Timestamp,
        message: &str,
        also: impl FnOnce(&mut automerge::AutoCommit) -> schema::WriteResult<()>,
    ) -> Result<Vec<Recorded>, LedgerError> {
        self.write(now, message, |doc| {
            exchanges
                .iter()
                .try_for_each(|exchange| schema::write_new_exchange(doc, exchange))?;
            also(doc)
        })?;
        let mut recorded = Vec::new();
        for exchange in exchanges {
            let id = exchange.id.clone();
            self.exchanges.insert(id.clone(), exchange);
            self.recount(&id);
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
}
