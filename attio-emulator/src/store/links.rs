//! What notes, tasks and comments point at, looked up with their errors: a record of an
//! object, an entry of a list, a workspace member.

use uuid::Uuid;

use super::items;
use super::schema::object_not_found;
use crate::error::{ApiError, ApiResult};
use crate::model::{Member, ObjectDef, Owner, Record, State};

/// The object `object` (slug or id) and its record `record_id`, or their 404s.
pub(crate) fn record<'s>(
    st: &'s State,
    object: &str,
    record_id: Uuid,
) -> ApiResult<(&'s ObjectDef, &'s Record)> {
    let o = st.object(object).ok_or_else(|| object_not_found(object))?;
    let rec = items::get(st, o, record_id)?;
    Ok((o, rec))
}

/// The id of the object with this api slug (or id).
pub(crate) fn object_id(st: &State, slug: &str) -> Option<Uuid> {
    st.object(slug).map(|o| o.id)
}

/// The 404 for an unknown list.
pub(crate) fn list_not_found(list: &str) -> ApiError {
    ApiError::not_found(format!("List with slug/ID \"{list}\" not found."))
}

/// The list with this slug or id, among the owners of the workspace.
fn list_owner<'s>(st: &'s State, list: &str) -> Option<&'s dyn Owner> {
    st.owners().find(|o| o.noun() == "list" && o.is(list))
}

/// The id of the list with this slug or id, or its 404.
pub(crate) fn list_id(st: &State, list: &str) -> ApiResult<Uuid> {
    list_owner(st, list)
        .map(|o| o.id())
        .ok_or_else(|| list_not_found(list))
}

/// A list entry as comments name it: its list, and its parent record.
#[derive(Clone, Debug)]
pub(crate) struct EntryRef {
    pub list_id: Uuid,
    pub entry_id: Uuid,
    /// The parent object's api slug.
    pub parent_object: String,
    pub parent_record_id: Uuid,
}

/// The entry `entry_id` of list `list` (slug or id), or the 404 for an unknown list or
/// entry. Lists are found among the owners of the workspace and entries in their item
/// stores, so this answers for every list the workspace holds.
pub(crate) fn entry(st: &State, list: &str, entry_id: Uuid) -> ApiResult<EntryRef> {
    let owner = list_owner(st, list).ok_or_else(|| list_not_found(list))?;
    let key = owner.key();
    let found = st.item(&key, &entry_id).and_then(entry_parent);
    let (parent_object, parent_record_id) =
        found.ok_or_else(|| items::not_found(owner, entry_id))?;
    Ok(EntryRef {
        list_id: owner.id(),
        entry_id,
        parent_object,
        parent_record_id,
    })
}

/// The parent record of a stored entry: (object slug, record id).
fn entry_parent(entry: &Record) -> Option<(String, Uuid)> {
    let parent = entry.parent.as_ref()?;
    Some((parent.object.clone(), parent.record_id))
}

/// The workspace member with this id.
pub(crate) fn member(st: &State, id: Uuid) -> Option<&Member> {
    st.members.iter().find(|m| m.id == id)
}

/// The workspace member with this email address (compared case-insensitively).
pub(crate) fn member_by_email<'s>(st: &'s State, email: &str) -> Option<&'s Member> {
    st.members
        .iter()
        .find(|m| m.email_address.eq_ignore_ascii_case(email.trim()))
}

/// The 400 for a member id that names no workspace member.
pub(crate) fn member_id_not_found(id: Uuid) -> ApiError {
    ApiError::value_not_found(format!("Cannot find workspace member with ID \"{id}\"."))
}

/// The 400 for an email address that names no workspace member.
pub(crate) fn member_email_not_found(email: &str) -> ApiError {
    ApiError::value_not_found(format!(
        "Cannot find workspace member with email address \"{email}\"."
    ))
}
