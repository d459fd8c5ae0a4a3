//! Receiving webhooks: the signature scheme, and decoding every event type from the
//! fixtures in `fixtures/webhooks/` (one delivery per event type, shaped as
//! attio-api-more.md §13.3 describes them).

use std::path::PathBuf;

use attio_core::Error;
use attio_core::values::ActorType;
use attio_core::webhook::{self, Dedup, Event, EventType, WebhookError};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

const SECRET: &str = "2f4d6b8a0c1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b0c2d4e6f8a0b1c3d5e7f9a";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/webhooks")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn uuid(s: &str) -> Uuid {
    s.parse().unwrap()
}

/// The signature computed here with the `hmac` crate, independently of the SDK.
fn independent_signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_known_vector_verifies() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    let body = b"what do ya want for nothing?";
    let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    assert_eq!(independent_signature("Jefe", body), expected);
    webhook::verify("Jefe", expected, body).unwrap();
    assert_eq!(webhook::sign("Jefe", body), expected);

    let body = fixture("record.created.json");
    let sig = independent_signature(SECRET, &body);
    webhook::verify(SECRET, &sig, &body).unwrap();
}

#[test]
fn an_altered_body_an_altered_signature_or_another_secret_fail() {
    let body = fixture("record.created.json");
    let sig = independent_signature(SECRET, &body);

    let mut altered = body.clone();
    altered[20] ^= 1;
    assert_eq!(
        webhook::verify(SECRET, &sig, &altered),
        Err(WebhookError::WrongSignature)
    );
    // Re-serialised JSON is another body.
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let compact = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        webhook::verify(SECRET, &sig, &compact),
        Err(WebhookError::WrongSignature)
    );

    let mut bad = sig.clone().into_bytes();
    bad[10] = if bad[10] == b'0' { b'1' } else { b'0' };
    let bad = String::from_utf8(bad).unwrap();
    assert_eq!(
        webhook::verify(SECRET, &bad, &body),
        Err(WebhookError::WrongSignature)
    );

    let other = independent_signature("another secret", &body);
    assert_eq!(
        webhook::verify(SECRET, &other, &body),
        Err(WebhookError::WrongSignature)
    );

    for malformed in [
        "",
        "zz",
        &sig[..62],
        &format!("{sig}00"),
        &format!("v1={sig}"),
    ] {
        assert_eq!(
            webhook::verify(SECRET, malformed, &body),
            Err(WebhookError::MalformedSignature),
            "{malformed:?}"
        );
    }
}

#[test]
fn uppercase_hex_and_both_header_names_verify() {
    let body = fixture("record.updated.json");
    let sig = independent_signature(SECRET, &body);
    webhook::verify(SECRET, &sig.to_uppercase(), &body).unwrap();

    for name in [
        "Attio-Signature",
        "attio-signature",
        "X-Attio-Signature",
        "x-attio-signature",
    ] {
        let headers = vec![(name, sig.as_str())];
        webhook::verify_headers(SECRET, &headers, &body).unwrap();
    }
    #[cfg(feature = "http")]
    {
        let mut map = http::HeaderMap::new();
        map.insert("x-attio-signature", sig.parse().unwrap());
        webhook::verify_headers(SECRET, &map, &body).unwrap();
    }
}

#[test]
fn a_missing_header_is_its_own_error() {
    let body = fixture("record.created.json");
    let headers = vec![("Content-Type", "application/json")];
    let err = webhook::verify_headers(SECRET, &headers, &body).unwrap_err();
    assert_eq!(err, WebhookError::MissingSignature);
    let err = Error::from(err);
    assert!(matches!(
        err,
        Error::Webhook(WebhookError::MissingSignature)
    ));
    assert!(err.to_string().contains("Attio-Signature"), "{err}");
}

/// Decodes a fixture holding one event, checking its type.
fn one(event_type: &str) -> Event {
    let delivery = webhook::decode(&fixture(&format!("{event_type}.json")))
        .unwrap_or_else(|e| panic!("{event_type}: {e}"));
    assert_eq!(
        delivery.webhook_id,
        uuid("9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f")
    );
    assert_eq!(delivery.events.len(), 1);
    let event = delivery.events.into_iter().next().unwrap();
    assert_eq!(event.event_type().as_str(), event_type);
    event
}

const WS: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const OBJECT: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";
const RECORD: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";
const ATTRIBUTE: &str = "41252299-f8c7-4b5e-99c9-4ff8321d2f96";
const LIST: &str = "33ebdbe9-e529-47c9-b894-0ba25e9c15c0";
const ENTRY: &str = "2e6e29ea-c4e0-4f44-842d-78a891f8c156";
const PARENT_OBJECT: &str = "822ff2d0-6f17-4c4c-8a9e-0d1b1b6f0c65";
const PARENT_RECORD: &str = "e5b7d6a2-8f4e-4c3d-9b1a-7c6d5e4f3a2b";
const MEMBER: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

#[test]
fn every_event_type_has_a_fixture_and_decodes_to_its_variant() {
    for t in EventType::ALL {
        let event = one(t.as_str());
        assert_eq!(&event.event_type(), t);
        assert!(event.actor().is_some());
    }
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 27 + 2, "{names:?}");
}

#[test]
fn record_events_carry_their_ids() {
    match one("record.created") {
        Event::RecordCreated {
            workspace_id,
            object_id,
            record_id,
            actor,
        } => {
            assert_eq!(workspace_id, uuid(WS));
            assert_eq!((object_id, record_id), (uuid(OBJECT), uuid(RECORD)));
            assert_eq!(actor.actor_type, Some(ActorType::WorkspaceMember));
            assert_eq!(actor.id, Some(uuid(MEMBER)));
        }
        other => panic!("{other:?}"),
    }
    let updated = one("record.updated");
    assert_eq!(updated.record(), Some((uuid(OBJECT), uuid(RECORD))));
    assert_eq!(updated.attribute_id(), Some(uuid(ATTRIBUTE)));
    assert_eq!(
        updated.actor().unwrap().actor_type,
        Some(ActorType::ApiToken)
    );
    assert_eq!(
        one("record.deleted").record(),
        Some((uuid(OBJECT), uuid(RECORD)))
    );
    match one("record.merged") {
        Event::RecordMerged {
            record_id,
            duplicate_object_id,
            duplicate_record_id,
            ..
        } => {
            assert_eq!(record_id, uuid(RECORD));
            assert_eq!(duplicate_object_id, uuid(OBJECT));
            assert_eq!(
                duplicate_record_id,
                uuid("c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn entry_list_and_attribute_events_carry_their_ids() {
    for t in [
        "list-entry.created",
        "list-entry.updated",
        "list-entry.deleted",
    ] {
        let e = one(t);
        assert_eq!(e.entry(), Some((uuid(LIST), uuid(ENTRY))), "{t}");
        assert_eq!(e.record(), None);
    }
    match one("list-entry.updated") {
        Event::ListEntryUpdated {
            attribute_id,
            parent_object_id,
            parent_record_id,
            ..
        } => {
            assert_eq!(attribute_id, uuid(ATTRIBUTE));
            assert_eq!(parent_object_id, uuid(PARENT_OBJECT));
            assert_eq!(parent_record_id, uuid(PARENT_RECORD));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(one("list.deleted"), Event::ListDeleted { list_id, .. } if list_id == uuid(LIST))
    );
    assert!(matches!(
        one("list-attribute.updated"),
        Event::ListAttributeUpdated { list_id, attribute_id, .. }
            if list_id == uuid(LIST) && attribute_id == uuid(ATTRIBUTE)
    ));
    assert!(matches!(
        one("object-attribute.created"),
        Event::ObjectAttributeCreated { object_id, attribute_id, .. }
            if object_id == uuid(OBJECT) && attribute_id == uuid(ATTRIBUTE)
    ));
}

#[test]
fn note_task_comment_member_and_recording_events_carry_their_ids() {
    match one("note-content.updated") {
        Event::NoteContentUpdated {
            note_id,
            parent_object_id,
            parent_record_id,
            ..
        } => {
            assert_eq!(note_id, uuid("ff3f3bd4-40f4-4f80-8187-cd02385af424"));
            assert_eq!(
                (parent_object_id, parent_record_id),
                (uuid(PARENT_OBJECT), uuid(PARENT_RECORD))
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(one("task.updated"), Event::TaskUpdated { task_id, .. }
        if task_id == uuid("649e34f4-c39a-4f4d-99ef-48a36bef8f04"))
    );
    match one("comment.created") {
        Event::CommentCreated {
            comment_id,
            thread_id,
            object_id,
            record_id,
            list_id,
            entry_id,
            ..
        } => {
            assert_eq!(comment_id, uuid("aa1dc1d9-93ac-4c6c-987e-16e6fb6e8b4c"));
            assert_eq!(thread_id, uuid("a649e4d9-435c-43fb-83ba-847b4876f27a"));
            assert_eq!((object_id, record_id), (uuid(OBJECT), uuid(RECORD)));
            assert_eq!((list_id, entry_id), (Some(uuid(LIST)), Some(uuid(ENTRY))));
        }
        other => panic!("{other:?}"),
    }
    // A comment on a record, not an entry: list_id and entry_id are null.
    assert!(matches!(
        one("comment.resolved"),
        Event::CommentResolved {
            list_id: None,
            entry_id: None,
            ..
        }
    ));
    assert!(
        matches!(one("workspace-member.created"), Event::WorkspaceMemberCreated { workspace_member_id, .. }
        if workspace_member_id == uuid(MEMBER))
    );
    assert!(
        matches!(one("call-recording.created"), Event::CallRecordingCreated { meeting_id, call_recording_id, .. }
        if meeting_id == uuid("6f2c1a7e-5b3d-4e8f-9a0b-1c2d3e4f5a6b")
            && call_recording_id == uuid("0d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"))
    );
}

#[test]
fn a_delivery_may_hold_several_events() {
    let delivery = webhook::decode(&fixture("multi-event.json")).unwrap();
    assert_eq!(delivery.events.len(), 3);
    let attributes: Vec<_> = delivery
        .events
        .iter()
        .map(|e| e.attribute_id().unwrap())
        .collect();
    assert_eq!(attributes[0], uuid(ATTRIBUTE));
    assert_ne!(attributes[0], attributes[1]);
    let system = delivery.events[2].actor().unwrap();
    assert_eq!(
        (system.actor_type.clone(), system.id),
        (Some(ActorType::System), None)
    );
}

#[test]
fn an_unknown_event_type_is_kept_with_its_raw_json() {
    let delivery = webhook::decode(&fixture("unknown-event-type.json")).unwrap();
    match &delivery.events[0] {
        Event::Other { event_type, raw } => {
            assert_eq!(event_type, "activity.created");
            assert_eq!(raw["something"][2]["x"], serde_json::json!(true));
            assert_eq!(
                raw["id"]["activity_id"],
                "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        delivery.events[0].event_type(),
        EventType::Other("activity.created".into())
    );
    assert!(matches!(delivery.events[1], Event::TaskCreated { .. }));
}

#[test]
fn a_malformed_known_event_names_its_type_and_field() {
    let body = String::from_utf8(fixture("list-entry.created.json")).unwrap();
    let bad = body.replace(ENTRY, "not-a-uuid");
    let err = webhook::decode(bad.as_bytes()).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!(d.object, "list-entry.created");
    assert_eq!(d.path, "events[0].id.entry_id");

    let missing = body.replace(
        &format!("\"parent_record_id\": \"{PARENT_RECORD}\""),
        "\"x\": 1",
    );
    let err = webhook::decode(missing.as_bytes()).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(
        (d.object, d.path.as_str()),
        ("list-entry.created", "events[0].parent_record_id")
    );
    assert!(err.to_string().contains("parent_record_id"), "{err}");

    let no_type = body.replace("\"event_type\"", "\"kind\"");
    let err = webhook::decode(no_type.as_bytes()).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "events[0]");

    let err = webhook::decode(b"{\"events\":[]}").unwrap_err();
    assert_eq!(err.as_decode().unwrap().object, "webhook delivery");
}

/// A few hundred mutations of the fixtures: `decode` answers each, never panics.
#[test]
fn mutated_deliveries_never_panic() {
    let mut bodies: Vec<Vec<u8>> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    bodies.sort();
    let mut rng = fastrand::Rng::with_seed(14);
    let mut decoded = 0;
    for round in 0..600 {
        let mut body = bodies[round % bodies.len()].clone();
        for _ in 0..rng.usize(1..4) {
            let len = body.len();
            match rng.u8(0..5) {
                0 => body[rng.usize(0..len)] = rng.u8(..),
                1 => body.truncate(rng.usize(0..len)),
                2 => {
                    let at = rng.usize(0..len);
                    body.insert(at, *b"{}[]\",:0n-e".get(rng.usize(0..11)).unwrap());
                }
                3 => {
                    let at = rng.usize(0..len);
                    body.remove(at);
                }
                _ => {
                    let from = rng.usize(0..len);
                    let to = rng.usize(from..len.max(from + 1)).min(len);
                    let chunk = body[from..to].to_vec();
                    let at = rng.usize(0..body.len().max(1)).min(body.len());
                    body.splice(at..at, chunk);
                }
            }
            if body.is_empty() {
                break;
            }
        }
        if webhook::decode(&body).is_ok() {
            decoded += 1;
        }
    }
    assert!(decoded < 600);
}

#[test]
fn dedup_drops_a_redelivery() {
    let mut seen = Dedup::new(16);
    let headers = vec![("Idempotency-Key", "2c8f3a14-0b7d-4d55-9f0e-1a2b3c4d5e6f")];
    assert!(seen.first_time_headers(&headers));
    assert!(!seen.first_time_headers(&headers));
}
