//! What every bulk call shares: many one-item requests, a bounded number in flight at once,
//! a progress callback, and one result per input item in input order. Attio has no bulk
//! endpoint, so records and list entries both run their bulk writes on this.

use std::future::Future;

use futures_util::StreamExt;
use futures_util::stream;

use crate::error::Error;

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
