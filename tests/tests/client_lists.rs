//! The lists area: `client.lists()` against the emulator (every call, Attio's errors), the
//! bodies it sends (read back by a server that records them), and the documented list
//! responses and create body (`fixtures/lists/`).

mod common;
mod recording;

use attio_core::models::{
    List, ListAccessLevel, ListUpdate, MemberAccess, NewList, WorkspaceAccess,
};
use attio_core::values::ActorType;
use attio_core::{Client, ErrorCode, RetryPolicy, json};
use attio_emulator::Emulator;
use common::{fixture, fixture_json};
use recording::recording;
use uuid::Uuid;

fn client_for(base_url: &str, key: &str) -> Client {
    Client::builder()
        .api_key(key)
        .base_url(base_url)
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

async fn emulator() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = client_for(emu.base_url(), emu.api_key());
    (emu, client)
}

fn code(e: &attio_core::Error) -> Option<ErrorCode> {
    e.code().cloned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_are_created_read_and_listed() {
    let (emu, client) = emulator().await;
    assert_eq!(
        client.lists().all().await.expect("lists"),
        Vec::<List>::new()
    );
    let owner = client.members().all().await.expect("members")[0].clone();

    let sales = client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("create");
    assert_eq!(sales.api_slug, "sales");
    assert_eq!(sales.name, "Sales");
    assert_eq!(sales.parent_object, ["companies"]);
    assert_eq!(sales.single_parent_object(), Some("companies"));
    assert_eq!(sales.workspace_access, WorkspaceAccess::FullAccess);
    assert!(sales.workspace_member_access.is_empty());
    assert_eq!(sales.id.workspace_id, owner.id.workspace_id);
    assert_eq!(
        sales.created_by_actor.actor_type,
        Some(ActorType::ApiToken),
        "{sales:?}"
    );

    assert_eq!(client.lists().get("sales").await.expect("by slug"), sales);
    let by_id = client
        .lists()
        .get(&sales.id.list_id.to_string())
        .await
        .expect("by id");
    assert_eq!(by_id, sales);

    let hiring = client
        .lists()
        .create(
            &NewList::new("Hiring", "hiring", "people")
                .workspace_access(WorkspaceAccess::Private)
                .member_access(owner.id.workspace_member_id, ListAccessLevel::FullAccess),
        )
        .await
        .expect("private list");
    assert_eq!(hiring.workspace_access, WorkspaceAccess::Private);
    assert_eq!(
        hiring.workspace_member_access,
        [MemberAccess::new(
            owner.id.workspace_member_id,
            ListAccessLevel::FullAccess
        )]
    );
    let read_only = NewList {
        workspace_access: WorkspaceAccess::ReadOnly,
        workspace_member_access: vec![MemberAccess::new(
            owner.id.workspace_member_id,
            ListAccessLevel::FullAccess,
        )],
        ..NewList::new("Deals", "deal_flow", "deals")
    };
    let deals = client.lists().create(&read_only).await.expect("read-only");
    assert_eq!(deals.workspace_access, WorkspaceAccess::ReadOnly);

    let all = client.lists().all().await.expect("lists");
    assert_eq!(all, [sales, hiring, deals], "creation order");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_changes_only_what_it_sends() {
    let (emu, client) = emulator().await;
    let owner = client.members().all().await.expect("members")[0].clone();
    let member = owner.id.workspace_member_id;
    let created = client
        .lists()
        .create(
            &NewList::new("Sales", "sales", "companies")
                .workspace_access(WorkspaceAccess::ReadAndWrite)
                .member_access(member, ListAccessLevel::FullAccess),
        )
        .await
        .expect("create");

    let renamed = client
        .lists()
        .update("sales", &ListUpdate::default().name("Enterprise sales"))
        .await
        .expect("rename");
    assert_eq!(renamed.name, "Enterprise sales");
    assert_eq!(renamed.workspace_access, WorkspaceAccess::ReadAndWrite);
    assert_eq!(
        renamed.workspace_member_access,
        created.workspace_member_access
    );
    assert_eq!(renamed.id, created.id);

    let moved = client
        .lists()
        .update(
            &created.id.list_id.to_string(),
            &ListUpdate::default()
                .api_slug("enterprise_sales")
                .workspace_access(WorkspaceAccess::Private),
        )
        .await
        .expect("new slug, private");
    assert_eq!(moved.api_slug, "enterprise_sales");
    assert_eq!(moved.workspace_access, WorkspaceAccess::Private);
    assert!(
        client
            .lists()
            .get("sales")
            .await
            .unwrap_err()
            .is_not_found()
    );
    assert_eq!(
        client
            .lists()
            .get("enterprise_sales")
            .await
            .expect("new slug"),
        moved
    );

    let opened = client
        .lists()
        .update(
            "enterprise_sales",
            &ListUpdate::default()
                .workspace_access(WorkspaceAccess::FullAccess)
                .workspace_member_access(vec![]),
        )
        .await
        .expect("open");
    assert_eq!(opened.workspace_access, WorkspaceAccess::FullAccess);
    assert!(opened.workspace_member_access.is_empty());
    assert_eq!(opened.parent_object, ["companies"]);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attio_errors_come_back_typed() {
    let (emu, client) = emulator().await;
    let lists = client.lists();

    let e = lists.get("nope").await.unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert_eq!(e.status(), Some(404));
    let e = lists
        .update("nope", &ListUpdate::default().name("x"))
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");

    lists
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("create");
    let e = lists
        .create(&NewList::new("Other", "sales", "people"))
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::SlugConflict), "{e}");
    assert_eq!(e.status(), Some(409));

    let e = lists
        .create(&NewList::new("Ghosts", "ghosts", "ghosts"))
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "unknown parent object: {e}");

    let e = lists
        .create(
            &NewList::new("Team", "team", "people")
                .member_access(Uuid::new_v4(), ListAccessLevel::ReadOnly),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValueNotFound), "{e}");

    // Nobody would have full access to a private list with no member.
    let e = lists
        .create(
            &NewList::new("Locked", "locked", "people").workspace_access(WorkspaceAccess::Private),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValidationType), "{e}");
    assert_eq!(e.status(), Some(400));
    let e = lists
        .update(
            "sales",
            &ListUpdate::default().workspace_access(WorkspaceAccess::Private),
        )
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(ErrorCode::ValidationType), "{e}");
    assert_eq!(lists.all().await.expect("lists").len(), 1);
    emu.shutdown().await;
}

fn documented_list() -> String {
    String::from_utf8(fixture("lists/get.response.json")).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bodies_sent_hold_all_five_create_fields_and_only_the_changed_ones() {
    let (url, seen) = recording(documented_list()).await;
    let client = client_for(&url, "key");
    let member: Uuid = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();

    let documented = NewList::new("Enterprise Sales", "enterprise_sales", "people")
        .workspace_access(WorkspaceAccess::ReadAndWrite)
        .member_access(member, ListAccessLevel::ReadAndWrite);
    client.lists().create(&documented).await.expect("create");
    client
        .lists()
        .create(&NewList::new("Sales", "sales", "companies"))
        .await
        .expect("create with defaults");
    client
        .lists()
        .update("hiring-engineering", &ListUpdate::default().name("Hiring"))
        .await
        .expect("update");
    client
        .lists()
        .update(
            "a/b",
            &ListUpdate::default().workspace_member_access(vec![]),
        )
        .await
        .expect("update");

    let seen = seen.lock().unwrap().clone();
    let lines: Vec<&str> = seen.iter().map(|s| s.line.as_str()).collect();
    assert_eq!(
        lines,
        [
            "POST /v2/lists HTTP/1.1",
            "POST /v2/lists HTTP/1.1",
            "PATCH /v2/lists/hiring-engineering HTTP/1.1",
            "PATCH /v2/lists/a%2Fb HTTP/1.1",
        ]
    );
    let body = |i: usize| -> serde_json::Value { serde_json::from_str(&seen[i].body).unwrap() };
    assert_eq!(body(0), fixture_json("lists/create.request.json"));
    assert_eq!(
        seen[1].body,
        r#"{"data":{"name":"Sales","api_slug":"sales","parent_object":"companies","workspace_access":"full-access","workspace_member_access":[]}}"#
    );
    assert_eq!(seen[2].body, r#"{"data":{"name":"Hiring"}}"#);
    assert_eq!(seen[3].body, r#"{"data":{"workspace_member_access":[]}}"#);
}

#[test]
fn the_documented_list_decodes_with_every_field() {
    let list: List = json::decode_data(&fixture("lists/get.response.json"), "list").unwrap();
    let ws: Uuid = "14beef7a-99f7-4534-a87e-70b564330a4c".parse().unwrap();
    let member: Uuid = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();
    assert_eq!(list.id.workspace_id, ws);
    assert_eq!(
        list.id.list_id.to_string(),
        "33ebdbe9-e529-47c9-b894-0ba25e9c15c0"
    );
    assert_eq!(list.id.to_string(), "33ebdbe9-e529-47c9-b894-0ba25e9c15c0");
    assert_eq!(list.api_slug, "hiring-engineering");
    assert_eq!(list.name, "Hiring Engineering");
    assert_eq!(list.parent_object, ["people"]);
    assert_eq!(list.workspace_access, WorkspaceAccess::ReadAndWrite);
    assert_eq!(
        list.workspace_member_access,
        [MemberAccess::new(member, ListAccessLevel::ReadAndWrite)]
    );
    assert_eq!(
        list.created_by_actor.actor_type,
        Some(ActorType::WorkspaceMember)
    );
    assert_eq!(list.created_by_actor.id, Some(member));
    assert_eq!(
        list.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "2022-11-21T13:22:49.061281000Z"
    );

    // The live drift: a null member level and a null actor.
    let mut live = fixture_json("lists/get.response.json");
    live["data"]["workspace_member_access"][0]["level"] = serde_json::Value::Null;
    live["data"]["workspace_access"] = serde_json::Value::Null;
    live["data"]["created_by_actor"] = serde_json::json!({"type": null, "id": null});
    let bytes = serde_json::to_vec(&serde_json::json!({"data": [live["data"].clone()]})).unwrap();
    let lists: Vec<List> = json::decode_data_list(&bytes, "list").unwrap();
    assert_eq!(lists[0].workspace_member_access[0].level, None);
    assert_eq!(lists[0].workspace_access, WorkspaceAccess::Private);
    assert_eq!(lists[0].created_by_actor.actor_type, None);
}

#[test]
fn a_malformed_list_names_its_path() {
    let mut body = fixture_json("lists/get.response.json");
    body["data"]["parent_object"] = serde_json::json!("people");
    let e = json::decode_data::<List>(&serde_json::to_vec(&body).unwrap(), "list").unwrap_err();
    let d = e.as_decode().expect("a decode error");
    assert_eq!(d.object, "list");
    assert_eq!(d.path, "data.parent_object");
}
