//! Writing a review, and replying to one.

use chrono::Utc;
use domain::review::{ContractOutcome, ReplyInput, ReviewInput, ReviewRefusal, ReviewSide, ReviewVisibility};
use domain::{ReviewId, UserId};
use store::reviews::{self, NewReview, ReviewRecord};
use store::{StoreError, contracts, ledger};

use super::{Reviews, public, release};
use crate::jobs::MarketError;

impl Reviews {
    /// A party reviews the other party of a finished contract, once. The
    /// review stays hidden until the other party has reviewed too (then both
    /// are released together) or the window closes.
    ///
    /// The contract row is locked first: two reviews of one contract are
    /// written one after the other, so the second always sees the first,
    /// whether it is the same party's double submit or the other party's.
    pub async fn create(&self, user: UserId, input: &ReviewInput) -> Result<ReviewRecord, MarketError> {
        input.validate()?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let contract = contracts::find_for_update(&txn, input.contract_id)
            .await?
            .filter(|c| c.is_party(user))
            .ok_or(MarketError::NotFound("contract"))?;
        let outcome = ContractOutcome {
            status: contract.status,
            ended_at: contract.ended_at,
            money_released: ledger::released_under(&txn, contract.id).await?,
        };
        let window_closes_at = outcome.accepts_review(now)?;
        let written = reviews::for_contract(&txn, contract.id).await?;
        if written.iter().any(|r| r.reviewer_id == user) {
            return Err(ReviewRefusal::AlreadyReviewed.into());
        }
        let (reviewee_id, reviewee_side) = if user == contract.client_id {
            (contract.freelancer_id, ReviewSide::Freelancer)
        } else {
            (contract.client_id, ReviewSide::Client)
        };
        let new = NewReview {
            contract_id: contract.id,
            job_id: contract.job_id,
            reviewer_id: user,
            reviewee_id,
            reviewee_side,
            rating: input.rating,
            comment: &input.comment,
            private_feedback: input.private_feedback.as_deref(),
            window_closes_at,
        };
        let id = match reviews::insert(&txn, &new, now).await {
            Err(StoreError::Duplicate(_)) => return Err(ReviewRefusal::AlreadyReviewed.into()),
            other => other?,
        };
        let mine = reviews::find(&txn, id).await?.ok_or(MarketError::NotFound("review"))?;
        // The other party's review is in: both are released now.
        let mut released = Vec::new();
        if let Some(theirs) = written.iter().find(|r| r.reviewer_id == reviewee_id) {
            for review in [theirs, &mine] {
                if review.visibility().release(true, false) == ReviewVisibility::Visible {
                    released.extend(release::release(&txn, &self.notifier, review, now).await?);
                }
            }
        }
        let review = reviews::find(&txn, id).await?.ok_or(MarketError::NotFound("review"))?;
        txn.commit().await?;
        for reviewee in released {
            self.profiles.forget(reviewee);
        }
        Ok(public(review))
    }

    /// The reviewed party answers a released review in public, once.
    pub async fn reply(&self, user: UserId, id: ReviewId, input: &ReplyInput) -> Result<ReviewRecord, MarketError> {
        input.validate()?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let review = reviews::find(&txn, id).await?.ok_or(MarketError::NotFound("review"))?;
        let visible = review.released_at.is_some();
        // A hidden review exists only for its author.
        if !visible && review.reviewer_id != user {
            return Err(MarketError::NotFound("review"));
        }
        if review.reviewee_id != user {
            return Err(MarketError::forbidden("reviewee_only", "only the reviewed party may reply to a review"));
        }
        review.visibility().reply(review.reply.is_some())?;
        if !reviews::set_reply(&txn, id, &input.body, now).await? {
            return Err(ReviewRefusal::AlreadyReplied.into());
        }
        let replied = reviews::find(&txn, id).await?.ok_or(MarketError::NotFound("review"))?;
        txn.commit().await?;
        Ok(public(replied))
    }
}
