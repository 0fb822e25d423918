//! The signatures this device has checked already, kept between openings
//! so that a timebank opened again checks only what is new: the first
//! opening of a large timebank checks every signature (tens of thousands,
//! seconds on a phone), the next ones look each up.
//!
//! What is kept is a fingerprint of each signature that verified: the first
//! 8 bytes of SHA-256 over a salt, the key, the signature and the exact bytes
//! it signs. A record edited since has other bytes and is checked again; a
//! record that did not verify is never kept. The salt is this device's own
//! (random, written in the kept bytes, never sent anywhere), so nobody who
//! writes records can aim one at a fingerprint kept here. The kept bytes are
//! a cache and nothing else: missing, damaged or from another timebank, they
//! only make the opening slower, and deciding what counts never depends on
//! them.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use sha2::{Digest, Sha256};

use crate::ids::Entropy;
use crate::trust::{self, DeviceKey, Signature};

use super::Timebank;

/// The kept bytes begin with this (the format's name and version).
const MAGIC: &[u8] = b"tally-checked/1\n";

type Fingerprint = [u8; 8];

/// The fingerprints known from the last opening, and those this session
/// checked or found again (the ones kept for the next).
#[derive(Debug, Clone)]
pub(super) struct Checked {
    salt: [u8; 16],
    known: HashSet<Fingerprint>,
    seen: RefCell<HashSet<Fingerprint>>,
    /// How many signatures this session checked on the curve (not found).
    checks: Cell<usize>,
    /// How many checks a checkpoint answered (see `Timebank::verifies`).
    vouched: Cell<usize>,
}

impl Checked {
    /// A new, empty memory, with a salt of its own.
    pub(super) fn new(entropy: &mut dyn Entropy) -> Checked {
        let mut salt = [0; 16];
        entropy.fill(&mut salt);
        Checked {
            salt,
            known: HashSet::new(),
            seen: RefCell::default(),
            checks: Cell::new(0),
            vouched: Cell::new(0),
        }
    }

    /// The memory kept by [`Checked::to_bytes`]; a new one if `bytes` are
    /// not such (empty, cut short or damaged).
    pub(super) fn from_bytes(bytes: &[u8], entropy: &mut dyn Entropy) -> Checked {
        let parsed = (|| {
            let rest = bytes.strip_prefix(MAGIC)?;
            let (salt, prints) = rest.split_first_chunk::<16>()?;
            let (prints, []) = prints.as_chunks::<8>() else {
                return None;
            };
            Some(Checked {
                salt: *salt,
                known: prints.iter().copied().collect(),
                seen: RefCell::default(),
                checks: Cell::new(0),
                vouched: Cell::new(0),
            })
        })();
        parsed.unwrap_or_else(|| Checked::new(entropy))
    }

    /// What to keep for the next opening: the fingerprints of the
    /// signatures this session checked or found again (those of records
    /// gone since are dropped), in a fixed order.
    pub(super) fn to_bytes(&self) -> Vec<u8> {
        let mut prints: Vec<Fingerprint> = self.seen.borrow().iter().copied().collect();
        prints.sort_unstable();
        let mut bytes = Vec::with_capacity(MAGIC.len() + 16 + prints.len() * 8);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.salt);
        for print in prints {
            bytes.extend_from_slice(&print);
        }
        bytes
    }

    fn fingerprint(&self, key: &DeviceKey, message: &[u8], signature: &Signature) -> Fingerprint {
        let digest = Sha256::new()
            .chain_update(self.salt)
            .chain_update(key.as_bytes())
            .chain_update(signature.as_bytes())
            .chain_update(message)
            .finalize();
        let mut print = [0; 8];
        print.copy_from_slice(&digest[..8]);
        print
    }

    /// Whether `signature` by `key` verifies over `message`: looked up if
    /// this device checked it before, checked (and remembered) if not.
    pub(super) fn verify(&self, key: &DeviceKey, message: &[u8], signature: &Signature) -> bool {
        let print = self.fingerprint(key, message, signature);
        let known = self.known.contains(&print) || self.seen.borrow().contains(&print);
        let verifies = known || {
            self.checks.set(self.checks.get() + 1);
            trust::verify(key, message, signature)
        };
        if verifies {
            self.seen.borrow_mut().insert(print);
        }
        verifies
    }
}

impl Timebank {
    /// The signatures this copy has checked, for the app to keep beside
    /// the document and hand to [`Timebank::load_remembering`] the next
    /// time: a cache, which only saves time.
    pub fn checked_signatures(&self) -> Vec<u8> {
        self.checked.to_bytes()
    }

    /// How many signatures this copy has checked since it was opened (those
    /// it found among the ones checked before are not counted).
    pub fn signatures_checked(&self) -> usize {
        self.checked.checks.get()
    }

    /// How many signature checks this copy answered with a checkpoint's
    /// word since it was opened (see `counting/vouch.rs`).
    pub fn signatures_vouched(&self) -> usize {
        self.checked.vouched.get()
    }

    /// Whether `signature` by `key` verifies over `message`, a part of
    /// exchange `id`: by the word of the checkpoint taken, if it covers
    /// the exchange; remembered, or checked, if not.
    pub(super) fn verifies(
        &self,
        id: &crate::ids::ExchangeId,
        key: &DeviceKey,
        message: &[u8],
        signature: &Signature,
    ) -> bool {
        if self.trust.vouch.covers(id) {
            self.checked.vouched.set(self.checked.vouched.get() + 1);
            return true;
        }
        self.checked.verify(key, message, signature)
    }
}
