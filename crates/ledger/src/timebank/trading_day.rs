//! A trading day: the paper slips of one day entered in a row, with the
//! totals a coordinator checks against the paper tally at the end of the day.

use std::collections::BTreeMap;

use crate::ids::{Account, ExchangeId};
use crate::model::{Channel, Exchange, ExchangeKind};
use crate::time::Date;

use super::Timebank;

/// What a day's slips add up to. Derived from the document alone, so every
/// tablet that has the same slips shows the same summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TradingDay {
    pub date: Date,
    /// The day's slips, most recently entered first.
    pub slips: Vec<ExchangeId>,
    /// Slips that count (not rejected, not reversed).
    pub count: usize,
    pub total_minutes: u64,
    /// Slips entered but since rejected or reversed: not in the totals.
    pub struck_out: usize,
    /// For each member on a counted slip: minutes given and minutes received.
    pub per_account: BTreeMap<Account, AccountTotals>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AccountTotals {
    pub given_minutes: u64,
    pub received_minutes: u64,
    pub slips: usize,
}

impl Exchange {
    /// Whether this exchange was entered from a paper slip or tally sheet.
    pub fn from_paper(&self) -> bool {
        matches!(
            self.channel,
            Channel::PaperSlip { .. } | Channel::TradingDayTally
        ) && self.kind == ExchangeKind::Service
            && self.reversal_of.is_none()
    }
}

impl Timebank {
    /// The paper slips whose service date is `date`, from every device.
    pub fn trading_day(&self, date: Date) -> TradingDay {
        let mut slips: Vec<&Exchange> = self
            .exchanges
            .values()
            .filter(|e| e.service_date == date && e.from_paper())
            .collect();
        slips.sort_by(|a, b| (b.recorded_at, &b.id).cmp(&(a.recorded_at, &a.id)));
        let mut day = TradingDay {
            date,
            slips: slips.iter().map(|e| e.id.clone()).collect(),
            count: 0,
            total_minutes: 0,
            struck_out: 0,
            per_account: BTreeMap::new(),
        };
        for slip in slips {
            if !self.still_counts(&slip.id) {
                day.struck_out += 1;
                continue;
            }
            let minutes = u64::from(slip.minutes);
            day.count += 1;
            day.total_minutes += minutes;
            let giver = day.per_account.entry(slip.payee.clone()).or_default();
            giver.given_minutes += minutes;
            giver.slips += 1;
            let receiver = day.per_account.entry(slip.payer.clone()).or_default();
            receiver.received_minutes += minutes;
            receiver.slips += 1;
        }
        day
    }
}
