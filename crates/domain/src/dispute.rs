//! Disputes: a party of a contract contests money held for a milestone or a
//! billed hourly week. The money freezes where it is until the opener
//! withdraws the dispute or an admin decides where it goes.
//!
//! ```text
//! open --respond (other party, once, before respond_by)--> open
//!   |--withdraw (opener)--> withdrawn   (the money is where it was)
//!   \--resolve (admin)----> resolved    (refund, release, split or rework)
//! ```

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::ids::{FileId, MilestoneId};
use crate::labelled_enum;
use crate::labels::IllegalTransition;
use crate::money::Money;
use crate::validation::{FieldErrors, ValidationError};

/// Most files one timeline entry carries.
pub const MAX_EVIDENCE_FILES: usize = 10;

labelled_enum! {
    /// Why a party disputes, so that admins can sort the queue.
    pub enum DisputeReason {
        /// The work was not handed in, or not at all what was agreed.
        NotDelivered => "not_delivered",
        /// The work was handed in but falls short.
        Quality => "quality",
        /// The parties disagree about what the work includes.
        Scope => "scope",
        /// The amount billed or held is wrong (hours, fees, double billing).
        Payment => "payment",
        Other => "other",
    }
}

labelled_enum! {
    /// Where a dispute is.
    pub enum DisputeStatus {
        /// The money is frozen; the other party may respond, an admin may decide.
        Open => "open",
        /// The opener took it back; the money is where it was before.
        Withdrawn => "withdrawn",
        /// An admin decided where the money goes.
        Resolved => "resolved",
    }
}

impl DisputeStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition { what: "dispute", action, state: self.as_str() }
    }

    /// Responses and messages belong to open disputes.
    pub fn discuss(self) -> Result<(), IllegalTransition> {
        match self {
            Self::Open => Ok(()),
            _ => Err(self.illegal("discuss")),
        }
    }

    /// The opener takes the dispute back.
    pub fn withdraw(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Open => Ok(Self::Withdrawn),
            _ => Err(self.illegal("withdraw")),
        }
    }

    /// An admin decides; a dispute is decided once.
    pub fn resolve(self) -> Result<Self, IllegalTransition> {
        match self {
            Self::Open => Ok(Self::Resolved),
            _ => Err(self.illegal("resolve")),
        }
    }
}

labelled_enum! {
    /// Where an admin sends the disputed money.
    pub enum DisputeOutcome {
        /// All of it back to the client, with the client fee charged on it.
        Refund => "refund",
        /// All of it to the freelancer, as a normal release with fees and an invoice.
        Release => "release",
        /// Part to each; the parts add up to what is held.
        Split => "split",
        /// The milestone goes back to funded with a new due date; the escrow stays.
        Rework => "rework",
    }
}

labelled_enum! {
    /// An entry of a dispute's timeline.
    pub enum DisputeEventKind {
        /// The opener's description and evidence.
        Opened => "opened",
        /// The other party's answer.
        Response => "response",
        /// A message from a party or an admin.
        Message => "message",
        Withdrawn => "withdrawn",
        /// The admin's decision and its note.
        Resolved => "resolved",
    }
}

/// What a dispute is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disputed {
    Milestone(MilestoneId),
    HourlyWeek(Uuid),
}

/// `POST /api/disputes`: name exactly one of the milestone or the week.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDispute {
    /// A funded, submitted or changes-requested milestone.
    #[serde(default)]
    pub milestone_id: Option<MilestoneId>,
    /// A billed hourly week still in its review period.
    #[serde(default)]
    pub hourly_week_id: Option<Uuid>,
    pub reason: DisputeReason,
    /// What went wrong (10 to 5,000 characters).
    pub description: String,
    /// Attachments uploaded with `purpose=attachment` (at most 10).
    #[serde(default)]
    pub evidence_file_ids: Vec<FileId>,
}

impl NewDispute {
    /// Checks the request on its own and says what it disputes.
    pub fn validate(&self) -> Result<Disputed, ValidationError> {
        let mut errors = FieldErrors::new();
        crate::validation::text(&mut errors, "description", &self.description, 10, 5_000);
        crate::validation::distinct(&mut errors, "evidence_file_ids", &self.evidence_file_ids, MAX_EVIDENCE_FILES);
        let subject = match (self.milestone_id, self.hourly_week_id) {
            (Some(milestone), None) => Some(Disputed::Milestone(milestone)),
            (None, Some(week)) => Some(Disputed::HourlyWeek(week)),
            _ => {
                errors.add("milestone_id", "name exactly one of milestone_id and hourly_week_id");
                None
            }
        };
        errors.finish()?;
        subject.ok_or_else(|| ValidationError::single("milestone_id", "missing"))
    }
}

/// `POST /api/disputes/{id}/respond`: the other party's answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeResponse {
    /// 1 to 5,000 characters.
    pub message: String,
    #[serde(default)]
    pub evidence_file_ids: Vec<FileId>,
}

/// `POST /api/disputes/{id}/messages`: a message on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeMessage {
    /// 1 to 5,000 characters.
    pub body: String,
    #[serde(default)]
    pub file_ids: Vec<FileId>,
}

impl DisputeResponse {
    pub fn validate(&self) -> Result<(), ValidationError> {
        entry("message", &self.message, "evidence_file_ids", &self.evidence_file_ids)
    }
}

impl DisputeMessage {
    pub fn validate(&self) -> Result<(), ValidationError> {
        entry("body", &self.body, "file_ids", &self.file_ids)
    }
}

/// A timeline entry's text and files, checked under their field names.
fn entry(text_field: &str, text: &str, files_field: &str, files: &[FileId]) -> Result<(), ValidationError> {
    let mut errors = FieldErrors::new();
    crate::validation::text(&mut errors, text_field, text, 1, 5_000);
    crate::validation::distinct(&mut errors, files_field, files, MAX_EVIDENCE_FILES);
    errors.finish()
}

/// When the other party's time to respond ends.
pub fn respond_by(opened_at: DateTime<Utc>, response_days: u32) -> DateTime<Utc> {
    opened_at + Duration::days(i64::from(response_days))
}

/// `POST /api/admin/disputes/{id}/resolve`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    pub outcome: DisputeOutcome,
    /// Split only: the client's part.
    #[serde(default)]
    pub client_amount: Option<Money>,
    /// Split only: the freelancer's part, before the service fee.
    #[serde(default)]
    pub freelancer_amount: Option<Money>,
    /// Rework only: the milestone's new due date, after today.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// Why, for both parties (1 to 2,000 characters).
    pub note: String,
}

/// A checked resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Refund,
    Release,
    Split { to_client: Money, to_freelancer: Money },
    Rework { due_date: NaiveDate },
}

impl Decision {
    pub const fn outcome(self) -> DisputeOutcome {
        match self {
            Self::Refund => DisputeOutcome::Refund,
            Self::Release => DisputeOutcome::Release,
            Self::Split { .. } => DisputeOutcome::Split,
            Self::Rework { .. } => DisputeOutcome::Rework,
        }
    }

    /// What the client and the freelancer get of `held`, before fees.
    pub fn parts(self, held: Money) -> (Money, Money) {
        let none = Money::zero(held.currency);
        match self {
            Self::Refund => (held, none),
            Self::Release => (none, held),
            Self::Split { to_client, to_freelancer } => (to_client, to_freelancer),
            Self::Rework { .. } => (none, none),
        }
    }
}

impl Resolution {
    /// Checks the resolution against the money `held` for the disputed
    /// milestone or week: a split must add up to it exactly, and only a
    /// milestone can go back for rework.
    pub fn decide(&self, held: Money, milestone: bool, today: NaiveDate) -> Result<Decision, ValidationError> {
        let mut errors = FieldErrors::new();
        crate::validation::text(&mut errors, "note", &self.note, 1, 2_000);
        let split = self.outcome == DisputeOutcome::Split;
        for (field, amount) in [("client_amount", self.client_amount), ("freelancer_amount", self.freelancer_amount)] {
            match amount {
                None if split => errors.add(field, "a split names both parts"),
                Some(_) if !split => errors.add(field, "only a split names amounts"),
                Some(part) if part.currency != held.currency => errors.add(field, "must be in the held currency"),
                Some(part) if !part.is_positive() => errors.add(field, "must be positive; use refund or release"),
                _ => {}
            }
        }
        let rework = self.outcome == DisputeOutcome::Rework;
        match self.due_date {
            None if rework => errors.add("due_date", "rework needs a new due date"),
            Some(_) if !rework => errors.add("due_date", "only rework takes a due date"),
            Some(due) if due <= today => errors.add("due_date", "must be after today"),
            _ => {}
        }
        if rework && !milestone {
            errors.add("outcome", "only a milestone can go back for rework");
        }
        errors.finish()?;
        Ok(match (self.outcome, self.client_amount, self.freelancer_amount, self.due_date) {
            (DisputeOutcome::Refund, ..) => Decision::Refund,
            (DisputeOutcome::Release, ..) => Decision::Release,
            (DisputeOutcome::Split, Some(to_client), Some(to_freelancer), _) => {
                let sum = to_client.amount.checked_add(to_freelancer.amount);
                if sum != Some(held.amount) {
                    let message = format!("the parts must add up to the {held} held");
                    return Err(ValidationError::single("client_amount", message));
                }
                Decision::Split { to_client, to_freelancer }
            }
            (DisputeOutcome::Rework, _, _, Some(due_date)) => Decision::Rework { due_date },
            _ => return Err(ValidationError::single("outcome", "incomplete resolution")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn usd(cents: i64) -> Money {
        Money::new(cents, Currency::Usd)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn resolution(outcome: DisputeOutcome) -> Resolution {
        Resolution { outcome, client_amount: None, freelancer_amount: None, due_date: None, note: "Decided".into() }
    }

    #[test]
    fn a_dispute_names_one_thing_with_a_description() {
        let new = NewDispute {
            milestone_id: Some(MilestoneId::new()),
            hourly_week_id: None,
            reason: DisputeReason::Quality,
            description: "The logo is not vector art as agreed.".into(),
            evidence_file_ids: vec![],
        };
        assert!(matches!(new.validate(), Ok(Disputed::Milestone(_))));
        let both = NewDispute { hourly_week_id: Some(Uuid::now_v7()), ..new.clone() };
        assert!(both.validate().is_err());
        let neither = NewDispute { milestone_id: None, ..new.clone() };
        assert!(neither.validate().is_err());
        assert!(NewDispute { description: "bad".into(), ..new.clone() }.validate().is_err());
        let file = FileId::new();
        assert!(NewDispute { evidence_file_ids: vec![file, file], ..new }.validate().is_err(), "no repeats");
    }

    #[test]
    fn a_dispute_is_withdrawn_or_resolved_once() {
        let open = DisputeStatus::Open;
        assert!(open.discuss().is_ok());
        assert_eq!(open.withdraw(), Ok(DisputeStatus::Withdrawn));
        let resolved = open.resolve().expect("resolves");
        assert!(resolved.resolve().is_err());
        assert!(resolved.withdraw().is_err());
        assert!(resolved.discuss().is_err());
        assert!(DisputeStatus::Withdrawn.resolve().is_err());
    }

    #[test]
    fn a_split_must_add_up_to_what_is_held() {
        let today = day("2026-11-29");
        let split = |client, freelancer| Resolution {
            client_amount: Some(usd(client)),
            freelancer_amount: Some(usd(freelancer)),
            ..resolution(DisputeOutcome::Split)
        };
        assert_eq!(
            split(5_000, 15_000).decide(usd(20_000), true, today),
            Ok(Decision::Split { to_client: usd(5_000), to_freelancer: usd(15_000) })
        );
        assert!(split(5_000, 14_999).decide(usd(20_000), true, today).is_err());
        assert!(split(0, 20_000).decide(usd(20_000), true, today).is_err(), "a whole side is a release");
        assert!(split(-1, 20_001).decide(usd(20_000), true, today).is_err());
        assert!(split(i64::MAX, 1).decide(usd(20_000), true, today).is_err(), "no overflow");
        let euros = Resolution { client_amount: Some(Money::new(5_000, Currency::Eur)), ..split(0, 15_000) };
        assert!(euros.decide(usd(20_000), true, today).is_err());
        assert!(resolution(DisputeOutcome::Split).decide(usd(20_000), true, today).is_err());
    }

    #[test]
    fn rework_is_for_milestones_with_a_later_due_date() {
        let today = day("2026-11-29");
        let rework = Resolution { due_date: Some(day("2026-12-10")), ..resolution(DisputeOutcome::Rework) };
        assert_eq!(rework.decide(usd(100), true, today), Ok(Decision::Rework { due_date: day("2026-12-10") }));
        assert!(rework.decide(usd(100), false, today).is_err(), "an hourly week is not reworked");
        let past = Resolution { due_date: Some(today), ..rework.clone() };
        assert!(past.decide(usd(100), true, today).is_err());
        assert!(resolution(DisputeOutcome::Rework).decide(usd(100), true, today).is_err());
        let stray = Resolution { due_date: Some(day("2026-12-10")), ..resolution(DisputeOutcome::Refund) };
        assert!(stray.decide(usd(100), true, today).is_err());
        let silent = Resolution { note: " ".into(), ..resolution(DisputeOutcome::Release) };
        assert!(silent.decide(usd(100), true, today).is_err(), "a decision says why");
    }

    #[test]
    fn refund_and_release_give_everything_to_one_side() {
        let today = day("2026-11-29");
        let held = usd(20_000);
        let refund = resolution(DisputeOutcome::Refund).decide(held, false, today).expect("valid");
        assert_eq!(refund.parts(held), (held, usd(0)));
        let release = resolution(DisputeOutcome::Release).decide(held, true, today).expect("valid");
        assert_eq!(release.parts(held), (usd(0), held));
        assert_eq!(
            respond_by("2026-11-29T10:00:00Z".parse().expect("time"), 5).to_rfc3339(),
            "2026-12-04T10:00:00+00:00"
        );
    }
}
