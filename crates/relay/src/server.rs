//! Taking in connections so that no one, with or without a token, can keep
//! the relay from serving everyone else by opening connections and saying
//! nothing.
//!
//! - At most `connections` are open at once. While every place is taken,
//!   a new connection makes room: the relay closes the connection that has
//!   waited longest for a request, once it has waited at least [`GRACE`]
//!   with nothing to say (the relay found nothing to read on it; one whose
//!   request waits unread while the relay is busy is not closed) and been
//!   sent nothing for as long. A connection answering a request is
//!   never closed for room, nor one that became a WebSocket; so whoever
//!   holds every place with connections that say nothing loses them to real
//!   devices, one by one, instead of keeping everyone out. When no
//!   connection has waited that long, the new one waits for a place (a
//!   browser sees a slow answer, not a refusal), and the next ones wait in
//!   the system's backlog. The relay lowers this number to what its
//!   open-file limit allows, which it first raises as far as it may, so it
//!   never runs out of file descriptors.
//! - At most `per_address` are open from one address (an IPv6 /64 counts as
//!   one address); more are closed as soon as they arrive. A reverse proxy
//!   the operator named (`--trusted-proxy`) is not held to this: every
//!   device behind it has its address.
//! - hyper closes a connection that has not sent a whole request head within
//!   `header_timeout`: a new one, and a kept-alive one between requests. It
//!   answers a head longer than `max_header_bytes` with 431 and closes.
//! - Each request carries the connection's address (`ConnectInfo`) and the
//!   trusted proxies, from which `limits::ClientAddress` tells who called.
//! - A connection keeps its place until it closes (or is closed for room),
//!   also after it became a WebSocket: hyper hands the same stream to the
//!   socket.
//!
//! A connection whose request head arrives just as it is closed for room
//! loses that request; browsers send a request again when a kept-alive
//! connection closes under it.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, StatusCode};
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, TryAcquireError, watch};
use tokio::task::JoinSet;
use tower_http::add_extension::AddExtension;

use crate::limits::{Neighbourhood, TrustedProxies};

/// How many connections the relay keeps open, for how long it waits for a
/// request, and how long a request's head may be.
#[derive(Debug, Clone)]
pub struct Limits {
    pub connections: usize,
    pub per_address: usize,
    pub header_timeout: Duration,
    pub max_header_bytes: usize,
    pub trusted_proxies: TrustedProxies,
}

/// How long a stop waits for the requests under way to be answered.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// How often at most the same warning about full places is logged.
const WARN_EVERY: Duration = Duration::from_secs(60);

/// Serves `router` on `listener` within `limits` until `stop` completes;
/// then answers the requests under way (for a few seconds at most) and
/// returns. WebSockets are not waited for: they are the sync's to close.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let places = Arc::new(Semaphore::new(limits.connections.max(1)));
    let addresses = Addresses::new(limits.per_address.max(1));
    let waiting = Waiting::default();
    let (stopping, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut warned_full: Option<Instant> = None;
    let mut warned_address: Option<Instant> = None;
    let mut stop = std::pin::pin!(stop);
    'accepting: loop {
        while connections.try_join_next().is_some() {}
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors or memory: wait rather than spin.
                    tracing::error!(%error, "could not accept a connection");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let address = if limits.trusted_proxies.trusts(remote.ip()) {
            None
        } else {
            let Some(address) = addresses.admit(remote.ip()) else {
                if due(&mut warned_address) {
                    tracing::warn!(
                        ip = %remote.ip(),
                        per_address = limits.per_address,
                        "closing connections from an address that has too many open"
                    );
                }
                continue;
            };
            Some(address)
        };
        let place = match places.clone().try_acquire_owned() {
            Ok(place) => place,
            Err(TryAcquireError::Closed) => break,
            Err(TryAcquireError::NoPermits) => {
                if due(&mut warned_full) {
                    tracing::warn!(
                        connections = limits.connections,
                        "every connection place is taken: closing connections that wait for a request, or waiting until one closes"
                    );
                }
                // Close the connection that has waited longest, then take
                // its place once it is gone; try the next one meanwhile
                // if none had waited long enough or the place went slowly.
                loop {
                    waiting.close_longest_waiting(Instant::now());
                    tokio::select! {
                        place = places.clone().acquire_owned() => match place {
                            Ok(place) => break place,
                            Err(_) => break 'accepting,
                        },
                        () = tokio::time::sleep(GRACE / 4) => {}
                        () = &mut stop => break 'accepting,
                    }
                }
            }
        };
        let turn = Turn::new(waiting.clone());
        let admitted = Admitted {
            stream,
            turn: turn.clone(),
            _place: place,
            _address: address,
        };
        connections.spawn(serve_connection(
            admitted,
            turn,
            remote,
            router.clone(),
            limits.clone(),
            stopped.clone(),
        ));
    }
    let _ = stopping.send(true);
    let answered = tokio::time::timeout(STOP_GRACE, async {
        while connections.join_next().await.is_some() {}
    });
    if answered.await.is_err() {
        tracing::warn!("stopping without answering requests still under way");
    }
}

/// True (and remembers now) when the last warning is old enough to repeat.
fn due(last: &mut Option<Instant>) -> bool {
    let now = Instant::now();
    if last.is_some_and(|last| now.duration_since(last) < WARN_EVERY) {
        return false;
    }
    *last = Some(now);
    true
}

async fn serve_connection(
    admitted: Admitted,
    turn: Arc<Turn>,
    remote: SocketAddr,
    router: Router,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let router = AddExtension::new(router, ConnectInfo(remote));
    let router = TowerToHyperService::new(AddExtension::new(router, limits.trusted_proxies));
    let answering = turn.clone();
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let turn = answering.clone();
        turn.answering();
        let answer = hyper::service::Service::call(&router, request);
        async move {
            let response: Response<Body> = match answer.await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            if response.status() == StatusCode::SWITCHING_PROTOCOLS {
                // A WebSocket from now on: never closed for room.
                turn.done();
                return Ok::<_, Infallible>(response.map(|body| Answering { body, turn: None }));
            }
            Ok(response.map(|body| Answering {
                body,
                turn: Some(turn),
            }))
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(limits.max_header_bytes);
    let connection = builder
        .serve_connection(TokioIo::new(admitted), service)
        .with_upgrades();
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        // Errors here are the client's (it went away, sent nonsense, or
        // too slowly); hyper has answered what it could.
        _ = connection.as_mut() => {
            turn.done();
            return;
        }
        // Closed to make room: dropping it closes the socket.
        () = turn.closed() => return,
        _ = stopping.wait_for(|stopping| *stopping) => {}
    }
    turn.done();
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// How long a connection must have waited for a request, and been sent
/// nothing, before the relay may close it to make room for a new one.
pub const GRACE: Duration = Duration::from_secs(1);

/// The connections that wait for a request (not answering one, not a
/// WebSocket), in the order they began to wait; clones share them.
#[derive(Clone, Default)]
struct Waiting(Arc<Mutex<WaitingList>>);

#[derive(Default)]
struct WaitingList {
    next: u64,
    listed: BTreeMap<u64, Arc<Turn>>,
}

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, WaitingList> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Closes the connection that has waited longest, if it may be closed
    /// for room ([`Turn::may_close_for_room`]).
    fn close_longest_waiting(&self, now: Instant) {
        let mut list = self.lock();
        let chosen = list
            .listed
            .iter()
            .find(|(_, turn)| turn.may_close_for_room(now))
            .map(|(serial, _)| *serial);
        let Some(turn) = chosen.and_then(|serial| list.listed.remove(&serial)) else {
            return;
        };
        drop(list);
        turn.close();
    }
}

/// Clock readings as milliseconds since the relay first read it, so they
/// fit in an atomic.
fn millis_since_start(at: Instant) -> u64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    u64::try_from(at.saturating_duration_since(start).as_millis()).unwrap_or(u64::MAX)
}

fn instant_of(millis: u64) -> Instant {
    let now = Instant::now();
    now - Duration::from_millis(millis_since_start(now).saturating_sub(millis))
}

/// One connection's standing: whether it waits for a request (and so may
/// be closed for room), when the relay last sent it anything, and since
/// when it has had nothing to say.
struct Turn {
    waiting: Waiting,
    state: Mutex<TurnState>,
    /// When it began to wait, or was last sent something, whichever is later.
    idle_since: AtomicU64,
    /// Since when reading it found nothing, after the last bytes it sent;
    /// [`UNKNOWN`] until reading it first finds nothing. A connection
    /// whose request waits unread (the relay is busy) is not silent.
    silent_since: AtomicU64,
    closing: Notify,
}

/// Not silent: it sent something since the relay last found nothing to
/// read, or the relay has not read it yet.
const UNKNOWN: u64 = u64::MAX;

#[derive(Default)]
struct TurnState {
    /// Its place in the waiting list, while it waits.
    listed: Option<u64>,
    /// Requests being answered.
    answering: usize,
    /// It ended, or became a WebSocket: never listed again.
    done: bool,
}

impl Turn {
    /// A new connection, waiting for its first request.
    fn new(waiting: Waiting) -> Arc<Turn> {
        let turn = Arc::new(Turn {
            waiting,
            state: Mutex::default(),
            idle_since: AtomicU64::new(millis_since_start(Instant::now())),
            silent_since: AtomicU64::new(UNKNOWN),
            closing: Notify::new(),
        });
        turn.wait_for_request(&mut turn.lock());
        turn
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TurnState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait_for_request(self: &Arc<Self>, state: &mut TurnState) {
        if state.done || state.answering > 0 || state.listed.is_some() {
            return;
        }
        self.sent_something();
        let mut list = self.waiting.lock();
        let serial = list.next;
        list.next += 1;
        list.listed.insert(serial, self.clone());
        state.listed = Some(serial);
    }

    fn unlist(&self, state: &mut TurnState) {
        if let Some(serial) = state.listed.take() {
            self.waiting.lock().listed.remove(&serial);
        }
    }

    /// A request's head arrived: it is being answered.
    fn answering(self: &Arc<Self>) {
        let mut state = self.lock();
        state.answering += 1;
        self.unlist(&mut state);
    }

    /// A request's answer was sent, or dropped.
    fn answered(self: &Arc<Self>) {
        let mut state = self.lock();
        state.answering = state.answering.saturating_sub(1);
        self.wait_for_request(&mut state);
    }

    /// The connection ended, or became a WebSocket.
    fn done(&self) {
        let mut state = self.lock();
        state.done = true;
        self.unlist(&mut state);
    }

    fn sent_something(&self) {
        self.idle_since
            .store(millis_since_start(Instant::now()), Ordering::Relaxed);
    }

    /// Reading it found nothing (`nothing`), or found bytes.
    fn read(&self, nothing: bool) {
        if nothing {
            let now = millis_since_start(Instant::now());
            let _ = self.silent_since.compare_exchange(
                UNKNOWN,
                now,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
        } else {
            self.silent_since.store(UNKNOWN, Ordering::Relaxed);
        }
    }

    /// Whether, at `now`, it has waited for a request, been sent nothing,
    /// and had nothing to say, each for at least [`GRACE`].
    fn may_close_for_room(&self, now: Instant) -> bool {
        let silent_since = self.silent_since.load(Ordering::Relaxed);
        if silent_since == UNKNOWN {
            return false;
        }
        let since = silent_since.max(self.idle_since.load(Ordering::Relaxed));
        instant_of(since) + GRACE <= now
    }

    /// Closes it for room: it is off the waiting list already, and never
    /// goes back on it.
    fn close(&self) {
        let mut state = self.lock();
        state.listed = None;
        state.done = true;
        drop(state);
        self.closing.notify_one();
    }

    async fn closed(&self) {
        self.closing.notified().await;
    }
}

/// A response's body, which puts its connection back among those waiting
/// for a request once it has been sent (or dropped); `turn` is `None` for
/// a WebSocket's.
struct Answering {
    body: Body,
    turn: Option<Arc<Turn>>,
}

impl Answering {
    fn answered(&mut self) {
        if let Some(turn) = self.turn.take() {
            turn.answered();
        }
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.answered();
    }
}

impl http_body::Body for Answering {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            self.answered();
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// A connection the relay took in. Its place, and its address's count (none
/// for a trusted proxy), are given back when it is dropped: when hyper is
/// done with it, or, for a WebSocket, when the socket closes.
struct Admitted {
    stream: TcpStream,
    turn: Arc<Turn>,
    _place: OwnedSemaphorePermit,
    _address: Option<AddressCount>,
}

impl AsyncRead for Admitted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let read = Pin::new(&mut self.stream).poll_read(cx, buf);
        match read {
            Poll::Pending => self.turn.read(true),
            Poll::Ready(Ok(())) if buf.filled().len() > before => self.turn.read(false),
            Poll::Ready(_) => {}
        }
        read
    }
}

impl AsyncWrite for Admitted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.turn.sent_something();
        }
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.turn.sent_something();
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Open connections by address.
#[derive(Clone)]
struct Addresses {
    open: Arc<Mutex<HashMap<Neighbourhood, usize>>>,
    limit: usize,
}

/// One open connection, counted against its address until dropped.
struct AddressCount {
    addresses: Addresses,
    address: Neighbourhood,
}

impl Addresses {
    fn new(limit: usize) -> Addresses {
        Addresses {
            open: Arc::default(),
            limit,
        }
    }

    /// Counts a connection from `ip`; `None` when its address has its
    /// share open already.
    fn admit(&self, ip: IpAddr) -> Option<AddressCount> {
        let address = Neighbourhood::of(ip);
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(address).or_default();
        if *count >= self.limit {
            return None;
        }
        *count += 1;
        Some(AddressCount {
            addresses: self.clone(),
            address,
        })
    }
}

impl Drop for AddressCount {
    fn drop(&mut self) {
        let mut open = self
            .addresses
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.address) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// File descriptors left for what is not a connection: the listener, the
/// data folder's files, the logs.
const FILES_SET_ASIDE: u64 = 64;

/// The open-file limit the relay should not go past, for whoever runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenFiles {
    /// The soft limit the relay started with.
    pub before: u64,
    /// The soft limit now.
    pub now: u64,
}

/// Raises the soft limit on open files as far as the hard limit allows
/// (at most 2^20); `None` where there is no limit to read.
#[cfg(unix)]
pub fn raise_open_file_limit() -> Option<OpenFiles> {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let before = limit.current?;
    let target = limit.maximum.unwrap_or(u64::MAX).min(1 << 20);
    if target <= before {
        return Some(OpenFiles {
            before,
            now: before,
        });
    }
    let raised = Rlimit {
        current: Some(target),
        maximum: limit.maximum,
    };
    match setrlimit(Resource::Nofile, raised) {
        Ok(()) => Some(OpenFiles {
            before,
            now: target,
        }),
        Err(error) => {
            tracing::warn!(%error, limit = before, "could not raise the open-file limit");
            Some(OpenFiles {
                before,
                now: before,
            })
        }
    }
}

#[cfg(not(unix))]
pub fn raise_open_file_limit() -> Option<OpenFiles> {
    None
}

/// The most connections that fit in the open-file limit: each may hold a
/// second file while it is sent one from the app folder.
pub fn connections_that_fit(wanted: usize, open_files: Option<OpenFiles>) -> usize {
    let Some(open_files) = open_files else {
        return wanted;
    };
    let fit = open_files.now.saturating_sub(FILES_SET_ASIDE) / 2;
    wanted
        .min(usize::try_from(fit).unwrap_or(usize::MAX))
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_counted_by_address_and_ipv6_by_its_64() {
        let addresses = Addresses::new(2);
        let ip = |text: &str| text.parse::<IpAddr>().unwrap();
        let first = addresses.admit(ip("192.0.2.1")).unwrap();
        let _second = addresses.admit(ip("192.0.2.1")).unwrap();
        assert!(addresses.admit(ip("192.0.2.1")).is_none());
        // Mapped IPv4 is the same address.
        assert!(addresses.admit(ip("::ffff:192.0.2.1")).is_none());
        assert!(addresses.admit(ip("192.0.2.2")).is_some());
        drop(first);
        assert!(addresses.admit(ip("192.0.2.1")).is_some());

        let _a = addresses.admit(ip("2001:db8:1:2::1")).unwrap();
        let _b = addresses.admit(ip("2001:db8:1:2:ffff::9")).unwrap();
        assert!(addresses.admit(ip("2001:db8:1:2::77")).is_none());
        assert!(addresses.admit(ip("2001:db8:1:3::1")).is_some());
    }

    #[test]
    fn the_connection_cap_fits_the_open_file_limit() {
        let files = |now| Some(OpenFiles { before: now, now });
        assert_eq!(connections_that_fit(4096, files(1_048_576)), 4096);
        assert_eq!(connections_that_fit(4096, files(1024)), 480);
        assert_eq!(connections_that_fit(4096, files(10)), 1);
        assert_eq!(connections_that_fit(4096, None), 4096);
    }
}
