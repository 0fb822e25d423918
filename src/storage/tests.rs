//! Storage tests, natively, over stores that fill up, refuse and abort:
//! every change is there after reopening, whatever fails, however two tabs
//! interleave, and whatever an earlier release left in localStorage.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ledger::{
    Account, Channel, Entropy, MemberId, NewExchange, NewMember, NewTimebank, Settings, Timebank,
    Timestamp,
};

use super::documents::{self, Holder, Saved};
use super::migrate::{self, Moved};
use super::records::{Layered, LocalRecords, MemoryRecords, Records, Write, now as at_once};
use super::{KeyValue, MemoryStore, OpenError, StoreError};

/// SplitMix64, seeded: deterministic ids that do not repeat, and choices.
struct Counter(u64);

impl Counter {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Entropy for Counter {
    fn fill(&mut self, bytes: &mut [u8]) {
        for chunk in bytes.chunks_mut(8) {
            let z = self.next();
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
    }
}

const NOW: Timestamp = Timestamp(1_795_867_200_000);

fn timebank() -> (Timebank, MemberId) {
    Timebank::create(
        NewTimebank {
            name: "Riverside".into(),
            unit_label: "hours".into(),
            settings: Settings::default(),
            founder_key: None,
        },
        NewMember {
            name: "Cora".into(),
            ..NewMember::default()
        },
        NOW,
        Box::new(Counter(1)),
    )
    .unwrap()
}

fn add_member(timebank: &mut Timebank, by: &MemberId, name: &str) -> MemberId {
    let id = timebank
        .add_member(
            by,
            NewMember {
                name: name.into(),
                ..NewMember::default()
            },
            NOW,
        )
        .unwrap();
    timebank
        .set_status(by, &id, ledger::MemberStatus::Active, NOW)
        .unwrap();
    id
}

fn record(
    timebank: &mut Timebank,
    by: &MemberId,
    payer: &MemberId,
    payee: &MemberId,
    minutes: u32,
) {
    let exchange = NewExchange {
        payer: Account::Member(payer.clone()),
        payee: Account::Member(payee.clone()),
        minutes,
        service_date: NOW.date(),
        description: "Help".into(),
        category: None,
        channel: Channel::Coordinator,
    };
    timebank.record(by, exchange, NOW).unwrap();
}

/// One tab: an open timebank and its saving state.
#[derive(Clone)]
struct Tab(Rc<RefCell<Option<(Timebank, Saved)>>>);

impl Holder for Tab {
    fn with<R>(&self, id: &str, f: impl FnOnce(&mut Timebank, &mut Saved) -> R) -> Option<R> {
        let mut open = self.0.borrow_mut();
        let (timebank, saved) = open.as_mut()?;
        (saved.id == id).then(|| f(timebank, saved))
    }
}

impl Tab {
    fn new(timebank: Timebank, saved: Saved) -> Tab {
        Tab(Rc::new(RefCell::new(Some((timebank, saved)))))
    }

    fn open(store: &dyn Records, id: &str, writer: &str, seed: u64) -> Tab {
        let (timebank, saved) = at_once(documents::open(
            store,
            id,
            Box::new(Counter(seed)),
            writer.into(),
        ))
        .unwrap();
        Tab::new(timebank, saved)
    }

    fn save(&self, store: &dyn Records) -> Result<(), StoreError> {
        match documents::save(store, self, &self.id(), NOW) {
            Some(write) => at_once(write),
            None => Ok(()),
        }
    }

    fn compact(&self, store: &dyn Records) -> Result<bool, StoreError> {
        at_once(documents::compact(store, self, &self.id(), NOW))
    }

    fn catch_up(&self, store: &dyn Records) -> bool {
        at_once(documents::catch_up(store, self, &self.id())).unwrap()
    }

    fn id(&self) -> String {
        self.0.borrow().as_ref().unwrap().1.id.clone()
    }

    fn exchanges(&self) -> usize {
        self.0.borrow().as_ref().unwrap().0.exchanges().count()
    }

    fn balances(&self) -> Vec<(Account, i64)> {
        let open = self.0.borrow();
        let mut balances: Vec<_> = open.as_ref().unwrap().0.balances().into_iter().collect();
        balances.sort();
        balances
    }

    /// How many signatures the open timebank has checked.
    fn checks(&self) -> usize {
        self.0.borrow().as_ref().unwrap().0.signatures_checked()
    }

    fn change(&self, f: impl FnOnce(&mut Timebank)) {
        f(&mut self.0.borrow_mut().as_mut().unwrap().0);
    }
}

/// A new timebank with Cora and Ann, saved for the first time.
fn created(store: &dyn Records) -> (Tab, MemberId, MemberId) {
    let (mut timebank, cora) = timebank();
    let ann = add_member(&mut timebank, &cora, "Ann");
    let id = timebank.info().id.clone();
    let tab = Tab::new(timebank, Saved::new(id, "a".into()));
    tab.save(store).unwrap();
    (tab, cora, ann)
}

fn pieces(store: &MemoryRecords, kind: &str) -> usize {
    store.values().keys().filter(|k| k.contains(kind)).count()
}

#[test]
fn every_saved_change_is_there_after_reopening_through_compactions() {
    let store = MemoryRecords::default();
    let (tab, cora, ann) = created(&store);
    for minutes in 1..=80 {
        tab.change(|tb| record(tb, &cora, &ann, &cora, minutes));
        tab.save(&store).unwrap();
        let due = tab
            .with(&tab.id(), |_, saved| saved.wants_compaction())
            .unwrap();
        if due {
            tab.compact(&store).unwrap();
        }
    }
    let reopened = Tab::open(&store, &tab.id(), "b", 9);
    assert_eq!(reopened.exchanges(), 80);
    assert_eq!(reopened.balances(), tab.balances());
    assert_eq!(
        pieces(&store, ".snapshot."),
        1,
        "compaction replaced the old snapshot"
    );
    assert!(pieces(&store, ".chunk.") < 32);
    // Stored as bytes: no base64.
    let stored: usize = store.values().values().map(Vec::len).sum();
    let whole = tab.0.borrow_mut().as_mut().unwrap().0.save().len();
    assert!(
        stored < whole * 2,
        "{stored} bytes stored for a {whole}-byte document"
    );
}

#[test]
fn a_full_store_refusing_store_or_aborted_transaction_changes_nothing_and_the_change_waits() {
    type Trouble = fn(&MemoryRecords);
    let troubles: [(&str, Trouble); 3] = [
        ("full", |store| store.fill_up()),
        ("refused", |store| {
            store.inner.borrow_mut().refuse_after = Some(0)
        }),
        ("aborted half way", |store| {
            store.inner.borrow_mut().abort_after_writes = Some(1);
        }),
    ];
    for (name, trouble) in troubles {
        for compacting in [false, true] {
            let store = MemoryRecords::default();
            let (tab, cora, ann) = created(&store);
            for minutes in 1..=3 {
                tab.change(|tb| record(tb, &cora, &ann, &cora, minutes));
                tab.save(&store).unwrap();
            }
            let before = store.values();
            trouble(&store);
            tab.change(|tb| record(tb, &cora, &ann, &cora, 45));
            let failed = if compacting {
                tab.compact(&store).map(|_| ())
            } else {
                tab.save(&store)
            };
            if name != "aborted half way" || compacting {
                assert!(failed.is_err(), "{name}: the write went through");
                assert_eq!(
                    store.values(),
                    before,
                    "{name}: a failed write changed the store"
                );
            }
            // The trouble passes: the change kept in memory is saved.
            let mut inner = store.inner.borrow_mut();
            inner.capacity = None;
            inner.refuse_after = None;
            inner.abort_after_writes = None;
            drop(inner);
            tab.save(&store).unwrap();
            let reopened = Tab::open(&store, &tab.id(), "b", 9);
            assert_eq!(reopened.exchanges(), 4, "{name}, compacting {compacting}");
        }
    }
}

#[test]
fn two_tabs_interleaving_saves_compactions_and_catch_ups_lose_nothing() {
    for seed in 0..40_u64 {
        let store = MemoryRecords::default();
        let (a, cora, ann) = created(&store);
        let b = Tab::open(&store, &a.id(), "b", 100 + seed);
        let tabs = [a, b];
        let mut choose = Counter(seed);
        let mut recorded = 0;
        for step in 0..60 {
            let tab = &tabs[(choose.next() % 2) as usize];
            match choose.next() % 5 {
                0 | 1 => {
                    tab.change(|tb| record(tb, &cora, &ann, &cora, 1 + step));
                    recorded += 1;
                }
                2 => tab.save(&store).unwrap(),
                3 => {
                    tab.compact(&store).unwrap();
                }
                _ => {
                    tab.catch_up(&store);
                }
            }
        }
        // A compaction that took in what was stored, while the other tab
        // saves before it commits: that save survives the compaction.
        let [a, b] = &tabs;
        a.catch_up(&store);
        b.change(|tb| record(tb, &cora, &ann, &cora, 999));
        recorded += 1;
        b.save(&store).unwrap();
        let compaction = a
            .with(&a.id(), |timebank, saved| saved.compaction(timebank, NOW))
            .unwrap();
        at_once(store.commit(compaction.writes.clone())).unwrap();
        a.with(&a.id(), |_, saved| saved.written(&compaction));
        for tab in &tabs {
            tab.save(&store).unwrap();
        }
        let reopened = Tab::open(&store, &tabs[0].id(), "c", 7);

        assert_eq!(
            reopened.exchanges(),
            recorded,
            "seed {seed}: an exchange was lost"
        );
        // Each tab, caught up, shows the other's exchanges.
        for tab in &tabs {
            tab.catch_up(&store);
            assert_eq!(tab.exchanges(), recorded, "seed {seed}");
            assert_eq!(tab.balances(), reopened.balances(), "seed {seed}");
        }
    }
}

#[test]
fn a_damaged_copy_is_marked_kept_untouched_and_set_aside_whole() {
    let store = MemoryRecords::default();
    let (tab, cora, ann) = created(&store);
    tab.change(|tb| record(tb, &cora, &ann, &cora, 30));
    tab.save(&store).unwrap();
    let id = tab.id();
    let snapshot = store
        .values()
        .keys()
        .find(|k| k.contains(".snapshot."))
        .cloned()
        .unwrap();
    at_once(store.commit(vec![Write::Put(
        snapshot.clone(),
        b"not a timebank".to_vec(),
    )]))
    .unwrap();
    let damaged = store.values();
    let error = at_once(documents::open(
        &store,
        &id,
        Box::new(Counter(3)),
        "b".into(),
    ))
    .unwrap_err();
    assert!(matches!(error, OpenError::Damaged(_)), "{error:?}");
    for (key, value) in &damaged {
        assert_eq!(store.values().get(key), Some(value), "{key} changed");
    }
    assert!(
        store
            .values()
            .contains_key(&format!("tally.tb.{id}.damaged"))
    );
    let raw = at_once(documents::raw_bytes(&store, &id)).unwrap();
    assert!(
        raw.starts_with(b"not a timebank"),
        "the damaged snapshot comes first"
    );

    // No room to set it aside: nothing moves.
    let before = store.values();
    store.fill_up();
    assert_eq!(
        at_once(documents::set_aside(&store, &id)),
        Err(StoreError::Full)
    );
    assert_eq!(store.values(), before);
    store.set_capacity(None);

    // A good copy opened over it: the damaged one is set aside, whole.
    at_once(documents::set_aside(&store, &id)).unwrap();
    let asides = at_once(documents::asides(&store)).unwrap();
    assert_eq!(asides.len(), 1);
    assert_eq!(asides[0].bytes, raw);
    assert!(asides[0].reason.is_some());
    let (mut good, _) = timebank();
    let good_tab = Tab::new(
        good.fork(Box::new(Counter(4))),
        Saved::new(id.clone(), "c".into()),
    );
    good_tab.save(&store).unwrap();
    let reopened = Tab::open(&store, &id, "d", 5);
    assert_eq!(reopened.exchanges(), 0);
    // Set aside a second time: numbered apart, the first one kept.
    at_once(documents::set_aside(&store, &id)).unwrap();
    let numbers: Vec<u32> = at_once(documents::asides(&store))
        .unwrap()
        .iter()
        .map(|a| a.number)
        .collect();
    assert_eq!(numbers, [1, 2]);
    let _ = good.save();
}

/// What an earlier release kept in localStorage: a pointer, base64
/// snapshots and chunks, and the small records beside them.
fn legacy_device(chunks: usize) -> (MemoryStore, String, usize) {
    let mut local = MemoryStore::default();
    let (mut timebank, cora) = timebank();
    let ann = add_member(&mut timebank, &cora, "Ann");
    let id = timebank.info().id.clone();
    let prefix = format!("tally.tb.{id}.");
    local
        .set(
            &format!("{prefix}snapshot.3"),
            &BASE64.encode(timebank.save()),
        )
        .unwrap();
    for k in 0..chunks {
        record(&mut timebank, &cora, &ann, &cora, 10 + k as u32);
        local
            .set(
                &format!("{prefix}chunk.3.{k}"),
                &BASE64.encode(timebank.save_incremental()),
            )
            .unwrap();
    }
    local
        .set(
            &format!("{prefix}pointer"),
            &format!("{{\"generation\":3,\"chunks\":{chunks}}}"),
        )
        .unwrap();
    local.set(&format!("{prefix}me"), cora.as_str()).unwrap();
    local
        .set(&format!("{prefix}view"), "{\"name\":\"Riverside\"}")
        .unwrap();
    local
        .set(
            "tally.timebanks",
            &format!("[{{\"id\":\"{id}\",\"name\":\"Riverside\"}}]"),
        )
        .unwrap();
    (local, id, chunks)
}

#[test]
fn an_earlier_release_s_timebanks_move_to_the_database_and_open_the_same() {
    // More than ten chunks, so `chunk.3.10` must load after `chunk.3.9`.
    let (local, id, chunks) = legacy_device(12);
    let small = LocalRecords::new(local);
    // The earlier release's copy opens as it is where the database is refused.
    let there = Tab::open(&small, &id, "a", 1);
    assert_eq!(there.exchanges(), chunks);

    let big = MemoryRecords::default();
    let moved = at_once(migrate::move_all(&small, &big)).unwrap();
    assert_eq!(moved, [Moved::Timebank(id.clone())]);
    let here = Tab::open(&big, &id, "b", 2);
    assert_eq!(here.exchanges(), chunks);
    assert_eq!(here.balances(), there.balances());
    // The document left localStorage; what is read at start stayed.
    let left: Vec<String> = at_once(small.keys("tally.")).unwrap();
    let prefix = format!("tally.tb.{id}.");
    assert_eq!(
        left,
        [
            format!("{prefix}me"),
            format!("{prefix}view"),
            "tally.timebanks".to_string()
        ]
    );
    // Binary now: smaller than the base64 it came from.
    assert!(big.values().keys().all(|k| !k.ends_with(".pointer")));
}

#[test]
fn a_move_cut_short_resumes_without_loss_or_duplication() {
    let (local, id, chunks) = legacy_device(5);
    let small = LocalRecords::new(local);
    let big = MemoryRecords::default();
    // The database refuses (full): nothing leaves localStorage.
    big.set_capacity(Some(10));
    assert!(at_once(migrate::move_all(&small, &big)).is_err());
    assert!(big.values().is_empty());
    assert_eq!(Tab::open(&small, &id, "a", 1).exchanges(), chunks);
    big.set_capacity(None);

    // Copied but the tab closed before localStorage was cleared: the
    // records are in both places. Read as one, nothing is missing.
    let copy: Vec<Write> = at_once(small.read(&format!("tally.tb.{id}.")))
        .unwrap()
        .into_iter()
        .filter(|(k, _)| k.contains(".snapshot.") || k.contains(".chunk."))
        .map(|(k, v)| Write::Put(k, v))
        .collect();
    at_once(big.commit(copy)).unwrap();
    let both = Layered {
        main: Rc::new(big.clone()),
        old: Rc::new(small.clone()),
    };
    assert_eq!(Tab::open(&both, &id, "b", 2).exchanges(), chunks);
    let before: BTreeMap<String, Vec<u8>> = big.values();

    // The next start moves it again: same names, nothing doubled.
    at_once(migrate::move_all(&small, &big)).unwrap();
    assert_eq!(
        big.values().keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    assert_eq!(Tab::open(&big, &id, "c", 3).exchanges(), chunks);
    assert!(
        at_once(small.keys(&format!("tally.tb.{id}.chunk.")))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn damaged_and_set_aside_copies_move_as_they_are() {
    let (mut local, id, _) = legacy_device(2);
    let prefix = format!("tally.tb.{id}.");
    // A damaged piece, and its mark, as an earlier release left them.
    local
        .set(&format!("{prefix}chunk.3.1"), "not base64 at all!")
        .unwrap();
    local
        .set(
            &format!("{prefix}damaged"),
            "a part (chunk.3.1) is unreadable",
        )
        .unwrap();
    local
        .set(
            "tally.aside.feed.1.snapshot.2",
            &BASE64.encode(b"an old damaged copy"),
        )
        .unwrap();
    local
        .set("tally.aside.feed.1.damaged", "it was damaged")
        .unwrap();
    let small = LocalRecords::new(local);
    let raw_before = at_once(documents::raw_bytes(&small, &id)).unwrap();
    let big = MemoryRecords::default();
    let moved = at_once(migrate::move_all(&small, &big)).unwrap();
    assert_eq!(
        moved,
        [Moved::Damaged(id.clone()), Moved::Aside("feed".into())]
    );
    assert_eq!(
        at_once(documents::raw_bytes(&big, &id)).unwrap(),
        raw_before
    );
    assert!(
        raw_before.ends_with(b"not base64 at all!"),
        "the unreadable piece is kept whole"
    );
    assert!(matches!(
        at_once(documents::open(&big, &id, Box::new(Counter(1)), "a".into())),
        Err(OpenError::Damaged(_))
    ));
    let asides = at_once(documents::asides(&big)).unwrap();
    assert_eq!(asides.len(), 1);
    assert_eq!(asides[0].bytes, b"an old damaged copy");
    assert_eq!(asides[0].reason.as_deref(), Some("it was damaged"));
    assert!(at_once(small.keys("tally.aside.")).unwrap().is_empty());
}

#[test]
fn in_the_small_store_saving_keeps_the_earlier_layout_readable_and_a_full_store_changes_nothing() {
    let (local, id, chunks) = legacy_device(3);
    let small = LocalRecords::new(local);
    // Seeded apart from the device that made it, so ids never repeat.
    let tab = Tab::open(&small, &id, "a", 1001);
    let (cora, ann) = {
        let open = tab.0.borrow();
        let tb = &open.as_ref().unwrap().0;
        let mut members: Vec<_> = tb.members().map(|m| (m.number, m.id.clone())).collect();
        members.sort();
        (members[0].1.clone(), members[1].1.clone())
    };
    for minutes in 1..=40 {
        tab.change(|tb| record(tb, &cora, &ann, &cora, minutes));
        tab.save(&small).unwrap();
        if tab.with(&id, |_, saved| saved.wants_compaction()).unwrap() {
            tab.compact(&small).unwrap();
        }
    }
    assert_eq!(Tab::open(&small, &id, "b", 2).exchanges(), chunks + 40);
    let keys = at_once(small.keys(&format!("tally.tb.{id}."))).unwrap();
    assert!(!keys.iter().any(|k| k.ends_with(".pointer")), "{keys:?}");

    // Full: nothing changes, the change waits.
    let before = at_once(small.read("tally.")).unwrap();
    small.store.borrow_mut().capacity = Some(0);
    tab.change(|tb| record(tb, &cora, &ann, &cora, 5));
    assert_eq!(tab.save(&small), Err(StoreError::Full));
    assert_eq!(tab.compact(&small), Err(StoreError::Full));
    assert_eq!(at_once(small.read("tally.")).unwrap(), before);
    small.store.borrow_mut().capacity = None;
    tab.save(&small).unwrap();
    assert_eq!(Tab::open(&small, &id, "c", 3).exchanges(), chunks + 41);
}

#[test]
fn actors_owed_a_seal_are_kept_and_another_tab_s_are_never_dropped() {
    let mut store = MemoryStore::default();
    let id = "tb";
    let [a, b, c] = ["aa", "bb", "cc"].map(String::from);
    // A session reads nothing, keeps its own.
    super::keep_actors(&mut store, id, &[], std::slice::from_ref(&a)).unwrap();
    assert_eq!(super::device_actors(&store, id), vec![a.clone()]);
    // Another tab opens (reads a), keeps its own and a (a still owes one).
    super::keep_actors(
        &mut store,
        id,
        std::slice::from_ref(&a),
        &[b.clone(), a.clone()],
    )
    .unwrap();
    // The first tab, which never read b, keeps only its own: b stays.
    super::keep_actors(&mut store, id, &[], std::slice::from_ref(&a)).unwrap();
    assert_eq!(super::device_actors(&store, id), vec![a.clone(), b.clone()]);
    // A later session reads both and finds a done: a goes, b stays.
    let read = super::device_actors(&store, id);
    super::keep_actors(&mut store, id, &read, &[c.clone(), b.clone()]).unwrap();
    assert_eq!(super::device_actors(&store, id), vec![b, c]);
    // Other timebanks keep their own.
    assert!(super::device_actors(&store, "other").is_empty());
}

#[test]
fn the_last_number_given_is_kept_and_never_lowered() {
    let mut store = MemoryStore::default();
    assert_eq!(super::last_number(&store, "tb"), 0);
    for (kept, expected) in [(3, 3), (7, 7), (5, 7), (0, 7), (8, 8)] {
        // (Another tab gave 7 while this one still says 5.)
        super::keep_last_number(&mut store, "tb", kept).unwrap();
        assert_eq!(super::last_number(&store, "tb"), expected, "kept {kept}");
    }
    assert_eq!(super::last_number(&store, "other"), 0);
}

#[test]
fn a_kept_page_is_never_older_than_the_kept_view() {
    use crate::cached_view::CachedView;
    use crate::first_paint::KeptPage;
    let view = |name: &str| CachedView {
        name: name.into(),
        members: (0..50)
            .map(|n| crate::cached_view::CachedMember {
                name: format!("Member {n}"),
                number: n,
                balance: Some(0),
            })
            .collect(),
        ..CachedView::default()
    };
    let page = |name: &str| KeptPage {
        title: name.into(),
        html: format!("<h1>{name}</h1>"),
        ..KeptPage::default()
    };
    let mut store = MemoryStore::default();
    super::set_cached_view(&mut store, "tb", &view("Old"), Some(&page("Old"))).unwrap();
    assert_eq!(super::kept_page(&store, "tb"), Some(page("Old")));
    assert_eq!(
        super::cached_view(&store, "tb").map(|v| v.name),
        Some("Old".into())
    );

    // Room for neither the new view nor its page: the old view stays, its page goes.
    let used: usize = store.values.iter().map(|(k, v)| k.len() + v.len()).sum();
    store.capacity = Some(used);
    let mut bigger = view("New");
    bigger.name = "New".repeat(100);
    assert_eq!(
        super::set_cached_view(&mut store, "tb", &bigger, Some(&page("New"))),
        Err(StoreError::Full)
    );
    assert_eq!(super::kept_page(&store, "tb"), None);
    assert_eq!(
        super::cached_view(&store, "tb").map(|v| v.name),
        Some("Old".into())
    );

    // Room for the new view but not its page: no page rather than an old one.
    assert_eq!(store.values.len(), 1);
    let view_only = "tally.tb.tb.view".len() + serde_json::to_string(&view("New")).unwrap().len();
    store.capacity = Some(view_only);
    assert_eq!(
        super::set_cached_view(&mut store, "tb", &view("New"), Some(&page("New"))),
        Err(StoreError::Full)
    );
    assert_eq!(
        super::cached_view(&store, "tb").map(|v| v.name),
        Some("New".into())
    );
    assert_eq!(super::kept_page(&store, "tb"), None);

    // And with room, both, the page only a small part of what is kept.
    store.capacity = None;
    super::set_cached_view(&mut store, "tb", &view("New"), Some(&page("New"))).unwrap();
    assert_eq!(super::kept_page(&store, "tb"), Some(page("New")));
    // The directory is not in localStorage: it is kept with the documents.
    assert!(!store.values["tally.tb.tb.view"].contains("Member 7"));
    assert!(super::cached_view(&store, "tb").unwrap().members.is_empty());
    let documents = MemoryRecords::default();
    at_once(super::keep_directory(&documents, "tb", &view("New"))).unwrap();
    let members = at_once(super::kept_directory(&documents, "tb")).unwrap();
    assert_eq!(members, view("New").members);
    assert_eq!(at_once(super::kept_directory(&documents, "other")), None);
    // Never taken for a piece of the timebank's document.
    assert!(at_once(documents.keys("tally.tb.tb.")).unwrap().is_empty());

    // A view an earlier release kept, with its directory in it, still paints it.
    let mut earlier: serde_json::Value = serde_json::to_value(view("Old")).unwrap();
    earlier["members"] = serde_json::json!([{ "name": "Ann", "number": 2, "balance": -30 }]);
    store
        .values
        .insert("tally.tb.tb.view".into(), earlier.to_string());
    let read = super::cached_view(&store, "tb").unwrap();
    assert_eq!(read.members.len(), 1);
    assert_eq!(read.members[0].name, "Ann");
}

/// A timebank founded on a device whose key is `device`'s, with `count`
/// exchanges its coordinator recorded there and sealed.
fn signed_timebank(device: &ledger::trust::InviteSecret, count: u32) -> Timebank {
    let (mut timebank, cora) = Timebank::create(
        NewTimebank {
            name: "Riverside".into(),
            unit_label: "hours".into(),
            settings: Settings::default(),
            founder_key: Some(device.key()),
        },
        NewMember {
            name: "Cora".into(),
            ..NewMember::default()
        },
        NOW,
        Box::new(Counter(1)),
    )
    .unwrap();
    let ann = add_member(&mut timebank, &cora, "Ann");
    timebank.use_device_key(device.key());
    let draft = timebank.prepare_founding(&cora, NOW).unwrap();
    let signature = device.sign(&draft.bytes);
    timebank.add_certificate(draft, signature, NOW).unwrap();
    for minutes in 1..=count {
        record(&mut timebank, &cora, &ann, &cora, minutes);
    }
    let signed: Vec<_> = timebank
        .to_sign()
        .into_iter()
        .map(|item| {
            let signature = device.sign(&item.bytes);
            (item, signature)
        })
        .collect();
    timebank.add_signatures(&signed, NOW).unwrap();
    timebank
}

#[test]
fn a_timebank_opened_again_checks_only_signatures_it_has_not_checked_before() {
    let device = ledger::trust::InviteSecret::from_seed([7; 32]);
    let store = MemoryRecords::default();
    let mut timebank = signed_timebank(&device, 5);
    let id = timebank.info().id.clone();
    let balances_then = timebank.balances();
    // Opened on another device (from a file, say): every signature checked
    // (the five exchanges' and the founding's).
    let first = Timebank::load(&timebank.save(), Box::new(Counter(2))).unwrap();
    assert_eq!(first.signatures_checked(), 5 + 1);
    let tab = Tab::new(first, Saved::new(id.clone(), "a".into()));
    tab.save(&store).unwrap();
    assert_eq!(pieces(&store, ".checked"), 1, "kept with the first save");

    let again = Tab::open(&store, &id, "b", 3);
    assert_eq!(again.checks(), 0);
    assert_eq!(again.balances(), {
        let mut b: Vec<_> = balances_then.into_iter().collect();
        b.sort();
        b
    });

    // What it keeps is a cache: gone or damaged, the timebank opens the same
    // and checks its signatures again.
    for kept in [None, Some(b"not what was kept".to_vec())] {
        let key = format!("tally.tb.{id}.checked");
        let write = match kept {
            None => Write::Delete(key),
            Some(bytes) => Write::Put(key, bytes),
        };
        at_once(store.commit(vec![write])).unwrap();
        let reopened = Tab::open(&store, &id, "c", 4);
        assert_eq!(reopened.checks(), 5 + 1);
        assert_eq!(reopened.balances(), again.balances());
    }
}

#[test]
fn in_the_small_store_checked_signatures_are_not_kept() {
    let device = ledger::trust::InviteSecret::from_seed([7; 32]);
    let mut timebank = signed_timebank(&device, 3);
    let id = timebank.info().id.clone();
    let first = Timebank::load(&timebank.save(), Box::new(Counter(2))).unwrap();
    assert_eq!(
        first.signatures_checked(),
        3 + 1,
        "three exchanges, one founding"
    );
    let store = LocalRecords::new(MemoryStore::default());
    let tab = Tab::new(first, Saved::new(id.clone(), "a".into()));
    tab.save(&store).unwrap();
    let keys = at_once(store.keys("tally.tb.")).unwrap();
    assert!(
        !keys.iter().any(|key| key.ends_with(".checked")),
        "{keys:?}"
    );
    assert_eq!(Tab::open(&store, &id, "b", 3).checks(), 3 + 1);
}
