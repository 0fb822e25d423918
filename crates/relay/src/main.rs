//! Parses the configuration and starts the server; everything else is in the library.

use std::io::Write;

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = relay::Config::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    if config.log_json {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .json()
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init();
    }
    let relay = relay::Relay::start(&config).await?;
    let address = relay.address()?;
    // Tests and `cargo xtask` read this line to learn the port.
    println!("Tally is being served on http://{address}/");
    std::io::stdout().flush()?;
    tracing::info!(
        %address,
        dist = %config.dist.display(),
        data = %config.data.display(),
        "serving"
    );
    relay.serve(relay::shutdown_signal()).await;
    Ok(())
}
