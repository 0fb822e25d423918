//! Keeping timebanks on this device without ever losing one.
//!
//! Documents (the Automerge bytes of each timebank, and copies set aside as
//! damaged) are records in IndexedDB, as binary, written in transactions
//! (`records.rs`, `idb.rs`; the rules that keep every change are in
//! `documents.rs`). Where the browser refuses IndexedDB they stay in
//! localStorage as base64, in the layout earlier releases used, and a start
//! with IndexedDB moves them there (`migrate.rs`).
//!
//! What must be read at once when the app starts, and is small, stays in
//! localStorage (through gloo-storage):
//!
//! ```text
//! tally.timebanks                      the list of timebanks on this device (JSON)
//! tally.active                         the one open last
//! tally.tb.<id>.me                     who uses this device, for this timebank
//! tally.tb.<id>.pin                    coordinator-mode PIN, salted hash (shared tablet)
//! tally.tb.<id>.actors                 changes this device made that wrote records still
//!                                      owing its seal (JSON list of hex hashes; see
//!                                      `keep_actors`; the name is from when it held actors)
//! tally.tb.<id>.numbered               the highest number this device gave a record it
//!                                      signed, never given again (`keep_last_number`)
//! tally.tb.<id>.view                   the home screen as last derived, for a fast
//!                                      first paint (JSON, tagged with the heads)
//! tally.tb.<id>.page                   that view's page as markup, for `index.html`
//!                                      to paint before the app loads (JSON)
//! tally.tb.<id>.relay                  where it syncs: relay address and token (JSON)
//! tally.tb.<id>.sync.<relay>           Automerge sync state with that relay (base64)
//! tally.storage-id                     this device's storage id for the sync protocol
//! ```
//!
//! The members directory of the kept view is a record beside the documents
//! (`tally.directory.<id>`, JSON): it is large, and not needed to paint the
//! home screen. So are the signatures this device has checked in a timebank
//! (`tally.tb.<id>.checked`, `documents.rs`): a cache that spares the next
//! opening checking them again, written in a transaction of its own and
//! never in localStorage.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ledger::MemberId;
use serde::{Deserialize, Serialize};

mod browser;
pub mod documents;
mod idb;
pub mod migrate;
pub mod records;
#[cfg(test)]
mod tests;

pub use browser::BrowserStore;
pub use documents::Saved;
pub use records::{Records, StoreKind};

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

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => f.write_str("the storage is full"),
            StoreError::Unavailable(reason) => f.write_str(reason),
        }
    }
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
pub fn remember(store: &mut impl KeyValue, id: &str, name: &str) -> Result<(), StoreError> {
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

/// The highest number this device gave a record it signed in timebank
/// `id` (see `Timebank::numbered_to`); 0 if it never signed one.
pub fn last_number(store: &impl KeyValue, id: &str) -> u64 {
    store
        .get(&key(id, "numbered"))
        .and_then(|text| text.parse().ok())
        .unwrap_or(0)
}

/// Keeps the highest number this device gave in timebank `id` (never
/// lowers it: another tab may have given a higher one).
pub fn keep_last_number(
    store: &mut impl KeyValue,
    id: &str,
    number: u64,
) -> Result<(), StoreError> {
    if number <= last_number(store, id) {
        return Ok(());
    }
    store.set(&key(id, "numbered"), &number.to_string())
}

/// The Automerge actors this device's sessions wrote timebank `id` with
/// and kept for a later session to seal what they left unsealed.
pub fn device_actors(store: &impl KeyValue, id: &str) -> Vec<String> {
    store
        .get(&key(id, "actors"))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps, for timebank `id`, the changes this device made that wrote
/// records still owing its seal: `keep` (what the ledger says) replaces
/// what this session read when it opened (`read`); what another tab added
/// since is kept as it is, as only a later session that reads it can tell
/// whether it is done.
pub fn keep_actors(
    store: &mut impl KeyValue,
    id: &str,
    read: &[String],
    keep: &[String],
) -> Result<(), StoreError> {
    let mut actors: Vec<String> = device_actors(store, id)
        .into_iter()
        .filter(|actor| !read.contains(actor) || keep.contains(actor))
        .collect();
    for actor in keep {
        if !actors.contains(actor) {
            actors.push(actor.clone());
        }
    }
    let json =
        serde_json::to_string(&actors).map_err(|e| StoreError::Unavailable(e.to_string()))?;
    store.set(&key(id, "actors"), &json)
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

/// The page painted from timebank `id`'s kept view, as `index.html` reads it.
#[cfg(test)]
pub fn kept_page(store: &impl KeyValue, id: &str) -> Option<crate::first_paint::KeptPage> {
    store
        .get(&key(id, "page"))
        .and_then(|json| serde_json::from_str(&json).ok())
}

/// Keeps the view for the next opening, and the page it paints (if any).
/// The page is removed before the view is written and written after it, so
/// a page that is there is never older than the view. A view that cannot be
/// written is only a slower next opening, never a loss.
pub fn set_cached_view(
    store: &mut impl KeyValue,
    id: &str,
    view: &crate::cached_view::CachedView,
    page: Option<&crate::first_paint::KeptPage>,
) -> Result<(), StoreError> {
    let unavailable = |e: serde_json::Error| StoreError::Unavailable(e.to_string());
    store.remove(&key(id, "page"));
    store.set(
        &key(id, "view"),
        &serde_json::to_string(view).map_err(unavailable)?,
    )?;
    if let Some(page) = page {
        store.set(
            &key(id, "page"),
            &serde_json::to_string(page).map_err(unavailable)?,
        )?;
    }
    Ok(())
}

/// Where the members directory of timebank `id`'s kept view is kept: with
/// the documents (IndexedDB), not in localStorage, which the browser reads
/// whole before the page can paint. Outside the timebank's own prefix, so it
/// is never taken for a piece of its document.
fn directory_key(id: &str) -> String {
    format!("tally.directory.{id}")
}

/// Keeps the members directory of `view` for the next opening. The commit is
/// handed to the store before this returns (a page being left still keeps
/// it); one that fails only makes the members page wait for the document.
pub fn keep_directory(
    documents: &dyn Records,
    id: &str,
    view: &crate::cached_view::CachedView,
) -> records::Later<Result<(), StoreError>> {
    match serde_json::to_vec(&view.members) {
        Ok(json) => documents.commit(vec![records::Write::Put(directory_key(id), json)]),
        Err(e) => Box::pin(std::future::ready(Err(StoreError::Unavailable(
            e.to_string(),
        )))),
    }
}

/// The members directory kept for timebank `id`, if any.
pub async fn kept_directory(
    documents: &dyn Records,
    id: &str,
) -> Option<Vec<crate::cached_view::CachedMember>> {
    let bytes = documents.get(&directory_key(id)).await.ok()??;
    serde_json::from_slice(&bytes).ok()
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

/// An in-memory store, for tests: it can be told to run out of space.
#[cfg(test)]
#[derive(Default, Clone)]
pub struct MemoryStore {
    pub values: std::collections::BTreeMap<String, String>,
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

/// Where this device keeps timebank documents, ready to use: IndexedDB,
/// with every copy localStorage held moved into it (and anything that could
/// not be moved still read from there); or localStorage alone when the
/// browser refuses IndexedDB.
pub async fn open_documents() -> (std::rc::Rc<dyn Records>, Vec<migrate::Moved>) {
    let local: std::rc::Rc<dyn Records> =
        std::rc::Rc::new(records::LocalRecords::new(BrowserStore));
    match idb::IdbRecords::open().await {
        Ok(idb) => {
            let moved = migrate::move_all(local.as_ref(), &idb)
                .await
                .unwrap_or_default();
            let layered = records::Layered {
                main: std::rc::Rc::new(idb),
                old: local,
            };
            (std::rc::Rc::new(layered), moved)
        }
        Err(_) => (local, Vec::new()),
    }
}

/// The characters localStorage gives a site (measured in Chromium; other
/// browsers give about as much).
pub const SMALL_STORE_CHARACTERS: usize = 5_180_000;

/// How many characters this site's localStorage holds now.
pub fn small_store_used(store: &impl KeyValue) -> usize {
    store
        .keys()
        .iter()
        .map(|k| k.len() + store.get(k).map_or(0, |v| v.len()))
        .sum()
}
