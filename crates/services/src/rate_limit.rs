//! Login throttling, per account and per client address, so that neither one
//! address guessing many passwords nor many addresses guessing one account's
//! password get far. Limits are kept in process (GCRA via `governor`).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// A burst of attempts, refilled one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub burst: u32,
    pub refill_every: Duration,
}

impl Limit {
    fn quota(self) -> Quota {
        let burst = NonZeroU32::new(self.burst).unwrap_or(NonZeroU32::MIN);
        Quota::with_period(self.refill_every.max(Duration::from_micros(1)))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    pub per_account: Limit,
    pub per_address: Limit,
}

impl Default for LoginLimits {
    /// Ten quick tries per account then one a minute; a hundred per address
    /// then one a second, which an office behind one NAT will not notice.
    fn default() -> Self {
        Self {
            per_account: Limit { burst: 10, refill_every: Duration::from_secs(60) },
            per_address: Limit { burst: 100, refill_every: Duration::from_secs(1) },
        }
    }
}

pub struct LoginLimiter {
    per_account: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
}

impl LoginLimiter {
    pub fn new(limits: LoginLimits) -> Self {
        Self {
            per_account: RateLimiter::keyed(limits.per_account.quota()),
            per_address: RateLimiter::keyed(limits.per_address.quota()),
        }
    }

    /// Takes one attempt from both budgets, or says how long to wait.
    pub fn check(&self, account: &str, address: Option<IpAddr>) -> Result<(), Duration> {
        let now = DefaultClock::default().now();
        if let Some(ip) = address {
            self.per_address.check_key(&ip).map_err(|denied| denied.wait_time_from(now))?;
        }
        self.per_account.check_key(&account.to_owned()).map_err(|denied| denied.wait_time_from(now))
    }

    /// Forgets keys whose budget is full again; called periodically so that
    /// memory does not grow with every address ever seen.
    pub fn forget_idle(&self) {
        self.per_account.retain_recent();
        self.per_address.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_the_burst_and_says_when_to_retry() {
        let limiter = LoginLimiter::new(LoginLimits {
            per_account: Limit { burst: 2, refill_every: Duration::from_secs(60) },
            per_address: Limit { burst: 100, refill_every: Duration::from_secs(1) },
        });
        assert!(limiter.check("a@example.com", None).is_ok());
        assert!(limiter.check("a@example.com", None).is_ok());
        let wait = limiter.check("a@example.com", None).expect_err("limited");
        assert!(wait > Duration::from_secs(50) && wait <= Duration::from_secs(60), "{wait:?}");
        assert!(limiter.check("b@example.com", None).is_ok(), "other accounts are unaffected");
    }
}
