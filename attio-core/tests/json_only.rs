//! attio-core as a models-only dependency: `default-features = false, features =
//! ["derive"]`, with no HTTP client, no reqwest and no tokio. CI runs it so:
//!
//! ```sh
//! cargo test -p attio-core --no-default-features --features derive --test json_only
//! ```
//!
//! A model decoded from Attio's response, encoded back into the body Attio took, and a
//! webhook delivery verified, decoded and deduplicated, all on bytes. With the `client`
//! feature on (the default) these are covered by the other tests, so this file is empty
//! then.
#![cfg(all(feature = "derive", not(feature = "client")))]

use std::path::PathBuf;

use attio_core::values::{EmailAddress, PersonalName, Timestamp};
use attio_core::webhook::{self, Dedup, Event};
use attio_core::{AttioRecord, Record, json};
use serde_json::Value;

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    description: Option<String>,
    #[attio(rename = "linkedin")]
    linkedin_url: Option<String>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
}

fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("the body is JSON")
}

#[test]
fn a_record_read_from_attio_is_written_back_as_attio_took_it() {
    let record: Record<Person> =
        json::decode_record(&fixture("people/create.response.json")).unwrap();
    assert_eq!(
        record.id.record_id.to_string(),
        "bf071e1f-6035-429d-b874-d83ea64ea13b"
    );
    let person = &record.values;
    assert_eq!(
        person.email_addresses,
        vec![EmailAddress::new("john-smith@attio.com").unwrap()]
    );
    assert_eq!(
        person.description.as_deref(),
        Some("Developer met at event")
    );
    assert!(person.created_at.is_some());
    assert_eq!(person.linkedin_url, None);

    // The create body of the same values is the fixture's request, attribute by attribute
    // (the request also sets attributes this model does not have, and writes a single
    // value bare where attio-rs always writes the array form).
    let written = parse(&json::encode_create(person).unwrap());
    let request = parse(&fixture("people/create.request.json"));
    let written = written["data"]["values"].as_object().unwrap();
    let request = &request["data"]["values"];
    let mut keys: Vec<&str> = written.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["description", "email_addresses", "name"]);
    for (slug, value) in written {
        let sent = match &request[slug] {
            Value::Array(values) => Value::Array(values.clone()),
            bare => Value::Array(vec![bare.clone()]),
        };
        assert_eq!(value, &sent, "attribute `{slug}`");
    }
}

#[test]
fn a_model_built_locally_is_encoded_exactly() {
    let ada = Person {
        email_addresses: vec![EmailAddress::new("ada@example.com").unwrap()],
        name: Some(PersonalName::new("Ada", "Lovelace")),
        description: None,
        linkedin_url: Some("https://linkedin.com/in/ada".into()),
        created_at: None,
    };
    assert_eq!(
        String::from_utf8(json::encode_create(&ada).unwrap()).unwrap(),
        r#"{"data":{"values":{"email_addresses":["ada@example.com"],"name":[{"first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}],"linkedin":["https://linkedin.com/in/ada"]}}}"#
    );
    let update = PersonUpdate::default().description(Some("Analyst".to_owned()));
    assert_eq!(
        json::encode_update(&update).unwrap(),
        br#"{"data":{"values":{"description":["Analyst"]}}}"#
    );

    // A value Attio would refuse is refused here too, with no client involved.
    let err = EmailAddress::new("not an address").unwrap_err();
    assert!(err.to_string().contains("not an address"), "{err}");
}

#[test]
fn a_webhook_delivery_is_verified_decoded_and_deduplicated() {
    let body = fixture("webhooks/list-entry.created.json");
    let signature = webhook::sign("the secret", &body);
    let headers = vec![
        ("Attio-Signature", signature.as_str()),
        (
            webhook::IDEMPOTENCY_KEY,
            "2b1f8e0c-1d4a-4f2a-9d3e-7a6b5c4d3e2f",
        ),
    ];
    webhook::verify_headers("the secret", &headers, &body).unwrap();
    assert!(webhook::verify_headers("another secret", &headers, &body).is_err());

    let delivery = webhook::decode(&body).unwrap();
    assert_eq!(delivery.events.len(), 1);
    match &delivery.events[0] {
        Event::ListEntryCreated { entry_id, .. } => {
            assert_eq!(entry_id.to_string(), "2e6e29ea-c4e0-4f44-842d-78a891f8c156")
        }
        other => panic!("expected list-entry.created, got {other:?}"),
    }

    let mut seen = Dedup::new(16);
    assert!(seen.first_time_headers(&headers));
    assert!(!seen.first_time_headers(&headers));
}
