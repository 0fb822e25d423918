//! Starts the relay that serves the built app: in the foreground for
//! `cargo xtask run`, or in the background on a port the system picks for tests.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::{Workspace, run_command, step};

/// Builds the relay and serves `dist/` on `listen` until Ctrl-C.
pub fn serve_foreground(workspace: &Workspace, listen: &str) -> Result<()> {
    step("Building the relay (the server for the app)");
    run_command(
        Command::new("cargo")
            .args([
                "build",
                "--quiet",
                "--profile",
                "server",
                "--package",
                "relay",
            ])
            .current_dir(&workspace.root),
    )?;
    let data = workspace.root.join("data");
    step(&format!(
        "Serving Tally on http://{listen}/ with its timebanks kept in {} (Ctrl-C stops it)",
        data.display()
    ));
    let relay = workspace.root.join("target/server/relay");
    run_command(
        Command::new(relay)
            .arg("--listen")
            .arg(listen)
            .arg("--dist")
            .arg(workspace.dist_dir())
            .arg("--data")
            .arg(data),
    )
}

/// A relay running in the background for tests, stopped (by its process id)
/// when dropped.
pub struct BackgroundServer {
    child: Child,
    pub url: String,
}

impl BackgroundServer {
    /// Builds the relay in the test profile and starts it on 127.0.0.1, port
    /// picked by the system, with an empty data folder under `target/`;
    /// waits for the line that names the address.
    pub fn start(workspace: &Workspace) -> Result<Self> {
        run_command(
            Command::new("cargo")
                .args(["build", "--quiet", "--package", "relay"])
                .current_dir(&workspace.root),
        )?;
        let data = workspace.scratch_dir("relay-data")?;
        std::fs::remove_dir_all(&data)
            .with_context(|| format!("could not empty {}", data.display()))?;
        let mut child = Command::new(relay_binary(workspace))
            .args(["--listen", "127.0.0.1:0", "--dist"])
            .arg(workspace.dist_dir())
            .arg("--data")
            .arg(&data)
            // Every test brings its timebanks from 127.0.0.1.
            .args(["--claims-per-hour", "1000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("could not start the relay")?;
        let stdout = child.stdout.take().context("relay has no stdout")?;
        let mut first_line = String::new();
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .context("could not read from the relay")?;
        let Some(url) = first_line.trim().strip_prefix("Tally is being served on ") else {
            let _ = child.kill();
            bail!("the relay did not start: it said {first_line:?}");
        };
        Ok(BackgroundServer {
            url: url.trim_end_matches('/').to_string(),
            child,
        })
    }
}

/// The relay that `BackgroundServer` runs; browser tests start more of it.
pub fn relay_binary(workspace: &Workspace) -> std::path::PathBuf {
    workspace.root.join("target/debug/relay")
}

impl Drop for BackgroundServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
