//! A client's own jobs: post, edit, publish, close, reopen; and the sweep
//! that expires jobs left open too long.

use chrono::{DateTime, Duration, Utc};
use domain::job::{JobInput, JobStatus, PaymentTerms};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{FieldErrors, JobId, UserId};
use serde_json::json;
use store::attachments::{self, Subject};
use store::jobs::{self, JobContent, JobRecord, OwnJob};
use store::users::UserRecord;
use store::{ConnectionTrait, files, invitations, proposals, skills};

use super::{Jobs, MarketError, owned_job};
use crate::notifier::Notifier;

/// When a job posted now stops taking proposals: after the `job_open_days`
/// setting in force, read in the caller's transaction.
pub(crate) async fn posting_window(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), MarketError> {
    let days = crate::settings::current(db).await?.job_open_days;
    Ok((now, now + Duration::days(i64::from(days))))
}

impl Jobs {
    /// Posts a job, or saves it as a draft when `input.draft` is set.
    pub async fn create(&self, client: UserId, input: JobInput) -> Result<JobRecord, MarketError> {
        let now = Utc::now();
        let terms = input.validate(now.date_naive())?;
        let txn = store::begin_write(&self.db).await?;
        let content = resolve(&txn, client, &input, terms).await?;
        let posted = if input.draft { None } else { Some(posting_window(&txn, now).await?) };
        let id = jobs::insert(&txn, client, &content, posted, now).await?;
        attachments::replace(&txn, Subject::Job(id), &content.attachment_file_ids).await?;
        let job = jobs::find(&txn, id).await?.ok_or(MarketError::NotFound("job"))?;
        txn.commit().await?;
        Ok(job)
    }

    /// Replaces a draft or open job's content. Once freelancers have
    /// proposed, the way of payment, the currency and the screening
    /// questions stay as they were, because the proposals answer them.
    pub async fn update(&self, client: UserId, id: JobId, input: JobInput) -> Result<JobRecord, MarketError> {
        let now = Utc::now();
        let terms = input.validate(now.date_naive())?;
        let txn = store::begin_write(&self.db).await?;
        let job = owned_job(&txn, client, id).await?;
        job.status.edit()?;
        let content = resolve(&txn, client, &input, terms).await?;
        let has_proposals = jobs::proposal_total(&txn, id).await? > 0;
        let terms_changed = job.terms.payment_type() != terms.payment_type()
            || job.terms.currency() != terms.currency()
            || job.screening_questions != content.screening_questions;
        if has_proposals && terms_changed {
            return Err(MarketError::conflict(
                "job_has_proposals",
                "payment type, currency and screening questions cannot change once freelancers have proposed",
            ));
        }
        jobs::update_content(&txn, id, &content, now).await?;
        attachments::replace(&txn, Subject::Job(id), &content.attachment_file_ids).await?;
        let job = jobs::find(&txn, id).await?.ok_or(MarketError::NotFound("job"))?;
        txn.commit().await?;
        Ok(job)
    }

    /// A job as `viewer` may see it: drafts and hidden jobs only by their
    /// owner, invite-only jobs by the owner and the freelancers invited or
    /// proposing; admins see every job.
    pub async fn get(&self, viewer: Option<&UserRecord>, id: JobId) -> Result<JobRecord, MarketError> {
        let job = jobs::find(&self.db, id).await?.ok_or(MarketError::NotFound("job"))?;
        let admin = viewer.is_some_and(|v| v.is_admin);
        if admin || may_view(&self.db, viewer.map(|v| v.id), &job).await? {
            Ok(job)
        } else {
            Err(MarketError::NotFound("job"))
        }
    }

    pub async fn publish(&self, client: UserId, id: JobId) -> Result<JobRecord, MarketError> {
        self.change_status(client, id, JobStatus::publish).await
    }

    pub async fn reopen(&self, client: UserId, id: JobId) -> Result<JobRecord, MarketError> {
        self.change_status(client, id, JobStatus::reopen).await
    }

    /// Closes a job; the proposals still in the running are closed and
    /// their freelancers told.
    pub async fn close(&self, client: UserId, id: JobId) -> Result<JobRecord, MarketError> {
        self.change_status(client, id, JobStatus::close).await
    }

    async fn change_status(
        &self,
        client: UserId,
        id: JobId,
        change: fn(JobStatus) -> Result<JobStatus, domain::labels::IllegalTransition>,
    ) -> Result<JobRecord, MarketError> {
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let job = owned_job(&txn, client, id).await?;
        let next = change(job.status)?;
        if next == JobStatus::Open {
            held_by_admin(&job)?;
        }
        let posted = if next == JobStatus::Open { Some(posting_window(&txn, now).await?) } else { None };
        jobs::set_status(&txn, id, next, posted, now).await?;
        if next == JobStatus::Closed {
            close_proposals(&txn, &self.notifier, &job, now).await?;
        }
        let job = jobs::find(&txn, id).await?.ok_or(MarketError::NotFound("job"))?;
        txn.commit().await?;
        Ok(job)
    }

    /// The client's jobs with their proposal counts, newest first.
    pub async fn list_own(
        &self,
        client: UserId,
        status: Option<JobStatus>,
        page: &PageRequest<JobId>,
    ) -> Result<Page<OwnJob>, MarketError> {
        Ok(jobs::list_for_client(&self.db, client, status, page).await?)
    }

    /// Expires open jobs past their time, in batches; returns how many.
    /// Their open proposals are closed and the freelancers told.
    pub async fn expire_due(&self, now: DateTime<Utc>) -> Result<u64, MarketError> {
        let mut expired = 0;
        loop {
            let due = jobs::due_to_expire(&self.db, now, 200).await?;
            if due.is_empty() {
                return Ok(expired);
            }
            for id in due {
                let txn = store::begin_write(&self.db).await?;
                let Some(job) = jobs::find_for_update(&txn, id).await? else { continue };
                if job.status.expire().is_ok() && jobs::expire(&txn, &[id], now).await? == 1 {
                    close_proposals(&txn, &self.notifier, &job, now).await?;
                    expired += 1;
                }
                txn.commit().await?;
            }
        }
    }
}

/// Refuses to put a job before freelancers while an admin holds it back:
/// hidden, or closed by an admin (restoring it is the admins' to do).
pub(crate) fn held_by_admin(job: &JobRecord) -> Result<(), MarketError> {
    if job.hidden_at.is_some() {
        return Err(MarketError::conflict("job_hidden", "an administrator hid this job"));
    }
    if job.admin_closed_from.is_some() {
        return Err(MarketError::conflict("job_closed_by_admin", "an administrator closed this job"));
    }
    Ok(())
}

/// Whether `viewer` may see `job` (see [`JobRecord::visible_to`]); asks the
/// database who is involved only for jobs that are not public.
pub(crate) async fn may_view(
    db: &impl ConnectionTrait,
    viewer: Option<UserId>,
    job: &JobRecord,
) -> Result<bool, MarketError> {
    let involved = match viewer {
        Some(user) if job.client_id != user && job.visibility != domain::job::Visibility::Public => {
            invitations::exists(db, job.id, user).await?
                || proposals::find_by_job_and_freelancer(db, job.id, user).await?.is_some()
                // The owner sharing an invite-only job with a friend lets them see it.
                || store::job_shares::exists(db, job.id, job.client_id, user).await?
        }
        _ => false,
    };
    Ok(job.visible_to(viewer, involved))
}

/// Closes the job's proposals that were still in the running and tells
/// their freelancers.
pub(crate) async fn close_proposals(
    db: &impl ConnectionTrait,
    notifier: &Notifier,
    job: &JobRecord,
    now: DateTime<Utc>,
) -> Result<(), MarketError> {
    for freelancer in proposals::close_active(db, job.id, now).await? {
        let payload = json!({ "job_id": job.id, "job_title": job.title });
        notifier.notify(db, freelancer, NotificationKind::ProposalClosed, payload, now).await?;
    }
    Ok(())
}

/// Checks what only the database knows (the category, the skills, the
/// attachments) and assembles the job's content.
async fn resolve(
    db: &impl ConnectionTrait,
    client: UserId,
    input: &JobInput,
    terms: PaymentTerms,
) -> Result<JobContent, MarketError> {
    let mut errors = FieldErrors::new();
    let category = input.category.trim();
    let categories = skills::categories(db).await?;
    errors.ensure(categories.iter().any(|c| c.slug == category), "category", "unknown category");
    let found = skills::find_by_slugs(db, &input.skills).await?;
    let unknown: Vec<&str> =
        input.skills.iter().filter(|s| !found.iter().any(|f| &f.slug == *s)).map(String::as_str).collect();
    errors.ensure(unknown.is_empty(), "skills", format!("unknown skills: {}", unknown.join(", ")));
    let attachments = files::find_owned(db, client, &input.attachment_file_ids).await?;
    errors.ensure(
        input.attachment_file_ids.iter().all(|id| attachments.iter().any(|f| f.id == *id && f.purpose == "attachment")),
        "attachment_file_ids",
        "must be attachments you uploaded",
    );
    errors.finish()?;
    let skills = input.skills.iter().filter_map(|slug| found.iter().find(|s| &s.slug == slug)).cloned().collect();
    Ok(JobContent {
        title: input.title.trim().to_owned(),
        description: input.description.trim().to_owned(),
        category: category.to_owned(),
        skills,
        terms,
        duration: input.duration,
        experience_level: input.experience_level,
        screening_questions: input.screening_questions.iter().map(|q| q.trim().to_owned()).collect(),
        attachment_file_ids: input.attachment_file_ids.clone(),
        visibility: input.visibility,
        hires_wanted: input.hires_wanted,
        deadline: input.deadline,
    })
}
