//! The social layer: friendships and requests, blocks, recommendations of
//! freelancers between friends, and jobs shared with friends.

mod blocks;
mod friends;
mod recommendations;
mod shares;

use std::sync::Arc;
use std::time::Duration;

use domain::UserId;
use moka::future::Cache;
use store::users::UserRecord;
use store::{ConnectionTrait, Db};

use crate::jobs::MarketError;
use crate::notifier::Notifier;

pub use friends::Suggestion;
pub use recommendations::Recommendation;
pub use shares::SharedJob;

/// Friends of friends change slowly and cost a walk over thousands of
/// friendships for a well-connected user: each user's ranked candidates are
/// kept this long (dropped at once on this instance when the user's own
/// friendships or blocks change).
const SUGGESTIONS_TTL: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Social {
    db: Db,
    notifier: Notifier,
    suggestions: Cache<UserId, Arc<Vec<(UserId, i64)>>>,
}

impl Social {
    pub fn new(db: Db, notifier: Notifier) -> Self {
        Self { db, notifier, suggestions: suggestion_cache(SUGGESTIONS_TTL) }
    }

    /// Keeps suggestions for `ttl` instead (zero keeps none).
    pub fn with_suggestion_ttl(self, ttl: Duration) -> Self {
        Self { suggestions: suggestion_cache(ttl), ..self }
    }

    /// Forgets the cached suggestions of both people after their connection changed.
    async fn connection_changed(&self, a: UserId, b: UserId) {
        self.suggestions.invalidate(&a).await;
        self.suggestions.invalidate(&b).await;
    }
}

/// Whether `a` and `b` may message each other: friends, or the two sides of
/// a job invitation, proposal or contract; never when either blocked the other.
pub(crate) async fn may_talk(db: &impl ConnectionTrait, a: UserId, b: UserId) -> Result<bool, MarketError> {
    if store::blocks::between(db, a, b).await? {
        return Ok(false);
    }
    Ok(store::friendships::are_friends(db, a, b).await? || store::conversations::have_business(db, a, b).await?)
}

/// `other` as `viewer` may see them: 404 when either blocked the other, so a
/// blocked user learns nothing of the blocker.
pub(crate) async fn visible_user(
    db: &impl ConnectionTrait,
    viewer: UserId,
    other: UserId,
) -> Result<UserRecord, MarketError> {
    let user = store::users::find(db, other).await?.ok_or(MarketError::NotFound("user"))?;
    if store::blocks::between(db, viewer, other).await? {
        return Err(MarketError::NotFound("user"));
    }
    Ok(user)
}

/// The users behind `ids`, in the same order, skipping any that vanished.
pub(crate) async fn users_in_order(db: &impl ConnectionTrait, ids: &[UserId]) -> Result<Vec<UserRecord>, MarketError> {
    let mut found: std::collections::HashMap<UserId, UserRecord> =
        store::users::find_many(db, ids).await?.into_iter().map(|u| (u.id, u)).collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

fn suggestion_cache(ttl: Duration) -> Cache<UserId, Arc<Vec<(UserId, i64)>>> {
    let capacity = if ttl.is_zero() { 0 } else { 100_000 };
    Cache::builder().max_capacity(capacity).time_to_live(ttl.max(Duration::from_millis(1))).build()
}
