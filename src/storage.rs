//! Keeping timebanks on this device, in the browser's localStorage, without
//! ever losing one.
//!
//! Each timebank is stored as a compacted snapshot plus the incremental
//! chunks saved since, as base64 text, and a small pointer that names the
//! current snapshot generation and how many chunks belong to it:
//!
//! ```text
//! tally.timebanks                      the list of timebanks on this device (JSON)
//! tally.tb.<id>.pointer                {"generation": g, "chunks": n} (JSON)
//! tally.tb.<id>.snapshot.<g>           base64 of a full save
//! tally.tb.<id>.chunk.<g>.<k>          base64 of the k-th incremental save (k < n)
//! tally.tb.<id>.damaged                why the copy could not be opened (kept aside)
//! tally.tb.<id>.me                     who uses this device, for this timebank
//! tally.tb.<id>.pin                    coordinator-mode PIN, salted hash (shared tablet)
//! tally.tb.<id>.view                   the home screen as last derived, for a fast
//!                                      first paint (JSON, tagged with the heads)
//! tally.tb.<id>.relay                  where it syncs: relay address and token (JSON)
//! tally.tb.<id>.sync.<relay>           Automerge sync state with that relay (base64)
//! tally.storage-id                     this device's storage id for the sync protocol
//! tally.aside.<id>.<n>.<rest>          a damaged copy set aside when a good one
//!                                      of the same timebank was opened over it
//! ```
//!
//! A save writes new data first and only then moves the pointer, so a crash
//! or a full store mid-save leaves the previous good copy in place. Old
//! generations are removed only after the pointer has moved past them. A copy
//! that fails to load is never overwritten or deleted: it is marked damaged
//! and kept, and can be downloaded as a file.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ledger::{Entropy, MemberId, Timebank};
use serde::{Deserialize, Serialize};

mod browser;

pub use browser::BrowserStore;

/// After this many chunks, the next save writes a fresh snapshot.
const MAX_CHUNKS: u32 = 32;

/// A place that keeps text under keys: localStorage in the browser, a map in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// Why something could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is unavailable or refused for another reason.
    Unavailable(String),
}

/// Why a saved timebank could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Nothing is saved under this id.
    Missing,
    /// Something is saved but cannot be read; it has been kept aside.
    Damaged(String),
}

/// One timebank in this device's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Pointer {
    generation: u64,
    chunks: u32,
}

const LIST: &str = "tally.timebanks";

fn key(id: &str, rest: &str) -> String {
    format!("tally.tb.{id}.{rest}")
}

/// The timebanks saved on this device, in the order they were added.
pub fn list(store: &impl KeyValue) -> Vec<Entry> {
    store
        .get(LIST)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn write_list(store: &mut impl KeyValue, entries: &[Entry]) -> Result<(), StoreError> {
    let json =
        serde_json::to_string(entries).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    store.set(LIST, &json)
}

/// Adds a timebank to this device's list (once).
fn remember(store: &mut impl KeyValue, id: &str, name: &str) -> Result<(), StoreError> {
    let mut entries = list(store);
    if entries.iter().any(|entry| entry.id == id) {
        return Ok(());
    }
    entries.push(Entry {
        id: id.to_string(),
        name: name.to_string(),
    });
    write_list(store, &entries)
}

/// Who uses this device for the timebank `id`, if chosen.
pub fn device_member(store: &impl KeyValue, id: &str) -> Option<MemberId> {
    store
        .get(&key(id, "me"))
        .and_then(|text| MemberId::parse(&text))
}

pub fn set_device_member(
    store: &mut impl KeyValue,
    id: &str,
    member: &MemberId,
) -> Result<(), StoreError> {
    store.set(&key(id, "me"), member.as_str())
}

/// How much of this site's storage all of Tally takes, in bytes.
pub fn total_usage(store: &impl KeyValue) -> usize {
    bytes_under(store, "tally.")
}

/// The bytes the keys starting with `prefix` take, with their values
/// (browsers count two bytes a character).
fn bytes_under(store: &impl KeyValue, prefix: &str) -> usize {
    store
        .keys()
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| k.len() + store.get(k).map_or(0, |v| v.len()))
        .sum::<usize>()
        * 2
}

/// The coordinator-mode PIN of this device for timebank `id`, as stored
/// (salted hash), if one is set.
pub fn device_pin(store: &impl KeyValue, id: &str) -> Option<String> {
    store.get(&key(id, "pin"))
}

pub fn set_device_pin(
    store: &mut impl KeyValue,
    id: &str,
    stored: Option<&str>,
) -> Result<(), StoreError> {
    match stored {
        Some(stored) => store.set(&key(id, "pin"), stored),
        None => {
            store.remove(&key(id, "pin"));
            Ok(())
        }
    }
}

/// Where timebank `id` syncs, as this device keeps it: the relay's address
/// and this device's access token (a coordinator's token can invite).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelaySetting {
    pub url: String,
    pub token: String,
    pub coordinator: bool,
}

pub fn relay_setting(store: &impl KeyValue, id: &str) -> Option<RelaySetting> {
    store
        .get(&key(id, "relay"))
        .and_then(|json| serde_json::from_str(&json).ok())
}

pub fn set_relay_setting(
    store: &mut impl KeyValue,
    id: &str,
    setting: Option<&RelaySetting>,
) -> Result<(), StoreError> {
    match setting {
        Some(setting) => {
            let json = serde_json::to_string(setting)
                .map_err(|e| StoreError::Unavailable(e.to_string()))?;
            store.set(&key(id, "relay"), &json)
        }
        None => {
            store.remove(&key(id, "relay"));
            Ok(())
        }
    }
}

/// A short, stable name for a relay address inside storage keys.
fn relay_key(url: &str) -> String {
    use sha2::Digest;
    crate::device_lock::hex(&sha2::Sha256::digest(url.as_bytes())[..6])
}

/// The Automerge sync state kept for timebank `id` with the relay at `url`
/// (so a reconnect sends only what is new).
pub fn sync_state(store: &impl KeyValue, id: &str, url: &str) -> Option<Vec<u8>> {
    let text = store.get(&key(id, &format!("sync.{}", relay_key(url))))?;
    BASE64.decode(text).ok()
}

pub fn set_sync_state(
    store: &mut impl KeyValue,
    id: &str,
    url: &str,
    state: &[u8],
) -> Result<(), StoreError> {
    let text = BASE64.encode(state);
    store.set(&key(id, &format!("sync.{}", relay_key(url))), &text)
}

/// The small view of timebank `id` painted before its document is loaded.
pub fn cached_view(store: &impl KeyValue, id: &str) -> Option<crate::cached_view::CachedView> {
    store
        .get(&key(id, "view"))
        .and_then(|json| serde_json::from_str(&json).ok())
}

/// Keeps the view for the next opening. A view that cannot be written is
/// only a slower next opening, never a loss.
pub fn set_cached_view(
    store: &mut impl KeyValue,
    id: &str,
    view: &crate::cached_view::CachedView,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(view).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    store.set(&key(id, "view"), &json)
}

const STORAGE_ID: &str = "tally.storage-id";

/// This device's storage id for the sync protocol: made once, kept for good.
pub fn device_storage_id(store: &mut impl KeyValue, fresh: impl FnOnce() -> String) -> String {
    if let Some(id) = store.get(STORAGE_ID) {
        return id;
    }
    let id = fresh();
    let _ = store.set(STORAGE_ID, &id);
    id
}

/// How much of this site's storage the timebank `id` takes, in bytes
/// (browsers count two bytes a character).
pub fn usage(store: &impl KeyValue, id: &str) -> usize {
    bytes_under(store, &key(id, ""))
}

/// The saving state of one open timebank.
#[derive(Debug)]
pub struct Saved {
    pub id: String,
    pointer: Pointer,
    chunk_bytes: usize,
    snapshot_bytes: usize,
    /// Changes taken from the document that did not reach storage yet.
    unsaved: Vec<u8>,
    /// A snapshot must be written next (the last one failed part-way).
    needs_snapshot: bool,
}

impl Saved {
    /// Saves a newly created or imported timebank and adds it to the list.
    /// Whatever was stored under the same id before (a damaged copy) is set
    /// aside first, never overwritten.
    pub fn create(
        store: &mut impl KeyValue,
        id: String,
        timebank: &mut Timebank,
    ) -> Result<Saved, StoreError> {
        set_aside(store, &id)?;
        let bytes = timebank.save();
        store.set(&key(&id, "snapshot.1"), &BASE64.encode(&bytes))?;
        let pointer = Pointer {
            generation: 1,
            chunks: 0,
        };
        write_pointer(store, &id, pointer)?;
        remember(store, &id, &timebank.info().name)?;
        Ok(Saved {
            id,
            pointer,
            chunk_bytes: 0,
            snapshot_bytes: bytes.len(),
            unsaved: Vec::new(),
            needs_snapshot: false,
        })
    }

    /// The saving state of a timebank that could not be saved at all yet
    /// (storage full): the first save writes a full snapshot.
    pub fn unsaved(id: String) -> Saved {
        Saved {
            id,
            pointer: Pointer {
                generation: 0,
                chunks: 0,
            },
            chunk_bytes: 0,
            snapshot_bytes: 0,
            unsaved: Vec::new(),
            needs_snapshot: true,
        }
    }

    /// Opens a saved timebank. A copy that cannot be read is marked damaged
    /// and left exactly as it is.
    pub fn open(
        store: &mut impl KeyValue,
        id: &str,
        entropy: Box<dyn Entropy>,
    ) -> Result<(Timebank, Saved), OpenError> {
        let (bytes, pointer, snapshot_bytes) = match read_bytes(store, id) {
            Ok(found) => found,
            Err(OpenError::Damaged(reason)) => {
                let _ = store.set(&key(id, "damaged"), &reason);
                return Err(OpenError::Damaged(reason));
            }
            Err(missing) => return Err(missing),
        };
        match Timebank::load(&bytes, entropy) {
            Ok(timebank) => Ok((
                timebank,
                Saved {
                    id: id.to_string(),
                    pointer,
                    chunk_bytes: bytes.len() - snapshot_bytes,
                    snapshot_bytes,
                    unsaved: Vec::new(),
                    needs_snapshot: false,
                },
            )),
            Err(error) => {
                let reason = error.to_string();
                let _ = store.set(&key(id, "damaged"), &reason);
                Err(OpenError::Damaged(reason))
            }
        }
    }

    /// Saves what changed since the last save: a new chunk, or a new snapshot
    /// when enough chunks have piled up. On failure nothing that was saved
    /// before is touched, and the changes are kept to be saved next time.
    pub fn save(
        &mut self,
        store: &mut impl KeyValue,
        timebank: &mut Timebank,
    ) -> Result<(), StoreError> {
        let compact = self.needs_snapshot
            || self.pointer.chunks >= MAX_CHUNKS
            || self.chunk_bytes > self.snapshot_bytes.max(4096);
        if compact {
            return self.write_snapshot(store, timebank);
        }
        let fresh = timebank.save_incremental();
        self.unsaved.extend_from_slice(&fresh);
        if self.unsaved.is_empty() {
            return Ok(());
        }
        let chunk = self.pointer.chunks;
        let chunk_key = key(
            &self.id,
            &format!("chunk.{}.{chunk}", self.pointer.generation),
        );
        store.set(&chunk_key, &BASE64.encode(&self.unsaved))?;
        let next = Pointer {
            chunks: chunk + 1,
            ..self.pointer
        };
        if let Err(error) = write_pointer(store, &self.id, next) {
            store.remove(&chunk_key);
            return Err(error);
        }
        self.pointer = next;
        self.chunk_bytes += self.unsaved.len();
        self.unsaved.clear();
        Ok(())
    }

    fn write_snapshot(
        &mut self,
        store: &mut impl KeyValue,
        timebank: &mut Timebank,
    ) -> Result<(), StoreError> {
        let bytes = timebank.save();
        let generation = self.pointer.generation + 1;
        let snapshot_key = key(&self.id, &format!("snapshot.{generation}"));
        let written = store
            .set(&snapshot_key, &BASE64.encode(&bytes))
            .and_then(|()| {
                write_pointer(
                    store,
                    &self.id,
                    Pointer {
                        generation,
                        chunks: 0,
                    },
                )
            });
        if let Err(error) = written {
            store.remove(&snapshot_key);
            // The document's incremental cursor moved past these changes:
            // only a full snapshot can save them now.
            self.needs_snapshot = true;
            return Err(error);
        }
        let old = self.pointer;
        if old.generation == 0 {
            // Saved for the first time (it could not be saved when opened).
            remember(store, &self.id, &timebank.info().name)?;
        }
        self.pointer = Pointer {
            generation,
            chunks: 0,
        };
        self.snapshot_bytes = bytes.len();
        self.chunk_bytes = 0;
        self.unsaved.clear();
        self.needs_snapshot = false;
        store.remove(&key(&self.id, &format!("snapshot.{}", old.generation)));
        for chunk in 0..old.chunks {
            store.remove(&key(&self.id, &format!("chunk.{}.{chunk}", old.generation)));
        }
        Ok(())
    }

    /// Whether changes are waiting that storage did not take.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty() || self.needs_snapshot
    }
}

/// Moves every stored piece of timebank `id` (but who uses the device) to
/// `tally.aside.<id>.<n>.`: written there first, removed here after, so a
/// full store changes nothing.
fn set_aside(store: &mut impl KeyValue, id: &str) -> Result<(), StoreError> {
    let prefix = key(id, "");
    let keep = [key(id, "me"), key(id, "pin"), key(id, "relay")];
    let pieces: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(&prefix) && !keep.contains(k))
        .collect();
    if pieces.is_empty() {
        return Ok(());
    }
    let taken = |n: u32| {
        let aside = format!("tally.aside.{id}.{n}.");
        store.keys().iter().any(|k| k.starts_with(&aside))
    };
    let n = (1..).find(|n| !taken(*n)).unwrap_or(0);
    let mut written: Vec<String> = Vec::new();
    for piece in &pieces {
        let target = format!("tally.aside.{id}.{n}.{}", &piece[prefix.len()..]);
        let value = store.get(piece).unwrap_or_default();
        if let Err(error) = store.set(&target, &value) {
            for done in written {
                store.remove(&done);
            }
            return Err(error);
        }
        written.push(target);
    }
    for piece in pieces {
        store.remove(&piece);
    }
    Ok(())
}

/// The raw saved bytes of a timebank, damaged or not, for a download.
pub fn raw_bytes(store: &impl KeyValue, id: &str) -> Vec<u8> {
    let prefix = key(id, "");
    let mut pieces: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for k in store.keys() {
        let is_data = k.starts_with(&prefix) && (k.contains(".snapshot.") || k.contains(".chunk."));
        if is_data && let Some(bytes) = store.get(&k).and_then(|v| BASE64.decode(v).ok()) {
            pieces.insert(k, bytes);
        }
    }
    // Snapshots sort before chunks of the same generation ("chunk" < "snapshot"
    // would not), so order them explicitly.
    let (snapshots, chunks): (Vec<_>, Vec<_>) = pieces
        .into_iter()
        .partition(|(k, _)| k.contains(".snapshot."));
    snapshots
        .into_iter()
        .chain(chunks)
        .flat_map(|(_, bytes)| bytes)
        .collect()
}

fn write_pointer(store: &mut impl KeyValue, id: &str, pointer: Pointer) -> Result<(), StoreError> {
    let json =
        serde_json::to_string(&pointer).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    store.set(&key(id, "pointer"), &json)
}

fn read_bytes(store: &impl KeyValue, id: &str) -> Result<(Vec<u8>, Pointer, usize), OpenError> {
    let Some(pointer_json) = store.get(&key(id, "pointer")) else {
        return Err(OpenError::Missing);
    };
    let pointer: Pointer = serde_json::from_str(&pointer_json)
        .map_err(|_| OpenError::Damaged("its index is unreadable".to_string()))?;
    let piece = |rest: String| -> Result<Vec<u8>, OpenError> {
        let text = store
            .get(&key(id, &rest))
            .ok_or_else(|| OpenError::Damaged(format!("a part ({rest}) is missing")))?;
        BASE64
            .decode(text.trim())
            .map_err(|_| OpenError::Damaged(format!("a part ({rest}) is unreadable")))
    };
    let mut bytes = piece(format!("snapshot.{}", pointer.generation))?;
    let snapshot_bytes = bytes.len();
    for chunk in 0..pointer.chunks {
        bytes.extend(piece(format!("chunk.{}.{chunk}", pointer.generation))?);
    }
    Ok((bytes, pointer, snapshot_bytes))
}

/// An in-memory store, for tests: it can be told to run out of space.
#[cfg(test)]
#[derive(Default)]
pub struct MemoryStore {
    pub values: BTreeMap<String, String>,
    /// Total characters allowed; `None` for unlimited.
    pub capacity: Option<usize>,
}

#[cfg(test)]
impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(capacity) = self.capacity {
            let used: usize = self
                .values
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > capacity {
                return Err(StoreError::Full);
            }
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.values.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.values.keys().cloned().collect()
    }
}

/// Whether the browser keeps this site's storage until the person deletes
/// it (`navigator.storage.persisted()`); `None` when it does not say.
pub async fn is_persisted() -> Option<bool> {
    storage_answer(web_sys::StorageManager::persisted).await
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`);
/// the answer, or `None` when it does not say.
pub async fn ask_to_persist() -> Option<bool> {
    storage_answer(web_sys::StorageManager::persist).await
}

async fn storage_answer(
    call: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<bool> {
    let promise = call(&leptos::prelude::window().navigator().storage()).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

#[cfg(test)]
mod tests {
    use ledger::{Account, Channel, NewExchange, NewMember, NewTimebank, Settings, Timestamp};

    use super::*;

    /// SplitMix64, seeded: deterministic ids that do not repeat.
    struct Counter(u64);

    impl Entropy for Counter {
        fn fill(&mut self, bytes: &mut [u8]) {
            for chunk in bytes.chunks_mut(8) {
                self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = self.0;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
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

    fn record(timebank: &mut Timebank, by: &MemberId, payer: &MemberId, payee: &MemberId) {
        let exchange = NewExchange {
            payer: Account::Member(payer.clone()),
            payee: Account::Member(payee.clone()),
            minutes: 60,
            service_date: NOW.date(),
            description: "Help".into(),
            category: None,
            channel: Channel::Coordinator,
        };
        timebank.record(by, exchange, NOW).unwrap();
    }

    #[test]
    fn opening_a_good_copy_over_a_damaged_one_sets_the_damaged_one_aside() {
        let mut store = MemoryStore::default();
        let (mut timebank, cora) = timebank();
        let mut saved = Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        add_member(&mut timebank, &cora, "Ann");
        saved.save(&mut store, &mut timebank).unwrap();
        store
            .set("tally.tb.tb1.snapshot.1", "bm90IGEgdGltZWJhbms=")
            .unwrap();
        assert!(matches!(
            Saved::open(&mut store, "tb1", Box::new(Counter(5))),
            Err(OpenError::Damaged(_))
        ));
        let damaged: BTreeMap<String, String> = store
            .values
            .iter()
            .filter(|(k, _)| k.starts_with("tally.tb.tb1."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();

        // A full store: nothing moves, nothing is lost.
        let mut full = MemoryStore {
            values: store.values.clone(),
            capacity: Some(store.values.iter().map(|(k, v)| k.len() + v.len()).sum()),
        };
        assert_eq!(
            Saved::create(&mut full, "tb1".into(), &mut timebank).unwrap_err(),
            StoreError::Full
        );
        assert_eq!(full.values, store.values);

        Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        let (reopened, _) = Saved::open(&mut store, "tb1", Box::new(Counter(6))).unwrap();
        assert_eq!(reopened.members().count(), 2);
        for (k, v) in damaged {
            let aside = k.replace("tally.tb.tb1.", "tally.aside.tb1.1.");
            assert_eq!(store.get(&aside), Some(v), "{k} kept aside");
        }
    }

    #[test]
    fn every_saved_change_is_there_after_reopening() {
        let mut store = MemoryStore::default();
        let (mut timebank, cora) = timebank();
        let mut saved = Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        let ann = add_member(&mut timebank, &cora, "Ann");
        // Enough saves to pass through several compactions.
        for _ in 0..80 {
            record(&mut timebank, &cora, &ann, &cora);
            saved.save(&mut store, &mut timebank).unwrap();
        }
        let (reopened, _) = Saved::open(&mut store, "tb1", Box::new(Counter(9))).unwrap();
        assert_eq!(reopened.exchanges().count(), 80);
        assert_eq!(reopened.balances(), timebank.balances());
        assert_eq!(
            list(&store),
            [Entry {
                id: "tb1".into(),
                name: "Riverside".into()
            }]
        );
        // Old generations were cleaned up.
        let snapshots = store
            .keys()
            .iter()
            .filter(|k| k.contains(".snapshot."))
            .count();
        assert_eq!(snapshots, 1);
    }

    #[test]
    fn a_full_store_keeps_the_last_good_copy_and_the_changes_in_memory() {
        let mut store = MemoryStore::default();
        let (mut timebank, cora) = timebank();
        let mut saved = Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        let ann = add_member(&mut timebank, &cora, "Ann");
        saved.save(&mut store, &mut timebank).unwrap();
        let before = store.values.clone();

        store.capacity = Some(store.values.iter().map(|(k, v)| k.len() + v.len()).sum());
        record(&mut timebank, &cora, &ann, &cora);
        assert_eq!(saved.save(&mut store, &mut timebank), Err(StoreError::Full));
        assert!(saved.has_unsaved());
        assert_eq!(
            store.values, before,
            "a failed save changed what was stored"
        );

        // Space comes back: the change kept in memory is saved.
        store.capacity = None;
        saved.save(&mut store, &mut timebank).unwrap();
        assert!(!saved.has_unsaved());
        let (reopened, _) = Saved::open(&mut store, "tb1", Box::new(Counter(9))).unwrap();
        assert_eq!(reopened.exchanges().count(), 1);
    }

    #[test]
    fn usage_counts_only_this_timebank() {
        let mut store = MemoryStore::default();
        let (mut timebank, _) = timebank();
        Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        store.set("tally.tb.other.snapshot.1", "xxxx").unwrap();
        let own: usize = store
            .values
            .iter()
            .filter(|(k, _)| k.starts_with("tally.tb.tb1."))
            .map(|(k, v)| k.len() + v.len())
            .sum();
        assert_eq!(usage(&store, "tb1"), own * 2);
    }

    #[test]
    fn a_crash_before_the_pointer_moves_leaves_the_previous_copy() {
        let mut store = MemoryStore::default();
        let (mut timebank, cora) = timebank();
        Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        // A chunk written but the pointer never moved (the tab was closed).
        add_member(&mut timebank, &cora, "Ann");
        let orphan = BASE64.encode(timebank.save_incremental());
        store.set("tally.tb.tb1.chunk.1.0", &orphan).unwrap();
        let (reopened, _) = Saved::open(&mut store, "tb1", Box::new(Counter(9))).unwrap();
        assert_eq!(
            reopened.members().count(),
            1,
            "the previous good copy opens"
        );
    }

    #[test]
    fn a_damaged_copy_is_kept_aside_untouched() {
        let mut store = MemoryStore::default();
        let (mut timebank, _) = timebank();
        Saved::create(&mut store, "tb1".into(), &mut timebank).unwrap();
        store
            .set("tally.tb.tb1.snapshot.1", "bm90IGEgdGltZWJhbms=")
            .unwrap();
        let damaged = store.values.get("tally.tb.tb1.snapshot.1").cloned();
        let error = Saved::open(&mut store, "tb1", Box::new(Counter(9))).unwrap_err();
        assert!(matches!(error, OpenError::Damaged(_)), "{error:?}");
        assert_eq!(
            store.values.get("tally.tb.tb1.snapshot.1").cloned(),
            damaged
        );
        assert!(store.values.contains_key("tally.tb.tb1.damaged"));
        assert_eq!(raw_bytes(&store, "tb1"), b"not a timebank");
        assert_eq!(
            Saved::open(&mut store, "nothing", Box::new(Counter(9))).unwrap_err(),
            OpenError::Missing
        );
    }
}
