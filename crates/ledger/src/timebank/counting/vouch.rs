//! Taking a checkpoint's word (see [`crate::trust::Checkpoint`]): a device
//! opening a large timebank for the first time checks the signatures of
//! what changed since the latest checkpoint, not of every exchange.
//!
//! Which checkpoint: among those whose coordinator device is certified and
//! not revoked (nor its coordinator demoted, see `demoted.rs`), whose signature verifies and whose heads this copy has, the
//! one with the fewest changes after it (then the lowest key), so that
//! copies of one document take the same one. It covers an exchange that no
//! change after its heads touched (nor a change this copy made or read
//! since, which judges the exchange again), unless it names it as one it
//! does not vouch for. For a covered exchange, each signature check the
//! counting rule makes is answered "verifies": the checkpoint's device made
//! the same checks on the same bytes and found them so. Everything else
//! (who may do what, revocations, edits) is judged as always.
//!
//! Taking that word is a coordinator's power, like vouching for the records
//! a timebank held when its trust was founded: a coordinator's device that
//! lied in a checkpoint would be lying about exchanges it could record
//! itself for any member.

use std::collections::HashSet;

use automerge::ChangeHash;

use super::super::Timebank;
use crate::ids::ExchangeId;
use crate::model::Role;
use crate::schema;
use crate::trust::{Authority, Checkpoint, DeviceKey};

/// The checkpoint taken, and what it does not cover.
#[derive(Debug, Clone, Default)]
pub(in crate::timebank) struct Vouch {
    /// Which checkpoint (its device and heads tell one from another).
    by: Option<DeviceKey>,
    heads: Vec<String>,
    /// Exchanges it names as not vouched for.
    unvouched: HashSet<ExchangeId>,
    /// Exchanges written after its heads (or judged again since).
    touched: HashSet<ExchangeId>,
    /// A change after its heads wrote what cannot be placed: it covers
    /// nothing (and is still the one taken, so it is not read again).
    covers_nothing: bool,
}

impl Vouch {
    /// Whether the checkpoint's word is taken for exchange `id`.
    pub(in crate::timebank) fn covers(&self, id: &ExchangeId) -> bool {
        self.by.is_some()
            && !self.covers_nothing
            && !self.touched.contains(id)
            && !self.unvouched.contains(id)
    }

    /// Exchange `id` is judged again (a change wrote it): no longer covered.
    pub(in crate::timebank) fn uncover(&mut self, id: &ExchangeId) {
        if self.by.is_some() {
            self.touched.insert(id.clone());
        }
    }

    /// How many exchanges were written since its heads (all of them, with
    /// no checkpoint taken).
    pub(in crate::timebank) fn written_since(&self) -> Option<usize> {
        self.by
            .filter(|_| !self.covers_nothing)
            .map(|_| self.touched.len())
    }

    /// The device whose checkpoint is taken, if any.
    pub(in crate::timebank) fn by(&self) -> Option<&DeviceKey> {
        self.by.as_ref()
    }

    fn same_checkpoint(&self, checkpoint: Option<&Checkpoint>) -> bool {
        match checkpoint {
            None => self.by.is_none(),
            Some(checkpoint) => self.by == Some(checkpoint.by) && self.heads == checkpoint.heads,
        }
    }
}

impl Timebank {
    /// The checkpoint to take under `authority`, if any (see the module's
    /// text).
    /// (With its heads, parsed.)
    fn checkpoint_to_take(
        &mut self,
        authority: &Authority,
    ) -> Option<(Checkpoint, Vec<ChangeHash>)> {
        let timebank = self.info.id.clone();
        let mut best: Option<(usize, Checkpoint, Vec<ChangeHash>)> = None;
        for checkpoint in schema::read_checkpoints(&self.doc) {
            let coordinator = authority
                .devices
                .get(&checkpoint.by)
                .is_some_and(|standing| {
                    standing.role == Role::Coordinator
                        && !standing.is_revoked()
                        && !self.demoted(standing)
                });
            let heads: Option<Vec<ChangeHash>> =
                checkpoint.heads.iter().map(|h| h.parse().ok()).collect();
            let Some(heads) = heads.filter(|heads| {
                !heads.is_empty()
                    && heads
                        .iter()
                        .all(|h| self.doc.get_change_by_hash(h).is_some())
            }) else {
                continue;
            };
            if !coordinator || !self.verifies_trust(&checkpoint, &timebank) {
                continue;
            }
            let after = self.doc.get_changes_meta(&heads).len();
            let better = best
                .as_ref()
                .is_none_or(|(fewest, chosen, _)| (after, checkpoint.by) < (*fewest, chosen.by));
            if better {
                best = Some((after, checkpoint, heads));
            }
        }
        best.map(|(_, checkpoint, heads)| (checkpoint, heads))
    }

    fn verifies_trust(&self, checkpoint: &Checkpoint, timebank: &str) -> bool {
        self.checked.verify(
            &checkpoint.by,
            checkpoint.bytes(timebank).as_bytes(),
            &checkpoint.signature,
        )
    }

    /// Takes the checkpoint device `key` (this one) just wrote, if it is
    /// the one to take: true if taken.
    pub(in crate::timebank) fn take_own_checkpoint(&mut self, key: &DeviceKey) -> bool {
        let authority = self.trust.authority().clone();
        match self.new_vouch(&authority) {
            Some(vouch) if vouch.by.as_ref() == Some(key) => {
                self.trust.vouch = vouch;
                true
            }
            _ => false,
        }
    }

    /// The vouch to take under `authority`: `None` if it is the one taken
    /// already (kept with what was judged since), else the new checkpoint's,
    /// read from the changes after its heads.
    pub(super) fn new_vouch(&mut self, authority: &Authority) -> Option<Vouch> {
        let checkpoint = self.checkpoint_to_take(authority);
        if self
            .trust
            .vouch
            .same_checkpoint(checkpoint.as_ref().map(|(checkpoint, _)| checkpoint))
        {
            return None;
        }
        let Some((checkpoint, heads)) = checkpoint else {
            return Some(Vouch::default());
        };
        let touched = schema::touched_since(&mut self.doc, &heads);
        Some(Vouch {
            by: Some(checkpoint.by),
            heads: checkpoint.heads,
            unvouched: checkpoint.unvouched.into_iter().collect(),
            touched: touched.exchanges.into_iter().collect(),
            covers_nothing: touched.everything,
        })
    }
}
