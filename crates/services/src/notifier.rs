//! Telling a user what happened: the notification is stored in the
//! transaction of the change it reports. Delivery (the live push and, for
//! the kinds the user chose, the e-mail) reads the stored rows afterwards,
//! so a request pays for one insert and a rolled-back change tells nobody.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::notification::NotificationKind;
use store::{ConnectionTrait, notifications};

use crate::Internal;

/// Cheap to copy; every use case that tells users something holds one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Notifier {
    quiet: bool,
}

impl Notifier {
    pub fn new() -> Self {
        Self { quiet: false }
    }

    /// Stores notifications as already delivered: for loading demo data,
    /// whose made-up users should be neither pushed to nor mailed.
    pub fn quiet() -> Self {
        Self { quiet: true }
    }

    /// Whether this notifier stores notifications as already delivered.
    pub fn stores_delivered(self) -> bool {
        self.quiet
    }

    /// Stores a notification for `user` inside the caller's transaction.
    pub async fn notify(
        &self,
        db: &impl ConnectionTrait,
        user: UserId,
        kind: NotificationKind,
        payload: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<(), Internal> {
        self.notify_all(db, [(user, kind, payload)], now).await
    }

    /// Stores several notifications inside the caller's transaction, in one statement.
    pub async fn notify_all(
        &self,
        db: &impl ConnectionTrait,
        notifications: impl IntoIterator<Item = (UserId, NotificationKind, serde_json::Value)>,
        now: DateTime<Utc>,
    ) -> Result<(), Internal> {
        let rows: Vec<_> =
            notifications.into_iter().map(|(user, kind, payload)| (user, kind.as_str(), payload)).collect();
        notifications::insert(db, &rows, now, self.quiet).await?;
        Ok(())
    }
}
