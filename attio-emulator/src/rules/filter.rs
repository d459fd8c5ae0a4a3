//! Query filters (shorthand, verbose, `$and`/`$or`/`$not`, path drill-downs through record
//! references and an entry's `parent_record`), compiled against the attributes of an
//! owner, per reference §3. Matching is in `matching.rs`.

use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, ObjectDef, Owner, OwnerKey, State};
use crate::values::{parse_date, parse_timestamp};

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
pub(crate) fn properties(attr_type: &str) -> &'static [(&'static str, &'static [&'static str])] {
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
    pub prop: &'static str,
    pub op: &'static str,
    pub operand: Value,
}

/// The pseudo-attribute of a list that leads from an entry to its parent record.
pub(crate) const PARENT_RECORD: &str = "parent_record";

/// How one step of a path leaves an item.
#[derive(Debug, Clone)]
pub(crate) enum Via {
    /// Through the record-reference values of this attribute.
    Attribute(String),
    /// From an entry to its parent record.
    Parent,
}

/// One step of a path: how it leaves an item and the object it reaches.
#[derive(Debug, Clone)]
pub(crate) struct Hop {
    pub target: OwnerKey,
    pub via: Via,
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
    /// Follow `hops` (the object reached, the reference attribute or parent followed)
    /// then apply `inner` to the records reached.
    Path {
        hops: Vec<Hop>,
        inner: Box<Filter>,
    },
}

fn ferr(msg: impl Into<String>) -> ApiError {
    ApiError::filter(msg)
}

/// Compiles a filter object against the attributes of `owner`.
pub(crate) fn compile(state: &State, owner: &dyn Owner, f: &Value) -> ApiResult<Filter> {
    let m = f
        .as_object()
        .ok_or_else(|| ferr("A filter must be a JSON object."))?;
    if m.contains_key("path") || m.contains_key("constraints") {
        return compile_path(state, owner, m);
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
                    .map(|x| compile(state, owner, x))
                    .collect::<ApiResult<Vec<_>>>()?;
                parts.push(if k == "$and" {
                    Filter::All(subs)
                } else {
                    Filter::Any(subs)
                });
            }
            "$not" => parts.push(Filter::Not(Box::new(compile(state, owner, v)?))),
            op if op.starts_with('$') => {
                return Err(ferr(format!("Unknown logical operator \"{op}\".")));
            }
            slug => match owner.attribute(slug) {
                Some(attr) => parts.push(compile_attr(attr, v)?),
                // An entry filter naming an attribute of the parent record without the
                // `parent_record` path matches nothing (no error), as in Attio.
                None if names_parent_attribute(state, owner, slug) => {
                    parts.push(Filter::Any(vec![]));
                }
                None => {
                    return Err(ferr(format!(
                        "Unknown attribute slug or ID \"{slug}\" on {} \"{}\".",
                        owner.noun(),
                        owner.slug()
                    )));
                }
            },
        }
    }
    Ok(if parts.len() == 1 {
        parts.pop().unwrap_or(Filter::All(vec![]))
    } else {
        Filter::All(parts)
    })
}

/// Whether `slug` names an attribute of one of the parent objects of `owner` (a list).
fn names_parent_attribute(state: &State, owner: &dyn Owner, slug: &str) -> bool {
    owner
        .parent_objects()
        .iter()
        .filter_map(|o| state.object(o))
        .any(|o| o.attribute(slug).is_some())
}

/// The parent object a `parent_record` step of a path on `owner` (a list) reaches: the one
/// the next step names, or the list's only parent object when the step is the last.
fn parent_step<'s>(
    state: &'s State,
    owner: &dyn Owner,
    next: Option<&str>,
) -> ApiResult<&'s ObjectDef> {
    let parents = owner.parent_objects();
    let slug = match (next, parents) {
        (Some(n), _) => n,
        (None, [only]) => only.as_str(),
        (None, _) => {
            return Err(ferr(format!(
                "\"path\" must name the parent object after \"{PARENT_RECORD}\" on list \"{}\".",
                owner.slug()
            )));
        }
    };
    state
        .object(slug)
        .filter(|o| parents.contains(&o.api_slug))
        .ok_or_else(|| {
            ferr(format!(
                "\"{slug}\" is not a parent object of list \"{}\" in \"path\".",
                owner.slug()
            ))
        })
}

/// Compiles `{"path": [[owner, attribute], [object, attribute], …], "constraints": …}`:
/// the first step starts at `owner`, each step but the last follows a record reference
/// (or, from a list entry, `parent_record`). A path ending at `parent_record` applies
/// `constraints` as a filter on the parent record (`{"record_id": …}`).
pub(crate) fn compile_path(
    state: &State,
    owner: &dyn Owner,
    m: &Map<String, Value>,
) -> ApiResult<Filter> {
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
    if !owner.is(&pairs[0].0) {
        return Err(ferr(format!(
            "The first \"path\" element must start at the queried {}.",
            owner.noun()
        )));
    }
    let mut current: &dyn Owner = owner;
    let mut hops = vec![];
    for (i, (_, a)) in pairs.iter().enumerate() {
        if a == PARENT_RECORD && !current.parent_objects().is_empty() {
            let next_name = pairs.get(i + 1).map(|(o, _)| o.as_str());
            let parent = parent_step(state, current, next_name)?;
            hops.push(Hop {
                target: OwnerKey::object(&parent.api_slug),
                via: Via::Parent,
            });
            if next_name.is_none() {
                let inner = compile(state, parent, constraints)?;
                return Ok(Filter::Path {
                    hops,
                    inner: Box::new(inner),
                });
            }
            current = parent;
            continue;
        }
        let attr = current.attribute(a).ok_or_else(|| {
            ferr(format!(
                "Unknown attribute \"{a}\" on {} \"{}\" in \"path\".",
                current.noun(),
                current.slug()
            ))
        })?;
        if i + 1 == pairs.len() {
            let inner = compile_attr(attr, constraints)?;
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
        let next = state.object(&pairs[i + 1].0).ok_or_else(|| {
            ferr(format!(
                "Unknown object \"{}\" in \"path\".",
                pairs[i + 1].0
            ))
        })?;
        hops.push(Hop {
            target: OwnerKey::object(&next.api_slug),
            via: Via::Attribute(attr.api_slug.clone()),
        });
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

fn compile_attr(attr: &AttributeDef, spec: &Value) -> ApiResult<Filter> {
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
    Ok(Filter::Attr {
        attr: Box::new(attr.clone()),
        conds,
    })
}
