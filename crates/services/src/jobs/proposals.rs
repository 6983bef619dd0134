//! Proposals: freelancers bid, edit and withdraw; clients shortlist and decline.

use chrono::{DateTime, Utc};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::proposal::{InvitationStatus, JobTerms, ProposalInput, ProposalStatus};
use domain::{ContractId, FieldErrors, JobId, ProposalId, UserId, ValidationError, validation};
use serde_json::json;
use store::attachments::{self, Subject};
use store::jobs::{self, JobRecord};
use store::proposals::{self, ProposalRecord, ProposalScope};
use store::users::{self, UserRecord};
use store::{ConnectionTrait, StoreError, files, invitations};

use super::{Jobs, MarketError, owned_job};
use crate::notifier::Notifier;

/// A proposal together with the job it is for.
#[derive(Debug, Clone)]
pub struct ProposalWithJob {
    pub proposal: ProposalRecord,
    pub job: JobRecord,
    /// The contract, once the proposal was hired.
    pub contract_id: Option<ContractId>,
}

/// A proposal as the job's client reviews it: with who sent it.
#[derive(Debug, Clone)]
pub struct ReceivedProposal {
    pub proposal: ProposalRecord,
    pub freelancer: UserRecord,
    pub contract_id: Option<ContractId>,
}

impl Jobs {
    /// A freelancer proposes on a job: one proposal per job, never on one's
    /// own job, only while the job is open.
    pub async fn bid(
        &self,
        freelancer: UserId,
        job_id: JobId,
        input: ProposalInput,
    ) -> Result<ProposalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let job = jobs::find_for_update(&txn, job_id).await?.ok_or(MarketError::NotFound("job"))?;
        let invited = invitations::exists(&txn, job_id, freelancer).await?;
        if !job.visible_to(Some(freelancer), invited) {
            return Err(MarketError::NotFound("job"));
        }
        let proposal = submit(&txn, &self.notifier, &job, freelancer, &input, now).await?;
        txn.commit().await?;
        Ok(proposal)
    }

    /// The freelancer rewrites a proposal that is still in the running.
    pub async fn edit_proposal(
        &self,
        freelancer: UserId,
        id: ProposalId,
        input: ProposalInput,
    ) -> Result<ProposalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let proposal = own_proposal(&txn, freelancer, id).await?;
        proposal.status.edit()?;
        let job = jobs::find(&txn, proposal.job_id).await?.ok_or(MarketError::NotFound("job"))?;
        check(&txn, &job, freelancer, &input, now).await?;
        proposals::update_content(&txn, id, &input, now).await?;
        attachments::replace(&txn, Subject::Proposal(id), &input.attachment_file_ids).await?;
        let proposal = proposals::find(&txn, id).await?.ok_or(MarketError::NotFound("proposal"))?;
        txn.commit().await?;
        Ok(proposal)
    }

    pub async fn withdraw(&self, freelancer: UserId, id: ProposalId) -> Result<ProposalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let proposal = own_proposal(&txn, freelancer, id).await?;
        move_proposal(&txn, &proposal, proposal.status.withdraw()?, now).await?;
        let proposal = proposals::find(&txn, id).await?.ok_or(MarketError::NotFound("proposal"))?;
        txn.commit().await?;
        Ok(proposal)
    }

    /// A proposal as its freelancer or the job's client sees it.
    pub async fn proposal(&self, viewer: UserId, id: ProposalId) -> Result<ProposalWithJob, MarketError> {
        let proposal = proposals::find(&self.db, id).await?.ok_or(MarketError::NotFound("proposal"))?;
        let job = jobs::find(&self.db, proposal.job_id).await?.ok_or(MarketError::NotFound("proposal"))?;
        if viewer == proposal.freelancer_id || viewer == job.client_id {
            let contract_id = contract_of(&self.db, &[proposal.id]).await?.first().map(|(_, c)| *c);
            Ok(ProposalWithJob { proposal, job, contract_id })
        } else {
            Err(MarketError::NotFound("proposal"))
        }
    }

    /// The freelancer's own proposals, newest first, each with its job;
    /// with `job`, only the one on that job.
    pub async fn my_proposals(
        &self,
        freelancer: UserId,
        job: Option<JobId>,
        status: Option<ProposalStatus>,
        page: &PageRequest<ProposalId>,
    ) -> Result<Page<ProposalWithJob>, MarketError> {
        let scope = match job {
            Some(job) => ProposalScope::FreelancerOnJob(freelancer, job),
            None => ProposalScope::Freelancer(freelancer),
        };
        let page = proposals::list(&self.db, scope, status, page).await?;
        let ids: Vec<JobId> = page.items.iter().map(|p| p.job_id).collect();
        let found = jobs::find_many(&self.db, &ids).await?;
        let proposal_ids: Vec<ProposalId> = page.items.iter().map(|p| p.id).collect();
        let hired = contract_of(&self.db, &proposal_ids).await?;
        let mut items = Vec::with_capacity(page.items.len());
        for proposal in page.items {
            let job = found.iter().find(|j| j.id == proposal.job_id).cloned().ok_or(MarketError::NotFound("job"))?;
            let contract_id = hired.iter().find(|(p, _)| *p == proposal.id).map(|(_, c)| *c);
            items.push(ProposalWithJob { proposal, job, contract_id });
        }
        Ok(Page { items, next_cursor: page.next_cursor })
    }

    /// The proposals on the client's job, newest first.
    pub async fn job_proposals(
        &self,
        client: UserId,
        job_id: JobId,
        status: Option<ProposalStatus>,
        page: &PageRequest<ProposalId>,
    ) -> Result<Page<ReceivedProposal>, MarketError> {
        let job = jobs::find(&self.db, job_id).await?.filter(|j| j.client_id == client);
        job.ok_or(MarketError::NotFound("job"))?;
        let page = proposals::list(&self.db, ProposalScope::Job(job_id), status, page).await?;
        let freelancer_ids: Vec<UserId> = page.items.iter().map(|p| p.freelancer_id).collect();
        let people = users::find_many(&self.db, &freelancer_ids).await?;
        let proposal_ids: Vec<ProposalId> = page.items.iter().map(|p| p.id).collect();
        let hired = contract_of(&self.db, &proposal_ids).await?;
        let mut items = Vec::with_capacity(page.items.len());
        for proposal in page.items {
            let freelancer = people
                .iter()
                .find(|u| u.id == proposal.freelancer_id)
                .cloned()
                .ok_or(MarketError::NotFound("proposal"))?;
            let contract_id = hired.iter().find(|(p, _)| *p == proposal.id).map(|(_, c)| *c);
            items.push(ReceivedProposal { proposal, freelancer, contract_id });
        }
        Ok(Page { items, next_cursor: page.next_cursor })
    }

    /// The client puts a proposal on the shortlist, or takes it off.
    pub async fn shortlist(
        &self,
        client: UserId,
        id: ProposalId,
        shortlisted: bool,
    ) -> Result<ProposalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let (proposal, job) = proposal_on_own_job(&txn, client, id).await?;
        let next = if shortlisted { proposal.status.shortlist()? } else { proposal.status.unshortlist()? };
        move_proposal(&txn, &proposal, next, now).await?;
        if shortlisted {
            let payload = json!({ "job_id": job.id, "job_title": job.title, "proposal_id": id });
            self.notifier
                .notify(&txn, proposal.freelancer_id, NotificationKind::ProposalShortlisted, payload, now)
                .await?;
        }
        let proposal = proposals::find(&txn, id).await?.ok_or(MarketError::NotFound("proposal"))?;
        txn.commit().await?;
        Ok(proposal)
    }

    /// The client declines a proposal; the freelancer is told, with the
    /// reason when one is given.
    pub async fn decline(
        &self,
        client: UserId,
        id: ProposalId,
        reason: Option<String>,
    ) -> Result<ProposalRecord, MarketError> {
        let reason = reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
        if let Some(reason) = &reason {
            let mut errors = FieldErrors::new();
            validation::text(&mut errors, "reason", reason, 1, 1_000);
            errors.finish()?;
        }
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let (proposal, job) = proposal_on_own_job(&txn, client, id).await?;
        move_proposal(&txn, &proposal, proposal.status.decline()?, now).await?;
        let payload = json!({ "job_id": job.id, "job_title": job.title, "proposal_id": id, "reason": reason });
        self.notifier.notify(&txn, proposal.freelancer_id, NotificationKind::ProposalDeclined, payload, now).await?;
        let proposal = proposals::find(&txn, id).await?.ok_or(MarketError::NotFound("proposal"))?;
        txn.commit().await?;
        Ok(proposal)
    }
}

/// Checks and stores a new proposal on `job` (already locked by the caller),
/// answers a pending invitation to it, and tells the client.
pub(super) async fn submit(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    job: &JobRecord,
    freelancer: UserId,
    input: &ProposalInput,
    now: DateTime<Utc>,
) -> Result<ProposalRecord, MarketError> {
    if job.client_id == freelancer {
        return Err(MarketError::conflict("own_job", "you cannot propose on your own job"));
    }
    if !job.is_open(now) {
        return Err(MarketError::conflict("job_not_open", "the job is not taking proposals"));
    }
    check(db, job, freelancer, input, now).await?;
    if proposals::find_by_job_and_freelancer(db, job.id, freelancer).await?.is_some() {
        return Err(already_proposed());
    }
    let id = match proposals::insert(db, job.id, freelancer, input, now).await {
        Err(StoreError::Duplicate(_)) => return Err(already_proposed()),
        other => other?,
    };
    attachments::replace(db, Subject::Proposal(id), &input.attachment_file_ids).await?;
    if let Some(invitation) = invitations::pending_for(db, job.id, freelancer).await? {
        invitations::answer(db, invitation, InvitationStatus::Accepted, Some(id), now).await?;
    }
    let payload = json!({ "job_id": job.id, "job_title": job.title, "proposal_id": id, "freelancer_id": freelancer });
    notifier.notify(db, job.client_id, NotificationKind::ProposalReceived, payload, now).await?;
    proposals::find(db, id).await?.ok_or(MarketError::NotFound("proposal"))
}

async fn contract_of(
    db: &impl ConnectionTrait,
    proposals: &[ProposalId],
) -> Result<Vec<(ProposalId, ContractId)>, MarketError> {
    Ok(store::contracts::ids_for_proposals(db, proposals).await?)
}

fn already_proposed() -> MarketError {
    MarketError::conflict("already_proposed", "you have already proposed on this job")
}

/// Validates a proposal against its job, attachments included.
async fn check(
    db: &impl ConnectionTrait,
    job: &JobRecord,
    freelancer: UserId,
    input: &ProposalInput,
    now: DateTime<Utc>,
) -> Result<(), MarketError> {
    let terms = JobTerms {
        payment_type: job.terms.payment_type(),
        currency: job.terms.currency(),
        question_count: job.screening_questions.len(),
    };
    input.validate(terms, now.date_naive())?;
    let owned = files::find_owned(db, freelancer, &input.attachment_file_ids).await?;
    let all_owned =
        input.attachment_file_ids.iter().all(|id| owned.iter().any(|f| f.id == *id && f.purpose == "attachment"));
    if !all_owned {
        return Err(ValidationError::single("attachment_file_ids", "must be attachments you uploaded").into());
    }
    Ok(())
}

async fn own_proposal(
    db: &impl ConnectionTrait,
    freelancer: UserId,
    id: ProposalId,
) -> Result<ProposalRecord, MarketError> {
    proposals::find(db, id).await?.filter(|p| p.freelancer_id == freelancer).ok_or(MarketError::NotFound("proposal"))
}

/// A proposal on one of the client's jobs, the job row locked.
pub(super) async fn proposal_on_own_job(
    db: &impl ConnectionTrait,
    client: UserId,
    id: ProposalId,
) -> Result<(ProposalRecord, JobRecord), MarketError> {
    let proposal = proposals::find(db, id).await?.ok_or(MarketError::NotFound("proposal"))?;
    let job = owned_job(db, client, proposal.job_id).await.map_err(|_| MarketError::NotFound("proposal"))?;
    // Re-read under the job's lock: the proposal may have moved meanwhile.
    let proposal = proposals::find(db, id).await?.ok_or(MarketError::NotFound("proposal"))?;
    Ok((proposal, job))
}

/// Writes a state change decided on `proposal`'s state as read; if another
/// request changed the proposal since, nothing is written and it is a conflict.
pub(super) async fn move_proposal(
    db: &impl ConnectionTrait,
    proposal: &ProposalRecord,
    to: ProposalStatus,
    now: DateTime<Utc>,
) -> Result<(), MarketError> {
    if proposals::transition(db, proposal.id, proposal.status, to, now).await? {
        Ok(())
    } else {
        Err(MarketError::conflict("proposal_changed", "the proposal changed meanwhile; reload and try again"))
    }
}
