//! Founding a timebank's trust, certifying devices and revoking them. Each
//! is prepared here (the bytes to sign), signed by the app, and written
//! with its signature in one commit, after the signature is checked against
//! this device's key.

use crate::error::LedgerError;
use crate::ids::MemberId;
use crate::model::{MemberStatus, Role};
use crate::schema;
use crate::time::Timestamp;
use crate::trust::{
    Authority, Certificate, DeviceKey, Revocation, Signature, certificate_bytes, revocation_bytes,
};

use super::Timebank;

/// A certificate waiting for its issuer's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateDraft {
    pub device: DeviceKey,
    pub member: MemberId,
    pub role: Role,
    pub issued_at: Timestamp,
    pub seq: u64,
    /// The founding certificate: this device certifies itself and becomes a
    /// root of the timebank's trust.
    pub founding: bool,
    /// The bytes to sign.
    pub bytes: Vec<u8>,
}

/// An acceptance waiting for its coordinator device's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptanceDraft {
    pub exchange: crate::ids::ExchangeId,
    pub at: Timestamp,
    pub seq: u64,
    pub bytes: Vec<u8>,
}

/// A revocation waiting for its signer's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevocationDraft {
    pub device: DeviceKey,
    pub cut: Vec<String>,
    pub reason: String,
    pub at: Timestamp,
    pub seq: u64,
    pub bytes: Vec<u8>,
}

impl Timebank {
    /// The standing of every device, decided afresh from the document.
    pub fn authority(&self) -> Authority {
        self.trust.authority().clone()
    }

    /// Whether a coordinator's device has founded this timebank's trust.
    pub fn trust_founded(&self) -> bool {
        self.trust.is_founded()
    }

    /// The founding certificate for this device, acting for coordinator
    /// `by`: the first coordinator device to open a timebank whose trust is
    /// not founded yet. Until then the `role` field decides who is a
    /// coordinator, as it always did; afterwards only certificates do.
    pub fn prepare_founding(
        &self,
        by: &MemberId,
        now: Timestamp,
    ) -> Result<CertificateDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        if self.trust_founded() {
            return Err(LedgerError::TrustAlreadyFounded);
        }
        self.require_coordinator(by)?;
        Ok(self.draft(key, by.clone(), Role::Coordinator, true, now))
    }

    /// A certificate by this device (a coordinator's) for another device,
    /// acting for `member` in `role`.
    pub fn prepare_certificate(
        &self,
        device: DeviceKey,
        member: &MemberId,
        role: Role,
        now: Timestamp,
    ) -> Result<CertificateDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        let person = self.members.get(member).ok_or(LedgerError::UnknownMember)?;
        if person.status == MemberStatus::Left {
            return Err(LedgerError::MemberNotActive {
                name: person.name.clone(),
                status: super::status_words(person.status),
            });
        }
        Ok(self.draft(device, member.clone(), role, false, now))
    }

    fn draft(
        &self,
        device: DeviceKey,
        member: MemberId,
        role: Role,
        founding: bool,
        now: Timestamp,
    ) -> CertificateDraft {
        let issuer = if founding {
            device
        } else {
            self.device_key.unwrap_or(device)
        };
        let seq = self.last_trust_seq() + 1;
        let bytes = certificate_bytes(&self.info.id, &device, &member, role, &issuer, now, seq)
            .into_bytes();
        CertificateDraft {
            device,
            member,
            role,
            issued_at: now,
            seq,
            founding,
            bytes,
        }
    }

    /// Writes a certificate this device signed (and, for the founding one,
    /// this device's key as a root), after checking the signature.
    pub fn add_certificate(
        &mut self,
        draft: CertificateDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let certificate = Certificate {
            device: draft.device,
            member: draft.member,
            role: draft.role,
            issuer: key,
            issued_at: draft.issued_at,
            seq: draft.seq,
            signature,
        };
        if !certificate.is_signed(&self.info.id) || (draft.founding && draft.device != key) {
            return Err(LedgerError::BadSignature);
        }
        let founding = draft.founding;
        self.write(now, "certify a device", |doc| {
            if founding {
                schema::write_root(doc, &key)?;
            }
            schema::write_certificate(doc, &certificate)
        })?;
        self.reread_trust();
        Ok(())
    }

    /// A revocation by this device (a coordinator's) of `device`: what it
    /// wrote up to now still counts; what it writes after waits for a
    /// coordinator.
    pub fn prepare_revocation(
        &mut self,
        device: DeviceKey,
        reason: &str,
        now: Timestamp,
    ) -> Result<RevocationDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        super::check_text("reason", reason)?;
        let cut: Vec<String> = self
            .doc
            .get_heads()
            .iter()
            .map(ToString::to_string)
            .collect();
        let seq = self.last_trust_seq() + 1;
        let reason = reason.trim().to_string();
        let bytes =
            revocation_bytes(&self.info.id, &device, &cut, &key, now, &reason, seq).into_bytes();
        Ok(RevocationDraft {
            device,
            cut,
            reason,
            at: now,
            seq,
            bytes,
        })
    }

    pub fn add_revocation(
        &mut self,
        draft: RevocationDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let revocation = Revocation {
            device: draft.device,
            cut: draft.cut,
            by: key,
            at: draft.at,
            reason: draft.reason,
            seq: draft.seq,
            signature,
        };
        if !revocation.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        self.write(now, "revoke a device", |doc| {
            schema::write_revocation(doc, &revocation)
        })?;
        self.reread_trust();
        Ok(())
    }

    /// A coordinator's decision, on this device (a coordinator's), that
    /// exchange `id`, recorded on a device after the device was revoked,
    /// counts after all. (To leave it out, the coordinator marks the
    /// attention item dealt with: it never counts.)
    pub fn prepare_acceptance(
        &mut self,
        id: &crate::ids::ExchangeId,
        now: Timestamp,
    ) -> Result<AcceptanceDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        if self.doubt_about(id) != Some(super::Doubt::AfterRevocation) {
            return Err(LedgerError::NotWaiting);
        }
        let seq = self.last_trust_seq() + 1;
        let bytes = crate::trust::acceptance_bytes(&self.info.id, id, &key, now, seq).into_bytes();
        Ok(AcceptanceDraft {
            exchange: id.clone(),
            at: now,
            seq,
            bytes,
        })
    }

    pub fn add_acceptance(
        &mut self,
        draft: AcceptanceDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let acceptance = crate::trust::Acceptance {
            exchange: draft.exchange,
            by: key,
            at: draft.at,
            seq: draft.seq,
            signature,
        };
        if !acceptance.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        self.write(now, "accept an exchange", |doc| {
            schema::write_acceptance(doc, &acceptance)
        })?;
        self.reread_trust();
        Ok(())
    }

    fn require_coordinator_device(&self, key: &DeviceKey) -> Result<(), LedgerError> {
        match self.authority().standing(key) {
            Some(standing) if standing.role == Role::Coordinator && !standing.is_revoked() => {
                Ok(())
            }
            _ => Err(LedgerError::NotCoordinatorDevice),
        }
    }

    /// The highest running number this device gave a certificate or
    /// revocation (they share the numbering of its other records).
    pub(super) fn last_trust_seq(&self) -> u64 {
        let Some(key) = self.device_key else {
            return 0;
        };
        let timebank = self.info.id.as_str();
        // Highest first: the first whose signature is this device's own is
        // the last number it used (a made-up number on a forged record
        // naming this device is passed over, so it cannot push the device's
        // numbers up and leave a gap).
        let mut numbered: Vec<(u64, Box<dyn Fn() -> bool + '_>)> = Vec::new();
        for certificate in schema::read_certificates(&self.doc) {
            if certificate.issuer == key {
                numbered.push((
                    certificate.seq,
                    Box::new(move || certificate.is_signed(timebank)),
                ));
            }
        }
        for revocation in schema::read_revocations(&self.doc) {
            if revocation.by == key {
                numbered.push((
                    revocation.seq,
                    Box::new(move || revocation.is_signed(timebank)),
                ));
            }
        }
        for acceptance in schema::read_acceptances(&self.doc) {
            if acceptance.by == key {
                numbered.push((
                    acceptance.seq,
                    Box::new(move || acceptance.is_signed(timebank)),
                ));
            }
        }
        numbered.extend(self.own_seals(&key));
        numbered.sort_by_key(|(seq, _)| std::cmp::Reverse(*seq));
        numbered
            .into_iter()
            .find(|(_, verifies)| verifies())
            .map_or(0, |(seq, _)| seq)
    }
}
