//! The one error type of attio-rs, and the structured pieces it is made of.

use std::fmt;
use std::time::Duration;

mod decode;
mod echo;
mod redact;
mod webhook;

pub(crate) use decode::split_serde_message;
pub use decode::{DecodeError, ModelKind};
pub(crate) use echo::{MIN_SECRET, cut, redact_in};
pub use webhook::WebhookError;

/// Everything that can go wrong in attio-rs.
///
/// `Display` is a sentence a person can act on; the API key never appears in it, nor in
/// `Debug`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Attio answered with an error body (`{status_code, type, code, message}`).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// Attio kept answering 429 until the retry budget was spent.
    #[error(
        "Attio's rate limit was still exceeded after {attempts} attempts{}; slow down or raise the retry budget",
        retry_after.map(|d| format!(" (last Retry-After: {:.1}s)", d.as_secs_f64())).unwrap_or_default()
    )]
    RateLimited {
        /// How many requests were sent.
        attempts: u32,
        /// The last `Retry-After` Attio asked for.
        retry_after: Option<Duration>,
    },
    /// A response did not have the shape the model declares.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// Some records of a page could not be decoded into the model; the others could.
    /// Each failure names its record. [`Query::send`](crate::Query::send) answers this
    /// (and [`Page::into_result`](crate::Page::into_result));
    /// [`Query::send_page`](crate::Query::send_page) returns the good records beside the
    /// failures instead. [`Error::as_decode`] is the first failure.
    #[error("{}", bad_records(object, *good, failures))]
    BadRecords {
        /// The object slug.
        object: &'static str,
        /// How many records of the page decoded.
        good: usize,
        /// One error per record that did not, in page order (never empty).
        failures: Vec<DecodeError>,
    },
    /// A write (create, assert, update) of a record or a list entry that Attio stored,
    /// whose response could not be decoded into the model. The record (or entry) exists:
    /// sending the write again would meet `uniqueness_conflict` or create a duplicate. Fix
    /// the model, then read it back with [`get`](crate::Client::get). Never retryable.
    #[error("{}", stored_but_unreadable(object, record_id, source))]
    StoredButUnreadable {
        /// The object slug (the list slug for an entry: see `source.kind`).
        object: &'static str,
        /// The stored record's id (the entry id for an entry), when the response (or the
        /// call) gives it.
        record_id: Option<uuid::Uuid>,
        /// Why the response could not be decoded.
        source: Box<DecodeError>,
    },
    /// A value Attio would reject was refused before sending.
    #[error(transparent)]
    InvalidValue(Box<ValueError>),
    /// The request could not be sent or its response could not be read.
    ///
    /// [`source`](std::error::Error::source) is the underlying error of the HTTP stack.
    #[error("{message}")]
    Transport {
        /// What happened, without the API key.
        message: String,
        /// Whether the failure happened after the request may have reached Attio.
        maybe_sent: bool,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// A create whose response was lost and that could not be checked (the model has no
    /// unique attribute to look it up by, or the lookup failed): the record may or may not
    /// exist now.
    #[error("the create on `{object}` may or may not have been stored: {reason}")]
    OutcomeUnknown {
        /// The object slug.
        object: &'static str,
        /// What was lost, and why it could not be checked.
        reason: String,
    },
    /// A reference by a unique value (a domain, an email address) that no record holds:
    /// the client's query for it found nothing. Concluded by the client, not answered by
    /// Attio; [`Error::is_not_found`] is true for it.
    #[error(
        "no `{object}` record has {attribute} {value:?}: the client's query for the referenced record found none"
    )]
    ReferenceNotFound {
        /// The object slug of the referenced record.
        object: &'static str,
        /// The unique attribute the reference names it by, e.g. `domains`.
        attribute: &'static str,
        /// The value looked for.
        value: String,
    },
    /// A create whose response was lost, after which the client's lookup found an older
    /// record holding the create's unique value: the create was not stored (Attio would
    /// have refused it as a uniqueness conflict), and the other record was left untouched.
    /// Concluded by the client, not answered by Attio; [`Error::is_uniqueness_conflict`]
    /// is true for it.
    #[error(
        "the create on `{object}` was not stored: record {record_id} (created {created_at}) already holds its `{attribute}` value (concluded by the client from a lookup after the create's response was lost; {request})"
    )]
    UniqueValueTaken {
        /// The object slug.
        object: &'static str,
        /// The unique attribute whose value is taken.
        attribute: &'static str,
        /// The record that holds the value.
        record_id: uuid::Uuid,
        /// When that record was created.
        created_at: chrono::DateTime<chrono::Utc>,
        /// The create, e.g. `POST /v2/objects/people/records`.
        request: String,
    },
    /// The client is not configured correctly (missing key, non-https base URL, …).
    #[error("attio-rs configuration: {0}")]
    Config(String),
    /// A webhook delivery was refused: its signature is missing, malformed or wrong, or
    /// an event was followed up into a model it does not belong to.
    #[error(transparent)]
    Webhook(WebhookError),
}

impl Error {
    /// The HTTP status of an API error, if this is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// Attio's error code, if this is an API error.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Api(e) => Some(&e.code),
            _ => None,
        }
    }

    /// Whether the thing asked for does not exist: Attio's 404 `not_found` (the record,
    /// object or attribute), or a reference whose unique value no record holds
    /// ([`Error::ReferenceNotFound`]). A 404 `merge_in_progress` (the read of a record
    /// still being merged) is not: the record exists, soon.
    pub fn is_not_found(&self) -> bool {
        match self {
            Error::Api(e) => e.status == 404 && e.code != ErrorCode::MergeInProgress,
            Error::ReferenceNotFound { .. } => true,
            _ => false,
        }
    }

    /// Whether another record already holds a unique value the call wrote: Attio's
    /// `uniqueness_conflict`, or the same concluded by the client after a lost create
    /// ([`Error::UniqueValueTaken`]).
    pub fn is_uniqueness_conflict(&self) -> bool {
        match self {
            Error::Api(e) => e.code == ErrorCode::UniquenessConflict,
            Error::UniqueValueTaken { .. } => true,
            _ => false,
        }
    }

    /// Whether Attio found several matches where the call needed one: its 400
    /// `multiple_match_results`, as an assert of a list entry by parent answers when the
    /// parent has several entries in the list (update one of them by entry id instead).
    pub fn is_multiple_match(&self) -> bool {
        matches!(self, Error::Api(e) if e.code == ErrorCode::MultipleMatchResults)
    }

    /// Whether sending the same request again may succeed: rate limits, server errors and
    /// transport failures. (Whether it is *safe* to resend depends on the call; the client
    /// decides that.)
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => e.status == 429 || e.status >= 500,
            Error::RateLimited { .. } | Error::Transport { .. } => true,
            _ => false,
        }
    }

    /// Attio's id of the request that failed (its `x-attio-execution-id` response header),
    /// for an API error whose answer had one: quote it in a support request.
    pub fn request_id(&self) -> Option<&str> {
        self.as_api().and_then(ApiError::request_id)
    }

    /// The API error, if this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The decode error, if this is one; for [`Error::BadRecords`], its first failure.
    pub fn as_decode(&self) -> Option<&DecodeError> {
        match self {
            Error::Decode(e) => Some(e),
            Error::BadRecords { failures, .. } => failures.first(),
            _ => None,
        }
    }

    /// The rejected value, if this is one.
    pub fn as_invalid_value(&self) -> Option<&ValueError> {
        match self {
            Error::InvalidValue(e) => Some(e),
            _ => None,
        }
    }
}

impl From<WebhookError> for Error {
    fn from(e: WebhookError) -> Self {
        Error::Webhook(e)
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(Box::new(e))
    }
}

impl From<ValueError> for Error {
    fn from(e: ValueError) -> Self {
        Error::InvalidValue(Box::new(e))
    }
}

/// How many bad records [`Error::BadRecords`] names in its `Display` (all are in
/// `failures`).
const BAD_RECORDS_SHOWN: usize = 50;

/// The `Display` of [`Error::BadRecords`]: the count, the first failure in full, and the
/// ids of the bad records.
fn bad_records(object: &str, good: usize, failures: &[DecodeError]) -> String {
    use fmt::Write;
    let bad = failures.len();
    let mut out = format!(
        "{bad} of the {} `{object}` records of the page cannot be decoded into the model ({good} can: `send_page()` returns them with the failures)",
        good + bad
    );
    let ids: Vec<String> = failures
        .iter()
        .take(BAD_RECORDS_SHOWN)
        .map(|f| {
            f.record_id
                .map_or("(id unreadable)".to_owned(), |id| id.to_string())
        })
        .collect();
    let _ = write!(out, "; bad records: {}", ids.join(", "));
    if bad > BAD_RECORDS_SHOWN {
        let _ = write!(out, " and {} more", bad - BAD_RECORDS_SHOWN);
    }
    if let Some(first) = failures.first() {
        let _ = write!(out, "; the first: {first}");
    }
    out
}

/// The `Display` of [`Error::StoredButUnreadable`].
fn stored_but_unreadable(
    object: &str,
    record_id: &Option<uuid::Uuid>,
    source: &DecodeError,
) -> String {
    let kind = source.kind;
    let stored = match record_id {
        Some(id) => format!("the `{object}` {kind} {id} was stored"),
        None => format!("a `{object}` {kind} was stored (its id could not be read)"),
    };
    format!(
        "{stored}, but the response cannot be decoded into the model: do not create it again; fix the model and read the {kind} back ({source})"
    )
}

/// Attio's machine-readable error `code`. Parse this, never the message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `validation_type`: the body or query failed validation.
    ValidationType,
    /// `value_not_found`: a referenced option, status or record does not exist.
    ValueNotFound,
    /// `missing_value`: a required attribute has no value.
    MissingValue,
    /// `uniqueness_conflict`: another record already holds the unique value.
    UniquenessConflict,
    /// `matching_attribute_definition_not_unique`: assert on a non-unique attribute.
    MatchingAttributeNotUnique,
    /// `multiple_match_results`
    MultipleMatchResults,
    /// `immutable_value`
    ImmutableValue,
    /// `filter_error`: the query filter is malformed.
    FilterError,
    /// `system_edit_unauthorized`
    SystemEditUnauthorized,
    /// `unauthorized`: missing or wrong API key.
    Unauthorized,
    /// `billing_error`
    BillingError,
    /// `not_found`
    NotFound,
    /// `slug_conflict`
    SlugConflict,
    /// `rate_limit_exceeded`
    RateLimitExceeded,
    /// `merge_in_progress`: the record is being merged (a 404 on its read, a 400 on a write
    /// touching it), not gone; try again shortly.
    MergeInProgress,
    /// `self_merge`: a merge of a record with itself.
    SelfMerge,
    /// A code this version does not know, kept as sent.
    Other(String),
}

impl ErrorCode {
    /// Parses Attio's spelling.
    pub fn parse(s: &str) -> Self {
        match s {
            "validation_type" => Self::ValidationType,
            "value_not_found" => Self::ValueNotFound,
            "missing_value" => Self::MissingValue,
            "uniqueness_conflict" => Self::UniquenessConflict,
            "matching_attribute_definition_not_unique" => Self::MatchingAttributeNotUnique,
            "multiple_match_results" => Self::MultipleMatchResults,
            "immutable_value" => Self::ImmutableValue,
            "filter_error" => Self::FilterError,
            "system_edit_unauthorized" => Self::SystemEditUnauthorized,
            "unauthorized" => Self::Unauthorized,
            "billing_error" => Self::BillingError,
            "not_found" => Self::NotFound,
            "slug_conflict" => Self::SlugConflict,
            "rate_limit_exceeded" => Self::RateLimitExceeded,
            "merge_in_progress" => Self::MergeInProgress,
            "self_merge" => Self::SelfMerge,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ValidationType => "validation_type",
            Self::ValueNotFound => "value_not_found",
            Self::MissingValue => "missing_value",
            Self::UniquenessConflict => "uniqueness_conflict",
            Self::MatchingAttributeNotUnique => "matching_attribute_definition_not_unique",
            Self::MultipleMatchResults => "multiple_match_results",
            Self::ImmutableValue => "immutable_value",
            Self::FilterError => "filter_error",
            Self::SystemEditUnauthorized => "system_edit_unauthorized",
            Self::Unauthorized => "unauthorized",
            Self::BillingError => "billing_error",
            Self::NotFound => "not_found",
            Self::SlugConflict => "slug_conflict",
            Self::RateLimitExceeded => "rate_limit_exceeded",
            Self::MergeInProgress => "merge_in_progress",
            Self::SelfMerge => "self_merge",
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of an error body's `validation_errors`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct ValidationIssue {
    /// e.g. `invalid_type`.
    #[serde(default)]
    pub code: String,
    /// Where in the request body, e.g. `["data", "values", "email_addresses", 0]`.
    #[serde(default)]
    pub path: Vec<serde_json::Value>,
    /// Attio's explanation.
    #[serde(default)]
    pub message: String,
    /// What was expected, when said.
    #[serde(default)]
    pub expected: Option<String>,
    /// What was received, when said.
    #[serde(default)]
    pub received: Option<String>,
}

/// An error answered by Attio.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// Attio's `type`, e.g. `invalid_request_error`.
    pub error_type: String,
    /// Attio's `code`.
    pub code: ErrorCode,
    /// Attio's `message`, cut to 200 characters (ending in `…`) when longer.
    pub message: String,
    /// Attio's `validation_errors`, when sent.
    pub validation_errors: Vec<ValidationIssue>,
    /// The request that failed, e.g. `POST /v2/objects/people/records`.
    pub request: Option<String>,
    /// The attribute the error is about, when Attio's message or the request names one.
    pub attribute: Option<String>,
    /// Attio's id of the request, from the `x-attio-execution-id` response header: quote it
    /// in a support request. `None` when the answer had none (a proxy answered, or the
    /// error did not come over HTTP).
    pub request_id: Option<String>,
}

impl ApiError {
    /// Attio's id of the failed request (its `x-attio-execution-id` response header), to
    /// quote to Attio's support; also recorded as `request_id` in the request's
    /// `attio.request` tracing span.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Attio answered {} {}", self.status, self.code)?;
        if let Some(r) = &self.request {
            write!(f, " to {r}")?;
        }
        if let Some(a) = &self.attribute {
            write!(f, " (attribute `{a}`)")?;
        }
        write!(f, ": {}", self.message)?;
        for v in &self.validation_errors {
            let path: Vec<String> = v
                .path
                .iter()
                .map(|p| match p {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            write!(f, "; at {}: {}", path.join("."), v.message)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        if self.code == ErrorCode::Unauthorized {
            f.write_str(" (check ATTIO_API_KEY)")?;
        }
        if self.code == ErrorCode::MultipleMatchResults
            && self.request.as_deref().is_some_and(is_entry_assert)
        {
            f.write_str(
                " (the parent record has several entries in this list, so an assert by parent cannot choose one: update one of them by its entry id)",
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Whether `request` (`METHOD /path`) is an assert of a list entry by parent,
/// `PUT /v2/lists/{list}/entries`.
fn is_entry_assert(request: &str) -> bool {
    request
        .strip_prefix("PUT /v2/lists/")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(_, tail)| tail == "entries")
}

/// A value refused before it was sent, because Attio would reject it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValueError {
    /// The object slug, when the value was checked as part of a model.
    pub object: Option<&'static str>,
    /// The attribute slug, when the value was checked as part of a model.
    pub attribute: Option<String>,
    /// What kind of value it should have been, e.g. `email address`.
    pub kind: &'static str,
    /// The offending value, as given, cut to 200 characters (ending in `…`) when longer.
    pub value: String,
    /// Why it was refused.
    pub reason: String,
}

impl ValueError {
    /// A value of `kind` refused for `reason`. A value longer than 200 characters is kept
    /// cut, ending in `…`.
    pub fn new(kind: &'static str, value: impl Into<String>, reason: impl Into<String>) -> Self {
        ValueError {
            object: None,
            attribute: None,
            kind,
            value: cut(value.into()),
            reason: reason.into(),
        }
    }

    /// The same error, placed at an attribute of an object.
    pub fn at(mut self, object: &'static str, attribute: &str) -> Self {
        self.object = Some(object);
        self.attribute = Some(attribute.to_owned());
        self
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} {:?}", self.kind, self.value)?;
        match (&self.attribute, self.object) {
            (Some(a), Some(o)) => write!(f, " for attribute `{a}` of `{o}`")?,
            (Some(a), None) => write!(f, " for attribute `{a}`")?,
            _ => {}
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for ValueError {}
