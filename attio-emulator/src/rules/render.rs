//! Stored values in the read shape (`active_from`, `active_until`, `created_by_actor`, the
//! type's fields, `attribute_type`), for the items of any owner.
//!
//! Rendering is total: a stored form is rendered as stored, with the type's derived fields
//! added. The write rules (`values/`) store only forms that read back as a value of their
//! type; in particular no number is stored as `null` (`num_value` refuses NaN and the
//! infinities, and currency amounts beyond Attio's bound are refused).

use std::borrow::Cow;

use serde_json::{Map, Value, json};

use crate::model::{Actor, AttributeDef, Owner, Record, State, StoredValue};
use crate::values::fmt_ts;

/// Whether `attr` is the system attribute holding the item's own id (`record_id`, or
/// `entry_id` on a list).
pub(crate) fn is_id_attribute(attr: &AttributeDef) -> bool {
    attr.is_system_attribute && matches!(attr.api_slug.as_str(), "record_id" | "entry_id")
}

/// Whether `attr` is one of the values synthesised from item metadata.
fn is_meta(attr: &AttributeDef) -> bool {
    is_id_attribute(attr)
        || (attr.is_system_attribute
            && matches!(attr.api_slug.as_str(), "created_at" | "created_by"))
}

/// The current values of `attr` on `item` (metadata attributes synthesised).
pub(crate) fn current_values<'a>(item: &'a Record, attr: &AttributeDef) -> Cow<'a, [StoredValue]> {
    if is_meta(attr) {
        let data: Map<String, Value> = if is_id_attribute(attr) {
            [("value".to_string(), json!(item.id.to_string()))]
                .into_iter()
                .collect()
        } else if attr.api_slug == "created_at" {
            [("value".to_string(), json!(fmt_ts(&item.created_at)))]
                .into_iter()
                .collect()
        } else {
            [
                (
                    "referenced_actor_type".to_string(),
                    json!(item.created_by.kind),
                ),
                ("referenced_actor_id".to_string(), json!(item.created_by.id)),
            ]
            .into_iter()
            .collect()
        };
        return Cow::Owned(vec![StoredValue {
            data,
            active_from: item.created_at,
            active_until: None,
            actor: Actor::system(),
        }]);
    }
    match item.values.get(&attr.api_slug) {
        Some(v) => Cow::Borrowed(&v.current),
        None => Cow::Owned(vec![]),
    }
}

/// The full option object of a select value.
pub(crate) fn option_json(
    state: &State,
    owner: &dyn Owner,
    attr: &AttributeDef,
    id: &str,
) -> Value {
    match attr.options.iter().find(|o| o.id.to_string() == id) {
        Some(o) => json!({
            "id": {"workspace_id": state.workspace_id.to_string(), "object_id": owner.id().to_string(),
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
    owner: &dyn Owner,
    attr: &AttributeDef,
    id: &str,
) -> Value {
    match attr.statuses.iter().find(|o| o.id.to_string() == id) {
        Some(s) => json!({
            "id": {"workspace_id": state.workspace_id.to_string(), "object_id": owner.id().to_string(),
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
    owner: &dyn Owner,
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
            m.insert("option".into(), option_json(state, owner, attr, id));
        }
        "status" => {
            let id = v
                .data
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or_default();
            m.insert("status".into(), status_json(state, owner, attr, id));
        }
        "currency" => {
            m.insert("currency_code".into(), json!(attr.currency_code));
        }
        _ => {}
    }
    m.insert("attribute_type".into(), json!(attr.attr_type));
    Value::Object(m)
}

/// Every (not archived) attribute of the owner with the item's current values: the
/// `values` of a record (or `entry_values` of an entry), `[]` where unset.
pub(crate) fn render_values(state: &State, owner: &dyn Owner, item: &Record) -> Map<String, Value> {
    let mut values = Map::new();
    for attr in owner.attributes().iter().filter(|a| !a.is_archived) {
        let vals: Vec<Value> = current_values(item, attr)
            .iter()
            .map(|v| render_value(state, owner, attr, v))
            .collect();
        values.insert(attr.api_slug.clone(), Value::Array(vals));
    }
    values
}
