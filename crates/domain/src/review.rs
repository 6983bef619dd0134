//! Reviews: what each party of a finished contract says of the other.
//!
//! Reviews are double-blind, as on Upwork: a party's review stays hidden
//! from the other (and from everyone) until both have written theirs or the
//! review window closes, so that neither can answer the other's stars in
//! kind. The window is [`REVIEW_WINDOW_DAYS`] from the end of the contract;
//! after it no new review is accepted and whatever was written is shown.

use chrono::{DateTime, Duration, Utc};

use crate::contract::ContractStatus;
use crate::ids::ContractId;
use crate::labelled_enum;
use crate::validation::{FieldErrors, ValidationError};

/// Days after a contract ends during which its parties may review it.
pub const REVIEW_WINDOW_DAYS: i64 = 14;
pub const MAX_COMMENT_CHARS: usize = 5_000;
pub const MAX_REPLY_CHARS: usize = 2_000;

labelled_enum! {
    /// The side of the contract the reviewed party was on: a freelancer's
    /// reputation and a client's are kept apart, as one user may be both.
    pub enum ReviewSide {
        Freelancer => "freelancer",
        Client => "client",
    }
}

/// `POST /api/reviews`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    pub contract_id: ContractId,
    /// Whole stars, 1 to 5.
    pub rating: u8,
    /// Shown to everyone once the review is released (1 to 5,000 characters).
    pub comment: String,
    /// For the platform alone: never shown to the other party or the public.
    #[serde(default)]
    pub private_feedback: Option<String>,
}

impl ReviewInput {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        errors.ensure((1..=5).contains(&self.rating), "rating", "must be a whole number of stars from 1 to 5");
        crate::validation::text(&mut errors, "comment", &self.comment, 1, MAX_COMMENT_CHARS);
        if let Some(private) = &self.private_feedback {
            crate::validation::text(&mut errors, "private_feedback", private, 0, MAX_COMMENT_CHARS);
        }
        errors.finish()
    }
}

/// `POST /api/reviews/{id}/reply`: the reviewed party's public answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyInput {
    /// 1 to 2,000 characters.
    pub body: String,
}

impl ReplyInput {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = FieldErrors::new();
        crate::validation::text(&mut errors, "body", &self.body, 1, MAX_REPLY_CHARS);
        errors.finish()
    }
}

/// Why a review or a reply is refused; each surfaces as 409.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReviewRefusal {
    #[error("the contract has not ended yet; review it once it is completed")]
    NotEnded,
    #[error("the contract was cancelled before any money was paid, so there is nothing to review")]
    NothingPaid,
    #[error("reviews close {REVIEW_WINDOW_DAYS} days after the contract ends")]
    WindowClosed,
    #[error("you have already reviewed this contract")]
    AlreadyReviewed,
    #[error("this review already has a reply")]
    AlreadyReplied,
}

impl ReviewRefusal {
    /// The stable error code the API answers with.
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotEnded => "contract_not_ended",
            Self::NothingPaid => "contract_not_paid",
            Self::WindowClosed => "review_window_closed",
            Self::AlreadyReviewed => "already_reviewed",
            Self::AlreadyReplied => "already_replied",
        }
    }
}

/// What a contract's ending says about reviewing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractOutcome {
    pub status: ContractStatus,
    pub ended_at: Option<DateTime<Utc>>,
    /// Whether any money went from escrow to the freelancer.
    pub money_released: bool,
}

impl ContractOutcome {
    /// When the review window closes. A completed contract is reviewable; so
    /// is a cancelled one under which some work was paid for, since the
    /// parties did work together. Others have nothing to review.
    pub fn window_closes_at(&self) -> Result<DateTime<Utc>, ReviewRefusal> {
        let ended_at = match (self.status, self.ended_at) {
            (ContractStatus::Completed, Some(at)) => at,
            (ContractStatus::Cancelled, Some(at)) if self.money_released => at,
            (ContractStatus::Cancelled, Some(_)) => return Err(ReviewRefusal::NothingPaid),
            _ => return Err(ReviewRefusal::NotEnded),
        };
        Ok(ended_at + Duration::days(REVIEW_WINDOW_DAYS))
    }

    /// Whether a party may write a review at `now`; answers when the window closes.
    pub fn accepts_review(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>, ReviewRefusal> {
        let closes_at = self.window_closes_at()?;
        if now >= closes_at { Err(ReviewRefusal::WindowClosed) } else { Ok(closes_at) }
    }
}

labelled_enum! {
    /// Whether a review can be read by anyone but its author.
    pub enum ReviewVisibility {
        /// Written, waiting for the other party's review or the window's end.
        Hidden => "hidden",
        /// Released: public, counted in ratings, open to a reply.
        Visible => "visible",
    }
}

impl ReviewVisibility {
    /// A hidden review is released once the other party has reviewed too, or
    /// the window has closed; a released one stays released.
    pub fn release(self, other_party_reviewed: bool, window_closed: bool) -> Self {
        match self {
            Self::Hidden if other_party_reviewed || window_closed => Self::Visible,
            other => other,
        }
    }

    /// The reviewed party may answer once, and only what they can read.
    pub fn reply(self, already_replied: bool) -> Result<(), ReviewRefusal> {
        match (self, already_replied) {
            (Self::Visible, false) => Ok(()),
            (Self::Visible, true) => Err(ReviewRefusal::AlreadyReplied),
            // Callers hide hidden reviews from the reviewee before asking.
            (Self::Hidden, _) => Err(ReviewRefusal::NotEnded),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + Duration::days(day)
    }

    fn input(rating: u8) -> ReviewInput {
        ReviewInput {
            contract_id: ContractId::new(),
            rating,
            comment: "Clear brief, paid on time.".into(),
            private_feedback: None,
        }
    }

    #[test]
    fn stars_are_whole_numbers_from_one_to_five() {
        assert!(input(0).validate().is_err());
        assert!(input(6).validate().is_err());
        for stars in 1..=5 {
            assert!(input(stars).validate().is_ok(), "{stars}");
        }
        assert!(ReviewInput { comment: " ".into(), ..input(5) }.validate().is_err());
    }

    #[test]
    fn completed_contracts_and_paid_cancellations_open_a_fourteen_day_window() {
        let completed =
            ContractOutcome { status: ContractStatus::Completed, ended_at: Some(at(0)), money_released: false };
        assert_eq!(completed.accepts_review(at(13)), Ok(at(14)));
        assert_eq!(completed.accepts_review(at(14)), Err(ReviewRefusal::WindowClosed));
        let paid = ContractOutcome { status: ContractStatus::Cancelled, money_released: true, ..completed };
        assert_eq!(paid.accepts_review(at(1)), Ok(at(14)));
        let unpaid = ContractOutcome { money_released: false, ..paid };
        assert_eq!(unpaid.accepts_review(at(1)), Err(ReviewRefusal::NothingPaid));
        let active = ContractOutcome { status: ContractStatus::Active, ended_at: None, money_released: true };
        assert_eq!(active.accepts_review(at(1)), Err(ReviewRefusal::NotEnded));
    }

    #[test]
    fn a_review_is_released_by_the_other_review_or_the_window_and_stays_released() {
        let hidden = ReviewVisibility::Hidden;
        assert_eq!(hidden.release(false, false), ReviewVisibility::Hidden);
        assert_eq!(hidden.release(true, false), ReviewVisibility::Visible);
        assert_eq!(hidden.release(false, true), ReviewVisibility::Visible);
        assert_eq!(ReviewVisibility::Visible.release(false, false), ReviewVisibility::Visible);
    }

    #[test]
    fn a_released_review_takes_one_reply() {
        assert_eq!(ReviewVisibility::Visible.reply(false), Ok(()));
        assert_eq!(ReviewVisibility::Visible.reply(true), Err(ReviewRefusal::AlreadyReplied));
        assert!(ReviewVisibility::Hidden.reply(false).is_err());
    }
}
