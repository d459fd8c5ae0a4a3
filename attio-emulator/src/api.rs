//! The HTTP routes under `/v2` and their handlers.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State as AxState};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, json_type};
use crate::filter::{apply_sorts, compile, compile_sorts};
use crate::model::{
    AttributeDef, ObjectDef, RelationshipRef, SelectOption, State, StatusDef, fmt_ts,
};
use crate::records::{self, Mode, body_values, parse_values, record_not_found};
use crate::server::Shared;
use crate::standard::{common_head, common_tail};
use crate::values::{render_record, render_value};

type Sh = AxState<Arc<Shared>>;
type Q = Query<HashMap<String, String>>;
type Out = ApiResult<axum::Json<Value>>;

/// Builds the router (without the auth/rate-limit/fault layer).
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/v2/self", get(self_info))
        .route("/v2/workspace_members", get(list_members))
        .route("/v2/objects", get(list_objects).post(create_object))
        .route("/v2/objects/{object}", get(get_object))
        .route(
            "/v2/objects/{object}/attributes",
            get(list_attributes).post(create_attribute),
        )
        .route(
            "/v2/objects/{object}/attributes/{attribute}",
            get(get_attribute).patch(patch_attribute),
        )
        .route(
            "/v2/objects/{object}/attributes/{attribute}/options",
            get(list_options).post(create_option),
        )
        .route(
            "/v2/objects/{object}/attributes/{attribute}/statuses",
            get(list_statuses).post(create_status),
        )
        .route(
            "/v2/objects/{object}/records",
            axum::routing::post(create_record).put(assert_record),
        )
        .route(
            "/v2/objects/{object}/records/query",
            axum::routing::post(query_records),
        )
        .route(
            "/v2/objects/{object}/records/{record_id}",
            get(get_record)
                .patch(patch_record)
                .put(put_record)
                .delete(delete_record),
        )
        .route(
            "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
            get(list_values),
        )
        .fallback(fallback)
        .method_not_allowed_fallback(fallback)
}

async fn fallback() -> Response {
    ApiError::not_found("The requested route was not found.").into_response()
}

fn parse_json(body: &Bytes, empty_default: Option<Value>) -> ApiResult<Value> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        if let Some(d) = empty_default {
            return Ok(d);
        }
        return Err(ApiError::schema(
            vec![],
            "invalid_type",
            "object",
            "undefined",
            "Required",
        ));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::validation(format!("The request body is not valid JSON: {e}.")))
}

fn object_not_found(key: &str) -> ApiError {
    ApiError::not_found(format!("Object with slug/ID \"{key}\" not found."))
}

fn find_object(st: &State, key: &str) -> ApiResult<ObjectDef> {
    st.object(key).cloned().ok_or_else(|| object_not_found(key))
}

fn parse_record_id(s: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(s).map_err(|_| {
        let mut e = ApiError::validation("Path parameter validation error.");
        e.validation_errors = Some(vec![json!({
            "code": "invalid_string", "path": ["record_id"], "message": "Invalid uuid",
            "expected": "uuid", "received": "string"
        })]);
        e
    })
}

fn data(v: Value) -> axum::Json<Value> {
    axum::Json(json!({ "data": v }))
}

fn q_usize(q: &HashMap<String, String>, key: &str) -> ApiResult<Option<usize>> {
    match q.get(key) {
        None => Ok(None),
        Some(s) => s.parse::<usize>().map(Some).map_err(|_| {
            let mut e = ApiError::validation("Query parameter validation error.");
            e.validation_errors = Some(vec![json!({
                "code": "invalid_type", "path": [key], "message": "Expected number, received string",
                "expected": "number", "received": "string"
            })]);
            e
        }),
    }
}

fn q_bool(q: &HashMap<String, String>, key: &str) -> ApiResult<bool> {
    match q.get(key).map(String::as_str) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => {
            let mut e = ApiError::validation("Query parameter validation error.");
            e.validation_errors = Some(vec![json!({
                "code": "invalid_type", "path": [key], "message": "Expected boolean, received string",
                "expected": "boolean", "received": "string"
            })]);
            Err(e)
        }
    }
}

fn paginate<T>(items: Vec<T>, q: &HashMap<String, String>) -> ApiResult<Vec<T>> {
    let offset = q_usize(q, "offset")?.unwrap_or(0);
    let limit = q_usize(q, "limit")?.unwrap_or(usize::MAX);
    Ok(items.into_iter().skip(offset).take(limit).collect())
}

// ---------------------------------------------------------------- meta

async fn self_info(AxState(sh): Sh) -> axum::Json<Value> {
    let st = sh.read();
    axum::Json(json!({
        "active": true,
        "scope": "record_permission:read-write object_configuration:read-write user_management:read",
        "client_id": st.token_id.to_string(),
        "token_type": "Bearer",
        "exp": null,
        "iat": st.objects.first().map(|o| o.created_at.timestamp()).unwrap_or(0),
        "sub": st.workspace_id.to_string(),
        "aud": st.token_id.to_string(),
        "iss": "attio.com",
        "authorized_by_workspace_member_id": st.members.first().map(|m| m.id.to_string()),
        "workspace_id": st.workspace_id.to_string(),
        "workspace_name": st.workspace_name,
        "workspace_slug": st.workspace_slug,
        "workspace_logo_url": null,
    }))
}

async fn list_members(AxState(sh): Sh) -> axum::Json<Value> {
    let st = sh.read();
    let members: Vec<Value> = st
        .members
        .iter()
        .map(|m| {
            json!({
                "id": {"workspace_id": st.workspace_id.to_string(), "workspace_member_id": m.id.to_string()},
                "first_name": m.first_name,
                "last_name": m.last_name,
                "avatar_url": null,
                "email_address": m.email_address,
                "access_level": m.access_level,
                "created_at": fmt_ts(&m.created_at),
            })
        })
        .collect();
    data(Value::Array(members))
}

fn object_json(st: &State, o: &ObjectDef) -> Value {
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "object_id": o.id.to_string()},
        "api_slug": o.api_slug,
        "singular_noun": o.singular_noun,
        "plural_noun": o.plural_noun,
        "created_at": fmt_ts(&o.created_at),
    })
}

async fn list_objects(AxState(sh): Sh) -> axum::Json<Value> {
    let st = sh.read();
    data(Value::Array(
        st.objects.iter().map(|o| object_json(&st, o)).collect(),
    ))
}

async fn get_object(AxState(sh): Sh, Path(object): Path<String>) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    Ok(data(object_json(&st, &o)))
}

fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn req_str<'a>(m: &'a Map<String, Value>, key: &str, min_len: usize) -> ApiResult<&'a str> {
    match m.get(key) {
        Some(Value::String(s)) if s.chars().count() >= min_len => Ok(s),
        other => Err(ApiError::schema(
            vec![json!("data"), json!(key)],
            if other.is_some_and(Value::is_string) {
                "too_small"
            } else {
                "invalid_type"
            },
            "string",
            json_type(other),
            if other.is_none() {
                "Required"
            } else {
                "Expected string"
            },
        )),
    }
}

fn req_bool(m: &Map<String, Value>, key: &str) -> ApiResult<bool> {
    match m.get(key) {
        Some(Value::Bool(b)) => Ok(*b),
        other => Err(ApiError::schema(
            vec![json!("data"), json!(key)],
            "invalid_type",
            "boolean",
            json_type(other),
            if other.is_none() {
                "Required"
            } else {
                "Expected boolean"
            },
        )),
    }
}

fn body_data(body: &Value) -> ApiResult<&Map<String, Value>> {
    match body.get("data") {
        Some(Value::Object(m)) => Ok(m),
        other => Err(ApiError::schema(
            vec![json!("data")],
            "invalid_type",
            "object",
            json_type(other),
            if other.is_none() {
                "Required"
            } else {
                "Expected object"
            },
        )),
    }
}

async fn create_object(AxState(sh): Sh, body: Bytes) -> Out {
    let body = parse_json(&body, None)?;
    let d = body_data(&body)?;
    let slug = req_str(d, "api_slug", 1)?;
    let singular = req_str(d, "singular_noun", 1)?;
    let plural = req_str(d, "plural_noun", 1)?;
    if !valid_slug(slug) {
        return Err(ApiError::validation(format!(
            "\"{slug}\" is not a valid api_slug: use snake_case (lower-case letters, digits and underscores)."
        )));
    }
    let mut st = sh.write();
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
    st.objects.push(o.clone());
    st.records.entry(o.api_slug.clone()).or_default();
    st.index.entry(o.api_slug.clone()).or_default();
    sh.stored();
    Ok(data(object_json(&st, &o)))
}

// ---------------------------------------------------------------- attributes

pub(crate) fn attribute_json(st: &State, o: &ObjectDef, a: &AttributeDef) -> Value {
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
        "id": {"workspace_id": st.workspace_id.to_string(), "object_id": o.id.to_string(), "attribute_id": a.id.to_string()},
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

fn find_attr(o: &ObjectDef, key: &str) -> ApiResult<AttributeDef> {
    o.attribute(key).cloned().ok_or_else(|| {
        ApiError::not_found(format!(
            "Attribute with slug/ID \"{key}\" not found on object \"{}\".",
            o.api_slug
        ))
    })
}

async fn list_attributes(AxState(sh): Sh, Path(object): Path<String>, Query(q): Q) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let show_archived = q_bool(&q, "show_archived")?;
    let attrs: Vec<Value> = o
        .attributes
        .iter()
        .filter(|a| show_archived || !a.is_archived)
        .map(|a| attribute_json(&st, &o, a))
        .collect();
    Ok(data(Value::Array(paginate(attrs, &q)?)))
}

async fn get_attribute(AxState(sh): Sh, Path((object, attribute)): Path<(String, String)>) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
    Ok(data(attribute_json(&st, &o, &a)))
}

async fn patch_attribute(
    AxState(sh): Sh,
    Path((object, attribute)): Path<(String, String)>,
    body: Bytes,
) -> Out {
    let body = parse_json(&body, None)?;
    let d = body_data(&body)?.clone();
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
    if a.is_system_attribute {
        return Err(ApiError::system_edit(format!(
            "Attribute with slug \"{}\" is a system attribute and cannot be edited.",
            a.api_slug
        )));
    }
    let mut next = a.clone();
    for (k, v) in &d {
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
                if s != &a.api_slug && o.attribute(s).is_some() {
                    return Err(ApiError::slug_conflict(format!(
                        "An attribute with slug \"{s}\" already exists on object \"{}\".",
                        o.api_slug
                    )));
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
    if next.api_slug != a.api_slug {
        // Values are stored by slug: move them.
        if let Some(recs) = st.records.get_mut(&o.api_slug) {
            for r in recs.values_mut() {
                if let Some(v) = r.values.remove(&a.api_slug) {
                    r.values.insert(next.api_slug.clone(), v);
                }
            }
        }
    }
    let oi = st.object_index(&o.api_slug).unwrap_or_default();
    if let Some(am) = st.objects[oi].attribute_mut(&a.id.to_string()) {
        *am = next.clone();
    }
    // The other side of a relationship refers to this attribute by slug.
    if let Some(r) = &a.relationship
        && next.api_slug != a.api_slug
        && let Some(ti) = st.object_index(&r.object)
        && let Some(partner) = st.objects[ti].attribute_mut(&r.attribute)
        && let Some(back) = partner.relationship.as_mut()
    {
        back.attribute = next.api_slug.clone();
    }
    let o = find_object(&st, &o.api_slug)?;
    sh.stored();
    Ok(data(attribute_json(&st, &o, &next)))
}

const CREATABLE: [&str; 15] = [
    "text",
    "number",
    "checkbox",
    "currency",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record-reference",
    "actor-reference",
    "location",
    "domain",
    "email-address",
    "phone-number",
];
const MULTI_OK: [&str; 6] = [
    "select",
    "record-reference",
    "actor-reference",
    "domain",
    "email-address",
    "phone-number",
];

async fn create_attribute(AxState(sh): Sh, Path(object): Path<String>, body: Bytes) -> Out {
    let body = parse_json(&body, None)?;
    let d = body_data(&body)?;
    let title = req_str(d, "title", 1)?;
    let description = match d.get("description") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) => None,
        other => {
            return Err(ApiError::schema(
                vec![json!("data"), json!("description")],
                "invalid_type",
                "string | null",
                json_type(other),
                "Required",
            ));
        }
    };
    let slug = req_str(d, "api_slug", 1)?;
    let ty = req_str(d, "type", 1)?;
    let is_required = req_bool(d, "is_required")?;
    let is_unique = req_bool(d, "is_unique")?;
    let is_multiselect = req_bool(d, "is_multiselect")?;
    let config = match d.get("config") {
        Some(Value::Object(m)) => m.clone(),
        other => {
            return Err(ApiError::schema(
                vec![json!("data"), json!("config")],
                "invalid_type",
                "object",
                json_type(other),
                "Required",
            ));
        }
    };
    if let Some(k) = d.keys().find(|k| {
        ![
            "title",
            "description",
            "api_slug",
            "type",
            "is_required",
            "is_unique",
            "is_multiselect",
            "default_value",
            "relationship",
            "config",
        ]
        .contains(&k.as_str())
    }) {
        return Err(ApiError::schema(
            vec![json!("data")],
            "unrecognized_keys",
            "object",
            "object",
            &format!("Unrecognized key(s) in object: '{k}'"),
        ));
    }
    if !CREATABLE.contains(&ty) {
        return Err(ApiError::schema(
            vec![json!("data"), json!("type")],
            "invalid_enum_value",
            &CREATABLE.join(" | "),
            ty,
            &format!("Invalid enum value. Attributes of type '{ty}' cannot be created."),
        ));
    }
    if !valid_slug(slug) {
        return Err(ApiError::validation(format!(
            "\"{slug}\" is not a valid api_slug: use snake_case (lower-case letters, digits and underscores)."
        )));
    }
    if is_multiselect && !MULTI_OK.contains(&ty) {
        return Err(ApiError::validation(format!(
            "Attributes of type \"{ty}\" cannot be multiselect."
        )));
    }
    if is_unique && matches!(ty, "select" | "status" | "checkbox" | "location") {
        return Err(ApiError::validation(format!(
            "Attributes of type \"{ty}\" cannot be unique."
        )));
    }
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    if is_unique && o.api_slug == "companies" {
        return Err(ApiError::validation(
            "Custom unique attributes cannot be created on the companies object.",
        ));
    }
    if o.attribute(slug).is_some() {
        return Err(ApiError::slug_conflict(format!(
            "An attribute with slug \"{slug}\" already exists on object \"{}\".",
            o.api_slug
        )));
    }
    let now = Utc::now();
    let mut attr = AttributeDef {
        id: Uuid::new_v4(),
        title: title.to_string(),
        description,
        api_slug: slug.to_string(),
        attr_type: ty.to_string(),
        is_system_attribute: false,
        is_writable: true,
        is_required,
        is_unique,
        is_multiselect,
        is_archived: false,
        default_value: Value::Null,
        relationship: None,
        created_at: now,
        currency_code: None,
        currency_display_type: None,
        allowed_objects: None,
        options: vec![],
        statuses: vec![],
        enriched: false,
    };
    if ty == "currency" {
        let c = config.get("currency").and_then(Value::as_object);
        let code = c
            .and_then(|c| c.get("default_currency_code"))
            .and_then(Value::as_str);
        let disp = c
            .and_then(|c| c.get("display_type"))
            .and_then(Value::as_str);
        match (code, disp) {
            (Some(code), Some(disp))
                if code.len() == 3
                    && code.chars().all(|c| c.is_ascii_uppercase())
                    && ["code", "name", "narrowSymbol", "symbol"].contains(&disp) =>
            {
                attr.currency_code = Some(code.to_string());
                attr.currency_display_type = Some(disp.to_string());
            }
            _ => {
                return Err(ApiError::schema(
                    vec![json!("data"), json!("config"), json!("currency")],
                    "invalid_type",
                    "{default_currency_code, display_type}",
                    "undefined",
                    "Currency attributes need config.currency.default_currency_code and display_type",
                ));
            }
        }
    }
    if ty == "record-reference" {
        let allowed = config
            .get("record_reference")
            .and_then(|r| r.get("allowed_objects"))
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| {
                ApiError::schema(
                    vec![
                        json!("data"),
                        json!("config"),
                        json!("record_reference"),
                        json!("allowed_objects"),
                    ],
                    "invalid_type",
                    "array",
                    "undefined",
                    "Record-reference attributes need config.record_reference.allowed_objects (at least one)",
                )
            })?;
        let mut slugs = vec![];
        for a in allowed {
            let key = a.as_str().unwrap_or_default();
            slugs.push(
                st.object(key)
                    .ok_or_else(|| object_not_found(key))?
                    .api_slug
                    .clone(),
            );
        }
        attr.allowed_objects = Some(slugs);
    }
    let mut reverse: Option<(String, AttributeDef)> = None;
    match d.get("relationship") {
        None | Some(Value::Null) => {}
        Some(Value::Object(r)) => {
            if ty != "record-reference" {
                return Err(ApiError::validation(
                    "Only record-reference attributes can have a relationship.",
                ));
            }
            let target = req_str(r, "object", 1)?;
            let rtitle = req_str(r, "title", 1)?;
            let rslug = req_str(r, "api_slug", 1)?;
            let rmulti = req_bool(r, "is_multiselect")?;
            let to = st
                .object(target)
                .cloned()
                .ok_or_else(|| object_not_found(target))?;
            if to.attribute(rslug).is_some() || (to.id == o.id && rslug == slug) {
                return Err(ApiError::slug_conflict(format!(
                    "An attribute with slug \"{rslug}\" already exists on object \"{}\".",
                    to.api_slug
                )));
            }
            attr.allowed_objects = Some(vec![to.api_slug.clone()]);
            attr.relationship = Some(RelationshipRef {
                object: to.api_slug.clone(),
                attribute: rslug.to_string(),
            });
            let mut rev = attr.clone();
            rev.id = Uuid::new_v4();
            rev.title = rtitle.to_string();
            rev.api_slug = rslug.to_string();
            rev.description = None;
            rev.is_multiselect = rmulti;
            rev.is_required = false;
            rev.is_unique = false;
            rev.allowed_objects = Some(vec![o.api_slug.clone()]);
            rev.relationship = Some(RelationshipRef {
                object: o.api_slug.clone(),
                attribute: slug.to_string(),
            });
            reverse = Some((to.api_slug.clone(), rev));
        }
        Some(other) => {
            return Err(ApiError::schema(
                vec![json!("data"), json!("relationship")],
                "invalid_type",
                "object | null",
                json_type(Some(other)),
                "Expected object",
            ));
        }
    }
    match d.get("default_value") {
        None | Some(Value::Null) => {}
        Some(dv @ Value::Object(m)) => {
            match (m.get("type").and_then(Value::as_str), m.get("template")) {
                (Some("static"), Some(Value::Array(tpl))) => {
                    for v in tpl {
                        crate::values::parse_element(&st, &attr, v)?;
                    }
                }
                (Some("dynamic"), Some(Value::String(_))) => {}
                _ => {
                    return Err(ApiError::validation(
                        "default_value must be {type: \"static\", template: [...]} or {type: \"dynamic\", template: \"...\"}.",
                    ));
                }
            }
            attr.default_value = dv.clone();
        }
        Some(_) => {
            return Err(ApiError::validation(
                "default_value must be an object or null.",
            ));
        }
    }
    let oi = st.object_index(&o.api_slug).unwrap_or_default();
    st.objects[oi].attributes.push(attr.clone());
    if let Some((target, rev)) = reverse
        && let Some(ti) = st.object_index(&target)
    {
        st.objects[ti].attributes.push(rev);
    }
    let o = find_object(&st, &o.api_slug)?;
    sh.stored();
    Ok(data(attribute_json(&st, &o, &attr)))
}

fn option_json(st: &State, o: &ObjectDef, a: &AttributeDef, opt: &SelectOption) -> Value {
    crate::values::option_json(st, o, a, &opt.id.to_string())
}

fn status_json(st: &State, o: &ObjectDef, a: &AttributeDef, s: &StatusDef) -> Value {
    crate::values::status_json(st, o, a, &s.id.to_string())
}

async fn list_options(
    AxState(sh): Sh,
    Path((object, attribute)): Path<(String, String)>,
    Query(q): Q,
) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
    let show_archived = q_bool(&q, "show_archived")?;
    match a.attr_type.as_str() {
        "select" => Ok(data(Value::Array(
            a.options
                .iter()
                .filter(|x| show_archived || !x.is_archived)
                .map(|x| option_json(&st, &o, &a, x))
                .collect(),
        ))),
        // The live API answers an empty list for status attributes.
        "status" => Ok(data(json!([]))),
        t => Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" is of type \"{t}\" and has no select options.",
            a.api_slug
        ))),
    }
}

async fn create_option(
    AxState(sh): Sh,
    Path((object, attribute)): Path<(String, String)>,
    body: Bytes,
) -> Out {
    let body = parse_json(&body, None)?;
    let d = body_data(&body)?;
    let title = req_str(d, "title", 1)?.to_string();
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
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
    let oi = st.object_index(&o.api_slug).unwrap_or_default();
    if let Some(am) = st.objects[oi].attribute_mut(&a.api_slug) {
        am.options.push(opt.clone());
    }
    let o = find_object(&st, &o.api_slug)?;
    let a = find_attr(&o, &a.api_slug)?;
    sh.stored();
    Ok(data(option_json(&st, &o, &a, &opt)))
}

async fn list_statuses(
    AxState(sh): Sh,
    Path((object, attribute)): Path<(String, String)>,
    Query(q): Q,
) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
    let show_archived = q_bool(&q, "show_archived")?;
    if a.attr_type != "status" {
        return Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" is not a status attribute.",
            a.api_slug
        )));
    }
    Ok(data(Value::Array(
        a.statuses
            .iter()
            .filter(|x| show_archived || !x.is_archived)
            .map(|x| status_json(&st, &o, &a, x))
            .collect(),
    )))
}

async fn create_status(
    AxState(sh): Sh,
    Path((object, attribute)): Path<(String, String)>,
    body: Bytes,
) -> Out {
    let body = parse_json(&body, None)?;
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
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let a = find_attr(&o, &attribute)?;
    if a.attr_type != "status" {
        return Err(ApiError::validation(format!(
            "Attribute with slug \"{}\" is not a status attribute.",
            a.api_slug
        )));
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
    let oi = st.object_index(&o.api_slug).unwrap_or_default();
    if let Some(am) = st.objects[oi].attribute_mut(&a.api_slug) {
        am.statuses.push(s.clone());
    }
    let o = find_object(&st, &o.api_slug)?;
    let a = find_attr(&o, &a.api_slug)?;
    sh.stored();
    Ok(data(status_json(&st, &o, &a, &s)))
}

// ---------------------------------------------------------------- records

fn record_out(st: &State, o: &ObjectDef, id: Uuid) -> Out {
    let rec = st
        .record(&o.api_slug, &id)
        .ok_or_else(|| record_not_found(id))?;
    Ok(data(render_record(st, o, rec)))
}

async fn create_record(AxState(sh): Sh, Path(object): Path<String>, body: Bytes) -> Out {
    let body = parse_json(&body, None)?;
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let values = body_values(&body)?;
    let parsed = parse_values(&st, &o, values)?;
    let id = records::create(&mut st, &o, parsed)?;
    sh.stored();
    record_out(&st, &o, id)
}

async fn assert_record(
    AxState(sh): Sh,
    Path(object): Path<String>,
    Query(q): Q,
    body: Bytes,
) -> Out {
    let body = parse_json(&body, None)?;
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let values = body_values(&body)?;
    if let Some(k) = body
        .get("data")
        .and_then(Value::as_object)
        .and_then(|d| d.keys().find(|k| *k != "values"))
    {
        return Err(ApiError::schema(
            vec![json!("data")],
            "unrecognized_keys",
            "object",
            "object",
            &format!("Unrecognized key(s) in object: '{k}'"),
        ));
    }
    let matching = q.get("matching_attribute").map(String::as_str);
    // Validate the query parameter before the values, as the live API does.
    if matching.is_none() {
        return Err(records::missing_matching_attribute());
    }
    let parsed = parse_values(&st, &o, values)?;
    let id = records::assert(&mut st, &o, matching, parsed)?;
    sh.stored();
    record_out(&st, &o, id)
}

async fn get_record(AxState(sh): Sh, Path((object, record_id)): Path<(String, String)>) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let id = parse_record_id(&record_id)?;
    record_out(&st, &o, id)
}

async fn update_record(
    sh: Arc<Shared>,
    object: String,
    record_id: String,
    body: Bytes,
    mode: Mode,
) -> Out {
    let body = parse_json(&body, None)?;
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let id = parse_record_id(&record_id)?;
    if st.record(&o.api_slug, &id).is_none() {
        return Err(record_not_found(id));
    }
    let values = body_values(&body)?;
    let parsed = parse_values(&st, &o, values)?;
    records::update(&mut st, &o, id, parsed, mode, None)?;
    sh.stored();
    record_out(&st, &o, id)
}

async fn patch_record(
    AxState(sh): Sh,
    Path((object, record_id)): Path<(String, String)>,
    body: Bytes,
) -> Out {
    update_record(sh, object, record_id, body, Mode::Append).await
}

async fn put_record(
    AxState(sh): Sh,
    Path((object, record_id)): Path<(String, String)>,
    body: Bytes,
) -> Out {
    update_record(sh, object, record_id, body, Mode::Overwrite).await
}

async fn delete_record(AxState(sh): Sh, Path((object, record_id)): Path<(String, String)>) -> Out {
    let mut st = sh.write();
    let o = find_object(&st, &object)?;
    let id = parse_record_id(&record_id)?;
    records::delete(&mut st, &o, id)?;
    sh.stored();
    Ok(axum::Json(json!({})))
}

fn body_usize(body: &Value, key: &str, default: usize) -> ApiResult<usize> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|x| x >= 0.0 && x.fract() == 0.0) => {
            Ok(n.as_f64().unwrap_or(0.0) as usize)
        }
        other => Err(ApiError::schema(
            vec![json!(key)],
            "invalid_type",
            "number",
            json_type(other),
            "Expected a non-negative integer",
        )),
    }
}

async fn query_records(AxState(sh): Sh, Path(object): Path<String>, body: Bytes) -> Out {
    let body = parse_json(&body, Some(json!({})))?;
    if !body.is_object() {
        return Err(ApiError::schema(
            vec![],
            "invalid_type",
            "object",
            json_type(Some(&body)),
            "Expected object",
        ));
    }
    let limit = body_usize(&body, "limit", 500)?;
    let offset = body_usize(&body, "offset", 0)?;
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let filter = match body.get("filter") {
        None | Some(Value::Null) => None,
        Some(f) => Some(compile(&st, &o, f)?),
    };
    let sorts = match body.get("sorts") {
        None | Some(Value::Null) => vec![],
        Some(s) => compile_sorts(&st, &o, s)?,
    };
    let mut recs: Vec<_> = st
        .records
        .get(&o.api_slug)
        .map(|r| {
            r.values()
                .filter(|r| filter.as_ref().is_none_or(|f| f.matches(&st, r)))
                .collect()
        })
        .unwrap_or_default();
    apply_sorts(&st, &sorts, &mut recs);
    let out: Vec<Value> = recs
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|r| render_record(&st, &o, r))
        .collect();
    Ok(data(Value::Array(out)))
}

async fn list_values(
    AxState(sh): Sh,
    Path((object, record_id, attribute)): Path<(String, String, String)>,
    Query(q): Q,
) -> Out {
    let st = sh.read();
    let o = find_object(&st, &object)?;
    let id = parse_record_id(&record_id)?;
    let a = find_attr(&o, &attribute)?;
    let historic = q_bool(&q, "show_historic")?;
    let rec = st
        .record(&o.api_slug, &id)
        .ok_or_else(|| record_not_found(id))?;
    if historic && (a.enriched || a.attr_type == "interaction") {
        return Err(ApiError::validation(format!(
            "Historic values cannot be queried on enriched or communication intelligence attribute \"{}\".",
            a.api_slug
        )));
    }
    let mut vals: Vec<crate::model::StoredValue> =
        crate::values::current_values(rec, &a).into_owned();
    if historic {
        if let Some(av) = rec.values.get(&a.api_slug) {
            vals.extend(av.closed.iter().cloned());
        }
        vals.sort_by_key(|v| v.active_from);
    }
    let rendered: Vec<Value> = vals.iter().map(|v| render_value(&st, &o, &a, v)).collect();
    Ok(data(Value::Array(paginate(rendered, &q)?)))
}
