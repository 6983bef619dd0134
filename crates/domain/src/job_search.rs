//! What `GET /api/jobs` can ask for: filters, a sort, and the cursor that
//! continues a sorted list.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::JobId;
use crate::job::{ExperienceLevel, PaymentType};
use crate::labelled_enum;
use crate::validation::{FieldErrors, ValidationError};

/// Longest text query accepted; longer ones are cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Search terms used from a query; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 12;

labelled_enum! {
    pub enum JobSort {
        /// Most recently posted first.
        Newest => "newest",
        /// Largest budget (or top hourly rate) first.
        Budget => "budget",
        /// Soonest deadline first; jobs without one last.
        Deadline => "deadline",
        /// Best text match first; needs `q`.
        Relevance => "relevance",
    }
}

/// Filters of the job board. Amounts are minor units of the job's currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct JobFilters {
    /// Words that must all occur in the title or description.
    pub terms: Vec<String>,
    pub category: Option<String>,
    pub payment_type: Option<PaymentType>,
    /// Fixed-price jobs with a budget of at least this.
    pub budget_min: Option<i64>,
    pub budget_max: Option<i64>,
    /// Hourly jobs whose rate range reaches at least this.
    pub hourly_rate_min: Option<i64>,
    /// Hourly jobs whose rate range starts at most at this.
    pub hourly_rate_max: Option<i64>,
    pub deadline_before: Option<NaiveDate>,
    /// Jobs asking for any of these skill slugs.
    pub skills: Vec<String>,
    /// Jobs posted within this many days.
    pub posted_within_days: Option<u16>,
    pub experience_level: Option<ExperienceLevel>,
}

impl JobFilters {
    /// Checks ranges that cannot match anything and the sort's needs.
    pub fn validate(&self, sort: JobSort) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        for (field, value) in [
            ("budget_min", self.budget_min),
            ("budget_max", self.budget_max),
            ("hourly_rate_min", self.hourly_rate_min),
            ("hourly_rate_max", self.hourly_rate_max),
        ] {
            errors.ensure(value.is_none_or(|v| v >= 0), field, "must not be negative");
        }
        if let (Some(min), Some(max)) = (self.budget_min, self.budget_max) {
            errors.ensure(min <= max, "budget_max", "must not be below budget_min");
        }
        if let (Some(min), Some(max)) = (self.hourly_rate_min, self.hourly_rate_max) {
            errors.ensure(min <= max, "hourly_rate_max", "must not be below hourly_rate_min");
        }
        errors.ensure(
            self.posted_within_days.is_none_or(|d| (1..=365).contains(&d)),
            "posted_within_days",
            "must be between 1 and 365",
        );
        errors.ensure(sort != JobSort::Relevance || !self.terms.is_empty(), "sort", "relevance needs a text query q");
        errors.finish()
    }
}

/// Splits a free-text query into search words: letters and digits only, so
/// that nothing in it can be read as query syntax by any database.
pub fn search_terms(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut terms: Vec<String> = Vec::new();
    for word in query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if !terms.contains(&word) {
            terms.push(word);
        }
    }
    terms.truncate(MAX_QUERY_TERMS);
    terms
}

/// Where the next page of a sorted job list starts: the sort key of the last
/// job seen, tagged with its sort so that a cursor cannot be used with another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "s", rename_all = "snake_case")]
pub enum JobCursor {
    Newest { at: DateTime<Utc>, id: JobId },
    Budget { amount: i64, id: JobId },
    Deadline { deadline: Option<NaiveDate>, id: JobId },
    Relevance { score: f64, id: JobId },
}

impl JobCursor {
    pub const fn sort(&self) -> JobSort {
        match self {
            Self::Newest { .. } => JobSort::Newest,
            Self::Budget { .. } => JobSort::Budget,
            Self::Deadline { .. } => JobSort::Deadline,
            Self::Relevance { .. } => JobSort::Relevance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_plain_lowercase_words_without_repeats() {
        assert_eq!(search_terms("Rust & \"Postgres\" rust -- OR*"), vec!["rust", "postgres", "or"]);
        assert!(search_terms("'\"*()").is_empty());
        assert_eq!(search_terms(&"word ".repeat(100)).len(), 1);
    }

    #[test]
    fn impossible_ranges_and_relevance_without_query_are_refused() {
        let filters = JobFilters { budget_min: Some(10), budget_max: Some(5), ..JobFilters::default() };
        assert!(filters.validate(JobSort::Newest).is_err());
        assert!(JobFilters::default().validate(JobSort::Relevance).is_err());
        assert!(JobFilters::default().validate(JobSort::Deadline).is_ok());
    }
}
