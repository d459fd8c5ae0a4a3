//! Records: create, assert, get, PATCH, PUT, delete, query, and value history.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

use super::class::Routes;
use super::extract::{
    Db, JsonBody, JsonBodyOrEmpty, Out, Paging, Params, body_usize, data, data_list, path_uuid,
    unrecognized_key,
};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{ObjectDef, State};
use crate::rules::history::history;
use crate::rules::render::render_value;
use crate::rules::write::{Mode, parse_values};
use crate::store::items;
use crate::store::records::render_record;
use crate::store::schema::{find_attr, find_object};

/// The record routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route(
            "/v2/objects/{object}/records",
            post(create_record).put(assert_record),
        )
        .read_post("/v2/objects/{object}/records/query", query_records)
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
}

/// Extracts `data.values` from a record write body.
fn body_values(body: &Value) -> ApiResult<&Map<String, Value>> {
    let data = match body.get("data") {
        Some(Value::Object(m)) => m,
        other => {
            return Err(ApiError::schema(
                vec![json!("data")],
                "invalid_type",
                "object",
                json_type(other),
                if other.is_none() {
                    "Required"
                } else {
                    "Expected object"
                },
            ));
        }
    };
    match data.get("values") {
        Some(Value::Object(m)) => Ok(m),
        other => Err(ApiError::schema(
            vec![json!("data"), json!("values")],
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

/// The 400 for an assert without the `matching_attribute` query parameter.
fn missing_matching_attribute() -> ApiError {
    let mut e = ApiError::validation("Query parameter validation error.");
    e.validation_errors = Some(vec![json!({
        "code": "invalid_type",
        "path": ["matching_attribute"],
        "message": "Required",
        "expected": "string",
        "received": "undefined",
    })]);
    e
}

fn record_out(st: &State, o: &ObjectDef, id: uuid::Uuid) -> Out {
    let rec = items::get(st, o, id)?;
    Ok(data(render_record(st, o, rec)))
}

async fn create_record(store: Db, Path(object): Path<String>, JsonBody(body): JsonBody) -> Out {
    let mut st = store.write();
    let o = find_object(&st, &object)?;
    let values = body_values(&body)?;
    let parsed = parse_values(&st, &o, values)?;
    let id = items::create(&mut st, &o, parsed)?;
    store.stored();
    record_out(&st, &o, id)
}

async fn assert_record(
    store: Db,
    Path(object): Path<String>,
    q: Params,
    JsonBody(body): JsonBody,
) -> Out {
    let mut st = store.write();
    let o = find_object(&st, &object)?;
    let values = body_values(&body)?;
    if let Some(k) = body
        .get("data")
        .and_then(Value::as_object)
        .and_then(|d| d.keys().find(|k| *k != "values"))
    {
        return Err(unrecognized_key(k));
    }
    // Validate the query parameter before the values, as the live API does.
    let Some(matching) = q.get("matching_attribute") else {
        return Err(missing_matching_attribute());
    };
    let parsed = parse_values(&st, &o, values)?;
    let id = items::assert(&mut st, &o, matching, parsed)?;
    store.stored();
    record_out(&st, &o, id)
}

async fn get_record(store: Db, Path((object, record_id)): Path<(String, String)>) -> Out {
    let st = store.read();
    let o = find_object(&st, &object)?;
    let id = path_uuid("record_id", &record_id)?;
    store.merging.read(id)?;
    record_out(&st, &o, id)
}

async fn update_record(
    store: Db,
    object: String,
    record_id: String,
    body: Value,
    mode: Mode,
) -> Out {
    let mut st = store.write();
    let o = find_object(&st, &object)?;
    let id = path_uuid("record_id", &record_id)?;
    store.merging.write(id)?;
    items::get(&st, &o, id)?;
    let values = body_values(&body)?;
    let parsed = parse_values(&st, &o, values)?;
    items::update(&mut st, &o, id, parsed, mode, None)?;
    store.stored();
    record_out(&st, &o, id)
}

async fn patch_record(
    store: Db,
    Path((object, record_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    update_record(store, object, record_id, body, Mode::Append).await
}

async fn put_record(
    store: Db,
    Path((object, record_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Out {
    update_record(store, object, record_id, body, Mode::Overwrite).await
}

async fn delete_record(store: Db, Path((object, record_id)): Path<(String, String)>) -> Out {
    let mut st = store.write();
    let o = find_object(&st, &object)?;
    let id = path_uuid("record_id", &record_id)?;
    store.merging.write(id)?;
    items::delete(&mut st, &o, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}

async fn query_records(
    store: Db,
    Path(object): Path<String>,
    JsonBodyOrEmpty(body): JsonBodyOrEmpty,
) -> ApiResult<Response> {
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
    let o = find_object(&st, &object)?;
    let present = |k: &str| body.get(k).filter(|v| !v.is_null());
    let found = items::query_page(&st, &o, present("filter"), present("sorts"), offset, limit)?;
    // A record is rendered once while nothing is written (see `store::render_cache`).
    let page = found.into_iter().map(|r| (r.id, r));
    let body = store
        .rendered
        .data_list(store.generation(), &o.api_slug, page, |r| {
            render_record(&st, &o, r)
        });
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

async fn list_values(
    store: Db,
    Path((object, record_id, attribute)): Path<(String, String, String)>,
    q: Params,
) -> Out {
    let st = store.read();
    let o = find_object(&st, &object)?;
    let id = path_uuid("record_id", &record_id)?;
    let a = find_attr(&o, &attribute)?;
    let historic = q.flag("show_historic")?;
    let rec = items::get(&st, &o, id)?;
    let rendered: Vec<Value> = history(rec, &a, historic)?
        .iter()
        .map(|v| render_value(&st, &o, &a, v))
        .collect();
    Ok(data_list(Paging::ALL.page(rendered, &q)?))
}
