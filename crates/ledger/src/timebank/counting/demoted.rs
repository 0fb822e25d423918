//! A coordinator no longer one: once a decision that counts takes a
//! member's coordinator role away (or they leave), each of their devices
//! certified as a coordinator's keeps a coordinator's powers only for what
//! it wrote inside that decision's cut (the decision's change and its
//! history), as a revocation's cut does for everything. What it wrote
//! after, or on a copy that had not heard of the decision (a tablet kept
//! offline, or a modified app writing at old heads), is judged as a
//! member's device's record. A later decision that makes them a
//! coordinator again gives the powers back.
//!
//! A coordinator certificate for a member whom no decision (nor the
//! founding) ever made a coordinator gives no coordinator's power at all.
//! The checkpoint of a demoted coordinator's device is not taken.

use std::collections::{HashMap, HashSet};

use automerge::ChangeHash;

use super::super::Timebank;
use crate::ids::{ExchangeId, LogEntryId, MemberId};
use crate::model::Role;
use crate::schema;
use crate::trust::Standing;

impl Timebank {
    /// Notes, once the decisions are folded, the members with a
    /// coordinator's device who no longer coordinate (`coordinates` says
    /// who does), each with the change of the decision that took that away
    /// (`demoted_in`): true if that changed what counts.
    pub(in crate::timebank) fn know_demotions(
        &mut self,
        demoted_in: &HashMap<MemberId, ChangeHash>,
        coordinates: impl Fn(&MemberId) -> bool,
    ) -> bool {
        let demoted: HashMap<MemberId, Vec<String>> = self
            .trust
            .authority()
            .devices
            .values()
            .filter(|standing| standing.role == Role::Coordinator && !coordinates(&standing.member))
            .map(|standing| {
                let cut = demoted_in
                    .get(&standing.member)
                    .map(|change| vec![change.to_string()])
                    .unwrap_or_default();
                (standing.member.clone(), cut)
            })
            .collect();
        if demoted == self.trust.demoted {
            return false;
        }
        for cut in demoted.values() {
            if self.trust.cuts.contains_key(cut) {
                continue;
            }
            // (A decision's change is in this copy: it was read from it.)
            let heads: Vec<ChangeHash> = cut.iter().filter_map(|h| h.parse().ok()).collect();
            let inside = if heads.is_empty() {
                Default::default()
            } else {
                schema::records_at(&mut self.doc, &heads, None)
            };
            self.trust.cuts.insert(cut.clone(), inside);
        }
        let vouched_by_demoted = self.trust.vouch.by().is_some_and(|key| {
            self.trust
                .authority()
                .devices
                .get(key)
                .is_some_and(|standing| demoted.contains_key(&standing.member))
        });
        if vouched_by_demoted {
            self.trust.vouch = Default::default();
        }
        self.trust.demoted = demoted;
        true
    }

    /// Whether the member a device of `standing` acts for was demoted (so
    /// its checkpoints are not taken).
    pub(super) fn demoted(&self, standing: &Standing) -> bool {
        self.trust.demoted.contains_key(&standing.member)
    }

    /// Whether the device of `standing` had a coordinator's powers for a
    /// record (`inside` says whether a cut's records hold it).
    pub(super) fn coordinates(
        &self,
        standing: &Standing,
        inside: impl Fn(&(HashSet<ExchangeId>, HashSet<LogEntryId>)) -> bool,
    ) -> bool {
        standing.role == Role::Coordinator
            && self
                .trust
                .demoted
                .get(&standing.member)
                .is_none_or(|cut| self.trust.cuts.get(cut).is_some_and(inside))
    }
}
