//! SeaORM entities, one file per table. They are the store's private view of
//! rows; repositories turn them into the records services work with.

pub mod account_balance;
pub mod attachment_link;
pub mod client_profile;
pub mod contract;
pub mod conversation;
pub mod conversation_member;
pub mod email_token;
pub mod file;
pub mod freelancer_profile;
pub mod freelancer_skill;
pub mod hourly_week;
pub mod idempotency_key;
pub mod invitation;
pub mod invoice;
pub mod invoice_counter;
pub mod job;
pub mod job_skill;
pub mod ledger_posting;
pub mod ledger_transaction;
pub mod message;
pub mod milestone;
pub mod milestone_event;
pub mod notification;
pub mod payout_account;
pub mod platform_setting;
pub mod proposal;
pub mod provider_event;
pub mod provider_payment;
pub mod refresh_token;
pub mod session_family;
pub mod skill;
pub mod time_entry;
pub mod user;
pub mod withdrawal;
