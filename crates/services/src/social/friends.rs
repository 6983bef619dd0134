//! Friend requests and friendships.

use std::sync::Arc;

use chrono::Utc;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::social::{FriendshipError, FriendshipStatus};
use domain::{FriendshipId, UserId};
use serde_json::json;
use store::StoreError;
use store::friendships::{self, FriendshipRecord};
use store::users::UserRecord;

use super::{Social, users_in_order, visible_user};
use crate::jobs::MarketError;

/// Most friend suggestions one answer carries.
pub const MAX_SUGGESTIONS: u64 = 50;

/// Someone the user may know: a friend of friends.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub user: UserRecord,
    pub mutual_friends: i64,
}

fn refused(err: FriendshipError) -> MarketError {
    match err {
        FriendshipError::Stranger => MarketError::NotFound("friend request"),
        FriendshipError::NotAddressee | FriendshipError::NotRequester => {
            MarketError::forbidden("not_your_request", err.to_string())
        }
        FriendshipError::NotPending => MarketError::conflict("request_answered", err.to_string()),
        FriendshipError::NotFriends => MarketError::conflict("not_friends", err.to_string()),
    }
}

impl Social {
    /// Asks `to` to be friends. One friendship per pair: a second request in
    /// either direction, even one sent at the same moment, is refused.
    pub async fn request(&self, from: UserId, to: UserId) -> Result<FriendshipRecord, MarketError> {
        if from == to {
            return Err(MarketError::Invalid(domain::ValidationError::single(
                "user_id",
                "you cannot befriend yourself",
            )));
        }
        visible_user(&self.db, from, to).await?;
        if let Some(existing) = friendships::between(&self.db, from, to).await? {
            return Err(already(&existing, from));
        }
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        let created = match friendships::request(&txn, from, to, now).await {
            Ok(created) => created,
            Err(StoreError::Duplicate(_)) => {
                drop(txn);
                let existing = friendships::between(&self.db, from, to).await?;
                return Err(existing
                    .map_or_else(|| MarketError::conflict("request_exists", "try again"), |e| already(&e, from)));
            }
            Err(other) => return Err(other.into()),
        };
        self.notifier
            .notify(
                &txn,
                to,
                NotificationKind::FriendRequest,
                json!({"request_id": created.id, "from_user_id": from}),
                now,
            )
            .await?;
        txn.commit().await?;
        self.connection_changed(from, to).await;
        Ok(created)
    }

    pub async fn accept(&self, user: UserId, id: FriendshipId) -> Result<FriendshipRecord, MarketError> {
        let request = self.request_of(user, id).await?;
        request.rules().accept(user).map_err(refused)?;
        let now = Utc::now();
        let txn = store::begin_write(&self.db).await?;
        if !friendships::accept(&txn, id, now).await? {
            return Err(refused(FriendshipError::NotPending));
        }
        let payload = json!({"request_id": id, "user_id": user});
        self.notifier.notify(&txn, request.requester_id, NotificationKind::FriendRequestAccepted, payload, now).await?;
        txn.commit().await?;
        self.connection_changed(request.requester_id, request.addressee_id).await;
        Ok(FriendshipRecord { status: FriendshipStatus::Accepted, accepted_at: Some(now), ..request })
    }

    pub async fn decline(&self, user: UserId, id: FriendshipId) -> Result<FriendshipRecord, MarketError> {
        let request = self.request_of(user, id).await?;
        request.rules().decline(user).map_err(refused)?;
        self.end(request, FriendshipStatus::Pending).await
    }

    pub async fn cancel(&self, user: UserId, id: FriendshipId) -> Result<FriendshipRecord, MarketError> {
        let request = self.request_of(user, id).await?;
        request.rules().cancel(user).map_err(refused)?;
        self.end(request, FriendshipStatus::Pending).await
    }

    pub async fn unfriend(&self, user: UserId, friend: UserId) -> Result<(), MarketError> {
        let friendship = friendships::between(&self.db, user, friend)
            .await?
            .filter(|f| f.status == FriendshipStatus::Accepted)
            .ok_or(MarketError::NotFound("friend"))?;
        friendship.rules().unfriend(user).map_err(refused)?;
        self.end(friendship, FriendshipStatus::Accepted).await?;
        Ok(())
    }

    /// Pending requests to the user (`incoming`) or from them, with the other person.
    pub async fn pending(
        &self,
        user: UserId,
        incoming: bool,
        page: &PageRequest<FriendshipId>,
    ) -> Result<Page<(FriendshipRecord, UserRecord)>, MarketError> {
        let found = friendships::pending(&self.db, user, incoming, page).await?;
        let others: Vec<UserId> = found.items.iter().map(|f| f.rules().other(user)).collect();
        let mut people = users_in_order(&self.db, &others).await?.into_iter();
        let items = found.items.into_iter().filter_map(|f| people.next().map(|p| (f, p))).collect();
        Ok(Page { items, next_cursor: found.next_cursor })
    }

    pub async fn friends(&self, user: UserId, page: &PageRequest<UserId>) -> Result<Page<UserRecord>, MarketError> {
        let ids = friendships::friends(&self.db, user, page).await?;
        Ok(Page { items: users_in_order(&self.db, &ids.items).await?, next_cursor: ids.next_cursor })
    }

    /// Friends the caller and `other` share.
    pub async fn mutual(
        &self,
        user: UserId,
        other: UserId,
        page: &PageRequest<UserId>,
    ) -> Result<Page<UserRecord>, MarketError> {
        visible_user(&self.db, user, other).await?;
        let ids = friendships::mutual(&self.db, user, other, page).await?;
        Ok(Page { items: users_in_order(&self.db, &ids.items).await?, next_cursor: ids.next_cursor })
    }

    /// Friends of friends the user is not connected to, most mutual friends first.
    pub async fn suggestions(&self, user: UserId, limit: u64) -> Result<Vec<Suggestion>, MarketError> {
        let ranked = match self.suggestions.get(&user).await {
            Some(ranked) => ranked,
            None => {
                let ranked = Arc::new(friendships::suggestions(&self.db, user, MAX_SUGGESTIONS).await?);
                self.suggestions.insert(user, ranked.clone()).await;
                ranked
            }
        };
        let limit = usize::try_from(limit.clamp(1, MAX_SUGGESTIONS)).unwrap_or(usize::MAX);
        let found: Vec<(UserId, i64)> = ranked.iter().take(limit).copied().collect();
        let ids: Vec<UserId> = found.iter().map(|(id, _)| *id).collect();
        let mut people: std::collections::HashMap<UserId, UserRecord> =
            users_in_order(&self.db, &ids).await?.into_iter().map(|u| (u.id, u)).collect();
        Ok(found
            .into_iter()
            .filter_map(|(id, mutual_friends)| people.remove(&id).map(|user| Suggestion { user, mutual_friends }))
            .collect())
    }
}

impl Social {
    /// The request or friendship, if the user is one of its two people.
    async fn request_of(&self, user: UserId, id: FriendshipId) -> Result<FriendshipRecord, MarketError> {
        friendships::find(&self.db, id)
            .await?
            .filter(|f| f.rules().involves(user))
            .ok_or(MarketError::NotFound("friend request"))
    }

    async fn end(&self, friendship: FriendshipRecord, from: FriendshipStatus) -> Result<FriendshipRecord, MarketError> {
        let txn = store::begin_write(&self.db).await?;
        if !friendships::remove(&txn, friendship.id, from).await? {
            return Err(refused(FriendshipError::NotPending));
        }
        txn.commit().await?;
        self.connection_changed(friendship.requester_id, friendship.addressee_id).await;
        Ok(friendship)
    }
}

/// Why a pair that already has a friendship or request cannot start another.
fn already(existing: &FriendshipRecord, asker: UserId) -> MarketError {
    match existing.status {
        FriendshipStatus::Accepted => MarketError::conflict("already_friends", "you are already friends"),
        FriendshipStatus::Pending if existing.requester_id == asker => {
            MarketError::conflict("request_exists", "you already asked; wait for an answer")
        }
        FriendshipStatus::Pending => {
            MarketError::conflict("request_exists", "they already asked you; accept their request instead")
        }
    }
}
