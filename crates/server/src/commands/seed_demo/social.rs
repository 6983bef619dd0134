//! Demo friendships: one well-connected user with a thousand friends (the
//! first demo client), and random pairs among everyone else up to the asked
//! total, so that friend lists and suggestions have a real graph to walk.

use std::collections::HashSet;

use chrono::Utc;
use domain::UserId;
use domain::chat::pair;
use domain::user::Role;
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use store::{friendships, users};

use super::{DEMO_DOMAIN, progress};

/// Friends of the best-connected demo user.
pub const HUB_FRIENDS: usize = 1_000;
const BATCH: usize = 1_000;

/// Adds accepted friendships until the database holds `target` of them.
pub async fn seed_friendships(db: &store::Db, target: u32) -> anyhow::Result<u32> {
    let mut people = users::ids_at_domain(db, DEMO_DOMAIN, Role::Client).await?;
    let hub = people.first().copied();
    people.extend(users::ids_at_domain(db, DEMO_DOMAIN, Role::Freelancer).await?);
    let Some(hub) = hub.filter(|_| people.len() > 1) else {
        anyhow::ensure!(target == 0, "friendships need demo users: seed some users first");
        return Ok(0);
    };
    let mut taken: HashSet<(UserId, UserId)> = friendships::all_pairs(db).await?.into_iter().collect();
    // A small demo cannot hold more pairs than it has.
    let possible = people.len() * (people.len() - 1) / 2;
    let target = usize::try_from(target).unwrap_or(usize::MAX).min(possible);
    if taken.len() >= target {
        return Ok(0);
    }
    let bar = progress("friends", u64::try_from(target).unwrap_or(u64::MAX))?;
    bar.set_position(u64::try_from(taken.len()).unwrap_or(0));
    let mut rng = StdRng::seed_from_u64(0x0F12_E4D5);
    let mut wanted: Vec<(UserId, UserId)> = Vec::new();
    // The hub's friends first, then random pairs.
    for other in people.iter().copied().filter(|p| *p != hub).take(HUB_FRIENDS) {
        if taken.len() + wanted.len() >= target {
            break;
        }
        if taken.insert(pair(hub, other)) {
            wanted.push((other, hub));
        }
    }
    let mut added = 0;
    let now = Utc::now();
    while taken.len() < target {
        let a = people[rng.gen_range(0..people.len())];
        let b = people[rng.gen_range(0..people.len())];
        if a != b && taken.insert(pair(a, b)) {
            wanted.push((a, b));
        }
        if wanted.len() >= BATCH || taken.len() >= target {
            friendships::insert_accepted(db, &wanted, now).await?;
            added += wanted.len();
            bar.inc(u64::try_from(wanted.len()).unwrap_or(0));
            wanted.clear();
        }
    }
    friendships::insert_accepted(db, &wanted, now).await?;
    added += wanted.len();
    bar.finish_and_clear();
    Ok(u32::try_from(added).unwrap_or(u32::MAX))
}
