//! Webhooks: list (limit 10..100), create (answering the secret, once), get, PATCH and
//! delete. A target must be `https://`, or `http://` on a loopback host (a deviation, so
//! that local handlers can receive deliveries).

use axum::extract::Path;
use axum::routing::get;
use serde_json::{Map, Value, json};

use super::class::Routes;
use super::extract::{
    Db, JsonBody, Out, Paging, Params, body_data, data, data_list, path_uuid, unrecognized_key,
};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{Condition, Filter, Subscription};
use crate::store::webhooks::{self, EVENT_TYPES, find_webhook, valid_target, webhook_json};

/// The webhook routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/webhooks", get(list_webhooks).post(create_webhook))
        .route(
            "/v2/webhooks/{webhook_id}",
            get(get_webhook).patch(patch_webhook).delete(delete_webhook),
        )
}

/// `GET /v2/webhooks` pages: 10 by default, `limit` within 10..=100.
const PAGING: Paging = Paging {
    default: Some(10),
    max: Some(100),
};

/// The smallest `limit` of `GET /v2/webhooks`.
const LIMIT_MIN: usize = 10;

/// A zod-style schema error at `path` under `data`.
fn invalid(path: &[Value], code: &str, expected: &str, v: Option<&Value>, msg: &str) -> ApiError {
    let mut full = vec![json!("data")];
    full.extend_from_slice(path);
    let msg = if v.is_none() { "Required" } else { msg };
    ApiError::schema(full, code, expected, json_type(v), msg)
}

/// A required string at `key` of `m`, at `path`.
fn string<'a>(m: &'a Map<String, Value>, key: &str, path: &[Value]) -> ApiResult<&'a str> {
    let v = m.get(key);
    v.and_then(Value::as_str)
        .ok_or_else(|| invalid(path, "invalid_type", "string", v, "Expected string"))
}

/// `target_url`: https, or http on a loopback host.
fn target_url(d: &Map<String, Value>) -> ApiResult<String> {
    let path = [json!("target_url")];
    let url = string(d, "target_url", &path)?;
    if !valid_target(url) {
        let mut e = invalid(
            &path,
            "invalid_string",
            "string",
            d.get("target_url"),
            "Invalid: the target URL must start with https:// (the emulator also takes http:// on a loopback host)",
        );
        if let Some(entry) = e.validation_errors.as_mut().and_then(|v| v.first_mut()) {
            entry["validation"] = json!("regex");
        }
        return Err(e);
    }
    Ok(url.to_owned())
}

/// One condition of a filter, at `path`.
fn condition(v: &Value, path: &[Value]) -> ApiResult<Condition> {
    let Some(m) = v.as_object() else {
        return Err(invalid(
            path,
            "invalid_type",
            "object",
            Some(v),
            "Expected object",
        ));
    };
    let at = |k: &str| [path, &[json!(k)]].concat();
    let field = string(m, "field", &at("field"))?.to_owned();
    let operator = string(m, "operator", &at("operator"))?;
    if !["equals", "not_equals"].contains(&operator) {
        return Err(invalid(
            &at("operator"),
            "invalid_enum_value",
            "'equals' | 'not_equals'",
            m.get("operator"),
            "Invalid enum value. Expected 'equals' | 'not_equals'",
        ));
    }
    let value = string(m, "value", &at("value"))?.to_owned();
    Ok(Condition {
        field,
        operator: operator.to_owned(),
        value,
    })
}

/// A subscription's `filter`: `null`, `{"$and": […]}` or `{"$or": […]}`; the key is
/// required.
fn filter(m: &Map<String, Value>, path: &[Value]) -> ApiResult<Option<Filter>> {
    let path = [path, &[json!("filter")]].concat();
    let v = m.get("filter");
    let expected = "null | {$and: condition[]} | {$or: condition[]}";
    let (all, conditions) = match v {
        Some(Value::Null) => return Ok(None),
        Some(Value::Object(f)) if f.len() == 1 => match f.iter().next() {
            Some((k, Value::Array(c))) if k == "$and" => (true, c),
            Some((k, Value::Array(c))) if k == "$or" => (false, c),
            _ => {
                return Err(invalid(
                    &path,
                    "invalid_union",
                    expected,
                    v,
                    "Invalid input",
                ));
            }
        },
        _ => {
            return Err(invalid(
                &path,
                "invalid_union",
                expected,
                v,
                "Invalid input",
            ));
        }
    };
    let key = if all { "$and" } else { "$or" };
    let conditions = conditions
        .iter()
        .enumerate()
        .map(|(i, c)| condition(c, &[path.as_slice(), &[json!(key), json!(i)]].concat()))
        .collect::<ApiResult<_>>()?;
    Ok(Some(Filter { all, conditions }))
}

/// `subscriptions`: an array of `{event_type, filter}`.
fn subscriptions(d: &Map<String, Value>) -> ApiResult<Vec<Subscription>> {
    let v = d.get("subscriptions");
    let Some(items) = v.and_then(Value::as_array) else {
        return Err(invalid(
            &[json!("subscriptions")],
            "invalid_type",
            "array",
            v,
            "Expected array",
        ));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = [json!("subscriptions"), json!(i)];
        let Some(m) = item.as_object() else {
            return Err(invalid(
                &path,
                "invalid_type",
                "object",
                Some(item),
                "Expected object",
            ));
        };
        let type_path = [path.as_slice(), &[json!("event_type")]].concat();
        let event_type = string(m, "event_type", &type_path)?;
        if !EVENT_TYPES.contains(&event_type) {
            return Err(invalid(
                &type_path,
                "invalid_enum_value",
                "event type",
                m.get("event_type"),
                &format!(
                    "Invalid enum value. Expected one of {}",
                    EVENT_TYPES.join(", ")
                ),
            ));
        }
        out.push(Subscription {
            event_type: event_type.to_owned(),
            filter: filter(m, &path)?,
        });
    }
    Ok(out)
}

async fn list_webhooks(store: Db, q: Params) -> Out {
    if let Some(limit) = q.usize("limit")?
        && limit < LIMIT_MIN
    {
        let mut e = ApiError::validation("Query parameter validation error.");
        e.validation_errors = Some(vec![json!({
            "code": "too_small", "path": ["limit"],
            "message": format!("Number must be greater than or equal to {LIMIT_MIN}"),
            "minimum": LIMIT_MIN, "inclusive": true, "type": "number"
        })]);
        return Err(e);
    }
    let st = store.read();
    let all: Vec<Value> = st
        .webhooks
        .iter()
        .map(|w| webhook_json(&st, w, false))
        .collect();
    Ok(data_list(PAGING.page(all, &q)?))
}

async fn create_webhook(store: Db, JsonBody(body): JsonBody) -> Out {
    let d = body_data(&body)?;
    let url = target_url(d)?;
    let subs = subscriptions(d)?;
    if let Some(k) = d
        .keys()
        .find(|k| !["target_url", "subscriptions"].contains(&k.as_str()))
    {
        return Err(unrecognized_key(k));
    }
    let mut st = store.write();
    let w = webhooks::create_webhook(&mut st, url, subs);
    store.stored();
    Ok(data(webhook_json(&st, &w, true)))
}

async fn get_webhook(store: Db, Path(id): Path<String>) -> Out {
    let id = path_uuid("webhook_id", &id)?;
    let st = store.read();
    let w = find_webhook(&st, id)?;
    Ok(data(webhook_json(&st, &w, false)))
}

async fn patch_webhook(store: Db, Path(id): Path<String>, JsonBody(body): JsonBody) -> Out {
    let id = path_uuid("webhook_id", &id)?;
    let d = body_data(&body)?;
    if let Some(k) = d
        .keys()
        .find(|k| !["target_url", "subscriptions"].contains(&k.as_str()))
    {
        return Err(unrecognized_key(k));
    }
    let url = d
        .contains_key("target_url")
        .then(|| target_url(d))
        .transpose()?;
    let subs = d
        .contains_key("subscriptions")
        .then(|| subscriptions(d))
        .transpose()?;
    let mut st = store.write();
    let w = webhooks::update_webhook(&mut st, id, url, subs)?;
    store.stored();
    Ok(data(webhook_json(&st, &w, false)))
}

async fn delete_webhook(store: Db, Path(id): Path<String>) -> Out {
    let id = path_uuid("webhook_id", &id)?;
    let mut st = store.write();
    webhooks::delete_webhook(&mut st, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}
