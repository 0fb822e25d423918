//! The previous release of the app, built once for the upgrade test
//! (`tests/e2e/specs/upgrade.spec.js`): a phone primed by that release, then
//! the new build served on the same origin, must keep every timebank.
//!
//! The release's tree is taken from git (`git archive`) into
//! `target/previous-release/src` and built there with the same Trunk command
//! as `app_build.rs`, into `target/previous-release/dist`. A stamp names the
//! commit the build came from, so later runs skip the build.
//!
//! It compiles into its own `target/previous-release/target`, never this
//! checkout's `target/`: Cargo names the artifacts of a workspace's own
//! crates by their path inside the workspace, which is the same in both
//! trees, so the two would write over each other's `tally`, `ledger`,
//! `wire` and `xtask` and each take the other's as up to date (sharing
//! `target/` left `cargo xtask` running the old tree's xtask). Two Trunk
//! builds in one target folder also share wasm-bindgen's output folder.
//!
//! The old tree's Trunk.toml runs `cargo xtask precache` after its build;
//! Trunk runs hooks in the folder of its Trunk.toml, so that is the old
//! tree's own xtask (found through its `.cargo/config.toml`), which reads
//! its own `service-worker.js`: nothing in the extracted tree is changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{Workspace, output_of, run_command, step, tools};

/// The last release that kept timebank documents in localStorage (base64
/// pieces under `tally.tb.<id>.…`). The next release moves them into
/// IndexedDB on start; the upgrade test primes a browser profile with this
/// one to prove that move keeps everything.
pub const COMMIT: &str = "c4de0ef";

/// Builds the previous release unless its build is already there; returns
/// the folder of the built app.
pub fn build(workspace: &Workspace) -> Result<PathBuf> {
    let base = workspace.root.join("target").join("previous-release");
    let dist = base.join("dist");
    let stamp = base.join("built-from");

    let Some(commit) = output_of(
        Command::new("git")
            .args(["rev-parse", "--verify", "--quiet"])
            .arg(format!("{COMMIT}^{{commit}}"))
            .current_dir(&workspace.root),
    ) else {
        bail!(
            "the previous release (commit {COMMIT}) is not in this clone's history (or git \
             could not be run), so the upgrade test cannot build it: fetch the full history \
             (`git fetch --unshallow`) or work in a clone that has that commit"
        );
    };
    let commit = commit.trim().to_string();

    let built_from = std::fs::read_to_string(&stamp).unwrap_or_default();
    if dist.join("index.html").is_file() && built_from.trim() == commit {
        println!(
            "ok: previous release ({COMMIT}) already built in {}",
            dist.display()
        );
        return Ok(dist);
    }

    let src = base.join("src");
    step(&format!(
        "Extracting the previous release (commit {COMMIT}) into {}",
        src.display()
    ));
    remove_if_there(&src)?;
    remove_if_there(&stamp)?;
    std::fs::create_dir_all(&src).with_context(|| format!("could not create {}", src.display()))?;
    let archive = base.join("src.tar");
    run_command(
        Command::new("git")
            .args(["archive", "--format=tar", "--output"])
            .arg(&archive)
            .arg(&commit)
            .current_dir(&workspace.root),
    )?;
    run_command(
        Command::new("tar")
            .arg("-xf")
            .arg(&archive)
            .arg("-C")
            .arg(&src),
    )?;
    remove_if_there(&archive)?;

    let target = base.join("target");
    step(&format!(
        "Building the previous release with Trunk (into {}, compiling in {}: the first time \
         takes as long as a first build)",
        dist.display(),
        target.display()
    ));
    run_command(
        Command::new("trunk")
            .args(["--skip-version-check", "build", "--release"])
            .current_dir(&src)
            .env("PATH", tools::tool_path(workspace))
            // Trunk must never fetch tools: everything it needs is installed.
            .env("TRUNK_OFFLINE", "true")
            .env("CARGO_TARGET_DIR", &target),
    )?;
    let built = src.join("dist");
    if !built.join("index.html").is_file() || !built.join("sw.js").is_file() {
        bail!(
            "the previous release's build has no index.html or sw.js in {}",
            built.display()
        );
    }
    remove_if_there(&dist)?;
    std::fs::rename(&built, &dist)
        .with_context(|| format!("could not move {} to {}", built.display(), dist.display()))?;
    std::fs::write(&stamp, format!("{commit}\n"))
        .with_context(|| format!("could not write {}", stamp.display()))?;
    println!("previous release built in {}", dist.display());
    Ok(dist)
}

/// Removes a file or a folder with everything in it, if it is there.
fn remove_if_there(path: &Path) -> Result<()> {
    let removed = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else if path.exists() {
        std::fs::remove_file(path)
    } else {
        return Ok(());
    };
    removed.with_context(|| format!("could not remove {}", path.display()))
}
