//! [`Records`] over IndexedDB, through web-sys's `Idb*` types directly: one
//! database (`tally`), one object store (`records`) of byte arrays under
//! text keys. Every commit is one `readwrite` transaction with strict
//! durability, so it is all kept or none of it is; every read is one
//! `readonly` transaction, so it sees one consistent state.
//!
//! web-sys rather than a wrapper crate: the app needs four operations, and
//! the wrappers (rexie, indexed_db_futures, idb) each bring their own
//! futures layer and version churn for what is about a hundred lines here.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
};

use super::StoreError;
use super::records::{Found, Later, Records, StoreKind, Write};

const DATABASE: &str = "tally";
const VERSION: u32 = 1;
const STORE: &str = "records";

/// This site's IndexedDB database of Tally's records.
#[derive(Debug, Clone)]
pub struct IdbRecords {
    db: IdbDatabase,
}

/// The name and message of a DOM error, in plain words for a notice.
fn store_error(error: JsValue) -> StoreError {
    let name = Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return StoreError::Full;
    }
    let message = Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser's database refused".to_string());
    StoreError::Unavailable(if name.is_empty() {
        message
    } else {
        format!("{name}: {message}")
    })
}

/// A request's answer, to be waited for; the handlers are set at once, so
/// an answer that comes before the wait is not missed.
struct Answer {
    request: IdbRequest,
    promise: JsFuture,
}

fn answer(request: IdbRequest) -> Answer {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    Answer {
        request,
        promise: JsFuture::from(promise),
    }
}

impl Answer {
    async fn get(self) -> Result<JsValue, StoreError> {
        let request = self.request;
        self.promise.await.map_err(|_| {
            store_error(
                request
                    .error()
                    .ok()
                    .flatten()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::UNDEFINED),
            )
        })?;
        request.result().map_err(store_error)
    }
}

/// Waits for a transaction to be kept (or aborted, with its reason).
fn finished(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise)
}

fn abort_reason(transaction: &IdbTransaction) -> StoreError {
    match transaction.error() {
        Some(error) => store_error(error.into()),
        None => StoreError::Unavailable("the browser's database stopped the save".to_string()),
    }
}

impl IdbRecords {
    /// Opens (and on first use, makes) the database. `Err` when the browser
    /// refuses IndexedDB: some private modes, policies, a full disk.
    pub async fn open() -> Result<IdbRecords, StoreError> {
        let factory = web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))?
            .indexed_db()
            .map_err(store_error)?
            .ok_or_else(|| StoreError::Unavailable("this browser has no IndexedDB".into()))?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(DATABASE, VERSION)
            .map_err(store_error)?;
        let upgrade = Closure::<dyn Fn(web_sys::Event)>::new({
            let request = request.clone();
            move |_| {
                if let Ok(db) = request.result().and_then(|db| db.dyn_into::<IdbDatabase>())
                    && !db.object_store_names().contains(STORE)
                {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = answer(request.clone().unchecked_into()).get().await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db: IdbDatabase = opened?
            .dyn_into()
            .map_err(|_| StoreError::Unavailable("the database did not open".into()))?;
        // A later release that changes the layout asks open tabs to let go.
        let release = Closure::<dyn Fn()>::new({
            let db = db.clone();
            move || db.close()
        });
        db.set_onversionchange(Some(release.as_ref().unchecked_ref()));
        release.forget();
        Ok(IdbRecords { db })
    }

    fn transaction(&self, write: bool) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
        let transaction: IdbTransaction = if write {
            // Strict durability: a kept save survives a power cut.
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
            let open: Function = Reflect::get(&self.db, &"transaction".into())
                .map_err(store_error)?
                .dyn_into()
                .map_err(|_| StoreError::Unavailable("no transactions".into()))?;
            open.call3(&self.db, &STORE.into(), &"readwrite".into(), &options)
                .map_err(store_error)?
                .dyn_into()
                .map_err(|_| StoreError::Unavailable("no transaction".into()))?
        } else {
            self.db.transaction_with_str(STORE).map_err(store_error)?
        };
        let store = transaction.object_store(STORE).map_err(store_error)?;
        Ok((transaction, store))
    }

    fn range(prefix: &str) -> Result<IdbKeyRange, StoreError> {
        IdbKeyRange::bound(&prefix.into(), &format!("{prefix}\u{ffff}").into()).map_err(store_error)
    }
}

fn bytes_of(value: &JsValue) -> Vec<u8> {
    if let Some(text) = value.as_string() {
        return text.into_bytes();
    }
    Uint8Array::new(value).to_vec()
}

impl Records for IdbRecords {
    fn read(&self, prefix: &str) -> Later<Result<Found, StoreError>> {
        let started = Self::range(prefix).and_then(|range| {
            let (_, store) = self.transaction(false)?;
            let keys = store.get_all_keys_with_key(&range).map_err(store_error)?;
            let values = store.get_all_with_key(&range).map_err(store_error)?;
            Ok((answer(keys), answer(values)))
        });
        Box::pin(async move {
            let (keys, values) = started?;
            let keys: Array = keys.get().await?.unchecked_into();
            let values: Array = values.get().await?.unchecked_into();
            Ok(keys
                .iter()
                .zip(values.iter())
                .filter_map(|(key, value)| Some((key.as_string()?, bytes_of(&value))))
                .collect())
        })
    }

    fn keys(&self, prefix: &str) -> Later<Result<Vec<String>, StoreError>> {
        let started = Self::range(prefix).and_then(|range| {
            let (_, store) = self.transaction(false)?;
            store
                .get_all_keys_with_key(&range)
                .map(answer)
                .map_err(store_error)
        });
        Box::pin(async move {
            let keys: Array = started?.get().await?.unchecked_into();
            Ok(keys.iter().filter_map(|key| key.as_string()).collect())
        })
    }

    fn get(&self, key: &str) -> Later<Result<Option<Vec<u8>>, StoreError>> {
        let started = self
            .transaction(false)
            .and_then(|(_, store)| store.get(&key.into()).map(answer).map_err(store_error));
        Box::pin(async move {
            let value = started?.get().await?;
            Ok((!value.is_undefined()).then(|| bytes_of(&value)))
        })
    }

    fn commit(&self, writes: Vec<Write>) -> Later<Result<(), StoreError>> {
        // Every request is made now, before this returns.
        let started = self.transaction(true).and_then(|(transaction, store)| {
            let done = finished(&transaction);
            for write in &writes {
                let made = match write {
                    Write::Put(key, bytes) => {
                        store.put_with_key(&Uint8Array::from(bytes.as_slice()), &key.into())
                    }
                    Write::Delete(key) => store.delete(&key.into()),
                };
                if let Err(error) = made {
                    let _ = transaction.abort();
                    return Err(store_error(error));
                }
            }
            // Nothing more comes: let the browser keep it at once
            // (`commit()`, where the browser has it).
            if let Ok(commit) = Reflect::get(&transaction, &"commit".into())
                && let Ok(commit) = commit.dyn_into::<Function>()
            {
                let _ = commit.call0(&transaction);
            }
            Ok((transaction, done))
        });
        Box::pin(async move {
            let (transaction, done) = started?;
            done.await.map_err(|_| abort_reason(&transaction))?;
            Ok(())
        })
    }

    fn kind(&self) -> StoreKind {
        StoreKind::Large
    }
}
