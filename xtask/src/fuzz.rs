//! `cargo xtask fuzz [seconds]`: runs each fuzz target (in `fuzz/`) with
//! libFuzzer for a bounded time (60 s each by default), after installing
//! cargo-fuzz if it is missing. The toolchain is stable, so the nightly
//! flags cargo-fuzz passes are allowed with RUSTC_BOOTSTRAP.

use std::process::Command;

use anyhow::{Context, Result};

use crate::{Workspace, output_of, run_command, step};

const CARGO_FUZZ_VERSION: &str = "0.13.1";
const TARGETS: &[&str] = &["codec", "client", "admit"];

pub fn run(workspace: &Workspace, seconds: Option<&str>) -> Result<()> {
    let seconds: u64 = seconds
        .unwrap_or("60")
        .parse()
        .context("the fuzzing time is a number of seconds")?;
    ensure_cargo_fuzz()?;
    for target in TARGETS {
        step(&format!("Fuzzing `{target}` for {seconds} s"));
        run_command(
            Command::new("cargo")
                .args(["fuzz", "run", "--sanitizer", "none", target, "--"])
                .arg(format!("-max_total_time={seconds}"))
                .current_dir(workspace.root.join("fuzz"))
                .env("RUSTC_BOOTSTRAP", "1"),
        )?;
    }
    println!("\nNo crash in {} targets, {seconds} s each.", TARGETS.len());
    Ok(())
}

fn ensure_cargo_fuzz() -> Result<()> {
    let version = output_of(Command::new("cargo").args(["fuzz", "--version"])).unwrap_or_default();
    if version.trim() == format!("cargo-fuzz {CARGO_FUZZ_VERSION}") {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    step(&format!(
        "Installing cargo-fuzz {CARGO_FUZZ_VERSION} (compiles from source: a few minutes)"
    ));
    run_command(Command::new("cargo").args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))
}
