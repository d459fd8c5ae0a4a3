//! The webhooks area: webhooks in their read shape, created (with a secret shown once),
//! changed and deleted; and which webhooks an event goes to.

use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::model::{Filter, State, Subscription, WebhookDef};
use crate::values::fmt_ts;

/// Every event type a webhook can subscribe to (attio-api-more.md §13.3).
pub(crate) const EVENT_TYPES: [&str; 27] = [
    "record.created",
    "record.updated",
    "record.deleted",
    "record.merged",
    "list-entry.created",
    "list-entry.updated",
    "list-entry.deleted",
    "list.created",
    "list.updated",
    "list.deleted",
    "list-attribute.created",
    "list-attribute.updated",
    "object-attribute.created",
    "object-attribute.updated",
    "note.created",
    "note.updated",
    "note.deleted",
    "note-content.updated",
    "task.created",
    "task.updated",
    "task.deleted",
    "comment.created",
    "comment.resolved",
    "comment.unresolved",
    "comment.deleted",
    "workspace-member.created",
    "call-recording.created",
];

/// Whether `url` names a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`): the only
/// hosts the emulator ever sends a delivery to, and the only ones it takes `http://` for.
pub(crate) fn is_loopback(url: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(url) else {
        return false;
    };
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether Attio (with the emulator's loopback deviation) takes `url` as a target.
pub(crate) fn valid_target(url: &str) -> bool {
    let parsed = reqwest::Url::parse(url);
    match parsed {
        Ok(u) if u.scheme() == "https" && u.host().is_some() => true,
        Ok(u) if u.scheme() == "http" => is_loopback(url),
        _ => false,
    }
}

/// The 404 of an unknown webhook.
fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found(format!("Webhook with ID \"{id}\" not found."))
}

fn filter_json(f: &Filter) -> Value {
    let conditions: Vec<Value> = f
        .conditions
        .iter()
        .map(|c| json!({"field": c.field, "operator": c.operator, "value": c.value}))
        .collect();
    json!({ if f.all { "$and" } else { "$or" }: conditions })
}

/// The read shape of a webhook; the create's answer adds the `secret`.
pub(crate) fn webhook_json(st: &State, w: &WebhookDef, with_secret: bool) -> Value {
    let subscriptions: Vec<Value> = w
        .subscriptions
        .iter()
        .map(|s| json!({"event_type": s.event_type, "filter": s.filter.as_ref().map(filter_json)}))
        .collect();
    let mut v = json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "webhook_id": w.id.to_string()},
        "target_url": w.target_url,
        "subscriptions": subscriptions,
        "status": w.status,
        "created_at": fmt_ts(&w.created_at),
    });
    if with_secret {
        v["secret"] = json!(w.secret);
    }
    v
}

/// The webhook with this id (a copy), or its 404.
pub(crate) fn find_webhook(st: &State, id: Uuid) -> ApiResult<WebhookDef> {
    st.webhooks
        .iter()
        .find(|w| w.id == id)
        .cloned()
        .ok_or_else(|| not_found(id))
}

/// A new secret: 64 hex digits.
fn new_secret() -> String {
    (0..32)
        .map(|_| format!("{:02x}", fastrand::u8(..)))
        .collect()
}

/// Creates an active webhook.
pub(crate) fn create_webhook(
    st: &mut State,
    target_url: String,
    subscriptions: Vec<Subscription>,
) -> WebhookDef {
    let w = WebhookDef {
        id: Uuid::new_v4(),
        target_url,
        subscriptions,
        status: "active".into(),
        secret: new_secret(),
        created_at: Utc::now(),
    };
    st.webhooks.push(w.clone());
    w
}

/// Applies a PATCH: a new target URL, new subscriptions (replacing the old ones).
pub(crate) fn update_webhook(
    st: &mut State,
    id: Uuid,
    target_url: Option<String>,
    subscriptions: Option<Vec<Subscription>>,
) -> ApiResult<WebhookDef> {
    let w = st
        .webhooks
        .iter_mut()
        .find(|w| w.id == id)
        .ok_or_else(|| not_found(id))?;
    if let Some(url) = target_url {
        w.target_url = url;
    }
    if let Some(subs) = subscriptions {
        w.subscriptions = subs;
    }
    Ok(w.clone())
}

/// Deletes a webhook.
pub(crate) fn delete_webhook(st: &mut State, id: Uuid) -> ApiResult<()> {
    let before = st.webhooks.len();
    st.webhooks.retain(|w| w.id != id);
    if st.webhooks.len() == before {
        return Err(not_found(id));
    }
    Ok(())
}

/// Sets a webhook's status (after its retries ran out: `degraded`).
pub(crate) fn set_status(st: &mut State, id: Uuid, status: &str) {
    if let Some(w) = st.webhooks.iter_mut().find(|w| w.id == id) {
        w.status = status.to_owned();
    }
}

/// The text at a dot path of an event (`id.object_id`, `actor.type`), if it is a string.
fn at_path<'a>(event: &'a Value, path: &str) -> Option<&'a str> {
    path.split('.')
        .try_fold(event, |v, key| v.get(key))
        .and_then(Value::as_str)
}

/// Whether `event` passes `filter`: `$and` when every condition holds, `$or` when one
/// does; a missing or non-string field equals nothing.
pub(crate) fn passes(filter: Option<&Filter>, event: &Value) -> bool {
    let Some(f) = filter else {
        return true;
    };
    let holds = |c: &crate::model::Condition| {
        let equal = at_path(event, &c.field) == Some(c.value.as_str());
        if c.operator == "not_equals" {
            !equal
        } else {
            equal
        }
    };
    if f.all {
        f.conditions.iter().all(holds)
    } else {
        f.conditions.iter().any(holds)
    }
}

/// The webhooks that receive `event` now: active or degraded ones with a subscription to
/// its type whose filter it passes.
pub(crate) fn receivers(st: &State, event: &Value) -> Vec<WebhookDef> {
    let event_type = event.get("event_type").and_then(Value::as_str);
    st.webhooks
        .iter()
        .filter(|w| w.status != "inactive")
        .filter(|w| {
            w.subscriptions.iter().any(|s| {
                Some(s.event_type.as_str()) == event_type && passes(s.filter.as_ref(), event)
            })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Condition;

    #[test]
    fn loopback_hosts_and_targets() {
        for url in [
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://[::1]:9/",
        ] {
            assert!(is_loopback(url), "{url}");
            assert!(valid_target(url), "{url}");
        }
        assert!(valid_target("https://example.com/attio"));
        assert!(!is_loopback("https://example.com/attio"));
        assert!(!valid_target("http://example.com/attio"));
        assert!(!valid_target("ftp://127.0.0.1/"));
        assert!(!valid_target("not a url"));
    }

    #[test]
    fn filters_compare_dot_paths_as_text() {
        let event = json!({"event_type": "record.updated",
            "id": {"object_id": "o", "attribute_id": "a"}, "actor": {"type": "system", "id": null}});
        let cond = |field: &str, operator: &str, value: &str| Condition {
            field: field.into(),
            operator: operator.into(),
            value: value.into(),
        };
        let and = Filter {
            all: true,
            conditions: vec![
                cond("id.object_id", "equals", "o"),
                cond("id.attribute_id", "equals", "a"),
            ],
        };
        assert!(passes(Some(&and), &event));
        let and_other = Filter {
            all: true,
            conditions: vec![
                cond("id.object_id", "equals", "o"),
                cond("id.attribute_id", "equals", "b"),
            ],
        };
        assert!(!passes(Some(&and_other), &event));
        let or = Filter {
            all: false,
            conditions: vec![
                cond("id.attribute_id", "equals", "b"),
                cond("actor.type", "not_equals", "app"),
            ],
        };
        assert!(passes(Some(&or), &event));
        assert!(!passes(
            Some(&Filter {
                all: false,
                conditions: vec![cond("actor.id", "equals", "x")]
            }),
            &event
        ));
        assert!(passes(None, &event));
    }
}
