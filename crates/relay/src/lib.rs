//! Tally's server. Today it serves the built web app (the `dist/` folder that
//! Trunk writes) on one port; the automerge-repo sync endpoint, with
//! per-timebank access tokens, joins it on the same port.
//!
//! Serving rules, chosen so that a phone never runs a stale app:
//! - Files whose names carry Trunk's content hash (`tally-1a2b…9f.wasm`) never
//!   change, so browsers may keep them for a year.
//! - Everything else, `index.html` above all, must be revalidated each time.
//! - An address that names no file and has no file extension is a page of the
//!   single-page app, so it gets `index.html`; a missing file is a plain 404.

// Input from people, the network and storage is never unwrapped.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

/// Cache-Control for files whose content hash is in their name.
pub const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";
/// Cache-Control for everything else: always ask the server first.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// What the server needs to know, parsed from flags and the environment.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "relay", version, about = "Serves the Tally app", long_about = None)]
pub struct Config {
    /// Address and port to listen on; port 0 lets the system pick a free one.
    #[arg(long, env = "TALLY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Folder holding the built app (Trunk's output).
    #[arg(long, env = "TALLY_DIST", default_value = "dist")]
    pub dist: PathBuf,

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
    #[error("could not listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
}

/// The HTTP routes: the app's files with the cache and fallback rules above.
pub fn router(dist: &Path) -> Router {
    let index = dist.join("index.html");
    let files = ServeDir::new(dist)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(index));
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(app_file_rules))
        .layer(TraceLayer::new_for_http())
}

/// Sets Cache-Control by file name and turns SPA fallbacks for missing files
/// (addresses with an extension) into 404s.
async fn app_file_rules(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let last_segment = path.rsplit('/').next().unwrap_or_default().to_owned();
    let mut response = next.run(request).await;
    let served_index = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if served_index && has_extension(&last_segment) && !last_segment.ends_with(".html") {
        response = (StatusCode::NOT_FOUND, "no such file").into_response();
    }
    let cache = if is_content_hashed(&last_segment) && response.status().is_success() {
        CACHE_FOREVER
    } else {
        CACHE_REVALIDATE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
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

/// Checks the app folder, binds the address and returns the listener, so the
/// caller can print the real address (port 0 picks one) before serving.
pub async fn bind(config: &Config) -> Result<tokio::net::TcpListener, StartError> {
    if !config.dist.join("index.html").is_file() {
        return Err(StartError::NoApp(config.dist.clone()));
    }
    tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            address: config.listen,
            source,
        })
}

/// Serves until Ctrl-C or SIGTERM, then finishes the requests under way.
pub async fn serve(listener: tokio::net::TcpListener, dist: &Path) -> std::io::Result<()> {
    axum::serve(listener, router(dist))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
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
    use super::is_content_hashed;

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
