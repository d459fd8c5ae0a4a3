//! Tasks: the `target_object` / `target_object_id` asymmetry, immutable content, the six
//! required create fields, linked records by id or by a unique attribute, assignees by id
//! or email, completion, the list filters and sort, the 404s, and unlinking on delete.

mod common;

use common::{Api, id, start};
use serde_json::{Value, json};

async fn person(api: &Api, email: &str) -> String {
    id(&api
        .create("people", json!({"email_addresses": [email]}))
        .await)
}

async fn members(api: &Api) -> Vec<Value> {
    api.ok("GET", "/workspace_members", None).await["data"]
        .as_array()
        .unwrap()
        .clone()
}

async fn object_id(api: &Api, slug: &str) -> String {
    api.ok("GET", &format!("/objects/{slug}"), None).await["data"]["id"]["object_id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn task(content: &str, linked: Value, assignees: Value) -> Value {
    json!({"data": {
        "content": content, "format": "plaintext", "deadline_at": null,
        "is_completed": false, "linked_records": linked, "assignees": assignees,
    }})
}

async fn create_task(api: &Api, body: Value) -> Value {
    api.ok("POST", "/tasks", Some(body)).await["data"].clone()
}

fn task_path(t: &Value) -> String {
    format!("/tasks/{}", t["id"]["task_id"].as_str().unwrap())
}

#[tokio::test]
async fn linked_records_are_written_with_target_object_and_read_with_target_object_id() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let t = create_task(
        &api,
        task(
            "Call Ada",
            json!([{"target_object": "people", "target_record_id": ada}]),
            json!([]),
        ),
    )
    .await;
    let people = object_id(&api, "people").await;
    // Read: the object's id under `target_object_id`, never `target_object`.
    assert_eq!(
        t["linked_records"],
        json!([{"target_object_id": people, "target_record_id": ada}])
    );
    let keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "assignees",
            "completed_at",
            "content_plaintext",
            "created_at",
            "created_by_actor",
            "deadline_at",
            "id",
            "is_completed",
            "linked_records"
        ]
    );
    assert_eq!(t["content_plaintext"], "Call Ada");
    assert_eq!(t["created_by_actor"]["type"], "api-token");

    // Round-tripping the read shape into a PATCH fails validation…
    let e = api
        .err(
            "PATCH",
            &task_path(&t),
            Some(json!({"data": {"linked_records": t["linked_records"]}})),
            400,
            "validation_type",
        )
        .await;
    let errors = e["validation_errors"].as_array().unwrap();
    assert_eq!(
        errors[0]["path"],
        json!(["data", "linked_records", 0, "target_object"])
    );
    assert_eq!(errors[0]["message"], "Required");
    // …while the write key, by slug or by the object id, works.
    let patched = api
        .ok(
            "PATCH",
            &task_path(&t),
            Some(json!({"data": {"linked_records": [{"target_object": people, "target_record_id": ada}]}})),
        )
        .await;
    assert_eq!(patched["data"]["linked_records"], t["linked_records"]);
}

#[tokio::test]
async fn task_content_cannot_be_changed() {
    let api = start().await;
    let t = create_task(&api, task("Original", json!([]), json!([]))).await;
    for body in [
        json!({"data": {"content": "Edited"}}),
        json!({"data": {"content": "Edited", "is_completed": true}}),
    ] {
        let e = api
            .err("PATCH", &task_path(&t), Some(body), 400, "validation_type")
            .await;
        assert_eq!(e["validation_errors"][0]["code"], "unrecognized_keys");
        assert_eq!(e["validation_errors"][0]["path"], json!(["data"]));
        assert_eq!(e["validation_errors"][0]["keys"], json!(["content"]));
    }
    let now = api.ok("GET", &task_path(&t), None).await;
    assert_eq!(now["data"]["content_plaintext"], "Original");
    assert_eq!(now["data"]["is_completed"], false, "nothing applied");
}

#[tokio::test]
async fn all_six_create_fields_are_required() {
    let api = start().await;
    let full = task("x", json!([]), json!([]));
    for field in [
        "content",
        "format",
        "deadline_at",
        "is_completed",
        "linked_records",
        "assignees",
    ] {
        let mut body = full.clone();
        body["data"].as_object_mut().unwrap().remove(field);
        let e = api
            .err("POST", "/tasks", Some(body), 400, "validation_type")
            .await;
        assert_eq!(
            e["validation_errors"],
            json!([{
                "path": ["data", field], "code": "invalid_type", "message": "Required",
                "expected": e["validation_errors"][0]["expected"], "received": "undefined",
            }]),
            "{field}"
        );
    }
    let e = api
        .err(
            "POST",
            "/tasks",
            Some(json!({"data": {}})),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"].as_array().unwrap().len(), 6);
    assert_eq!(api.ok("GET", "/tasks", None).await["data"], json!([]));
}

#[tokio::test]
async fn task_content_is_at_most_2000_characters_of_plaintext() {
    let api = start().await;
    create_task(&api, task(&"é".repeat(2000), json!([]), json!([]))).await;
    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task(&"a".repeat(2001), json!([]), json!([]))),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "too_big");
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "content"])
    );
    let mut body = task("x", json!([]), json!([]));
    body["data"]["format"] = json!("markdown");
    let e = api
        .err("POST", "/tasks", Some(body), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["data", "format"]));
}

#[tokio::test]
async fn deadlines_are_timestamps_or_null() {
    let api = start().await;
    let mut body = task("x", json!([]), json!([]));
    body["data"]["deadline_at"] = json!("2023-01-01");
    let t = create_task(&api, body.clone()).await;
    assert_eq!(t["deadline_at"], "2023-01-01T00:00:00.000000000Z");
    let p = api
        .ok(
            "PATCH",
            &task_path(&t),
            Some(json!({"data": {"deadline_at": "2024-02-03T04:05:06+01:00"}})),
        )
        .await;
    assert_eq!(p["data"]["deadline_at"], "2024-02-03T03:05:06.000000000Z");
    let p = api
        .ok(
            "PATCH",
            &task_path(&t),
            Some(json!({"data": {"deadline_at": null}})),
        )
        .await;
    assert_eq!(p["data"]["deadline_at"], Value::Null);
    body["data"]["deadline_at"] = json!("next week");
    let e = api
        .err("POST", "/tasks", Some(body), 400, "validation_type")
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "deadline_at"])
    );
}

#[tokio::test]
async fn assignees_are_members_found_by_id_or_email() {
    let api = start().await;
    let ms = members(&api).await;
    let owner = ms[0]["id"]["workspace_member_id"].as_str().unwrap();
    let second = ms[1]["id"]["workspace_member_id"].as_str().unwrap();
    let second_email = ms[1]["email_address"].as_str().unwrap().to_uppercase();
    let t = create_task(
        &api,
        task(
            "x",
            json!([]),
            json!([
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": owner},
                {"workspace_member_email_address": second_email},
                {"referenced_actor_type": "workspace-member", "referenced_actor_id": owner},
            ]),
        ),
    )
    .await;
    assert_eq!(
        t["assignees"],
        json!([
            {"referenced_actor_type": "workspace-member", "referenced_actor_id": owner},
            {"referenced_actor_type": "workspace-member", "referenced_actor_id": second},
        ])
    );

    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task(
                "x",
                json!([]),
                json!([{"workspace_member_email_address": "nobody@example.com"}]),
            )),
            400,
            "value_not_found",
        )
        .await;
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("nobody@example.com")
    );
    let unknown = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";
    api.err(
        "POST",
        "/tasks",
        Some(task(
            "x",
            json!([]),
            json!([{"referenced_actor_type": "workspace-member", "referenced_actor_id": unknown}]),
        )),
        400,
        "value_not_found",
    )
    .await;
    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task(
                "x",
                json!([]),
                json!([{"referenced_actor_type": "api-token", "referenced_actor_id": owner}]),
            )),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "assignees", 0, "referenced_actor_type"])
    );
}

#[tokio::test]
async fn linked_records_are_found_by_a_unique_attribute() {
    let api = start().await;
    let acme = id(&api
        .create("companies", json!({"domains": ["acme.com"]}))
        .await);
    let ada = person(&api, "ada@example.com").await;
    let t = create_task(
        &api,
        task(
            "x",
            json!([
                {"target_object": "companies", "domains": [{"domain": "https://ACME.com/about"}]},
                {"target_object": "people", "email_addresses": [{"email_address": "nobody@example.com"}, "Ada@Example.com"]},
            ]),
            json!([]),
        ),
    )
    .await;
    let records: Vec<&str> = t["linked_records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["target_record_id"].as_str().unwrap())
        .collect();
    assert_eq!(records, [acme.as_str(), ada.as_str()]);

    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task(
                "x",
                json!([{"target_object": "companies", "domains": ["nothing.example"]}]),
                json!([]),
            )),
            400,
            "value_not_found",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains("companies"));
    api.err(
        "POST",
        "/tasks",
        Some(task(
            "x",
            json!([{"target_object": "companies", "name": ["Acme"]}]),
            json!([]),
        )),
        400,
        "validation_type",
    )
    .await;
    let unknown = "891dcbfc-9141-415d-9b2a-2238a6cc012d";
    api.err(
        "POST",
        "/tasks",
        Some(task(
            "x",
            json!([{"target_object": "people", "target_record_id": unknown}]),
            json!([]),
        )),
        400,
        "value_not_found",
    )
    .await;
    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task(
                "x",
                json!([{"target_object": "planets", "target_record_id": unknown}]),
                json!([]),
            )),
            404,
            "not_found",
        )
        .await;
    assert_eq!(e["message"], "Object with slug/ID \"planets\" not found.");
    let e = api
        .err(
            "POST",
            "/tasks",
            Some(task("x", json!([{"target_object": "people"}]), json!([]))),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "linked_records", 0])
    );
}

#[tokio::test]
async fn completing_sets_completed_at_and_reopening_clears_it() {
    let api = start().await;
    let t = create_task(&api, task("x", json!([]), json!([]))).await;
    assert_eq!(t["completed_at"], Value::Null);
    let done = |v: bool| Some(json!({"data": {"is_completed": v}}));
    let c1 = api.ok("PATCH", &task_path(&t), done(true)).await["data"].clone();
    assert_eq!(c1["is_completed"], true);
    assert!(c1["completed_at"].is_string());
    let c2 = api.ok("PATCH", &task_path(&t), done(true)).await["data"].clone();
    assert_eq!(
        c2["completed_at"], c1["completed_at"],
        "kept when already done"
    );
    let open = api.ok("PATCH", &task_path(&t), done(false)).await["data"].clone();
    assert_eq!(open["is_completed"], false);
    assert_eq!(open["completed_at"], Value::Null);

    let mut body = task("born done", json!([]), json!([]));
    body["data"]["is_completed"] = json!(true);
    assert!(create_task(&api, body).await["completed_at"].is_string());
}

#[tokio::test]
async fn a_patch_replaces_links_and_assignees() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let ms = members(&api).await;
    let owner = ms[0]["email_address"].clone();
    let second = ms[1]["email_address"].clone();
    let t = create_task(
        &api,
        task(
            "x",
            json!([{"target_object": "people", "target_record_id": ada}]),
            json!([{"workspace_member_email_address": owner}]),
        ),
    )
    .await;
    let p = api
        .ok(
            "PATCH",
            &task_path(&t),
            Some(json!({"data": {
                "linked_records": [{"target_object": "people", "target_record_id": bob}],
                "assignees": [{"workspace_member_email_address": second}],
            }})),
        )
        .await["data"]
        .clone();
    assert_eq!(p["linked_records"].as_array().unwrap().len(), 1);
    assert_eq!(p["linked_records"][0]["target_record_id"], bob.as_str());
    assert_eq!(p["assignees"].as_array().unwrap().len(), 1);
    assert_eq!(
        p["assignees"][0]["referenced_actor_id"],
        ms[1]["id"]["workspace_member_id"]
    );
    // Fields not sent are kept.
    let p = api
        .ok("PATCH", &task_path(&t), Some(json!({"data": {}})))
        .await["data"]
        .clone();
    assert_eq!(p["linked_records"][0]["target_record_id"], bob.as_str());
}

#[tokio::test]
async fn tasks_are_listed_by_link_assignee_and_completion_in_either_order() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let ms = members(&api).await;
    let owner_id = ms[0]["id"]["workspace_member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let owner_email = ms[0]["email_address"].as_str().unwrap().to_string();
    let link = json!([{"target_object": "people", "target_record_id": ada}]);
    let mine = json!([{"workspace_member_email_address": owner_email}]);
    create_task(&api, task("linked, mine", link.clone(), mine.clone())).await;
    create_task(&api, task("mine", json!([]), mine)).await;
    let mut done = task("linked, done", link, json!([]));
    done["data"]["is_completed"] = json!(true);
    create_task(&api, done).await;
    create_task(&api, task("nothing", json!([]), json!([]))).await;

    let list = |q: String| {
        let api = &api;
        async move {
            api.ok("GET", &format!("/tasks{q}"), None).await["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["content_plaintext"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(String::new()).await,
        ["linked, mine", "mine", "linked, done", "nothing"]
    );
    assert_eq!(
        list("?sort=created_at:desc".into()).await,
        ["nothing", "linked, done", "mine", "linked, mine"]
    );
    assert_eq!(
        list(format!("?linked_object=people&linked_record_id={ada}")).await,
        ["linked, mine", "linked, done"]
    );
    assert_eq!(
        list(format!("?assignee={owner_id}")).await,
        ["linked, mine", "mine"]
    );
    assert_eq!(
        list(format!("?assignee={}", owner_email.to_uppercase())).await,
        ["linked, mine", "mine"]
    );
    assert_eq!(list("?assignee=".into()).await, ["linked, done", "nothing"]);
    assert_eq!(
        list("?assignee=null".into()).await,
        ["linked, done", "nothing"]
    );
    assert!(list("?assignee=nobody@example.com".into()).await.is_empty());
    assert_eq!(list("?is_completed=true".into()).await, ["linked, done"]);
    assert_eq!(
        list(format!(
            "?is_completed=false&linked_object=people&linked_record_id={ada}"
        ))
        .await,
        ["linked, mine"]
    );
    assert_eq!(
        list("?limit=2&offset=1".into()).await,
        ["mine", "linked, done"]
    );

    for (q, path) in [
        ("?linked_object=people".to_string(), "linked_record_id"),
        (format!("?linked_record_id={ada}"), "linked_object"),
        ("?sort=content:asc".to_string(), "sort"),
        ("?is_completed=yes".to_string(), "is_completed"),
        (
            "?linked_object=people&linked_record_id=nope".to_string(),
            "linked_record_id",
        ),
    ] {
        let e = api
            .err("GET", &format!("/tasks{q}"), None, 400, "validation_type")
            .await;
        assert_eq!(e["validation_errors"][0]["path"], json!([path]), "{q}");
    }
    api.err(
        "GET",
        &format!("/tasks?linked_object=planets&linked_record_id={ada}"),
        None,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn unknown_tasks_answer_404() {
    let api = start().await;
    let unknown = "649e34f4-c39a-4f4d-99ef-48a36bef8f04";
    let path = format!("/tasks/{unknown}");
    for (method, body) in [
        ("GET", None),
        ("PATCH", Some(json!({"data": {"is_completed": true}}))),
        ("DELETE", None),
    ] {
        let e = api.err(method, &path, body, 404, "not_found").await;
        assert_eq!(
            e["message"],
            format!("Could not find Task with ID \"{unknown}\".")
        );
    }
    let e = api
        .err("GET", "/tasks/nope", None, 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["task_id"]));

    let t = create_task(&api, task("x", json!([]), json!([]))).await;
    assert_eq!(api.ok("DELETE", &task_path(&t), None).await, json!({}));
    api.err("GET", &task_path(&t), None, 404, "not_found").await;
}

#[tokio::test]
async fn deleting_a_record_unlinks_it_from_tasks() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let t = create_task(
        &api,
        task(
            "x",
            json!([
                {"target_object": "people", "target_record_id": ada},
                {"target_object": "people", "target_record_id": bob},
            ]),
            json!([]),
        ),
    )
    .await;
    api.ok("DELETE", &format!("/objects/people/records/{ada}"), None)
        .await;
    let now = api.ok("GET", &task_path(&t), None).await["data"].clone();
    assert_eq!(now["linked_records"].as_array().unwrap().len(), 1);
    assert_eq!(now["linked_records"][0]["target_record_id"], bob.as_str());
}
