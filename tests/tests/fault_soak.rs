//! Fault soak: a bulk create while the emulator answers 10% of writes with 503, 5% with 429,
//! and loses 2% of responses after storing the write. Every record ends up stored exactly
//! once and every item's result is reported. Each 429 pauses all writes until its
//! `Retry-After` date (whole seconds), so the regular suite runs 600 records to stay under a
//! minute; `ATTIO_SOAK_RECORDS=2000` runs the full size.

mod common;

use std::collections::HashSet;

use attio_core::values::EmailAddress;
use attio_core::{Client, RetryPolicy};
use attio_emulator::{Emulator, FaultRates, Faults};
use common::Person;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_creates_through_faults() {
    let n: usize = std::env::var("ATTIO_SOAK_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let faults = Faults {
        seed: 2026,
        reads: FaultRates::default(),
        writes: FaultRates {
            error_503: 0.10,
            rate_limit_429: 0.05,
            drop_after: 0.02,
            ..FaultRates::default()
        },
    };
    let emu = Emulator::builder()
        .no_rate_limits()
        .faults(faults)
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy {
            max_attempts: 20,
            max_total_wait: std::time::Duration::from_secs(120),
            base_delay: std::time::Duration::from_millis(5),
            max_delay: std::time::Duration::from_millis(50),
        })
        .build()
        .unwrap();
    let people = (0..n).map(|i| Person {
        email_addresses: vec![EmailAddress::new(format!("soak{i}@faults.example")).unwrap()],
        name: None,
        description: None,
        job_title: Some(format!("Soak {i}")),
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    });
    let results = client.create_many(people).concurrency(16).await;
    assert_eq!(results.len(), n, "every item has a result");
    let failed: Vec<_> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e.to_string())))
        .collect();
    assert!(failed.is_empty(), "failures: {failed:?}");
    assert_eq!(emu.record_count("people"), n);
    let emails: HashSet<String> = emu
        .records("people")
        .iter()
        .map(|r| {
            r["values"]["email_addresses"][0]["email_address"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(emails.len(), n, "no duplicates");
    let stats = emu.stats();
    assert!(
        stats.injected_503 > 0 && stats.injected_429 > 0 && stats.dropped_after > 0,
        "{stats:?}"
    );
}
