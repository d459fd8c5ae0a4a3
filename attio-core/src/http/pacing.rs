//! Client-side pacing: one budget for reads and one for writes, shared by every clone of a
//! [`Client`](crate::Client), so that a program stays under Attio's limits instead of
//! bouncing off them.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Requests per second the client allows itself, separately for reads and writes.
///
/// Attio allows 100 reads and 25 writes per second for a whole workspace
/// (<https://docs.attio.com/rest-api/guides/rate-limiting>); those are the defaults. Lower them
/// when other integrations share the workspace. A query counts as a read.
///
/// ```
/// use attio_core::RateLimits;
/// let shared = RateLimits { reads_per_second: 50, writes_per_second: 10 };
/// assert_eq!(RateLimits::default().writes_per_second, 25);
/// # let _ = shared;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// GETs and queries per second (Attio: 100).
    pub reads_per_second: u32,
    /// Creates, updates, asserts and deletes per second (Attio: 25).
    pub writes_per_second: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            reads_per_second: 100,
            writes_per_second: 25,
        }
    }
}

/// Which budget a request draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Read,
    Write,
}

/// The shared state of both budgets.
#[derive(Debug)]
pub(crate) struct Pacer {
    reads: Lane,
    writes: Lane,
}

/// One budget: requests are spaced `interval` apart, and none leaves before `paused_until`.
///
/// This is a token bucket holding a single token (GCRA with no burst): a budget of 25/s
/// sends at most 25 requests in any one-second window, whichever way the server counts.
#[derive(Debug)]
struct Lane {
    interval: Option<Duration>,
    state: Mutex<LaneState>,
}

#[derive(Debug)]
struct LaneState {
    /// The earliest time the next request may leave.
    next: Option<Instant>,
}

impl Lane {
    fn new(per_second: Option<u32>) -> Self {
        Lane {
            interval: per_second
                .filter(|&n| n > 0)
                .map(|n| Duration::from_secs(1) / n),
            state: Mutex::new(LaneState { next: None }),
        }
    }

    /// Reserves the next slot and returns when it comes.
    fn reserve(&self, now: Instant) -> Instant {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let slot = s.next.map_or(now, |next| next.max(now));
        let after = self.interval.map_or(slot, |i| slot + i);
        // Without a budget only a pause holds requests back; forget it once it has passed.
        s.next = if self.interval.is_some() || after > now {
            Some(after)
        } else {
            None
        };
        slot
    }

    fn pause_until(&self, until: Instant) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.next = Some(s.next.map_or(until, |n| n.max(until)));
    }
}

impl Pacer {
    /// Budgets from `limits`, or none at all.
    pub(crate) fn new(limits: Option<RateLimits>) -> Self {
        Pacer {
            reads: Lane::new(limits.map(|l| l.reads_per_second)),
            writes: Lane::new(limits.map(|l| l.writes_per_second)),
        }
    }

    fn lane(&self, class: Class) -> &Lane {
        match class {
            Class::Read => &self.reads,
            Class::Write => &self.writes,
        }
    }

    /// Waits for this request's turn.
    pub(crate) async fn acquire(&self, class: Class) {
        let slot = self.lane(class).reserve(Instant::now());
        if slot > Instant::now() {
            tokio::time::sleep_until(slot).await;
        }
    }

    /// Holds back every request of `class`, from every clone, for `wait` (after a 429).
    pub(crate) fn pause(&self, class: Class, wait: Duration) {
        self.lane(class).pause_until(Instant::now() + wait);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn limits(reads: u32, writes: u32) -> Option<RateLimits> {
        Some(RateLimits {
            reads_per_second: reads,
            writes_per_second: writes,
        })
    }

    #[tokio::test(start_paused = true)]
    async fn writes_are_spaced_to_the_budget() {
        let pacer = Pacer::new(limits(100, 25));
        let start = Instant::now();
        let mut times = Vec::new();
        for _ in 0..50 {
            pacer.acquire(Class::Write).await;
            times.push(start.elapsed());
        }
        assert_eq!(times[0], Duration::ZERO);
        assert_eq!(times[1], Duration::from_millis(40));
        assert_eq!(times[49], Duration::from_millis(49 * 40));
        // No one-second window holds more than 25.
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..]
                .iter()
                .take_while(|u| **u < *t + Duration::from_secs(1))
                .count();
            assert!(
                in_window <= 25,
                "{in_window} writes within a second from {t:?}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn reads_and_writes_have_separate_budgets() {
        let pacer = Pacer::new(limits(100, 25));
        let start = Instant::now();
        pacer.acquire(Class::Write).await;
        pacer.acquire(Class::Read).await;
        pacer.acquire(Class::Read).await;
        assert_eq!(start.elapsed(), Duration::from_millis(10));
        pacer.acquire(Class::Write).await;
        assert_eq!(start.elapsed(), Duration::from_millis(40));
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_share_one_budget() {
        let pacer = Arc::new(Pacer::new(limits(100, 10)));
        let start = Instant::now();
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let p = Arc::clone(&pacer);
                tokio::spawn(async move {
                    p.acquire(Class::Write).await;
                    start.elapsed()
                })
            })
            .collect();
        let mut times = Vec::new();
        for t in tasks {
            times.push(t.await.unwrap());
        }
        times.sort();
        let expected: Vec<_> = (0..20).map(|i| Duration::from_millis(100 * i)).collect();
        assert_eq!(times, expected);
    }

    #[tokio::test(start_paused = true)]
    async fn pause_holds_back_only_its_class() {
        let pacer = Pacer::new(limits(100, 25));
        let start = Instant::now();
        pacer.pause(Class::Write, Duration::from_millis(700));
        pacer.acquire(Class::Read).await;
        assert_eq!(start.elapsed(), Duration::ZERO);
        pacer.acquire(Class::Write).await;
        assert_eq!(start.elapsed(), Duration::from_millis(700));
        pacer.acquire(Class::Write).await;
        assert_eq!(start.elapsed(), Duration::from_millis(740));
    }

    #[tokio::test(start_paused = true)]
    async fn without_limits_nothing_waits_but_a_pause() {
        let pacer = Pacer::new(None);
        let start = Instant::now();
        for _ in 0..1000 {
            pacer.acquire(Class::Write).await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
        pacer.pause(Class::Write, Duration::from_millis(300));
        pacer.acquire(Class::Write).await;
        pacer.acquire(Class::Write).await;
        assert_eq!(start.elapsed(), Duration::from_millis(300));
        tokio::time::advance(Duration::from_secs(1)).await;
        let later = Instant::now();
        pacer.acquire(Class::Write).await;
        assert_eq!(later.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn idle_time_is_not_saved_up_as_a_burst() {
        let pacer = Pacer::new(limits(100, 25));
        pacer.acquire(Class::Write).await;
        tokio::time::advance(Duration::from_secs(5)).await;
        let start = Instant::now();
        pacer.acquire(Class::Write).await;
        pacer.acquire(Class::Write).await;
        assert_eq!(start.elapsed(), Duration::from_millis(40));
    }
}
