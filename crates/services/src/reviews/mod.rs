//! Reviews between the parties of finished contracts.
//!
//! - [`write`]: writing a review, and the reviewee's one public reply
//! - [`release`]: making reviews visible, with what follows (ratings, rank,
//!   the reviewee's notification), when both parties have written or the
//!   window closed
//! - [`read`]: a user's or a job's released reviews, and a contract's
//!   reviews as its parties may see them
//!
//! Private feedback is kept for the platform: every record handed out of
//! this module to anyone but an admin has it removed.

mod read;
mod release;
mod write;

use domain::review::ReviewRefusal;
use store::Db;
use store::reviews::ReviewRecord;

pub use read::{ContractReviews, ReviewPage, ReviewSubject};

use crate::jobs::MarketError;
use crate::profiles::Profiles;

#[derive(Clone)]
pub struct Reviews {
    db: Db,
    profiles: Profiles,
    notifier: crate::Notifier,
}

impl Reviews {
    pub fn new(db: Db, profiles: Profiles, notifier: crate::Notifier) -> Self {
        Self { db, profiles, notifier }
    }
}

impl From<ReviewRefusal> for MarketError {
    fn from(refusal: ReviewRefusal) -> Self {
        Self::conflict(refusal.code(), refusal.to_string())
    }
}

/// The review as a user may read it: without the private feedback.
fn public(review: ReviewRecord) -> ReviewRecord {
    ReviewRecord { private_feedback: None, ..review }
}
