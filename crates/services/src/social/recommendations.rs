//! Friends recommending freelancers to each other.

use chrono::Utc;
use domain::notification::NotificationKind;
use domain::pagination::{Page, PageRequest};
use domain::{RecommendationId, UserId};
use serde_json::json;
use store::friendships;
use store::recommendations::{self, RecommendationRecord};
use store::users::UserRecord;

use super::{Social, users_in_order, visible_user};
use crate::jobs::MarketError;

/// A recommendation with the people it names.
#[derive(Debug, Clone)]
pub struct Recommendation {
    pub record: RecommendationRecord,
    pub from: UserRecord,
    pub to: UserRecord,
    pub freelancer: UserRecord,
}

impl Social {
    /// `from` recommends `freelancer` to their friend `to`.
    pub async fn recommend(
        &self,
        from: UserId,
        to: UserId,
        freelancer: UserId,
        note: &str,
    ) -> Result<Recommendation, MarketError> {
        let note = domain::social::note(note)?;
        if to == from {
            return Err(MarketError::Invalid(domain::ValidationError::single(
                "to_user_id",
                "recommend to a friend, not yourself",
            )));
        }
        if freelancer == to {
            return Err(MarketError::Invalid(domain::ValidationError::single(
                "freelancer_id",
                "they cannot be recommended to themselves",
            )));
        }
        let to_user = visible_user(&self.db, from, to).await?;
        if !friendships::are_friends(&self.db, from, to).await? {
            return Err(MarketError::forbidden("not_friends", "you can recommend freelancers to your friends"));
        }
        let freelancer_user = visible_user(&self.db, from, freelancer)
            .await
            .ok()
            .filter(|u| u.is_freelancer)
            .ok_or(MarketError::NotFound("freelancer"))?;
        let from_user = store::users::find(&self.db, from).await?.ok_or(MarketError::NotFound("user"))?;
        let record = RecommendationRecord {
            id: RecommendationId::new(),
            from_user_id: from,
            to_user_id: to,
            freelancer_id: freelancer,
            note,
            created_at: Utc::now(),
        };
        let txn = store::begin_write(&self.db).await?;
        recommendations::insert(&txn, &record).await?;
        let payload = json!({"recommendation_id": record.id, "from_user_id": from, "freelancer_id": freelancer,
            "freelancer_name": freelancer_user.name});
        self.notifier.notify(&txn, to, NotificationKind::FreelancerRecommended, payload, record.created_at).await?;
        crate::reputation::refresh_rank(&txn, freelancer, record.created_at).await?;
        txn.commit().await?;
        Ok(Recommendation { record, from: from_user, to: to_user, freelancer: freelancer_user })
    }

    /// Recommendations the user received, or sent, newest first.
    pub async fn recommendations(
        &self,
        user: UserId,
        received: bool,
        page: &PageRequest<RecommendationId>,
    ) -> Result<Page<Recommendation>, MarketError> {
        let found = recommendations::list(&self.db, user, received, page).await?;
        let mut ids: Vec<UserId> =
            found.items.iter().flat_map(|r| [r.from_user_id, r.to_user_id, r.freelancer_id]).collect();
        ids.sort_unstable();
        ids.dedup();
        let people: std::collections::HashMap<UserId, UserRecord> =
            users_in_order(&self.db, &ids).await?.into_iter().map(|u| (u.id, u)).collect();
        let items = found
            .items
            .into_iter()
            .filter_map(|record| {
                Some(Recommendation {
                    from: people.get(&record.from_user_id)?.clone(),
                    to: people.get(&record.to_user_id)?.clone(),
                    freelancer: people.get(&record.freelancer_id)?.clone(),
                    record,
                })
            })
            .collect();
        Ok(Page { items, next_cursor: found.next_cursor })
    }

    /// How often the freelancer was recommended.
    pub async fn times_recommended(&self, freelancer: UserId) -> Result<u64, MarketError> {
        Ok(recommendations::count_for(&self.db, freelancer).await?)
    }
}
