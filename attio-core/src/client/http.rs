//! One call, from request to decoded answer: pacing, the retry loop, error bodies, tracing.

use bytes::Bytes;
use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use tracing::Instrument;

use super::Client;
use super::pacing::Class;
use super::retry::{self, Attempt, CallKind, Decision, GiveUp, Outcome};
use crate::error::{ApiError, Error, ErrorCode, ValidationIssue};

/// One API call, before it is sent.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub kind: CallKind,
    /// The object slug, for errors.
    pub object: &'static str,
    /// The path under the base URL, e.g. `/v2/objects/people/records`.
    pub path: String,
    /// Query parameters.
    pub query: Vec<(&'static str, String)>,
    /// The JSON body; a cheap, reference-counted clone per attempt.
    pub body: Option<Bytes>,
    /// For a create: the unique attribute it may be resent as an assert on.
    pub assert_key: Option<&'static str>,
}

impl Call {
    pub(crate) fn new(kind: CallKind, object: &'static str, path: String) -> Self {
        Call {
            kind,
            object,
            path,
            query: Vec::new(),
            body: None,
            assert_key: None,
        }
    }

    pub(crate) fn query(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.query.push((key, value.into()));
        self
    }

    pub(crate) fn body(mut self, body: Vec<u8>) -> Self {
        self.body = Some(Bytes::from(body));
        self
    }

    fn method(&self) -> Method {
        match self.kind {
            CallKind::Get => Method::GET,
            CallKind::Query | CallKind::Create => Method::POST,
            CallKind::Assert | CallKind::Put => Method::PUT,
            CallKind::Patch => Method::PATCH,
            CallKind::Delete => Method::DELETE,
        }
    }

    /// The same create, as an assert on `slug`: `PUT …/records?matching_attribute=slug`
    /// with the same body. It finds the record if the lost create stored it, and creates it
    /// otherwise.
    fn into_assert(mut self, slug: &'static str) -> Self {
        self.kind = CallKind::Assert;
        self.query.retain(|(k, _)| *k != "matching_attribute");
        self.query.push(("matching_attribute", slug.to_owned()));
        self.assert_key = None;
        self
    }

    /// `METHOD /path?query`, as shown in errors and logs.
    fn describe(&self) -> String {
        let mut s = format!("{} {}", self.method(), self.path);
        for (i, (k, v)) in self.query.iter().enumerate() {
            s.push(if i == 0 { '?' } else { '&' });
            s.push_str(k);
            s.push('=');
            s.push_str(v);
        }
        s
    }
}

/// What came back from one attempt that reached a status line.
struct Answer {
    status: StatusCode,
    /// The `Retry-After` header of a 429; other answers do not need their headers.
    retry_after: Option<HeaderValue>,
    body: Result<Bytes, reqwest::Error>,
}

impl Client {
    /// Sends `call`, retrying as the policy allows, and decodes a 2xx body with `decode`.
    pub(crate) async fn execute<R>(
        &self,
        call: Call,
        decode: impl Fn(&[u8]) -> Result<R, Error>,
    ) -> Result<R, Error> {
        let inner = &self.inner;
        let policy = inner.retry;
        let mut call = call;
        let mut attempt = 0u32;
        let mut waited = Duration::ZERO;
        let mut earlier_maybe_applied = false;
        let mut last_retry_after = None;
        loop {
            attempt += 1;
            let class = if call.kind.is_read() {
                Class::Read
            } else {
                Class::Write
            };
            inner.pacer.acquire(class).await;

            let method = call.method();
            let span = tracing::debug_span!(
                "attio.request",
                method = %method,
                path = %call.path,
                attempt,
                status = tracing::field::Empty,
            );
            let sent = self.send_once(&call, method).instrument(span.clone()).await;

            let (outcome, error) = match sent {
                Ok(answer) if answer.status.is_success() => match answer.body {
                    Ok(body) => {
                        span.record("status", answer.status.as_u16());
                        return span.in_scope(|| decode(&body));
                    }
                    Err(e) => (Outcome::ResponseLost, transport_error(&call, &e, true)),
                },
                Ok(answer) => {
                    let status = answer.status.as_u16();
                    span.record("status", status);
                    let body = answer.body.unwrap_or_default();
                    let error = api_error(status, &body, &call);
                    let outcome = match status {
                        429 => {
                            let retry_after = answer
                                .retry_after
                                .as_ref()
                                .and_then(|v| v.to_str().ok())
                                .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
                            last_retry_after = retry_after.or(last_retry_after);
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
                    (outcome, Error::from(error))
                }
                Err(e) => {
                    let outcome = if e.is_connect() {
                        Outcome::NotSent
                    } else {
                        Outcome::ResponseLost
                    };
                    let err = transport_error(&call, &e, outcome != Outcome::NotSent);
                    (outcome, err)
                }
            };

            let decision = retry::decide(
                &Attempt {
                    kind: call.kind,
                    outcome,
                    attempt,
                    waited,
                    earlier_maybe_applied,
                    has_unique_key: call.assert_key.is_some(),
                    jitter: fastrand::f64(),
                },
                &policy,
            );
            let _entered = span.enter();
            let after = match decision {
                Decision::Retry { after } => {
                    tracing::debug!(?outcome, ?after, "retrying");
                    after
                }
                Decision::RetryAsAssert { after } => {
                    // `has_unique_key` was true, so `assert_key` is set.
                    if let Some(slug) = call.assert_key {
                        tracing::debug!(
                            ?outcome,
                            ?after,
                            matching_attribute = slug,
                            "create outcome unknown: resending as an assert"
                        );
                        call = call.into_assert(slug);
                    }
                    after
                }
                Decision::Done => {
                    tracing::debug!("already done by an earlier attempt");
                    return decode(b"{}");
                }
                Decision::GiveUp(reason) => {
                    tracing::debug!(?outcome, ?reason, "giving up");
                    return Err(final_error(
                        &call,
                        outcome,
                        reason,
                        error,
                        attempt,
                        last_retry_after,
                    ));
                }
            };
            drop(_entered);
            earlier_maybe_applied |= outcome.maybe_applied();
            waited += after;
            tokio::time::sleep(after).await;
        }
    }

    async fn send_once(&self, call: &Call, method: Method) -> Result<Answer, reqwest::Error> {
        let inner = &self.inner;
        let url = format!("{}{}", inner.base_url, call.path);
        let mut request = inner
            .http
            .request(method, url)
            .header(AUTHORIZATION, inner.auth.clone())
            .header(ACCEPT, "application/json");
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let response = request.send().await?;
        let status = response.status();
        let retry_after = if status == StatusCode::TOO_MANY_REQUESTS {
            response.headers().get(RETRY_AFTER).cloned()
        } else {
            None
        };
        let body = response.bytes().await;
        Ok(Answer {
            status,
            retry_after,
            body,
        })
    }
}

/// The error reported when the retries stop.
fn final_error(
    call: &Call,
    outcome: Outcome,
    reason: GiveUp,
    error: Error,
    attempts: u32,
    retry_after: Option<Duration>,
) -> Error {
    match (reason, outcome) {
        (GiveUp::OutcomeUnknown, _) => Error::OutcomeUnknown {
            object: call.object,
            reason: error.to_string(),
        },
        (GiveUp::AttemptsExhausted | GiveUp::WaitExhausted, Outcome::RateLimited { .. }) => {
            Error::RateLimited {
                attempts,
                retry_after,
            }
        }
        (GiveUp::AttemptsExhausted | GiveUp::WaitExhausted, _) if attempts > 1 => match error {
            Error::Transport {
                message,
                maybe_sent,
            } => Error::Transport {
                message: format!("{message} (gave up after {attempts} attempts)"),
                maybe_sent,
            },
            other => other,
        },
        _ => error,
    }
}

fn transport_error(call: &Call, e: &reqwest::Error, maybe_sent: bool) -> Error {
    // The URL holds no secret (the key travels in a header), but the base URL is noise here.
    let mut message = format!("{}: ", call.describe());
    message.push_str(if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect to Attio"
    } else if maybe_sent {
        "the connection broke before the response arrived"
    } else {
        "the request failed"
    });
    let mut source: Option<&dyn std::error::Error> = Some(e);
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
    }
}

/// reqwest writes ` for url (…)` into its messages; the request is already named.
fn strip_url(s: &str) -> String {
    match s.find(" for url (") {
        Some(i) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

/// Attio's error body: `{"status_code", "type", "code", "message", "validation_errors"?}`.
#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "type", default)]
    error_type: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    validation_errors: Vec<serde_json::Value>,
}

/// Turns an error response into an [`ApiError`]; a body that is not Attio's error shape
/// keeps the status, code `Other(<reason>)` and a short snippet of the body as the message.
pub(crate) fn api_error_from(status: u16, body: &[u8], request: Option<String>) -> ApiError {
    let parsed = serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .filter(|b| b.code.is_some() || b.message.is_some());
    let mut error = match parsed {
        Some(b) => ApiError {
            status,
            error_type: b.error_type.unwrap_or_default(),
            code: b
                .code
                .as_deref()
                .map_or_else(|| reason_code(status), ErrorCode::parse),
            message: b.message.unwrap_or_default(),
            validation_errors: b
                .validation_errors
                .into_iter()
                .map(|v| {
                    serde_json::from_value::<ValidationIssue>(v.clone()).unwrap_or_else(|_| {
                        ValidationIssue {
                            code: String::new(),
                            path: Vec::new(),
                            message: v.to_string(),
                            expected: None,
                            received: None,
                        }
                    })
                })
                .collect(),
            request,
            attribute: None,
        },
        None => ApiError {
            status,
            error_type: String::new(),
            code: reason_code(status),
            message: snippet(body),
            validation_errors: Vec::new(),
            request,
            attribute: None,
        },
    };
    error.attribute = attribute_named(&error);
    error
}

fn api_error(status: u16, body: &[u8], call: &Call) -> ApiError {
    api_error_from(status, body, Some(call.describe()))
}

/// `Other("bad_gateway")` for a 502 without Attio's body.
fn reason_code(status: u16) -> ErrorCode {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| r.to_ascii_lowercase().replace([' ', '-'], "_"))
        .unwrap_or_else(|| format!("http_{status}"));
    ErrorCode::Other(reason)
}

fn snippet(body: &[u8]) -> String {
    const MAX: usize = 200;
    let text = String::from_utf8_lossy(body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return "(empty response body)".to_owned();
    }
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// The attribute an error is about: from a validation path (`data.values.<slug>…`), else
/// from Attio's message (`… attribute with slug "email_addresses" …`).
fn attribute_named(e: &ApiError) -> Option<String> {
    for issue in &e.validation_errors {
        let path: Vec<&str> = issue.path.iter().filter_map(|p| p.as_str()).collect();
        if let Some(i) = path.iter().position(|p| *p == "values")
            && let Some(slug) = path.get(i + 1)
        {
            return Some((*slug).to_owned());
        }
    }
    slug_in_message(&e.message)
}

fn slug_in_message(message: &str) -> Option<String> {
    const MARKERS: [&str; 4] = [
        "attribute with slug ",
        "attribute slug ",
        "attribute ",
        "slug ",
    ];
    for marker in MARKERS {
        let mut rest = message;
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            let mut chars = rest.chars();
            let Some(open @ ('"' | '\'' | '`')) = chars.next() else {
                continue;
            };
            let close = if open == '`' { '`' } else { open };
            let inner = &rest[open.len_utf8()..];
            if let Some(end) = inner.find(close) {
                let slug = &inner[..end];
                if !slug.is_empty()
                    && slug
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    return Some(slug.to_owned());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_attio_error_bodies() {
        let body = br#"{"status_code":400,"type":"invalid_request_error","code":"uniqueness_conflict","message":"A value provided for attribute with slug \"email_addresses\" conflicts with one already in the system."}"#;
        let e = api_error_from(400, body, Some("POST /v2/objects/people/records".into()));
        assert_eq!(e.code, ErrorCode::UniquenessConflict);
        assert_eq!(e.error_type, "invalid_request_error");
        assert_eq!(e.attribute.as_deref(), Some("email_addresses"));
        let shown = Error::from(e).to_string();
        assert!(
            shown.contains("uniqueness_conflict") && shown.contains("email_addresses"),
            "{shown}"
        );
    }

    #[test]
    fn attribute_from_validation_paths() {
        let body = br#"{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Invalid body","validation_errors":[{"code":"invalid_type","path":["data","values","primary_location",0],"message":"Required","expected":"string","received":"undefined"}]}"#;
        let e = api_error_from(400, body, None);
        assert_eq!(e.code, ErrorCode::ValidationType);
        assert_eq!(e.attribute.as_deref(), Some("primary_location"));
        assert_eq!(e.validation_errors[0].expected.as_deref(), Some("string"));
    }

    #[test]
    fn odd_validation_entries_are_kept() {
        let body = br#"{"code":"validation_type","message":"Bad","validation_errors":[{"code":"x","path":"not-a-list","expected":["a","b"]}]}"#;
        let e = api_error_from(400, body, None);
        assert_eq!(e.validation_errors.len(), 1);
        assert!(e.validation_errors[0].message.contains("not-a-list"));
    }

    #[test]
    fn unparseable_bodies_keep_status_and_a_snippet() {
        let e = api_error_from(
            502,
            b"<html><body>Bad gateway from the proxy</body></html>",
            None,
        );
        assert_eq!(e.code, ErrorCode::Other("bad_gateway".into()));
        assert!(e.message.contains("Bad gateway from the proxy"));
        let long = "x".repeat(5000);
        let e = api_error_from(500, long.as_bytes(), None);
        assert!(e.message.chars().count() <= 201);
        let e = api_error_from(503, b"", None);
        assert_eq!(e.message, "(empty response body)");
        assert_eq!(e.code, ErrorCode::Other("service_unavailable".into()));
    }

    #[test]
    fn unauthorized_says_what_to_check() {
        let body = br#"{"status_code":401,"type":"auth_error","code":"unauthorized","message":"Invalid API key."}"#;
        let shown = Error::from(api_error_from(401, body, None)).to_string();
        assert!(shown.contains("ATTIO_API_KEY"), "{shown}");
    }

    #[test]
    fn slugs_in_messages() {
        assert_eq!(
            slug_in_message(
                r#"Cannot find select option with title "Nope" for attribute with slug "stage"."#
            )
            .as_deref(),
            Some("stage")
        );
        assert_eq!(
            slug_in_message("Missing value for required attribute `name`").as_deref(),
            Some("name")
        );
        assert_eq!(
            slug_in_message("attribute 'job_title' is read-only").as_deref(),
            Some("job_title")
        );
        assert_eq!(slug_in_message("Invalid API key"), None);
        assert_eq!(slug_in_message(r#"attribute "two words" is odd"#), None);
    }

    #[test]
    fn create_turns_into_assert() {
        let call = Call::new(
            CallKind::Create,
            "people",
            "/v2/objects/people/records".into(),
        )
        .body(b"{}".to_vec());
        let call = Call {
            assert_key: Some("email_addresses"),
            ..call
        };
        let assert = call.into_assert("email_addresses");
        assert_eq!(assert.kind, CallKind::Assert);
        assert_eq!(
            assert.describe(),
            "PUT /v2/objects/people/records?matching_attribute=email_addresses"
        );
        assert_eq!(assert.body.as_deref(), Some(&b"{}"[..]));
    }
}
