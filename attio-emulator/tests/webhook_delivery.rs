//! Webhook deliveries: the events of writes, matched against subscriptions and filters,
//! POSTed signed to a loopback target, retried with the same `Idempotency-Key`, the
//! webhook `degraded` after the retries run out; nothing for an inactive webhook, and
//! nothing sent to a host that is not loopback.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio_emulator::{DeliveryOutcome, Emulator};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

/// One request the target received.
#[derive(Clone, Debug)]
struct Received {
    headers: HeaderMap,
    body: String,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn event(&self) -> Value {
        let v: Value = serde_json::from_str(&self.body).unwrap();
        assert_eq!(v["events"].as_array().unwrap().len(), 1);
        v["events"][0].clone()
    }
}

/// A target on loopback that answers the statuses of `script` in turn, then 200.
struct Target {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

async fn target(script: Vec<u16>) -> Target {
    let received = Arc::new(Mutex::new(Vec::<Received>::new()));
    let log = Arc::clone(&received);
    let script = Arc::new(Mutex::new(script.into_iter()));
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: String| {
            let log = Arc::clone(&log);
            let script = Arc::clone(&script);
            async move {
                log.lock().unwrap().push(Received { headers, body });
                let status = script.lock().unwrap().next().unwrap_or(200);
                StatusCode::from_u16(status).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Target { url, received }
}

impl Target {
    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn start(delays: &[u64]) -> common::Api {
    common::with(
        Emulator::builder()
            .no_rate_limits()
            .webhook_retry_delays(delays.iter().map(|ms| Duration::from_millis(*ms))),
    )
    .await
}

/// Creates a webhook and returns `(id, secret)`.
async fn subscribe(api: &common::Api, url: &str, subscriptions: Value) -> (String, String) {
    let v = api
        .ok(
            "POST",
            "/webhooks",
            Some(json!({"data": {"target_url": url, "subscriptions": subscriptions}})),
        )
        .await;
    (
        v["data"]["id"]["webhook_id"].as_str().unwrap().to_owned(),
        v["data"]["secret"].as_str().unwrap().to_owned(),
    )
}

fn sign(secret: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn record_events_are_delivered_signed() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    let all = json!([
        {"event_type": "record.created", "filter": null},
        {"event_type": "record.updated", "filter": null},
        {"event_type": "record.deleted", "filter": null}
    ]);
    let (hook, secret) = subscribe(&api, &t.url, all).await;
    let person = api
        .create("people", json!({"email_addresses": ["ada@example.com"]}))
        .await;
    let rid = person["id"]["record_id"].as_str().unwrap();
    let object_id = person["id"]["object_id"].as_str().unwrap();
    api.ok(
        "PATCH",
        &format!("/objects/people/records/{rid}"),
        Some(json!({"data": {"values": {"job_title": "Engineer", "description": "Counts"}}})),
    )
    .await;
    api.ok("DELETE", &format!("/objects/people/records/{rid}"), None)
        .await;
    api.emu.wait_for_webhooks().await;

    let got = t.received();
    let types: Vec<String> = got
        .iter()
        .map(|r| r.event()["event_type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        types,
        [
            "record.created",
            "record.updated",
            "record.updated",
            "record.deleted"
        ]
    );
    for r in &got {
        let body: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(body["webhook_id"], hook);
        let sig = sign(&secret, &r.body);
        assert_eq!(r.header("attio-signature"), sig);
        assert_eq!(r.header("x-attio-signature"), sig);
        assert_eq!(r.header("content-type"), "application/json");
        assert_eq!(r.header("idempotency-key").len(), 36);
        let e = r.event();
        assert_eq!(e["id"]["object_id"], object_id);
        assert_eq!(e["id"]["record_id"], rid);
        assert_eq!(e["actor"]["type"], "api-token");
    }
    // One record.updated per changed attribute, each naming its attribute.
    let attrs: Vec<Value> = got[1..3]
        .iter()
        .map(|r| r.event()["id"]["attribute_id"].clone())
        .collect();
    assert_ne!(attrs[0], attrs[1]);
    assert!(attrs.iter().all(Value::is_string));
    let keys: std::collections::HashSet<&str> =
        got.iter().map(|r| r.header("idempotency-key")).collect();
    assert_eq!(keys.len(), 4);
    assert!(
        api.emu
            .webhook_deliveries()
            .iter()
            .all(|d| d.outcome == DeliveryOutcome::Delivered)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_and_filter_passes_only_the_matching_changes() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    let attrs = api.ok("GET", "/objects/people/attributes", None).await;
    let attr_id = |slug: &str| {
        attrs["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["api_slug"] == slug)
            .unwrap()["id"]["attribute_id"]
            .clone()
    };
    let people = api.ok("GET", "/objects/people", None).await["data"]["id"]["object_id"].clone();
    let companies =
        api.ok("GET", "/objects/companies", None).await["data"]["id"]["object_id"].clone();
    let job_title = attr_id("job_title");
    let filter = |object: &Value| {
        json!({"$and": [
            {"field": "id.object_id", "operator": "equals", "value": object},
            {"field": "id.attribute_id", "operator": "equals", "value": job_title},
        ]})
    };
    subscribe(
        &api,
        &t.url,
        json!([{"event_type": "record.updated", "filter": filter(&people)}]),
    )
    .await;
    // Never passes: the object is not people's.
    let other = target(vec![]).await;
    subscribe(
        &api,
        &other.url,
        json!([{"event_type": "record.updated", "filter": filter(&companies)}]),
    )
    .await;
    let rid = api
        .create("people", json!({"email_addresses": ["b@example.com"]}))
        .await["id"]["record_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/objects/people/records/{rid}");
    for values in [
        json!({"description": "x"}),
        json!({"job_title": "CTO", "description": "y"}),
        json!({"name": "Lovelace, Ada"}),
    ] {
        api.ok("PATCH", &path, Some(json!({"data": {"values": values}})))
            .await;
    }
    api.emu.wait_for_webhooks().await;
    let got = t.received();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].event()["id"]["attribute_id"], job_title);
    assert!(other.received().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_delivery_is_retried_with_the_same_idempotency_key() {
    let api = start(&[10, 10, 10]).await;
    let t = target(vec![500, 500]).await;
    let (hook, _) = subscribe(
        &api,
        &t.url,
        json!([{"event_type": "record.created", "filter": null}]),
    )
    .await;
    api.create("people", json!({"email_addresses": ["c@example.com"]}))
        .await;
    api.emu.wait_for_webhooks().await;
    let got = t.received();
    assert_eq!(got.len(), 3);
    let key = got[0].header("idempotency-key");
    assert!(got.iter().all(|r| r.header("idempotency-key") == key));
    assert!(got.iter().all(|r| r.body == got[0].body));
    let d = &api.emu.webhook_deliveries()[0];
    assert_eq!(d.attempts, [Ok(500), Ok(500), Ok(200)]);
    assert_eq!(d.outcome, DeliveryOutcome::Delivered);
    assert_eq!(d.idempotency_key, key);
    let w = api.ok("GET", &format!("/webhooks/{hook}"), None).await;
    assert_eq!(w["data"]["status"], "active");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_turns_degraded_after_the_retries_run_out() {
    let api = start(&[5, 5]).await;
    let t = target(vec![500; 10]).await;
    let (hook, _) = subscribe(
        &api,
        &t.url,
        json!([{"event_type": "record.created", "filter": null}]),
    )
    .await;
    api.create("people", json!({"email_addresses": ["d@example.com"]}))
        .await;
    api.emu.wait_for_webhooks().await;
    assert_eq!(t.received().len(), 3);
    let d = &api.emu.webhook_deliveries()[0];
    assert_eq!(d.outcome, DeliveryOutcome::Failed);
    let w = api.ok("GET", &format!("/webhooks/{hook}"), None).await;
    assert_eq!(w["data"]["status"], "degraded");

    // A degraded webhook still receives events.
    api.create("people", json!({"email_addresses": ["e@example.com"]}))
        .await;
    api.emu.wait_for_webhooks().await;
    assert_eq!(t.received().len(), 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_goes_to_an_inactive_webhook() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    let (hook, _) = subscribe(
        &api,
        &t.url,
        json!([{"event_type": "record.created", "filter": null}]),
    )
    .await;
    assert!(
        api.emu
            .set_webhook_status(hook.parse().unwrap(), "inactive")
    );
    api.create("people", json!({"email_addresses": ["f@example.com"]}))
        .await;
    api.emu.wait_for_webhooks().await;
    assert!(t.received().is_empty());
    assert!(api.emu.webhook_deliveries().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_that_is_not_loopback_is_never_contacted() {
    let api = start(&[10]).await;
    let (hook, secret) = subscribe(
        &api,
        "https://hooks.example.com/attio",
        json!([{"event_type": "record.created", "filter": null}]),
    )
    .await;
    api.create("people", json!({"email_addresses": ["g@example.com"]}))
        .await;
    api.emu.wait_for_webhooks().await;
    let all = api.emu.webhook_deliveries();
    assert_eq!(all.len(), 1);
    let d = &all[0];
    assert_eq!(d.outcome, DeliveryOutcome::NotContacted);
    assert!(d.attempts.is_empty());
    assert_eq!(d.webhook_id.to_string(), hook);
    assert_eq!(d.signature, sign(&secret, &d.body));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_entry_and_schema_events() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    subscribe(
        &api,
        &t.url,
        json!([
            {"event_type": "list.created", "filter": null},
            {"event_type": "list-entry.created", "filter": null},
            {"event_type": "object-attribute.created", "filter": null}
        ]),
    )
    .await;
    let list = api
        .ok(
            "POST",
            "/lists",
            Some(
                json!({"data": {"name": "Hiring", "api_slug": "hiring", "parent_object": "people",
                "workspace_access": "full-access", "workspace_member_access": []}}),
            ),
        )
        .await;
    let list_id = list["data"]["id"]["list_id"].clone();
    let person = api
        .create("people", json!({"email_addresses": ["h@example.com"]}))
        .await;
    api.ok(
        "POST",
        "/lists/hiring/entries",
        Some(json!({"data": {"parent_record_id": person["id"]["record_id"], "parent_object": "people", "entry_values": {}}})),
    )
    .await;
    api.ok(
        "POST",
        "/objects/people/attributes",
        Some(json!({"data": {"title": "Score", "description": null, "api_slug": "score", "type": "number",
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}})),
    )
    .await;
    api.emu.wait_for_webhooks().await;
    let events: Vec<Value> = t.received().iter().map(Received::event).collect();
    let types: Vec<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "list.created",
            "list-entry.created",
            "object-attribute.created"
        ]
    );
    assert_eq!(events[0]["id"]["list_id"], list_id);
    assert_eq!(events[1]["id"]["list_id"], list_id);
    assert_eq!(events[1]["parent_record_id"], person["id"]["record_id"]);
    assert_eq!(events[1]["parent_object_id"], person["id"]["object_id"]);
    assert_eq!(events[2]["id"]["object_id"], person["id"]["object_id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn entry_updates_pass_a_list_and_attribute_filter_and_die_with_their_parent() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    let list = api
        .ok(
            "POST",
            "/lists",
            Some(json!({"data": {"name": "Pipeline", "api_slug": "pipeline", "parent_object": "people",
                "workspace_access": "full-access", "workspace_member_access": []}})),
        )
        .await["data"]
        .clone();
    let list_id = list["id"]["list_id"].clone();
    for slug in ["stage_note", "owner_note"] {
        api.ok(
            "POST",
            "/lists/pipeline/attributes",
            Some(json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": "text",
                "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}})),
        )
        .await;
    }
    let attrs = api.ok("GET", "/lists/pipeline/attributes", None).await;
    let stage_note = attrs["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["api_slug"] == "stage_note")
        .unwrap()["id"]["attribute_id"]
        .clone();
    subscribe(
        &api,
        &t.url,
        json!([
            {"event_type": "list-entry.updated", "filter": {"$and": [
                {"field": "id.list_id", "operator": "equals", "value": list_id},
                {"field": "id.attribute_id", "operator": "equals", "value": stage_note},
            ]}},
            {"event_type": "list-entry.deleted", "filter": null},
            {"event_type": "record.deleted", "filter": null}
        ]),
    )
    .await;
    let person = api
        .create("people", json!({"email_addresses": ["i@example.com"]}))
        .await;
    let rid = person["id"]["record_id"].as_str().unwrap().to_owned();
    let entry = api
        .ok(
            "POST",
            "/lists/pipeline/entries",
            Some(json!({"data": {"parent_record_id": rid, "parent_object": "people", "entry_values": {}}})),
        )
        .await["data"]
        .clone();
    let eid = entry["id"]["entry_id"].as_str().unwrap().to_owned();
    for values in [
        json!({"owner_note": "x"}),
        json!({"stage_note": "won", "owner_note": "y"}),
    ] {
        api.ok(
            "PATCH",
            &format!("/lists/pipeline/entries/{eid}"),
            Some(json!({"data": {"entry_values": values}})),
        )
        .await;
    }
    api.ok("DELETE", &format!("/objects/people/records/{rid}"), None)
        .await;
    api.emu.wait_for_webhooks().await;
    let events: Vec<Value> = t.received().iter().map(Received::event).collect();
    let types: Vec<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["list-entry.updated", "list-entry.deleted", "record.deleted"]
    );
    assert_eq!(events[0]["id"]["attribute_id"], stage_note);
    assert_eq!(events[0]["id"]["entry_id"], eid);
    assert_eq!(events[0]["parent_record_id"], rid);
    assert_eq!(events[1]["id"]["entry_id"], eid);
    assert_eq!(events[1]["parent_record_id"], rid);
    assert_eq!(events[2]["id"]["record_id"], rid);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn note_task_and_comment_events() {
    let api = start(&[10]).await;
    let t = target(vec![]).await;
    subscribe(
        &api,
        &t.url,
        json!([
            {"event_type": "note.created", "filter": null},
            {"event_type": "note.deleted", "filter": null},
            {"event_type": "task.created", "filter": null},
            {"event_type": "task.updated", "filter": null},
            {"event_type": "comment.created", "filter": null},
            {"event_type": "comment.deleted", "filter": null}
        ]),
    )
    .await;
    let person = api
        .create("people", json!({"email_addresses": ["n@example.com"]}))
        .await;
    let (object_id, record_id) = (
        person["id"]["object_id"].clone(),
        person["id"]["record_id"].clone(),
    );
    let note = api
        .ok(
            "POST",
            "/notes",
            Some(
                json!({"data": {"parent_object": "people", "parent_record_id": record_id,
                "title": "Call", "format": "plaintext", "content": "Went well"}}),
            ),
        )
        .await;
    let task = api
        .ok(
            "POST",
            "/tasks",
            Some(json!({"data": {"content": "Follow up", "format": "plaintext",
                "deadline_at": null, "is_completed": false, "linked_records": [], "assignees": []}})),
        )
        .await;
    let task_id = task["data"]["id"]["task_id"].as_str().unwrap().to_owned();
    api.ok(
        "PATCH",
        &format!("/tasks/{task_id}"),
        Some(json!({"data": {"is_completed": true}})),
    )
    .await;
    let member =
        api.ok("GET", "/workspace_members", None).await["data"][0]["id"]["workspace_member_id"]
            .clone();
    let comment = api
        .ok(
            "POST",
            "/comments",
            Some(json!({"data": {"format": "plaintext", "content": "Nice",
                "author": {"type": "workspace-member", "id": member},
                "record": {"object": "people", "record_id": record_id}}})),
        )
        .await;
    // Deleting the person takes its note and its comment thread with it.
    api.ok(
        "DELETE",
        &format!("/objects/people/records/{}", record_id.as_str().unwrap()),
        None,
    )
    .await;
    api.emu.wait_for_webhooks().await;
    let events: Vec<Value> = t.received().iter().map(Received::event).collect();
    let types: Vec<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "note.created",
            "task.created",
            "task.updated",
            "comment.created",
            "note.deleted",
            "comment.deleted"
        ]
    );
    assert_eq!(events[0]["id"]["note_id"], note["data"]["id"]["note_id"]);
    assert_eq!(events[0]["parent_object_id"], object_id);
    assert_eq!(events[0]["parent_record_id"], record_id);
    assert_eq!(events[1]["id"]["task_id"], json!(task_id));
    let c = &events[3];
    assert_eq!(c["id"]["comment_id"], comment["data"]["id"]["comment_id"]);
    assert_eq!(c["thread_id"], comment["data"]["thread_id"]);
    assert_eq!(c["object_id"], object_id);
    assert_eq!(c["record_id"], record_id);
    assert_eq!(c["list_id"], Value::Null);
    assert_eq!(events[5]["id"]["comment_id"], c["id"]["comment_id"]);
}
