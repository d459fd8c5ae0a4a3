//! List entries: create, assert by parent, get, PATCH, PUT, delete, query (with
//! `parent_record` paths), value history, and the entries of one record across lists.

use axum::extract::Path;
use axum::routing::{get, post};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::class::Routes;
use super::extract::{
    Db, JsonBody, JsonBodyOrEmpty, Out, Paging, Params, body_data, body_usize, data, data_list,
    path_uuid, unrecognized_key,
};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{ListDef, State};
use crate::rules::history::history;
use crate::rules::render::render_value;
use crate::rules::write::{Mode, parse_values};
use crate::store::entries::{self, render_entry};
use crate::store::items;
use crate::store::lists::find_list;
use crate::store::schema::{find_attr, find_object};

/// The entry routes, and a record's entries.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route(
            "/v2/lists/{list}/entries",
            post(create_entry).put(assert_entry),
        )
        .read_post("/v2/lists/{list}/entries/query", query_entries)
        .route(
            "/v2/lists/{list}/entries/{entry_id}",
            get(get_entry)
                .patch(patch_entry)
                .put(put_entry)
                .delete(delete_entry),
        )
        .route(
            "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
            get(list_values),
        )
        .route(
            "/v2/objects/{object}/records/{record_id}/entries",
            get(record_entries),
        )
}

/// A record's entries: 100 a page unless a `limit` (at most 1,000) is sent.
const RECORD_ENTRIES: Paging = Paging {
    default: Some(100),
    max: Some(1000),
};

/// A required field of `data` holding an object.
fn req_object<'a>(d: &'a Map<String, Value>, key: &str) -> ApiResult<&'a Map<String, Value>> {
    match d.get(key) {
        Some(Value::Object(m)) => Ok(m),
        other => Err(ApiError::schema(
            vec![json!("data"), json!(key)],
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

/// The body of an entry create or assert: the parent record's id and object, and the
/// entry's values (all three required).
struct NewEntry<'a> {
    parent_record_id: Uuid,
    parent_object: &'a str,
    values: &'a Map<String, Value>,
}

impl<'a> NewEntry<'a> {
    fn parse(body: &'a Value) -> ApiResult<Self> {
        let d = body_data(body)?;
        let id = d.get("parent_record_id");
        let parent_record_id = id
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
            .ok_or_else(|| {
                ApiError::schema(
                    vec![json!("data"), json!("parent_record_id")],
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
        let parent_object = match d.get("parent_object") {
            Some(Value::String(s)) if !s.is_empty() => s.as_str(),
            other => {
                return Err(ApiError::schema(
                    vec![json!("data"), json!("parent_object")],
                    "invalid_type",
                    "string",
                    json_type(other),
                    if other.is_none() {
                        "Required"
                    } else {
                        "Expected string"
                    },
                ));
            }
        };
        Ok(NewEntry {
            parent_record_id,
            parent_object,
            values: req_object(d, "entry_values")?,
        })
    }
}

/// The 400 for an update that names the parent record, which an entry keeps for life.
fn parent_is_immutable() -> ApiError {
    ApiError::immutable("The parent record for a list entry cannot be updated once created.")
}

/// `data.entry_values` of an update body (`{"data":{"entry_values":{…}}}`, nothing else).
fn update_values(body: &Value) -> ApiResult<&Map<String, Value>> {
    let d = body_data(body)?;
    if let Some(k) = d.keys().find(|k| *k != "entry_values") {
        return Err(match k.as_str() {
            "parent_record_id" | "parent_object" => parent_is_immutable(),
            _ => unrecognized_key(k),
        });
    }
    let values = req_object(d, "entry_values")?;
    if values.contains_key("parent_record") {
        return Err(parent_is_immutable());
    }
    Ok(values)
}

fn entry_out(st: &State, l: &ListDef, id: Uuid) -> Out {
    let e = items::get(st, l, id)?;
    Ok(data(render_entry(st, l, e)))
}

async fn create_entry(store: Db, Path(list): Path<String>, JsonBody(body): JsonBody) -> Out {
    let mut st = store.write();
    let l = find_list(&st, &list)?;
    let new = NewEntry::parse(&body)?;
    let parent = entries::parent(&st, &l, new.parent_object, new.parent_record_id)?;
    let parsed = parse_values(&st, &l, new.values)?;
    let id = items::create_with_parent(&mut st, &l, parsed, Some(parent))?;
    store.stored();
    entry_out(&st, &l, id)
}

async fn assert_entry(store: Db, Path(list): Path<String>, JsonBody(body): JsonBody) -> Out {
    let mut st = store.write();
    let l = find_list(&st, &list)?;
    let new = NewEntry::parse(&body)?;
    let parent = entries::parent(&st, &l, new.parent_object, new.parent_record_id)?;
    let parsed = parse_values(&st, &l, new.values)?;
    let id = entries::assert_by_parent(&mut st, &l, parent, parsed)?;
    store.stored();
    entry_out(&st, &l, id)
}

async fn get_entry(store: Db, Path((list, entry_id)): Path<(String, String)>) -> Out {
    let st = store.read();
    let l = find_list(&st, &list)?;
    let id = path_uuid("entry_id", &entry_id)?;
    entry_out(&st, &l, id)
}

async fn update_entry(store: Db, list: String, entry_id: String, body: Value, mode: Mode) -> Out {
    let mut st = store.write();
    let l = find_list(&st, &list)?;
    let id = path_uuid("entry_id", &entry_id)?;
    items::get(&st, &l, id)?;
    let values = update_values(&body)?;
    let parsed = parse_values(&st, &l, values)?;
    items::update(&mut st, &l, id, parsed, mode, None)?;
    store.stored();
    entry_out(&st, &l, id)
}

async fn patch_entry(
    store: Db,
    Path((list, entry_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    update_entry(store, list, entry_id, body, Mode::Append).await
}

async fn put_entry(
    store: Db,
    Path((list, entry_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    update_entry(store, list, entry_id, body, Mode::Overwrite).await
}

async fn delete_entry(store: Db, Path((list, entry_id)): Path<(String, String)>) -> Out {
    let mut st = store.write();
    let l = find_list(&st, &list)?;
    let id = path_uuid("entry_id", &entry_id)?;
    items::delete(&mut st, &l, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}

async fn query_entries(
    store: Db,
    Path(list): Path<String>,
    JsonBodyOrEmpty(body): JsonBodyOrEmpty,
) -> Out {
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
    let st = store.read();
    let l = find_list(&st, &list)?;
    let present = |k: &str| body.get(k).filter(|v| !v.is_null());
    let found = items::query_page(&st, &l, present("filter"), present("sorts"), offset, limit)?;
    Ok(data_list(
        found.iter().map(|e| render_entry(&st, &l, e)).collect(),
    ))
}

async fn list_values(
    store: Db,
    Path((list, entry_id, attribute)): Path<(String, String, String)>,
    q: Params,
) -> Out {
    let st = store.read();
    let l = find_list(&st, &list)?;
    let id = path_uuid("entry_id", &entry_id)?;
    let a = find_attr(&l, &attribute)?;
    let historic = q.flag("show_historic")?;
    let entry = items::get(&st, &l, id)?;
    let rendered: Vec<Value> = history(entry, &a, historic)?
        .iter()
        .map(|v| render_value(&st, &l, &a, v))
        .collect();
    Ok(data_list(Paging::ALL.page(rendered, &q)?))
}

async fn record_entries(
    store: Db,
    Path((object, record_id)): Path<(String, String)>,
    q: Params,
) -> Out {
    let st = store.read();
    let o = find_object(&st, &object)?;
    let id = path_uuid("record_id", &record_id)?;
    items::get(&st, &o, id)?;
    let found = entries::of_record(&st, &o.api_slug, id);
    Ok(data_list(RECORD_ENTRIES.page(found, &q)?))
}
