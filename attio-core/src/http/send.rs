//! The send loop: one request from pacing to a 2xx body, retried as its safety class and the
//! [`RetryPolicy`](super::retry::RetryPolicy) allow, with a tracing span per attempt.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, DATE, HeaderValue, LOCATION, RETRY_AFTER, USER_AGENT,
};
use reqwest::{StatusCode, Url};
use tracing::Instrument;

use super::api_error::api_error_from;
use super::base_url;
use super::client::Client;
use super::clock::ServerClock;
use super::pacing::Class;
use super::request::{Request, Safety};
use super::retry::{self, Attempt, Decision, GiveUp, Outcome};
use crate::error::{Error, cut};

/// The retry state of one call, across every request it sends: a step around the send
/// loop (the lookup of a lost create) sends its requests on the same budget.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    /// Requests sent so far.
    attempts: u32,
    /// Time spent waiting between them.
    waited: Duration,
    /// Whether an earlier attempt may have been applied.
    earlier_maybe_applied: bool,
    /// The last `Retry-After` Attio asked for.
    last_retry_after: Option<Duration>,
    /// When the first create of the call left, after pacing let it.
    first_sent: Option<SystemTime>,
}

impl Budget {
    /// A fresh budget, for a new call.
    pub(crate) fn new() -> Self {
        Budget::default()
    }

    /// When the call's first create left (after pacing), if one was sent.
    pub(crate) fn first_sent(&self) -> Option<SystemTime> {
        self.first_sent
    }

    /// Gives back the last attempt: a check that settled nothing does not use one up.
    pub(crate) fn refund(&mut self) {
        self.attempts = self.attempts.saturating_sub(1);
    }

    /// Waits `after` before the next request, counting it against the budget.
    pub(crate) async fn wait(&mut self, after: Duration) {
        self.waited += after;
        tokio::time::sleep(after).await;
    }
}

/// A 2xx answer.
#[derive(Debug)]
pub(crate) struct Reply {
    /// The body.
    pub body: Bytes,
    /// The server's clock, when the request asked for it and the answer had a `Date`.
    pub clock: Option<ServerClock>,
}

/// Why [`Client::send`] returned without a 2xx answer.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The call failed with this error (retries, if any, already spent).
    Failed(Error),
    /// A create whose outcome is unknown.
    Unsettled(Unsettled),
}

/// A create that got a 5xx, or whose response was lost: it may or may not have been
/// stored. Resending it blindly could store it twice, so the send loop hands it back; the
/// caller's area decides (look it up, resend it as something idempotent, or give up).
#[derive(Debug)]
pub(crate) struct Unsettled {
    /// The attempt's error, as it happened.
    pub error: Error,
    /// How long to wait before checking or resending, or `None` when the budget allows no
    /// further request.
    pub after: Option<Duration>,
    /// Requests sent so far.
    attempts: u32,
}

impl Unsettled {
    /// The error to report when giving up because the budget is spent.
    pub(crate) fn gave_up(self) -> Error {
        exhausted(self.error, self.attempts)
    }
}

impl Failure {
    /// The error to report, for callers that take no step of their own: an unsettled
    /// create's own error (a 5xx, or a transport error that says the request may have been
    /// sent).
    pub(crate) fn into_error(self) -> Error {
        match self {
            Failure::Failed(e) => e,
            Failure::Unsettled(u) => u.error,
        }
    }
}

/// What came back from one attempt that reached a status line.
struct Answer {
    status: StatusCode,
    /// The `Retry-After` header of a 429; other answers do not need their headers.
    retry_after: Option<HeaderValue>,
    /// The `Location` header of a redirect.
    location: Option<HeaderValue>,
    /// The server's clock, when the request asked for it.
    clock: Option<ServerClock>,
    /// Attio's id of the request, its `x-attio-execution-id` header.
    request_id: Option<String>,
    /// Where a given HTTP client followed a redirect to, instead of answering it.
    followed_to: Option<Url>,
    body: Result<Bytes, reqwest::Error>,
}

impl Client {
    /// Sends `request` and decodes a 2xx body with `decode`: for the calls that take no
    /// step of their own around the send loop.
    pub(crate) async fn call<R>(
        &self,
        request: &Request,
        decode: impl FnOnce(&[u8]) -> Result<R, Error>,
    ) -> Result<R, Error> {
        match self.send(request, &mut Budget::new()).await {
            Ok(reply) => self.decode(&reply, decode),
            Err(failure) => Err(failure.into_error()),
        }
    }

    /// Decodes a 2xx body with `decode`; a decode error repeats what the server sent, so
    /// the API key is taken out of it.
    pub(crate) fn decode<R>(
        &self,
        reply: &Reply,
        decode: impl FnOnce(&[u8]) -> Result<R, Error>,
    ) -> Result<R, Error> {
        decode(&reply.body).map_err(|e| self.redact(e))
    }

    /// Sends `request`, retrying as its safety class and the policy allow, on `budget`.
    ///
    /// A DELETE answered 404 after an earlier attempt may have been applied is done: its
    /// reply is the body `{}`.
    pub(crate) async fn send(
        &self,
        request: &Request,
        budget: &mut Budget,
    ) -> Result<Reply, Failure> {
        let inner = self.inner();
        let policy = inner.retry;
        let class = if request.safety.is_read() {
            Class::Read
        } else {
            Class::Write
        };
        loop {
            budget.attempts += 1;
            let attempt = budget.attempts;
            inner.pacer.acquire(class).await;
            if request.safety == Safety::Create && budget.first_sent.is_none() {
                budget.first_sent = Some(SystemTime::now());
            }

            let span = tracing::debug_span!(
                "attio.request",
                method = %request.method,
                path = %request.path,
                attempt,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty,
            );
            let sent = self.send_once(request).instrument(span.clone()).await;
            if let Ok(Answer {
                request_id: Some(id),
                ..
            }) = &sent
            {
                span.record("request_id", id.as_str());
            }

            let (outcome, error) = match sent {
                Ok(Answer {
                    status,
                    followed_to: Some(to),
                    ..
                }) => {
                    span.record("status", status.as_u16());
                    let error = self.followed_redirect_error(request, &to);
                    (
                        Outcome::Refused {
                            status: status.as_u16(),
                        },
                        error,
                    )
                }
                Ok(answer) if answer.status.is_success() => match answer.body {
                    Ok(body) => {
                        span.record("status", answer.status.as_u16());
                        return Ok(Reply {
                            body,
                            clock: answer.clock,
                        });
                    }
                    Err(e) => (
                        Outcome::ResponseLost,
                        self.redact(transport_error(request, e, true)),
                    ),
                },
                Ok(answer) if answer.status.is_redirection() => {
                    let status = answer.status.as_u16();
                    span.record("status", status);
                    let error = self.redirect_error(request, answer.status, answer.location);
                    (Outcome::Refused { status }, error)
                }
                Ok(answer) => {
                    let status = answer.status.as_u16();
                    span.record("status", status);
                    let body = answer.body.unwrap_or_default();
                    let mut error = api_error_from(status, &body, Some(request.describe()));
                    error.request_id = answer.request_id;
                    let outcome = match status {
                        429 => {
                            let retry_after = answer
                                .retry_after
                                .as_ref()
                                .and_then(|v| v.to_str().ok())
                                .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
                            budget.last_retry_after = retry_after.or(budget.last_retry_after);
                            if let Some(wait) = retry_after {
                                // Attio processed nothing and asked everyone to wait: hold
                                // back this kind of request on every clone, not just this one.
                                inner
                                    .pacer
                                    .pause(class, wait.max(retry::MIN_RATE_LIMIT_WAIT));
                            }
                            Outcome::RateLimited { retry_after }
                        }
                        408 | 500..=599 => Outcome::ServerError { status },
                        _ => Outcome::Refused { status },
                    };
                    (outcome, self.redact(Error::from(error)))
                }
                Err(e) => {
                    let outcome = if e.is_connect() {
                        Outcome::NotSent
                    } else {
                        Outcome::ResponseLost
                    };
                    let err = transport_error(request, e, outcome != Outcome::NotSent);
                    (outcome, self.redact(err))
                }
            };

            let decision = retry::decide(
                &Attempt {
                    safety: request.safety,
                    delete: request.method == reqwest::Method::DELETE,
                    outcome,
                    attempt,
                    waited: budget.waited,
                    earlier_maybe_applied: budget.earlier_maybe_applied,
                    jitter: fastrand::f64(),
                },
                &policy,
            );
            budget.earlier_maybe_applied |= outcome.maybe_applied();
            let _entered = span.enter();
            if request.safety == Safety::Create && outcome.maybe_applied() {
                let after = match decision {
                    Decision::Unsettled { after } => Some(after),
                    _ => None,
                };
                tracing::debug!(?outcome, ?after, "create outcome unknown");
                return Err(Failure::Unsettled(Unsettled {
                    error,
                    after,
                    attempts: attempt,
                }));
            }
            let after = match decision {
                Decision::Retry { after } | Decision::Unsettled { after } => {
                    tracing::debug!(?outcome, ?after, "retrying");
                    after
                }
                Decision::Done => {
                    tracing::debug!("already done by an earlier attempt");
                    return Ok(Reply {
                        body: Bytes::from_static(b"{}"),
                        clock: None,
                    });
                }
                Decision::GiveUp(reason) => {
                    tracing::debug!(?outcome, ?reason, "giving up");
                    return Err(Failure::Failed(final_error(
                        outcome,
                        reason,
                        error,
                        attempt,
                        budget.last_retry_after,
                    )));
                }
            };
            drop(_entered);
            budget.wait(after).await;
        }
    }

    async fn send_once(&self, request: &Request) -> Result<Answer, reqwest::Error> {
        let inner = self.inner();
        let url = format!("{}{}", inner.base_url, request.path);
        let sent_to = Url::parse(&url).ok();
        let mut builder = inner
            .http
            .request(request.method.clone(), url)
            .header(AUTHORIZATION, inner.auth.clone())
            .header(ACCEPT, "application/json");
        if let Some(given) = &inner.given_http {
            // A client the caller built has its own defaults; the builder's timeout and
            // user agent still hold for every request.
            builder = builder.timeout(given.timeout);
            if let Some(agent) = &given.user_agent {
                builder = builder.header(USER_AGENT, agent.clone());
            }
        }
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let response = builder.send().await?;
        let status = response.status();
        let followed_to = sent_to
            .filter(|sent| !same_resource(sent, response.url()))
            .map(|_| response.url().clone());
        let request_id = response
            .headers()
            .get(EXECUTION_ID)
            .and_then(|v| v.to_str().ok())
            .map(|v| cut(v.to_owned()));
        let retry_after = if status == StatusCode::TOO_MANY_REQUESTS {
            response.headers().get(RETRY_AFTER).cloned()
        } else {
            None
        };
        let location = if status.is_redirection() {
            response.headers().get(LOCATION).cloned()
        } else {
            None
        };
        let clock = if request.server_clock {
            ServerClock::from_date(response.headers().get(DATE))
        } else {
            None
        };
        let body = super::body::read_body(response).await;
        Ok(Answer {
            status,
            retry_after,
            location,
            clock,
            request_id,
            followed_to,
            body,
        })
    }
}

/// The response header holding Attio's id of the request, to quote to Attio's support.
pub(crate) const EXECUTION_ID: &str = "x-attio-execution-id";

/// Whether a response's URL is the one the request was sent to (scheme, host, port and
/// path): it is not when the HTTP client followed a redirect.
fn same_resource(sent: &Url, answered: &Url) -> bool {
    sent.scheme() == answered.scheme()
        && sent.host_str() == answered.host_str()
        && sent.port_or_known_default() == answered.port_or_known_default()
        && sent.path() == answered.path()
}

impl Client {
    /// The error of a 3xx answer, which the client does not follow: following it would send
    /// the request, its body included, to wherever the answer points. It names the status
    /// and where it pointed (without user info, query or the key).
    fn redirect_error(
        &self,
        request: &Request,
        status: StatusCode,
        location: Option<HeaderValue>,
    ) -> Error {
        let key = self.inner().key.expose();
        let sent_to = format!("{}{}", self.base_url(), request.path);
        let target = location
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .and_then(|l| Url::parse(&sent_to).ok()?.join(l).ok())
            .map(|url| format!("to {}", base_url::shown(&url, key)));
        let target = target.unwrap_or_else(|| "without a usable Location".to_owned());
        let reason = status.canonical_reason().unwrap_or("Redirect");
        Error::Config(format!(
            "{}: the base URL answered {} {reason}, a redirect {target}; attio-rs follows no redirect (it would send the request and its data there): set the base URL to the address that answers",
            request.describe(),
            status.as_u16(),
        ))
        .redact(key)
    }
}

impl Client {
    /// The error of an answer that came from elsewhere because the HTTP client given to
    /// [`ClientBuilder::http_client`](super::builder::ClientBuilder::http_client) follows
    /// redirects: the request already went there; say so, and how to stop it.
    fn followed_redirect_error(&self, request: &Request, to: &Url) -> Error {
        let key = self.inner().key.expose();
        Error::Config(format!(
            "{}: the HTTP client given to `ClientBuilder::http_client` followed a redirect to {}; attio-rs follows no redirect (it sends the request and its data there): build that client with `.redirect(reqwest::redirect::Policy::none())`, and set the base URL to the address that answers",
            request.describe(),
            base_url::shown(to, key),
        ))
        .redact(key)
    }
}

/// The error reported when the retries stop.
fn final_error(
    outcome: Outcome,
    reason: GiveUp,
    error: Error,
    attempts: u32,
    retry_after: Option<Duration>,
) -> Error {
    match (reason, outcome) {
        (GiveUp::AttemptsExhausted | GiveUp::WaitExhausted, Outcome::RateLimited { .. }) => {
            Error::RateLimited {
                attempts,
                retry_after,
            }
        }
        (GiveUp::AttemptsExhausted | GiveUp::WaitExhausted, _) => exhausted(error, attempts),
        _ => error,
    }
}

/// The error of the last of `attempts` attempts, once the budget is spent: a transport
/// error says how many attempts were made.
fn exhausted(error: Error, attempts: u32) -> Error {
    match error {
        Error::Transport {
            message,
            maybe_sent,
            source,
        } if attempts > 1 => Error::Transport {
            message: format!("{message} (gave up after {attempts} attempts)"),
            maybe_sent,
            source,
        },
        other => other,
    }
}

pub(crate) fn transport_error(request: &Request, e: reqwest::Error, maybe_sent: bool) -> Error {
    // The URL holds no secret (the key travels in a header), but the base URL is noise here.
    let mut message = format!("{}: ", request.describe());
    message.push_str(if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect to Attio"
    } else if maybe_sent {
        "the connection broke before the response arrived"
    } else {
        "the request failed"
    });
    let mut source: Option<&dyn std::error::Error> = Some(&e);
    let mut detail = Vec::new();
    while let Some(s) = source {
        let text = strip_url(&s.to_string());
        if !text.is_empty() && !detail.contains(&text) {
            detail.push(text);
        }
        source = s.source();
    }
    if !detail.is_empty() {
        message.push_str(" (");
        message.push_str(&detail.join(": "));
        message.push(')');
    }
    Error::Transport {
        message,
        maybe_sent,
        source: Box::new(e.without_url()),
    }
}

/// reqwest writes ` for url (…)` into its messages; the request is already named.
fn strip_url(s: &str) -> String {
    match s.find(" for url (") {
        Some(i) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_transport_error_keeps_its_source_and_names_the_request() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let e = reqwest::Client::new()
            .get(format!("http://127.0.0.1:{port}/v2/self"))
            .send()
            .await
            .expect_err("nothing listens");
        let request = Request::get("/v2/self".into());
        let err = transport_error(&request, e, false);
        let shown = err.to_string();
        assert!(
            shown.starts_with("GET /v2/self: could not connect"),
            "{shown}"
        );
        assert!(!shown.contains("127.0.0.1"), "{shown}");
        let source = std::error::Error::source(&err).expect("the HTTP stack's error");
        assert!(
            source.downcast_ref::<reqwest::Error>().is_some(),
            "{source:?}"
        );
        assert!(!source.to_string().contains("127.0.0.1"), "{source}");
        let err = exhausted(err, 3);
        assert!(
            err.to_string().ends_with("(gave up after 3 attempts)"),
            "{err}"
        );
        assert!(std::error::Error::source(&err).is_some());
    }
}
