//! The attention queue: what a coordinator should look at, derived from the
//! whole document after every merge. Each item has a stable key; resolving it
//! is itself recorded in the document, so it is resolved on every device.

use std::collections::{BTreeMap, HashMap};

use super::{LimitKind, Timebank, check_text};
use crate::error::LedgerError;
use crate::ids::{Account, ExchangeId, MemberId};
use crate::model::{Exchange, LifecycleAction, Seal, Status};
use crate::schema::{self, Resolution};
use crate::time::{Date, Month, Timestamp};
use crate::trust::{Signature, TrustProblem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttentionItem {
    /// Replaying counted exchanges in date order, this one took the account
    /// past its limit (typically two devices recording offline).
    OverLimit {
        account: Account,
        exchange: ExchangeId,
        balance_minutes: i64,
        limit_minutes: i64,
        kind: LimitKind,
    },
    /// Several exchanges carry the same paper-slip number.
    DuplicateSlip {
        number: String,
        exchanges: Vec<ExchangeId>,
    },
    /// Same payer, payee, minutes and date, recorded on different devices:
    /// perhaps the same help recorded twice.
    SuspectedDuplicate { exchanges: Vec<ExchangeId> },
    /// Two devices gave out the same member number.
    DuplicateMemberNumber { number: u32, members: Vec<MemberId> },
    /// Waiting for confirmation past its deadline (the timebank does not
    /// confirm automatically).
    ConfirmationOverdue {
        exchange: ExchangeId,
        confirmer: MemberId,
        deadline: Timestamp,
    },
    /// A member rejected the exchange (or withdrew one the other member
    /// had confirmed): someone should talk to both parties.
    Disputed { exchange: ExchangeId },
    /// A member who took part says something is wrong with the exchange,
    /// in their words (the note of log entry `event`).
    Queried {
        exchange: ExchangeId,
        event: crate::ids::LogEntryId,
        by: MemberId,
        words: String,
    },
    /// An exchange dated inside a locked month arrived after it was locked
    /// (`counted` true), or one the locked figures counted no longer counts
    /// (`counted` false): the published figures stay as they were.
    LockedPeriodEntry {
        month: Month,
        exchange: ExchangeId,
        counted: bool,
    },
    /// The same exchange was reversed more than once (on devices that were
    /// offline); only the first reversal counts.
    DuplicateReversal {
        original: ExchangeId,
        reversals: Vec<ExchangeId>,
    },
    /// Once the timebank's trust is founded: an exchange not taken as
    /// written (see `counting`), and why.
    Doubted {
        exchange: ExchangeId,
        doubt: super::Doubt,
    },
    /// Once the timebank's trust is founded: a confirmation, rejection or
    /// override of an exchange not taken as written, and why (one that does
    /// not count is left out of the exchange's status).
    DoubtedDecision {
        exchange: ExchangeId,
        event: crate::ids::LogEntryId,
        doubt: super::Doubt,
    },
    /// Once the timebank's trust is founded: records a certified device
    /// signed are missing from the document (deleted, perhaps).
    MissingFromSequence {
        member: MemberId,
        device: crate::ids::DeviceId,
        missing: Vec<u64>,
    },
    /// Once the timebank's trust is founded: a certificate, invitation or
    /// revocation that does not count (see `trust::authority`).
    Trust(TrustProblem),
}

/// The short code of each key a trust problem names (the first its device,
/// then its signer), as devices show them.
pub fn trust_problem_codes(problem: &TrustProblem) -> Vec<String> {
    match problem {
        TrustProblem::CertificateNotValid { device }
        | TrustProblem::CertifiedForTwoMembers { device } => vec![device.fingerprint()],
        TrustProblem::InvitationNotValid { key } | TrustProblem::InviteUsedTwice { key } => {
            vec![key.fingerprint()]
        }
        TrustProblem::RevocationNotValid { device, by }
        | TrustProblem::RevokedAfterOwnRevocation { device, by } => {
            vec![device.fingerprint(), by.fingerprint()]
        }
    }
}

fn trust_problem_code(problem: &TrustProblem) -> &'static str {
    match problem {
        TrustProblem::CertificateNotValid { .. } => "certificate-not-valid",
        TrustProblem::CertifiedForTwoMembers { .. } => "certified-for-two",
        TrustProblem::InvitationNotValid { .. } => "invitation-not-valid",
        TrustProblem::InviteUsedTwice { .. } => "invite-used-twice",
        TrustProblem::RevocationNotValid { .. } => "revocation-not-valid",
        TrustProblem::RevokedAfterOwnRevocation { .. } => "revoked-after-own-revocation",
    }
}

impl AttentionItem {
    /// A key that names this item the same way on every device.
    pub fn key(&self) -> String {
        match self {
            AttentionItem::OverLimit {
                account, exchange, ..
            } => format!("over-limit:{account}:{exchange}"),
            AttentionItem::DuplicateSlip { number, .. } => format!("duplicate-slip:{number}"),
            AttentionItem::SuspectedDuplicate { exchanges } => format!(
                "suspected-duplicate:{}",
                exchanges
                    .iter()
                    .map(ExchangeId::as_str)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            AttentionItem::DuplicateMemberNumber { number, members } => format!(
                "duplicate-number:{number}:{}",
                members
                    .iter()
                    .map(MemberId::as_str)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            AttentionItem::ConfirmationOverdue { exchange, .. } => format!("overdue:{exchange}"),
            AttentionItem::Disputed { exchange } => format!("disputed:{exchange}"),
            AttentionItem::Queried {
                exchange, event, ..
            } => format!("queried:{exchange}:{event}"),
            AttentionItem::DuplicateReversal { original, .. } => {
                format!("duplicate-reversal:{original}")
            }
            AttentionItem::Doubted { exchange, doubt } => {
                format!("doubted:{}:{exchange}", doubt.code())
            }
            AttentionItem::DoubtedDecision { event, doubt, .. } => {
                format!("doubted-decision:{}:{event}", doubt.code())
            }
            AttentionItem::MissingFromSequence {
                device, missing, ..
            } => {
                let numbers: Vec<String> = missing.iter().map(u64::to_string).collect();
                format!("missing-from-sequence:{device}:{}", numbers.join(","))
            }
            AttentionItem::LockedPeriodEntry {
                month, exchange, ..
            } => {
                format!("locked-period:{month}:{exchange}")
            }
            AttentionItem::Trust(problem) => format!(
                "trust:{}:{}",
                trust_problem_code(problem),
                trust_problem_codes(problem).join(":")
            ),
        }
    }

    /// What happened and what the coordinator can do, in plain words.
    pub fn describe(&self, timebank: &Timebank) -> (String, String) {
        let name = |account: &Account| match account {
            Account::CommunityFund => "the community fund".to_string(),
            Account::Member(id) => timebank
                .member(id)
                .map(|m| format!("{} (no. {})", m.name, m.number))
                .unwrap_or_else(|| "an unknown member".to_string()),
        };
        match self {
            AttentionItem::OverLimit {
                account,
                balance_minutes,
                limit_minutes,
                kind,
                ..
            } => (
                format!(
                    "{} reached {} against a {} of {}.",
                    name(account),
                    hours(*balance_minutes),
                    match kind {
                        LimitKind::BelowFloor => "lowest balance",
                        LimitKind::AboveCeiling => "highest balance",
                    },
                    hours(*limit_minutes)
                ),
                "Talk to the member, change their limit, or reverse the exchange.".to_string(),
            ),
            AttentionItem::DuplicateSlip { number, exchanges } => (
                format!("Paper slip {number} was entered {} times.", exchanges.len()),
                "Check the slip and reverse the extra entries.".to_string(),
            ),
            AttentionItem::SuspectedDuplicate { exchanges } => (
                format!(
                    "{} exchanges with the same people, time and date were recorded on different devices.",
                    exchanges.len()
                ),
                "If it is the same help recorded twice, reverse the extra entry; otherwise mark it resolved."
                    .to_string(),
            ),
            AttentionItem::DuplicateMemberNumber { number, members } => (
                format!("{} members have number {number}.", members.len()),
                "Give all but one of them a new number.".to_string(),
            ),
            AttentionItem::ConfirmationOverdue { confirmer, .. } => (
                format!(
                    "An exchange has waited too long for {} to confirm it.",
                    name(&Account::Member(confirmer.clone()))
                ),
                "Ask them, or confirm or reject it as coordinator.".to_string(),
            ),
            AttentionItem::Disputed { .. } => (
                "A member rejected an exchange recorded for them.".to_string(),
                "Talk to both people, then confirm or reject it as coordinator.".to_string(),
            ),
            AttentionItem::Queried { by, words, .. } => (
                format!(
                    "{} says something is wrong with an exchange: “{words}”",
                    name(&Account::Member(by.clone()))
                ),
                "Talk to them; reverse or decide the exchange if it needs it, then mark this resolved."
                    .to_string(),
            ),
            AttentionItem::LockedPeriodEntry { month, counted, .. } => (
                if *counted {
                    format!("An exchange dated in {month}, which is locked, arrived after the lock.")
                } else {
                    format!("An exchange counted in the locked figures for {month} no longer counts.")
                },
                format!(
                    "The published figures for {month} stay as they are; note the difference for the next report."
                ),
            ),
            AttentionItem::DuplicateReversal { reversals, .. } => (
                format!(
                    "An exchange was reversed {} times on different devices; only the first counts.",
                    reversals.len()
                ),
                "Nothing is counted twice; mark it resolved once checked.".to_string(),
            ),
            AttentionItem::Doubted { doubt, .. } => (
                format!("An exchange is not counted as written: {}.", doubt.reason()),
                if doubt.withholds() {
                    "Check with the people named in it; if it is right, record it again from a certified device."
                } else {
                    "Check with the people named in it; mark it resolved once checked."
                }
                .to_string(),
            ),
            AttentionItem::MissingFromSequence { missing, .. } => (
                format!(
                    "{} signed record(s) of a device are missing from the timebank: they may have been deleted.",
                    missing.len()
                ),
                "Ask the member what they recorded on that device; record again what is missing, then mark this resolved."
                    .to_string(),
            ),
            AttentionItem::Trust(problem) => {
                let codes = trust_problem_codes(problem);
                let code = codes.first().cloned().unwrap_or_default();
                match problem {
                    TrustProblem::CertificateNotValid { .. } => (
                        format!("The device with code {code} was certified by a device that may not certify it, or for someone the invite was not for: it cannot write."),
                        "If it is a member's device, certify it from a coordinator's device on the Sync page; then mark this resolved.".to_string(),
                    ),
                    TrustProblem::CertifiedForTwoMembers { .. } => (
                        format!("The device with code {code} is certified for two members, so it acts for neither."),
                        "Revoke it on the Sync page, then certify the member's device again.".to_string(),
                    ),
                    TrustProblem::InvitationNotValid { .. } => (
                        format!("An invite with code {code} was not made on a coordinator's device: it lets no one in."),
                        "Mark this resolved once checked; make a new invite if someone needs one.".to_string(),
                    ),
                    TrustProblem::InviteUsedTwice { .. } => (
                        format!("The invite with code {code} was opened on two devices: neither can write."),
                        "Find out which device is the member's and certify it on the Sync page; revoke the other.".to_string(),
                    ),
                    TrustProblem::RevocationNotValid { .. } => (
                        format!("A revocation of the device with code {code} does not count: it was not signed by a coordinator's device."),
                        "If the device should be revoked, revoke it from a coordinator's device; then mark this resolved.".to_string(),
                    ),
                    TrustProblem::RevokedAfterOwnRevocation { .. } => (
                        format!("A revocation of the device with code {code} was signed by a device that had already been revoked: it does not count."),
                        "If the device should be revoked, revoke it from a coordinator's device; then mark this resolved.".to_string(),
                    ),
                }
            }
            AttentionItem::DoubtedDecision { doubt, .. } => (
                format!(
                    "A confirmation or rejection of an exchange does not count: {}.",
                    doubt.reason()
                ),
                if doubt.withholds() {
                    "Check with the people named in it; confirm or reject it again from a certified device if that is right."
                } else {
                    "Check with the people named in it; mark it resolved once checked."
                }
                .to_string(),
            ),
        }
    }
}

fn hours(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.unsigned_abs();
    format!("{sign}{}h{:02}", minutes / 60, minutes % 60)
}

impl Timebank {
    /// Every unresolved attention item, in a fixed order.
    pub fn attention(&self, now: Timestamp) -> Vec<AttentionItem> {
        let mut items = self.every_item(now);
        items.retain(|item| !self.is_resolved(&item.key()));
        items
    }

    /// What coordinators dealt with, the latest first: each resolution with
    /// the item it settled, while that item still arises from the ledger
    /// (`None` once it no longer would: a late confirmation arrived, a
    /// duplicate was reversed).
    pub fn dealt_with(&self, now: Timestamp) -> Vec<(Option<AttentionItem>, &Resolution)> {
        let mut items: BTreeMap<String, AttentionItem> = self
            .every_item(now)
            .into_iter()
            .map(|item| (item.key(), item))
            .collect();
        let mut dealt: Vec<(Option<AttentionItem>, &Resolution)> = self
            .resolutions()
            .map(|resolution| (items.remove(&resolution.item_key), resolution))
            .collect();
        dealt.sort_by(|a, b| (b.1.at, &b.1.item_key).cmp(&(a.1.at, &a.1.item_key)));
        dealt
    }

    /// Every attention item the ledger raises, resolved or not.
    fn every_item(&self, now: Timestamp) -> Vec<AttentionItem> {
        let exchanges = self.exchanges_map();
        let mut items = Vec::new();
        items.extend(self.over_limit_items(exchanges));
        // A slip entered twice and put right by a reversal is no longer a
        // duplicate: neither the reversal nor what it reversed is counted.
        let standing: Vec<&Exchange> = not_reversed(exchanges.values()).collect();
        items.extend(duplicate_slips(standing.iter().copied()));
        items.extend(suspected_duplicates(standing.iter().copied()));
        items.extend(self.duplicate_numbers());
        for exchange in exchanges.values() {
            let status = exchange.status(self.settings(), now);
            if status == Status::Pending
                && now >= exchange.confirmation_deadline(self.settings())
                && let Some(confirmer) = &exchange.confirmer
            {
                items.push(AttentionItem::ConfirmationOverdue {
                    exchange: exchange.id.clone(),
                    confirmer: confirmer.clone(),
                    deadline: exchange.confirmation_deadline(self.settings()),
                });
            }
            let member_rejected = exchange.has(LifecycleAction::Reject);
            // Withdrawn on one device while confirmed on another: the
            // confirmation stands, and the recorder did not want it to.
            let withdrawn_in_vain =
                exchange.has(LifecycleAction::Withdraw) && exchange.has(LifecycleAction::Confirm);
            if (member_rejected || withdrawn_in_vain) && !exchange.is_overridden() {
                items.push(AttentionItem::Disputed {
                    exchange: exchange.id.clone(),
                });
            }
            items.extend(
                exchange
                    .events
                    .iter()
                    .filter(|e| e.action == LifecycleAction::Query)
                    .map(|e| AttentionItem::Queried {
                        exchange: exchange.id.clone(),
                        event: e.id.clone(),
                        by: e.by.clone(),
                        words: e.note.clone(),
                    }),
            );
        }
        items.extend(self.doubted().map(|(id, doubt)| AttentionItem::Doubted {
            exchange: id.clone(),
            doubt,
        }));
        items.extend(self.sequence_gaps().into_iter().map(|gap| {
            AttentionItem::MissingFromSequence {
                member: gap.member,
                device: gap.device,
                missing: gap.missing,
            }
        }));
        if self.trust_founded() {
            items.extend(
                self.trust
                    .authority()
                    .problems
                    .iter()
                    .cloned()
                    .map(AttentionItem::Trust),
            );
        }
        items.extend(self.doubted_events().map(|(exchange, event, doubt)| {
            AttentionItem::DoubtedDecision {
                exchange: exchange.clone(),
                event: event.clone(),
                doubt,
            }
        }));
        let mut reversals: BTreeMap<&ExchangeId, Vec<&Exchange>> = BTreeMap::new();
        for exchange in exchanges.values() {
            if let Some(original) = &exchange.reversal_of {
                reversals.entry(original).or_default().push(exchange);
            }
        }
        for (original, mut list) in reversals {
            if list.len() > 1 {
                list.sort_by(|a, b| (a.recorded_at, &a.id).cmp(&(b.recorded_at, &b.id)));
                items.push(AttentionItem::DuplicateReversal {
                    original: original.clone(),
                    reversals: list.iter().map(|e| e.id.clone()).collect(),
                });
            }
        }
        items.extend(
            self.changed_since_lock()
                .into_iter()
                .map(
                    |(month, exchange, counted)| AttentionItem::LockedPeriodEntry {
                        month,
                        exchange: exchange.id.clone(),
                        counted,
                    },
                ),
        );
        items
    }

    /// Replays counted exchanges in a fixed order (service date, time
    /// recorded, id) and flags each one that took an account from within its
    /// limits to beyond them.
    fn over_limit_items(&self, exchanges: &BTreeMap<ExchangeId, Exchange>) -> Vec<AttentionItem> {
        let mut counted: Vec<&Exchange> =
            exchanges.values().filter(|e| self.counts(&e.id)).collect();
        counted.sort_by(|a, b| {
            (a.service_date, a.recorded_at, &a.id).cmp(&(b.service_date, b.recorded_at, &b.id))
        });
        let mut running: HashMap<&Account, i64> = HashMap::new();
        let mut items = Vec::new();
        for exchange in counted {
            let minutes = i64::from(exchange.minutes);
            for (account, change) in [(&exchange.payer, -minutes), (&exchange.payee, minutes)] {
                let before = *running.get(account).unwrap_or(&0);
                let after = before + change;
                running.insert(account, after);
                let Some((floor, ceiling)) = self.limits(account) else {
                    continue;
                };
                let crossed = if after < floor && before >= floor {
                    Some((floor, LimitKind::BelowFloor))
                } else if after > ceiling && before <= ceiling {
                    Some((ceiling, LimitKind::AboveCeiling))
                } else {
                    None
                };
                if let Some((limit, kind)) = crossed {
                    items.push(AttentionItem::OverLimit {
                        account: account.clone(),
                        exchange: exchange.id.clone(),
                        balance_minutes: after,
                        limit_minutes: limit,
                        kind,
                    });
                }
            }
        }
        items
    }

    fn duplicate_numbers(&self) -> Vec<AttentionItem> {
        let mut by_number: BTreeMap<u32, Vec<MemberId>> = BTreeMap::new();
        for member in self.members() {
            by_number
                .entry(member.number)
                .or_default()
                .push(member.id.clone());
        }
        by_number
            .into_iter()
            .filter(|(_, members)| members.len() > 1)
            .map(|(number, members)| AttentionItem::DuplicateMemberNumber { number, members })
            .collect()
    }
}

/// The exchanges that are not reversals and that no reversal put right.
fn not_reversed<'a>(
    exchanges: impl Iterator<Item = &'a Exchange> + Clone,
) -> impl Iterator<Item = &'a Exchange> {
    let reversed: std::collections::HashSet<&ExchangeId> = exchanges
        .clone()
        .filter_map(|exchange| exchange.reversal_of.as_ref())
        .collect();
    exchanges
        .filter(move |exchange| exchange.reversal_of.is_none() && !reversed.contains(&exchange.id))
}

impl Timebank {
    /// The exchange already entered from paper slip `number`, if one is
    /// (and was not put right by a reversal): so a slip is not entered
    /// twice by mistake.
    pub fn slip_entered(&self, number: &str) -> Option<&Exchange> {
        let number = number.trim();
        if number.is_empty() {
            return None;
        }
        not_reversed(self.exchanges_map().values())
            .find(|exchange| exchange.slip_number().map(str::trim) == Some(number))
    }
}

fn duplicate_slips<'a>(exchanges: impl Iterator<Item = &'a Exchange>) -> Vec<AttentionItem> {
    let mut by_slip: BTreeMap<&str, Vec<ExchangeId>> = BTreeMap::new();
    for exchange in exchanges {
        if let Some(number) = exchange.slip_number() {
            by_slip.entry(number).or_default().push(exchange.id.clone());
        }
    }
    by_slip
        .into_iter()
        .filter(|(_, list)| list.len() > 1)
        .map(|(number, exchanges)| AttentionItem::DuplicateSlip {
            number: number.to_string(),
            exchanges,
        })
        .collect()
}

fn suspected_duplicates<'a>(exchanges: impl Iterator<Item = &'a Exchange>) -> Vec<AttentionItem> {
    type Key<'a> = (&'a Account, &'a Account, u32, Date);
    let mut groups: BTreeMap<Key<'a>, Vec<&'a Exchange>> = BTreeMap::new();
    for exchange in exchanges {
        if exchange.group.is_none() {
            let key = (
                &exchange.payer,
                &exchange.payee,
                exchange.minutes,
                exchange.service_date,
            );
            groups.entry(key).or_default().push(exchange);
        }
    }
    groups
        .into_values()
        .filter(|list| list.len() > 1 && list.iter().any(|e| e.device != list[0].device))
        // The same slip entered twice is one mistake, said once (as a
        // duplicate slip).
        .filter(|list| {
            let slip = list[0].slip_number();
            slip.is_none() || list.iter().any(|e| e.slip_number() != slip)
        })
        .map(|list| AttentionItem::SuspectedDuplicate {
            exchanges: list.iter().map(|e| e.id.clone()).collect(),
        })
        .collect()
}

impl Timebank {
    // ----- Attention queue resolutions -------------------------------------

    /// Records that a coordinator dealt with an attention item, on a
    /// device that does not sign: only until the timebank's trust is
    /// founded (afterwards see [`Timebank::prepare_resolution`]).
    pub fn resolve(
        &mut self,
        by: &MemberId,
        item_key: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        if self.trust_founded() {
            return Err(LedgerError::NotCoordinatorDevice);
        }
        let resolution = self.resolution(by, item_key, note, now)?;
        self.write(now, "resolve attention item", |doc| {
            schema::write_resolution(doc, &resolution)
        })?;
        self.reread_resolutions();
        Ok(())
    }

    /// A resolution of an attention item by coordinator `by`, waiting for
    /// this device's signature (once the trust is founded, this device must
    /// be a coordinator's).
    pub fn prepare_resolution(
        &mut self,
        by: &MemberId,
        item_key: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<ResolutionDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        if self.trust_founded() {
            self.deciding_device(by)?;
        }
        let resolution = self.resolution(by, item_key, note, now)?;
        let seq = self.last_trust_seq() + 1;
        let bytes = crate::trust::resolution_bytes(
            &self.info.id,
            &resolution.item_key,
            by,
            &key,
            now,
            &resolution.note,
            seq,
        )
        .into_bytes();
        Ok(ResolutionDraft {
            resolution,
            seq,
            bytes,
        })
    }

    /// Writes a resolution this device signed, after checking the
    /// signature.
    pub fn add_resolution(
        &mut self,
        draft: ResolutionDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let resolution = Resolution {
            device: Some(key),
            seal: Some(Seal {
                seq: draft.seq,
                signature,
            }),
            ..draft.resolution
        };
        if !resolution.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        self.write(now, "resolve attention item", |doc| {
            schema::write_resolution(doc, &resolution)
        })?;
        self.reread_resolutions();
        Ok(())
    }

    /// The resolution `by` may write for `item_key`, checked.
    fn resolution(
        &self,
        by: &MemberId,
        item_key: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<Resolution, LedgerError> {
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
        Ok(Resolution {
            item_key: item_key.to_string(),
            by: by.clone(),
            at: now,
            note: note.trim().to_string(),
            device: None,
            seal: None,
        })
    }

    /// Reads the resolutions again. Once the trust is founded, one counts
    /// only if a coordinator's device signed it (see
    /// `Timebank::signed_resolutions`), or the founding vouched for it (it
    /// was there when the trust was founded).
    pub(super) fn reread_resolutions(&mut self) {
        self.catch_up_resolutions();
        let mut all = schema::read_resolutions(&self.doc);
        if self.trust_founded() {
            let vouched: std::collections::HashSet<String> = self
                .trust
                .roots()
                .iter()
                .flat_map(|root| schema::resolved_at(&self.doc, &root.heads))
                .collect();
            all.retain(|resolution| vouched.contains(&resolution.item_key));
            all.extend(self.signed_resolutions());
        }
        self.resolutions = all
            .into_iter()
            .map(|resolution| (resolution.item_key.clone(), resolution))
            .collect();
    }
}

/// A resolution waiting for this device's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionDraft {
    pub resolution: Resolution,
    pub seq: u64,
    pub bytes: Vec<u8>,
}
