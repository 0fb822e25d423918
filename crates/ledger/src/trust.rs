//! Who wrote what: device keys, signatures and the canonical bytes they sign.
//!
//! Every device makes its own Ed25519 key pair (WebCrypto in the app, the
//! private half never leaves it). A record that moves hours or changes
//! rights is signed by the device that wrote it, over the record's
//! *canonical bytes*: a fixed binary layout built from the parsed record,
//! never from how the document happens to store it, so every device checks
//! the same bytes. The layout opens with a tag naming the kind of record and
//! its version, and always holds the timebank's id and the record's own id:
//! a signature cannot be replayed into another timebank, onto another
//! record, or as another kind of record.
//!
//! Verification is this crate's own pure Rust (`ed25519-dalek`'s strict
//! check), never the browser's: two devices that disagreed on a signature
//! would disagree on balances.
//!
//! The layout, field by field (all integers big-endian):
//!
//! ```text
//! text      u32 length, then UTF-8 bytes
//! option    0x00 (absent) | 0x01 then the value
//! key       32 bytes (an Ed25519 public key)
//! integer   u64 or i64, 8 bytes
//! ```
//!
//! A change to any layout is a new tag (`.../2`), never an edit of an old
//! one: the golden vectors in the tests fail if bytes drift.

use std::fmt;

use ed25519_dalek::{Signature as DalekSignature, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::ids::{DeviceId, ExchangeId, MemberId};

mod authority;

use crate::model::{Channel, Exchange, ExchangeKind, LifecycleEvent, Role};
pub use authority::{Authority, Inside, RecordRef, Standing, TrustProblem};

/// A device's public key: what certificates name and signatures are checked
/// against.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceKey([u8; 32]);

impl DeviceKey {
    pub fn from_bytes(bytes: [u8; 32]) -> DeviceKey {
        DeviceKey(bytes)
    }

    /// A key as stored (64 hex digits); `None` if it is not one.
    pub fn parse(text: &str) -> Option<DeviceKey> {
        from_hex::<32>(text).map(DeviceKey)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// The device id records name: the first 16 bytes of the key's SHA-256,
    /// so a record's `device` field names the key that must have signed it.
    pub fn device_id(&self) -> DeviceId {
        let digest = Sha256::digest(self.0);
        match DeviceId::parse(&to_hex(&digest[..16])) {
            Some(id) => id,
            // 32 lowercase hex digits always parse.
            None => unreachable!("a digest's hex is an id"),
        }
    }

    /// A short form to read aloud or compare on two screens: the first eight
    /// hex digits of the key's SHA-256, in two groups.
    pub fn fingerprint(&self) -> String {
        let id = self.device_id();
        format!("{}-{}", &id.as_str()[..4], &id.as_str()[4..8])
    }
}

impl fmt::Debug for DeviceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeviceKey({})", self.fingerprint())
    }
}

impl fmt::Display for DeviceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The id of a timebank created by the device with `key`, from the random
/// `nonce` kept in the document: the first 16 bytes of a SHA-256 over a
/// tag, the key and the nonce, in hex. Nobody can find another key that
/// gives the same id, so the founding device is pinned by the id every
/// device already knows the timebank by.
pub fn founded_id(key: &DeviceKey, nonce: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"tally/timebank-id/1");
    hasher.update(key.0);
    hasher.update(nonce.as_bytes());
    to_hex(&hasher.finalize()[..16])
}

/// An Ed25519 signature.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature([u8; 64]);

impl Signature {
    pub fn from_bytes(bytes: [u8; 64]) -> Signature {
        Signature(bytes)
    }

    /// A signature from a slice, such as WebCrypto's `ArrayBuffer`; `None`
    /// unless it is 64 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Signature> {
        <[u8; 64]>::try_from(bytes).ok().map(Signature)
    }

    pub fn as_bytes(&self) -> &[u8; 64] {
        &self.0
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({}…)", to_hex(&self.0[..8]))
    }
}

/// Whether `signature` is `key`'s signature of `message`, by the strict
/// rules of RFC 8032 (no weak keys, no malleable signatures), so that every
/// device and the relay decide alike.
pub fn verify(key: &DeviceKey, message: &[u8], signature: &Signature) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(&key.0) else {
        return false;
    };
    key.verify_strict(message, &DalekSignature::from_bytes(&signature.0))
        .is_ok()
}

/// The canonical bytes of one record, built field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical(Vec<u8>);

impl Canonical {
    fn new(tag: &str, timebank: &str) -> Canonical {
        let mut canonical = Canonical(Vec::with_capacity(256));
        canonical.text(tag);
        canonical.text(timebank);
        canonical
    }

    fn text(&mut self, text: &str) -> &mut Self {
        let length = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.0.extend_from_slice(&length.to_be_bytes());
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    fn option(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            None => self.0.push(0),
            Some(text) => {
                self.0.push(1);
                self.text(text);
            }
        }
        self
    }

    fn unsigned(&mut self, value: u64) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    fn signed(&mut self, value: i64) -> &mut Self {
        self.0.extend_from_slice(&value.to_be_bytes());
        self
    }

    /// Change hashes (a cut, a founding's heads): their count, then each,
    /// sorted, so the same heads always give the same bytes.
    fn heads(&mut self, heads: &[String]) -> &mut Self {
        let mut sorted: Vec<&String> = heads.iter().collect();
        sorted.sort();
        self.unsigned(sorted.len() as u64);
        for head in sorted {
            self.text(head);
        }
        self
    }

    fn key(&mut self, key: &DeviceKey) -> &mut Self {
        self.0.extend_from_slice(&key.0);
        self
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

pub const EXCHANGE_TAG: &str = "tally/exchange/1";
pub const EVENT_TAG: &str = "tally/exchange-event/1";
pub const CERTIFICATE_TAG: &str = "tally/certificate/1";
pub const FOUNDING_TAG: &str = "tally/founding/1";
pub const REVOCATION_TAG: &str = "tally/revocation/1";
pub const ACCEPTANCE_TAG: &str = "tally/acceptance/1";
pub const RESOLUTION_TAG: &str = "tally/resolution/1";
pub const DECISION_TAG: &str = "tally/decision/1";
pub const INVITATION_TAG: &str = "tally/invitation/1";
pub const REQUEST_TAG: &str = "tally/request/1";
pub const CHECKPOINT_TAG: &str = "tally/checkpoint/1";

/// What an exchange's recording device signs: every field written once,
/// and the device's own running number `seq` (a gap reveals a record that
/// was deleted).
pub fn exchange_bytes(timebank: &str, exchange: &Exchange, seq: u64) -> Canonical {
    let mut bytes = Canonical::new(EXCHANGE_TAG, timebank);
    bytes.text(exchange.id.as_str());
    match &exchange.kind {
        ExchangeKind::Service => {
            bytes.text("service");
        }
        ExchangeKind::Donation => {
            bytes.text("donation");
        }
        ExchangeKind::OpeningBalance => {
            bytes.text("opening_balance");
        }
        ExchangeKind::TokenPurchase {
            cash_pence,
            receipt,
            bought_by,
        } => {
            bytes
                .text("purchase")
                .unsigned(u64::from(*cash_pence))
                .text(receipt)
                .option(bought_by.as_deref());
        }
    }
    bytes
        .text(exchange.payer.as_str())
        .text(exchange.payee.as_str())
        .unsigned(u64::from(exchange.minutes))
        .text(&exchange.service_date.to_string())
        .text(&exchange.description)
        .option(exchange.category.as_deref());
    match &exchange.channel {
        Channel::App => bytes.text("app"),
        Channel::Coordinator => bytes.text("coordinator"),
        Channel::TradingDayTally => bytes.text("trading_day_tally"),
        Channel::PaperSlip { number } => bytes.text("paper_slip").text(number),
        Channel::Import => bytes.text("import"),
        Channel::QrHandOff => bytes.text("qr_hand_off"),
    };
    bytes
        .text(exchange.recorded_by.as_str())
        .text(exchange.device.as_str())
        .signed(exchange.recorded_at.0)
        .option(exchange.group.as_ref().map(|id| id.as_str()))
        .option(exchange.reversal_of.as_ref().map(ExchangeId::as_str))
        .option(exchange.confirmer.as_ref().map(MemberId::as_str))
        .unsigned(seq);
    bytes
}

/// What a confirmation, rejection or override signs.
pub fn event_bytes(
    timebank: &str,
    exchange: &ExchangeId,
    event: &LifecycleEvent,
    device: &DeviceId,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(EVENT_TAG, timebank);
    bytes
        .text(exchange.as_str())
        .text(event.id.as_str())
        .text(event.action.code())
        .text(event.by.as_str())
        .text(device.as_str())
        .signed(event.at.0)
        .text(&event.note)
        .unsigned(seq);
    bytes
}

/// A coordinator's device vouching that `device` acts for `member`, in
/// `role`. The founding device's certificate is issued by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub device: DeviceKey,
    pub member: MemberId,
    pub role: Role,
    pub issuer: DeviceKey,
    pub issued_at: crate::time::Timestamp,
    pub seq: u64,
    /// A founding certificate's document heads (hex change hashes): what
    /// was in the document then is vouched for by the founding, and what
    /// came after is judged by its signatures. Signed with the rest (as a
    /// `tally/founding/1` record), so no later copy of the certificate can
    /// vouch for anything else. `None` for every other certificate, and
    /// for foundings written before the heads were signed.
    pub founded_on: Option<Vec<String>>,
    pub signature: Signature,
}

/// What a certificate's issuer signs.
pub fn certificate_bytes(
    timebank: &str,
    device: &DeviceKey,
    member: &MemberId,
    role: Role,
    issuer: &DeviceKey,
    issued_at: crate::time::Timestamp,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(CERTIFICATE_TAG, timebank);
    bytes
        .key(device)
        .text(member.as_str())
        .text(role_name(role))
        .key(issuer)
        .signed(issued_at.0)
        .unsigned(seq);
    bytes
}

/// What a founding device signs when it founds a timebank's trust: its
/// own certificate as a coordinator (it is its own issuer), with the
/// document's heads it vouches for, signed sorted.
pub fn founding_bytes(
    timebank: &str,
    device: &DeviceKey,
    member: &MemberId,
    issued_at: crate::time::Timestamp,
    seq: u64,
    heads: &[String],
) -> Canonical {
    let mut bytes = Canonical::new(FOUNDING_TAG, timebank);
    bytes
        .key(device)
        .text(member.as_str())
        .signed(issued_at.0)
        .unsigned(seq)
        .heads(heads);
    bytes
}

impl Certificate {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        if let Some(heads) = &self.founded_on {
            return founding_bytes(
                timebank,
                &self.device,
                &self.member,
                self.issued_at,
                self.seq,
                heads,
            );
        }
        certificate_bytes(
            timebank,
            &self.device,
            &self.member,
            self.role,
            &self.issuer,
            self.issued_at,
            self.seq,
        )
    }

    /// Whether the issuer's key signed exactly this certificate for this
    /// timebank (not whether the issuer had the right to: see the ledger's
    /// authority rules). A founding is signed by its own device, as a
    /// coordinator: one that says otherwise was signed as nothing.
    pub fn is_signed(&self, timebank: &str) -> bool {
        let founding_as_founded = self.founded_on.is_none()
            || (self.issuer == self.device && self.role == Role::Coordinator);
        founding_as_founded
            && verify(
                &self.issuer,
                self.bytes(timebank).as_bytes(),
                &self.signature,
            )
    }

    /// A founding certificate: issued by its own device.
    pub fn is_founding(&self) -> bool {
        self.device == self.issuer
    }
}

/// A coordinator's device ending another device's powers: what the revoked
/// device wrote inside `cut` (the document's heads the revoker chose, as
/// hex change hashes) still counts; what it wrote after waits for a
/// coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    pub device: DeviceKey,
    pub cut: Vec<String>,
    pub by: DeviceKey,
    pub at: crate::time::Timestamp,
    pub reason: String,
    pub seq: u64,
    pub signature: Signature,
}

/// What a revocation's signer signs. The cut is signed sorted, so the same
/// heads always give the same bytes.
pub fn revocation_bytes(
    timebank: &str,
    device: &DeviceKey,
    cut: &[String],
    by: &DeviceKey,
    at: crate::time::Timestamp,
    reason: &str,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(REVOCATION_TAG, timebank);
    bytes
        .key(device)
        .heads(cut)
        .key(by)
        .signed(at.0)
        .text(reason)
        .unsigned(seq);
    bytes
}

impl Revocation {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        revocation_bytes(
            timebank,
            &self.device,
            &self.cut,
            &self.by,
            self.at,
            &self.reason,
            self.seq,
        )
    }

    pub fn is_signed(&self, timebank: &str) -> bool {
        verify(&self.by, self.bytes(timebank).as_bytes(), &self.signature)
    }
}

/// What a coordinator's device signs when it decides, for coordinator
/// `by`, that `what` of `subject` is now `value` (see
/// `schema::Decision`).
#[allow(clippy::too_many_arguments)]
pub fn decision_bytes(
    timebank: &str,
    id: &crate::ids::DecisionId,
    subject: &str,
    what: &str,
    value: &str,
    by: &MemberId,
    device: &DeviceKey,
    at: crate::time::Timestamp,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(DECISION_TAG, timebank);
    bytes
        .text(id.as_str())
        .text(subject)
        .text(what)
        .text(value)
        .text(by.as_str())
        .key(device)
        .signed(at.0)
        .unsigned(seq);
    bytes
}

/// What a coordinator's device signs when it resolves an attention item
/// (`item_key`, the same on every device) for the coordinator `by`.
pub fn resolution_bytes(
    timebank: &str,
    item_key: &str,
    by: &MemberId,
    device: &DeviceKey,
    at: crate::time::Timestamp,
    note: &str,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(RESOLUTION_TAG, timebank);
    bytes
        .text(item_key)
        .text(by.as_str())
        .key(device)
        .signed(at.0)
        .text(note)
        .unsigned(seq);
    bytes
}

/// A coordinator's decision that an exchange recorded on a device after the
/// device was revoked counts after all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub exchange: crate::ids::ExchangeId,
    pub by: DeviceKey,
    pub at: crate::time::Timestamp,
    pub seq: u64,
    pub signature: Signature,
}

/// What an acceptance's coordinator device signs.
pub fn acceptance_bytes(
    timebank: &str,
    exchange: &crate::ids::ExchangeId,
    by: &DeviceKey,
    at: crate::time::Timestamp,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(ACCEPTANCE_TAG, timebank);
    bytes
        .text(exchange.as_str())
        .key(by)
        .signed(at.0)
        .unsigned(seq);
    bytes
}

impl Acceptance {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        acceptance_bytes(timebank, &self.exchange, &self.by, self.at, self.seq)
    }

    pub fn is_signed(&self, timebank: &str) -> bool {
        verify(&self.by, self.bytes(timebank).as_bytes(), &self.signature)
    }
}

/// A coordinator device's word that it checked the signatures of every
/// exchange the document held at `heads`: each one it could judge verified,
/// except those of `unvouched` (the exchanges it found anything wrong with,
/// or could not check). A device opening the timebank for the first time
/// takes that word for the exchanges no change after `heads` touched,
/// instead of checking tens of thousands of signatures one by one; every
/// copy takes it alike, so they all count the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub heads: Vec<String>,
    pub unvouched: Vec<crate::ids::ExchangeId>,
    pub by: DeviceKey,
    pub at: crate::time::Timestamp,
    pub signature: Signature,
}

/// What a checkpoint's coordinator device signs (the exchanges sorted, so
/// the same list always gives the same bytes).
pub fn checkpoint_bytes(
    timebank: &str,
    heads: &[String],
    unvouched: &[crate::ids::ExchangeId],
    by: &DeviceKey,
    at: crate::time::Timestamp,
) -> Canonical {
    let mut bytes = Canonical::new(CHECKPOINT_TAG, timebank);
    bytes.heads(heads);
    let mut sorted: Vec<&str> = unvouched.iter().map(|id| id.as_str()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    bytes.unsigned(sorted.len() as u64);
    for id in sorted {
        bytes.text(id);
    }
    bytes.key(by).signed(at.0);
    bytes
}

impl Checkpoint {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        checkpoint_bytes(timebank, &self.heads, &self.unvouched, &self.by, self.at)
    }

    pub fn is_signed(&self, timebank: &str) -> bool {
        verify(&self.by, self.bytes(timebank).as_bytes(), &self.signature)
    }
}

/// A coordinator's device letting the holder of an invite's key certify one
/// device for `member`, in `role`. The key's private half travels in the
/// invite link (never in the document), so the device that opens the link
/// certifies itself even while the coordinator is offline. It certifies
/// once: an invite key that certified two devices certifies neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub key: DeviceKey,
    pub member: MemberId,
    pub role: Role,
    pub issuer: DeviceKey,
    pub issued_at: crate::time::Timestamp,
    pub seq: u64,
    pub signature: Signature,
}

/// What an invitation's coordinator device signs.
pub fn invitation_bytes(
    timebank: &str,
    key: &DeviceKey,
    member: &MemberId,
    role: Role,
    issuer: &DeviceKey,
    issued_at: crate::time::Timestamp,
    seq: u64,
) -> Canonical {
    let mut bytes = Canonical::new(INVITATION_TAG, timebank);
    bytes
        .key(key)
        .text(member.as_str())
        .text(role_name(role))
        .key(issuer)
        .signed(issued_at.0)
        .unsigned(seq);
    bytes
}

impl Invitation {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        invitation_bytes(
            timebank,
            &self.key,
            &self.member,
            self.role,
            &self.issuer,
            self.issued_at,
            self.seq,
        )
    }

    pub fn is_signed(&self, timebank: &str) -> bool {
        verify(
            &self.issuer,
            self.bytes(timebank).as_bytes(),
            &self.signature,
        )
    }
}

/// An invite's key pair, from the 32 random bytes the invite link carries.
/// Only the device that opens the link uses the private half, once, to sign
/// its own certificate.
pub struct InviteSecret(ed25519_dalek::SigningKey);

impl InviteSecret {
    pub fn from_seed(seed: [u8; 32]) -> InviteSecret {
        InviteSecret(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// The seed as the link carries it (64 hex digits); `None` if `text` is
    /// not one.
    pub fn parse(text: &str) -> Option<InviteSecret> {
        from_hex::<32>(text).map(InviteSecret::from_seed)
    }

    pub fn to_hex(&self) -> String {
        to_hex(self.0.as_bytes())
    }

    pub fn key(&self) -> DeviceKey {
        DeviceKey(self.0.verifying_key().to_bytes())
    }

    pub fn sign(&self, message: &[u8]) -> Signature {
        use ed25519_dalek::Signer;
        Signature(self.0.sign(message).to_bytes())
    }
}

impl fmt::Debug for InviteSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InviteSecret({})", self.key().fingerprint())
    }
}

/// A device that cannot write yet asking a coordinator to certify it for
/// `member`: written into the document (it reaches coordinators by sync or
/// by a swapped file) and signed by the device's own key, so it names a key
/// its writer holds. It gives no power: a coordinator compares the key's
/// fingerprint with the one on the asking device's screen, then certifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub device: DeviceKey,
    pub member: MemberId,
    /// What the person calls the device ("Ann's phone"); may be empty.
    pub name: String,
    pub at: crate::time::Timestamp,
    pub signature: Signature,
}

/// What an asking device signs.
pub fn request_bytes(
    timebank: &str,
    device: &DeviceKey,
    member: &MemberId,
    name: &str,
    at: crate::time::Timestamp,
) -> Canonical {
    let mut bytes = Canonical::new(REQUEST_TAG, timebank);
    bytes
        .key(device)
        .text(member.as_str())
        .text(name)
        .signed(at.0);
    bytes
}

impl Request {
    pub fn bytes(&self, timebank: &str) -> Canonical {
        request_bytes(timebank, &self.device, &self.member, &self.name, self.at)
    }

    pub fn is_signed(&self, timebank: &str) -> bool {
        verify(
            &self.device,
            self.bytes(timebank).as_bytes(),
            &self.signature,
        )
    }
}

pub(crate) fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coordinator => "coordinator",
    }
}

pub(crate) fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

pub(crate) fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != N * 2 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut bytes = [0u8; N];
    for (index, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(index * 2..index * 2 + 2)?, 16).ok()?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests;
