//! The documented entry responses (`fixtures/entries/`, copied from the examples of the
//! entries endpoints in Attio's OpenAPI document: create, assert, get, update, overwrite and
//! query all answer the same entry) decode into derived entry models, every field checked.

mod common;

use attio_core::values::{Actor, ActorRef, ActorType, Status, StatusId, Timestamp, Tracked};
use attio_core::{AttioEntry, Entry, EntryId, json};
use common::fixture;
use uuid::Uuid;

/// The documented entry's list attributes: a status and the two system attributes.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "hiring")]
struct Candidate {
    status: Option<Status>,
    #[attio(read_only)]
    created_at: Timestamp,
    #[attio(read_only)]
    created_by: ActorRef,
}

/// The same, keeping the status's history metadata.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "hiring")]
struct TrackedCandidate {
    status: Option<Tracked<Status>>,
    #[attio(read_only)]
    created_by: Vec<Tracked<ActorRef>>,
}

const SINGLE: [&str; 5] = ["create", "assert", "get", "update", "overwrite"];

fn uuid(s: &str) -> Uuid {
    s.parse().expect("a valid uuid")
}

fn ts(s: &str) -> Timestamp {
    s.parse().expect("a valid timestamp")
}

const MEMBER: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

fn documented_entry() -> Entry<Candidate> {
    Entry {
        id: EntryId {
            workspace_id: uuid("14beef7a-99f7-4534-a87e-70b564330a4c"),
            list_id: uuid("33ebdbe9-e529-47c9-b894-0ba25e9c15c0"),
            entry_id: uuid("2e6e29ea-c4e0-4f44-842d-78a891f8c156"),
        },
        parent_record_id: uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d"),
        parent_object: "people".into(),
        created_at: ts("2022-11-21T13:22:49.061281000Z"),
        values: Candidate {
            status: Some(Status {
                id: Some(StatusId {
                    workspace_id: Some(uuid("14beef7a-99f7-4534-a87e-70b564330a4c")),
                    // On an entry, the status id holds the list's id under `object_id`.
                    object_id: Some(uuid("33ebdbe9-e529-47c9-b894-0ba25e9c15c0")),
                    attribute_id: Some(uuid("e350362f-4b55-4c0f-93f4-379ae8ff2e5b")),
                    status_id: uuid("527def35-7994-4ef7-9584-80ef8de352a8"),
                }),
                title: Some("In Progress".into()),
                is_archived: false,
                celebration_enabled: false,
                target_time_in_status: None,
            }),
            created_at: ts("2023-01-01T15:00:00.000000000Z"),
            created_by: ActorRef {
                referenced_actor_type: ActorType::WorkspaceMember,
                referenced_actor_id: Some(uuid(MEMBER)),
                workspace_member_email_address: None,
            },
        },
    }
}

#[test]
fn every_documented_single_entry_response_decodes() {
    let expected = documented_entry();
    for name in SINGLE {
        let bytes = fixture(&format!("entries/{name}.response.json"));
        let entry = json::decode_entry::<Candidate>(&bytes)
            .unwrap_or_else(|e| panic!("{name}.response.json: {e}"));
        assert_eq!(entry, expected, "{name}.response.json");
    }
}

#[test]
fn the_documented_query_response_decodes() {
    let bytes = fixture("entries/query.response.json");
    let entries = json::decode_entries::<Candidate>(&bytes).unwrap();
    assert_eq!(entries, [documented_entry()]);
}

#[test]
fn the_documented_entry_keeps_its_value_metadata() {
    let member = Actor {
        actor_type: Some(ActorType::WorkspaceMember),
        id: Some(uuid(MEMBER)),
    };
    for name in SINGLE {
        let bytes = fixture(&format!("entries/{name}.response.json"));
        let entry = json::decode_entry::<TrackedCandidate>(&bytes).unwrap();
        let status = entry.values.status.as_ref().expect("a status");
        assert_eq!(status.value, documented_entry().values.status.unwrap());
        assert_eq!(
            status.active_from,
            Some(ts("2023-01-01T15:00:00.000000000Z"))
        );
        assert_eq!(status.active_until, None);
        assert_eq!(status.created_by_actor.as_ref(), Some(&member));
        let [created_by] = entry.values.created_by.as_slice() else {
            panic!("one created_by value in {name}.response.json")
        };
        assert_eq!(created_by.value.referenced_actor_id, Some(uuid(MEMBER)));
        assert_eq!(created_by.created_by_actor.as_ref(), Some(&member));
    }
}

#[test]
fn the_documented_entry_deserializes_as_an_entry_object() {
    let body: serde_json::Value =
        serde_json::from_slice(&fixture("entries/get.response.json")).unwrap();
    let entry: Entry<Candidate> = serde_json::from_value(body["data"].clone()).unwrap();
    assert_eq!(entry, documented_entry());
}
