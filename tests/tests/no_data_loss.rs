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
