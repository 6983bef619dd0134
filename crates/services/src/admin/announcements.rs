//! Announcements to every user or a role: stored, then told to each user in
//! batches (an in-app notification, pushed live, and an e-mail through the
//! mail queue for those who want it), with the progress kept on the row.

use chrono::Utc;
use domain::UserId;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::trust::Audience;
use serde_json::json;
use store::announcements::{self, AnnouncementRecord};
use uuid::Uuid;

use super::{Action, Admin, audit};
use crate::jobs::MarketError;

/// Users told per transaction.
pub const BATCH: u64 = 500;

impl Admin {
    /// Posts an announcement; its delivery starts at once, in the background.
    pub async fn announce(
        &self,
        admin: UserId,
        audience: Audience,
        title: &str,
        body: &str,
    ) -> Result<AnnouncementRecord, MarketError> {
        let (title, body) = domain::trust::announcement(title, body)?;
        let now = Utc::now();
        let recipients = announcements::audience_size(&self.db, audience).await?;
        let record = AnnouncementRecord {
            id: Uuid::now_v7(),
            author_id: admin,
            audience,
            title,
            body,
            recipients: i64::try_from(recipients).unwrap_or(i64::MAX),
            delivered: 0,
            last_user_id: None,
            created_at: now,
            finished_at: None,
        };
        let txn = store::begin_write(&self.db).await?;
        announcements::insert(&txn, &record).await?;
        let details = json!({"audience": audience, "title": record.title, "recipients": recipients});
        let action = Action {
            admin,
            action: "announcement.post",
            subject_kind: "announcement",
            subject_id: Some(record.id),
            reason: "",
            details,
        };
        audit(&txn, action, now).await?;
        txn.commit().await?;
        let admin_service = self.clone();
        let id = record.id;
        // The worker's sweep finishes it too, should this process stop halfway.
        tokio::spawn(async move {
            if let Err(err) = admin_service.deliver(id).await {
                tracing::warn!(announcement = %id, error = %err, "announcement delivery stopped; the sweep resumes it");
            }
        });
        Ok(record)
    }

    pub async fn announcements(&self, page: &PageRequest<Uuid>) -> Result<Page<AnnouncementRecord>, MarketError> {
        Ok(announcements::list(&self.db, page).await?)
    }

    /// Finishes every announcement still being delivered; answers how many users were told.
    pub async fn deliver_announcements(&self) -> Result<u64, MarketError> {
        let mut told = 0;
        for id in announcements::unfinished(&self.db).await? {
            told += self.deliver(id).await?;
        }
        Ok(told)
    }

    /// Tells the announcement's audience, a batch per transaction, until done.
    async fn deliver(&self, id: Uuid) -> Result<u64, MarketError> {
        let mut told = 0;
        loop {
            let txn = store::begin_write(&self.db).await?;
            let Some(announcement) = announcements::find_for_update(&txn, id).await? else { return Ok(told) };
            if announcement.finished_at.is_some() {
                return Ok(told);
            }
            let batch =
                announcements::next_recipients(&txn, announcement.audience, announcement.last_user_id, BATCH).await?;
            let now = Utc::now();
            let payload = json!({"announcement_id": id, "title": announcement.title, "body": announcement.body});
            for user in &batch {
                self.notifier.notify(&txn, *user, NotificationKind::Announcement, payload.clone(), now).await?;
            }
            let done = (batch.len() as u64) < BATCH;
            let count = batch.len() as u64;
            announcements::advance(&txn, id, count, batch.last().copied(), done.then_some(now)).await?;
            txn.commit().await?;
            told += count;
            if done {
                return Ok(told);
            }
        }
    }
}
