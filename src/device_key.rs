//! This device's own signing key: one Ed25519 key pair per browser (per
//! site), made by WebCrypto on first use and kept in IndexedDB, so that
//! every record this device writes can be signed by it (issue #12).
//!
//! - The private half is made non-extractable: script can ask the browser
//!   to sign with it, never to hand its bytes over. It is kept as the
//!   browser's own `CryptoKey` object (structured clone) in a database of
//!   its own, `tally-keys` (store `keys`, record `device`), apart from the
//!   timebanks' database `tally`: it is never in localStorage, in a
//!   timebank's document, or in a file the app exports.
//! - Only the public half leaves the browser, as its 32 raw bytes
//!   ([`DeviceKey`]). Signatures are checked by the ledger's own Rust code,
//!   never by the browser; a stored pair is checked that way when opened.
//! - The first key stored is the device's key for good: it is written with
//!   `add`, which refuses to replace a record, so two tabs starting at once
//!   end with the one key that was stored first, and a stored record that
//!   cannot be read is reported, never overwritten.

use std::cell::RefCell;
use std::fmt;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use ledger::trust::{DeviceKey, Signature, verify};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, SubtleCrypto};

const DATABASE: &str = "tally-keys";
const VERSION: u32 = 1;
const STORE: &str = "keys";
const RECORD: &str = "device";
const ALGORITHM: &str = "Ed25519";

/// Signed once when a key is opened, to check that its two halves belong
/// together. Never kept or sent; its first byte is not a length prefix, so
/// it is no record's canonical bytes.
const PROBE: &[u8] = b"tally: does this key pair sign?";

/// Why this device has no signing key to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The page was not opened over https (nor from this computer), so the
    /// browser offers no cryptography.
    NotSecure,
    /// The browser does not know Ed25519.
    Unsupported,
    /// The browser's database refused to open, read or keep the key.
    Storage(String),
    /// What the database holds under `device` is not a working key pair.
    /// It is left as it is.
    Damaged,
    /// The browser refused to make a key or to sign.
    Refused(String),
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::NotSecure => f.write_str(
                "This page was not opened over a secure connection (https), \
                 so the browser will not make a signing key",
            ),
            KeyError::Unsupported => f.write_str(
                "This browser cannot make a signing key \
                 (it needs Ed25519: Chrome 137, Safari 17, Firefox 129 or newer)",
            ),
            KeyError::Storage(reason) => {
                write!(f, "This browser would not keep the signing key ({reason})")
            }
            KeyError::Damaged => {
                f.write_str("The signing key kept in this browser is damaged and cannot be used")
            }
            KeyError::Refused(reason) => {
                write!(f, "This browser refused to use the signing key ({reason})")
            }
        }
    }
}

impl std::error::Error for KeyError {}

/// This device's key pair: the public key, and the browser's handle on the
/// private key, which signs and cannot be read out.
#[derive(Debug, Clone)]
pub struct DeviceSigner {
    public: DeviceKey,
    private: CryptoKey,
}

impl DeviceSigner {
    /// The public key, which certificates name and signatures are checked
    /// against.
    pub fn key(&self) -> DeviceKey {
        self.public
    }

    /// The browser's handle on the private key (`extractable` is false).
    pub fn private_key(&self) -> &CryptoKey {
        &self.private
    }

    /// This device's Ed25519 signature of `message` (a record's canonical
    /// bytes), made by the browser.
    pub async fn sign(&self, message: &[u8]) -> Result<Signature, KeyError> {
        sign_with(&subtle()?, &self.private, message).await
    }
}

thread_local! {
    /// The signer, once opened: the page reads IndexedDB once.
    static CACHED: RefCell<Option<DeviceSigner>> = const { RefCell::new(None) };
}

/// This device's signer: the key kept in this browser, or on first use a
/// new one, made and stored. Kept for the page's life after the first call.
pub async fn device_key() -> Result<DeviceSigner, KeyError> {
    if let Some(signer) = CACHED.with_borrow(Clone::clone) {
        return Ok(signer);
    }
    let signer = open_or_make().await?;
    // Two calls that raced here read the same stored key.
    Ok(CACHED.with_borrow_mut(|cached| cached.get_or_insert(signer).clone()))
}

/// The signer, if this page has opened it already (see [`device_key`]).
pub fn cached() -> Option<DeviceSigner> {
    CACHED.with_borrow(Clone::clone)
}

/// Lets the next [`device_key`] read the stored key again, as a reload
/// would (tests use it after deleting the key database).
pub fn forget_cached() {
    CACHED.with_borrow_mut(|cached| *cached = None);
}

/// Reads the stored pair, or makes one and adds it; if another tab added
/// one meanwhile, that one is read and used instead.
async fn open_or_make() -> Result<DeviceSigner, KeyError> {
    let subtle = subtle()?;
    let database = KeyDatabase::open().await?;
    if let Some(pair) = database.read().await? {
        return signer_of(&subtle, &pair).await;
    }
    let made = generate(&subtle).await?;
    if database.add(&made).await? == Added::Kept {
        return signer_of(&subtle, &made).await;
    }
    let stored = database.read().await?.ok_or(KeyError::Damaged)?;
    signer_of(&subtle, &stored).await
}

/// The browser's cryptography, where the page may use it.
fn subtle() -> Result<SubtleCrypto, KeyError> {
    let window = web_sys::window().ok_or(KeyError::Unsupported)?;
    if !window.is_secure_context() {
        return Err(KeyError::NotSecure);
    }
    let crypto = window.crypto().map_err(|_| KeyError::Unsupported)?;
    Ok(crypto.subtle())
}

/// A new pair whose private half cannot be exported.
async fn generate(subtle: &SubtleCrypto) -> Result<JsValue, KeyError> {
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let promise = subtle
        .generate_key_with_str(ALGORITHM, false, &usages)
        .map_err(crypto_error)?;
    JsFuture::from(promise).await.map_err(crypto_error)
}

async fn sign_with(
    subtle: &SubtleCrypto,
    private: &CryptoKey,
    message: &[u8],
) -> Result<Signature, KeyError> {
    let promise = subtle
        .sign_with_str_and_u8_array(ALGORITHM, private, message)
        .map_err(crypto_error)?;
    let signed = JsFuture::from(promise).await.map_err(crypto_error)?;
    Signature::from_slice(&Uint8Array::new(&signed).to_vec())
        .ok_or_else(|| KeyError::Refused("its signature was not 64 bytes".to_string()))
}

/// The signer for a stored (or just made) `CryptoKeyPair`, once its public
/// half is read and a signature by its private half passes the ledger's
/// check.
async fn signer_of(subtle: &SubtleCrypto, pair: &JsValue) -> Result<DeviceSigner, KeyError> {
    let half = |name: &str| {
        Reflect::get(pair, &name.into())
            .ok()
            .and_then(|key| key.dyn_into::<CryptoKey>().ok())
            .ok_or(KeyError::Damaged)
    };
    let (public, private) = (half("publicKey")?, half("privateKey")?);
    if private.type_() != "private" || public.type_() != "public" {
        return Err(KeyError::Damaged);
    }
    let promise = subtle
        .export_key("raw", &public)
        .map_err(|_| KeyError::Damaged)?;
    let raw = JsFuture::from(promise)
        .await
        .map_err(|_| KeyError::Damaged)?;
    let public = <[u8; 32]>::try_from(Uint8Array::new(&raw).to_vec().as_slice())
        .map(DeviceKey::from_bytes)
        .map_err(|_| KeyError::Damaged)?;
    let probe = sign_with(subtle, &private, PROBE).await?;
    if !verify(&public, PROBE, &probe) {
        return Err(KeyError::Damaged);
    }
    Ok(DeviceSigner { public, private })
}

/// The name of a DOM error (`"ConstraintError"`), or "".
fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// A DOM error's name and message, for a notice.
fn in_words(error: &JsValue) -> String {
    let message = Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_string());
    match error_name(error) {
        name if name.is_empty() => message,
        name => format!("{name}: {message}"),
    }
}

fn crypto_error(error: JsValue) -> KeyError {
    if error_name(&error) == "NotSupportedError" {
        KeyError::Unsupported
    } else {
        KeyError::Refused(in_words(&error))
    }
}

fn storage_error(error: JsValue) -> KeyError {
    KeyError::Storage(in_words(&error))
}

/// What became of an `add`.
#[derive(Debug, PartialEq, Eq)]
enum Added {
    Kept,
    /// A record was already there (another tab's key), and is unchanged.
    AlreadyThere,
}

/// A connection to `tally-keys`, closed when dropped (once its
/// transactions are done).
struct KeyDatabase(IdbDatabase);

impl Drop for KeyDatabase {
    fn drop(&mut self) {
        self.0.close();
    }
}

impl KeyDatabase {
    async fn open() -> Result<KeyDatabase, KeyError> {
        let factory = web_sys::window()
            .ok_or(KeyError::Unsupported)?
            .indexed_db()
            .map_err(storage_error)?
            .ok_or_else(|| KeyError::Storage("this browser has no IndexedDB".to_string()))?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(DATABASE, VERSION)
            .map_err(storage_error)?;
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
        let opened = answer(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db = opened?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| KeyError::Storage("the key database did not open".to_string()))?;
        Ok(KeyDatabase(db))
    }

    /// The stored pair, if there is one.
    async fn read(&self) -> Result<Option<JsValue>, KeyError> {
        let request = self
            .0
            .transaction_with_str(STORE)
            .and_then(|transaction| transaction.object_store(STORE))
            .and_then(|store| store.get(&RECORD.into()))
            .map_err(storage_error)?;
        let value = answer(&request).await?;
        Ok((!value.is_undefined()).then_some(value))
    }

    /// Adds `pair` unless a pair is already stored, and waits until it is
    /// on disk.
    async fn add(&self, pair: &JsValue) -> Result<Added, KeyError> {
        // Strict durability: a key that has signed must survive a power cut.
        let options = Object::new();
        let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
        let transaction: IdbTransaction = Reflect::get(&self.0, &"transaction".into())
            .and_then(|open| open.dyn_into::<Function>())
            .and_then(|open| open.call3(&self.0, &STORE.into(), &"readwrite".into(), &options))
            .and_then(|transaction| transaction.dyn_into())
            .map_err(storage_error)?;
        let done = finished(&transaction);
        let added = transaction
            .object_store(STORE)
            .and_then(|store| store.add_with_key(pair, &RECORD.into()));
        if let Err(error) = added {
            let _ = transaction.abort();
            return Err(storage_error(error));
        }
        if done.await.is_ok() {
            return Ok(Added::Kept);
        }
        // `add` refuses a key already present; the transaction is aborted.
        match transaction.error() {
            Some(error) if error.name() == "ConstraintError" => Ok(Added::AlreadyThere),
            Some(error) => Err(storage_error(error.into())),
            None => Err(KeyError::Storage(
                "the browser's database stopped the write".to_string(),
            )),
        }
    }
}

/// Waits for a request's result; its handlers are set before this first
/// yields, so no answer is missed.
async fn answer(request: &IdbRequest) -> Result<JsValue, KeyError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    if JsFuture::from(promise).await.is_err() {
        let error = request.error().ok().flatten().map(JsValue::from);
        return Err(storage_error(error.unwrap_or(JsValue::UNDEFINED)));
    }
    request.result().map_err(storage_error)
}

/// Waits for a transaction to be kept (`Ok`) or aborted (`Err`).
fn finished(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise)
}
