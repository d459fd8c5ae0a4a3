//! Bulk writes under latency: `create_many`, `update_many` and the entries' `create_many`
//! of 500 items each, with their default concurrency, against an emulator that enforces
//! Attio's limits (25 writes/s) and adds a 150 ms round trip to every request.
//!
//! `cargo run --release -p attio-benches --bin bulk_latency -- 500` prints, for each call,
//! the achieved rate ÷ 25 writes/s and the 429s the emulator sent.

use std::time::{Duration, Instant};

use attio_benches::throughput::{
    self, Contact, ContactUpdate, Membership, attio_limits, client_of, create_membership_list,
};
use attio_core::RecordRef;
use attio_core::values::EmailAddress;
use attio_emulator::Emulator;
use uuid::Uuid;

/// The round trip added to every request.
const ROUND_TRIP: Duration = Duration::from_millis(150);

/// One bulk call: its rate ÷ the write budget and the 429s it met.
fn report(name: &str, n: usize, elapsed: Duration, ok: usize, throttled: u64) -> f64 {
    let budget = f64::from(throughput::default_budget().writes_per_second);
    let ratio = n as f64 / elapsed.as_secs_f64() / budget;
    println!(
        "{name} of {n} at a {} ms round trip: {:.2} s, rate ÷ {budget} writes/s {ratio:.3}, 429s {throttled}, ok {ok}/{n}",
        ROUND_TRIP.as_millis(),
        elapsed.as_secs_f64()
    );
    ratio
}

async fn bench(n: usize) {
    let emulator = Emulator::builder()
        .rate_limits(attio_limits())
        .faults(throughput::round_trip(ROUND_TRIP))
        .start()
        .await
        .expect("emulator");
    let client = client_of(&emulator);
    create_membership_list(&client).await;
    let people: Vec<Contact> = (0..n)
        .map(|i| Contact {
            email_addresses: vec![
                EmailAddress::new(format!("bulk-{i}@example.com")).expect("valid"),
            ],
            job_title: Some("Tester".into()),
        })
        .collect();

    let before = emulator.stats().total_429();
    let start = Instant::now();
    let created = client.create_many(people).await;
    let elapsed = start.elapsed();
    let ids: Vec<Uuid> = created
        .iter()
        .filter_map(|r| r.as_ref().ok().map(|r| r.id.record_id))
        .collect();
    let throttled = emulator.stats().total_429() - before;
    let create = report("create_many", n, elapsed, ids.len(), throttled);

    let before = emulator.stats().total_429();
    let start = Instant::now();
    let updated = client
        .update_many(ids.iter().map(|&id| {
            (
                id,
                ContactUpdate::default().job_title(Some("Engineer".to_string())),
            )
        }))
        .await;
    let elapsed = start.elapsed();
    let ok = updated.iter().filter(|r| r.is_ok()).count();
    let throttled_update = emulator.stats().total_429() - before;
    let update = report("update_many", n, elapsed, ok, throttled_update);

    let before = emulator.stats().total_429();
    let start = Instant::now();
    let added = client
        .entries::<Membership>()
        .create_many(ids.iter().map(|&id| {
            (
                RecordRef::<Contact>::new(id),
                Membership {
                    note: Some("added".into()),
                },
            )
        }))
        .await;
    let elapsed = start.elapsed();
    let ok = added.iter().filter(|r| r.is_ok()).count();
    let throttled_entries = emulator.stats().total_429() - before;
    let entries = report("entries create_many", n, elapsed, ok, throttled_entries);
    emulator.shutdown().await;

    attio_benches::report::save(
        "bulk_latency",
        &[
            ("create_ratio", create),
            ("create_429", throttled as f64),
            ("update_ratio", update),
            ("update_429", throttled_update as f64),
            ("entries_ratio", entries),
            ("entries_429", throttled_entries as f64),
        ],
    );
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(500, |c| c.parse().expect("a count"));
    println!("machine: {}", throughput::machine());
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(bench(n));
}
