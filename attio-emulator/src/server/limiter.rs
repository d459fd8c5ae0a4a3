//! Per-API-key rate limits: a token bucket per key and class whose capacity is the
//! per-second limit and which refills continuously.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime};

use crate::config::RateLimits;
use crate::routes::Class;

/// A token bucket: capacity = rate, continuous refill.
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn full(rate: u32) -> Self {
        Bucket {
            tokens: f64::from(rate),
            last: Instant::now(),
        }
    }

    /// Takes a token, or returns how long until one is available.
    fn take(&mut self, rate: u32) -> Result<(), Duration> {
        let now = Instant::now();
        let rate = f64::from(rate.max(1));
        self.tokens = (self.tokens + now.duration_since(self.last).as_secs_f64() * rate).min(rate);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / rate))
        }
    }
}

/// The buckets of every API key, for reads and for writes.
pub(super) struct Limiter {
    limits: Option<RateLimits>,
    buckets: HashMap<String, (Bucket, Bucket)>,
}

impl Limiter {
    /// A limiter with these limits (`None`: no limit).
    pub(super) fn new(limits: Option<RateLimits>) -> Self {
        Limiter {
            limits,
            buckets: HashMap::new(),
        }
    }

    /// Replaces the limits; every bucket starts full.
    pub(super) fn set(&mut self, limits: Option<RateLimits>) {
        self.limits = limits;
        self.buckets.clear();
    }

    /// Takes a token for `key`/`class`, or returns the time at which one is available.
    pub(super) fn take(&mut self, key: &str, class: Class) -> Result<(), SystemTime> {
        let Some(limits) = self.limits else {
            return Ok(());
        };
        let entry = self.buckets.entry(key.to_string()).or_insert_with(|| {
            (
                Bucket::full(limits.reads_per_second),
                Bucket::full(limits.writes_per_second),
            )
        });
        let (b, rate) = match class {
            Class::Read => (&mut entry.0, limits.reads_per_second),
            Class::Write => (&mut entry.1, limits.writes_per_second),
        };
        b.take(rate).map_err(|wait| SystemTime::now() + wait)
    }
}
