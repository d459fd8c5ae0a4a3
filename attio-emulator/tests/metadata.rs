//! Objects, attributes, select options and statuses; custom objects and attributes;
//! workspace members; the data file.

mod common;

use attio_emulator::Emulator;
use common::{Api, id, start, strs, with};
use serde_json::{Value, json};

const ATTRIBUTE_KEYS: [&str; 16] = [
    "id",
    "title",
    "description",
    "api_slug",
    "type",
    "is_system_attribute",
    "is_writable",
    "is_required",
    "is_unique",
    "is_multiselect",
    "is_default_value_enabled",
    "is_archived",
    "default_value",
    "relationship",
    "created_at",
    "config",
];

async fn attribute(api: &Api, object: &str, slug: &str) -> Value {
    api.ok("GET", &format!("/objects/{object}/attributes/{slug}"), None)
        .await["data"]
        .clone()
}

#[tokio::test]
async fn standard_objects_and_attributes() {
    let api = start().await;
    let objs = api.ok("GET", "/objects", None).await["data"]
        .as_array()
        .unwrap()
        .clone();
    let slugs: Vec<&str> = objs
        .iter()
        .map(|o| o["api_slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["people", "companies", "deals", "users", "workspaces"]
    );
    for o in &objs {
        for k in [
            "id",
            "api_slug",
            "singular_noun",
            "plural_noun",
            "created_at",
        ] {
            assert!(o.get(k).is_some(), "{k}");
        }
        assert!(o["id"]["workspace_id"].is_string() && o["id"]["object_id"].is_string());
        // By slug and by id.
        let by_id = api
            .ok(
                "GET",
                &format!("/objects/{}", o["id"]["object_id"].as_str().unwrap()),
                None,
            )
            .await;
        assert_eq!(&by_id["data"], o);
        let attrs = api
            .ok(
                "GET",
                &format!("/objects/{}/attributes", o["api_slug"].as_str().unwrap()),
                None,
            )
            .await["data"]
            .as_array()
            .unwrap()
            .clone();
        for a in &attrs {
            for k in ATTRIBUTE_KEYS {
                assert!(a.get(k).is_some(), "{k} in {a}");
            }
            assert_eq!(a["id"]["object_id"], o["id"]["object_id"]);
        }
        for system in ["record_id", "created_at", "created_by"] {
            let a = attrs.iter().find(|a| a["api_slug"] == system).unwrap();
            assert_eq!(a["is_writable"], false);
        }
    }
    // Traits from reference §4.
    let emails = attribute(&api, "people", "email_addresses").await;
    assert_eq!(
        (
            emails["type"].as_str(),
            emails["is_multiselect"].as_bool(),
            emails["is_unique"].as_bool()
        ),
        (Some("email-address"), Some(true), Some(true))
    );
    let company = attribute(&api, "people", "company").await;
    assert_eq!(company["type"], "record-reference");
    assert_eq!(company["relationship"]["api_slug"], "team");
    assert_eq!(company["relationship"]["object_slug"], "companies");
    let companies_id = objs[1]["id"]["object_id"].clone();
    assert_eq!(
        company["config"]["record_reference"]["allowed_object_ids"],
        json!([companies_id])
    );
    let pe = attribute(&api, "users", "primary_email_address").await;
    assert_eq!(
        (
            pe["type"].as_str(),
            pe["is_required"].as_bool(),
            pe["is_unique"].as_bool()
        ),
        (Some("email-address"), Some(true), Some(true))
    );
    assert_eq!(
        attribute(&api, "users", "workspace").await["is_multiselect"],
        true
    );
    assert_eq!(
        attribute(&api, "users", "person").await["is_multiselect"],
        false
    );
    let wid = attribute(&api, "workspaces", "workspace_id").await;
    assert_eq!(
        (wid["is_unique"].as_bool(), wid["is_required"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(attribute(&api, "deals", "stage").await["type"], "status");
    assert_eq!(
        attribute(&api, "deals", "value").await["config"]["currency"]["default_currency_code"],
        "USD"
    );
    assert_eq!(
        attribute(&api, "companies", "logo_url").await["is_writable"],
        false
    );
    assert_eq!(
        attribute(&api, "people", "last_interaction").await["type"],
        "interaction"
    );
    // Options and statuses.
    let opts = api
        .ok(
            "GET",
            "/objects/companies/attributes/categories/options",
            None,
        )
        .await["data"]
        .as_array()
        .unwrap()
        .clone();
    assert!(opts.iter().any(|o| o["title"] == "SaaS"));
    for k in ["workspace_id", "object_id", "attribute_id", "option_id"] {
        assert!(opts[0]["id"][k].is_string());
    }
    let statuses = api
        .ok("GET", "/objects/deals/attributes/stage/statuses", None)
        .await["data"]
        .as_array()
        .unwrap()
        .clone();
    let titles: Vec<&str> = statuses
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Lead", "In Progress", "Won 🎉", "Lost"]);
    for k in [
        "id",
        "title",
        "is_archived",
        "celebration_enabled",
        "target_time_in_status",
    ] {
        assert!(statuses[0].get(k).is_some());
    }
    // `/options` on a status attribute answers an empty list.
    let v = api
        .ok("GET", "/objects/deals/attributes/stage/options", None)
        .await;
    assert_eq!(v, json!({"data": []}));
}

#[tokio::test]
async fn custom_objects_attributes_options_statuses() {
    let api = start().await;
    let o = api
        .ok(
            "POST",
            "/objects",
            Some(json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})),
        )
        .await["data"]
        .clone();
    assert_eq!(o["api_slug"], "projects");
    let mk = |slug: &str, ty: &str, extra: Value| {
        let mut d = json!({"title": slug, "description": "d", "api_slug": slug, "type": ty,
                           "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        for (k, v) in extra.as_object().unwrap() {
            d[k] = v.clone();
        }
        json!({"data": d})
    };
    let code = api
        .ok(
            "POST",
            "/objects/projects/attributes",
            Some(mk(
                "code",
                "text",
                json!({"is_unique": true, "is_required": true}),
            )),
        )
        .await["data"]
        .clone();
    for k in ATTRIBUTE_KEYS {
        assert!(code.get(k).is_some(), "{k}");
    }
    assert_eq!(code["is_system_attribute"], false);
    api.ok(
        "POST",
        "/objects/projects/attributes",
        Some(mk(
            "priority",
            "select",
            json!({"default_value": {"type": "static", "template": []}}),
        )),
    )
    .await;
    api.ok(
        "POST",
        "/objects/projects/attributes/priority/options",
        Some(json!({"data": {"title": "High"}})),
    )
    .await;
    api.ok(
        "POST",
        "/objects/projects/attributes",
        Some(mk(
            "budget",
            "number",
            json!({"default_value": {"type": "static", "template": [{"value": 5}]}}),
        )),
    )
    .await;
    api.ok(
        "POST",
        "/objects/projects/attributes",
        Some(mk("state", "status", json!({}))),
    )
    .await;
    let st = api
        .ok(
            "POST",
            "/objects/projects/attributes/state/statuses",
            Some(json!({"data": {"title": "Open", "celebration_enabled": true, "target_time_in_status": "P1D"}})),
        )
        .await;
    assert_eq!(st["data"]["celebration_enabled"], true);
    // A two-way relationship creates the reverse attribute.
    let rel = api
        .ok(
            "POST",
            "/objects/projects/attributes",
            Some(mk(
                "client",
                "record-reference",
                json!({"config": {"record_reference": {"allowed_objects": ["companies"]}},
                       "relationship": {"object": "companies", "title": "Projects", "api_slug": "projects", "is_multiselect": true}}),
            )),
        )
        .await["data"]
        .clone();
    assert_eq!(rel["relationship"]["api_slug"], "projects");
    let reverse = attribute(&api, "companies", "projects").await;
    assert_eq!(reverse["relationship"]["api_slug"], "client");
    assert_eq!(reverse["is_multiselect"], true);

    // Records on the custom object: required, unique, defaults, options, relationship.
    api.err(
        "POST",
        "/objects/projects/records",
        Some(json!({"data": {"values": {}}})),
        400,
        "missing_value",
    )
    .await;
    let c = api.create("companies", json!({"name": "Client"})).await;
    let p = api
        .create(
            "projects",
            json!({"code": "P-1", "priority": "High", "state": "Open",
                   "client": {"target_object": "companies", "target_record_id": id(&c)}}),
        )
        .await;
    assert_eq!(
        strs(&p, "budget", "value").len(),
        1,
        "static default applied"
    );
    assert_eq!(p["values"]["budget"][0]["value"], 5);
    assert_eq!(p["values"]["priority"][0]["option"]["title"], "High");
    assert!(p["web_url"].as_str().unwrap().contains("/project/"));
    let c2 = api
        .ok(
            "GET",
            &format!("/objects/companies/records/{}", id(&c)),
            None,
        )
        .await;
    assert_eq!(strs(&c2["data"], "projects", "target_record_id"), [id(&p)]);
    api.err(
        "POST",
        "/objects/projects/records",
        Some(json!({"data": {"values": {"code": "P-1"}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    // Assert on the custom unique attribute.
    let again = api
        .ok(
            "PUT",
            "/objects/projects/records?matching_attribute=code",
            Some(json!({"data": {"values": {"code": "P-1", "budget": 9}}})),
        )
        .await;
    assert_eq!(id(&again["data"]), id(&p));

    // Refused attribute definitions.
    for (body, code) in [
        (mk("who", "personal-name", json!({})), "validation_type"),
        (mk("when", "interaction", json!({})), "validation_type"),
        (
            mk("many", "text", json!({"is_multiselect": true})),
            "validation_type",
        ),
        (
            mk("sel", "select", json!({"is_unique": true})),
            "validation_type",
        ),
        (mk("Bad Slug", "text", json!({})), "validation_type"),
        (mk("money", "currency", json!({})), "validation_type"),
        (mk("link", "record-reference", json!({})), "validation_type"),
    ] {
        api.err(
            "POST",
            "/objects/projects/attributes",
            Some(body),
            400,
            code,
        )
        .await;
    }
    api.err(
        "POST",
        "/objects/companies/attributes",
        Some(mk("tax_id", "text", json!({"is_unique": true}))),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "POST",
        "/objects",
        Some(json!({"data": {"api_slug": "x", "singular_noun": "", "plural_noun": "Xs"}})),
        400,
        "validation_type",
    )
    .await;
    // Custom attributes can be edited, system ones cannot.
    let v = api
        .ok(
            "PATCH",
            "/objects/projects/attributes/budget",
            Some(json!({"data": {"title": "Budget (k)"}})),
        )
        .await;
    assert_eq!(v["data"]["title"], "Budget (k)");
}

#[tokio::test]
async fn workspace_members_by_id() {
    let api = start().await;
    let members = api.ok("GET", "/workspace_members", None).await["data"].clone();
    let first = members[0].clone();
    let mid = first["id"]["workspace_member_id"].as_str().unwrap();
    let one = api
        .ok("GET", &format!("/workspace_members/{mid}"), None)
        .await;
    assert_eq!(one["data"], first);
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "access_level",
            "avatar_url",
            "created_at",
            "email_address",
            "first_name",
            "id",
            "last_name"
        ]
    );

    let unknown = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";
    let e = api
        .err(
            "GET",
            &format!("/workspace_members/{unknown}"),
            None,
            404,
            "not_found",
        )
        .await;
    assert_eq!(
        e["message"],
        format!("Workspace member with ID \"{unknown}\" not found.")
    );
    let e = api
        .err(
            "GET",
            "/workspace_members/nope",
            None,
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["path"][0], "workspace_member_id");
}

#[tokio::test]
async fn data_file_round_trip() {
    let dir = std::env::temp_dir().join(format!("attio-emu-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("workspace.json");
    let _ = std::fs::remove_file(&file);
    let rid;
    {
        let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
        let p = api
            .create(
                "people",
                json!({"email_addresses": ["keep@example.com"], "job_title": "A"}),
            )
            .await;
        rid = id(&p);
        api.ok(
            "PATCH",
            &format!("/objects/people/records/{rid}"),
            Some(json!({"data": {"values": {"job_title": "B"}}})),
        )
        .await;
        api.emu.shutdown().await;
    }
    assert!(file.exists());
    let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
    assert_eq!(api.emu.record_count("people"), 1);
    let hist = api
        .ok(
            "GET",
            &format!(
                "/objects/people/records/{rid}/attributes/job_title/values?show_historic=true"
            ),
            None,
        )
        .await;
    assert_eq!(hist["data"].as_array().unwrap().len(), 2);
    // Unique values survive the reload.
    api.err(
        "POST",
        "/objects/people/records",
        Some(json!({"data": {"values": {"email_addresses": ["keep@example.com"]}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    drop(api);
    std::fs::remove_dir_all(&dir).unwrap();
}
