//! Making decisions: the decision a coordinator's device signs with each
//! change of a member's rights, the settings, the timebank's details or a
//! month's lock, once the trust is founded, and writing it in the same
//! change (how the decisions count is the parent module's business).

use super::super::Timebank;
use super::{DETAILS, LOCK, SETTINGS};
use crate::error::LedgerError;
use crate::ids::{DecisionId, MemberId};
use crate::model::{Member, Settings, TimebankDetails};
use crate::schema::{self, Decision, Rights};
use crate::time::Timestamp;
use crate::trust::DeviceKey;

/// What a decision about a month is about.
fn month_subject(month: crate::time::Month) -> String {
    format!("month:{month}")
}

/// What a decision about a member is about.
fn member_subject(member: &MemberId) -> String {
    format!("member:{member}")
}

fn limits_value(floor: Option<i64>, ceiling: Option<i64>) -> String {
    let text = |minutes: Option<i64>| minutes.map(|m| m.to_string()).unwrap_or_default();
    format!("{},{}", text(floor), text(ceiling))
}

impl Timebank {
    /// This device's key, if it is a coordinator's device acting for `by`
    /// (what a decision or resolution by `by` needs once the trust is
    /// founded: one made on another's behalf would count nowhere).
    pub(in crate::timebank) fn deciding_device(
        &self,
        by: &MemberId,
    ) -> Result<DeviceKey, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        match self.trust.authority().standing(&key) {
            Some(standing) if standing.member == *by => Ok(key),
            _ => Err(LedgerError::NotCoordinatorDevice),
        }
    }

    /// When a decision of `what` about `subject` made `now` is dated: after
    /// every decision of the same kind this copy counts, so a decision made
    /// after another always wins over it, whatever the two devices' clocks
    /// say (of two made apart, the later date wins, then the higher id).
    fn next_date(&self, subject: &str, what: &str, now: Timestamp) -> Timestamp {
        let latest = self
            .decided
            .made
            .iter()
            .filter(|m| {
                m.decision.subject == subject
                    && m.decision.what == what
                    && self.decision_counts(m, self.trust.authority())
            })
            .map(|m| m.decision.at.0)
            .max();
        Timestamp(latest.map_or(now.0, |latest| now.0.max(latest.saturating_add(1))))
    }

    /// The decisions coordinator `by` makes in changing a member's rights
    /// from `before` to those of `member`: none until the trust is founded;
    /// afterwards, one for each right that changes, and only on a
    /// coordinator's device acting for `by`.
    pub(in crate::timebank) fn decisions_for(
        &mut self,
        by: &MemberId,
        before: Rights,
        member: &Member,
        now: Timestamp,
    ) -> Result<Vec<Decision>, LedgerError> {
        let after = Rights::of(member);
        if !self.trust_founded() || before == after {
            return Ok(Vec::new());
        }
        let key = self.deciding_device(by)?;
        let subject = member_subject(&member.id);
        let mut wanted: Vec<(&str, String)> = Vec::new();
        if before.status != after.status {
            wanted.push(("status", schema::status_name(after.status).to_string()));
        }
        if before.role != after.role {
            wanted.push(("role", schema::role_name(after.role).to_string()));
        }
        if (before.debit_floor_minutes, before.credit_ceiling_minutes)
            != (after.debit_floor_minutes, after.credit_ceiling_minutes)
        {
            wanted.push((
                "limits",
                limits_value(after.debit_floor_minutes, after.credit_ceiling_minutes),
            ));
        }
        let dated: Vec<(&str, String, Timestamp)> = wanted
            .into_iter()
            .map(|(what, value)| (what, value, self.next_date(&subject, what, now)))
            .collect();
        Ok(dated
            .into_iter()
            .map(|(what, value, at)| Decision {
                id: DecisionId::random(self.entropy.as_mut()),
                subject: subject.clone(),
                what: what.to_string(),
                value,
                by: by.clone(),
                device: key,
                at,
                seal: None,
            })
            .collect())
    }

    /// The decision coordinator `by` makes in changing the settings to
    /// `settings` (see [`Timebank::whole_decision`]).
    pub(in crate::timebank) fn settings_decision(
        &mut self,
        by: &MemberId,
        settings: &Settings,
        now: Timestamp,
    ) -> Result<Option<Decision>, LedgerError> {
        let current = schema::settings_value(&self.settings);
        self.whole_decision(by, SETTINGS, schema::settings_value(settings), current, now)
    }

    /// The decision coordinator `by` makes in changing the timebank's
    /// details to `details` (see [`Timebank::whole_decision`]).
    pub(in crate::timebank) fn details_decision(
        &mut self,
        by: &MemberId,
        details: &TimebankDetails,
        now: Timestamp,
    ) -> Result<Option<Decision>, LedgerError> {
        let current = schema::details_value(&self.info.details());
        self.whole_decision(by, DETAILS, schema::details_value(details), current, now)
    }

    /// The decision coordinator `by` makes in stating `what` (the settings,
    /// the details) whole as `value`, where it is `current` now: none until
    /// the trust is founded (or if nothing changes); afterwards only on a
    /// coordinator's device acting for `by`.
    fn whole_decision(
        &mut self,
        by: &MemberId,
        what: &str,
        value: String,
        current: String,
        now: Timestamp,
    ) -> Result<Option<Decision>, LedgerError> {
        if !self.trust_founded() || value == current {
            return Ok(None);
        }
        let key = self.deciding_device(by)?;
        Ok(Some(Decision {
            id: DecisionId::random(self.entropy.as_mut()),
            subject: what.to_string(),
            what: what.to_string(),
            value,
            by: by.clone(),
            device: key,
            at: self.next_date(what, what, now),
            seal: None,
        }))
    }

    /// Writes, in one change, what `writes` writes and `decisions` beside
    /// it. A change with decisions carries [`schema::DECISION_MESSAGE`] (they
    /// are read from the history by it); one without, `message`.
    pub(in crate::timebank) fn write_deciding(
        &mut self,
        now: Timestamp,
        message: &str,
        decisions: &[Decision],
        writes: impl FnOnce(&mut automerge::AutoCommit) -> schema::WriteResult<()>,
    ) -> Result<(), LedgerError> {
        let message = if decisions.is_empty() {
            message
        } else {
            schema::DECISION_MESSAGE
        };
        self.write(now, message, |doc| {
            writes(doc)?;
            decisions
                .iter()
                .try_for_each(|decision| schema::write_decision(doc, decision))
        })
    }

    /// The decision coordinator `by` makes in locking a month with `lock`:
    /// none until the trust is founded; afterwards only on a coordinator's
    /// device acting for `by`. It signs the lock's digest.
    pub(in crate::timebank) fn lock_decision(
        &mut self,
        by: &MemberId,
        lock: &crate::reports::PeriodLock,
        now: Timestamp,
    ) -> Result<Option<Decision>, LedgerError> {
        if !self.trust_founded() {
            return Ok(None);
        }
        let key = self.deciding_device(by)?;
        let subject = month_subject(lock.month);
        Ok(Some(Decision {
            id: DecisionId::random(self.entropy.as_mut()),
            at: self.next_date(&subject, LOCK, now),
            subject,
            what: LOCK.to_string(),
            value: lock.digest(),
            by: by.clone(),
            device: key,
            seal: None,
        }))
    }

    /// Writes the changes to `member` made by `by` (in one change, with the
    /// decisions they make: see [`Timebank::decisions_for`]).
    pub(in crate::timebank) fn write_member_decided(
        &mut self,
        by: &MemberId,
        member: Member,
        now: Timestamp,
        message: &str,
    ) -> Result<(), LedgerError> {
        let before = self
            .members
            .get(&member.id)
            .map(Rights::of)
            .ok_or(LedgerError::UnknownMember)?;
        let decisions = self.decisions_for(by, before, &member, now)?;
        self.write_deciding(now, message, &decisions, |doc| {
            schema::write_member_changes(doc, &member)
        })?;
        self.members.insert(member.id.clone(), member);
        self.apply_decisions();
        Ok(())
    }
}
