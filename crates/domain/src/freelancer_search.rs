//! Finding freelancers: filters, sorts, and the rank score that orders them.

use serde::{Deserialize, Serialize};

use crate::ids::UserId;
use crate::job::ExperienceLevel;
use crate::labelled_enum;
use crate::level::FreelancerLevel;
use crate::profile::Availability;
pub use crate::rank::{RankSignals, rank_score};
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
    /// Any of these levels; empty asks for none in particular.
    pub levels: Vec<FreelancerLevel>,
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
