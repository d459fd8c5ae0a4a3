//! The lists area: lists in their read shape, created and changed under Attio's rules (a
//! free snake_case slug, an existing parent object, known workspace members, and someone
//! with full access). A new list carries the system attributes every list has.

use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

use super::schema::{invalid_slug, list_not_found, valid_slug};
use crate::error::{ApiError, ApiResult};
use crate::model::{ListDef, MemberAccess, State};
use crate::standard::common_tail;
use crate::values::fmt_ts;

/// The access levels of a list, for the workspace and for one member.
pub(crate) const ACCESS_LEVELS: [&str; 3] = ["full-access", "read-and-write", "read-only"];

/// The list with this slug or id (a copy), or its 404.
pub(crate) fn find_list(st: &State, key: &str) -> ApiResult<ListDef> {
    st.list(key).cloned().ok_or_else(|| list_not_found(key))
}

/// The read shape of a list.
pub(crate) fn list_json(st: &State, l: &ListDef) -> Value {
    let members: Vec<Value> = l
        .workspace_member_access
        .iter()
        .map(
            |m| json!({"workspace_member_id": m.workspace_member_id.to_string(), "level": m.level}),
        )
        .collect();
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "list_id": l.id.to_string()},
        "api_slug": l.api_slug,
        "name": l.name,
        "parent_object": l.parent_object,
        "workspace_access": l.workspace_access,
        "workspace_member_access": members,
        "created_by_actor": l.created_by.to_json(),
        "created_at": fmt_ts(&l.created_at),
    })
}

/// The fields of a list create, each present and of its type.
pub(crate) struct NewList {
    pub name: String,
    pub api_slug: String,
    /// The parent object's slug or id, as sent.
    pub parent_object: String,
    pub workspace_access: Option<String>,
    pub workspace_member_access: Vec<MemberAccess>,
}

/// The fields a list PATCH changes (`None`: left as it is).
#[derive(Default)]
pub(crate) struct ListChange {
    pub name: Option<String>,
    pub api_slug: Option<String>,
    pub workspace_access: Option<Option<String>>,
    pub workspace_member_access: Option<Vec<MemberAccess>>,
}

/// Fails unless every member exists and the workspace or one member has full access.
fn check_access(st: &State, workspace: Option<&str>, members: &[MemberAccess]) -> ApiResult<()> {
    if let Some(m) = members
        .iter()
        .find(|m| !st.members.iter().any(|w| w.id == m.workspace_member_id))
    {
        return Err(ApiError::value_not_found(format!(
            "Workspace member with ID \"{}\" not found.",
            m.workspace_member_id
        )));
    }
    let full = workspace == Some("full-access") || members.iter().any(|m| m.level == "full-access");
    if !full {
        return Err(ApiError::validation(
            "Lists must have either workspace_access set to \"full-access\" or one or more elements of workspace_member_access with a \"full-access\" level.",
        ));
    }
    Ok(())
}

/// Fails unless `slug` is snake_case and no list other than `except` holds it.
fn check_slug(st: &State, slug: &str, except: Option<Uuid>) -> ApiResult<()> {
    if !valid_slug(slug) {
        return Err(invalid_slug(slug));
    }
    if st
        .lists
        .iter()
        .any(|l| l.api_slug == slug && Some(l.id) != except)
    {
        return Err(ApiError::slug_conflict(format!(
            "A list with api_slug \"{slug}\" already exists."
        )));
    }
    Ok(())
}

/// Creates a list with the system attributes `created_at` and `created_by`.
pub(crate) fn create_list(st: &mut State, new: NewList) -> ApiResult<ListDef> {
    if !valid_slug(&new.api_slug) {
        return Err(invalid_slug(&new.api_slug));
    }
    let parent = st
        .object(&new.parent_object)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "Parent object with slug/ID \"{}\" not found.",
                new.parent_object
            ))
        })?
        .api_slug
        .clone();
    check_access(
        st,
        new.workspace_access.as_deref(),
        &new.workspace_member_access,
    )?;
    check_slug(st, &new.api_slug, None)?;
    let now = Utc::now();
    let list = ListDef {
        id: Uuid::new_v4(),
        api_slug: new.api_slug,
        name: new.name,
        parent_object: vec![parent],
        workspace_access: new.workspace_access,
        workspace_member_access: new.workspace_member_access,
        created_by: st.token_actor(),
        created_at: now,
        attributes: common_tail(now),
    };
    st.add_list(list.clone());
    super::events::emit(st, "list.created", &[("list_id", list.id)], &[]);
    Ok(list)
}

/// Applies a PATCH to the list `key`; a new slug moves its entries.
pub(crate) fn update_list(st: &mut State, key: &str, change: ListChange) -> ApiResult<ListDef> {
    let mut next = find_list(st, key)?;
    if let Some(name) = change.name {
        next.name = name;
    }
    if let Some(access) = change.workspace_access {
        next.workspace_access = access;
    }
    if let Some(members) = change.workspace_member_access {
        next.workspace_member_access = members;
    }
    check_access(
        st,
        next.workspace_access.as_deref(),
        &next.workspace_member_access,
    )?;
    if let Some(slug) = change.api_slug {
        check_slug(st, &slug, Some(next.id))?;
        next.api_slug = slug;
    }
    st.replace_list(next.clone());
    super::events::emit(st, "list.updated", &[("list_id", next.id)], &[]);
    Ok(next)
}
