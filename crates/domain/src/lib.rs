//! The marketplace's rules, free of I/O.
//!
//! Everything here is plain data and pure functions so that it can be tested
//! exhaustively (unit and property tests) and reused by every layer above.

pub mod chat;
pub mod contract;
pub mod dispute;
pub mod freelancer_search;
pub mod hourly;
pub mod ids;
pub mod invite;
pub mod invoice;
pub mod job;
pub mod job_search;
pub mod labels;
pub mod ledger;
pub mod level;
pub mod mail;
pub mod matching;
pub mod moderation;
pub mod money;
pub mod notification;
pub mod pagination;
pub mod profile;
pub mod profile_view;
pub mod proposal;
pub mod rank;
pub mod review;
pub mod settings;
pub mod social;
pub mod trust;
pub mod user;
pub mod validation;
pub mod withdrawal;

pub use ids::*;
pub use money::{Currency, Money, MoneyError};
pub use validation::{FieldErrors, ValidationError};
