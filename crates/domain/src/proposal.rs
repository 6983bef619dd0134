//! Proposals (bids) and invitations.
//!
//! ```text
//! submitted <--> shortlisted
//!     \             |  \--> hired      (client hires)
//!      \------------+----> declined    (client declines)
//!                   +----> withdrawn   (freelancer withdraws)
//!                   \----> closed      (job filled or closed without this one)
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::FileId;
use crate::job::{BUDGET_CENTS, HOURLY_RATE_CENTS, PaymentType, in_range};
use crate::labelled_enum;
use crate::labels::IllegalTransition;
use crate::money::{Currency, Money};
use crate::validation::{self, FieldErrors, ValidationError};

pub const COVER_LETTER_CHARS: (usize, usize) = (20, 5_000);
pub const MAX_MILESTONES: usize = 20;
pub const MAX_DURATION_DAYS: u16 = 730;

labelled_enum! {
    pub enum ProposalStatus {
        Submitted => "submitted",
        Shortlisted => "shortlisted",
        Declined => "declined",
        Withdrawn => "withdrawn",
        Hired => "hired",
        /// The job was filled or closed without this proposal.
        Closed => "closed",
    }
}

impl ProposalStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "proposal", action, state: self.as_str() }
    }

    /// Still in the running: it can be edited, shortlisted, declined or hired.
    pub const fn is_active(self) -> bool {
        matches!(self, Self::Submitted | Self::Shortlisted)
    }

    fn only_active(self, action: &'static str, to: Self) -> Result<Self, IllegalTransition> {
        if self.is_active() { Ok(to) } else { Err(self.illegal(action)) }
    }

    pub fn shortlist(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Submitted => Ok(Self::Shortlisted),
            _ => Err(self.illegal("shortlist")),
        }
    }

    pub fn unshortlist(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Shortlisted => Ok(Self::Submitted),
            _ => Err(self.illegal("unshortlist")),
        }
    }

    pub fn edit(self) -> Result<(), IllegalTransition> {
        self.only_active("edit", self).map(drop)
    }

    pub fn decline(self) -> Result<Self, IllegalTransition> {
        self.only_active("decline", Self::Declined)
    }

    pub fn withdraw(self) -> Result<Self, IllegalTransition> {
        self.only_active("withdraw", Self::Withdrawn)
    }

    pub fn hire(self) -> Result<Self, IllegalTransition> {
        self.only_active("hire", Self::Hired)
    }

    pub fn close(self) -> Result<Self, IllegalTransition> {
        self.only_active("close", Self::Closed)
    }
}

labelled_enum! {
    pub enum InvitationStatus {
        Pending => "pending",
        Accepted => "accepted",
        Declined => "declined",
    }
}

impl InvitationStatus {
    pub fn answer(self, accept: bool) -> Result<Self, IllegalTransition> {
        match self {
            Self::Pending if accept => Ok(Self::Accepted),
            Self::Pending => Ok(Self::Declined),
            _ => Err(IllegalTransition { what: "invitation", action: "answer", state: self.as_str() }),
        }
    }
}

/// A part of the work with its own price, as proposed; becomes a contract
/// milestone on hire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneDraft {
    pub title: String,
    pub amount: Money,
    pub due_date: Option<NaiveDate>,
}

/// `POST /api/jobs/{id}/bid` and `PUT /api/proposals/{id}`.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ProposalInput {
    pub cover_letter: String,
    /// The fixed total, or the hourly rate, in the job's currency.
    pub amount: Money,
    pub duration_days: Option<u16>,
    /// One answer per screening question of the job, in order.
    #[serde(default)]
    pub answers: Vec<String>,
    /// Fixed-price jobs only; the amounts must add up to `amount`.
    #[serde(default)]
    pub milestones: Vec<MilestoneDraft>,
    #[serde(default)]
    pub attachment_file_ids: Vec<FileId>,
}

/// What a proposal is checked against.
#[derive(Debug, Clone, Copy)]
pub struct JobTerms {
    pub payment_type: PaymentType,
    pub currency: Currency,
    pub question_count: usize,
}

impl ProposalInput {
    pub fn validate(&self, job: JobTerms, today: NaiveDate) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        validation::text(&mut errors, "cover_letter", &self.cover_letter, COVER_LETTER_CHARS.0, COVER_LETTER_CHARS.1);
        errors.ensure(self.amount.currency == job.currency, "amount", format!("must be in {}", job.currency));
        let range = match job.payment_type {
            PaymentType::Fixed => BUDGET_CENTS,
            PaymentType::Hourly => HOURLY_RATE_CENTS,
        };
        in_range(&mut errors, "amount", self.amount, range);
        if let Some(days) = self.duration_days {
            errors.ensure(
                (1..=MAX_DURATION_DAYS).contains(&days),
                "duration_days",
                format!("must be between 1 and {MAX_DURATION_DAYS}"),
            );
        }
        errors.ensure(
            self.answers.len() == job.question_count,
            "answers",
            format!("answer each of the job's {} screening questions", job.question_count),
        );
        for (i, answer) in self.answers.iter().enumerate() {
            validation::text(&mut errors, &format!("answers[{i}]"), answer, 1, 2_000);
        }
        validation::distinct(
            &mut errors,
            "attachment_file_ids",
            &self.attachment_file_ids,
            crate::job::MAX_ATTACHMENTS,
        );
        self.check_milestones(&mut errors, job.payment_type, today);
        errors.finish()
    }

    fn check_milestones(&self, errors: &mut FieldErrors, payment_type: PaymentType, today: NaiveDate) {
        if self.milestones.is_empty() {
            return;
        }
        if payment_type == PaymentType::Hourly {
            errors.add("milestones", "only for fixed-price jobs");
            return;
        }
        errors.ensure(self.milestones.len() <= MAX_MILESTONES, "milestones", format!("at most {MAX_MILESTONES}"));
        let mut total: i64 = 0;
        for (i, milestone) in self.milestones.iter().enumerate() {
            validation::text(errors, &format!("milestones[{i}].title"), &milestone.title, 1, 100);
            errors.ensure(
                milestone.amount.is_positive() && milestone.amount.currency == self.amount.currency,
                format!("milestones[{i}].amount"),
                "must be more than 0, in the proposal's currency",
            );
            if let Some(due) = milestone.due_date {
                errors.ensure(due > today, format!("milestones[{i}].due_date"), "must be after today");
            }
            total = total.saturating_add(milestone.amount.amount);
        }
        errors.ensure(total == self.amount.amount, "milestones", "amounts must add up to the proposal's amount");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(amount: i64) -> Money {
        Money::new(amount, Currency::Usd)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    const FIXED: JobTerms = JobTerms { payment_type: PaymentType::Fixed, currency: Currency::Usd, question_count: 1 };

    fn proposal() -> ProposalInput {
        ProposalInput {
            cover_letter: "I have built many pages like this one.".into(),
            amount: usd(40_000),
            duration_days: Some(10),
            answers: vec!["Yes".into()],
            milestones: vec![
                MilestoneDraft { title: "Design".into(), amount: usd(15_000), due_date: None },
                MilestoneDraft { title: "Build".into(), amount: usd(25_000), due_date: None },
            ],
            attachment_file_ids: vec![],
        }
    }

    #[test]
    fn milestones_must_add_up_to_the_amount() {
        assert_eq!(proposal().validate(FIXED, today()), Ok(()));
        let short = ProposalInput { amount: usd(50_000), ..proposal() };
        let err = short.validate(FIXED, today()).expect_err("invalid");
        assert_eq!(err.0.iter().map(|(f, _)| f).collect::<Vec<_>>(), vec!["milestones"]);
    }

    #[test]
    fn answers_each_question_in_the_jobs_currency() {
        let proposal = ProposalInput { answers: vec![], amount: Money::new(40_000, Currency::Eur), ..proposal() };
        let err = proposal.validate(FIXED, today()).expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|(f, _)| f).collect();
        assert!(fields.contains(&"answers") && fields.contains(&"amount"), "{fields:?}");
    }

    #[test]
    fn hourly_proposals_take_no_milestones() {
        let hourly = JobTerms { payment_type: PaymentType::Hourly, ..FIXED };
        let proposal = ProposalInput { amount: usd(5_000), ..proposal() };
        assert!(proposal.validate(hourly, today()).is_err());
    }

    #[test]
    fn only_active_proposals_move_on() {
        assert_eq!(ProposalStatus::Submitted.shortlist(), Ok(ProposalStatus::Shortlisted));
        assert_eq!(ProposalStatus::Shortlisted.hire(), Ok(ProposalStatus::Hired));
        assert!(ProposalStatus::Hired.hire().is_err());
        assert!(ProposalStatus::Withdrawn.hire().is_err());
        assert!(ProposalStatus::Declined.withdraw().is_err());
        assert!(ProposalStatus::Hired.edit().is_err());
        assert_eq!(InvitationStatus::Pending.answer(false), Ok(InvitationStatus::Declined));
        assert!(InvitationStatus::Accepted.answer(true).is_err());
    }
}
