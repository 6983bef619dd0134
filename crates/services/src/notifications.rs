//! Telling users what happened. A notification is stored in the transaction
//! of the change it reports; delivery (live push, e-mail) reads the stored rows.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::pagination::{Page, PageRequest};
use domain::{NotificationId, UserId};
use store::Db;
use store::notifications::{self, NotificationRecord};

use crate::Internal;
use crate::mail::{MailSettings, NotificationMail};
use crate::ports::{Fanout, Push};

/// Most notifications one delivery transaction takes.
const DELIVERY_BATCH: u64 = 200;

#[derive(Clone)]
pub struct Notifications {
    db: Db,
    fanout: Arc<dyn Fanout>,
    mail: Arc<NotificationMail>,
}

impl Notifications {
    pub fn new(db: Db, fanout: Arc<dyn Fanout>, mail: &MailSettings) -> Self {
        Self { db, fanout, mail: Arc::new(NotificationMail::new(mail)) }
    }

    /// Delivers notifications stored since the last round: queues the
    /// e-mail of those their users want mailed, in the transaction that marks
    /// them delivered, then pushes each to its user's sockets. Goes on batch
    /// after batch until none is left, so a burst is never left for later
    /// rounds to work off. Several instances may run this at once; each
    /// notification goes out from one. Answers how many went out.
    pub async fn deliver_pending(&self, now: DateTime<Utc>) -> Result<usize, Internal> {
        let mut delivered = 0;
        if !notifications::any_undelivered(&self.db).await? {
            return Ok(delivered);
        }
        loop {
            let txn = store::begin_write(&self.db).await?;
            let claimed = notifications::claim_undelivered(&txn, DELIVERY_BATCH, now).await?;
            self.mail.queue(&txn, &claimed, now).await?;
            txn.commit().await?;
            let count = claimed.len();
            for notification in claimed {
                self.fanout.push(&[notification.user_id], Push::Notification(notification)).await;
            }
            delivered += count;
            // A short batch: the rest is claimed by other instances, or there is no rest.
            if count < usize::try_from(DELIVERY_BATCH).unwrap_or(usize::MAX) {
                return Ok(delivered);
            }
        }
    }

    pub async fn list(
        &self,
        user: UserId,
        unread_only: bool,
        page: &PageRequest<NotificationId>,
    ) -> Result<Page<NotificationRecord>, Internal> {
        Ok(notifications::list(&self.db, user, unread_only, page).await?)
    }

    pub async fn unread_count(&self, user: UserId) -> Result<u64, Internal> {
        Ok(notifications::unread_count(&self.db, user).await?)
    }

    /// Marks one notification read, or all with `None`; unknown ids change nothing.
    pub async fn mark_read(&self, user: UserId, id: Option<NotificationId>) -> Result<u64, Internal> {
        Ok(notifications::mark_read(&self.db, user, id, Utc::now()).await?)
    }
}
