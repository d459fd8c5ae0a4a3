//! Seeded fault injection: the draw deciding each request's fate, and the responses of a
//! dropped connection and of a 429.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::config::{FaultRates, Faults};
use crate::error::ApiError;
use crate::routes::Class;

/// What the fault draw decided for one request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Outcome {
    Pass,
    DropBefore,
    Error500,
    Error503,
    TooMany,
    DropAfter,
}

/// The fault configuration and the generator seeded from it.
pub(super) struct FaultState {
    faults: Faults,
    rng: fastrand::Rng,
}

impl FaultState {
    /// The generator restarted from `faults.seed`.
    pub(super) fn new(faults: Faults) -> Self {
        FaultState {
            rng: fastrand::Rng::with_seed(faults.seed),
            faults,
        }
    }

    /// Draws the fault decision for one request. Always consumes exactly two numbers, so
    /// the sequence depends only on the seed and the order of requests.
    pub(super) fn draw(&mut self, class: Class) -> (Outcome, Option<Duration>) {
        let u = self.rng.f64();
        let l = self.rng.f64();
        let rates: &FaultRates = match class {
            Class::Read => &self.faults.reads,
            Class::Write => &self.faults.writes,
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

/// A 429 whose `Retry-After` is the whole second at or after `at`, as an HTTP date.
pub(super) fn too_many(at: SystemTime) -> Response {
    let mut r = ApiError::rate_limited().into_response();
    if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(ceil_second(at))) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

/// A response whose body fails before anything is written: hyper then aborts the
/// connection without sending the status line, so the client sees a transport error
/// ("connection closed before message completed").
pub(super) fn dropped() -> Response {
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
