//! Notes: both content formats always returned, the 50-note page limit, the parent filter,
//! back-dating, validation errors with paths, the 404s, and deletion with the record.

mod common;

use common::{Api, id, start};
use serde_json::{Value, json};

async fn person(api: &Api, email: &str) -> String {
    id(&api
        .create("people", json!({"email_addresses": [email]}))
        .await)
}

fn note(record: &str, format: &str, content: &str) -> Option<Value> {
    Some(json!({"data": {
        "parent_object": "people", "parent_record_id": record, "title": "Call",
        "format": format, "content": content,
    }}))
}

async fn create_note(api: &Api, record: &str, format: &str, content: &str) -> Value {
    api.ok("POST", "/notes", note(record, format, content))
        .await["data"]
        .clone()
}

#[tokio::test]
async fn a_markdown_note_is_read_in_both_formats_in_attio_shape() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let md = "# Introduction\nDate and time of the call\n\n## Customer Background\n- **Key** business challenges\n1. See [the deck](https://example.com/deck)";
    let n = create_note(&api, &ada, "markdown", md).await;
    assert_eq!(n["content_markdown"], md);
    assert_eq!(
        n["content_plaintext"],
        "Introduction\nDate and time of the call\nCustomer Background\nKey business challenges\n1. See the deck"
    );
    let keys: Vec<&str> = n.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "content_markdown",
            "content_plaintext",
            "created_at",
            "created_by_actor",
            "id",
            "meeting_id",
            "parent_object",
            "parent_record_id",
            "tags",
            "title"
        ]
    );
    assert_eq!(n["parent_object"], "people");
    assert_eq!(n["parent_record_id"], ada.as_str());
    assert_eq!(n["title"], "Call");
    assert_eq!(n["meeting_id"], Value::Null);
    assert_eq!(n["tags"], json!([]));
    assert_eq!(n["created_by_actor"]["type"], "api-token");
    assert!(n["id"]["workspace_id"].is_string() && n["id"]["note_id"].is_string());
    assert_eq!(n["created_at"].as_str().unwrap().len(), 30, "{n}");

    let nid = n["id"]["note_id"].as_str().unwrap();
    let got = api.ok("GET", &format!("/notes/{nid}"), None).await;
    assert_eq!(got["data"], n);
}

#[tokio::test]
async fn a_plaintext_note_gets_markdown_that_reads_back_as_the_same_text() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let text = "# not a heading\n- not a bullet\n2 * 3 = 6 and snake_case";
    let n = create_note(&api, &ada, "plaintext", text).await;
    assert_eq!(n["content_plaintext"], text);
    assert_eq!(
        n["content_markdown"],
        "\\# not a heading\n\\- not a bullet\n2 \\* 3 = 6 and snake\\_case"
    );
    // Written back as markdown, the escaped text reads as the original plain text.
    let again = create_note(
        &api,
        &ada,
        "markdown",
        n["content_markdown"].as_str().unwrap(),
    )
    .await;
    assert_eq!(again["content_plaintext"], text);
}

#[tokio::test]
async fn notes_page_ten_by_default_and_fifty_at_most() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    for i in 0..55 {
        create_note(&api, &ada, "plaintext", &format!("note {i}")).await;
    }
    let page = |q: &'static str| {
        let api = &api;
        async move {
            api.ok("GET", &format!("/notes{q}"), None).await["data"]
                .as_array()
                .unwrap()
                .clone()
        }
    };
    assert_eq!(page("").await.len(), 10);
    let first = page("?limit=50").await;
    assert_eq!(first.len(), 50);
    assert_eq!(first[0]["content_plaintext"], "note 0");
    let rest = page("?limit=50&offset=50").await;
    assert_eq!(rest.len(), 5);
    assert_eq!(rest[4]["content_plaintext"], "note 54");
    let e = api
        .err("GET", "/notes?limit=51", None, 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["limit"]));
    assert_eq!(e["validation_errors"][0]["code"], "too_big");
}

#[tokio::test]
async fn notes_filter_by_parent_object_and_record() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let acme = id(&api
        .create("companies", json!({"domains": ["acme.com"]}))
        .await);
    create_note(&api, &ada, "plaintext", "ada 1").await;
    create_note(&api, &bob, "plaintext", "bob 1").await;
    create_note(&api, &ada, "plaintext", "ada 2").await;
    api.ok(
        "POST",
        "/notes",
        Some(
            json!({"data": {"parent_object": "companies", "parent_record_id": acme,
            "title": "Co", "format": "plaintext", "content": "acme 1"}}),
        ),
    )
    .await;
    let contents = |v: Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["content_plaintext"].as_str().unwrap().to_string())
            .collect()
    };
    let people_id = api.ok("GET", "/objects/people", None).await["data"]["id"]["object_id"]
        .as_str()
        .unwrap()
        .to_string();
    let of_ada = api
        .ok(
            "GET",
            &format!("/notes?parent_object={people_id}&parent_record_id={ada}"),
            None,
        )
        .await;
    assert_eq!(contents(of_ada), ["ada 1", "ada 2"]);
    let of_people = api.ok("GET", "/notes?parent_object=people", None).await;
    assert_eq!(contents(of_people), ["ada 1", "bob 1", "ada 2"]);
    let all = api.ok("GET", "/notes", None).await;
    assert_eq!(contents(all).len(), 4);

    api.err(
        "GET",
        "/notes?parent_object=planets",
        None,
        404,
        "not_found",
    )
    .await;
    let e = api
        .err(
            "GET",
            "/notes?parent_record_id=nope",
            None,
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["parent_record_id"])
    );
}

#[tokio::test]
async fn a_note_may_be_back_dated_but_not_before_1970_nor_into_the_future() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    create_note(&api, &ada, "plaintext", "new").await;
    let mut body = note(&ada, "plaintext", "old").unwrap();
    body["data"]["created_at"] = json!("2023-01-01T15:00:00Z");
    let n = api.ok("POST", "/notes", Some(body.clone())).await;
    assert_eq!(n["data"]["created_at"], "2023-01-01T15:00:00.000000000Z");
    // Notes are listed by creation time: the back-dated note comes first.
    let listed = api.ok("GET", "/notes", None).await;
    assert_eq!(listed["data"][0]["content_plaintext"], "old");

    for when in ["1969-12-31T23:59:59Z", "2999-01-01T00:00:00Z", "yesterday"] {
        body["data"]["created_at"] = json!(when);
        let e = api
            .err("POST", "/notes", Some(body.clone()), 400, "validation_type")
            .await;
        assert_eq!(
            e["validation_errors"][0]["path"],
            json!(["data", "created_at"]),
            "{when}"
        );
    }
}

#[tokio::test]
async fn note_validation_errors_name_every_bad_field() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let e = api
        .err(
            "POST",
            "/notes",
            Some(json!({"data": {"parent_object": "people", "parent_record_id": "nope", "content": 7}})),
            400,
            "validation_type",
        )
        .await;
    let paths: Vec<Value> = e["validation_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].clone())
        .collect();
    assert_eq!(
        paths,
        [
            json!(["data", "parent_record_id"]),
            json!(["data", "title"]),
            json!(["data", "format"]),
            json!(["data", "content"])
        ]
    );
    assert_eq!(e["validation_errors"][1]["message"], "Required");

    let e = api
        .err(
            "POST",
            "/notes",
            note(&ada, "html", "x"),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "invalid_enum_value");
    assert_eq!(e["validation_errors"][0]["path"], json!(["data", "format"]));
    api.err("POST", "/notes", Some(json!({})), 400, "validation_type")
        .await;
    assert_eq!(
        api.ok("GET", "/notes", None).await["data"],
        json!([]),
        "nothing stored"
    );
}

#[tokio::test]
async fn notes_answer_404_for_unknown_parents_meetings_and_notes() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let unknown = "ff3f3bd4-40f4-4f80-8187-cd02385af424";
    let mut body = note(&ada, "plaintext", "x").unwrap();
    body["data"]["parent_object"] = json!("planets");
    let e = api
        .err("POST", "/notes", Some(body.clone()), 404, "not_found")
        .await;
    assert_eq!(e["message"], "Object with slug/ID \"planets\" not found.");
    let e = api
        .err(
            "POST",
            "/notes",
            note(unknown, "plaintext", "x"),
            404,
            "not_found",
        )
        .await;
    assert_eq!(
        e["message"],
        format!("Record with ID \"{unknown}\" not found.")
    );

    // No meetings exist in the emulator: any meeting id is unknown, null is none.
    let mut body = note(&ada, "plaintext", "x").unwrap();
    body["data"]["meeting_id"] = json!(unknown);
    api.err("POST", "/notes", Some(body.clone()), 404, "not_found")
        .await;
    body["data"]["meeting_id"] = Value::Null;
    api.ok("POST", "/notes", Some(body)).await;

    for method in ["GET", "DELETE"] {
        let e = api
            .err(method, &format!("/notes/{unknown}"), None, 404, "not_found")
            .await;
        assert_eq!(
            e["message"],
            format!("Note with ID \"{unknown}\" was not found.")
        );
    }
    let e = api
        .err("GET", "/notes/nope", None, 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["note_id"]));
}

#[tokio::test]
async fn a_deleted_note_is_gone() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let n = create_note(&api, &ada, "plaintext", "x").await;
    let nid = n["id"]["note_id"].as_str().unwrap();
    let out = api.ok("DELETE", &format!("/notes/{nid}"), None).await;
    assert_eq!(out, json!({}));
    api.err("GET", &format!("/notes/{nid}"), None, 404, "not_found")
        .await;
}

#[tokio::test]
async fn deleting_a_record_deletes_its_notes() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let gone = create_note(&api, &ada, "plaintext", "ada").await;
    create_note(&api, &bob, "plaintext", "bob").await;
    api.ok("DELETE", &format!("/objects/people/records/{ada}"), None)
        .await;
    let left = api.ok("GET", "/notes", None).await["data"].clone();
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["content_plaintext"], "bob");
    let nid = gone["id"]["note_id"].as_str().unwrap();
    api.err("GET", &format!("/notes/{nid}"), None, 404, "not_found")
        .await;
}

#[tokio::test]
async fn note_reads_are_reads_and_writes_are_writes() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let before = api.emu.stats();
    create_note(&api, &ada, "plaintext", "x").await;
    api.ok("GET", "/notes", None).await;
    api.ok("GET", "/notes?parent_object=people", None).await;
    let after = api.emu.stats();
    assert_eq!(after.read_requests - before.read_requests, 2);
    assert_eq!(after.write_requests - before.write_requests, 1);
    assert_eq!(after.writes_stored - before.writes_stored, 1);
}
