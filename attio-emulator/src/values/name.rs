//! Personal-name values: `"Last, First"`, `"First Last"` and the three-key object form.

use serde_json::{Map, Value, json};

use super::form::{invalid, invalid_because, obj};
use crate::error::{ApiError, ApiResult};
use crate::model::AttributeDef;

/// Parses a personal-name write.
pub(crate) fn parse_name(attr: &AttributeDef, raw: &Value) -> ApiResult<Map<String, Value>> {
    let (first, last, full) = match raw {
        Value::String(s) => match s.split_once(',') {
            Some((last, first)) => {
                let (f, l) = (first.trim().to_string(), last.trim().to_string());
                let full = format!("{f} {l}").trim().to_string();
                (f, l, full)
            }
            None => (s.trim().to_string(), String::new(), s.trim().to_string()),
        },
        Value::Object(m) => {
            let missing: Vec<&str> = ["first_name", "last_name", "full_name"]
                .into_iter()
                .filter(|k| !m.contains_key(*k))
                .collect();
            if !missing.is_empty() {
                let mut e = ApiError::validation(format!(
                    "An invalid value was passed to attribute with slug \"{}\": personal-name values must include first_name, last_name and full_name.",
                    attr.api_slug
                ));
                e.validation_errors = Some(
                    missing
                        .iter()
                        .map(|k| json!({"code": "invalid_type", "path": ["data", "values", attr.api_slug, k],
                                        "message": "Required", "expected": "string", "received": "undefined"}))
                        .collect(),
                );
                return Err(e);
            }
            let get = |k: &str| -> ApiResult<String> {
                match &m[k] {
                    Value::Null => Ok(String::new()),
                    Value::String(s) => Ok(s.trim().to_string()),
                    _ => Err(invalid_because(attr, &format!("\"{k}\" must be a string."))),
                }
            };
            let (f, l, full) = (get("first_name")?, get("last_name")?, get("full_name")?);
            let full = if full.is_empty() {
                format!("{f} {l}").trim().to_string()
            } else {
                full
            };
            (f, l, full)
        }
        _ => return Err(invalid(attr)),
    };
    if first.is_empty() && last.is_empty() && full.is_empty() {
        return Err(invalid_because(attr, "a name cannot be empty."));
    }
    Ok(obj(vec![
        ("first_name", json!(first)),
        ("last_name", json!(last)),
        ("full_name", json!(full)),
    ]))
}
