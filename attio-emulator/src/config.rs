//! The public configuration and counter types: rate limits, fault rates, faults and stats.

use std::time::Duration;

/// Per-API-key rate limits, as token buckets whose capacity is the per-second limit and
/// which refill continuously.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Reads (GET, `records/query`) per second.
    pub reads_per_second: u32,
    /// Writes (POST, PUT, PATCH, DELETE) per second.
    pub writes_per_second: u32,
}

impl Default for RateLimits {
    /// Attio's documented limits: 100 reads/s, 25 writes/s.
    fn default() -> Self {
        RateLimits {
            reads_per_second: 100,
            writes_per_second: 25,
        }
    }
}

/// Fault shares for one route class (reads or writes). Shares are in `0..=1`; they are
/// tried in the order drop-before, 500, 503, 429, drop-after, so their sum should stay
/// at or below 1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FaultRates {
    /// Share of requests answered `500` with an Attio-style error body, not processed.
    pub error_500: f64,
    /// Share of requests answered `503`, not processed.
    pub error_503: f64,
    /// Share of requests answered `429 rate_limit_exceeded` with `Retry-After`, not processed.
    pub rate_limit_429: f64,
    /// Share of requests whose connection is dropped before they are processed.
    pub drop_before: f64,
    /// Share of requests processed (writes stored) whose connection is then dropped.
    pub drop_after: f64,
    /// Added latency, uniform between the two bounds, for every request of the class.
    pub latency: Option<(Duration, Duration)>,
}

/// Fault injection configuration. The default injects nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Faults {
    /// Seed of the generator that decides which requests fail.
    pub seed: u64,
    /// Faults for reads (GET, `records/query`, `entries/query`).
    pub reads: FaultRates,
    /// Faults for writes.
    pub writes: FaultRates,
}

/// The answer of a [`ScriptedFault`], sent instead of processing the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Injected {
    /// `500` with an Attio-style error body (counted in [`Stats::injected_500`]).
    Error500,
    /// `503` with an Attio-style error body (counted in [`Stats::injected_503`]).
    Error503,
    /// `429 rate_limit_exceeded` with a `Retry-After` date (counted in
    /// [`Stats::injected_429`]).
    TooMany,
}

/// One deterministic fault: the `nth` request (counting from 1) with this method and path
/// is answered [`Injected`] instead of being processed, once. Requests are counted from
/// the moment the fault is added, among those that passed authentication and the rate
/// limiter (the ones that would be processed), so a test can fail "the third page of this
/// query" whatever the fault shares and the seed say.
///
/// ```
/// use attio_emulator::{Injected, ScriptedFault};
/// let third_page = ScriptedFault::new("POST", "/v2/objects/people/records/query", 3, Injected::Error503);
/// assert_eq!(third_page.nth, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptedFault {
    /// The HTTP method, e.g. `POST` (compared without regard to case).
    pub method: String,
    /// The request path as sent, without the query string, e.g.
    /// `/v2/objects/people/records/query`.
    pub path: String,
    /// Which matching request fails, counting from 1.
    pub nth: u64,
    /// What it is answered.
    pub answer: Injected,
}

impl ScriptedFault {
    /// The `nth` request of `method` on `path` answered `answer`.
    pub fn new(
        method: impl Into<String>,
        path: impl Into<String>,
        nth: u64,
        answer: Injected,
    ) -> Self {
        ScriptedFault {
            method: method.into(),
            path: path.into(),
            nth,
            answer,
        }
    }
}

/// Request and fault counters since start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests classified as reads (counted on arrival, whatever their outcome).
    pub read_requests: u64,
    /// Requests classified as writes.
    pub write_requests: u64,
    /// Requests answered 401.
    pub unauthorized: u64,
    /// Requests answered 429 by the rate limiter.
    pub rate_limited: u64,
    /// Requests answered 429 by fault injection.
    pub injected_429: u64,
    /// Requests answered 500 by fault injection.
    pub injected_500: u64,
    /// Requests answered 503 by fault injection.
    pub injected_503: u64,
    /// Connections dropped before processing.
    pub dropped_before: u64,
    /// Connections dropped after processing (the response was lost).
    pub dropped_after: u64,
    /// Successful writes (records and entries created, updated, deleted; objects,
    /// lists, attributes, options and statuses created; lists updated).
    pub writes_stored: u64,
}

impl Stats {
    /// All 429 responses, from the limiter and injected.
    pub fn total_429(&self) -> u64 {
        self.rate_limited + self.injected_429
    }
}
