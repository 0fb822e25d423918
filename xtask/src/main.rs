//! `cargo xtask`: the project's own commands, so a fresh machine needs nothing
//! but the Rust toolchain.
//!
//! - `cargo xtask setup`: install every tool the build and the tests need.
//! - `cargo xtask run`: build the app and serve it on http://127.0.0.1:8080.
//! - `cargo xtask test`: every check and test, failing on the first failure.
//! - `cargo xtask bench`: print the benchmark tables.
//! - `cargo xtask fuzz [seconds]`: fuzz the sync protocol for a bounded time.
//!
//! Every install step first checks whether the right version is already there
//! and says what it is doing while it runs.

mod app_build;
mod bench;
mod fuzz;
mod precache;
mod previous_release;
mod server;
mod test;
mod tools;
mod wasm_size;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup   install the tools that building and testing need (skips what is there)
  run     build the app and serve it on http://127.0.0.1:8080
  test    run every check and test (formatting, lints, native, browser)
  bench   print the benchmark tables
  fuzz    fuzz the sync codec, client and frame check (60 s each, or [seconds])
  precache  (run by Trunk after a build) write the service worker's file list
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => tools::install_all(&Workspace::locate()),
        Some("run") => run(&Workspace::locate()),
        Some("test") => test::run_all(&Workspace::locate()),
        Some("bench") => bench::run(&Workspace::locate()),
        Some("precache") => precache::run(&Workspace::locate()),
        Some("fuzz") => fuzz::run(&Workspace::locate(), args.get(1).map(String::as_str)),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprint!("unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run`: install what is missing, build the release app and serve it.
fn run(workspace: &Workspace) -> Result<()> {
    tools::install_build_tools(workspace)?;
    app_build::release(workspace)?;
    let listen = std::env::var("TALLY_LISTEN").unwrap_or_else(|_| "127.0.0.1:8080".to_string());
    server::serve_foreground(workspace, &listen)
}

/// Paths of the checkout, found from this crate's own manifest directory.
pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    fn locate() -> Self {
        let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or(manifest_dir);
        Workspace { root }
    }

    /// Where xtask keeps tools it installs itself (npm packages).
    pub fn tools_dir(&self) -> PathBuf {
        self.root.join("target").join("tools")
    }

    /// The built app, as Trunk writes it.
    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The Playwright tests and benchmarks, with their committed package-lock.
    pub fn e2e_dir(&self) -> PathBuf {
        self.root.join("tests").join("e2e")
    }

    /// A scratch directory under `target/`, created if missing.
    pub fn scratch_dir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.root.join("target").join(name);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        Ok(dir)
    }
}

/// Prints a step heading, so a person watching knows what is happening.
pub fn step(message: &str) {
    println!("\n==> {message}");
}

/// Runs a command to completion, failing with its name when it fails.
pub fn run_command(command: &mut Command) -> Result<()> {
    let description = describe(command);
    let status = command
        .status()
        .with_context(|| format!("could not start `{description}`"))?;
    if !status.success() {
        bail!("`{description}` failed ({status})");
    }
    Ok(())
}

/// Runs a command and returns its standard output, or `None` if it could not
/// run or failed (used to ask a tool for its version).
pub fn output_of(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
