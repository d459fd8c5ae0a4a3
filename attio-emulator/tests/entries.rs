//! List entries: the read shape, create and assert by parent, PATCH (append) and PUT
//! (replace), delete, queries with `parent_record` paths, value history, a record's entries,
//! the cascade when a parent record is deleted, errors, and the rate-limit class of the
//! query.

mod common;

use attio_emulator::Emulator;
use common::{Api, id, start, with};
use serde_json::{Value, json};

/// A `sales` list of companies with a `stage` status (Lead, Won, Lost), a multiselect
/// `tags` select (Hot, Warm, Cold), an `amount` number and a unique `deal_code` text.
async fn sales(api: &Api) -> Value {
    let l = api
        .ok(
            "POST",
            "/lists",
            Some(json!({"data": {
                "name": "Sales", "api_slug": "sales", "parent_object": "companies",
                "workspace_access": "full-access", "workspace_member_access": [],
            }})),
        )
        .await["data"]
        .clone();
    for (slug, ty, multi, unique) in [
        ("stage", "status", false, false),
        ("tags", "select", true, false),
        ("amount", "number", false, false),
        ("deal_code", "text", false, true),
    ] {
        api.ok(
            "POST",
            "/lists/sales/attributes",
            Some(json!({"data": {
                "title": slug, "description": null, "api_slug": slug, "type": ty,
                "is_required": false, "is_unique": unique, "is_multiselect": multi, "config": {},
            }})),
        )
        .await;
    }
    for title in ["Lead", "Won", "Lost"] {
        api.ok(
            "POST",
            "/lists/sales/attributes/stage/statuses",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    for title in ["Hot", "Warm", "Cold"] {
        api.ok(
            "POST",
            "/lists/sales/attributes/tags/options",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    l
}

async fn company(api: &Api, name: &str) -> String {
    let domain = format!("{}.com", name.to_lowercase());
    id(&api
        .create("companies", json!({"name": name, "domains": [domain]}))
        .await)
}

fn entry_body(parent: &str, values: Value) -> Value {
    json!({"data": {"parent_record_id": parent, "parent_object": "companies", "entry_values": values}})
}

async fn add(api: &Api, parent: &str, values: Value) -> Value {
    api.ok(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(parent, values)),
    )
    .await["data"]
        .clone()
}

fn entry_id(e: &Value) -> String {
    e["id"]["entry_id"].as_str().unwrap().to_string()
}

/// The titles of the current values of a select or status attribute of an entry.
fn titles(e: &Value, slug: &str, field: &str) -> Vec<String> {
    e["entry_values"][slug]
        .as_array()
        .unwrap_or_else(|| panic!("no {slug} in {e}"))
        .iter()
        .map(|v| v[field]["title"].as_str().unwrap().to_string())
        .collect()
}

async fn query(api: &Api, body: Value) -> Vec<Value> {
    api.ok("POST", "/lists/sales/entries/query", Some(body))
        .await["data"]
        .as_array()
        .cloned()
        .unwrap()
}

#[tokio::test]
async fn an_entry_reads_back_in_attios_shape_with_the_lists_values_only() {
    let api = start().await;
    let l = sales(&api).await;
    let list_id = l["id"]["list_id"].as_str().unwrap();
    let acme = company(&api, "Acme").await;
    let e = add(
        &api,
        &acme,
        json!({"stage": "Lead", "tags": ["Hot"], "amount": 5000}),
    )
    .await;
    let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "created_at",
            "entry_values",
            "id",
            "parent_object",
            "parent_record_id"
        ]
    );
    assert_eq!(e["id"]["list_id"], list_id);
    assert!(e["id"]["workspace_id"].is_string() && e["id"]["entry_id"].is_string());
    assert_eq!(e["parent_record_id"], acme);
    assert_eq!(e["parent_object"], "companies");
    let mut slugs: Vec<&str> = e["entry_values"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    slugs.sort_unstable();
    assert_eq!(
        slugs,
        [
            "amount",
            "created_at",
            "created_by",
            "deal_code",
            "stage",
            "tags"
        ],
        "the list's attributes only, never the parent's"
    );
    let stage = &e["entry_values"]["stage"][0];
    assert_eq!(stage["status"]["title"], "Lead");
    assert_eq!(
        stage["status"]["id"]["object_id"], list_id,
        "status ids carry the list id"
    );
    assert_eq!(
        e["entry_values"]["tags"][0]["option"]["id"]["object_id"],
        list_id
    );
    assert_eq!(e["entry_values"]["amount"][0]["value"], 5000);
    assert_eq!(e["entry_values"]["deal_code"], json!([]));
    assert_eq!(
        e["entry_values"]["created_by"][0]["referenced_actor_type"],
        "api-token"
    );
    assert_eq!(e["entry_values"]["created_at"][0]["value"], e["created_at"]);

    let got = api
        .ok(
            "GET",
            &format!("/lists/sales/entries/{}", entry_id(&e)),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(got, e);
    assert_eq!(api.emu.entries(list_id), vec![e.clone()]);
    assert_eq!(api.emu.entry_count("sales"), 1);
    // `entry_values: {}` is a valid body, and a parent may have several entries.
    let again = add(&api, &acme, json!({})).await;
    assert_ne!(entry_id(&again), entry_id(&e));
    assert_eq!(again["entry_values"]["stage"], json!([]));
    assert_eq!(api.emu.entry_count("sales"), 2);
}

#[tokio::test]
async fn an_entry_create_needs_its_parent_and_values() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    for field in ["parent_record_id", "parent_object", "entry_values"] {
        let mut body = entry_body(&acme, json!({}));
        body["data"].as_object_mut().unwrap().remove(field);
        let e = api
            .err(
                "POST",
                "/lists/sales/entries",
                Some(body),
                400,
                "validation_type",
            )
            .await;
        assert_eq!(
            e["validation_errors"][0]["path"],
            json!(["data", field]),
            "{e}"
        );
    }
    let e = api
        .err(
            "POST",
            "/lists/sales/entries",
            Some(entry_body("not-a-uuid", json!({}))),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "invalid_string");
    let ghost = "0b5a5d1c-0000-4000-8000-000000000000";
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(ghost, json!({}))),
        400,
        "value_not_found",
    )
    .await;
    let mut body = entry_body(&acme, json!({}));
    body["data"]["parent_object"] = json!("spaceships");
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(body),
        400,
        "value_not_found",
    )
    .await;
    // A person cannot be an entry of a list of companies.
    let ada = id(&api.create("people", json!({"name": "Ada Lovelace"})).await);
    let mut body = entry_body(&ada, json!({}));
    body["data"]["parent_object"] = json!("people");
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(body),
        400,
        "validation_type",
    )
    .await;
    // Values follow the record rules, on the list's attributes.
    let e = api
        .err(
            "POST",
            "/lists/sales/entries",
            Some(entry_body(&acme, json!({"name": "Acme"}))),
            400,
            "validation_type",
        )
        .await;
    assert!(
        e["message"].as_str().unwrap().contains("list \"sales\""),
        "{e}"
    );
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(&acme, json!({"stage": "Negotiating"}))),
        400,
        "value_not_found",
    )
    .await;
    let e = api
        .err(
            "POST",
            "/lists/sales/entries",
            Some(entry_body(&acme, json!({"tags": "Hot"}))),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "entry_values", "tags"])
    );
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(
            &acme,
            json!({"created_at": "2024-01-01T00:00:00Z"}),
        )),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "POST",
        "/lists/nope/entries",
        Some(entry_body(&acme, json!({}))),
        404,
        "not_found",
    )
    .await;
    assert_eq!(api.emu.entry_count("sales"), 0, "nothing stored");
}

#[tokio::test]
async fn patch_prepends_multiselect_values_and_put_replaces_them() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let e = add(&api, &acme, json!({"stage": "Lead", "tags": ["Hot"]})).await;
    let path = format!("/lists/sales/entries/{}", entry_id(&e));
    let patched = api
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"entry_values": {"tags": ["Warm", "Hot"]}}})),
        )
        .await["data"]
        .clone();
    assert_eq!(titles(&patched, "tags", "option"), ["Warm", "Hot"]);
    assert_eq!(titles(&patched, "stage", "status"), ["Lead"], "untouched");
    let put = api
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"entry_values": {"tags": ["Cold"]}}})),
        )
        .await["data"]
        .clone();
    assert_eq!(titles(&put, "tags", "option"), ["Cold"]);
    assert_eq!(
        titles(&put, "stage", "status"),
        ["Lead"],
        "not in the body: untouched"
    );
    assert_eq!(put["id"], e["id"]);
    assert_eq!(api.emu.entries("sales")[0], put);
}

#[tokio::test]
async fn an_update_body_holds_entry_values_only() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let globex = company(&api, "Globex").await;
    let e = add(&api, &acme, json!({"deal_code": "D-1"})).await;
    let path = format!("/lists/sales/entries/{}", entry_id(&e));
    for method in ["PATCH", "PUT"] {
        api.err(
            method,
            &path,
            Some(json!({"data": {"entry_values": {}, "parent_record_id": globex}})),
            400,
            "immutable_value",
        )
        .await;
        api.err(
            method,
            &path,
            Some(json!({"data": {"entry_values": {}, "colour": "red"}})),
            400,
            "validation_type",
        )
        .await;
        let e = api
            .err(
                method,
                &path,
                Some(json!({"data": {}})),
                400,
                "validation_type",
            )
            .await;
        assert_eq!(
            e["validation_errors"][0]["path"],
            json!(["data", "entry_values"])
        );
    }
    // A unique list attribute: another entry cannot take the same value.
    let other = add(&api, &globex, json!({})).await;
    api.err(
        "PATCH",
        &format!("/lists/sales/entries/{}", entry_id(&other)),
        Some(json!({"data": {"entry_values": {"deal_code": "D-1"}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(&globex, json!({"deal_code": "D-1"}))),
        400,
        "uniqueness_conflict",
    )
    .await;
    let ghost = "0b5a5d1c-0000-4000-8000-000000000000";
    api.err(
        "PATCH",
        &format!("/lists/sales/entries/{ghost}"),
        Some(json!({"data": {"entry_values": {}}})),
        404,
        "not_found",
    )
    .await;
    let e = api
        .err(
            "GET",
            "/lists/sales/entries/not-a-uuid",
            None,
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["entry_id"]));
    let e = api
        .err(
            "GET",
            &format!("/lists/sales/entries/{ghost}"),
            None,
            404,
            "not_found",
        )
        .await;
    assert_eq!(
        e["message"],
        format!("Entry with ID \"{ghost}\" not found.")
    );
    api.err(
        "GET",
        &format!("/lists/nope/entries/{ghost}"),
        None,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_required_list_attribute_must_be_given() {
    let api = start().await;
    sales(&api).await;
    api.ok(
        "POST",
        "/lists/sales/attributes",
        Some(json!({"data": {
            "title": "Owner", "description": null, "api_slug": "owner", "type": "actor-reference",
            "is_required": true, "is_unique": false, "is_multiselect": false, "config": {},
        }})),
    )
    .await;
    let acme = company(&api, "Acme").await;
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(&acme, json!({}))),
        400,
        "missing_value",
    )
    .await;
    let member =
        api.ok("GET", "/workspace_members", None).await["data"][0]["id"]["workspace_member_id"]
            .clone();
    let owner =
        json!([{"referenced_actor_type": "workspace-member", "referenced_actor_id": member}]);
    let e = add(&api, &acme, json!({"owner": owner})).await;
    api.err(
        "PUT",
        &format!("/lists/sales/entries/{}", entry_id(&e)),
        Some(json!({"data": {"entry_values": {"owner": []}}})),
        400,
        "missing_value",
    )
    .await;
}

#[tokio::test]
async fn assert_by_parent_creates_then_updates() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let created = api
        .ok(
            "PUT",
            "/lists/sales/entries",
            Some(entry_body(
                &acme,
                json!({"stage": "Lead", "tags": ["Hot", "Warm"]}),
            )),
        )
        .await["data"]
        .clone();
    assert_eq!(api.emu.entry_count("sales"), 1);
    let updated = api
        .ok(
            "PUT",
            "/lists/sales/entries",
            Some(entry_body(&acme, json!({"stage": "Won", "tags": ["Cold"]}))),
        )
        .await["data"]
        .clone();
    assert_eq!(
        updated["id"], created["id"],
        "the parent's one entry is updated"
    );
    assert_eq!(titles(&updated, "stage", "status"), ["Won"]);
    assert_eq!(
        titles(&updated, "tags", "option"),
        ["Cold"],
        "multiselects made exact"
    );
    assert_eq!(api.emu.entry_count("sales"), 1);
}

#[tokio::test]
async fn assert_by_parent_with_two_entries_is_multiple_match_results() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    add(&api, &acme, json!({"stage": "Lead"})).await;
    add(&api, &acme, json!({"stage": "Lost"})).await;
    api.err(
        "PUT",
        "/lists/sales/entries",
        Some(entry_body(&acme, json!({"stage": "Won"}))),
        400,
        "multiple_match_results",
    )
    .await;
    let stages: Vec<Vec<String>> = api
        .emu
        .entries("sales")
        .iter()
        .map(|e| titles(e, "stage", "status"))
        .collect();
    assert_eq!(stages, [["Lead"], ["Lost"]], "nothing changed");
}

#[tokio::test]
async fn deleting_an_entry_answers_an_empty_object() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let e = add(&api, &acme, json!({})).await;
    let path = format!("/lists/sales/entries/{}", entry_id(&e));
    assert_eq!(api.ok("DELETE", &path, None).await, json!({}));
    api.err("DELETE", &path, None, 404, "not_found").await;
    api.err("GET", &path, None, 404, "not_found").await;
    assert_eq!(api.emu.entry_count("sales"), 0);
    assert_eq!(api.emu.record_count("companies"), 1, "the parent stays");
}

/// Acme (Lead), Globex (Won, 300), Initech (Won, 100), Hooli (no entry values).
async fn pipeline(api: &Api) -> Vec<String> {
    sales(api).await;
    let mut ids = vec![];
    for (name, values) in [
        ("Acme", json!({"stage": "Lead", "amount": 50})),
        ("Globex", json!({"stage": "Won", "amount": 300})),
        ("Initech", json!({"stage": "Won", "amount": 100})),
        ("Hooli", json!({})),
    ] {
        let c = company(api, name).await;
        add(api, &c, values).await;
        ids.push(c);
    }
    ids
}

fn parents(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["parent_record_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_parent_record_path_filters_entries_by_their_parents_values() {
    let api = start().await;
    let ids = pipeline(&api).await;
    let by_name = query(
        &api,
        json!({"filter": {"path": [["sales", "parent_record"], ["companies", "name"]],
                          "constraints": {"value": {"$eq": "Globex"}}}}),
    )
    .await;
    assert_eq!(parents(&by_name), [ids[1].clone()]);
    // Combined with a list attribute, and by the parent's domain.
    let won_with_i = query(
        &api,
        json!({"filter": {"$and": [
            {"stage": "Won"},
            {"path": [["sales", "parent_record"], ["companies", "domains"]],
             "constraints": {"domain": {"$starts_with": "initech"}}},
        ]}}),
    )
    .await;
    assert_eq!(parents(&won_with_i), [ids[2].clone()]);
    // By the parent record's id.
    let by_id = query(
        &api,
        json!({"filter": {"path": [["sales", "parent_record"]],
                          "constraints": {"record_id": ids[3]}}}),
    )
    .await;
    assert_eq!(parents(&by_id), [ids[3].clone()]);
    // A parent attribute without the path matches nothing (no error), as in Attio.
    assert!(
        query(&api, json!({"filter": {"name": "Globex"}}))
            .await
            .is_empty()
    );
    // A list attribute by shorthand.
    assert_eq!(
        parents(&query(&api, json!({"filter": {"stage": "Won"}})).await),
        [ids[1].clone(), ids[2].clone()]
    );
    // Unknown attributes and objects that are not the list's parent are filter errors.
    for filter in [
        json!({"colour": "red"}),
        json!({"path": [["sales", "parent_record"], ["people", "name"]],
               "constraints": {"full_name": "Ada"}}),
        json!({"path": [["sales", "parent_record"], ["companies", "colour"]],
               "constraints": {"value": "red"}}),
        json!({"path": [["people", "parent_record"], ["companies", "name"]],
               "constraints": {"value": "Acme"}}),
    ] {
        api.err(
            "POST",
            "/lists/sales/entries/query",
            Some(json!({ "filter": filter })),
            400,
            "filter_error",
        )
        .await;
    }
}

#[tokio::test]
async fn a_parent_record_path_sorts_entries_by_their_parents_values() {
    let api = start().await;
    let ids = pipeline(&api).await;
    let path = json!([["sales", "parent_record"], ["companies", "name"]]);
    let asc = query(&api, json!({"sorts": [{"direction": "asc", "path": path}]})).await;
    assert_eq!(
        parents(&asc),
        [
            ids[0].clone(),
            ids[1].clone(),
            ids[3].clone(),
            ids[2].clone()
        ],
        "Acme, Globex, Hooli, Initech"
    );
    let desc = query(
        &api,
        json!({"sorts": [{"direction": "desc", "path": path}], "limit": 2, "offset": 1}),
    )
    .await;
    assert_eq!(
        parents(&desc),
        [ids[3].clone(), ids[1].clone()],
        "Hooli, Globex"
    );
    // By a list attribute: empty values last.
    let by_amount = query(
        &api,
        json!({"sorts": [{"direction": "desc", "attribute": "amount"}]}),
    )
    .await;
    assert_eq!(
        parents(&by_amount),
        [
            ids[1].clone(),
            ids[2].clone(),
            ids[0].clone(),
            ids[3].clone()
        ]
    );
}

#[tokio::test]
async fn an_entrys_stage_history_keeps_every_stage() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let e = add(&api, &acme, json!({"stage": "Lead"})).await;
    let path = format!("/lists/sales/entries/{}", entry_id(&e));
    for stage in ["Won", "Lost"] {
        api.ok(
            "PATCH",
            &path,
            Some(json!({"data": {"entry_values": {"stage": stage}}})),
        )
        .await;
    }
    let values = format!("{path}/attributes/stage/values");
    let hist = api
        .ok("GET", &format!("{values}?show_historic=true"), None)
        .await["data"]
        .as_array()
        .cloned()
        .unwrap();
    let stages: Vec<&str> = hist
        .iter()
        .map(|v| v["status"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["Lead", "Won", "Lost"], "oldest first");
    assert!(hist[0]["active_until"].is_string() && hist[1]["active_until"].is_string());
    assert_eq!(hist[0]["active_until"], hist[1]["active_from"]);
    assert!(hist[2]["active_until"].is_null());
    assert_eq!(hist[2]["attribute_type"], "status");
    let current = api.ok("GET", &values, None).await["data"].clone();
    assert_eq!(current.as_array().unwrap().len(), 1);
    assert_eq!(current[0]["status"]["title"], "Lost");
    let page = api
        .ok(
            "GET",
            &format!("{values}?show_historic=true&limit=1&offset=1"),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(page[0]["status"]["title"], "Won");
    api.err(
        "GET",
        &format!("{path}/attributes/colour/values"),
        None,
        404,
        "not_found",
    )
    .await;
}

/// A second list of companies, `partners`, with no attributes of its own.
async fn partners(api: &Api) {
    api.ok(
        "POST",
        "/lists",
        Some(json!({"data": {
            "name": "Partners", "api_slug": "partners", "parent_object": "companies",
            "workspace_access": "full-access", "workspace_member_access": [],
        }})),
    )
    .await;
}

#[tokio::test]
async fn deleting_a_record_deletes_its_entries_in_every_list() {
    let api = start().await;
    sales(&api).await;
    partners(&api).await;
    let acme = company(&api, "Acme").await;
    let globex = company(&api, "Globex").await;
    let e1 = add(&api, &acme, json!({"deal_code": "A-1"})).await;
    add(&api, &acme, json!({})).await;
    add(&api, &globex, json!({})).await;
    api.ok(
        "POST",
        "/lists/partners/entries",
        Some(entry_body(&acme, json!({}))),
    )
    .await;
    assert_eq!(api.emu.entry_count("sales"), 3);
    assert_eq!(api.emu.entry_count("partners"), 1);
    api.ok(
        "DELETE",
        &format!("/objects/companies/records/{acme}"),
        None,
    )
    .await;
    assert_eq!(api.emu.entry_count("sales"), 1);
    assert_eq!(api.emu.entry_count("partners"), 0);
    assert_eq!(api.emu.entries("sales")[0]["parent_record_id"], globex);
    api.err(
        "GET",
        &format!("/lists/sales/entries/{}", entry_id(&e1)),
        None,
        404,
        "not_found",
    )
    .await;
    // The deleted entry's unique value is free again.
    let globex_entry = entry_id(&api.emu.entries("sales")[0]);
    api.ok(
        "PATCH",
        &format!("/lists/sales/entries/{globex_entry}"),
        Some(json!({"data": {"entry_values": {"deal_code": "A-1"}}})),
    )
    .await;
}

#[tokio::test]
async fn a_records_entries_across_lists() {
    let api = start().await;
    let l = sales(&api).await;
    partners(&api).await;
    let acme = company(&api, "Acme").await;
    let globex = company(&api, "Globex").await;
    let a1 = add(&api, &acme, json!({})).await;
    add(&api, &globex, json!({})).await;
    let p1 = api
        .ok(
            "POST",
            "/lists/partners/entries",
            Some(entry_body(&acme, json!({}))),
        )
        .await["data"]
        .clone();
    let a2 = add(&api, &acme, json!({})).await;
    let path = format!("/objects/companies/records/{acme}/entries");
    let all = api.ok("GET", &path, None).await["data"].clone();
    assert_eq!(
        all[0],
        json!({"list_id": l["id"]["list_id"], "list_api_slug": "sales",
               "entry_id": entry_id(&a1), "created_at": a1["created_at"]})
    );
    let got: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["list_api_slug"].as_str().unwrap(),
                i["entry_id"].as_str().unwrap(),
            )
        })
        .collect();
    let (a1, a2, p1) = (entry_id(&a1), entry_id(&a2), entry_id(&p1));
    assert_eq!(
        got,
        [
            ("sales", a1.as_str()),
            ("sales", a2.as_str()),
            ("partners", p1.as_str())
        ]
    );
    let page = api
        .ok("GET", &format!("{path}?limit=1&offset=1"), None)
        .await["data"]
        .clone();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(page[0]["entry_id"], a2);
    let e = api
        .err(
            "GET",
            &format!("{path}?limit=1001"),
            None,
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "too_big");
    let ghost = "0b5a5d1c-0000-4000-8000-000000000000";
    api.err(
        "GET",
        &format!("/objects/companies/records/{ghost}/entries"),
        None,
        404,
        "not_found",
    )
    .await;
    let none = id(&api.create("companies", json!({"name": "Loner"})).await);
    let empty = api
        .ok(
            "GET",
            &format!("/objects/companies/records/{none}/entries"),
            None,
        )
        .await;
    assert_eq!(empty, json!({"data": []}));
}

#[tokio::test]
async fn the_entries_query_counts_as_a_read() {
    let api = with(Emulator::builder()).await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    add(&api, &acme, json!({"stage": "Lead"})).await;
    let before = api.emu.stats();
    for _ in 0..3 {
        query(&api, json!({})).await;
    }
    let after = api.emu.stats();
    assert_eq!(after.read_requests - before.read_requests, 3);
    assert_eq!(after.write_requests, before.write_requests);
    assert_eq!(after.writes_stored, before.writes_stored);
    add(&api, &acme, json!({})).await;
    assert_eq!(api.emu.stats().write_requests - after.write_requests, 1);
}

#[tokio::test]
async fn an_entries_query_pages_with_limit_and_offset() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    for i in 0..7 {
        add(&api, &acme, json!({"amount": i})).await;
    }
    let amounts = |es: Vec<Value>| -> Vec<i64> {
        es.iter()
            .map(|e| e["entry_values"]["amount"][0]["value"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(amounts(query(&api, json!({})).await), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(
        amounts(query(&api, json!({"limit": 3, "offset": 2})).await),
        [2, 3, 4]
    );
    assert_eq!(
        amounts(query(&api, json!({"filter": {"amount": {"$gte": 5}}})).await),
        [5, 6]
    );
    let e = api
        .err(
            "POST",
            "/lists/sales/entries/query",
            Some(json!({"limit": "ten"})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["limit"]));
    api.err(
        "POST",
        "/lists/nope/entries/query",
        Some(json!({})),
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_renamed_list_keeps_its_entries() {
    let api = start().await;
    sales(&api).await;
    let acme = company(&api, "Acme").await;
    let e = add(&api, &acme, json!({"deal_code": "A-1"})).await;
    api.ok(
        "PATCH",
        "/lists/sales",
        Some(json!({"data": {"api_slug": "pipeline"}})),
    )
    .await;
    let got = api
        .ok(
            "GET",
            &format!("/lists/pipeline/entries/{}", entry_id(&e)),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(got, e);
    assert_eq!(api.emu.entry_count("pipeline"), 1);
    assert_eq!(api.emu.entry_count("sales"), 0);
    // Its unique values still hold.
    api.err(
        "POST",
        "/lists/pipeline/entries",
        Some(entry_body(&acme, json!({"deal_code": "A-1"}))),
        400,
        "uniqueness_conflict",
    )
    .await;
}

#[tokio::test]
async fn lists_and_entries_survive_the_data_file() {
    let dir = std::env::temp_dir().join(format!("attio-emu-entries-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("workspace.json");
    let _ = std::fs::remove_file(&file);
    let (entry, acme);
    {
        let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
        sales(&api).await;
        acme = company(&api, "Acme").await;
        let e = add(&api, &acme, json!({"stage": "Lead", "deal_code": "A-1"})).await;
        entry = entry_id(&e);
        api.ok(
            "PATCH",
            &format!("/lists/sales/entries/{entry}"),
            Some(json!({"data": {"entry_values": {"stage": "Won"}}})),
        )
        .await;
        api.emu.shutdown().await;
    }
    let api = with(Emulator::builder().no_rate_limits().data_file(&file)).await;
    assert_eq!(api.emu.entry_count("sales"), 1);
    let e = &api.emu.entries("sales")[0];
    assert_eq!(e["parent_record_id"], acme);
    assert_eq!(titles(e, "stage", "status"), ["Won"]);
    let hist = api
        .ok(
            "GET",
            &format!("/lists/sales/entries/{entry}/attributes/stage/values?show_historic=true"),
            None,
        )
        .await;
    assert_eq!(hist["data"].as_array().unwrap().len(), 2);
    api.err(
        "POST",
        "/lists/sales/entries",
        Some(entry_body(&acme, json!({"deal_code": "A-1"}))),
        400,
        "uniqueness_conflict",
    )
    .await;
    drop(api);
    std::fs::remove_dir_all(&dir).unwrap();
}
