//! `downwork`: the marketplace server and its administrative commands.

use clap::Parser as _;
use server::commands::Cli;

/// mimalloc rather than the system's malloc: glibc's arenas fragment under a
/// long-running server's mix of small, short-lived allocations (request
/// bodies, query rows, JSON) and long-lived caches, and its allocator then
/// walks free lists and takes arena locks on both cores; measured in the
/// benchmark's payment run after the read scenarios, malloc and free were a
/// quarter of the server's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
