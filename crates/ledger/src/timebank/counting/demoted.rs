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
//! The same goes for the trust records such a device signed (certificates,
//! invitations, revocations, acceptances): those outside the cut count for
//! nothing, so a coordinator demoted cannot certify a device to act for
//! someone else, nor another coordinator's device to undo the decision.
//! Who is demoted depends on the decisions, and which decisions count on
//! the devices' certificates: the decisions are folded in the order they
//! were made, each judged under the authority the decisions before it left
//! (so a device certified by a coordinator demoted before cannot undo the
//! demotion), and the trust is then read again under the authority the
//! last of them left. Every copy goes the same way from the same document.
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
use crate::trust::{Authority, DeviceKey, RecordRef, Standing};

impl Timebank {
    /// Notes, once the decisions are folded, the members with a
    /// coordinator's device who do not coordinate, each with the cut of the
    /// decision that took that away (none: they never did): true if that
    /// changed what counts (the trust is then read again).
    pub(in crate::timebank) fn know_demotions(
        &mut self,
        demoted: HashMap<MemberId, Vec<String>>,
    ) -> bool {
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
        // What their devices certified, invited, revoked and accepted since
        // is set aside: the trust is read again.
        self.trust.reread_due = true;
        true
    }

    /// The authority without what the devices of the `demoted` signed
    /// outside their cuts (the one read, if nobody is).
    pub(in crate::timebank) fn authority_without(
        &self,
        demoted: &HashMap<MemberId, Vec<String>>,
    ) -> Authority {
        let unfiltered = self.trust.unfiltered();
        if demoted.is_empty() {
            return unfiltered.clone();
        }
        let kept = self.without_demoted(&self.trust.records, unfiltered, demoted);
        self.decide_authority(&self.trust.roots, &kept)
    }

    /// `records` without what a demoted coordinator's device (under
    /// `authority`, before anything is set aside) signed outside the cut of
    /// the decision that demoted them: a certificate, an invitation, a
    /// revocation or an acceptance. (Foundings are the roots' business.)
    pub(super) fn without_demoted(
        &self,
        records: &schema::TrustRecords,
        authority: &Authority,
        demoted: &HashMap<MemberId, Vec<String>>,
    ) -> schema::TrustRecords {
        let doc = &self.doc;
        let keeps = |by: &DeviceKey, record: RecordRef<'_>| {
            authority
                .devices
                .get(by)
                .filter(|standing| standing.role == Role::Coordinator)
                .and_then(|standing| demoted.get(&standing.member))
                .is_none_or(|cut| !cut.is_empty() && schema::trust_record_at(doc, record, cut))
        };
        schema::TrustRecords {
            certificates: records
                .certificates
                .iter()
                .filter(|c| c.is_founding() || keeps(&c.issuer, RecordRef::Certificate(c)))
                .cloned()
                .collect(),
            revocations: records
                .revocations
                .iter()
                .filter(|r| keeps(&r.by, RecordRef::Revocation(r)))
                .cloned()
                .collect(),
            invitations: records
                .invitations
                .iter()
                .filter(|i| keeps(&i.issuer, RecordRef::Invitation(i)))
                .cloned()
                .collect(),
            acceptances: records
                .acceptances
                .iter()
                .filter(|a| keeps(&a.by, RecordRef::Acceptance(a)))
                .cloned()
                .collect(),
        }
    }

    /// Whether the member a device of `standing` acts for was demoted (so
    /// its checkpoints are not taken, and it signs no trust record).
    pub(in crate::timebank) fn demoted(&self, standing: &Standing) -> bool {
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
