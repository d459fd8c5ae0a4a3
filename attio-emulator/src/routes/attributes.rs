//! Attributes of an object or a list (list, get, create, PATCH) and the select options and
//! statuses of one attribute. The same handlers serve `/v2/objects/{object}/attributes…`
//! and `/v2/lists/{list}/attributes…`; the [`Target`] extractor tells them apart.

use axum::extract::Path;
use axum::routing::get;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::class::Routes;
use super::extract::{
    Db, JsonBody, Out, Paging, Params, body_data, data, data_list, req_bool, req_str,
};
use super::new_attribute::create_attribute;
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{AttributeDef, Owner, SelectOption, StatusDef};
use crate::rules::render::{option_json, status_json};
use crate::store::schema::{
    self, Target, attribute_json, attribute_slug_in_use, attribute_slug_taken, find_attr,
    find_owner, valid_slug,
};

/// The attribute, option and status routes, of objects and of lists.
pub(super) fn routes() -> Routes {
    let attributes = || get(list_attributes).post(create_attribute);
    let attribute = || get(get_attribute).patch(patch_attribute);
    let options = || get(list_options).post(create_option);
    let statuses = || get(list_statuses).post(create_status);
    Routes::new()
        .route("/v2/objects/{object}/attributes", attributes())
        .route("/v2/objects/{object}/attributes/{attribute}", attribute())
        .route(
            "/v2/objects/{object}/attributes/{attribute}/options",
            options(),
        )
        .route(
            "/v2/objects/{object}/attributes/{attribute}/statuses",
            statuses(),
        )
        .route("/v2/lists/{list}/attributes", attributes())
        .route("/v2/lists/{list}/attributes/{attribute}", attribute())
        .route("/v2/lists/{list}/attributes/{attribute}/options", options())
        .route(
            "/v2/lists/{list}/attributes/{attribute}/statuses",
            statuses(),
        )
}

async fn list_attributes(store: Db, target: Target, Path(owner): Path<String>, q: Params) -> Out {
    let st = store.read();
    let o = find_owner(&st, target, &owner)?;
    let show_archived = q.flag("show_archived")?;
    let attrs: Vec<Value> = o
        .attributes()
        .iter()
        .filter(|a| show_archived || !a.is_archived)
        .map(|a| attribute_json(&st, &*o, a))
        .collect();
    Ok(data_list(Paging::ALL.page(attrs, &q)?))
}

async fn get_attribute(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
) -> Out {
    let st = store.read();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    Ok(data(attribute_json(&st, &*o, &a)))
}

/// The attribute after a PATCH of the fields in `d` (a new slug must be free on `owner`).
fn patched(owner: &dyn Owner, a: &AttributeDef, d: &Map<String, Value>) -> ApiResult<AttributeDef> {
    let mut next = a.clone();
    for (k, v) in d {
        match (k.as_str(), v) {
            ("title", Value::String(s)) if !s.is_empty() => next.title = s.clone(),
            ("description", Value::String(s)) => next.description = Some(s.clone()),
            ("description", Value::Null) => next.description = None,
            ("is_required", Value::Bool(b)) => next.is_required = *b,
            ("is_unique", Value::Bool(b)) => next.is_unique = *b,
            ("is_archived", Value::Bool(b)) => next.is_archived = *b,
            ("default_value", dv @ (Value::Null | Value::Object(_))) => {
                next.default_value = dv.clone()
            }
            ("api_slug", Value::String(s)) if valid_slug(s) => {
                if s != &a.api_slug && attribute_slug_in_use(owner, s) {
                    return Err(attribute_slug_taken(owner, s));
                }
                next.api_slug = s.clone();
            }
            _ => {
                return Err(ApiError::schema(
                    vec![json!("data"), json!(k)],
                    "invalid_type",
                    "a valid attribute field",
                    json_type(Some(v)),
                    &format!("Invalid value for \"{k}\""),
                ));
            }
        }
    }
    Ok(next)
}

async fn patch_attribute(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    let d = body_data(&body)?.clone();
    let mut st = store.write();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    if a.is_system_attribute {
        return Err(ApiError::system_edit(format!(
            "Attribute with slug \"{}\" is a system attribute and cannot be edited.",
            a.api_slug
        )));
    }
    let next = patched(&*o, &a, &d)?;
    schema::replace_attribute(&mut st, &o.key(), &a, next.clone());
    store.stored();
    Ok(data(attribute_json(&st, &*o, &next)))
}

async fn list_options(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
    q: Params,
) -> Out {
    let st = store.read();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    let show_archived = q.flag("show_archived")?;
    match a.attr_type.as_str() {
        "select" => Ok(data_list(
            a.options
                .iter()
                .filter(|x| show_archived || !x.is_archived)
                .map(|x| option_json(&st, &*o, &a, &x.id.to_string()))
                .collect(),
        )),
        // The live API answers an empty list for status attributes.
        "status" => Ok(data(json!([]))),
        t => Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" is of type \"{t}\" and has no select options.",
            a.api_slug
        ))),
    }
}

async fn create_option(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    let d = body_data(&body)?;
    let title = req_str(d, "title", 1)?.to_string();
    let mut st = store.write();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    if a.attr_type != "select" {
        return Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" is not a select attribute.",
            a.api_slug
        )));
    }
    if a.options.iter().any(|x| x.title == title) {
        return Err(ApiError::slug_conflict(format!(
            "A select option with title \"{title}\" already exists."
        )));
    }
    let opt = SelectOption {
        id: Uuid::new_v4(),
        title,
        is_archived: false,
    };
    schema::add_option(&mut st, &o.key(), &a.api_slug, opt.clone());
    let o = find_owner(&st, target, o.slug())?;
    let a = find_attr(&*o, &a.api_slug)?;
    store.stored();
    Ok(data(option_json(&st, &*o, &a, &opt.id.to_string())))
}

fn not_a_status_attribute(a: &AttributeDef) -> ApiError {
    ApiError::validation(format!(
        "Attribute with slug \"{}\" is not a status attribute.",
        a.api_slug
    ))
}

async fn list_statuses(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
    q: Params,
) -> Out {
    let st = store.read();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    let show_archived = q.flag("show_archived")?;
    if a.attr_type != "status" {
        return Err(not_a_status_attribute(&a));
    }
    Ok(data_list(
        a.statuses
            .iter()
            .filter(|x| show_archived || !x.is_archived)
            .map(|x| status_json(&st, &*o, &a, &x.id.to_string()))
            .collect(),
    ))
}

async fn create_status(
    store: Db,
    target: Target,
    Path((owner, attribute)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    let d = body_data(&body)?;
    let title = req_str(d, "title", 1)?.to_string();
    let celebration_enabled = match d.get("celebration_enabled") {
        None => false,
        Some(_) => req_bool(d, "celebration_enabled")?,
    };
    let target_time_in_status = match d.get("target_time_in_status") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.starts_with('P') => Some(s.clone()),
        Some(_) => {
            return Err(ApiError::validation(
                "target_time_in_status must be an ISO 8601 duration or null.",
            ));
        }
    };
    let mut st = store.write();
    let o = find_owner(&st, target, &owner)?;
    let a = find_attr(&*o, &attribute)?;
    if a.attr_type != "status" {
        return Err(not_a_status_attribute(&a));
    }
    if a.statuses.iter().any(|x| x.title == title) {
        return Err(ApiError::slug_conflict(format!(
            "A status with title \"{title}\" already exists."
        )));
    }
    let s = StatusDef {
        id: Uuid::new_v4(),
        title,
        is_archived: false,
        celebration_enabled,
        target_time_in_status,
    };
    schema::add_status(&mut st, &o.key(), &a.api_slug, s.clone());
    let o = find_owner(&st, target, o.slug())?;
    let a = find_attr(&*o, &a.api_slug)?;
    store.stored();
    Ok(data(status_json(&st, &*o, &a, &s.id.to_string())))
}
