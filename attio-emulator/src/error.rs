//! Attio-style error bodies: `{status_code, type, code, message[, validation_errors]}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error answered to the client.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub code: &'static str,
    pub message: String,
    pub validation_errors: Option<Vec<Value>>,
}

impl ApiError {
    fn new(status: StatusCode, kind: &'static str, code: &'static str, msg: String) -> Self {
        ApiError {
            status,
            kind,
            code,
            message: msg,
            validation_errors: None,
        }
    }

    fn invalid(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            code,
            msg.into(),
        )
    }

    pub fn validation(msg: impl Into<String>) -> Self {
        Self::invalid("validation_type", msg)
    }

    /// A body/query schema error with one zod-style `validation_errors` entry.
    pub fn schema(path: Vec<Value>, code: &str, expected: &str, received: &str, msg: &str) -> Self {
        let mut e = Self::validation("Body payload validation error.");
        e.validation_errors = Some(vec![json!({
            "code": code,
            "path": path,
            "message": msg,
            "expected": expected,
            "received": received,
        })]);
        e
    }

    pub fn value_not_found(msg: impl Into<String>) -> Self {
        Self::invalid("value_not_found", msg)
    }

    pub fn missing_value(msg: impl Into<String>) -> Self {
        Self::invalid("missing_value", msg)
    }

    pub fn uniqueness(slug: &str) -> Self {
        Self::invalid(
            "uniqueness_conflict",
            format!(
                "A value provided for attribute with slug \"{slug}\" conflicts with one already in the system."
            ),
        )
    }

    pub fn not_unique(msg: impl Into<String>) -> Self {
        Self::invalid("matching_attribute_definition_not_unique", msg)
    }

    pub fn multiple_match(msg: impl Into<String>) -> Self {
        Self::invalid("multiple_match_results", msg)
    }

    pub fn immutable(msg: impl Into<String>) -> Self {
        Self::invalid("immutable_value", msg)
    }

    pub fn filter(msg: impl Into<String>) -> Self {
        Self::invalid("filter_error", msg)
    }

    pub fn system_edit(msg: impl Into<String>) -> Self {
        Self::invalid("system_edit_unauthorized", msg)
    }

    pub fn not_found(msg: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            "not_found",
            msg.into(),
        )
    }

    pub fn slug_conflict(msg: impl Into<String>) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "invalid_request_error",
            "slug_conflict",
            msg.into(),
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "auth_error",
            "unauthorized",
            "Authentication failed. Please provide a valid API key in the Authorization header as `Bearer <token>`.".into(),
        )
    }

    pub fn rate_limited() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_error",
            "rate_limit_exceeded",
            "Rate limit exceeded, please try again later".into(),
        )
    }

    pub fn internal(status: StatusCode) -> Self {
        let msg = if status == StatusCode::SERVICE_UNAVAILABLE {
            "The service is temporarily unavailable. Please retry."
        } else {
            "An internal server error occurred."
        };
        Self::new(
            status,
            "internal_server_error",
            "internal_server_error",
            msg.into(),
        )
    }

    pub fn body(&self) -> Value {
        let mut v = json!({
            "status_code": self.status.as_u16(),
            "type": self.kind,
            "code": self.code,
            "message": self.message,
        });
        if let Some(ve) = &self.validation_errors {
            v["validation_errors"] = Value::Array(ve.clone());
        }
        v
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

/// Result alias for request processing.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

/// JSON type name as zod reports it in `received`.
pub(crate) fn json_type(v: Option<&Value>) -> &'static str {
    match v {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
        Some(Value::Object(_)) => "object",
    }
}
