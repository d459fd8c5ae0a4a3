//! Helpers shared by the write-form parsers: building a stored form, the "invalid value"
//! errors, unwrapping an object write form, numbers.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::model::AttributeDef;

/// The 400 for a value of the wrong form.
pub(crate) fn invalid(attr: &AttributeDef) -> ApiError {
    ApiError::validation(format!(
        "An invalid value was passed to attribute with slug \"{}\".",
        attr.api_slug
    ))
}

/// The 400 for a value of the wrong form, saying why.
pub(crate) fn invalid_because(attr: &AttributeDef, why: &str) -> ApiError {
    ApiError::validation(format!(
        "An invalid value was passed to attribute with slug \"{}\": {why}",
        attr.api_slug
    ))
}

/// A stored form from key/value pairs.
pub(crate) fn obj(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// A number's stored form: integral floats as integers, so that `5` reads back as `5`, not
/// `5.0`. `None` for NaN and the infinities, which JSON cannot hold (they would be stored
/// and read back as `null`): the caller refuses them.
pub(crate) fn num_value(x: f64) -> Option<Value> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Some(json!(x as i64))
    } else {
        serde_json::Number::from_f64(x).map(Value::Number)
    }
}

/// `{"<key>": inner}` → inner, for the object write forms (`{"value": …}`).
pub(crate) fn unwrap_key<'a>(raw: &'a Value, key: &str) -> &'a Value {
    match raw {
        Value::Object(m) if m.contains_key(key) => &m[key],
        _ => raw,
    }
}
