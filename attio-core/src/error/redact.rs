//! The API key is never repeated by an error: a server or proxy may echo the
//! `Authorization` header into any text it sends back.

use super::echo::redact_in;
use super::{ApiError, DecodeError, Error, ErrorCode};

impl Error {
    /// The same error with `secret` (the API key) replaced by `[redacted]` in every text it
    /// carries: servers and proxies may echo the `Authorization` header into a message, a
    /// validation entry or a body that then fails to decode.
    pub(crate) fn redact(mut self, secret: &str) -> Self {
        let r = |text: &mut String| redact_in(text, secret);
        match &mut self {
            Error::Api(e) => e.redact(secret),
            Error::Decode(e) => e.redact(secret),
            Error::BadRecords { failures, .. } => {
                for e in failures {
                    e.redact(secret);
                }
            }
            Error::StoredButUnreadable { source, .. } => source.redact(secret),
            Error::InvalidValue(e) => {
                r(&mut e.value);
                r(&mut e.reason);
                if let Some(text) = e.attribute.as_mut() {
                    r(text);
                }
            }
            Error::Transport { message, .. } => r(message),
            Error::OutcomeUnknown { reason, .. } => r(reason),
            Error::ReferenceNotFound { value, .. } => r(value),
            Error::UniqueValueTaken { request, .. } => r(request),
            Error::Config(message) => r(message),
            Error::RateLimited { .. } | Error::Webhook(_) => {}
        }
        self
    }
}

impl DecodeError {
    /// Replaces `secret` in every text of the error (see [`Error::redact`]).
    fn redact(&mut self, secret: &str) {
        for text in [&mut self.path, &mut self.expected, &mut self.found] {
            redact_in(text, secret);
        }
        if let Some(text) = self.attribute.as_mut() {
            redact_in(text, secret);
        }
    }
}

impl ApiError {
    /// Replaces `secret` in every text of the error (see [`Error::redact`]).
    fn redact(&mut self, secret: &str) {
        let r = |text: &mut String| redact_in(text, secret);
        r(&mut self.error_type);
        r(&mut self.message);
        if let ErrorCode::Other(code) = &mut self.code {
            r(code);
        }
        if let Some(text) = self.request.as_mut() {
            r(text);
        }
        if let Some(text) = self.attribute.as_mut() {
            r(text);
        }
        if let Some(text) = self.request_id.as_mut() {
            r(text);
        }
        for issue in &mut self.validation_errors {
            r(&mut issue.code);
            r(&mut issue.message);
            if let Some(text) = issue.expected.as_mut() {
                r(text);
            }
            if let Some(text) = issue.received.as_mut() {
                r(text);
            }
            for part in &mut issue.path {
                if let serde_json::Value::String(text) = part {
                    r(text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ValidationIssue, ValueError, cut};
    use super::*;

    const KEY: &str = "sk_test_0123456789abcdef";

    #[test]
    fn every_occurrence_goes_and_a_cut_start_of_the_key_too() {
        let mut text = format!("a {KEY} b {KEY}");
        redact_in(&mut text, KEY);
        assert_eq!(text, "a [redacted] b [redacted]");

        // Cut in the middle of the key: the start that is left goes as well.
        let mut text = cut(format!("{}{KEY}", "x".repeat(190)));
        assert!(text.ends_with("sk_test_01…"), "{text}");
        redact_in(&mut text, KEY);
        assert!(text.ends_with("x[redacted]…"), "{text}");
        // A short overlap is left alone, and text not cut is not touched.
        let mut text = cut(format!("{}sk_{}", "x".repeat(197), "y".repeat(10)));
        redact_in(&mut text, KEY);
        assert!(text.ends_with("sk_…"), "{text}");
        let mut text = "ends with sk_test".to_owned();
        redact_in(&mut text, KEY);
        assert_eq!(text, "ends with sk_test");
        // A placeholder key is not a secret: words are not mangled.
        for short in ["", "k", "key", "my-key!"] {
            let mut text = "no secret key here".to_owned();
            redact_in(&mut text, short);
            assert_eq!(text, "no secret key here");
        }
    }

    #[test]
    fn a_long_value_is_kept_cut() {
        let value = ValueError::new("email address", "a".repeat(10_000), "too long");
        assert_eq!(value.value.chars().count(), 201);
        assert!(value.to_string().len() < 300, "{value}");
    }

    #[test]
    fn every_text_of_an_error_is_redacted() {
        let api = ApiError {
            status: 400,
            error_type: KEY.into(),
            code: ErrorCode::Other(KEY.into()),
            message: format!("Bearer {KEY}"),
            validation_errors: vec![ValidationIssue {
                code: KEY.into(),
                path: vec![KEY.into(), 3.into()],
                message: KEY.into(),
                expected: Some(KEY.into()),
                received: Some(KEY.into()),
            }],
            request: Some(KEY.into()),
            attribute: Some(KEY.into()),
            request_id: None,
        };
        let value = ValueError::new("text", KEY, KEY).at("people", KEY);
        for error in [
            Error::from(api),
            Error::from(value),
            Error::Config(KEY.into()),
            Error::OutcomeUnknown {
                object: "people",
                reason: KEY.into(),
            },
            Error::ReferenceNotFound {
                object: "people",
                attribute: "domains",
                value: KEY.into(),
            },
        ] {
            let error = error.redact(KEY);
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains(KEY), "{shown}");
            assert!(shown.contains("[redacted]"), "{shown}");
        }
    }
}
