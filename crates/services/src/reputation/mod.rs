//! Freelancers' standing: the rank score search orders by and the level
//! badge, both recomputed from the track record.
//!
//! The rank score changes with the events that feed it (a review released,
//! a contract completed, a profile edit: see [`refresh_rank`]); levels, and
//! the recency part of the rank, change with time alone, so a daily sweep
//! recomputes every freelancer once per UTC day.

mod rank;

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::freelancer_search::rank_score;
use domain::level::FreelancerLevel;
use domain::review::ReviewSide;
use store::{Db, profiles, reputation};

pub use rank::{profile_signals, refresh_rank};

use crate::Internal;
use crate::profiles::Profiles;

/// Freelancers one round of the sweep reads at once.
const SWEEP_BATCH: u64 = 200;
/// Rounds one run of the sweep makes at most, so that the worker's other
/// tasks are not held up; the rest wait for the next minute.
const SWEEP_ROUNDS: usize = 10;

#[derive(Clone)]
pub struct Reputation {
    db: Db,
    profiles: Profiles,
}

impl Reputation {
    pub fn new(db: Db, profiles: Profiles) -> Self {
        Self { db, profiles }
    }

    /// Recomputes the level, rank and rating of every freelancer not yet
    /// recomputed on `now`'s UTC day; answers how many it recomputed.
    ///
    /// Safe on several instances at once: each freelancer is recomputed in
    /// a transaction that locks their profile row and re-checks the day, so
    /// a freelancer another instance just did is skipped, and doing one
    /// twice would write the same values.
    pub async fn refresh_due(&self, now: DateTime<Utc>) -> Result<usize, Internal> {
        let today = now.date_naive();
        let mut done = 0;
        for _ in 0..SWEEP_ROUNDS {
            let due = reputation::due_for_reputation(&self.db, today, SWEEP_BATCH).await?;
            if due.is_empty() {
                break;
            }
            for id in due {
                if self.refresh_one(id, now).await? {
                    done += 1;
                }
                self.profiles.forget(id);
            }
        }
        Ok(done)
    }

    async fn refresh_one(&self, id: UserId, now: DateTime<Utc>) -> Result<bool, Internal> {
        let today = now.date_naive();
        let txn = store::begin_write(&self.db).await?;
        let checked = reputation::lock_reputation(&txn, id).await?;
        if checked.is_none() || checked.flatten().is_some_and(|day| day >= today) {
            return Ok(false);
        }
        let Some(record) = rank::Record::load(&txn, id).await? else {
            // A profile without the freelancer role keeps its row; mark it so it is not read again today.
            reputation::set_level(&txn, id, FreelancerLevel::New, today).await?;
            txn.commit().await?;
            return Ok(false);
        };
        let earnings = rank::earnings_last_year(&txn, id, now).await?;
        let level = FreelancerLevel::earned(&record.level_signals(earnings, now));
        reputation::set_rating(&txn, id, ReviewSide::Freelancer, record.reviews).await?;
        profiles::set_rank(&txn, id, rank_score(&record.rank_signals(now))).await?;
        reputation::set_level(&txn, id, level, today).await?;
        txn.commit().await?;
        Ok(true)
    }
}
