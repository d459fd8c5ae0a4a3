//! The seed create requests of `fixtures/` are accepted, and the responses have the shape
//! of the fixture responses: every slug of the fixture present, the same `attribute_type`
//! and the same value field names for the fixture's non-empty values.
//!
//! The fixtures reference records by ids that do not exist in a fresh emulator. The test
//! creates the referenced records first (company `attio.com`, a seed workspace, the
//! person, the user) and substitutes their ids for the fixture's ids before sending:
//!
//! * people: `99a03ff3-…` (company) → the `attio.com` company created first (the fixture
//!   also references that company by domain, so both elements name the same record);
//! * users: `891dcbfc-…` (person) → the person created from `people/create.request.json`;
//!   `72ef5fea-…` (workspace) → a seed workspace (`workspace_id` `seed-ws`);
//! * workspaces: `5e3fb280-…` (user) → the user created from `users/create.request.json`;
//!   `99a03ff3-…` (company) → the `attio.com` company.
//!
//! `users/create.request.doc-typo.json` carries a malformed UUID (`72ef5feaf-…`) and is
//! refused with 400 `validation_type`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Api, id, start};
use serde_json::{Value, json};

fn fixture(path: &str) -> Value {
    let p = format!("{}/../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// The fixture request text with ids substituted.
fn request(path: &str, subst: &[(&str, &str)]) -> Value {
    let mut text = serde_json::to_string(&fixture(path)).unwrap();
    for (from, to) in subst {
        text = text.replace(from, to);
    }
    serde_json::from_str(&text).unwrap()
}

async fn attribute_types(api: &Api, object: &str) -> BTreeMap<String, String> {
    api.ok("GET", &format!("/objects/{object}/attributes"), None)
        .await["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["api_slug"].as_str().unwrap().to_string(),
                a["type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// Compares our record with the fixture response's `data`.
async fn same_shape(api: &Api, object: &str, ours: &Value, expected: &Value) {
    let types = attribute_types(api, object).await;
    for k in ["id", "created_at", "values"] {
        assert!(ours.get(k).is_some(), "{object}: missing {k}");
    }
    assert_eq!(keys(&ours["id"]), keys(&expected["id"]));
    if expected.get("web_url").is_some() {
        assert!(ours["web_url"].is_string());
    }
    for (slug, exp_vals) in expected["values"].as_object().unwrap() {
        let our_vals = ours["values"]
            .get(slug)
            .unwrap_or_else(|| panic!("{object}: slug {slug} missing"))
            .as_array()
            .unwrap();
        let Some(exp) = exp_vals.as_array().unwrap().first() else {
            continue;
        };
        let exp_type = exp["attribute_type"].as_str().unwrap();
        assert_eq!(
            types.get(slug).map(String::as_str),
            Some(exp_type),
            "{object}.{slug}: attribute type"
        );
        // Values the request did not set (the update fixture shows enriched and social
        // values it never sent) are empty here: the attribute's type was compared above.
        if let Some(v) = our_vals.first() {
            assert_eq!(v["attribute_type"], exp_type, "{object}.{slug}");
            assert_eq!(keys(v), keys(exp), "{object}.{slug}: value fields");
        }
    }
}

#[tokio::test]
async fn seed_fixtures_are_accepted_with_the_fixture_shape() {
    let api = start().await;
    let company = api
        .create(
            "companies",
            json!({"domains": ["attio.com"], "name": "Attio"}),
        )
        .await;
    let company_id = id(&company);

    // people
    let req = request(
        "people/create.request.json",
        &[("99a03ff3-0435-47da-95cc-76b2caeb4dab", &company_id)],
    );
    let person = api.ok("POST", "/objects/people/records", Some(req)).await["data"].clone();
    same_shape(
        &api,
        "people",
        &person,
        &fixture("people/create.response.json")["data"],
    )
    .await;
    let person_id = id(&person);
    assert_eq!(
        person["values"]["company"][0]["target_record_id"],
        company_id.as_str()
    );
    assert_eq!(
        person["values"]["primary_location"][0]["latitude"],
        "37.331741"
    );

    // people update (PATCH with the update request)
    let req = request(
        "people/update.request.json",
        &[("99a03ff3-0435-47da-95cc-76b2caeb4dab", &company_id)],
    );
    let updated = api
        .ok(
            "PATCH",
            &format!("/objects/people/records/{person_id}"),
            Some(req),
        )
        .await["data"]
        .clone();
    same_shape(
        &api,
        "people",
        &updated,
        &fixture("people/update.response.json")["data"],
    )
    .await;

    // users (needs the person and a workspace)
    let seed_ws = api
        .create("workspaces", json!({"workspace_id": "seed-ws"}))
        .await;
    let seed_ws_id = id(&seed_ws);
    let subst_users = [
        ("891dcbfc-9141-415d-9b2a-2238a6cc012d", person_id.as_str()),
        ("72ef5fea-4919-4208-b332-1339ab8ba040", seed_ws_id.as_str()),
    ];
    let user = api
        .ok(
            "POST",
            "/objects/users/records",
            Some(request("users/create.request.json", &subst_users)),
        )
        .await["data"]
        .clone();
    same_shape(
        &api,
        "users",
        &user,
        &fixture("users/create.response.json")["data"],
    )
    .await;
    assert_eq!(
        user["values"]["person"][0]["target_record_id"],
        person_id.as_str()
    );

    // The doc-typo variant has a malformed workspace id.
    api.err(
        "POST",
        "/objects/users/records",
        Some(request("users/create.request.doc-typo.json", &subst_users)),
        400,
        "validation_type",
    )
    .await;

    // workspaces (needs the user and the company)
    let user_id = id(&user);
    let ws = api
        .ok(
            "POST",
            "/objects/workspaces/records",
            Some(request(
                "workspaces/create.request.json",
                &[
                    ("5e3fb280-007b-495a-a530-9354bde01de1", user_id.as_str()),
                    ("99a03ff3-0435-47da-95cc-76b2caeb4dab", company_id.as_str()),
                ],
            )),
        )
        .await["data"]
        .clone();
    same_shape(
        &api,
        "workspaces",
        &ws,
        &fixture("workspaces/create.response.json")["data"],
    )
    .await;

    // Unmodified fixtures fail on the unknown referenced records, as the live API does.
    api.err(
        "POST",
        "/objects/workspaces/records",
        Some(fixture("workspaces/create.request.json")),
        400,
        "value_not_found",
    )
    .await;
}
