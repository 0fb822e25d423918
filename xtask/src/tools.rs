//! Installs the tools that building and testing need, each only when the right
//! version is not already there, saying what it does.
//!
//! Versions are pinned here and in `Trunk.toml`; the wasm-bindgen CLI must be
//! exactly the `wasm-bindgen` version in `Cargo.lock`, which is read from it.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{Workspace, output_of, run_command, step};

const TRUNK_VERSION: &str = "0.21.14";
/// npm `binaryen` release whose `wasm-opt` works with Trunk and Chromium.
/// (Debian's binaryen 108 writes a .wasm that crashes in Chromium.)
const BINARYEN_NPM_VERSION: &str = "132.0.0";
const WASM_OPT_VERSION: &str = "132";
/// Lighthouse for `cargo xtask bench` (13 needs Node 22; Debian's is 20).
const LIGHTHOUSE_VERSION: &str = "12.2.3";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything: build tools and test tools.
pub fn install_all(workspace: &Workspace) -> Result<()> {
    install_build_tools(workspace)?;
    install_test_tools(workspace)?;
    println!("\nAll tools are installed.");
    Ok(())
}

/// What `trunk build` needs: the wasm target, Trunk, wasm-bindgen, wasm-opt.
pub fn install_build_tools(workspace: &Workspace) -> Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(workspace)?;
    ensure_node()?;
    ensure_wasm_opt(workspace)?;
    Ok(())
}

/// What the browser tests need beyond the build tools.
pub fn install_test_tools(workspace: &Workspace) -> Result<()> {
    ensure_chromium()?;
    ensure_e2e_packages(workspace)?;
    Ok(())
}

/// A PATH on which the tools installed here come first: cargo's bin folder
/// (Trunk, wasm-bindgen) and the npm binaryen's `.bin` (wasm-opt).
pub fn tool_path(workspace: &Workspace) -> OsString {
    let mut dirs = vec![cargo_bin_dir(), binaryen_bin_dir(workspace)];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

fn binaryen_bin_dir(workspace: &Workspace) -> PathBuf {
    workspace.tools_dir().join("node_modules").join(".bin")
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        println!("ok: Rust target wasm32-unknown-unknown");
        return Ok(());
    }
    step("Installing the Rust target wasm32-unknown-unknown");
    run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result<()> {
    let trunk = cargo_bin_dir().join("trunk");
    let version = output_of(Command::new(&trunk).arg("--version")).unwrap_or_default();
    if version.trim() == format!("trunk {TRUNK_VERSION}") {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    // A debug build: it compiles in about 3 minutes on 2 cores instead of
    // about 18, and builds the app as fast (135.9 s against 128.1 s here),
    // as the work is wasm-bindgen's, wasm-opt's and cargo's. wasm-bindgen
    // itself stays optimised: a debug one runs 4 times slower on every build.
    step(&format!(
        "Installing Trunk {TRUNK_VERSION} (compiles from source, unoptimised: about 3 minutes on 2 cores)"
    ));
    run_command(Command::new("cargo").args([
        "install",
        "trunk",
        "--version",
        TRUNK_VERSION,
        "--locked",
        "--debug",
    ]))
}

fn ensure_wasm_bindgen(workspace: &Workspace) -> Result<()> {
    let wanted = locked_wasm_bindgen_version(workspace)?;
    check_trunk_pin(workspace, &wanted)?;
    let cli = cargo_bin_dir().join("wasm-bindgen");
    let version = output_of(Command::new(&cli).arg("--version")).unwrap_or_default();
    let runner = cargo_bin_dir().join("wasm-bindgen-test-runner");
    let runner_version = output_of(Command::new(&runner).arg("--version")).unwrap_or_default();
    if version.trim() == format!("wasm-bindgen {wanted}") && runner_version.contains(&wanted) {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    step(&format!(
        "Installing wasm-bindgen-cli {wanted}, the version in Cargo.lock (a few minutes)"
    ));
    // Not --locked: the registry lags one of the CLI's pinned dependencies.
    run_command(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

/// The `wasm-bindgen` version that Cargo.lock holds.
pub fn locked_wasm_bindgen_version(workspace: &Workspace) -> Result<String> {
    let lock_path = workspace.root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("could not read {}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|next| {
                next.trim()
                    .strip_prefix("version = \"")
                    .and_then(|rest| rest.strip_suffix('"'))
            })
        {
            return Ok(version.to_string());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`")
}

/// Trunk.toml must pin the same wasm-bindgen as Cargo.lock, or Trunk would try
/// to download another one (and fail, being offline).
fn check_trunk_pin(workspace: &Workspace, wanted: &str) -> Result<()> {
    let trunk_toml = std::fs::read_to_string(workspace.root.join("Trunk.toml"))
        .context("could not read Trunk.toml")?;
    let pin = format!("wasm_bindgen = \"{wanted}\"");
    if !trunk_toml.lines().any(|line| line.trim() == pin) {
        bail!(
            "Trunk.toml must pin `{pin}` under [tools] to match Cargo.lock; \
             update it whenever wasm-bindgen changes in Cargo.lock"
        );
    }
    Ok(())
}

fn ensure_node() -> Result<()> {
    if let Some(version) = output_of(Command::new("node").arg("--version"))
        && output_of(Command::new("npm").arg("--version")).is_some()
    {
        println!("ok: node {}", version.trim());
        return Ok(());
    }
    step("Installing Node.js and npm from Debian (for wasm-opt and the browser tests)");
    apt_install(&["nodejs", "npm"])
}

fn ensure_wasm_opt(workspace: &Workspace) -> Result<()> {
    let wasm_opt = binaryen_bin_dir(workspace).join("wasm-opt");
    let version = output_of(Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if version.contains(&format!("version {WASM_OPT_VERSION}")) {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    step(&format!(
        "Installing wasm-opt from npm binaryen@{BINARYEN_NPM_VERSION} into {}",
        workspace.tools_dir().display()
    ));
    npm_install(
        &workspace.tools_dir(),
        &format!("binaryen@{BINARYEN_NPM_VERSION}"),
    )
}

/// Installs one npm package, at its pinned version, under `prefix`.
fn npm_install(prefix: &std::path::Path, package: &str) -> Result<()> {
    std::fs::create_dir_all(prefix)?;
    run_command(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(prefix)
            .arg(package),
    )
}

/// Installs Lighthouse (for the benchmarks only) into its own folder under
/// `target/tools`, and returns its command-line script.
pub fn ensure_lighthouse(workspace: &Workspace) -> Result<PathBuf> {
    let prefix = workspace.tools_dir().join("lighthouse");
    let package = prefix.join("node_modules").join("lighthouse");
    let installed = std::fs::read_to_string(package.join("package.json")).unwrap_or_default();
    let cli = package.join("cli").join("index.js");
    if installed.contains(&format!("\"version\": \"{LIGHTHOUSE_VERSION}\"")) && cli.is_file() {
        println!("ok: lighthouse {LIGHTHOUSE_VERSION}");
        return Ok(cli);
    }
    step(&format!(
        "Installing Lighthouse {LIGHTHOUSE_VERSION} from npm into {}",
        prefix.display()
    ));
    npm_install(&prefix, &format!("lighthouse@{LIGHTHOUSE_VERSION}"))?;
    Ok(cli)
}

fn ensure_chromium() -> Result<()> {
    let chromium = output_of(Command::new(CHROMIUM).arg("--version"));
    let driver = output_of(Command::new(CHROMEDRIVER).arg("--version"));
    if let (Some(chromium), Some(_)) = (&chromium, &driver) {
        println!("ok: {}", chromium.trim());
        return Ok(());
    }
    step("Installing Chromium and ChromeDriver from Debian (for the browser tests)");
    apt_install(&["chromium", "chromium-driver"])
}

/// Installs the Playwright and axe packages from the committed package-lock,
/// unless node_modules already matches it.
fn ensure_e2e_packages(workspace: &Workspace) -> Result<()> {
    let dir = workspace.e2e_dir();
    let lock = std::fs::read(dir.join("package-lock.json"))
        .context("tests/e2e/package-lock.json is missing")?;
    let stamp = dir.join("node_modules").join(".tally-installed-lock");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        println!("ok: browser test packages match tests/e2e/package-lock.json");
        return Ok(());
    }
    step("Installing the browser test packages (npm ci in tests/e2e)");
    run_command(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )?;
    std::fs::write(&stamp, lock).context("could not record the installed package-lock")?;
    Ok(())
}

fn apt_install(packages: &[&str]) -> Result<()> {
    let apt = |args: &[&str]| -> Result<()> {
        let mut command = if is_root() {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_command(&mut command)
    };
    apt(&["update"])?;
    // With recommends: Chromium needs the fonts they bring.
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    apt(&args)
}

fn is_root() -> bool {
    output_of(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
