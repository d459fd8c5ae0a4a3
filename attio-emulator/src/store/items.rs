//! The items of any owner (records of an object, entries of a list): create, update,
//! assert, delete and query, composed from the owner-generic rules.

use std::collections::BTreeMap;

use chrono::Utc;
use serde_json::Value;
use uuid::Uuid;

use super::cascade::forget_item;
use crate::error::{ApiError, ApiResult};
use crate::model::{Owner, OwnerKey, Parent, Record, State};
use crate::rules::filter::compile;
use crate::rules::relations::{close_references, sync_relationships};
use crate::rules::sort::{apply_sorts, compile_sorts};
use crate::rules::write::{Mode, ParsedAttr, apply_defaults, check_required, check_unique, merge};
use crate::store::events;

/// The 404 for an unknown item id: `Record with ID "…" not found.`
pub(crate) fn not_found(owner: &dyn Owner, id: impl std::fmt::Display) -> ApiError {
    let noun = owner.item_noun();
    let mut chars = noun.chars();
    let title: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    ApiError::not_found(format!("{title} with ID \"{id}\" not found."))
}

/// The item `id` of `owner`, or its 404.
pub(crate) fn get<'s>(state: &'s State, owner: &dyn Owner, id: Uuid) -> ApiResult<&'s Record> {
    state
        .item(&owner.key(), &id)
        .ok_or_else(|| not_found(owner, id))
}

/// Creates an item from parsed values. Returns its id.
pub(crate) fn create(
    state: &mut State,
    owner: &dyn Owner,
    parsed: Vec<ParsedAttr>,
) -> ApiResult<Uuid> {
    create_with_parent(state, owner, parsed, None)
}

/// Creates an item from parsed values, with its parent record when it is an entry.
/// Returns its id.
pub(crate) fn create_with_parent(
    state: &mut State,
    owner: &dyn Owner,
    mut parsed: Vec<ParsedAttr>,
    parent: Option<Parent>,
) -> ApiResult<Uuid> {
    let now = Utc::now();
    let actor = state.token_actor();
    let key = owner.key();
    apply_defaults(state, owner, &mut parsed, &actor)?;
    let empty = BTreeMap::new();
    let values = merge(&empty, &parsed, Mode::Create, None, now, &actor);
    check_required(owner, &values, &parsed, true)?;
    check_unique(state, owner, None, None, &values, &parsed)?;
    let id = Uuid::new_v4();
    let seq = state.next_seq();
    state.insert_item(
        &key,
        Record {
            id,
            seq,
            created_at: now,
            created_by: actor.clone(),
            values: values.clone(),
            parent,
        },
    );
    state.reindex_item(&key, id, None);
    sync_relationships(state, &key, id, &empty, &values, &parsed, now, &actor);
    events::item_created(state, owner, id);
    Ok(id)
}

/// Updates an item (PATCH = `Mode::Append`, PUT = `Mode::Overwrite`). `append_slug`
/// names a multiselect attribute appended to even in overwrite mode (an assert's
/// matching attribute).
pub(crate) fn update(
    state: &mut State,
    owner: &dyn Owner,
    id: Uuid,
    parsed: Vec<ParsedAttr>,
    mode: Mode,
    append_slug: Option<&str>,
) -> ApiResult<()> {
    let now = Utc::now();
    let actor = state.token_actor();
    let key = owner.key();
    let before = get(state, owner, id)?.values.clone();
    let values = merge(&before, &parsed, mode, append_slug, now, &actor);
    check_required(owner, &values, &parsed, false)?;
    check_unique(state, owner, Some(id), Some(&before), &values, &parsed)?;
    if let Some(rec) = state.item_mut(&key, &id) {
        rec.values = values.clone();
    }
    state.reindex_item(&key, id, Some(&before));
    sync_relationships(state, &key, id, &before, &values, &parsed, now, &actor);
    events::item_updated(state, owner, id, &before, &values);
    Ok(())
}

/// Assert: find the item by the matching (unique) attribute; update it with PUT
/// semantics (the matching multiselect appended to) or create it. Returns the item id.
pub(crate) fn assert(
    state: &mut State,
    owner: &dyn Owner,
    matching: &str,
    parsed: Vec<ParsedAttr>,
) -> ApiResult<Uuid> {
    let attr = owner
        .attribute(matching)
        .filter(|a| !a.is_archived)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "Attribute with slug/ID \"{matching}\" not found on {} \"{}\".",
                owner.noun(),
                owner.slug()
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
        .map(|p| p.elems.iter().map(|d| attr.identity(d)).collect())
        .unwrap_or_default();
    if keys.is_empty() {
        return Err(ApiError::validation(format!(
            "The values must include a value for the matching attribute \"{}\".",
            attr.api_slug
        )));
    }
    let key = owner.key();
    let mut matches: Vec<Uuid> = keys
        .iter()
        .flat_map(|k| state.unique_holders(&key, &attr.api_slug, k))
        .collect();
    matches.sort_unstable();
    matches.dedup();
    match matches.as_slice() {
        [] => create(state, owner, parsed),
        [id] => {
            update(
                state,
                owner,
                *id,
                parsed,
                Mode::Overwrite,
                Some(attr.api_slug.as_str()),
            )?;
            Ok(*id)
        }
        _ => Err(ApiError::multiple_match(format!(
            "More than one {} matches the value given for attribute \"{}\".",
            owner.item_noun(),
            attr.api_slug
        ))),
    }
}

/// Deletes an item; a deleted record's references (on any item) are closed, its entries (in
/// every list) deleted, and what points at the item (notes, threads, task links) goes with it.
pub(crate) fn delete(state: &mut State, owner: &dyn Owner, id: Uuid) -> ApiResult<()> {
    let key = owner.key();
    let deleted = events::ItemEvent::of(state, owner, id);
    let removed = state
        .remove_item(&key, &id)
        .ok_or_else(|| not_found(owner, id))?;
    state.reindex_item(&key, id, Some(&removed.values));
    forget_item(state, &key, id);
    if let OwnerKey::Object(object) = &key {
        let entry_events = events::entries_of(state, object, id);
        state.remove_entries_of(object, id);
        for e in entry_events {
            e.emit(state, "deleted", &[]);
        }
        close_references(state, object, id, Utc::now());
    }
    deleted.emit(state, "deleted", &[]);
    Ok(())
}

/// One page of a query: `limit` items from `offset` of [`query`]. Without a filter or
/// sorts the page is read straight from the items in creation order, without listing
/// every item first (a page of a large object costs the page, not the object).
pub(crate) fn query_page<'s>(
    state: &'s State,
    owner: &dyn Owner,
    filter: Option<&Value>,
    sorts: Option<&Value>,
    offset: usize,
    limit: usize,
) -> ApiResult<Vec<&'s Record>> {
    if filter.is_none() && sorts.is_none() {
        return Ok(state.items(&owner.key()).skip(offset).take(limit).collect());
    }
    let found = query(state, owner, filter, sorts)?;
    Ok(found.into_iter().skip(offset).take(limit).collect())
}

/// The items of `owner` that pass `filter`, ordered by `sorts` (creation order otherwise).
pub(crate) fn query<'s>(
    state: &'s State,
    owner: &dyn Owner,
    filter: Option<&Value>,
    sorts: Option<&Value>,
) -> ApiResult<Vec<&'s Record>> {
    let filter = filter.map(|f| compile(state, owner, f)).transpose()?;
    let sorts = match sorts {
        Some(s) => compile_sorts(state, owner, s)?,
        None => vec![],
    };
    let mut items: Vec<&Record> = state
        .items(&owner.key())
        .filter(|r| filter.as_ref().is_none_or(|f| f.matches(state, r)))
        .collect();
    apply_sorts(state, &sorts, &mut items);
    Ok(items)
}
