//! The entries area: the entries of a list in their read shape, the parent record an entry
//! is added for, the assert by parent, and the entries of one record across lists. Writes,
//! queries and history go through the owner-generic item operations with the list as
//! owner.

use serde_json::{Value, json};
use uuid::Uuid;

use super::items;
use crate::error::{ApiError, ApiResult};
use crate::model::{ListDef, Owner, Parent, Record, State};
use crate::rules::render::render_values;
use crate::rules::write::{Mode, ParsedAttr};
use crate::values::fmt_ts;

/// Renders an entry in the read shape of the entry endpoints: the list's own values only.
pub(crate) fn render_entry(state: &State, list: &ListDef, entry: &Record) -> Value {
    let (parent_object, parent_record_id) = entry
        .parent
        .as_ref()
        .map(|p| (p.object.clone(), p.record_id.to_string()))
        .unwrap_or_default();
    json!({
        "id": {
            "workspace_id": state.workspace_id.to_string(),
            "list_id": list.id.to_string(),
            "entry_id": entry.id.to_string(),
        },
        "parent_record_id": parent_record_id,
        "parent_object": parent_object,
        "created_at": fmt_ts(&entry.created_at),
        "entry_values": render_values(state, list, entry),
    })
}

/// Every entry of `list` in its read shape, in creation order.
pub(crate) fn render_all(state: &State, list: &ListDef) -> Vec<Value> {
    state
        .items(&list.key())
        .map(|e| render_entry(state, list, e))
        .collect()
}

/// The parent of a new entry of `list`: the record `record_id` of `object` (slug or id),
/// which must exist and be of a parent object of the list.
pub(crate) fn parent(
    state: &State,
    list: &ListDef,
    object: &str,
    record_id: Uuid,
) -> ApiResult<Parent> {
    let o = state.object(object).ok_or_else(|| {
        ApiError::value_not_found(format!(
            "Parent object with slug/ID \"{object}\" not found."
        ))
    })?;
    if !list.takes(&o.api_slug) {
        return Err(ApiError::validation(format!(
            "Records of object \"{}\" cannot be added to list \"{}\", whose parent object is \"{}\".",
            o.api_slug,
            list.api_slug,
            list.parent_object.join("\", \"")
        )));
    }
    if state.item(&o.key(), &record_id).is_none() {
        return Err(ApiError::value_not_found(format!(
            "Parent record with slug/ID \"{record_id}\" not found."
        )));
    }
    Ok(Parent {
        object: o.api_slug.clone(),
        record_id,
    })
}

/// The entries of `list` whose parent is `parent`, in creation order.
fn entries_of<'s>(state: &'s State, list: &ListDef, parent: &Parent) -> Vec<&'s Record> {
    state
        .items(&list.key())
        .filter(|e| e.parent.as_ref() == Some(parent))
        .collect()
}

/// Assert by parent: create an entry when the parent has none in `list`, update its one
/// entry (multiselects made exactly the values sent) when it has one, and fail with
/// `multiple_match_results` when it has several. Returns the entry id.
pub(crate) fn assert_by_parent(
    state: &mut State,
    list: &ListDef,
    parent: Parent,
    parsed: Vec<ParsedAttr>,
) -> ApiResult<Uuid> {
    let found: Vec<Uuid> = entries_of(state, list, &parent)
        .iter()
        .map(|e| e.id)
        .collect();
    match found.as_slice() {
        [] => items::create_with_parent(state, list, parsed, Some(parent)),
        [id] => {
            items::update(state, list, *id, parsed, Mode::Overwrite, None)?;
            Ok(*id)
        }
        _ => Err(ApiError::multiple_match(
            "Multiple entries were found for the given parent record. Please remove duplicates or use the update or create entry endpoints instead.",
        )),
    }
}

/// The entries (in every list) whose parent is the record `record_id` of `object`, as
/// `GET /v2/objects/{object}/records/{record_id}/entries` lists them: list order, then
/// creation order.
pub(crate) fn of_record(state: &State, object: &str, record_id: Uuid) -> Vec<Value> {
    let parent = Parent {
        object: object.to_string(),
        record_id,
    };
    state
        .lists
        .iter()
        .flat_map(|l| {
            entries_of(state, l, &parent).into_iter().map(|e| {
                json!({
                    "list_id": l.id.to_string(),
                    "list_api_slug": l.api_slug,
                    "entry_id": e.id.to_string(),
                    "created_at": fmt_ts(&e.created_at),
                })
            })
        })
        .collect()
}
