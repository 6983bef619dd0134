//! Blocking: the blocked user can no longer ask, message or see the blocker,
//! and whatever friendship or request the two had ends.

use chrono::Utc;
use domain::UserId;
use domain::pagination::{Page, PageRequest};
use store::users::UserRecord;
use store::{blocks, friendships};

use super::{Social, users_in_order};
use crate::jobs::MarketError;

impl Social {
    pub async fn block(&self, user: UserId, other: UserId) -> Result<(), MarketError> {
        if user == other {
            return Err(MarketError::Invalid(domain::ValidationError::single("user_id", "you cannot block yourself")));
        }
        store::users::find(&self.db, other).await?.ok_or(MarketError::NotFound("user"))?;
        if blocks::has_blocked(&self.db, user, other).await? {
            return Ok(());
        }
        let txn = store::begin_write(&self.db).await?;
        friendships::remove_between(&txn, user, other).await?;
        blocks::block(&txn, user, other, Utc::now()).await?;
        txn.commit().await?;
        self.connection_changed(user, other).await;
        Ok(())
    }

    pub async fn unblock(&self, user: UserId, other: UserId) -> Result<(), MarketError> {
        if !blocks::unblock(&self.db, user, other).await? {
            return Err(MarketError::NotFound("block"));
        }
        self.connection_changed(user, other).await;
        Ok(())
    }

    /// Whether `other` is hidden from `viewer` because either blocked the other.
    pub async fn hidden(&self, viewer: UserId, other: UserId) -> Result<bool, MarketError> {
        Ok(viewer != other && blocks::between(&self.db, viewer, other).await?)
    }

    /// The users the caller blocked.
    pub async fn blocked(&self, user: UserId, page: &PageRequest<UserId>) -> Result<Page<UserRecord>, MarketError> {
        let ids = blocks::blocked_by(&self.db, user, page).await?;
        Ok(Page { items: users_in_order(&self.db, &ids.items).await?, next_cursor: ids.next_cursor })
    }
}
