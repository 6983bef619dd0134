//! Idempotency keys for money-moving requests (`Idempotency-Key`): the same
//! key with the same request replays the first answer instead of moving
//! money again; the same key with another request is refused.

use chrono::Utc;
use domain::UserId;
use sha2::{Digest as _, Sha256};
use store::Db;
use store::idempotency::{self, Claim};

use crate::Internal;

#[derive(Debug, thiserror::Error)]
pub enum IdempotencyError {
    #[error("Idempotency-Key must be 1 to 200 visible ASCII characters")]
    BadKey,
    #[error("this Idempotency-Key was used for a different request")]
    Reused,
    #[error("a request with this Idempotency-Key is still being processed")]
    InProgress,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<store::StoreError> for IdempotencyError {
    fn from(err: store::StoreError) -> Self {
        Self::Internal(err.into())
    }
}

/// What to do with a keyed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keyed {
    /// First time: run it, then [`Idempotency::finish`] or [`Idempotency::abandon`].
    Run,
    /// Seen and answered: send this status and JSON body again.
    Replay(u16, String),
}

#[derive(Clone)]
pub struct Idempotency {
    db: Db,
}

impl Idempotency {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Claims `key` for `request` (a description of what is asked, e.g. the
    /// route and body), or says how to answer a repeat.
    pub async fn begin(&self, user: UserId, key: &str, request: &str) -> Result<Keyed, IdempotencyError> {
        if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(IdempotencyError::BadKey);
        }
        let hash: String = Sha256::digest(request.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        match idempotency::claim(&self.db, user, key, &hash, Utc::now()).await? {
            Claim::New => Ok(Keyed::Run),
            Claim::Taken { request_hash, .. } if request_hash != hash => Err(IdempotencyError::Reused),
            Claim::Taken { answer: Some((status, body)), .. } => Ok(Keyed::Replay(status, body)),
            Claim::Taken { answer: None, .. } => Err(IdempotencyError::InProgress),
        }
    }

    /// Keeps the answer to replay for later repeats.
    pub async fn finish(&self, user: UserId, key: &str, status: u16, body: &str) -> Result<(), Internal> {
        Ok(idempotency::complete(&self.db, user, key, status, body).await?)
    }

    /// Frees the key of a request that did not succeed, so that it can be retried.
    pub async fn abandon(&self, user: UserId, key: &str) -> Result<(), Internal> {
        Ok(idempotency::abandon(&self.db, user, key).await?)
    }
}
