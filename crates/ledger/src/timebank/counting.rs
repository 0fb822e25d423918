//! What counts once a timebank's trust is founded: an exchange counts as
//! written only when its recording device signed it, that device is
//! certified (see [`crate::trust::authority`]), the member it acts for takes
//! part in the exchange (or is a coordinator, as the decisions stood where
//! the device wrote it: see `demoted.rs`) and may record it as the
//! ledger's own operations would have (only coordinators reverse, sell
//! hours, bring opening balances and pay from the fund; a member's record
//! asks the confirmation the timebank's rule asked for), and it was written
//! before any revocation of that device. Everything else is doubted: kept
//! in the document, shown to coordinators with its reason, never counted.
//!
//! Exchanges already in the document when the trust was founded are vouched
//! for by the founding itself: the founding certificate's change has them
//! in its history, which nobody can change afterwards. One changed or
//! deleted since counts as the founding saw it, and is flagged.
//!
//! A record changed after it was written is read as it was written (the
//! change that created it holds every field at once), even when its own
//! device signed the change: if that original verifies (under the seal it
//! carries, or one it carried before), the original counts and the change
//! is flagged.
//!
//! Until a timebank's trust is founded, everything counts as it always did.

use std::collections::{HashMap, HashSet};

use automerge::ChangeHash;

mod deleted;
mod demoted;
mod doubt;
mod gaps;
mod roots;
mod vouch;

pub use doubt::Doubt;
pub use gaps::SequenceGap;
pub(super) use roots::{FoundingsInHistory, Root, founding_roots};
pub(super) use vouch::Vouch;

use super::Timebank;
use super::exchanges::{confirmer_for, other_party};
use super::signing::Unsealed;
use crate::ids::{Account, DeviceId, ExchangeId, LogEntryId};
use crate::model::{Exchange, ExchangeKind, LifecycleAction, LifecycleEvent, Role, Seal};
use crate::schema;
use crate::trust::{Authority, RecordRef, Standing};
use crate::trust::{DeviceKey, event_bytes, exchange_bytes};

/// Where an exchange's signature stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealState {
    /// Signed by the device that recorded it, which is certified for its
    /// recorder: it counts.
    Verified,
    /// Signed by the device that recorded it (the timebank's devices are not
    /// certified yet, so who holds that device is not proven).
    Signed,
    /// Recorded on this device a moment ago; its signature follows.
    Signing,
    /// Recorded before this timebank's devices were certified; it counts as
    /// it was then.
    BeforeFounding,
    /// Not signed: recorded before signing began, or on a device that
    /// cannot sign (it counts until the timebank's devices are certified).
    NotSigned,
    /// Not taken as written, and why.
    Doubted(Doubt),
}

/// What the rules need, derived again whenever the trust records change.
#[derive(Debug, Clone, Default)]
pub(super) struct TrustView {
    founded: bool,
    roots: Vec<Root>,
    authority: Authority,
    /// Whether this copy has every change each revocation's cut names (if
    /// not, the cuts are read again after every change until it has).
    cuts_known: bool,
    keys: HashMap<DeviceId, DeviceKey>,
    /// Exchanges in the document when the trust was founded.
    before_founding: HashSet<ExchangeId>,
    /// Lifecycle log entries in the document when the trust was founded
    /// (and not edited since).
    events_before_founding: HashSet<LogEntryId>,
    /// Exchanges in the document when the trust was founded and edited
    /// (or deleted) since, as they were at the founding: that version
    /// counts.
    vouched_originals: HashMap<ExchangeId, Exchange>,
    /// Exchanges recorded after their device's revocation that a
    /// coordinator's device (certified, not revoked) accepted.
    accepted: HashSet<ExchangeId>,
    /// Members with a coordinator's device whom a decision no longer lets
    /// coordinate, each with the cut of that decision (see `demoted.rs`).
    demoted: HashMap<crate::ids::MemberId, Vec<String>>,
    /// The authority before what demoted coordinators' devices signed
    /// since is set aside (what changes in the trust records are told by),
    /// and the records it was decided from.
    unfiltered: Authority,
    records: schema::TrustRecords,
    /// The decisions changed who is demoted since the trust was last read:
    /// it is read again (see `demoted.rs`).
    pub(super) reread_due: bool,
    /// The exchanges and log entries inside each revocation's (and
    /// demotion's) cut.
    cuts: HashMap<Vec<String>, (HashSet<ExchangeId>, HashSet<LogEntryId>)>,
    /// What the history says about the foundings, read so far.
    history: FoundingsInHistory,
    /// The checkpoint whose word this copy takes (see `vouch.rs`).
    pub(super) vouch: Vouch,
    /// Signed exchanges deleted from the document, as written (see
    /// `deleted.rs`); kept, as the history they come from only grows.
    deleted: HashMap<ExchangeId, (Exchange, ChangeHash)>,
    /// The numbers missing when they were last looked for.
    searched_for: std::collections::BTreeSet<(DeviceId, u64)>,
    /// Each device's highest number then, raised by what arrived since
    /// (see `deleted.rs`).
    highest: HashMap<DeviceId, u64>,
}

/// Whether two reads of an exchange hold the same record (its log and seal
/// aside).
fn same_record(a: &Exchange, b: &Exchange) -> bool {
    Exchange {
        events: Vec::new(),
        seal: None,
        ..a.clone()
    } == Exchange {
        events: Vec::new(),
        seal: None,
        ..b.clone()
    }
}

impl TrustView {
    /// The signed trust records the history held when last read.
    pub(super) fn history_records(&self) -> &schema::TrustRecords {
        self.history.records()
    }

    pub(super) fn authority(&self) -> &Authority {
        &self.authority
    }

    /// The authority before anything a demoted coordinator's device signed
    /// is set aside (see `demoted.rs`).
    pub(super) fn unfiltered(&self) -> &Authority {
        &self.unfiltered
    }

    pub(super) fn is_founded(&self) -> bool {
        self.founded
    }

    pub(super) fn roots(&self) -> &[Root] {
        &self.roots
    }

    /// Nothing, to be read afresh, but for the history already read (a
    /// document only grows).
    pub(super) fn forgotten(&mut self) -> TrustView {
        TrustView {
            history: std::mem::take(&mut self.history),
            deleted: std::mem::take(&mut self.deleted),
            searched_for: std::mem::take(&mut self.searched_for),
            highest: std::mem::take(&mut self.highest),
            ..TrustView::default()
        }
    }
}

impl Timebank {
    /// Reads the trust records again, then judges every exchange and counts
    /// the balances again.
    pub(super) fn reread_trust(&mut self) {
        self.reread_trust_with(None);
    }

    /// [`Timebank::reread_trust`], with the exchanges' objects as they are
    /// now when they were just read (so a founding's checks need not walk
    /// them again).
    pub(super) fn reread_trust_with(&mut self, current: Option<&schema::ExchangeObjects>) {
        let mut history = std::mem::take(&mut self.trust.history);
        let roots = founding_roots(&mut self.doc, &self.info, &mut history);
        let records = schema::TrustRecords::in_document(&self.doc).with(history.records());
        let unfiltered = self.decide_authority(&roots, &records);
        // First with every record; then, if the decisions (each judged
        // under the authority the decisions before it left) demote some
        // coordinators, without what their devices signed outside the
        // demotion's cut (see `demoted.rs`). The fold starts from the same
        // records each time, so the second finds the same demotions.
        let mut demoted = HashMap::new();
        for round in 0..2 {
            let (authority, acceptances) = if demoted.is_empty() {
                (unfiltered.clone(), records.acceptances.clone())
            } else {
                let kept = self.without_demoted(&records, &unfiltered, &demoted);
                (self.decide_authority(&roots, &kept), kept.acceptances)
            };
            let new_vouch = self.new_vouch(&authority);
            let accepted = self.accepted_by(&authority, acceptances);
            if round == 0
                && self.trust.roots == roots
                && self.trust.unfiltered == unfiltered
                && self.trust.demoted.is_empty()
                && !self.trust.reread_due
                && self.trust.accepted == accepted
                && self.trust.cuts_known
                && new_vouch.is_none()
            {
                // Nothing the rules read has changed.
                self.trust.history = history;
                return;
            }
            self.trust = self.trust_view(&roots, authority, accepted, history, new_vouch, current);
            self.trust.unfiltered = unfiltered.clone();
            self.trust.records = records.clone();
            // What coordinators decided (the confirmation rules among it) is
            // read first: the counting rule reads it.
            self.apply_decisions_only();
            self.trust.reread_due = false;
            if self.trust.demoted == demoted {
                break;
            }
            demoted = self.trust.demoted.clone();
            history = std::mem::take(&mut self.trust.history);
        }
        self.rejudge_all(current);
        self.find_deleted(false);
        // Who may resolve attention items may have changed too.
        self.reread_resolutions();
    }

    /// The exchanges whose acceptance (of a record from a device written
    /// after its revocation) counts under `authority`: signed by a
    /// coordinator's device, certified and not revoked.
    fn accepted_by(
        &self,
        authority: &Authority,
        acceptances: Vec<crate::trust::Acceptance>,
    ) -> HashSet<ExchangeId> {
        let timebank = &self.info.id;
        acceptances
            .into_iter()
            .filter(|acceptance| {
                authority
                    .devices
                    .get(&acceptance.by)
                    .is_some_and(|standing| {
                        standing.role == Role::Coordinator && !standing.is_revoked()
                    })
                    && acceptance.is_signed(timebank)
            })
            .map(|acceptance| acceptance.exchange)
            .collect()
    }

    /// The trust view under `authority`: what the foundings vouch for, and
    /// what each revocation's cut holds.
    fn trust_view(
        &mut self,
        roots: &[Root],
        authority: Authority,
        accepted: HashSet<ExchangeId>,
        history: FoundingsInHistory,
        new_vouch: Option<Vouch>,
        current: Option<&schema::ExchangeObjects>,
    ) -> TrustView {
        let mut view = TrustView {
            founded: !roots.is_empty(),
            authority,
            roots: roots.to_vec(),
            accepted,
            cuts_known: true,
            history,
            vouch: new_vouch.unwrap_or_else(|| std::mem::take(&mut self.trust.vouch)),
            deleted: std::mem::take(&mut self.trust.deleted),
            searched_for: std::mem::take(&mut self.trust.searched_for),
            highest: std::mem::take(&mut self.trust.highest),
            ..TrustView::default()
        };
        for root in roots {
            let heads = &root.heads;
            let vouched = schema::vouched_at(&mut self.doc, heads, current);
            // What the founding vouched for and a later change edited: the
            // version at the founding counts, and the edit is flagged; an
            // edited log entry is judged as one written after it.
            let (edited, edited_events) = schema::edited_since(&vouched);
            let schema::Vouched {
                exchanges, events, ..
            } = vouched;
            // (Read from the record that was there then: another written
            // under its id since is caught too, and one deleted since, or
            // damaged so it no longer reads, is still read.)
            for id in &edited {
                if let Some(original) = schema::read_exchange_vouched_at(&self.doc, id, heads) {
                    view.vouched_originals.insert(id.clone(), original);
                }
            }
            view.before_founding.extend(exchanges);
            view.events_before_founding
                .extend(events.difference(&edited_events).cloned());
        }
        view.keys = view
            .authority
            .devices
            .keys()
            .map(|key| (key.device_id(), *key))
            .collect();
        let cuts: HashSet<Vec<String>> = view
            .authority
            .devices
            .values()
            .flat_map(|standing| standing.revoked.iter().cloned())
            .collect();
        for cut in cuts {
            let heads: Option<Vec<ChangeHash>> = cut.iter().map(|h| h.parse().ok()).collect();
            // Heads this copy does not have yet hold nothing (yet).
            let inside = match heads {
                Some(heads)
                    if heads
                        .iter()
                        .all(|h| self.doc.get_change_by_hash(h).is_some()) =>
                {
                    schema::records_at(&mut self.doc, &heads, current)
                }
                _ => {
                    view.cuts_known = false;
                    Default::default()
                }
            };
            view.cuts.insert(cut, inside);
        }
        view
    }

    fn decide_authority(&self, roots: &[Root], records: &schema::TrustRecords) -> Authority {
        let keys: Vec<DeviceKey> = roots.iter().map(|root| root.key).collect();
        // The roots' foundings as the history holds them (what the
        // document shows may have been written over or deleted since).
        let mut certificates = records.certificates.clone();
        certificates.retain(|c| !(c.is_founding() && keys.contains(&c.device)));
        certificates.extend(roots.iter().map(|root| root.certificate.clone()));
        let invitations = &records.invitations;
        let revocations = &records.revocations;
        let doc = &self.doc;
        let inside =
            |record: RecordRef<'_>, cut: &[String]| schema::trust_record_at(doc, record, cut);
        Authority::decide(
            &self.info.id,
            &keys,
            &certificates,
            invitations,
            revocations,
            &inside,
        )
    }

    /// Judges every exchange and counts every balance again (with how each
    /// was written, when just read with the exchanges).
    pub(super) fn rejudge_all(&mut self, current: Option<&schema::ExchangeObjects>) {
        // With the vouched exchanges the document no longer reads.
        let ids: Vec<ExchangeId> = self
            .exchanges
            .keys()
            .chain(self.trust.vouched_originals.keys())
            .chain(self.trust.deleted.keys())
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for id in &ids {
            self.judge(id, current);
        }
        self.balances = crate::balances::Balances::default();
        // Originals first, so each reversal finds its original counted.
        let (reversals, originals): (Vec<_>, Vec<_>) = ids.into_iter().partition(|id| {
            self.exchanges
                .get(id)
                .is_some_and(|e| e.reversal_of.is_some())
        });
        for id in originals.iter().chain(&reversals) {
            self.balances.update(id, &self.exchanges, &self.doubts);
        }
    }

    /// Judges exchange `id` (as read from the document) and counts it.
    pub(super) fn recount(&mut self, id: &ExchangeId) {
        // (A change wrote it: the checkpoint's word was for what it was.)
        self.trust.vouch.uncover(id);
        self.recheck_vouched(id);
        self.judge(id, None);
        self.balances.update(id, &self.exchanges, &self.doubts);
    }

    /// Exchange `id`, read again after a change: if the founding vouched
    /// for it and it now differs from what the founding saw, or no longer
    /// reads, that version is the one that counts (see `judge`).
    fn recheck_vouched(&mut self, id: &ExchangeId) {
        if !self.trust.before_founding.contains(id) {
            return;
        }
        self.trust.vouched_originals.remove(id);
        let current = self.exchanges.get(id);
        for root in &self.trust.roots {
            if let Some(original) = schema::read_exchange_vouched_at(&self.doc, id, &root.heads) {
                if current.is_none_or(|current| !same_record(&original, current)) {
                    self.trust.vouched_originals.insert(id.clone(), original);
                }
                return;
            }
        }
    }

    /// Decides whether exchange `id` (as read from the document) and each
    /// entry of its lifecycle log are taken as written. What counts replaces
    /// it among the exchanges (its signed original, without the log entries
    /// that do not count), and the document's version is kept aside.
    /// `current`: how each exchange was written, if just read.
    fn judge(&mut self, id: &ExchangeId, current: Option<&schema::ExchangeObjects>) {
        self.doubts.remove(id);
        self.event_doubts.remove(id);
        match self.as_read.remove(id) {
            Some(Some(read)) => self.exchanges.insert(id.clone(), read),
            Some(None) => self.exchanges.remove(id),
            None => None,
        };
        if !self.trust.founded {
            return;
        }
        let vouched = self.trust.before_founding.contains(id);
        let mut counted: Option<Exchange> = None;
        // The change that created it, when it counts deleted.
        let mut deleted: Option<ChangeHash> = None;
        let exchange = match self.exchanges.get(id) {
            Some(exchange) => exchange.clone(),
            // Vouched for by the founding, and deleted since (or damaged so
            // it no longer reads): as the founding saw it, it counts.
            None => match self.trust.vouched_originals.get(id).filter(|_| vouched) {
                Some(original) => {
                    self.doubts.insert(id.clone(), Doubt::DeletedAfterSigning);
                    counted = Some(original.clone());
                    original.clone()
                }
                // Signed since the founding, and deleted since: counted as
                // written if it would count (see `deleted.rs`).
                None => match self.trust.deleted.get(id).filter(|_| !vouched).cloned() {
                    Some((written, created)) => {
                        deleted = Some(created);
                        written
                    }
                    None => return,
                },
            },
        };
        let exchange = &exchange;
        if vouched {
            if let Some(original) = self.trust.vouched_originals.get(id)
                && !same_record(original, exchange)
            {
                self.doubts.insert(id.clone(), Doubt::ChangedAfterSigning);
                counted = Some(original.clone());
            }
        } else {
            let own = exchange.device == self.device && self.wrote(&Unsealed::Exchange(id.clone()));
            let writing = current
                .and_then(|objects| objects.writing(id))
                .or_else(|| schema::exchange_writing(&self.doc, id));
            let created = writing.map(|writing| writing.created).or(deleted);
            // The record as its creating change wrote it is the one judged,
            // whoever wrote over it since, its own device included (which
            // may have signed the new version too).
            counted = writing
                .filter(|writing| writing.written_over)
                .and_then(|writing| schema::read_exchange_at(&self.doc, id, &[writing.created]))
                .filter(|original| !same_record(original, exchange));
            let mut doubt = self.doubt(counted.as_ref().unwrap_or(exchange), own, created);
            if doubt == Some(Doubt::SignatureDoesNotMatch)
                && let Some(original) = self.signed_original(id)
            {
                doubt = self.doubt(&original, own, created);
                counted = Some(original);
            }
            if counted.is_some() {
                doubt = doubt.or(Some(Doubt::ChangedAfterSigning));
            }
            if deleted.is_some() {
                // Deleted, and it would not count: it stays gone.
                if doubt.is_some() {
                    return;
                }
                // (Among the exchanges while it counts; the document does
                // not hold it.)
                doubt = Some(Doubt::DeletedAfterSigning);
                counted = Some(counted.unwrap_or_else(|| exchange.clone()));
            }
            if let Some(doubt) = doubt {
                self.doubts.insert(id.clone(), doubt);
            }
        }
        let base = counted.as_ref().unwrap_or(exchange);
        let mut events = Vec::with_capacity(base.events.len());
        let mut changed = false;
        for event in &base.events {
            match self.event_doubt(base, event) {
                None => events.push(event.clone()),
                Some((doubt, written)) => {
                    self.event_doubts
                        .entry(id.clone())
                        .or_default()
                        .insert(event.id.clone(), doubt);
                    changed = true;
                    if let Some(written) = written.filter(|_| !doubt.withholds()) {
                        events.push(written);
                    }
                }
            }
        }
        if changed || counted.is_some() {
            let mut counted = counted.unwrap_or_else(|| exchange.clone());
            counted.events = events;
            let read = self.exchanges.insert(id.clone(), counted);
            self.as_read.insert(id.clone(), read);
        }
    }

    /// What is wrong with lifecycle log entry `event` of `exchange`, if
    /// anything; with the entry as first written when only a change after
    /// its signature is wrong (that original counts).
    fn event_doubt(
        &self,
        exchange: &Exchange,
        event: &LifecycleEvent,
    ) -> Option<(Doubt, Option<LifecycleEvent>)> {
        if self.trust.events_before_founding.contains(&event.id) {
            return None;
        }
        let Some(device) = event.device.as_ref() else {
            return Some((Doubt::NotSigned, None));
        };
        let record = Unsealed::Event {
            exchange: exchange.id.clone(),
            event: event.id.clone(),
        };
        let own = *device == self.device && self.wrote(&record);
        let key = match self.signer(device, event.seal.is_some(), own) {
            Ok(key) => key,
            Err(doubt) => return Some((doubt, None)),
        };
        let verifies = |entry: &LifecycleEvent| {
            entry.seal.is_some_and(|seal| {
                let bytes =
                    event_bytes(&self.info.id, &exchange.id, entry, device, seal.seq).into_bytes();
                self.verifies(&exchange.id, key, &bytes, &seal.signature)
            })
        };
        let mut changed = None;
        match event.seal {
            None => {}
            Some(_) if verifies(event) => {}
            Some(_) => {
                let written = schema::read_event_as_written(&self.doc, &exchange.id, &event.id)
                    .filter(|written| verifies(written));
                match written {
                    Some(written) => changed = Some(written),
                    None => return Some((Doubt::SignatureDoesNotMatch, None)),
                }
            }
        }
        let entry = changed.as_ref().unwrap_or(event);
        let standing = self.trust.authority.devices.get(key)?;
        if entry.by != standing.member {
            return Some((Doubt::NotTheirs, None));
        }
        let coordinator = self.coordinates(standing, |(_, events)| events.contains(&event.id));
        match entry.action {
            LifecycleAction::Override(_) if !coordinator => {
                return Some((Doubt::NotACoordinator, None));
            }
            LifecycleAction::Confirm | LifecycleAction::Reject
                if !coordinator && exchange.confirmer.as_ref() != Some(&entry.by) =>
            {
                return Some((Doubt::NotTheConfirmer, None));
            }
            // Only the recorder takes back their own word, and only what
            // waited for someone else's.
            LifecycleAction::Withdraw
                if exchange.recorded_by != entry.by || exchange.confirmer.is_none() =>
            {
                return Some((Doubt::CannotWithdraw, None));
            }
            LifecycleAction::Query if !coordinator && !exchange.concerns(&entry.by) => {
                return Some((Doubt::NotTheirs, None));
            }
            _ => {}
        }
        if self.after_revocation(standing, |(_, events)| events.contains(&event.id)) {
            return Some((Doubt::AfterRevocation, None));
        }
        changed.map(|written| (Doubt::ChangedAfterSigning, Some(written)))
    }

    /// What is wrong with `exchange`, if anything; `own` when this device's
    /// own change created it, `created` the change that did.
    fn doubt(&self, exchange: &Exchange, own: bool, created: Option<ChangeHash>) -> Option<Doubt> {
        let key = match self.signer(&exchange.device, exchange.seal.is_some(), own) {
            Ok(key) => key,
            Err(doubt) => return Some(doubt),
        };
        if let Some(seal) = exchange.seal {
            let bytes = exchange_bytes(&self.info.id, exchange, seal.seq).into_bytes();
            if !self.verifies(&exchange.id, key, &bytes, &seal.signature) {
                return Some(Doubt::SignatureDoesNotMatch);
            }
        }
        let standing = self.trust.authority.devices.get(key)?;
        let coordinator =
            self.coordinates(standing, |(exchanges, _)| exchanges.contains(&exchange.id));
        let takes_part = |account: &Account| account == &Account::Member(standing.member.clone());
        if exchange.recorded_by != standing.member
            || (!coordinator && !takes_part(&exchange.payer) && !takes_part(&exchange.payee))
        {
            return Some(Doubt::NotTheirs);
        }
        if !coordinator && let Some(doubt) = self.beyond_a_member(exchange, created) {
            return Some(doubt);
        }
        let after =
            self.after_revocation(standing, |(exchanges, _)| exchanges.contains(&exchange.id));
        (after && !self.trust.accepted.contains(&exchange.id)).then_some(Doubt::AfterRevocation)
    }

    /// What is wrong with `exchange` as a member's record (one they take
    /// part in), if anything: the ledger's own operations let a member
    /// record neither what only coordinators record (a reversal, bought
    /// hours, an opening balance, hours paid by the community fund), nor an
    /// exchange that does not ask for the confirmation the timebank's rule
    /// asked for when it was recorded (in change `created`). A member's
    /// device signing either was changed to go around them.
    fn beyond_a_member(&self, exchange: &Exchange, created: Option<ChangeHash>) -> Option<Doubt> {
        if exchange.reversal_of.is_some()
            || matches!(
                exchange.kind,
                ExchangeKind::TokenPurchase { .. } | ExchangeKind::OpeningBalance
            )
            || exchange.payer == Account::CommunityFund
        {
            return Some(Doubt::CoordinatorsOnly);
        }
        let by = &exchange.recorded_by;
        let other = other_party(by, &exchange.payer, &exchange.payee).member();
        let asks_as_required = match &exchange.confirmer {
            // Whatever the rule, only the other member is ever asked.
            Some(confirmer) => other == Some(confirmer) && confirmer != by,
            // With the fund on the other side, no rule asks anyone.
            None if other.is_none() => true,
            // The rule as the recording device's copy stated it (settings
            // change; what was recorded under the old rule stays right).
            None => {
                let policy = created.map_or(self.settings.confirmation, |created| {
                    self.decided_policy(created)
                });
                confirmer_for(policy, by, &exchange.payer, &exchange.payee).is_none()
            }
        };
        (!asks_as_required).then_some(Doubt::NoConfirmationAsked)
    }

    /// The certified key of `device`, which wrote a record (`sealed` if it
    /// carries a seal; `own` if this device's own change created it), or why
    /// the record cannot count: no certified key, or no seal. What this
    /// device recorded a moment ago and is signing counts as signed here (it
    /// is signed before it leaves the device); a record that only names this
    /// device, written by another, does not.
    fn signer(&self, device: &DeviceId, sealed: bool, own: bool) -> Result<&DeviceKey, Doubt> {
        let Some(key) = self.trust.keys.get(device) else {
            return Err(if sealed {
                Doubt::UnknownDevice
            } else {
                Doubt::NotSigned
            });
        };
        let mine = own && self.device_key.as_ref() == Some(key);
        if !sealed && !mine {
            return Err(Doubt::NotSigned);
        }
        Ok(key)
    }

    /// Whether a record was written outside one of the cuts that revoked the
    /// device of `standing` (`inside` says whether a cut's records hold it).
    fn after_revocation(
        &self,
        standing: &Standing,
        inside: impl Fn(&(HashSet<ExchangeId>, HashSet<LogEntryId>)) -> bool,
    ) -> bool {
        standing
            .revoked
            .iter()
            .any(|cut| !self.trust.cuts.get(cut).is_some_and(&inside))
    }

    /// Exchange `id` as its recorder first wrote it, with the seal (the one
    /// it carries now, or one it carried before) that verifies it, if any.
    fn signed_original(&mut self, id: &ExchangeId) -> Option<Exchange> {
        /// Enough for any honest history (a record is sealed once, twice if
        /// two sessions raced), and a bound on what a forger makes us read.
        const EARLIER_SEALS: usize = 8;
        let created = schema::exchange_created_in(&self.doc, id)?;
        let mut original = schema::read_exchange_at(&self.doc, id, &[created])?;
        let key = *self.trust.keys.get(&original.device)?;
        let (timebank, checked) = (&self.info.id, &self.checked);
        let verifies = |original: &Exchange, seal: Seal| {
            let bytes = exchange_bytes(timebank, original, seal.seq).into_bytes();
            checked.verify(&key, &bytes, &seal.signature)
        };
        if original.seal.is_some_and(|seal| verifies(&original, seal)) {
            return Some(original);
        }
        let earlier = schema::earlier_exchange_seals(&mut self.doc, id, EARLIER_SEALS);
        let seal = earlier
            .into_iter()
            .find(|seal| verifies(&original, *seal))?;
        original.seal = Some(seal);
        Some(original)
    }

    /// Whether the trust view needs nothing more from changes yet to come
    /// (a revocation cut this copy lacks is read again when changes arrive).
    pub(super) fn trust_settled(&self) -> bool {
        !self.trust.founded || self.trust.cuts_known
    }

    /// Where exchange `id`'s signature stands, for the exchange's page.
    pub fn seal_state(&self, id: &ExchangeId) -> Option<SealState> {
        let exchange = self.exchanges.get(id)?;
        if let Some(doubt) = self.doubt_about(id) {
            return Some(SealState::Doubted(doubt));
        }
        Some(match exchange.seal {
            Some(_) if self.trust.founded => SealState::Verified,
            Some(_) => SealState::Signed,
            None if exchange.device == self.device
                && self.device_key.is_some()
                && self.wrote(&Unsealed::Exchange(id.clone())) =>
            {
                SealState::Signing
            }
            None if self.trust.before_founding.contains(id) => SealState::BeforeFounding,
            None => SealState::NotSigned,
        })
    }

    /// Why exchange `id` is not taken as written, if it is not.
    pub fn doubt_about(&self, id: &ExchangeId) -> Option<Doubt> {
        self.doubts.get(id).copied()
    }

    /// Every doubted exchange and why.
    pub fn doubted(&self) -> impl Iterator<Item = (&ExchangeId, Doubt)> {
        self.doubts.iter().map(|(id, doubt)| (id, *doubt))
    }

    /// Every doubted entry of an exchange's lifecycle log (a confirmation,
    /// rejection or override) and why; one that does not count is left out
    /// of the exchange's status.
    pub fn doubted_events(&self) -> impl Iterator<Item = (&ExchangeId, &LogEntryId, Doubt)> {
        self.event_doubts.iter().flat_map(|(exchange, events)| {
            events
                .iter()
                .map(move |(event, doubt)| (exchange, event, *doubt))
        })
    }
}
