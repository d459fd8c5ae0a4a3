//! Parsing one write element of any attribute type into its stored form; record and
//! actor references are resolved against the workspace.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::exact::{self, Refusal};
use super::form::{invalid, invalid_because, num_value, obj, unwrap_key};
use super::location::parse_location;
use super::name::parse_name;
use super::normalize::{normalize_domain, normalize_phone, parse_email, root_domain};
use super::time::{fmt_ts, parse_date, parse_timestamp};
use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, ObjectDef, OwnerKey, State};

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
            Value::Number(n) => {
                let x = n
                    .as_f64()
                    .and_then(num_value)
                    .ok_or_else(|| invalid_because(attr, "numbers must be finite."))?;
                Ok(obj(vec![("value", x)]))
            }
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
            let amount = match exact::currency_amount(unwrap_key(raw, "currency_value")) {
                Ok(amount) => amount,
                Err(Refusal::Form) => return Err(invalid(attr)),
                Err(Refusal::Range) => {
                    return Err(invalid_because(
                        attr,
                        "currency amounts must be finite and less than 10^15 in magnitude.",
                    ));
                }
                Err(Refusal::Places) => {
                    return Err(invalid_because(
                        attr,
                        "currency amounts have at most 4 decimal places.",
                    ));
                }
            };
            Ok(obj(vec![("currency_value", amount)]))
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
fn find_by_identity(
    state: &State,
    object: &ObjectDef,
    attr: &AttributeDef,
    key: &str,
) -> Option<Uuid> {
    state
        .items(&OwnerKey::object(&object.api_slug))
        .find_map(|r| {
            r.values.get(&attr.api_slug).and_then(|vals| {
                vals.current
                    .iter()
                    .any(|v| attr.identity(&v.data) == key)
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
                if state.item(&OwnerKey::object(&o.api_slug), &id).is_none() {
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
                let key = a.identity(&data);
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
