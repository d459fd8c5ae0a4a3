//! Lists (create, get, PATCH, their rules and errors) and the attributes of a list with
//! their select options and statuses.

mod common;

use common::{Api, start};
use serde_json::{Value, json};

/// A list create body with all five fields.
fn new_list(slug: &str, parent: &str) -> Value {
    json!({"data": {
        "name": "Sales pipeline",
        "api_slug": slug,
        "parent_object": parent,
        "workspace_access": "full-access",
        "workspace_member_access": [],
    }})
}

async fn create_list(api: &Api, slug: &str, parent: &str) -> Value {
    api.ok("POST", "/lists", Some(new_list(slug, parent))).await["data"].clone()
}

async fn member_id(api: &Api) -> String {
    api.ok("GET", "/workspace_members", None).await["data"][0]["id"]["workspace_member_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_fresh_workspace_has_no_lists() {
    let api = start().await;
    assert_eq!(api.ok("GET", "/lists", None).await, json!({"data": []}));
}

#[tokio::test]
async fn a_list_is_created_and_read_in_attios_shape() {
    let api = start().await;
    let companies = api.ok("GET", "/objects/companies", None).await["data"]["id"]["object_id"]
        .as_str()
        .unwrap()
        .to_string();
    // The parent object is given by id here; it reads back as its slug, in an array.
    let l = create_list(&api, "sales", &companies).await;
    let keys: Vec<&str> = l.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "api_slug",
            "created_at",
            "created_by_actor",
            "id",
            "name",
            "parent_object",
            "workspace_access",
            "workspace_member_access"
        ]
    );
    assert!(l["id"]["workspace_id"].is_string() && l["id"]["list_id"].is_string());
    assert_eq!(l["api_slug"], "sales");
    assert_eq!(l["name"], "Sales pipeline");
    assert_eq!(l["parent_object"], json!(["companies"]));
    assert_eq!(l["workspace_access"], "full-access");
    assert_eq!(l["workspace_member_access"], json!([]));
    assert_eq!(l["created_by_actor"]["type"], "api-token");
    let created = l["created_at"].as_str().unwrap();
    assert_eq!(created.split('.').nth(1).unwrap().len(), 10, "{created}");

    let list_id = l["id"]["list_id"].as_str().unwrap();
    assert_eq!(api.ok("GET", "/lists/sales", None).await["data"], l);
    assert_eq!(
        api.ok("GET", &format!("/lists/{list_id}"), None).await["data"],
        l
    );
    create_list(&api, "hiring", "people").await;
    let all = api.ok("GET", "/lists", None).await["data"].clone();
    let slugs: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["api_slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["sales", "hiring"], "sidebar (creation) order");
}

#[tokio::test]
async fn a_list_create_needs_all_five_fields() {
    let api = start().await;
    for field in [
        "name",
        "api_slug",
        "parent_object",
        "workspace_access",
        "workspace_member_access",
    ] {
        let mut body = new_list("sales", "companies");
        body["data"].as_object_mut().unwrap().remove(field);
        let e = api
            .err("POST", "/lists", Some(body), 400, "validation_type")
            .await;
        assert_eq!(
            e["validation_errors"][0]["path"],
            json!(["data", field]),
            "{e}"
        );
        assert_eq!(e["validation_errors"][0]["message"], "Required");
    }
    let mut body = new_list("sales", "companies");
    body["data"]["workspace_access"] = json!("everyone");
    let e = api
        .err("POST", "/lists", Some(body), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "invalid_enum_value");
    let mut body = new_list("sales", "companies");
    body["data"]["workspace_member_access"] =
        json!([{"workspace_member_id": "nope", "level": "read-only"}]);
    let e = api
        .err("POST", "/lists", Some(body), 400, "validation_type")
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "workspace_member_access", 0, "workspace_member_id"])
    );
    let mut body = new_list("sales", "companies");
    body["data"]["color"] = json!("red");
    let e = api
        .err("POST", "/lists", Some(body), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "unrecognized_keys");
    api.err("POST", "/lists", None, 400, "validation_type")
        .await;
    assert_eq!(api.ok("GET", "/lists", None).await["data"], json!([]));
}

#[tokio::test]
async fn someone_must_have_full_access() {
    let api = start().await;
    let mut body = new_list("private", "companies");
    body["data"]["workspace_access"] = Value::Null;
    api.err("POST", "/lists", Some(body.clone()), 400, "validation_type")
        .await;
    body["data"]["workspace_access"] = json!("read-only");
    api.err("POST", "/lists", Some(body.clone()), 400, "validation_type")
        .await;
    let unknown = "6f0b2c1e-0000-4000-8000-000000000000";
    body["data"]["workspace_member_access"] =
        json!([{"workspace_member_id": unknown, "level": "full-access"}]);
    api.err("POST", "/lists", Some(body.clone()), 400, "value_not_found")
        .await;
    let member = member_id(&api).await;
    body["data"]["workspace_access"] = Value::Null;
    body["data"]["workspace_member_access"] =
        json!([{"workspace_member_id": member, "level": "full-access"}]);
    let l = api.ok("POST", "/lists", Some(body)).await["data"].clone();
    assert_eq!(l["workspace_access"], Value::Null);
    assert_eq!(
        l["workspace_member_access"][0]["workspace_member_id"],
        member
    );
    assert_eq!(l["workspace_member_access"][0]["level"], "full-access");
}

#[tokio::test]
async fn slug_conflicts_and_unknown_parents_are_refused() {
    let api = start().await;
    create_list(&api, "sales", "companies").await;
    let e = api
        .err(
            "POST",
            "/lists",
            Some(new_list("sales", "people")),
            409,
            "slug_conflict",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains("sales"), "{e}");
    let e = api
        .err(
            "POST",
            "/lists",
            Some(new_list("ghost_list", "ghosts")),
            404,
            "not_found",
        )
        .await;
    assert_eq!(
        e["message"],
        "Parent object with slug/ID \"ghosts\" not found."
    );
    api.err(
        "POST",
        "/lists",
        Some(new_list("Sales Pipeline", "companies")),
        400,
        "validation_type",
    )
    .await;
    assert_eq!(
        api.ok("GET", "/lists", None).await["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_list_is_patched_but_keeps_its_parent_object() {
    let api = start().await;
    let l = create_list(&api, "sales", "companies").await;
    create_list(&api, "hiring", "people").await;
    let p = api
        .ok(
            "PATCH",
            "/lists/sales",
            Some(json!({"data": {"name": "Deals", "api_slug": "deals_pipeline"}})),
        )
        .await["data"]
        .clone();
    assert_eq!(p["name"], "Deals");
    assert_eq!(p["api_slug"], "deals_pipeline");
    assert_eq!(p["id"], l["id"]);
    assert_eq!(p["parent_object"], json!(["companies"]));
    assert_eq!(p["workspace_access"], "full-access", "untouched");
    let e = api.err("GET", "/lists/sales", None, 404, "not_found").await;
    assert_eq!(e["message"], "List with slug/ID \"sales\" not found.");
    assert_eq!(
        api.ok("GET", "/lists/deals_pipeline", None).await["data"],
        p
    );

    api.err(
        "PATCH",
        "/lists/deals_pipeline",
        Some(json!({"data": {"parent_object": "people"}})),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "PATCH",
        "/lists/deals_pipeline",
        Some(json!({"data": {"api_slug": "hiring"}})),
        409,
        "slug_conflict",
    )
    .await;
    api.err(
        "PATCH",
        "/lists/deals_pipeline",
        Some(json!({"data": {"workspace_access": null}})),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "PATCH",
        "/lists/deals_pipeline",
        Some(json!({"data": {"colour": "red"}})),
        400,
        "validation_type",
    )
    .await;
    api.err(
        "PATCH",
        "/lists/nope",
        Some(json!({"data": {"name": "x"}})),
        404,
        "not_found",
    )
    .await;
    let unchanged = api.ok("GET", "/lists/deals_pipeline", None).await["data"].clone();
    assert_eq!(unchanged, p, "refused patches change nothing");
    // Lists cannot be deleted through the API.
    api.err("DELETE", "/lists/deals_pipeline", None, 404, "not_found")
        .await;
}

#[tokio::test]
async fn a_new_list_has_the_system_attributes_of_every_list() {
    let api = start().await;
    let l = create_list(&api, "sales", "companies").await;
    let list_id = l["id"]["list_id"].as_str().unwrap();
    let attrs = api.ok("GET", "/lists/sales/attributes", None).await["data"].clone();
    let slugs: Vec<&str> = attrs
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["api_slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["created_at", "created_by"]);
    for a in attrs.as_array().unwrap() {
        assert_eq!(
            a["id"]["object_id"], list_id,
            "a list attribute's id holds the list id"
        );
        assert_eq!(a["is_system_attribute"], true);
        assert_eq!(a["is_writable"], false);
    }
    let by_id = api
        .ok(
            "GET",
            &format!("/lists/{list_id}/attributes/created_by"),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(by_id["type"], "actor-reference");
    api.err(
        "PATCH",
        "/lists/sales/attributes/created_at",
        Some(json!({"data": {"title": "Added"}})),
        400,
        "system_edit_unauthorized",
    )
    .await;
    api.err("GET", "/lists/nope/attributes", None, 404, "not_found")
        .await;
    api.err(
        "GET",
        "/lists/sales/attributes/stage",
        None,
        404,
        "not_found",
    )
    .await;
}

fn attribute(slug: &str, ty: &str, multi: bool) -> Value {
    json!({"data": {
        "title": slug, "description": null, "api_slug": slug, "type": ty,
        "is_required": false, "is_unique": false, "is_multiselect": multi, "config": {},
    }})
}

#[tokio::test]
async fn list_attributes_take_options_and_statuses() {
    let api = start().await;
    let l = create_list(&api, "sales", "companies").await;
    let list_id = l["id"]["list_id"].as_str().unwrap();
    let stage = api
        .ok(
            "POST",
            "/lists/sales/attributes",
            Some(attribute("stage", "status", false)),
        )
        .await["data"]
        .clone();
    assert_eq!(stage["id"]["object_id"], list_id);
    assert_eq!(stage["is_system_attribute"], false);
    for title in ["Lead", "Won"] {
        let s = api
            .ok(
                "POST",
                "/lists/sales/attributes/stage/statuses",
                Some(json!({"data": {"title": title, "celebration_enabled": title == "Won"}})),
            )
            .await["data"]
            .clone();
        assert_eq!(s["id"]["object_id"], list_id, "{s}");
        assert_eq!(s["id"]["attribute_id"], stage["id"]["attribute_id"]);
    }
    api.err(
        "POST",
        "/lists/sales/attributes/stage/statuses",
        Some(json!({"data": {"title": "Won"}})),
        409,
        "slug_conflict",
    )
    .await;
    let statuses = api
        .ok("GET", "/lists/sales/attributes/stage/statuses", None)
        .await["data"]
        .clone();
    let titles: Vec<&str> = statuses
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Lead", "Won"]);
    assert_eq!(statuses[1]["celebration_enabled"], true);

    api.ok(
        "POST",
        &format!("/lists/{list_id}/attributes"),
        Some(attribute("tags", "select", true)),
    )
    .await;
    let o = api
        .ok(
            "POST",
            "/lists/sales/attributes/tags/options",
            Some(json!({"data": {"title": "Hot"}})),
        )
        .await["data"]
        .clone();
    assert_eq!(o["id"]["object_id"], list_id);
    assert_eq!(o["title"], "Hot");
    let options = api
        .ok("GET", "/lists/sales/attributes/tags/options", None)
        .await["data"]
        .clone();
    assert_eq!(options, json!([o]));
    api.err(
        "POST",
        "/lists/sales/attributes/stage/options",
        Some(json!({"data": {"title": "Hot"}})),
        400,
        "validation_type",
    )
    .await;

    let patched = api
        .ok(
            "PATCH",
            "/lists/sales/attributes/tags",
            Some(json!({"data": {"title": "Labels"}})),
        )
        .await["data"]
        .clone();
    assert_eq!(patched["title"], "Labels");
    assert_eq!(patched["id"]["object_id"], list_id);
    api.err(
        "POST",
        "/lists/sales/attributes",
        Some(attribute("stage", "text", false)),
        409,
        "slug_conflict",
    )
    .await;
    // `parent_record` leads from an entry to its parent in query paths.
    api.err(
        "POST",
        "/lists/sales/attributes",
        Some(attribute("parent_record", "text", false)),
        409,
        "slug_conflict",
    )
    .await;
    // The attributes of a list are its own: the parent object's are not changed.
    let companies = api.ok("GET", "/objects/companies/attributes", None).await["data"].clone();
    assert!(
        !companies
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["api_slug"] == "stage" || a["api_slug"] == "tags")
    );
}

#[tokio::test]
async fn a_list_attribute_cannot_start_a_relationship() {
    let api = start().await;
    create_list(&api, "sales", "companies").await;
    let mut body = attribute("champion", "record-reference", false);
    body["data"]["config"] = json!({"record_reference": {"allowed_objects": ["people"]}});
    body["data"]["relationship"] = json!({
        "object": "people", "title": "Champion of", "api_slug": "champion_of", "is_multiselect": true,
    });
    api.err(
        "POST",
        "/lists/sales/attributes",
        Some(body.clone()),
        400,
        "validation_type",
    )
    .await;
    // A plain record reference is fine.
    body["data"].as_object_mut().unwrap().remove("relationship");
    let a = api.ok("POST", "/lists/sales/attributes", Some(body)).await["data"].clone();
    assert_eq!(a["type"], "record-reference");
    assert_eq!(a["relationship"], Value::Null);
}
