//! Client-side pacing against the emulator's rate limiter (Attio's 25 writes/s): a bulk
//! import of 300 records, split across two clones of one client, gets no 429.

mod common;

use std::time::{Duration, Instant};

use attio_core::values::EmailAddress;
use attio_core::{Client, RateLimits};
use attio_emulator::Emulator;
use common::*;

fn person(i: usize) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(format!("paced{i}@import.example")).unwrap()],
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_import_stays_under_the_write_limit() {
    // The emulator enforces Attio's limits: 100 reads/s and 25 writes/s.
    let emu = Emulator::builder().start().await.unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .rate_limits(RateLimits::default())
        .build()
        .unwrap();
    let other = client.clone();

    let started = Instant::now();
    let (a, b) = tokio::join!(
        client.create_many((0..150).map(person)).concurrency(8),
        other.create_many((150..300).map(person)).concurrency(8),
    );
    let elapsed = started.elapsed();

    assert!(a.iter().chain(&b).all(Result::is_ok));
    assert_eq!(emu.record_count("people"), 300);
    let s = emu.stats();
    assert_eq!(s.total_429(), 0, "{s:?}");
    assert_eq!(s.write_requests, 300, "{s:?}");
    // The clones share one budget: 300 writes at 25/s take about 12 s, not 6.
    assert!(elapsed >= Duration::from_millis(11_500), "{elapsed:?}");

    // Reads have their own budget: a burst of reads right after the import is not held
    // back by it, and stays under 100/s.
    let started = Instant::now();
    let ids: Vec<_> = a
        .iter()
        .take(40)
        .map(|r| r.as_ref().unwrap().id.record_id)
        .collect();
    for id in ids {
        client.get::<Person>(id).await.unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(emu.stats().total_429(), 0);
    emu.shutdown().await;
}
