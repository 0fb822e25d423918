//! Joining, profiles, numbers, status, roles and limits.

use crate::error::LedgerError;
use crate::ids::{Account, ExchangeId, MemberId};
use crate::model::{
    Channel, Exchange, ExchangeKind, MAX_DESCRIPTION_CHARS, Member, MemberStatus, Profile, Role,
};
use crate::schema;
use crate::time::Timestamp;

use super::{Timebank, check_profile, checked_name};

/// A person joining (or founding) the timebank.
#[derive(Debug, Clone, Default)]
pub struct NewMember {
    pub name: String,
    pub profile: Profile,
    /// The member number to give; `None` takes the next free one.
    pub number: Option<u32>,
}

impl Timebank {
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
        self.change_member(by, member, now, "update profile", |m| {
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
        self.change_member(by, member, now, "change status", |m| m.status = status)
    }

    /// Member `member` leaves, whatever their balance: it is settled with
    /// the community fund (hours they hold go to the fund, hours they owe
    /// the fund covers) in the same change that marks them as left, so
    /// neither is ever written without the other. `note` (the
    /// coordinator's words, may be empty) describes the settlement.
    /// Returns the settling exchange, when there was a balance to settle.
    pub fn leave(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        note: &str,
        now: Timestamp,
    ) -> Result<Option<ExchangeId>, LedgerError> {
        self.require_coordinator(by)?;
        let current = self
            .members
            .get(member)
            .ok_or(LedgerError::UnknownMember)?
            .clone();
        if current.status == MemberStatus::Left {
            return Err(LedgerError::AlreadyLeft(current.name));
        }
        let note = note.trim();
        if note.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(LedgerError::DescriptionTooLong);
        }
        let account = Account::Member(member.clone());
        let balance = self.balance(&account);
        let settlement = (balance != 0).then(|| {
            // Hours they hold go to the fund; hours they owe, the fund covers.
            let kind = if balance > 0 {
                ExchangeKind::Donation
            } else {
                ExchangeKind::Service
            };
            self.with_fund(by, member, -balance, kind, note.to_string(), now)
        });
        let mut left = current.clone();
        left.status = MemberStatus::Left;
        let decisions = self.decisions_for(by, schema::Rights::of(&current), &left, now)?;
        self.write_deciding(now, "member leaves", &decisions, |doc| {
            if let Some(exchange) = &settlement {
                schema::write_new_exchange(doc, exchange)?;
            }
            schema::write_member_changes(doc, &left)
        })?;
        self.members.insert(left.id.clone(), left);
        let settled = settlement.map(|exchange| {
            let id = exchange.id.clone();
            self.exchanges.insert(id.clone(), exchange);
            self.recount(&id);
            id
        });
        self.apply_decisions();
        Ok(settled)
    }

    /// An exchange with the community fund that moves `minutes` to member
    /// `member` (from them, when negative), written by `by`: an opening
    /// balance, or a balance settled as a member leaves. No limit on one
    /// exchange's length applies: it carries a whole balance.
    pub(super) fn with_fund(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        minutes: i64,
        kind: ExchangeKind,
        description: String,
        now: Timestamp,
    ) -> Exchange {
        // An opening balance comes in from a spreadsheet; the rest a
        // coordinator records.
        let channel = if kind == ExchangeKind::OpeningBalance {
            Channel::Import
        } else {
            Channel::Coordinator
        };
        let account = Account::Member(member.clone());
        let (payer, payee) = if minutes > 0 {
            (Account::CommunityFund, account)
        } else {
            (account, Account::CommunityFund)
        };
        Exchange {
            id: ExchangeId::random(self.entropy.as_mut()),
            payer,
            payee,
            minutes: u32::try_from(minutes.unsigned_abs()).unwrap_or(u32::MAX),
            service_date: now.date(),
            description,
            category: None,
            kind,
            channel,
            recorded_by: by.clone(),
            device: self.device.clone(),
            recorded_at: now,
            group: None,
            reversal_of: None,
            confirmer: None,
            events: Vec::new(),
            seal: None,
        }
    }

    pub fn set_role(
        &mut self,
        by: &MemberId,
        member: &MemberId,
        role: Role,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        self.change_member(by, member, now, "change role", |m| m.role = role)
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
        self.change_member(by, member, now, "change limits", |m| {
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
        self.change_member(by, member, now, "renumber member", |m| {
            m.number = number;
        })
    }

    /// Writes `edit` of member `id` by `by` (with the decisions it makes,
    /// once the trust is founded: see `decisions`).
    fn change_member(
        &mut self,
        by: &MemberId,
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
        self.write_member_decided(by, member, now, message)
    }
}
