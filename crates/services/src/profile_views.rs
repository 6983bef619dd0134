//! Counting who looks at profiles, for the owner's dashboard.
//!
//! A logged-in viewer other than the owner counts once per profile and UTC
//! day. An anonymous viewer counts once per profile and day per client
//! address: the address is not stored, only an id hashed from it together
//! with the day, so the same address cannot be followed from one day to the
//! next in the table. (Behind a proxy, set `DOWNWORK_TRUST_FORWARDED_FOR`, or
//! every anonymous visitor shares the proxy's address.)

use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use domain::UserId;
use domain::profile_view::{DayViews, fill_series, series_range};
use moka::sync::Cache;
use sha2::{Digest, Sha256};
use store::Db;
use store::profile_views::{self, View, Viewer};

use crate::jobs::MarketError;

/// Views already counted are remembered this long, so that a viewer reloading
/// a profile costs no write; a day is the longest a view can repeat in.
const SEEN_TTL: Duration = Duration::from_secs(24 * 60 * 60);
const SEEN_CAPACITY: u64 = 200_000;

/// Most views waiting to be written. Past it (the database has been away
/// for a while) new views are not counted rather than memory growing.
const PENDING_LIMIT: usize = 100_000;

/// Counts profile views. A view is written with the next [`ProfileViews::flush`]
/// (every second on each instance, and before the owner's figures are read
/// here), many views to one statement: reading a profile costs no write.
#[derive(Clone)]
pub struct ProfileViews {
    db: Db,
    seen: Cache<(UserId, Viewer, NaiveDate), ()>,
    pending: Arc<Mutex<Vec<View>>>,
}

impl ProfileViews {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            seen: Cache::builder().max_capacity(SEEN_CAPACITY).time_to_live(SEEN_TTL).build(),
            pending: Arc::default(),
        }
    }

    /// Counts a view of `profile` by `viewer` (or by an anonymous caller at
    /// `address`); the owner's own views and anonymous callers without an
    /// address do not count.
    pub fn record(&self, profile: UserId, viewer: Option<UserId>, address: Option<IpAddr>, now: DateTime<Utc>) {
        let day = now.date_naive();
        let viewer = match (viewer, address) {
            (Some(user), _) if user == profile => return,
            (Some(user), _) => Viewer::User(user),
            (None, Some(address)) => Viewer::Anonymous(anonymous_id(address, day)),
            (None, None) => return,
        };
        let key = (profile, viewer, day);
        if !self.seen.entry(key).or_insert(()).is_fresh() {
            return;
        }
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if pending.len() < PENDING_LIMIT {
            pending.push(View { profile, viewer, at: now });
        } else {
            self.seen.invalidate(&key);
        }
    }

    /// Writes the views counted since the last flush. Views that cannot be
    /// written are forgotten, and counted again when next seen.
    pub async fn flush(&self) -> Result<usize, crate::Internal> {
        let views = std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner));
        if views.is_empty() {
            return Ok(0);
        }
        if let Err(err) = profile_views::record_all(&self.db, &views).await {
            for view in &views {
                self.seen.invalidate(&(view.profile, view.viewer, view.at.date_naive()));
            }
            return Err(err.into());
        }
        Ok(views.len())
    }

    /// The owner's views per day from `from` to `to` (both included; the
    /// last 30 days by default), every day listed, zero where there were none.
    pub async fn series(
        &self,
        owner: UserId,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<Vec<DayViews>, MarketError> {
        let (from, to) = series_range(from, to, now.date_naive())?;
        // The views this instance has yet to write count too.
        self.flush().await?;
        let counted = profile_views::per_day(&self.db, owner, from, to).await?;
        Ok(fill_series(from, to, &counted))
    }
}

/// The stored stand-in for an anonymous viewer: a hash of the address and
/// the day, so one address counts once a day and is not linkable across days.
fn anonymous_id(address: IpAddr, day: NaiveDate) -> uuid::Uuid {
    let digest = Sha256::new()
        .chain_update(b"downwork profile view\0")
        .chain_update(day.to_string().as_bytes())
        .chain_update(b"\0")
        .chain_update(address.to_string().as_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_one_id_a_day_and_another_the_next_day() {
        let address: IpAddr = [203, 0, 113, 7].into();
        let day = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        let next = day.succ_opt().expect("date");
        assert_eq!(anonymous_id(address, day), anonymous_id(address, day));
        assert_ne!(anonymous_id(address, day), anonymous_id(address, next));
        assert_ne!(anonymous_id(address, day), anonymous_id([203, 0, 113, 8].into(), day));
    }
}
