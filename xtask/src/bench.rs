//! `cargo xtask bench`: builds the release app and prints the benchmark tables.
//! Speed and size targets are checked here, never by timed assertions in tests.

use std::process::Command;

use anyhow::Result;

use crate::server::BackgroundServer;
use crate::{Workspace, app_build, run_command, step, tools};

pub fn run(workspace: &Workspace) -> Result<()> {
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
    )
}
