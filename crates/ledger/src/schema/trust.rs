//! The trust records: the root keys, certificates and revocations.
//!
//! ```text
//! trust: map                              created by the first coordinator device to found
//!   │                                     the timebank's trust; two created at once (two
//!   │                                     founders apart) are read together, as one
//!   roots: map<key hex, true>             written by foundings before they signed their
//!                                         heads; read by nothing now (see founding_roots)
//!   certificates: map<"<device id>.<issuer device id>", map>   written once
//!       device, issuer: str (key hex), member: str, role: str ("member" | "coordinator"),
//!       issued_at: timestamp, seq: uint, sig: bytes
//!       heads: str (change hashes, sorted, comma-separated)  a founding's (self-issued):
//!                                         the document it vouches for, signed with the rest
//!   revocations: map<"<device id>.<by device id>", map>         written once
//!       device, by: str (key hex), cut: str (change hashes, sorted, comma-separated),
//!       at: timestamp, reason: str, seq: uint, sig: bytes
//!   invitations: map<"<invite key's device id>", map>         written once
//!       key, issuer: str (key hex), member: str, role: str, issued_at: timestamp,
//!       seq: uint, sig: bytes           an invite's key, which certifies one device
//!   requests: map<"<device id>", map>     written by a device asking to be certified
//!       device: str (key hex), member: str, name: str, at: timestamp, sig: bytes
//!   acceptances: map<"<exchange id>.<by device id>", map>      written once
//!       exchange: str, by: str (key hex), at: timestamp, seq: uint, sig: bytes
//!                                       a coordinator device's decision that an exchange
//!                                       recorded after its device's revocation counts
//!   checkpoints: map<"<by device id>", map>   see checkpoints.rs
//! ```

use std::collections::HashSet;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};

use super::*;
use crate::trust::{
    Acceptance, Certificate, DeviceKey, Invitation, RecordRef, Request, Revocation,
};

mod checkpoints;

pub use checkpoints::{CHECKPOINT_MESSAGE, read_checkpoints, write_checkpoint};

const TRUST: &str = "trust";
const ROOTS: &str = "roots";
const CERTIFICATES: &str = "certificates";
const REVOCATIONS: &str = "revocations";
const ACCEPTANCES: &str = "acceptances";
const INVITATIONS: &str = "invitations";
const REQUESTS: &str = "requests";

/// Every `trust` map (more than one if two devices created it at once).
fn trust_maps(doc: &AutoCommit) -> Vec<ObjId> {
    maps(doc, &ROOT, TRUST)
}

/// How many `trust` maps the document holds (more than one when two
/// devices founded the trust at the same time).
pub fn trust_map_count(doc: &AutoCommit) -> usize {
    trust_maps(doc).len()
}

/// The sub-map `name` of every `trust` map (each of them, if two devices
/// made it at once).
fn parts(doc: &AutoCommit, name: &str) -> Vec<ObjId> {
    trust_maps(doc)
        .iter()
        .flat_map(|trust| maps(doc, trust, name))
        .collect()
}

pub fn read_certificates(doc: &AutoCommit) -> Vec<Certificate> {
    let mut certificates = records_in(doc, CERTIFICATES, read_certificate);
    certificates.sort_by_key(|c| (c.device, c.issuer, c.seq));
    certificates.dedup();
    certificates
}

/// Every record in the part `name` of every `trust` map that `read` reads.
fn records_in<T>(
    doc: &AutoCommit,
    name: &str,
    read: fn(&AutoCommit, &ObjId) -> Option<T>,
) -> Vec<T> {
    parts(doc, name)
        .iter()
        .flat_map(|all| {
            doc.keys(all)
                .filter_map(|key| read(doc, &map(doc, all, &key)?))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn read_role(fields: &Fields) -> Option<Role> {
    match fields.string("role")?.as_str() {
        "member" => Some(Role::Member),
        "coordinator" => Some(Role::Coordinator),
        _ => None,
    }
}

fn read_certificate(doc: &AutoCommit, obj: &ObjId) -> Option<Certificate> {
    certificate_from(&Fields::read(doc, obj))
}

fn certificate_from(fields: &Fields) -> Option<Certificate> {
    let seal = super::exchanges::read_seal(fields)?;
    Some(Certificate {
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s))?,
        member: fields.string("member").and_then(|s| MemberId::parse(&s))?,
        role: read_role(fields)?,
        issuer: fields.string("issuer").and_then(|s| DeviceKey::parse(&s))?,
        issued_at: Timestamp(fields.int("issued_at")?),
        seq: seal.seq,
        founded_on: fields.string("heads").map(|heads| split_heads(&heads)),
        signature: seal.signature,
    })
}

/// Change hashes written sorted and comma-separated (a cut, a founding's
/// heads).
fn split_heads(heads: &str) -> Vec<String> {
    heads
        .split(',')
        .filter(|head| !head.is_empty())
        .map(str::to_string)
        .collect()
}

fn join_heads(heads: &[String]) -> String {
    let mut sorted = heads.to_vec();
    sorted.sort();
    sorted.join(",")
}

pub fn read_revocations(doc: &AutoCommit) -> Vec<Revocation> {
    let mut revocations = records_in(doc, REVOCATIONS, read_revocation);
    revocations.sort_by_key(|r| (r.device, r.by, r.seq));
    revocations.dedup();
    revocations
}

fn read_revocation(doc: &AutoCommit, obj: &ObjId) -> Option<Revocation> {
    revocation_from(&Fields::read(doc, obj))
}

fn revocation_from(fields: &Fields) -> Option<Revocation> {
    let seal = super::exchanges::read_seal(fields)?;
    let cut = fields.string("cut")?;
    Some(Revocation {
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s))?,
        cut: split_heads(&cut),
        by: fields.string("by").and_then(|s| DeviceKey::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        reason: fields.string("reason").unwrap_or_default(),
        seq: seal.seq,
        signature: seal.signature,
    })
}

pub fn read_invitations(doc: &AutoCommit) -> Vec<Invitation> {
    let mut invitations = records_in(doc, INVITATIONS, read_invitation);
    invitations.sort_by_key(|i| (i.key, i.issuer, i.seq));
    invitations.dedup();
    invitations
}

fn read_invitation(doc: &AutoCommit, obj: &ObjId) -> Option<Invitation> {
    invitation_from(&Fields::read(doc, obj))
}

fn invitation_from(fields: &Fields) -> Option<Invitation> {
    let seal = super::exchanges::read_seal(fields)?;
    Some(Invitation {
        key: fields.string("key").and_then(|s| DeviceKey::parse(&s))?,
        member: fields.string("member").and_then(|s| MemberId::parse(&s))?,
        role: read_role(fields)?,
        issuer: fields.string("issuer").and_then(|s| DeviceKey::parse(&s))?,
        issued_at: Timestamp(fields.int("issued_at")?),
        seq: seal.seq,
        signature: seal.signature,
    })
}

/// Every request whose signature is its device's own (one per device: a
/// device asking again replaces its request).
pub fn read_requests(doc: &AutoCommit, timebank: &str) -> Vec<Request> {
    let mut requests = records_in(doc, REQUESTS, read_request);
    requests.retain(|request| request.is_signed(timebank));
    requests.sort_by_key(|request| (request.device, request.at));
    requests.dedup();
    requests
}

fn read_request(doc: &AutoCommit, obj: &ObjId) -> Option<Request> {
    let fields = Fields::read(doc, obj);
    let signature = match fields.scalar("sig")? {
        ScalarValue::Bytes(bytes) => crate::trust::Signature::from_slice(bytes)?,
        _ => return None,
    };
    Some(Request {
        device: fields.string("device").and_then(|s| DeviceKey::parse(&s))?,
        member: fields.string("member").and_then(|s| MemberId::parse(&s))?,
        name: fields.string("name").unwrap_or_default(),
        at: Timestamp(fields.int("at")?),
        signature,
    })
}

/// The `trust` map to write into, made (with its parts) if there is none.
fn trust_for_writing(doc: &mut AutoCommit) -> WriteResult<ObjId> {
    if let Some(trust) = map(doc, &ROOT, TRUST) {
        return Ok(trust);
    }
    let trust = doc.put_object(ROOT, TRUST, ObjType::Map)?;
    for part in [
        ROOTS,
        CERTIFICATES,
        REVOCATIONS,
        ACCEPTANCES,
        INVITATIONS,
        REQUESTS,
    ] {
        doc.put_object(&trust, part, ObjType::Map)?;
    }
    Ok(trust)
}

/// The part `name` of the `trust` map to write into; a trust map made
/// before the part existed gets it now.
fn part_for_writing(doc: &mut AutoCommit, name: &str) -> WriteResult<ObjId> {
    let trust = trust_for_writing(doc)?;
    match map(doc, &trust, name) {
        Some(part) => Ok(part),
        None => Ok(doc.put_object(&trust, name, ObjType::Map)?),
    }
}

pub fn write_invitation(doc: &mut AutoCommit, invitation: &Invitation) -> WriteResult<()> {
    let all = part_for_writing(doc, INVITATIONS)?;
    let obj = doc.put_object(&all, invitation.key.device_id().as_str(), ObjType::Map)?;
    doc.put(&obj, "key", invitation.key.to_hex())?;
    doc.put(&obj, "member", invitation.member.as_str())?;
    doc.put(&obj, "role", crate::trust::role_name(invitation.role))?;
    doc.put(&obj, "issuer", invitation.issuer.to_hex())?;
    doc.put(
        &obj,
        "issued_at",
        ScalarValue::Timestamp(invitation.issued_at.0),
    )?;
    let seal = Seal {
        seq: invitation.seq,
        signature: invitation.signature,
    };
    super::exchanges::write_seal(doc, &obj, &seal)
}

/// Writes (or replaces) this device's request to be certified. A request
/// lives in the trust map even before any device founded the trust: the
/// map's other parts are empty until then, and founding never replaces it.
pub fn write_request(doc: &mut AutoCommit, request: &Request) -> WriteResult<()> {
    let all = part_for_writing(doc, REQUESTS)?;
    let obj = doc.put_object(&all, request.device.device_id().as_str(), ObjType::Map)?;
    doc.put(&obj, "device", request.device.to_hex())?;
    doc.put(&obj, "member", request.member.as_str())?;
    doc.put(&obj, "name", request.name.as_str())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(request.at.0))?;
    doc.put(
        &obj,
        "sig",
        ScalarValue::Bytes(request.signature.as_bytes().to_vec()),
    )?;
    Ok(())
}

/// Records `key` as a root of the timebank's trust.
pub fn write_root(doc: &mut AutoCommit, key: &DeviceKey) -> WriteResult<()> {
    let trust = trust_for_writing(doc)?;
    if let Some(roots) = map(doc, &trust, ROOTS) {
        doc.put(&roots, key.to_hex(), true)?;
    }
    Ok(())
}

fn record_key(device: &DeviceKey, other: &DeviceKey) -> String {
    format!("{}.{}", device.device_id(), other.device_id())
}

pub fn write_certificate(doc: &mut AutoCommit, certificate: &Certificate) -> WriteResult<()> {
    let trust = trust_for_writing(doc)?;
    let Some(all) = map(doc, &trust, CERTIFICATES) else {
        return Ok(());
    };
    let obj = doc.put_object(
        &all,
        record_key(&certificate.device, &certificate.issuer),
        ObjType::Map,
    )?;
    doc.put(&obj, "device", certificate.device.to_hex())?;
    doc.put(&obj, "member", certificate.member.as_str())?;
    doc.put(&obj, "role", crate::trust::role_name(certificate.role))?;
    doc.put(&obj, "issuer", certificate.issuer.to_hex())?;
    doc.put(
        &obj,
        "issued_at",
        ScalarValue::Timestamp(certificate.issued_at.0),
    )?;
    if let Some(heads) = &certificate.founded_on {
        doc.put(&obj, "heads", join_heads(heads))?;
    }
    let seal = Seal {
        seq: certificate.seq,
        signature: certificate.signature,
    };
    super::exchanges::write_seal(doc, &obj, &seal)
}

pub fn write_revocation(doc: &mut AutoCommit, revocation: &Revocation) -> WriteResult<()> {
    let trust = trust_for_writing(doc)?;
    let Some(all) = map(doc, &trust, REVOCATIONS) else {
        return Ok(());
    };
    let obj = doc.put_object(
        &all,
        record_key(&revocation.device, &revocation.by),
        ObjType::Map,
    )?;
    doc.put(&obj, "device", revocation.device.to_hex())?;
    doc.put(&obj, "cut", join_heads(&revocation.cut))?;
    doc.put(&obj, "by", revocation.by.to_hex())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(revocation.at.0))?;
    doc.put(&obj, "reason", revocation.reason.as_str())?;
    let seal = Seal {
        seq: revocation.seq,
        signature: revocation.signature,
    };
    super::exchanges::write_seal(doc, &obj, &seal)
}

pub fn read_acceptances(doc: &AutoCommit) -> Vec<Acceptance> {
    let mut acceptances = records_in(doc, ACCEPTANCES, read_acceptance);
    acceptances.sort_by(|a, b| (&a.exchange, a.by, a.seq).cmp(&(&b.exchange, b.by, b.seq)));
    acceptances.dedup();
    acceptances
}

fn read_acceptance(doc: &AutoCommit, obj: &ObjId) -> Option<Acceptance> {
    acceptance_from(&Fields::read(doc, obj))
}

fn acceptance_from(fields: &Fields) -> Option<Acceptance> {
    let seal = super::exchanges::read_seal(fields)?;
    Some(Acceptance {
        exchange: fields
            .string("exchange")
            .and_then(|s| ExchangeId::parse(&s))?,
        by: fields.string("by").and_then(|s| DeviceKey::parse(&s))?,
        at: Timestamp(fields.int("at")?),
        seq: seal.seq,
        signature: seal.signature,
    })
}

/// Where an acceptance is kept: one per exchange and coordinator device.
fn acceptance_key(acceptance: &Acceptance) -> String {
    format!("{}.{}", acceptance.exchange, acceptance.by.device_id())
}

pub fn write_acceptance(doc: &mut AutoCommit, acceptance: &Acceptance) -> WriteResult<()> {
    let all = part_for_writing(doc, ACCEPTANCES)?;
    let obj = doc.put_object(&all, acceptance_key(acceptance), ObjType::Map)?;
    doc.put(&obj, "exchange", acceptance.exchange.as_str())?;
    doc.put(&obj, "by", acceptance.by.to_hex())?;
    doc.put(&obj, "at", ScalarValue::Timestamp(acceptance.at.0))?;
    let seal = Seal {
        seq: acceptance.seq,
        signature: acceptance.signature,
    };
    super::exchanges::write_seal(doc, &obj, &seal)
}

/// Removes the request of `device` (a coordinator declined it).
pub fn remove_request(doc: &mut AutoCommit, device: &DeviceKey) -> WriteResult<()> {
    let key = device.device_id();
    for all in parts(doc, REQUESTS) {
        if doc.get(&all, key.as_str())?.is_some() {
            doc.delete(&all, key.as_str())?;
        }
    }
    Ok(())
}

/// The message of the change that founds a timebank's trust.
pub const FOUNDING_MESSAGE: &str = "found the trust";
/// The message of a change that certifies a device (and, before foundings
/// signed their heads, of a founding).
pub const CERTIFY_MESSAGE: &str = "certify a device";
/// The message of the change in which a device certifies itself with an
/// invite's secret.
pub const ACCEPT_INVITE_MESSAGE: &str = "accept an invite";
/// The message of a change that writes an invitation.
pub const INVITE_MESSAGE: &str = "invite a device";
/// The message of a change that revokes a device.
pub const REVOKE_MESSAGE: &str = "revoke a device";
/// The message of a change in which a coordinator accepts an exchange
/// recorded after its device was revoked.
pub const ACCEPT_EXCHANGE_MESSAGE: &str = "accept an exchange";

/// The signed trust records (certificates, revocations, invitations and
/// acceptances), each sorted, without duplicates; none of them checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustRecords {
    pub certificates: Vec<Certificate>,
    pub revocations: Vec<Revocation>,
    pub invitations: Vec<Invitation>,
    pub acceptances: Vec<Acceptance>,
}

impl TrustRecords {
    /// Those the document holds as it stands.
    pub fn in_document(doc: &AutoCommit) -> TrustRecords {
        TrustRecords {
            certificates: read_certificates(doc),
            revocations: read_revocations(doc),
            invitations: read_invitations(doc),
            acceptances: read_acceptances(doc),
        }
    }

    /// These and `other`'s together.
    pub fn with(&self, other: &TrustRecords) -> TrustRecords {
        let mut all = self.clone();
        all.take(other.clone());
        all
    }

    /// Adds `more`.
    pub fn take(&mut self, more: TrustRecords) {
        self.certificates.extend(more.certificates);
        // (Sorted down to the signature, so that the same record read
        // twice lies side by side.)
        self.certificates
            .sort_by_key(|c| (c.device, c.issuer, c.seq, *c.signature.as_bytes()));
        self.certificates.dedup();
        self.revocations.extend(more.revocations);
        self.revocations
            .sort_by_key(|r| (r.device, r.by, r.seq, *r.signature.as_bytes()));
        self.revocations.dedup();
        self.invitations.extend(more.invitations);
        self.invitations
            .sort_by_key(|i| (i.key, i.issuer, i.seq, *i.signature.as_bytes()));
        self.invitations.dedup();
        self.acceptances.extend(more.acceptances);
        self.acceptances.sort_by(|a, b| {
            (&a.exchange, a.by, a.seq, a.signature.as_bytes()).cmp(&(
                &b.exchange,
                b.by,
                b.seq,
                b.signature.as_bytes(),
            ))
        });
        self.acceptances.dedup();
    }
}

/// A founding certificate (self-issued) as the change that wrote it left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundingWrite {
    pub certificate: Certificate,
    pub change: ChangeHash,
}

/// What the history after some heads says about who may found the trust.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundingHistory {
    /// Every self-issued certificate those changes wrote (not checked: see
    /// `Certificate::is_signed`).
    pub foundings: Vec<FoundingWrite>,
    /// The founding nonce each change there that depends on nothing (the
    /// timebank's creation) wrote: the pin on the founder's key, as it was
    /// created, whatever was written over it since.
    pub nonces: Vec<String>,
    /// Every trust record those changes wrote, as each change wrote it (a
    /// record written over or deleted since is still here): what a raw
    /// delete would otherwise take away (a coordinator's certificate, a
    /// revocation) stays.
    pub records: TrustRecords,
}

/// Reads the changes after `from` (every change, if `from` is empty) for
/// foundings, each as the change that wrote it left it: one written over
/// or deleted since is found too. Only changes whose message is a
/// founding's ([`FOUNDING_MESSAGE`], or [`CERTIFY_MESSAGE`] as foundings
/// were written before) are decoded: the founding device's own change
/// always carries one, and nothing written later can change that; the rest
/// are read from their metadata alone.
pub fn foundings_written_after(doc: &mut AutoCommit, from: &[ChangeHash]) -> FoundingHistory {
    let mut created = Vec::new();
    let written = super::history::records_written_after(
        doc,
        from,
        |message| match message? {
            FOUNDING_MESSAGE | CERTIFY_MESSAGE | ACCEPT_INVITE_MESSAGE => Some("issuer"),
            INVITE_MESSAGE => Some("key"),
            REVOKE_MESSAGE => Some("cut"),
            ACCEPT_EXCHANGE_MESSAGE => Some("exchange"),
            _ => None,
        },
        |meta| {
            if meta.deps.is_empty() {
                created.push(meta.hash);
            }
        },
    );
    let nonces = created
        .into_iter()
        .filter_map(|hash| {
            let (_, info) = doc.get_at(ROOT, TIMEBANK, &[hash]).ok().flatten()?;
            Fields::read_at(doc, &info, &[hash]).string("founding_nonce")
        })
        .collect();
    let mut foundings = Vec::new();
    let mut records = TrustRecords::default();
    for (fields, change) in written {
        // (An invitation names an issuer too, and a key; a certificate,
        // a device.)
        if fields.string("key").is_some() {
            records.invitations.extend(invitation_from(&fields));
        } else if fields.string("cut").is_some() {
            records.revocations.extend(revocation_from(&fields));
        } else if fields.string("exchange").is_some() {
            records.acceptances.extend(acceptance_from(&fields));
        } else if let Some(certificate) = certificate_from(&fields) {
            if certificate.is_founding() {
                foundings.push(FoundingWrite {
                    certificate: certificate.clone(),
                    change,
                });
            }
            records.certificates.push(certificate);
        }
    }
    let mut sorted = TrustRecords::default();
    sorted.take(records);
    FoundingHistory {
        foundings,
        nonces,
        records: sorted,
    }
}

/// The changes after `heads` (not in their history), by hash: read from
/// the changes' metadata.
pub fn changes_after(doc: &mut AutoCommit, heads: &[ChangeHash]) -> HashSet<ChangeHash> {
    doc.get_changes_meta(heads)
        .into_iter()
        .map(|meta| meta.hash)
        .collect()
}

/// The heads of the history that every one of `each` holds: what each
/// of them saw (the foundings apart saw it all).
pub fn common_heads(doc: &mut AutoCommit, each: &[Vec<ChangeHash>]) -> Vec<ChangeHash> {
    let after: HashSet<ChangeHash> = each
        .iter()
        .flat_map(|heads| changes_after(doc, heads))
        .collect();
    let common: Vec<(ChangeHash, Vec<ChangeHash>)> = doc
        .get_changes_meta(&[])
        .into_iter()
        .filter(|meta| !after.contains(&meta.hash))
        .map(|meta| (meta.hash, meta.deps))
        .collect();
    let built_on: HashSet<ChangeHash> = common
        .iter()
        .flat_map(|(_, deps)| deps.iter().copied())
        .collect();
    let mut heads: Vec<ChangeHash> = common
        .into_iter()
        .map(|(hash, _)| hash)
        .filter(|hash| !built_on.contains(hash))
        .collect();
    heads.sort();
    heads
}

/// Whether `record` was in the document at `heads` (a revocation's cut).
/// Heads this copy does not have (or that do not parse) hold nothing.
pub fn trust_record_at(doc: &AutoCommit, record: RecordRef<'_>, heads: &[String]) -> bool {
    let Some(heads) = heads
        .iter()
        .map(|head| head.parse::<ChangeHash>().ok())
        .collect::<Option<Vec<ChangeHash>>>()
    else {
        return false;
    };
    let (part, key) = match record {
        RecordRef::Certificate(certificate) => (
            CERTIFICATES,
            record_key(&certificate.device, &certificate.issuer),
        ),
        RecordRef::Revocation(revocation) => {
            (REVOCATIONS, record_key(&revocation.device, &revocation.by))
        }
        RecordRef::Invitation(invitation) => {
            (INVITATIONS, invitation.key.device_id().as_str().to_string())
        }
        RecordRef::Acceptance(acceptance) => (ACCEPTANCES, acceptance_key(acceptance)),
    };
    let Ok(trusts) = doc.get_all_at(ROOT, TRUST, &heads) else {
        return false;
    };
    trusts.into_iter().any(|(value, trust)| {
        matches!(value, Value::Object(ObjType::Map))
            && doc
                .get_at(&trust, part, &heads)
                .ok()
                .flatten()
                .is_some_and(|(_, all)| {
                    doc.get_at(&all, key.as_str(), &heads)
                        .ok()
                        .flatten()
                        .is_some()
                })
    })
}
