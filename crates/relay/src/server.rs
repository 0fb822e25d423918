//! Taking in connections so that no one, with or without a token, can keep
//! the relay from serving everyone else by opening connections and saying
//! nothing.
//!
//! - At most `connections` are open at once. While every place is taken,
//!   the relay accepts nothing more: new connections wait in the system's
//!   backlog and are served as soon as one closes (a browser sees a slow
//!   answer, not a refusal). The relay lowers this number to what its
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
//! - A connection keeps its place until it closes, also after it became a
//!   WebSocket: hyper hands the same stream to the socket.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
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
    let (stopping, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut warned_full: Option<Instant> = None;
    let mut warned_address: Option<Instant> = None;
    let mut stop = std::pin::pin!(stop);
    loop {
        while connections.try_join_next().is_some() {}
        // A place first, then a connection: while every place is taken,
        // the next connections wait in the backlog instead of being
        // accepted and left unread.
        let place = tokio::select! {
            place = places.clone().acquire_owned() => place,
            () = &mut stop => break,
        };
        let Ok(place) = place else { break };
        if places.available_permits() == 0 && due(&mut warned_full) {
            tracing::warn!(
                connections = limits.connections,
                "every connection place is taken: new connections wait until one closes"
            );
        }
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
        let admitted = Admitted {
            stream,
            _place: place,
            _address: address,
        };
        connections.spawn(serve_connection(
            admitted,
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
    remote: SocketAddr,
    router: Router,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let router = AddExtension::new(router, ConnectInfo(remote));
    let service = TowerToHyperService::new(AddExtension::new(router, limits.trusted_proxies));
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
        _ = connection.as_mut() => return,
        _ = stopping.wait_for(|stopping| *stopping) => {}
    }
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// A connection the relay took in. Its place, and its address's count (none
/// for a trusted proxy), are given back when it is dropped: when hyper is
/// done with it, or, for a WebSocket, when the socket closes.
struct Admitted {
    stream: TcpStream,
    _place: OwnedSemaphorePermit,
    _address: Option<AddressCount>,
}

impl AsyncRead for Admitted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Admitted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
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
