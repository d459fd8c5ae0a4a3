//! The record write pipeline (create, assert, PATCH, PUT, delete) with Attio's rules:
//! single vs multiselect wrapping, append vs overwrite, required and unique attributes,
//! two-way relationships. Every value is parsed and every rule checked before anything is
//! stored.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{Actor, AttrValues, AttributeDef, ObjectDef, Record, State, StoredValue};
use crate::values::{identity, parse_element};

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

/// Extracts `data.values` from a record write body.
pub(crate) fn body_values(body: &Value) -> ApiResult<&Map<String, Value>> {
    let data = body.get("data");
    let data = match data {
        Some(Value::Object(m)) => m,
        other => {
            return Err(ApiError::schema(
                vec![json!("data")],
                "invalid_type",
                "object",
                json_type(other),
                if other.is_none() {
                    "Required"
                } else {
                    "Expected object"
                },
            ));
        }
    };
    match data.get("values") {
        Some(Value::Object(m)) => Ok(m),
        other => Err(ApiError::schema(
            vec![json!("data"), json!("values")],
            "invalid_type",
            "object",
            json_type(other),
            if other.is_none() {
                "Required"
            } else {
                "Expected object"
            },
        )),
    }
}

/// Parses every value of a write. Fails on the first unknown, read-only or invalid value.
pub(crate) fn parse_values(
    state: &State,
    object: &ObjectDef,
    values: &Map<String, Value>,
) -> ApiResult<Vec<ParsedAttr>> {
    let mut out: Vec<ParsedAttr> = vec![];
    for (key, raw) in values {
        let attr = object
            .attribute(key)
            .filter(|a| !a.is_archived)
            .ok_or_else(|| {
                ApiError::validation(format!(
                    "Cannot find attribute with slug/ID \"{key}\" on object \"{}\".",
                    object.api_slug
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
                        "path": ["data", "values", attr.api_slug],
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
            if seen.insert(identity(attr, &data)) {
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
fn apply_defaults(
    state: &State,
    object: &ObjectDef,
    parsed: &mut Vec<ParsedAttr>,
    actor: &Actor,
) -> ApiResult<()> {
    for attr in &object.attributes {
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
                    crate::model::fmt_ts(&now)
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

fn new_value(data: Map<String, Value>, now: DateTime<Utc>, actor: &Actor) -> StoredValue {
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
fn merge(
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
            let have: HashSet<String> =
                av.current.iter().map(|v| identity(attr, &v.data)).collect();
            let mut fresh: Vec<StoredValue> = p
                .elems
                .iter()
                .filter(|d| !have.contains(&identity(attr, d)))
                .map(|d| new_value(d.clone(), now, actor))
                .collect();
            fresh.append(&mut av.current);
            av.current = fresh;
        } else {
            let mut old = std::mem::take(&mut av.current);
            let mut next = vec![];
            for d in &p.elems {
                let key = identity(attr, d);
                match old
                    .iter()
                    .position(|v| identity(attr, &v.data) == key && v.data == *d)
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

fn check_required(
    object: &ObjectDef,
    values: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
    creating: bool,
) -> ApiResult<()> {
    for attr in object
        .attributes
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

fn check_unique(
    state: &mut State,
    object: &ObjectDef,
    self_id: Option<Uuid>,
    before: Option<&BTreeMap<String, AttrValues>>,
    values: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
) -> ApiResult<()> {
    for p in parsed.iter().filter(|p| p.attr.is_unique) {
        let attr = &p.attr;
        let old: HashSet<String> = before
            .and_then(|b| b.get(&attr.api_slug))
            .map(|av| av.current.iter().map(|v| identity(attr, &v.data)).collect())
            .unwrap_or_default();
        let new_keys: Vec<String> = values
            .get(&attr.api_slug)
            .map(|av| {
                av.current
                    .iter()
                    .map(|v| identity(attr, &v.data))
                    .filter(|k| !old.contains(k))
                    .collect()
            })
            .unwrap_or_default();
        if new_keys.is_empty() {
            continue;
        }
        let taken = new_keys.iter().any(|k| {
            state
                .unique_holders(&object.api_slug, &attr.api_slug, k)
                .into_iter()
                .any(|holder| Some(holder) != self_id)
        });
        if taken {
            return Err(ApiError::uniqueness(&attr.api_slug));
        }
    }
    Ok(())
}

fn targets(av: Option<&AttrValues>) -> Vec<(String, Uuid)> {
    av.map(|av| {
        av.current
            .iter()
            .filter_map(|v| {
                let o = v.data.get("target_object")?.as_str()?.to_string();
                let id = Uuid::parse_str(v.data.get("target_record_id")?.as_str()?).ok()?;
                Some((o, id))
            })
            .collect()
    })
    .unwrap_or_default()
}

/// Closes the values of `attr` on record (`obj`, `id`) that point at `source`.
fn unlink(state: &mut State, obj: &str, id: Uuid, attr: &str, source: Uuid, now: DateTime<Utc>) {
    let Some(rec) = state.record_mut(obj, &id) else {
        return;
    };
    let Some(av) = rec.values.get_mut(attr) else {
        return;
    };
    let before = av.current.clone();
    let src = source.to_string();
    let (gone, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut av.current)
        .into_iter()
        .partition(|v| v.data.get("target_record_id").and_then(Value::as_str) == Some(&src));
    av.current = keep;
    for mut v in gone {
        v.active_until = Some(now);
        av.closed.push(v);
    }
    state.reindex_attr(obj, attr, id, &before);
}

/// Adds `source` to the reverse attribute of a two-way relationship on (`obj`, `id`).
#[allow(clippy::too_many_arguments)]
fn link(
    state: &mut State,
    obj: &str,
    id: Uuid,
    rev: &AttributeDef,
    source_obj: &str,
    source: Uuid,
    now: DateTime<Utc>,
    actor: &Actor,
) {
    let src = source.to_string();
    let mut displaced = None;
    let before;
    {
        let Some(rec) = state.record_mut(obj, &id) else {
            return;
        };
        let av = rec.values.entry(rev.api_slug.clone()).or_default();
        before = av.current.clone();
        if av
            .current
            .iter()
            .any(|v| v.data.get("target_record_id").and_then(Value::as_str) == Some(&src))
        {
            return;
        }
        if !rev.is_multiselect {
            for mut v in std::mem::take(&mut av.current) {
                displaced = v
                    .data
                    .get("target_record_id")
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s).ok());
                v.active_until = Some(now);
                av.closed.push(v);
            }
        }
        let mut data = Map::new();
        data.insert("target_object".into(), json!(source_obj));
        data.insert("target_record_id".into(), json!(src));
        av.current.insert(0, new_value(data, now, actor));
    }
    state.reindex_attr(obj, &rev.api_slug, id, &before);
    if let (Some(d), Some(r)) = (displaced, &rev.relationship)
        && d != source
    {
        unlink(state, &r.object, d, &r.attribute, id, now);
    }
}

/// Keeps the other side of two-way relationships in step with a record's new values.
#[allow(clippy::too_many_arguments)]
fn sync_relationships(
    state: &mut State,
    object: &ObjectDef,
    rec_id: Uuid,
    before: &BTreeMap<String, AttrValues>,
    after: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
    now: DateTime<Utc>,
    actor: &Actor,
) {
    for p in parsed {
        let Some(rel) = &p.attr.relationship else {
            continue;
        };
        let Some(rev) = state
            .object(&rel.object)
            .and_then(|o| o.attribute(&rel.attribute))
            .cloned()
        else {
            continue;
        };
        let old = targets(before.get(&p.attr.api_slug));
        let new = targets(after.get(&p.attr.api_slug));
        for (o, id) in old.iter().filter(|t| !new.contains(t)) {
            if *o == rel.object {
                unlink(state, o, *id, &rev.api_slug, rec_id, now);
            }
        }
        for (o, id) in new.iter().filter(|t| !old.contains(t)) {
            if *o == rel.object {
                link(state, o, *id, &rev, &object.api_slug, rec_id, now, actor);
            }
        }
    }
}

/// Creates a record from parsed values. Returns its id.
pub(crate) fn create(
    state: &mut State,
    object: &ObjectDef,
    mut parsed: Vec<ParsedAttr>,
) -> ApiResult<Uuid> {
    let now = Utc::now();
    let actor = state.token_actor();
    apply_defaults(state, object, &mut parsed, &actor)?;
    let empty = BTreeMap::new();
    let values = merge(&empty, &parsed, Mode::Create, None, now, &actor);
    check_required(object, &values, &parsed, true)?;
    check_unique(state, object, None, None, &values, &parsed)?;
    let id = Uuid::new_v4();
    let seq = state.next_seq();
    state.insert_record(
        &object.api_slug,
        Record {
            id,
            seq,
            created_at: now,
            created_by: actor.clone(),
            values: values.clone(),
        },
    );
    state.reindex_record(&object.api_slug, id, None);
    sync_relationships(state, object, id, &empty, &values, &parsed, now, &actor);
    Ok(id)
}

/// Updates a record (PATCH = `Mode::Append`, PUT = `Mode::Overwrite`).
pub(crate) fn update(
    state: &mut State,
    object: &ObjectDef,
    id: Uuid,
    parsed: Vec<ParsedAttr>,
    mode: Mode,
    append_slug: Option<&str>,
) -> ApiResult<()> {
    let now = Utc::now();
    let actor = state.token_actor();
    let before = state
        .record(&object.api_slug, &id)
        .ok_or_else(|| record_not_found(id))?
        .values
        .clone();
    let values = merge(&before, &parsed, mode, append_slug, now, &actor);
    check_required(object, &values, &parsed, false)?;
    check_unique(state, object, Some(id), Some(&before), &values, &parsed)?;
    if let Some(rec) = state.record_mut(&object.api_slug, &id) {
        rec.values = values.clone();
    }
    state.reindex_record(&object.api_slug, id, Some(&before));
    sync_relationships(state, object, id, &before, &values, &parsed, now, &actor);
    Ok(())
}

/// The 404 for an unknown record id.
pub(crate) fn record_not_found(id: impl std::fmt::Display) -> ApiError {
    ApiError::not_found(format!("Record with ID \"{id}\" not found."))
}

/// Deletes a record and closes every reference to it.
pub(crate) fn delete(state: &mut State, object: &ObjectDef, id: Uuid) -> ApiResult<()> {
    let removed = state
        .remove_record(&object.api_slug, &id)
        .ok_or_else(|| record_not_found(id))?;
    state.reindex_record(&object.api_slug, id, Some(&removed.values));
    let now = Utc::now();
    let target = id.to_string();
    let mut touched = Vec::new();
    for (slug, recs) in state.records.iter_mut() {
        for rec in recs.values_mut() {
            for (attr, av) in rec.values.iter_mut() {
                if !av.current.iter().any(|v| {
                    v.data.get("target_record_id").and_then(Value::as_str) == Some(&target)
                        && v.data.get("target_object").and_then(Value::as_str)
                            == Some(&object.api_slug)
                }) {
                    continue;
                }
                touched.push((slug.clone(), rec.id, attr.clone(), av.current.clone()));
                let (gone, keep): (Vec<_>, Vec<_>) =
                    std::mem::take(&mut av.current).into_iter().partition(|v| {
                        v.data.get("target_record_id").and_then(Value::as_str) == Some(&target)
                    });
                av.current = keep;
                for mut v in gone {
                    v.active_until = Some(now);
                    av.closed.push(v);
                }
            }
        }
    }
    for (slug, rec, attr, before) in touched {
        state.reindex_attr(&slug, &attr, rec, &before);
    }
    Ok(())
}

/// The 400 for an assert without the `matching_attribute` query parameter.
pub(crate) fn missing_matching_attribute() -> ApiError {
    let mut e = ApiError::validation("Query parameter validation error.");
    e.validation_errors = Some(vec![json!({
        "code": "invalid_type",
        "path": ["matching_attribute"],
        "message": "Required",
        "expected": "string",
        "received": "undefined",
    })]);
    e
}

/// Assert: find the record by the matching (unique) attribute; update it with PUT
/// semantics (the matching multiselect appended to) or create it. Returns the record id.
pub(crate) fn assert(
    state: &mut State,
    object: &ObjectDef,
    matching: Option<&str>,
    parsed: Vec<ParsedAttr>,
) -> ApiResult<Uuid> {
    let Some(matching) = matching else {
        return Err(missing_matching_attribute());
    };
    let attr = object
        .attribute(matching)
        .filter(|a| !a.is_archived)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "Attribute with slug/ID \"{matching}\" not found on object \"{}\".",
                object.api_slug
            ))
        })?
        .clone();
    if !attr.is_unique {
        return Err(ApiError::not_unique(format!(
            "The attribute with slug \"{}\" is not unique, so it cannot be used as a matching attribute.",
            attr.api_slug
        )));
    }
    let keys: Vec<String> = parsed
        .iter()
        .find(|p| p.attr.id == attr.id)
        .map(|p| p.elems.iter().map(|d| identity(&attr, d)).collect())
        .unwrap_or_default();
    if keys.is_empty() {
        return Err(ApiError::validation(format!(
            "The values must include a value for the matching attribute \"{}\".",
            attr.api_slug
        )));
    }
    let mut matches: Vec<Uuid> = keys
        .iter()
        .flat_map(|k| state.unique_holders(&object.api_slug, &attr.api_slug, k))
        .collect();
    matches.sort_unstable();
    matches.dedup();
    match matches.as_slice() {
        [] => create(state, object, parsed),
        [id] => {
            update(
                state,
                object,
                *id,
                parsed,
                Mode::Overwrite,
                Some(attr.api_slug.as_str()),
            )?;
            Ok(*id)
        }
        _ => Err(ApiError::multiple_match(format!(
            "More than one record matches the value given for attribute \"{}\".",
            attr.api_slug
        ))),
    }
}
