//! The exchanges as this device counts them, by id, with each account's
//! exchanges at hand, and each device's records with and without a seal: a
//! coordinator's list of one member's exchanges reads the few that are
//! theirs, and a device looking after each change for what it must still
//! sign, and for the last number it gave, reads its own records, instead of
//! every exchange of the timebank.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hash;
use std::ops::Deref;

use crate::ids::{Account, DeviceId, ExchangeId};
use crate::model::Exchange;

/// Ids of exchanges, listed under keys.
type Index<K> = HashMap<K, BTreeSet<ExchangeId>>;

/// Every exchange by id (read through `Deref`), the ids of each account's
/// exchanges, and for each device the ids of the exchanges that hold a
/// record naming it without a seal, and with one (the exchange itself or
/// an entry of its log). Changed only through its own `insert`, `remove`
/// and `clear`, so they always agree.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExchangeBook {
    by_id: BTreeMap<ExchangeId, Exchange>,
    by_account: Index<Account>,
    unsealed_by: Index<DeviceId>,
    sealed_by: Index<DeviceId>,
}

fn accounts(exchange: &Exchange) -> Vec<Account> {
    let mut accounts = vec![exchange.payer.clone(), exchange.payee.clone()];
    accounts.dedup();
    accounts
}

/// The devices `exchange` holds a record of with a seal (`sealed`), or
/// without one.
fn devices(exchange: &Exchange, sealed: bool) -> Vec<DeviceId> {
    let mut devices: Vec<DeviceId> = exchange
        .events
        .iter()
        .filter(|event| event.seal.is_some() == sealed)
        .filter_map(|event| event.device.clone())
        .collect();
    if exchange.seal.is_some() == sealed {
        devices.push(exchange.device.clone());
    }
    devices.sort();
    devices.dedup();
    devices
}

/// Lists `id` under each of `keys`.
fn list<K: Eq + Hash>(index: &mut Index<K>, id: &ExchangeId, keys: Vec<K>) {
    for key in keys {
        index.entry(key).or_default().insert(id.clone());
    }
}

/// Takes `id` out from under each of `old` that is not among `kept`.
fn unlist<K: Eq + Hash>(index: &mut Index<K>, id: &ExchangeId, old: Vec<K>, kept: &[K]) {
    for key in old {
        if kept.contains(&key) {
            continue;
        }
        if let Some(ids) = index.get_mut(&key) {
            ids.remove(id);
            if ids.is_empty() {
                index.remove(&key);
            }
        }
    }
}

/// The exchanges listed under `key`, by id.
fn listed<'a, K: Eq + Hash>(
    book: &'a ExchangeBook,
    index: &'a Index<K>,
    key: &K,
) -> impl Iterator<Item = &'a Exchange> {
    index
        .get(key)
        .into_iter()
        .flatten()
        .filter_map(|id| book.by_id.get(id))
}

impl ExchangeBook {
    /// Puts `exchange` under `id`, in place of what was there.
    pub(crate) fn insert(&mut self, id: ExchangeId, exchange: Exchange) -> Option<Exchange> {
        list(&mut self.by_account, &id, accounts(&exchange));
        list(&mut self.unsealed_by, &id, devices(&exchange, false));
        list(&mut self.sealed_by, &id, devices(&exchange, true));
        let before = self.by_id.insert(id.clone(), exchange);
        if let Some(before) = &before {
            self.forget(&id, before);
        }
        before
    }

    pub(crate) fn remove(&mut self, id: &ExchangeId) -> Option<Exchange> {
        let removed = self.by_id.remove(id);
        if let Some(removed) = &removed {
            self.forget(id, removed);
        }
        removed
    }

    pub(crate) fn clear(&mut self) {
        self.by_id.clear();
        self.by_account.clear();
        self.unsealed_by.clear();
        self.sealed_by.clear();
    }

    /// The exchanges `account` gave or received help in, by id.
    pub(crate) fn of_account(&self, account: &Account) -> impl Iterator<Item = &Exchange> {
        listed(self, &self.by_account, account)
    }

    /// The exchanges holding a record that names `device` and has no seal
    /// (the exchange itself, or an entry of its log), by id.
    pub(crate) fn unsealed_of(&self, device: &DeviceId) -> impl Iterator<Item = &Exchange> {
        listed(self, &self.unsealed_by, device)
    }

    /// The exchanges holding a record that names `device` and has a seal,
    /// by id.
    pub(crate) fn sealed_of(&self, device: &DeviceId) -> impl Iterator<Item = &Exchange> {
        listed(self, &self.sealed_by, device)
    }

    /// Takes `id` out from under what `old` was listed under and the
    /// exchange now under `id` (if any) is not.
    fn forget(&mut self, id: &ExchangeId, old: &Exchange) {
        let current = self.by_id.get(id);
        let kept_accounts = current.map(accounts).unwrap_or_default();
        let kept_devices = |sealed| current.map(|e| devices(e, sealed)).unwrap_or_default();
        let (unsealed, sealed) = (kept_devices(false), kept_devices(true));
        unlist(&mut self.by_account, id, accounts(old), &kept_accounts);
        unlist(&mut self.unsealed_by, id, devices(old, false), &unsealed);
        unlist(&mut self.sealed_by, id, devices(old, true), &sealed);
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
    use crate::ids::{LogEntryId, MemberId};
    use crate::model::{LifecycleAction, LifecycleEvent, Seal};

    /// The book's indexes, worked out afresh from its exchanges, record by
    /// record.
    fn from_scratch(book: &ExchangeBook) -> (Index<Account>, [Index<DeviceId>; 2]) {
        let mut accounts: Index<Account> = Default::default();
        let mut devices: [Index<DeviceId>; 2] = Default::default();
        for (id, e) in book.iter() {
            for account in [&e.payer, &e.payee] {
                accounts
                    .entry(account.clone())
                    .or_default()
                    .insert(id.clone());
            }
            let records = e
                .events
                .iter()
                .filter_map(|event| Some((event.device.clone()?, event.seal.is_some())))
                .chain([(e.device.clone(), e.seal.is_some())]);
            for (device, sealed) in records {
                devices[usize::from(sealed)]
                    .entry(device)
                    .or_default()
                    .insert(id.clone());
            }
        }
        (accounts, devices)
    }

    fn hex<T>(n: u8, parse: fn(&str) -> Option<T>) -> T {
        parse(&format!("{n:032x}")).unwrap()
    }

    fn member(n: u8) -> Account {
        Account::Member(hex(n, MemberId::parse))
    }

    fn seal() -> Seal {
        Seal {
            seq: 1,
            signature: crate::trust::Signature::from_bytes([7; 64]),
        }
    }

    /// An exchange from `payer` to `payee` recorded on `device` (sealed or
    /// not), with one log entry from `entry`'s device, if any (sealed or not).
    fn exchange(
        id: ExchangeId,
        (payer, payee): (Account, Account),
        (device, sealed): (u8, bool),
        entry: Option<(u8, bool)>,
    ) -> Exchange {
        let someone = hex(99, MemberId::parse);
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
            recorded_by: someone.clone(),
            device: hex(device, DeviceId::parse),
            recorded_at: crate::time::Timestamp(0),
            group: None,
            reversal_of: None,
            confirmer: None,
            events: entry
                .map(|(device, sealed)| LifecycleEvent {
                    id: hex(1, LogEntryId::parse),
                    action: LifecycleAction::Confirm,
                    by: someone,
                    at: crate::time::Timestamp(1),
                    note: String::new(),
                    device: Some(hex(device, DeviceId::parse)),
                    seal: sealed.then(seal),
                })
                .into_iter()
                .collect(),
            seal: sealed.then(seal),
        }
    }

    proptest::proptest! {
        /// Whatever is put in, replaced (with other parties, devices and
        /// seals) and taken out, each account's exchanges are exactly those
        /// that name it, and each device's unsealed ones exactly those that
        /// hold a record of it without a seal, and with one.
        #[test]
        fn the_indexes_list_exactly_the_exchanges_that_belong_there(
            steps in proptest::collection::vec(
                (0u8..3, 0u8..6, 0u8..5, 0u8..5, (0u8..3, proptest::bool::ANY),
                 proptest::option::of((0u8..3, proptest::bool::ANY))),
                0..60,
            )
        ) {
            let mut book = ExchangeBook::default();
            for (step, id, payer, payee, recorded, entry) in steps {
                let id = hex(id, ExchangeId::parse);
                if step == 2 {
                    book.remove(&id);
                } else {
                    let payer = if payer == 0 { Account::CommunityFund } else { member(payer) };
                    let e = exchange(id.clone(), (payer, member(payee + 10)), recorded, entry);
                    book.insert(id, e);
                }
                let (accounts, [unsealed, sealed]) = from_scratch(&book);
                proptest::prop_assert_eq!(&book.by_account, &accounts);
                proptest::prop_assert_eq!(&book.unsealed_by, &unsealed);
                proptest::prop_assert_eq!(&book.sealed_by, &sealed);
                for (account, ids) in &accounts {
                    let listed: BTreeSet<ExchangeId> =
                        book.of_account(account).map(|e| e.id.clone()).collect();
                    proptest::prop_assert_eq!(&listed, ids);
                }
                for (device, ids) in &unsealed {
                    let listed: BTreeSet<ExchangeId> =
                        book.unsealed_of(device).map(|e| e.id.clone()).collect();
                    proptest::prop_assert_eq!(&listed, ids);
                }
                for (device, ids) in &sealed {
                    let listed: BTreeSet<ExchangeId> =
                        book.sealed_of(device).map(|e| e.id.clone()).collect();
                    proptest::prop_assert_eq!(&listed, ids);
                }
            }
            book.clear();
            proptest::prop_assert!(book.by_account.is_empty() && book.unsealed_by.is_empty());
            proptest::prop_assert!(book.sealed_by.is_empty());
        }
    }
}
