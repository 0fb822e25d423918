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
    Authority, Certificate, DeviceKey, Invitation, InviteSecret, Request, Revocation, Signature,
    certificate_bytes, founding_bytes, invitation_bytes, request_bytes, revocation_bytes,
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
    /// A founding's document heads, which it vouches for (see
    /// `Certificate::founded_on`).
    pub founded_on: Option<Vec<String>>,
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

/// An invitation waiting for its coordinator device's signature. The
/// invite's secret stays with the app, which puts it in the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationDraft {
    pub key: DeviceKey,
    pub member: MemberId,
    pub role: Role,
    pub issued_at: Timestamp,
    pub seq: u64,
    pub bytes: Vec<u8>,
}

/// A request to be certified, waiting for this device's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDraft {
    pub member: MemberId,
    pub name: String,
    pub at: Timestamp,
    pub bytes: Vec<u8>,
}

/// Where an invitation stands, for the coordinators' list of devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    /// No device has opened it yet.
    Open,
    /// It certified this device.
    Used(DeviceKey),
    /// Two devices or more certified themselves with it: none counts.
    UsedTwice,
    /// A coordinator withdrew it (or it does not count: see the trust
    /// problems).
    Withdrawn,
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

    /// What this device may do, once the trust is founded: `None` if it is
    /// not certified (or has no key).
    pub fn own_standing(&self) -> Option<&crate::trust::Standing> {
        self.trust.authority().standing(self.device_key.as_ref()?)
    }

    /// Whether a coordinator's device has founded this timebank's trust.
    pub fn trust_founded(&self) -> bool {
        self.trust.is_founded()
    }

    /// The founding certificate for this device, acting for coordinator
    /// `by`: the first coordinator device to open a timebank whose trust is
    /// not founded yet. Until then the `role` field decides who is a
    /// coordinator, as it always did; afterwards only certificates do. It
    /// signs the document's heads now: everything in the document so far is
    /// vouched for by the founding, and everything after must be signed.
    pub fn prepare_founding(
        &mut self,
        by: &MemberId,
        now: Timestamp,
    ) -> Result<CertificateDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        if self.trust_founded() {
            return Err(LedgerError::TrustAlreadyFounded);
        }
        if let Some(nonce) = &self.info.founding_nonce
            && crate::trust::founded_id(&key, nonce) != self.info.id
        {
            return Err(LedgerError::NotTheFoundingDevice);
        }
        self.require_coordinator(by)?;
        let heads = self
            .doc
            .get_heads()
            .iter()
            .map(ToString::to_string)
            .collect();
        Ok(self.draft(key, by.clone(), Role::Coordinator, Some(heads), now))
    }

    /// On a device that founded the trust before foundings signed their
    /// heads ([`Timebank::founding_unsigned`]), the same founding again (for
    /// the same member), the heads it was read from signed this time.
    pub fn prepare_founding_again(
        &mut self,
        now: Timestamp,
    ) -> Result<CertificateDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let root = self
            .trust
            .roots()
            .iter()
            .find(|root| root.key == key && !root.signed)
            .ok_or(LedgerError::TrustAlreadyFounded)?;
        let heads = root.heads.iter().map(ToString::to_string).collect();
        let member = root.certificate.member.clone();
        Ok(self.draft(key, member, Role::Coordinator, Some(heads), now))
    }

    /// Whether this device founded the trust before foundings signed the
    /// document's heads they vouch for: it should sign them now
    /// ([`Timebank::prepare_founding_again`]), so no copy of its certificate
    /// written later can vouch for anything more.
    pub fn founding_unsigned(&self) -> bool {
        self.device_key.is_some_and(|key| {
            self.trust
                .roots()
                .iter()
                .any(|root| root.key == key && !root.signed)
        })
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
        self.require_role_for(member, role)?;
        Ok(self.draft(device, member.clone(), role, None, now))
    }

    /// A member may be given a device in `role` only if they are active (or
    /// applying) and, for a coordinator's device, a coordinator.
    fn require_role_for(&self, member: &MemberId, role: Role) -> Result<(), LedgerError> {
        let person = self.members.get(member).ok_or(LedgerError::UnknownMember)?;
        if person.status == MemberStatus::Left {
            return Err(LedgerError::MemberNotActive {
                name: person.name.clone(),
                status: super::status_words(person.status),
            });
        }
        if role == Role::Coordinator && person.role != Role::Coordinator {
            return Err(LedgerError::NotACoordinatorMember);
        }
        Ok(())
    }

    /// An invitation by this device (a coordinator's) for `member` in
    /// `role`, for the invite whose key is `key` (the app made the key pair
    /// and keeps its secret for the link).
    pub fn prepare_invitation(
        &self,
        key: DeviceKey,
        member: &MemberId,
        role: Role,
        now: Timestamp,
    ) -> Result<InvitationDraft, LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&own)?;
        self.require_role_for(member, role)?;
        let seq = self.last_trust_seq() + 1;
        let bytes =
            invitation_bytes(&self.info.id, &key, member, role, &own, now, seq).into_bytes();
        Ok(InvitationDraft {
            key,
            member: member.clone(),
            role,
            issued_at: now,
            seq,
            bytes,
        })
    }

    pub fn add_invitation(
        &mut self,
        draft: InvitationDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let invitation = Invitation {
            key: draft.key,
            member: draft.member,
            role: draft.role,
            issuer: own,
            issued_at: draft.issued_at,
            seq: draft.seq,
            signature,
        };
        if !invitation.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        self.write(now, schema::INVITE_MESSAGE, |doc| {
            schema::write_invitation(doc, &invitation)
        })?;
        self.reread_trust();
        Ok(())
    }

    /// The invitation whose key is `key`, if it has reached this copy.
    pub fn invitation(&self, key: &DeviceKey) -> Option<Invitation> {
        self.trust_records()
            .invitations
            .into_iter()
            .find(|invitation| invitation.key == *key)
    }

    /// Every invitation, newest first, with where it stands.
    pub fn invitations(&self) -> Vec<(Invitation, InvitationState)> {
        let authority = self.trust.authority();
        let records = self.trust_records();
        let certificates = records.certificates;
        let revoked: std::collections::HashSet<DeviceKey> = records
            .revocations
            .into_iter()
            .map(|revocation| revocation.device)
            .collect();
        let mut all: Vec<(Invitation, InvitationState)> = records
            .invitations
            .into_iter()
            .map(|invitation| {
                let key = invitation.key;
                let state = if authority
                    .problems
                    .contains(&crate::trust::TrustProblem::InviteUsedTwice { key })
                {
                    InvitationState::UsedTwice
                } else if authority
                    .problems
                    .contains(&crate::trust::TrustProblem::InvitationNotValid { key })
                    || authority.devices.contains_key(&key)
                    || revoked.contains(&key)
                {
                    InvitationState::Withdrawn
                } else {
                    match certificates.iter().find(|c| c.issuer == key) {
                        Some(certificate) => InvitationState::Used(certificate.device),
                        None => InvitationState::Open,
                    }
                };
                (invitation, state)
            })
            .collect();
        all.sort_by_key(|(invitation, _)| std::cmp::Reverse(invitation.issued_at));
        all
    }

    /// The keys of the invites that certified `device` (whatever became of
    /// the invites since: used twice, withdrawn).
    pub fn invites_of(&self, device: &DeviceKey) -> Vec<DeviceKey> {
        let records = self.trust_records();
        let invites: std::collections::HashSet<DeviceKey> = records
            .invitations
            .into_iter()
            .map(|invitation| invitation.key)
            .collect();
        let mut keys: Vec<DeviceKey> = records
            .certificates
            .into_iter()
            .filter(|c| c.device == *device && invites.contains(&c.issuer))
            .map(|c| c.issuer)
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Certifies this device with an invite's secret, for the member and
    /// role the invite names: what the device that opens an invite link
    /// does, even while the coordinator who made it is offline. (It counts
    /// once the invitation, signed by a coordinator's device, is in the
    /// document, and only if no other device used the same invite.)
    pub fn accept_invite(
        &mut self,
        secret: &InviteSecret,
        member: &MemberId,
        role: Role,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let issuer = secret.key();
        let bytes = certificate_bytes(&self.info.id, &own, member, role, &issuer, now, 1);
        let certificate = Certificate {
            device: own,
            member: member.clone(),
            role,
            issuer,
            issued_at: now,
            seq: 1,
            founded_on: None,
            signature: secret.sign(bytes.as_bytes()),
        };
        self.write(now, schema::ACCEPT_INVITE_MESSAGE, |doc| {
            schema::write_certificate(doc, &certificate)
        })?;
        self.reread_trust();
        Ok(())
    }

    /// A request, by this device, to be certified for `member`; `name` is
    /// what the person calls the device.
    pub fn prepare_request(
        &self,
        member: &MemberId,
        name: &str,
        now: Timestamp,
    ) -> Result<RequestDraft, LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        if self.own_standing().is_some() {
            return Err(LedgerError::AlreadyCertified);
        }
        self.require_role_for(member, Role::Member)?;
        super::check_text("device name", name)?;
        let name = name.trim().to_string();
        let bytes = request_bytes(&self.info.id, &own, member, &name, now).into_bytes();
        Ok(RequestDraft {
            member: member.clone(),
            name,
            at: now,
            bytes,
        })
    }

    pub fn add_request(
        &mut self,
        draft: RequestDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let request = Request {
            device: own,
            member: draft.member,
            name: draft.name,
            at: draft.at,
            signature,
        };
        if !request.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        self.write(now, "ask to be certified", |doc| {
            schema::write_request(doc, &request)
        })
    }

    /// The requests of devices that are not certified yet, oldest first.
    pub fn pending_requests(&self) -> Vec<Request> {
        let authority = self.trust.authority();
        let mut pending: Vec<Request> = schema::read_requests(&self.doc, &self.info.id)
            .into_iter()
            .filter(|request| authority.standing(&request.device).is_none())
            .collect();
        pending.sort_by_key(|request| request.at);
        pending
    }

    /// This device's own request, if it asked and is not certified yet.
    pub fn own_request(&self) -> Option<Request> {
        let own = self.device_key?;
        self.pending_requests()
            .into_iter()
            .rev()
            .find(|request| request.device == own)
    }

    /// A coordinator turning down a device's request (the device may ask
    /// again).
    pub fn decline_request(
        &mut self,
        device: &DeviceKey,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let own = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&own)?;
        self.write(now, "decline a request", |doc| {
            schema::remove_request(doc, device)
        })
    }

    /// A certificate to sign: a founding (with the heads it vouches for)
    /// when `founded_on` is given.
    fn draft(
        &self,
        device: DeviceKey,
        member: MemberId,
        role: Role,
        founded_on: Option<Vec<String>>,
        now: Timestamp,
    ) -> CertificateDraft {
        let seq = self.last_trust_seq() + 1;
        let bytes = match &founded_on {
            Some(heads) => founding_bytes(&self.info.id, &device, &member, now, seq, heads),
            None => {
                let issuer = self.device_key.unwrap_or(device);
                certificate_bytes(&self.info.id, &device, &member, role, &issuer, now, seq)
            }
        }
        .into_bytes();
        CertificateDraft {
            device,
            member,
            role,
            issued_at: now,
            seq,
            founding: founded_on.is_some(),
            founded_on,
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
            founded_on: draft.founded_on.clone(),
            signature,
        };
        if !certificate.is_signed(&self.info.id)
            || draft.founding != draft.founded_on.is_some()
            || (draft.founding && draft.device != key)
        {
            return Err(LedgerError::BadSignature);
        }
        let message = if draft.founding {
            schema::FOUNDING_MESSAGE
        } else {
            schema::CERTIFY_MESSAGE
        };
        self.write(now, message, |doc| {
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
        self.write(now, schema::REVOKE_MESSAGE, |doc| {
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
        self.write(now, schema::ACCEPT_EXCHANGE_MESSAGE, |doc| {
            schema::write_acceptance(doc, &acceptance)
        })?;
        self.reread_trust();
        Ok(())
    }

    pub(super) fn require_coordinator_device(&self, key: &DeviceKey) -> Result<(), LedgerError> {
        match self.authority().standing(key) {
            Some(standing)
                if standing.role == Role::Coordinator
                    && !standing.is_revoked()
                    && !self.demoted(standing) =>
            {
                Ok(())
            }
            _ => Err(LedgerError::NotCoordinatorDevice),
        }
    }

    /// Every signed trust record, from the document and from its history
    /// (one written over or deleted since is still there; see
    /// [`schema::FoundingHistory::records`]).
    pub(super) fn trust_records(&self) -> schema::TrustRecords {
        schema::TrustRecords::in_document(&self.doc).with(self.trust.history_records())
    }

    /// The highest running number this device gave a certificate,
    /// invitation, revocation, acceptance or resolution (they share the
    /// numbering of its other records).
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
        let records = self.trust_records();
        for certificate in records.certificates {
            if certificate.issuer == key {
                numbered.push((
                    certificate.seq,
                    Box::new(move || certificate.is_signed(timebank)),
                ));
            }
        }
        for revocation in records.revocations {
            if revocation.by == key {
                numbered.push((
                    revocation.seq,
                    Box::new(move || revocation.is_signed(timebank)),
                ));
            }
        }
        for invitation in records.invitations {
            if invitation.issuer == key {
                numbered.push((
                    invitation.seq,
                    Box::new(move || invitation.is_signed(timebank)),
                ));
            }
        }
        for acceptance in records.acceptances {
            if acceptance.by == key {
                numbered.push((
                    acceptance.seq,
                    Box::new(move || acceptance.is_signed(timebank)),
                ));
            }
        }
        // (Resolutions' seals were checked when they were read.)
        for (device, seq) in self.numbered_resolutions() {
            if device == key {
                numbered.push((seq, Box::new(|| true)));
            }
        }
        numbered.extend(self.own_seals(&key));
        numbered.sort_by_key(|(seq, _)| std::cmp::Reverse(*seq));
        numbered
            .into_iter()
            .find(|(_, verifies)| verifies())
            .map_or(0, |(seq, _)| seq)
            // (A record of this device's deleted since keeps its number.)
            .max(self.numbered_to)
    }

    /// The highest number this device has given a record it signed in this
    /// timebank, for the app to keep and hand back with
    /// [`Timebank::numbered_to`] when it opens the timebank again.
    pub fn last_number(&self) -> u64 {
        self.last_trust_seq()
    }

    /// This device gave numbers up to `used` before (the app kept
    /// [`Timebank::last_number`]): it never gives one of them again, even
    /// when the record that had it was deleted from the document since (a
    /// number given twice would hide the deletion; a gap shows it, and the
    /// deleted record is found again, see `counting/deleted.rs`).
    pub fn numbered_to(&mut self, used: u64) {
        self.numbered_to = self.numbered_to.max(used);
    }
}
