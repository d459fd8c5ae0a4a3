//! Whether an item passes a compiled filter: the comparable values of each property and
//! the comparisons by type (case rules, numbers, dates and timestamps).

use std::cmp::Ordering;

use serde_json::Value;
use uuid::Uuid;

use crate::model::{AttributeDef, Record, State, StoredValue};
use crate::values::{fmt_ts, parse_date, parse_timestamp};

use super::filter::{Cond, Filter, Hop, Via};
use super::render::{current_values, is_id_attribute};

/// The comparable values of `prop` on a stored value (select/status: title and id).
pub(crate) fn candidates(attr: &AttributeDef, v: &StoredValue, prop: &str) -> Vec<Value> {
    match (attr.attr_type.as_str(), prop) {
        (_, "active_from") => vec![Value::String(fmt_ts(&v.active_from))],
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
pub(crate) fn order(attr: &AttributeDef, prop: &str, a: &Value, b: &Value) -> Option<Ordering> {
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

pub(crate) fn non_empty(v: &Value) -> bool {
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
    // The item-id attribute compares case-insensitively (UUIDs).
    let id_attr = is_id_attribute(attr);
    let attr_eff;
    let attr = if id_attr {
        attr_eff = AttributeDef {
            attr_type: "text".into(),
            ..attr.clone()
        };
        &attr_eff
    } else {
        attr
    };
    let prop = if id_attr { "record_id" } else { c.prop };
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
    /// Whether `rec` (an item of the owner compiled against) passes the filter.
    pub(crate) fn matches(&self, state: &State, rec: &Record) -> bool {
        match self {
            Filter::All(fs) => fs.iter().all(|f| f.matches(state, rec)),
            Filter::Any(fs) => fs.iter().any(|f| f.matches(state, rec)),
            Filter::Not(f) => !f.matches(state, rec),
            Filter::Attr { attr, conds, .. } => attr_matches(attr, rec, conds),
            Filter::Path { hops, inner } => {
                let mut set: Vec<&Record> = vec![rec];
                for hop in hops {
                    set = set.iter().flat_map(|r| hop.follow(state, r)).collect();
                }
                set.into_iter().any(|r| inner.matches(state, r))
            }
        }
    }
}

impl Hop {
    /// The records of the hop's object that `item` reaches: those its reference values
    /// point at, or its parent record.
    pub(crate) fn follow<'s>(&self, state: &'s State, item: &Record) -> Vec<&'s Record> {
        let ids: Vec<Uuid> = match &self.via {
            Via::Parent => item
                .parent
                .iter()
                .filter(|p| p.object == self.target.slug())
                .map(|p| p.record_id)
                .collect(),
            Via::Attribute(attr) => item
                .values
                .get(attr)
                .into_iter()
                .flat_map(|av| &av.current)
                .filter(|v| {
                    v.data.get("target_object").and_then(Value::as_str) == Some(self.target.slug())
                })
                .filter_map(|v| v.data.get("target_record_id")?.as_str())
                .filter_map(|s| Uuid::parse_str(s).ok())
                .collect(),
        };
        ids.iter()
            .filter_map(|id| state.item(&self.target, id))
            .collect()
    }

    /// The record a sort follows from `item`: the first reference value's target, or the
    /// parent record.
    pub(crate) fn first<'s>(&self, state: &'s State, item: &Record) -> Option<&'s Record> {
        let id = match &self.via {
            Via::Parent => item.parent.as_ref()?.record_id,
            Via::Attribute(attr) => {
                let v = item.values.get(attr)?.current.first()?;
                Uuid::parse_str(v.data.get("target_record_id")?.as_str()?).ok()?
            }
        };
        state.item(&self.target, &id)
    }
}
