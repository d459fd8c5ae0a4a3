//! Reading the write bodies of the plain resources (notes, tasks, comments) with Attio's
//! zod-style errors: every problem of a body is collected with its path
//! (`["data", "linked_records", 0, "target_object"]`) and answered together as one 400
//! `validation_type`, before anything is looked up.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::extract::query_error;
use crate::error::{ApiError, ApiResult, json_type};
use crate::values::parse_timestamp;

/// The problems found in a body so far.
#[derive(Default)]
pub(crate) struct Issues(Vec<Value>);

impl Issues {
    /// Adds one problem: `fields` (a JSON object) gives its code, message and details.
    pub(crate) fn add(&mut self, path: Vec<Value>, fields: Value) {
        let mut issue = Map::new();
        issue.insert("path".into(), Value::Array(path));
        if let Value::Object(m) = fields {
            issue.extend(m);
        }
        self.0.push(Value::Object(issue));
    }

    fn wrong_type(&mut self, path: Vec<Value>, expected: &str, got: Option<&Value>) {
        let received = json_type(got);
        let message = if got.is_none() {
            "Required".to_string()
        } else {
            format!("Expected {expected}, received {received}")
        };
        self.add(
            path,
            json!({"code": "invalid_type", "expected": expected, "received": received, "message": message}),
        );
    }

    /// The 400 listing every problem.
    fn error(self) -> ApiError {
        let mut e = ApiError::validation("Body payload validation error.");
        e.validation_errors = Some(self.0);
        e
    }

    /// `Ok` when nothing was found, else the 400 listing every problem.
    pub(crate) fn finish(self) -> ApiResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// `value` when nothing was found, else the 400 listing every problem. (A field read
    /// as `None` always reported a problem, so `value` is `Some` when there is none.)
    pub(crate) fn finish_with<T>(self, value: Option<T>) -> ApiResult<T> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(self.error()),
        }
    }
}

/// One JSON object of a body and its path.
#[derive(Clone)]
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: Vec<Value>,
}

impl<'a> Obj<'a> {
    /// The `data` object of a body, or the 400 for a body without one.
    pub(crate) fn data(body: &'a Value) -> ApiResult<Obj<'a>> {
        let mut issues = Issues::default();
        match body.get("data") {
            Some(Value::Object(map)) => Ok(Obj {
                map,
                path: vec![json!("data")],
            }),
            other => {
                issues.wrong_type(vec![json!("data")], "object", other);
                Err(issues.error())
            }
        }
    }

    /// The path of this object.
    pub(crate) fn here(&self) -> Vec<Value> {
        self.path.clone()
    }

    /// The path of `key` in this object.
    pub(crate) fn path(&self, key: impl Into<Value>) -> Vec<Value> {
        let mut p = self.path.clone();
        p.push(key.into());
        p
    }

    /// Whether `key` is present (even as `null`).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The keys present, in body order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'a String> {
        self.map.keys()
    }

    /// The raw value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// A required string.
    pub(crate) fn string(&self, is: &mut Issues, key: &str) -> Option<&'a str> {
        match self.map.get(key) {
            Some(Value::String(s)) => Some(s),
            other => {
                is.wrong_type(self.path(key), "string", other);
                None
            }
        }
    }

    /// An optional string: absent is `None` without a problem.
    pub(crate) fn opt_string(&self, is: &mut Issues, key: &str) -> Option<&'a str> {
        if self.has(key) {
            self.string(is, key)
        } else {
            None
        }
    }

    /// A required string or `null`: `Some(None)` for `null`.
    pub(crate) fn nullable_string(&self, is: &mut Issues, key: &str) -> Option<Option<&'a str>> {
        match self.map.get(key) {
            Some(Value::Null) => Some(None),
            Some(Value::String(s)) => Some(Some(s)),
            other => {
                is.wrong_type(self.path(key), "string", other);
                None
            }
        }
    }

    /// A required string of at most `max` characters.
    pub(crate) fn bounded_string(&self, is: &mut Issues, key: &str, max: usize) -> Option<&'a str> {
        let s = self.string(is, key)?;
        if s.chars().count() > max {
            is.add(
                self.path(key),
                json!({
                    "code": "too_big", "maximum": max, "type": "string", "inclusive": true,
                    "exact": false,
                    "message": format!("String must contain at most {max} character(s)"),
                }),
            );
            return None;
        }
        Some(s)
    }

    /// A required string, one of `allowed`.
    pub(crate) fn one_of(&self, is: &mut Issues, key: &str, allowed: &[&str]) -> Option<&'a str> {
        let s = self.string(is, key)?;
        if allowed.contains(&s) {
            return Some(s);
        }
        let expected: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
        is.add(
            self.path(key),
            json!({
                "code": "invalid_enum_value", "options": allowed, "received": s,
                "message": format!("Invalid enum value. Expected {}, received '{s}'", expected.join(" | ")),
            }),
        );
        None
    }

    /// A required uuid string.
    pub(crate) fn uuid(&self, is: &mut Issues, key: &str) -> Option<Uuid> {
        let s = self.string(is, key)?;
        let id = Uuid::parse_str(s).ok();
        if id.is_none() {
            is.add(
                self.path(key),
                json!({"code": "invalid_string", "validation": "uuid", "message": "Invalid uuid"}),
            );
        }
        id
    }

    /// A required boolean.
    pub(crate) fn boolean(&self, is: &mut Issues, key: &str) -> Option<bool> {
        match self.map.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            other => {
                is.wrong_type(self.path(key), "boolean", other);
                None
            }
        }
    }

    /// A required array.
    pub(crate) fn array(&self, is: &mut Issues, key: &str) -> Option<&'a [Value]> {
        match self.map.get(key) {
            Some(Value::Array(a)) => Some(a),
            other => {
                is.wrong_type(self.path(key), "array", other);
                None
            }
        }
    }

    /// A required object.
    pub(crate) fn object(&self, is: &mut Issues, key: &str) -> Option<Obj<'a>> {
        match self.map.get(key) {
            Some(v) => Obj::at(is, v, self.path(key)),
            None => {
                is.wrong_type(self.path(key), "object", None);
                None
            }
        }
    }

    /// `v` as an object at `path` (e.g. an element of an array).
    pub(crate) fn at(is: &mut Issues, v: &'a Value, path: Vec<Value>) -> Option<Obj<'a>> {
        match v {
            Value::Object(map) => Some(Obj { map, path }),
            other => {
                is.wrong_type(path, "object", Some(other));
                None
            }
        }
    }

    /// A problem for every key that is not one of `allowed` (`additionalProperties: false`).
    pub(crate) fn only(&self, is: &mut Issues, allowed: &[&str]) {
        let extra: Vec<&String> = self
            .map
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .collect();
        if extra.is_empty() {
            return;
        }
        let list: Vec<String> = extra.iter().map(|k| format!("'{k}'")).collect();
        is.add(
            self.path.clone(),
            json!({
                "code": "unrecognized_keys", "keys": extra,
                "message": format!("Unrecognized key(s) in object: {}", list.join(", ")),
            }),
        );
    }

    /// An optional `created_at`: a timestamp neither before 1970 nor in the future (the
    /// back-dating rule of notes and comments); absent is `None`.
    pub(crate) fn backdate(&self, is: &mut Issues, key: &str) -> Option<DateTime<Utc>> {
        let s = self.opt_string(is, key)?;
        let Some(t) = parse_timestamp(s) else {
            is.add(
                self.path(key),
                json!({"code": "invalid_string", "validation": "datetime", "message": "Invalid datetime"}),
            );
            return None;
        };
        if t < Utc.timestamp_opt(0, 0).single().unwrap_or_default() || t > Utc::now() {
            is.add(
                self.path(key),
                json!({"code": "custom", "message": "Dates before 1970 or in the future are not allowed."}),
            );
            return None;
        }
        Some(t)
    }
}

/// A query parameter that must be sent together with another, or neither: the 400 naming
/// the one that is missing.
pub(crate) fn query_pair(a: (&str, Option<&str>), b: (&str, Option<&str>)) -> ApiResult<()> {
    let missing = match (a.1, b.1) {
        (Some(_), None) => b.0,
        (None, Some(_)) => a.0,
        _ => return Ok(()),
    };
    let other = if missing == a.0 { b.0 } else { a.0 };
    Err(query_error(json!({
        "code": "custom", "path": [missing],
        "message": format!("\"{missing}\" must be provided together with \"{other}\"."),
    })))
}

/// A uuid query parameter, or the 400 naming it.
pub(crate) fn query_uuid(key: &str, s: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(s).map_err(|_| {
        query_error(json!({
            "code": "invalid_string", "validation": "uuid", "path": [key], "message": "Invalid uuid",
        }))
    })
}

/// A query parameter with one of the `allowed` values, or the 400 naming it.
pub(crate) fn query_enum<'a>(key: &str, s: &'a str, allowed: &[&str]) -> ApiResult<&'a str> {
    if allowed.contains(&s) {
        return Ok(s);
    }
    let expected: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
    Err(query_error(json!({
        "code": "invalid_enum_value", "path": [key], "options": allowed, "received": s,
        "message": format!("Invalid enum value. Expected {}, received '{s}'", expected.join(" | ")),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let body = json!({"data": {"content": 5, "is_completed": "no", "linked_records": [1]}});
        let d = Obj::data(&body).unwrap();
        let mut is = Issues::default();
        assert_eq!(d.string(&mut is, "content"), None);
        assert_eq!(d.string(&mut is, "format"), None);
        assert_eq!(d.boolean(&mut is, "is_completed"), None);
        let links = d.array(&mut is, "linked_records").unwrap();
        assert!(
            Obj::at(
                &mut is,
                &links[0],
                d.path("linked_records")
                    .into_iter()
                    .chain([json!(0)])
                    .collect()
            )
            .is_none()
        );
        let e = is.finish().unwrap_err();
        assert_eq!(e.code, "validation_type");
        let body = e.body();
        let errors = body["validation_errors"].as_array().unwrap();
        assert_eq!(errors.len(), 4);
        assert_eq!(errors[0]["path"], json!(["data", "content"]));
        assert_eq!(errors[0]["message"], "Expected string, received number");
        assert_eq!(errors[1]["path"], json!(["data", "format"]));
        assert_eq!(errors[1]["message"], "Required");
        assert_eq!(errors[3]["path"], json!(["data", "linked_records", 0]));
    }

    #[test]
    fn backdating_refuses_before_1970_and_the_future() {
        let body = json!({"data": {"a": "1969-12-31T23:59:59Z", "b": "2999-01-01", "c": "2020-01-01T00:00:00Z", "d": "soon"}});
        let d = Obj::data(&body).unwrap();
        let mut is = Issues::default();
        assert!(d.backdate(&mut is, "a").is_none());
        assert!(d.backdate(&mut is, "b").is_none());
        assert!(d.backdate(&mut is, "c").is_some());
        assert!(d.backdate(&mut is, "d").is_none());
        assert!(d.backdate(&mut is, "absent").is_none());
        assert_eq!(is.0.len(), 3);
    }

    #[test]
    fn query_pairs_go_together() {
        assert!(query_pair(("a", Some("x")), ("b", Some("y"))).is_ok());
        assert!(query_pair(("a", None), ("b", None)).is_ok());
        let e = query_pair(("a", Some("x")), ("b", None)).unwrap_err();
        assert_eq!(e.body()["validation_errors"][0]["path"][0], "b");
    }
}
