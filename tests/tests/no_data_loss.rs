//! No silent data loss, against the emulator: a model that cannot hold what a record holds
//! is an error naming the attribute, never a record with values dropped.

mod common;

use attio_core::values::{Domain, SelectOption};
use attio_core::{AttioRecord, Client, Error};
use attio_emulator::Emulator;
use serde_json::{Value, json};

async fn start() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .build()
        .expect("client builds");
    (emu, client)
}

/// Sends a request to the emulator outside the typed client (schema changes).
async fn raw(emu: &Emulator, method: reqwest::Method, path: &str, body: Value) -> Value {
    let response = reqwest::Client::new()
        .request(method, format!("{}/v2{path}", emu.base_url()))
        .bearer_auth(emu.api_key())
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("emulator answers");
    let status = response.status();
    let bytes = response.bytes().await.expect("a body");
    let body: Value = serde_json::from_slice(&bytes).expect("a JSON body");
    assert!(status.is_success(), "{path}: {status} {body}");
    body
}

/// A custom multiselect select attribute `tags` on companies, with the options `rust`,
/// `crm` and `urgent`.
async fn add_tags(emu: &Emulator) {
    raw(
        emu,
        reqwest::Method::POST,
        "/objects/companies/attributes",
        json!({"data": {"title": "Tags", "description": null, "api_slug": "tags",
            "type": "select", "is_required": false, "is_unique": false,
            "is_multiselect": true, "config": {}}}),
    )
    .await;
    for title in ["rust", "crm", "urgent"] {
        raw(
            emu,
            reqwest::Method::POST,
            "/objects/companies/attributes/tags/options",
            json!({"data": {"title": title}}),
        )
        .await;
    }
}

/// `companies` with its tags, modelled right.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct TaggedCompany {
    #[attio(unique)]
    domains: Vec<Domain>,
    tags: Vec<SelectOption>,
}

/// `companies` with its tags modelled as one value: the model cannot hold three tags.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct OneTagCompany {
    #[attio(unique)]
    domains: Vec<Domain>,
    tags: Option<SelectOption>,
}

/// The same, with the tag required.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct RequiredTagCompany {
    #[attio(unique)]
    domains: Vec<Domain>,
    tags: SelectOption,
}

fn tag_titles(emu: &Emulator) -> Vec<String> {
    let records = emu.records("companies");
    let tags = records[0]["values"]["tags"].as_array().expect("tags");
    tags.iter()
        .map(|t| t["option"]["title"].as_str().unwrap().to_owned())
        .collect()
}

fn assert_names_the_multiselect(err: &Error, id: uuid::Uuid) {
    let d = err
        .as_decode()
        .unwrap_or_else(|| panic!("a decode error: {err:?}"));
    assert_eq!(d.object, "companies");
    assert_eq!(d.record_id, Some(id));
    assert_eq!(d.attribute.as_deref(), Some("tags"));
    assert_eq!(d.found, "3 active values");
    let shown = err.to_string();
    assert!(
        shown.contains("attribute `tags`") && shown.contains("`Vec<SelectOption>`"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_multiselect_read_into_one_value_is_an_error_and_nothing_is_written() {
    let (emu, client) = start().await;
    add_tags(&emu).await;
    let company = TaggedCompany {
        domains: vec![Domain::new("tags.example").unwrap()],
        tags: ["rust", "crm", "urgent"]
            .into_iter()
            .map(SelectOption::by_title)
            .collect(),
    };
    let id = client.create(&company).await.expect("created").record_id();
    assert_eq!(tag_titles(&emu), ["rust", "crm", "urgent"]);
    let writes = emu.stats().write_requests;

    // Read into `Option<SelectOption>`: an error, not a record holding `rust` alone that
    // an `overwrite` would then write back.
    let err = client.get::<OneTagCompany>(id).await.unwrap_err();
    assert_names_the_multiselect(&err, id);
    let err = client.get::<RequiredTagCompany>(id).await.unwrap_err();
    assert_names_the_multiselect(&err, id);
    let err = client.query::<OneTagCompany>().send().await.unwrap_err();
    assert_names_the_multiselect(&err, id);

    // Nothing was written, and the record keeps its three tags.
    assert_eq!(emu.stats().write_requests, writes);
    assert_eq!(tag_titles(&emu), ["rust", "crm", "urgent"]);
    let read = client.get::<TaggedCompany>(id).await.expect("read");
    assert_eq!(read.values.tags.len(), 3);
    emu.shutdown().await;
}

/// `workspaces` with `name` required: a workspace without a name cannot be decoded.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
struct NamedWorkspace {
    #[attio(unique)]
    workspace_id: String,
    name: String,
}

/// 1,200 workspaces, three of them (ws-0007, ws-0600, ws-1111) without a name; returns
/// the ids of those three.
async fn workspaces_with_three_unnamed(client: &Client) -> Vec<uuid::Uuid> {
    const UNNAMED: [usize; 3] = [7, 600, 1111];
    let workspaces = (0..1200).map(|i| common::Workspace {
        workspace_id: format!("ws-{i:04}"),
        name: (!UNNAMED.contains(&i)).then(|| format!("Workspace {i}")),
        avatar_url: None,
        users: vec![],
        company: None,
    });
    let created = client.create_many(workspaces).concurrency(16).await;
    UNNAMED
        .iter()
        .map(|&i| created[i].as_ref().expect("created").record_id())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_goes_on_past_undecodable_records_and_names_them() {
    let (emu, client) = start().await;
    let unnamed = workspaces_with_three_unnamed(&client).await;
    assert_eq!(emu.record_count("workspaces"), 1200);

    let items: Vec<Result<_, Error>> = futures_util::StreamExt::collect(
        client
            .query::<NamedWorkspace>()
            .sort(|w| w.workspace_id.asc())
            .stream(),
    )
    .await;
    assert_eq!(items.len(), 1200);
    let (good, bad): (Vec<_>, Vec<_>) = items.into_iter().partition(Result::is_ok);
    assert_eq!(good.len(), 1197);
    let bad_ids: Vec<_> = bad
        .iter()
        .map(|e| {
            let e = e.as_ref().unwrap_err();
            let d = e.as_decode().unwrap_or_else(|| panic!("{e:?}"));
            assert_eq!(d.attribute.as_deref(), Some("name"), "{d}");
            d.record_id.expect("the error names its record")
        })
        .collect();
    assert_eq!(bad_ids, unnamed);

    // One page of 1,000 holding two of them: `send` names both, `send_page` keeps the rest.
    let query = client
        .query::<NamedWorkspace>()
        .sort(|w| w.workspace_id.asc())
        .limit(1000);
    let err = query.send().await.unwrap_err();
    let Error::BadRecords {
        object,
        good,
        ref failures,
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((object, good), ("workspaces", 998));
    let ids: Vec<_> = failures.iter().map(|f| f.record_id.unwrap()).collect();
    assert_eq!(ids, unnamed[..2]);
    let shown = err.to_string();
    assert!(
        unnamed[..2]
            .iter()
            .all(|id| shown.contains(&id.to_string())),
        "{shown}"
    );
    let page = query.send_page().await.expect("a page");
    assert_eq!(page.items.len(), 998);
    assert_eq!(page.failures.len(), 2);
    assert_eq!(page.items[7].values.workspace_id, "ws-0008");
    emu.shutdown().await;
}

/// `workspaces` with `avatar_url` required: a write stores the workspace, and its response
/// (which has no avatar) cannot be decoded.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
struct AvatarWorkspace {
    #[attio(unique)]
    workspace_id: String,
    name: Option<String>,
    #[attio(read_only)]
    avatar_url: String,
}

fn avatar_workspace(id: &str) -> AvatarWorkspace {
    AvatarWorkspace {
        workspace_id: id.into(),
        name: Some("Stored".into()),
        avatar_url: String::new(),
    }
}

/// The id of the stored workspace `workspace_id`.
fn stored_id(emu: &Emulator, workspace_id: &str) -> uuid::Uuid {
    let records = emu.records("workspaces");
    let record = records
        .iter()
        .find(|r| r["values"]["workspace_id"][0]["value"] == workspace_id)
        .unwrap_or_else(|| panic!("{workspace_id} was stored"));
    record["id"]["record_id"].as_str().unwrap().parse().unwrap()
}

fn assert_stored_but_unreadable(err: &Error, id: uuid::Uuid) {
    let Error::StoredButUnreadable {
        object,
        record_id,
        source,
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*object, *record_id), ("workspaces", Some(id)));
    assert_eq!(source.attribute.as_deref(), Some("avatar_url"));
    assert!(!err.is_retryable());
    let shown = err.to_string();
    assert!(
        shown.contains(&format!("record {id} was stored"))
            && shown.contains("do not create it again")
            && shown.contains("avatar_url"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_write_whose_response_cannot_be_decoded_says_it_was_stored() {
    let (emu, client) = start().await;

    let err = client.create(&avatar_workspace("ws-a")).await.unwrap_err();
    assert_stored_but_unreadable(&err, stored_id(&emu, "ws-a"));
    assert_eq!(emu.record_count("workspaces"), 1);

    let err = client
        .assert(&avatar_workspace("ws-b"), |w| w.workspace_id)
        .await
        .unwrap_err();
    let b = stored_id(&emu, "ws-b");
    assert_stored_but_unreadable(&err, b);

    let update = AvatarWorkspaceUpdate::default().name(Some("Renamed".into()));
    let err = client.update(b, &update).await.unwrap_err();
    assert_stored_but_unreadable(&err, b);
    let err = client.overwrite(b, &update).await.unwrap_err();
    assert_stored_but_unreadable(&err, b);

    let results = client
        .create_many([avatar_workspace("ws-c"), avatar_workspace("ws-d")])
        .await;
    for (result, id) in results.iter().zip(["ws-c", "ws-d"]) {
        assert_stored_but_unreadable(result.as_ref().unwrap_err(), stored_id(&emu, id));
    }
    let results = client
        .assert_many([avatar_workspace("ws-e")], |w| w.workspace_id)
        .await;
    assert_stored_but_unreadable(results[0].as_ref().unwrap_err(), stored_id(&emu, "ws-e"));
    let results = client.update_many([(b, update)]).await;
    assert_stored_but_unreadable(results[0].as_ref().unwrap_err(), b);
    assert_eq!(emu.record_count("workspaces"), 5);
    emu.shutdown().await;
}
