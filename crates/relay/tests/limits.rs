//! A request head longer than the relay reads is refused, and the app's
//! real requests pass.

mod support;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, sync};
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wire::DocumentId;

fn id(n: u8) -> DocumentId {
    DocumentId::from_random([n; 16])
}

fn doc_with(prefix: &str, count: usize) -> AutoCommit {
    let mut doc = AutoCommit::new();
    for n in 0..count {
        doc.put(ROOT, format!("{prefix}{n}"), n as i64).unwrap();
        doc.commit();
    }
    doc
}

/// The status of an answer read whole.
fn status_of(response: &[u8]) -> u16 {
    let text = String::from_utf8_lossy(response);
    text.get(9..12)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"))
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
