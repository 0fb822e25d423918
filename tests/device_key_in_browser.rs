//! This device's signing key in a real browser (headless Chromium through
//! wasm-bindgen-test): made by WebCrypto, kept in IndexedDB, checked by the
//! ledger's own Ed25519 code. Each test starts from a browser with no key
//! (`fresh_start`); wasm-bindgen-test runs them one at a time.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Promise, Reflect};
use ledger::trust::{certificate_bytes, verify};
use ledger::{MemberId, Role, Timestamp};
use tally::device_key::{KeyError, device_key, forget_cached};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CryptoKey, IdbDatabase, IdbFactory, IdbRequest, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

const KEY_DATABASE: &str = "tally-keys";
const TIMEBANK: &str = "0123456789abcdef0123456789abcdef";

fn indexed_db() -> IdbFactory {
    web_sys::window().unwrap().indexed_db().unwrap().unwrap()
}

async fn settled(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// A request's result, or its error.
async fn outcome(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match settled(promise).await {
        Ok(_) => request.result(),
        Err(_) => Err(request
            .error()
            .unwrap()
            .map_or(JsValue::NULL, JsValue::from)),
    }
}

/// As if this browser had never made a key: no key database, nothing cached.
async fn fresh_start() {
    forget_cached();
    let deleted = indexed_db().delete_database(KEY_DATABASE).unwrap();
    outcome(&deleted).await.unwrap();
}

/// The names of this site's IndexedDB databases.
async fn databases() -> Vec<String> {
    let factory = indexed_db();
    let list: Function = Reflect::get(&factory, &"databases".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let found: Array = settled(list.call0(&factory).unwrap().unchecked_into())
        .await
        .unwrap()
        .unchecked_into();
    found
        .iter()
        .map(|db| {
            Reflect::get(&db, &"name".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

/// The key database, opened by the test itself (it must exist already).
async fn key_database() -> IdbDatabase {
    let request = indexed_db().open(KEY_DATABASE).unwrap();
    outcome(&request).await.unwrap().dyn_into().unwrap()
}

/// What `tally-keys` holds under `device`, read directly.
async fn stored_record() -> JsValue {
    let db = key_database().await;
    let request = db
        .transaction_with_str("keys")
        .unwrap()
        .object_store("keys")
        .unwrap()
        .get(&"device".into())
        .unwrap();
    let record = outcome(&request).await.unwrap();
    db.close();
    record
}

/// Writes `value` over the `device` record, as a damaged disk might.
async fn overwrite_record(value: &JsValue) {
    let db = key_database().await;
    let request = db
        .transaction_with_str_and_mode("keys", IdbTransactionMode::Readwrite)
        .unwrap()
        .object_store("keys")
        .unwrap()
        .put_with_key(value, &"device".into())
        .unwrap();
    outcome(&request).await.unwrap();
    db.close();
}

/// Every key and value in localStorage.
fn local_storage() -> Vec<(String, String)> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut entries: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .map(|key| {
            let value = storage.get_item(&key).unwrap().unwrap_or_default();
            (key, value)
        })
        .collect();
    entries.sort();
    entries
}

fn member(digit: char) -> MemberId {
    MemberId::parse(&digit.to_string().repeat(32)).unwrap()
}

/// The DOM error name a promise rejected with; panics if it resolved.
async fn rejection(promise: Promise) -> String {
    match settled(promise).await {
        Ok(value) => panic!("expected a refusal, got {value:?}"),
        Err(error) => Reflect::get(&error, &"name".into())
            .unwrap()
            .as_string()
            .unwrap(),
    }
}

fn subtle() -> web_sys::SubtleCrypto {
    web_sys::window().unwrap().crypto().unwrap().subtle()
}

/// The first thing a founding device signs: its own certificate, as a
/// coordinator. The ledger's check accepts the browser's signature of it,
/// and of nothing else.
#[wasm_bindgen_test]
async fn a_browser_signature_passes_the_ledgers_check() {
    fresh_start().await;
    let signer = device_key().await.unwrap();
    let key = signer.key();
    let issued_at = Timestamp(1_795_867_200_000);
    let bytes = certificate_bytes(
        TIMEBANK,
        &key,
        &member('a'),
        Role::Coordinator,
        &key,
        issued_at,
        1,
    )
    .into_bytes();
    let signature = signer.sign(&bytes).await.unwrap();
    assert!(verify(&key, &bytes, &signature));

    for index in [0, bytes.len() / 2, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[index] ^= 0x01;
        assert!(
            !verify(&key, &changed, &signature),
            "a change at byte {index} still verified"
        );
    }
    let for_a_member = certificate_bytes(
        TIMEBANK,
        &key,
        &member('a'),
        Role::Member,
        &key,
        issued_at,
        1,
    );
    assert!(!verify(&key, for_a_member.as_bytes(), &signature));
}

#[wasm_bindgen_test]
async fn the_private_key_cannot_be_read_out() {
    fresh_start().await;
    let made = device_key().await.unwrap();
    forget_cached();
    let reopened = device_key().await.unwrap();
    for signer in [&made, &reopened] {
        let private: &CryptoKey = signer.private_key();
        assert!(!private.extractable());
        assert_eq!(private.type_(), "private");
        let usages: Vec<JsValue> = private.usages().iter().collect();
        assert_eq!(usages, [JsValue::from("sign")]);
        for format in ["pkcs8", "jwk", "raw"] {
            let export = subtle().export_key(format, private).unwrap();
            assert_eq!(
                rejection(export).await,
                "InvalidAccessError",
                "exportKey({format}) of the private key"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_key_is_kept_in_its_own_database_as_a_non_extractable_key() {
    fresh_start().await;
    let signer = device_key().await.unwrap();
    let names = databases().await;
    assert!(names.contains(&KEY_DATABASE.to_string()), "{names:?}");
    assert!(!names.contains(&"tally".to_string()), "{names:?}");

    let record = stored_record().await;
    let mut fields: Vec<String> = Object::keys(record.unchecked_ref::<Object>())
        .iter()
        .map(|field| field.as_string().unwrap())
        .collect();
    fields.sort();
    assert_eq!(fields, ["privateKey", "publicKey"]);
    let private: CryptoKey = Reflect::get(&record, &"privateKey".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(!private.extractable());
    let export = subtle().export_key("pkcs8", &private).unwrap();
    assert_eq!(rejection(export).await, "InvalidAccessError");
    // The stored public half is the signer's key.
    let public: CryptoKey = Reflect::get(&record, &"publicKey".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let raw = settled(subtle().export_key("raw", &public).unwrap())
        .await
        .unwrap();
    assert_eq!(
        js_sys::Uint8Array::new(&raw).to_vec(),
        signer.key().as_bytes()
    );
}

#[wasm_bindgen_test]
async fn the_key_survives_a_reload() {
    fresh_start().await;
    let first = device_key().await.unwrap();
    forget_cached();
    let reopened = device_key().await.unwrap();
    assert_eq!(reopened.key(), first.key());
    let message = b"a record written after the reload";
    let signature = reopened.sign(message).await.unwrap();
    assert!(verify(&first.key(), message, &signature));
}

#[wasm_bindgen_test]
async fn the_key_is_read_once_a_page() {
    fresh_start().await;
    let first = device_key().await.unwrap();
    // With the database gone, only the page's own copy can answer.
    let deleted = indexed_db().delete_database(KEY_DATABASE).unwrap();
    outcome(&deleted).await.unwrap();
    let again = device_key().await.unwrap();
    assert_eq!(again.key(), first.key());
    assert!(!databases().await.contains(&KEY_DATABASE.to_string()));
}

#[wasm_bindgen_test]
async fn two_tabs_starting_at_once_keep_one_key() {
    fresh_start().await;
    let (one, two, three) = futures::join!(device_key(), device_key(), device_key());
    let (one, two, three) = (one.unwrap(), two.unwrap(), three.unwrap());
    assert_eq!(one.key(), two.key());
    assert_eq!(one.key(), three.key());
    forget_cached();
    let stored = device_key().await.unwrap();
    assert_eq!(stored.key(), one.key());
    // Each caller signs with the stored private key, not one it made.
    let message = b"who signed this?";
    for signer in [&one, &two, &three] {
        let signature = signer.sign(message).await.unwrap();
        assert!(verify(&stored.key(), message, &signature));
    }
}

#[wasm_bindgen_test]
async fn nothing_of_the_key_is_in_local_storage() {
    let before = local_storage();
    fresh_start().await;
    let signer = device_key().await.unwrap();
    signer.sign(b"anything").await.unwrap();
    forget_cached();
    device_key().await.unwrap();
    assert_eq!(local_storage(), before);
    let hex = signer.key().to_hex();
    assert!(
        local_storage()
            .iter()
            .all(|(key, value)| !key.contains(&hex) && !value.contains(&hex))
    );
}

#[wasm_bindgen_test]
async fn a_damaged_key_is_reported_and_kept() {
    fresh_start().await;
    device_key().await.unwrap();
    overwrite_record(&"not a key pair".into()).await;
    forget_cached();
    let opened = device_key().await.unwrap_err();
    assert_eq!(opened, KeyError::Damaged);
    assert_eq!(
        opened.to_string(),
        "The signing key kept in this browser is damaged and cannot be used"
    );
    assert_eq!(stored_record().await, JsValue::from("not a key pair"));

    // Two halves of different pairs: each is a key, but they do not sign
    // together.
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let mut pairs = Vec::new();
    for _ in 0..2 {
        let made = subtle()
            .generate_key_with_str("Ed25519", false, &usages)
            .unwrap();
        pairs.push(settled(made).await.unwrap());
    }
    let mismatched = Object::new();
    for (field, pair) in [("publicKey", &pairs[0]), ("privateKey", &pairs[1])] {
        let half = Reflect::get(pair, &field.into()).unwrap();
        Reflect::set(&mismatched, &field.into(), &half).unwrap();
    }
    overwrite_record(&mismatched).await;
    forget_cached();
    assert_eq!(device_key().await.unwrap_err(), KeyError::Damaged);
    fresh_start().await;
}

/// Deterministic entropy for the timebank in the backup test (SplitMix64).
struct Counter(u64);

impl ledger::Entropy for Counter {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            *byte = (z ^ (z >> 31)) as u8;
        }
    }
}

/// The header of an Ed25519 private key in PKCS#8, the form WebCrypto
/// exports one in.
const PKCS8_ED25519: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// A backup file (the timebank's bytes, as Backup downloads them) from a
/// device that founded the timebank and signed records holds no private
/// key: no key material in it, and a browser that restores it (its own key
/// store empty) makes a new key, which the timebank does not know.
#[wasm_bindgen_test]
async fn a_backup_file_holds_no_private_key() {
    fresh_start().await;
    let signer = device_key().await.unwrap();
    let (mut timebank, cora) = ledger::Timebank::create(
        ledger::NewTimebank {
            name: "Riverside".into(),
            unit_label: "hours".into(),
            settings: ledger::Settings::default(),
            founder_key: Some(signer.key()),
        },
        ledger::NewMember {
            name: "Cora".into(),
            ..Default::default()
        },
        Timestamp(1_795_867_200_000),
        Box::new(Counter(1)),
    )
    .unwrap();
    timebank.use_device_key(signer.key());
    let now = Timestamp(1_795_867_300_000);
    let founding = timebank.prepare_founding(&cora, now).unwrap();
    let signature = signer.sign(&founding.bytes).await.unwrap();
    timebank.add_certificate(founding, signature, now).unwrap();
    let ann = timebank
        .add_member(
            &cora,
            ledger::NewMember {
                name: "Ann".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    timebank
        .set_status(&cora, &ann, ledger::MemberStatus::Active, now)
        .unwrap();
    let mut signed = Vec::new();
    for item in timebank.to_sign() {
        let signature = signer.sign(&item.bytes).await.unwrap();
        signed.push((item, signature));
    }
    assert!(
        !signed.is_empty(),
        "the decision to make Ann active is signed"
    );
    timebank.add_signatures(&signed, now).unwrap();
    let backup = timebank.save();

    assert!(
        !backup
            .windows(PKCS8_ED25519.len())
            .any(|window| window == PKCS8_ED25519),
        "a private key in PKCS#8 is in the backup"
    );
    for word in ["\"d\":", "pkcs8", "privateKey", "CryptoKey"] {
        assert!(
            !backup
                .windows(word.len())
                .any(|window| window == word.as_bytes()),
            "{word} is in the backup"
        );
    }
    // Restored in a browser with no key of its own.
    fresh_start().await;
    let other = device_key().await.unwrap();
    assert_ne!(other.key(), signer.key());
    let mut restored = ledger::Timebank::load(&backup, Box::new(Counter(2))).unwrap();
    restored.use_device_key(other.key());
    assert!(restored.trust_founded());
    assert_eq!(
        restored.own_standing(),
        None,
        "the restoring browser is not the founder"
    );
    assert!(restored.authority().standing(&signer.key()).is_some());
}
