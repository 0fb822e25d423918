//! `cargo xtask precache`: run by Trunk after each build (a post_build hook
//! in Trunk.toml), with `TRUNK_STAGING_DIR` set. Writes `sw.js` into the
//! build from the `service-worker.js` template: the list of every file of
//! the build, and a cache name derived from their names and contents.

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
    std::fs::write(staging.join("sw.js"), worker).context("could not write sw.js")?;
    println!(
        "sw.js: {} files to precache, cache tally-{hash:016x}",
        files.len()
    );
    Ok(())
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
