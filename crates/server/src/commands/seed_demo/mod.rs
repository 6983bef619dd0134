//! `downwork seed-demo`: realistic demo data. Accounts are
//! `freelancer{N}@demo.downwork.test` / `client{N}@demo.downwork.test`, all
//! with the password `demo-password`; clients post jobs, freelancers bid, and
//! clients hire on some fixed-price jobs, and users befriend each other.
//! Running it again adds only what is missing to reach the asked sizes.

mod people;
mod social;
mod work;

use anyhow::Context as _;
use chrono::Utc;
use indicatif::{ProgressBar, ProgressStyle};
use services::profiles::Profiles;
use services::reputation::Reputation;
use store::Db;

use crate::app;
use crate::config::Config;

pub const DEMO_PASSWORD: &str = "demo-password";
pub const DEMO_DOMAIN: &str = "demo.downwork.test";

/// How much demo data to have.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub users: u32,
    pub jobs: u32,
    pub proposals: u32,
    pub contracts: u32,
    pub friendships: u32,
}

pub async fn run(config: &Config, sizes: Sizes) -> anyhow::Result<()> {
    let db = app::connect(config).await?;
    let users = people::seed(&db, sizes.users).await?;
    let jobs = work::seed_jobs(&db, sizes.jobs).await?;
    let proposals = work::seed_proposals(&db, sizes.proposals).await?;
    let contracts = work::seed_contracts(&db, sizes.contracts).await?;
    let friendships = social::seed_friendships(&db, sizes.friendships).await?;
    settle_reputations(&db).await?;
    println!(
        "added {users} users, {jobs} jobs, {proposals} proposals, {contracts} contracts, {friendships} friendships; \
         password for every demo account: {DEMO_PASSWORD}"
    );
    Ok(())
}

/// Runs the worker's daily reputation sweep until every freelancer has
/// today's level, rating and rank: demo data is complete once seeded, and a
/// server started on it does not spend its first minutes catching up (the
/// sweep takes a bounded batch a minute, and the benchmark's runs would
/// share the machine with it).
async fn settle_reputations(db: &Db) -> anyhow::Result<()> {
    let sweep = Reputation::new(db.clone(), Profiles::new(db.clone()));
    loop {
        let now = Utc::now();
        if store::reputation::due_for_reputation(db, now.date_naive(), 1).await?.is_empty() {
            return Ok(());
        }
        sweep.refresh_due(now).await.map_err(|err| anyhow::anyhow!("reputation sweep: {err}"))?;
    }
}

fn progress(what: &str, total: u64) -> anyhow::Result<ProgressBar> {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
            .context("progress template")?
            .progress_chars("=> "),
    );
    bar.set_message(what.to_owned());
    Ok(bar)
}
