//! The exchanges as this device counts them, by id, with each account's
//! exchanges at hand: a coordinator's list of one member's exchanges reads
//! the few that are theirs instead of every exchange of the timebank.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Deref;

use crate::ids::{Account, ExchangeId};
use crate::model::Exchange;

/// Every exchange by id (read through `Deref`), and the ids of each
/// account's exchanges. Changed only through its own `insert`, `remove`
/// and `clear`, so the two always agree.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExchangeBook {
    by_id: BTreeMap<ExchangeId, Exchange>,
    by_account: HashMap<Account, BTreeSet<ExchangeId>>,
}

impl ExchangeBook {
    /// Puts `exchange` under `id`, in place of what was there.
    pub(crate) fn insert(&mut self, id: ExchangeId, exchange: Exchange) -> Option<Exchange> {
        for account in [&exchange.payer, &exchange.payee] {
            self.by_account
                .entry(account.clone())
                .or_default()
                .insert(id.clone());
        }
        let before = self.by_id.insert(id.clone(), exchange);
        if let Some(before) = &before {
            self.forget_accounts(&id, before);
        }
        before
    }

    pub(crate) fn remove(&mut self, id: &ExchangeId) -> Option<Exchange> {
        let removed = self.by_id.remove(id);
        if let Some(removed) = &removed {
            self.forget_accounts(id, removed);
        }
        removed
    }

    pub(crate) fn clear(&mut self) {
        self.by_id.clear();
        self.by_account.clear();
    }

    /// The exchanges `account` gave or received help in, by id.
    pub(crate) fn of_account(&self, account: &Account) -> impl Iterator<Item = &Exchange> {
        self.by_account
            .get(account)
            .into_iter()
            .flatten()
            .filter_map(|id| self.by_id.get(id))
    }

    /// Takes `id` out of the accounts of `old` that the exchange now under
    /// `id` (if any) no longer names.
    fn forget_accounts(&mut self, id: &ExchangeId, old: &Exchange) {
        let current = self.by_id.get(id);
        for account in [&old.payer, &old.payee] {
            if current.is_some_and(|e| e.payer == *account || e.payee == *account) {
                continue;
            }
            if let Some(ids) = self.by_account.get_mut(account) {
                ids.remove(id);
                if ids.is_empty() {
                    self.by_account.remove(account);
                }
            }
        }
    }
}

impl Deref for ExchangeBook {
    type Target = BTreeMap<ExchangeId, Exchange>;

    fn deref(&self) -> &Self::Target {
        &self.by_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    /// The book's index, worked out afresh from its exchanges.
    fn index_from_scratch(book: &ExchangeBook) -> HashMap<Account, BTreeSet<ExchangeId>> {
        let mut index: HashMap<Account, BTreeSet<ExchangeId>> = HashMap::new();
        for (id, e) in book.iter() {
            for account in [&e.payer, &e.payee] {
                index.entry(account.clone()).or_default().insert(id.clone());
            }
        }
        index
    }

    fn member(n: u8) -> Account {
        Account::Member(MemberId::parse(&format!("{n:032x}")).unwrap())
    }

    fn exchange_id(n: u8) -> ExchangeId {
        ExchangeId::parse(&format!("{n:032x}")).unwrap()
    }

    fn exchange(id: ExchangeId, payer: Account, payee: Account) -> Exchange {
        let someone = MemberId::parse(&format!("{:032x}", 99)).unwrap();
        Exchange {
            id,
            payer,
            payee,
            minutes: 60,
            service_date: crate::time::Date::from_ymd(2026, 12, 1).unwrap(),
            description: "Gardening".into(),
            category: None,
            kind: crate::model::ExchangeKind::Service,
            channel: crate::model::Channel::App,
            recorded_by: someone,
            device: crate::ids::DeviceId::parse(&format!("{:032x}", 7)).unwrap(),
            recorded_at: crate::time::Timestamp(0),
            group: None,
            reversal_of: None,
            confirmer: None,
            events: Vec::new(),
            seal: None,
        }
    }

    proptest::proptest! {
        /// Whatever is put in, replaced (with other parties) and taken
        /// out, each account's exchanges are exactly those that name it.
        #[test]
        fn each_account_lists_exactly_the_exchanges_that_name_it(
            steps in proptest::collection::vec((0u8..3, 0u8..6, 0u8..5, 0u8..5), 0..60)
        ) {
            let mut book = ExchangeBook::default();
            for (step, id, payer, payee) in steps {
                let id = exchange_id(id);
                match step {
                    0 | 1 => {
                        let payer = if payer == 0 { Account::CommunityFund } else { member(payer) };
                        book.insert(id.clone(), exchange(id, payer, member(payee + 10)));
                    }
                    _ => {
                        book.remove(&id);
                    }
                }
                proptest::prop_assert_eq!(&book.by_account, &index_from_scratch(&book));
                for account in index_from_scratch(&book).keys() {
                    let listed: Vec<&ExchangeId> = book.of_account(account).map(|e| &e.id).collect();
                    let naming: Vec<&ExchangeId> = book
                        .values()
                        .filter(|e| e.payer == *account || e.payee == *account)
                        .map(|e| &e.id)
                        .collect();
                    proptest::prop_assert_eq!(listed, naming);
                }
            }
            book.clear();
            proptest::prop_assert!(book.by_account.is_empty());
        }
    }
}
