//! What every bulk call shares: many one-item requests, a bounded number in flight at once,
//! a progress callback, and one result per input item in input order. Attio has no bulk
//! endpoint, so records and list entries both run their bulk writes on this.

use std::future::Future;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream;

use crate::error::Error;
use crate::http::pacing::RateLimits;

/// The round trip a bulk call's default concurrency is sized for (an Attio write takes a
/// few hundred milliseconds).
const SIZED_FOR_ROUND_TRIP: Duration = Duration::from_millis(500);

/// The fewest requests a bulk call keeps in flight by default, and the default without a
/// write budget.
const MIN_DEFAULT_CONCURRENCY: usize = 8;

/// The most requests a bulk call keeps in flight unless told otherwise.
const MAX_DEFAULT_CONCURRENCY: usize = 32;

/// Requests in flight by default: enough to keep the write budget busy at a round trip of
/// up to 500 ms (`writes_per_second × 0.5`, 13 at Attio's 25 writes/s), within `8..=32`;
/// 8 without a budget. A call sends at most `concurrency ÷ round trip` requests a second,
/// and never more than the budget allows.
pub(crate) fn default_concurrency(limits: Option<RateLimits>) -> usize {
    match limits {
        Some(l) if l.writes_per_second > 0 => {
            let n = f64::from(l.writes_per_second) * SIZED_FOR_ROUND_TRIP.as_secs_f64();
            (n.ceil() as usize).clamp(MIN_DEFAULT_CONCURRENCY, MAX_DEFAULT_CONCURRENCY)
        }
        _ => MIN_DEFAULT_CONCURRENCY,
    }
}

/// How far a bulk call has got, handed to the `on_progress` callback of a bulk call
/// ([`Bulk::on_progress`](crate::Bulk::on_progress),
/// [`EntryBulk::on_progress`](crate::api::EntryBulk::on_progress)) after each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Items (records or entries) in the call.
    pub total: usize,
    /// Items finished, successfully or not.
    pub done: usize,
    /// Items written.
    pub succeeded: usize,
    /// Items that failed (their error is in the result).
    pub failed: usize,
}

/// The progress callback of a bulk call.
pub(crate) type ProgressFn = Box<dyn FnMut(&Progress) + Send>;

/// Runs `run` on every job, at most `concurrency` at once, calling `progress` after each,
/// and returns the results in the order of `jobs`.
pub(crate) async fn run_ordered<J, O, F, Fut>(
    jobs: Vec<J>,
    concurrency: usize,
    mut progress: Option<ProgressFn>,
    run: F,
) -> Vec<Result<O, Error>>
where
    F: Fn(J) -> Fut,
    Fut: Future<Output = Result<O, Error>>,
{
    let total = jobs.len();
    let mut counts = Progress {
        total,
        done: 0,
        succeeded: 0,
        failed: 0,
    };
    let mut finished: Vec<(usize, Result<O, Error>)> = Vec::with_capacity(total);
    let run = &run;
    let mut pending = stream::iter(jobs.into_iter().enumerate())
        .map(|(i, job)| async move { (i, run(job).await) })
        .buffer_unordered(concurrency.max(1));
    while let Some((i, result)) = pending.next().await {
        counts.done += 1;
        if result.is_ok() {
            counts.succeeded += 1;
        } else {
            counts.failed += 1;
        }
        if let Some(f) = progress.as_mut() {
            f(&counts);
        }
        finished.push((i, result));
    }
    // Every index was produced exactly once; put them back in input order.
    finished.sort_unstable_by_key(|(i, _)| *i);
    finished.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_concurrency_follows_the_write_budget() {
        let writes = |n| {
            Some(RateLimits {
                reads_per_second: 100,
                writes_per_second: n,
            })
        };
        assert_eq!(default_concurrency(writes(25)), 13);
        assert_eq!(default_concurrency(writes(5)), 8);
        assert_eq!(default_concurrency(writes(40)), 20);
        assert_eq!(default_concurrency(writes(250)), 32);
        assert_eq!(default_concurrency(None), 8);
    }
}
