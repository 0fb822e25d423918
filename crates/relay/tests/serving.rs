//! The app's files are served with the right status and cache headers.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Served {
    status: StatusCode,
    cache: String,
    body: String,
}

/// A relay's configuration for tests: loopback, a port the system picks.
pub fn config(dist: &std::path::Path, data: &std::path::Path) -> relay::Config {
    use clap::Parser;
    let mut config = relay::Config::parse_from(["relay"]);
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.dist = dist.to_path_buf();
    config.data = data.to_path_buf();
    config
}

async fn get(dist: &std::path::Path, path: &str) -> Served {
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist, data.path()))
        .await
        .unwrap();
    let request = Request::builder().uri(path).body(Body::empty()).unwrap();
    let response = relay.router().oneshot(request).await.unwrap();
    let status = response.status();
    let cache = response
        .headers()
        .get(header::CACHE_CONTROL)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Served {
        status,
        cache,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn built_app() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Tally</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("tally-0123456789abcdef.js"), "export {}").unwrap();
    std::fs::write(dist.path().join("manifest.webmanifest"), "{}").unwrap();
    dist
}

#[tokio::test]
async fn serves_each_kind_of_address_by_the_rules() {
    let dist = built_app();
    // (path, status, cache-control, start of body)
    let cases = [
        (
            "/",
            StatusCode::OK,
            relay::CACHE_REVALIDATE,
            "<!doctype html>",
        ),
        (
            "/members/42",
            StatusCode::OK,
            relay::CACHE_REVALIDATE,
            "<!doctype html>",
        ),
        (
            "/tally-0123456789abcdef.js",
            StatusCode::OK,
            relay::CACHE_FOREVER,
            "export",
        ),
        (
            "/manifest.webmanifest",
            StatusCode::OK,
            relay::CACHE_REVALIDATE,
            "{}",
        ),
        (
            "/missing-0123456789abcdef.js",
            StatusCode::NOT_FOUND,
            relay::CACHE_REVALIDATE,
            "no such file",
        ),
    ];
    for (path, status, cache, body) in cases {
        let served = get(dist.path(), path).await;
        assert_eq!(served.status, status, "status of {path}");
        assert_eq!(served.cache, cache, "cache-control of {path}");
        assert!(
            served.body.starts_with(body),
            "body of {path}: {}",
            served.body
        );
    }
}

#[tokio::test]
async fn refuses_to_start_without_a_built_app() {
    let empty = tempfile::tempdir().unwrap();
    let config = config(empty.path(), empty.path());
    let error = relay::Relay::start(&config).await.err().unwrap();
    assert!(error.to_string().contains("has no index.html"), "{error}");
}

/// `/sync` is the sync endpoint; earlier releases had the sync page there
/// too. A browser opening it as a page is sent to the page's address; a
/// WebSocket handshake or a program's request is not.
#[tokio::test]
async fn a_page_load_of_the_sync_endpoint_goes_to_the_sync_page() {
    let dist = built_app();
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist.path(), data.path()))
        .await
        .unwrap();
    let send = |accept: Option<&str>, upgrade: bool| {
        let mut request = Request::builder().uri("/sync?token=abc");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT, accept);
        }
        if upgrade {
            request = request
                .header(header::UPGRADE, "websocket")
                .header(header::CONNECTION, "upgrade");
        }
        relay.router().oneshot(request.body(Body::empty()).unwrap())
    };
    let page = send(Some("text/html,application/xhtml+xml,*/*;q=0.8"), false)
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        page.headers().get(header::LOCATION).unwrap(),
        "/devices",
        "the sync page's address"
    );
    for (accept, upgrade) in [
        (None, false),
        (Some("*/*"), false),
        (Some("text/html"), true),
    ] {
        let response = send(accept, upgrade).await.unwrap();
        assert_ne!(
            response.status(),
            StatusCode::SEE_OTHER,
            "accept {accept:?}, upgrade {upgrade}"
        );
    }
}

/// A release's files may carry older dates than the release before (built
/// earlier, or unpacked with their dates): a browser asking "changed since
/// <the old file's date>?" about the service worker or the page must still
/// get the new bytes, or it would never update.
#[tokio::test]
async fn files_named_without_a_hash_are_always_sent_whole() {
    let dist = built_app();
    std::fs::write(dist.path().join("sw.js"), "// the new worker").unwrap();
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist.path(), data.path()))
        .await
        .unwrap();
    let later = "Fri, 01 Jan 2100 00:00:00 GMT";
    for path in ["/sw.js", "/", "/manifest.webmanifest"] {
        let request = Request::builder()
            .uri(path)
            .header(header::IF_MODIFIED_SINCE, later)
            .body(Body::empty())
            .unwrap();
        let response = relay.router().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.headers().get(header::LAST_MODIFIED).is_none(),
            "{path} carries no date to ask about"
        );
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert!(!bytes.is_empty(), "{path} sent whole");
    }
    // A hashed file may still answer "not modified": its name changes with it.
    let request = Request::builder()
        .uri("/tally-0123456789abcdef.js")
        .header(header::IF_MODIFIED_SINCE, later)
        .body(Body::empty())
        .unwrap();
    let response = relay.router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
}

/// An operator's dotfiles in the app folder (`.env`, `.git/`) are never
/// served, however the address is written.
#[tokio::test]
async fn hidden_files_in_the_app_folder_are_not_served() {
    let dist = built_app();
    std::fs::write(dist.path().join(".env"), "SECRET=1").unwrap();
    std::fs::create_dir_all(dist.path().join(".git")).unwrap();
    std::fs::write(dist.path().join(".git/config"), "[core] SECRET").unwrap();
    std::fs::create_dir_all(dist.path().join("sub")).unwrap();
    std::fs::write(dist.path().join("sub/.hidden"), "SECRET").unwrap();
    std::fs::write(dist.path().join("sub/shown.txt"), "shown").unwrap();
    for path in [
        "/.env",
        "/%2eenv",
        "/%2Eenv",
        "/.%65nv",
        "/.git/config",
        "/sub/.hidden",
        "/sub%2f.hidden",
    ] {
        let served = get(dist.path(), path).await;
        assert_eq!(served.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!served.body.contains("SECRET"), "{path}: {}", served.body);
    }
    let served = get(dist.path(), "/sub/shown.txt").await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.body, "shown");
}

/// A program asking the relay's API for something it does not have is told
/// so in JSON, not handed the app's page.
#[tokio::test]
async fn unknown_api_addresses_answer_a_json_404() {
    let dist = built_app();
    for path in ["/api/nope", "/api/timebanks/x/nothing", "/api/"] {
        let served = get(dist.path(), path).await;
        assert_eq!(served.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            served.body.contains(r#""code":"no-such-address""#),
            "{path}: {}",
            served.body
        );
        assert_eq!(served.cache, "no-store", "{path}");
    }
}

/// Every answer carries the security headers; a page's policy allows its
/// own inline scripts by their hashes and nothing else inline, read from
/// the page as it is served (a new build needs no restart).
#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    use base64::Engine;
    use sha2::Digest;
    let dist = built_app();
    let start = "\nimport init from '/tally-0123456789abcdef.js';\nawait init();\n";
    let paint = "\n(function () { document.title = 'Tally'; })();\n";
    let page = |start: &str| {
        format!(
            "<!doctype html><head><script type=\"module\">{start}</script>\
             <link rel=\"modulepreload\" href=\"/tally-0123456789abcdef.js\"></head>\
             <body><script>{paint}</script><script src=\"/elsewhere.js\"></script></body>"
        )
    };
    std::fs::write(dist.path().join("index.html"), page(start)).unwrap();
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist.path(), data.path()))
        .await
        .unwrap();
    let headers_of = |path: &'static str| {
        let router = relay.router();
        async move {
            let request = Request::builder().uri(path).body(Body::empty()).unwrap();
            let response = router.oneshot(request).await.unwrap();
            let headers = response.headers().clone();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (headers, body)
        }
    };
    let hash = |text: &str| {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
        )
    };
    for path in [
        "/",
        "/members",
        "/tally-0123456789abcdef.js",
        "/manifest.webmanifest",
        "/api/access",
        "/api/nothing",
        "/.env",
    ] {
        let (headers, _) = headers_of(path).await;
        let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert!(policy.contains("object-src 'none'"), "{path}: {policy}");
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer", "{path}");
    }
    // The page, whole, with its two inline scripts allowed and no other.
    let (headers, body) = headers_of("/").await;
    assert_eq!(String::from_utf8_lossy(&body), page(start));
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let script_src = policy
        .split("; ")
        .find(|part| part.starts_with("script-src "))
        .unwrap();
    assert_eq!(
        script_src,
        format!(
            "script-src 'self' 'wasm-unsafe-eval' {} {}",
            hash(start),
            hash(paint)
        )
    );
    // A new build, served at once with its own hashes.
    let rebuilt = "\nimport init from '/tally-fedcba9876543210.js';\nawait init();\n";
    std::fs::write(dist.path().join("index.html"), page(rebuilt)).unwrap();
    let (headers, _) = headers_of("/members").await;
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains(&hash(rebuilt)), "{policy}");
    assert!(!policy.contains(&hash(start)), "{policy}");
}

/// Pages of other sites may call the API (a timebank can sync through a
/// relay other than the app's), sending the token header, which `*` would
/// not cover.
#[tokio::test]
async fn other_sites_may_send_the_token_header_to_the_api() {
    let dist = built_app();
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist.path(), data.path()))
        .await
        .unwrap();
    let request = Request::builder()
        .method("OPTIONS")
        .uri("/api/access")
        .header(header::ORIGIN, "https://another-relay.example")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization,content-type",
        )
        .body(Body::empty())
        .unwrap();
    let response = relay.router().oneshot(request).await.unwrap();
    assert!(response.status().is_success());
    let allowed = |name| {
        response.headers()[name]
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .split(',')
            .map(|part| part.trim().to_string())
            .collect::<Vec<_>>()
    };
    let headers = allowed(header::ACCESS_CONTROL_ALLOW_HEADERS);
    assert!(
        headers.contains(&"authorization".to_string()),
        "{headers:?}"
    );
    assert!(headers.contains(&"content-type".to_string()), "{headers:?}");
    assert!(allowed(header::ACCESS_CONTROL_ALLOW_METHODS).contains(&"delete".to_string()));
    assert_eq!(response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
}

/// The build's compressed copies go to a browser that accepts them, with
/// `content-encoding` and `vary`; each decompresses to the file itself; a
/// file without one, a browser that accepts none, a range and a HEAD are
/// served as before.
#[tokio::test]
async fn files_go_compressed_to_browsers_that_accept_it() {
    use std::io::{Read, Write};
    let dist = built_app();
    let wasm: Vec<u8> = (0..40_000u32)
        .flat_map(|n| (n % 251).to_le_bytes())
        .collect();
    std::fs::write(dist.path().join("tally-0123456789abcdef_bg.wasm"), &wasm).unwrap();
    // The page's inline script is allowed by its hash, compressed or not.
    let index = b"<!doctype html><title>Tally</title><script>paint();</script>".to_vec();
    std::fs::write(dist.path().join("index.html"), &index).unwrap();
    let script_hash = {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(b"paint();");
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    for (name, bytes) in [
        ("tally-0123456789abcdef_bg.wasm", &wasm),
        ("index.html", &index),
    ] {
        let mut brotli = Vec::new();
        brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &Default::default()).unwrap();
        std::fs::write(dist.path().join(format!("{name}.br")), brotli).unwrap();
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(bytes).unwrap();
        std::fs::write(
            dist.path().join(format!("{name}.gz")),
            gzip.finish().unwrap(),
        )
        .unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let relay = relay::Relay::start(&config(dist.path(), data.path()))
        .await
        .unwrap();
    let ask = |method: &str, path: &str, accepts: &str, range: Option<&str>| {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::ACCEPT_ENCODING, accepts);
        if let Some(range) = range {
            request = request.header(header::RANGE, range);
        }
        relay.router().oneshot(request.body(Body::empty()).unwrap())
    };
    let decoded = |encoding: &str, bytes: &[u8]| -> Vec<u8> {
        let mut out = Vec::new();
        match encoding {
            "br" => {
                brotli::Decompressor::new(bytes, 4096)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            "gzip" => {
                flate2::read::GzDecoder::new(bytes)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            _ => out = bytes.to_vec(),
        }
        out
    };
    // (path, what the browser accepts, the encoding sent, the file itself)
    let cases: [(&str, &str, &str, &[u8]); 9] = [
        (
            "/tally-0123456789abcdef_bg.wasm",
            "gzip, deflate, br, zstd",
            "br",
            &wasm,
        ),
        ("/tally-0123456789abcdef_bg.wasm", "gzip", "gzip", &wasm),
        ("/tally-0123456789abcdef_bg.wasm", "identity", "", &wasm),
        ("/tally-0123456789abcdef_bg.wasm", "", "", &wasm),
        ("/", "br;q=1.0, gzip;q=0.8", "br", &index),
        ("/members/list", "gzip", "gzip", &index),
        ("/members", "", "", &index),
        // No compressed copy: as it is.
        ("/tally-0123456789abcdef.js", "br, gzip", "", b"export {}"),
        ("/manifest.webmanifest", "br", "", b"{}"),
    ];
    for (path, accepts, encoding, original) in cases {
        let response = ask("GET", path, accepts, None).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path} {accepts}");
        let headers = response.headers().clone();
        let sent = headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert_eq!(sent, encoding, "{path} for {accepts:?}");
        if !encoding.is_empty() {
            let vary = headers
                .get(header::VARY)
                .map(|v| v.to_str().unwrap().to_lowercase());
            assert_eq!(vary.as_deref(), Some("accept-encoding"), "{path}");
        }
        let content_type = headers.get(header::CONTENT_TYPE).unwrap().to_str().unwrap();
        let wanted_type = if path.ends_with(".wasm") {
            "application/wasm"
        } else if path.ends_with(".js") {
            "text/javascript"
        } else if path.ends_with(".webmanifest") {
            "application/manifest+json"
        } else {
            "text/html"
        };
        assert!(
            content_type.starts_with(wanted_type),
            "{path}: {content_type}"
        );
        if wanted_type == "text/html" {
            let policy = headers
                .get(header::CONTENT_SECURITY_POLICY)
                .unwrap()
                .to_str()
                .unwrap();
            assert!(policy.contains(&script_hash), "{path} {accepts}: {policy}");
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(
            decoded(encoding, &bytes),
            original,
            "{path} for {accepts:?}"
        );
    }
    // A range of the file itself, and a HEAD, still work.
    let response = ask(
        "GET",
        "/tally-0123456789abcdef_bg.wasm",
        "identity",
        Some("bytes=4-11"),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&bytes[..], &wasm[4..12]);
    let response = ask("HEAD", "/tally-0123456789abcdef_bg.wasm", "br", None)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers().get(header::CONTENT_ENCODING).unwrap(),
        "br"
    );
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert!(bytes.is_empty(), "a HEAD has no body");
}
