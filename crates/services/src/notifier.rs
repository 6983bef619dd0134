//! Telling a user what happened: the stored notification, and for the kinds
//! they chose, the e-mail about it, both written in the transaction of the
//! change they report.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::notification::NotificationKind;
use store::ConnectionTrait;

use crate::mail::{MailSettings, NotificationMail};
use crate::{Internal, notifications};

/// Cheap to clone; every use case that tells users something holds one.
#[derive(Debug, Clone)]
pub struct Notifier {
    email: Option<Arc<NotificationMail>>,
}

impl Notifier {
    pub fn new(settings: &MailSettings) -> Self {
        Self { email: Some(Arc::new(NotificationMail::new(settings))) }
    }

    /// Stores notifications and mails none: for loading demo data, whose
    /// made-up addresses should not fill the queue.
    pub fn without_email() -> Self {
        Self { email: None }
    }

    /// Stores a notification for `user` inside the caller's transaction and,
    /// when the user wants this kind by e-mail, queues the mail in it too.
    pub async fn notify(
        &self,
        db: &impl ConnectionTrait,
        user: UserId,
        kind: NotificationKind,
        payload: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<(), Internal> {
        if let Some(email) = &self.email {
            email.queue(db, user, kind, &payload, now).await?;
        }
        notifications::notify(db, user, kind, payload, now).await
    }
}
