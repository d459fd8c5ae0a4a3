//! The webhook events a write causes (attio-api-more.md §13.3, §13.6), queued on the
//! state's outbox for delivery. Nothing is queued while the workspace has no webhook.
//!
//! Emitted: `record.*` and `list-entry.*` (one `.updated` per changed attribute),
//! `list.created`/`.updated`, `object-attribute.*` and `list-attribute.*`; deleting a
//! record also deletes its entries, each with its `list-entry.deleted` (before the
//! record's `record.deleted`). Not emitted: the events of a relationship's other side.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::model::{AttrValues, Owner, OwnerKey, Parent, State};

/// Queues `{event_type, id: {workspace_id, …ids}, actor, …extra}`.
pub(crate) fn emit(
    st: &mut State,
    event_type: &str,
    ids: &[(&str, Uuid)],
    extra: &[(&str, Value)],
) {
    if st.webhooks.is_empty() {
        return;
    }
    let mut id = Map::new();
    id.insert("workspace_id".into(), json!(st.workspace_id.to_string()));
    for (k, v) in ids {
        id.insert((*k).into(), json!(v.to_string()));
    }
    let mut event = Map::new();
    event.insert("event_type".into(), json!(event_type));
    event.insert("id".into(), Value::Object(id));
    for (k, v) in extra {
        event.insert((*k).into(), v.clone());
    }
    event.insert("actor".into(), st.token_actor().to_json());
    st.outbox.push(Value::Object(event));
}

/// The ids of an item's events: `object_id, record_id` (kind `record`) or
/// `list_id, entry_id` (kind `list-entry`) with the entry's parent's ids.
pub(crate) struct ItemEvent {
    kind: &'static str,
    ids: Vec<(&'static str, Uuid)>,
    extra: Vec<(&'static str, Value)>,
}

impl ItemEvent {
    /// The events of item `id` of `owner` (read while the item exists).
    pub(crate) fn of(st: &State, owner: &dyn Owner, id: Uuid) -> Self {
        match owner.key() {
            OwnerKey::Object(_) => ItemEvent {
                kind: "record",
                ids: vec![("object_id", owner.id()), ("record_id", id)],
                extra: vec![],
            },
            OwnerKey::List(_) => {
                let parent: Option<&Parent> =
                    st.item(&owner.key(), &id).and_then(|r| r.parent.as_ref());
                let parent_object = parent
                    .and_then(|p| st.object(&p.object))
                    .map(|o| o.id.to_string());
                ItemEvent {
                    kind: "list-entry",
                    ids: vec![("list_id", owner.id()), ("entry_id", id)],
                    extra: vec![
                        ("parent_object_id", json!(parent_object)),
                        (
                            "parent_record_id",
                            json!(parent.map(|p| p.record_id.to_string())),
                        ),
                    ],
                }
            }
        }
    }

    /// Queues the event `<kind>.<verb>`, with `more` ids.
    pub(crate) fn emit(&self, st: &mut State, verb: &str, more: &[(&'static str, Uuid)]) {
        let ids: Vec<_> = self.ids.iter().chain(more).copied().collect();
        emit(st, &format!("{}.{verb}", self.kind), &ids, &self.extra);
    }
}

/// `record.created` / `list-entry.created`.
pub(crate) fn item_created(st: &mut State, owner: &dyn Owner, id: Uuid) {
    if !st.webhooks.is_empty() {
        ItemEvent::of(st, owner, id).emit(st, "created", &[]);
    }
}

/// One `record.updated` / `list-entry.updated` per attribute whose active values changed.
pub(crate) fn item_updated(
    st: &mut State,
    owner: &dyn Owner,
    id: Uuid,
    before: &BTreeMap<String, AttrValues>,
    after: &BTreeMap<String, AttrValues>,
) {
    if st.webhooks.is_empty() {
        return;
    }
    let data = |m: &BTreeMap<String, AttrValues>, slug: &str| {
        m.get(slug)
            .map(|v| v.current.iter().map(|s| s.data.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let event = ItemEvent::of(st, owner, id);
    for attr in owner.attributes() {
        if data(before, &attr.api_slug) != data(after, &attr.api_slug) {
            event.emit(st, "updated", &[("attribute_id", attr.id)]);
        }
    }
}

/// The `list-entry.deleted` events of the entries (in every list) whose parent is record
/// `record_id` of `object`: read before the record and its entries are deleted.
pub(crate) fn entries_of(st: &State, object: &str, record_id: Uuid) -> Vec<ItemEvent> {
    if st.webhooks.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for l in &st.lists {
        let key = l.key();
        for e in st.items(&key) {
            if e.parent
                .as_ref()
                .is_some_and(|p| p.record_id == record_id && p.object == object)
            {
                out.push(ItemEvent::of(st, l, e.id));
            }
        }
    }
    out
}

/// `object-attribute.*` / `list-attribute.*` (`verb`: `created` or `updated`).
pub(crate) fn attribute_event(st: &mut State, owner: &OwnerKey, attribute_id: Uuid, verb: &str) {
    let (kind, id_key, owner_id) = match owner {
        OwnerKey::Object(slug) => (
            "object-attribute",
            "object_id",
            st.object(slug).map(|o| o.id),
        ),
        OwnerKey::List(slug) => ("list-attribute", "list_id", st.list(slug).map(|l| l.id)),
    };
    if let Some(owner_id) = owner_id {
        emit(
            st,
            &format!("{kind}.{verb}"),
            &[(id_key, owner_id), ("attribute_id", attribute_id)],
            &[],
        );
    }
}
