//! Reading reviews: the public lists of released ones, and a contract's
//! reviews as each party may see them.

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::review::{ContractOutcome, ReviewSide};
use domain::{ContractId, JobId, ReviewId, UserId};
use store::reviews::{self, ReviewRecord, Subject, Tally};
use store::users::UserRecord;
use store::{contracts, jobs, ledger, users};

use super::{Reviews, public};
use crate::jobs::{MarketError, may_view};

/// Whose reviews `GET /api/reviews/{id}` lists: the id names a user or a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewSubject {
    User(UserId),
    Job(JobId),
}

/// A page of released reviews, with the average and count over all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPage {
    pub page: Page<ReviewRecord>,
    pub tally: Tally,
}

/// A contract's reviews as the caller may see them: their own always, the
/// other party's once released; an admin sees both, private feedback included.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractReviews {
    pub from_client: Option<ReviewRecord>,
    pub from_freelancer: Option<ReviewRecord>,
    /// When the review window closes; none while the contract is not reviewable.
    pub window_closes_at: Option<DateTime<Utc>>,
    /// Whether the caller may write their review now.
    pub can_review: bool,
}

impl Reviews {
    /// Released reviews of a user (received on `side`, freelancer by default)
    /// or of a job's contracts (of `side` only, when given). A job the
    /// caller may not see is "not found", as everywhere.
    pub async fn list(
        &self,
        viewer: Option<UserId>,
        id: uuid::Uuid,
        side: Option<ReviewSide>,
        page: &PageRequest<ReviewId>,
    ) -> Result<ReviewPage, MarketError> {
        let subject = match self.subject(viewer, id).await? {
            ReviewSubject::User(user) => Subject::Reviewee(user, side.unwrap_or(ReviewSide::Freelancer)),
            ReviewSubject::Job(job) => Subject::Job(job, side),
        };
        let page = reviews::list_released(&self.db, subject, page).await?.map(public);
        let tally = reviews::tally(&self.db, subject).await?;
        Ok(ReviewPage { page, tally })
    }

    async fn subject(&self, viewer: Option<UserId>, id: uuid::Uuid) -> Result<ReviewSubject, MarketError> {
        if users::find(&self.db, id.into()).await?.is_some() {
            return Ok(ReviewSubject::User(id.into()));
        }
        match jobs::find(&self.db, id.into()).await? {
            Some(job) if may_view(&self.db, viewer, &job).await? => Ok(ReviewSubject::Job(job.id)),
            _ => Err(MarketError::NotFound("user or job")),
        }
    }

    /// A contract's reviews, for its parties and admins; anyone else gets
    /// "not found".
    pub async fn for_contract(&self, viewer: &UserRecord, id: ContractId) -> Result<ContractReviews, MarketError> {
        let contract = contracts::find(&self.db, id)
            .await?
            .filter(|c| c.is_party(viewer.id) || viewer.is_admin)
            .ok_or(MarketError::NotFound("contract"))?;
        let outcome = ContractOutcome {
            status: contract.status,
            ended_at: contract.ended_at,
            money_released: ledger::released_under(&self.db, contract.id).await?,
        };
        let written = reviews::for_contract(&self.db, contract.id).await?;
        let shown = |review: &ReviewRecord| {
            if viewer.is_admin && !contract.is_party(viewer.id) {
                Some(review.clone())
            } else if review.reviewer_id == viewer.id || review.released_at.is_some() {
                Some(public(review.clone()))
            } else {
                None
            }
        };
        let by = |author: UserId| written.iter().find(|r| r.reviewer_id == author).and_then(shown);
        let wrote = written.iter().any(|r| r.reviewer_id == viewer.id);
        Ok(ContractReviews {
            from_client: by(contract.client_id),
            from_freelancer: by(contract.freelancer_id),
            window_closes_at: outcome.window_closes_at().ok(),
            can_review: contract.is_party(viewer.id) && !wrote && outcome.accepts_review(Utc::now()).is_ok(),
        })
    }
}
