//! One call, from request to decoded answer: pacing, the retry loop, error bodies, tracing.

use bytes::Bytes;
use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, DATE, HeaderValue, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use tracing::Instrument;

use super::Client;
use super::pacing::Class;
use super::retry::{self, Attempt, CallKind, Decision, GiveUp, Outcome};
use crate::error::{ApiError, Error, ErrorCode, ValidationIssue};
use crate::record::AttioRecord;
use crate::schema::{AttributeDef, AttributeType};

/// How much earlier than the create was first sent (in the server's time) a record holding
/// its unique value may have been created and still be taken for the one the create stored:
/// the server's clock is read from the lookup's `Date` header, which has whole seconds.
const SLACK: Duration = Duration::from_secs(1);
/// The same, when the lookup's answer has no `Date` header: the server's clock may be this
/// far behind ours.
const SLACK_WITHOUT_DATE: Duration = Duration::from_secs(120);

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
    /// For a create: the unique attribute it is looked up by when its outcome is unknown.
    pub unique_key: Option<(&'static str, AttributeType)>,
    /// For the lookup of such a create: what to do with the answer.
    pub lookup: Option<Lookup>,
    /// The attribute table of the model a body was written from, to name the attribute of
    /// an error whose message names only a value type.
    pub attributes: &'static [AttributeDef],
}

/// The lookup of a create whose outcome is unknown, by its unique value.
#[derive(Debug, Clone)]
pub(crate) struct Lookup {
    /// The unique attribute.
    slug: &'static str,
    /// The create, to send again if no record holds the value.
    create: Box<Call>,
    /// When the create was first sent.
    since: SystemTime,
}

/// What the lookup of a create found.
#[derive(Debug)]
enum Found {
    /// The record the create stored, as a single-record response body.
    Stored(Vec<u8>),
    /// No record holds the value: the create was not stored.
    Nothing,
}

impl Call {
    pub(crate) fn new(kind: CallKind, object: &'static str, path: String) -> Self {
        Call {
            kind,
            object,
            path,
            query: Vec::new(),
            body: None,
            unique_key: None,
            lookup: None,
            attributes: &[],
        }
    }

    /// Notes the model the body is written from.
    pub(crate) fn model<T: AttioRecord>(mut self) -> Self {
        self.attributes = T::ATTRIBUTES;
        self
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

    /// The lookup of this create by its unique value: `POST …/records/query` with the
    /// filter `{slug: value}`. It tells whether the create stored a record (created since
    /// `since`), whether another record already held the value, or whether nothing was
    /// stored. `None` when the body has no lookup-able value for the key (a phone number is
    /// written as an object; look-ups go by strings and numbers).
    fn lookup(&self, since: SystemTime) -> Option<Call> {
        let (slug, attribute_type) = self.unique_key?;
        let body: serde_json::Value = serde_json::from_slice(self.body.as_deref()?).ok()?;
        let value = match body.get("data")?.get("values")?.get(slug)?.get(0)? {
            // Attio stores these lower-cased; the filter compares with the stored form.
            serde_json::Value::String(s)
                if matches!(
                    attribute_type,
                    AttributeType::EmailAddress | AttributeType::Domain
                ) =>
            {
                serde_json::Value::String(s.to_lowercase())
            }
            v @ (serde_json::Value::String(_) | serde_json::Value::Number(_)) => v.clone(),
            _ => return None,
        };
        let filter = serde_json::json!({ "filter": { slug: value }, "limit": 1 });
        let mut call = Call::new(CallKind::Query, self.object, format!("{}/query", self.path))
            .body(serde_json::to_vec(&filter).ok()?);
        call.lookup = Some(Lookup {
            slug,
            create: Box::new(self.clone()),
            since,
        });
        Some(call)
    }

    /// The same create, as an assert on `slug`: `PUT …/records?matching_attribute=slug`
    /// with the same body. It finds the record if the lost create stored it, and creates it
    /// otherwise (for keys that cannot be looked up).
    fn into_assert(mut self, slug: &'static str) -> Self {
        self.kind = CallKind::Assert;
        self.query.retain(|(k, _)| *k != "matching_attribute");
        self.query.push(("matching_attribute", slug.to_owned()));
        self.unique_key = None;
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

/// The server's time (from a `Date` header) and ours when it was read.
#[derive(Debug, Clone, Copy)]
struct ServerClock {
    server: SystemTime,
    local: SystemTime,
}

impl ServerClock {
    /// The server's clock from an answer's `Date` header, read now.
    fn from_date(date: Option<&HeaderValue>) -> Option<Self> {
        let server = httpdate::parse_http_date(date?.to_str().ok()?).ok()?;
        Some(ServerClock {
            server,
            local: SystemTime::now(),
        })
    }

    /// Our time `t`, in the server's clock.
    fn to_server(self, t: SystemTime) -> SystemTime {
        match self.server.duration_since(self.local) {
            Ok(ahead) => t + ahead,
            Err(behind) => t - behind.duration(),
        }
    }
}

impl Lookup {
    /// Reads the lookup's answer, `{"data":[record]}`: the record the create stored (created
    /// since the create was first sent, in the server's clock), nothing, or a uniqueness
    /// conflict when an older record holds the value, as Attio would have answered the
    /// create.
    fn resolve(
        &self,
        body: &[u8],
        object: &'static str,
        clock: Option<ServerClock>,
    ) -> Result<Found, Error> {
        #[derive(Deserialize)]
        struct Page {
            data: Vec<serde_json::Value>,
        }
        let unreadable = |why: String| Error::OutcomeUnknown {
            object,
            reason: format!(
                "its response was lost, and looking it up by `{}` failed ({why})",
                self.slug
            ),
        };
        let page: Page =
            serde_json::from_slice(body).map_err(|e| unreadable(format!("malformed JSON: {e}")))?;
        let Some(record) = page.data.into_iter().next() else {
            return Ok(Found::Nothing);
        };
        let created_at = record
            .get("created_at")
            .and_then(serde_json::Value::as_str)
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .ok_or_else(|| unreadable("the record found has no `created_at`".into()))?;
        let since = match clock {
            Some(clock) => clock.to_server(self.since) - SLACK,
            None => self.since - SLACK_WITHOUT_DATE,
        };
        let since = chrono::DateTime::<chrono::Utc>::from(since);
        if created_at >= since {
            let body = serde_json::to_vec(&serde_json::json!({ "data": record }))
                .map_err(|e| unreadable(e.to_string()))?;
            return Ok(Found::Stored(body));
        }
        let id = record
            .pointer("/id/record_id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("?");
        Err(Error::from(ApiError {
            status: 400,
            error_type: "invalid_request_error".into(),
            code: ErrorCode::UniquenessConflict,
            message: format!(
                "A value provided for attribute with slug \"{}\" conflicts with one already in the system (record {id}, created {created_at}; found after the create's response was lost).",
                self.slug
            ),
            validation_errors: Vec::new(),
            request: Some(self.create.describe()),
            attribute: Some(self.slug.to_owned()),
        }))
    }
}

/// What came back from one attempt that reached a status line.
struct Answer {
    status: StatusCode,
    /// The `Retry-After` header of a 429; other answers do not need their headers.
    retry_after: Option<HeaderValue>,
    /// For a lookup: the server's clock, from the answer's `Date` header.
    clock: Option<ServerClock>,
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
        let mut first_sent = None;
        loop {
            attempt += 1;
            let class = if call.kind.is_read() {
                Class::Read
            } else {
                Class::Write
            };
            inner.pacer.acquire(class).await;
            if call.kind == CallKind::Create && first_sent.is_none() {
                first_sent = Some(SystemTime::now());
            }

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
                        let Some(lookup) = call.lookup.take() else {
                            return span.in_scope(|| decode(&body));
                        };
                        let _entered = span.enter();
                        match lookup.resolve(&body, call.object, answer.clock)? {
                            Found::Stored(record) => {
                                tracing::debug!("the create was stored; its record was found");
                                return decode(&record);
                            }
                            Found::Nothing => {
                                tracing::debug!("the create was not stored: sending it again");
                                call = *lookup.create;
                                // The lookup does not use up one of the create's attempts.
                                attempt -= 1;
                                continue;
                            }
                        }
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
                    has_unique_key: call.unique_key.is_some(),
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
                Decision::LookUpCreate { after } => {
                    // `has_unique_key` was true, so `unique_key` is set.
                    let since = first_sent.unwrap_or_else(SystemTime::now);
                    if let Some(lookup) = call.lookup(since) {
                        tracing::debug!(?outcome, ?after, "create outcome unknown: looking it up");
                        call = lookup;
                    } else if let Some((slug, _)) = call.unique_key {
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
        let clock = match call.lookup {
            Some(_) => ServerClock::from_date(response.headers().get(DATE)),
            None => None,
        };
        let body = response.bytes().await;
        Ok(Answer {
            status,
            retry_after,
            clock,
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
    if let Some(lookup) = &call.lookup {
        return Error::OutcomeUnknown {
            object: call.object,
            reason: format!(
                "its response was lost, and looking it up by `{}` failed ({error})",
                lookup.slug
            ),
        };
    }
    match (reason, outcome) {
        (GiveUp::OutcomeUnknown, _) => Error::OutcomeUnknown {
            object: call.object,
            reason: format!(
                "its response was lost ({error}) and the model has no `#[attio(unique)]` attribute to check it by"
            ),
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
    let mut error = api_error_from(status, body, Some(call.describe()));
    if error.attribute.is_none() && status == 400 {
        error.attribute = attribute_of_type_named(&error.message, call);
    }
    error
}

/// The attribute a message like "Invalid phone number, …" is about: the one attribute of
/// that type the request wrote, if there is exactly one.
fn attribute_of_type_named(message: &str, call: &Call) -> Option<String> {
    const TYPES: [(&str, AttributeType); 6] = [
        ("phone number", AttributeType::PhoneNumber),
        ("email", AttributeType::EmailAddress),
        ("domain", AttributeType::Domain),
        ("currency", AttributeType::Currency),
        ("location", AttributeType::Location),
        ("rating", AttributeType::Rating),
    ];
    let message = message.to_ascii_lowercase();
    let (_, ty) = TYPES.iter().find(|(word, _)| message.contains(word))?;
    let written = super::written_slugs(call.body.as_deref()?);
    let mut candidates = call
        .attributes
        .iter()
        .filter(|a| a.attribute_type == *ty && written.iter().any(|w| w == a.slug));
    match (candidates.next(), candidates.next()) {
        (Some(one), None) => Some(one.slug.to_owned()),
        _ => None,
    }
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
            unique_key: Some(("email_addresses", AttributeType::EmailAddress)),
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

    fn create(body: &str, key: (&'static str, AttributeType)) -> Call {
        let call = Call::new(
            CallKind::Create,
            "people",
            "/v2/objects/people/records".into(),
        )
        .body(body.as_bytes().to_vec());
        Call {
            unique_key: Some(key),
            ..call
        }
    }

    #[test]
    fn create_is_looked_up_by_its_unique_value() {
        let since = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let call = create(
            r#"{"data":{"values":{"email_addresses":["Ada@Example.com","b@example.com"],"name":["x"]}}}"#,
            ("email_addresses", AttributeType::EmailAddress),
        );
        let lookup = call.lookup(since).expect("an email can be looked up");
        assert_eq!(lookup.kind, CallKind::Query);
        assert_eq!(lookup.describe(), "POST /v2/objects/people/records/query");
        let body: serde_json::Value =
            serde_json::from_slice(lookup.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"filter": {"email_addresses": "ada@example.com"}, "limit": 1})
        );
        let l = lookup.lookup.as_ref().unwrap();
        assert_eq!(l.create.kind, CallKind::Create);
        assert_eq!(l.since, since);

        // Text keeps its case; numbers are looked up as numbers.
        let text = create(
            r#"{"data":{"values":{"user_id":["U-1"]}}}"#,
            ("user_id", AttributeType::Text),
        );
        let body = text.lookup(since).unwrap().body.unwrap();
        assert_eq!(&body[..], br#"{"filter":{"user_id":"U-1"},"limit":1}"#);
        let number = create(
            r#"{"data":{"values":{"badge":[42]}}}"#,
            ("badge", AttributeType::Number),
        );
        assert!(number.lookup(since).is_some());
        // A phone number is written as an object: no lookup (the create falls back to an
        // assert), nor without a value for the key.
        let phone = create(
            r#"{"data":{"values":{"phone":[{"original_phone_number":"+15558675309","country_code":null}]}}}"#,
            ("phone", AttributeType::PhoneNumber),
        );
        assert!(phone.lookup(since).is_none());
        let missing = create(
            r#"{"data":{"values":{"name":["x"]}}}"#,
            ("email_addresses", AttributeType::EmailAddress),
        );
        assert!(missing.lookup(since).is_none());
    }

    #[test]
    fn lookup_tells_stored_from_taken_from_nothing() {
        let since = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let call = create(
            r#"{"data":{"values":{"email_addresses":["ada@example.com"]}}}"#,
            ("email_addresses", AttributeType::EmailAddress),
        );
        let lookup = call.lookup(since.into()).unwrap().lookup.unwrap();
        let page = |created_at: &str| {
            format!(
                r#"{{"data":[{{"id":{{"record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}},"created_at":"{created_at}","values":{{}}}}]}}"#
            )
        };

        // Without the server's clock: created after the first send, or up to two minutes
        // before it (the server's clock may be behind), is ours.
        for t in ["2026-11-26T10:00:01.5Z", "2026-11-26T09:59:00Z"] {
            match lookup.resolve(page(t).as_bytes(), "people", None).unwrap() {
                Found::Stored(body) => {
                    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
                    assert_eq!(v["data"]["created_at"], t);
                }
                other => panic!("{t}: {other:?}"),
            }
        }
        // With it (here 30 s behind ours), the window is one second: the create was first
        // sent at 09:59:30 in the server's time.
        let local = SystemTime::from(since) + Duration::from_secs(5);
        let clock = Some(ServerClock {
            server: local - Duration::from_secs(30),
            local,
        });
        for (t, ours) in [
            ("2026-11-26T09:59:31Z", true),
            ("2026-11-26T09:59:29.5Z", true),
            ("2026-11-26T09:59:28Z", false),
            ("2026-11-26T09:59:00Z", false),
        ] {
            let found = lookup.resolve(page(t).as_bytes(), "people", clock);
            assert_eq!(
                matches!(found, Ok(Found::Stored(_))),
                ours,
                "{t}: {found:?}"
            );
        }
        // Created well before: another record already held the value.
        let err = lookup
            .resolve(page("2026-11-20T08:00:00Z").as_bytes(), "people", None)
            .unwrap_err();
        let Error::Api(api) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(api.code, ErrorCode::UniquenessConflict);
        assert_eq!(api.attribute.as_deref(), Some("email_addresses"));
        assert_eq!(
            api.request.as_deref(),
            Some("POST /v2/objects/people/records")
        );
        assert!(
            api.message
                .contains("record bf071e1f-6035-429d-b874-d83ea64ea13b"),
            "{}",
            api.message
        );
        // No record: the create was not stored.
        assert!(matches!(
            lookup.resolve(br#"{"data":[]}"#, "people", None).unwrap(),
            Found::Nothing
        ));
        // A malformed answer leaves the outcome unknown, and says why.
        for bad in [&b"{"[..], br#"{"data":[{"id":{}}]}"#] {
            let err = lookup.resolve(bad, "people", None).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::OutcomeUnknown {
                        object: "people",
                        ..
                    }
                ),
                "{err:?}"
            );
            assert!(
                err.to_string()
                    .contains("looking it up by `email_addresses`")
            );
        }
    }
}
