//! A record create, settled when its outcome is unknown.
//!
//! The send loop hands back a create that got a 5xx or lost its response
//! ([`Unsettled`](crate::http::send::Unsettled)): it may or may not have been stored, and
//! sent again it could be stored twice. This step settles it by the record's unique value:
//! it looks the value up (`POST …/records/query`); a record created since the create was
//! first sent is the one it stored, an older one holding the value means the create was not
//! stored ([`Error::UniqueValueTaken`]), and no record means nothing was stored, so the
//! create is sent again. A value that cannot be looked up (a phone number, written as an
//! object) is settled by resending the create as an assert on it. Without a unique value
//! the outcome stays unknown ([`Error::OutcomeUnknown`]). Every request of the call,
//! lookups included, is sent on one [`Budget`]; a lookup that finds nothing gives its
//! attempt back.

use std::time::{Duration, SystemTime};

use super::requests::{self, Write};
use crate::error::Error;
use crate::http::client::Client;
use crate::http::clock::ServerClock;
use crate::http::request::Request;
use crate::http::send::{Budget, Failure};
use crate::json;
use crate::record::{AttioRecord, Record};
use crate::values::LookupKey;
use crate::written::Written;

/// How much earlier than the create was first sent (in the server's time) a record holding
/// its unique value may have been created and still be taken for the one the create stored:
/// the server's clock is read from the lookup's `Date` header, which has whole seconds.
const SLACK: Duration = Duration::from_secs(1);
/// The same, when the lookup's answer has no `Date` header: the server's clock may be this
/// far behind ours.
const SLACK_WITHOUT_DATE: Duration = Duration::from_secs(120);

/// The unique attribute a create is settled by.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    slug: &'static str,
    /// Its first value as a filter matches it; `None` when it cannot be looked up.
    lookup: Option<LookupKey>,
}

impl Key {
    /// The first `#[attio(unique)]` attribute of `T` the create wrote.
    fn of<T: AttioRecord>(written: &Written) -> Option<Key> {
        T::ATTRIBUTES
            .iter()
            .filter(|a| a.unique && !a.read_only)
            .find_map(|a| written.keys.iter().find(|(slug, _)| *slug == a.slug))
            .map(|(slug, lookup)| Key {
                slug,
                lookup: lookup.clone(),
            })
    }

    /// The body of the lookup: `{"filter":{slug: value},"limit":1}`.
    fn filter(&self, value: &LookupKey) -> Vec<u8> {
        let filter = serde_json::json!({ "filter": { self.slug: value }, "limit": 1 });
        serde_json::to_vec(&filter).expect("serializing JSON values into a Vec cannot fail")
    }
}

/// What the lookup of a create found.
#[derive(Debug)]
enum Found<T> {
    /// The record the create stored.
    Stored(Record<T>),
    /// No record holds the value: the create was not stored.
    Nothing,
}

/// Creates a record from its encoded `write`, settling an unknown outcome as described
/// above.
pub(super) async fn create<T: AttioRecord>(
    client: &Client,
    write: Write,
) -> Result<Record<T>, Error> {
    let Write { body, written } = write;
    let key = Key::of::<T>(&written);
    let create = requests::create_request::<T>(body);
    // For a key that cannot be looked up: the create, resent as an assert on it.
    let mut assert = None;
    let mut budget = Budget::new();
    loop {
        let request = assert.as_ref().unwrap_or(&create);
        let unsettled = match client.send(request, &mut budget).await {
            Ok(reply) => {
                return client.decode(&reply, |body| requests::decode_written::<T>(body, None));
            }
            Err(Failure::Failed(e)) => {
                return Err(requests::name_attribute(e, T::ATTRIBUTES, &written));
            }
            Err(Failure::Unsettled(u)) => u,
        };
        let Some(key) = &key else {
            return Err(Error::OutcomeUnknown {
                object: T::OBJECT,
                reason: format!(
                    "its response was lost ({}) and the model has no `#[attio(unique)]` attribute to check it by",
                    unsettled.error
                ),
            });
        };
        let Some(after) = unsettled.after else {
            return Err(unsettled.gave_up());
        };
        budget.wait(after).await;
        let Some(value) = &key.lookup else {
            tracing::debug!(
                matching_attribute = key.slug,
                "create outcome unknown: resending as an assert"
            );
            assert = Some(as_assert::<T>(&create, key.slug));
            continue;
        };
        tracing::debug!(
            attribute = key.slug,
            "create outcome unknown: looking it up"
        );
        let since = budget.first_sent().unwrap_or_else(SystemTime::now);
        let lookup = requests::query_request::<T>(key.filter(value)).with_server_clock();
        let reply = match client.send(&lookup, &mut budget).await {
            Ok(reply) => reply,
            Err(failure) => return Err(lookup_failed::<T>(key.slug, failure.into_error())),
        };
        let found = client.decode(&reply, |body| {
            resolve::<T>(body, key.slug, since, reply.clock, &create.describe())
        })?;
        match found {
            Found::Stored(record) => {
                tracing::debug!("the create was stored; its record was found");
                return Ok(record);
            }
            Found::Nothing => {
                tracing::debug!("the create was not stored: sending it again");
                // The lookup does not use up one of the create's attempts.
                budget.refund();
            }
        }
    }
}

/// The same create, as an assert on `slug` with the same body: it finds the record if the
/// lost create stored it, and creates it otherwise.
fn as_assert<T: AttioRecord>(create: &Request, slug: &'static str) -> Request {
    let mut assert = requests::assert_request::<T>(Vec::new(), slug);
    assert.body = create.body.clone();
    assert
}

/// The create's outcome stays unknown: its lookup by `slug` failed with `error`.
fn lookup_failed<T: AttioRecord>(slug: &str, error: Error) -> Error {
    Error::OutcomeUnknown {
        object: T::OBJECT,
        reason: format!("its response was lost, and looking it up by `{slug}` failed ({error})"),
    }
}

/// Reads the lookup's answer, `{"data":[record]}`: the record the create stored (created
/// since the create was first sent, `since`, in the server's clock), nothing, or
/// [`Error::UniqueValueTaken`] when an older record holds the value. A body that does not
/// decode leaves the outcome unknown.
fn resolve<T: AttioRecord>(
    body: &[u8],
    slug: &'static str,
    since: SystemTime,
    clock: Option<ServerClock>,
    create: &str,
) -> Result<Found<T>, Error> {
    let records = json::decode_records::<T>(body).map_err(|e| lookup_failed::<T>(slug, e))?;
    let Some(record) = records.into_iter().next() else {
        return Ok(Found::Nothing);
    };
    let since = match clock {
        Some(clock) => clock.to_server(since) - SLACK,
        None => since - SLACK_WITHOUT_DATE,
    };
    if record.created_at >= chrono::DateTime::<chrono::Utc>::from(since) {
        return Ok(Found::Stored(record));
    }
    Err(Error::UniqueValueTaken {
        object: T::OBJECT,
        attribute: slug,
        record_id: record.id.record_id,
        created_at: record.created_at,
        request: create.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::{EmailAddress, PhoneNumber};

    #[derive(crate::AttioRecord, Debug, Clone, PartialEq)]
    #[attio(object = "people", crate = "crate")]
    struct Person {
        #[attio(unique)]
        email_addresses: Vec<EmailAddress>,
        name: Option<String>,
        #[attio(unique)]
        badge: Vec<i64>,
        #[attio(unique)]
        phone: Vec<PhoneNumber>,
    }

    fn person(emails: &[&str]) -> Person {
        Person {
            email_addresses: emails
                .iter()
                .copied()
                .map(|e| EmailAddress::new(e).unwrap())
                .collect(),
            name: Some("x".into()),
            badge: vec![],
            phone: vec![],
        }
    }

    fn key_of(p: &Person) -> Option<Key> {
        Key::of::<Person>(&requests::encode_create(p).unwrap().written)
    }

    #[test]
    fn create_is_looked_up_by_its_first_unique_value() {
        let key = key_of(&person(&["Ada@Example.com", "b@example.com"])).unwrap();
        assert_eq!(key.slug, "email_addresses");
        let value = key.lookup.as_ref().expect("an email can be looked up");
        assert_eq!(
            key.filter(value),
            br#"{"filter":{"email_addresses":"ada@example.com"},"limit":1}"#
        );
        let lookup = requests::query_request::<Person>(key.filter(value));
        assert_eq!(lookup.describe(), "POST /v2/objects/people/records/query");

        // Numbers are looked up as numbers.
        let mut p = person(&[]);
        p.badge = vec![42];
        let key = key_of(&p).unwrap();
        assert_eq!(key.slug, "badge");
        assert_eq!(
            key.filter(key.lookup.as_ref().unwrap()),
            br#"{"filter":{"badge":42},"limit":1}"#
        );
        // A phone number is written as an object: no lookup (the create falls back to an
        // assert on it).
        p.badge = vec![];
        p.phone = vec![PhoneNumber::new("+15558675309", None).unwrap()];
        let key = key_of(&p).unwrap();
        assert_eq!((key.slug, key.lookup), ("phone", None));
        // Without a value for any unique attribute, no key.
        assert_eq!(key_of(&person(&[])), None);
    }

    #[test]
    fn create_turns_into_assert() {
        let create = requests::create_request::<Person>(b"{}".to_vec());
        let assert = as_assert::<Person>(&create, "phone");
        assert_eq!(
            assert.describe(),
            "PUT /v2/objects/people/records?matching_attribute=phone"
        );
        assert!(assert.safety.is_idempotent());
        assert_eq!(assert.body.as_deref(), Some(&b"{}"[..]));
    }

    #[test]
    fn text_keys_keep_their_case() {
        #[derive(crate::AttioRecord)]
        #[attio(object = "users", crate = "crate")]
        struct User {
            #[attio(unique)]
            user_id: String,
        }
        let write = requests::encode_create(&User {
            user_id: "U-1".into(),
        })
        .unwrap();
        let key = Key::of::<User>(&write.written).unwrap();
        assert_eq!(
            key.filter(key.lookup.as_ref().unwrap()),
            br#"{"filter":{"user_id":"U-1"},"limit":1}"#
        );
    }

    fn page(created_at: &str) -> String {
        format!(
            r#"{{"data":[{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}},"created_at":"{created_at}","web_url":null,"values":{{}}}}]}}"#
        )
    }

    const CREATE: &str = "POST /v2/objects/people/records";

    fn resolve_at(
        body: &str,
        since: SystemTime,
        clock: Option<ServerClock>,
    ) -> Result<Found<Person>, Error> {
        resolve::<Person>(body.as_bytes(), "email_addresses", since, clock, CREATE)
    }

    #[test]
    fn lookup_tells_stored_from_taken_from_nothing() {
        let since: SystemTime = chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc)
            .into();

        // Without the server's clock: created after the first send, or up to two minutes
        // before it (the server's clock may be behind), is ours.
        for t in ["2026-11-26T10:00:01.5Z", "2026-11-26T09:59:00Z"] {
            match resolve_at(&page(t), since, None).unwrap() {
                Found::Stored(record) => {
                    assert_eq!(
                        record.created_at.to_rfc3339(),
                        chrono::DateTime::parse_from_rfc3339(t)
                            .unwrap()
                            .to_rfc3339()
                    );
                }
                other => panic!("{t}: {other:?}"),
            }
        }
        // With it (here 30 s behind ours), the window is one second: the create was first
        // sent at 09:59:30 in the server's time.
        let local = since + Duration::from_secs(5);
        let clock = Some(ServerClock {
            server: local - Duration::from_secs(30),
            local,
        });
        for (t, ours) in [
            ("2026-11-26T09:59:31Z", true),
            ("2026-11-26T09:59:29.5Z", true),
            ("2026-11-26T09:59:28Z", false),
            ("2026-11-26T09:59:00Z", false),
        ] {
            let found = resolve_at(&page(t), since, clock);
            assert_eq!(
                matches!(found, Ok(Found::Stored(_))),
                ours,
                "{t}: {found:?}"
            );
        }
        // Created well before: another record already held the value.
        let err = resolve_at(&page("2026-11-20T08:00:00Z"), since, None)
            .map(|_| ())
            .unwrap_err();
        let Error::UniqueValueTaken {
            object,
            attribute,
            record_id,
            ref request,
            ..
        } = err
        else {
            panic!("{err:?}")
        };
        assert_eq!((object, attribute), ("people", "email_addresses"));
        assert_eq!(
            record_id.to_string(),
            "bf071e1f-6035-429d-b874-d83ea64ea13b"
        );
        assert_eq!(request, CREATE);
        assert!(err.is_uniqueness_conflict());
        let shown = err.to_string();
        assert!(
            shown.contains("record bf071e1f-6035-429d-b874-d83ea64ea13b")
                && shown.contains("concluded by the client")
                && shown.contains("response was lost"),
            "{shown}"
        );
        // No record: the create was not stored.
        assert!(matches!(
            resolve_at(r#"{"data":[]}"#, since, None).unwrap(),
            Found::Nothing
        ));
        // A malformed answer leaves the outcome unknown, and says why.
        for bad in ["{", r#"{"data":[{"id":{}}]}"#] {
            let err = resolve_at(bad, since, None).map(|_| ()).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::OutcomeUnknown {
                        object: "people",
                        ..
                    }
                ),
                "{err:?}"
            );
            assert!(
                err.to_string()
                    .contains("looking it up by `email_addresses`")
            );
        }
    }
}
