//! `cargo xtask test`: installs what the tests need, then runs every check in
//! order and stops at the first failure, with a summary either way.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::server::BackgroundServer;
use crate::{Workspace, app_build, previous_release, run_command, step, tools};

type Check = fn(&Workspace) -> Result<()>;

const CHECKS: &[(&str, Check)] = &[
    ("formatting (cargo fmt --check)", formatting),
    ("lints for the host (clippy -D warnings)", lints_host),
    ("lints for wasm32 (clippy -D warnings)", lints_wasm),
    ("native tests of every crate", native_tests),
    (
        "interoperability with JavaScript automerge-repo (stock sync server and client)",
        interop_tests,
    ),
    (
        "browser tests with wasm-bindgen-test in headless Chromium",
        wasm_tests,
    ),
    ("release build of the app", app_build::release),
    (
        "end-to-end tests with Playwright against the release build",
        end_to_end,
    ),
];

pub fn run_all(workspace: &Workspace) -> Result<()> {
    step("Checking the tools the tests need");
    tools::install_build_tools(workspace)?;
    tools::install_test_tools(workspace)?;

    let mut passed: Vec<(&str, Duration)> = Vec::new();
    for (name, check) in CHECKS {
        step(name);
        let started = Instant::now();
        if let Err(error) = check(workspace) {
            print_summary(&passed, Some(name));
            bail!("{name}: {error:#}");
        }
        passed.push((name, started.elapsed()));
    }
    print_summary(&passed, None);
    Ok(())
}

fn print_summary(passed: &[(&str, Duration)], failed: Option<&str>) {
    println!("\nSummary of cargo xtask test:");
    for (name, took) in passed {
        println!("  passed  {name} ({:.0} s)", took.as_secs_f64());
    }
    if let Some(name) = failed {
        println!("  FAILED  {name}");
    }
    let failures = usize::from(failed.is_some());
    println!("xtask: {} passed, {failures} failed", passed.len());
}

fn cargo(workspace: &Workspace) -> Command {
    let mut command = Command::new("cargo");
    command
        .current_dir(&workspace.root)
        .env("PATH", tools::tool_path(workspace));
    command
}

fn formatting(workspace: &Workspace) -> Result<()> {
    run_command(cargo(workspace).args(["fmt", "--all", "--check"]))
}

fn lints_host(workspace: &Workspace) -> Result<()> {
    run_command(cargo(workspace).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn lints_wasm(workspace: &Workspace) -> Result<()> {
    let wasm = ["--target", "wasm32-unknown-unknown"];
    run_command(
        cargo(workspace)
            .args(["clippy", "--package", "tally", "--all-targets"])
            .args(wasm)
            .args(["--", "-D", "warnings"]),
    )?;
    run_command(
        cargo(workspace)
            // The app switches on automerge's browser support; the ledger does not.
            .args([
                "clippy",
                "--package",
                "ledger",
                "--lib",
                "--features",
                "automerge/wasm",
            ])
            .args(wasm)
            .args(["--", "-D", "warnings"]),
    )
}

fn native_tests(workspace: &Workspace) -> Result<()> {
    run_command(cargo(workspace).args(["test", "--workspace"]))
}

/// Tally's protocol client (the `sync_file` example) against the npm
/// automerge-repo sync server and client, and a JS client against the relay.
fn interop_tests(workspace: &Workspace) -> Result<()> {
    run_command(cargo(workspace).args(["build", "--quiet", "--package", "relay"]))?;
    run_command(cargo(workspace).args([
        "build",
        "--quiet",
        "--package",
        "wire",
        "--example",
        "sync_file",
    ]))?;
    run_command(
        Command::new("node")
            .args(["--test", "interop/"])
            .current_dir(workspace.e2e_dir())
            .env(
                "TALLY_SYNC_FILE",
                workspace.root.join("target/debug/examples/sync_file"),
            )
            .env("TALLY_RELAY", crate::server::relay_binary(workspace)),
    )
}

fn wasm_tests(workspace: &Workspace) -> Result<()> {
    // The runner leaks a browser profile per run into TMPDIR: keep it in target/.
    let tmp = workspace.scratch_dir("tmp")?;
    run_command(
        cargo(workspace)
            .args([
                "test",
                "--package",
                "tally",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("TMPDIR", tmp)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}

fn end_to_end(workspace: &Workspace) -> Result<()> {
    // The upgrade test primes a phone with the previous release first.
    let previous_dist = previous_release::build(workspace)?;
    let server = BackgroundServer::start(workspace)?;
    println!("serving the release build at {}", server.url);
    let screenshots = workspace.scratch_dir("screenshots")?;
    let result = run_command(
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(workspace.e2e_dir())
            .env("TALLY_URL", &server.url)
            .env("TALLY_RELAY", crate::server::relay_binary(workspace))
            .env("TALLY_DIST", workspace.dist_dir())
            .env("TALLY_PREVIOUS_DIST", &previous_dist)
            .env("TALLY_SCREENSHOTS", &screenshots)
            .env("CHROMIUM", tools::CHROMIUM),
    );
    drop(server);
    if result.is_ok() {
        println!("screenshots saved in {}", screenshots.display());
    }
    result
}
