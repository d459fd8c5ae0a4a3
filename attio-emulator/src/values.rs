//! Attribute values: parsing every write form of every type into the stored form, and
//! rendering stored values in the read shape (`active_from`, `active_until`,
//! `created_by_actor`, the type's fields, `attribute_type`).

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::model::{Actor, AttributeDef, ObjectDef, Record, State, StoredValue, fmt_ts};
use crate::normalize::{normalize_domain, normalize_phone, parse_email, root_domain};

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

fn invalid(attr: &AttributeDef) -> ApiError {
    ApiError::validation(format!(
        "An invalid value was passed to attribute with slug \"{}\".",
        attr.api_slug
    ))
}

fn invalid_because(attr: &AttributeDef, why: &str) -> ApiError {
    ApiError::validation(format!(
        "An invalid value was passed to attribute with slug \"{}\": {why}",
        attr.api_slug
    ))
}

fn obj(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// Stores integral floats as integers so that `5` reads back as `5`, not `5.0`.
pub(crate) fn num_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// `{"<key>": inner}` → inner, for the object write forms (`{"value": …}`).
fn unwrap_key<'a>(raw: &'a Value, key: &str) -> &'a Value {
    match raw {
        Value::Object(m) if m.contains_key(key) => &m[key],
        _ => raw,
    }
}

/// Parses a timestamp write (partial ISO 8601 accepted, UTC assumed, offsets converted).
pub(crate) fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%#z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let s2 = s.trim_end_matches('Z');
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s2, f) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    parse_date_only(s2).map(|d| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

fn parse_date_only(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() == 7
        && let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
    {
        return Some(d);
    }
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&format!("{s}-01-01"), "%Y-%m-%d").ok();
    }
    None
}

/// Parses a date write: dates, partial dates, and datetimes (converted to UTC, time cut).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_date_only(s) {
        return Some(d);
    }
    parse_timestamp(s).map(|t| t.date_naive())
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
        _ => None,
    }
}

fn valid_coord(s: &str, max: f64) -> bool {
    s.parse::<f64>()
        .is_ok_and(|x| x.is_finite() && x.abs() <= max)
        && s.split('.').nth(1).is_none_or(|frac| frac.len() <= 9)
}

/// The slug of the unique attribute a bare string reference is matched against, for the
/// standard objects.
fn bare_reference_slug(object: &str) -> Option<&'static str> {
    match object {
        "companies" => Some("domains"),
        "people" => Some("email_addresses"),
        "users" => Some("user_id"),
        "workspaces" => Some("workspace_id"),
        _ => None,
    }
}

/// Finds the record of `object` holding a value with identity `key` on attribute `attr`.
pub(crate) fn find_by_identity(
    state: &State,
    object: &ObjectDef,
    attr: &AttributeDef,
    key: &str,
) -> Option<Uuid> {
    state.records.get(&object.api_slug)?.values().find_map(|r| {
        r.values.get(&attr.api_slug).and_then(|vals| {
            vals.current
                .iter()
                .any(|v| identity(attr, &v.data) == key)
                .then_some(r.id)
        })
    })
}

fn parse_reference(
    state: &State,
    attr: &AttributeDef,
    raw: &Value,
) -> ApiResult<Map<String, Value>> {
    let (target_obj, lookup): (&ObjectDef, Option<(&AttributeDef, Vec<Value>)>) = match raw {
        Value::String(s) => {
            let allowed = attr.allowed_objects.as_deref().unwrap_or(&[]);
            let (target, slug) = match allowed {
                [one] => match bare_reference_slug(one) {
                    Some(slug) => (one, slug),
                    None => return Err(invalid(attr)),
                },
                _ => return Err(invalid(attr)),
            };
            let o = state.object(target).ok_or_else(|| invalid(attr))?;
            let a = o.attribute(slug).ok_or_else(|| invalid(attr))?;
            (o, Some((a, vec![Value::String(s.clone())])))
        }
        Value::Object(m) => {
            let t = m
                .get("target_object")
                .and_then(Value::as_str)
                .ok_or_else(|| invalid_because(attr, "\"target_object\" is required."))?;
            let o = state.object(t).ok_or_else(|| {
                ApiError::value_not_found(format!("Cannot find object with slug/ID \"{t}\"."))
            })?;
            if let Some(id) = m.get("target_record_id") {
                let id = id
                    .as_str()
                    .and_then(|s| Uuid::parse_str(s).ok())
                    .ok_or_else(|| invalid_because(attr, "\"target_record_id\" must be a UUID."))?;
                if state.record(&o.api_slug, &id).is_none() {
                    return Err(ApiError::value_not_found(format!(
                        "Cannot find record with ID \"{id}\" on object \"{}\" for attribute with slug \"{}\".",
                        o.api_slug, attr.api_slug
                    )));
                }
                (o, None)
            } else {
                let mut found = None;
                for (k, v) in m {
                    if k == "target_object" {
                        continue;
                    }
                    let a = o.attribute(k).filter(|a| a.is_unique).ok_or_else(|| {
                        invalid_because(
                            attr,
                            &format!(
                                "\"{k}\" is not a unique attribute of object \"{}\".",
                                o.api_slug
                            ),
                        )
                    })?;
                    let vals = match v {
                        Value::Array(a) => a.clone(),
                        other => vec![other.clone()],
                    };
                    found = Some((a, vals));
                    break;
                }
                match found {
                    Some(f) => (o, Some(f)),
                    None => {
                        return Err(invalid_because(
                            attr,
                            "either \"target_record_id\" or a unique attribute of the target object is required.",
                        ));
                    }
                }
            }
        }
        _ => return Err(invalid(attr)),
    };
    if let Some(allowed) = &attr.allowed_objects
        && !allowed.iter().any(|a| a == &target_obj.api_slug)
    {
        return Err(invalid_because(
            attr,
            &format!(
                "references to object \"{}\" are not allowed.",
                target_obj.api_slug
            ),
        ));
    }
    let record_id = match (lookup, raw) {
        (None, Value::Object(m)) => m["target_record_id"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        (Some((a, vals)), _) => {
            let mut hit = None;
            for v in &vals {
                let data = parse_element(state, a, v)?;
                let key = identity(a, &data);
                if let Some(id) = find_by_identity(state, target_obj, a, &key) {
                    hit = Some(id);
                    break;
                }
            }
            match hit {
                Some(id) => id.to_string(),
                None => {
                    return Err(ApiError::value_not_found(format!(
                        "Cannot find a \"{}\" record matching the value of \"{}\" given for attribute with slug \"{}\".",
                        target_obj.api_slug, a.api_slug, attr.api_slug
                    )));
                }
            }
        }
        (None, _) => return Err(invalid(attr)),
    };
    Ok(obj(vec![
        ("target_object", json!(target_obj.api_slug)),
        ("target_record_id", json!(record_id)),
    ]))
}

fn parse_actor(state: &State, attr: &AttributeDef, raw: &Value) -> ApiResult<Map<String, Value>> {
    let by_email = |e: &str| {
        state
            .members
            .iter()
            .find(|m| m.email_address.eq_ignore_ascii_case(e.trim()))
            .map(|m| m.id)
            .ok_or_else(|| {
                ApiError::value_not_found(format!(
                    "Cannot find workspace member with email address \"{e}\"."
                ))
            })
    };
    let id = match raw {
        Value::String(s) => by_email(s)?,
        Value::Object(m) => {
            if let Some(e) = m
                .get("workspace_member_email_address")
                .and_then(Value::as_str)
            {
                by_email(e)?
            } else {
                let ty = m.get("referenced_actor_type").and_then(Value::as_str);
                if ty != Some("workspace-member") {
                    return Err(invalid_because(
                        attr,
                        "only workspace members can be referenced (\"referenced_actor_type\": \"workspace-member\").",
                    ));
                }
                let id = m
                    .get("referenced_actor_id")
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s).ok())
                    .ok_or_else(|| invalid(attr))?;
                if !state.members.iter().any(|m| m.id == id) {
                    return Err(ApiError::value_not_found(format!(
                        "Cannot find workspace member with ID \"{id}\"."
                    )));
                }
                id
            }
        }
        _ => return Err(invalid(attr)),
    };
    Ok(obj(vec![
        ("referenced_actor_type", json!("workspace-member")),
        ("referenced_actor_id", json!(id.to_string())),
    ]))
}

fn parse_location(attr: &AttributeDef, raw: &Value) -> ApiResult<Map<String, Value>> {
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
                if last.len() == 2 && last.chars().all(|c| c.is_ascii_alphabetic()) {
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
                        if s.len() != 2 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
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

fn parse_name(attr: &AttributeDef, raw: &Value) -> ApiResult<Map<String, Value>> {
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

/// Parses one write element (a shorthand primitive or an object form) of `attr` into the
/// stored form. Record references are resolved against `state`.
pub(crate) fn parse_element(
    state: &State,
    attr: &AttributeDef,
    raw: &Value,
) -> ApiResult<Map<String, Value>> {
    match attr.attr_type.as_str() {
        "text" => match unwrap_key(raw, "value") {
            Value::String(s) => Ok(obj(vec![("value", json!(s))])),
            _ => Err(invalid(attr)),
        },
        "number" => match unwrap_key(raw, "value") {
            Value::Number(n) => Ok(obj(vec![("value", num_value(n.as_f64().unwrap_or(0.0)))])),
            _ => Err(invalid(attr)),
        },
        "rating" => match unwrap_key(raw, "value") {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.fract() == 0.0 && (0.0..=5.0).contains(&x) => {
                    Ok(obj(vec![("value", json!(x as i64))]))
                }
                _ => Err(invalid_because(
                    attr,
                    "ratings are whole numbers from 0 to 5.",
                )),
            },
            _ => Err(invalid(attr)),
        },
        "checkbox" => match unwrap_key(raw, "value") {
            Value::Bool(b) => Ok(obj(vec![("value", json!(b))])),
            Value::String(s) if s == "true" || s == "false" => {
                Ok(obj(vec![("value", json!(s == "true"))]))
            }
            _ => Err(invalid(attr)),
        },
        "currency" => {
            if let Value::Object(m) = raw
                && m.contains_key("currency_code")
            {
                return Err(invalid_because(
                    attr,
                    "\"currency_code\" cannot be written; it is set by the attribute's configuration.",
                ));
            }
            let x = as_f64(unwrap_key(raw, "currency_value")).ok_or_else(|| invalid(attr))?;
            let x = (x * 10_000.0).round() / 10_000.0;
            Ok(obj(vec![("currency_value", num_value(x))]))
        }
        "date" => match unwrap_key(raw, "value") {
            Value::String(s) => {
                let d = parse_date(s).ok_or_else(|| invalid(attr))?;
                Ok(obj(vec![(
                    "value",
                    json!(d.format("%Y-%m-%d").to_string()),
                )]))
            }
            _ => Err(invalid(attr)),
        },
        "timestamp" => match unwrap_key(raw, "value") {
            Value::String(s) => {
                let t = parse_timestamp(s).ok_or_else(|| invalid(attr))?;
                Ok(obj(vec![("value", json!(fmt_ts(&t)))]))
            }
            _ => Err(invalid(attr)),
        },
        "select" => match unwrap_key(raw, "option") {
            Value::String(s) => {
                let o = attr
                    .options
                    .iter()
                    .find(|o| o.title == *s || o.id.to_string() == *s)
                    .ok_or_else(|| {
                        ApiError::value_not_found(format!(
                            "Cannot find select option with title \"{s}\" for attribute with slug \"{}\".",
                            attr.api_slug
                        ))
                    })?;
                Ok(obj(vec![("option", json!(o.id.to_string()))]))
            }
            _ => Err(invalid(attr)),
        },
        "status" => match unwrap_key(raw, "status") {
            Value::String(s) => {
                let o = attr
                    .statuses
                    .iter()
                    .find(|o| o.title == *s || o.id.to_string() == *s)
                    .ok_or_else(|| {
                        ApiError::value_not_found(format!(
                            "Cannot find status with title \"{s}\" for attribute with slug \"{}\".",
                            attr.api_slug
                        ))
                    })?;
                Ok(obj(vec![("status", json!(o.id.to_string()))]))
            }
            _ => Err(invalid(attr)),
        },
        "record-reference" => parse_reference(state, attr, raw),
        "actor-reference" => parse_actor(state, attr, raw),
        "location" => parse_location(attr, raw),
        "domain" => match unwrap_key(raw, "domain") {
            Value::String(s) => {
                let d = normalize_domain(s).ok_or_else(|| {
                    invalid_because(attr, &format!("\"{s}\" is not a valid domain."))
                })?;
                Ok(obj(vec![
                    ("root_domain", json!(root_domain(&d))),
                    ("domain", json!(d)),
                ]))
            }
            _ => Err(invalid(attr)),
        },
        "email-address" => match unwrap_key(raw, "email_address") {
            Value::String(s) => {
                let e = parse_email(s).ok_or_else(|| {
                    invalid_because(attr, &format!("\"{s}\" is not a valid email address."))
                })?;
                Ok(obj(vec![
                    ("original_email_address", json!(e.original)),
                    ("email_address", json!(e.normalized)),
                    ("email_domain", json!(e.domain)),
                    ("email_root_domain", json!(e.root_domain)),
                    ("email_local_specifier", json!(e.local)),
                ]))
            }
            _ => Err(invalid(attr)),
        },
        "phone-number" => {
            let (number, country) = match raw {
                Value::String(s) => (s.clone(), None),
                Value::Object(m) => {
                    let n = m
                        .get("original_phone_number")
                        .or_else(|| m.get("phone_number"))
                        .and_then(Value::as_str)
                        .ok_or_else(|| invalid(attr))?;
                    let c = match m.get("country_code") {
                        None | Some(Value::Null) => None,
                        Some(Value::String(c)) => Some(c.clone()),
                        Some(_) => return Err(invalid(attr)),
                    };
                    (n.to_string(), c)
                }
                _ => return Err(invalid(attr)),
            };
            let p = normalize_phone(&number, country.as_deref()).map_err(ApiError::validation)?;
            Ok(obj(vec![
                ("original_phone_number", json!(number)),
                ("country_code", json!(p.country_code)),
                ("phone_number", json!(p.e164)),
            ]))
        }
        "personal-name" => parse_name(attr, raw),
        _ => Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" cannot be written.",
            attr.api_slug
        ))),
    }
}

/// The key two values of `attr` are compared by (for uniqueness, PATCH de-duplication and
/// PUT matching): emails and domains case-insensitively, phones by E.164 number.
pub(crate) fn identity(attr: &AttributeDef, data: &Map<String, Value>) -> String {
    let field = match attr.attr_type.as_str() {
        "email-address" => Some("email_address"),
        "domain" => Some("domain"),
        "phone-number" => Some("phone_number"),
        _ => None,
    };
    match field.and_then(|f| data.get(f)) {
        Some(v) => v.as_str().unwrap_or_default().to_ascii_lowercase(),
        None => serde_json::to_string(data).unwrap_or_default(),
    }
}

/// Whether `attr` is one of the values synthesised from record metadata.
pub(crate) fn is_meta(attr: &AttributeDef) -> bool {
    attr.is_system_attribute
        && matches!(
            attr.api_slug.as_str(),
            "record_id" | "created_at" | "created_by"
        )
}

/// The current values of `attr` on `rec` (metadata attributes synthesised).
pub(crate) fn current_values<'a>(rec: &'a Record, attr: &AttributeDef) -> Cow<'a, [StoredValue]> {
    if is_meta(attr) {
        let data = match attr.api_slug.as_str() {
            "record_id" => obj(vec![("value", json!(rec.id.to_string()))]),
            "created_at" => obj(vec![("value", json!(fmt_ts(&rec.created_at)))]),
            _ => obj(vec![
                ("referenced_actor_type", json!(rec.created_by.kind)),
                ("referenced_actor_id", json!(rec.created_by.id)),
            ]),
        };
        return Cow::Owned(vec![StoredValue {
            data,
            active_from: rec.created_at,
            active_until: None,
            actor: Actor::system(),
        }]);
    }
    match rec.values.get(&attr.api_slug) {
        Some(v) => Cow::Borrowed(&v.current),
        None => Cow::Owned(vec![]),
    }
}

/// The full option object of a select value.
pub(crate) fn option_json(
    state: &State,
    obj_def: &ObjectDef,
    attr: &AttributeDef,
    id: &str,
) -> Value {
    match attr.options.iter().find(|o| o.id.to_string() == id) {
        Some(o) => json!({
            "id": {"workspace_id": state.workspace_id.to_string(), "object_id": obj_def.id.to_string(),
                   "attribute_id": attr.id.to_string(), "option_id": o.id.to_string()},
            "title": o.title,
            "is_archived": o.is_archived,
        }),
        None => json!(id),
    }
}

/// The full status object of a status value.
pub(crate) fn status_json(
    state: &State,
    obj_def: &ObjectDef,
    attr: &AttributeDef,
    id: &str,
) -> Value {
    match attr.statuses.iter().find(|o| o.id.to_string() == id) {
        Some(s) => json!({
            "id": {"workspace_id": state.workspace_id.to_string(), "object_id": obj_def.id.to_string(),
                   "attribute_id": attr.id.to_string(), "status_id": s.id.to_string()},
            "title": s.title,
            "is_archived": s.is_archived,
            "celebration_enabled": s.celebration_enabled,
            "target_time_in_status": s.target_time_in_status,
        }),
        None => json!(id),
    }
}

/// Renders one stored value in the read shape.
pub(crate) fn render_value(
    state: &State,
    obj_def: &ObjectDef,
    attr: &AttributeDef,
    v: &StoredValue,
) -> Value {
    let mut m = Map::new();
    m.insert("active_from".into(), json!(fmt_ts(&v.active_from)));
    m.insert(
        "active_until".into(),
        v.active_until
            .as_ref()
            .map(fmt_ts)
            .map_or(Value::Null, Value::String),
    );
    m.insert("created_by_actor".into(), v.actor.to_json());
    for (k, val) in &v.data {
        m.insert(k.clone(), val.clone());
    }
    match attr.attr_type.as_str() {
        "select" => {
            let id = v
                .data
                .get("option")
                .and_then(Value::as_str)
                .unwrap_or_default();
            m.insert("option".into(), option_json(state, obj_def, attr, id));
        }
        "status" => {
            let id = v
                .data
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or_default();
            m.insert("status".into(), status_json(state, obj_def, attr, id));
        }
        "currency" => {
            m.insert("currency_code".into(), json!(attr.currency_code));
        }
        _ => {}
    }
    m.insert("attribute_type".into(), json!(attr.attr_type));
    Value::Object(m)
}

/// The `web_url` path noun of an object: `person`, `company`, …
pub(crate) fn url_noun(o: &ObjectDef) -> String {
    o.singular_noun.to_lowercase().replace(' ', "-")
}

/// Renders a record in the read shape of the record endpoints.
pub(crate) fn render_record(state: &State, obj_def: &ObjectDef, rec: &Record) -> Value {
    let mut values = Map::new();
    for attr in obj_def.attributes.iter().filter(|a| !a.is_archived) {
        let vals: Vec<Value> = current_values(rec, attr)
            .iter()
            .map(|v| render_value(state, obj_def, attr, v))
            .collect();
        values.insert(attr.api_slug.clone(), Value::Array(vals));
    }
    json!({
        "id": {
            "workspace_id": state.workspace_id.to_string(),
            "object_id": obj_def.id.to_string(),
            "record_id": rec.id.to_string(),
        },
        "created_at": fmt_ts(&rec.created_at),
        "web_url": format!("https://app.attio.com/{}/{}/{}", state.workspace_slug, url_noun(obj_def), rec.id),
        "values": values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let t = parse_timestamp("2023-01-02T13:00:00.000000000+02:00").unwrap();
        assert_eq!(fmt_ts(&t), "2023-01-02T11:00:00.000000000Z");
        assert_eq!(
            fmt_ts(&parse_timestamp("2023").unwrap()),
            "2023-01-01T00:00:00.000000000Z"
        );
        assert_eq!(
            fmt_ts(&parse_timestamp("2023-01-02T13:00").unwrap()),
            "2023-01-02T13:00:00.000000000Z"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-01").unwrap().to_string(), "2023-01-01");
        assert_eq!(
            parse_date("2023-01-02T23:00:00-10:00").unwrap().to_string(),
            "2023-01-03"
        );
        assert_eq!(
            parse_date("2023-01-02T15:00:00").unwrap().to_string(),
            "2023-01-02"
        );
    }
}
