//! `POST …/records/query`: every filter operator per attribute type (on a custom object
//! with an attribute of every creatable type, and on people), logical operators, path
//! filters, sorts, and limit/offset pagination across 1,200 records.

mod common;

use std::collections::BTreeSet;

use common::{Api, id, start, strs};
use serde_json::{Value, json};

async fn attr(api: &Api, object: &str, slug: &str, ty: &str, multi: bool, config: Value) {
    api.ok(
        "POST",
        &format!("/objects/{object}/attributes"),
        Some(json!({"data": {
            "title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": multi, "config": config}})),
    )
    .await;
}

/// A custom object `gadgets` with one attribute of every creatable type and three records.
async fn gadgets(api: &Api) -> (String, String) {
    api.ok(
        "POST",
        "/objects",
        Some(json!({"data": {"api_slug": "gadgets", "singular_noun": "Gadget", "plural_noun": "Gadgets"}})),
    )
    .await;
    let none = json!({});
    attr(api, "gadgets", "title", "text", false, none.clone()).await;
    attr(api, "gadgets", "weight", "number", false, none.clone()).await;
    attr(api, "gadgets", "active", "checkbox", false, none.clone()).await;
    attr(
        api,
        "gadgets",
        "price",
        "currency",
        false,
        json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
    )
    .await;
    attr(api, "gadgets", "launched", "date", false, none.clone()).await;
    attr(api, "gadgets", "seen_at", "timestamp", false, none.clone()).await;
    attr(api, "gadgets", "stars", "rating", false, none.clone()).await;
    attr(api, "gadgets", "phase", "status", false, none.clone()).await;
    attr(api, "gadgets", "tags", "select", true, none.clone()).await;
    attr(
        api,
        "gadgets",
        "owner",
        "actor-reference",
        false,
        none.clone(),
    )
    .await;
    attr(
        api,
        "gadgets",
        "maker",
        "record-reference",
        false,
        json!({"record_reference": {"allowed_objects": ["companies"]}}),
    )
    .await;
    attr(api, "gadgets", "site", "location", false, none.clone()).await;
    attr(api, "gadgets", "hosts", "domain", true, none.clone()).await;
    attr(
        api,
        "gadgets",
        "contacts",
        "email-address",
        true,
        none.clone(),
    )
    .await;
    attr(api, "gadgets", "phones", "phone-number", true, none.clone()).await;
    for s in ["Alpha", "Beta"] {
        api.ok(
            "POST",
            "/objects/gadgets/attributes/phase/statuses",
            Some(json!({"data": {"title": s}})),
        )
        .await;
    }
    for o in ["red", "green", "blue"] {
        api.ok(
            "POST",
            "/objects/gadgets/attributes/tags/options",
            Some(json!({"data": {"title": o}})),
        )
        .await;
    }
    let c1 = id(&api
        .create(
            "companies",
            json!({"name": "Acme", "domains": ["acme.com"]}),
        )
        .await);
    let c2 = id(&api
        .create("companies", json!({"name": "Bolt", "domains": ["bolt.io"]}))
        .await);
    let owner = api.ok("GET", "/workspace_members", None).await["data"][0]["email_address"].clone();
    let loc = |locality: &str, cc: &str| {
        json!({"line_1": "1 Main St", "line_2": null, "line_3": null, "line_4": null, "locality": locality,
               "region": null, "postcode": "N1", "country_code": cc, "latitude": "51.5", "longitude": "-0.12"})
    };
    api.create(
        "gadgets",
        json!({"title": "Alpha widget", "weight": 1.5, "active": true, "price": 10, "launched": "2023-01-15",
               "seen_at": "2024-01-01T10:00:00Z", "stars": 5, "phase": "Alpha", "tags": ["red", "green"],
               "owner": owner, "maker": {"target_object": "companies", "target_record_id": c1},
               "site": loc("London", "GB"), "hosts": ["app.alpha.com"], "contacts": ["a@alpha.com"],
               "phones": ["+447700900001"]}),
    )
    .await;
    api.create(
        "gadgets",
        json!({"title": "Beta gizmo", "weight": 3, "active": "false", "price": "20.5", "launched": "2023-06",
               "seen_at": "2024-06-01T12:00:00+02:00", "stars": {"value": 2}, "phase": {"status": "Beta"},
               "tags": [{"option": "blue"}], "maker": "bolt.io",
               "site": loc("Paris", "FR"), "hosts": [{"domain": "beta.io"}], "contacts": [{"email_address": "B@Beta.io"}],
               "phones": [{"original_phone_number": "01 23 45 67 89", "country_code": "FR"}]}),
    )
    .await;
    api.create("gadgets", json!({"title": "Gamma", "weight": 10}))
        .await;
    (c1, c2)
}

async fn titles(api: &Api, filter: Value) -> Vec<String> {
    let mut t: Vec<String> = api
        .query("gadgets", json!({"filter": filter}))
        .await
        .iter()
        .map(|r| strs(r, "title", "value")[0].clone())
        .collect();
    t.sort();
    t
}

const A: &str = "Alpha widget";
const B: &str = "Beta gizmo";
const G: &str = "Gamma";

#[tokio::test]
async fn every_operator_per_type() {
    let api = start().await;
    let (c1, _c2) = gadgets(&api).await;
    let cases: Vec<(Value, Vec<&str>)> = vec![
        // text
        (json!({"title": "Gamma"}), vec![G]),
        (json!({"title": {"$eq": "Gamma"}}), vec![G]),
        (json!({"title": {"value": {"$eq": "Gamma"}}}), vec![G]),
        (
            json!({"title": {"$in": ["Gamma", "Beta gizmo"]}}),
            vec![B, G],
        ),
        (json!({"title": {"$contains": "WID"}}), vec![A]),
        (json!({"title": {"$starts_with": "beta"}}), vec![B]),
        (json!({"title": {"$ends_with": "mo"}}), vec![B]),
        (
            json!({"title": {"$starts_with": "a", "$ends_with": "et"}}),
            vec![A],
        ),
        // number
        (json!({"weight": 3}), vec![B]),
        (json!({"weight": {"$gt": 1.5}}), vec![B, G]),
        (json!({"weight": {"$gte": 1.5}}), vec![A, B, G]),
        (json!({"weight": {"$lt": 3}}), vec![A]),
        (json!({"weight": {"$lte": 3}}), vec![A, B]),
        (json!({"weight": {"$gt": 1, "$lt": 5}}), vec![A, B]),
        // checkbox
        (json!({"active": true}), vec![A]),
        (json!({"active": {"$eq": false}}), vec![B]),
        // currency (number or string operands)
        (json!({"price": 10}), vec![A]),
        (json!({"price": {"$gt": "15"}}), vec![B]),
        (
            json!({"price": {"currency_value": {"$lte": 20.5}}}),
            vec![A, B],
        ),
        (json!({"price": {"$gte": 10, "$lt": 20}}), vec![A]),
        // date
        (json!({"launched": "2023-06-01"}), vec![B]),
        (json!({"launched": {"$lt": "2023-03-01"}}), vec![A]),
        (json!({"launched": {"$gte": "2023-01-15"}}), vec![A, B]),
        (
            json!({"launched": {"$gt": "2023-01-15", "$lte": "2023-12-31"}}),
            vec![B],
        ),
        // timestamp (offsets converted to UTC)
        (
            json!({"seen_at": "2024-06-01T10:00:00.000000000Z"}),
            vec![B],
        ),
        (json!({"seen_at": {"$gt": "2024-03-01T00:00:00Z"}}), vec![B]),
        (
            json!({"seen_at": {"$lte": "2024-01-01T10:00:00Z"}}),
            vec![A],
        ),
        (
            json!({"seen_at": {"$gte": "2024-01-01T10:00:00Z", "$lt": "2025-01-01T00:00:00Z"}}),
            vec![A, B],
        ),
        // rating
        (json!({"stars": 5}), vec![A]),
        (json!({"stars": {"$lt": 5}}), vec![B]),
        (json!({"stars": {"$gte": 2, "$lte": 4}}), vec![B]),
        // status (title or id)
        (json!({"phase": "Beta"}), vec![B]),
        (json!({"phase": {"status": {"$eq": "Alpha"}}}), vec![A]),
        (
            json!({"phase": {"active_from": {"$gt": "2000-01-01T00:00:00Z"}}}),
            vec![A, B],
        ),
        // select (title or id); several via $or
        (json!({"tags": "green"}), vec![A]),
        (json!({"tags": {"option": {"$eq": "blue"}}}), vec![B]),
        (
            json!({"$or": [{"tags": "red"}, {"tags": "blue"}]}),
            vec![A, B],
        ),
        (json!({"tags": {"$not_empty": true}}), vec![A, B]),
        (json!({"tags": {"$not_empty": false}}), vec![G]),
        // record reference
        (
            json!({"maker": {"target_object": "companies", "target_record_id": c1}}),
            vec![A],
        ),
        (
            json!({"maker": {"target_record_id": {"$in": [c1]}}}),
            vec![A],
        ),
        (json!({"maker": {"target_object": "companies"}}), vec![A, B]),
        // location
        (json!({"site": {"locality": "Paris"}}), vec![B]),
        (json!({"site": {"locality": {"$contains": "ond"}}}), vec![A]),
        (
            json!({"site": {"country_code": {"$starts_with": "G"}}}),
            vec![A],
        ),
        (
            json!({"site": {"postcode": {"$ends_with": "1"}}}),
            vec![A, B],
        ),
        (
            json!({"site": {"line_1": {"$starts_with": "1 Main"}}}),
            vec![A, B],
        ),
        // domain
        (json!({"hosts": "beta.io"}), vec![B]),
        (json!({"hosts": {"root_domain": "alpha.com"}}), vec![A]),
        (
            json!({"hosts": {"domain": {"$starts_with": "app."}}}),
            vec![A],
        ),
        (json!({"hosts": {"domain": {"$contains": "eta"}}}), vec![B]),
        (json!({"hosts": {"domain": {"$ends_with": ".io"}}}), vec![B]),
        (json!({"hosts": {"$not_empty": true}}), vec![A, B]),
        // email (case-insensitive)
        (json!({"contacts": "b@beta.io"}), vec![B]),
        (
            json!({"contacts": {"email_address": {"$eq": "A@ALPHA.COM"}}}),
            vec![A],
        ),
        (json!({"contacts": {"email_domain": "beta.io"}}), vec![B]),
        (
            json!({"contacts": {"email_address": {"$contains": "@alpha"}}}),
            vec![A],
        ),
        (
            json!({"contacts": {"email_address": {"$starts_with": "b@"}}}),
            vec![B],
        ),
        (
            json!({"contacts": {"email_address": {"$ends_with": ".com"}}}),
            vec![A],
        ),
        // phone (normalised number)
        (json!({"phones": "+33123456789"}), vec![B]),
        (
            json!({"phones": {"$starts_with": "+44", "$ends_with": "001"}}),
            vec![A],
        ),
        (
            json!({"phones": {"phone_number": {"$contains": "7700"}}}),
            vec![A],
        ),
        (json!({"phones": {"country_code": "FR"}}), vec![B]),
        // actor reference
        (
            json!({"owner": {"referenced_actor_type": "workspace-member"}}),
            vec![A],
        ),
        // logical
        (
            json!({"$and": [{"weight": {"$gt": 1}}, {"active": true}]}),
            vec![A],
        ),
        (
            json!({"$or": [{"title": "Gamma"}, {"stars": 2}]}),
            vec![B, G],
        ),
        (json!({"$not": {"title": "Gamma"}}), vec![A, B]),
        (json!({"weight": {"$gt": 1}, "tags": "blue"}), vec![B]),
        // not_empty on a text
        (json!({"title": {"$not_empty": true}}), vec![A, B, G]),
        // path: gadgets → maker → companies.name
        (
            json!({"path": [["gadgets", "maker"], ["companies", "name"]], "constraints": {"value": {"$eq": "Bolt"}}}),
            vec![B],
        ),
        (
            json!({"path": [["gadgets", "maker"], ["companies", "domains"]], "constraints": {"domain": {"$ends_with": ".com"}}}),
            vec![A],
        ),
    ];
    for (f, want) in cases {
        assert_eq!(titles(&api, f.clone()).await, want, "filter {f}");
    }
    // record_id is filterable.
    let all = api.query("gadgets", json!({})).await;
    let ids: Vec<String> = all.iter().take(2).map(id).collect();
    assert_eq!(
        titles(&api, json!({"record_id": {"$in": ids}})).await,
        vec![A, B]
    );
    assert_eq!(
        titles(&api, json!({"record_id": id(&all[2])})).await,
        vec![G]
    );
}

#[tokio::test]
async fn people_filters_shorthand_and_verbose() {
    let api = start().await;
    let acme = api
        .create(
            "companies",
            json!({"name": "Acme", "domains": ["acme.com"]}),
        )
        .await;
    api.create(
        "people",
        json!({"name": "Smith, John", "email_addresses": ["john@smith.com"],
               "company": {"target_object": "companies", "target_record_id": id(&acme)}}),
    )
    .await;
    api.create(
        "people",
        json!({"name": "Lovelace, Ada", "email_addresses": ["ada@example.com", "ada@acme.com"]}),
    )
    .await;
    let names = |rs: Vec<Value>| {
        let mut v: Vec<String> = rs
            .iter()
            .map(|r| strs(r, "name", "full_name")[0].clone())
            .collect();
        v.sort();
        v
    };
    let q = |f: Value| api.query("people", json!({"filter": f}));
    assert_eq!(
        names(q(json!({"name": "John Smith"})).await),
        ["John Smith"]
    );
    assert_eq!(
        names(q(json!({"name": "John Smith", "email_addresses": "john@smith.com"})).await),
        ["John Smith"]
    );
    assert_eq!(
        names(
            q(
                json!({"$and": [{"name": {"full_name": {"$eq": "Ada Lovelace"}}},
                                 {"email_addresses": {"email_address": {"$eq": "ADA@acme.com"}}}]})
            )
            .await
        ),
        ["Ada Lovelace"]
    );
    assert_eq!(
        names(q(json!({"name": {"first_name": {"$contains": "oh"}}})).await),
        ["John Smith"]
    );
    assert_eq!(
        names(q(json!({"name": {"last_name": {"$starts_with": "Love"}}})).await),
        ["Ada Lovelace"]
    );
    assert_eq!(
        names(q(json!({"name": {"full_name": {"$ends_with": "ith"}}})).await),
        ["John Smith"]
    );
    assert_eq!(
        names(q(json!({"company": {"$not_empty": true}})).await),
        ["John Smith"]
    );
    assert_eq!(
        names(
            q(
                json!({"path": [["people", "company"], ["companies", "domains"]],
                        "constraints": {"root_domain": {"$eq": "acme.com"}}})
            )
            .await
        ),
        ["John Smith"]
    );
    assert_eq!(
        names(q(json!({"email_addresses": {"email_root_domain": "acme.com"}})).await),
        ["Ada Lovelace"]
    );
}

#[tokio::test]
async fn sorts() {
    let api = start().await;
    gadgets(&api).await;
    let order = |rs: Vec<Value>| -> Vec<String> {
        rs.iter()
            .map(|r| strs(r, "title", "value")[0].clone())
            .collect()
    };
    let q = |s: Value| api.query("gadgets", json!({"sorts": s}));
    assert_eq!(
        order(q(json!([{"direction": "asc", "attribute": "weight"}])).await),
        [A, B, G]
    );
    assert_eq!(
        order(q(json!([{"direction": "desc", "attribute": "weight"}])).await),
        [G, B, A]
    );
    assert_eq!(
        order(q(json!([{"direction": "desc", "attribute": "title"}])).await),
        [G, B, A]
    );
    // Empty values sort last, in both directions.
    assert_eq!(
        order(q(json!([{"direction": "asc", "attribute": "stars"}])).await),
        [B, A, G]
    );
    // Select by title, status by title.
    assert_eq!(
        order(q(json!([{"direction": "asc", "attribute": "tags"}])).await),
        [B, A, G]
    );
    assert_eq!(
        order(q(json!([{"direction": "desc", "attribute": "phase"}])).await),
        [B, A, G]
    );
    // field, path, several criteria.
    assert_eq!(
        order(q(json!([{"direction": "asc", "attribute": "site", "field": "locality"}])).await),
        [A, B, G]
    );
    assert_eq!(
        order(q(json!([{"direction": "desc", "path": [["gadgets", "maker"], ["companies", "name"]]}])).await),
        [B, A, G]
    );
    assert_eq!(
        order(q(json!([{"direction": "asc", "attribute": "active"}, {"direction": "desc", "attribute": "weight"}])).await),
        [B, A, G]
    );
    // Sort and filter together.
    let r = api
        .query(
            "gadgets",
            json!({"filter": {"weight": {"$gt": 1}}, "sorts": [{"direction": "desc", "attribute": "launched"}]}),
        )
        .await;
    assert_eq!(order(r), [B, A, G]);
    // Bad sorts.
    api.err(
        "POST",
        "/objects/gadgets/records/query",
        Some(json!({"sorts": [{"direction": "sideways", "attribute": "title"}]})),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "POST",
        "/objects/gadgets/records/query",
        Some(json!({"sorts": [{"direction": "asc", "attribute": "nope"}]})),
        400,
        "filter_error",
    )
    .await;
    // People by last name.
    api.create("people", json!({"name": "Zed, Amy"})).await;
    api.create("people", json!({"name": "Abbot, Zoe"})).await;
    let r = api
        .query(
            "people",
            json!({"sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}]}),
        )
        .await;
    assert_eq!(strs(&r[0], "name", "last_name"), ["Abbot"]);
    let r = api
        .query(
            "people",
            json!({"sorts": [{"direction": "asc", "attribute": "name", "field": "first_name"}]}),
        )
        .await;
    assert_eq!(strs(&r[0], "name", "first_name"), ["Amy"]);
}

#[tokio::test]
async fn pagination_across_1200_records() {
    let api = start().await; // rate limits off
    for i in 0..1200 {
        api.create("companies", json!({"name": format!("co-{i:04}")}))
            .await;
    }
    assert_eq!(api.emu.record_count("companies"), 1200);
    // Default limit is 500.
    assert_eq!(api.query("companies", json!({})).await.len(), 500);
    let mut seen = BTreeSet::new();
    let mut pages = vec![];
    let mut offset = 0;
    loop {
        let page = api
            .query("companies", json!({"limit": 500, "offset": offset}))
            .await;
        pages.push(page.len());
        for r in &page {
            assert!(seen.insert(id(r)), "record seen twice");
        }
        if page.len() < 500 {
            break;
        }
        offset += 500;
    }
    assert_eq!(pages, [500, 500, 200]);
    assert_eq!(seen.len(), 1200);
    // Creation order by default; sorted pages are consistent too.
    let p = api
        .query(
            "companies",
            json!({"limit": 3, "offset": 1197, "sorts": [{"direction": "asc", "attribute": "name"}]}),
        )
        .await;
    let names: Vec<String> = p
        .iter()
        .map(|r| strs(r, "name", "value")[0].clone())
        .collect();
    assert_eq!(names, ["co-1197", "co-1198", "co-1199"]);
    assert!(
        api.query("companies", json!({"offset": 5000}))
            .await
            .is_empty()
    );
    api.err(
        "POST",
        "/objects/companies/records/query",
        Some(json!({"limit": "ten"})),
        400,
        "validation_type",
    )
    .await;
}
