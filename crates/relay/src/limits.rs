//! How often anyone may try to sync, kept so that it holds behind a NAT and
//! behind a reverse proxy: what others do from the same address never locks
//! out a device with a good token.
//!
//! - A refused sync attempt (no token, or one that is malformed, unknown or
//!   revoked) is charged to its address, in a bucket of its own: past
//!   `refused_per_minute` in a minute, that address's refused attempts are
//!   answered 429 until the minute is over. The token is checked first, so
//!   a good one is never charged to this bucket, nor refused because of it.
//! - An attempt with a good token is charged to the token, at most
//!   `per_token_per_minute` a minute (the sync endpoint also keeps at most
//!   `--max-connections-per-token` of its connections open at once).
//! - The address is the connection's, unless that is a reverse proxy the
//!   operator named (`--trusted-proxy`): then it is the rightmost address in
//!   `X-Forwarded-For` that is not itself a trusted proxy ([`ClientAddress`]).
//!   From anyone else the header is ignored. An IPv6 address counts by its
//!   /64 ([`Neighbourhood`]).
//! - No one can grow the log by being refused: the first refusal of a minute
//!   for an address (or a token) is logged with its reason, the rest are
//!   counted and logged as one line once the minute is over.
//! - The bookkeeping stays small: minutes that are over are forgotten (every
//!   few seconds, [`Attempts::report_every`]), and at most 10,000 addresses
//!   and 10,000 tokens are counted at once. Refused attempts from addresses
//!   beyond those share one bucket; good tokens beyond those are let through
//!   uncounted.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::tokens::Refusal;

const MINUTE: Duration = Duration::from_secs(60);

/// How many addresses, and how many tokens, are counted at once.
const MOST_COUNTED: usize = 10_000;

/// While that many are counted, how often at most the minutes that are over
/// are looked for (a look goes through them all).
const SWEEP_WHEN_FULL: Duration = Duration::from_secs(1);

/// How often the minutes that are over are logged and forgotten.
pub const REPORT_EVERY: Duration = Duration::from_secs(5);

/// The header a reverse proxy adds the address it was called from to.
const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// A trusted proxy as the operator names it: one address (`10.0.0.1`,
/// `::1`) or a network (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

/// A `--trusted-proxy` that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an address or a network (for example 10.0.0.1, 10.0.0.0/8 or fd00::/8)")]
pub struct NotANetwork(String);

impl FromStr for Network {
    type Err = NotANetwork;

    fn from_str(text: &str) -> Result<Network, NotANetwork> {
        let wrong = || NotANetwork(text.to_string());
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text.trim(), None),
        };
        let address: IpAddr = address.parse().map_err(|_| wrong())?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|prefix| *prefix <= bits)
                .ok_or_else(wrong)?,
        };
        Ok(Network { address, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

impl Network {
    /// Whether `ip` is in this network; an IPv4 address and the same address
    /// mapped into IPv6 (`::ffff:10.0.0.1`, as a dual-stack socket shows it)
    /// are one.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let (first, prefix) = in_ipv6(self.address, self.prefix);
        let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
        in_ipv6(ip, 128).0 & mask == first & mask
    }
}

/// An address, and a prefix length, in IPv6's space of addresses.
fn in_ipv6(ip: IpAddr, prefix: u8) -> (u128, u32) {
    match ip {
        IpAddr::V4(v4) => (
            u128::from(v4.to_ipv6_mapped()),
            96 + u32::from(prefix.min(32)),
        ),
        IpAddr::V6(v6) => (u128::from(v6), u32::from(prefix.min(128))),
    }
}

/// The reverse proxies whose `X-Forwarded-For` the relay believes; none
/// unless the operator names them.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[Network]>);

impl TrustedProxies {
    pub fn new(networks: &[Network]) -> TrustedProxies {
        TrustedProxies(networks.into())
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(ip))
    }

    /// The address a request came from: the connection's, or, when that is
    /// a trusted proxy, the rightmost address in `X-Forwarded-For` that is
    /// not a trusted proxy too (what is left of it was written by whoever
    /// called the proxy, so it proves nothing). If the proxy wrote something
    /// that is not an address, the last trusted one is kept.
    pub fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let mut hops = Vec::new();
        for value in headers.get_all(X_FORWARDED_FOR) {
            match value.to_str() {
                Ok(text) => hops.extend(text.split(',').map(str::trim)),
                Err(_) => hops.push(""),
            }
        }
        for hop in hops.into_iter().rev() {
            if !self.trusts(client) {
                break;
            }
            match hop_address(hop) {
                Some(hop) => client = hop,
                None => break,
            }
        }
        client
    }
}

/// One address of `X-Forwarded-For`, which some proxies write with a port.
fn hop_address(hop: &str) -> Option<IpAddr> {
    let ip = match hop.parse::<IpAddr>() {
        Ok(ip) => ip,
        Err(_) => hop.parse::<SocketAddr>().ok()?.ip(),
    };
    Some(ip.to_canonical())
}

/// The address a request came from, as the limits count it: the
/// connection's, or the one a trusted proxy forwarded (see
/// [`TrustedProxies::client_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = (StatusCode, &'static str);

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // The relay's accept loop gives every request both.
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Err((
                StatusCode::INTERNAL_SERVER_ERROR,
                "the relay could not tell where this request came from",
            ));
        };
        let proxies = parts.extensions.get::<TrustedProxies>();
        let client = match proxies {
            Some(proxies) => proxies.client_of(peer.ip(), &parts.headers),
            None => peer.ip().to_canonical(),
        };
        Ok(ClientAddress(client))
    }
}

/// An address as limits count it: an IPv4 address as it is, an IPv6
/// address by its /64 (one home or server is given a whole /64, so single
/// IPv6 addresses cost an attacker nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Neighbourhood(IpAddr);

impl Neighbourhood {
    pub fn of(ip: IpAddr) -> Neighbourhood {
        Neighbourhood(match ip.to_canonical() {
            IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !(u128::MAX >> 64))),
            v4 => v4,
        })
    }
}

impl fmt::Display for Neighbourhood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/64"),
        }
    }
}

/// How often sync attempts may come.
#[derive(Debug, Clone, Copy)]
pub struct AttemptLimits {
    /// Refused attempts (no token, or one that is not good) per address.
    pub refused_per_minute: u32,
    /// Attempts with a good token, per token.
    pub per_token_per_minute: u32,
}

/// Why an attempt is answered 429 Too Many Requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TooMany {
    #[error("too many refused connection attempts from this address; wait a minute")]
    Refused,
    #[error("this device tried to connect too often; wait a minute")]
    Attempts,
    #[error(
        "this device has too many connections open to the relay; close a tab of Tally or wait for one to end"
    )]
    Open,
}

impl IntoResponse for TooMany {
    fn into_response(self) -> Response {
        (StatusCode::TOO_MANY_REQUESTS, self.to_string()).into_response()
    }
}

/// Sync attempts counted by address and by token, for the minute under
/// way. Clones share the counts.
#[derive(Clone)]
pub struct Attempts {
    limits: AttemptLimits,
    books: Arc<Mutex<Books>>,
}

struct Books {
    refused: Minutes<Neighbourhood>,
    /// Refused attempts from addresses beyond the ones counted one by one.
    crowd: Option<Window>,
    tokens: Minutes<String>,
}

impl Attempts {
    pub fn new(limits: AttemptLimits) -> Attempts {
        Attempts {
            limits,
            books: Arc::new(Mutex::new(Books {
                refused: Minutes::new(refused_summary),
                crowd: None,
                tokens: Minutes::new(token_summary),
            })),
        }
    }

    fn books(&self) -> MutexGuard<'_, Books> {
        self.books.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Charges a refused attempt to `client`'s address. `Ok` when the
    /// refusal may be answered as it is; `Err` once that address has been
    /// refused too often this minute.
    pub fn refused(&self, client: IpAddr, refusal: &Refusal) -> Result<(), TooMany> {
        let now = Instant::now();
        let mut guard = self.books();
        let books = &mut *guard;
        let window = match books.refused.window(Neighbourhood::of(client), now) {
            Some(window) => window,
            None => {
                if books.crowd.as_ref().is_some_and(|crowd| crowd.is_over(now))
                    && let Some(crowd) = books.crowd.take()
                {
                    crowd_summary(&crowd);
                }
                books.crowd.get_or_insert_with(|| Window::new(now))
            }
        };
        window.counted = window.counted.saturating_add(1);
        let too_often = window.counted > self.limits.refused_per_minute;
        let first = window.refuse();
        drop(guard);
        if first {
            tracing::warn!(
                ip = %client,
                reason = %refusal,
                "refused a sync connection; more refusals from this address this minute are counted and logged once"
            );
        }
        if too_often {
            Err(TooMany::Refused)
        } else {
            Ok(())
        }
    }

    /// Charges an attempt with a good token to the token; `Err` once it has
    /// tried too often this minute.
    pub fn with_token(&self, token_id: &str) -> Result<(), TooMany> {
        let limit = self.limits.per_token_per_minute;
        let mut books = self.books();
        let Some(window) = books.tokens.window(token_id.to_string(), Instant::now()) else {
            // Too many tokens at once to count them all: a good token is let
            // through rather than locked out.
            return Ok(());
        };
        window.counted = window.counted.saturating_add(1);
        if window.counted <= limit {
            return Ok(());
        }
        let first = window.refuse();
        drop(books);
        if first {
            tracing::warn!(
                token = token_id,
                "refused a sync connection: this token tried to connect more than {limit} times in a minute"
            );
        }
        Err(TooMany::Attempts)
    }

    /// Notes that a good token was refused for having `open` connections
    /// open already.
    pub fn too_many_open(&self, token_id: &str, open: usize) {
        let mut books = self.books();
        let first = books
            .tokens
            .window(token_id.to_string(), Instant::now())
            .is_some_and(Window::refuse);
        drop(books);
        if first {
            tracing::warn!(
                token = token_id,
                "refused a sync connection: this token has {open} connections open already"
            );
        }
    }

    /// Logs, for each minute that is over, the refusals it did not log one
    /// by one, and forgets it.
    pub fn report(&self) {
        let now = Instant::now();
        let mut books = self.books();
        books.refused.sweep(now);
        books.tokens.sweep(now);
        if books.crowd.as_ref().is_some_and(|crowd| crowd.is_over(now))
            && let Some(crowd) = books.crowd.take()
        {
            crowd_summary(&crowd);
        }
    }

    /// Reports every `period`, for as long as it runs.
    pub async fn report_every(self, period: Duration) {
        let mut ticks = tokio::time::interval(period);
        loop {
            ticks.tick().await;
            self.report();
        }
    }
}

fn refused_summary(address: &dyn fmt::Display, more: u32) {
    tracing::warn!(
        ip = %address,
        "refused {more} more sync connection attempts from {address} in the last minute"
    );
}

fn token_summary(token: &dyn fmt::Display, more: u32) {
    tracing::warn!(
        token = %token,
        "refused {more} more sync connections of this token in the last minute (too many attempts, or too many open)"
    );
}

fn crowd_summary(crowd: &Window) {
    let more = crowd.unlogged();
    if more > 0 {
        tracing::warn!(
            "refused {more} more sync connection attempts in the last minute from addresses beyond the {MOST_COUNTED} counted one by one"
        );
    }
}

/// What one address or token did in the minute from `started`.
struct Window {
    started: Instant,
    /// Attempts charged against the limit.
    counted: u32,
    /// Attempts refused (the first is logged, the rest summed up).
    refused: u32,
}

impl Window {
    fn new(now: Instant) -> Window {
        Window {
            started: now,
            counted: 0,
            refused: 0,
        }
    }

    fn is_over(&self, now: Instant) -> bool {
        now.duration_since(self.started) >= MINUTE
    }

    /// Counts a refusal; true for the minute's first, which is logged.
    fn refuse(&mut self) -> bool {
        self.refused = self.refused.saturating_add(1);
        self.refused == 1
    }

    fn unlogged(&self) -> u32 {
        self.refused.saturating_sub(1)
    }
}

/// A window for each key, for at most [`MOST_COUNTED`] keys at once;
/// `summary` logs what a minute that is over refused unlogged.
struct Minutes<K> {
    windows: HashMap<K, Window>,
    summary: fn(&dyn fmt::Display, u32),
    swept: Option<Instant>,
}

impl<K: Hash + Eq + fmt::Display> Minutes<K> {
    fn new(summary: fn(&dyn fmt::Display, u32)) -> Minutes<K> {
        Minutes {
            windows: HashMap::new(),
            summary,
            swept: None,
        }
    }

    /// `key`'s window for the minute under way (a new one when its last is
    /// over); `None` when as many other keys are counted as may be.
    fn window(&mut self, key: K, now: Instant) -> Option<&mut Window> {
        if self
            .windows
            .get(&key)
            .is_some_and(|window| window.is_over(now))
            && let Some(over) = self.windows.remove(&key)
        {
            self.summarise(&key, &over);
        }
        let full = |minutes: &Self| {
            !minutes.windows.contains_key(&key) && minutes.windows.len() >= MOST_COUNTED
        };
        if full(self) {
            if self
                .swept
                .is_some_and(|swept| now.duration_since(swept) < SWEEP_WHEN_FULL)
            {
                return None;
            }
            self.sweep(now);
            if full(self) {
                return None;
            }
        }
        Some(self.windows.entry(key).or_insert_with(|| Window::new(now)))
    }

    /// Logs and forgets the windows whose minute is over.
    fn sweep(&mut self, now: Instant) {
        self.swept = Some(now);
        let summary = self.summary;
        self.windows.retain(|key, window| {
            if !window.is_over(now) {
                return true;
            }
            if window.unlogged() > 0 {
                summary(key, window.unlogged());
            }
            false
        });
    }

    fn summarise(&self, key: &K, window: &Window) {
        if window.unlogged() > 0 {
            (self.summary)(key, window.unlogged());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn trusted_proxies_are_read_as_addresses_or_networks() {
        let cases = [
            ("10.0.0.1", "10.0.0.1", true),
            ("10.0.0.1", "10.0.0.2", false),
            ("10.0.0.1", "::ffff:10.0.0.1", true),
            ("10.0.0.0/8", "10.200.3.4", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("0.0.0.0/0", "192.0.2.1", true),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("fd00::/8", "fd12:3456::1", true),
            ("fd00::/8", "fe80::1", false),
            ("::1", "::1", true),
            (" 192.0.2.0/24 ", "192.0.2.255", true),
        ];
        for (network, address, inside) in cases {
            let network: Network = network.parse().unwrap();
            assert_eq!(network.contains(ip(address)), inside, "{network} {address}");
        }
        for wrong in [
            "",
            "proxy.example",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.1/",
            "10.0.0/8",
        ] {
            assert!(wrong.parse::<Network>().is_err(), "{wrong:?}");
        }
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let proxies =
            TrustedProxies::new(&["127.0.0.1".parse().unwrap(), "10.0.0.0/8".parse().unwrap()]);
        let cases: [(&str, &[&str], &str); 10] = [
            // Not a proxy: the header proves nothing.
            ("192.0.2.1", &["203.0.113.7"], "192.0.2.1"),
            // The proxy says who called it.
            ("127.0.0.1", &["203.0.113.7"], "203.0.113.7"),
            // What the caller wrote itself, left of it, is not believed.
            ("127.0.0.1", &["198.51.100.1, 203.0.113.7"], "203.0.113.7"),
            ("127.0.0.1", &["198.51.100.1", "203.0.113.7"], "203.0.113.7"),
            // Through two trusted proxies.
            ("127.0.0.1", &["203.0.113.7, 10.1.2.3"], "203.0.113.7"),
            // With a port, or in brackets.
            ("127.0.0.1", &["203.0.113.7:4711"], "203.0.113.7"),
            ("127.0.0.1", &["[2001:db8::7]:4711"], "2001:db8::7"),
            // No header, or not an address: the proxy's own.
            ("127.0.0.1", &[], "127.0.0.1"),
            ("127.0.0.1", &["unknown"], "127.0.0.1"),
            ("127.0.0.1", &["203.0.113.7, unknown, 10.1.2.3"], "10.1.2.3"),
        ];
        for (peer, forwarded, client) in cases {
            let mut headers = HeaderMap::new();
            for value in forwarded {
                headers.append(X_FORWARDED_FOR, HeaderValue::from_static(value));
            }
            assert_eq!(
                proxies.client_of(ip(peer), &headers),
                ip(client),
                "{peer} {forwarded:?}"
            );
        }
        let mut headers = HeaderMap::new();
        headers.append(X_FORWARDED_FOR, HeaderValue::from_static("203.0.113.7"));
        assert_eq!(
            TrustedProxies::default().client_of(ip("127.0.0.1"), &headers),
            ip("127.0.0.1"),
            "no proxy is trusted unless named"
        );
    }

    #[test]
    fn ipv6_addresses_count_by_their_64() {
        let of = |text| Neighbourhood::of(ip(text));
        assert_eq!(of("2001:db8:1:2::1"), of("2001:db8:1:2:ffff::9"));
        assert_ne!(of("2001:db8:1:2::1"), of("2001:db8:1:3::1"));
        assert_eq!(of("::ffff:192.0.2.1"), of("192.0.2.1"));
        assert_eq!(of("2001:db8:1:2::1").to_string(), "2001:db8:1:2::/64");
    }

    #[test]
    fn refused_attempts_never_hold_up_a_good_token() {
        let attempts = Attempts::new(AttemptLimits {
            refused_per_minute: 3,
            per_token_per_minute: 2,
        });
        let home = ip("192.0.2.1");
        for _ in 0..3 {
            assert_eq!(attempts.refused(home, &Refusal::Missing), Ok(()));
        }
        assert_eq!(
            attempts.refused(home, &Refusal::Unknown),
            Err(TooMany::Refused)
        );
        assert_eq!(
            attempts.refused(ip("192.0.2.2"), &Refusal::Missing),
            Ok(()),
            "another address has its own bucket"
        );
        assert_eq!(attempts.with_token("0123456789ab"), Ok(()));
        assert_eq!(attempts.with_token("0123456789ab"), Ok(()));
        assert_eq!(attempts.with_token("0123456789ab"), Err(TooMany::Attempts));
        assert_eq!(
            attempts.with_token("ba9876543210"),
            Ok(()),
            "another token has its own count"
        );
    }

    #[test]
    fn minutes_that_are_over_are_forgotten_and_the_count_is_bounded() {
        let mut minutes: Minutes<u32> = Minutes::new(|_, _| {});
        let start = Instant::now();
        for key in 0..MOST_COUNTED as u32 {
            minutes.window(key, start).unwrap().counted += 1;
        }
        assert!(
            minutes.window(u32::MAX, start).is_none(),
            "no more keys than the most counted"
        );
        assert_eq!(minutes.window(7, start).unwrap().counted, 1);
        let later = start + MINUTE;
        let fresh = minutes.window(u32::MAX, later).unwrap();
        assert_eq!(fresh.counted, 0);
        assert_eq!(
            minutes.windows.len(),
            1,
            "the minutes that were over are gone"
        );
        minutes.sweep(later + MINUTE);
        assert!(minutes.windows.is_empty());
    }
}
