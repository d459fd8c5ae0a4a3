//! Attio's error bodies, read into [`ApiError`]s for every area.

use reqwest::StatusCode;
use serde::Deserialize;

use crate::error::{ApiError, ErrorCode, ValidationIssue, cut};

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
///
/// The texts of the body (the message, each validation entry's message, expected and
/// received) are cut to a readable length, after the attribute is read from them. (The
/// caller takes the API key out of them: see `Client::redact`.)
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
            request_id: None,
        },
        None => ApiError {
            status,
            error_type: String::new(),
            code: reason_code(status),
            message: snippet(body),
            validation_errors: Vec::new(),
            request,
            attribute: None,
            request_id: None,
        },
    };
    error.attribute = attribute_named(&error);
    error.message = cut(error.message);
    error.error_type = cut(error.error_type);
    if let ErrorCode::Other(code) = &mut error.code {
        *code = cut(std::mem::take(code));
    }
    for issue in &mut error.validation_errors {
        issue.message = cut(std::mem::take(&mut issue.message));
        issue.expected = issue.expected.take().map(cut);
        issue.received = issue.received.take().map(cut);
    }
    error
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

/// The start of a body that is not Attio's error shape, its whitespace folded (the
/// caller cuts it to a readable length).
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return "(empty response body)".to_owned();
    }
    text
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
    use crate::error::Error;

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
    fn the_request_id_is_shown_before_the_hints() {
        let body = br#"{"status_code":401,"type":"auth_error","code":"unauthorized","message":"Invalid API key."}"#;
        let mut e = api_error_from(401, body, Some("GET /v2/self".into()));
        assert_eq!(e.request_id(), None);
        assert!(!e.to_string().contains("request id"));
        e.request_id = Some("5b0d7f4e-0000-4000-8000-000000000001".into());
        let shown = Error::from(e).to_string();
        assert!(
            shown.ends_with(
                "Invalid API key. (request id 5b0d7f4e-0000-4000-8000-000000000001) (check ATTIO_API_KEY)"
            ),
            "{shown}"
        );
    }

    #[test]
    fn multiple_matches_on_an_entry_assert_say_why() {
        let body = br#"{"status_code":400,"type":"invalid_request_error","code":"multiple_match_results","message":"Multiple entries match."}"#;
        let on = |request: &str| Error::from(api_error_from(400, body, Some(request.to_owned())));
        let assert = on("PUT /v2/lists/sales/entries");
        assert!(assert.is_multiple_match());
        let shown = assert.to_string();
        assert!(shown.contains("several entries in this list"), "{shown}");
        // Elsewhere the code is the same, but the reason is not an entry's parent.
        for other in [
            "PUT /v2/objects/people/records?matching_attribute=email_addresses",
            "PUT /v2/lists/sales/entries/0b0e0f1a-0000-4000-8000-000000000000",
            "POST /v2/lists/sales/entries",
        ] {
            let e = on(other);
            assert!(e.is_multiple_match());
            assert!(!e.to_string().contains("several entries"), "{e}");
        }
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
}
