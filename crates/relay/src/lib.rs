//! Tally's relay: on one port it serves the built web app (the `dist/`
//! folder that Trunk writes), the automerge-repo sync endpoint (`/sync`,
//! run by samod over a data folder), and the token API (`/api/…`) with
//! which coordinators invite and revoke devices.
//!
//! Serving rules, chosen so that a phone never runs a stale app:
//! - Files whose names carry Trunk's content hash (`tally-1a2b…9f.wasm`) never
//!   change, so browsers may keep them for a year.
//! - Everything else, `index.html` above all, must be revalidated each time.
//! - An address that names no file and has no file extension is a page of the
//!   single-page app, so it gets `index.html`; a missing file is a plain 404.
//! - No file or folder whose name starts with a dot is served (an operator's
//!   `.env` or `.git` in the app folder), however the address is written.
//! - An address under `/api/` that is no endpoint is a JSON 404, never the app.
//! - Every answer carries a Content-Security-Policy (a page's inline scripts
//!   allowed by their hashes), `nosniff` and `Referrer-Policy: no-referrer`
//!   (`headers`).

// Input from people, the network and storage is never unwrapped.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod claims;
pub mod headers;
pub mod limits;
pub mod repos;
pub mod server;
pub mod storage;
pub mod sync;
pub mod tokens;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, put};
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

/// Cache-Control for files whose content hash is in their name.
pub const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";
/// Cache-Control for everything else: always ask the server first.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// What the server needs to know, parsed from flags and the environment.
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "relay",
    version,
    about = "Serves the Tally app and syncs timebanks between devices",
    long_about = None
)]
pub struct Config {
    /// Address and port to listen on; port 0 lets the system pick a free one.
    #[arg(long, env = "TALLY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Folder holding the built app (Trunk's output).
    #[arg(long, env = "TALLY_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Folder where timebanks and access tokens are kept (created if missing).
    #[arg(long, env = "TALLY_DATA", default_value = "data")]
    pub data: PathBuf,

    /// Refuse messages larger than this many bytes (the connection closes
    /// with a code the app shows in words). A device sends a whole timebank
    /// in one message when it first brings it: measured, 3.5 MB for 2,000
    /// members and 50,000 exchanges, 14.5 MB for 200,000 exchanges.
    #[arg(long, env = "TALLY_MAX_MESSAGE_BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_message_bytes: usize,

    /// Drop a device whose connection takes nothing for this many seconds
    /// while the relay has something to send it.
    #[arg(long, env = "TALLY_SEND_TIMEOUT_SECONDS", default_value_t = 30)]
    pub send_timeout_seconds: u64,

    /// Drop a device when more than this many bytes wait to be sent to it.
    #[arg(long, env = "TALLY_MAX_QUEUED_BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_queued_bytes: usize,

    /// Bytes of messages the relay holds for all devices at once (received
    /// and not yet taken in, or waiting to be sent); while they are spent,
    /// it reads no more messages from devices.
    #[arg(long, env = "TALLY_MAX_IN_FLIGHT_BYTES", default_value_t = 128 * 1024 * 1024)]
    pub max_in_flight_bytes: usize,

    /// Sync connection attempts allowed per access token per minute.
    #[arg(long, env = "TALLY_CONNECTIONS_PER_MINUTE", default_value_t = 120)]
    pub connections_per_minute: u32,

    /// Refused sync connection attempts (no token, or one that is not good)
    /// allowed per address per minute; more are answered 429 until the
    /// minute is over. Attempts with a good token are never counted here.
    #[arg(long, env = "TALLY_REFUSED_ATTEMPTS_PER_MINUTE", default_value_t = 20)]
    pub refused_attempts_per_minute: u32,

    /// Sync connections open at once with one access token (a device's
    /// tabs and reconnections); more are answered 429.
    #[arg(long, env = "TALLY_MAX_CONNECTIONS_PER_TOKEN", default_value_t = 16)]
    pub max_connections_per_token: usize,

    /// A reverse proxy in front of the relay (an address, or a network such
    /// as 10.0.0.0/8; repeat it, or separate with commas, for several).
    /// Only for connections from these is `X-Forwarded-For` read, to tell
    /// devices apart for the limits per address; they are not held to
    /// --max-connections-per-address.
    #[arg(
        long = "trusted-proxy",
        value_name = "ADDRESS_OR_NETWORK",
        env = "TALLY_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<limits::Network>,

    /// Connections open at once (pages, API calls and syncing devices);
    /// while all are taken, a new one closes the one that has waited longest
    /// for a request with nothing to say, or waits until one closes.
    /// Lowered to what the open-file limit allows.
    #[arg(long, env = "TALLY_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,

    /// Connections open at once from one address (an IPv6 /64 is one
    /// address); more are closed at once. Behind a reverse proxy every
    /// device has the proxy's address.
    #[arg(long, env = "TALLY_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 256)]
    pub max_connections_per_address: usize,

    /// Close a connection that has not sent a whole request head within
    /// this many seconds: a new one, or a kept-alive one between requests.
    #[arg(long, env = "TALLY_HEADER_TIMEOUT_SECONDS", default_value_t = 10)]
    pub header_timeout_seconds: u64,

    /// Refuse a request whose head (request line and headers) is longer
    /// than this many bytes (431, and the connection closes).
    #[arg(long, env = "TALLY_MAX_HEADER_BYTES", default_value_t = 16 * 1024)]
    pub max_header_bytes: usize,

    /// Close a sync connection whose device has not said `join` within this
    /// many seconds.
    #[arg(long, env = "TALLY_JOIN_TIMEOUT_SECONDS", default_value_t = 10)]
    pub join_timeout_seconds: u64,

    /// Seconds between heartbeats to devices that ask for them.
    #[arg(long, env = "TALLY_HEARTBEAT_SECONDS", default_value_t = 15)]
    pub heartbeat_seconds: u64,

    /// Refuse timebanks this relay does not have yet (by default the first
    /// device to bring a timebank gets its first coordinator token).
    #[arg(long, env = "TALLY_NO_NEW_TIMEBANKS")]
    pub no_new_timebanks: bool,

    /// Take new timebanks only from devices that show this key (the
    /// operator gives it to the coordinators they know). Best set in the
    /// environment, where other users of the machine cannot read it.
    #[arg(long, env = "TALLY_CLAIM_KEY", hide_env_values = true)]
    pub claim_key: Option<String>,

    /// New timebanks one address may bring per hour (an IPv6 /64 is one
    /// address), all at once if it likes. Behind a reverse proxy every
    /// device has the proxy's address.
    #[arg(long, env = "TALLY_CLAIMS_PER_HOUR", default_value_t = 10)]
    pub claims_per_hour: u32,

    /// The most timebanks the relay holds; then it takes no new ones.
    #[arg(long, env = "TALLY_MAX_TIMEBANKS", default_value_t = 1000)]
    pub max_timebanks: usize,

    /// Bytes one timebank may take in the data folder; past them the relay
    /// takes no more changes for it (devices may still fetch it). The
    /// largest timebank measured takes 3.5 MB, one with 200,000 exchanges
    /// about 15 MB.
    #[arg(long, env = "TALLY_MAX_TIMEBANK_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_timebank_bytes: u64,

    /// Write logs as JSON lines instead of plain text.
    #[arg(long, env = "TALLY_LOG_JSON")]
    pub log_json: bool,
}

/// Why the server could not start, in words for whoever runs it.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "the app folder {0} has no index.html; build the app first (`cargo xtask run` does both)"
    )]
    NoApp(PathBuf),
    #[error("{0}")]
    Tokens(#[from] tokens::TokenFileError),
    #[error("could not use the data folder {path}: {source}")]
    Data {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
}

/// The HTTP routes: the app's files with the cache and fallback rules
/// above, the sync endpoint and the token API.
pub fn router(dist: &Path, sync: sync::SyncState) -> Router {
    let index = dist.join("index.html");
    // The build's brotli and gzip copies (`index.html.br`, written by
    // `cargo xtask precache`) go to a browser that accepts them.
    let files = ServeDir::new(dist)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let app = Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(app_file_rules));
    let api = Router::new()
        .route("/api/access", get(api::access))
        .route("/api/access/device", put(api::name_device))
        .route("/api/timebanks/{document}/claim", post(api::claim))
        .route(
            "/api/timebanks/{document}/invites",
            get(api::list).post(api::invite),
        )
        .route(
            "/api/timebanks/{document}/invites/{id}",
            delete(api::revoke),
        )
        .route("/api/", any(api::no_such_address))
        .route("/api/{*rest}", any(api::no_such_address))
        .route("/sync", get(sync::endpoint))
        .layer(middleware::from_fn(no_store))
        .layer(middleware::from_fn(sync_page_moved))
        // Tokens are bearer headers, never cookies, so any origin may call
        // (a timebank may sync through a relay other than the app's). The
        // headers are named: `*` does not cover `Authorization`.
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                .max_age(Duration::from_secs(3600)),
        )
        .with_state(sync);
    api.merge(app)
        .layer(middleware::from_fn(headers::security_headers))
        .layer(
            // Only the method and path are logged: a query may hold a token.
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                tracing::info_span!("http", method = %request.method(), path = %request.uri().path())
            }),
        )
}

/// `/sync` is the WebSocket endpoint. Earlier releases also had a page at
/// that address, so a browser opening it as a page (a bookmark, the history,
/// a reload) is sent to the page's address now, `/devices`, instead of
/// seeing the endpoint's refusal.
async fn sync_page_moved(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let is_page_load = request.uri().path() == "/sync"
        && !headers.contains_key(axum::http::header::UPGRADE)
        && headers
            .get(axum::http::header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    if is_page_load {
        return axum::response::Redirect::to("/devices").into_response();
    }
    next.run(request).await
}

async fn no_store(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Sets Cache-Control by file name and turns SPA fallbacks for missing files
/// (addresses with an extension) into 404s.
async fn app_file_rules(mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if names_a_hidden_file(&path) {
        let mut response = (StatusCode::NOT_FOUND, "no such file").into_response();
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_REVALIDATE),
        );
        return response;
    }
    let last_segment = path.rsplit('/').next().unwrap_or_default().to_owned();
    let hashed = is_content_hashed(&last_segment);
    if !hashed {
        // A file whose name does not change with its content is always sent
        // whole: validators from file times would answer "not modified" to
        // a browser holding a newer-dated older file (a release built before
        // the one it replaces), and the service worker would never update.
        for validator in [header::IF_MODIFIED_SINCE, header::IF_NONE_MATCH] {
            request.headers_mut().remove(validator);
        }
    }
    let mut response = next.run(request).await;
    if !hashed {
        response.headers_mut().remove(header::LAST_MODIFIED);
        response.headers_mut().remove(header::ETAG);
    }
    let served_index = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if served_index && has_extension(&last_segment) && !last_segment.ends_with(".html") {
        response = (StatusCode::NOT_FOUND, "no such file").into_response();
    }
    let cache = if hashed && response.status().is_success() {
        CACHE_FOREVER
    } else {
        CACHE_REVALIDATE
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // Compressed or not by what the browser accepts: caches keep each apart.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// True for an address with a file or folder name that starts with a dot,
/// read as the file server reads it: percent-decoded as a whole, so
/// `/%2eenv` and `/sub%2f.env` are caught too.
pub fn names_a_hidden_file(path: &str) -> bool {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .split('/')
        .any(|name| name.starts_with('.'))
}

fn has_extension(file_name: &str) -> bool {
    file_name
        .rsplit_once('.')
        .is_some_and(|(stem, _)| !stem.is_empty())
}

/// True for Trunk's hashed names: `name-<hash>.ext` (and `name-<hash>_bg.wasm`),
/// where the hash is a 64-bit number in hex without leading zeros. Names with
/// fewer than 12 hex digits are not trusted as hashed (a one-in-65,536 chance
/// for a real hash): such a file is merely revalidated, never served stale.
pub fn is_content_hashed(file_name: &str) -> bool {
    let Some((stem, _extension)) = file_name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty()
            && (12..=16).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// A relay ready to serve: its address is known, its documents and tokens
/// are open.
pub struct Relay {
    listener: tokio::net::TcpListener,
    router: Router,
    repos: repos::Repos,
    limits: server::Limits,
    budget: sync::Budget,
    attempts: limits::Attempts,
    tokens: Arc<tokens::Tokens>,
}

impl Relay {
    /// Checks the app folder, opens the data folder, binds the address.
    pub async fn start(config: &Config) -> Result<Relay, StartError> {
        if !config.dist.join("index.html").is_file() {
            return Err(StartError::NoApp(config.dist.clone()));
        }
        let data_error = |source| StartError::Data {
            path: config.data.clone(),
            source,
        };
        std::fs::create_dir_all(&config.data).map_err(data_error)?;
        let open_files = server::raise_open_file_limit();
        let connections = server::connections_that_fit(config.max_connections, open_files);
        if let Some(files) = open_files {
            tracing::info!(
                before = files.before,
                now = files.now,
                connections,
                "open-file limit"
            );
        }
        if connections < config.max_connections {
            tracing::warn!(
                connections,
                "fewer connections than --max-connections fit in the open-file limit"
            );
        }
        let rules = tokens::ClaimRules {
            open: !config.no_new_timebanks,
            max_timebanks: config.max_timebanks,
            key: config.claim_key.clone().filter(|key| !key.is_empty()),
        };
        tracing::info!(
            open = rules.open,
            key_needed = rules.key.is_some(),
            max_timebanks = rules.max_timebanks,
            claims_per_hour = config.claims_per_hour,
            max_timebank_bytes = config.max_timebank_bytes,
            "new timebanks"
        );
        let tokens = Arc::new(tokens::Tokens::open(&config.data, rules)?);
        let storage = storage::DurableStorage::open(&config.data).map_err(data_error)?;
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| StartError::Listen {
                address: config.listen,
                source,
            })?;
        let repos = repos::Repos::new(storage, tokens.clone());
        let limits = sync::Limits {
            max_message_bytes: config.max_message_bytes,
            attempts_per_minute: config.connections_per_minute,
            refused_per_minute: config.refused_attempts_per_minute,
            max_connections_per_token: config.max_connections_per_token.max(1),
            heartbeat: Duration::from_secs(config.heartbeat_seconds.max(1)),
            join_timeout: Duration::from_secs(config.join_timeout_seconds.max(1)),
            send_timeout: Duration::from_secs(config.send_timeout_seconds.max(1)),
            max_queued_bytes: config.max_queued_bytes,
            max_in_flight_bytes: config.max_in_flight_bytes,
            max_timebank_bytes: config.max_timebank_bytes,
            claims_per_hour: config.claims_per_hour,
        };
        let state = sync::SyncState::new(tokens.clone(), repos.clone(), limits);
        if !config.trusted_proxies.is_empty() {
            let proxies: Vec<String> = config
                .trusted_proxies
                .iter()
                .map(ToString::to_string)
                .collect();
            tracing::info!(
                proxies = %proxies.join(", "),
                "reading X-Forwarded-For from these reverse proxies only"
            );
        }
        Ok(Relay {
            tokens,
            budget: state.budget(),
            attempts: state.attempts(),
            router: router(&config.dist, state),
            listener,
            repos,
            limits: server::Limits {
                connections,
                per_address: config.max_connections_per_address,
                header_timeout: Duration::from_secs(config.header_timeout_seconds.max(1)),
                max_header_bytes: config.max_header_bytes,
                trusted_proxies: limits::TrustedProxies::new(&config.trusted_proxies),
            },
        })
    }

    /// The routes, for tests that call them without a socket.
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    /// The bytes the relay holds for devices: now, and at most so far.
    pub fn budget(&self) -> sync::Budget {
        self.budget.clone()
    }

    /// The access tokens, for tests that watch their file being written.
    pub fn tokens(&self) -> Arc<tokens::Tokens> {
        self.tokens.clone()
    }

    pub fn address(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `stop` completes; then stops taking connections,
    /// answers the requests under way, closes the sync connections and
    /// waits for every received change to be written to the data folder.
    pub async fn serve(self, stop: impl Future<Output = ()>) {
        let serving = server::serve(self.listener, self.router, self.limits, stop);
        // Refusals not logged one by one are summed up while it serves.
        tokio::select! {
            () = serving => {}
            () = self.attempts.report_every(limits::REPORT_EVERY) => {}
        }
        self.repos.stop().await;
        tracing::info!("stopped; every change is stored");
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::{is_content_hashed, names_a_hidden_file};

    #[test]
    fn recognises_addresses_of_hidden_files() {
        let cases = [
            ("/.env", true),
            ("/%2eenv", true),
            ("/%2Eenv", true),
            ("/.%65nv", true),
            ("/.git/config", true),
            ("/sub/.hidden", true),
            ("/sub%2f.hidden", true),
            ("/..", true),
            ("/", false),
            ("/index.html", false),
            ("/tally-3f2a9c1d0b8e7f65.js", false),
            ("/members/42", false),
            ("/a.b/c.txt", false),
            ("/%252eenv", false),
        ];
        for (path, expected) in cases {
            assert_eq!(names_a_hidden_file(path), expected, "{path}");
        }
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        let cases = [
            ("tally-3f2a9c1d0b8e7f65.js", true),
            ("tally-3f2a9c1d0b8e7f65_bg.wasm", true),
            ("tally-3F2A9C1D0B8E7F65.css", true),
            ("tally-7ba0f9a1c52c7c6.css", true),
            ("tally-10000000000000000.css", false),
            ("index.html", false),
            ("manifest.webmanifest", false),
            ("tally-3f2a9c1d0.js", false),
            ("tally-zzzzzzzzzzzzzzzz.js", false),
            ("-3f2a9c1d0b8e7f65.js", false),
            ("icon-192.png", false),
        ];
        for (name, expected) in cases {
            assert_eq!(is_content_hashed(name), expected, "{name}");
        }
    }
}
