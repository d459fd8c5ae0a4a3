//! Query sorts: by attribute, field or path; empty values last in both directions.

use std::cmp::Ordering;

use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, Owner, Record, State};

use super::filter::{Filter, Hop, compile_path, properties};
use super::matching::{candidates, non_empty, order};
use super::render::current_values;

fn ferr(msg: impl Into<String>) -> ApiError {
    ApiError::filter(msg)
}

/// One compiled sort criterion.
pub(crate) struct Sort {
    hops: Vec<Hop>,
    attr: AttributeDef,
    field: &'static str,
    desc: bool,
}

/// Compiles the `sorts` array of a query.
pub(crate) fn compile_sorts(state: &State, owner: &dyn Owner, v: &Value) -> ApiResult<Vec<Sort>> {
    let arr = v
        .as_array()
        .ok_or_else(|| ApiError::validation("\"sorts\" must be an array."))?;
    let mut out = vec![];
    for s in arr {
        let m = s
            .as_object()
            .ok_or_else(|| ApiError::validation("Each sort must be an object."))?;
        let desc = match m.get("direction").and_then(Value::as_str) {
            Some("asc") => false,
            Some("desc") => true,
            _ => {
                return Err(ApiError::schema(
                    vec!["sorts".into(), "direction".into()],
                    "invalid_enum_value",
                    "'asc' | 'desc'",
                    "undefined",
                    "Invalid enum value. Expected 'asc' | 'desc'",
                ));
            }
        };
        let (hops, attr) = if let Some(a) = m.get("attribute").and_then(Value::as_str) {
            let attr = owner.attribute(a).ok_or_else(|| {
                ferr(format!(
                    "Unknown attribute \"{a}\" in sort on {} \"{}\".",
                    owner.noun(),
                    owner.slug()
                ))
            })?;
            (vec![], attr.clone())
        } else if let Some(p) = m.get("path") {
            let f = compile_path(
                state,
                owner,
                &serde_json::from_value(
                    serde_json::json!({"path": p, "constraints": {"$not_empty": true}}),
                )
                .unwrap_or_default(),
            );
            match f {
                Ok(Filter::Path { hops, inner }) => match *inner {
                    Filter::Attr { attr, .. } => (hops, *attr),
                    _ => return Err(ferr("Invalid sort path.")),
                },
                Err(e) => return Err(e),
                _ => return Err(ferr("Invalid sort path.")),
            }
        } else {
            return Err(ApiError::validation(
                "Each sort needs an \"attribute\" or a \"path\".",
            ));
        };
        let props = properties(&attr.attr_type);
        let field = match m.get("field").and_then(Value::as_str) {
            Some(f) => props
                .iter()
                .map(|(p, _)| *p)
                .find(|p| *p == f)
                .ok_or_else(|| {
                    ferr(format!(
                        "Unknown sort field \"{f}\" for attribute \"{}\".",
                        attr.api_slug
                    ))
                })?,
            None => props.first().map(|(p, _)| *p).unwrap_or("value"),
        };
        out.push(Sort {
            hops,
            attr,
            field,
            desc,
        });
    }
    Ok(out)
}

fn sort_key(state: &State, s: &Sort, rec: &Record) -> Option<Value> {
    let mut r = rec;
    for hop in &s.hops {
        r = hop.first(state, r)?;
    }
    let vals = current_values(r, &s.attr);
    let v = vals.first()?;
    let c = candidates(&s.attr, v, s.field);
    // For select/status, sort by title (the last candidate).
    c.last().cloned().filter(non_empty)
}

fn cmp_keys(attr: &AttributeDef, field: &str, a: &Option<Value>, b: &Option<Value>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => {
            if let (Value::String(p), Value::String(q)) = (x, y)
                && !matches!(attr.attr_type.as_str(), "timestamp" | "date")
            {
                return p
                    .to_lowercase()
                    .cmp(&q.to_lowercase())
                    .then_with(|| p.cmp(q));
            }
            order(attr, field, x, y).unwrap_or(Ordering::Equal)
        }
    }
}

/// Sorts records in place (stable: ties keep creation order).
pub(crate) fn apply_sorts(state: &State, sorts: &[Sort], recs: &mut [&Record]) {
    if sorts.is_empty() {
        return;
    }
    let mut keyed: Vec<(Vec<Option<Value>>, &Record)> = recs
        .iter()
        .map(|r| (sorts.iter().map(|s| sort_key(state, s, r)).collect(), *r))
        .collect();
    keyed.sort_by(|(ka, _), (kb, _)| {
        for (i, s) in sorts.iter().enumerate() {
            let o = cmp_keys(&s.attr, s.field, &ka[i], &kb[i]);
            // Empty values sort last in both directions.
            let o = if s.desc && ka[i].is_some() && kb[i].is_some() {
                o.reverse()
            } else {
                o
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    for (slot, (_, r)) in recs.iter_mut().zip(keyed) {
        *slot = r;
    }
}
