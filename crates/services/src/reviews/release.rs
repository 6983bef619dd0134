//! Releasing reviews: the moment a review becomes visible is the moment it
//! counts, so the reviewee's rating (and, for freelancers, rank score) and
//! their notification are updated in the same transaction.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::notification::NotificationKind;
use domain::review::{ReviewSide, ReviewVisibility};
use serde_json::json;
use store::reviews::{self, ReviewRecord, Subject};
use store::{ConnectionTrait, reputation};

use super::Reviews;
use crate::{Internal, Notifier};

/// Hidden reviews one run of the sweep releases at most; the rest wait for the next run.
const SWEEP_BATCH: u64 = 500;

/// Makes a hidden review visible, with everything that follows. Answers the
/// reviewee when this call released it; `None` when it was visible already
/// (another request or worker was first), so that nothing happens twice.
pub(super) async fn release(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    review: &ReviewRecord,
    now: DateTime<Utc>,
) -> Result<Option<UserId>, Internal> {
    if !reviews::release(db, review.id, now).await? {
        return Ok(None);
    }
    let (reviewee, side) = (review.reviewee_id, review.reviewee_side);
    let tally = reviews::tally(db, Subject::Reviewee(reviewee, side)).await?;
    reputation::set_rating(db, reviewee, side, tally).await?;
    if side == ReviewSide::Freelancer {
        crate::reputation::refresh_rank(db, reviewee, now).await?;
    }
    let payload = json!({
        "review_id": review.id,
        "contract_id": review.contract_id,
        "title": review.contract_title,
        "rating": review.rating,
        "from_user_id": review.reviewer_id,
    });
    notifier.notify(db, reviewee, NotificationKind::ReviewReceived, payload, now).await?;
    Ok(Some(reviewee))
}

impl Reviews {
    /// Releases the hidden reviews whose window closed by `now`; answers how
    /// many. Each is released in its own transaction under a conditional
    /// update, so several workers at once release (and notify) each once.
    pub async fn release_due(&self, now: DateTime<Utc>) -> Result<usize, Internal> {
        let due = reviews::due_for_release(&self.db, now, SWEEP_BATCH).await?;
        let mut released = 0;
        for id in due {
            let txn = store::begin_write(&self.db).await?;
            let Some(review) = reviews::find(&txn, id).await? else { continue };
            let window_closed = review.window_closes_at <= now;
            if review.visibility().release(false, window_closed) != ReviewVisibility::Visible {
                continue;
            }
            if let Some(reviewee) = release(&txn, &self.notifier, &review, now).await? {
                txn.commit().await?;
                self.profiles.forget(reviewee);
                released += 1;
            }
        }
        Ok(released)
    }
}
