//! Writing checkpoints: a coordinator's device, once many exchanges were
//! written since the last checkpoint it could take, vouches for the
//! signatures it checked (see [`crate::trust::Checkpoint`]), so that a
//! device opening the timebank for the first time checks only what
//! changed after it.

use std::collections::BTreeSet;

use super::Timebank;
use crate::error::LedgerError;
use crate::ids::ExchangeId;
use crate::schema;
use crate::time::Timestamp;
use crate::trust::{Checkpoint, Signature, checkpoint_bytes};

/// A checkpoint is due once this many exchanges were written after the one
/// taken (or, with none taken, once the timebank holds this many): a first
/// opening then checks at most about this many signatures one by one.
pub const CHECKPOINT_EVERY: usize = 1_000;

/// A checkpoint waiting for its coordinator device's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointDraft {
    pub heads: Vec<String>,
    pub unvouched: Vec<ExchangeId>,
    pub at: Timestamp,
    pub bytes: Vec<u8>,
}

impl Timebank {
    /// Whether this device (a certified coordinator's) should write a
    /// checkpoint now.
    pub fn checkpoint_due(&self) -> bool {
        let Some(key) = self.device_key else {
            return false;
        };
        if !self.trust.is_founded()
            || !self.trust_settled()
            || self.require_coordinator_device(&key).is_err()
        {
            return false;
        }
        let written = self
            .trust
            .vouch
            .written_since()
            .unwrap_or(self.exchanges.len());
        written >= CHECKPOINT_EVERY
    }

    /// This device's checkpoint of the document as it is: every exchange it
    /// judged with nothing wrong is vouched for (each of its signatures was
    /// checked, by this device or by the word of the checkpoint it took);
    /// the others are named.
    pub fn prepare_checkpoint(&mut self, now: Timestamp) -> Result<CheckpointDraft, LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        self.require_coordinator_device(&key)?;
        let heads: Vec<String> = self
            .doc
            .get_heads()
            .iter()
            .map(ToString::to_string)
            .collect();
        let unvouched: Vec<ExchangeId> = self
            .doubted()
            .map(|(id, _)| id.clone())
            .chain(self.doubted_events().map(|(id, _, _)| id.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let bytes = checkpoint_bytes(&self.info.id, &heads, &unvouched, &key, now).into_bytes();
        Ok(CheckpointDraft {
            heads,
            unvouched,
            at: now,
            bytes,
        })
    }

    pub fn add_checkpoint(
        &mut self,
        draft: CheckpointDraft,
        signature: Signature,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        let key = self.device_key.ok_or(LedgerError::NoDeviceKey)?;
        let checkpoint = Checkpoint {
            heads: draft.heads,
            unvouched: draft.unvouched,
            by: key,
            at: draft.at,
            signature,
        };
        if !checkpoint.is_signed(&self.info.id) {
            return Err(LedgerError::BadSignature);
        }
        let unvouched = checkpoint.unvouched.clone();
        self.write(now, schema::CHECKPOINT_MESSAGE, |doc| {
            schema::write_checkpoint(doc, &checkpoint)
        })?;
        // Taking its own checkpoint changes no verdict: what it vouches for
        // is what this copy judged with nothing wrong; only the exchanges
        // it names are judged again (their signatures checked now). Any
        // other change to the trust is read as always.
        if self.take_own_checkpoint(&key) {
            for id in &unvouched {
                self.recount(id);
            }
        }
        self.reread_trust();
        Ok(())
    }
}
