//! Freelancers to invite to a job: those who fit it best by skills, words,
//! rating and the client's friends (see `domain::matching` for the score).

use std::collections::{HashMap, HashSet};

use domain::matching::{Bm25, Connection, Signals, skill_overlap, tokenize};
use domain::{JobId, UserId};
use store::matching::{self, Candidate};
use store::users::UserRecord;
use store::{blocks, friendships, proposals};

use super::{Jobs, MarketError};

/// Freelancers with the job's skills looked at, at most.
const SKILLED_POOL: u64 = 500;
/// Friends of the client's friends looked at, at most.
const FRIENDS_OF_FRIENDS_POOL: u64 = 500;
/// Most suggestions one answer carries.
pub const MAX_SUGGESTED: usize = 50;

/// A freelancer suggested for a job, with why.
#[derive(Debug, Clone)]
pub struct Suggested {
    pub user: UserRecord,
    pub headline: String,
    pub signals: Signals,
    pub score: f64,
}

impl Jobs {
    /// The best-fitting freelancers for the client's own job, best first.
    /// Freelancers who already proposed, the client, and anyone blocked
    /// either way are left out, as is anyone who shares neither a skill nor a
    /// word with the job.
    pub async fn suggested_freelancers(
        &self,
        client: UserId,
        job_id: JobId,
        limit: usize,
    ) -> Result<Vec<Suggested>, MarketError> {
        let job = store::jobs::find(&self.db, job_id)
            .await?
            .filter(|job| job.client_id == client)
            .ok_or(MarketError::NotFound("job"))?;
        if job.hidden_at.is_some() {
            // Nobody can be invited to a hidden job.
            return Ok(Vec::new());
        }
        let friends: HashSet<UserId> = friendships::all_friend_ids(&self.db, client).await?.into_iter().collect();
        let friends_of_friends: HashSet<UserId> = friendships::suggestions(&self.db, client, FRIENDS_OF_FRIENDS_POOL)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut excluded: HashSet<UserId> = blocks::either_way_ids(&self.db, client).await?.into_iter().collect();
        excluded.extend(proposals::freelancers_on(&self.db, job_id).await?);
        excluded.insert(client);

        let mut pool = matching::with_job_skills(&self.db, job_id, SKILLED_POOL).await?;
        pool.extend(friends.iter().chain(&friends_of_friends).copied());
        let mut seen = HashSet::new();
        pool.retain(|id| !excluded.contains(id) && seen.insert(*id));
        let candidates = matching::candidates(&self.db, &pool).await?;

        let query = tokenize(&format!("{} {}", job.title, job.description));
        let index = Bm25::new(&candidates.iter().map(document).collect::<Vec<_>>());
        let relevance: Vec<f64> = (0..candidates.len()).map(|i| index.score(&query, i)).collect();
        let best = relevance.iter().copied().fold(0.0_f64, f64::max);
        let wanted: Vec<&str> = job.skills.iter().map(|s| s.slug.as_str()).collect();

        let mut ranked: Vec<(Candidate, Signals)> = candidates
            .into_iter()
            .zip(relevance)
            .map(|(candidate, text)| {
                let offered: Vec<&str> = candidate.skills.iter().map(|s| s.slug.as_str()).collect();
                let connection = if friends.contains(&candidate.user_id) {
                    Connection::Friend
                } else if friends_of_friends.contains(&candidate.user_id) {
                    Connection::FriendOfFriend
                } else {
                    Connection::None
                };
                let signals = Signals {
                    skill_overlap: skill_overlap(&wanted, &offered),
                    text: if best > 0.0 { text / best } else { 0.0 },
                    stars: candidate.stars,
                    connection,
                };
                (candidate, signals)
            })
            .filter(|(_, s)| s.skill_overlap > 0.0 || s.text > 0.0)
            .collect();
        ranked.sort_by(|(a, x), (b, y)| y.score().total_cmp(&x.score()).then(a.user_id.cmp(&b.user_id)));
        ranked.truncate(limit.clamp(1, MAX_SUGGESTED));

        let ids: Vec<UserId> = ranked.iter().map(|(c, _)| c.user_id).collect();
        let mut users: HashMap<UserId, UserRecord> =
            store::users::find_many(&self.db, &ids).await?.into_iter().map(|u| (u.id, u)).collect();
        Ok(ranked
            .into_iter()
            .filter_map(|(candidate, signals)| {
                let user = users.remove(&candidate.user_id)?;
                Some(Suggested { user, headline: candidate.headline, score: signals.score(), signals })
            })
            .collect())
    }
}

/// The words a freelancer is known by: headline, bio, portfolio and the
/// titles of their completed contracts.
fn document(candidate: &Candidate) -> Vec<String> {
    let mut text = format!("{} {}", candidate.headline, candidate.bio);
    for item in &candidate.portfolio {
        text.push(' ');
        text.push_str(&item.title);
        text.push(' ');
        text.push_str(&item.description);
    }
    for title in &candidate.past_work {
        text.push(' ');
        text.push_str(title);
    }
    tokenize(&text)
}
