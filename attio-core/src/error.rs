//! The one error type of attio-rs, and the structured pieces it is made of.

use std::fmt;
use std::time::Duration;

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
    /// A value Attio would reject was refused before sending.
    #[error(transparent)]
    InvalidValue(Box<ValueError>),
    /// The request could not be sent or its response could not be read.
    #[error("{message}")]
    Transport {
        /// What happened, without the API key.
        message: String,
        /// Whether the failure happened after the request may have reached Attio.
        maybe_sent: bool,
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
    /// The client is not configured correctly (missing key, non-https base URL, …).
    #[error("attio-rs configuration: {0}")]
    Config(String),
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

    /// Whether this is Attio's 404 `not_found`: the record (or object, or attribute) does
    /// not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Api(e) if e.status == 404)
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

    /// The API error, if this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The decode error, if this is one.
    pub fn as_decode(&self) -> Option<&DecodeError> {
        match self {
            Error::Decode(e) => Some(e),
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
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// Attio's `type`, e.g. `invalid_request_error`.
    pub error_type: String,
    /// Attio's `code`.
    pub code: ErrorCode,
    /// Attio's `message`.
    pub message: String,
    /// Attio's `validation_errors`, when sent.
    pub validation_errors: Vec<ValidationIssue>,
    /// The request that failed, e.g. `POST /v2/objects/people/records`.
    pub request: Option<String>,
    /// The attribute the error is about, when Attio's message or the request names one.
    pub attribute: Option<String>,
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
        if self.code == ErrorCode::Unauthorized {
            f.write_str(" (check ATTIO_API_KEY)")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// What a model stands for: a record of an object, or an entry of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ModelKind {
    /// A record (`AttioRecord`): the slug is an object's.
    #[default]
    Record,
    /// A list entry (`AttioEntry`): the slug is a list's.
    Entry,
}

impl ModelKind {
    /// `record` or `entry`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ModelKind::Record => "record",
            ModelKind::Entry => "entry",
        }
    }
}

impl fmt::Display for ModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A response that does not have the shape the model declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The slug of what the model stands for: the object of a record model, the list of an
    /// entry model (see `kind`).
    pub object: &'static str,
    /// Whether a record or a list entry was being decoded.
    pub kind: ModelKind,
    /// The record id, when it was read before the error.
    pub record_id: Option<uuid::Uuid>,
    /// The entry id of a list entry, when it was read before the error.
    pub entry_id: Option<uuid::Uuid>,
    /// The attribute slug, when the error is inside `values`.
    pub attribute: Option<String>,
    /// The JSON path, e.g. `data.values.email_addresses[0].email_address`.
    pub path: String,
    /// What the model expected.
    pub expected: String,
    /// What the response held.
    pub found: String,
    /// Line and column in the response body (1-based), when known.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot decode a `{}` {}", self.object, self.kind)?;
        if let Some(id) = self.entry_id.or(self.record_id) {
            write!(f, " {id}")?;
        }
        if let Some(a) = &self.attribute {
            write!(f, ", attribute `{a}`")?;
        }
        write!(
            f,
            " at `{}`: expected {}, found {}",
            self.path, self.expected, self.found
        )?;
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// A value refused before it was sent, because Attio would reject it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// The object slug, when the value was checked as part of a model.
    pub object: Option<&'static str>,
    /// The attribute slug, when the value was checked as part of a model.
    pub attribute: Option<String>,
    /// What kind of value it should have been, e.g. `email address`.
    pub kind: &'static str,
    /// The offending value, as given.
    pub value: String,
    /// Why it was refused.
    pub reason: String,
}

impl ValueError {
    /// A value of `kind` refused for `reason`.
    pub fn new(kind: &'static str, value: impl Into<String>, reason: impl Into<String>) -> Self {
        ValueError {
            object: None,
            attribute: None,
            kind,
            value: value.into(),
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
