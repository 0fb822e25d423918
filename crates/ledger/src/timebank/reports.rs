//! Reports by month, and locking a month so its published figures never change.

use crate::error::LedgerError;
use crate::ids::MemberId;
use crate::model::Exchange;
use crate::reports::{self, MonthReport, PeriodLock};
use crate::schema;
use crate::time::{Month, Timestamp};

use super::Timebank;

impl Timebank {
    /// One report line per month from `from` to `to` inclusive. A locked
    /// month shows the figures it was locked with.
    pub fn report(&self, from: Month, to: Month) -> Vec<MonthReport> {
        let mut months = Vec::new();
        let mut month = from;
        while month <= to {
            months.push(self.month_report(month));
            month = month.next();
        }
        months
    }

    pub fn month_report(&self, month: Month) -> MonthReport {
        if let Some(lock) = self.locks.get(&month) {
            return MonthReport {
                month,
                figures: lock.figures.clone(),
                lock: Some(lock.clone()),
            };
        }
        let (figures, _) = self.compute_month(month);
        MonthReport {
            month,
            figures,
            lock: None,
        }
    }

    /// Exchanges dated in a locked month that its published figures do not
    /// match, so that none vanishes from the reports: counted now but not
    /// when the month was locked (`true`: recorded or confirmed after the
    /// lock), or counted then and no longer (`false`); by month, then date.
    pub fn changed_since_lock(&self) -> Vec<(Month, &Exchange, bool)> {
        let mut changed: Vec<(Month, &Exchange, bool)> = self
            .exchanges
            .values()
            .filter_map(|exchange| {
                let lock = self.locks.get(&Month::of(exchange.service_date))?;
                let counted = self.counts(&exchange.id);
                (counted != lock.included(&exchange.id)).then_some((lock.month, exchange, counted))
            })
            .collect();
        // (The day orders the months too.)
        changed.sort_by(|(_, a, _), (_, b, _)| {
            (a.service_date, a.recorded_at, &a.id).cmp(&(b.service_date, b.recorded_at, &b.id))
        });
        changed
    }

    /// Whether `month`'s figures are locked (published).
    pub fn is_locked(&self, month: Month) -> bool {
        self.locks.contains_key(&month)
    }

    pub fn locks(&self) -> impl Iterator<Item = &PeriodLock> {
        self.locks.values()
    }

    /// Locks a month that is over: its figures are stored as published, and
    /// anything that later changes them goes to the attention queue instead.
    pub fn lock_month(
        &mut self,
        by: &MemberId,
        month: Month,
        now: Timestamp,
    ) -> Result<(), LedgerError> {
        self.require_coordinator(by)?;
        if month.last_day() >= now.date() {
            return Err(LedgerError::MonthNotOver(month));
        }
        if self.locks.contains_key(&month) {
            return Err(LedgerError::MonthAlreadyLocked(month));
        }
        let (figures, included) = self.compute_month(month);
        let lock = PeriodLock {
            month,
            locked_at: now,
            locked_by: by.clone(),
            figures,
            included,
        };
        // Once the trust is founded, a lock counts only as a coordinator's
        // signed decision (see `decisions`).
        let decision = self.lock_decision(by, &lock, now)?;
        self.write_deciding(now, "lock report period", decision.as_slice(), |doc| {
            schema::write_lock(doc, &lock)
        })?;
        self.locks.insert(month, lock);
        self.apply_decisions();
        Ok(())
    }

    fn compute_month(
        &self,
        month: Month,
    ) -> (reports::Figures, std::collections::BTreeSet<String>) {
        reports::compute(
            month,
            self.exchanges
                .values()
                .filter(|e| self.balances.counts(&e.id)),
            self.members.values(),
            self.settings.hourly_value_pence,
        )
    }
}
