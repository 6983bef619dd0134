//! Hiring: the client accepts a proposal and a contract starts.

use chrono::Utc;
use domain::contract::ContractTerms;
use domain::notification::NotificationKind;
use domain::{JobId, ProposalId, UserId};
use serde_json::json;
use store::StoreError;
use store::contracts::{self, ContractRecord, NewContract};
use store::jobs;

use super::posting::close_proposals;
use super::proposals::{move_proposal, proposal_on_own_job};
use super::{Jobs, MarketError};

/// `PUT /api/jobs/{id}/hire`.
#[derive(Debug, Clone, Copy)]
pub struct Hire {
    pub proposal_id: ProposalId,
    /// Hourly jobs: the most hours a week the freelancer may bill.
    pub weekly_limit_hours: Option<u16>,
}

impl Jobs {
    /// Hires the freelancer behind a proposal on the client's open job. The
    /// contract's terms are copied from the proposal. The hire that reaches
    /// the job's wanted number fills it, and the proposals still in the
    /// running are closed and their freelancers told.
    pub async fn hire(&self, client: UserId, job_id: JobId, hire: Hire) -> Result<ContractRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let (proposal, job) = proposal_on_own_job(&txn, client, hire.proposal_id).await?;
        if job.id != job_id {
            return Err(MarketError::NotFound("proposal"));
        }
        let hired = proposal.status.hire()?;
        super::held_by_admin(&job)?;
        if !job.is_open(now) {
            return Err(MarketError::conflict("job_not_open", "the job is not open for hiring"));
        }
        let hires = job.hires_count.saturating_add(1);
        let job_status = job.status.hire(hires, job.hires_wanted)?;
        let terms = ContractTerms::from_proposal(
            job.terms.payment_type(),
            &job.title,
            job.deadline,
            job.terms.hours_per_week(),
            proposal.amount,
            &proposal.milestones,
            hire.weekly_limit_hours,
        )?;

        move_proposal(&txn, &proposal, hired, now).await?;
        let new = NewContract {
            job_id,
            proposal_id: proposal.id,
            client_id: client,
            freelancer_id: proposal.freelancer_id,
            title: &job.title,
            terms: &terms,
        };
        let contract_id = match contracts::insert(&txn, &new, now).await {
            Err(StoreError::Duplicate(_)) => {
                return Err(MarketError::conflict("already_hired", "this proposal has already been hired"));
            }
            other => other?,
        };
        jobs::record_hire(&txn, job_id, hires, job_status, now).await?;
        if job_status != job.status {
            close_proposals(&txn, &self.notifier, &job, now).await?;
        }
        let payload = json!({ "job_id": job_id, "job_title": job.title, "contract_id": contract_id });
        self.notifier.notify(&txn, proposal.freelancer_id, NotificationKind::Hired, payload, now).await?;
        let contract = contracts::find(&txn, contract_id).await?.ok_or(MarketError::NotFound("contract"))?;
        txn.commit().await?;
        Ok(contract)
    }
}
