//! The command line.

mod seed_demo;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use crate::app::{self, App};
use crate::config::Config;
use crate::telemetry;

#[derive(Debug, Parser)]
#[command(name = "downwork", version, about = "The Downwork freelancing marketplace")]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and web app (the default). Migrates the database first.
    Serve,
    /// Run the background sweeps and send the mail queue without serving HTTP.
    Worker,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Create an administrator, or make an existing account one.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, env = "DOWNWORK_ADMIN_PASSWORD")]
        password: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Fill the database with realistic demo data. Safe to run again.
    SeedDemo {
        /// How many demo users (half freelancers, half clients).
        #[arg(long, default_value_t = 20_000)]
        users: u32,
        /// How many jobs the demo clients have posted.
        #[arg(long, default_value_t = 100_000)]
        jobs: u32,
        /// How many proposals the demo freelancers have sent.
        #[arg(long, default_value_t = 300_000)]
        proposals: u32,
        /// How many contracts the demo clients have hired into (fixed price, five milestones each).
        #[arg(long, default_value_t = 5_000)]
        contracts: u32,
        /// How many accepted friendships (the first demo client has a thousand friends).
        #[arg(long, default_value_t = 200_000)]
        friendships: u32,
    },
    /// Check the ledger's invariants; print every violation and exit non-zero if any.
    LedgerCheck,
    /// Print the OpenAPI document.
    Openapi,
    /// Measure raw argon2id hashes per second on all cores (benchmark baseline).
    HashRate {
        #[arg(long, default_value_t = 5)]
        seconds: u64,
    },
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        let command = self.command.unwrap_or(Command::Serve);
        if let Command::Openapi = command {
            println!("{}", api::openapi().to_pretty_json().context("cannot render the OpenAPI document")?);
            return Ok(());
        }
        let config = Config::load()?;
        telemetry::init_logging(&config.log_format);
        match command {
            Command::Serve => serve(&config).await,
            Command::Worker => {
                let (services, _sockets) = app::build_services(&config).await?;
                tracing::info!("worker running");
                let mail_sender = tokio::spawn(crate::mail_sender::run(services.clone(), std::future::pending()));
                crate::worker::run(services, app::shutdown_signal()).await;
                mail_sender.abort();
                Ok(())
            }
            Command::Migrate => {
                app::connect(&config).await?;
                tracing::info!("database is up to date");
                Ok(())
            }
            Command::CreateAdmin { email, password, name } => {
                let (services, _sockets) = app::build_services(&config).await?;
                let admin = services
                    .accounts
                    .create_admin(&email, &password, &name)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                println!("administrator {} ({})", admin.email, admin.id);
                Ok(())
            }
            Command::SeedDemo { users, jobs, proposals, contracts, friendships } => {
                seed_demo::run(&config, seed_demo::Sizes { users, jobs, proposals, contracts, friendships }).await
            }
            Command::HashRate { seconds } => {
                let rate = services::passwords::measure_hash_rate(seconds.max(1)).await?;
                println!("{rate:.1}");
                Ok(())
            }
            Command::LedgerCheck => {
                let db = app::connect(&config).await?;
                let violations = store::ledger::check(&db).await?;
                for violation in &violations {
                    println!("{violation}");
                }
                anyhow::ensure!(violations.is_empty(), "the ledger has {} violation(s)", violations.len());
                println!("the ledger balances");
                Ok(())
            }
            Command::Openapi => Ok(()),
        }
    }
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let app = App::build(config).await?;
    let listener = TcpListener::bind(config.addr).await.with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "listening on http://{addr}");
    app.serve(listener, app::shutdown_signal()).await
}
