//! References between records: the other side of two-way relationships kept in step with
//! a write, and the references to a deleted record closed.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::model::{Actor, AttrValues, AttributeDef, OwnerKey, State};

use super::write::{ParsedAttr, new_value};

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
    let key = OwnerKey::object(obj);
    let Some(rec) = state.item_mut(&key, &id) else {
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
    state.reindex_attr(&key, attr, id, &before);
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
    let key = OwnerKey::object(obj);
    let src = source.to_string();
    let mut displaced = None;
    let before;
    {
        let Some(rec) = state.item_mut(&key, &id) else {
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
    state.reindex_attr(&key, &rev.api_slug, id, &before);
    if let (Some(d), Some(r)) = (displaced, &rev.relationship)
        && d != source
    {
        unlink(state, &r.object, d, &r.attribute, id, now);
    }
}

/// Keeps the other side of two-way relationships in step with an item's new values.
/// Relationships join records of objects; the items of other owners have none.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sync_relationships(
    state: &mut State,
    owner: &OwnerKey,
    item_id: Uuid,
    before: &BTreeMap<String, AttrValues>,
    after: &BTreeMap<String, AttrValues>,
    parsed: &[ParsedAttr],
    now: DateTime<Utc>,
    actor: &Actor,
) {
    let OwnerKey::Object(source_obj) = owner else {
        return;
    };
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
                unlink(state, o, *id, &rev.api_slug, item_id, now);
            }
        }
        for (o, id) in new.iter().filter(|t| !old.contains(t)) {
            if *o == rel.object {
                link(state, o, *id, &rev, source_obj, item_id, now, actor);
            }
        }
    }
}

/// Closes every reference (on any item of any owner) to the record `id` of `object`.
pub(crate) fn close_references(state: &mut State, object: &str, id: Uuid, now: DateTime<Utc>) {
    let target = id.to_string();
    let mut touched = Vec::new();
    state.for_each_item_mut(|owner, item| {
        for (attr, av) in item.values.iter_mut() {
            if !av.current.iter().any(|v| {
                v.data.get("target_record_id").and_then(Value::as_str) == Some(&target)
                    && v.data.get("target_object").and_then(Value::as_str) == Some(object)
            }) {
                continue;
            }
            touched.push((owner.clone(), item.id, attr.clone(), av.current.clone()));
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
    });
    for (owner, item, attr, before) in touched {
        state.reindex_attr(&owner, &attr, item, &before);
    }
}
