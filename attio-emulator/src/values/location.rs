//! Location values: the free-text and the full ten-key write forms.

use serde_json::{Map, Value, json};

use super::country::is_country;
use super::form::{invalid, invalid_because};
use crate::error::{ApiError, ApiResult};
use crate::model::AttributeDef;

/// The ten keys of a location value.
pub(crate) const LOCATION_KEYS: [&str; 10] = [
    "line_1",
    "line_2",
    "line_3",
    "line_4",
    "locality",
    "region",
    "postcode",
    "country_code",
    "latitude",
    "longitude",
];

fn valid_coord(s: &str, max: f64) -> bool {
    s.parse::<f64>()
        .is_ok_and(|x| x.is_finite() && x.abs() <= max)
        && s.split('.').nth(1).is_none_or(|frac| frac.len() <= 9)
}

/// Parses a location write (free text split on commas, or all ten keys).
pub(crate) fn parse_location(attr: &AttributeDef, raw: &Value) -> ApiResult<Map<String, Value>> {
    let mut out: Map<String, Value> = LOCATION_KEYS
        .iter()
        .map(|k| (k.to_string(), Value::Null))
        .collect();
    match raw {
        Value::String(s) => {
            // Free text, split on commas: "line 1, locality, region, CC".
            let mut parts: Vec<String> = s
                .split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() {
                return Err(invalid(attr));
            }
            if parts.len() > 1 {
                let last = parts.last().cloned().unwrap_or_default();
                if is_country(&last) {
                    out.insert("country_code".into(), json!(last.to_ascii_uppercase()));
                    parts.pop();
                }
            }
            match parts.len() {
                1 => {
                    out.insert("locality".into(), json!(parts[0]));
                }
                2 => {
                    out.insert("locality".into(), json!(parts[0]));
                    out.insert("region".into(), json!(parts[1]));
                }
                _ => {
                    let region = parts.pop().unwrap_or_default();
                    let locality = parts.pop().unwrap_or_default();
                    out.insert("region".into(), json!(region));
                    out.insert("locality".into(), json!(locality));
                    for (i, p) in parts.into_iter().take(4).enumerate() {
                        out.insert(format!("line_{}", i + 1), json!(p));
                    }
                }
            }
            Ok(out)
        }
        Value::Object(m) => {
            let missing: Vec<&str> = LOCATION_KEYS
                .iter()
                .copied()
                .filter(|k| !m.contains_key(*k))
                .collect();
            if !missing.is_empty() {
                let mut e = ApiError::validation(format!(
                    "An invalid value was passed to attribute with slug \"{}\": location values must include all of {}; missing {}.",
                    attr.api_slug,
                    LOCATION_KEYS.join(", "),
                    missing.join(", ")
                ));
                e.validation_errors = Some(
                    missing
                        .iter()
                        .map(|k| {
                            json!({"code": "invalid_type", "path": ["data", "values", attr.api_slug, k],
                                   "message": "Required", "expected": "string | null", "received": "undefined"})
                        })
                        .collect(),
                );
                return Err(e);
            }
            for k in LOCATION_KEYS {
                let v = &m[k];
                let s = match v {
                    Value::Null => continue,
                    Value::String(s) => s.clone(),
                    Value::Number(n) if k == "latitude" || k == "longitude" => n.to_string(),
                    _ => {
                        return Err(invalid_because(
                            attr,
                            &format!("\"{k}\" must be a string or null."),
                        ));
                    }
                };
                match k {
                    "latitude" if !valid_coord(&s, 90.0) => {
                        return Err(invalid_because(
                            attr,
                            "\"latitude\" is not a valid latitude.",
                        ));
                    }
                    "longitude" if !valid_coord(&s, 180.0) => {
                        return Err(invalid_because(
                            attr,
                            "\"longitude\" is not a valid longitude.",
                        ));
                    }
                    "country_code" => {
                        if !is_country(&s) {
                            return Err(invalid_because(
                                attr,
                                "\"country_code\" must be an ISO 3166-1 alpha-2 code.",
                            ));
                        }
                        out.insert(k.into(), json!(s.to_ascii_uppercase()));
                        continue;
                    }
                    _ => {}
                }
                out.insert(k.into(), json!(s));
            }
            Ok(out)
        }
        _ => Err(invalid(attr)),
    }
}
