//! Persistence. SeaORM entities, the migrations that create them on SQLite,
//! PostgreSQL and MySQL/MariaDB alike, and one repository module per aggregate.
//!
//! Repositories take any `ConnectionTrait`, so a service can run several of
//! them inside one transaction. Services never build SQL themselves.

pub mod announcements;
pub mod attachments;
pub mod audit;
pub mod blocks;
mod codec;
pub mod db;
pub mod entity;
pub mod error;
pub mod migration;

pub mod contracts;
pub mod conversations;
pub mod disputes;
pub mod email_tokens;
pub mod files;
pub mod freelancer_search;
pub mod friendships;
pub mod hourly;
pub mod idempotency;
pub mod invitations;
pub mod invite_codes;
pub mod invoices;
pub mod job_moderation;
pub mod job_search;
pub mod job_shares;
pub mod jobs;
pub mod ledger;
pub mod ledger_history;
pub mod mail_queue;
pub mod matching;
pub mod messages;
pub mod metrics;
pub mod milestone_moves;
pub mod milestones;
pub mod notification_preferences;
pub mod notifications;
pub mod payables;
pub mod profile_views;
pub mod profiles;
pub mod proposals;
pub mod provider;
pub mod recommendations;
pub mod reports;
pub mod reputation;
pub mod reviews;
pub mod sessions;
pub mod settings;
pub mod skills;
pub mod users;
pub mod withdrawals;

pub use db::{Backend, Db, begin_write, connect};
pub use error::StoreError;
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
