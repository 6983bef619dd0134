//! Telling users what happened. A notification is stored in the transaction
//! of the change it reports; delivery (live push, e-mail) reads the stored rows.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{NotificationId, UserId};
use store::notifications::{self, NotificationRecord};
use store::{ConnectionTrait, Db};

use crate::Internal;
use crate::ports::{Fanout, Push};

/// Most notifications one push round takes.
const PUSH_BATCH: u64 = 200;

/// Stores a notification for `user` inside the caller's transaction. Use
/// cases call [`crate::notifier::Notifier::notify`], which e-mails it too.
pub(crate) async fn notify(
    db: &impl ConnectionTrait,
    user: UserId,
    kind: NotificationKind,
    payload: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), Internal> {
    notifications::insert(db, user, kind.as_str(), &payload, now).await?;
    Ok(())
}

#[derive(Clone)]
pub struct Notifications {
    db: Db,
    fanout: Arc<dyn Fanout>,
}

impl Notifications {
    pub fn new(db: Db, fanout: Arc<dyn Fanout>) -> Self {
        Self { db, fanout }
    }

    /// Pushes notifications stored since the last round to their users'
    /// sockets, each once even with several instances running this. Answers
    /// how many went out.
    pub async fn push_pending(&self, now: DateTime<Utc>) -> Result<usize, Internal> {
        let claimed = notifications::claim_unpushed(&self.db, PUSH_BATCH, now).await?;
        let count = claimed.len();
        for notification in claimed {
            self.fanout.push(&[notification.user_id], Push::Notification(notification)).await;
        }
        Ok(count)
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
