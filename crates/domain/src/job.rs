//! Jobs: what a client posts, how it is paid, and the states it moves through.
//!
//! ```text
//! draft --publish--> open --fill--> filled
//!                     |  \--expire--> expired --reopen--> open
//!                     \--close--> closed --reopen--> open
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::FileId;
use crate::labelled_enum;
use crate::labels::IllegalTransition;
use crate::money::{Currency, Money};
use crate::validation::{self, FieldErrors, ValidationError};

pub const TITLE_CHARS: (usize, usize) = (5, 120);
pub const DESCRIPTION_CHARS: (usize, usize) = (20, 10_000);
pub const MAX_SKILLS: usize = 15;
pub const MAX_QUESTIONS: usize = 5;
pub const MAX_ATTACHMENTS: usize = 10;
pub const MAX_HIRES: u16 = 50;
/// A fixed budget from 5.00 to 10,000,000.00.
pub const BUDGET_CENTS: (i64, i64) = (500, 1_000_000_000);
/// An hourly rate from 1.00 to 10,000.00.
pub const HOURLY_RATE_CENTS: (i64, i64) = (100, 1_000_000);

labelled_enum! {
    pub enum JobStatus {
        Draft => "draft",
        Open => "open",
        Closed => "closed",
        Filled => "filled",
        Expired => "expired",
    }
}

impl JobStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "job", action, state: self.as_str() }
    }

    pub fn publish(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Draft => Ok(Self::Open),
            _ => Err(self.illegal("publish")),
        }
    }

    pub fn close(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Draft | Self::Open => Ok(Self::Closed),
            _ => Err(self.illegal("close")),
        }
    }

    /// A filled job stays filled: hiring more means posting again.
    pub fn reopen(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Closed | Self::Expired => Ok(Self::Open),
            _ => Err(self.illegal("reopen")),
        }
    }

    pub fn expire(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Open => Ok(Self::Expired),
            _ => Err(self.illegal("expire")),
        }
    }

    /// Hiring needs an open job; the last hire fills it.
    pub fn hire(self, hires_after: u16, hires_wanted: u16) -> Result<Self, IllegalTransition> {
        match self {
            Self::Open if hires_after >= hires_wanted => Ok(Self::Filled),
            Self::Open => Ok(Self::Open),
            _ => Err(self.illegal("hire on")),
        }
    }

    pub fn edit(self) -> Result<(), IllegalTransition> {
        match self {
            Self::Draft | Self::Open => Ok(()),
            _ => Err(self.illegal("edit")),
        }
    }

    /// Undoes an admin's closing: a job still closed gets back the status it
    /// had (`closed_from`); one that moved on since stays where it is.
    pub fn restore(self, closed_from: Option<Self>) -> Self {
        match (self, closed_from) {
            (Self::Closed, Some(before)) => before,
            _ => self,
        }
    }

    pub fn accepts_proposals(self) -> bool {
        self == Self::Open
    }
}

labelled_enum! {
    pub enum PaymentType {
        Fixed => "fixed",
        Hourly => "hourly",
    }
}

labelled_enum! {
    pub enum ExperienceLevel default Intermediate {
        Entry => "entry",
        Intermediate => "intermediate",
        Expert => "expert",
    }
}

labelled_enum! {
    /// Who can find the job: everyone, or only freelancers the client invited.
    pub enum Visibility default Public {
        Public => "public",
        InviteOnly => "invite_only",
    }
}

labelled_enum! {
    /// How long the client expects the work to take.
    pub enum ProjectDuration {
        UnderOneMonth => "under_1_month",
        OneToThreeMonths => "1_to_3_months",
        ThreeToSixMonths => "3_to_6_months",
        OverSixMonths => "over_6_months",
    }
}

/// How the work is paid, with the amounts that belong to that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentTerms {
    Fixed { budget: Money },
    Hourly { rate_min: Money, rate_max: Money, hours_per_week: Option<u16> },
}

impl PaymentTerms {
    pub const fn payment_type(&self) -> PaymentType {
        match self {
            Self::Fixed { .. } => PaymentType::Fixed,
            Self::Hourly { .. } => PaymentType::Hourly,
        }
    }

    pub const fn currency(&self) -> Currency {
        match self {
            Self::Fixed { budget } => budget.currency,
            Self::Hourly { rate_min, .. } => rate_min.currency,
        }
    }

    pub const fn hours_per_week(&self) -> Option<u16> {
        match self {
            Self::Fixed { .. } => None,
            Self::Hourly { hours_per_week, .. } => *hours_per_week,
        }
    }

    /// The figure the "budget" sort orders by: the fixed budget, or the top of
    /// an hourly range.
    pub const fn sort_amount(&self) -> i64 {
        match self {
            Self::Fixed { budget } => budget.amount,
            Self::Hourly { rate_max, .. } => rate_max.amount,
        }
    }
}

/// `POST /api/jobs` and `PUT /api/jobs/{id}`: the whole job as the client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct JobInput {
    pub title: String,
    pub description: String,
    /// A category slug from `GET /api/categories`.
    pub category: String,
    /// Skill slugs from `GET /api/skills`.
    #[serde(default)]
    pub skills: Vec<String>,
    pub payment_type: PaymentType,
    /// Fixed-price jobs only.
    pub budget: Option<Money>,
    /// Hourly jobs only.
    pub hourly_rate_min: Option<Money>,
    /// Hourly jobs only.
    pub hourly_rate_max: Option<Money>,
    /// Hourly jobs only: expected hours a week.
    pub hours_per_week: Option<u16>,
    pub duration: Option<ProjectDuration>,
    #[serde(default)]
    pub experience_level: ExperienceLevel,
    /// Questions every proposal must answer, in order.
    #[serde(default)]
    pub screening_questions: Vec<String>,
    pub deadline: Option<NaiveDate>,
    /// Files the caller uploaded with purpose `attachment`.
    #[serde(default)]
    pub attachment_file_ids: Vec<FileId>,
    #[serde(default)]
    pub visibility: Visibility,
    /// How many freelancers the client means to hire; the job is filled at that count.
    #[serde(default = "one")]
    pub hires_wanted: u16,
    /// Keep the job as a draft instead of publishing it (create only).
    #[serde(default)]
    pub draft: bool,
}

const fn one() -> u16 {
    1
}

impl JobInput {
    /// Checks every field; on success gives the payment terms the fields describe.
    pub fn validate(&self, today: NaiveDate) -> Result<PaymentTerms, ValidationError> {
        let mut errors = FieldErrors::new();
        validation::text(&mut errors, "title", &self.title, TITLE_CHARS.0, TITLE_CHARS.1);
        validation::text(&mut errors, "description", &self.description, DESCRIPTION_CHARS.0, DESCRIPTION_CHARS.1);
        errors.ensure(!self.category.trim().is_empty(), "category", "must not be empty");
        validation::distinct(&mut errors, "skills", &self.skills, MAX_SKILLS);
        validation::distinct(&mut errors, "attachment_file_ids", &self.attachment_file_ids, MAX_ATTACHMENTS);
        errors.ensure(
            self.screening_questions.len() <= MAX_QUESTIONS,
            "screening_questions",
            format!("at most {MAX_QUESTIONS} questions"),
        );
        for (i, question) in self.screening_questions.iter().enumerate() {
            validation::text(&mut errors, &format!("screening_questions[{i}]"), question, 1, 500);
        }
        if let Some(deadline) = self.deadline {
            errors.ensure(deadline > today, "deadline", "must be after today");
        }
        errors.ensure(
            (1..=MAX_HIRES).contains(&self.hires_wanted),
            "hires_wanted",
            format!("must be between 1 and {MAX_HIRES}"),
        );
        let terms = self.terms(&mut errors);
        errors.finish()?;
        terms.ok_or_else(|| ValidationError::single("payment_type", "incomplete payment terms"))
    }

    fn terms(&self, errors: &mut FieldErrors) -> Option<PaymentTerms> {
        match self.payment_type {
            PaymentType::Fixed => {
                for (field, present) in [
                    ("hourly_rate_min", self.hourly_rate_min.is_some()),
                    ("hourly_rate_max", self.hourly_rate_max.is_some()),
                    ("hours_per_week", self.hours_per_week.is_some()),
                ] {
                    errors.ensure(!present, field, "only for hourly jobs");
                }
                let Some(budget) = self.budget else {
                    errors.add("budget", "required for fixed-price jobs");
                    return None;
                };
                in_range(errors, "budget", budget, BUDGET_CENTS);
                Some(PaymentTerms::Fixed { budget })
            }
            PaymentType::Hourly => {
                errors.ensure(self.budget.is_none(), "budget", "only for fixed-price jobs");
                if let Some(hours) = self.hours_per_week {
                    errors.ensure((1..=80).contains(&hours), "hours_per_week", "must be between 1 and 80");
                }
                let (Some(rate_min), Some(rate_max)) = (self.hourly_rate_min, self.hourly_rate_max) else {
                    errors.ensure(self.hourly_rate_min.is_some(), "hourly_rate_min", "required for hourly jobs");
                    errors.ensure(self.hourly_rate_max.is_some(), "hourly_rate_max", "required for hourly jobs");
                    return None;
                };
                in_range(errors, "hourly_rate_min", rate_min, HOURLY_RATE_CENTS);
                in_range(errors, "hourly_rate_max", rate_max, HOURLY_RATE_CENTS);
                errors.ensure(rate_min.currency == rate_max.currency, "hourly_rate_max", "must be in one currency");
                errors.ensure(rate_min.amount <= rate_max.amount, "hourly_rate_max", "must not be below the minimum");
                Some(PaymentTerms::Hourly { rate_min, rate_max, hours_per_week: self.hours_per_week })
            }
        }
    }
}

/// Records `field` unless `amount` lies within `(min, max)` minor units.
pub(crate) fn in_range(errors: &mut FieldErrors, field: &str, amount: Money, (min, max): (i64, i64)) {
    errors.ensure(
        (min..=max).contains(&amount.amount),
        field,
        format!("must be between {} and {}", Money::new(min, amount.currency), Money::new(max, amount.currency)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(amount: i64) -> Money {
        Money::new(amount, Currency::Usd)
    }

    fn fixed_job() -> JobInput {
        JobInput {
            title: "Build a landing page".into(),
            description: "A single responsive page with a signup form.".into(),
            category: "web-development".into(),
            skills: vec!["react".into()],
            payment_type: PaymentType::Fixed,
            budget: Some(usd(50_000)),
            hourly_rate_min: None,
            hourly_rate_max: None,
            hours_per_week: None,
            duration: None,
            experience_level: ExperienceLevel::Entry,
            screening_questions: vec![],
            deadline: None,
            attachment_file_ids: vec![],
            visibility: Visibility::Public,
            hires_wanted: 1,
            draft: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    #[test]
    fn fixed_job_needs_a_budget_and_no_hourly_fields() {
        assert_eq!(fixed_job().validate(today()), Ok(PaymentTerms::Fixed { budget: usd(50_000) }));
        let job = JobInput { budget: None, hourly_rate_min: Some(usd(1_000)), ..fixed_job() };
        let err = job.validate(today()).expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["budget", "hourly_rate_min"]);
    }

    #[test]
    fn hourly_range_must_be_ordered_and_in_one_currency() {
        let hourly = JobInput {
            payment_type: PaymentType::Hourly,
            budget: None,
            hourly_rate_min: Some(usd(5_000)),
            hourly_rate_max: Some(usd(3_000)),
            ..fixed_job()
        };
        assert!(hourly.validate(today()).is_err());
        let eur = JobInput { hourly_rate_max: Some(Money::new(6_000, Currency::Eur)), ..hourly.clone() };
        assert!(eur.validate(today()).is_err());
        let ok = JobInput { hourly_rate_max: Some(usd(6_000)), hours_per_week: Some(20), ..hourly };
        assert_eq!(ok.validate(today()).map(|t| t.sort_amount()), Ok(6_000));
    }

    #[test]
    fn deadline_must_be_in_the_future() {
        let job = JobInput { deadline: Some(today()), ..fixed_job() };
        assert!(job.validate(today()).is_err());
    }

    #[test]
    fn only_an_open_job_takes_hires_and_the_last_hire_fills_it() {
        assert_eq!(JobStatus::Open.hire(1, 2), Ok(JobStatus::Open));
        assert_eq!(JobStatus::Open.hire(2, 2), Ok(JobStatus::Filled));
        assert!(JobStatus::Closed.hire(1, 1).is_err());
        assert!(JobStatus::Filled.reopen().is_err());
        assert_eq!(JobStatus::Expired.reopen(), Ok(JobStatus::Open));
        assert!(JobStatus::Closed.edit().is_err());
    }

    #[test]
    fn restoring_puts_back_what_an_admin_closed() {
        assert_eq!(JobStatus::Closed.restore(Some(JobStatus::Draft)), JobStatus::Draft);
        assert_eq!(JobStatus::Closed.restore(Some(JobStatus::Open)), JobStatus::Open);
        assert_eq!(JobStatus::Closed.restore(None), JobStatus::Closed);
        assert_eq!(JobStatus::Open.restore(None), JobStatus::Open);
    }
}
