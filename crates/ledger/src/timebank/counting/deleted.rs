//! Signed exchanges deleted from the document still count: a member's
//! modified app deleting an exchange they owed hours for would otherwise
//! take those hours off the balances on every copy.
//!
//! A deleted record leaves a gap in its device's run of numbers (see
//! `sequence_gaps`); the numbers missing are looked for among the seals the
//! history holds (`schema::deleted_sealed_exchanges`). An exchange found so
//! is judged as it was written, with its seal: if it would count, it counts
//! and is flagged `DeletedAfterSigning`; if not, it stays gone. Only a gap
//! starts the search, so every copy of a document finds the same ones (an
//! exchange deleted while it is its device's latest is found once the
//! device signs another record).

use std::collections::{BTreeSet, HashSet};

use super::super::Timebank;
use super::super::signing::SEAL_MESSAGE;
use crate::ids::{DeviceId, ExchangeId};
use crate::schema;

impl Timebank {
    /// Looks for the signed exchanges missing from their devices' runs
    /// among the deleted ones, and counts those found. The history is read
    /// again only when the numbers missing changed, or when `deleted` (an
    /// exchange was just deleted: it may be one of them).
    pub(in crate::timebank) fn find_deleted(&mut self, deleted: bool) {
        if !self.trust.is_founded() {
            return;
        }
        let numbers = self.seal_numbers();
        self.trust.highest = numbers
            .iter()
            .filter_map(|(device, seen)| Some((device.clone(), *seen.last()?)))
            .collect();
        let gaps: BTreeSet<(DeviceId, u64)> = self
            .gaps_in(&numbers)
            .into_iter()
            .flat_map(|gap| {
                let device = gap.device;
                gap.missing.into_iter().map(move |n| (device.clone(), n))
            })
            .collect();
        if gaps.is_empty() || (!deleted && self.trust.searched_for == gaps) {
            return;
        }
        let numbers: HashSet<u64> = gaps.iter().map(|(_, n)| *n).collect();
        self.trust.searched_for = gaps;
        let found = schema::deleted_sealed_exchanges(&mut self.doc, SEAL_MESSAGE, &numbers);
        for (exchange, created) in found {
            let id = exchange.id.clone();
            if self
                .trust
                .deleted
                .insert(id.clone(), (exchange, created))
                .is_none()
            {
                self.recount(&id);
            }
        }
    }

    /// After exchanges `arrived` (read and judged): looks for deleted ones
    /// if one was just `deleted`, or if a number arrived past the next one
    /// its device was at (the numbers between may be a deleted record's;
    /// reading every exchange's numbers after each change that arrives
    /// would cost more than judging them).
    pub(in crate::timebank) fn find_deleted_after(
        &mut self,
        arrived: &[ExchangeId],
        deleted: bool,
    ) {
        if !self.trust.is_founded() {
            return;
        }
        let mut jumped = false;
        for id in arrived {
            let Some(exchange) = self.exchanges.get(id) else {
                continue;
            };
            let seals = exchange
                .seal
                .map(|seal| (&exchange.device, seal.seq))
                .into_iter()
                .chain(
                    exchange
                        .events
                        .iter()
                        .filter_map(|event| Some((event.device.as_ref()?, event.seal?.seq))),
                );
            for (device, number) in seals {
                let highest = self.trust.highest.entry(device.clone()).or_default();
                jumped |= number > *highest + 1;
                *highest = (*highest).max(number);
            }
        }
        if deleted || jumped {
            self.find_deleted(deleted);
        }
    }
}
