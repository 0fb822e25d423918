//! Builds the web app with Trunk, offline and with the pinned tools.

use std::process::Command;

use anyhow::Result;

use crate::{Workspace, run_command, step, tools};

/// `trunk build --release` into `dist/`.
pub fn release(workspace: &Workspace) -> Result<()> {
    step("Building the release app with Trunk (into dist/)");
    run_command(
        Command::new("trunk")
            .args(["--skip-version-check", "build", "--release"])
            .current_dir(&workspace.root)
            .env("PATH", tools::tool_path(workspace))
            // Trunk must never fetch tools: everything it needs is installed.
            .env("TRUNK_OFFLINE", "true"),
    )
}
