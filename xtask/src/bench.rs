//! `cargo xtask bench`: builds the release app and prints the benchmark tables.
//! Speed and size targets are checked here, never by timed assertions in tests.

use std::process::Command;

use anyhow::Result;

use crate::server::BackgroundServer;
use crate::{Workspace, app_build, run_command, step, tools, wasm_size};

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
    wasm_size::print(
        &workspace
            .root
            .join("target/wasm32-unknown-unknown/release/tally.wasm"),
        20,
    )?;

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

    let lighthouse = tools::ensure_lighthouse(workspace)?;
    step("Lighthouse on a cold first visit, mobile setting (a few minutes)");
    run_command(
        Command::new("node")
            .arg("bench/lighthouse.mjs")
            .current_dir(workspace.e2e_dir())
            .env("TALLY_URL", &server.url)
            .env("LIGHTHOUSE", lighthouse)
            .env("CHROMIUM", tools::CHROMIUM),
    )?;

    step(
        "The large and huge timebanks, and the large one signed, in headless Chromium (about 40 minutes)",
    );
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
        .env(
            "TALLY_LARGE_SIGNED",
            workspace
                .root
                .join("target/ledger-bench-large-signed.tally"),
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
    println!(
        "\nLedger (mean time; ratio to a bare AutoCommit::load of the same bytes, and for the signed timebank to the same unsigned)"
    );
    println!("| size | measure | time | ratio | signed / unsigned | goal |");
    println!("|---|---|---|---|---|---|");
    for size in ["typical", "large"] {
        let mean = |name: &str| mean_nanoseconds(&criterion.join(size).join(name));
        let floor = mean("automerge_load");
        let unsigned = mean("load_and_derive");
        for (name, label, goal) in [
            ("automerge_load", "bare AutoCommit::load (the floor)", ""),
            (
                "load_and_derive",
                "load from bytes and derive all balances",
                "",
            ),
            (
                "load_founded_and_derive",
                "the same, its trust founded (everything in it vouched for)",
                "",
            ),
            (
                "load_signed_and_derive",
                "the same exchanges, every one signed: first opening (the checkpoint taken, the signatures after it checked)",
                "",
            ),
            (
                "load_signed_again",
                "the same, opened again on this device (only signatures not checked before are checked)",
                "<= 1.1x",
            ),
            (
                "sync_200_signed",
                "200 signed exchanges arriving by sync: applied, read, checked and counted",
                "< 50 ms",
            ),
            (
                "record_one_exchange",
                "record one exchange and update balances",
                "",
            ),
            (
                "merge_500_each_way",
                "merge two copies diverged by 500 exchanges each",
                "",
            ),
            (
                "find_exchanges_by_member",
                "find one member's exchanges (the exchanges page filtered by member)",
                "",
            ),
            (
                "find_exchanges_by_slip",
                "find one paper slip's exchange (filtered by slip number)",
                "",
            ),
        ] {
            let time = mean(name);
            let ratio = |base: Option<f64>| match (time, base) {
                (Some(time), Some(base)) if base > 0.0 => format!("{:.2}x", time / base),
                _ => "-".to_string(),
            };
            let against_unsigned = if name.starts_with("load_signed") {
                ratio(unsigned)
            } else {
                "-".to_string()
            };
            let goal = match (goal, time) {
                ("<= 1.1x", Some(time)) => match unsigned {
                    Some(unsigned) if unsigned > 0.0 => format!(
                        "<= 1.1x unsigned: {}",
                        if time / unsigned <= 1.1 {
                            "met"
                        } else {
                            "not met"
                        }
                    ),
                    _ => "-".to_string(),
                },
                ("< 50 ms", Some(time)) => {
                    format!("< 50 ms: {}", if time < 50e6 { "met" } else { "not met" })
                }
                _ => "-".to_string(),
            };
            let shown = time.map_or_else(|| "not run".to_string(), format_duration);
            println!(
                "| {size} | {label} | {shown} | {} | {against_unsigned} | {goal} |",
                ratio(floor)
            );
        }
        let at_rest = |name: &str| {
            let line = sizes
                .lines()
                .find(|line| line.split('\t').next() == Some(name))?;
            let fields: Vec<&str> = line.split('\t').collect();
            let exchanges = fields.get(1)?.to_string();
            let bytes: f64 = fields.get(2)?.parse().ok()?;
            let per_record: f64 = fields.get(3)?.parse().ok()?;
            Some((exchanges, bytes, per_record))
        };
        let unsigned = at_rest(size);
        if let Some((exchanges, bytes, per_record)) = &unsigned {
            println!(
                "| {size} | bytes at rest ({exchanges} exchanges) | {bytes} bytes | - | - | - |"
            );
            println!("| {size} | bytes per record at rest | {per_record} | - | - | - |");
        }
        if let Some((exchanges, bytes, per_record)) = at_rest(&format!("{size}-signed")) {
            let versus = unsigned.as_ref().map_or_else(
                || "-".to_string(),
                |(_, unsigned, _)| format!("{:.2}x", bytes / unsigned),
            );
            let met = if per_record <= 130.0 {
                "met"
            } else {
                "not met"
            };
            println!(
                "| {size} | signed: bytes at rest ({exchanges} exchanges) | {bytes} bytes | - | {versus} | - |"
            );
            println!(
                "| {size} | signed: bytes per record at rest | {per_record} | - | - | <= 130: {met} |"
            );
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
                "| huge | bare AutoCommit::load (the floor; one load, not criterion) | {} | 1.00x | - | - |",
                shown(bare)
            );
            println!(
                "| huge | load from bytes and derive all balances (one load) | {} | {ratio} | - | - |",
                shown(derived)
            );
            println!(
                "| huge | bytes at rest ({exchanges} exchanges) | {bytes} bytes | - | - | - |"
            );
            println!("| huge | bytes per record at rest | {per_record} | - | - | - |");
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
