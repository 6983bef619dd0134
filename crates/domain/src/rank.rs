//! The rank score, 0 to 1000, that `GET /api/freelancers?sort=rank` orders
//! freelancers by. It is stored with the profile and recomputed whenever one
//! of its inputs changes (a review is released, a contract is completed, the
//! profile is edited) and once a day, since recency decays with time alone.
//!
//! Seven terms, each bounded by its weight, add up to at most 1000:
//!
//! | term | up to | shape |
//! |---|---|---|
//! | rating | 350 | Bayesian average of stars, 1..5 mapped onto 0..350 |
//! | completed contracts | 200 | `200 * (1 - 0.9^n)` |
//! | repeat clients | 120 | `120 * (1 - 0.75^n)`, clients with two or more contracts |
//! | recency | 80 | full on the day of the last completed contract or review received, falling linearly to 0 at 90 days |
//! | recommendations | 100 | `100 * (1 - 0.8^n)`, distinct people recommending |
//! | profile completeness | 100 | headline, bio, 3+ skills, rate 20 each; portfolio, photo 10 each |
//! | availability | 50 | full time 50, part time 30, not available 0 |
//!
//! The Bayesian average is `(C * m + sum of stars) / (C + n)` with the prior
//! mean `m` = [`PRIOR_MEAN_STARS`] and weight `C` = [`PRIOR_WEIGHT_REVIEWS`]:
//! a freelancer starts as if they had five 4-star reviews, so one lucky five
//! does not outrank fifty 4.8s, and one bad review does not sink a newcomer.
//! The counting terms saturate (`1 - r^n`): the first contracts, repeat
//! clients and recommendations count most, and volume alone cannot buy the
//! top of the list.

use crate::profile::Availability;

/// The stars a freelancer without reviews is assumed to average: a little
/// below the marketplace's typical 4.5+, so that reviews must be earned.
pub const PRIOR_MEAN_STARS: f64 = 4.0;
/// How many reviews the prior weighs as. Five means a freelancer's own
/// reviews outweigh the prior from the sixth on.
pub const PRIOR_WEIGHT_REVIEWS: f64 = 5.0;

/// Rating is what clients trust most, so it is the largest term.
pub const RATING_POINTS: f64 = 350.0;
/// Finished work is proof of delivery, second only to what clients said of it.
pub const COMPLETED_POINTS: f64 = 200.0;
/// Each completed contract keeps 90% of the remaining room: 10 contracts
/// reach 65% of the term, 22 reach 90%.
pub const COMPLETED_RATIO: f64 = 0.9;
/// A client who comes back is the strongest sign of satisfaction a review
/// cannot fake, but rarer than completed work, so it weighs less.
pub const REPEAT_CLIENT_POINTS: f64 = 120.0;
/// One repeat client reaches 25% of the term, four reach 68%.
pub const REPEAT_CLIENT_RATIO: f64 = 0.75;
/// Someone active lately is likelier to answer and deliver; small, so that
/// a quiet month does not undo years of good work.
pub const RECENCY_POINTS: f64 = 80.0;
/// Activity older than this adds nothing to the recency term.
pub const RECENT_DAYS: u32 = 90;
/// Friends vouching for a freelancer is the social layer's signal; it
/// saturates quickly because recommendations cost nothing to give.
pub const RECOMMENDATION_POINTS: f64 = 100.0;
/// One recommender reaches 20% of the term, five reach 67%.
pub const RECOMMENDATION_RATIO: f64 = 0.8;
/// A complete profile helps clients decide; it is in the freelancer's own
/// hands, so it is worth little next to the track record.
pub const COMPLETENESS_POINTS: f64 = 100.0;
/// Whether the freelancer can take work now.
pub const AVAILABILITY_POINTS: f64 = 50.0;

/// What the rank score is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankSignals {
    /// Released reviews the freelancer received as a freelancer.
    pub review_count: u32,
    /// The sum of their stars (1 to 5 each).
    pub review_stars: u32,
    pub completed_contracts: u32,
    /// Clients with two or more contracts with this freelancer.
    pub repeat_clients: u32,
    /// Whole days since the last completed contract or review received;
    /// `None` when there has been neither.
    pub days_since_activity: Option<u32>,
    /// Distinct people who recommended the freelancer to a friend.
    pub recommenders: u32,
    pub availability: Availability,
    pub has_headline: bool,
    pub has_bio: bool,
    pub skill_count: usize,
    pub has_hourly_rate: bool,
    pub has_portfolio: bool,
    pub has_avatar: bool,
}

impl RankSignals {
    /// A profile with no track record yet.
    pub const fn newcomer(availability: Availability) -> Self {
        Self {
            review_count: 0,
            review_stars: 0,
            completed_contracts: 0,
            repeat_clients: 0,
            days_since_activity: None,
            recommenders: 0,
            availability,
            has_headline: false,
            has_bio: false,
            skill_count: 0,
            has_hourly_rate: false,
            has_portfolio: false,
            has_avatar: false,
        }
    }
}

/// The Bayesian average of the stars, 1 to 5 (see the module documentation).
pub fn bayesian_stars(review_count: u32, review_stars: u32) -> f64 {
    let count = f64::from(review_count);
    let sum = f64::from(review_stars);
    ((PRIOR_WEIGHT_REVIEWS * PRIOR_MEAN_STARS + sum) / (PRIOR_WEIGHT_REVIEWS + count)).clamp(1.0, 5.0)
}

/// `1 - ratio^n`: 0 for none, approaching 1 as `n` grows.
fn saturating(n: u32, ratio: f64) -> f64 {
    1.0 - ratio.powf(f64::from(n))
}

/// The rank score, 0 to 1000 (see the module documentation for the formula).
pub fn rank_score(s: &RankSignals) -> i32 {
    let rating = RATING_POINTS * (bayesian_stars(s.review_count, s.review_stars) - 1.0) / 4.0;
    let completed = COMPLETED_POINTS * saturating(s.completed_contracts, COMPLETED_RATIO);
    let repeat = REPEAT_CLIENT_POINTS * saturating(s.repeat_clients, REPEAT_CLIENT_RATIO);
    let recency = s.days_since_activity.map_or(0.0, |days| {
        let left = RECENT_DAYS.saturating_sub(days);
        RECENCY_POINTS * f64::from(left) / f64::from(RECENT_DAYS)
    });
    let recommended = RECOMMENDATION_POINTS * saturating(s.recommenders, RECOMMENDATION_RATIO);
    let completeness = COMPLETENESS_POINTS
        * [
            (s.has_headline, 0.2),
            (s.has_bio, 0.2),
            (s.skill_count >= 3, 0.2),
            (s.has_hourly_rate, 0.2),
            (s.has_portfolio, 0.1),
            (s.has_avatar, 0.1),
        ]
        .iter()
        .filter(|(present, _)| *present)
        .map(|(_, share)| share)
        .sum::<f64>();
    let availability = AVAILABILITY_POINTS
        * match s.availability {
            Availability::FullTime => 1.0,
            Availability::PartTime => 0.6,
            Availability::NotAvailable => 0.0,
        };
    let total = rating + completed + repeat + recency + recommended + completeness + availability;
    // Every term is bounded by its weight and the weights add up to 1000.
    #[allow(clippy::cast_possible_truncation)]
    let score = total.round() as i32;
    score.clamp(0, 1000)
}

#[cfg(test)]
mod tests;
