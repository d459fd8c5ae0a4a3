//! Lists: list all (sidebar order), create, get and PATCH. Lists cannot be deleted through
//! the API.

use axum::extract::Path;
use axum::routing::get;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, body_data, data, data_list, req_str, unrecognized_key};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::MemberAccess;
use crate::store::lists::{self, ACCESS_LEVELS, ListChange, NewList, find_list, list_json};

/// The list routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/lists", get(list_lists).post(create_list))
        .route("/v2/lists/{list}", get(get_list).patch(patch_list))
}

/// The keys a list create takes, all required.
const CREATE_KEYS: [&str; 5] = [
    "name",
    "api_slug",
    "parent_object",
    "workspace_access",
    "workspace_member_access",
];

/// The zod-style error for a value outside the access levels.
fn bad_level(path: Vec<Value>, v: &Value) -> ApiError {
    let expected = ACCESS_LEVELS.map(|l| format!("'{l}'")).join(" | ");
    ApiError::schema(
        path,
        if v.is_string() {
            "invalid_enum_value"
        } else {
            "invalid_type"
        },
        &expected,
        v.as_str().unwrap_or(json_type(Some(v))),
        &format!("Invalid enum value. Expected {expected}"),
    )
}

/// `workspace_access`: one of the access levels or `null`; required.
fn workspace_access(d: &Map<String, Value>) -> ApiResult<Option<String>> {
    let path = vec![json!("data"), json!("workspace_access")];
    match d.get("workspace_access") {
        Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if ACCESS_LEVELS.contains(&s.as_str()) => Ok(Some(s.clone())),
        Some(other) => Err(bad_level(path, other)),
        None => Err(ApiError::schema(
            path,
            "invalid_type",
            "string | null",
            "undefined",
            "Required",
        )),
    }
}

/// `workspace_member_access`: an array of `{workspace_member_id, level}`; required.
fn member_access(d: &Map<String, Value>) -> ApiResult<Vec<MemberAccess>> {
    let key = "workspace_member_access";
    let items = match d.get(key) {
        Some(Value::Array(a)) => a,
        other => {
            return Err(ApiError::schema(
                vec![json!("data"), json!(key)],
                "invalid_type",
                "array",
                json_type(other),
                if other.is_none() {
                    "Required"
                } else {
                    "Expected array"
                },
            ));
        }
    };
    let mut out = vec![];
    for (i, item) in items.iter().enumerate() {
        let path = |field: &str| vec![json!("data"), json!(key), json!(i), json!(field)];
        let id = item.get("workspace_member_id");
        let workspace_member_id = id
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
            .ok_or_else(|| {
                ApiError::schema(
                    path("workspace_member_id"),
                    if id.is_some_and(Value::is_string) {
                        "invalid_string"
                    } else {
                        "invalid_type"
                    },
                    "uuid",
                    json_type(id),
                    if id.is_none() {
                        "Required"
                    } else {
                        "Invalid uuid"
                    },
                )
            })?;
        let level = match item.get("level") {
            Some(Value::String(s)) if ACCESS_LEVELS.contains(&s.as_str()) => s.clone(),
            Some(other) => return Err(bad_level(path("level"), other)),
            None => {
                return Err(ApiError::schema(
                    path("level"),
                    "invalid_type",
                    "string",
                    "undefined",
                    "Required",
                ));
            }
        };
        out.push(MemberAccess {
            workspace_member_id,
            level,
        });
    }
    Ok(out)
}

async fn list_lists(store: Db) -> axum::Json<Value> {
    let st = store.read();
    data_list(st.lists.iter().map(|l| list_json(&st, l)).collect())
}

async fn get_list(store: Db, Path(list): Path<String>) -> Out {
    let st = store.read();
    let l = find_list(&st, &list)?;
    Ok(data(list_json(&st, &l)))
}

async fn create_list(store: Db, JsonBody(body): JsonBody) -> Out {
    let d = body_data(&body)?;
    let new = NewList {
        name: req_str(d, "name", 1)?.to_string(),
        api_slug: req_str(d, "api_slug", 1)?.to_string(),
        parent_object: req_str(d, "parent_object", 1)?.to_string(),
        workspace_access: workspace_access(d)?,
        workspace_member_access: member_access(d)?,
    };
    if let Some(k) = d.keys().find(|k| !CREATE_KEYS.contains(&k.as_str())) {
        return Err(unrecognized_key(k));
    }
    let mut st = store.write();
    let l = lists::create_list(&mut st, new)?;
    store.stored();
    Ok(data(list_json(&st, &l)))
}

async fn patch_list(store: Db, Path(list): Path<String>, JsonBody(body): JsonBody) -> Out {
    let d = body_data(&body)?;
    let mut change = ListChange::default();
    for k in d.keys() {
        match k.as_str() {
            "name" => change.name = Some(req_str(d, k, 1)?.to_string()),
            "api_slug" => change.api_slug = Some(req_str(d, k, 1)?.to_string()),
            "workspace_access" => change.workspace_access = Some(workspace_access(d)?),
            "workspace_member_access" => change.workspace_member_access = Some(member_access(d)?),
            "parent_object" => {
                return Err(ApiError::validation(
                    "The parent object of a list cannot be changed through the API.",
                ));
            }
            other => return Err(unrecognized_key(other)),
        }
    }
    let mut st = store.write();
    let l = lists::update_list(&mut st, &list, change)?;
    store.stored();
    Ok(data(list_json(&st, &l)))
}
