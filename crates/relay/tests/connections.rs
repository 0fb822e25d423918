//! No one, with or without a token, can keep the relay from serving others
//! by opening connections and saying nothing: connections beyond an
//! address's share are closed at once, those that send no request (or no
//! `join`) are closed after a timeout, and while every place is taken a
//! new connection makes room by closing the one that has waited longest for
//! a request, never one being answered and never a device's WebSocket.

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

/// A device that joined the timebank (3 keys) before an attack began.
struct JoinedBefore {
    owner: String,
    doc: AutoCommit,
    device: Device,
}

impl JoinedBefore {
    async fn join(address: std::net::SocketAddr) -> JoinedBefore {
        let owner = claim(address, id(1)).await;
        let mut doc = doc_with("k", 3);
        let mut device = Device::connect(address, &owner, id(1), sync::State::new())
            .await
            .unwrap();
        device.sync(&mut doc).await.unwrap();
        JoinedBefore { owner, doc, device }
    }

    /// Its connection was never cut off: a new change still syncs on it.
    async fn still_syncs(&mut self) {
        add(&mut self.doc, "after", 1);
        self.device.sync(&mut self.doc).await.unwrap();
    }
}

/// A new device loads the app, then syncs the whole timebank (within
/// [`PATIENCE`]); `who` names it in a failure.
async fn a_new_device_loads_and_syncs(address: std::net::SocketAddr, owner: &str, who: &str) {
    loads_the_app(address).await;
    let mut copy = AutoCommit::new();
    let synced = tokio::time::timeout(
        PATIENCE,
        sync_doc(address, owner, id(1), &mut copy, sync::State::new()),
    )
    .await;
    assert!(
        matches!(synced, Ok(Ok(_))),
        "{who} could not sync: {synced:?}"
    );
    assert_eq!(copy.keys(ROOT).count(), 3);
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
    // A device that synced before the attack keeps its connection.
    let mut joined = JoinedBefore::join(relay.address).await;
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
    let mut silent_socket = connect(relay.address, &joined.owner).await.unwrap();

    // Twice as many connections that say nothing as the relay keeps open,
    // from four addresses.
    let mut attack = Vec::new();
    for from in 2..=5 {
        attack.extend(half_open([127, 0, 0, from], relay.address, 4).await);
    }

    a_new_device_loads_and_syncs(relay.address, &joined.owner, "a new device").await;

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
    joined.still_syncs().await;
    relay.stop().await;
}

#[tokio::test]
async fn connections_that_say_nothing_cannot_hold_every_place() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections = 8;
        config.max_connections_per_address = 8;
        // Only making room closes anything during this test.
        config.header_timeout_seconds = 3600;
        config.join_timeout_seconds = 3600;
    })
    .await;
    // A device that synced before the attack keeps its connection.
    let mut joined = JoinedBefore::join(relay.address).await;
    // Every other place held by connections that say nothing.
    let mut attack = Vec::new();
    for from in 2..=5 {
        attack.extend(half_open([127, 0, 0, from], relay.address, 2).await);
    }
    tokio::time::sleep(relay::server::GRACE).await;

    a_new_device_loads_and_syncs(relay.address, &joined.owner, "a new device").await;
    // Room was made by closing those that said nothing, the oldest first.
    assert!(
        closed(&mut attack[0]).await,
        "the connection that waited longest was not closed"
    );
    // The device that had joined was never cut off.
    joined.still_syncs().await;
    drop(attack);
    relay.stop().await;
}

#[tokio::test]
async fn a_slow_answer_is_not_closed_to_make_room() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    // A file large enough to wait in the socket's buffers for its reader:
    // the app's code, read on a slow phone.
    let file = vec![7u8; 32 << 20];
    std::fs::write(dist.path().join("app_bg.wasm"), &file).unwrap();
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections = 4;
        config.max_connections_per_address = 8;
        config.header_timeout_seconds = 3600;
    })
    .await;
    // A reader that asks for the file and reads it slowly.
    let mut reader = connect_from([127, 0, 0, 2], relay.address).await;
    reader
        .write_all(b"GET /app_bg.wasm HTTP/1.1\r\nHost: relay\r\n\r\n")
        .await
        .unwrap();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut read = reader.read(&mut buffer).await.unwrap();
    // The rest of the places held by connections that say nothing, and
    // new ones arriving while the reader takes its time.
    let mut attack = half_open([127, 0, 0, 3], relay.address, 3).await;
    for round in 0..4 {
        // Longer than a connection may wait before it can be closed.
        tokio::time::sleep(relay::server::GRACE * 2).await;
        attack.extend(half_open([127, 0, 0, 4 + round], relay.address, 2).await);
        read += reader.read(&mut buffer).await.unwrap();
    }
    // The whole file arrives, however slowly it was read.
    loop {
        let n = tokio::time::timeout(PATIENCE, reader.read(&mut buffer))
            .await
            .expect("the file stopped coming")
            .unwrap();
        assert_ne!(n, 0, "the slow reader was closed after {read} bytes");
        read += n;
        if read >= file.len() {
            break;
        }
    }
    drop(attack);
    relay.stop().await;
}

#[tokio::test]
async fn an_attacker_reopening_silent_connections_cuts_no_device_off() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections = 16;
        config.max_connections_per_address = 16;
        config.header_timeout_seconds = 3600;
    })
    .await;
    let mut joined = JoinedBefore::join(relay.address).await;
    // From four addresses, four times the places in connections that say
    // nothing, each opened again as soon as the relay closes it.
    let address = relay.address;
    let attackers: Vec<_> = (0..64u8)
        .map(|n| {
            tokio::spawn(async move {
                loop {
                    let mut stream = half_open([127, 0, 0, 2 + n % 4], address, 1).await;
                    closed(&mut stream[0]).await;
                }
            })
        })
        .collect();
    tokio::time::sleep(relay::server::GRACE * 2).await;
    // Devices come and go meanwhile, and each is served.
    for round in 0..5 {
        a_new_device_loads_and_syncs(relay.address, &joined.owner, &format!("device {round}"))
            .await;
    }
    // The device joined before the attack was never cut off.
    joined.still_syncs().await;
    for attacker in attackers {
        attacker.abort();
    }
    relay.stop().await;
}
