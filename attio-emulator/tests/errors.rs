//! Every error code of reference §6 that applies to the object, attribute and record
//! endpoints, plus 401. (`immutable_value` and `billing_error` concern lists and plans,
//! which the emulator does not model; 429 is covered in `limits_faults.rs`.)

mod common;

use common::{id, start};
use serde_json::{Value, json};

fn values(v: Value) -> Option<Value> {
    Some(json!({"data": {"values": v}}))
}

#[tokio::test]
async fn unauthorized_without_or_with_a_wrong_key() {
    let api = start().await;
    let url = api.url("/objects");
    for auth in [None, Some("Bearer nope"), Some("Basic abc"), Some("Bearer")] {
        let mut rb = api.http.get(&url);
        if let Some(a) = auth {
            rb = rb.header("authorization", a);
        }
        let r = rb.send().await.unwrap();
        assert_eq!(r.status().as_u16(), 401);
        let v: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
        assert_eq!(v["status_code"], 401);
        assert_eq!(v["type"], "auth_error");
        assert_eq!(v["code"], "unauthorized");
        assert!(v["message"].is_string());
    }
    // Nothing processed for a write without a key.
    let r = api
        .http
        .post(api.url("/objects/companies/records"))
        .body(r#"{"data":{"values":{"name":"x"}}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    assert_eq!(api.emu.record_count("companies"), 0);
    assert_eq!(api.emu.stats().unauthorized, 5);
}

#[tokio::test]
async fn validation_type_for_malformed_bodies() {
    let api = start().await;
    let p = "/objects/people/records";
    // Invalid JSON.
    let r = api
        .http
        .post(api.url(p))
        .bearer_auth(api.emu.api_key())
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let v: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    assert_eq!(v["code"], "validation_type");
    assert_eq!(v["type"], "invalid_request_error");

    // Missing data / values, wrong JSON types: validation_errors with paths.
    let e = api
        .err(
            "POST",
            p,
            Some(json!({"values": {}})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["data"]));
    assert_eq!(e["validation_errors"][0]["received"], "undefined");
    let e = api
        .err("POST", p, Some(json!({"data": {}})), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["data", "values"]));
    let e = api
        .err(
            "POST",
            p,
            Some(json!({"data": {"values": []}})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["expected"], "object");
    assert_eq!(e["validation_errors"][0]["received"], "array");
    let e = api
        .err(
            "POST",
            p,
            Some(json!({"data": "x"})),
            400,
            "validation_type",
        )
        .await;
    for k in ["code", "path", "message", "expected", "received"] {
        assert!(e["validation_errors"][0].get(k).is_some(), "{k}");
    }
}

#[tokio::test]
async fn validation_type_for_bad_values() {
    let api = start().await;
    let p = "/objects/people/records";
    let cases: Vec<(Value, &str)> = vec![
        // Bare value to a multiselect.
        (
            json!({"email_addresses": "a@example.com"}),
            "email_addresses",
        ),
        // Unknown attribute.
        (json!({"shoe_size": 42}), "shoe_size"),
        // Read-only attributes.
        (json!({"created_at": "2024-01-01"}), "created_at"),
        (json!({"record_id": "x"}), "record_id"),
        (
            json!({"twitter_follower_count": 5}),
            "twitter_follower_count",
        ),
        (json!({"avatar_url": "https://x"}), "avatar_url"),
        // Two values for a single attribute.
        (json!({"job_title": ["a", "b"]}), "job_title"),
        // Malformed email.
        (
            json!({"email_addresses": ["not-an-email"]}),
            "email_addresses",
        ),
        // Wrong primitive type.
        (json!({"job_title": 12}), "job_title"),
        // Incomplete location object.
        (
            json!({"primary_location": {"locality": "London"}}),
            "primary_location",
        ),
        // Incomplete personal-name object.
        (json!({"name": {"first_name": "Ada"}}), "name"),
    ];
    for (v, slug) in cases {
        let e = api
            .err("POST", p, values(v.clone()), 400, "validation_type")
            .await;
        assert!(
            e["message"].as_str().unwrap().contains(slug),
            "{v}: message should name {slug}: {e}"
        );
    }
    let e = api
        .err(
            "POST",
            p,
            values(json!({"primary_location": {"locality": "London"}})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "invalid_type");
    // Phone without country information.
    let e = api
        .err(
            "POST",
            p,
            values(json!({"phone_numbers": ["07700 900123"]})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["message"],
        "Invalid phone number, possibly due to missing country information."
    );
    // Currency code cannot be written.
    let members = api.ok("GET", "/workspace_members", None).await;
    let owner = members["data"][0]["email_address"].clone();
    api.err(
        "POST",
        "/objects/deals/records",
        values(json!({"name": "d", "stage": "Lead", "owner": owner,
                      "value": {"currency_value": 5, "currency_code": "EUR"}})),
        400,
        "validation_type",
    )
    .await;
    // A bare UUID string in a reference is read as a domain → not found / invalid.
    let (s, _) = api
        .call(
            "POST",
            p,
            values(json!({"company": "99a03ff3-0435-47da-95cc-76b2caeb4dab"})),
        )
        .await;
    assert_eq!(s, 400);
    assert_eq!(api.emu.record_count("people"), 0);
}

#[tokio::test]
async fn value_not_found_missing_value_and_uniqueness() {
    let api = start().await;
    // value_not_found: select option, status, referenced record, workspace member.
    api.err(
        "POST",
        "/objects/companies/records",
        values(json!({"categories": ["Underwater Basket Weaving"]})),
        400,
        "value_not_found",
    )
    .await;
    let members = api.ok("GET", "/workspace_members", None).await;
    let owner = members["data"][0]["email_address"].clone();
    api.err(
        "POST",
        "/objects/deals/records",
        values(json!({"name": "d", "stage": "Negotiating", "owner": owner})),
        400,
        "value_not_found",
    )
    .await;
    api.err(
        "POST",
        "/objects/people/records",
        values(json!({"company": {"target_object": "companies",
                                   "target_record_id": "99a03ff3-0435-47da-95cc-76b2caeb4dab"}})),
        400,
        "value_not_found",
    )
    .await;
    api.err(
        "POST",
        "/objects/people/records",
        values(json!({"company": {"target_object": "companies", "domains": [{"domain": "nowhere.example"}]}})),
        400,
        "value_not_found",
    )
    .await;
    api.err(
        "POST",
        "/objects/deals/records",
        values(json!({"name": "d", "stage": "Lead", "owner": "stranger@example.com"})),
        400,
        "value_not_found",
    )
    .await;
    // missing_value: required attributes on create, and clearing one on update.
    let e = api
        .err(
            "POST",
            "/objects/deals/records",
            values(json!({"name": "d", "stage": "Lead"})),
            400,
            "missing_value",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains("owner"));
    api.err(
        "POST",
        "/objects/users/records",
        values(json!({"user_id": "u"})),
        400,
        "missing_value",
    )
    .await;
    let ws = api.create("workspaces", json!({"workspace_id": "w"})).await;
    api.err(
        "PATCH",
        &format!("/objects/workspaces/records/{}", id(&ws)),
        values(json!({"workspace_id": []})),
        400,
        "missing_value",
    )
    .await;
    // uniqueness_conflict.
    api.create("companies", json!({"domains": ["a.com"]})).await;
    api.err(
        "POST",
        "/objects/companies/records",
        values(json!({"domains": ["b.com", "A.COM"]})),
        400,
        "uniqueness_conflict",
    )
    .await;
    assert_eq!(api.emu.record_count("companies"), 1);
    assert_eq!(api.emu.record_count("deals"), 0);
    assert_eq!(api.emu.record_count("people"), 0);
    assert_eq!(api.emu.record_count("users"), 0);
}

#[tokio::test]
async fn assert_errors() {
    let api = start().await;
    // Non-unique matching attribute.
    api.err(
        "PUT",
        "/objects/companies/records?matching_attribute=name",
        values(json!({"name": "x"})),
        400,
        "matching_attribute_definition_not_unique",
    )
    .await;
    // Missing matching_attribute.
    let e = api
        .err(
            "PUT",
            "/objects/people/records",
            values(json!({})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["matching_attribute"])
    );
    assert_eq!(e["validation_errors"][0]["code"], "invalid_type");
    // Unknown matching attribute.
    api.err(
        "PUT",
        "/objects/people/records?matching_attribute=nope",
        values(json!({})),
        404,
        "not_found",
    )
    .await;
    // Extra keys next to values are refused (additionalProperties: false).
    api.err(
        "PUT",
        "/objects/people/records?matching_attribute=email_addresses",
        Some(json!({"data": {"values": {"email_addresses": ["a@x.com"]}, "extra": 1}})),
        400,
        "validation_type",
    )
    .await;
    // Several records match.
    api.create("people", json!({"email_addresses": ["one@x.com"]}))
        .await;
    api.create("people", json!({"email_addresses": ["two@x.com"]}))
        .await;
    api.err(
        "PUT",
        "/objects/people/records?matching_attribute=email_addresses",
        values(json!({"email_addresses": ["one@x.com", "two@x.com"]})),
        400,
        "multiple_match_results",
    )
    .await;
    // Deals have no unique attribute.
    api.err(
        "PUT",
        "/objects/deals/records?matching_attribute=name",
        values(json!({"name": "x"})),
        400,
        "matching_attribute_definition_not_unique",
    )
    .await;
}

#[tokio::test]
async fn not_found_slug_conflict_filter_and_system_edit() {
    let api = start().await;
    api.err("GET", "/objects/planets", None, 404, "not_found")
        .await;
    api.err("GET", "/objects/planets/attributes", None, 404, "not_found")
        .await;
    api.err(
        "POST",
        "/objects/planets/records/query",
        Some(json!({})),
        404,
        "not_found",
    )
    .await;
    api.err(
        "GET",
        "/objects/people/records/00000000-0000-4000-8000-000000000000",
        None,
        404,
        "not_found",
    )
    .await;
    api.err(
        "GET",
        "/objects/people/attributes/shoe_size",
        None,
        404,
        "not_found",
    )
    .await;
    api.err("GET", "/nowhere", None, 404, "not_found").await;
    // Malformed record id.
    api.err(
        "GET",
        "/objects/people/records/not-a-uuid",
        None,
        400,
        "validation_type",
    )
    .await;
    // slug_conflict on objects, attributes, options, statuses.
    api.err(
        "POST",
        "/objects",
        Some(json!({"data": {"api_slug": "people", "singular_noun": "P", "plural_noun": "Ps"}})),
        409,
        "slug_conflict",
    )
    .await;
    api.err(
        "POST",
        "/objects/people/attributes",
        Some(json!({"data": {"title": "Name", "description": null, "api_slug": "name", "type": "text",
                             "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}})),
        409,
        "slug_conflict",
    )
    .await;
    api.err(
        "POST",
        "/objects/companies/attributes/categories/options",
        Some(json!({"data": {"title": "SaaS"}})),
        409,
        "slug_conflict",
    )
    .await;
    api.err(
        "POST",
        "/objects/deals/attributes/stage/statuses",
        Some(json!({"data": {"title": "Lead"}})),
        409,
        "slug_conflict",
    )
    .await;
    // filter_error.
    for f in [
        json!({"shoe_size": 1}),
        json!({"name": {"$gt": 3}}),
        json!({"job_title": {"$gt": 3}}),
        json!({"job_title": {"$in": "x"}}),
        json!({"$and": {"job_title": "x"}}),
        json!({"$xor": []}),
        json!({"email_addresses": {"nope": {"$eq": "x"}}}),
        json!({"primary_location": {"latitude": {"$eq": "1"}}}),
        json!("just a string"),
    ] {
        api.err(
            "POST",
            "/objects/people/records/query",
            Some(json!({"filter": f})),
            400,
            "filter_error",
        )
        .await;
    }
    // system_edit_unauthorized.
    api.err(
        "PATCH",
        "/objects/people/attributes/email_addresses",
        Some(json!({"data": {"title": "Emails"}})),
        400,
        "system_edit_unauthorized",
    )
    .await;
}
