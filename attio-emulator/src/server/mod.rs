//! The layer every request passes before its route: counters, the fault draw,
//! authentication, rate limiting and injected faults. The class of a request (read or
//! write) is the one its route declared. Every answer carries a fresh
//! `x-attio-execution-id`, as Attio's do. The OAuth pages (`/authorize`, `/oauth/token`)
//! are not API calls: they pass without a key, a budget or faults.

mod faults;
mod limiter;
mod scripted;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::{Faults, Injected, RateLimits, ScriptedFault, Stats};
use crate::error::ApiError;
use crate::routes::{Class, Classes};
use crate::store::Store;
use faults::{FaultState, Outcome, dropped, too_many};
use limiter::Limiter;
use scripted::Scripted;

#[derive(Default)]
struct Counters {
    read_requests: AtomicU64,
    write_requests: AtomicU64,
    unauthorized: AtomicU64,
    rate_limited: AtomicU64,
    injected_429: AtomicU64,
    injected_500: AtomicU64,
    injected_503: AtomicU64,
    dropped_before: AtomicU64,
    dropped_after: AtomicU64,
}

fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

/// What the layer in front of the routes shares: the accepted key, the store, the
/// limiter, the fault generator, the counters and the classes the routes declared.
pub(crate) struct Shared {
    api_key: String,
    store: Arc<Store>,
    classes: Classes,
    limiter: Mutex<Limiter>,
    faults: Mutex<FaultState>,
    scripted: Mutex<Scripted>,
    counters: Counters,
    /// The `x-attio-execution-id` of the latest answer.
    last_execution_id: Mutex<Option<String>>,
}

impl Shared {
    pub(crate) fn new(
        api_key: String,
        store: Arc<Store>,
        classes: Classes,
        limits: Option<RateLimits>,
        faults: Faults,
    ) -> Self {
        Shared {
            api_key,
            store,
            classes,
            limiter: Mutex::new(Limiter::new(limits)),
            faults: Mutex::new(FaultState::new(faults)),
            scripted: Mutex::new(Scripted::default()),
            counters: Counters::default(),
            last_execution_id: Mutex::new(None),
        }
    }

    /// The API key requests must bear.
    pub(crate) fn api_key(&self) -> &str {
        &self.api_key
    }

    /// The store behind the routes.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Replaces the fault configuration; the generator restarts from its seed.
    pub(crate) fn set_faults(&self, faults: Faults) {
        *self.faults.lock().unwrap_or_else(|e| e.into_inner()) = FaultState::new(faults);
    }

    /// Arms a scripted fault; its count of matching requests starts now.
    pub(crate) fn add_scripted(&self, fault: ScriptedFault) {
        self.scripted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .add(fault);
    }

    /// Replaces the rate limits; the buckets start full.
    pub(crate) fn set_rate_limits(&self, limits: Option<RateLimits>) {
        self.limiter
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .set(limits);
    }

    /// The `x-attio-execution-id` of the latest answer.
    pub(crate) fn last_execution_id(&self) -> Option<String> {
        self.last_execution_id
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The counters since start.
    pub(crate) fn stats(&self) -> Stats {
        let c = &self.counters;
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Stats {
            read_requests: g(&c.read_requests),
            write_requests: g(&c.write_requests),
            unauthorized: g(&c.unauthorized),
            rate_limited: g(&c.rate_limited),
            injected_429: g(&c.injected_429),
            injected_500: g(&c.injected_500),
            injected_503: g(&c.injected_503),
            dropped_before: g(&c.dropped_before),
            dropped_after: g(&c.dropped_after),
            writes_stored: self.store.writes_stored(),
        }
    }

    fn draw(&self, class: Class) -> (Outcome, Option<Duration>) {
        self.faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .draw(class)
    }

    /// The answer of a scripted fault this request fires, if any.
    fn scripted(&self, req: &Request) -> Option<Outcome> {
        let fired = self
            .scripted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .check(req.method().as_str(), req.uri().path())?;
        Some(match fired {
            Injected::Error500 => Outcome::Error500,
            Injected::Error503 => Outcome::Error503,
            Injected::TooMany => Outcome::TooMany,
        })
    }

    fn rate_limit(&self, key: &str, class: Class) -> Result<(), SystemTime> {
        self.limiter
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take(key, class)
    }
}

fn bearer(req: &Request) -> Option<&str> {
    let v = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The response header Attio puts its id of each request in.
const EXECUTION_ID: &str = "x-attio-execution-id";

/// The layer in front of every route (added with `Router::layer`, so it runs after
/// routing and sees the matched route): [`checked`], then a fresh request id on the answer.
pub(crate) async fn guard(State(sh): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    let mut response = if route.is_some_and(crate::routes::is_oauth_page) {
        next.run(req).await
    } else {
        checked(&sh, req, next).await
    };
    let id = uuid::Uuid::new_v4().to_string();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(EXECUTION_ID, value);
    }
    *sh.last_execution_id
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some(id);
    response
}

/// Counts, authenticates, rate-limits and draws the faults of one API request.
async fn checked(sh: &Shared, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    let class = sh.classes.of(req.method(), route);
    bump(match class {
        Class::Read => &sh.counters.read_requests,
        Class::Write => &sh.counters.write_requests,
    });
    let (outcome, latency) = sh.draw(class);
    // An OAuth access token is a key of the same workspace: it shares the key's budget.
    let key = match bearer(&req) {
        Some(k) if k == sh.api_key => k.to_string(),
        Some(k) if sh.store.oauth.accepts(k) => sh.api_key.clone(),
        _ => {
            bump(&sh.counters.unauthorized);
            return ApiError::unauthorized().into_response();
        }
    };
    if let Err(at) = sh.rate_limit(&key, class) {
        bump(&sh.counters.rate_limited);
        return too_many(at);
    }
    let outcome = sh.scripted(&req).unwrap_or(outcome);
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
