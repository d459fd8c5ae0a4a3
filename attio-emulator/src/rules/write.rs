//! The write rules of values, for the items of any owner: parsing a write's values (single
//! vs multiselect wrapping), default values, append vs overwrite, required and unique
//! attributes. Every value is parsed and every rule checked before anything is stored.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{Actor, AttrValues, AttributeDef, Owner, State, StoredValue};
use crate::values::{fmt_ts, parse_element};

/// How a write treats multiselect attributes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Mode {
    /// New record.
    Create,
    /// PATCH: multiselect values are prepended, nothing removed.
    Append,
    /// PUT (and assert): multiselect values are replaced by the list sent.
    Overwrite,
}

/// The parsed values of one attribute of a write.
pub(crate) struct ParsedAttr {
    pub attr: AttributeDef,
    pub elems: Vec<Map<String, Value>>,
}

/// Parses every value of a write. Fails on the first unknown, read-only or invalid value.
pub(crate) fn parse_values(
    state: &State,
    owner: &dyn Owner,
    values: &Map<String, Value>,
) -> ApiResult<Vec<ParsedAttr>> {
    let mut out: Vec<ParsedAttr> = vec![];
    for (key, raw) in values {
        let attr = owner
            .attribute(key)
            .filter(|a| !a.is_archived)
            .ok_or_else(|| {
                ApiError::validation(format!(
                    "Cannot find attribute with slug/ID \"{key}\" on {} \"{}\".",
                    owner.noun(),
                    owner.slug()
                ))
            })?;
        if !attr.is_writable {
            return Err(ApiError::validation(format!(
                "Cannot write to attribute with slug \"{}\": the attribute is not writable.",
                attr.api_slug
            )));
        }
        let raws: Vec<&Value> = if attr.is_multiselect {
            match raw {
                Value::Array(a) => a.iter().collect(),
                Value::Null => vec![],
                other => {
                    let mut e = ApiError::validation(format!(
                        "Multiselect attribute with slug \"{}\" expects an array of values.",
                        attr.api_slug
                    ));
                    e.validation_errors = Some(vec![json!({
                        "code": "invalid_type",
                        "path": ["data", owner.values_field(), attr.api_slug],
                        "message": "Expected array",
                        "expected": "array",
                        "received": json_type(Some(other)),
                    })]);
                    return Err(e);
                }
            }
        } else {
            match raw {
                Value::Array(a) => a.iter().collect(),
                Value::Null => vec![],
                other => vec![other],
            }
        };
        let mut elems = vec![];
        let mut seen = HashSet::new();
        for r in raws {
            let data = parse_element(state, attr, r)?;
            if seen.insert(attr.identity(&data)) {
                elems.push(data);
            }
        }
        // Elements that resolve to the same value (e.g. a reference given by id and by
        // domain) count once; beyond that a single-value attribute takes one value.
        if !attr.is_multiselect && elems.len() > 1 {
            return Err(ApiError::validation(format!(
                "Attribute with slug \"{}\" is not multiselect and accepts a single value, got {}.",
                attr.api_slug,
                elems.len()
            )));
        }
        out.retain(|p| p.attr.id != attr.id);
        out.push(ParsedAttr {
            attr: attr.clone(),
            elems,
        });
    }
    Ok(out)
}

/// Default values of attributes not written on create.
pub(crate) fn apply_defaults(
    state: &State,
    owner: &dyn Owner,
    parsed: &mut Vec<ParsedAttr>,
    actor: &Actor,
) -> ApiResult<()> {
    for attr in owner.attributes() {
        if !attr.is_writable || attr.is_archived || parsed.iter().any(|p| p.attr.id == attr.id) {
            continue;
        }
        let dv = &attr.default_value;
        let elems = match dv.get("type").and_then(Value::as_str) {
            Some("static") => {
                let tpl = dv
                    .get("template")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                tpl.iter()
                    .map(|v| parse_element(state, attr, v))
                    .collect::<ApiResult<Vec<_>>>()?
            }
            Some("dynamic") if attr.attr_type == "actor-reference" => {
                let mut m = Map::new();
                m.insert("referenced_actor_type".into(), json!(actor.kind));
                m.insert("referenced_actor_id".into(), json!(actor.id));
                vec![m]
            }
            Some("dynamic") if matches!(attr.attr_type.as_str(), "timestamp" | "date") => {
                let now = Utc::now();
                let v = if attr.attr_type == "date" {
                    now.format("%Y-%m-%d").to_string()
                } else {
                    fmt_ts(&now)
                };
                let mut m = Map::new();
                m.insert("value".into(), json!(v));
                vec![m]
            }
            _ => continue,
        };
        if !elems.is_empty() {
            parsed.push(ParsedAttr {
                attr: attr.clone(),
                elems,
            });
        }
    }
    Ok(())
}

/// A value written now by `actor`.
pub(crate) fn new_value(
    data: Map<String, Value>,
    now: DateTime<Utc>,
    actor: &Actor,
) -> StoredValue {
    StoredValue {
        data,
        active_from: now,
        active_until: None,
        actor: actor.clone(),
    }
}

/// Computes the values map of the record after the write, without touching `state`.
/// `append_slug` names a multiselect attribute that is appended to even in overwrite
/// mode (the matching attribute of an assert).
pub(crate) fn merge(
    existing: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
    mode: Mode,
    append_slug: Option<&str>,
    now: DateTime<Utc>,
    actor: &Actor,
) -> BTreeMap<String, AttrValues> {
    let mut values = existing.clone();
    for p in parsed {
        let attr = &p.attr;
        let av = values.entry(attr.api_slug.clone()).or_default();
        let append = attr.is_multiselect
            && (mode == Mode::Append || append_slug == Some(attr.api_slug.as_str()));
        if append {
            let have: HashSet<String> = av.current.iter().map(|v| attr.identity(&v.data)).collect();
            let mut fresh: Vec<StoredValue> = p
                .elems
                .iter()
                .filter(|d| !have.contains(&attr.identity(d)))
                .map(|d| new_value(d.clone(), now, actor))
                .collect();
            fresh.append(&mut av.current);
            av.current = fresh;
        } else {
            let mut old = std::mem::take(&mut av.current);
            let mut next = vec![];
            for d in &p.elems {
                let key = attr.identity(d);
                match old
                    .iter()
                    .position(|v| attr.identity(&v.data) == key && v.data == *d)
                {
                    Some(i) => next.push(old.remove(i)),
                    None => next.push(new_value(d.clone(), now, actor)),
                }
            }
            for mut v in old {
                v.active_until = Some(now);
                av.closed.push(v);
            }
            av.current = next;
        }
    }
    values
}

/// Fails on the first required attribute left empty (on create: any; on update: those
/// the write touched).
pub(crate) fn check_required(
    owner: &dyn Owner,
    values: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
    creating: bool,
) -> ApiResult<()> {
    for attr in owner
        .attributes()
        .iter()
        .filter(|a| a.is_required && !a.is_archived)
    {
        let touched = parsed.iter().any(|p| p.attr.id == attr.id);
        if !creating && !touched {
            continue;
        }
        let empty = values
            .get(&attr.api_slug)
            .is_none_or(|v| v.current.is_empty());
        if empty {
            return Err(ApiError::missing_value(format!(
                "Required value for attribute with slug \"{}\" was not provided.",
                attr.api_slug
            )));
        }
    }
    Ok(())
}

/// Fails when a value the write adds to a unique attribute is held by another item.
pub(crate) fn check_unique(
    state: &mut State,
    owner: &dyn Owner,
    self_id: Option<Uuid>,
    before: Option<&BTreeMap<String, AttrValues>>,
    values: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
) -> ApiResult<()> {
    let key = owner.key();
    for p in parsed.iter().filter(|p| p.attr.is_unique) {
        let attr = &p.attr;
        let old: HashSet<String> = before
            .and_then(|b| b.get(&attr.api_slug))
            .map(|av| av.current.iter().map(|v| attr.identity(&v.data)).collect())
            .unwrap_or_default();
        let new_keys: Vec<String> = values
            .get(&attr.api_slug)
            .map(|av| {
                av.current
                    .iter()
                    .map(|v| attr.identity(&v.data))
                    .filter(|k| !old.contains(k))
                    .collect()
            })
            .unwrap_or_default();
        if new_keys.is_empty() {
            continue;
        }
        let taken = new_keys.iter().any(|k| {
            state
                .unique_holders(&key, &attr.api_slug, k)
                .into_iter()
                .any(|holder| Some(holder) != self_id)
        });
        if taken {
            return Err(ApiError::uniqueness(&attr.api_slug));
        }
    }
    Ok(())
}
