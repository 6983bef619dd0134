//! Friends sharing jobs with each other.

use chrono::Utc;
use domain::job::Visibility;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{JobId, JobShareId, UserId};
use serde_json::json;
use store::friendships;
use store::job_shares::{self, JobShareRecord};
use store::jobs::JobRecord;
use store::users::UserRecord;

use super::{Social, users_in_order};
use crate::jobs::MarketError;

/// A job shared with the user, with who shared it.
#[derive(Debug, Clone)]
pub struct SharedJob {
    pub share: JobShareRecord,
    pub job: JobRecord,
    pub from: UserRecord,
}

impl Social {
    /// Shares a job with friends. Sharing again with someone keeps the first
    /// share; an invite-only job may be shared by its owner only.
    pub async fn share_job(
        &self,
        from: UserId,
        job_id: JobId,
        recipients: &[UserId],
        note: &str,
    ) -> Result<Vec<JobShareRecord>, MarketError> {
        let recipients = domain::social::share_recipients(from, recipients)?;
        let note = domain::social::note(note)?;
        let job = store::jobs::find(&self.db, job_id).await?.ok_or(MarketError::NotFound("job"))?;
        if !crate::jobs::may_view(&self.db, Some(from), &job).await? {
            return Err(MarketError::NotFound("job"));
        }
        // Only its owner still sees a hidden job; it is not passed around.
        if job.hidden_at.is_some() {
            return Err(MarketError::conflict("job_hidden", "an administrator hid this job"));
        }
        if job.visibility == Visibility::InviteOnly && job.client_id != from {
            return Err(MarketError::forbidden(
                "only_owner_shares",
                "only the client who posted an invite-only job may share it",
            ));
        }
        let mut errors = domain::FieldErrors::new();
        for friend in &recipients {
            if !friendships::are_friends(&self.db, from, *friend).await? {
                errors.add("user_ids", format!("{friend} is not your friend"));
            }
        }
        errors.finish()?;
        let now = Utc::now();
        let mut shares = Vec::with_capacity(recipients.len());
        for to in recipients {
            let share = JobShareRecord {
                id: JobShareId::new(),
                job_id,
                from_user_id: from,
                to_user_id: to,
                note: note.clone(),
                created_at: now,
            };
            // One transaction per friend: a share already made stays as it was.
            let txn = store::begin_write(&self.db).await?;
            if job_shares::exists(&txn, job_id, from, to).await? || !job_shares::insert(&txn, &share).await? {
                continue;
            }
            let payload = json!({"job_id": job_id, "job_title": job.title, "from_user_id": from});
            self.notifier.notify(&txn, to, NotificationKind::JobShared, payload, now).await?;
            txn.commit().await?;
            shares.push(share);
        }
        Ok(shares)
    }

    /// Jobs friends shared with the user, newest first; jobs the user can no
    /// longer see are left out.
    pub async fn shared_with_me(
        &self,
        user: UserId,
        page: &PageRequest<JobShareId>,
    ) -> Result<Page<SharedJob>, MarketError> {
        let found = job_shares::shared_with(&self.db, user, page).await?;
        let senders: Vec<UserId> = found.items.iter().map(|s| s.from_user_id).collect();
        let people: std::collections::HashMap<UserId, UserRecord> =
            users_in_order(&self.db, &senders).await?.into_iter().map(|u| (u.id, u)).collect();
        let mut items = Vec::with_capacity(found.items.len());
        for share in found.items {
            let Some(job) = store::jobs::find(&self.db, share.job_id).await? else { continue };
            if !crate::jobs::may_view(&self.db, Some(user), &job).await? {
                continue;
            }
            let Some(from) = people.get(&share.from_user_id).cloned() else { continue };
            items.push(SharedJob { share, job, from });
        }
        Ok(Page { items, next_cursor: found.next_cursor })
    }
}
