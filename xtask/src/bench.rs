//! `cargo xtask bench`: builds the release app and prints the benchmark tables.
//! Speed and size targets are checked here, never by timed assertions in tests.

use std::process::Command;

use anyhow::Result;

use crate::server::BackgroundServer;
use crate::{Workspace, app_build, run_command, step, tools};

pub fn run(workspace: &Workspace) -> Result<()> {
    ledger(workspace)?;
    step(
        "Sync benchmarks: two diverged copies, then 500 clients on one relay, quiet and under attack (a few minutes)",
    );
    run_command(
        Command::new("cargo")
            .args(["bench", "--package", "relay", "--bench", "sync"])
            .current_dir(&workspace.root),
    )?;
    tools::install_build_tools(workspace)?;
    tools::install_test_tools(workspace)?;
    app_build::release(workspace)?;

    step("App size and load time in headless Chromium");
    let server = BackgroundServer::start(workspace)?;
    run_command(
        Command::new("node")
            .arg("bench/app-load.mjs")
            .current_dir(workspace.e2e_dir())
            .env("TALLY_URL", &server.url)
            .env("TALLY_DIST", workspace.dist_dir())
            .env("CHROMIUM", tools::CHROMIUM),
    )?;

    step("The large and huge timebanks in headless Chromium (about half an hour)");
    let mut large = Command::new("node");
    large
        .arg("bench/large-timebank.mjs")
        .current_dir(workspace.e2e_dir())
        .env("TALLY_RELAY", crate::server::relay_binary(workspace))
        .env("TALLY_DIST", workspace.dist_dir())
        // Written by the ledger benchmark above.
        .env(
            "TALLY_LARGE",
            workspace.root.join("target/ledger-bench-large.tally"),
        )
        .env(
            "TALLY_HUGE",
            workspace.root.join("target/ledger-bench-huge.tally"),
        )
        .env("CHROMIUM", tools::CHROMIUM);
    // The release that kept documents in localStorage, when the upgrade
    // test has built it: its figures are then measured beside ours.
    let previous = workspace.root.join("target/previous-release/dist");
    if previous.join("index.html").is_file() {
        large.env("TALLY_PREVIOUS_DIST", previous);
    }
    run_command(&mut large)
}

/// Runs the ledger's criterion benchmarks, then prints their figures as one
/// table, each beside a bare Automerge load of the same bytes.
fn ledger(workspace: &Workspace) -> Result<()> {
    step("Ledger benchmarks (criterion; building the large and huge timebanks takes a while)");
    run_command(
        Command::new("cargo")
            .args(["bench", "--package", "ledger", "--bench", "ledger"])
            .current_dir(&workspace.root),
    )?;
    let criterion = workspace.root.join("target").join("criterion");
    let sizes = std::fs::read_to_string(workspace.root.join("target/ledger-bench-sizes.tsv"))
        .unwrap_or_default();
    println!("\nLedger (mean time; ratio to a bare AutoCommit::load of the same bytes)");
    println!("| size | measure | time | ratio |");
    println!("|---|---|---|---|");
    for size in ["typical", "large"] {
        let mean = |name: &str| mean_nanoseconds(&criterion.join(size).join(name));
        let floor = mean("automerge_load");
        for (name, label) in [
            ("automerge_load", "bare AutoCommit::load (the floor)"),
            ("load_and_derive", "load from bytes and derive all balances"),
            (
                "load_founded_and_derive",
                "the same, its trust founded (everything in it vouched for)",
            ),
            (
                "record_one_exchange",
                "record one exchange and update balances",
            ),
            (
                "merge_500_each_way",
                "merge two copies diverged by 500 exchanges each",
            ),
        ] {
            let time = mean(name);
            let ratio = match (time, floor) {
                (Some(time), Some(floor)) if floor > 0.0 => format!("{:.2}x", time / floor),
                _ => "-".to_string(),
            };
            let shown = time.map_or_else(|| "not run".to_string(), format_duration);
            println!("| {size} | {label} | {shown} | {ratio} |");
        }
        if let Some(line) = sizes.lines().find(|line| line.starts_with(size)) {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [_, exchanges, bytes, per_record] = fields[..] {
                println!(
                    "| {size} | bytes at rest ({exchanges} exchanges) | {bytes} bytes | {per_record} bytes per record |"
                );
            }
        }
    }
    // The huge timebank is built and loaded once, not measured by criterion.
    if let Some(line) = sizes.lines().find(|line| line.starts_with("huge")) {
        let fields: Vec<&str> = line.split('\t').collect();
        if let [_, exchanges, bytes, per_record, bare, derived] = fields[..] {
            let nanoseconds = |field: &str| field.parse::<f64>().ok();
            let (bare, derived) = (nanoseconds(bare), nanoseconds(derived));
            let ratio = match (derived, bare) {
                (Some(derived), Some(bare)) if bare > 0.0 => format!("{:.2}x", derived / bare),
                _ => "-".to_string(),
            };
            let shown = |time: Option<f64>| time.map_or_else(|| "-".to_string(), format_duration);
            println!(
                "| huge | bare AutoCommit::load (the floor; one load, not criterion) | {} | 1.00x |",
                shown(bare)
            );
            println!(
                "| huge | load from bytes and derive all balances (one load) | {} | {ratio} |",
                shown(derived)
            );
            println!(
                "| huge | bytes at rest ({exchanges} exchanges) | {bytes} bytes | {per_record} bytes per record |"
            );
        }
    }
    Ok(())
}

/// Criterion's mean estimate for one benchmark, in nanoseconds.
fn mean_nanoseconds(dir: &std::path::Path) -> Option<f64> {
    let json = std::fs::read_to_string(dir.join("new").join("estimates.json")).ok()?;
    let mean = &json[json.find("\"mean\"")?..];
    let value = &mean[mean.find("\"point_estimate\":")? + "\"point_estimate\":".len()..];
    let end = value.find([',', '}'])?;
    value[..end].trim().parse().ok()
}

fn format_duration(nanoseconds: f64) -> String {
    if nanoseconds >= 1e9 {
        format!("{:.2} s", nanoseconds / 1e9)
    } else if nanoseconds >= 1e6 {
        format!("{:.1} ms", nanoseconds / 1e6)
    } else if nanoseconds >= 1e3 {
        format!("{:.1} µs", nanoseconds / 1e3)
    } else {
        format!("{nanoseconds:.0} ns")
    }
}
