//! Which notifications reach a user by e-mail: their choices, and the
//! unsubscribe link in every such mail that turns one kind off without a
//! login.

use std::collections::HashSet;

use chrono::Utc;
use domain::mail::emailed_by_default;
use domain::notification::NotificationKind;
use domain::{FieldErrors, UserId, ValidationError};
use store::{Db, notification_preferences};

use crate::Internal;
use crate::mail::unsubscribe::UnsubscribeKey;

/// Whether one kind of notification goes out by e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmailPreference {
    pub kind: NotificationKind,
    pub email: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum PreferenceError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// Forged, altered or for a kind that no longer exists.
    #[error("the unsubscribe link is invalid")]
    BadLink,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<store::StoreError> for PreferenceError {
    fn from(err: store::StoreError) -> Self {
        Self::Internal(err.into())
    }
}

impl From<store::DbErr> for PreferenceError {
    fn from(err: store::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

#[derive(Clone)]
pub struct NotificationSettings {
    db: Db,
    key: UnsubscribeKey,
}

impl NotificationSettings {
    pub fn new(db: Db, key: UnsubscribeKey) -> Self {
        Self { db, key }
    }

    /// Every kind with the user's choice, or its default where they made none.
    pub async fn preferences(&self, user: UserId) -> Result<Vec<EmailPreference>, Internal> {
        let chosen = notification_preferences::for_user(&self.db, user).await?;
        Ok(NotificationKind::ALL
            .iter()
            .map(|&kind| EmailPreference {
                kind,
                email: chosen
                    .iter()
                    .find(|(k, _)| k == kind.as_str())
                    .map_or_else(|| emailed_by_default(kind), |(_, email)| *email),
            })
            .collect())
    }

    /// Records the choices given; kinds left out keep theirs. Each kind may
    /// be named once, so that a request cannot say both yes and no.
    pub async fn set_preferences(
        &self,
        user: UserId,
        changes: &[EmailPreference],
    ) -> Result<Vec<EmailPreference>, PreferenceError> {
        let mut errors = FieldErrors::new();
        let mut seen = HashSet::new();
        for (i, change) in changes.iter().enumerate() {
            errors.ensure(seen.insert(change.kind), format!("items[{i}].kind"), "this kind is listed twice");
        }
        errors.finish()?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        for change in changes {
            notification_preferences::set_email(&txn, user, change.kind.as_str(), change.email, now).await?;
        }
        txn.commit().await?;
        Ok(self.preferences(user).await?)
    }

    /// Turns off the e-mails of the kind an unsubscribe link names; following
    /// it again changes nothing. Returns the kind.
    pub async fn unsubscribe(&self, token: &str) -> Result<NotificationKind, PreferenceError> {
        let (user, kind) = self.key.verify(token).ok_or(PreferenceError::BadLink)?;
        // The account may be gone since the mail was sent; its link then has nothing to change.
        if store::users::find(&self.db, user).await?.is_some() {
            notification_preferences::set_email(&self.db, user, kind.as_str(), false, Utc::now()).await?;
        }
        Ok(kind)
    }
}
