//! Balances, derived from the exchanges that count and kept up to date
//! exchange by exchange, never stored in the document.
//!
//! An exchange counts when it stands (not rejected by its log), is not
//! doubted (see `timebank::counting`) and, if it is a
//! reversal, when its original counts and it is the original's first standing
//! reversal (by time recorded, then id). So two devices that reverse the same
//! exchange while offline still reverse it exactly once after they merge.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::ids::{Account, ExchangeId};
use crate::model::Exchange;
use crate::time::Timestamp;

#[derive(Debug, Default, Clone)]
pub struct Balances {
    totals: HashMap<Account, i64>,
    /// The transfer each counted exchange contributes.
    counted: HashMap<ExchangeId, (Account, Account, i64)>,
    /// Reversals of each original, in precedence order.
    reversals: HashMap<ExchangeId, BTreeSet<(Timestamp, ExchangeId)>>,
}

impl Balances {
    /// A member's or the fund's balance in minutes (zero if it never traded).
    pub fn of(&self, account: &Account) -> i64 {
        self.totals.get(account).copied().unwrap_or(0)
    }

    pub fn all(&self) -> &HashMap<Account, i64> {
        &self.totals
    }

    pub fn counts(&self, exchange: &ExchangeId) -> bool {
        self.counted.contains_key(exchange)
    }

    /// Whether `original` counts and one of its reversals counts too, so
    /// that together they cancel out.
    pub fn is_reversed(&self, original: &ExchangeId) -> bool {
        self.counts(original)
            && self
                .reversals
                .get(original)
                .is_some_and(|set| set.iter().any(|(_, id)| self.counts(id)))
    }

    /// Reversals recorded for `original`, earliest first.
    pub fn reversals_of(&self, original: &ExchangeId) -> Vec<ExchangeId> {
        self.reversals
            .get(original)
            .map(|set| set.iter().map(|(_, id)| id.clone()).collect())
            .unwrap_or_default()
    }

    /// Brings balances up to date after `changed` was added or its log grew.
    /// Touches only that exchange, its original and the original's reversals.
    pub fn update(
        &mut self,
        changed: &ExchangeId,
        exchanges: &BTreeMap<ExchangeId, Exchange>,
        doubts: &BTreeMap<ExchangeId, crate::timebank::Doubt>,
    ) {
        let mut affected = vec![changed.clone()];
        if let Some(exchange) = exchanges.get(changed)
            && let Some(original) = &exchange.reversal_of
        {
            self.reversals
                .entry(original.clone())
                .or_default()
                .insert((exchange.recorded_at, changed.clone()));
            affected.push(original.clone());
        }
        let mut family = Vec::new();
        for id in &affected {
            family.extend(self.reversals_of(id));
        }
        affected.extend(family);
        affected.sort();
        affected.dedup();
        // Originals before reversals: a reversal's standing reads its original's.
        affected.sort_by_key(|id| exchanges.get(id).is_some_and(|e| e.reversal_of.is_some()));
        for id in affected {
            let contribution = exchanges
                .get(&id)
                .filter(|exchange| self.should_count(exchange, exchanges, doubts))
                .map(|e| (e.payer.clone(), e.payee.clone(), i64::from(e.minutes)));
            self.set(&id, contribution);
        }
    }

    fn should_count(
        &self,
        exchange: &Exchange,
        exchanges: &BTreeMap<ExchangeId, Exchange>,
        doubts: &BTreeMap<ExchangeId, crate::timebank::Doubt>,
    ) -> bool {
        if !exchange.stands() || doubts.get(&exchange.id).is_some_and(|d| d.withholds()) {
            return false;
        }
        let Some(original) = &exchange.reversal_of else {
            return true;
        };
        if !self.counted.contains_key(original) {
            return false;
        }
        let first_standing = self.reversals.get(original).and_then(|set| {
            set.iter()
                .map(|(_, id)| id)
                .find(|id| exchanges.get(*id).is_some_and(Exchange::stands))
        });
        first_standing == Some(&exchange.id)
    }

    fn set(&mut self, id: &ExchangeId, contribution: Option<(Account, Account, i64)>) {
        if let Some((payer, payee, minutes)) = self.counted.remove(id) {
            *self.totals.entry(payer).or_default() += minutes;
            *self.totals.entry(payee).or_default() -= minutes;
        }
        if let Some((payer, payee, minutes)) = contribution {
            *self.totals.entry(payer.clone()).or_default() -= minutes;
            *self.totals.entry(payee.clone()).or_default() += minutes;
            self.counted.insert(id.clone(), (payer, payee, minutes));
        }
    }
}
