//! Counting who looks at profiles, for the owner's dashboard.
//!
//! A logged-in viewer other than the owner counts once per profile and UTC
//! day. An anonymous viewer counts once per profile and day per client
//! address: the address is not stored, only an id hashed from it together
//! with the day, so the same address cannot be followed from one day to the
//! next in the table. (Behind a proxy, set `DOWNWORK_TRUST_FORWARDED_FOR`, or
//! every anonymous visitor shares the proxy's address.)

use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use domain::UserId;
use domain::profile_view::{DayViews, fill_series, series_range};
use moka::sync::Cache;
use sha2::{Digest, Sha256};
use store::Db;
use store::profile_views::{self, Viewer};

use crate::jobs::MarketError;

/// Views already stored are remembered this long, so that a viewer reloading
/// a profile costs no write; a day is the longest a view can repeat in.
const SEEN_TTL: Duration = Duration::from_secs(24 * 60 * 60);
const SEEN_CAPACITY: u64 = 200_000;

#[derive(Clone)]
pub struct ProfileViews {
    db: Db,
    seen: Cache<(UserId, Viewer, NaiveDate), ()>,
}

impl ProfileViews {
    pub fn new(db: Db) -> Self {
        Self { db, seen: Cache::builder().max_capacity(SEEN_CAPACITY).time_to_live(SEEN_TTL).build() }
    }

    /// Counts a view of `profile` by `viewer` (or by an anonymous caller at
    /// `address`); the owner's own views and anonymous callers without an
    /// address do not count.
    pub async fn record(
        &self,
        profile: UserId,
        viewer: Option<UserId>,
        address: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<(), crate::Internal> {
        let day = now.date_naive();
        let viewer = match (viewer, address) {
            (Some(user), _) if user == profile => return Ok(()),
            (Some(user), _) => Viewer::User(user),
            (None, Some(address)) => Viewer::Anonymous(anonymous_id(address, day)),
            (None, None) => return Ok(()),
        };
        let key = (profile, viewer, day);
        if self.seen.contains_key(&key) {
            return Ok(());
        }
        profile_views::record(&self.db, profile, viewer, now).await?;
        self.seen.insert(key, ());
        Ok(())
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
