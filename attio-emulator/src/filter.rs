//! Record query filters (shorthand, verbose, `$and`/`$or`/`$not`, path drill-downs) and
//! sorts, per reference §3.

use std::cmp::Ordering;

use serde_json::{Map, Value};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, ObjectDef, Record, State, StoredValue};
use crate::values::{current_values, parse_date, parse_timestamp};

const STR_OPS: &[&str] = &[
    "$eq",
    "$contains",
    "$starts_with",
    "$ends_with",
    "$not_empty",
];
const TEXT_OPS: &[&str] = &[
    "$eq",
    "$in",
    "$contains",
    "$starts_with",
    "$ends_with",
    "$not_empty",
];
const RANGE_OPS: &[&str] = &["$eq", "$gt", "$gte", "$lt", "$lte", "$not_empty"];
const SELECT_OPS: &[&str] = &["$eq", "$not_empty"];
const ACTIVE_FROM: (&str, &[&str]) = ("active_from", &["$gt", "$gte", "$lt", "$lte"]);

/// The filterable properties of a type and the operators each supports. The first entry
/// is the default property used by the shorthand form.
fn properties(attr_type: &str) -> &'static [(&'static str, &'static [&'static str])] {
    match attr_type {
        "text" => &[("value", TEXT_OPS)],
        "number" | "rating" | "date" | "timestamp" => &[("value", RANGE_OPS)],
        "checkbox" => &[("value", &["$eq"])],
        "currency" => &[("currency_value", RANGE_OPS), ("currency_code", &["$eq"])],
        "status" => &[("status", SELECT_OPS), ACTIVE_FROM],
        "select" => &[("option", SELECT_OPS), ACTIVE_FROM],
        "record-reference" => &[
            ("target_record_id", &["$eq", "$in", "$not_empty"]),
            ("target_object", &["$eq"]),
        ],
        "actor-reference" => &[
            ("referenced_actor_id", &["$eq"]),
            ("referenced_actor_type", &["$eq"]),
        ],
        "location" => &[
            ("locality", STR_OPS),
            ("line_1", STR_OPS),
            ("line_2", STR_OPS),
            ("line_3", STR_OPS),
            ("line_4", STR_OPS),
            ("region", STR_OPS),
            ("postcode", STR_OPS),
            ("country_code", &["$eq", "$starts_with", "$not_empty"]),
        ],
        "domain" => &[("domain", STR_OPS), ("root_domain", STR_OPS)],
        "email-address" => &[
            ("email_address", STR_OPS),
            ("original_email_address", STR_OPS),
            ("email_domain", STR_OPS),
            ("email_root_domain", STR_OPS),
            ("email_local_specifier", STR_OPS),
        ],
        "phone-number" => &[
            ("phone_number", STR_OPS),
            ("original_phone_number", STR_OPS),
            ("country_code", &["$eq", "$not_empty"]),
        ],
        "personal-name" => &[
            ("full_name", STR_OPS),
            ("first_name", STR_OPS),
            ("last_name", STR_OPS),
        ],
        "interaction" => &[
            ("interacted_at", &["$eq", "$gt", "$gte", "$lt", "$lte"]),
            ("interaction_type", &["$eq", "$not_empty"]),
            ("owner_member_id", &["$eq", "$not_empty"]),
        ],
        _ => &[],
    }
}

const ALL_OPS: &[&str] = &[
    "$eq",
    "$in",
    "$not_empty",
    "$contains",
    "$starts_with",
    "$ends_with",
    "$gt",
    "$gte",
    "$lt",
    "$lte",
];

/// One comparison on one property of a value.
#[derive(Debug, Clone)]
pub(crate) struct Cond {
    prop: &'static str,
    op: &'static str,
    operand: Value,
}

/// A compiled filter.
#[derive(Debug, Clone)]
pub(crate) enum Filter {
    All(Vec<Filter>),
    Any(Vec<Filter>),
    Not(Box<Filter>),
    Attr {
        attr: Box<AttributeDef>,
        conds: Vec<Cond>,
    },
    /// Follow `hops` (object slug, reference attribute) then apply `inner` to the records
    /// reached.
    Path {
        hops: Vec<(String, String)>,
        inner: Box<Filter>,
    },
}

fn ferr(msg: impl Into<String>) -> ApiError {
    ApiError::filter(msg)
}

/// Compiles a filter object against `object`.
pub(crate) fn compile(state: &State, object: &ObjectDef, f: &Value) -> ApiResult<Filter> {
    let m = f
        .as_object()
        .ok_or_else(|| ferr("A filter must be a JSON object."))?;
    if m.contains_key("path") || m.contains_key("constraints") {
        return compile_path(state, object, m);
    }
    let mut parts = vec![];
    for (k, v) in m {
        match k.as_str() {
            "$and" | "$or" => {
                let arr = v
                    .as_array()
                    .ok_or_else(|| ferr(format!("\"{k}\" expects an array of filters.")))?;
                let subs = arr
                    .iter()
                    .map(|x| compile(state, object, x))
                    .collect::<ApiResult<Vec<_>>>()?;
                parts.push(if k == "$and" {
                    Filter::All(subs)
                } else {
                    Filter::Any(subs)
                });
            }
            "$not" => parts.push(Filter::Not(Box::new(compile(state, object, v)?))),
            op if op.starts_with('$') => {
                return Err(ferr(format!("Unknown logical operator \"{op}\".")));
            }
            slug => {
                let attr = object.attribute(slug).ok_or_else(|| {
                    ferr(format!(
                        "Unknown attribute slug or ID \"{slug}\" on object \"{}\".",
                        object.api_slug
                    ))
                })?;
                parts.push(compile_attr(object, attr, v)?);
            }
        }
    }
    Ok(if parts.len() == 1 {
        parts.pop().unwrap_or(Filter::All(vec![]))
    } else {
        Filter::All(parts)
    })
}

fn compile_path(state: &State, object: &ObjectDef, m: &Map<String, Value>) -> ApiResult<Filter> {
    let (Some(path), Some(constraints)) = (m.get("path"), m.get("constraints")) else {
        return Err(ferr(
            "A path filter needs both \"path\" and \"constraints\".",
        ));
    };
    if m.len() != 2 {
        return Err(ferr(
            "A path filter may only contain \"path\" and \"constraints\".",
        ));
    }
    let steps = path
        .as_array()
        .filter(|a| !a.is_empty() && a.len() <= 5)
        .ok_or_else(|| ferr("\"path\" must be an array of 1 to 5 [object, attribute] pairs."))?;
    let mut pairs = vec![];
    for s in steps {
        match s.as_array().map(|a| a.as_slice()) {
            Some([Value::String(o), Value::String(a)]) => pairs.push((o.clone(), a.clone())),
            _ => {
                return Err(ferr(
                    "Each \"path\" element must be an [object, attribute] pair.",
                ));
            }
        }
    }
    let mut current = state
        .object(&pairs[0].0)
        .filter(|o| o.id == object.id)
        .ok_or_else(|| ferr("The first \"path\" element must start at the queried object."))?
        .clone();
    let mut hops = vec![];
    for (i, (_, a)) in pairs.iter().enumerate() {
        let attr = current
            .attribute(a)
            .ok_or_else(|| {
                ferr(format!(
                    "Unknown attribute \"{a}\" on object \"{}\" in \"path\".",
                    current.api_slug
                ))
            })?
            .clone();
        if i + 1 == pairs.len() {
            let inner = compile_attr(&current, &attr, constraints)?;
            return Ok(Filter::Path {
                hops,
                inner: Box::new(inner),
            });
        }
        if attr.attr_type != "record-reference" {
            return Err(ferr(format!(
                "\"path\" can only traverse record-reference attributes; \"{a}\" is {}.",
                attr.attr_type
            )));
        }
        let next = state
            .object(&pairs[i + 1].0)
            .ok_or_else(|| {
                ferr(format!(
                    "Unknown object \"{}\" in \"path\".",
                    pairs[i + 1].0
                ))
            })?
            .clone();
        hops.push((next.api_slug.clone(), attr.api_slug.clone()));
        current = next;
    }
    Err(ferr("Invalid \"path\"."))
}

fn check_operand(attr: &AttributeDef, prop: &str, op: &str, v: &Value) -> ApiResult<()> {
    let ok = match op {
        "$in" => v
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x.is_string())),
        "$not_empty" => v.is_boolean(),
        "$contains" | "$starts_with" | "$ends_with" => v.is_string(),
        "$gt" | "$gte" | "$lt" | "$lte" => match (attr.attr_type.as_str(), prop) {
            ("timestamp", _) | (_, "active_from") | (_, "interacted_at") => v
                .as_str()
                .is_some_and(|s| s.contains('T') && parse_timestamp(s).is_some()),
            ("date", _) => v.as_str().is_some_and(|s| parse_date(s).is_some()),
            ("currency", _) => {
                v.is_number() || v.as_str().is_some_and(|s| s.parse::<f64>().is_ok())
            }
            _ => v.is_number(),
        },
        _ => match (attr.attr_type.as_str(), prop) {
            ("checkbox", _) => v.is_boolean(),
            ("number" | "rating", _) => v.is_number(),
            ("currency", "currency_value") => {
                v.is_number() || v.as_str().is_some_and(|s| s.parse::<f64>().is_ok())
            }
            ("timestamp", _) | (_, "interacted_at") => v
                .as_str()
                .is_some_and(|s| s.contains('T') && parse_timestamp(s).is_some()),
            ("date", _) => v.as_str().is_some_and(|s| parse_date(s).is_some()),
            _ => v.is_string(),
        },
    };
    if ok {
        Ok(())
    } else {
        Err(ferr(format!(
            "Invalid operand for {op} on property \"{prop}\" of attribute \"{}\" ({}).",
            attr.api_slug, attr.attr_type
        )))
    }
}

fn lookup_op(op: &str) -> Option<&'static str> {
    ALL_OPS.iter().copied().find(|o| *o == op)
}

fn make_cond(
    attr: &AttributeDef,
    prop: &'static str,
    ops: &[&str],
    op: &str,
    v: &Value,
) -> ApiResult<Cond> {
    let op = lookup_op(op).ok_or_else(|| ferr(format!("Unknown operator \"{op}\".")))?;
    if !ops.contains(&op) {
        return Err(ferr(format!(
            "The operator {op} is not supported on property \"{prop}\" of attribute \"{}\" ({}).",
            attr.api_slug, attr.attr_type
        )));
    }
    check_operand(attr, prop, op, v)?;
    Ok(Cond {
        prop,
        op,
        operand: v.clone(),
    })
}

fn compile_attr(object: &ObjectDef, attr: &AttributeDef, spec: &Value) -> ApiResult<Filter> {
    let props = properties(&attr.attr_type);
    let (default_prop, default_ops) = *props.first().ok_or_else(|| {
        ferr(format!(
            "Attribute \"{}\" ({}) cannot be filtered.",
            attr.api_slug, attr.attr_type
        ))
    })?;
    let mut conds = vec![];
    match spec {
        Value::Object(m) => {
            for (k, v) in m {
                if k.starts_with('$') {
                    conds.push(make_cond(attr, default_prop, default_ops, k, v)?);
                    continue;
                }
                let (prop, ops) = props.iter().find(|(p, _)| p == k).copied().ok_or_else(|| {
                    ferr(format!(
                        "Unknown property \"{k}\" for attribute \"{}\" ({}).",
                        attr.api_slug, attr.attr_type
                    ))
                })?;
                match v {
                    Value::Object(opm) => {
                        if opm.is_empty() {
                            return Err(ferr(format!("Empty condition on property \"{k}\".")));
                        }
                        for (op, operand) in opm {
                            conds.push(make_cond(attr, prop, ops, op, operand)?);
                        }
                    }
                    Value::Array(_) | Value::Null => {
                        return Err(ferr(format!("Invalid condition on property \"{k}\".")));
                    }
                    prim => conds.push(make_cond(attr, prop, ops, "$eq", prim)?),
                }
            }
            if conds.is_empty() {
                return Err(ferr(format!(
                    "Empty condition on attribute \"{}\".",
                    attr.api_slug
                )));
            }
        }
        Value::Array(_) | Value::Null => {
            return Err(ferr(format!(
                "Invalid condition on attribute \"{}\".",
                attr.api_slug
            )));
        }
        prim => conds.push(make_cond(attr, default_prop, default_ops, "$eq", prim)?),
    }
    let _ = object;
    Ok(Filter::Attr {
        attr: Box::new(attr.clone()),
        conds,
    })
}

/// The comparable values of `prop` on a stored value (select/status: title and id).
fn candidates(attr: &AttributeDef, v: &StoredValue, prop: &str) -> Vec<Value> {
    match (attr.attr_type.as_str(), prop) {
        (_, "active_from") => vec![Value::String(crate::model::fmt_ts(&v.active_from))],
        ("select", "option") => {
            let id = v
                .data
                .get("option")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let mut out = vec![Value::String(id.to_string())];
            if let Some(o) = attr.options.iter().find(|o| o.id.to_string() == id) {
                out.push(Value::String(o.title.clone()));
            }
            out
        }
        ("status", "status") => {
            let id = v
                .data
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let mut out = vec![Value::String(id.to_string())];
            if let Some(o) = attr.statuses.iter().find(|o| o.id.to_string() == id) {
                out.push(Value::String(o.title.clone()));
            }
            out
        }
        ("interaction", "owner_member_id") => v
            .data
            .get("owner_actor")
            .and_then(|a| a.get("id"))
            .cloned()
            .into_iter()
            .collect(),
        _ => v.data.get(prop).cloned().into_iter().collect(),
    }
}

fn case_insensitive(attr: &AttributeDef, prop: &str) -> bool {
    matches!(attr.attr_type.as_str(), "email-address" | "domain")
        || prop == "country_code"
        || prop == "record_id"
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Orders a stored property value against an operand, by the attribute's type.
fn order(attr: &AttributeDef, prop: &str, a: &Value, b: &Value) -> Option<Ordering> {
    let temporal =
        attr.attr_type == "timestamp" || prop == "active_from" || prop == "interacted_at";
    if temporal {
        let x = parse_timestamp(a.as_str()?)?;
        let y = parse_timestamp(b.as_str()?)?;
        return Some(x.cmp(&y));
    }
    if attr.attr_type == "date" {
        return Some(parse_date(a.as_str()?)?.cmp(&parse_date(b.as_str()?)?));
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::String(x), Value::String(y)) if num(a).is_none() || num(b).is_none() => {
            Some(x.cmp(y))
        }
        _ => num(a)?.partial_cmp(&num(b)?),
    }
}

fn test_one(attr: &AttributeDef, prop: &str, op: &str, cand: &Value, operand: &Value) -> bool {
    let lower = |v: &Value| v.as_str().map(|s| s.to_lowercase());
    match op {
        "$eq" => {
            if let (Value::String(x), Value::String(y)) = (cand, operand) {
                if case_insensitive(attr, prop) || attr.attr_type == "email-address" {
                    return x.eq_ignore_ascii_case(y);
                }
                if matches!(attr.attr_type.as_str(), "timestamp" | "date")
                    || prop == "interacted_at"
                {
                    return order(attr, prop, cand, operand) == Some(Ordering::Equal);
                }
                return x == y;
            }
            order(attr, prop, cand, operand) == Some(Ordering::Equal)
        }
        "$in" => operand
            .as_array()
            .is_some_and(|arr| arr.iter().any(|o| test_one(attr, prop, "$eq", cand, o))),
        "$contains" | "$starts_with" | "$ends_with" => {
            let (Some(x), Some(y)) = (lower(cand), lower(operand)) else {
                return false;
            };
            match op {
                "$contains" => x.contains(&y),
                "$starts_with" => x.starts_with(&y),
                _ => x.ends_with(&y),
            }
        }
        "$gt" => order(attr, prop, cand, operand) == Some(Ordering::Greater),
        "$gte" => matches!(
            order(attr, prop, cand, operand),
            Some(Ordering::Greater | Ordering::Equal)
        ),
        "$lt" => order(attr, prop, cand, operand) == Some(Ordering::Less),
        "$lte" => matches!(
            order(attr, prop, cand, operand),
            Some(Ordering::Less | Ordering::Equal)
        ),
        _ => false,
    }
}

fn non_empty(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

fn value_matches(attr: &AttributeDef, v: &StoredValue, c: &Cond) -> bool {
    let cands = candidates(attr, v, c.prop);
    if c.op == "$not_empty" {
        return cands.iter().any(non_empty);
    }
    // The record-id attribute compares case-insensitively (UUIDs).
    let attr_eff;
    let attr = if attr.api_slug == "record_id" && attr.is_system_attribute {
        attr_eff = AttributeDef {
            attr_type: "text".into(),
            ..attr.clone()
        };
        &attr_eff
    } else {
        attr
    };
    let prop = if attr.api_slug == "record_id" {
        "record_id"
    } else {
        c.prop
    };
    cands
        .iter()
        .any(|cand| test_one(attr, prop, c.op, cand, &c.operand))
}

fn attr_matches(attr: &AttributeDef, rec: &Record, conds: &[Cond]) -> bool {
    let values = current_values(rec, attr);
    let (empties, value_conds): (Vec<&Cond>, Vec<&Cond>) = conds
        .iter()
        .partition(|c| c.op == "$not_empty" && c.operand == Value::Bool(false));
    for c in empties {
        let probe = Cond {
            operand: Value::Bool(true),
            ..c.clone()
        };
        if values.iter().any(|v| value_matches(attr, v, &probe)) {
            return false;
        }
    }
    if value_conds.is_empty() {
        return true;
    }
    values
        .iter()
        .any(|v| value_conds.iter().all(|c| value_matches(attr, v, c)))
}

impl Filter {
    /// Whether `rec` (of the compiled object) passes the filter.
    pub(crate) fn matches(&self, state: &State, rec: &Record) -> bool {
        match self {
            Filter::All(fs) => fs.iter().all(|f| f.matches(state, rec)),
            Filter::Any(fs) => fs.iter().any(|f| f.matches(state, rec)),
            Filter::Not(f) => !f.matches(state, rec),
            Filter::Attr { attr, conds, .. } => attr_matches(attr, rec, conds),
            Filter::Path { hops, inner } => {
                let mut set: Vec<&Record> = vec![rec];
                for (target_obj, ref_attr) in hops {
                    let mut next = vec![];
                    for r in &set {
                        if let Some(av) = r.values.get(ref_attr) {
                            for v in &av.current {
                                if v.data.get("target_object").and_then(Value::as_str)
                                    != Some(target_obj.as_str())
                                {
                                    continue;
                                }
                                let id = v
                                    .data
                                    .get("target_record_id")
                                    .and_then(Value::as_str)
                                    .and_then(|s| Uuid::parse_str(s).ok());
                                if let Some(t) = id.and_then(|id| state.record(target_obj, &id)) {
                                    next.push(t);
                                }
                            }
                        }
                    }
                    set = next;
                }
                set.into_iter().any(|r| inner.matches(state, r))
            }
        }
    }
}

/// One compiled sort criterion.
pub(crate) struct Sort {
    hops: Vec<(String, String)>,
    attr: AttributeDef,
    field: &'static str,
    desc: bool,
}

/// Compiles the `sorts` array of a query.
pub(crate) fn compile_sorts(state: &State, object: &ObjectDef, v: &Value) -> ApiResult<Vec<Sort>> {
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
            let attr = object.attribute(a).ok_or_else(|| {
                ferr(format!(
                    "Unknown attribute \"{a}\" in sort on object \"{}\".",
                    object.api_slug
                ))
            })?;
            (vec![], attr.clone())
        } else if let Some(p) = m.get("path") {
            let f = compile_path(
                state,
                object,
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
    for (obj, attr) in &s.hops {
        let v = r.values.get(attr)?.current.first()?;
        let id = Uuid::parse_str(v.data.get("target_record_id")?.as_str()?).ok()?;
        r = state.record(obj, &id)?;
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
