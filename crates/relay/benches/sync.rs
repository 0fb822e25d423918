//! Sync benchmarks, printed as tables by `cargo xtask bench`:
//! 1. Two copies of a timebank diverged by 200 exchanges each converge
//!    through the relay: bytes on the wire and round trips, beside the floor
//!    (the size of the changes each side lacks, from `save_after`).
//! 2. Load: 500 clients on loopback over 50 timebanks, each recording and
//!    syncing 10 times; sync latency p50/p99 and the relay's peak memory.
//!    Bounded: it stops by itself after the last client or two minutes.
//!    Run twice, each on a fresh relay with its default connection limits
//!    (the clients come from 50 loopback addresses, 10 each): quiet, and
//!    under attack, while an attacker with 16 addresses holds the relay's
//!    whole connection cap in half-open sockets (a request never finished,
//!    opened again as soon as the relay closes it) and, with a member's
//!    token, keeps a device that never reads joined to a timebank another
//!    of its devices floods with changes.
//!
//! The relay is the release binary, started as a child process on a port
//! the system picks, with a fresh data folder; its log goes next to that
//! folder (`$TMPDIR/tally-bench-relay-<pid>-<n>.log`), at the level named by
//! `TALLY_BENCH_RELAY_LOG` (`error` unless set).

use std::io::{BufRead, BufReader};
use std::net::Ipv4Addr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, sync};
use futures::{SinkExt, StreamExt};
use ledger::{Account, Channel, Entropy, NewExchange, NewMember, NewTimebank, Settings, Timebank};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use wire::{Client, DocumentId};

struct Seeded(u64);
impl Entropy for Seeded {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            *byte = (self.0 >> 56) as u8;
        }
    }
}

struct Relay {
    child: Child,
    address: String,
}

impl Relay {
    /// A relay with its default limits, except the attempts per token (10
    /// devices of a timebank share one) and the claims per address.
    fn start() -> Relay {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let data =
            std::env::temp_dir().join(format!("tally-bench-relay-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        let dist = data.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_relay"))
            .args([
                "--listen",
                "127.0.0.1:0",
                "--connections-per-minute",
                "1000000",
                // The timebanks of each run, all brought from 127.0.0.1.
                "--claims-per-hour",
                "1000000",
                "--dist",
            ])
            .arg(&dist)
            .arg("--data")
            .arg(data.join("store"))
            .env(
                "RUST_LOG",
                std::env::var("TALLY_BENCH_RELAY_LOG").unwrap_or("error".into()),
            )
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(data.with_extension("log")).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .trim_start_matches("Tally is being served on http://")
            .trim_end_matches('/')
            .to_string();
        Relay { child, address }
    }

    /// The relay's peak resident memory (VmHWM), in KiB.
    fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|line| line.starts_with("VmHWM:"))
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|kib| kib.parse().ok())
            .unwrap_or(0)
    }

    async fn claim(&self, document: DocumentId) -> String {
        let mut stream = tokio::net::TcpStream::connect(&self.address).await.unwrap();
        let body = "{}";
        let request = format!(
            "POST /api/timebanks/{document}/claim HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).await.unwrap();
        let json = response.split_once("\r\n\r\n").unwrap().1;
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        value["token"].as_str().unwrap().to_string()
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Bytes and frames of one sync, each way.
#[derive(Default, Clone, Copy)]
struct Traffic {
    sent: usize,
    received: usize,
    round_trips: usize,
}

type Socket = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// A TCP connection to `address` from the loopback address `from`, so one
/// machine can stand for many addresses.
async fn tcp_from(from: Ipv4Addr, address: &str) -> std::io::Result<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind((from, 0).into())?;
    let address: std::net::SocketAddr = address.parse().map_err(std::io::Error::other)?;
    socket.connect(address).await
}

struct Device {
    socket: Socket,
    client: Client,
}

impl Device {
    async fn connect(address: &str, token: &str, document: DocumentId, name: &str) -> Device {
        Device::connect_from(Ipv4Addr::LOCALHOST, address, token, document, name).await
    }

    async fn connect_from(
        from: Ipv4Addr,
        address: &str,
        token: &str,
        document: DocumentId,
        name: &str,
    ) -> Device {
        Device::try_connect_from(from, address, token, document, name)
            .await
            .unwrap()
    }

    /// Connects and joins; the error says what went wrong on the way.
    async fn try_connect_from(
        from: Ipv4Addr,
        address: &str,
        token: &str,
        document: DocumentId,
        name: &str,
    ) -> Result<Device, String> {
        let token_id = token.split('.').next().unwrap();
        let peer = format!("tally-{token_id}-{name}");
        let url = format!("ws://{address}/sync?token={token}&peer={peer}");
        let stream = tcp_from(from, address)
            .await
            .map_err(|error| format!("connect: {error}"))?;
        let (mut socket, _) = tokio_tungstenite::client_async(url, stream)
            .await
            .map_err(|error| format!("handshake: {error}"))?;
        let client = Client::new(peer, None, document, sync::State::new());
        socket
            .send(WsMessage::Binary(client.hello().into()))
            .await
            .map_err(|error| format!("join: {error}"))?;
        let mut device = Device { socket, client };
        // The `peer` answer.
        let frame = device.next_binary().await;
        device
            .client
            .receive(&mut AutoCommit::new(), &frame)
            .unwrap();
        Ok(device)
    }

    async fn next_binary(&mut self) -> Vec<u8> {
        loop {
            match self.socket.next().await {
                Some(Ok(WsMessage::Binary(bytes))) => return bytes.to_vec(),
                Some(Ok(_)) => continue,
                other => panic!("the relay closed the connection: {other:?}"),
            }
        }
    }

    /// Receives one frame, applies it, and sends the reply, if any.
    async fn step(&mut self, doc: &mut AutoCommit, traffic: &mut Traffic) {
        let frame = self.next_binary().await;
        traffic.received += frame.len();
        traffic.round_trips += 1;
        self.client.receive(doc, &frame).unwrap();
        self.offer(doc, traffic).await;
    }

    /// Sends what this copy has that the relay may lack.
    async fn offer(&mut self, doc: &mut AutoCommit, traffic: &mut Traffic) {
        if let Some(frame) = self.client.next_frame(doc) {
            traffic.sent += frame.len();
            self.socket
                .send(WsMessage::Binary(frame.into()))
                .await
                .unwrap();
        }
    }

    /// Takes in what the relay pushes until this copy has `heads`.
    async fn receive_until(
        &mut self,
        doc: &mut AutoCommit,
        heads: &[automerge::ChangeHash],
    ) -> Traffic {
        let mut traffic = Traffic::default();
        while doc.get_heads() != heads {
            self.step(doc, &mut traffic).await;
        }
        traffic
    }

    /// Sends this copy's new changes and waits until the relay has them
    /// (other devices may go on writing meanwhile).
    async fn share(&mut self, doc: &mut AutoCommit) {
        let mut traffic = Traffic::default();
        self.offer(doc, &mut traffic).await;
        while self.client.unshared_changes(doc) > 0 {
            self.step(doc, &mut traffic).await;
        }
    }

    /// Syncs until both sides hold the same changes.
    async fn sync(&mut self, doc: &mut AutoCommit) -> Traffic {
        let mut traffic = Traffic::default();
        self.offer(doc, &mut traffic).await;
        if traffic.sent == 0 {
            return traffic;
        }
        loop {
            self.step(doc, &mut traffic).await;
            if self.client.is_in_sync(doc) {
                return traffic;
            }
        }
    }
}

fn timebank_with_two_members(seed: u64) -> (Timebank, ledger::MemberId, ledger::MemberId) {
    let now = ledger::Timestamp(1_795_867_200_000);
    let (mut timebank, cora) = Timebank::create(
        NewTimebank {
            name: "Bench".into(),
            unit_label: "hours".into(),
            settings: Settings::default(),
            founder_key: None,
        },
        NewMember {
            name: "Cora".into(),
            ..NewMember::default()
        },
        now,
        Box::new(Seeded(seed)),
    )
    .unwrap();
    let ann = timebank
        .add_member(
            &cora,
            NewMember {
                name: "Ann".into(),
                ..NewMember::default()
            },
            now,
        )
        .unwrap();
    timebank
        .set_status(&cora, &ann, ledger::MemberStatus::Active, now)
        .unwrap();
    (timebank, cora, ann)
}

fn record(timebank: &mut Timebank, by: &ledger::MemberId, other: &ledger::MemberId, n: u32) {
    let now = ledger::Timestamp(1_795_867_200_000 + i64::from(n));
    timebank
        .record(
            by,
            NewExchange {
                payer: Account::Member(other.clone()),
                payee: Account::Member(by.clone()),
                minutes: 15 + n % 120,
                service_date: now.date(),
                description: format!("help {n}"),
                category: None,
                channel: Channel::App,
            },
            now,
        )
        .unwrap();
}

async fn diverged_copies(relay: &Relay) {
    let (mut base, cora, ann) = timebank_with_two_members(1);
    let document = DocumentId::for_timebank(&base.info().id).unwrap();
    let token = relay.claim(document).await;
    let mut first = Device::connect(&relay.address, &token, document, "a").await;
    first.sync(base.document_mut()).await;

    let mut a = base.fork(Box::new(Seeded(2)));
    let mut b = base.fork(Box::new(Seeded(3)));
    for n in 0..200 {
        record(&mut a, &cora, &ann, n);
        record(&mut b, &cora, &ann, 1000 + n);
    }
    let a_heads = a.heads();
    let b_heads = b.heads();
    let floor_a = a.document_mut().save_after(&base.heads()).len();
    let floor_b = b.document_mut().save_after(&base.heads()).len();
    drop(first);

    let mut device_a = Device::connect(&relay.address, &token, document, "a2").await;
    let mut device_b = Device::connect(&relay.address, &token, document, "b").await;
    // Each device keeps its sync state from the shared start.
    let started = Instant::now();
    let up_a = device_a.sync(a.document_mut()).await;
    let both_b = device_b.sync(b.document_mut()).await;
    let target = b.heads();
    let down_a = device_a.receive_until(a.document_mut(), &target).await;
    let took = started.elapsed();
    assert_eq!(a.heads(), b.heads(), "the copies did not converge");
    let _ = (a_heads, b_heads);
    let total = |t: &[Traffic]| -> (usize, usize) {
        (
            t.iter().map(|t| t.sent + t.received).sum(),
            t.iter().map(|t| t.round_trips).sum(),
        )
    };
    // The floor: each side's new changes cross the wire twice (to the
    // relay, then to the other device).
    let floor = 2 * (floor_a + floor_b);
    let (bytes, trips) = total(&[up_a, both_b, down_a]);
    println!("\nSync: two copies diverged by 200 exchanges each, converging through the relay");
    println!("| measure | value | floor | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| bytes on the wire (both devices, both ways) | {bytes} | {floor} (save_after: {floor_a} + {floor_b}, each crossing twice) | {:.2}x |",
        bytes as f64 / floor as f64
    );
    println!(
        "| round trips (A up, B both ways, A down) | {trips} ({} + {} + {}) | 3 | {:.2}x |",
        up_a.round_trips,
        both_b.round_trips,
        down_a.round_trips,
        trips as f64 / 3.0
    );
    println!(
        "| time on loopback | {:.1} ms | - | - |",
        took.as_secs_f64() * 1e3
    );
}

/// What one load run measured.
struct Load {
    clients: usize,
    syncs: usize,
    latency: (String, String),
    connect: (String, String),
    /// Clients whose connection failed before they joined, by what failed.
    failed: Vec<String>,
    wall: Duration,
    bounded: bool,
    peak_mib: f64,
}

/// The `q` quantile of sorted `times`, in milliseconds.
fn quantile(times: &[Duration], q: f64) -> String {
    times
        .get(((times.len() as f64 - 1.0) * q).round() as usize)
        .map_or_else(
            || "-".to_string(),
            |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
        )
}

async fn load(relay: &Relay) -> Load {
    const TIMEBANKS: usize = 50;
    const PER_TIMEBANK: usize = 10;
    const ROUNDS: usize = 10;
    let mut documents = Vec::new();
    for n in 0..TIMEBANKS {
        let mut bytes = [0u8; 16];
        Seeded(100 + n as u64).fill(&mut bytes);
        let document = DocumentId::from_random(bytes);
        let token = relay.claim(document).await;
        // Each timebank starts with one change, so no client must request it.
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "created", n as i64).unwrap();
        doc.commit();
        let mut device = Device::connect(&relay.address, &token, document, "seed").await;
        device.sync(&mut doc).await;
        documents.push((document, token, doc.save()));
    }
    let latencies = Arc::new(std::sync::Mutex::new(Vec::new()));
    let connects = Arc::new(std::sync::Mutex::new(Vec::new()));
    let failed = Arc::new(std::sync::Mutex::new(Vec::new()));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (t, (document, token, saved)) in documents.iter().enumerate() {
        // Ten devices from each address: a community hall's Wi-Fi.
        let from = Ipv4Addr::new(127, 0, 1, 1 + t as u8);
        for c in 0..PER_TIMEBANK {
            let (document, token, saved) = (*document, token.clone(), saved.clone());
            let address = relay.address.clone();
            let (latencies, connects) = (latencies.clone(), connects.clone());
            let failed = failed.clone();
            tasks.push(tokio::spawn(async move {
                let mut doc = AutoCommit::load(&saved).unwrap();
                let began = Instant::now();
                let name = format!("c{t}x{c}");
                let connected =
                    Device::try_connect_from(from, &address, &token, document, &name).await;
                let mut device = match connected {
                    Ok(device) => device,
                    Err(error) => {
                        failed.lock().unwrap().push(error);
                        return;
                    }
                };
                connects.lock().unwrap().push(began.elapsed());
                device.sync(&mut doc).await;
                for round in 0..ROUNDS {
                    doc.put(ROOT, format!("c{c}r{round}"), round as i64)
                        .unwrap();
                    doc.commit();
                    let began = Instant::now();
                    device.share(&mut doc).await;
                    latencies.lock().unwrap().push(began.elapsed());
                }
            }));
        }
    }
    let aborts: Vec<_> = tasks.iter().map(|task| task.abort_handle()).collect();
    let all = futures::future::join_all(tasks);
    let finished = tokio::time::timeout(Duration::from_secs(120), all).await;
    for abort in aborts {
        abort.abort();
    }
    let wall = started.elapsed();
    let mut latencies = latencies.lock().unwrap().clone();
    latencies.sort();
    let mut connects = connects.lock().unwrap().clone();
    connects.sort();
    Load {
        clients: TIMEBANKS * PER_TIMEBANK,
        syncs: latencies.len(),
        latency: (quantile(&latencies, 0.5), quantile(&latencies, 0.99)),
        connect: (quantile(&connects, 0.5), quantile(&connects, 0.99)),
        failed: failed.lock().unwrap().clone(),
        wall,
        bounded: finished.is_err(),
        peak_mib: relay.peak_kib() as f64 / 1024.0,
    }
}

/// An attacker against `relay`, running until dropped: with no token, the
/// relay's whole connection cap of half-open sockets from 16 addresses
/// (each the per-address cap), each opened again as soon as the relay
/// closes it; with a member's token, a device that joins a timebank and
/// never reads, joined again every 40 seconds, while another of its
/// devices writes 64 KiB changes to that timebank five times a second.
struct Attack {
    tasks: Vec<tokio::task::JoinHandle<()>>,
    held: Arc<AtomicUsize>,
}

impl Drop for Attack {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

async fn attack(relay: &Relay) -> Attack {
    const ADDRESSES: u8 = 16;
    const PER_ADDRESS: usize = 256;
    let held = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for a in 0..ADDRESSES {
        let from = Ipv4Addr::new(127, 0, 2, 1 + a);
        for _ in 0..PER_ADDRESS {
            let (address, held) = (relay.address.clone(), held.clone());
            tasks.push(tokio::spawn(async move {
                loop {
                    let Ok(mut stream) = tcp_from(from, &address).await else {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    };
                    if stream
                        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
                        .await
                        .is_err()
                    {
                        continue;
                    }
                    held.fetch_add(1, Ordering::Relaxed);
                    // Until the relay closes it.
                    let mut sink = [0u8; 256];
                    while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
                    held.fetch_sub(1, Ordering::Relaxed);
                }
            }));
        }
    }
    let mut bytes = [0u8; 16];
    Seeded(999).fill(&mut bytes);
    let document = DocumentId::from_random(bytes);
    let token = relay.claim(document).await;
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "created", 0).unwrap();
    doc.commit();
    let mut flooder = Device::connect(&relay.address, &token, document, "flood").await;
    flooder.sync(&mut doc).await;
    let address = relay.address.clone();
    let stalled_token = token.clone();
    tasks.push(tokio::spawn(async move {
        for n in 0.. {
            let device =
                Device::connect(&address, &stalled_token, document, &format!("stall{n}")).await;
            tokio::time::sleep(Duration::from_secs(40)).await;
            drop(device);
        }
    }));
    tasks.push(tokio::spawn(async move {
        let mut noise = Seeded(1000);
        let mut tick = tokio::time::interval(Duration::from_millis(200));
        for n in 0.. {
            tick.tick().await;
            let mut change = vec![0u8; 64 * 1024];
            noise.fill(&mut change);
            doc.put(ROOT, format!("flood{n}"), change).unwrap();
            doc.commit();
            flooder.share(&mut doc).await;
        }
    }));
    // Until the cap is held.
    let began = Instant::now();
    while held.load(Ordering::Relaxed) < usize::from(ADDRESSES) * PER_ADDRESS
        && began.elapsed() < Duration::from_secs(30)
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Attack { tasks, held }
}

fn print_loads(quiet: &Load, attacked: &Load, held: usize) {
    let bounded = |load: &Load| {
        if load.bounded {
            " (stopped at the two-minute bound)"
        } else {
            ""
        }
    };
    println!(
        "\nRelay load: {} clients over 50 timebanks from 50 addresses, 10 changes each, on loopback; quiet{}, and under attack{}: {held} half-open sockets held from 16 addresses (the relay's connection cap) and a device that never reads while another floods its timebank",
        quiet.clients,
        bounded(quiet),
        bounded(attacked),
    );
    println!("| measure | quiet | under attack |");
    println!("|---|---|---|");
    println!("| syncs completed | {} | {} |", quiet.syncs, attacked.syncs);
    println!(
        "| sync latency p50 | {} | {} |",
        quiet.latency.0, attacked.latency.0
    );
    println!(
        "| sync latency p99 | {} | {} |",
        quiet.latency.1, attacked.latency.1
    );
    println!(
        "| time to connect p50 | {} | {} |",
        quiet.connect.0, attacked.connect.0
    );
    println!(
        "| time to connect p99 | {} | {} |",
        quiet.connect.1, attacked.connect.1
    );
    let failed = |load: &Load| {
        let mut kinds: Vec<String> = load
            .failed
            .iter()
            .map(|error| error.split(':').next().unwrap_or_default().to_string())
            .collect();
        kinds.sort();
        kinds.dedup();
        if kinds.is_empty() {
            "0".to_string()
        } else {
            format!("{} (at {})", load.failed.len(), kinds.join(", "))
        }
    };
    println!(
        "| clients whose connection failed | {} | {} |",
        failed(quiet),
        failed(attacked)
    );
    println!(
        "| wall time | {:.1} s | {:.1} s |",
        quiet.wall.as_secs_f64(),
        attacked.wall.as_secs_f64()
    );
    println!(
        "| relay peak memory (VmHWM) | {:.1} MiB | {:.1} MiB |",
        quiet.peak_mib, attacked.peak_mib
    );
}

#[tokio::main]
async fn main() {
    // The attacker's sockets and the clients' share this process's limit.
    let _ = relay::server::raise_open_file_limit();
    let relay = Relay::start();
    diverged_copies(&relay).await;
    let quiet = load(&relay).await;
    drop(relay);
    let relay = Relay::start();
    let attacker = attack(&relay).await;
    let held = attacker.held.load(Ordering::Relaxed);
    let attacked = load(&relay).await;
    drop(attacker);
    print_loads(&quiet, &attacked, held);
}
