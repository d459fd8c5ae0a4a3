//! What every route file shares: the store as router state, JSON bodies and query strings
//! read with Attio's error bodies, body fields, uuid path parameters, whether a path
//! serves an object or a list, `{"data": …}` answers, and offset/limit paging.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, json_type};
use crate::store::Store;
use crate::store::schema::Target;

/// The router state every handler takes: the store.
pub(crate) type Db = State<Arc<Store>>;

/// What a handler answers: `{"data": …}` or an Attio error body.
pub(crate) type Out = ApiResult<axum::Json<Value>>;

/// `{"data": v}`.
pub(crate) fn data(v: Value) -> axum::Json<Value> {
    axum::Json(json!({ "data": v }))
}

/// `{"data": [items…]}`.
pub(crate) fn data_list(items: Vec<Value>) -> axum::Json<Value> {
    data(Value::Array(items))
}

/// Parses a request body as JSON; an empty body is `empty` when given, else the schema
/// error Attio answers for a missing body.
fn parse_json(body: &Bytes, empty: Option<Value>) -> ApiResult<Value> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        if let Some(d) = empty {
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
    // Currency amounts keep their digits (see `values::exact`).
    crate::values::exact::parse_body(body)
        .map_err(|e| ApiError::validation(format!("The request body is not valid JSON: {e}.")))
}

async fn body_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, Response> {
    Bytes::from_request(req, state)
        .await
        .map_err(IntoResponse::into_response)
}

/// A JSON request body (any content type); an empty body is a "Required" schema error.
pub(crate) struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_bytes(req, state).await?;
        parse_json(&bytes, None)
            .map(JsonBody)
            .map_err(IntoResponse::into_response)
    }
}

/// A JSON request body where an empty body reads as `{}` (the query endpoints).
pub(crate) struct JsonBodyOrEmpty(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBodyOrEmpty {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_bytes(req, state).await?;
        parse_json(&bytes, Some(json!({})))
            .map(JsonBodyOrEmpty)
            .map_err(IntoResponse::into_response)
    }
}

/// The query string, read with Attio's query-parameter errors.
pub(crate) struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| Params(q))
            .map_err(IntoResponse::into_response)
    }
}

/// A route shared by objects and lists learns which from the path it serves:
/// `/v2/lists/…` is a list's, anything else an object's.
impl<S: Send + Sync> FromRequestParts<S> for Target {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(if parts.uri.path().starts_with("/v2/lists/") {
            Target::Lists
        } else {
            Target::Objects
        })
    }
}

/// A 400 `validation_type` for the query string, with one zod-style entry.
pub(crate) fn query_error(entry: Value) -> ApiError {
    let mut e = ApiError::validation("Query parameter validation error.");
    e.validation_errors = Some(vec![entry]);
    e
}

impl Params {
    /// A parameter as sent.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// A non-negative integer parameter.
    pub(crate) fn usize(&self, key: &str) -> ApiResult<Option<usize>> {
        match self.0.get(key) {
            None => Ok(None),
            Some(s) => s.parse::<usize>().map(Some).map_err(|_| {
                query_error(json!({
                    "code": "invalid_type", "path": [key], "message": "Expected number, received string",
                    "expected": "number", "received": "string"
                }))
            }),
        }
    }

    /// A boolean parameter (`true`/`false`); absent is `false`.
    pub(crate) fn flag(&self, key: &str) -> ApiResult<bool> {
        match self.get(key) {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(query_error(json!({
                "code": "invalid_type", "path": [key], "message": "Expected boolean, received string",
                "expected": "boolean", "received": "string"
            }))),
        }
    }
}

/// Offset/limit paging in the query string, with the endpoint's default page size and
/// the largest `limit` it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Paging {
    /// Items per page when no `limit` is sent (`None`: every item).
    pub default: Option<usize>,
    /// The largest `limit` accepted (`None`: no bound).
    pub max: Option<usize>,
}

impl Paging {
    /// Every item unless a `limit` is sent (attributes, value history).
    pub(crate) const ALL: Paging = Paging {
        default: None,
        max: None,
    };

    /// The page of `items` the query string's `offset` and `limit` select.
    pub(crate) fn page<T>(self, items: Vec<T>, q: &Params) -> ApiResult<Vec<T>> {
        let offset = q.usize("offset")?.unwrap_or(0);
        let limit = match (q.usize("limit")?, self.max) {
            (Some(l), Some(max)) if l > max => {
                return Err(query_error(json!({
                    "code": "too_big", "path": ["limit"],
                    "message": format!("Number must be less than or equal to {max}"),
                    "maximum": max, "inclusive": true, "type": "number"
                })));
            }
            (Some(l), _) => l,
            (None, _) => self.default.unwrap_or(usize::MAX),
        };
        Ok(items.into_iter().skip(offset).take(limit).collect())
    }
}

/// A uuid path parameter, or Attio's path-parameter error naming it.
pub(crate) fn path_uuid(name: &str, s: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(s).map_err(|_| {
        let mut e = ApiError::validation("Path parameter validation error.");
        e.validation_errors = Some(vec![json!({
            "code": "invalid_string", "path": [name], "message": "Invalid uuid",
            "expected": "uuid", "received": "string"
        })]);
        e
    })
}

/// The `data` object of a write body.
pub(crate) fn body_data(body: &Value) -> ApiResult<&Map<String, Value>> {
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

/// A required string field of `data` with at least `min_len` characters.
pub(crate) fn req_str<'a>(
    m: &'a Map<String, Value>,
    key: &str,
    min_len: usize,
) -> ApiResult<&'a str> {
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

/// A required boolean field of `data`.
pub(crate) fn req_bool(m: &Map<String, Value>, key: &str) -> ApiResult<bool> {
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

/// The schema error for an unexpected key of `data`.
pub(crate) fn unrecognized_key(k: &str) -> ApiError {
    ApiError::schema(
        vec![json!("data")],
        "unrecognized_keys",
        "object",
        "object",
        &format!("Unrecognized key(s) in object: '{k}'"),
    )
}

/// A non-negative integer field of a query body (`limit`, `offset`), `default` when absent.
pub(crate) fn body_usize(body: &Value, key: &str, default: usize) -> ApiResult<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn paging_takes_offset_and_limit_up_to_the_endpoint_maximum() {
        let items: Vec<u32> = (0..100).collect();
        let notes = Paging {
            default: Some(10),
            max: Some(50),
        };
        assert_eq!(
            notes.page(items.clone(), &params(&[])).unwrap(),
            (0..10).collect::<Vec<_>>()
        );
        assert_eq!(
            notes
                .page(items.clone(), &params(&[("offset", "95"), ("limit", "50")]))
                .unwrap(),
            (95..100).collect::<Vec<_>>()
        );
        let e = notes
            .page(items.clone(), &params(&[("limit", "51")]))
            .unwrap_err();
        assert_eq!(e.status.as_u16(), 400);
        assert_eq!(e.body()["validation_errors"][0]["code"], "too_big");
        assert_eq!(
            Paging::ALL.page(items.clone(), &params(&[])).unwrap().len(),
            100
        );
        let e = Paging::ALL
            .page(items, &params(&[("limit", "ten")]))
            .unwrap_err();
        assert_eq!(e.body()["validation_errors"][0]["path"][0], "limit");
    }

    #[test]
    fn flags_and_uuids_answer_attio_errors() {
        assert!(
            params(&[("show_archived", "true")])
                .flag("show_archived")
                .unwrap()
        );
        assert!(!params(&[]).flag("show_archived").unwrap());
        assert!(
            params(&[("show_archived", "yes")])
                .flag("show_archived")
                .is_err()
        );
        let e = path_uuid("workspace_member_id", "nope").unwrap_err();
        assert_eq!(
            e.body()["validation_errors"][0]["path"][0],
            "workspace_member_id"
        );
    }
}
