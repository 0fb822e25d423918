//! Limits that hold behind a NAT and behind a reverse proxy: refused sync
//! attempts are charged to their address and never lock out a device with a
//! good token; good tokens are limited each on its own; a trusted proxy's
//! forwarded addresses are told apart, and no one else's are believed; a
//! huge request head is refused; refusals do not grow the log line by line.

mod support;

use std::net::SocketAddr;
use std::sync::{Mutex, Once};

use automerge::{AutoCommit, ROOT, ReadDoc, sync};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Error as WsError;

/// The status of an answer read whole.
fn status_of(response: &[u8]) -> u16 {
    let text = String::from_utf8_lossy(response);
    text.get(9..12)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"))
}

/// A sync attempt from the loopback address `from`, with `token` (or none)
/// and, if given, an `X-Forwarded-For` header; returns the status.
async fn sync_attempt(
    from: [u8; 4],
    address: SocketAddr,
    token: Option<&str>,
    forwarded: Option<&str>,
) -> u16 {
    let mut stream = connect_from(from, address).await;
    // The peer id the app would give for this token.
    let id = token
        .and_then(|token| token.split_once('.'))
        .map_or("000000000000", |(id, _)| id);
    let token = token
        .map(|token| format!("token={token}&"))
        .unwrap_or_default();
    let peer = format!("tally-{id}-x");
    let forwarded = forwarded
        .map(|forwarded| format!("X-Forwarded-For: {forwarded}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "GET /sync?{token}peer={peer} HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n{forwarded}\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    status_of(&response)
}

/// No token, not a token, and a good token's id with a wrong secret.
fn bad_tokens(good: &str) -> [Option<String>; 3] {
    [
        None,
        Some("hello".to_string()),
        Some(format!("{}.{}", token_id(good), "A".repeat(43))),
    ]
}

/// Whether a sync connection with `token` is refused with 429.
async fn refused_as_too_many(address: SocketAddr, token: &str) -> bool {
    match connect(address, token).await {
        Err(WsError::Http(response)) => response.status() == 429,
        _ => false,
    }
}

#[tokio::test]
async fn refused_attempts_never_lock_out_a_device_with_a_good_token() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start(dist.path(), data.path()).await;
    let owner = claim(relay.address, id(1)).await;
    let member = invite(relay.address, id(1), &owner).await;

    // Anyone on the same address (a home, a NAT, a community Wi-Fi) tries
    // again and again without a good token.
    let bad = bad_tokens(&owner);
    let mut statuses = Vec::new();
    for n in 0..150 {
        let token = bad[n % bad.len()].as_deref();
        statuses.push(sync_attempt([127, 0, 0, 1], relay.address, token, None).await);
    }
    assert!(
        statuses.iter().all(|status| [401, 429].contains(status)),
        "{statuses:?}"
    );
    assert_eq!(
        statuses.last(),
        Some(&429),
        "refused attempts from one address are limited"
    );

    // The members on that address still connect and sync.
    let mut doc = doc_with("k", 3);
    sync_doc(relay.address, &owner, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    let mut theirs = AutoCommit::new();
    sync_doc(
        relay.address,
        &member,
        id(1),
        &mut theirs,
        sync::State::new(),
    )
    .await
    .unwrap();
    assert_eq!(theirs.keys(ROOT).count(), 3);
    relay.stop().await;
}

#[tokio::test]
async fn a_token_over_its_open_connections_is_refused_and_another_token_is_not() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections_per_token = 2;
        // Only closing gives a place back during this test, and it may try
        // as often as it needs to.
        config.join_timeout_seconds = 3600;
        config.connections_per_minute = 100_000;
    })
    .await;
    let owner = claim(relay.address, id(1)).await;
    let member = invite(relay.address, id(1), &owner).await;

    let mut first = connect(relay.address, &owner).await.unwrap();
    let _second = connect(relay.address, &owner).await.unwrap();
    assert!(
        refused_as_too_many(relay.address, &owner).await,
        "a third connection with the same token was not refused with 429"
    );

    // Another token, from the same address, connects and syncs.
    let mut doc = doc_with("k", 3);
    sync_doc(relay.address, &member, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();

    // Once one of its connections closes, the token may open another.
    first.close(None).await.unwrap();
    assert!(closes(&mut first).await);
    let reconnected = tokio::time::timeout(PATIENCE, async {
        loop {
            if let Ok(socket) = connect(relay.address, &owner).await {
                return socket;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    });
    reconnected
        .await
        .expect("the closed connection's place was never given back");
    relay.stop().await;
}

#[tokio::test]
async fn a_trusted_proxys_clients_are_limited_apart_and_no_one_else_is_believed() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.refused_attempts_per_minute = 3;
        config.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let through_proxy = |forwarded: &'static str| {
        sync_attempt([127, 0, 0, 1], relay.address, None, Some(forwarded))
    };

    // One client behind the proxy uses up its refused attempts...
    for _ in 0..3 {
        assert_eq!(through_proxy("203.0.113.7").await, 401);
    }
    assert_eq!(through_proxy("203.0.113.7").await, 429);
    // ...and gets none back by writing another address before its own
    // (the proxy adds the one it saw at the end).
    assert_eq!(through_proxy("198.51.100.1, 203.0.113.7").await, 429);
    // Another client behind the same proxy is not held up.
    assert_eq!(through_proxy("203.0.113.8").await, 401);

    // From an address that is not a trusted proxy the header is ignored:
    // writing a new address each time gives nothing.
    for n in 0..3 {
        let spoofed = format!("192.0.2.{n}");
        let status = sync_attempt([127, 0, 0, 2], relay.address, None, Some(&spoofed)).await;
        assert_eq!(status, 401);
    }
    let status = sync_attempt([127, 0, 0, 2], relay.address, None, Some("192.0.2.99")).await;
    assert_eq!(status, 429, "a forwarded address was believed from anyone");
    relay.stop().await;

    // Without --trusted-proxy, no one's header is believed.
    let data = tempfile::tempdir().unwrap();
    let relay = start_with(dist.path(), data.path(), |config| {
        config.refused_attempts_per_minute = 3;
    })
    .await;
    for n in 0..3 {
        let spoofed = format!("203.0.113.{n}");
        let status = sync_attempt([127, 0, 0, 1], relay.address, None, Some(&spoofed)).await;
        assert_eq!(status, 401);
    }
    let status = sync_attempt([127, 0, 0, 1], relay.address, None, Some("203.0.113.99")).await;
    assert_eq!(
        status, 429,
        "a forwarded address was believed with no proxy named"
    );
    relay.stop().await;
}

/// Sends a whole request for the app's page on `stream`; true when it is
/// answered 200.
async fn page_served(stream: &mut TcpStream) -> bool {
    let request = b"GET / HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n";
    if stream.write_all(request).await.is_err() {
        return false;
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    response.starts_with(b"HTTP/1.1 200")
}

#[tokio::test]
async fn a_trusted_proxy_may_hold_more_connections_than_one_address() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.max_connections_per_address = 2;
        config.header_timeout_seconds = 3600;
        config.trusted_proxies = vec!["127.0.0.3".parse().unwrap()];
    })
    .await;
    // Every device behind the proxy comes from its address.
    let mut through_proxy = Vec::new();
    for _ in 0..4 {
        through_proxy.push(connect_from([127, 0, 0, 3], relay.address).await);
    }
    for (n, stream) in through_proxy.iter_mut().enumerate() {
        assert!(
            page_served(stream).await,
            "connection {} through the proxy was not served",
            n + 1
        );
    }
    // Any other address is still held to its share.
    let _first = connect_from([127, 0, 0, 4], relay.address).await;
    let _second = connect_from([127, 0, 0, 4], relay.address).await;
    let mut third = connect_from([127, 0, 0, 4], relay.address).await;
    assert!(closed(&mut third).await);
    relay.stop().await;
}

#[tokio::test]
async fn a_huge_request_head_is_refused_and_real_requests_pass() {
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start(dist.path(), data.path()).await;
    let owner = claim(relay.address, id(1)).await;

    let mut stream = TcpStream::connect(relay.address).await.unwrap();
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: relay\r\nX-Big: {}\r\n\r\n",
        "a".repeat(200 * 1024)
    );
    // The relay may close before all of it is written.
    let _ = stream.write_all(huge.as_bytes()).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let start = String::from_utf8_lossy(&response[..response.len().min(100)]).into_owned();
    assert!(
        response.is_empty() || response.starts_with(b"HTTP/1.1 431"),
        "a 200 KB header was answered: {start:?}"
    );

    // A request as the app makes it, with room to spare (a browser may add
    // a few KB of cookies for a parent domain), still passes.
    let mut stream = TcpStream::connect(relay.address).await.unwrap();
    let cookies = format!("Cookie: other-site={}\r\n", "c".repeat(8 * 1024));
    let request = format!(
        "GET /api/access HTTP/1.1\r\nHost: relay\r\nConnection: close\r\nAuthorization: Bearer {owner}\r\n{cookies}\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    assert_eq!(status_of(&response), 200);
    let mut doc = doc_with("k", 3);
    sync_doc(relay.address, &owner, id(1), &mut doc, sync::State::new())
        .await
        .unwrap();
    relay.stop().await;
}

/// Every line the relays in this test binary log, at `info` and above.
static LOG: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Captured;

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        LOG.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        tracing_subscriber::fmt()
            .with_writer(|| Captured)
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .init();
    });
}

/// The logged lines that mention `text`.
fn logged_about(text: &str) -> Vec<String> {
    String::from_utf8_lossy(&LOG.lock().unwrap())
        .lines()
        .filter(|line| line.contains(text))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn refusals_are_logged_once_a_minute_not_a_line_each() {
    capture_logs();
    let (dist, data) = (built_app(), tempfile::tempdir().unwrap());
    let relay = start_with(dist.path(), data.path(), |config| {
        config.connections_per_minute = 5;
    })
    .await;
    let owner = claim(relay.address, id(1)).await;

    // 100 refused attempts from one address.
    let bad = bad_tokens(&owner);
    for n in 0..100 {
        let token = bad[n % bad.len()].as_deref();
        sync_attempt([127, 0, 0, 9], relay.address, token, None).await;
    }
    let lines = logged_about("127.0.0.9");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("refused"), "{lines:#?}");

    // A good token tries 50 times in a minute, 5 being allowed (these are
    // plain requests, not WebSockets, so each is refused after the count).
    for _ in 0..50 {
        sync_attempt([127, 0, 0, 10], relay.address, Some(&owner), None).await;
    }
    assert_eq!(
        sync_attempt([127, 0, 0, 10], relay.address, Some(&owner), None).await,
        429
    );
    let lines = logged_about(token_id(&owner));
    let refusals: Vec<_> = lines
        .iter()
        .filter(|line| line.contains("refused"))
        .collect();
    assert_eq!(refusals.len(), 1, "{lines:#?}");
    relay.stop().await;
}
