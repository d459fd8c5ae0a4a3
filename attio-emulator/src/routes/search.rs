//! Cross-object search: `POST /v2/objects/records/search` (a read).

use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, data_list};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::ObjectDef;
use crate::store::search;

/// The longest query Attio accepts, in characters.
const MAX_QUERY_CHARS: usize = 256;
/// The most results of one search, and the default.
const MAX_LIMIT: u64 = 25;

/// The search route.
pub(super) fn routes() -> Routes {
    Routes::new().read_post("/v2/objects/records/search", search_records)
}

/// The schema error of a field of the search body.
fn field_error(key: &str, expected: &str, got: Option<&Value>, message: &str) -> ApiError {
    ApiError::schema(
        vec![json!(key)],
        if got.is_none() {
            "invalid_type"
        } else {
            "invalid_value"
        },
        expected,
        json_type(got),
        if got.is_none() { "Required" } else { message },
    )
}

/// Checks `request_as`: `{"type":"workspace"}`, or a workspace member by id or email.
fn check_request_as(v: Option<&Value>) -> ApiResult<()> {
    let ok = match v.and_then(Value::as_object) {
        Some(m) => match m.get("type").and_then(Value::as_str) {
            Some("workspace") => true,
            Some("workspace-member") => {
                m.get("workspace_member_id")
                    .and_then(Value::as_str)
                    .is_some_and(|s| uuid::Uuid::parse_str(s).is_ok())
                    || m.get("email_address")
                        .and_then(Value::as_str)
                        .is_some_and(|s| s.contains('@'))
            }
            _ => false,
        },
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(field_error(
            "request_as",
            "object",
            v,
            "Expected {\"type\":\"workspace\"} or a workspace member by workspace_member_id or email_address",
        ))
    }
}

async fn search_records(store: Db, JsonBody(body): JsonBody) -> Out {
    let query = match body.get("query") {
        Some(Value::String(q)) if q.chars().count() <= MAX_QUERY_CHARS => q.clone(),
        other => {
            return Err(field_error(
                "query",
                "string",
                other,
                "Expected a string of at most 256 characters",
            ));
        }
    };
    let limit = match body.get("limit") {
        None => MAX_LIMIT,
        Some(v) => match v.as_u64() {
            Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(field_error(
                    "limit",
                    "number",
                    Some(v),
                    "Expected a number from 1 to 25",
                ));
            }
        },
    };
    let keys: Vec<&str> = match body.get("objects") {
        Some(Value::Array(items)) if !items.is_empty() => {
            match items.iter().map(Value::as_str).collect::<Option<Vec<_>>>() {
                Some(keys) => keys,
                None => {
                    return Err(field_error(
                        "objects",
                        "array",
                        body.get("objects"),
                        "Expected an array of object slugs or IDs",
                    ));
                }
            }
        }
        other => {
            return Err(field_error(
                "objects",
                "array",
                other,
                "Array must contain at least 1 element(s)",
            ));
        }
    };
    check_request_as(body.get("request_as"))?;
    let st = store.read();
    let objects: Vec<ObjectDef> = keys
        .iter()
        .map(|k| {
            st.object(k).cloned().ok_or_else(|| {
                ApiError::value_not_found(format!("Object with slug/ID \"{k}\" not found."))
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(data_list(search::search(
        &st,
        &query,
        &objects,
        limit as usize,
    )))
}
