//! Webhook CRUD over HTTP: Attio's shapes, the secret shown only by the create, the
//! target URL rule (https, or http on a loopback host), the required `filter` key and
//! the 10..100 page size.

mod common;

use serde_json::{Value, json};

fn new_webhook(url: &str, subscriptions: Value) -> Value {
    json!({"data": {"target_url": url, "subscriptions": subscriptions}})
}

fn created_subs() -> Value {
    json!([
        {"event_type": "record.created", "filter": null},
        {"event_type": "record.updated", "filter": {"$and": [
            {"field": "id.object_id", "operator": "equals", "value": "97052eb9-e65e-443f-a297-f2d9a4a7f795"},
            {"field": "id.attribute_id", "operator": "not_equals", "value": "x"}
        ]}}
    ])
}

#[tokio::test]
async fn create_get_list_patch_delete() {
    let api = common::start().await;
    let v = api
        .ok(
            "POST",
            "/webhooks",
            Some(new_webhook("https://example.com/attio", created_subs())),
        )
        .await;
    let w = &v["data"];
    let secret = w["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 64);
    assert!(
        secret
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_eq!(w["status"], "active");
    assert_eq!(w["target_url"], "https://example.com/attio");
    assert_eq!(w["subscriptions"], created_subs());
    assert!(w["id"]["workspace_id"].is_string());
    assert!(w["created_at"].as_str().unwrap().ends_with('Z'));
    let id = w["id"]["webhook_id"].as_str().unwrap().to_owned();

    let got = api.ok("GET", &format!("/webhooks/{id}"), None).await;
    assert!(got["data"].get("secret").is_none(), "{got}");
    assert_eq!(got["data"]["subscriptions"], created_subs());

    let list = api.ok("GET", "/webhooks", None).await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert!(list["data"][0].get("secret").is_none());

    let patched = api
        .ok(
            "PATCH",
            &format!("/webhooks/{id}"),
            Some(
                json!({"data": {"subscriptions": [{"event_type": "note.created", "filter": {"$or": [
                {"field": "parent_object_id", "operator": "equals", "value": "a"}]}}]}}),
            ),
        )
        .await;
    assert_eq!(patched["data"]["target_url"], "https://example.com/attio");
    assert_eq!(
        patched["data"]["subscriptions"][0]["event_type"],
        "note.created"
    );
    assert_eq!(
        patched["data"]["subscriptions"].as_array().unwrap().len(),
        1
    );
    assert!(patched["data"].get("secret").is_none());

    let patched = api
        .ok(
            "PATCH",
            &format!("/webhooks/{id}"),
            Some(json!({"data": {"target_url": "http://127.0.0.1:9/hook"}})),
        )
        .await;
    assert_eq!(patched["data"]["target_url"], "http://127.0.0.1:9/hook");

    let deleted = api.ok("DELETE", &format!("/webhooks/{id}"), None).await;
    assert_eq!(deleted, json!({}));
    api.err("GET", &format!("/webhooks/{id}"), None, 404, "not_found")
        .await;
    api.err("DELETE", &format!("/webhooks/{id}"), None, 404, "not_found")
        .await;
    api.err(
        "PATCH",
        &format!("/webhooks/{id}"),
        Some(json!({"data": {}})),
        404,
        "not_found",
    )
    .await;
    api.err("GET", "/webhooks/not-a-uuid", None, 400, "validation_type")
        .await;
}

#[tokio::test]
async fn the_target_must_be_https_or_loopback() {
    let api = common::start().await;
    for url in [
        "http://localhost:8080/x",
        "http://127.0.0.1/x",
        "http://[::1]:1/",
    ] {
        api.ok("POST", "/webhooks", Some(new_webhook(url, json!([]))))
            .await;
    }
    for url in [
        "http://example.com/attio",
        "ftp://127.0.0.1/",
        "example.com",
    ] {
        let e = api
            .err(
                "POST",
                "/webhooks",
                Some(new_webhook(url, json!([]))),
                400,
                "validation_type",
            )
            .await;
        assert_eq!(
            e["validation_errors"][0]["path"],
            json!(["data", "target_url"]),
            "{e}"
        );
    }
}

#[tokio::test]
async fn subscriptions_are_checked() {
    let api = common::start().await;
    let cases = [
        // The filter key is required, even when null.
        (
            json!([{"event_type": "record.created"}]),
            json!(["data", "subscriptions", 0, "filter"]),
        ),
        (
            json!([{"event_type": "record.made", "filter": null}]),
            json!(["data", "subscriptions", 0, "event_type"]),
        ),
        (
            json!([{"event_type": "record.created", "filter": {"$not": []}}]),
            json!(["data", "subscriptions", 0, "filter"]),
        ),
        (
            json!([{"event_type": "record.created", "filter": {"$and": [{"field": "x", "operator": "contains", "value": "y"}]}}]),
            json!(["data", "subscriptions", 0, "filter", "$and", 0, "operator"]),
        ),
        (
            json!([{"event_type": "record.created", "filter": {"$or": [{"field": "x", "operator": "equals", "value": 3}]}}]),
            json!(["data", "subscriptions", 0, "filter", "$or", 0, "value"]),
        ),
        (
            json!({"event_type": "record.created"}),
            json!(["data", "subscriptions"]),
        ),
    ];
    for (subs, path) in cases {
        let e = api
            .err(
                "POST",
                "/webhooks",
                Some(new_webhook("https://e.com", subs.clone())),
                400,
                "validation_type",
            )
            .await;
        assert_eq!(e["validation_errors"][0]["path"], path, "{subs}: {e}");
    }
    let e = api
        .err(
            "POST",
            "/webhooks",
            Some(json!({"data": {"subscriptions": []}})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "target_url"])
    );
    let mut body = new_webhook("https://e.com", json!([]));
    body["data"]["secret"] = json!("mine");
    api.err("POST", "/webhooks", Some(body), 400, "validation_type")
        .await;
    assert_eq!(api.ok("GET", "/webhooks", None).await["data"], json!([]));
}

#[tokio::test]
async fn the_list_pages_between_10_and_100() {
    let api = common::start().await;
    for i in 0..12 {
        api.ok(
            "POST",
            "/webhooks",
            Some(new_webhook(&format!("https://e.com/{i}"), json!([]))),
        )
        .await;
    }
    let page = |v: Value| {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["target_url"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(page(api.ok("GET", "/webhooks", None).await).len(), 10);
    let rest = page(api.ok("GET", "/webhooks?limit=10&offset=10", None).await);
    assert_eq!(rest, ["https://e.com/10", "https://e.com/11"]);
    assert_eq!(
        page(api.ok("GET", "/webhooks?limit=100", None).await).len(),
        12
    );
    api.err("GET", "/webhooks?limit=9", None, 400, "validation_type")
        .await;
    api.err("GET", "/webhooks?limit=101", None, 400, "validation_type")
        .await;
}
