//! Threads and comments: a comment starts a thread on a record or replies in one, the
//! author must be a workspace member, exactly one target, the thread list's pairs and its
//! 50-thread page limit, deleting the head comment deletes the thread, the 404s, and
//! deletion with the record.

mod common;

use common::{Api, id, start};
use serde_json::{Value, json};

async fn person(api: &Api, email: &str) -> String {
    id(&api
        .create("people", json!({"email_addresses": [email]}))
        .await)
}

async fn owner(api: &Api) -> String {
    api.ok("GET", "/workspace_members", None).await["data"][0]["id"]["workspace_member_id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn on_record(record: &str, author: &str, content: &str) -> Option<Value> {
    Some(json!({"data": {
        "format": "plaintext", "content": content,
        "author": {"type": "workspace-member", "id": author},
        "record": {"object": "people", "record_id": record},
    }}))
}

fn reply(thread: &Value, author: &str, content: &str) -> Option<Value> {
    Some(json!({"data": {
        "format": "plaintext", "content": content,
        "author": {"type": "workspace-member", "id": author},
        "thread_id": thread,
    }}))
}

async fn comment(api: &Api, body: Option<Value>) -> Value {
    api.ok("POST", "/comments", body).await["data"].clone()
}

#[tokio::test]
async fn a_comment_on_a_record_starts_a_thread_and_replies_join_it() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    let head = comment(
        &api,
        on_record(&ada, &me, "Let's close this, owner@emulator.example.com"),
    )
    .await;
    let people = api.ok("GET", "/objects/people", None).await["data"]["id"]["object_id"].clone();
    let keys: Vec<&str> = head
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "author",
            "content_plaintext",
            "created_at",
            "entry",
            "id",
            "record",
            "resolved_at",
            "resolved_by",
            "thread_id"
        ]
    );
    assert_eq!(
        head["record"],
        json!({"record_id": ada, "object_id": people})
    );
    assert_eq!(head["entry"], Value::Null);
    assert_eq!(
        head["author"],
        json!({"type": "workspace-member", "id": me})
    );
    assert_eq!(head["resolved_at"], Value::Null);
    assert_eq!(head["resolved_by"], json!({"type": null, "id": null}));
    assert_eq!(
        head["content_plaintext"],
        "Let's close this, owner@emulator.example.com"
    );

    let thread_id = head["thread_id"].clone();
    let second = comment(&api, reply(&thread_id, &me, "Agreed")).await;
    assert_eq!(second["thread_id"], thread_id);
    assert_eq!(second["record"], head["record"]);

    let t = api
        .ok(
            "GET",
            &format!("/threads/{}", thread_id.as_str().unwrap()),
            None,
        )
        .await["data"]
        .clone();
    assert_eq!(t["id"]["thread_id"], thread_id);
    assert_eq!(t["comments"], json!([head, second]));
    assert_eq!(t["created_at"], head["created_at"]);

    let cid = second["id"]["comment_id"].as_str().unwrap();
    let got = api.ok("GET", &format!("/comments/{cid}"), None).await;
    assert_eq!(got["data"], second);
}

#[tokio::test]
async fn comments_are_sorted_by_created_at_and_may_be_back_dated() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    let head = comment(&api, on_record(&ada, &me, "head")).await;
    let mut body = reply(&head["thread_id"], &me, "earlier").unwrap();
    body["data"]["created_at"] = json!("2020-05-01T10:00:00Z");
    let early = comment(&api, Some(body.clone())).await;
    assert_eq!(early["created_at"], "2020-05-01T10:00:00.000000000Z");
    let t = api
        .ok(
            "GET",
            &format!("/threads/{}", head["thread_id"].as_str().unwrap()),
            None,
        )
        .await;
    let order: Vec<&str> = t["data"]["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["content_plaintext"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["earlier", "head"]);
    body["data"]["created_at"] = json!("2999-01-01T00:00:00Z");
    let e = api
        .err("POST", "/comments", Some(body), 400, "validation_type")
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "created_at"])
    );
}

#[tokio::test]
async fn the_author_must_be_a_workspace_member() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    let unknown = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";
    let e = api
        .err(
            "POST",
            "/comments",
            on_record(&ada, unknown, "x"),
            400,
            "value_not_found",
        )
        .await;
    assert!(e["message"].as_str().unwrap().contains(unknown));
    let mut body = on_record(&ada, &me, "x").unwrap();
    body["data"]["author"] = json!({"type": "api-token", "id": me});
    let e = api
        .err(
            "POST",
            "/comments",
            Some(body.clone()),
            400,
            "validation_type",
        )
        .await;
    assert_eq!(
        e["validation_errors"][0]["path"],
        json!(["data", "author", "type"])
    );
    body["data"].as_object_mut().unwrap().remove("author");
    let e = api
        .err("POST", "/comments", Some(body), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["data", "author"]));
}

#[tokio::test]
async fn a_comment_names_exactly_one_target() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    let head = comment(&api, on_record(&ada, &me, "x")).await;
    let mut both = on_record(&ada, &me, "x").unwrap();
    both["data"]["thread_id"] = head["thread_id"].clone();
    let mut neither = on_record(&ada, &me, "x").unwrap();
    neither["data"].as_object_mut().unwrap().remove("record");
    for body in [both, neither] {
        let e = api
            .err("POST", "/comments", Some(body), 400, "validation_type")
            .await;
        assert_eq!(e["validation_errors"][0]["path"], json!(["data"]));
    }
    let mut extra = on_record(&ada, &me, "x").unwrap();
    extra["data"]["title"] = json!("no titles on comments");
    let e = api
        .err("POST", "/comments", Some(extra), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["code"], "unrecognized_keys");
    let mut md = on_record(&ada, &me, "x").unwrap();
    md["data"]["format"] = json!("markdown");
    let e = api
        .err("POST", "/comments", Some(md), 400, "validation_type")
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["data", "format"]));
}

#[tokio::test]
async fn comments_on_unknown_targets_are_value_not_found() {
    let api = start().await;
    let me = owner(&api).await;
    let unknown = "aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2";
    let e = api
        .err(
            "POST",
            "/comments",
            reply(&json!(unknown), &me, "x"),
            400,
            "value_not_found",
        )
        .await;
    assert_eq!(
        e["message"],
        "The referenced Thread could not be found, it might have been deleted."
    );
    api.err(
        "POST",
        "/comments",
        on_record(unknown, &me, "x"),
        400,
        "value_not_found",
    )
    .await;
    let mut body = on_record(unknown, &me, "x").unwrap();
    body["data"]["record"]["object"] = json!("planets");
    api.err("POST", "/comments", Some(body), 400, "value_not_found")
        .await;
    // Entries: the workspace holds no such list.
    let entry = Some(json!({"data": {
        "format": "plaintext", "content": "x",
        "author": {"type": "workspace-member", "id": me},
        "entry": {"list": "sales", "entry_id": unknown},
    }}));
    let e = api
        .err("POST", "/comments", entry, 400, "value_not_found")
        .await;
    assert_eq!(e["message"], "List with slug/ID \"sales\" not found.");
}

#[tokio::test]
async fn threads_are_listed_by_record_or_entry_pairs() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let me = owner(&api).await;
    let a1 = comment(&api, on_record(&ada, &me, "ada 1")).await;
    comment(&api, on_record(&bob, &me, "bob 1")).await;
    comment(&api, reply(&a1["thread_id"], &me, "ada 1 reply")).await;
    comment(&api, on_record(&ada, &me, "ada 2")).await;
    let heads = |v: Value| -> Vec<String> {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                t["comments"][0]["content_plaintext"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let of_ada = api
        .ok(
            "GET",
            &format!("/threads?record_id={ada}&object=people"),
            None,
        )
        .await;
    assert_eq!(of_ada["data"][0]["comments"].as_array().unwrap().len(), 2);
    assert_eq!(heads(of_ada), ["ada 1", "ada 2"]);
    assert_eq!(heads(api.ok("GET", "/threads", None).await).len(), 3);

    let unknown = "2e6e29ea-c4e0-4f44-842d-78a891f8c156";
    for (q, path) in [
        (format!("?record_id={ada}"), "object"),
        ("?object=people".to_string(), "record_id"),
        (format!("?entry_id={unknown}"), "list"),
        ("?list=sales".to_string(), "entry_id"),
        (
            format!("?record_id={ada}&object=people&entry_id={unknown}&list=sales"),
            "record_id",
        ),
        ("?record_id=nope&object=people".to_string(), "record_id"),
    ] {
        let e = api
            .err("GET", &format!("/threads{q}"), None, 400, "validation_type")
            .await;
        assert_eq!(e["validation_errors"][0]["path"], json!([path]), "{q}");
    }
    api.err(
        "GET",
        &format!("/threads?record_id={ada}&object=planets"),
        None,
        404,
        "not_found",
    )
    .await;
    let e = api
        .err(
            "GET",
            &format!("/threads?entry_id={unknown}&list=sales"),
            None,
            404,
            "not_found",
        )
        .await;
    assert_eq!(e["message"], "List with slug/ID \"sales\" not found.");
    let none = api
        .ok(
            "GET",
            &format!("/threads?record_id={unknown}&object=people"),
            None,
        )
        .await;
    assert_eq!(none["data"], json!([]));
}

#[tokio::test]
async fn threads_page_ten_by_default_and_fifty_at_most() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    for i in 0..52 {
        comment(&api, on_record(&ada, &me, &format!("c{i}"))).await;
    }
    let q = format!("/threads?record_id={ada}&object=people");
    let len = |v: Value| v["data"].as_array().unwrap().len();
    assert_eq!(len(api.ok("GET", &q, None).await), 10);
    assert_eq!(len(api.ok("GET", &format!("{q}&limit=50"), None).await), 50);
    let last = api
        .ok("GET", &format!("{q}&limit=50&offset=50"), None)
        .await;
    assert_eq!(len(last.clone()), 2);
    assert_eq!(last["data"][1]["comments"][0]["content_plaintext"], "c51");
    let e = api
        .err(
            "GET",
            &format!("{q}&limit=51"),
            None,
            400,
            "validation_type",
        )
        .await;
    assert_eq!(e["validation_errors"][0]["path"], json!(["limit"]));
}

#[tokio::test]
async fn deleting_the_head_comment_deletes_the_thread() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let me = owner(&api).await;
    let head = comment(&api, on_record(&ada, &me, "head")).await;
    let r1 = comment(&api, reply(&head["thread_id"], &me, "r1")).await;
    let r2 = comment(&api, reply(&head["thread_id"], &me, "r2")).await;
    let path = |c: &Value| format!("/comments/{}", c["id"]["comment_id"].as_str().unwrap());
    let thread = format!("/threads/{}", head["thread_id"].as_str().unwrap());

    // A reply goes alone.
    assert_eq!(api.ok("DELETE", &path(&r1), None).await, json!({}));
    let t = api.ok("GET", &thread, None).await;
    assert_eq!(t["data"]["comments"], json!([head, r2]));
    api.err("GET", &path(&r1), None, 404, "not_found").await;

    // The head takes the thread and its replies.
    api.ok("DELETE", &path(&head), None).await;
    let e = api.err("GET", &thread, None, 404, "not_found").await;
    assert_eq!(
        e["message"],
        format!(
            "Thread with ID \"{}\" was not found.",
            head["thread_id"].as_str().unwrap()
        )
    );
    let e = api.err("GET", &path(&r2), None, 404, "not_found").await;
    assert_eq!(
        e["message"],
        format!(
            "Comment with ID \"{}\" was not found.",
            r2["id"]["comment_id"].as_str().unwrap()
        )
    );
    api.err("DELETE", &path(&r2), None, 404, "not_found").await;
    api.err("GET", "/comments/nope", None, 400, "validation_type")
        .await;
    api.err("GET", "/threads/nope", None, 400, "validation_type")
        .await;
}

#[tokio::test]
async fn deleting_a_record_deletes_its_threads() {
    let api = start().await;
    let ada = person(&api, "ada@example.com").await;
    let bob = person(&api, "bob@example.com").await;
    let me = owner(&api).await;
    let gone = comment(&api, on_record(&ada, &me, "ada")).await;
    comment(&api, on_record(&bob, &me, "bob")).await;
    api.ok("DELETE", &format!("/objects/people/records/{ada}"), None)
        .await;
    let all = api.ok("GET", "/threads", None).await["data"].clone();
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["comments"][0]["content_plaintext"], "bob");
    let cid = gone["id"]["comment_id"].as_str().unwrap();
    api.err("GET", &format!("/comments/{cid}"), None, 404, "not_found")
        .await;
}

#[tokio::test]
async fn comments_on_an_entry_start_a_thread_that_goes_with_the_entry() {
    let api = start().await;
    let me = owner(&api).await;
    api.ok(
        "POST",
        "/lists",
        Some(json!({"data": {
            "name": "Hiring", "api_slug": "hiring", "parent_object": "people",
            "workspace_access": "full-access", "workspace_member_access": [],
        }})),
    )
    .await;
    let ada = person(&api, "ada@example.com").await;
    let entry = api
        .ok(
            "POST",
            "/lists/hiring/entries",
            Some(json!({"data": {
                "parent_record_id": ada, "parent_object": "people", "entry_values": {},
            }})),
        )
        .await["data"]
        .clone();
    let entry_id = entry["id"]["entry_id"].as_str().unwrap().to_string();
    let head = comment(
        &api,
        Some(json!({"data": {
            "format": "plaintext", "content": "Strong candidate",
            "author": {"type": "workspace-member", "id": me},
            "entry": {"list": "hiring", "entry_id": entry_id},
        }})),
    )
    .await;
    assert_eq!(head["entry"]["entry_id"], json!(entry_id));
    assert_eq!(head["entry"]["list_id"], entry["id"]["list_id"]);
    assert_eq!(head["record"]["record_id"], json!(ada));
    let of_entry = format!("/threads?entry_id={entry_id}&list=hiring");
    let threads = api.ok("GET", &of_entry, None).await;
    assert_eq!(threads["data"].as_array().unwrap().len(), 1);

    api.ok("DELETE", &format!("/lists/hiring/entries/{entry_id}"), None)
        .await;
    let thread = format!("/threads/{}", head["thread_id"].as_str().unwrap());
    api.err("GET", &thread, None, 404, "not_found").await;
}
