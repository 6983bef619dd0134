//! Gathering what the rank score and level are computed from. The formulas
//! live in `domain::rank` and `domain::level`; here they meet the data.

use chrono::{DateTime, Duration, Utc};
use domain::UserId;
use domain::freelancer_search::{RankSignals, rank_score};
use domain::level::LevelSignals;
use domain::review::ReviewSide;
use store::profiles::{self, FreelancerRecord, ProfileRecord};
use store::reputation::{self, TrackRecord};
use store::reviews::{self, Subject, Tally};
use store::{ConnectionTrait, ledger};

use crate::Internal;

/// What the profile itself contributes to the rank score: completeness and
/// availability, on top of a blank track record.
pub fn profile_signals(profile: &ProfileRecord, freelancer: &FreelancerRecord) -> RankSignals {
    RankSignals {
        has_headline: !freelancer.headline.is_empty(),
        has_bio: !freelancer.bio.is_empty(),
        skill_count: freelancer.skills.len(),
        has_hourly_rate: freelancer.hourly_rate.is_some(),
        has_portfolio: !freelancer.portfolio.is_empty(),
        has_avatar: profile.user.avatar_file_id.is_some(),
        ..RankSignals::newcomer(freelancer.availability)
    }
}

/// A freelancer's record as both the rank score and the level read it.
pub(super) struct Record {
    pub profile: ProfileRecord,
    pub freelancer: FreelancerRecord,
    pub track: TrackRecord,
    pub reviews: Tally,
    pub last_review_at: Option<DateTime<Utc>>,
    pub recommenders: u32,
}

impl Record {
    pub async fn load(db: &impl ConnectionTrait, id: UserId) -> Result<Option<Self>, Internal> {
        let Some(profile) = profiles::load(db, id).await? else { return Ok(None) };
        let Some(freelancer) = profile.freelancer.clone() else { return Ok(None) };
        Ok(Some(Self {
            track: reputation::track_record(db, id).await?,
            reviews: reviews::tally(db, Subject::Reviewee(id, ReviewSide::Freelancer)).await?,
            last_review_at: reviews::last_released_to(db, id, ReviewSide::Freelancer).await?,
            recommenders: reputation::recommenders(db, id).await?,
            profile,
            freelancer,
        }))
    }

    pub fn rank_signals(&self, now: DateTime<Utc>) -> RankSignals {
        let last_activity = self.track.last_completed_at.max(self.last_review_at);
        RankSignals {
            review_count: self.reviews.count,
            review_stars: self.reviews.stars,
            completed_contracts: self.track.completed_contracts,
            repeat_clients: self.track.repeat_clients,
            days_since_activity: last_activity.map(|at| whole_days(now - at)),
            recommenders: self.recommenders,
            ..profile_signals(&self.profile, &self.freelancer)
        }
    }

    /// `earnings_12_months` is the largest of the freelancer's per-currency earnings.
    pub fn level_signals(&self, earnings_12_months: i64, now: DateTime<Utc>) -> LevelSignals {
        LevelSignals {
            completed_contracts: self.track.completed_contracts,
            review_count: self.reviews.count,
            review_stars: self.reviews.stars,
            earnings_12_months,
            account_age_days: whole_days(now - self.profile.user.created_at),
        }
    }
}

fn whole_days(span: Duration) -> u32 {
    u32::try_from(span.num_days().max(0)).unwrap_or(u32::MAX)
}

/// What the freelancer earned in the year before `now`, in the currency
/// they earned most in (amounts are not converted between currencies).
pub(super) async fn earnings_last_year(
    db: &impl ConnectionTrait,
    id: UserId,
    now: DateTime<Utc>,
) -> Result<i64, Internal> {
    let earned = ledger::earned_since(db, id, now - Duration::days(365)).await?;
    Ok(earned.iter().map(|m| m.amount).max().unwrap_or(0).max(0))
}

/// Recomputes a freelancer's rank score after one of its inputs changed,
/// inside the caller's transaction. The profile row is locked first, so
/// that two changes to one freelancer recompute one after the other; the
/// daily sweep corrects whatever a race might still leave behind.
pub async fn refresh_rank(db: &impl ConnectionTrait, id: UserId, now: DateTime<Utc>) -> Result<(), Internal> {
    if reputation::lock_reputation(db, id).await?.is_none() {
        return Ok(());
    }
    if let Some(record) = Record::load(db, id).await? {
        profiles::set_rank(db, id, rank_score(&record.rank_signals(now))).await?;
    }
    Ok(())
}
