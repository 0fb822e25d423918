//! What every answer tells the browser about itself: a
//! Content-Security-Policy, `X-Content-Type-Options: nosniff` and
//! `Referrer-Policy: no-referrer`.
//!
//! The policy allows scripts only from the relay's own address, plus each
//! inline script of the page being answered, by the SHA-256 of its text
//! (Trunk's module that starts the app, and `index.html`'s first paint of
//! the home screen). The hashes are read from the page itself as it is
//! served, so a new build needs no restart. `connect-src` stays open to any
//! address: people choose which relay their timebank syncs through.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// A page larger than this is served without its inline scripts allowed
/// (the app's `index.html` is a few KB).
const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// The policy for an answer whose inline scripts hash to `hashes`
/// (base64 SHA-256 each).
pub fn content_security_policy(hashes: &[String]) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for hash in hashes {
        scripts.push_str(" 'sha256-");
        scripts.push_str(hash);
        scripts.push('\'');
    }
    [
        "default-src 'self'".to_string(),
        format!("script-src {scripts}"),
        "style-src 'self'".to_string(),
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self' http: https: ws: wss:".to_string(),
        "worker-src 'self'".to_string(),
        "manifest-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        "frame-ancestors 'none'".to_string(),
    ]
    .join("; ")
}

/// The base64 SHA-256 of the text of each inline script of `html` (a
/// `<script>` element with no `src`), as CSP hashes them.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|at| from + at) {
        let Some(tag_end) = lower[start..].find('>').map(|at| start + at) else {
            break;
        };
        let tag = &lower[start..tag_end];
        let Some(close) = lower[tag_end..].find("</script").map(|at| tag_end + at) else {
            break;
        };
        // `<script` must be the whole tag name (not `<scripts>`).
        let named = tag[7..]
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_whitespace() || c == '/');
        if named && !has_src(tag) {
            let text = &html[tag_end + 1..close];
            hashes.push(STANDARD.encode(Sha256::digest(text.as_bytes())));
        }
        from = close + "</script".len();
    }
    hashes
}

fn has_src(tag: &str) -> bool {
    tag.split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute == "src" || attribute.starts_with("src="))
}

/// The text of a page sent with `encoding` (none, `br` or `gzip`), up to
/// `MAX_PAGE_BYTES`; `None` if it cannot be read so.
fn page_text(bytes: &[u8], encoding: Option<&[u8]>) -> Option<String> {
    use std::io::Read;
    let mut text = Vec::new();
    let limit = MAX_PAGE_BYTES as u64;
    match encoding {
        None | Some(b"identity") => text = bytes.to_vec(),
        Some(b"br") => {
            brotli_decompressor::Decompressor::new(bytes, 4096)
                .take(limit)
                .read_to_end(&mut text)
                .ok()?;
        }
        Some(b"gzip") => {
            flate2::read::GzDecoder::new(bytes)
                .take(limit)
                .read_to_end(&mut text)
                .ok()?;
        }
        Some(_) => return None,
    }
    Some(String::from_utf8_lossy(&text).into_owned())
}

/// Adds the headers to every answer; a page gets its inline scripts'
/// hashes in its policy.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let (mut parts, body) = response.into_parts();
    let encoding = parts
        .headers
        .get(header::CONTENT_ENCODING)
        .map(|value| value.as_bytes().to_vec());
    let (body, hashes) = if is_page {
        match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
            Ok(bytes) => {
                // The page as the browser reads it (sent compressed, or not).
                let hashes = page_text(&bytes, encoding.as_deref())
                    .map(|text| inline_script_hashes(&text))
                    .unwrap_or_default();
                (Body::from(bytes), hashes)
            }
            // Too large or broken: nothing inline runs.
            Err(_) => (Body::empty(), Vec::new()),
        }
    } else {
        (body, Vec::new())
    };
    let headers = &mut parts.headers;
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&hashes)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // The body may have been read whole: its length is what it is now.
    if is_page {
        headers.remove(header::CONTENT_LENGTH);
    }
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(text: &str) -> String {
        STANDARD.encode(Sha256::digest(text.as_bytes()))
    }

    #[test]
    fn hashes_each_inline_script_and_no_other() {
        let html = "<head><script type=\"module\">\nimport init from '/a.js';\n</script>\
            <link rel=\"modulepreload\" href=\"/a.js\"></head>\
            <body><SCRIPT>paint();</SCRIPT>\
            <script src=\"/b.js\"></script>\
            <script defer src='/c.js'></script>\
            <scripts>not a script</scripts>\
            <script></script></body>";
        assert_eq!(
            inline_script_hashes(html),
            vec![
                sha("\nimport init from '/a.js';\n"),
                sha("paint();"),
                sha(""),
            ]
        );
        // The hash CSP documents for `alert('Hello, world.');`.
        assert_eq!(
            inline_script_hashes("<script>alert('Hello, world.');</script>"),
            vec!["qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=".to_string()]
        );
        assert!(inline_script_hashes("<p>no scripts</p><script>unclosed").is_empty());
    }

    #[test]
    fn the_policy_allows_only_what_the_app_needs() {
        let policy = content_security_policy(&["abc=".to_string()]);
        for part in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "connect-src 'self' http: https: ws: wss:",
        ] {
            assert!(policy.split("; ").any(|p| p == part), "{part} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"));
    }
}
