//! Contracts: what a hire agrees. The terms are copied from the proposal at
//! the moment of hiring, so later edits to the job or proposal change nothing.

use chrono::NaiveDate;

use crate::dispute::DisputeOutcome;
use crate::ids::FileId;
use crate::job::PaymentType;
use crate::labelled_enum;
use crate::labels::IllegalTransition;
use crate::money::Money;
use crate::proposal::MilestoneDraft;
use crate::validation::{FieldErrors, ValidationError};

/// Weekly limit of an hourly contract when neither the hire nor the job names one.
pub const DEFAULT_WEEKLY_LIMIT_HOURS: u16 = 40;
pub const MAX_WEEKLY_LIMIT_HOURS: u16 = 80;

labelled_enum! {
    pub enum ContractStatus {
        Active => "active",
        Paused => "paused",
        Completed => "completed",
        Cancelled => "cancelled",
    }
}

impl ContractStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "contract", action, state: self.as_str() }
    }

    /// The work is done and paid; the contract ends.
    pub fn complete(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Active | Self::Paused => Ok(Self::Completed),
            _ => Err(self.illegal("complete")),
        }
    }

    /// The parties agreed to stop; escrow goes back to the client.
    pub fn cancel(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Active | Self::Paused => Ok(Self::Cancelled),
            _ => Err(self.illegal("cancel")),
        }
    }
}

labelled_enum! {
    /// Where a milestone's money is. A new milestone is only proposed: the
    /// client funds it into escrow before work on it starts.
    ///
    /// ```text
    /// proposed --fund--> funded --submit--> submitted --release--> released
    ///                      ^  \                 |  \--request_changes--> changes_requested --submit--> submitted
    ///                      |   \--refund--> refunded (also from submitted or changes_requested)
    ///                      \-- disputed (from funded, submitted or changes_requested): the opener's
    ///                          withdrawal puts it back; an admin releases, refunds, splits or
    ///                          sends it back to funded for rework
    /// ```
    pub enum MilestoneStatus {
        Proposed => "proposed",
        Funded => "funded",
        Submitted => "submitted",
        ChangesRequested => "changes_requested",
        Released => "released",
        Refunded => "refunded",
        Disputed => "disputed",
        /// A dispute ended with part of the escrow to each party.
        Split => "split",
    }
}

impl MilestoneStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "milestone", action, state: self.as_str() }
    }

    /// Whether the milestone's money is in escrow.
    pub const fn is_funded(self) -> bool {
        matches!(self, Self::Funded | Self::Submitted | Self::ChangesRequested | Self::Disputed)
    }

    /// The client puts the amount in escrow.
    pub fn fund(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Proposed => Ok(Self::Funded),
            _ => Err(self.illegal("fund")),
        }
    }

    /// The freelancer hands in the work.
    pub fn submit(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Funded | Self::ChangesRequested => Ok(Self::Submitted),
            _ => Err(self.illegal("submit")),
        }
    }

    /// The client asks for changes to submitted work.
    pub fn request_changes(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Submitted => Ok(Self::ChangesRequested),
            _ => Err(self.illegal("request changes to")),
        }
    }

    /// The client pays the freelancer out of escrow; they may do so before
    /// the work is submitted (as on Upwork), never twice.
    pub fn release(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Funded | Self::Submitted | Self::ChangesRequested => Ok(Self::Released),
            _ => Err(self.illegal("release")),
        }
    }

    /// The escrow goes back to the client.
    pub fn refund(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Funded | Self::Submitted | Self::ChangesRequested => Ok(Self::Refunded),
            _ => Err(self.illegal("refund")),
        }
    }

    /// Either party disputes funded work; the escrow is frozen until an admin decides.
    pub fn dispute(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Funded | Self::Submitted | Self::ChangesRequested => Ok(Self::Disputed),
            _ => Err(self.illegal("dispute")),
        }
    }

    /// The opener withdraws the dispute: the milestone is back where it was
    /// when the dispute was opened (`before`).
    pub fn undispute(self, before: Self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Disputed if before.dispute().is_ok() => Ok(before),
            _ => Err(self.illegal("withdraw the dispute of")),
        }
    }

    /// An admin decides a disputed milestone: its money leaves escrow, or it
    /// goes back to funded to be reworked.
    pub fn settle(self, outcome: DisputeOutcome) -> Result<Self, IllegalTransition> {
        match self {
            Self::Disputed => Ok(match outcome {
                DisputeOutcome::Refund => Self::Refunded,
                DisputeOutcome::Release => Self::Released,
                DisputeOutcome::Split => Self::Split,
                DisputeOutcome::Rework => Self::Funded,
            }),
            _ => Err(self.illegal("settle")),
        }
    }

    /// Only an unfunded milestone may be edited or deleted.
    pub fn edit(self) -> Result<(), IllegalTransition> {
        match self {
            Self::Proposed => Ok(()),
            _ => Err(self.illegal("edit")),
        }
    }
}

labelled_enum! {
    /// How a party ends a contract.
    pub enum ContractEnding {
        /// The work is done; nothing may be left in escrow.
        Complete => "complete",
        /// Stop by agreement and refund the escrow: the client asks, the
        /// freelancer's cancel takes effect at once.
        Cancel => "cancel",
    }
}

labelled_enum! {
    /// What happened to a milestone, kept as its history.
    pub enum MilestoneEventKind {
        /// The freelancer handed in the work, with a message and files.
        Submitted => "submitted",
        /// The client asked for changes to the submitted work.
        ChangesRequested => "changes_requested",
        /// The client approved the work and its money was released.
        Released => "released",
        /// The client did not answer in time and the money was released.
        AutoReleased => "auto_released",
        /// The escrow went back to the client.
        Refunded => "refunded",
        /// A party disputed the milestone; its escrow is frozen.
        Disputed => "disputed",
        /// The opener withdrew the dispute.
        DisputeWithdrawn => "dispute_withdrawn",
        /// An admin decided the dispute; the message says how.
        DisputeResolved => "dispute_resolved",
    }
}

labelled_enum! {
    /// What `POST /api/contracts/{id}/payment` does to a milestone's money.
    pub enum PaymentAction {
        /// The client puts the milestone's amount in escrow.
        Fund => "fund",
        /// The client pays the freelancer out of escrow.
        Release => "release",
        /// The freelancer gives the escrow back to the client.
        Refund => "refund",
    }
}

/// A freelancer's hand-in, or a client's request for changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkNote {
    /// What was done, or what should change (1 to 5,000 characters).
    pub message: String,
    /// Attachments uploaded with `purpose=attachment`; only a hand-in carries files (at most 10).
    #[serde(default)]
    pub file_ids: Vec<FileId>,
}

impl WorkNote {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        crate::validation::text(&mut errors, "message", &self.message, 1, 5_000);
        errors.ensure(self.file_ids.len() <= 10, "file_ids", "at most 10 files");
        errors.finish()
    }
}

/// The agreed terms of a new contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractTerms {
    Fixed { amount: Money, milestones: Vec<MilestoneDraft> },
    Hourly { rate: Money, weekly_limit_hours: u16 },
}

impl ContractTerms {
    /// The terms a hire creates from the proposal. A fixed price without
    /// milestones becomes one milestone for the whole amount, due at the
    /// job's deadline; an hourly contract's weekly limit is the client's
    /// choice at hire, else the job's expected hours, else 40.
    pub fn from_proposal(
        payment_type: PaymentType,
        job_title: &str,
        job_deadline: Option<NaiveDate>,
        job_hours_per_week: Option<u16>,
        amount: Money,
        milestones: &[MilestoneDraft],
        weekly_limit_hours: Option<u16>,
    ) -> Result<Self, ValidationError> {
        match payment_type {
            PaymentType::Fixed => {
                if weekly_limit_hours.is_some() {
                    return Err(ValidationError::single("weekly_limit_hours", "only for hourly jobs"));
                }
                let milestones = if milestones.is_empty() {
                    vec![MilestoneDraft { title: job_title.to_owned(), amount, due_date: job_deadline }]
                } else {
                    milestones.to_vec()
                };
                Ok(Self::Fixed { amount, milestones })
            }
            PaymentType::Hourly => {
                let limit = weekly_limit_hours.or(job_hours_per_week).unwrap_or(DEFAULT_WEEKLY_LIMIT_HOURS);
                if !(1..=MAX_WEEKLY_LIMIT_HOURS).contains(&limit) {
                    return Err(ValidationError::single(
                        "weekly_limit_hours",
                        format!("must be between 1 and {MAX_WEEKLY_LIMIT_HOURS}"),
                    ));
                }
                Ok(Self::Hourly { rate: amount, weekly_limit_hours: limit })
            }
        }
    }

    pub const fn payment_type(&self) -> PaymentType {
        match self {
            Self::Fixed { .. } => PaymentType::Fixed,
            Self::Hourly { .. } => PaymentType::Hourly,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    #[test]
    fn a_fixed_hire_without_milestones_gets_one_for_the_whole_amount() {
        let amount = Money::new(90_000, Currency::Usd);
        let terms =
            ContractTerms::from_proposal(PaymentType::Fixed, "Logo", None, None, amount, &[], None).expect("valid");
        let ContractTerms::Fixed { milestones, .. } = terms else { panic!("fixed") };
        assert_eq!(milestones, vec![MilestoneDraft { title: "Logo".into(), amount, due_date: None }]);
    }

    #[test]
    fn money_moves_out_of_escrow_once() {
        let funded = MilestoneStatus::Proposed.fund().expect("fund");
        let submitted = funded.submit().expect("submit");
        assert_eq!(submitted.request_changes().and_then(MilestoneStatus::submit), Ok(MilestoneStatus::Submitted));
        let released = submitted.release().expect("release");
        assert!(released.release().is_err());
        assert!(released.refund().is_err());
        assert!(MilestoneStatus::Refunded.release().is_err());
        assert!(funded.fund().is_err());
        assert!(MilestoneStatus::Proposed.submit().is_err());
        assert!(MilestoneStatus::Disputed.release().is_err(), "a dispute freezes the escrow");
    }

    #[test]
    fn a_dispute_freezes_the_escrow_until_withdrawn_or_settled() {
        use MilestoneStatus as S;
        for before in [S::Funded, S::Submitted, S::ChangesRequested] {
            let disputed = before.dispute().expect("disputable");
            assert_eq!(disputed, S::Disputed);
            assert!(disputed.refund().is_err() && disputed.submit().is_err() && disputed.dispute().is_err());
            assert_eq!(disputed.undispute(before), Ok(before));
        }
        assert!(S::Proposed.dispute().is_err() && S::Released.dispute().is_err() && S::Split.dispute().is_err());
        assert!(S::Disputed.undispute(S::Released).is_err(), "only back to where it was");
        assert_eq!(S::Disputed.settle(DisputeOutcome::Refund), Ok(S::Refunded));
        assert_eq!(S::Disputed.settle(DisputeOutcome::Release), Ok(S::Released));
        assert_eq!(S::Disputed.settle(DisputeOutcome::Split), Ok(S::Split));
        assert_eq!(S::Disputed.settle(DisputeOutcome::Rework), Ok(S::Funded));
        assert!(S::Funded.settle(DisputeOutcome::Release).is_err(), "only a disputed milestone is settled");
        assert!(!S::Split.is_funded() && S::Disputed.is_funded());
    }

    #[test]
    fn an_hourly_hire_takes_the_weekly_limit_from_the_hire_then_the_job() {
        let rate = Money::new(5_000, Currency::Usd);
        let from_job = ContractTerms::from_proposal(PaymentType::Hourly, "x", None, Some(10), rate, &[], None);
        assert_eq!(from_job, Ok(ContractTerms::Hourly { rate, weekly_limit_hours: 10 }));
        let from_hire = ContractTerms::from_proposal(PaymentType::Hourly, "x", None, Some(10), rate, &[], Some(25));
        assert_eq!(from_hire, Ok(ContractTerms::Hourly { rate, weekly_limit_hours: 25 }));
        assert!(ContractTerms::from_proposal(PaymentType::Hourly, "x", None, None, rate, &[], Some(81)).is_err());
    }
}
