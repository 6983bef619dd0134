//! Finding freelancers: filters, sorts, and the rank score that orders them.

use serde::{Deserialize, Serialize};

use crate::ids::UserId;
use crate::job::ExperienceLevel;
use crate::labelled_enum;
use crate::profile::Availability;
use crate::validation::{FieldErrors, ValidationError};

labelled_enum! {
    pub enum FreelancerSort {
        /// Highest rank score first (see [`rank_score`]).
        Rank => "rank",
        /// Lowest hourly rate first; freelancers without a rate are left out.
        RateLow => "rate_low",
        /// Highest hourly rate first; freelancers without a rate are left out.
        RateHigh => "rate_high",
        /// Most recently joined first.
        Newest => "newest",
    }
}

labelled_enum! {
    /// Whether a freelancer must have all the skills asked for, or any one.
    pub enum SkillsMatch {
        All => "all",
        Any => "any",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FreelancerFilters {
    /// Words that must all occur in the name, headline or bio.
    pub terms: Vec<String>,
    pub skills: Vec<String>,
    pub skills_match: SkillsMatch,
    pub experience_level: Option<ExperienceLevel>,
    /// Minor units; freelancers with a rate of at least this.
    pub hourly_rate_min: Option<i64>,
    pub hourly_rate_max: Option<i64>,
    /// Part of the location, any case.
    pub location: Option<String>,
    pub availability: Option<Availability>,
    /// Average rating in hundredths of a star (450 is 4.5 stars).
    pub min_rating_centi: Option<u16>,
    pub min_completed_jobs: Option<u32>,
}

impl FreelancerFilters {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        for (field, value) in [("hourly_rate_min", self.hourly_rate_min), ("hourly_rate_max", self.hourly_rate_max)] {
            errors.ensure(value.is_none_or(|v| v >= 0), field, "must not be negative");
        }
        if let (Some(min), Some(max)) = (self.hourly_rate_min, self.hourly_rate_max) {
            errors.ensure(min <= max, "hourly_rate_max", "must not be below hourly_rate_min");
        }
        errors.ensure(self.min_rating_centi.is_none_or(|r| r <= 500), "min_rating", "must be between 0 and 5");
        errors.ensure(self.skills.len() <= 15, "skills", "at most 15 skills");
        errors.finish()
    }
}

/// Where the next page of freelancers starts, tagged with its sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "s", rename_all = "snake_case")]
pub enum FreelancerCursor {
    Rank { score: i32, id: UserId },
    RateLow { rate: i64, id: UserId },
    RateHigh { rate: i64, id: UserId },
    Newest { id: UserId },
}

impl FreelancerCursor {
    pub const fn sort(&self) -> FreelancerSort {
        match self {
            Self::Rank { .. } => FreelancerSort::Rank,
            Self::RateLow { .. } => FreelancerSort::RateLow,
            Self::RateHigh { .. } => FreelancerSort::RateHigh,
            Self::Newest { .. } => FreelancerSort::Newest,
        }
    }
}

/// What the rank score is computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankSignals {
    /// Average stars (1 to 5) and how many reviews it averages.
    pub rating: Option<(f64, u32)>,
    pub completed_jobs: u32,
    pub availability: Availability,
    pub has_headline: bool,
    pub has_bio: bool,
    pub skill_count: usize,
    pub has_hourly_rate: bool,
    pub has_portfolio: bool,
    pub has_avatar: bool,
}

/// Reviews a newcomer is assumed to have, at [`PRIOR_STARS`], before their own count.
pub const PRIOR_REVIEWS: f64 = 5.0;
pub const PRIOR_STARS: f64 = 3.5;

/// The rank score, 0 to 1000, that `sort=rank` orders freelancers by:
///
/// - rating, up to 400: the Bayesian average of the freelancer's ratings,
///   `(PRIOR_REVIEWS * PRIOR_STARS + sum of stars) / (PRIOR_REVIEWS + count)`,
///   mapped from 1..5 stars onto 0..400. The prior keeps one five-star review
///   from outranking fifty 4.8s, and gives newcomers a middling start;
/// - completed jobs, up to 250: `250 * (1 - 0.9^n)`, so the first jobs count
///   most and the score saturates instead of rewarding volume alone;
/// - profile completeness, up to 200: headline 40, bio 40, at least three
///   skills 40, hourly rate 40, portfolio 20, photo 20;
/// - availability, up to 150: full time 150, part time 100, not available 0.
pub fn rank_score(s: &RankSignals) -> i32 {
    let (average, count) = s.rating.unwrap_or((0.0, 0));
    let total_stars = average * f64::from(count);
    let bayes = (PRIOR_REVIEWS * PRIOR_STARS + total_stars) / (PRIOR_REVIEWS + f64::from(count));
    let rating = 400.0 * ((bayes - 1.0) / 4.0).clamp(0.0, 1.0);
    let jobs = 250.0 * (1.0 - 0.9_f64.powf(f64::from(s.completed_jobs)));
    let completeness = [
        (s.has_headline, 40.0),
        (s.has_bio, 40.0),
        (s.skill_count >= 3, 40.0),
        (s.has_hourly_rate, 40.0),
        (s.has_portfolio, 20.0),
        (s.has_avatar, 20.0),
    ]
    .iter()
    .filter(|(present, _)| *present)
    .map(|(_, points)| points)
    .sum::<f64>();
    let availability = match s.availability {
        Availability::FullTime => 150.0,
        Availability::PartTime => 100.0,
        Availability::NotAvailable => 0.0,
    };
    // The parts are bounded, so the sum fits easily.
    #[allow(clippy::cast_possible_truncation)]
    let score = (rating + jobs + completeness + availability).round() as i32;
    score.clamp(0, 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals() -> RankSignals {
        RankSignals {
            rating: None,
            completed_jobs: 0,
            availability: Availability::FullTime,
            has_headline: true,
            has_bio: true,
            skill_count: 3,
            has_hourly_rate: true,
            has_portfolio: true,
            has_avatar: true,
        }
    }

    #[test]
    fn a_complete_newcomer_starts_in_the_middle() {
        // 400 * 2.5/4 = 250 for the prior, 200 complete, 150 available.
        assert_eq!(rank_score(&signals()), 600);
    }

    #[test]
    fn many_good_reviews_beat_one_perfect_one() {
        let one_perfect = RankSignals { rating: Some((5.0, 1)), completed_jobs: 1, ..signals() };
        let many_good = RankSignals { rating: Some((4.8, 50)), completed_jobs: 50, ..signals() };
        assert!(rank_score(&many_good) > rank_score(&one_perfect));
        assert!(rank_score(&many_good) <= 1000);
    }

    #[test]
    fn an_empty_unavailable_profile_scores_only_the_prior() {
        let empty = RankSignals {
            availability: Availability::NotAvailable,
            has_headline: false,
            has_bio: false,
            skill_count: 0,
            has_hourly_rate: false,
            has_portfolio: false,
            has_avatar: false,
            ..signals()
        };
        assert_eq!(rank_score(&empty), 250);
    }
}
