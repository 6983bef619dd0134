//! One ordered list of migrations that runs unchanged on SQLite, PostgreSQL and
//! MySQL/MariaDB. Never edit a migration that has shipped; add a new one.

use sea_orm_migration::prelude::*;

mod columns;
mod m20261128_000001_accounts;
mod m20261128_000002_skills_taxonomy;
mod m20261128_000003_marketplace;
mod m20261128_000004_freelancer_search;
mod m20261128_000005_attachment_links;
mod m20261128_000006_ledger;
mod m20261128_000007_idempotency;
mod m20261128_000008_money_flows;
mod m20261129_000009_chat;
mod m20261129_000010_mail_queue;
mod m20261129_000011_social;
mod m20261129_000012_reputation;
mod m20261129_000013_trust;
mod m20261129_000014_disputes;
mod m20261129_000015_job_moderation;
mod m20261129_000016_invite_codes;
mod m20261129_000017_posting_lookup;
mod m20261129_000018_waiting_rows;
mod m20261129_000019_posting_time;
mod m20261129_000020_mail_bodies_aside;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_accounts::Migration),
            Box::new(m20261128_000002_skills_taxonomy::Migration),
            Box::new(m20261128_000003_marketplace::Migration),
            Box::new(m20261128_000004_freelancer_search::Migration),
            Box::new(m20261128_000005_attachment_links::Migration),
            Box::new(m20261128_000006_ledger::Migration),
            Box::new(m20261128_000007_idempotency::Migration),
            Box::new(m20261128_000008_money_flows::Migration),
            Box::new(m20261129_000009_chat::Migration),
            Box::new(m20261129_000010_mail_queue::Migration),
            Box::new(m20261129_000011_social::Migration),
            Box::new(m20261129_000012_reputation::Migration),
            Box::new(m20261129_000013_trust::Migration),
            Box::new(m20261129_000014_disputes::Migration),
            Box::new(m20261129_000015_job_moderation::Migration),
            Box::new(m20261129_000016_invite_codes::Migration),
            Box::new(m20261129_000017_posting_lookup::Migration),
            Box::new(m20261129_000018_waiting_rows::Migration),
            Box::new(m20261129_000019_posting_time::Migration),
            Box::new(m20261129_000020_mail_bodies_aside::Migration),
        ]
    }
}
