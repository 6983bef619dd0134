//! argon2id password hashing with the OWASP-recommended parameters
//! (m = 19,456 KiB, t = 2, p = 1).
//!
//! Hashing is deliberately slow CPU work, so it runs on the blocking pool, and
//! a semaphore sized to the cores keeps a login burst from starting more
//! hashes than can make progress (each holds 19 MiB while it runs).

use std::sync::{Arc, LazyLock};

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::Internal;

fn argon2() -> Result<Argon2<'static>, Internal> {
    let params = Params::new(19_456, 2, 1, None).map_err(|e| Internal(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// One hash per core, and one more: the extra hash keeps the cores busy
/// while a finished one hands its slot to the next request.
static SLOTS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    Arc::new(Semaphore::new(cores + 1))
});

/// A hash of a password nobody has, verified against when the e-mail is
/// unknown so that a failed login takes as long whether or not the account exists.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash_blocking("not a real password").unwrap_or_default());

pub async fn hash(password: String) -> Result<String, Internal> {
    run(move || hash_blocking(&password)).await?
}

/// Whether `password` matches `hash`; a malformed stored hash never matches.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, Internal> {
    run(move || {
        let stored = hash.as_deref().unwrap_or(DUMMY_HASH.as_str());
        let matches = PasswordHash::new(stored)
            .is_ok_and(|parsed| argon2().is_ok_and(|a| a.verify_password(password.as_bytes(), &parsed).is_ok()));
        matches && hash.is_some()
    })
    .await
}

fn hash_blocking(password: &str) -> Result<String, Internal> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()?.hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| Internal(e.to_string()))
}

async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Internal> {
    let _slot = SLOTS.acquire().await.map_err(|e| Internal(e.to_string()))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| Internal(e.to_string()))
}

/// Raw hashes per second on all cores, for the benchmark's baseline.
pub async fn measure_hash_rate(seconds: u64) -> Result<f64, Internal> {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let workers: Vec<_> = (0..cores)
        .map(|_| {
            tokio::task::spawn_blocking(move || {
                let mut count = 0u64;
                while std::time::Instant::now() < deadline {
                    if hash_blocking("benchmark password").is_ok() {
                        count += 1;
                    }
                }
                count
            })
        })
        .collect();
    let mut total = 0u64;
    for worker in workers {
        total += worker.await.map_err(|e| Internal(e.to_string()))?;
    }
    Ok(total as f64 / seconds as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_use_argon2id_parameters() {
        let hash = hash("correct horse".into()).await.expect("hashes");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify("correct horse".into(), Some(hash.clone())).await.expect("runs"));
        assert!(!verify("wrong horse".into(), Some(hash)).await.expect("runs"));
        assert!(!verify("anything".into(), None).await.expect("runs"));
        assert!(!verify("anything".into(), Some("garbage".into())).await.expect("runs"));
    }
}
