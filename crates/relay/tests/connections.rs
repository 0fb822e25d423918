//! No one, with or without a token, can keep the relay from serving others
//! by opening connections and saying nothing: connections beyond an
//! address's share are closed at once, those that send no request (or no
//! `join`) are closed after a timeout, and while every place is taken a
//! device waits its turn and is then served.

mod support;

use automerge::{AutoCommit, ROOT, ReadDoc, sync};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Half a request head: the client stops before the blank line.
const HALF_A_HEAD: &[u8] = b"GET / HTTP/1.1\r\nHost: relay\r\nX-Slow: ";

/// Opens `count` connections from `from` that never finish a request:
/// every other one sends half a request head, the rest nothing.
async fn half_open(from: [u8; 4], address: std::net::SocketAddr, count: usize) -> Vec<TcpStream> {
    let mut streams = Vec::new();
    for n in 0..count {
        let mut stream = connect_from(from, address).await;
        if n % 2 == 0 {
            // The relay may have closed it already.
            let _ = stream.write_all(HALF_A_HEAD).await;
        }
        streams.push(stream);
    }
    streams
}

/// Loads the app (the page, within [`PATIENCE`]) as a browser does.
async fn loads_the_app(address: std::net::SocketAddr) {
    let loaded = tokio::time::timeout(PATIENCE, http(address, "GET", "/", None, None)).await;
    let (status, body) = loaded.expect("the app did not load");
    assert_eq!(status, 200, "{body}");
    assert!(body.starts_with("<!doctype html>"), "{body}");
}

#[tokio::test]
async fn connections_beyond_an_addresss_share_are_closed_and_others_are_served() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections_per_address = 4;
        // Only the share closes anything during this test.
        config.header_timeout_seconds = 3600;
    })
    .await;
    let mut attack = half_open([127, 0, 0, 2], relay.address, 12).await;
    let (kept, beyond) = attack.split_at_mut(4);
    for (n, stream) in beyond.iter_mut().enumerate() {
        assert!(
            closed(stream).await,
            "connection {} from one address stayed open beyond its share",
            n + kept.len() + 1
        );
    }

    // A device from another address loads the app and syncs meanwhile.
    loads_the_app(relay.address).await;
    let owner = claim(relay.address, id(1)).await;
    let mut doc = doc_with("k", 3);
    sync_doc(relay.address, &owner, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    // The share was kept, not more: the first connections are still open.
    for stream in kept.iter() {
        assert!(
            still_open(stream),
            "a connection within the share was closed"
        );
    }
    drop(attack);
    relay.stop().await;
}

#[tokio::test]
async fn half_open_connections_are_closed_and_a_device_still_loads_the_app_and_syncs() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections = 8;
        config.max_connections_per_address = 8;
        config.header_timeout_seconds = 1;
        config.join_timeout_seconds = 1;
    })
    .await;
    let owner = claim(relay.address, id(1)).await;
    // A device that synced before the attack keeps its connection.
    let mut doc = doc_with("k", 3);
    let mut device = Device::connect(relay.address, &owner, id(1), sync::State::new())
        .await
        .unwrap();
    device.sync(&mut doc).await.unwrap();
    // A browser's kept-alive connection after loading the page.
    let mut kept_alive = TcpStream::connect(relay.address).await.unwrap();
    kept_alive
        .write_all(b"GET / HTTP/1.1\r\nHost: relay\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    while !answer.ends_with(b"<!doctype html>") {
        let mut buffer = [0u8; 1024];
        let read = kept_alive.read(&mut buffer).await.unwrap();
        assert_ne!(read, 0, "closed before the page was sent");
        answer.extend_from_slice(&buffer[..read]);
    }
    // A token holder's WebSocket that never says `join`.
    let mut silent_socket = connect(relay.address, &owner).await.unwrap();

    // Twice as many connections that say nothing as the relay keeps open,
    // from four addresses.
    let mut attack = Vec::new();
    for from in 2..=5 {
        attack.extend(half_open([127, 0, 0, from], relay.address, 4).await);
    }

    loads_the_app(relay.address).await;
    let mut fresh = AutoCommit::new();
    sync_doc(relay.address, &owner, id(1), &mut fresh, sync::State::new())
        .await
        .unwrap();
    assert_eq!(fresh.keys(ROOT).count(), 3);

    for (n, stream) in attack.iter_mut().enumerate() {
        assert!(closed(stream).await, "half-open connection {n} stayed open");
    }
    assert!(
        closed(&mut kept_alive).await,
        "an idle kept-alive connection stayed open"
    );
    // Closed, with the code for "no join in time".
    assert_eq!(close_code(&mut silent_socket).await, Some(4408));
    // The device that had joined was never cut off.
    add(&mut doc, "after", 1);
    device.sync(&mut doc).await.unwrap();
    relay.stop().await;
}
