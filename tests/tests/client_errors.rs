//! Errors from the client against the emulator: each of Attio's refusals surfaces as its
//! typed error naming the attribute, and errors caught before sending send nothing.

mod common;

use std::time::Duration;

use attio_core::values::{ActorRef, Domain, EmailAddress, SelectOption, Status};
use attio_core::{AttioRecord, Client, Error, ErrorCode, RetryPolicy};
use attio_emulator::Emulator;
use common::*;

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

fn person(email: &str) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(email).unwrap()],
        name: None,
        description: None,
        job_title: None,
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

/// `users` without its required `primary_email_address`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "users")]
struct UserWithoutEmail {
    #[attio(unique)]
    user_id: String,
}

/// `companies` with its `categories` multiselect.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct CategorisedCompany {
    #[attio(unique)]
    domains: Vec<Domain>,
    categories: Vec<SelectOption>,
}

fn api(err: &Error) -> &attio_core::ApiError {
    err.as_api()
        .unwrap_or_else(|| panic!("an API error, got {err:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uniqueness_conflict_names_the_attribute_and_stores_nothing() {
    let (emu, client) = start().await;
    client
        .create(&person("ada@example.com"))
        .await
        .expect("first create");
    let err = client
        .create(&person("ada@example.com"))
        .await
        .expect_err("conflict");
    let e = api(&err);
    assert_eq!(e.status, 400);
    assert_eq!(e.code, ErrorCode::UniquenessConflict);
    assert_eq!(e.attribute.as_deref(), Some("email_addresses"));
    assert_eq!(
        e.request.as_deref(),
        Some("POST /v2/objects/people/records")
    );
    assert!(!err.is_retryable());
    let shown = err.to_string();
    assert!(
        shown.contains("uniqueness_conflict") && shown.contains("email_addresses"),
        "{shown}"
    );
    assert_eq!(emu.record_count("people"), 1);
    // Refused requests are not retried.
    assert_eq!(emu.stats().write_requests, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_required_value_names_the_attribute() {
    let (emu, client) = start().await;
    let err = client
        .create(&UserWithoutEmail {
            user_id: "u-1".into(),
        })
        .await
        .expect_err("primary_email_address is required");
    let e = api(&err);
    assert_eq!(e.code, ErrorCode::MissingValue);
    assert_eq!(e.attribute.as_deref(), Some("primary_email_address"));
    assert!(err.to_string().contains("primary_email_address"), "{err}");
    assert_eq!(emu.record_count("users"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_select_or_status_title_names_the_attribute() {
    let (emu, client) = start().await;
    let err = client
        .create(&CategorisedCompany {
            domains: vec![Domain::new("acme.example").unwrap()],
            categories: vec![
                SelectOption::by_title("SaaS"),
                SelectOption::by_title("Time Travel"),
            ],
        })
        .await
        .expect_err("no such option");
    let e = api(&err);
    assert_eq!(e.code, ErrorCode::ValueNotFound);
    assert_eq!(e.attribute.as_deref(), Some("categories"));
    assert!(e.message.contains("Time Travel"), "{e}");

    let deal = Deal {
        name: "Big one".into(),
        stage: Status::by_title("Negotiating"),
        owner: ActorRef::workspace_member_by_email("owner@emulator.example.com").unwrap(),
        value: None,
        associated_people: vec![],
        associated_company: None,
    };
    let err = client.create(&deal).await.expect_err("no such status");
    assert_eq!(api(&err).code, ErrorCode::ValueNotFound);
    assert_eq!(api(&err).attribute.as_deref(), Some("stage"));
    let ok = client
        .create(&Deal {
            stage: Status::by_title("Lead"),
            ..deal
        })
        .await
        .expect("a known status");
    assert_eq!(ok.values.stage.title.as_deref(), Some("Lead"));
    assert_eq!(emu.record_count("companies"), 0);
    assert_eq!(emu.record_count("deals"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_api_key_is_unauthorized_and_says_what_to_check() {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let secret = "sk-not-the-right-key";
    let client = Client::builder()
        .api_key(secret)
        .base_url(emu.base_url())
        .build()
        .unwrap();
    let err = client
        .get::<Person>(uuid::Uuid::new_v4())
        .await
        .expect_err("401");
    let e = api(&err);
    assert_eq!(e.status, 401);
    assert_eq!(e.code, ErrorCode::Unauthorized);
    assert_eq!(e.error_type, "auth_error");
    let shown = format!("{err} {err:?}");
    assert!(shown.contains("ATTIO_API_KEY"), "{shown}");
    assert!(!shown.contains(secret), "{shown}");
    assert!(!format!("{client:?}").contains(secret));
    assert_eq!(emu.stats().unauthorized, 1, "a 401 is not retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_filter_is_a_filter_error() {
    let (_emu, client) = start().await;
    let err = client
        .query::<Person>()
        .filter_raw(serde_json::json!({ "no_such_attribute": { "$eq": 1 } }))
        .send()
        .await
        .expect_err("bad filter");
    assert_eq!(api(&err).code, ErrorCode::FilterError);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_and_keys_are_checked_before_sending() {
    let (emu, client) = start().await;
    // An assert needs a value for its key.
    let nobody = Person {
        email_addresses: vec![],
        ..person("x@example.com")
    };
    let err = client
        .assert(&nobody, |p| p.email_addresses)
        .await
        .expect_err("no key value");
    let v = err.as_invalid_value().expect("refused before sending");
    assert_eq!(v.attribute.as_deref(), Some("email_addresses"));
    assert_eq!(v.object, Some("people"));
    assert_eq!(emu.stats().write_requests, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_server_is_a_transport_error_that_was_not_sent() {
    // Bind a port and free it, so that nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .api_key("k")
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let err = client
        .create(&person("a@example.com"))
        .await
        .expect_err("nothing listens");
    match &err {
        Error::Transport {
            message,
            maybe_sent,
            ..
        } => {
            assert!(!maybe_sent, "a refused connection never sent the request");
            assert!(
                message.contains("POST /v2/objects/people/records"),
                "{message}"
            );
            assert!(message.contains("3 attempts"), "{message}");
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert!(err.is_retryable());
    // The HTTP stack's error is kept as the source.
    assert!(std::error::Error::source(&err).is_some(), "{err:?}");
}

#[test]
fn configuration_is_checked() {
    let err = Client::builder()
        .api_key("k")
        .base_url("http://api.attio.com")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert!(err.to_string().contains("https"), "{err}");
    assert!(
        Client::builder()
            .api_key("k")
            .base_url("http://localhost:4010")
            .build()
            .is_ok()
    );
    let err = Client::builder().build().unwrap_err();
    assert!(err.to_string().contains("ATTIO_API_KEY"), "{err}");
}

/// A phone number sent as given, with no local check: `PhoneNumber` refuses what Attio
/// refuses, so only a value type of one's own can still send a number Attio refuses.
#[derive(Debug, Clone, PartialEq)]
struct UncheckedPhone(String);

impl attio_core::values::AttioValue for UncheckedPhone {
    const TYPE: attio_core::AttributeType = attio_core::AttributeType::PhoneNumber;
}

impl attio_core::values::ReadValue for UncheckedPhone {
    type Builder = String;

    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        builder: &mut String,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "original_phone_number" => *builder = map.next_value()?,
            _ => drop(map.next_value::<serde::de::IgnoredAny>()?),
        }
        Ok(())
    }

    fn finish<E: serde::de::Error>(
        builder: String,
        _: attio_core::values::Envelope,
    ) -> Result<Self, E> {
        Ok(UncheckedPhone(builder))
    }
}

impl attio_core::values::WriteValue for UncheckedPhone {
    fn write<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// `people` whose phone numbers are sent unchecked.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct UncheckedPerson {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    phone_numbers: Vec<UncheckedPhone>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_number_refused_by_attio_names_the_attribute() {
    let (emu, client) = start().await;
    // Four digits fail Attio's E.164 validation, whose message names no attribute: the one
    // phone-number attribute written is named.
    let p = UncheckedPerson {
        email_addresses: vec![EmailAddress::new("phone@example.com").unwrap()],
        phone_numbers: vec![UncheckedPhone("+1234".into())],
    };
    let err = client
        .create(&p)
        .await
        .expect_err("not a phone number Attio accepts");
    let e = api(&err);
    assert_eq!(e.status, 400);
    assert!(e.message.contains("Invalid phone number"), "{err}");
    assert_eq!(e.attribute.as_deref(), Some("phone_numbers"));
    assert!(
        err.to_string().contains("(attribute `phone_numbers`)"),
        "{err}"
    );
    assert_eq!(emu.record_count("people"), 0);
}
