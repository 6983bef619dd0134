//! Moderating jobs: an admin hides a job (only its owner and admins see it,
//! and it takes no proposals or hires), closes it (its open proposals close
//! too), or restores it (un-hidden, and back to the status it had if an
//! admin closed it). The owner is told each time, with the reason.

use chrono::{DateTime, Utc};
use domain::job::JobStatus;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{JobId, UserId};
use serde_json::json;
use store::job_moderation::{self, JobQuery, Moderation};
use store::jobs::{self, JobRecord};

use super::{Action, Admin, audit};
use crate::jobs::{MarketError, close_proposals, posting_window};

/// What is done to the job.
#[derive(Clone, Copy)]
enum Change {
    Hide,
    Close,
    Restore,
}

impl Change {
    const fn action(self) -> &'static str {
        match self {
            Self::Hide => "job.hide",
            Self::Close => "job.close",
            Self::Restore => "job.restore",
        }
    }

    /// How the owner's notification names it.
    const fn told_as(self) -> &'static str {
        match self {
            Self::Hide => "hidden",
            Self::Close => "closed",
            Self::Restore => "restored",
        }
    }

    /// The job's hold after the change, or why the change makes no sense now.
    /// A job restored to open gets a fresh posting window (`window`), as a
    /// reopening does.
    fn apply(
        self,
        job: &JobRecord,
        now: DateTime<Utc>,
        window: (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<Moderation, MarketError> {
        let kept = Moderation {
            status: job.status,
            hidden_at: job.hidden_at,
            admin_closed_from: job.admin_closed_from,
            posted: None,
        };
        match self {
            Self::Hide if job.hidden_at.is_some() => {
                Err(MarketError::conflict("job_hidden", "the job is hidden already"))
            }
            Self::Hide => Ok(Moderation { hidden_at: Some(now), ..kept }),
            Self::Close if job.admin_closed_from.is_some() => {
                Err(MarketError::conflict("job_closed_by_admin", "the job is closed already"))
            }
            Self::Close => {
                let status = job.status.close()?;
                Ok(Moderation { status, admin_closed_from: Some(job.status), ..kept })
            }
            Self::Restore if job.hidden_at.is_none() && job.admin_closed_from.is_none() => {
                Err(MarketError::conflict("nothing_to_restore", "the job is neither hidden nor closed by an admin"))
            }
            Self::Restore => {
                let status = job.status.restore(job.admin_closed_from);
                let posted = (status == JobStatus::Open && job.status != JobStatus::Open).then_some(window);
                Ok(Moderation { status, hidden_at: None, admin_closed_from: None, posted })
            }
        }
    }
}

impl Admin {
    /// Every job, drafts and hidden ones included, newest first.
    pub async fn jobs(&self, query: &JobQuery, page: &PageRequest<JobId>) -> Result<Page<JobRecord>, MarketError> {
        Ok(job_moderation::search_all(&self.db, query, page).await?)
    }

    pub async fn hide_job(&self, admin: UserId, id: JobId, reason: &str) -> Result<JobRecord, MarketError> {
        self.moderate(admin, id, Change::Hide, reason).await
    }

    pub async fn close_job(&self, admin: UserId, id: JobId, reason: &str) -> Result<JobRecord, MarketError> {
        self.moderate(admin, id, Change::Close, reason).await
    }

    pub async fn restore_job(&self, admin: UserId, id: JobId, reason: &str) -> Result<JobRecord, MarketError> {
        self.moderate(admin, id, Change::Restore, reason).await
    }

    async fn moderate(&self, admin: UserId, id: JobId, change: Change, reason: &str) -> Result<JobRecord, MarketError> {
        let reason = domain::moderation::reason(reason)?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let job = jobs::find_for_update(&txn, id).await?.ok_or(MarketError::NotFound("job"))?;
        let after = change.apply(&job, now, posting_window(&txn, now).await?)?;
        job_moderation::set_moderation(&txn, id, after, now).await?;
        if after.status == JobStatus::Closed && job.status != JobStatus::Closed {
            close_proposals(&txn, &self.notifier, &job, now).await?;
        }
        let details = json!({
            "status_before": job.status,
            "status_after": after.status,
            "hidden_before": job.hidden_at.is_some(),
            "hidden_after": after.hidden_at.is_some(),
        });
        let subject_id = Some(id.into_uuid());
        let action =
            Action { admin, action: change.action(), subject_kind: "job", subject_id, reason: &reason, details };
        audit(&txn, action, now).await?;
        let payload = json!({"job_id": id, "job_title": job.title, "action": change.told_as(), "reason": reason});
        self.notifier.notify(&txn, job.client_id, NotificationKind::JobModerated, payload, now).await?;
        let job = jobs::find(&txn, id).await?.ok_or(MarketError::NotFound("job"))?;
        txn.commit().await?;
        self.jobs.forget_board();
        Ok(job)
    }
}
