//! Bringing timebanks to the relay is limited, so that no one can fill its
//! disk or slow every device down with claims: a few claims an hour from one
//! address, a cap on timebanks in total, an operator's key if it has one,
//! and a storage quota per timebank. Token checks never wait for a claim's
//! (or any change's) file write.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ScalarValue, sync};
use support::*;
use wire::DocumentId;

/// `length` bytes that do not compress.
fn noise(length: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u8
        })
        .collect()
}

/// Claims `document` from the loopback address `from` with `body`.
async fn claim_from(
    from: [u8; 4],
    address: std::net::SocketAddr,
    document: DocumentId,
    body: &str,
) -> (u16, String) {
    let path = format!("/api/timebanks/{document}/claim");
    http_from(from, address, "POST", &path, Some(body)).await
}

const LABEL: &str = r#"{"label":"founder"}"#;

/// How many timebanks the token file lists.
fn timebanks_in_token_file(data: &Path) -> usize {
    let file = std::fs::read(data.join("tokens.json")).unwrap();
    let book: serde_json::Value = serde_json::from_slice(&file).unwrap();
    book["timebanks"].as_object().unwrap().len()
}

#[tokio::test]
async fn a_claim_flood_from_one_address_is_refused_after_its_share_and_others_still_claim() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.claims_per_hour = 3;
    })
    .await;
    let flooder = [127, 0, 0, 2];
    let mut answers = Vec::new();
    for n in 0..20 {
        answers.push(claim_from(flooder, relay.address, id(n), LABEL).await);
    }
    let statuses: Vec<u16> = answers.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses[..3], [201; 3], "{statuses:?}");
    assert_eq!(statuses[3..], [429; 17], "{statuses:?}");
    let (_, refusal) = &answers[3];
    assert!(refusal.contains(r#""code":"too-many-claims""#), "{refusal}");
    assert!(refusal.contains("try again later"), "{refusal}");

    // Someone at another address brings their timebank meanwhile.
    let (status, body) = claim_from([127, 0, 0, 3], relay.address, id(100), LABEL).await;
    assert_eq!(status, 201, "{body}");
    // The refused claims wrote nothing.
    assert_eq!(timebanks_in_token_file(data.path()), 4);
    relay.stop().await;
}

#[tokio::test]
async fn a_full_relay_refuses_new_timebanks_and_serves_those_it_has() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let cap = |config: &mut relay::Config| config.max_timebanks = 2;
    let relay = start_with(dist.path(), data.path(), cap).await;
    let first = claim(relay.address, id(1)).await;
    let second = claim(relay.address, id(2)).await;
    // From another address, so the claims per address are not what refuses.
    let (status, body) = claim_from([127, 0, 0, 2], relay.address, id(3), LABEL).await;
    assert_eq!(status, 507, "{body}");
    assert!(body.contains(r#""code":"relay-full""#), "{body}");
    assert!(
        body.contains("holds as many timebanks as its operator allows"),
        "{body}"
    );

    // The timebanks it has still invite and sync.
    let device = invite(relay.address, id(1), &first).await;
    let mut doc = doc_with("k", 2);
    sync_doc(relay.address, &device, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    sync_doc(
        relay.address,
        &second,
        id(2),
        &mut doc_with("b", 1),
        sync::State::new(),
    )
    .await
    .unwrap();
    relay.stop().await;

    // Still full after a restart.
    let relay = start_with(dist.path(), data.path(), cap).await;
    let (status, body) = claim_from([127, 0, 0, 3], relay.address, id(3), LABEL).await;
    assert_eq!(status, 507, "{body}");
    relay.stop().await;
}

#[tokio::test]
async fn with_a_claim_key_only_a_device_that_shows_it_brings_a_timebank() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.claim_key = Some("the operator's long claim key".to_string());
    })
    .await;
    let from = [127, 0, 0, 1];
    for body in [LABEL, r#"{"label":"founder","key":"a guess"}"#] {
        let (status, answer) = claim_from(from, relay.address, id(1), body).await;
        assert_eq!(status, 403, "{body}: {answer}");
        assert!(answer.contains(r#""code":"claim-key""#), "{answer}");
    }
    let with_key = r#"{"label":"founder","key":"the operator's long claim key"}"#;
    let (status, answer) = claim_from(from, relay.address, id(1), with_key).await;
    assert_eq!(status, 201, "{answer}");
    let owner = token_in(&answer);
    // The coordinator's device syncs and invites as on any relay.
    invite(relay.address, id(1), &owner).await;
    relay.stop().await;
}

/// Every file of `document` in the data folder, with its bytes.
fn files_of(data: &Path, document: DocumentId) -> BTreeMap<PathBuf, Vec<u8>> {
    let name = document.to_string();
    let folder = data.join("documents").join(&name[..2]).join(&name[2..]);
    let mut files = BTreeMap::new();
    let mut waiting = vec![folder];
    while let Some(path) = waiting.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                waiting.push(entry.unwrap().path());
            }
        } else {
            files.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    files
}

#[tokio::test]
async fn a_timebank_over_its_quota_takes_no_more_changes_loses_nothing_and_others_sync_on() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let quota = |config: &mut relay::Config| config.max_timebank_bytes = 16 * 1024;
    let relay = start_with(dist.path(), data.path(), quota).await;
    let owner = claim(relay.address, id(1)).await;
    let other = claim(relay.address, id(2)).await;
    // One change of 40 KB: taken, as the timebank was under its quota.
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "photo", ScalarValue::Bytes(noise(40_000)))
        .unwrap();
    doc.commit();
    let (state, ..) = sync_doc(relay.address, &owner, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    // A stop waits until every change is stored.
    relay.stop().await;
    let stored = files_of(data.path(), id(1));
    assert!(!stored.is_empty());

    // It counts what is stored when it starts.
    let relay = start_with(dist.path(), data.path(), quota).await;
    add(&mut doc, "late", 1);
    let mut device = Device::connect(relay.address, &owner, id(1), state)
        .await
        .unwrap();
    assert_eq!(
        device.sync(&mut doc).await.unwrap_err(),
        "closed with code 4507"
    );

    // Another timebank syncs on.
    let mut b = doc_with("b", 3);
    sync_doc(relay.address, &other, id(2), &mut b, sync::State::new())
        .await
        .unwrap();
    // A new device still fetches everything that was stored, and nothing
    // of the change refused.
    let mut fresh = AutoCommit::new();
    sync_doc(relay.address, &owner, id(1), &mut fresh, sync::State::new())
        .await
        .unwrap();
    assert_eq!(keys(&fresh), ["photo"]);
    relay.stop().await;
    assert_eq!(
        files_of(data.path(), id(1)),
        stored,
        "the timebank's files changed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_checks_do_not_wait_for_a_claim_being_written() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start(dist.path(), data.path()).await;
    let owner = claim(relay.address, id(1)).await;
    let member = invite(relay.address, id(1), &owner).await;

    // From now on each write of the token file is held up until the test
    // lets it go (or PATIENCE has passed, should the test fail first).
    let (reached, mut write_reached) = tokio::sync::mpsc::unbounded_channel();
    let (let_go, wait_for_test) = std::sync::mpsc::channel::<()>();
    let wait_for_test = Mutex::new(wait_for_test);
    let writing = Arc::new(AtomicBool::new(false));
    let held = writing.clone();
    relay.tokens.before_each_write(Box::new(move || {
        held.store(true, Ordering::SeqCst);
        let _ = reached.send(());
        let _ = wait_for_test.lock().unwrap().recv_timeout(PATIENCE);
        held.store(false, Ordering::SeqCst);
    }));
    let address = relay.address;
    let claiming = tokio::spawn(async move {
        let path = format!("/api/timebanks/{}/claim", id(2));
        http(address, "POST", &path, None, Some(LABEL)).await
    });
    tokio::time::timeout(PATIENCE, write_reached.recv())
        .await
        .expect("the claim never reached its write");

    // While the claim's write is held up, the API checks a token, a
    // coordinator lists the devices, and a device syncs (its token checked
    // before the upgrade and by samod's share policy).
    let (status, body) = http(address, "GET", "/api/access", Some(&member), None).await;
    assert_eq!(status, 200, "{body}");
    let path = format!("/api/timebanks/{}/invites", id(1));
    let (status, body) = http(address, "GET", &path, Some(&owner), None).await;
    assert_eq!(status, 200, "{body}");
    let mut doc = doc_with("k", 2);
    sync_doc(address, &member, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    assert!(
        writing.load(Ordering::SeqCst),
        "the checks were answered only after the write was done"
    );

    let_go.send(()).unwrap();
    let (status, body) = claiming.await.unwrap();
    assert_eq!(status, 201, "{body}");
    let founder = token_in(&body);
    let (status, _) = http(address, "GET", "/api/access", Some(&founder), None).await;
    assert_eq!(status, 200, "the claim, once written, works");
    relay.stop().await;
}
