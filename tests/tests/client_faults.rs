//! The client under injected faults: 429s, 500/503s, connections dropped before and after
//! the write is stored. Bulk creates end with every record stored exactly once; past the
//! retry budget every failure is reported, none lost; a create with no unique attribute to
//! check is reported as unknown rather than resent.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio_core::values::{ActorRef, EmailAddress, Status};
use attio_core::{Client, Error, Progress, Record, RetryPolicy};
use attio_emulator::{Emulator, FaultRates, Faults, RateLimits};
use common::*;

fn person(i: usize) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(format!("person{i}@bulk.example")).unwrap()],
        name: None,
        description: None,
        job_title: Some(format!("Job {i}")),
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

fn client_for(emu: &Emulator, retry: RetryPolicy) -> Client {
    Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(retry)
        .build()
        .unwrap()
}

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        max_total_wait: Duration::from_secs(30),
        base_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(50),
    }
}

/// The stored people, by email.
fn stored_people(emu: &Emulator) -> HashMap<String, Record<Person>> {
    let mut by_email = HashMap::new();
    for json in emu.records("people") {
        let record: Record<Person> = serde_json::from_value(json).expect("a stored person decodes");
        for e in &record.values.email_addresses {
            let previous = by_email.insert(e.email_address().to_owned(), record.clone());
            assert!(previous.is_none(), "{} is stored twice", e.email_address());
        }
    }
    by_email
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_create_through_faults_stores_everything_exactly_once() {
    let faults = FaultRates {
        error_500: 0.02,
        error_503: 0.03,
        rate_limit_429: 0.003,
        drop_before: 0.02,
        drop_after: 0.03,
        latency: None,
    };
    let emu = Emulator::builder()
        .no_rate_limits()
        .faults(Faults {
            seed: 4,
            reads: faults,
            writes: faults,
        })
        .start()
        .await
        .unwrap();
    let client = client_for(&emu, fast_retries(12));

    let people: Vec<Person> = (0..2000).map(person).collect();
    let last = Arc::new(Mutex::new(None::<Progress>));
    let seen = Arc::clone(&last);
    let results = client
        .create_many(people.clone())
        .concurrency(16)
        .on_progress(move |p| *seen.lock().unwrap() = Some(*p))
        .await;

    assert_eq!(results.len(), 2000);
    let failures: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(ToString::to_string)
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed, e.g. {:?}",
        failures.len(),
        failures.first()
    );
    // One result per input, in input order.
    for (i, r) in results.iter().enumerate() {
        let r = r.as_ref().unwrap();
        assert_eq!(
            r.values.email_addresses, people[i].email_addresses,
            "result {i}"
        );
        assert_eq!(r.values.job_title, people[i].job_title);
    }
    assert_eq!(emu.record_count("people"), 2000);
    let stored = stored_people(&emu);
    assert_eq!(stored.len(), 2000);
    for r in &results {
        let r = r.as_ref().unwrap();
        let email = r.values.email_addresses[0].email_address();
        assert_eq!(stored[email].id, r.id, "the result is the stored record");
    }
    let ids: HashSet<_> = results.iter().map(|r| r.as_ref().unwrap().id).collect();
    assert_eq!(ids.len(), 2000);

    let p = last.lock().unwrap().expect("progress reported");
    assert_eq!(
        (p.total, p.done, p.succeeded, p.failed),
        (2000, 2000, 2000, 0)
    );

    // Every kind of fault was met and survived.
    let s = emu.stats();
    assert!(s.injected_429 > 0, "{s:?}");
    assert!(s.injected_500 > 0, "{s:?}");
    assert!(s.injected_503 > 0, "{s:?}");
    assert!(s.dropped_before > 0, "{s:?}");
    assert!(s.dropped_after > 0, "{s:?}");
    assert!(s.write_requests > 2000, "{s:?}");

    // Reads go through the same faults: a full scan still sees every record once.
    use futures_util::TryStreamExt;
    let all: Vec<Record<Person>> = client
        .query::<Person>()
        .limit(300)
        .stream()
        .try_collect()
        .await
        .expect("streamed");
    assert_eq!(all.len(), 2000);
    for r in results.iter().take(50) {
        let id = r.as_ref().unwrap().id.record_id;
        assert_eq!(
            client
                .get::<Person>(id)
                .await
                .expect("get through faults")
                .id
                .record_id,
            id
        );
    }
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_retry_budget_every_failure_is_reported() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .faults(Faults {
            seed: 11,
            reads: FaultRates::default(),
            writes: FaultRates {
                error_503: 0.3,
                drop_before: 0.1,
                drop_after: 0.2,
                ..FaultRates::default()
            },
        })
        .start()
        .await
        .unwrap();
    let client = client_for(&emu, fast_retries(2));
    let people: Vec<Person> = (0..500).map(person).collect();
    let last = Arc::new(Mutex::new(None::<Progress>));
    let seen = Arc::clone(&last);
    let results = client
        .create_many(people.clone())
        .concurrency(8)
        .on_progress(move |p| *seen.lock().unwrap() = Some(*p))
        .await;
    assert_eq!(results.len(), 500);
    let failed = results.iter().filter(|r| r.is_err()).count();
    assert!(
        failed > 0,
        "the budget of 2 attempts is too small for these faults"
    );
    assert!(failed < 500);
    let p = last.lock().unwrap().expect("progress reported");
    assert_eq!((p.done, p.succeeded, p.failed), (500, 500 - failed, failed));

    // Nothing is lost: every success is stored, and every stored record that is reported
    // as a failure carries an error that says its outcome is uncertain.
    let stored = stored_people(&emu);
    for (i, r) in results.iter().enumerate() {
        let email = people[i].email_addresses[0].email_address();
        match r {
            Ok(record) => assert_eq!(stored.get(email).map(|s| s.id), Some(record.id), "{email}"),
            Err(e) => {
                assert!(e.is_retryable(), "{email}: {e}");
                let uncertain = match e {
                    Error::Transport { maybe_sent, .. } => *maybe_sent,
                    Error::Api(api) => api.status >= 500,
                    _ => false,
                };
                if stored.contains_key(email) {
                    assert!(uncertain, "{email} was stored but reported as {e:?}");
                }
            }
        }
    }
    let succeeded = results.iter().filter(|r| r.is_ok()).count();
    assert!(stored.len() >= succeeded);
    assert!(stored.len() <= 500);
    emu.shutdown().await;
}

fn deal() -> Deal {
    Deal {
        name: "Big one".into(),
        stage: Status::by_title("Lead"),
        owner: ActorRef::workspace_member_by_email("owner@emulator.example.com").unwrap(),
        value: None,
        associated_people: vec![],
        associated_company: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_without_unique_key_is_never_resent_after_a_lost_response() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .faults(Faults {
            seed: 1,
            writes: FaultRates {
                drop_after: 1.0,
                ..FaultRates::default()
            },
            ..Faults::default()
        })
        .start()
        .await
        .unwrap();
    let client = client_for(&emu, fast_retries(5));
    let err = client.create(&deal()).await.expect_err("response lost");
    assert!(
        matches!(
            err,
            Error::OutcomeUnknown {
                object: "deals",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("may or may not"), "{err}");
    // It was stored once, and sent once.
    assert_eq!(emu.record_count("deals"), 1);
    assert_eq!(emu.stats().write_requests, 1);

    // A 5xx is just as uncertain.
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            error_500: 1.0,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let err = client.create(&deal()).await.expect_err("500");
    assert!(matches!(err, Error::OutcomeUnknown { .. }), "{err:?}");
    assert_eq!(emu.stats().write_requests, 2);

    // With a unique attribute, the same lost create is looked up by it: stored once.
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            drop_after: 0.3,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let client = client_for(&emu, fast_retries(12));
    for i in 0..20 {
        client
            .create(&person(i))
            .await
            .expect("created through lost responses");
    }
    assert_eq!(emu.record_count("people"), 20);
    assert!(emu.stats().dropped_after > 2);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_retried_after_a_lost_response_is_done() {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let client = client_for(&emu, fast_retries(10));
    let results = client.create_many((0..30).map(person)).await;
    let ids: Vec<_> = results
        .into_iter()
        .map(|r| r.unwrap().id.record_id)
        .collect();
    emu.set_faults(Faults {
        seed: 3,
        writes: FaultRates {
            drop_after: 0.5,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    for id in &ids {
        client
            .delete::<Person>(*id)
            .await
            .expect("deleted, even when the 200 was lost");
    }
    assert_eq!(emu.record_count("people"), 0);
    assert!(emu.stats().dropped_after > 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_are_waited_out_using_retry_after() {
    let emu = Emulator::builder()
        .rate_limits(RateLimits {
            reads_per_second: 100,
            writes_per_second: 5,
        })
        .start()
        .await
        .unwrap();
    // No client-side pacing: the emulator's 429s (with a Retry-After date) do the pacing.
    let client = client_for(&emu, RetryPolicy::default());
    let results = client.create_many((0..12).map(person)).concurrency(4).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(emu.record_count("people"), 12);
    let s = emu.stats();
    assert!(s.rate_limited > 0, "{s:?}");

    // Past the budget, the error says so.
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            rate_limit_429: 1.0,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let client = client_for(&emu, fast_retries(2));
    let err = client.create(&person(99)).await.expect_err("always 429");
    match err {
        Error::RateLimited {
            attempts,
            retry_after,
        } => {
            assert_eq!(attempts, 2);
            assert!(retry_after.is_some_and(|d| d <= Duration::from_secs(1)));
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(emu.record_count("people"), 12);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_with_an_unknown_outcome_is_looked_up_not_upserted() {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let client = client_for(&emu, fast_retries(5));
    let existing = client.create(&person(1)).await.unwrap();
    // Long enough for the lookup to tell a record created before the create from one the
    // create stored (the window is about two seconds of the server's clock).
    tokio::time::sleep(Duration::from_millis(2500)).await;

    // Every write answers 503 and stores nothing; reads work. A create of a value another
    // record holds is a uniqueness conflict, concluded by the client from its lookup (Attio
    // would have said the same): the other record is not touched.
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            error_503: 1.0,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let mut twin = person(1);
    twin.job_title = Some("Impostor".into());
    let err = client.create(&twin).await.expect_err("the value is taken");
    let Error::UniqueValueTaken {
        object,
        attribute,
        record_id,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(err.is_uniqueness_conflict(), "{err}");
    assert_eq!((*object, *attribute), ("people", "email_addresses"));
    assert_eq!(*record_id, existing.id.record_id);
    assert!(
        err.to_string().contains(&existing.id.record_id.to_string()),
        "{err}"
    );
    emu.set_faults(Faults::default());
    let again = client.get::<Person>(existing.id.record_id).await.unwrap();
    assert_eq!(again.values.job_title.as_deref(), Some("Job 1"));
    assert_eq!(emu.record_count("people"), 1);

    // A create whose response is lost after it was stored is found, not sent again.
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            drop_after: 1.0,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let writes = emu.stats().write_requests;
    let created = client
        .create(&person(2))
        .await
        .expect("found by the lookup");
    assert_eq!(created.values.job_title.as_deref(), Some("Job 2"));
    assert_eq!(emu.stats().write_requests, writes + 1, "sent once");
    assert_eq!(emu.record_count("people"), 2);

    // A create that was not stored (503) is sent again once the lookup finds nothing.
    emu.set_faults(Faults {
        seed: 4,
        writes: FaultRates {
            error_503: 0.5,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    for i in 3..13 {
        client
            .create(&person(i))
            .await
            .expect("stored on a later try");
    }
    assert_eq!(emu.record_count("people"), 12);
    assert!(emu.stats().injected_503 > 2);
}
