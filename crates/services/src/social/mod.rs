//! The social layer: friendships and requests, blocks, recommendations of
//! freelancers between friends, and jobs shared with friends.

mod blocks;
mod friends;
mod recommendations;
mod shares;

use domain::UserId;
use store::users::UserRecord;
use store::{ConnectionTrait, Db};

use crate::jobs::MarketError;
use crate::notifier::Notifier;

pub use friends::Suggestion;
pub use recommendations::Recommendation;
pub use shares::SharedJob;

#[derive(Clone)]
pub struct Social {
    db: Db,
    notifier: Notifier,
}

impl Social {
    pub fn new(db: Db, notifier: Notifier) -> Self {
        Self { db, notifier }
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
