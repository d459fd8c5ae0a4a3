//! Models of Attio's standard objects shared by the integration tests, and fixture helpers.
#![allow(dead_code)]

use attio_core::values::{
    ActorRef, Currency, Domain, EmailAddress, Interaction, Location, PersonalName, PhoneNumber,
    SelectOption, Status, Timestamp,
};
use attio_core::{AttioRecord, Client, RecordRef, RetryPolicy};
use attio_emulator::Emulator;

/// `companies`, as in API.md.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
pub struct Company {
    #[attio(unique)]
    pub domains: Vec<Domain>,
    pub name: Option<String>,
    pub description: Option<String>,
}

/// `people`, as in API.md.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct Person {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub name: Option<PersonalName>,
    pub description: Option<String>,
    pub job_title: Option<String>,
    pub company: Option<RecordRef<Company>>,
    pub phone_numbers: Vec<PhoneNumber>,
    pub primary_location: Option<Location>,
    #[attio(rename = "linkedin")]
    pub linkedin_url: Option<String>,
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
}

/// `people` exactly as the documented create request writes it: the example names the
/// company twice, once by record id and once by domain (both are the same company), so
/// `company` holds a list here.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct DocumentedPerson {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub name: Option<PersonalName>,
    pub description: Option<String>,
    pub company: Vec<RecordRef<Company>>,
    pub phone_numbers: Vec<PhoneNumber>,
    pub primary_location: Option<Location>,
    pub linkedin: Option<String>,
}

/// Every one of the 26 attributes of `people/update.response.json`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct FullPerson {
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<f64>,
    #[attio(read_only)]
    pub last_interaction: Option<Interaction>,
    pub twitter: Option<String>,
    #[attio(read_only)]
    pub avatar_url: Option<String>,
    pub job_title: Option<String>,
    #[attio(read_only)]
    pub next_calendar_interaction: Option<Interaction>,
    pub company: Option<RecordRef<Company>>,
    pub primary_location: Option<Location>,
    pub angellist: Option<String>,
    pub description: Option<String>,
    #[attio(read_only)]
    pub strongest_connection_user: Option<ActorRef>,
    #[attio(read_only)]
    pub strongest_connection_strength: Option<SelectOption>,
    #[attio(read_only)]
    pub last_email_interaction: Option<Interaction>,
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    #[attio(read_only)]
    pub first_interaction: Option<Interaction>,
    #[attio(read_only)]
    pub created_at: Timestamp,
    #[attio(read_only)]
    pub created_by: ActorRef,
    #[attio(read_only)]
    pub last_calendar_interaction: Option<Interaction>,
    pub linkedin: Option<String>,
    pub facebook: Option<String>,
    pub name: Option<PersonalName>,
    #[attio(read_only)]
    pub first_calendar_interaction: Option<Interaction>,
    #[attio(read_only)]
    pub twitter_follower_count: Option<i64>,
    pub instagram: Option<String>,
    #[attio(read_only)]
    pub first_email_interaction: Option<Interaction>,
    pub phone_numbers: Vec<PhoneNumber>,
}

/// `users`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "users")]
pub struct User {
    #[attio(unique)]
    pub user_id: String,
    #[attio(unique)]
    pub primary_email_address: EmailAddress,
    pub person: Option<RecordRef<Person>>,
    pub workspace: Vec<RecordRef<Workspace>>,
}

/// `workspaces`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "workspaces")]
pub struct Workspace {
    #[attio(unique)]
    pub workspace_id: String,
    pub name: Option<String>,
    pub avatar_url: Option<String>,
    pub users: Vec<RecordRef<User>>,
    pub company: Option<RecordRef<Company>>,
}

/// `deals`: required status, actor and currency.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
pub struct Deal {
    pub name: String,
    pub stage: Status,
    pub owner: ActorRef,
    pub value: Option<Currency>,
    pub associated_people: Vec<RecordRef<Person>>,
    pub associated_company: Option<RecordRef<Company>>,
}

/// The bytes of a fixture file under `fixtures/`.
pub fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read fixture {full}: {e}"))
}

/// A fixture parsed as JSON (for comparisons in tests only).
pub fn fixture_json(path: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(path)).expect("fixtures are valid JSON")
}

/// An in-process emulator without rate limits, and a client of it that never retries (so a
/// test sees every answer as sent).
pub async fn start() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    (emu, client)
}

/// A `people` record holding only `email`, as a reference by id.
pub async fn person(client: &Client, email: &str) -> RecordRef<Person> {
    let created = client
        .create(&Person {
            email_addresses: vec![EmailAddress::new(email).unwrap()],
            name: None,
            description: None,
            job_title: None,
            company: None,
            phone_numbers: vec![],
            primary_location: None,
            linkedin_url: None,
            created_at: None,
        })
        .await
        .expect("person created");
    RecordRef::new(created.id.record_id)
}

/// Creates a `prospects` list of people and puts `person` on it; the entry's id.
pub async fn prospect_entry(emu: &Emulator, person: uuid::Uuid) -> uuid::Uuid {
    let http = reqwest::Client::new();
    let post = |path: &str, body: serde_json::Value| {
        http.post(format!("{}/v2{path}", emu.base_url()))
            .bearer_auth(emu.api_key())
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
    };
    let list = post(
        "/lists",
        serde_json::json!({"data": {
            "name": "Prospects", "api_slug": "prospects", "parent_object": "people",
            "workspace_access": "full-access", "workspace_member_access": [],
        }}),
    )
    .await
    .expect("list created");
    assert_eq!(list.status(), 200, "{}", list.text().await.unwrap());
    let entry = post(
        "/lists/prospects/entries",
        serde_json::json!({"data": {"parent_record_id": person, "parent_object": "people", "entry_values": {}}}),
    )
    .await
    .expect("entry created");
    assert_eq!(entry.status(), 200);
    let body: serde_json::Value = serde_json::from_slice(&entry.bytes().await.unwrap()).unwrap();
    body["data"]["id"]["entry_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}
