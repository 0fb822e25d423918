//! One device cannot make the relay's memory grow: a device that stops
//! reading is dropped (too much waits for it, or its connection takes
//! nothing for too long) while the relay holds little and serves the
//! others, and a message larger than a real timebank needs is refused.

mod support;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ScalarValue, sync};
use futures::{SinkExt, StreamExt};
use support::*;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A change holding `bytes` bytes that do not compress.
fn add_noise(doc: &mut AutoCommit, key: &str, bytes: usize, seed: u64) {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let noise: Vec<u8> = (0..bytes)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    doc.put(ROOT, key, ScalarValue::Bytes(noise)).unwrap();
    doc.commit();
}

/// Twice what the system's socket buffers took in on loopback for a device
/// that reads nothing (about 3.5 MiB).
const FLOOD_CHANGES: usize = 16;
const FLOOD_CHANGE_BYTES: usize = 512 * 1024;

/// A member's device joins and syncs, then stops reading its socket; the
/// coordinator's device then records large changes, one sync each, which
/// the relay passes on to the stalled device too. Returns the stalled
/// device, unread, and the coordinator's device: its token, document and
/// sync state.
async fn stall_and_flood(relay: &Running) -> (Device, Coordinator) {
    let owner = claim(relay.address, id(1)).await;
    let member = invite(relay.address, id(1), &owner).await;
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "name", "the hall").unwrap();
    doc.commit();
    let (mut state, ..) = sync_doc(relay.address, &owner, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    let mut stalled_doc = AutoCommit::new();
    let mut stalled = Device::connect(relay.address, &member, id(1), sync::State::new())
        .await
        .unwrap();
    stalled.sync(&mut stalled_doc).await.unwrap();
    for n in 0..FLOOD_CHANGES {
        add_noise(&mut doc, &format!("photo{n}"), FLOOD_CHANGE_BYTES, n as u64);
        (state, ..) = sync_doc(relay.address, &owner, id(1), &mut doc, state)
            .await
            .unwrap();
    }
    (stalled, Coordinator { owner, doc, state })
}

struct Coordinator {
    owner: String,
    doc: AutoCommit,
    state: sync::State,
}

/// The relay still syncs the timebank with a device that reads (each sync
/// of the flood ended with the relay holding the device's changes).
async fn others_are_served(relay: &Running, mut coordinator: Coordinator) {
    coordinator.doc.put(ROOT, "after", "the flood").unwrap();
    coordinator.doc.commit();
    sync_doc(
        relay.address,
        &coordinator.owner,
        id(1),
        &mut coordinator.doc,
        coordinator.state,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_device_that_lets_too_much_wait_for_it_is_dropped_and_the_relay_holds_little() {
    const MAX_QUEUED: usize = 1024 * 1024;
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_queued_bytes = MAX_QUEUED;
        // Only the bound on what waits can drop it during this test.
        config.send_timeout_seconds = 3600;
    })
    .await;
    let (mut stalled, coordinator) = stall_and_flood(&relay).await;
    assert!(
        closes(&mut stalled.socket).await,
        "the device that stopped reading was never dropped"
    );
    let (peak, flood) = (relay.budget.peak(), FLOOD_CHANGES * FLOOD_CHANGE_BYTES);
    assert!(
        peak < 4 * MAX_QUEUED,
        "the relay held {peak} bytes for devices at once while {flood} flooded through"
    );
    others_are_served(&relay, coordinator).await;
    relay.stop().await;
}

#[tokio::test]
async fn a_device_whose_connection_takes_nothing_is_dropped_after_the_send_timeout() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.send_timeout_seconds = 1;
        // Only the send timeout can drop it during this test.
        config.max_queued_bytes = 1 << 40;
    })
    .await;
    let (mut stalled, _) = stall_and_flood(&relay).await;
    assert!(
        closes(&mut stalled.socket).await,
        "the device that stopped reading was never dropped"
    );
    relay.stop().await;
}

#[tokio::test]
async fn a_message_larger_than_a_real_timebank_needs_is_refused_by_default() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start(dist.path(), data.path()).await;
    let owner = claim(relay.address, id(1)).await;
    let mut huge = AutoCommit::new();
    add_noise(&mut huge, "huge", 17 * 1024 * 1024, 1);
    let refused = sync_doc(relay.address, &owner, id(1), &mut huge, sync::State::new()).await;
    assert!(refused.is_err(), "a 17 MiB message was taken");
    // The device is told why, with the code the app shows as "too big",
    // while it is still sending.
    let device = Device::connect(relay.address, &owner, id(1), sync::State::new())
        .await
        .unwrap();
    let (mut sending, mut receiving) = device.socket.split();
    tokio::spawn(async move {
        let frame = vec![0u8; 17 * 1024 * 1024];
        let _ = sending.send(WsMessage::Binary(frame.into())).await;
    });
    assert_eq!(close_code(&mut receiving).await, Some(4413));
    // A large timebank (2,000 members, 50,000 exchanges) is 3.5 MB in full
    // (the largest measured, 14.5 MB, is in tests/sync.rs).
    let mut large = AutoCommit::new();
    add_noise(&mut large, "large", 4 * 1024 * 1024, 2);
    sync_doc(relay.address, &owner, id(1), &mut large, sync::State::new())
        .await
        .unwrap();
    relay.stop().await;
}
