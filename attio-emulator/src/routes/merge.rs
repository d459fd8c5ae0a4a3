//! Merging two records: `POST /v2/objects/{object}/records/merge` (beta), answered 200 when
//! applied or 202 while applying (see `store/merge.rs`).

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::post;
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, JsonBody, body_data, path_uuid, req_str, unrecognized_key};
use crate::error::{ApiError, ApiResult};
use crate::store::merge;
use crate::store::schema::find_object;

/// The merge route.
pub(super) fn routes() -> Routes {
    Routes::new().route("/v2/objects/{object}/records/merge", post(merge_records))
}

/// A record id field of the merge body: a string (the same errors as any required string
/// field), then a UUID.
fn record_id(data: &serde_json::Map<String, Value>, key: &str) -> ApiResult<uuid::Uuid> {
    path_uuid(key, req_str(data, key, 0)?).map_err(|_| {
        ApiError::schema(
            vec![json!("data"), json!(key)],
            "invalid_string",
            "uuid",
            "string",
            "Invalid uuid",
        )
    })
}

async fn merge_records(
    store: Db,
    Path(object): Path<String>,
    JsonBody(body): JsonBody,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let data = body_data(&body)?;
    if let Some(k) = data
        .keys()
        .find(|k| !matches!(k.as_str(), "primary_record_id" | "secondary_record_id"))
    {
        return Err(unrecognized_key(k));
    }
    let primary = record_id(data, "primary_record_id")?;
    let secondary = record_id(data, "secondary_record_id")?;
    let mut st = store.write();
    let o = find_object(&st, &object)?;
    let id = merge::merge(&mut st, &o, primary, secondary)?;
    store.stored();
    let status = if store.merging.start(id) {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(json!({ "data": { "new_record_id": id.to_string() } })),
    ))
}
