//! The schema area: objects, the attributes of objects and lists, select options and
//! statuses — lookups with their 404s, read shapes, and the changes that keep stored values
//! in step (a renamed attribute moves its values; a relationship's partner follows the
//! rename).

use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::model::{AttributeDef, ObjectDef, Owner, OwnerKey, SelectOption, State, StatusDef};
use crate::rules::filter::PARENT_RECORD;
use crate::standard::{common_head, common_tail};
use crate::values::fmt_ts;

/// Whether `s` is a valid api slug: snake_case, starting with a letter.
pub(crate) fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The 400 for an api slug that is not snake_case.
pub(crate) fn invalid_slug(slug: &str) -> ApiError {
    ApiError::validation(format!(
        "\"{slug}\" is not a valid api_slug: use snake_case (lower-case letters, digits and underscores)."
    ))
}

/// The 404 for an unknown object.
pub(crate) fn object_not_found(key: &str) -> ApiError {
    ApiError::not_found(format!("Object with slug/ID \"{key}\" not found."))
}

/// The object with this slug or id (a copy), or its 404.
pub(crate) fn find_object(st: &State, key: &str) -> ApiResult<ObjectDef> {
    st.object(key).cloned().ok_or_else(|| object_not_found(key))
}

/// Whose attributes a request reads or changes: an object's (`/v2/objects/{object}/…`) or
/// a list's (`/v2/lists/{list}/…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The attributes of an object.
    Objects,
    /// The attributes of a list.
    Lists,
}

/// The 404 for an unknown list.
pub(crate) fn list_not_found(key: &str) -> ApiError {
    ApiError::not_found(format!("List with slug/ID \"{key}\" not found."))
}

/// The object or list with this slug or id (a copy), or its 404.
pub(crate) fn find_owner(st: &State, target: Target, key: &str) -> ApiResult<Box<dyn Owner>> {
    match target {
        Target::Objects => Ok(Box::new(find_object(st, key)?)),
        Target::Lists => match st.list(key) {
            Some(l) => Ok(Box::new(l.clone())),
            None => Err(list_not_found(key)),
        },
    }
}

/// The attribute of `owner` with this slug or id (a copy), or its 404.
pub(crate) fn find_attr(owner: &dyn Owner, key: &str) -> ApiResult<AttributeDef> {
    owner.attribute(key).cloned().ok_or_else(|| {
        ApiError::not_found(format!(
            "Attribute with slug/ID \"{key}\" not found on {} \"{}\".",
            owner.noun(),
            owner.slug()
        ))
    })
}

/// Whether `slug` is taken on `owner`: by one of its attributes, or on a list by the
/// `parent_record` that query paths use.
pub(crate) fn attribute_slug_in_use(owner: &dyn Owner, slug: &str) -> bool {
    owner.attribute(slug).is_some() || (slug == PARENT_RECORD && !owner.parent_objects().is_empty())
}

/// The 409 for an attribute slug already used on `owner`.
pub(crate) fn attribute_slug_taken(owner: &dyn Owner, slug: &str) -> ApiError {
    ApiError::slug_conflict(format!(
        "An attribute with slug \"{slug}\" already exists on {} \"{}\".",
        owner.noun(),
        owner.slug()
    ))
}

/// The read shape of an object.
pub(crate) fn object_json(st: &State, o: &ObjectDef) -> Value {
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "object_id": o.id.to_string()},
        "api_slug": o.api_slug,
        "singular_noun": o.singular_noun,
        "plural_noun": o.plural_noun,
        "created_at": fmt_ts(&o.created_at),
    })
}

/// The read shape of an attribute of `owner` (whose id is the attribute's `object_id`).
pub(crate) fn attribute_json(st: &State, owner: &dyn Owner, a: &AttributeDef) -> Value {
    let relationship = a.relationship.as_ref().and_then(|r| {
        let ro = st.object(&r.object)?;
        let ra = ro.attribute(&r.attribute)?;
        Some(json!({
            "id": {"workspace_id": st.workspace_id.to_string(), "object_id": ro.id.to_string(), "attribute_id": ra.id.to_string()},
            "object_slug": ro.api_slug,
            "title": ra.title,
            "api_slug": ra.api_slug,
            "is_multiselect": ra.is_multiselect,
        }))
    });
    let allowed = a.allowed_objects.as_ref().map(|objs| {
        objs.iter()
            .filter_map(|s| st.object(s).map(|o| o.id.to_string()))
            .collect::<Vec<_>>()
    });
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "object_id": owner.id().to_string(), "attribute_id": a.id.to_string()},
        "title": a.title,
        "description": a.description,
        "api_slug": a.api_slug,
        "type": a.attr_type,
        "is_system_attribute": a.is_system_attribute,
        "is_writable": a.is_writable,
        "is_required": a.is_required,
        "is_unique": a.is_unique,
        "is_multiselect": a.is_multiselect,
        "is_default_value_enabled": !a.default_value.is_null(),
        "is_archived": a.is_archived,
        "default_value": a.default_value,
        "relationship": relationship,
        "created_at": fmt_ts(&a.created_at),
        "config": {
            "currency": {"default_currency_code": a.currency_code, "display_type": a.currency_display_type},
            "record_reference": {"allowed_object_ids": allowed},
        },
    })
}

/// Creates a custom object with the common system attributes.
pub(crate) fn create_object(
    st: &mut State,
    slug: &str,
    singular: &str,
    plural: &str,
) -> ApiResult<ObjectDef> {
    if st.object(slug).is_some() {
        return Err(ApiError::slug_conflict(format!(
            "An object with slug \"{slug}\" already exists."
        )));
    }
    let now = Utc::now();
    let mut attributes = common_head(now);
    attributes.extend(common_tail(now));
    let o = ObjectDef {
        id: Uuid::new_v4(),
        api_slug: slug.to_string(),
        singular_noun: singular.to_string(),
        plural_noun: plural.to_string(),
        created_at: now,
        attributes,
    };
    st.add_object(o.clone());
    Ok(o)
}

/// Adds `attr` to `owner`, and `reverse` (the other side of a relationship) to its object.
pub(crate) fn add_attribute(
    st: &mut State,
    owner: &OwnerKey,
    attr: AttributeDef,
    reverse: Option<(String, AttributeDef)>,
) {
    let attribute_id = attr.id;
    if let Some(attrs) = st.attributes_mut(owner) {
        attrs.push(attr);
    }
    super::events::attribute_event(st, owner, attribute_id, "created");
    if let Some((target, rev)) = reverse
        && let Some(ti) = st.object_index(&target)
    {
        st.objects[ti].attributes.push(rev);
    }
}

/// The attribute `attr` (slug or id) of `owner`, to change it.
fn attribute_mut<'s>(
    st: &'s mut State,
    owner: &OwnerKey,
    attr: &str,
) -> Option<&'s mut AttributeDef> {
    st.attributes_mut(owner)?.iter_mut().find(|a| a.is(attr))
}

/// Replaces the attribute `old` of `owner` by `next`. A new slug moves the stored values
/// (they are kept by slug) and the other side of a relationship follows it.
pub(crate) fn replace_attribute(
    st: &mut State,
    owner: &OwnerKey,
    old: &AttributeDef,
    next: AttributeDef,
) {
    let renamed = next.api_slug != old.api_slug;
    if renamed {
        for r in st.items_mut(owner) {
            if let Some(v) = r.values.remove(&old.api_slug) {
                r.values.insert(next.api_slug.clone(), v);
            }
        }
    }
    if let Some(am) = attribute_mut(st, owner, &old.id.to_string()) {
        *am = next.clone();
    }
    super::events::attribute_event(st, owner, old.id, "updated");
    if let Some(r) = &old.relationship
        && renamed
        && let Some(ti) = st.object_index(&r.object)
        && let Some(partner) = st.objects[ti].attribute_mut(&r.attribute)
        && let Some(back) = partner.relationship.as_mut()
    {
        back.attribute = next.api_slug;
    }
}

/// Adds a select option to attribute `attr` of `owner`.
pub(crate) fn add_option(st: &mut State, owner: &OwnerKey, attr: &str, opt: SelectOption) {
    if let Some(am) = attribute_mut(st, owner, attr) {
        am.options.push(opt);
    }
}

/// Adds a status to attribute `attr` of `owner`.
pub(crate) fn add_status(st: &mut State, owner: &OwnerKey, attr: &str, status: StatusDef) {
    if let Some(am) = attribute_mut(st, owner, attr) {
        am.statuses.push(status);
    }
}
