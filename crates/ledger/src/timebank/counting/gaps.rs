//! Each certified device numbers the records it signs, one after another:
//! a number missing from its run is a signed record deleted from the
//! document, shown to coordinators (and, for an exchange, looked for in the
//! history: see `deleted.rs`).

use std::collections::{BTreeSet, HashMap};

use super::super::Timebank;
use super::Doubt;
use crate::ids::DeviceId;
use crate::trust::{self, DeviceKey};

/// Signed records of one certified device that are no longer in the
/// document: the numbers missing from its run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceGap {
    pub device: DeviceId,
    /// The member the device acts for.
    pub member: crate::ids::MemberId,
    pub missing: Vec<u64>,
}

impl Timebank {
    /// The numbers missing from each certified device's run of signed
    /// records (each record a device signs gets the next number, so one
    /// deleted from the document leaves a gap), device by device; empty
    /// until the trust is founded. Only signatures that verify are counted,
    /// so nobody can make a gap appear by writing a false number.
    pub fn sequence_gaps(&self) -> Vec<SequenceGap> {
        if !self.trust.founded {
            return Vec::new();
        }
        self.gaps_in(&self.seal_numbers())
    }

    /// The numbers of the signatures that verify, device by device (see
    /// [`Timebank::sequence_gaps`]).
    pub(super) fn seal_numbers(&self) -> HashMap<DeviceId, BTreeSet<u64>> {
        let verified = |doubt: Option<Doubt>| {
            !matches!(
                doubt,
                Some(Doubt::NotSigned | Doubt::UnknownDevice | Doubt::SignatureDoesNotMatch)
            )
        };
        let mut numbers: HashMap<DeviceId, BTreeSet<u64>> = HashMap::new();
        for (id, counted) in self.exchanges.iter() {
            let read = self
                .as_read
                .get(id)
                .and_then(Option::as_ref)
                .unwrap_or(counted);
            if let Some(seal) = counted.seal
                && verified(self.doubt_about(id))
            {
                numbers
                    .entry(counted.device.clone())
                    .or_default()
                    .insert(seal.seq);
            }
            let doubted = self.event_doubts.get(id);
            for event in &read.events {
                let doubt = doubted.and_then(|events| events.get(&event.id)).copied();
                if let (Some(seal), Some(device)) = (event.seal, &event.device)
                    && verified(doubt)
                {
                    numbers.entry(device.clone()).or_default().insert(seal.seq);
                }
            }
        }
        let timebank = self.info.id.as_str();
        let records = self.trust_records();
        // (Checked through the memory of signatures checked: this runs
        // after every change that arrives with exchanges.)
        let signed =
            |key: &DeviceKey, bytes: crate::trust::Canonical, signature: &trust::Signature| {
                self.checked.verify(key, bytes.as_bytes(), signature)
            };
        for certificate in records.certificates {
            if signed(
                &certificate.issuer,
                certificate.bytes(timebank),
                &certificate.signature,
            ) {
                numbers
                    .entry(certificate.issuer.device_id())
                    .or_default()
                    .insert(certificate.seq);
            }
        }
        for (device, seq) in self.sealed_decisions() {
            numbers.entry(device.device_id()).or_default().insert(seq);
        }
        for (device, seq) in self.numbered_resolutions() {
            numbers.entry(device.device_id()).or_default().insert(seq);
        }
        let trust_records = records
            .revocations
            .into_iter()
            .filter(|r| signed(&r.by, r.bytes(timebank), &r.signature))
            .map(|revocation| (revocation.by, revocation.seq))
            .chain(
                records
                    .invitations
                    .into_iter()
                    .filter(|i| signed(&i.issuer, i.bytes(timebank), &i.signature))
                    .map(|invitation| (invitation.issuer, invitation.seq)),
            )
            .chain(
                records
                    .acceptances
                    .into_iter()
                    .filter(|a| signed(&a.by, a.bytes(timebank), &a.signature))
                    .map(|acceptance| (acceptance.by, acceptance.seq)),
            );
        for (signer, seq) in trust_records {
            numbers.entry(signer.device_id()).or_default().insert(seq);
        }
        numbers
    }

    /// The numbers missing from `numbers`, for each certified device.
    pub(super) fn gaps_in(&self, numbers: &HashMap<DeviceId, BTreeSet<u64>>) -> Vec<SequenceGap> {
        let mut gaps: Vec<SequenceGap> = self
            .trust
            .authority
            .devices
            .iter()
            .filter_map(|(key, standing)| {
                let seen = numbers.get(&key.device_id())?;
                let last = *seen.last()?;
                let missing: Vec<u64> = (1..last).filter(|n| !seen.contains(n)).collect();
                (!missing.is_empty()).then(|| SequenceGap {
                    device: key.device_id(),
                    member: standing.member.clone(),
                    missing,
                })
            })
            .collect();
        gaps.sort_by(|a, b| a.device.cmp(&b.device));
        gaps
    }
}
