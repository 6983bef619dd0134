//! Suspending, banning and restoring users. The user's sessions end in the
//! same transaction and their open sockets are closed right after, so a
//! ban takes effect on their very next request.

use chrono::{DateTime, Utc};
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use serde_json::json;
use store::sessions;
use store::users::{self, UserQuery, UserRecord};

use super::{Action, Admin, audit};
use crate::jobs::MarketError;

/// What is done to the user.
enum Change {
    Suspend(DateTime<Utc>),
    Ban,
    Lift,
}

impl Admin {
    pub async fn users(&self, query: &UserQuery, page: &PageRequest<UserId>) -> Result<Page<UserRecord>, MarketError> {
        Ok(users::search(&self.db, query, Utc::now(), page).await?)
    }

    pub async fn user(&self, id: UserId) -> Result<UserRecord, MarketError> {
        users::find(&self.db, id).await?.ok_or(MarketError::NotFound("user"))
    }

    pub async fn suspend(
        &self,
        admin: UserId,
        id: UserId,
        until: DateTime<Utc>,
        reason: &str,
    ) -> Result<UserRecord, MarketError> {
        let until = domain::moderation::suspension_end(until, Utc::now())?;
        self.change(admin, id, Change::Suspend(until), reason).await
    }

    pub async fn ban(&self, admin: UserId, id: UserId, reason: &str) -> Result<UserRecord, MarketError> {
        self.change(admin, id, Change::Ban, reason).await
    }

    /// Ends a suspension or ban early.
    pub async fn lift(&self, admin: UserId, id: UserId, reason: &str) -> Result<UserRecord, MarketError> {
        self.change(admin, id, Change::Lift, reason).await
    }

    async fn change(&self, admin: UserId, id: UserId, change: Change, reason: &str) -> Result<UserRecord, MarketError> {
        let reason = domain::moderation::reason(reason)?;
        let user = self.user(id).await?;
        if matches!(change, Change::Suspend(_) | Change::Ban) && (id == admin || user.is_admin) {
            return Err(MarketError::forbidden("cannot_moderate_admin", "admins cannot be suspended or banned here"));
        }
        let now = Utc::now();
        let (suspended_until, banned_at, action, details) = match change {
            Change::Suspend(until) => (Some(until), None, "user.suspend", json!({"until": until})),
            Change::Ban => (None, Some(now), "user.ban", json!({})),
            Change::Lift => (
                None,
                None,
                "user.lift",
                json!({"was_banned": user.banned_at.is_some(), "was_suspended_until": user.suspended_until}),
            ),
        };
        let locks_out = suspended_until.is_some() || banned_at.is_some();
        let txn = store::begin_write(&self.db).await?;
        users::set_standing(&txn, id, suspended_until, banned_at, locks_out.then_some(reason.as_str()), now).await?;
        if locks_out {
            sessions::revoke_all(&txn, id, now).await?;
        }
        let subject_id = Some(id.into_uuid());
        audit(&txn, Action { admin, action, subject_kind: "user", subject_id, reason: &reason, details }, now).await?;
        txn.commit().await?;
        if locks_out {
            self.fanout.disconnect(id).await;
        }
        self.user(id).await
    }
}
