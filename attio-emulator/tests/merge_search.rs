//! Search, merge and the request id header at the HTTP level.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn every_answer_has_a_fresh_execution_id() {
    let api = start().await;
    let mut seen = Vec::new();
    for (path, key) in [
        ("/v2/self", api.emu.api_key().to_owned()),
        ("/v2/self", "wrong-key".to_owned()),
        ("/v2/no/such/route", api.emu.api_key().to_owned()),
    ] {
        let resp = api
            .http
            .get(format!("{}{path}", api.emu.base_url()))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        let id = resp.headers()["x-attio-execution-id"]
            .to_str()
            .unwrap()
            .to_owned();
        uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!(api.emu.last_execution_id().as_deref(), Some(id.as_str()));
        assert!(!seen.contains(&id));
        seen.push(id);
    }
}

#[tokio::test]
async fn a_merge_moves_what_pointed_at_the_originals() {
    let api = start().await;
    let company = api
        .create(
            "companies",
            json!({"domains": ["merge.example"], "name": "Merge Co"}),
        )
        .await;
    let first = api
        .create(
            "people",
            json!({"email_addresses": ["a@merge.example"], "company": [{"target_object": "companies", "target_record_id": id(&company)}]}),
        )
        .await;
    let second = api
        .create(
            "people",
            json!({"email_addresses": ["b@merge.example"], "job_title": "Ops"}),
        )
        .await;
    let answer = api
        .ok(
            "POST",
            "/objects/people/records/merge",
            Some(json!({"data": {"primary_record_id": id(&first), "secondary_record_id": id(&second)}})),
        )
        .await;
    let new_id = answer["data"]["new_record_id"].as_str().unwrap().to_owned();
    let merged = api
        .ok("GET", &format!("/objects/people/records/{new_id}"), None)
        .await["data"]
        .clone();
    assert_eq!(
        strs(&merged, "email_addresses", "email_address"),
        ["a@merge.example"]
    );
    assert_eq!(strs(&merged, "job_title", "value"), ["Ops"]);
    assert_eq!(strs(&merged, "record_id", "value"), [new_id.as_str()]);
    // The company's side of the relationship points at the new record.
    let company = api
        .ok(
            "GET",
            &format!("/objects/companies/records/{}", id(&company)),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(
        strs(&company, "team", "target_record_id"),
        [new_id.as_str()]
    );
    for old in [id(&first), id(&second)] {
        api.err(
            "GET",
            &format!("/objects/people/records/{old}"),
            None,
            404,
            "not_found",
        )
        .await;
    }
    // The released email addresses are unique to the new record.
    api.err(
        "POST",
        "/objects/people/records",
        Some(json!({"data": {"values": {"email_addresses": ["a@merge.example"]}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    api.ok(
        "POST",
        "/objects/people/records",
        Some(json!({"data": {"values": {"email_addresses": ["b@merge.example"]}}})),
    )
    .await;
    api.err(
        "POST",
        "/objects/people/records/merge",
        Some(json!({"data": {"primary_record_id": new_id}})),
        400,
        "validation_type",
    )
    .await;
}

#[tokio::test]
async fn search_bodies_are_checked() {
    let api = start().await;
    api.create("people", json!({"email_addresses": ["zed@search.example"]}))
        .await;
    let ok = |body: serde_json::Value| async {
        api.ok("POST", "/objects/records/search", Some(body)).await["data"]
            .as_array()
            .unwrap()
            .len()
    };
    let ws = json!({"type": "workspace"});
    assert_eq!(
        ok(json!({"query": "ZED", "objects": ["people"], "request_as": ws})).await,
        1
    );
    assert_eq!(
        ok(json!({"query": "nobody", "objects": ["people"], "request_as": ws})).await,
        0
    );
    for bad in [
        json!({"objects": ["people"], "request_as": ws}),
        json!({"query": "z", "objects": [], "request_as": ws}),
        json!({"query": "z", "objects": ["people"]}),
        json!({"query": "z", "objects": ["people"], "request_as": ws, "limit": 26}),
    ] {
        api.err(
            "POST",
            "/objects/records/search",
            Some(bad),
            400,
            "validation_type",
        )
        .await;
    }
}
