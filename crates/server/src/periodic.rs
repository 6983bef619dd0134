//! Work repeated on a timer: the background loops of a server instance.

use std::future::Future;
use std::time::Duration;

/// Runs `round` at once and then every `period` until `shutdown` resolves
/// (pass `std::future::pending()` for a task that is aborted instead). A
/// round that overruns its period delays the next rather than letting
/// missed rounds run back to back.
pub async fn every<Round, Done>(period: Duration, shutdown: impl Future<Output = ()>, mut round: Round)
where
    Round: FnMut() -> Done,
    Done: Future<Output = ()>,
{
    let mut tick = tokio::time::interval(period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => return,
            _ = tick.tick() => round().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use tokio::time::{Instant, sleep};

    use super::*;

    /// When each round started, in milliseconds after `every` was called,
    /// with rounds taking `lengths` (the last length repeats) and the shutdown at `stop_ms`.
    async fn rounds(period_ms: u64, lengths: &[u64], stop_ms: u64) -> Vec<u64> {
        let start = Instant::now();
        let started = RefCell::new(Vec::new());
        let shutdown = sleep(Duration::from_millis(stop_ms));
        every(Duration::from_millis(period_ms), shutdown, || {
            let n = started.borrow().len();
            started.borrow_mut().push(u64::try_from(start.elapsed().as_millis()).expect("fits"));
            sleep(Duration::from_millis(lengths[n.min(lengths.len() - 1)]))
        })
        .await;
        started.into_inner()
    }

    #[tokio::test(start_paused = true)]
    async fn a_round_runs_at_once_then_every_period_until_shutdown() {
        assert_eq!(rounds(1_000, &[0], 3_500).await, [0, 1_000, 2_000, 3_000]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_round_that_overruns_delays_the_next_instead_of_letting_missed_rounds_pile_up() {
        assert_eq!(rounds(1_000, &[3_500, 0], 5_200).await, [0, 3_500, 4_500]);
    }
}
