//! Invitations: a client asks a freelancer to propose; the freelancer
//! accepts (which submits a proposal) or declines.

use chrono::Utc;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::proposal::{InvitationStatus, ProposalInput};
use domain::{FieldErrors, InvitationId, JobId, UserId, ValidationError, validation};
use serde_json::json;
use store::invitations::{self, InvitationRecord, InvitationScope};
use store::jobs::{self, JobRecord};
use store::proposals::ProposalRecord;
use store::{StoreError, users};

use super::proposals::submit;
use super::{Jobs, MarketError, owned_job};

/// An invitation with the job it is for.
#[derive(Debug, Clone)]
pub struct InvitationWithJob {
    pub invitation: InvitationRecord,
    pub job: JobRecord,
}

impl Jobs {
    pub async fn invite(
        &self,
        client: UserId,
        job_id: JobId,
        freelancer: UserId,
        message: &str,
    ) -> Result<InvitationRecord, MarketError> {
        let mut errors = FieldErrors::new();
        validation::text(&mut errors, "message", message, 0, 2_000);
        errors.ensure(freelancer != client, "freelancer_id", "you cannot invite yourself");
        errors.finish()?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let job = owned_job(&txn, client, job_id).await?;
        super::held_by_admin(&job)?;
        if !job.is_open(now) {
            return Err(MarketError::conflict("job_not_open", "only open jobs take invitations"));
        }
        let invitee = users::find(&txn, freelancer).await?.filter(|u| u.is_freelancer);
        if invitee.is_none() {
            return Err(ValidationError::single("freelancer_id", "no freelancer has this id").into());
        }
        if store::proposals::find_by_job_and_freelancer(&txn, job_id, freelancer).await?.is_some() {
            return Err(MarketError::conflict("already_proposed", "this freelancer has already proposed"));
        }
        let id = match invitations::insert(&txn, job_id, freelancer, message.trim(), now).await {
            Err(StoreError::Duplicate(_)) => {
                return Err(MarketError::conflict("already_invited", "this freelancer is already invited"));
            }
            other => other?,
        };
        let payload = json!({ "job_id": job_id, "job_title": job.title, "invitation_id": id });
        self.notifier.notify(&txn, freelancer, NotificationKind::JobInvitation, payload, now).await?;
        let invitation = invitations::find(&txn, id).await?.ok_or(MarketError::NotFound("invitation"))?;
        txn.commit().await?;
        Ok(invitation)
    }

    /// The freelancer accepts by proposing; the proposal is checked like any other.
    pub async fn accept_invitation(
        &self,
        freelancer: UserId,
        id: InvitationId,
        proposal: ProposalInput,
    ) -> Result<ProposalRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let invitation = own_invitation(&txn, freelancer, id).await?;
        invitation.status.answer(true)?;
        let job = jobs::find_for_update(&txn, invitation.job_id).await?.ok_or(MarketError::NotFound("job"))?;
        // Submitting answers the pending invitation as accepted.
        let proposal = submit(&txn, &self.notifier, &job, freelancer, &proposal, now).await?;
        let payload = json!({ "job_id": job.id, "job_title": job.title, "invitation_id": id, "accepted": true });
        self.notifier.notify(&txn, job.client_id, NotificationKind::InvitationAnswered, payload, now).await?;
        txn.commit().await?;
        Ok(proposal)
    }

    pub async fn decline_invitation(
        &self,
        freelancer: UserId,
        id: InvitationId,
    ) -> Result<InvitationRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let invitation = own_invitation(&txn, freelancer, id).await?;
        let declined = invitation.status.answer(false)?;
        if !invitations::answer(&txn, id, declined, None, now).await? {
            return Err(MarketError::conflict("invitation_answered", "the invitation was already answered"));
        }
        let job = jobs::find(&txn, invitation.job_id).await?.ok_or(MarketError::NotFound("job"))?;
        let payload = json!({ "job_id": job.id, "job_title": job.title, "invitation_id": id, "accepted": false });
        self.notifier.notify(&txn, job.client_id, NotificationKind::InvitationAnswered, payload, now).await?;
        let invitation = invitations::find(&txn, id).await?.ok_or(MarketError::NotFound("invitation"))?;
        txn.commit().await?;
        Ok(invitation)
    }

    /// The freelancer's invitations, newest first, each with its job.
    pub async fn my_invitations(
        &self,
        freelancer: UserId,
        status: Option<InvitationStatus>,
        page: &PageRequest<InvitationId>,
    ) -> Result<Page<InvitationWithJob>, MarketError> {
        let page = invitations::list(&self.db, InvitationScope::Freelancer(freelancer), status, page).await?;
        let ids: Vec<JobId> = page.items.iter().map(|i| i.job_id).collect();
        let found = jobs::find_many(&self.db, &ids).await?;
        let mut items = Vec::with_capacity(page.items.len());
        for invitation in page.items {
            let job = found.iter().find(|j| j.id == invitation.job_id).cloned().ok_or(MarketError::NotFound("job"))?;
            items.push(InvitationWithJob { invitation, job });
        }
        Ok(Page { items, next_cursor: page.next_cursor })
    }

    /// The invitations sent for the client's job.
    pub async fn job_invitations(
        &self,
        client: UserId,
        job_id: JobId,
        page: &PageRequest<InvitationId>,
    ) -> Result<Page<InvitationRecord>, MarketError> {
        jobs::find(&self.db, job_id).await?.filter(|j| j.client_id == client).ok_or(MarketError::NotFound("job"))?;
        Ok(invitations::list(&self.db, InvitationScope::Job(job_id), None, page).await?)
    }
}

async fn own_invitation(
    db: &impl store::ConnectionTrait,
    freelancer: UserId,
    id: InvitationId,
) -> Result<InvitationRecord, MarketError> {
    invitations::find(db, id)
        .await?
        .filter(|i| i.freelancer_id == freelancer)
        .ok_or(MarketError::NotFound("invitation"))
}
