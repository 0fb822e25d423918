//! Sealing what this device wrote: the app signs asynchronously (WebCrypto),
//! so operations write their records at once, and the device's signature
//! follows in the next commit. [`Timebank::to_sign`] lists this device's
//! records that have no seal yet, with the exact bytes to sign;
//! [`Timebank::add_signatures`] checks each signature against this device's
//! key and writes the seals in one commit. A record left unsealed (the page
//! closed first) is listed again the next time: nothing is lost, and a
//! record is never sealed twice.

use crate::error::LedgerError;
use crate::ids::{DecisionId, ExchangeId, LogEntryId};
use crate::model::Seal;
use crate::schema;
use crate::time::Timestamp;
use crate::trust::{self, DeviceKey, Signature};

use super::Timebank;

/// The message of the changes that only seal records written before (the
/// person's edit is the record's change; sync counts leave these out).
pub const SEAL_MESSAGE: &str = "seal records";

/// One record of this device's, waiting for its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSign {
    pub record: Unsealed,
    /// The number this device gives it (signed with it).
    pub seq: u64,
    /// The canonical bytes to sign.
    pub bytes: Vec<u8>,
}

/// Which record.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unsealed {
    Exchange(ExchangeId),
    Event {
        exchange: ExchangeId,
        event: LogEntryId,
    },
    /// A coordinator's decision about a member (sealed in a change of its
    /// own, `schema::DECISION_SEAL_MESSAGE`).
    Decision(DecisionId),
}

impl Timebank {
    /// Makes this copy act as the device whose public key is `key`: what it
    /// records from now on names the key's device id, and is sealed by it.
    pub fn use_device_key(&mut self, key: DeviceKey) {
        self.device = key.device_id();
        self.device_key = Some(key);
    }

    pub fn device_key(&self) -> Option<&DeviceKey> {
        self.device_key.as_ref()
    }

    /// Tells this copy the changes (hex hashes, from
    /// [`Timebank::changes_to_remember`]) in which this device wrote
    /// records, in earlier sessions, that it did not seal yet: they are
    /// sealed now.
    ///
    /// The release before kept the Automerge actors this device wrote with
    /// instead (hex actor ids, under the same name in the app's storage): a
    /// record naming this device that such an actor's change created, and
    /// that waits for its seal, is taken as this device's, as that release
    /// took it, once; from then on its change is what is kept. (Call this
    /// after [`Timebank::use_device_key`].) Anything else is ignored.
    pub fn remember_changes(&mut self, changes: &[String]) {
        let mut actors = std::collections::HashSet::new();
        for change in changes {
            if let Ok(change) = change.parse::<automerge::ChangeHash>() {
                self.own_changes.insert(change);
            } else if let Ok(actor) = automerge::ActorId::try_from(change.as_str())
                && !actor.to_bytes().is_empty()
            {
                actors.insert(actor);
            }
        }
        if actors.is_empty() {
            return;
        }
        let created: Vec<automerge::ChangeHash> = self
            .unsealed()
            .iter()
            .filter_map(|record| self.created_in(record))
            .collect();
        for change in created {
            let by_earlier_actor = self
                .doc
                .get_change_meta_by_hash(&change)
                .is_some_and(|meta| actors.contains(meta.actor.as_ref()));
            if by_earlier_actor {
                self.own_changes.insert(change);
            }
        }
    }

    /// The changes the app keeps for the next session: those in which this
    /// device wrote a record still waiting for its seal (its own: a record
    /// is this device's to seal only if a change this device made created
    /// it, which the Automerge actor alone does not show, since anyone can
    /// write under it).
    pub fn changes_to_remember(&self) -> Vec<String> {
        if self.device_key.is_none() {
            return Vec::new();
        }
        let mut keep: Vec<String> = self
            .unsealed()
            .iter()
            .filter_map(|record| self.created_in(record))
            .filter(|change| self.own_changes.contains(change))
            .map(|change| change.to_string())
            .collect();
        keep.sort();
        keep.dedup();
        keep
    }

    /// Whether `record` was created by this device: by a change it made
    /// (this session, or one it was told of). The device id a record names
    /// can be written by anyone, and so can a change under this device's
    /// Automerge actor, so neither makes a record this device's to seal.
    pub(super) fn wrote(&self, record: &Unsealed) -> bool {
        self.created_in(record)
            .is_some_and(|change| self.own_changes.contains(&change))
    }

    /// The change that created `record`.
    fn created_in(&self, record: &Unsealed) -> Option<automerge::ChangeHash> {
        match record {
            Unsealed::Exchange(id) => schema::exchange_created_in(&self.doc, id),
            Unsealed::Event { exchange, event } => {
                schema::event_created_in(&self.doc, exchange, event)
            }
            Unsealed::Decision(id) => self.own_decision(id).map(|(_, change)| change),
        }
    }

    /// The records that name this device and have no seal, oldest first
    /// (whoever wrote them).
    fn unsealed(&self) -> Vec<Unsealed> {
        let mine = |device: &crate::ids::DeviceId| *device == self.device;
        let mut unsealed: Vec<(Timestamp, Unsealed)> = Vec::new();
        for exchange in self.exchanges.unsealed_of(&self.device) {
            if mine(&exchange.device) && exchange.seal.is_none() {
                unsealed.push((
                    exchange.recorded_at,
                    Unsealed::Exchange(exchange.id.clone()),
                ));
            }
            for event in &exchange.events {
                if event.device.as_ref().is_some_and(mine) && event.seal.is_none() {
                    unsealed.push((
                        event.at,
                        Unsealed::Event {
                            exchange: exchange.id.clone(),
                            event: event.id.clone(),
                        },
                    ));
                }
            }
        }
        for (at, id) in self.own_unsealed_decisions() {
            unsealed.push((at, Unsealed::Decision(id)));
        }
        unsealed.sort();
        unsealed.into_iter().map(|(_, record)| record).collect()
    }

    /// This device's records that it has not sealed yet (none until it has
    /// a key), oldest first, each with the number it gets and the bytes to
    /// sign.
    pub fn to_sign(&self) -> Vec<ToSign> {
        if self.device_key.is_none() {
            return Vec::new();
        }
        let waiting: Vec<Unsealed> = self
            .unsealed()
            .into_iter()
            .filter(|record| self.wrote(record))
            .collect();
        if waiting.is_empty() {
            // After every change: the numbers (which check a signature) are
            // read only when something waits.
            return Vec::new();
        }
        let mut next = self.last_trust_seq() + 1;
        waiting
            .into_iter()
            .filter_map(|record| {
                let seq = next;
                let bytes = self.canonical(&record, seq)?;
                next += 1;
                Some(ToSign { record, seq, bytes })
            })
            .collect()
    }

    /// Writes the seals of records listed by [`Timebank::to_sign`], in one
    /// commit. A signature that is not this device's over the record as it
    /// now stands is refused, and nothing is written.
    pub fn add_signatures(
        &mut self,
        signed: &[(ToSign, Signature)],
        now: Timestamp,
    ) -> Result<usize, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let mut seals = Vec::new();
        for (to_sign, signature) in signed {
            let sealed_already = match &to_sign.record {
                Unsealed::Decision(id) => self.own_decision(id).map(|_| self.decision_sealed(id)),
                Unsealed::Exchange(id) => self.exchanges.get(id).map(|e| e.seal.is_some()),
                Unsealed::Event { exchange, event } => self.exchanges.get(exchange).and_then(|e| {
                    e.events
                        .iter()
                        .find(|entry| entry.id == *event)
                        .map(|entry| entry.seal.is_some())
                }),
            };
            if sealed_already != Some(false) {
                continue;
            }
            let bytes = self
                .canonical(&to_sign.record, to_sign.seq)
                .ok_or(LedgerError::BadSignature)?;
            if !trust::verify(&key, &bytes, signature) {
                return Err(LedgerError::BadSignature);
            }
            seals.push((
                to_sign.record.clone(),
                Seal {
                    seq: to_sign.seq,
                    signature: *signature,
                },
            ));
        }
        if seals.is_empty() {
            return Ok(0);
        }
        // Decisions are sealed in a change of their own, which the ledger
        // finds by its message (see `schema::decisions`).
        let (decisions, records): (Vec<_>, Vec<_>) = seals
            .iter()
            .partition(|(record, _)| matches!(record, Unsealed::Decision(_)));
        if !records.is_empty() {
            self.write(now, SEAL_MESSAGE, |doc| {
                records.iter().try_for_each(|(record, seal)| match record {
                    Unsealed::Exchange(id) => schema::write_exchange_seal(doc, id, seal),
                    Unsealed::Event { exchange, event } => {
                        schema::write_event_seal(doc, exchange, event, seal)
                    }
                    Unsealed::Decision(_) => Ok(()),
                })
            })?;
        }
        if !decisions.is_empty() {
            // Written whole, with the seal: it reaches every copy even if
            // the record it seals was written over or deleted meanwhile.
            let sealed: Vec<schema::Decision> = decisions
                .iter()
                .filter_map(|(record, seal)| match record {
                    Unsealed::Decision(id) => {
                        self.own_decision(id).map(|(decision, _)| schema::Decision {
                            seal: Some(*seal),
                            ..decision.clone()
                        })
                    }
                    _ => None,
                })
                .collect();
            self.write(now, schema::DECISION_SEAL_MESSAGE, |doc| {
                sealed
                    .iter()
                    .try_for_each(|decision| schema::write_sealed_decision(doc, decision))
            })?;
            self.apply_decisions();
        }
        let mut sealed: Vec<&ExchangeId> = records
            .iter()
            .filter_map(|(record, _)| match record {
                Unsealed::Exchange(id) => Some(id),
                Unsealed::Event { exchange, .. } => Some(exchange),
                Unsealed::Decision(_) => None,
            })
            .collect();
        sealed.sort();
        sealed.dedup();
        let sealed: Vec<ExchangeId> = sealed.into_iter().cloned().collect();
        for id in &sealed {
            self.reread_exchange(id);
        }
        // A number past one whose record was deleted shows the gap.
        self.find_deleted_after(&sealed, false);
        Ok(seals.len())
    }

    /// The numbers of the seals on records naming this device, each with a
    /// check that `key` signed it (made only when asked: most are never
    /// checked).
    pub(super) fn own_seals<'a>(
        &'a self,
        key: &'a DeviceKey,
    ) -> Vec<(u64, Box<dyn Fn() -> bool + 'a>)> {
        let timebank = self.info.id.as_str();
        let mine = |device: &crate::ids::DeviceId| *device == self.device;
        let mut seals: Vec<(u64, Box<dyn Fn() -> bool + 'a>)> = Vec::new();
        for exchange in self.exchanges.sealed_of(&self.device) {
            if let Some(seal) = exchange.seal.filter(|_| mine(&exchange.device)) {
                seals.push((
                    seal.seq,
                    Box::new(move || {
                        let bytes = trust::exchange_bytes(timebank, exchange, seal.seq);
                        trust::verify(key, bytes.as_bytes(), &seal.signature)
                    }),
                ));
            }
            for event in &exchange.events {
                if let (Some(seal), Some(device)) = (event.seal, event.device.as_ref())
                    && mine(device)
                {
                    seals.push((
                        seal.seq,
                        Box::new(move || {
                            let bytes =
                                trust::event_bytes(timebank, &exchange.id, event, device, seal.seq);
                            trust::verify(key, bytes.as_bytes(), &seal.signature)
                        }),
                    ));
                }
            }
        }
        // (Checked when they were read from the history.)
        for (device, seq) in self.sealed_decisions() {
            if device == *key {
                seals.push((seq, Box::new(|| true)));
            }
        }
        seals
    }

    /// The canonical bytes of `record` as the change that created it wrote
    /// it (a field another device changed since is not this device's to
    /// sign), numbered `seq`.
    fn canonical(&self, record: &Unsealed, seq: u64) -> Option<Vec<u8>> {
        let timebank = self.info.id.as_str();
        match record {
            Unsealed::Exchange(id) => {
                let created = schema::exchange_created_in(&self.doc, id)?;
                let exchange = schema::read_exchange_at(&self.doc, id, &[created])?;
                Some(trust::exchange_bytes(timebank, &exchange, seq).into_bytes())
            }
            Unsealed::Event { exchange, event } => {
                let entry = schema::read_event_as_written(&self.doc, exchange, event)?;
                let device = entry.device.as_ref()?;
                Some(trust::event_bytes(timebank, exchange, &entry, device, seq).into_bytes())
            }
            Unsealed::Decision(id) => {
                let (decision, _) = self.own_decision(id)?;
                Some(decision.bytes(timebank, seq).into_bytes())
            }
        }
    }
}
