//! The retry policy, and the pure function that decides, after each failed attempt, whether
//! and how to try again.
//!
//! Everything here is free of I/O and clocks: the send loop in `send.rs` describes what
//! happened ([`Attempt`]) and does what [`decide`] says.

use std::time::{Duration, SystemTime};

use super::request::Safety;

/// How hard the client tries before giving up on a call.
///
/// A rate-limited request (429) is always sent again, after the `Retry-After` Attio asks for;
/// server errors (5xx) and transport failures are retried with jittered exponential backoff
/// where resending cannot do harm. `max_attempts` and `max_total_wait` bound all of it.
///
/// ```
/// use std::time::Duration;
/// use attio_core::RetryPolicy;
///
/// let patient = RetryPolicy { max_attempts: 10, ..RetryPolicy::default() };
/// let none = RetryPolicy::none();
/// assert_eq!(none.max_attempts, 1);
/// assert!(patient.max_total_wait >= Duration::from_secs(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Requests sent for one call at most, the first included (at least 1). The lookup
    /// that follows a record create whose outcome is unknown is not counted when it finds
    /// nothing.
    pub max_attempts: u32,
    /// The most time spent waiting between attempts of one call, summed.
    pub max_total_wait: Duration,
    /// The backoff before the first retry; it doubles with every further retry.
    pub base_delay: Duration,
    /// The longest single backoff.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// 5 attempts, at most 30 s of waiting, backoff from 250 ms doubling up to 8 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            max_total_wait: Duration::from_secs(30),
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// Never retry: every call sends one request.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The backoff before retry number `retry` (1 for the first retry), before jitter:
    /// `base_delay * 2^(retry-1)`, capped at `max_delay`.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.saturating_sub(1).min(20);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// How one attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// 429: Attio processed nothing. `retry_after` is how long Attio asked to wait, when it
    /// said.
    RateLimited { retry_after: Option<Duration> },
    /// A 5xx (or 408): the request may or may not have been processed.
    ServerError { status: u16 },
    /// The connection could not be made: the request never left.
    NotSent,
    /// The connection broke or timed out after the request may have been sent: the outcome
    /// is unknown.
    ResponseLost,
    /// Any other error status (4xx): Attio looked at the request and refused it.
    Refused { status: u16 },
}

impl Outcome {
    /// Whether Attio may have acted on the request.
    pub(crate) fn maybe_applied(self) -> bool {
        matches!(self, Outcome::ServerError { .. } | Outcome::ResponseLost)
    }
}

/// Everything [`decide`] looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attempt {
    /// How safe the request is to send again.
    pub safety: Safety,
    /// Whether the request is a DELETE: a 404 after an earlier attempt that may have been
    /// applied means it is done.
    pub delete: bool,
    /// How the attempt failed.
    pub outcome: Outcome,
    /// Which attempt this was, the first being 1.
    pub attempt: u32,
    /// Time already spent waiting between the earlier attempts of this call.
    pub waited: Duration,
    /// Whether an earlier attempt of this call may have been applied (its response was lost,
    /// or it got a 5xx).
    pub earlier_maybe_applied: bool,
    /// A number in `0.0..1.0` that spreads the backoff (random in the client, fixed in tests).
    pub jitter: f64,
}

/// Why a call is not tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GiveUp {
    /// Resending would not help: Attio refused the request (a 4xx).
    NotRetryable,
    /// `max_attempts` requests were sent.
    AttemptsExhausted,
    /// The next wait would go past `max_total_wait`.
    WaitExhausted,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    /// Send the same request again after the delay.
    Retry { after: Duration },
    /// A create whose outcome is unknown: resending it blindly could store it twice. The
    /// caller may check what happened (a lookup) and act on it after the delay.
    Unsettled { after: Duration },
    /// The call already had the effect it asked for (a DELETE answered 404 after an earlier
    /// attempt may have deleted the record).
    Done,
    /// Report the error.
    GiveUp(GiveUp),
}

/// The shortest wait after a 429, whatever `Retry-After` says: an HTTP date has a resolution
/// of one second, so a date "in the past" usually means "now".
pub(crate) const MIN_RATE_LIMIT_WAIT: Duration = Duration::from_millis(50);

/// Decides what to do after a failed attempt. Pure: the same input gives the same answer.
///
/// | outcome | request | decision |
/// |---|---|---|
/// | 429 | any | retry after `Retry-After` (at least 50 ms, plus up to 10 % jitter), or the backoff if absent |
/// | connect error (never sent) | any | retry after the backoff, as the same request |
/// | 5xx / response lost | read, idempotent write | retry after the backoff |
/// | 5xx / response lost | create | unsettled: the caller checks or resends after the backoff |
/// | 404 | DELETE after an attempt that may have been applied | done |
/// | other 4xx | any | give up |
///
/// Any retry (and any check of an unsettled create) is refused when
/// `attempt >= max_attempts` or when the wait would take the total past `max_total_wait`.
pub(crate) fn decide(a: &Attempt, policy: &RetryPolicy) -> Decision {
    let unsettled = match a.outcome {
        Outcome::Refused { status: 404 } if a.delete && a.earlier_maybe_applied => {
            return Decision::Done;
        }
        Outcome::Refused { .. } => return Decision::GiveUp(GiveUp::NotRetryable),
        Outcome::RateLimited { .. } | Outcome::NotSent => false,
        Outcome::ServerError { .. } | Outcome::ResponseLost => !a.safety.is_idempotent(),
    };
    if a.attempt >= policy.max_attempts.max(1) {
        return Decision::GiveUp(GiveUp::AttemptsExhausted);
    }
    let jitter = a.jitter.clamp(0.0, 1.0);
    let after = match a.outcome {
        Outcome::RateLimited {
            retry_after: Some(wait),
        } => {
            let wait = wait.max(MIN_RATE_LIMIT_WAIT);
            // Up to 10 % more, so that clients told the same date do not all return at once.
            wait + wait.mul_f64(0.1 * jitter)
        }
        _ => {
            // "Equal jitter": half the backoff fixed, half random, so a retry never comes
            // back immediately.
            let backoff = policy.backoff(a.attempt);
            backoff / 2 + (backoff / 2).mul_f64(jitter)
        }
    };
    if a.waited.saturating_add(after) > policy.max_total_wait {
        return Decision::GiveUp(GiveUp::WaitExhausted);
    }
    if unsettled {
        Decision::Unsettled { after }
    } else {
        Decision::Retry { after }
    }
}

/// Reads a `Retry-After` header: seconds (`"2"`, `"0.5"`) or an HTTP date
/// (`"Tue, 23 May 2023 14:42:01 GMT"`, what Attio sends), as a wait from `now`. A date in the
/// past is a wait of zero; a header that is neither is `None`.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0)
            .then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 4,
            max_total_wait: Duration::from_secs(10),
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        }
    }

    /// The calls of the records area, as the send loop sees them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum CallKind {
        Get,
        Query,
        Create,
        Assert,
        Patch,
        Put,
        Delete,
    }

    fn attempt(kind: CallKind, outcome: Outcome) -> Attempt {
        with(
            Attempt {
                safety: Safety::Read,
                delete: false,
                outcome,
                attempt: 1,
                waited: Duration::ZERO,
                earlier_maybe_applied: false,
                jitter: 0.0,
            },
            kind,
        )
    }

    /// The same attempt, of another call.
    fn with(a: Attempt, kind: CallKind) -> Attempt {
        let safety = match kind {
            CallKind::Get | CallKind::Query => Safety::Read,
            CallKind::Create => Safety::Create,
            CallKind::Assert | CallKind::Patch | CallKind::Put | CallKind::Delete => {
                Safety::IdempotentWrite
            }
        };
        Attempt {
            safety,
            delete: kind == CallKind::Delete,
            ..a
        }
    }

    const ALL_KINDS: [CallKind; 7] = [
        CallKind::Get,
        CallKind::Query,
        CallKind::Create,
        CallKind::Assert,
        CallKind::Patch,
        CallKind::Put,
        CallKind::Delete,
    ];

    const IDEMPOTENT: [CallKind; 6] = [
        CallKind::Get,
        CallKind::Query,
        CallKind::Assert,
        CallKind::Patch,
        CallKind::Put,
        CallKind::Delete,
    ];

    #[test]
    fn rate_limit_is_retried_for_every_call_after_retry_after() {
        for kind in ALL_KINDS {
            let a = attempt(
                kind,
                Outcome::RateLimited {
                    retry_after: Some(Duration::from_millis(700)),
                },
            );
            assert_eq!(
                decide(&a, &policy()),
                Decision::Retry {
                    after: Duration::from_millis(700)
                },
                "{kind:?}"
            );
        }
    }

    #[test]
    fn rate_limit_wait_has_a_floor_and_bounded_jitter() {
        let mut a = attempt(
            CallKind::Create,
            Outcome::RateLimited {
                retry_after: Some(Duration::ZERO),
            },
        );
        assert_eq!(
            decide(&a, &policy()),
            Decision::Retry {
                after: MIN_RATE_LIMIT_WAIT
            }
        );
        a.outcome = Outcome::RateLimited {
            retry_after: Some(Duration::from_secs(1)),
        };
        a.jitter = 0.999;
        let Decision::Retry { after } = decide(&a, &policy()) else {
            panic!("retry expected")
        };
        assert!(
            after >= Duration::from_secs(1) && after <= Duration::from_millis(1100),
            "{after:?}"
        );
    }

    #[test]
    fn rate_limit_without_retry_after_backs_off() {
        let a = attempt(CallKind::Create, Outcome::RateLimited { retry_after: None });
        assert_eq!(
            decide(&a, &policy()),
            Decision::Retry {
                after: Duration::from_millis(50)
            }
        );
    }

    #[test]
    fn rate_limit_longer_than_the_wait_budget_gives_up() {
        let mut a = attempt(
            CallKind::Get,
            Outcome::RateLimited {
                retry_after: Some(Duration::from_secs(3)),
            },
        );
        a.waited = Duration::from_secs(8);
        assert_eq!(
            decide(&a, &policy()),
            Decision::GiveUp(GiveUp::WaitExhausted)
        );
    }

    #[test]
    fn not_sent_is_retried_for_every_call_as_the_same_call() {
        for kind in ALL_KINDS {
            let a = attempt(kind, Outcome::NotSent);
            assert!(
                matches!(decide(&a, &policy()), Decision::Retry { .. }),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn server_errors_and_lost_responses_are_retried_for_idempotent_calls() {
        for outcome in [Outcome::ServerError { status: 503 }, Outcome::ResponseLost] {
            for kind in IDEMPOTENT {
                let a = attempt(kind, outcome);
                assert!(
                    matches!(decide(&a, &policy()), Decision::Retry { .. }),
                    "{kind:?} {outcome:?}"
                );
            }
        }
    }

    #[test]
    fn create_with_an_unknown_outcome_is_unsettled() {
        for outcome in [
            Outcome::ServerError { status: 500 },
            Outcome::ServerError { status: 502 },
            Outcome::ServerError { status: 408 },
            Outcome::ResponseLost,
        ] {
            let a = attempt(CallKind::Create, outcome);
            assert_eq!(
                decide(&a, &policy()),
                Decision::Unsettled {
                    after: Duration::from_millis(50)
                },
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn create_rate_limited_or_not_sent_stays_a_create() {
        for outcome in [Outcome::RateLimited { retry_after: None }, Outcome::NotSent] {
            let a = attempt(CallKind::Create, outcome);
            assert!(
                matches!(decide(&a, &policy()), Decision::Retry { .. }),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn client_errors_are_not_retried() {
        for kind in ALL_KINDS {
            for status in [400, 401, 403, 404, 409] {
                let a = attempt(kind, Outcome::Refused { status });
                assert_eq!(
                    decide(&a, &policy()),
                    Decision::GiveUp(GiveUp::NotRetryable)
                );
            }
        }
    }

    #[test]
    fn delete_answered_404_after_a_lost_attempt_is_done() {
        let mut a = attempt(CallKind::Delete, Outcome::Refused { status: 404 });
        a.earlier_maybe_applied = true;
        a.attempt = 2;
        assert_eq!(decide(&a, &policy()), Decision::Done);
        // Only for DELETE, and only after an attempt that may have gone through.
        a = with(a, CallKind::Get);
        assert_eq!(
            decide(&a, &policy()),
            Decision::GiveUp(GiveUp::NotRetryable)
        );
        a = with(a, CallKind::Delete);
        a.earlier_maybe_applied = false;
        assert_eq!(
            decide(&a, &policy()),
            Decision::GiveUp(GiveUp::NotRetryable)
        );
    }

    #[test]
    fn max_attempts_bounds_every_retry() {
        for outcome in [
            Outcome::RateLimited { retry_after: None },
            Outcome::NotSent,
            Outcome::ServerError { status: 503 },
            Outcome::ResponseLost,
        ] {
            let mut a = attempt(CallKind::Put, outcome);
            a.attempt = 4;
            assert_eq!(
                decide(&a, &policy()),
                Decision::GiveUp(GiveUp::AttemptsExhausted)
            );
            a = with(a, CallKind::Create);
            assert_eq!(
                decide(&a, &policy()),
                Decision::GiveUp(GiveUp::AttemptsExhausted)
            );
        }
        let mut a = attempt(CallKind::Get, Outcome::NotSent);
        assert_eq!(
            decide(&a, &RetryPolicy::none()),
            Decision::GiveUp(GiveUp::AttemptsExhausted)
        );
        a.attempt = 3;
        assert!(matches!(decide(&a, &policy()), Decision::Retry { .. }));
    }

    #[test]
    fn max_total_wait_bounds_every_retry() {
        let mut a = attempt(CallKind::Query, Outcome::ServerError { status: 500 });
        a.waited = Duration::from_millis(9_960);
        assert_eq!(
            decide(&a, &policy()),
            Decision::GiveUp(GiveUp::WaitExhausted)
        );
        a.waited = Duration::from_millis(9_950);
        assert!(matches!(decide(&a, &policy()), Decision::Retry { .. }));
    }

    #[test]
    fn backoff_doubles_with_equal_jitter_and_is_capped() {
        let p = policy();
        let delays: Vec<_> = (1..=6).map(|n| p.backoff(n).as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(p.backoff(u32::MAX), p.max_delay);
        let mut a = attempt(CallKind::Get, Outcome::ResponseLost);
        a.attempt = 3;
        let at = |jitter| {
            let mut a = a;
            a.jitter = jitter;
            decide(&a, &p)
        };
        assert_eq!(
            at(0.0),
            Decision::Retry {
                after: Duration::from_millis(200)
            }
        );
        assert_eq!(
            at(1.0),
            Decision::Retry {
                after: Duration::from_millis(400)
            }
        );
        a.jitter = 0.5;
        assert_eq!(
            decide(&a, &p),
            Decision::Retry {
                after: Duration::from_millis(300)
            }
        );
    }

    #[test]
    fn maybe_applied_outcomes() {
        assert!(Outcome::ServerError { status: 500 }.maybe_applied());
        assert!(Outcome::ResponseLost.maybe_applied());
        assert!(!Outcome::NotSent.maybe_applied());
        assert!(!Outcome::RateLimited { retry_after: None }.maybe_applied());
        assert!(!Outcome::Refused { status: 400 }.maybe_applied());
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = httpdate::parse_http_date("Tue, 23 May 2023 14:42:00 GMT").unwrap();
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 0.5 ", now),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            parse_retry_after("Tue, 23 May 2023 14:42:01 GMT", now),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            parse_retry_after("Tue, 23 May 2023 14:41:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }
}
