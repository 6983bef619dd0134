//! SeaORM entities, one file per table. They are the store's private view of
//! rows; repositories turn them into the records services work with.

pub mod account_balance;
pub mod attachment_link;
pub mod client_profile;
pub mod contract;
pub mod email_token;
pub mod file;
pub mod freelancer_profile;
pub mod freelancer_skill;
pub mod idempotency_key;
pub mod invitation;
pub mod job;
pub mod job_skill;
pub mod ledger_posting;
pub mod ledger_transaction;
pub mod milestone;
pub mod notification;
pub mod proposal;
pub mod refresh_token;
pub mod session_family;
pub mod skill;
pub mod user;
