//! `cargo xtask precache`: run by Trunk after each build (a post_build hook
//! in Trunk.toml), with `TRUNK_STAGING_DIR` set. Writes `sw.js` into the
//! build from the `service-worker.js` template: the list of every file of
//! the build, and a cache name derived from their names and contents. Then
//! writes a brotli and a gzip copy beside each file that compresses
//! (`index.html.br`, `index.html.gz`), which the relay sends to a browser
//! that accepts them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::Workspace;

pub fn run(workspace: &Workspace) -> Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("TRUNK_STAGING_DIR is not set: Trunk runs this after a build")?;
    let template = std::fs::read_to_string(workspace.root.join("service-worker.js"))
        .context("could not read service-worker.js")?;
    let mut files = Vec::new();
    collect(&staging, &staging, &mut files)?;
    files.retain(|(url, _)| url != "/sw.js");
    files.sort();
    if !files.iter().any(|(url, _)| url == "/index.html") {
        bail!("the build has no index.html to precache");
    }
    // FNV-1a over every name and content: a new build, a new cache.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (url, bytes) in &files {
        for byte in url.as_bytes().iter().chain(bytes) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let list = files
        .iter()
        .map(|(url, _)| format!("'{url}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let placeholders = ["/* PRECACHE */", "/* CACHE */"];
    if placeholders.iter().any(|p| !template.contains(p)) {
        bail!("service-worker.js lost its /* PRECACHE */ or /* CACHE */ placeholder");
    }
    let worker = template
        .replace("/* PRECACHE */", &list)
        .replace("/* CACHE */", &format!("{hash:016x}"));
    std::fs::write(staging.join("sw.js"), &worker).context("could not write sw.js")?;
    println!(
        "sw.js: {} files to precache, cache tally-{hash:016x}",
        files.len()
    );
    files.push(("/sw.js".into(), worker.into_bytes()));
    let (mut before, mut after) = (0, 0);
    for (url, bytes) in &files {
        if !compresses(url) {
            continue;
        }
        let path = staging.join(url.trim_start_matches('/'));
        let (brotli, gzip) = (brotli(bytes)?, gzip(bytes)?);
        before += bytes.len();
        after += brotli.len();
        for (ending, compressed) in [("br", brotli), ("gz", gzip)] {
            // Only where it saves something; else the file goes as it is.
            if compressed.len() < bytes.len() {
                let name = format!("{}.{ending}", path.display());
                std::fs::write(&name, compressed)
                    .with_context(|| format!("could not write {name}"))?;
            }
        }
    }
    println!("compressed copies: {before} bytes of text and wasm are {after} as brotli");
    Ok(())
}

/// Whether a file of the build is worth compressing: text and wasm (the
/// icons are PNG, compressed already).
fn compresses(url: &str) -> bool {
    let extension = url.rsplit('.').next().unwrap_or_default();
    matches!(
        extension,
        "html" | "js" | "css" | "wasm" | "json" | "webmanifest" | "svg" | "txt" | "xml"
    )
}

/// At brotli's best quality: done once per build, read by every first visit.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .context("could not compress with brotli")?;
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))?
    {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else {
            let relative = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            files.push((format!("/{relative}"), std::fs::read(&path)?));
        }
    }
    Ok(())
}
