//! Shared server state and the layer every request passes first: stats, fault draw,
//! authentication, rate limiting, injected faults.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::model::State;
use crate::config::{FaultRates, Faults, RateLimits, Stats};

/// Request class for rate limits and faults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Read,
    Write,
}

/// Reads are GETs and the query/search POSTs; everything else is a write.
pub(crate) fn classify(method: &Method, path: &str) -> Class {
    if method == Method::GET
        || method == Method::HEAD
        || (method == Method::POST
            && (path.ends_with("/records/query")
                || path.ends_with("/entries/query")
                || path.ends_with("/records/search")))
    {
        Class::Read
    } else {
        Class::Write
    }
}

#[derive(Default)]
pub(crate) struct Counters {
    read_requests: AtomicU64,
    write_requests: AtomicU64,
    unauthorized: AtomicU64,
    rate_limited: AtomicU64,
    injected_429: AtomicU64,
    injected_500: AtomicU64,
    injected_503: AtomicU64,
    dropped_before: AtomicU64,
    dropped_after: AtomicU64,
    writes_stored: AtomicU64,
}

fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

impl Counters {
    pub(crate) fn snapshot(&self) -> Stats {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Stats {
            read_requests: g(&self.read_requests),
            write_requests: g(&self.write_requests),
            unauthorized: g(&self.unauthorized),
            rate_limited: g(&self.rate_limited),
            injected_429: g(&self.injected_429),
            injected_500: g(&self.injected_500),
            injected_503: g(&self.injected_503),
            dropped_before: g(&self.dropped_before),
            dropped_after: g(&self.dropped_after),
            writes_stored: g(&self.writes_stored),
        }
    }
}

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

struct Limiter {
    limits: Option<RateLimits>,
    buckets: HashMap<String, (Bucket, Bucket)>,
}

struct FaultState {
    faults: Faults,
    rng: fastrand::Rng,
}

/// What the fault draw decided for one request.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    Pass,
    DropBefore,
    Error500,
    Error503,
    TooMany,
    DropAfter,
}

/// State shared by every handler.
pub(crate) struct Shared {
    pub api_key: String,
    state: RwLock<State>,
    limiter: Mutex<Limiter>,
    faults: Mutex<FaultState>,
    pub counters: Counters,
}

impl Shared {
    pub(crate) fn new(
        api_key: String,
        state: State,
        limits: Option<RateLimits>,
        faults: Faults,
    ) -> Self {
        Shared {
            api_key,
            state: RwLock::new(state),
            limiter: Mutex::new(Limiter {
                limits,
                buckets: HashMap::new(),
            }),
            faults: Mutex::new(FaultState {
                rng: fastrand::Rng::with_seed(faults.seed),
                faults,
            }),
            counters: Counters::default(),
        }
    }

    pub(crate) fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a successful write.
    pub(crate) fn stored(&self) {
        bump(&self.counters.writes_stored);
    }

    pub(crate) fn set_faults(&self, faults: Faults) {
        let mut f = self.faults.lock().unwrap_or_else(|e| e.into_inner());
        f.rng = fastrand::Rng::with_seed(faults.seed);
        f.faults = faults;
    }

    pub(crate) fn set_rate_limits(&self, limits: Option<RateLimits>) {
        let mut l = self.limiter.lock().unwrap_or_else(|e| e.into_inner());
        l.limits = limits;
        l.buckets.clear();
    }

    /// Draws the fault decision for one request. Always consumes exactly two numbers, so
    /// the sequence depends only on the seed and the order of requests.
    fn draw(&self, class: Class) -> (Outcome, Option<Duration>) {
        let mut f = self.faults.lock().unwrap_or_else(|e| e.into_inner());
        let u = f.rng.f64();
        let l = f.rng.f64();
        let rates: &FaultRates = match class {
            Class::Read => &f.faults.reads,
            Class::Write => &f.faults.writes,
        };
        let mut edge = 0.0;
        let mut outcome = Outcome::Pass;
        for (share, o) in [
            (rates.drop_before, Outcome::DropBefore),
            (rates.error_500, Outcome::Error500),
            (rates.error_503, Outcome::Error503),
            (rates.rate_limit_429, Outcome::TooMany),
            (rates.drop_after, Outcome::DropAfter),
        ] {
            edge += share.clamp(0.0, 1.0);
            if u < edge {
                outcome = o;
                break;
            }
        }
        let latency = rates.latency.map(|(lo, hi)| {
            let (lo, hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
            lo + (hi - lo).mul_f64(l)
        });
        (outcome, latency)
    }

    /// Takes a token for `key`/`class`, or returns the time at which one is available.
    fn rate_limit(&self, key: &str, class: Class) -> Result<(), SystemTime> {
        let mut l = self.limiter.lock().unwrap_or_else(|e| e.into_inner());
        let Some(limits) = l.limits else {
            return Ok(());
        };
        let (b, rate) = {
            let entry = l.buckets.entry(key.to_string()).or_insert_with(|| {
                (
                    Bucket::full(limits.reads_per_second),
                    Bucket::full(limits.writes_per_second),
                )
            });
            match class {
                Class::Read => (&mut entry.0, limits.reads_per_second),
                Class::Write => (&mut entry.1, limits.writes_per_second),
            }
        };
        b.take(rate).map_err(|wait| SystemTime::now() + wait)
    }
}

/// The next whole second at or after `t`.
fn ceil_second(t: SystemTime) -> SystemTime {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = if d.subsec_nanos() == 0 {
        d.as_secs()
    } else {
        d.as_secs() + 1
    };
    UNIX_EPOCH + Duration::from_secs(secs)
}

fn too_many(at: SystemTime) -> Response {
    let mut r = ApiError::rate_limited().into_response();
    if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(ceil_second(at))) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

/// A response whose body fails before anything is written: hyper then aborts the
/// connection without sending the status line, so the client sees a transport error
/// ("connection closed before message completed").
fn dropped() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "attio-emulator: injected connection drop",
        ))
    });
    let mut r = Response::new(Body::from_stream(stream));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn bearer(req: &Request) -> Option<&str> {
    let v = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The layer in front of every route.
pub(crate) async fn guard(AxState(sh): AxState<Arc<Shared>>, req: Request, next: Next) -> Response {
    let class = classify(req.method(), req.uri().path());
    bump(match class {
        Class::Read => &sh.counters.read_requests,
        Class::Write => &sh.counters.write_requests,
    });
    let (outcome, latency) = sh.draw(class);
    let key = match bearer(&req) {
        Some(k) if k == sh.api_key => k.to_string(),
        _ => {
            bump(&sh.counters.unauthorized);
            return ApiError::unauthorized().into_response();
        }
    };
    if let Err(at) = sh.rate_limit(&key, class) {
        bump(&sh.counters.rate_limited);
        return too_many(at);
    }
    if let Some(d) = latency {
        tokio::time::sleep(d).await;
    }
    match outcome {
        Outcome::Pass => next.run(req).await,
        Outcome::DropBefore => {
            bump(&sh.counters.dropped_before);
            dropped()
        }
        Outcome::Error500 => {
            bump(&sh.counters.injected_500);
            ApiError::internal(StatusCode::INTERNAL_SERVER_ERROR).into_response()
        }
        Outcome::Error503 => {
            bump(&sh.counters.injected_503);
            ApiError::internal(StatusCode::SERVICE_UNAVAILABLE).into_response()
        }
        Outcome::TooMany => {
            bump(&sh.counters.injected_429);
            too_many(SystemTime::now() + Duration::from_millis(1))
        }
        Outcome::DropAfter => {
            let _processed = next.run(req).await;
            bump(&sh.counters.dropped_after);
            dropped()
        }
    }
}
