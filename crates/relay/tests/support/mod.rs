//! A relay on loopback for tests, a tiny HTTP client for its token API, and
//! a device that syncs one document through it with `wire::Client`.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use automerge::AutoCommit;
use automerge::sync;
use futures::{SinkExt, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use wire::{Client, DocumentId, Received};

/// A timebank's document id, from a number.
pub fn id(n: u8) -> DocumentId {
    DocumentId::from_random([n; 16])
}

/// A document of `count` keys named `<prefix><n>`, one change each.
pub fn doc_with(prefix: &str, count: usize) -> AutoCommit {
    let mut doc = AutoCommit::new();
    add(&mut doc, prefix, count);
    doc
}

/// Adds `count` keys named `<prefix><n>` to `doc`, one change each.
pub fn add(doc: &mut AutoCommit, prefix: &str, count: usize) {
    use automerge::transaction::Transactable;
    for n in 0..count {
        doc.put(automerge::ROOT, format!("{prefix}{n}"), n as i64)
            .unwrap();
        doc.commit();
    }
}

/// The keys of a document's root.
pub fn keys(doc: &AutoCommit) -> Vec<String> {
    use automerge::ReadDoc;
    doc.keys(automerge::ROOT).collect()
}

pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Running {
    pub address: SocketAddr,
    /// The bytes the relay holds for devices.
    pub budget: relay::sync::Budget,
    /// Its access tokens.
    pub tokens: std::sync::Arc<relay::tokens::Tokens>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    pub data: PathBuf,
}

impl Running {
    /// Stops it the way Ctrl-C does, and waits until every change is stored.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap();
    }

    /// Stops it without any chance to finish (a crash or a pulled plug).
    pub fn kill(self) {
        self.task.abort();
    }
}

pub fn built_app() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html>").unwrap();
    dist
}

pub async fn start(dist: &Path, data: &Path) -> Running {
    start_with(dist, data, |_| {}).await
}

pub async fn start_with(
    dist: &Path,
    data: &Path,
    adjust: impl FnOnce(&mut relay::Config),
) -> Running {
    use clap::Parser;
    let mut config = relay::Config::parse_from(["relay"]);
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.dist = dist.to_path_buf();
    config.data = data.to_path_buf();
    adjust(&mut config);
    let relay = relay::Relay::start(&config).await.unwrap();
    let address = relay.address().unwrap();
    let budget = relay.budget();
    let tokens = relay.tokens();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        relay
            .serve(async move {
                let _ = stopped.await;
            })
            .await;
    });
    Running {
        address,
        budget,
        tokens,
        stop: Some(stop),
        task,
        data: data.to_path_buf(),
    }
}

/// One HTTP/1.1 request; returns the status and body.
pub async fn http(
    address: SocketAddr,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> (u16, String) {
    let stream = tokio::net::TcpStream::connect(address).await.unwrap();
    http_on(stream, method, path, token, body).await
}

/// One HTTP/1.1 request from the loopback address `from`; returns the
/// status and body.
pub async fn http_from(
    from: [u8; 4],
    address: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> (u16, String) {
    let stream = connect_from(from, address).await;
    http_on(stream, method, path, None, body).await
}

async fn http_on(
    mut stream: tokio::net::TcpStream,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> (u16, String) {
    let address = stream.peer_addr().unwrap();
    let body = body.unwrap_or("");
    let auth = token
        .map(|token| format!("Authorization: Bearer {token}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    (status, body)
}

/// The token in a JSON answer `{ "token": … }`.
pub fn token_in(body: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    value["token"].as_str().unwrap().to_string()
}

pub async fn claim(address: SocketAddr, document: DocumentId) -> String {
    let (status, body) = http(
        address,
        "POST",
        &format!("/api/timebanks/{document}/claim"),
        None,
        Some(r#"{"label":"founder"}"#),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    token_in(&body)
}

pub async fn invite(address: SocketAddr, document: DocumentId, by: &str) -> String {
    let (status, body) = http(
        address,
        "POST",
        &format!("/api/timebanks/{document}/invites"),
        Some(by),
        Some(r#"{"label":"another device","role":"device"}"#),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    token_in(&body)
}

/// A coordinator revokes a device's token; returns the HTTP status.
pub async fn revoke(address: SocketAddr, document: DocumentId, by: &str, token: &str) -> u16 {
    let path = format!("/api/timebanks/{document}/invites/{}", token_id(token));
    http(address, "DELETE", &path, Some(by), None).await.0
}

/// True once the relay closes the socket (within [`PATIENCE`]).
pub async fn closes(socket: &mut Socket) -> bool {
    let closed = tokio::time::timeout(PATIENCE, async {
        loop {
            match socket.next().await {
                None | Some(Err(_)) | Some(Ok(WsMessage::Close(_))) => return,
                Some(Ok(_)) => continue,
            }
        }
    });
    closed.await.is_ok()
}

/// The close code the relay gave when it closed the connection (within
/// [`PATIENCE`]); `None` when it closed without one, or not at all.
pub async fn close_code<S>(socket: &mut S) -> Option<u16>
where
    S: futures::Stream<Item = Result<WsMessage, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    let closed = tokio::time::timeout(PATIENCE, async {
        loop {
            match socket.next().await {
                Some(Ok(WsMessage::Close(frame))) => {
                    return frame.map(|frame| u16::from(frame.code));
                }
                None | Some(Err(_)) => return None,
                Some(Ok(_)) => continue,
            }
        }
    });
    closed.await.ok().flatten()
}

pub fn token_id(token: &str) -> &str {
    token.split_once('.').unwrap().0
}

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens the sync WebSocket the way the app does.
pub async fn connect(
    address: SocketAddr,
    token: &str,
) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    let peer = peer_for(token);
    let url = format!("ws://{address}/sync?token={token}&peer={peer}");
    tokio_tungstenite::connect_async(url)
        .await
        .map(|(socket, _)| socket)
}

pub fn peer_for(token: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "tally-{}-test{}",
        token_id(token),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A device with its sync connection open.
pub struct Device {
    pub socket: Socket,
    pub client: Client,
    /// This device's peer id, and the relay's once it has answered.
    pub peer: String,
    pub server: Option<String>,
    pub sent: usize,
    pub received: usize,
}

impl Device {
    /// Opens the sync WebSocket as the app does and says `join`.
    pub async fn connect(
        address: SocketAddr,
        token: &str,
        document: DocumentId,
        state: sync::State,
    ) -> Result<Device, String> {
        let peer = peer_for(token);
        let url = format!("ws://{address}/sync?token={token}&peer={peer}");
        let (mut socket, _) = tokio_tungstenite::connect_async(url)
            .await
            .map_err(|error| error.to_string())?;
        let client = Client::new(peer.clone(), Some("test-storage".into()), document, state);
        socket
            .send(WsMessage::Binary(client.hello().into()))
            .await
            .map_err(|e| e.to_string())?;
        Ok(Device {
            socket,
            client,
            peer,
            server: None,
            sent: 1,
            received: 0,
        })
    }

    /// Sends what the relay lacks of `doc` and takes in what it sends,
    /// until both hold the same changes.
    pub async fn sync(&mut self, doc: &mut AutoCommit) -> Result<(), String> {
        let work = async {
            if let Some(frame) = self.client.next_frame(doc) {
                self.send(frame).await?;
            }
            // The server does not answer the last acknowledgement.
            while !self.client.is_in_sync(doc) {
                let frame = match self.socket.next().await {
                    Some(Ok(WsMessage::Binary(bytes))) => bytes,
                    Some(Ok(WsMessage::Close(Some(frame)))) => {
                        return Err(format!("closed with code {}", u16::from(frame.code)));
                    }
                    Some(Ok(WsMessage::Close(None))) | None => return Err("closed".to_string()),
                    Some(Ok(_)) => continue,
                    Some(Err(error)) => return Err(error.to_string()),
                };
                self.received += 1;
                let what = self
                    .client
                    .receive(doc, &frame)
                    .map_err(|e| e.to_string())?;
                match what {
                    Received::Unavailable => return Err("unavailable".into()),
                    Received::Connected { server } => self.server = Some(server),
                    _ => {}
                }
                if let Some(frame) = self.client.next_frame(doc) {
                    self.send(frame).await?;
                }
            }
            Ok(())
        };
        tokio::time::timeout(PATIENCE, work)
            .await
            .map_err(|_| "timed out".to_string())?
    }

    async fn send(&mut self, frame: Vec<u8>) -> Result<(), String> {
        self.socket
            .send(WsMessage::Binary(frame.into()))
            .await
            .map_err(|e| e.to_string())?;
        self.sent += 1;
        Ok(())
    }
}

/// Syncs `doc` with the relay until both hold the same changes; returns the
/// sync state to keep and the number of frames each way.
pub async fn sync_doc(
    address: SocketAddr,
    token: &str,
    document: DocumentId,
    doc: &mut AutoCommit,
    state: sync::State,
) -> Result<(sync::State, usize, usize), String> {
    let mut device = Device::connect(address, token, document, state).await?;
    device.sync(doc).await?;
    let _ = device.socket.close(None).await;
    Ok((
        sync::State::decode(&device.client.state().encode()).unwrap(),
        device.sent,
        device.received,
    ))
}

/// A TCP connection to `address` from the loopback address `from` (any of
/// 127.0.0.0/8), so tests can stand for several addresses.
pub async fn connect_from(from: [u8; 4], address: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((from, 0))).unwrap();
    socket.connect(address).await.unwrap()
}

/// True once the relay closes `stream` (within [`PATIENCE`]); what it sent
/// before is read and dropped.
pub async fn closed(stream: &mut tokio::net::TcpStream) -> bool {
    let mut buffer = [0u8; 4096];
    let closed = tokio::time::timeout(PATIENCE, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    });
    closed.await.is_ok()
}

/// True while `stream` is open and the relay has sent nothing more on it.
pub fn still_open(stream: &tokio::net::TcpStream) -> bool {
    let mut buffer = [0u8; 1];
    matches!(stream.try_read(&mut buffer), Err(error) if error.kind() == std::io::ErrorKind::WouldBlock)
}
